import { partOfTotal } from "../../src/rules/part-of-total.js";
import { runCases } from "../helpers/cases.js";
import { t3Procurement } from "../helpers/tables.js";

// t3Procurement: data from line 6 (unit row), code row on line 7.
// Columns after the three amounts: 政府采购小计, 其中：面向中小企业, 其中：面向小型、微型企业.
const T3 = (procurement: string) => t3Procurement(`甲单位→→→10→0→10→${procurement}\n→206→科学技术支出→10→0→10→5→5→0`);

runCases(partOfTotal, {
  accept: [
    { name: "小微 0 ≤ 中小 5 ≤ 小计 5", text: T3("5→5→0") },
    { name: "小微 2 ≤ 中小 4 ≤ 小计 5", text: T3("5→4→2") },
  ],
  reject: [
    {
      // 6 vs 5: the part may be ½ lower and the whole ½ higher → 1.
      name: "中小企业 6 > 小计 5, within rounding",
      text: T3("5→6→0"),
      findings: [{ severity: "info", stated: "6", computed: "5", difference: "1", tolerance: "1", line: 6, table: "T3", unit: "甲单位", column: "其中：面向中小企业政府采购项目", related: [6] }],
    },
    {
      name: "中小企业 8 > 小计 5, beyond rounding",
      text: T3("5→8→0"),
      findings: [{ severity: "error", stated: "8", computed: "5", difference: "3", tolerance: "1", line: 6, column: "其中：面向中小企业政府采购项目" }],
    },
    {
      // 小微 3 vs 中小 0: the printed 0 may be ½ higher, 3 ½ lower → 1.
      name: "小型、微型企业 3 > 中小企业 0, beyond rounding",
      text: T3("5→0→3"),
      findings: [{ severity: "error", stated: "3", computed: "0", difference: "3", tolerance: "1", line: 6, column: "其中：面向小型、微型企业政府采购项目" }],
    },
  ],
});
