import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { rules } from "../../src/rules/index.js";
import { layoutTable, pad, padL } from "../helpers/layout.js";

/*
 * A function table printing last year's budget beside this year's, and the change (2024年预算数 | 2025年预算数 |
 * 增减额 | 增减率（%）), as several provinces' 部门预算 do. Both years' 预算数 were taken for the 合计: the header was
 * not understood and the table listed, unchecked. Now the earlier year's is 上年预算数, and each row's
 * 预算数 = 上年预算数 + 增减额 is checked (with the 类-款-项 sums of every column).
 */
const line = (code: string, name: string, ...xs: string[]) => pad(code, 10) + pad(name, 20) + xs.map((x) => padL(x, 12)).join("");
// 科目编码 | 科目名称 | 2024年预算数 | 2025年预算数 | 增减额 | 增减率（%）.
const ROWS = [
  ["", "合计", "1,000.00", "1,100.00", "100.00", "10.00"],
  ["201", "一般公共服务支出", "800.00", "860.00", "60.00", "7.50"],
  ["20103", "政府办公厅（室）及相关机构事务", "800.00", "860.00", "60.00", "7.50"],
  ["2010301", "行政运行", "500.00", "540.00", "40.00", "8.00"],
  ["2010302", "一般行政管理事务", "300.00", "320.00", "CHANGE", "6.67"],
  ["208", "社会保障和就业支出", "200.00", "240.00", "40.00", "20.00"],
  ["20805", "行政事业单位养老支出", "200.00", "240.00", "40.00", "20.00"],
  ["2080505", "机关事业单位基本养老保险缴费支出", "200.00", "240.00", "40.00", "20.00"],
];
const table = (change = "20.00") =>
  layoutTable("某市某局2025年部门预算", "一般公共预算支出表", "部门：某市某局                                                 单位：万元", [
    line("科目编码", "科目名称", "2024年预算数", "2025年预算数", "增减额", "增减率（%）"),
    ...ROWS.map(([code, name, ...xs]) => line(code, name, ...xs.map((x) => (x === "CHANGE" ? change : x)))),
  ]);
const errors = (text: string) => runRules(loadLayoutText("预算.txt", text), rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error");

describe("last year's budget beside this year's", () => {
  it("is read: this year's 预算数 is the 合计, last year's its own column", () => {
    const d = loadLayoutText("预算.txt", table());
    expect(d.unknownTables ?? []).toEqual([]);
    const t = d.tables.find((x) => x.kind === "general-function")!;
    const row = t.rows.find((r) => r.code === "2010301")!;
    expect([row.cells.total?.text, row.cells["prior-budget"]?.text, row.cells.change?.text]).toEqual(["540.00", "500.00", "40.00"]);
    expect(errors(table())).toEqual([]);
  });

  it("fails: a change retyped is an error at its row (预算数 ≠ 上年预算数 + 增减额), at its 增减率 and at its 款's sum", () => {
    const fs = errors(table("30.00"));
    expect(fs.map((f) => [f.ruleId, f.location.line, f.code, f.column, f.stated, f.computed])).toEqual([
      ["row-total", 11, "2010302", "合计", "320", "330"],
      // (The printed 6.67% is right: 20 ÷ 300. Against the retyped 30 it is not: change-percent, round 37.)
      ["change-percent", 11, "2010302", "增减(%)", "6.67", "10"],
      ["hierarchy-sum", 9, "20103", "增减额", "60", "70"],
    ]);
    expect(fs[0].message).toContain("last year's budget + change");
  });
});
