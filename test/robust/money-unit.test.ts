import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { moneyUnitOf } from "../../src/loaders/money-unit.js";
import { cliJson, ROOT, SEED } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

/*
 * A table's money-unit line as departments print it. Shanghai's tables are in 元 and its text in 万元; a unit
 * line not understood left a table in its template's unit, and a table in 元 read as 万元 made every identity
 * with the text fail: （单位：元） and 单位：人民币元 gave the district office's clean 2025 budget 34 false errors.
 */
const WORDINGS = ["金额单位：元", "单位:元", "（单位：元）", "(单位：元)", "单位：人民币元", "计量单位：元", "（元）"];

describe("money-unit lines", () => {
  it("reads the unit of each wording, and no unit from a header's words", () => {
    for (const w of ["单位：元", ...WORDINGS]) expect(moneyUnitOf(w), w).toBe("元");
    expect(moneyUnitOf("单位： 万 元")).toBe("万元");
    expect(moneyUnitOf("（单位：人民币万元）")).toBe("万元");
    for (const w of ["元", "万元", "金额（万元）", "预算数（元）", "单位名称", "单位：个", "编制单位：某局"]) expect(moneyUnitOf(w), w).toBeNull();
  });

  it("a Shanghai budget whose tables say their unit so is read in 元: the findings of the original", () => {
    const file = join(ROOT, "fixtures", "shanghai", "shanghai-putuo_district-govt-office_2025_dept-budget.txt");
    const text = readFileSync(file, "utf8");
    expect(text).toContain("单位：元");
    const dir = tempDir("money-unit");
    const copies = WORDINGS.map((w, i) => {
      const p = join(dir, `budget-${i}.txt`);
      writeFileSync(p, text.replaceAll("单位：元", w));
      return p;
    });
    const [original, ...docs] = cliJson([file, ...copies]).report.documents as { moneyUnit: string; summary: unknown; tables: { rows: number }[]; findings: { ruleId: string; severity: string; stated: string }[] }[];
    const key = (d: (typeof docs)[number]) => JSON.stringify([d.moneyUnit, d.summary, d.tables.map((t) => t.rows), d.findings.map((f) => [f.ruleId, f.severity, f.stated])]);
    for (const [i, d] of docs.entries()) expect(key(d), WORDINGS[i]).toBe(key(original));
    expect(original.moneyUnit).toBe("元");
  });

  it("a Shenzhen text whose unit lines are bracketed is read as before", () => {
    const text = readFileSync(join(ROOT, SEED), "utf8");
    const p = join(tempDir("money-unit"), "document.md");
    writeFileSync(p, text.replaceAll("单位：万元", "（单位：人民币万元）"));
    const [a, b] = cliJson([SEED, p]).report.documents as { summary: unknown; tables: { rows: number }[] }[];
    expect([b.summary, b.tables.map((t) => t.rows)]).toEqual([a.summary, a.tables.map((t) => t.rows)]);
  });
});
