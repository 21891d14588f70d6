import { negativeAmount } from "../../src/rules/negative-amount.js";
import { runCases } from "../helpers/cases.js";
import { classified, t9 } from "../helpers/tables.js";

// classified(7): data from line 5.
const T7 = (rows: string) => classified(7, rows);

runCases(negativeAmount, {
  accept: [
    { name: "amounts of 0 and above", text: T7("甲单位→→→10→0→10\n→206→科学技术支出→10→0→10") },
    {
      name: "表9 增减变化金额 may be negative (a decrease)",
      text: t9("甲单位→2022 年→8→0→4→4→0→4\n→2023 年→5→0→1→4→0→4\n→增减变化金额→-3→0→-3→0→0→0"),
    },
  ],
  reject: [
    {
      name: "a 项目支出 printed −3",
      text: T7("甲单位→→→10→13→-3\n→206→科学技术支出→10→13→-3"),
      findings: [
        { severity: "error", stated: "-3", computed: null, difference: null, tolerance: null, line: 5, table: "T7", unit: "甲单位", code: null, column: "项目支出" },
        { severity: "error", stated: "-3", computed: null, difference: null, tolerance: null, line: 6, unit: "甲单位", code: "206", item: "科学技术支出", column: "项目支出" },
      ],
    },
    {
      name: "an accountant's negative in parentheses, (5)",
      text: T7("甲单位→→→(5)→0→(5)"),
      findings: [
        { severity: "error", stated: "-5", computed: null, difference: null, tolerance: null, line: 5, column: "支出总计" },
        { severity: "error", stated: "-5", computed: null, difference: null, tolerance: null, line: 5, column: "项目支出" },
      ],
    },
  ],
});
