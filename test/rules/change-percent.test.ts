import { expect, it } from "vitest";
import { changePercent } from "../../src/rules/change-percent.js";
import { runCases } from "../helpers/cases.js";
import { check, docAsRead } from "../helpers/docs.js";

/*
 * A department in three tables of the generic template (read by kind alone), its 一般公共预算支出表 printing last
 * year's budget, this year's, the change and the change in percent; rows from line 15 (合计) to line 19.
 */
const doc = (rows: string[], header = "科目编码→科目名称→2025年预算数→2026年预算数→增减额→增减率（%）") =>
  [
    "部门收支总表",
    "单位：万元",
    "收入→→支出→",
    "项目→预算数→项目→预算数",
    "一般公共预算拨款收入→1,500.00→一般公共服务支出→1,500.00",
    "收入总计→1,500.00→支出总计→1,500.00",
    "部门支出总表",
    "单位：万元",
    "科目编码→科目名称→合计→基本支出→项目支出",
    "→合计→1,500.00→900.00→600.00",
    "201→一般公共服务支出→1,500.00→900.00→600.00",
    "一般公共预算支出表",
    "单位：万元",
    header,
    ...rows,
  ].join("\n");
const rows = (last: string, total = "→合计→1,200.00→1,500.00→300.00→25.00") => [
  total,
  "201→一般公共服务支出→1,200.00→1,500.00→300.00→25.00",
  "20101→人大事务→1,200.00→1,500.00→300.00→25.00",
  "2010101→行政运行→800.00→900.00→100.00→12.50",
  `2010102→一般行政管理事务→400.00→600.00→200.00→${last}`,
];

runCases(
  changePercent,
  {
    accept: [
      { name: "every row's 增减率 is its 增减额 ÷ 2025年预算数", text: doc(rows("50.00")) },
      { name: "printed with its % sign, a full-width one too", text: doc(rows("50.00%", "→合计→1,200.00→1,500.00→300.00→25.00％")) },
      { name: "a blank or a dash is not judged", text: doc(rows("—", "→合计→1,200.00→1,500.00→300.00→")) },
      // 0 last year: 增减率 undefined (printed 100% or 0% by custom), not judged.
      { name: "nothing last year: the ratio is undefined, not judged", text: doc(rows("50.00", "→合计→0.00→1,500.00→1,500.00→100.00")) },
      { name: "no percentage column: nothing to check", text: doc(rows("50.00").map((r) => r.replace(/→[^→]*$/, "")), "科目编码→科目名称→2025年预算数→2026年预算数→增减额") },
    ],
    reject: [
      {
        name: "the change ÷ this year's budget (200 ÷ 600 = 33.33%): beyond rounding, the base named",
        text: doc(rows("33.33")),
        findings: [{ severity: "error", stated: "33.33", computed: "50", difference: "-16.67", tolerance: "0.0069", line: 19, table: "T5", code: "2010102", item: "一般行政管理事务", column: "增减(%)", related: [19, 19] }],
      },
      {
        name: "a decrease printed without its minus sign",
        text: doc(rows("50.00", "→合计→1,500.00→1,200.00→-300.00→20.00")),
        findings: [{ severity: "error", stated: "20", computed: "-20", difference: "40", tolerance: "0.0055", line: 15, item: "合计", column: "增减(%)" }],
      },
      {
        // 1 ÷ 3 in whole 万元: 0.5 ÷ 3.5 … 1.5 ÷ 2.5 = 14.3% … 60%; 40 is inside that range.
        name: "a percentage of figures in whole 万元, off the point ratio but inside the intervals: within rounding",
        text: doc(["→合计→3→4→1→40"], "科目编码→科目名称→2025年预算数→2026年预算数→增减额→增减率（%）"),
        findings: [{ severity: "info", stated: "40", computed: "33.3", difference: "6.7", tolerance: "27.17", line: 15, item: "合计" }],
      },
    ],
  },
  docAsRead,
);

it("change-percent names the base a wrong percentage was computed on (this year's budget)", () => {
  const [f] = check(changePercent, doc(rows("33.33")), "en", docAsRead);
  expect(f.message).toContain("the printed figure matches the change ÷ this year's budget: 200.00 ÷ 600.00 = 33.33%: it seems to have used that base");
  const [zh] = check(changePercent, doc(rows("33.33")), "zh", docAsRead);
  expect(zh.message).toContain("增减额 ÷ 本年预算数");
});

