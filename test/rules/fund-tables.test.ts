import { fundTables } from "../../src/rules/fund-tables.js";
import { runCases } from "../helpers/cases.js";
import { classified, pages, twoSided } from "../helpers/tables.js";

// 表1 on lines 1–9 (政府性基金预算拨款 on 8, 国有资本经营预算拨款 on 9); 表10 from line 10 (rows from 15);
// 表11 after it.
const doc = ({ fund = "0", capital = "0", t10 = "某部门→→→0→0→0\n甲单位→→→0→0→0", t11 = "某部门→→→0→0→0\n甲单位→→→0→0→0" } = {}) =>
  pages(
    twoSided(1, `一、政府预算拨款→100→→\n1. 一般公共预算拨款→100→→\n2. 政府性基金预算拨款→${fund}→→\n3. 国有资本经营预算拨款→${capital}→→`),
    classified(10, t10, "某部门"),
    classified(11, t11, "某部门"),
  );

runCases(fundTables, {
  accept: [
    { name: "no fund budget: 表1's lines and 表10 / 表11 are all 0", text: doc() },
    { name: "表10 department total 50 = 表1 政府性基金预算拨款 50", text: doc({ fund: "50", t10: "某部门→→→50→0→50\n甲单位→→→50→0→50" }) },
    { name: "表10 printing its department total as a 合计 row: 合计 50 = 表1's 50 (not 合计 + 甲单位)", text: doc({ fund: "50", t10: "合计→→→50→0→50\n甲单位→→→50→0→50" }) },
  ],
  reject: [
    {
      // 51 vs 50: ½ + ½.
      name: "表1 政府性基金预算拨款 51 ≠ 表10's 50, within rounding",
      text: doc({ fund: "51", t10: "某部门→→→50→0→50\n甲单位→→→50→0→50" }),
      findings: [{ severity: "info", stated: "51", computed: "50", difference: "1", tolerance: "1", line: 8, table: "T1", item: "政府性基金预算拨款", column: "预算数", related: [15] }],
    },
    {
      // 0 vs 50: the printed 0 may be ½ higher, 50 ½ lower.
      name: "表1 says no 政府性基金 but 表10 budgets 50",
      text: doc({ t10: "某部门→→→50→0→50\n甲单位→→→50→0→50" }),
      findings: [{ severity: "error", stated: "0", computed: "50", difference: "-50", tolerance: "1", line: 8, item: "政府性基金预算拨款" }],
    },
    {
      // 表11 starts on line 17; its department row is on line 22.
      name: "表1 says no 国有资本经营 but 表11 budgets 3",
      text: doc({ t11: "某部门→→→3→3→0\n甲单位→→→3→3→0" }),
      findings: [{ severity: "error", stated: "0", computed: "3", difference: "-3", tolerance: "1", line: 9, item: "国有资本经营预算拨款", related: [22] }],
    },
    {
      // Without a department row the units are summed: 52 vs 20 + 30, ½ × 3.
      name: "表10 without a department row: 52 ≠ 20 + 30",
      text: doc({ fund: "52", t10: "甲单位→→→20→0→20\n乙单位→→→30→0→30" }),
      findings: [{ severity: "error", stated: "52", computed: "50", difference: "2", tolerance: "1.5", line: 8, related: [15, 16] }],
    },
  ],
});
