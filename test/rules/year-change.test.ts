import { yearChange } from "../../src/rules/year-change.js";
import { runCases } from "../helpers/cases.js";
import { t9 } from "../helpers/tables.js";

// t9: data from line 6: 2022 on line 6, 2023 on line 7, the change on line 8.
const T9 = (change: string, y2022 = "甲单位→2022 年→5→0→1→4→0→4", y2023 = "→2023 年→7→0→3→4→0→4") => t9([y2022, y2023, change].join("\n"));

runCases(yearChange, {
  accept: [
    { name: "增减变化金额 = 2023 − 2022 in every column", text: T9("→增减变化金额→2→0→2→0→0→0") },
    {
      name: "a decrease is printed negative: −3 = 5 − 8",
      text: T9("→增减变化金额→-3→0→-3→0→0→0", "甲单位→2022 年→8→0→4→4→0→4", "→2023 年→5→0→1→4→0→4"),
    },
    { name: "no 2022 row: nothing to compare", text: T9("→增减变化金额→9→0→9→0→0→0", "甲单位→2023 年→7→0→3→4→0→4", "") },
  ],
  reject: [
    {
      // 1 vs 7 − 5 = 2: the change may be ½ higher, 7 ½ lower, 5 ½ higher → 1.5.
      name: "总计 change 1 ≠ 7 − 5, within rounding",
      text: T9("→增减变化金额→1→0→2→0→0→0"),
      findings: [{ severity: "info", stated: "1", computed: "2", difference: "-1", tolerance: "1.5", line: 8, table: "T9", unit: "甲单位", item: "增减变化金额", column: "总计", related: [6, 7] }],
    },
    {
      // 0 vs 3 − 1 = 2: beyond 1.5.
      name: "公务接待费 change 0 ≠ 3 − 1, beyond rounding",
      text: T9("→增减变化金额→2→0→0→0→0→0"),
      findings: [{ severity: "error", stated: "0", computed: "2", difference: "-2", tolerance: "1.5", line: 8, column: "公务接待费" }],
    },
    {
      // A change can be negative, so a printed 0 change may go below 0: 0 vs 0 − 1 = −1, tolerance ½ + ½ (2023's 0 can go up) + ½.
      name: "a printed 0 change stands for [−½, ½]: 0 ≠ 0 − 1 is within 1.5",
      text: T9("→增减变化金额→0→0→0→0→0→0", "甲单位→2022 年→1→0→1→0→0→0", "→2023 年→0→0→0→0→0→0"),
      findings: [
        { severity: "info", stated: "0", computed: "-1", difference: "1", tolerance: "1.5", line: 8, column: "总计" },
        { severity: "info", stated: "0", computed: "-1", difference: "1", tolerance: "1.5", line: 8, column: "公务接待费" },
      ],
    },
  ],
});
