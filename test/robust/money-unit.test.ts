import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { moneyUnitOf, trailingMoneyUnit } from "../../src/loaders/money-unit.js";
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

  it("reads a unit printed after the department in one piece (编制部门：某局 单位：元), and no unit from a name", () => {
    expect(trailingMoneyUnit("上海市普陀区人民政府办公室 单位：元")).toEqual({ before: "上海市普陀区人民政府办公室", unit: "元" });
    expect(trailingMoneyUnit("某局单位：万元")).toEqual({ before: "某局", unit: "万元" });
    expect(trailingMoneyUnit("某局 （单位：人民币元）")).toEqual({ before: "某局", unit: "元" });
    expect(trailingMoneyUnit("某局 金额单位：万元")).toEqual({ before: "某局", unit: "万元" });
    // Letter-spaced, as a table's head often sets it (a Word document converted from a web page, some PDFs).
    expect(trailingMoneyUnit("编制部门：某街道办事处 单 位：元")).toEqual({ before: "编制部门：某街道办事处", unit: "元" });
    expect(trailingMoneyUnit("某局 金 额 单 位：万 元")).toEqual({ before: "某局", unit: "万元" });
    for (const t of ["某局", "某事业单位", "某局 单位：个", "某局 元", "某局 单 位：个"]) expect(trailingMoneyUnit(t), t).toEqual({ before: t, unit: null });
  });

  it("a Shanghai budget whose 编制部门 and 单位：元 are printed one space apart (a web page, a Word document, some PDFs) is read in 元", () => {
    const file = join(ROOT, "fixtures", "shanghai", "shanghai-putuo_wanli-subdistrict-office_2023_dept-budget.txt");
    const text = readFileSync(file, "utf8");
    const joined = text.replace(/(编制部门：\S+) {2,}(单位：元)/g, "$1 $2");
    expect(joined).not.toBe(text);
    const dir = tempDir("money-unit");
    const p = join(dir, "joined.txt");
    writeFileSync(p, joined);
    // …and with 单 位 letter-spaced (LibreOffice's .docx of a page Word saved had it so).
    const spaced = join(dir, "spaced.txt");
    writeFileSync(spaced, joined.replace(/(编制部门：\S+) 单位：元/g, "$1 单 位：元"));
    const [original, doc, doc2] = cliJson([file, p, spaced]).report.documents as { moneyUnit: string; department: string; findings: { ruleId: string; severity: string; stated: string }[] }[];
    const key = (d: typeof doc) => d.findings.map((f) => [f.ruleId, f.severity, f.stated]);
    for (const d of [doc, doc2]) {
      expect(d.moneyUnit).toBe("元");
      expect(d.department).toBe(original.department);
      expect(key(d)).toEqual(key(original));
    }
    expect(original.findings.filter((f) => f.severity === "error")).toHaveLength(9);
  });

  it("so is a tab-separated text's (Shenzhen's reader): the unit after the department is the tables' unit", () => {
    // The seed's tables said to be in 元, on a line of their own or after the department: read alike (in 元, so
    // their identities with the text's 万元 fail), not as the seed in 万元.
    const text = readFileSync(join(ROOT, SEED), "utf8");
    const dir = tempDir("money-unit");
    const own = join(dir, "own-line.md");
    const joined = join(dir, "joined.md");
    writeFileSync(own, text.replace(/^单位：万元$/gm, "单位：元"));
    writeFileSync(joined, text.replace(/^单位：万元$/gm, "编制部门：深圳市科学技术协会 单位：元"));
    const [seed, a, b] = cliJson([SEED, own, joined]).report.documents as { findings: { ruleId: string; severity: string; stated: string }[] }[];
    const key = (d: typeof seed) => JSON.stringify(d.findings.map((f) => [f.ruleId, f.severity, f.stated]));
    expect(key(a)).not.toBe(key(seed));
    expect(key(b)).toBe(key(a));
  });

  it("部门名称 and 单位 in two cells of one row (a workbook's second row): metadata, not a header row", { timeout: 90_000 }, () => {
    // The seed's 部门名称 line and its unit line as one tab-separated row: read as the seed (a header row of
    // 部门名称：… over the columns lost 9 of its tables' identities), and in 元 when the row says so.
    const text = readFileSync(join(ROOT, SEED), "utf8");
    const dir = tempDir("money-unit");
    const row = (unit: string) => text.replace(/^(部门名称：\s*\S+)\n+单位：\s*万元$/gm, `$1\t\t\t单位：${unit}`);
    expect(row("万元")).not.toBe(text);
    const [wan, yuan, own] = ["wan.md", "yuan.md", "own-line.md"].map((n) => join(dir, n));
    writeFileSync(wan, row("万元"));
    writeFileSync(yuan, row("元"));
    // (The same unit lines on a line of their own: those after a 部门名称 line, as `row` moves; 表12's stays 万元 in both.)
    writeFileSync(own, text.replace(/^(部门名称：\s*\S+\n+)单位：\s*万元$/gm, "$1单位：元"));
    const [seed, a, b, c] = cliJson([SEED, wan, yuan, own]).report.documents as { department: string; moneyUnit: string; summary: unknown; findings: { ruleId: string; severity: string; stated: string }[] }[];
    const key = (d: typeof seed) => JSON.stringify([d.department, d.summary, d.findings.map((f) => [f.ruleId, f.severity, f.stated])]);
    expect(key(a)).toBe(key(seed));
    expect(b.moneyUnit).toBe("元");
    expect(key(b)).toBe(key(c));
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
