import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { COUNT_CELL } from "../../src/model/document.js";
import { rules } from "../../src/rules/index.js";
import { cellsAt, layoutTable, pad, padL } from "../helpers/layout.js";

/*
 * 云南's 一般公共预算财政拨款“三公”经费支出决算表 (round 48), in the two forms a 决算 prints it.
 *
 * Across the page (公开07表): 预算数 over six columns, then 决算数 over six, each label centred over its merged cell as
 * pdftotext prints it — 预算数 starts on the gap between the third column (小计) and the fourth, 决算数 between the ninth
 * and the tenth, so by its width neither reaches a label below it. Read as columns of their own, the twelve figures were
 * taken as budget | final pairs (22 false errors on a consistent document). The labels below print one list of items
 * twice: each group label spans one printing, wherever it is centred.
 */
const doc = (title: string, lines: string[]) => layoutTable("云南省民政厅2025年度部门决算", title, `部门：云南省民政厅${" ".repeat(40)}金额单位：万元`, lines);
const SANGGONG = "一般公共预算财政拨款“三公”经费支出决算表";
const wide = (figures: string[]) =>
  doc(SANGGONG, [
    cellsAt([39, "预算数"], [121, "决算数"]),
    cellsAt([7, "合计"], [19, "因公出国"], [44, "公务用车购置及运行费"], [71, "公务接待费"], [87, "合计"], [99, "因公出国"], [124, "公务用车购置及运行费"], [151, "公务接待费"]),
    cellsAt([19, "（境）费"], [99, "（境）费"]),
    cellsAt([33, "小计"], [44, "公务用车购置费"], [58, "公务用车运行费"], [113, "小计"], [124, "公务用车购置费"], [138, "公务用车运行费"]),
    cellsAt(...[9, 23, 35, 49, 63, 75, 89, 103, 115, 128, 142, 154].map((x, i): [number, string] => [x, String(i + 1)])),
    cellsAt(...[4, 19, 31, 45, 59, 71, 85, 99, 111, 125, 139, 152].map((x, i): [number, string] => [x, figures[i]])),
  ]);
const CONSISTENT = ["105.00", "15.00", "80.00", "30.00", "50.00", "10.00", "95.16", "12.36", "74.45", "28.50", "45.95", "8.35"];
const errors = (text: string) => runRules(loadLayoutText("决算.txt", text), rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error");
const row = (text: string) => loadLayoutText("决算.txt", text).tables.find((t) => t.kind === "sanggong")!.rows[0];

describe("a 决算's 三公 table across the page, 预算数 and 决算数 centred on the gaps between columns", () => {
  it("is read: the first six figures under 预算数, the others under 决算数", () => {
    const r = row(wide(CONSISTENT));
    expect(["budget-total", "budget-abroad", "budget-vehicle", "budget-reception", "total", "vehicle-operation", "reception"].map((k) => r.cells[k]?.text)).toEqual(["105.00", "15.00", "80.00", "10.00", "95.16", "45.95", "8.35"]);
    expect(errors(wide(CONSISTENT))).toEqual([]);
  });

  it("fails: a 决算数 retyped breaks the 决算数 sums only", () => {
    const seeded = [...CONSISTENT];
    seeded[10] = "54.95";
    expect(errors(wide(seeded)).filter((f) => f.ruleId === "row-total").map((f) => f.column)).toEqual(["公务用车购置及运行费"]);
  });
});

/*
 * Down the page (the national form: 项目 | 预算数 | 决算数): 公务接待费 split into （1）国内接待费 (其中：外事接待费) and （2）国（境）外接待费,
 * and under 统计数 the counts (团组数, 人次数, 购置数, 保有量, 接待批次, 人次). It was not read (项目未能识别: 国内接待费, 统计数).
 */
const line = (label: string, budget: string, final: string) => `${pad(label, 44)}${padL(budget, 8)}${padL(final, 14)}`;
const down = (o: { domestic?: string; guests?: string; foreign?: string; held?: string } = {}) =>
  doc(SANGGONG, [
    line("  项    目", "预算数", "决算数"),
    line("  合计", "105.00", "95.16"),
    line("  1.因公出国（境）费", "15.00", "12.36"),
    line("  2.公务用车购置及运行维护费", "80.00", "74.45"),
    line("    （1）公务用车购置费", "30.00", "28.50"),
    line("    （2）公务用车运行维护费", "50.00", "45.95"),
    line("  3.公务接待费", "10.00", "8.35"),
    line("    （1）国内接待费", "10.00", o.domestic ?? "8.35"),
    line("      其中：外事接待费", "", o.guests ?? ""),
    line("    （2）国（境）外接待费", "", o.foreign ?? ""),
    line("  统计数", "—", "—"),
    line("  1.因公出国（境）团组数（个）", "", "2"),
    line("  2.因公出国（境）人次数（人）", "", "7"),
    line("  3.公务用车购置数（辆）", "", "1"),
    line("  4.公务用车保有量（辆）", "", o.held ?? "31"),
    line("  5.国内公务接待批次（个）", "", "68"),
    line("  6.国内公务接待人次（人）", "", "512"),
    line("  7.国（境）外公务接待批次（个）", "", ""),
    line("  8.国（境）外公务接待人次（人）", "", ""),
  ]);

describe("a 决算's 三公 table down the page, 公务接待费 split and 统计数 under the items", () => {
  it("is read: the split as parts of 公务接待费, the counts as counts (no column, in no sum)", () => {
    const d = loadLayoutText("决算.txt", down());
    expect(d.unknownTables ?? []).toEqual([]);
    const t = d.tables.find((x) => x.kind === "sanggong")!;
    const r = t.rows[0];
    expect(["reception", "budget-reception", "reception-domestic", "budget-reception-domestic"].map((k) => r.cells[k]?.text)).toEqual(["8.35", "10.00", "8.35", "10.00"]);
    // (Each printed part a column, the blank 国（境）外接待费 too: the split's identity holds where both are printed.)
    expect(t.columns.map((c) => c.key)).toEqual(expect.arrayContaining(["reception-domestic", "reception-foreign", "budget-reception-foreign"]));
    expect(t.columns.some((c) => c.key.startsWith(COUNT_CELL))).toBe(false);
    expect([`${COUNT_CELL}vehicles-held`, `${COUNT_CELL}reception-people`, `${COUNT_CELL}abroad-groups`].map((k) => [r.cells[k]?.text, r.cells[k]?.amount?.exact])).toEqual([
      ["31", true],
      ["512", true],
      ["2", true],
    ]);
    expect(r.cells[`${COUNT_CELL}budget-vehicles-held`]).toBeUndefined();
    expect(errors(down())).toEqual([]);
  });

  it("fails: a 国内接待费 its 公务接待费 is not; a count changed is no money", () => {
    expect(errors(down({ domestic: "3.85" })).filter((f) => f.ruleId === "row-total").map((f) => [f.column, f.stated, f.computed])).toEqual([["公务接待费", "8.35", "3.85"]]);
    expect(errors(down({ held: "13" }))).toEqual([]);
  });

  it("an item printing its 决算数 alone: in the 决算数 column (where its figures end), not the first", () => {
    const r = row(down({ domestic: "7.35", foreign: "1.00" }));
    expect([r.cells["reception-foreign"]?.text, r.cells["budget-reception-foreign"]?.text]).toEqual(["1.00", ""]);
    expect(errors(down({ domestic: "7.35", foreign: "1.00" }))).toEqual([]);
  });
});
