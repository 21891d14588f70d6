import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { balanceTotals } from "../../src/rules/balance-totals.js";
import { rules } from "../../src/rules/index.js";
import { runCases } from "../helpers/cases.js";
import { fundsLine, layoutTable, pad, padL } from "../helpers/layout.js";
import { twoSided } from "../helpers/tables.js";

// twoSided: data from line 6. Lines 8–10 hold the totals: 本年…合计 (8), 上年结余 / 结转下年 (9), …总计 (10).
const T1 = (totals: string, n: 1 | 6 = 1) => twoSided(n, `一、政府预算拨款→100→一、科学技术支出→97\n1. 一般公共预算拨款→100→→\n${totals}`);

runCases(balanceTotals, {
  accept: [
    { name: "100 + 0 = 100 on the income side, 97 + 3 = 100 on the expenditure side, 100 = 100", text: T1("本年收入合计→100→本年支出合计→97\n上年结余、结转→0→结转下年→3\n收入总计→100→支出总计→100") },
    { name: "the same in 表6", text: T1("本年收入合计→100→本年支出合计→97\n上年结余、结转→0→结转下年→3\n收入总计→100→支出总计→100", 6) },
  ],
  reject: [
    {
      // 100 vs 97 + 0: the total may be ½ lower, 97 and the printed 0 ½ higher each → 1.5.
      name: "支出总计 100 ≠ 本年支出合计 97 + 结转下年 0, beyond rounding",
      text: T1("本年收入合计→100→本年支出合计→97\n上年结余、结转→0→结转下年→0\n收入总计→100→支出总计→100"),
      findings: [{ severity: "error", stated: "100", computed: "97", difference: "3", tolerance: "1.5", line: 10, table: "T1", item: "支出总计", column: "预算数", related: [8, 9] }],
    },
    {
      name: "收入总计 101 ≠ 100 + 0 and 支出总计 101 ≠ 97 + 3, both within rounding; 101 = 101",
      text: T1("本年收入合计→100→本年支出合计→97\n上年结余、结转→0→结转下年→3\n收入总计→101→支出总计→101"),
      findings: [
        { severity: "info", stated: "101", computed: "100", difference: "1", tolerance: "1.5", line: 10, item: "收入总计" },
        { severity: "info", stated: "101", computed: "100", difference: "1", tolerance: "1.5", line: 10, item: "支出总计" },
      ],
    },
    {
      // 100 vs 103: ½ + ½ = 1.
      name: "收入总计 100 ≠ 支出总计 103 (each side adds up)",
      text: T1("本年收入合计→100→本年支出合计→100\n上年结余、结转→0→结转下年→3\n收入总计→100→支出总计→103"),
      findings: [{ severity: "error", stated: "100", computed: "103", difference: "-3", tolerance: "1", line: 10, item: "收入总计", related: [10] }],
    },
    {
      name: "表6: 收入总计 99 ≠ 100 + 0, within rounding on the lower side (the 0 cannot go down)",
      text: T1("本年收入合计→100→本年支出合计→97\n上年结余、结转→0→结转下年→2\n收入总计→99→支出总计→99", 6),
      findings: [
        { severity: "info", stated: "99", computed: "100", difference: "-1", tolerance: "1", line: 10, table: "T6", item: "收入总计" },
      ],
    },
  ],
});

/*
 * A 财政拨款收支总表 whose expenditure side splits 合计 by fund: each fund's column adds up down the page as 合计 does
 * (its 支出总计 = its 本年支出 + its 结转下年). A fund's figure mistyped on the 总计 line used to break only that line's
 * own sum, which a sibling fund's figure explains as well, so the diagnosis could not tell which one was wrong.
 */
describe("balance-totals: each fund column of a 财政拨款收支总表's expenditure side", () => {
  const line = fundsLine;
  const table = (generalTotal = "23,746.55", fundTotal = "0.00") =>
    layoutTable("北京市某局2025年部门预算", "财政拨款收支总表", "部门：北京市某局                                                      单位：万元", [
      `收    入${" ".repeat(40)}支    出`,
      line("项    目", "预算数", "项    目", ["合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"]),
      line("一、本年收入", "23,246.55", "一、本年支出", ["23,446.55", "23,446.55", "0.00", "0.00"]),
      line("（一）一般公共预算财政拨款", "23,246.55", "（一）文化旅游体育与传媒支出", ["22,535.45", "22,535.45", "0.00", "0.00"]),
      line("二、上年结转", "500.00", "（二）住房保障支出", ["911.10", "911.10", "0.00", "0.00"]),
      line("（一）一般公共预算财政拨款", "500.00", "二、结转下年", ["300.00", "300.00", "0.00", "0.00"]),
      line("      收入总计", "23,746.55", "支出总计", ["23,746.55", generalTotal, fundTotal, "0.00"]),
    ]);
  const findings = (text: string) =>
    runRules(loadLayoutText("预算.txt", text), rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.ruleId === "balance-totals" && f.severity === "error");

  it("passes: 23,746.55 = 23,446.55 + 300.00 in 一般公共预算 as in 合计", () => {
    expect(findings(table())).toEqual([]);
  });

  it("fails: 支出总计's 一般公共预算 23,476.55 ≠ its 本年支出 + 结转下年 23,746.55, at that figure", () => {
    const fs = findings(table("23,476.55"));
    expect(fs.map((f) => [f.item, f.column, f.stated, f.computed, f.difference])).toEqual([["支出总计", "一般公共预算", "23476.55", "23746.55", "-270"]]);
    expect(fs[0].location.line).toBe(table().split("\n").findIndex((l) => l.includes("支出总计")) + 1);
  });

  it("fails: a fund printed on the 总计 line that neither its 本年支出 nor its 结转下年 holds", () => {
    const fs = findings(table(undefined, "12.00"));
    expect(fs.map((f) => [f.column, f.stated, f.computed])).toEqual([["政府性基金预算", "12", "0"]]);
  });
});
