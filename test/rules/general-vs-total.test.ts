import { generalVsTotal } from "../../src/rules/general-vs-total.js";
import { runCases } from "../helpers/cases.js";
import { classified, pages, twoSided } from "../helpers/tables.js";

const ROWS = "甲单位→→→100→60→40\n→206→科学技术支出→100→60→40";

// 表1 income on lines 1–9; 表3 from line 10 (data from 14); 表7 after it (data from 表3's last line + 5).
const doc = ({ gp = "100", unitFunds = "0", t3 = ROWS, t7 = ROWS } = {}) =>
  pages(
    twoSided(1, [`一、政府预算拨款→${gp}→→`, `1. 一般公共预算拨款→${gp}→→`, `三、单位资金→${unitFunds}→→`, "收入总计→100→→"].join("\n")),
    classified(3, t3),
    classified(7, t7),
  );

runCases(generalVsTotal, {
  accept: [
    { name: "all income is 一般公共预算拨款 and 表7 = 表3 row by row", text: doc() },
    { name: "with 单位资金 20, 表7 (the allocated part) may be less than 表3", text: doc({ gp: "80", unitFunds: "20", t7: "甲单位→→→80→60→20\n→206→科学技术支出→80→60→20" }) },
  ],
  reject: [
    {
      // 表3 on lines 10–15, 表7 on 16–21: 206 on line 21. 101 vs 100: ½ + ½.
      name: "表7 206 支出总计 101 ≠ 表3's 100, within rounding",
      text: doc({ t7: "甲单位→→→100→60→40\n→206→科学技术支出→101→60→40" }),
      findings: [{ severity: "info", stated: "101", computed: "100", difference: "1", tolerance: "1", line: 21, table: "T7", unit: "甲单位", code: "206", item: "科学技术支出", column: "支出总计", related: [15] }],
    },
    {
      // 表7's extra row 208 on line 22 is compared with 0: only the printed 5 can move (½).
      name: "表7 has a code row 表3 lacks",
      text: doc({ t7: `${ROWS}\n→208→社会保障和就业支出→5→5→0` }),
      findings: [
        { severity: "error", stated: "5", computed: "0", difference: "5", tolerance: "0.5", line: 22, table: "T7", code: "208", column: "支出总计", related: [] },
        { severity: "error", stated: "5", computed: "0", difference: "5", tolerance: "0.5", line: 22, code: "208", column: "基本支出" },
      ],
    },
    {
      // 表3's extra row 208 on line 16.
      name: "表3 has a code row 表7 lacks",
      text: doc({ t3: `${ROWS}\n→208→社会保障和就业支出→5→5→0` }),
      findings: [{ severity: "error", stated: "5", computed: "0", difference: "5", tolerance: "0.5", line: 16, table: "T3", unit: "甲单位", code: "208", item: "社会保障和就业支出", column: "支出总计" }],
    },
    {
      // A single-unit department: 表3 (lines 10–16) and 表7 (lines 17–23) each print the 部门名称 row, then its codes.
      // 表7's 206 on line 21: 110 vs 100 and 50 vs 40, ½ + ½ each.
      name: "a single-unit department: 表7's code rows under the department row are compared too",
      text: pages(
        twoSided(1, "一、政府预算拨款→100→→\n1. 一般公共预算拨款→100→→\n三、单位资金→0→→\n收入总计→100→→"),
        classified(3, "某部门→→→100→60→40\n→206→科学技术支出→100→60→40", "某部门"),
        classified(7, "某部门→→→100→60→40\n→206→科学技术支出→110→60→50", "某部门"),
      ),
      findings: [
        { severity: "error", stated: "110", computed: "100", difference: "10", tolerance: "1", line: 23, table: "T7", unit: null, code: "206", column: "支出总计" },
        { severity: "error", stated: "50", computed: "40", difference: "10", tolerance: "1", line: 23, code: "206", column: "项目支出" },
      ],
    },
  ],
});
