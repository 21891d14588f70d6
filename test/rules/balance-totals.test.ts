import { balanceTotals } from "../../src/rules/balance-totals.js";
import { runCases } from "../helpers/cases.js";
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
