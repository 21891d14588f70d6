import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { budgetExecution } from "../../src/rules/budget-execution.js";
import { shanghaiFinal } from "../../src/templates/shanghai.js";
import { FINAL_FUNCTION_TABLE } from "../helpers/final.js";

/*
 * A written part's heading whose year pdftotext prints apart from its words (第三部分  2024 年度部门决算情况说明: a Word
 * document's digits set in a Latin font, a gap measured between them and the Chinese characters), as the 海南 probe's
 * PDF text has it (round 51). The year with a space before 年 was taken for a figure, the line for no heading: the
 * 情况说明 ran on in the part before it (第二部分 …决算表), which no 决算 reader reads, and none of its statements was read.
 */
const doc = (heading: string, pct: string) =>
  loadLayoutText(
    "final.txt",
    [
      ...FINAL_FUNCTION_TABLE,
      "",
      "第二部分  2024 年度部门决算表",
      "",
      heading,
      "    五、一般公共预算财政拨款支出决算情况说明",
      `    2024 年度一般公共预算财政拨款支出年初预算为 1570.05 万元，支出决算为 1521.89 万元，完成年初预算的 ${pct}%。`,
    ].join("\n"),
    { template: shanghaiFinal },
  );

describe("a part's heading with a spaced year (2024 年度)", () => {
  it("heads its part, which the 决算's reader reads", () => {
    expect(doc("第三部分  2024 年度部门决算情况说明", "96.93").text.map((p) => p.title)).toContain("第三部分  2024 年度部门决算情况说明");
  });

  it("so its statements are checked: a wrong 完成年初预算的 P% is an error", () => {
    const errors = (pct: string) =>
      runRules(doc("第三部分  2024 年度部门决算情况说明", pct), [budgetExecution], { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error").map((f) => f.stated);
    expect(errors("96.93")).toEqual([]);
    expect(errors("98.20")).toEqual(["98.2"]);
  });

  it("a line of a figure and a year is still no heading", () => {
    expect(doc("        2024 年度支出 1521.89", "96.93").text.map((p) => p.title)).not.toContain("2024 年度支出 1521.89");
  });
});
