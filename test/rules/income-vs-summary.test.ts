import { incomeVsSummary } from "../../src/rules/income-vs-summary.js";
import { runCases } from "../helpers/cases.js";
import { pages, t2Income, twoSided } from "../helpers/tables.js";

// 表1 on lines 1–15: 政府预算拨款 on 6, 一般公共预算拨款 on 7, 单位资金 on 11, 事业收入 on 12, 本年收入合计 on 13,
// 收入总计 on 15; 表2 from line 16, its 合计 row on 21 and a unit's on 22.
const doc = ({ general = "90", total2 = "120", business = "20" } = {}) =>
  pages(
    twoSided(
      1,
      [
        "一、政府预算拨款→100→一、科学技术支出→120",
        "1. 一般公共预算拨款→90→→",
        "2. 政府性基金预算拨款→10→→",
        "3. 国有资本经营预算拨款→0→→",
        "二、财政专户管理资金→0→→",
        "三、单位资金→20→→",
        "1. 事业收入→20→→",
        "本年收入合计→120→本年支出合计→120",
        "上年结余、结转→0→结转下年→0",
        "收入总计→120→支出总计→120",
      ].join("\n"),
    ),
    t2Income([`合计→→→${total2}→100→${general}→10→0→0→20→${business}→0→0→0→0`, `甲单位→→→${total2}→100→${general}→10→0→0→20→${business}→0→0→0→0`].join("\n")),
  );

runCases(incomeVsSummary, {
  accept: [
    { name: "表2's 合计 repeats 表1's income side source by source", text: doc() },
    // Only the 合计 row is compared: a unit's row is a part of it, not a line of 表1.
    {
      name: "a unit row is not compared with 表1",
      text: doc().replace("甲单位→→→120→100→90→10→0→0→20→20", "甲单位→→→60→50→40→10→0→0→10→10"),
    },
    // A summary with a carry-over but no 本年收入合计: whether the income table's 合计 holds the carry-over is not
    // known (it prints no column of it), so its 合计 is not compared; its sources are.
    {
      name: "no 本年收入合计 and a carry-over of 5: the 合计 is not compared",
      text: doc({ total2: "120" }).replace("本年收入合计→120→本年支出合计→120\n", "").replace("上年结余、结转→0→结转下年→0", "上年结余、结转→5→结转下年→0").replace("收入总计→120→支出总计→120", "收入总计→125→支出总计→125").replace("一、政府预算拨款→100→一、科学技术支出→120", "一、政府预算拨款→100→一、科学技术支出→125"),
    },
  ],
  reject: [
    {
      // 93 vs 90: ½ + ½.
      name: "表2 一般公共预算拨款 93 ≠ 表1's 90",
      text: doc({ general: "93" }),
      findings: [{ severity: "error", stated: "93", computed: "90", difference: "3", tolerance: "1", line: 21, table: "T2", item: "合计", column: "一般公共预算拨款", related: [7] }],
    },
    {
      name: "表2 收入总计 121 and 事业收入 21 against 表1's 120 and 20, within rounding",
      text: doc({ total2: "121", business: "21" }),
      findings: [
        { severity: "info", stated: "121", computed: "120", difference: "1", tolerance: "1", line: 21, column: "合计", related: [13] },
        { severity: "info", stated: "21", computed: "20", difference: "1", tolerance: "1", line: 21, column: "事业收入", related: [12] },
      ],
    },
  ],
});