/*
 * A 三公 table of items down the page and years across (项目 | 2025年预算数 | 2026年预算数 | 增减额 | 增减率（%）, 河南's
 * 表7), after the same two tables: each item's 增减率 is its change ÷ its 2025 figure. Its rows from line 15 (合计).
 */
const sanggong = (reception: string) =>
  [
    ...doc([]).split("\n").slice(0, 11),
    "一般公共预算“三公”经费支出表",
    "单位：万元",
    "项目→2025年预算数→2026年预算数→增减额→增减率（%）",
    "合计→30.00→27.00→-3.00→-10.00",
    "1.因公出国（境）费→10.00→10.00→0.00→0.00",
    "2.公务用车购置及运行费→12.00→10.00→-2.00→-16.67",
    "其中：（1）公务用车购置费→0.00→0.00→0.00→",
    "（2）公务用车运行费→12.00→10.00→-2.00→-16.67",
    `3.公务接待费→8.00→7.00→-1.00→${reception}`,
  ].join("\n");

runCases(
  changePercent,
  {
    accept: [
      { name: "a 三公 table of years across: every item's 增减率 is its change ÷ last year's", text: sanggong("-12.50") },
    ],
    reject: [
      {
        // 25.82 ÷ 60.38 = 42.76%; the years' true amounts (60.375 … 86.2049) give 42.78%: within the two years' rounding.
        name: "a 三公 table of years across: 增减额 the printed figures' difference, 增减率 the true amounts': within rounding",
        text: sanggong("0.00")
          .replace("合计→30.00→27.00→-3.00→-10.00", "合计→60.38→86.20→25.82→42.78")
          .replace("1.因公出国（境）费→10.00→10.00→0.00→0.00", "1.因公出国（境）费→10.00→20.00→10.00→100.00")
          .replace("2.公务用车购置及运行费→12.00→10.00→-2.00→-16.67", "2.公务用车购置及运行费→40.38→56.20→15.82→39.18")
          .replace("（2）公务用车运行费→12.00→10.00→-2.00→-16.67", "（2）公务用车运行费→40.38→56.20→15.82→39.18")
          .replace("3.公务接待费→8.00→7.00→-1.00→0.00", "3.公务接待费→10.00→10.00→0.00→0.00"),
        findings: [{ severity: "info", stated: "42.78", computed: "42.763", difference: "0.017", tolerance: "0.0252", line: 15, item: "“三公”经费合计", column: "增减率" }],
      },
      {
        name: "a 三公 table of years across: 公务接待费's 增减率 mistyped (-12.05 for -12.50)",
        text: sanggong("-12.05"),
        findings: [{ severity: "error", stated: "-12.05", computed: "-12.5", difference: "0.45", tolerance: "0.1223", line: 20, item: "公务接待费", column: "增减率" }],
      },
    ],
  },
  docAsRead,
);

/*
 * A 增长% printed with no 增减额 beside it (重庆's 一般公共预算财政拨款支出预算表: 2025年执行数 merged down, 2026年预算数 over
 * 小计 · 基本支出 · 项目支出, then 2026年预算数比2025年执行数增长%): (this year's − last year's) ÷ last year's. Its header
 * takes two lines: the rows from line 16 (合计).
 */
const CHONGQING_HEADER = ["功能分类科目→→2025年执行数→2026年预算数→→→2026年预算数比2025年执行数增长%", "科目编码→科目名称→→小计→基本支出→项目支出→"].join("\n");
const growth = (last: string) => [
  "→合计→1,200.00→1,500.00→900.00→600.00→25.00",
  "201→一般公共服务支出→1,200.00→1,500.00→900.00→600.00→25.00",
  "20101→人大事务→1,200.00→1,500.00→900.00→600.00→25.00",
  "2010101→行政运行→800.00→900.00→900.00→→12.50",
  `2010102→一般行政管理事务→400.00→600.00→→600.00→${last}`,
];

runCases(
  changePercent,
  {
    accept: [{ name: "增长% with no 增减额: every row's is (2026年预算数 − 2025年执行数) ÷ 2025年执行数", text: doc(growth("50.00"), CHONGQING_HEADER) }],
    reject: [
      {
        name: "增长% with no 增减额, one mistyped (5.00 for 50.00)",
        text: doc(growth("5.00"), CHONGQING_HEADER),
        findings: [{ severity: "error", stated: "5", computed: "50", difference: "-45", tolerance: "0.0082", line: 20, code: "2010102", column: "增减(%)" }],
      },
    ],
  },
  docAsRead,
);
