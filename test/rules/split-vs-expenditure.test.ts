import { splitVsExpenditure } from "../../src/rules/split-vs-expenditure.js";
import { runCases } from "../helpers/cases.js";
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
