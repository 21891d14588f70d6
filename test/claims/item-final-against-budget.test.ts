import { describe, expect, it } from "vitest";
import { claimsOf } from "../../src/claims/index.js";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { budgetExecution } from "../../src/rules/budget-execution.js";
import { textVsTable } from "../../src/rules/text-vs-table.js";
import { shanghaiFinal } from "../../src/templates/shanghai.js";
import { FINAL_FUNCTION_TABLE } from "../helpers/final.js";

/*
 * A 决算's item stated as townships word the national template (round 53's 四川 township probe): 1.一般公共服务支出（类）
 * 财政事务（款）行政运行（项）：支出决算为 X 万元，比年初预算增加 D 万元，完成年初预算的 P% — the budget itself unprinted. Nothing
 * read it: neither X against the item's row nor P against X ÷ (X ∓ D).
 */
const doc = (paragraphs: string[]) =>
  loadLayoutText("final.txt", [...FINAL_FUNCTION_TABLE, "第三部分 某镇人民政府2024年度部门决算情况说明", "五、一般公共预算财政拨款支出决算情况说明", "（三）一般公共预算财政拨款支出决算具体情况", ...paragraphs].join("\n"), { template: shanghaiFinal });
const item = (x: string, dir: string, d: string, pct: string) =>
  `    1.一般公共服务支出（类）财政事务（款）行政运行（项）：支出决算为${x}万元，比年初预算${dir}${d}万元，完成年初预算的${pct}%。`;
const errors = (paragraphs: string[]) =>
  runRules(doc(paragraphs), [budgetExecution, textVsTable], { tolerance: { kind: "auto" }, lang: "en" })
    .filter((f) => f.severity === "error")
    .map((f) => `${f.ruleId} ${f.stated}`);

describe("an item's 决算 with its difference from the budget (支出决算为 X 万元，比年初预算增加 D 万元，完成年初预算的 P%)", () => {
  it("is read as the item's figure with its difference and completion", () => {
    const c = claimsOf(doc([item("1511.89", "增加", "11.89", "100.79")])).claims.filter((x) => x.kind === "function-item");
    expect(c.map((x) => x.kind === "function-item" && `${x.names.join("-")} ${x.amount.text} ${x.budgetChange?.kind} ${x.budgetChange?.amount?.text} ${x.completion?.text}`)).toEqual([
      "一般公共服务支出-财政事务-行政运行 1511.89 increase 11.89 100.79",
    ]);
  });

  it("passes when X is the table's and P = X ÷ (X ∓ D)", () => {
    expect(errors([item("1511.89", "增加", "11.89", "100.79")])).toEqual([]);
    expect(errors([item("1511.89", "减少", "88.11", "94.49")])).toEqual([]);
  });

  it("fails on X off the item's row, and on P off X ÷ (X ∓ D)", () => {
    expect(errors([item("1515.89", "增加", "15.89", "100.79")])).toContain("text-vs-table 1515.89");
    expect(errors([item("1511.89", "增加", "11.89", "101.79")])).toEqual(["budget-execution 101.79"]);
    expect(errors([item("1511.89", "减少", "11.89", "100.79")])).toEqual(["budget-execution 100.79"]);
  });
});
