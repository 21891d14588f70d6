import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT } from "../helpers/cli.js";

/*
 * A 决算's 财政拨款收入支出决算表 whose 总计 line has one fund's figure mistyped (test/fixtures/final-funds-total): the
 * line breaks its identity (合计 = 一般公共预算 + 政府性基金 + 国有资本经营) wherever its three figures are put, and they
 * were put one column right, 合计 left blank — the mistake went unreported.
 */
const DIR = join(ROOT, "test", "fixtures", "final-funds-total");

interface Finding {
  ruleId: string;
  severity: string;
  location?: { line?: number };
}

describe("a 决算's 财政拨款收入支出决算表 of 合计 and the funds", () => {
  it("consistent: no error and no warning", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "tianjin-final.txt")]);
    const doc = report.documents[0];
    expect(doc.findings.filter((f: Finding) => f.severity !== "info").map((f: Finding & { message: string }) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(status).toBe(0);
  });

  it("its 总计 line with the 一般公共预算 figure mistyped: read with 合计 first, an error at that line", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "tianjin-final-seeded.txt")]);
    expect(status).toBe(1);
    const errors = report.documents[0].findings.filter((f: Finding) => f.severity === "error");
    expect(errors.some((f: Finding) => f.ruleId === "row-total" && f.location?.line === 179)).toBe(true);
    // The fund's own column pins it (its 总计 = its 本年支出合计 + 年末结转和结余): the diagnosis names the mistyped figure, not
    // a sibling fund's.
    const blamed = report.documents[0].findings.filter((f: Finding) => f.ruleId === "diagnosis" && f.location?.line === 179);
    expect(blamed.map((f: Finding & { column: string; stated: string; computed: string }) => [f.column, f.stated, f.computed])).toEqual([["一般公共预算", "7308.57", "7380.57"]]);
    // The other seeds, each at its own line.
    const lines = new Set(errors.map((f: Finding) => f.location?.line));
    for (const line of [122, 247, 293, 311]) expect(lines, String(line)).toContain(line);
  });
});
