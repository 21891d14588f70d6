import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { fundTables } from "../../src/rules/fund-tables.js";
import { fundsLine, pad, padL } from "../helpers/layout.js";

/*
 * A 决算 whose 政府性基金 carried money over: 年初结转和结余 500 + 本年收入 8,300 − 年末结转和结余 150 = 本年支出 8,650
 * (中国残联's shape). 表1's 政府性基金预算财政拨款收入 is the year's income, 8,300: it was compared with the fund
 * table's 本年支出 and reported as an error on a consistent document.
 */
const summary = (fundIncome: string) => [
  "                                   收入支出决算总表",
  "编制单位：某部                                                          金额单位：万元",
  `${pad("项目", 36)}${padL("金额", 12)}${pad("", 6)}${pad("项目", 30)}${padL("金额", 12)}`,
  `${pad("一、一般公共预算财政拨款收入", 36)}${padL("1,000.00", 12)}${pad("", 6)}${pad("一、社会保障和就业支出", 30)}${padL("9,650.00", 12)}`,
  `${pad("二、政府性基金预算财政拨款收入", 36)}${padL(fundIncome, 12)}`,
  `${pad("本年收入合计", 36)}${padL("9,300.00", 12)}${pad("", 6)}${pad("本年支出合计", 30)}${padL("9,650.00", 12)}`,
  "",
];
const cells = (xs: string[]) => xs.map((x) => padL(x, 14)).join("");
const fund = [
  "                          政府性基金预算财政拨款收入支出决算表",
  "编制单位：某部                                                          金额单位：万元",
  `${pad("", 32)}${cells(["年初结转", "本年收入", "", "本年支出", "", "年末结转"])}`,
  `${pad("科目编码", 10)}${pad("科目名称", 22)}${cells(["和结余", "", "小计", "基本支出", "项目支出", "和结余"])}`,
  `${pad("208", 10)}${pad("社会保障和就业支出", 22)}${cells(["500.00", "8,300.00", "8,650.00", "0.00", "8,650.00", "150.00"])}`,
  `${pad("", 10)}${pad("合计", 22)}${cells(["500.00", "8,300.00", "8,650.00", "0.00", "8,650.00", "150.00"])}`,
  "",
];
const textOf = (fundIncome: string) => ["某部2023年度部门决算", "", ...summary(fundIncome), ...fund].join("\n");
const findings = (fundIncome: string) =>
  runRules(loadLayoutText("决算.txt", textOf(fundIncome)), [fundTables], { tolerance: { kind: "auto" }, lang: "en" });

describe("fund-tables in a 决算: 表1's fund income against the fund table's 本年收入", () => {
  it("passes: 8,300 received, 8,650 spent from it and the carry-over", () => {
    expect(findings("8,300.00")).toEqual([]);
  });

  it("fails: an income the fund table's 本年收入 does not print", () => {
    expect(findings("8,650.00").map((f) => [f.severity, f.stated, f.computed])).toEqual([["error", "8650", "8300"]]);
  });
});

/*
 * A 决算 whose 国有资本经营预算财政拨款支出决算表 prints 本年支出 only (the central departments' 公开09表), and whose fund
 * carried 12.48 over to next year: 表1's income 194.75 is not the table's 182.27, so comparing them was a false error
 * (and the diagnosis then blamed correct figures). The table restates the 财政拨款收入支出决算表's 本年支出合计 of the fund.
 */
describe("fund-tables in a 决算 whose fund table prints 本年支出 only", () => {
  const line = fundsLine;
  const doc = (spentInTable: string) =>
    [
      "某部2023年度部门决算",
      "",
      "                                   收入支出决算总表",
      "编制单位：某部                                                          金额单位：万元",
      `${pad("项目", 36)}${padL("金额", 12)}${pad("", 6)}${pad("项目", 30)}${padL("金额", 12)}`,
      `${pad("一、一般公共预算财政拨款收入", 36)}${padL("1,000.00", 12)}${pad("", 6)}${pad("一、社会保障和就业支出", 30)}${padL("1,000.00", 12)}`,
      `${pad("三、国有资本经营预算财政拨款收入", 36)}${padL("194.75", 12)}${pad("", 6)}${pad("二、国有资本经营预算支出", 30)}${padL("182.27", 12)}`,
      `${pad("本年收入合计", 36)}${padL("1,194.75", 12)}${pad("", 6)}${pad("本年支出合计", 30)}${padL("1,182.27", 12)}`,
      `${pad("", 36)}${padL("", 12)}${pad("", 6)}${pad("年末结转和结余", 30)}${padL("12.48", 12)}`,
      `${pad("总计", 36)}${padL("1,194.75", 12)}${pad("", 6)}${pad("总计", 30)}${padL("1,194.75", 12)}`,
      "",
      "                          财政拨款收入支出决算总表",
      "编制单位：某部                                                          金额单位：万元",
      `收    入${" ".repeat(40)}支    出`,
      line("项    目", "决算数", "项    目", ["合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"]),
      line("一、一般公共预算财政拨款", "1,000.00", "一、社会保障和就业支出", ["1,000.00", "1,000.00", "", ""]),
      line("三、国有资本经营预算财政拨款", "194.75", "二、国有资本经营预算支出", ["182.27", "", "", "182.27"]),
      line("本年收入合计", "1,194.75", "本年支出合计", ["1,182.27", "1,000.00", "", "182.27"]),
      line("", "", "年末财政拨款结转和结余", ["12.48", "", "", "12.48"]),
      line("总计", "1,194.75", "总计", ["1,194.75", "1,000.00", "", "194.75"]),
      "",
      "                          国有资本经营预算财政拨款支出决算表",
      "编制单位：某部                                                          金额单位：万元",
      `${pad("科目编码", 10)}${pad("科目名称", 30)}${padL("合计", 14)}${padL("基本支出", 14)}${padL("项目支出", 14)}`,
      `${pad("", 10)}${pad("合计", 30)}${padL(spentInTable, 14)}${padL("", 14)}${padL(spentInTable, 14)}`,
      `${pad("223", 10)}${pad("国有资本经营预算支出", 30)}${padL(spentInTable, 14)}${padL("", 14)}${padL(spentInTable, 14)}`,
      "",
    ].join("\n");
  const findings = (spent: string) => runRules(loadLayoutText("决算.txt", doc(spent)), [fundTables], { tolerance: { kind: "auto" }, lang: "en" });

  it("passes: 194.75 received, 182.27 spent and 12.48 carried over; the table restates the 182.27", () => {
    expect(findings("182.27")).toEqual([]);
  });

  it("fails: a table total the 财政拨款收入支出决算总表's 本年支出合计 of the fund does not print", () => {
    expect(findings("180.27").map((f) => [f.severity, f.column, f.stated, f.computed])).toEqual([["error", "国有资本经营预算", "182.27", "180.27"]]);
  });
});
