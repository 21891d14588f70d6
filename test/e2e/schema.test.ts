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
  it.skipIf(!existsSync(shared))("is the same schema as the shared contract", () => {
    expect(schema).toEqual(JSON.parse(readFileSync(shared, "utf8")));
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
