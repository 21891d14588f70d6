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

/** A 决算 opening with its 收入支出决算总表 (two-sided rows: income item, its figure, expenditure item, its figure). */
const finalSummary = (year: string, rows: [string, string, string, string][]) => [
  `某部${year}年度部门决算`,
  "",
  "                                   收入支出决算总表",
  "编制单位：某部                                                          金额单位：万元",
  ...[["项目", "金额", "项目", "金额"], ...rows].map(([a, x, b, y]) => `${pad(a, 36)}${padL(x, 12)}${pad("", 6)}${pad(b, 30)}${padL(y, 12)}`),
  "",
];
/** Its 财政拨款收入支出决算总表, the expenditure side by fund (合计 | 一般公共预算 | 政府性基金预算 | 国有资本经营预算). */
const allocationSummary = (rows: [string, string, string, string[]][]) => [
  "                          财政拨款收入支出决算总表",
  "编制单位：某部                                                          金额单位：万元",
  `收    入${" ".repeat(40)}支    出`,
  ...[["项    目", "决算数", "项    目", ["合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"]] as [string, string, string, string[]], ...rows].map(([a, x, b, ys]) => fundsLine(a, x, b, ys)),
  "",
];

/*
 * A 决算 whose 国有资本经营预算财政拨款支出决算表 prints 本年支出 only (the central departments' 公开09表), and whose fund
 * carried 12.48 over to next year: 表1's income 194.75 is not the table's 182.27, so comparing them was a false error
 * (and the diagnosis then blamed correct figures). The table restates the 财政拨款收入支出决算表's 本年支出合计 of the fund.
 */
describe("fund-tables in a 决算 whose fund table prints 本年支出 only", () => {
  const doc = (spentInTable: string) =>
    [
      ...finalSummary("2023", [
        ["一、一般公共预算财政拨款收入", "1,000.00", "一、社会保障和就业支出", "1,000.00"],
        ["三、国有资本经营预算财政拨款收入", "194.75", "二、国有资本经营预算支出", "182.27"],
        ["本年收入合计", "1,194.75", "本年支出合计", "1,182.27"],
        ["", "", "年末结转和结余", "12.48"],
        ["总计", "1,194.75", "总计", "1,194.75"],
      ]),
      ...allocationSummary([
        ["一、一般公共预算财政拨款", "1,000.00", "一、社会保障和就业支出", ["1,000.00", "1,000.00", "", ""]],
        ["三、国有资本经营预算财政拨款", "194.75", "二、国有资本经营预算支出", ["182.27", "", "", "182.27"]],
        ["本年收入合计", "1,194.75", "本年支出合计", ["1,182.27", "1,000.00", "", "182.27"]],
        ["", "", "年末财政拨款结转和结余", ["12.48", "", "", "12.48"]],
        ["总计", "1,194.75", "总计", ["1,194.75", "1,000.00", "", "194.75"]],
      ]),
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

/*
 * A 决算 whose 政府性基金 carried money in and out (云南's shape, round 48): the fund table's 合计 年初结转和结余 135.62,
 * 本年支出 994.53 and 年末结转和结余 88.47 are the 财政拨款收入支出决算总表's line of the fund under 年初财政拨款结转和结余
 * and its column of the fund on 本年支出合计 and 年末财政拨款结转和结余. Only its 本年收入 was compared (with 表1).
 */
describe("fund-tables in a 决算 whose fund table prints its balance: against the 财政拨款收入支出决算总表", () => {
  const doc = (t4: { opening?: string; spent?: string; closing?: string } = {}) =>
    [
      ...finalSummary("2025", [
        ["一、一般公共预算财政拨款收入", "1,000.00", "一、社会保障和就业支出", "1,000.00"],
        ["二、政府性基金预算财政拨款收入", "947.38", "二、其他支出", "994.53"],
        ["本年收入合计", "1,947.38", "本年支出合计", "1,994.53"],
        ["年初结转和结余", "135.62", "年末结转和结余", "88.47"],
        ["总计", "2,083.00", "总计", "2,083.00"],
      ]),
      ...allocationSummary([
        ["一、一般公共预算财政拨款", "1,000.00", "一、社会保障和就业支出", ["1,000.00", "1,000.00", "", ""]],
        ["二、政府性基金预算财政拨款", "947.38", "二、其他支出", ["994.53", "", "994.53", ""]],
        ["本年收入合计", "1,947.38", "本年支出合计", ["1,994.53", "1,000.00", t4.spent ?? "994.53", ""]],
        ["年初财政拨款结转和结余", "135.62", "年末财政拨款结转和结余", ["88.47", "", t4.closing ?? "88.47", ""]],
        ["  一般公共预算财政拨款", "", "", []],
        ["  政府性基金预算财政拨款", t4.opening ?? "135.62", "", []],
        ["总计", "2,083.00", "总计", ["2,083.00", "1,000.00", "1,083.00", ""]],
      ]),
      "                          政府性基金预算财政拨款收入支出决算表",
      "编制单位：某部                                                          金额单位：万元",
      `${pad("", 32)}${cells(["年初结转", "本年收入", "", "本年支出", "", "年末结转"])}`,
      `${pad("科目编码", 10)}${pad("科目名称", 22)}${cells(["和结余", "", "小计", "基本支出", "项目支出", "和结余"])}`,
      `${pad("", 10)}${pad("合计", 22)}${cells(["135.62", "947.38", "994.53", "", "994.53", "88.47"])}`,
      `${pad("229", 10)}${pad("其他支出", 22)}${cells(["135.62", "947.38", "994.53", "", "994.53", "88.47"])}`,
      "",
    ].join("\n");
  const findings = (t4?: { opening?: string; spent?: string; closing?: string }) =>
    runRules(loadLayoutText("决算.txt", doc(t4)), [fundTables], { tolerance: { kind: "auto" }, lang: "en" }).map((f) => [f.severity, f.item, f.column, f.stated, f.computed]);

  it("passes: 135.62 carried in, 947.38 received, 994.53 spent, 88.47 carried out, in both tables", () => {
    expect(findings()).toEqual([]);
  });

  it("fails: the 财政拨款收入支出决算总表's 年初 line of the fund, its 本年支出合计 or its 年末 column of the fund not the fund table's", () => {
    expect(findings({ opening: "153.62" })).toEqual([["error", "政府性基金预算财政拨款", "决算数", "153.62", "135.62"]]);
    expect(findings({ spent: "949.53" })).toEqual([["error", "本年支出合计", "政府性基金预算", "949.53", "994.53"]]);
    expect(findings({ closing: "84.87" })).toEqual([["error", "年末财政拨款结转和结余", "政府性基金预算", "84.87", "88.47"]]);
  });
});
