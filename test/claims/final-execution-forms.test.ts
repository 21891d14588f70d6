import { describe, expect, it } from "vitest";
import { claimsOf } from "../../src/claims/index.js";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { budgetExecution } from "../../src/rules/budget-execution.js";
import { textVsTable } from "../../src/rules/text-vs-table.js";
import { shanghaiFinal } from "../../src/templates/shanghai.js";
import { FINAL_FUNCTION_TABLE, FINAL_GOV_FUND_TABLE } from "../helpers/final.js";

/*
 * Statements of a 决算's 情况说明 that the 海南 probe (round 51) printed and nothing read: a project's self-evaluation
 * in the national template's wording (全年预算数为 B 万元，执行数为 X 万元，完成预算的 P%), a fund's statement with its 决算
 * before its budget (政府性基金预算财政拨款支出 X 万元，年初预算为 B 万元，完成年初预算的 P%), the percentage worded as the
 * tables' column is (决算数为年初预算数的 P%), the vehicles' purchase named without its 费 (公务用车购置支出 X 万元), and a
 * 公务接待费 split whose 外事接待 part opens the paragraph after a line ending in ；.
 */
const TABLES = [...FINAL_FUNCTION_TABLE, "", ...FINAL_GOV_FUND_TABLE];
const doc = (paragraphs: string[]) =>
  loadLayoutText("final.txt", [...TABLES, "第三部分 某局2024年度部门决算情况说明", ...paragraphs].join("\n"), { template: shanghaiFinal });
const executions = (paragraphs: string[]) =>
  claimsOf(doc(paragraphs)).claims.flatMap((c) => (c.kind === "execution" ? [`${c.scope} ${c.label} ${c.budget.text} ${c.final.text} ${c.percent?.text ?? "-"}`] : []));
const errors = (paragraphs: string[]) =>
  runRules(doc(paragraphs), [budgetExecution, textVsTable], { tolerance: { kind: "auto" }, lang: "en" })
    .filter((f) => f.severity === "error")
    .map((f) => `${f.ruleId} ${f.stated}`);

const SELF_EVALUATION = (pct: string) => [
  "  十、预算绩效情况说明",
  "  （二）部门决算中项目绩效自评结果",
  "  1.旅游宣传推广项目绩效自评综述：根据年初设定的绩效目标，项目自评得分91.3分。全年预算数为2764.63万元，",
  `执行数为2513.30万元，完成预算的${pct}。项目绩效目标完成情况：年度绩效目标基本完成。`,
];

describe("a project's self-evaluation (全年预算数为 B 万元，执行数为 X 万元，完成预算的 P%)", () => {
  it("is read as the project's execution, named by its paragraph", () => {
    expect(executions(SELF_EVALUATION("90.91%"))).toEqual(["project 旅游宣传推广项目 2764.63 2513.30 90.91"]);
  });

  it("passes and fails: its percentage is the 执行数 ÷ the 全年预算数", () => {
    expect(errors(SELF_EVALUATION("90.91%"))).toEqual([]);
    expect(errors(SELF_EVALUATION("99.01%"))).toEqual(["budget-execution 99.01"]);
  });
});

describe("a fund's 决算 printed before its budget (…财政拨款支出 X 万元，年初预算为 B 万元，完成年初预算的 P%)", () => {
  const fund = (pct: string) => [
    "  七、政府性基金预算财政拨款支出决算情况说明",
    `  2024年度政府性基金预算财政拨款支出305.00万元，年初预算为250.00万元，完成年初预算的${pct}。决算数大于年初预算数的主要原因是使用以前年度结转资金。`,
  ];

  it("is read with its fund, and judged", () => {
    expect(executions(fund("122.00%"))).toEqual(["gov-fund 政府性基金预算财政拨款支出 250.00 305.00 122.00"]);
    expect(errors(fund("122.00%"))).toEqual([]);
    expect(errors(fund("112.00%"))).toEqual(["budget-execution 112"]);
  });

  it("but not without the percentage that ties the two figures, nor the “三公”'s", () => {
    expect(executions(["  2024年度政府性基金预算财政拨款支出305.00万元，年初预算为250.00万元。"])).toEqual([]);
    expect(executions(["  2024年度“三公”经费财政拨款支出66.17万元，年初预算为69.40万元，完成年初预算的95.35%。"])).toEqual([]);
  });
});

describe("决算数为年初预算数的 P% (the tables' column 决算数为全年预算数的%, as a sentence)", () => {
  const item = (pct: string) => [
    "  五、一般公共预算财政拨款支出决算情况说明",
    `  1.一般公共服务支出（类）财政事务（款）行政运行（项）。年初预算为1500.00万元，支出决算为1511.89万元，决算数为年初预算数的${pct}。`,
  ];
  it("is the statement's completion", () => {
    expect(executions(item("100.79%"))).toEqual(["item 一般公共服务支出-财政事务-行政运行 1500.00 1511.89 100.79"]);
    expect(errors(item("100.79%"))).toEqual([]);
    expect(errors(item("107.90%"))).toEqual(["budget-execution 107.9"]);
  });
});

describe("公务用车购置支出 X 万元 (the vehicles' purchase without its 费)", () => {
  it("is the 三公's vehicle purchase", () => {
    const purchases = claimsOf(
      doc([
        "  九、财政拨款“三公”经费支出决算情况说明",
        "  2.公务用车购置及运行维护费支出57.18万元。其中：公务用车购置支出25.91万元，本年度更新购置执法执勤用车1辆；公务用车运行维护费支出31.27万元。",
      ]),
    ).claims.flatMap((c) => (c.kind === "sanggong-final" ? [`${c.component} ${c.amount.text}`] : []));
    expect(purchases).toEqual(["vehicle 57.18", "vehicle-purchase 25.91", "vehicle-operation 31.27"]);
  });
});

describe("公务接待费's split whose 外事接待 part opens the next paragraph (a line ending in ；)", () => {
  const split = (lines: string[]) =>
    claimsOf(doc(["  九、财政拨款“三公”经费支出决算情况说明", "  （二）“三公”经费财政拨款支出决算具体情况说明", ...lines])).claims.flatMap((c) =>
      c.kind === "sanggong-final" && c.split ? [`${c.amount.text} = ${c.split.domestic.text} + ${c.split.foreign?.text ?? "?"}`] : [],
    );
  it("is read whole: the list runs on", () => {
    expect(
      split([
        "    3. 公务接待费支出 8.99 万元，其中：国内公务接待支出 7.35 万元，主要用于接待文化和旅游部调研考察，国内公务接待 63 批次、",
        "487 人次（不包括陪同人员）；",
        "外事接待支出 1.64 万元，外事接待 3 批次、26 人次。",
      ]),
    ).toEqual(["8.99 = 7.35 + 1.64"]);
  });
  it("but not from a paragraph that does not open with it", () => {
    expect(
      split([
        "    3. 公务接待费支出 8.99 万元，其中：国内公务接待支出 7.35 万元，主要用于接待文化和旅游部调研考察；",
        "另安排会议经费，外事接待支出 1.64 万元。",
      ]),
    ).toEqual(["8.99 = 7.35 + ?"]);
  });
});
