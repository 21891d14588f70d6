import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { vi } from "vitest";
import { main } from "../../src/cli/main.js";
import { runRules } from "../../src/engine/run.js";
import type { Rule } from "../../src/engine/types.js";
import { loadPackage, type Package } from "../../src/loaders/index.js";
import type { Amount } from "../../src/model/amount.js";
import { rules } from "../../src/rules/index.js";
import { ROOT } from "./cli.js";

const schema = JSON.parse(readFileSync(join(ROOT, "docs", "report.schema.json"), "utf8"));
export const validateReport = new Ajv2020.default({ allErrors: true, strict: false }).compile(schema);

export interface Run {
  status: number;
  stdout: string;
  stderr: string;
  /** Set when main threw (an internal error the launcher would print as one line). */
  thrown?: unknown;
}

/**
 * The CLI in this process (main() of src/cli/main.ts, as bin/budget-check.js calls it) with stdout and
 * stderr captured: a few hundred runs in seconds, where spawning a process per case takes half a second.
 */
export async function runInProcess(args: string[]): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => ((stdout += String(s)), true));
  const err = vi.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => ((stderr += String(s)), true));
  try {
    return { status: await main(["node", "budget-check", ...args]), stdout, stderr };
  } catch (thrown) {
    return { status: -1, stdout, stderr, thrown };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/**
 * The amounts of a package that take part in an identity the rules reconcile (every sum and equality
 * that holds on the clean document, from the tables and from the text): changing one of them beyond
 * every tolerance must make the check fail.
 */
export async function reconciledAmounts(pkg: Package, options: { severities: Record<string, "off"> }): Promise<Amount[]> {
  const doc = await loadPackage(pkg);
  const found = new Set<Amount>();
  const capture: Rule = {
    id: "zz-capture",
    defaultSeverity: "info",
    description: "test only",
    descriptionZh: "测试",
    judgesSystem: true,
    check(_doc, ctx) {
      for (const c of ctx.system()) if (c.kind === "eq") for (const t of c.terms) found.add(t.amount);
    },
  };
  runRules(doc, [...rules, capture], { tolerance: { kind: "auto" }, lang: "en", severities: options.severities });
  return [...found].filter((a) => !a.exact);
}

/** What every run must satisfy, whatever the mutation: a status of 0, 1 or 2, no stack trace, a report valid against the schema. */
export function wellBehaved(r: Run): string | null {
  if (r.thrown !== undefined) return `main threw: ${(r.thrown as Error)?.stack ?? String(r.thrown)}`;
  if (![0, 1, 2].includes(r.status)) return `exit status ${r.status}`;
  if (/\n\s+at .+:\d+:\d+\)?\n/.test(r.stderr) || /internal error/.test(r.stderr)) return `stack trace or internal error on stderr: ${r.stderr.slice(0, 500)}`;
  let report: unknown;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    return `stdout is not JSON: ${r.stdout.slice(0, 200)}`;
  }
  if (!validateReport(report)) return `report invalid: ${JSON.stringify(validateReport.errors).slice(0, 500)}`;
  return null;
}
