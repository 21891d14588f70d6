import { economicVsFunction } from "../../src/rules/economic-vs-function.js";
import { runCases } from "../helpers/cases.js";
import { docAsRead } from "../helpers/docs.js";
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

// 广州's form, read by kind (generic): 一般公共预算支出表 by function with 基本支出 / 项目支出 on lines 1–6 (合计 on 4),
// its 基本支出 by economic code on 7–11 (合计 on 10), its 项目支出 by economic code on 12–16 (合计 on 15).
const guangzhou = (project = "40", basic = "60") =>
  [
    "一般公共预算支出表",
    "单位：万元",
    "科目编码→科目名称→合计→基本支出→项目支出",
    "→合计→100→60→40",
    "206→科学技术支出→100→60→40",
    "20601→科学技术管理事务→100→60→40",
    "一般公共预算基本支出情况表（按经济分类科目）",
    "单位：万元",
    "科目编码→科目名称→预算",
    `→合计→${basic}`,
    `301→工资福利支出→${basic}`,
    "一般公共预算项目支出情况表（按经济分类科目）",
    "单位：万元",
    "科目编码→科目名称→预算",
    `→合计→${project}`,
    `302→商品和服务支出→${project}`,
  ].join("\n");

runCases(
  economicVsFunction,
  {
    accept: [{ name: "the 项目支出 by economic code: its 合计 is the function table's 项目支出", text: guangzhou() }],
    reject: [
      {
        name: "the 项目支出 by economic code 46 where the function table says 40",
        text: guangzhou("46"),
        findings: [{ severity: "error", stated: "46", computed: "40", difference: "6", tolerance: "1", line: 15, table: "T17", unit: null, column: "合计", related: [4] }],
      },
    ],
  },
  docAsRead,
);
