import { describe, expect, it } from "vitest";
import { cutOffFigure } from "../../src/engine/evaluate.js";
import { runRules } from "../../src/engine/run.js";
import type { Lang, Rule } from "../../src/engine/types.js";
import { makeAmount, type Amount } from "../../src/model/amount.js";
import { textDoc } from "../helpers/text.js";

/*
 * Two figures that should be equal, one printed with fewer decimals and cut off (截尾) rather than rounded: a
 * text's 9101.67 万元 for a table's 9101.677535 万元 (91,016,775.35 元), which rounds to 9101.68. The figures
 * agree; the coarser one was truncated. Beyond rounding, so a finding — a warning at most, which says so.
 */
const a = (text: string, line: number): Amount => makeAmount(text, { file: "t.md", line })!;

function equalRule(text: string, table: string): Rule {
  return {
    id: "test-equal",
    defaultSeverity: "error",
    description: "test",
    descriptionZh: "测试",
    check(_doc, ctx) {
      ctx.equal({ table: "text", item: "部门预算收入" }, a(text, 1), a(table, 2), { en: "T1 total income", zh: "表1 收入总计" });
    },
  };
}

const run = (text: string, table: string, lang: Lang = "en", severity?: "info" | "warning" | "error") =>
  runRules(textDoc(""), [equalRule(text, table)], { tolerance: { kind: "auto" }, lang, ...(severity && { severities: { "test-equal": severity } }) });

describe("a figure cut off (截尾) rather than rounded", () => {
  it("is told from a wrong figure: 9101.67 for 9101.677535 is cut off, 9101.66 and 9101.69 are not", () => {
    expect(cutOffFigure(a("9101.67", 1), a("9101.677535", 2))?.rounded.toString()).toBe("9101.68");
    expect(cutOffFigure(a("9101.677535", 2), a("9101.67", 1))?.figure.text).toBe("9101.67");
    expect(cutOffFigure(a("9101.66", 1), a("9101.677535", 2))).toBeNull();
    expect(cutOffFigure(a("9101.69", 1), a("9101.677535", 2))).toBeNull();
    // Printed at the same precision, a figure is not another cut off.
    expect(cutOffFigure(a("9101.67", 1), a("9101.68", 2))).toBeNull();
    // Below zero, towards zero: −9101.677535 cut off is −9101.67.
    expect(cutOffFigure(a("-9101.67", 1), a("-9101.677535", 2))).not.toBeNull();
    expect(cutOffFigure(a("-9101.68", 1), a("-9101.671", 2))).toBeNull();
  });

  it("is a warning that says what the figure reads rounded; a wrong figure stays an error; a rule set lower stays lower", () => {
    const [cut] = run("9101.67", "9101.677535");
    expect([cut.severity, cut.withinRounding, cut.stated, cut.computed]).toEqual(["warning", false, "9101.67", "9101.677535"]);
    expect(cut.message).toContain("beyond rounding; the printed 9101.67 is the other figure cut off (truncated) at 2 decimal places, not rounded: rounded it reads 9101.68");
    expect(run("9101.67", "9101.677535", "zh")[0].message).toContain("超出尾数误差；列示的 9101.67 是另一数保留 2 位小数时截尾（未四舍五入）所得，四舍五入应为 9101.68");
    const [wrong] = run("9101.60", "9101.677535");
    expect(wrong.severity).toBe("error");
    expect(wrong.message).not.toContain("truncated");
    expect(run("9101.67", "9101.677535", "en", "info")[0].severity).toBe("info");
    // Rounded right, it is within rounding (a note), not cut off.
    expect(run("9101.68", "9101.677535").map((f) => [f.severity, f.withinRounding])).toEqual([["info", true]]);
  });
});
