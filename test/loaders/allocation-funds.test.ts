import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { rules } from "../../src/rules/index.js";
import { fundsLine, layoutTable, pad, padL } from "../helpers/layout.js";

/*
 * 财政拨款收支总表 read by kind alone, its expenditure side splitting 合计 by fund (北京, 四川: 合计 | 一般公共预算 |
 * 政府性基金预算 | 国有资本经营预算). The kind's reader knew 合计 only: the funds' columns were dropped without notice, and a
 * mistyped fund figure drew nothing. They are read now, and each row's 合计 is their sum.
 */
const line = fundsLine;
const table = (generalOfHousing = "911.10") =>
  layoutTable("北京市某局2025年部门预算", "财政拨款收支总表", "部门：北京市某局                                                      单位：万元", [
    `收    入${" ".repeat(40)}支    出`,
    line("项    目", "预算数", "项    目", ["合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"]),
    line("一、本年收入", "23,246.55", "一、本年支出", ["23,746.55", "23,746.55", "0.00", "0.00"]),
    line("（一）一般公共预算财政拨款", "23,246.55", "（一）文化旅游体育与传媒支出", ["22,835.45", "22,835.45", "0.00", "0.00"]),
    line("二、上年结转", "500.00", "（二）住房保障支出", ["911.10", generalOfHousing, "0.00", "0.00"]),
    line("（一）一般公共预算财政拨款", "500.00", "二、结转下年", ["0.00", "0.00", "0.00", "0.00"]),
    line("      收入总计", "23,746.55", "支出总计", ["23,746.55", "23,746.55", "0.00", "0.00"]),
  ]);
const load = (text: string) => loadLayoutText("预算.txt", text);
const errors = (text: string) => runRules(load(text), rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error");

describe("财政拨款收支总表 whose expenditure side splits 合计 by fund", () => {
  it("reads each fund's column: no error", () => {
    const t = load(table()).tables.find((x) => x.kind === "allocation-summary")!;
    const housing = t.rows.find((r) => r.name === "住房保障支出")!;
    expect([housing.cells.amount?.text, housing.cells["general-public"]?.text, housing.cells["gov-fund"]?.text, housing.cells["state-capital"]?.text]).toEqual(["911.10", "911.10", "0.00", "0.00"]);
    expect(errors(table())).toEqual([]);
  });

  it("fails: a fund's figure that its row's 合计 does not hold is an error", () => {
    const fs = errors(table("901.10")).filter((f) => f.ruleId === "row-total");
    expect(fs.map((f) => [f.item, f.stated, f.computed])).toEqual([["住房保障支出", "911.1", "901.1"]]);
  });
});
