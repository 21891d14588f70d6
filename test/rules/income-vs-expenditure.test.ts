import { incomeVsExpenditure } from "../../src/rules/income-vs-expenditure.js";
import { runCases } from "../helpers/cases.js";
import { classified, pages, t2Income } from "../helpers/tables.js";

// 表2 on lines 1–9: 合计 on 6, 甲单位 on 7, 206 on 8, 2060701 on 9; 表3 from line 10: its rows on 14–17.
const income = (unit = "100", code = "100") =>
  t2Income([`合计→→→${unit}→${unit}→${unit}→0→0→0→0→0→0→0→0→0`, `甲单位→→→${unit}→${unit}→${unit}→0→0→0→0→0→0→0→0→0`, `→206→科学技术支出→${code}→${code}→${code}→0→0→0→0→0→0→0→0→0`, "→2060701→机构运行→100→100→100→0→0→0→0→0→0→0→0→0"].join("\n"));
const expenditure = classified(3, ["合计→→→100→60→40", "甲单位→→→100→60→40", "→206→科学技术支出→100→60→40", "→2060701→机构运行→100→60→40"].join("\n"));

runCases(incomeVsExpenditure, {
  accept: [
    { name: "a budget's income by code is spent under the same codes", text: pages(income(), expenditure) },
    // A code only one of the two tables prints has nothing to be compared with.
    { name: "a code printed in 表2 only", text: pages(income(), expenditure.replace("→2060701→机构运行→100→60→40", "→2060702→科普活动→100→60→40")) },
  ],
  reject: [
    {
      // 130 vs 100: ½ + ½.
      name: "表2 206 科学技术支出 130 ≠ 表3's 100",
      text: pages(income("100", "130"), expenditure),
      findings: [{ severity: "error", stated: "130", computed: "100", difference: "30", tolerance: "1", line: 8, table: "T2", unit: "甲单位", code: "206", item: "科学技术支出", column: "合计", related: [16] }],
    },
    {
      name: "the department and the unit 101 against 100, within rounding",
      text: pages(income("101"), expenditure),
      findings: [
        { severity: "info", stated: "101", computed: "100", difference: "1", tolerance: "1", line: 6, unit: null, code: null, item: "合计", related: [14] },
        { severity: "info", stated: "101", computed: "100", difference: "1", tolerance: "1", line: 7, unit: "甲单位", code: null, item: null, related: [15] },
      ],
    },
  ],
});
