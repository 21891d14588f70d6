import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT, SEED, SEED_CSV } from "../helpers/cli.js";

const schema = JSON.parse(readFileSync(join(ROOT, "docs", "report.schema.json"), "utf8"));
const validate = new Ajv2020.default({ allErrors: true, strict: false }).compile(schema);

describe("the JSON report follows docs/report.schema.json", () => {
  // The shared contract sits beside the project in CI and in the work tree; where it does not, the test
  // is reported as skipped rather than passing without comparing anything.
  const shared = join(ROOT, "..", "shared", "spec", "report.schema.json");
  // Version 2 extends the founding version 1 (shared/spec): nothing a version 1 consumer reads is removed
  // or made optional; only the version number changes.
  it.skipIf(!existsSync(shared))("keeps every property and requirement of the founding version 1", () => {
    const v1 = JSON.parse(readFileSync(shared, "utf8"));
    expect(schema.properties.version).toEqual({ const: 2 });
    const missing: string[] = [];
    const walk = (a: any, b: any, path: string): void => {
      if (!a || typeof a !== "object") return;
      if (Array.isArray(a.required)) for (const r of a.required) if (!b?.required?.includes(r)) missing.push(`${path}.required.${r}`);
      for (const [k, v] of Object.entries(a.properties ?? {})) {
        if (path === "" && k === "version") continue;
        if (!b?.properties?.[k]) missing.push(`${path}.${k}`);
        else walk(v, b.properties[k], `${path}.${k}`);
      }
      for (const [k, v] of Object.entries(a.$defs ?? {})) walk(v, b?.$defs?.[k], `$defs.${k}`);
      if (a.items) walk(a.items, b?.items, `${path}[]`);
    };
    walk(v1, schema, "");
    expect(missing).toEqual([]);
  });

  it("validates the real CLI's report on the seed, its CSV form and a missing input together", () => {
    const { report, status } = cliJson([SEED, SEED_CSV, "no/such/file.md"]);
    expect(status).toBe(2);
    const ok = validate(report);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(report.summary.documents).toBe(3);
    expect(report.documents[2].failure.message).toMatch(/no such file/);
  });
});
