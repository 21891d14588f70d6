import { allocationVsSummary } from "../../src/rules/allocation-vs-summary.js";
import { runCases } from "../helpers/cases.js";
import { pages, twoSided } from "../helpers/tables.js";

// 表1 on lines 1–14 (单位资金 on 11, totals on 12–14); 表6 from line 15: 一般公共预算拨款 on 21,
// 本年支出合计 on 24, 支出总计 on 26.
const doc = ({ unitFunds = "0", total1 = "100", gp6 = "100", exp6 = "100" } = {}) =>
  pages(
    twoSided(
      1,
      [
        `一、政府预算拨款→100→一、科学技术支出→${total1}`,
        "1. 一般公共预算拨款→100→→",
        "2. 政府性基金预算拨款→0→→",
        "3. 国有资本经营预算拨款→0→→",
        "二、财政专户管理资金→0→→",
        `三、单位资金→${unitFunds}→→`,
        `本年收入合计→${total1}→本年支出合计→${total1}`,
        "上年结余、结转→0→结转下年→0",
        `收入总计→${total1}→支出总计→${total1}`,
      ].join("\n"),
    ),
    twoSided(
      6,
      [
        "政府预算拨款→100→一、科学技术支出→100",
        `一般公共预算拨款→${gp6}→→`,
        "政府性基金预算拨款→0→→",
        "国有资本经营预算拨款→0→→",
        `本年收入合计→100→本年支出合计→${exp6}`,
        "上年结余、结转→0→结转下年→0",
        `收入总计→100→支出总计→${exp6}`,
      ].join("\n"),
    ),
  );

runCases(allocationVsSummary, {
  accept: [
    { name: "表6 repeats 表1's allocation lines and, all income being allocations, its totals", text: doc() },
    { name: "with 单位资金 20 in 表1, 表6's expenditure (100) is only the allocated part of 表1's (120)", text: doc({ unitFunds: "20", total1: "120" }) },
  ],
  reject: [
    {
      // 97 vs 100: ½ + ½.
      name: "表6 一般公共预算拨款 97 ≠ 表1's 100",
      text: doc({ gp6: "97" }),
      findings: [{ severity: "error", stated: "97", computed: "100", difference: "-3", tolerance: "1", line: 21, table: "T6", item: "一般公共预算拨款", column: "预算数", related: [7] }],
    },
    {
      name: "表6 本年支出合计 and 支出总计 101 ≠ 表1's 100, within rounding",
      text: doc({ exp6: "101" }),
      findings: [
        { severity: "info", stated: "101", computed: "100", difference: "1", tolerance: "1", line: 24, item: "本年支出合计", related: [12] },
        { severity: "info", stated: "101", computed: "100", difference: "1", tolerance: "1", line: 26, item: "支出总计", related: [14] },
      ],
    },
  ],
});
