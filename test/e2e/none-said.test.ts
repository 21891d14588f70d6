import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cliJson, ROOT, type JsonFinding } from "../helpers/cli.js";

/*
 * A fund said to be none (src/claims/none-said.ts), through the CLI. 吉林's fixture (test/fixtures/jilin-budget, synthetic)
 * prints 政府性基金 money (2964.50 万元) and says so; its sentence replaced by the one a department copies from a year
 * without that fund must be found, at the 无. The township's 决算, which has no 政府性基金 money and says so, passes.
 */
const JILIN = join(ROOT, "test", "fixtures", "jilin-budget", "document.txt");
const dir = mkdtempSync(join(tmpdir(), "funds-none-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
type Finding = JsonFinding & { location: { line?: number; column?: number } };

describe("a fund the text says the department has none of", () => {
  it("copied beside a fund table that prints figures: an error for its income and one for its spending, at the 无", { timeout: 60_000 }, () => {
    const lines = readFileSync(JILIN, "utf8").split("\n");
    const at = lines.findIndex((l) => /政府性基金预算拨款支出2964\.50万元/.test(l));
    expect(at).toBeGreaterThan(0);
    // (The statement's three lines, replaced by one and two blank lines: the other lines keep their numbers.)
    lines.splice(at, 3, "    吉林省水利厅2025年无政府性基金预算拨款收入和支出。", "", "");
    const file = join(dir, "document.txt");
    writeFileSync(file, lines.join("\n"));
    const { status, report } = cliJson([file]);
    expect(status).toBe(1);
    const errors: Finding[] = report.documents[0].findings.filter((f: Finding) => f.severity === "error");
    const none = errors.filter((f) => /（无）/.test(f.message)).map((f) => [f.ruleId, f.stated, f.computed, f.location.line, f.location.column]);
    expect(none).toEqual([
      ["diagnosis", "0", "2964.5", at + 1, 16],
      ["text-vs-table", "0", "2964.5", at + 1, 16],
      ["text-vs-table", "0", "2964.5", at + 1, 16],
    ]);
    // The sentence is what is wrong (one figure, against the tables' income and spending that agree): the diagnosis
    // names it, and explains both. (Nothing else: the tables agree among themselves.)
    const named = errors.find((f) => f.ruleId === "diagnosis") as Finding & { id: string };
    expect(errors.filter((f) => f.ruleId === "text-vs-table").every((f) => (f as { explainedBy?: string }).explainedBy === named.id)).toBe(true);
    expect(errors.length).toBe(3);
  });

  it("true (the township's 决算: no 政府性基金 money, the fund table empty): nothing", { timeout: 60_000 }, () => {
    const { report } = cliJson([join(ROOT, "test", "fixtures", "township-final", "document.txt")]);
    expect(report.documents[0].findings.filter((f: Finding) => /（无）/.test(f.message))).toEqual([]);
  });
});
