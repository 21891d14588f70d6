import { tasksVsBudget } from "../../src/rules/tasks-vs-budget.js";
import { runCases } from "../helpers/cases.js";
import { classified, pages, t12 } from "../helpers/tables.js";

// 表7 on lines 1–7 (department 150 / 100 / 50 on line 6); 表12 from line 8: 基本支出 on 13, 科普活动 on 14, 金额合计 on 15.
const doc = ({ basic = "100", task = "50", sum = "150" } = {}) =>
  pages(
    classified(7, "某部门→→→150→100→50\n甲单位→→→150→100→50", "某部门"),
    t12(`→基本支出→人员经费→${basic}→${basic}→\n→科普活动→科普讲座→${task}→${task}→\n金额合计→→${sum}→${sum}`),
  );

runCases(tasksVsBudget, {
  accept: [{ name: "tasks 100 + 50 = 表7's 150 = 金额合计; 基本支出 100 = 表7's", text: doc() }],
  reject: [
    {
      // 150 vs 101 + 50: ½ × 3; 151 vs 150 and 101 vs 100: ½ + ½.
      name: "基本支出 101 and 金额合计 151 against 表7's 100 and 150, within rounding",
      text: doc({ basic: "101", sum: "151" }),
      findings: [
        { severity: "info", stated: "150", computed: "151", difference: "-1", tolerance: "1.5", line: 6, table: "T7", item: "某部门", column: "支出总计", related: [13, 14] },
        { severity: "info", stated: "101", computed: "100", difference: "1", tolerance: "1", line: 13, table: "T12", item: "基本支出", column: "总额", related: [6] },
        { severity: "info", stated: "151", computed: "150", difference: "1", tolerance: "1", line: 15, table: "T12", item: "金额合计", column: "总额", related: [6] },
      ],
    },
    {
      name: "the tasks leave out 10 of 表7's total (100 + 40 ≠ 150)",
      text: doc({ task: "40" }),
      findings: [{ severity: "error", stated: "150", computed: "140", difference: "10", tolerance: "1.5", line: 6, table: "T7" }],
    },
    {
      // 表7 prints one unit and no department row (lines 1–6, the unit on 5); 表12 from line 7 (金额合计 on 14).
      name: "a 表7 with one budget unit and no department row: that unit is the department",
      text: pages(classified(7, "某单位→→→150→100→50\n→206→科学技术支出→150→100→50"), t12("→基本支出→人员经费→100→100→\n→科普活动→科普讲座→90→90→\n金额合计→→190→190")),
      findings: [
        { severity: "error", stated: "150", computed: "190", difference: "-40", tolerance: "1.5", line: 5, table: "T7", column: "支出总计", related: [12, 13] },
        { severity: "error", stated: "190", computed: "150", difference: "40", tolerance: "1", line: 14, table: "T12", item: "金额合计" },
      ],
    },
  ],
});
