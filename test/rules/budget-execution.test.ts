import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { budgetExecution } from "../../src/rules/budget-execution.js";
import { shanghaiFinal } from "../../src/templates/shanghai.js";
import { FINAL_FUNCTION_TABLE } from "../helpers/final.js";

/*
 * A 决算's 情况说明 in the layout form (as pdftotext writes the published PDF): the 一般公共预算财政拨款支出决算表
 * and the statements of its execution. Line numbers below are those of the text built here.
 */
const TABLE = FINAL_FUNCTION_TABLE;
const text = (general: string, item: string) => [
  ...TABLE,
  "第三部分 某区某局2024年度部门决算情况说明",
  "  五、一般公共预算财政拨款支出决算情况说明",
  `  一般公共预算财政拨款支出年初预算为1,570.05万元，支出决算为1,521.89万元，完成年初预算的${general}。`,
  "决算数小于预算数的主要原因：人员进出及退休变化。",
  "1、一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于：局本部人员经费。",
  `年初预算为 1,560.05 万元，支出决算为1,511.89万元。${item}的主要原因：人员变化。`,
];
const LINE = TABLE.length;
const check = (general: string, item: string) =>
  runRules(loadLayoutText("final.txt", text(general, item).join("\n"), { template: shanghaiFinal }), [budgetExecution], { tolerance: { kind: "auto" }, lang: "en" });

describe("budget-execution", () => {
  it("passes when 完成年初预算的 P% is 决算 ÷ 预算 and the wording agrees with the figures", () => {
    expect(check("96.93%", "决算数小于预算数")).toEqual([]);
  });

  it("a percentage that is not 决算 ÷ 预算 is an error at the percentage, with the arithmetic", () => {
    const f = check("98.20%", "决算数小于预算数");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ ruleId: "budget-execution", severity: "error", stated: "98.2", location: { line: LINE + 3 } });
    expect(f[0].computed).toMatch(/^96\.93/);
  });

  it("决算数大于预算数 where the 决算 is below the 预算 is an error at the wording", () => {
    const f = check("96.93%", "决算数大于预算数");
    expect(f).toHaveLength(1);
    // The wording is quoted in the message; `stated` is a decimal or null in the report (report.schema.json).
    expect(f[0]).toMatchObject({ ruleId: "budget-execution", severity: "error", stated: null, difference: "-48.16", location: { line: LINE + 6 } });
    expect(f[0].message).toContain("the final figure is below the budget");
    expect(f[0].message).toContain("决算数大于预算数");
  });

  it("基本持平 is not judged; 与预算数持平 is, beyond the printed figures' rounding", () => {
    expect(check("96.93%", "决算数与预算数基本持平")).toEqual([]);
    expect(check("96.93%", "决算数与预算数持平").map((x) => x.message)).toEqual([expect.stringContaining("决算数与预算数持平")]);
  });
});
