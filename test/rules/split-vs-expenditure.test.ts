import { splitVsExpenditure } from "../../src/rules/split-vs-expenditure.js";
import { runCases } from "../helpers/cases.js";
import { docAsRead } from "../helpers/docs.js";
import { classified, pages } from "../helpers/tables.js";

// 表3 on lines 1–7: 合计 on 5, 甲单位 on 6, 206 on 7. 表4 from line 8: 合计 on 12, 甲单位 on 13, 301 on 14.
// 表5 from line 15: 合计 on 19, 甲单位 on 20, 206 on 21.
const t3 = classified(3, ["合计→→→100→60→40", "甲单位→→→100→60→40", "→206→科学技术支出→100→60→40"].join("\n"));
const t4 = (unit = "60") => ["表 4", "基本支出总表", "单位：万元", "预算单位→科目编码→科目名称→合计→人员经费→公用经费", "合计→→→60→50→10", `甲单位→→→${unit}→50→10`, "→301→工资福利支出→50→50→0"].join("\n");
const t5 = (code = "40") => ["表 5", "项目支出总表", "单位：万元", "预算单位→科目编码→科目名称→合计", "合计→→→40", "甲单位→→→40", `→206→科学技术支出→${code}`].join("\n");

runCases(splitVsExpenditure, {
  accept: [
    { name: "表4 and 表5 detail 表3's 基本支出 and 项目支出", text: pages(t3, t4(), t5()) },
    // 表4 is by economic code: its 301 has no line of 表3 to be compared with.
    { name: "an economic code of 表4 is not compared with 表3's function codes", text: pages(t3, t4()) },
  ],
  reject: [
    {
      // 69 vs 60: ½ + ½.
      name: "表4 甲单位 69 ≠ 表3's 基本支出 60",
      text: pages(t3, t4("69"), t5()),
      findings: [{ severity: "error", stated: "69", computed: "60", difference: "9", tolerance: "1", line: 13, table: "T4", unit: "甲单位", code: null, column: "合计", related: [6] }],
    },
    {
      name: "表5 206 41 against 表3's 项目支出 40, within rounding",
      text: pages(t3, t4(), t5("41")),
      findings: [{ severity: "info", stated: "41", computed: "40", difference: "1", tolerance: "1", line: 21, table: "T5", unit: "甲单位", code: "206", item: "科学技术支出", related: [7] }],
    },
  ],
});

// 广州's form, read by kind as the CLI reads such a text: a 收支总表 (lines 1–6), a 支出总表 printing other spending
// beside 基本支出 and 项目支出 (7–11: 合计 on 10), and a 项目支出及其他支出预算表 (12–17: 合计 on 15) whose 合计 is
// the 项目支出 and the 事业单位经营支出 of 表3's line.
const lines = (...ls: string[]) => ls.join("\n");
const guangzhou = (total = "170") =>
  lines(
    "部门收支总表", "单位：万元", "收入项目→预算数→支出项目→预算数", "一、一般公共预算拨款收入→180→一、科学技术支出→180", "二、事业收入→0→→", "收入总计→180→支出总计→180",
    "部门支出总表", "单位：万元", "科目编码→科目名称→合计→基本支出→项目支出→事业单位经营支出", "→合计→180→10→160→10", "206→科学技术支出→180→10→160→10",
    "部门预算项目支出及其他支出预算表", "单位：万元", "单位名称→项目名称→合计→一般公共预算", `→合计→${total}→${total}`, "甲单位→信息系统运维→100→100", `甲单位→经营服务→${Number(total) - 100}→${Number(total) - 100}`,
  );

runCases(
  splitVsExpenditure,
  {
    accept: [{ name: "a 项目支出及其他支出 table's 合计 = 表3's 项目支出 + its other spending (160 + 10)", text: guangzhou() }],
    reject: [
      {
        // 160 (only the 项目支出) vs 160 + 10: ½ × 3.
        name: "a 项目支出及其他支出 table's 合计 that leaves out the other spending",
        text: guangzhou("160"),
        findings: [{ severity: "error", stated: "160", computed: "170", difference: "-10", tolerance: "1.5", line: 15, table: "T16", item: "合计", column: "合计", related: [10, 10] }],
      },
    ],
  },
  docAsRead,
);
