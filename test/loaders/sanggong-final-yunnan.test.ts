import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { rules } from "../../src/rules/index.js";
import { cellsAt, layoutTable } from "../helpers/layout.js";

/*
 * 云南's 一般公共预算财政拨款“三公”经费支出决算表 (round 48) across the page (公开07表): 预算数 over six columns, then 决算数 over six, each label centred over its merged cell as
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
