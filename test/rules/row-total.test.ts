import { rowTotal } from "../../src/rules/row-total.js";
import { runCases } from "../helpers/cases.js";

// Lines 1–4 of every 表7 case: marker, title, unit, header; data from line 5.
const T7 = (rows: string) => `
表 7
一般公共预算支出表（按功能分类）
单位：万元
预算单位→科目编码→科目名称→支出总计→基本支出→项目支出
${rows}`;

// Lines 1–5 of every 表9 case (two header rows); data from line 6.
const T9 = (rows: string) => `
表 9
一般公共预算“三公”经费支出表
单位：万元
预算单位→年度→总计→因公出国(境)费→公务接待费→公务用车购置及运行维护费→→
→→→→→小计→公务用车购置费→公务用车运行维护费
${rows}`;

// Lines 1–5 of every 表12 case; data from line 6.
const T12 = (rows: string) => `
表 12
部门整体支出绩效目标表
单位：万元
年度主要任务→任务名称→主要内容→预算金额(万元)→→
→→→总额→其中：财政拨款→其中：其他资金
${rows}`;

runCases(rowTotal, {
  accept: [
    { name: "表7 unit and code rows: 1,210 = 1,000 + 210", text: T7("甲单位→→→1,210→1,000→210\n→206→科学技术支出→1,210→1,000→210") },
    { name: "表9 总计 = 出国 + 接待 + 公务用车小计, 小计 = 购置 + 运维", text: T9("甲单位→2023 年→5→0→1→4→0→4") },
    { name: "表12 总额 = 财政拨款 when 其他资金 is empty", text: T12("→基本支出→人员经费→100→100→") },
  ],
  reject: [
    {
      name: "表7 code row 10 ≠ 4 + 7, within rounding: ½ for the total and ½ for each part",
      text: T7("甲单位→→→11→4→7\n→206→科学技术支出→10→4→7"),
      findings: [{ severity: "info", stated: "10", computed: "11", difference: "-1", tolerance: "1.5", line: 6, table: "T7", unit: "甲单位", code: "206", item: "科学技术支出", column: "支出总计", related: [6, 6] }],
    },
    {
      name: "表7 unit row 10 ≠ 4 + 9, beyond rounding; the unit is not repeated as the item",
      text: T7("甲单位→→→10→4→9"),
      findings: [{ severity: "error", stated: "10", computed: "13", difference: "-3", tolerance: "1.5", line: 5, table: "T7", unit: "甲单位", code: null, item: null, column: "支出总计" }],
    },
    {
      name: "two decimals: 10.00 ≠ 4.00 + 6.02 is beyond 3 × 0.005",
      text: T7("甲单位→→→10.00→4.00→6.02"),
      findings: [{ severity: "error", stated: "10", computed: "10.02", difference: "-0.02", tolerance: "0.015", line: 5 }],
    },
    {
      name: "one decimal: 10.0 ≠ 4.0 + 6.1 is within 3 × 0.05",
      text: T7("甲单位→→→10.0→4.0→6.1"),
      findings: [{ severity: "info", stated: "10", computed: "10.1", difference: "-0.1", tolerance: "0.15", line: 5 }],
    },
    {
      name: "a printed 0 cannot go below 0: 0 ≠ 0 + 1 is within ½ + 0 + ½",
      text: T7("甲单位→→→0→0→1"),
      findings: [{ severity: "info", stated: "0", computed: "1", difference: "-1", tolerance: "1", line: 5 }],
    },
    {
      name: "a printed 0 cannot go below 0: 0 ≠ 0 + 2 is beyond ½ + 0 + ½",
      text: T7("甲单位→→→0→0→2"),
      findings: [{ severity: "error", stated: "0", computed: "2", difference: "-2", tolerance: "1", line: 5 }],
    },
    {
      name: "表9 总计 8 ≠ 0 + 1 + 4, beyond 4 × ½",
      text: T9("甲单位→2023 年→8→0→1→4→0→4"),
      findings: [{ severity: "error", stated: "8", computed: "5", difference: "3", tolerance: "2", line: 6, table: "T9", unit: "甲单位", item: "2023 年", column: "总计" }],
    },
    {
      name: "表9 公务用车小计 4 ≠ 0 + 5, within ½ + 0 (the printed 0 cannot go down) + ½",
      text: T9("甲单位→2023 年→5→0→1→4→0→5"),
      findings: [{ severity: "info", stated: "4", computed: "5", difference: "-1", tolerance: "1", line: 6, column: "公务用车购置及运行维护费小计" }],
    },
    {
      name: "表12 总额 50 ≠ 40 + 11, within rounding",
      text: T12("→科普活动→科普讲座→50→40→11"),
      findings: [{ severity: "info", stated: "50", computed: "51", difference: "-1", tolerance: "1.5", line: 6, table: "T12", item: "科普活动", column: "总额" }],
    },
    {
      name: "表12 总额 50 ≠ 40 + 13, beyond rounding",
      text: T12("→科普活动→科普讲座→50→40→13"),
      findings: [{ severity: "error", stated: "50", computed: "53", difference: "-3", tolerance: "1.5", line: 6 }],
    },
  ],
});
