import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cliJson, ROOT, type JsonFinding } from "../helpers/cli.js";

/*
 * A percentage that fails alone (src/diagnosis/lone-percentages.ts), through the CLI. 吉林's fixture (test/fixtures/
 * jilin-budget, synthetic) says 2025年预算数为873.60万元，比2024年预算数增加39.31万元，增长4.71%: last year's figure is
 * printed nowhere, so nothing but the percentage holds the change. A change typed wrong (49.31) must be named at its
 * place with the value one mistyped digit gives, the percentage's finding explained by it; a percentage typed wrong
 * (5.71) is named by its own finding, and nothing is added.
 */
const JILIN = join(ROOT, "test", "fixtures", "jilin-budget", "document.txt");
const dir = mkdtempSync(join(tmpdir(), "lone-percentages-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
type Finding = JsonFinding & { id?: string; explainedBy?: string; location: { line?: number; column?: number }; diagnosis?: { alternatives: { to: string }[][] } };

function typed(from: RegExp, to: string): { file: string; line: number; column: number } {
  const lines = readFileSync(JILIN, "utf8").split("\n");
  const at = lines.findIndex((l) => from.test(l));
  expect(at).toBeGreaterThan(0);
  const column = lines[at].search(from) + 1;
  lines[at] = lines[at].replace(from, to);
  const file = join(dir, `typed-${at}-${to.length}.txt`);
  writeFileSync(file, lines.join("\n"));
  return { file, line: at + 1, column };
}

const errors = (report: { documents: { findings: Finding[] }[] }) => report.documents[0].findings.filter((f) => f.severity === "error");

describe("a percentage that fails alone", () => {
  it("the change typed wrong: named at its place, 39.31 proposed, the percentage's finding explained by it", { timeout: 60_000 }, () => {
    const { file, line } = typed(/39\.31(?=万元，增长4\.71%)/, "49.31");
    const { status, report } = cliJson([file]);
    expect(status).toBe(1);
    const found = errors(report);
    const named = found.filter((f) => f.ruleId === "diagnosis");
    expect(named.map((f) => [f.stated, f.computed, f.location.line])).toEqual([["49.31", "39.31", line]]);
    expect(named[0].message).toMatch(/one digit mistyped/);
    expect(named[0].diagnosis!.alternatives).toEqual([[expect.objectContaining({ from: "4.71", to: "5.98" })]]);
    const percent = found.find((f) => f.ruleId === "yoy-change");
    expect(percent).toMatchObject({ stated: "4.71", explainedBy: named[0].id });
    expect(found).toHaveLength(2);
  });

  it("the percentage typed wrong: its own finding names it, no diagnosis is added", { timeout: 60_000 }, () => {
    const { file } = typed(/(?<=增长)4\.71(?=%)/, "5.71");
    const { report } = cliJson([file]);
    const found = errors(report);
    expect(found.map((f) => [f.ruleId, f.stated])).toEqual([["yoy-change", "5.71"]]);
    expect(found[0].explainedBy).toBeUndefined();
  });

  it("the fixture as printed: no diagnosis", { timeout: 60_000 }, () => {
    const { report } = cliJson([JILIN]);
    expect(report.documents[0].findings.filter((f: Finding) => f.ruleId === "diagnosis")).toEqual([]);
  });
});
