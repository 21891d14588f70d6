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
 * in the national template's wording (全年预算数为 B 万元，执行数为 X 万元，完成预算的 P%).
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
