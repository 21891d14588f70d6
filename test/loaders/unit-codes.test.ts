import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { rules } from "../../src/rules/index.js";
import { layoutTable, pad, padL } from "../helpers/layout.js";

/*
 * A department's 收入总表 / 支出总表 listing its budget units by code and name (四川: 单位编码 | 单位名称 | 合计 | …, the
 * code six digits or more). The code was read as a figure and the header's 单位编码 as an amount column the kind does
 * not know: both tables were listed as headers not understood, and nothing in them was checked.
 */
const row = (code: string, name: string, xs: string[]) => `${pad(code, 10)}${pad(name, 34)}${xs.map((x) => padL(x, 12)).join("")}`;
const expenditure = (header: string[], total = "736.94") =>
  layoutTable("四川省某办公室2025年部门预算", "部门支出总表", "部门：四川省某办公室                                              单位：万元", [
    ...header,
    row("301001", "四川省某办公室（本级）", ["2128.40", "1572.80", "555.60"]),
    row("301002", "四川省某研究院", [total, "616.94", "120.00"]),
    row("301003", "四川省年鉴社", ["471.09", "383.09", "88.00"]),
    row("", "      合    计", ["3336.43", "2572.83", "763.60"]),
  ]);
const ONE_LINE = [row("单位编码", "单位名称", ["合计", "基本支出", "项目支出"])];
// 单位 over 编码 | 名称, on three lines.
const THREE_LINES = ["单位", row("", "", ["合计", "基本支出", "项目支出"]), row("编码", "名称", [])];

const load = (text: string) => loadLayoutText("预算.txt", text);
const errors = (text: string) => runRules(load(text), rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error");

describe("a table of budget units by 单位编码 and 单位名称", () => {
  it.each([
    ["on one line", ONE_LINE],
    ["单位 over 编码 | 名称", THREE_LINES],
  ])("is read (header %s): each unit a row named without its code, no error", (_, header) => {
    const d = load(expenditure(header));
    expect(d.unknownTables ?? []).toEqual([]);
    const t = d.tables.find((x) => x.kind === "expenditure")!;
    expect(t.rows.map((r) => `${r.name} ${r.cells.total?.text} ${r.cells.basic?.text} ${r.cells.project?.text}`)).toEqual([
      "四川省某办公室（本级） 2128.40 1572.80 555.60",
      "四川省某研究院 736.94 616.94 120.00",
      "四川省年鉴社 471.09 383.09 88.00",
      "合计 3336.43 2572.83 763.60",
    ]);
    expect(errors(expenditure(header))).toEqual([]);
  });

  it("fails: a unit's 合计 that its 基本支出 and 项目支出 do not make is an error at its row, the unit's", () => {
    const fs = errors(expenditure(ONE_LINE, "746.94")).filter((f) => f.ruleId === "row-total");
    expect(fs.map((f) => [f.unit, f.stated, f.computed])).toEqual([["四川省某研究院", "746.94", "736.94"]]);
  });
});

/*
 * 黑龙江's 部门收入总表 and 部门支出总表: the department's own row (164 and its name) between the 合计 and its units
 * (164001 …), and in the 支出总表 each unit's 类 / 款 / 项 under its row. The department's code was read as a figure
 * and its name with it (the 收入总表 was listed as a header not understood), and the units' rows were no units: the
 * 支出总表's four code trees were summed as one (49 false errors on one document).
 */
const DEPT = "黑龙江省某厅2025年部门预算";
const income = (library = "22591407.67") =>
  layoutTable(DEPT, "部门收入总表", "编制单位：黑龙江省某厅                                            单位：元", [
    row("单位编码", "单位名称", ["合计", "一般公共预算", "政府性基金预算", "其他收入"]),
    row("", "      合计", ["81678633.47", "79816633.47", "1500000.00", "362000.00"]),
    row("164", "黑龙江省某厅", ["81678633.47", "79816633.47", "1500000.00", "362000.00"]),
    row("164001", "黑龙江省某厅（本级）", ["59087225.80", "59087225.80", "", ""]),
    row("164002", "黑龙江省图书馆", [library, "20729407.67", "1500000.00", "362000.00"]),
  ]);
const spending = (library = "14039264.35") =>
  layoutTable(DEPT, "部门支出总表", "编制单位：黑龙江省某厅                                            单位：元", [
    row("科目编码", "科目名称", ["合计", "基本支出", "项目支出"]),
    row("", "      合计", ["23871264.35", "16541264.35", "7330000.00"]),
    row("164001", "黑龙江省某厅（本级）", ["9832000.00", "6362000.00", "3470000.00"]),
    row("207", "文化旅游体育与传媒支出", ["9832000.00", "6362000.00", "3470000.00"]),
    row("20701", "  文化和旅游", ["9832000.00", "6362000.00", "3470000.00"]),
    row("2070101", "    行政运行", ["6362000.00", "6362000.00", ""]),
    row("2070113", "    旅游宣传", ["3470000.00", "", "3470000.00"]),
    row("164002", "黑龙江省图书馆", ["14039264.35", "10179264.35", "3860000.00"]),
    row("207", "文化旅游体育与传媒支出", ["14039264.35", "10179264.35", "3860000.00"]),
    row("20701", "  文化和旅游", ["14039264.35", "10179264.35", "3860000.00"]),
    row("2070104", "    图书馆", [library, "10179264.35", "3860000.00"]),
  ]);

describe("a department's row and its units' code trees, each unit by its 单位编码", () => {
  it("a 收入总表: the department's row (its code begins its units') is the department's, each unit a row", () => {
    const d = load(income());
    expect(d.unknownTables ?? []).toEqual([]);
    const t = d.tables.find((x) => x.kind === "income")!;
    expect(t.rows.map((r) => `${r.kind} ${r.name} ${r.cells.total?.text}`)).toEqual([
      "department 合计 81678633.47",
      "department 黑龙江省某厅 81678633.47",
      "unit 黑龙江省某厅（本级） 59087225.80",
      "unit 黑龙江省图书馆 22591407.67",
    ]);
    expect(errors(income())).toEqual([]);
  });

  it("fails: a unit's figure the department's 合计 does not add up to", () => {
    const fs = errors(income("22591417.67"));
    expect(fs.length).toBeGreaterThan(0);
    expect(fs.map((f) => [f.ruleId, f.item, f.stated, f.computed])).toContainEqual(["hierarchy-sum", "合计", "81678633.47", "81678643.47"]);
  });

  it("a 支出总表: each unit's 类 / 款 / 项 are its own tree, no error", () => {
    const d = load(spending());
    const t = d.tables.find((x) => x.kind === "expenditure")!;
    expect(t.rows.filter((r) => r.kind === "unit").map((r) => r.name)).toEqual(["黑龙江省某厅（本级）", "黑龙江省图书馆"]);
    expect(t.rows.filter((r) => r.code === "207").map((r) => r.unit)).toEqual(["黑龙江省某厅（本级）", "黑龙江省图书馆"]);
    expect(errors(spending())).toEqual([]);
  });

  it("fails: a 项 of one unit that its 款 does not make is an error in that unit's tree only", () => {
    const fs = errors(spending("14039364.35")).filter((f) => f.ruleId === "hierarchy-sum" || f.ruleId === "row-total");
    expect(fs.length).toBeGreaterThan(0);
    expect(fs.every((f) => (f.location.line ?? 0) >= 13)).toBe(true);
    expect(fs.some((f) => f.ruleId === "hierarchy-sum" && f.code === "20701" && f.stated === "14039264.35" && f.computed === "14039364.35")).toBe(true);
  });
});
