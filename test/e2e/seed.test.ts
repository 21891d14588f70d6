import { describe, expect, it } from "vitest";
import { cli, cliJson, SEED } from "../helpers/cli.js";

describe("the seed fixture, checked by the real CLI", () => {
  const { status, report } = cliJson([SEED]);
  const doc = report.documents[0];
  const tableRules = new Set(["row-total", "year-change", "balance-totals", "hierarchy-sum", "part-of-total", "negative-amount", "items-vs-units", "allocation-vs-summary", "general-vs-total", "economic-vs-function", "sanggong-vs-economic", "fund-tables", "tasks-vs-budget"]);

  it("exits 0: the seed's tables hold no error beyond rounding", () => {
    expect(status).toBe(0);
    expect(doc.failure).toBeNull();
    expect(doc.findings.filter((f: { severity: string }) => f.severity === "error")).toEqual([]);
  });

  it("reports dozens of rounding-only mismatches, each as info within rounding with its arithmetic", () => {
    const rounding = doc.findings.filter((f: { ruleId: string }) => tableRules.has(f.ruleId));
    expect(rounding.length).toBeGreaterThan(24);
    for (const f of rounding) {
      expect(f.severity).toBe("info");
      expect(f.withinRounding).toBe(true);
      const diff = Number(f.stated) - Number(f.computed);
      expect(Number(f.difference)).toBe(diff);
      expect(Math.abs(diff)).toBeLessThanOrEqual(2);
      expect(Math.abs(diff)).toBeLessThanOrEqual(Number(f.tolerance));
      expect(f.location.line).toBeGreaterThan(0);
    }
  });

  it("shows the 表8 301 工资福利支出 sum of the spec's example: 873 printed, 872 computed, tolerance 5", () => {
    const f = doc.findings.find((x: { ruleId: string; table: string; code: string; column: string }) => x.ruleId === "hierarchy-sum" && x.table === "T8" && x.code === "301" && x.column === "支出总计");
    expect(f).toMatchObject({ severity: "info", withinRounding: true, unit: "深圳市科学技术协会(本级)", stated: "873", computed: "872", difference: "1", tolerance: "5" });
    expect(f.location).toEqual({ file: SEED, line: 636, column: 13 });
    expect(f.related.map((r: { line: number }) => r.line)).toEqual([637, 638, 639, 640, 641, 642, 643, 644, 645]);
  });

  it("warns that the 目录 lists 表2, 表4, 表5 that the document does not contain", () => {
    const missing = doc.findings.filter((f: { ruleId: string }) => f.ruleId === "table-presence").map((f: { table: string; severity: string }) => [f.table, f.severity]);
    expect(missing).toEqual([["T2", "warning"], ["T4", "warning"], ["T5", "warning"]]);
    const present = Object.fromEntries(doc.tables.map((t: { id: string; present: boolean }) => [t.id, t.present]));
    expect(present).toMatchObject({ T1: true, T2: false, T3: true, T4: false, T5: false, T6: true, T12: true });
  });

  it("warns that 2060704 is printed as 学术交流活动的 in 表7 but 学术交流活动 elsewhere", () => {
    const f = doc.findings.filter((x: { ruleId: string }) => x.ruleId === "code-name");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ table: "T7", code: "2060704", item: "学术交流活动的", severity: "warning", location: { line: 533 } });
  });

  it("reads the document's department, year and money unit", () => {
    expect(doc).toMatchObject({ department: "深圳市科学技术协会", year: 2023, moneyUnit: "万元", format: "markdown" });
  });

  it("prints a text report grouped by table with the arithmetic and a summary line", () => {
    const r = cli([SEED]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/T8 一般公共预算支出表（按经济分类）/);
    expect(r.stdout).toMatch(/stated 873 {2}computed 872 {2}difference 1 {2}tolerance 5/);
    expect(r.stdout.trim().split("\n").pop()).toMatch(/^⚠ 0 errors, 4 warnings, \d+ info \(rounding notes\) in 1 document$/);
    expect(r.stdout).not.toMatch(/\u001b\[/); // not a terminal: no colour
  });
});
