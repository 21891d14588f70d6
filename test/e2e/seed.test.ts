import { describe, expect, it } from "vitest";
import { cli, cliJson, SEED } from "../helpers/cli.js";

describe("the seed fixture, checked by the real CLI", () => {
  const { status, report } = cliJson([SEED]);
  const doc = report.documents[0];
  const tableRules = new Set(["row-total", "year-change", "balance-totals", "hierarchy-sum", "part-of-total", "negative-amount", "items-vs-units", "allocation-vs-summary", "general-vs-total", "economic-vs-function", "sanggong-vs-economic", "fund-tables", "tasks-vs-budget"]);

  const textRules = new Set(["text-sum", "text-vs-table", "yoy-change", "staffing-sum", "duplicate-text"]);
  const errorsOf = (pred: (f: { ruleId: string }) => boolean) => doc.findings.filter((f: { severity: string; ruleId: string }) => f.severity === "error" && pred(f));

  it("the seed's tables hold no error beyond rounding", () => {
    expect(doc.failure).toBeNull();
    expect(errorsOf((f) => !textRules.has(f.ruleId))).toEqual([]);
  });

  it("exits 1: the text holds exactly the genuine errors a reader finds (wrong year-on-year percentages)", () => {
    expect(status).toBe(1);
    const found = errorsOf((f) => textRules.has(f.ruleId)).map((f: { ruleId: string; location: { line: number }; stated: string; computed: string }) => [f.ruleId, f.location.line, f.stated, f.computed]);
    expect(found).toEqual([
      ["yoy-change", 98, "15", "17"], // +327 on 2,247: 327 / 1,920 = 17.0% (printed 15% = 327 / 2,247)
      ["yoy-change", 102, "9", "8.2"], // −59 on 659: 59 / 718 = 8.2% (printed 9% = 59 / 659)
      ["yoy-change", 110, "36", "55.5"], // +427 on 1,197: 427 / 770 = 55.5%
      ["yoy-change", 112, "59", "36.9"], // −48 on 82: 48 / 130 = 36.9%
      ["yoy-change", 152, "80", "88.9"], // −8 on 1: 8 / 9 = 88.9%; at least 7.5 / 9 = 83.3% within rounding
      ["yoy-change", 226, "10", "11"], // 机关运行经费 +13 on 131: 13 / 118 = 11.0%; at least 10.504%
    ]);
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

  it("prints a text report with the errors first, the rounding notes one line per table, and a summary line", () => {
    const r = cli([SEED]);
    expect(r.status).toBe(1);
    const lines = r.stdout.split("\n");
    const firstFinding = lines.findIndex((l) => /^ {2}(error|warning|info|rounding) /.test(l));
    expect(lines[firstFinding]).toMatch(/^ {2}error /);
    expect(lines.filter((l) => /^ {2}error /.test(l))).toHaveLength(6);
    const lastError = lines.map((l) => /^ {2}error /.test(l)).lastIndexOf(true);
    expect(lines.findIndex((l) => /^ {2}warning /.test(l))).toBeGreaterThan(lastError);
    expect(r.stdout).toMatch(/^ {2}rounding +\d+ rounding differences in T8 一般公共预算支出表（按经济分类）, all within 尾数误差/m);
    expect(r.stdout).not.toMatch(/stated 873 {2}computed 872/);
    const all = cli([SEED, "--show-rounding"]).stdout;
    expect(all).toMatch(/stated 873 {2}computed 872 {2}difference 1 {2}tolerance 5/);
    expect(r.stdout.trim().split("\n").pop()).toMatch(/^✖ 6 errors, 4 warnings, \d+ info \(rounding notes\) in 1 document$/);
    expect(r.stdout).not.toMatch(/\u001b\[/); // not a terminal: no colour
  });
});
