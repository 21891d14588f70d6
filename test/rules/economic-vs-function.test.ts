import { economicVsFunction } from "../../src/rules/economic-vs-function.js";
import { runCases } from "../helpers/cases.js";
import { classified, pages } from "../helpers/tables.js";

// 表7 on lines 1–8 (department on 6, 甲单位 on 7); 表8 from line 9 (department on 14, 甲单位 on 15).
const doc = ({ dept8 = "某部门→→→100→60→40", unit8 = "甲单位→→→100→60→40" } = {}) =>
  pages(
    classified(7, "某部门→→→100→60→40\n甲单位→→→100→60→40\n→206→科学技术支出→100→60→40", "某部门"),
    classified(8, `${dept8}\n${unit8}\n→301→工资福利支出→60→60→0\n→302→商品和服务支出→40→0→40`, "某部门"),
  );

runCases(economicVsFunction, {
  accept: [
    { name: "表8's department and unit totals, 基本支出 and 项目支出 = 表7's", text: doc() },
    { name: "a unit of 表8 that 表7 does not print is not compared", text: doc({ unit8: "乙单位→→→100→60→40" }) },
  ],
  reject: [
    {
      // 101 vs 100 and 41 vs 40: ½ + ½ each.
      name: "表8 甲单位 101 / 41 ≠ 表7's 100 / 40, within rounding",
      text: doc({ unit8: "甲单位→→→101→60→41" }),
      findings: [
        { severity: "info", stated: "101", computed: "100", difference: "1", tolerance: "1", line: 15, table: "T8", unit: "甲单位", item: null, column: "支出总计", related: [7] },
        { severity: "info", stated: "41", computed: "40", difference: "1", tolerance: "1", line: 15, column: "项目支出" },
      ],
    },
    {
      name: "表8 department splits 63 / 37 where 表7 says 60 / 40",
      text: doc({ dept8: "某部门→→→100→63→37" }),
      findings: [
        { severity: "error", stated: "63", computed: "60", difference: "3", tolerance: "1", line: 14, unit: null, item: "某部门", column: "基本支出", related: [6] },
        { severity: "error", stated: "37", computed: "40", difference: "-3", tolerance: "1", line: 14, column: "项目支出" },
      ],
    },
  ],
});
