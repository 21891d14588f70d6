import { rowTotal } from "../../src/rules/row-total.js";
import { runCases } from "../helpers/cases.js";
import { classified, t12, t2Income, t9 } from "../helpers/tables.js";

// classified(7): data from line 5; t9 and t12: data from line 6 (see test/helpers/tables.ts).
const T7 = (rows: string) => classified(7, rows);
const T9 = t9;
const T12 = t12;

/** Shenzhen's 表2 收入总表 with its sources under two header rows (data from line 6); or a header of its own. */
const T2 = (rows: string, header?: [string, string]) =>
  header ? ["表 2", "收入总表", "单位：万元", `预算单位→科目编码→科目名称→${header[0]}`, `→→→${header[1]}`, rows].join("\n") : t2Income(rows);
/** 表4 基本支出总表 by economic code: 合计 = 人员经费 + 公用经费 (data from line 5). */
const T4 = (rows: string) => ["表 4", "基本支出总表", "单位：万元", "预算单位→科目编码→科目名称→合计→人员经费→公用经费", rows].join("\n");

runCases(rowTotal, {
  accept: [
    { name: "表7 unit and code rows: 1,210 = 1,000 + 210", text: T7("甲单位→→→1,210→1,000→210\n→206→科学技术支出→1,210→1,000→210") },
    { name: "表9 总计 = 出国 + 接待 + 公务用车小计, 小计 = 购置 + 运维", text: T9("甲单位→2023 年→5→0→1→4→0→4") },
    { name: "表12 总额 = 财政拨款 when 其他资金 is empty", text: T12("→基本支出→人员经费→100→100→") },
    { name: "表2 收入总计 = 政府预算拨款 + 财政专户 + 单位资金, each = Σ its parts", text: T2("甲单位→→→100→90→80→10→0→0→10→6→1→1→1→1") },
    // 单位资金 printed as one column: it stands for its parts, and is counted once.
    { name: "表2 收入总计 = 政府预算拨款 + 单位资金 (printed without its parts)", text: T2("甲单位→→→100→90→10", ["收入总计→政府预算拨款→单位资金", "→→"]) },
    { name: "表4 合计 = 人员经费 + 公用经费", text: T4("甲单位→→→100→80→20\n→301→工资福利支出→80→80→0") },
  ],
  reject: [
    {
      name: "表2 一般公共预算拨款 misprinted: 政府预算拨款 90 ≠ 70 + 10 + 0",
      text: T2("甲单位→→→100→90→70→10→0→0→10→6→1→1→1→1"),
      findings: [{ severity: "error", stated: "90", computed: "80", difference: "10", tolerance: "2", line: 6, table: "T2", unit: "甲单位", column: "政府预算拨款" }],
    },
    {
      name: "表2 单位资金 10 ≠ 6 + 1 + 1 + 1 + 9, and 收入总计 100 = 90 + 0 + 10 is not reported for it",
      text: T2("甲单位→→→100→90→80→10→0→0→10→6→1→1→1→9"),
      findings: [{ severity: "error", stated: "10", computed: "18", difference: "-8", tolerance: "3", line: 6, table: "T2", column: "单位资金" }],
    },
    {
      name: "表4 合计 100 ≠ 80 + 30",
      text: T4("甲单位→→→100→80→30"),
      findings: [{ severity: "error", stated: "100", computed: "110", difference: "-10", tolerance: "1.5", line: 5, table: "T4", column: "合计" }],
    },
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
