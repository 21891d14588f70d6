import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { countKind } from "../../src/loaders/layout/count-columns.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { COUNT_CELL, type Row } from "../../src/model/document.js";
import { rules } from "../../src/rules/index.js";
import { cellsAt, layoutTable } from "../helpers/layout.js";

/*
 * Round 57: a 三公 table down the page whose count columns stand left of a money column (项目 | 团组数 | 人次 | 预算数 | 决算数),
 * or between its money columns, one set for each stage or year (预算数 | 车辆数 | 批次 | 决算数 | 车辆数 | 批次), was listed, not
 * read (表头未能识别 header not understood: 团组数、人次 …); and a table of years (上年预算数 | 本年预算数 | … | 车辆数（辆）) kept no
 * count of its count columns. Now each count is kept as the count of the item on its line and of the money column it is
 * of: the table's own (its 决算数, this year's) where the header prints its words once; else the stage's or year's it is
 * printed with.
 */
const MONEY = ["total", "abroad", "vehicle", "vehicle-purchase", "vehicle-operation", "reception"];
const ITEMS = ["合计", "1.因公出国（境）费", "2.公务用车购置及运行维护费", "（1）公务用车购置费", "（2）公务用车运行维护费", "3.公务接待费"];
/** A table down the page: `heads` its columns' labels, each column `width` wide from column 50; `figures` by item, by column. */
const table = (title: string, heads: string[], figures: (string | null)[][], width = 14) => {
  const starts = heads.map((_, j) => 50 + j * width);
  const head = cellsAt([4, "项        目"], ...heads.map((h, j): [number, string] => [starts[j] + Math.max(0, Math.floor((width - h.length * 2) / 2)), h]));
  const lines = ITEMS.map((label, i) => cellsAt([4, label], ...figures[i].flatMap((f, j): [number, string][] => (f === null ? [] : [[starts[j] + width - 1 - f.length, f]]))));
  return layoutTable("江北市林业局2024年度部门决算", title, `编制单位：江北市林业局${" ".repeat(60)}单位：万元`, [head, ...lines]);
};
const FINAL = "财政拨款“三公”经费支出决算表";
const load = (text: string) => loadLayoutText("决算.txt", text);
const sanggong = (text: string) => load(text).tables.find((t) => t.kind === "sanggong")!;
const counts = (r: Row) =>
  Object.keys(r.cells)
    .filter((k) => k.startsWith(COUNT_CELL))
    .sort()
    .map((k) => `${k.slice(COUNT_CELL.length)} ${r.cells[k].text}`);
const errors = (text: string) => runRules(load(text), rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error");

// 预算数 and 决算数 by item (合计 = 因公出国 + 公务用车 + 公务接待; 公务用车 = 购置 + 运行).
const BUDGET = ["69.00", "8.00", "55.00", "25.00", "30.00", "6.00"];
const SPENT = ["58.62", "5.23", "49.55", "24.38", "25.17", "3.84"];

describe("count columns left of the money (项目 | 团组数 | 批次 | 人次 | 车辆数 | 预算数 | 决算数)", () => {
  const text = (run = SPENT[4]) =>
    table(FINAL, ["团组数", "批次", "人次", "车辆数", "预算数", "决算数"], [
      [null, null, null, null, BUDGET[0], SPENT[0]],
      ["1", null, "3", null, BUDGET[1], SPENT[1]],
      [null, null, null, null, BUDGET[2], SPENT[2]],
      [null, null, null, "1", BUDGET[3], SPENT[3]],
      [null, null, null, "12", BUDGET[4], run],
      [null, "45", "310", null, BUDGET[5], SPENT[5]],
    ]);

  it("is read: the money as money, each count the table's own (`count:<item>`)", () => {
    const d = load(text());
    expect(d.unknownTables ?? []).toEqual([]);
    const r = sanggong(text()).rows[0];
    expect(MONEY.map((k) => r.cells[k]?.text)).toEqual(SPENT);
    expect(MONEY.map((k) => r.cells[`budget-${k}`]?.text)).toEqual(BUDGET);
    expect(counts(r)).toEqual(["abroad-groups 1", "abroad-people 3", "reception-batches 45", "reception-people 310", "vehicles-bought 1", "vehicles-held 12"]);
    expect(errors(text())).toEqual([]);
  });

  it("fails: a 决算数 mistyped breaks 公务用车购置及运行费 = 购置费 + 运行费", () => {
    expect(errors(text("21.57")).filter((f) => f.ruleId === "row-total").map((f) => [f.column, f.stated, f.computed])).toEqual([["公务用车购置及运行费", "49.55", "45.95"]]);
  });
});

describe("count columns between the money columns", () => {
  it("one set for each stage (预算数 | 车辆数 | 批次 | 决算数 | 车辆数 | 批次): the 预算数's `count:budget-<item>`, the 决算数's `count:<item>`", () => {
    const text = table(FINAL, ["预算数", "车辆数", "批次", "决算数", "车辆数", "批次"], [
      [BUDGET[0], null, null, SPENT[0], null, null],
      [BUDGET[1], null, "2", SPENT[1], null, "1"],
      [BUDGET[2], null, null, SPENT[2], null, null],
      [BUDGET[3], "1", null, SPENT[3], "1", null],
      [BUDGET[4], "13", null, SPENT[4], "12", null],
      [BUDGET[5], null, "50", SPENT[5], null, "45"],
    ]);
    const r = sanggong(text).rows[0];
    expect(MONEY.map((k) => r.cells[k]?.text)).toEqual(SPENT);
    expect(MONEY.map((k) => r.cells[`budget-${k}`]?.text)).toEqual(BUDGET);
    expect(counts(r)).toEqual([
      "abroad-groups 1",
      "budget-abroad-groups 2",
      "budget-reception-batches 50",
      "budget-vehicles-bought 1",
      "budget-vehicles-held 13",
      "reception-batches 45",
      "vehicles-bought 1",
      "vehicles-held 12",
    ]);
    expect(errors(text)).toEqual([]);
  });

  it("printed once between them (预算数 | 车辆数 | 决算数): the table's own", () => {
    const text = table(FINAL, ["预算数", "车辆数", "决算数"], [
      [BUDGET[0], null, SPENT[0]],
      [BUDGET[1], null, SPENT[1]],
      [BUDGET[2], null, SPENT[2]],
      [BUDGET[3], "1", SPENT[3]],
      [BUDGET[4], "12", SPENT[4]],
      [BUDGET[5], null, SPENT[5]],
    ]);
    const r = sanggong(text).rows[0];
    expect(MONEY.map((k) => r.cells[k]?.text)).toEqual(SPENT);
    expect(counts(r)).toEqual(["vehicles-bought 1", "vehicles-held 12"]);
  });
});

describe("a table of years with count columns (item 2 of round 57)", () => {
  const BUDGET_TITLE = "一般公共预算“三公”经费支出预算表";
  const LAST = ["26.50", "0.00", "25.00", "18.00", "7.00", "1.50"];
  const NOW = ["7.70", "0.00", "6.50", "0.00", "6.50", "1.20"];
  const rowsOf = (text: string) => {
    const t = sanggong(text);
    return t.rows.map((r) => `${r.role}: ${MONEY.map((k) => r.cells[k]?.text ?? "").join(" ")} | ${counts(r).join(", ")}`);
  };

  it("printed once after the years (上年预算数 | 本年预算数 | 增减额 | 车辆数（辆） | 批次): this year's, as its money", () => {
    const text = table(BUDGET_TITLE, ["上年预算数", "本年预算数", "增减额", "车辆数（辆）", "批次"], [
      [LAST[0], NOW[0], "-18.80", null, null],
      [LAST[1], NOW[1], "0.00", null, null],
      [LAST[2], NOW[2], "-18.50", null, null],
      [LAST[3], NOW[3], "-18.00", "0", null],
      [LAST[4], NOW[4], "-0.50", "3", null],
      [LAST[5], NOW[5], "-0.30", null, "8"],
    ], 16);
    expect(load(text).unknownTables ?? []).toEqual([]);
    expect(rowsOf(text)).toEqual([
      `previous-year: ${LAST.join(" ")} | `,
      `current-year: ${NOW.join(" ")} | reception-batches 8, vehicles-bought 0, vehicles-held 3`,
      "change: -18.80 0.00 -18.50 -18.00 -0.50 -0.30 | ",
    ]);
    expect(errors(text)).toEqual([]);
  });

  it("one set a year (2024年预算数 | 车辆数 | 2025年预算数 | 车辆数): each year's in its row", () => {
    const text = table(BUDGET_TITLE, ["2024年预算数", "车辆数", "2025年预算数", "车辆数"], [
      [LAST[0], null, NOW[0], null],
      [LAST[1], null, NOW[1], null],
      [LAST[2], null, NOW[2], null],
      [LAST[3], "1", NOW[3], "0"],
      [LAST[4], "4", NOW[4], "3"],
      [LAST[5], null, NOW[5], null],
    ], 16);
    expect(rowsOf(text)).toEqual([`previous-year: ${LAST.join(" ")} | vehicles-bought 1, vehicles-held 4`, `current-year: ${NOW.join(" ")} | vehicles-bought 0, vehicles-held 3`]);
  });

  it("a count column naming its year (2024年车辆数 | 2025年车辆数, after the money): that year's", () => {
    const text = table(BUDGET_TITLE, ["2024年预算数", "2025年预算数", "2024年车辆数", "2025年车辆数"], [
      [LAST[0], NOW[0], null, null],
      [LAST[1], NOW[1], null, null],
      [LAST[2], NOW[2], null, null],
      [LAST[3], NOW[3], "1", "0"],
      [LAST[4], NOW[4], "4", "3"],
      [LAST[5], NOW[5], null, null],
    ], 16);
    expect(rowsOf(text)).toEqual([`previous-year: ${LAST.join(" ")} | vehicles-bought 1, vehicles-held 4`, `current-year: ${NOW.join(" ")} | vehicles-bought 0, vehicles-held 3`]);
  });
});

describe("countKind with a year or a stage before a count's words", () => {
  it("2024年车辆数 · 本年批次 · 决算人次 are counts; 2024年预算数 · 本年预算数 · 决算数 are not", () => {
    expect(["2024年车辆数", "本年批次", "决算人次(人)", "2024年预算数", "本年预算数", "决算数", "上年"].map(countKind)).toEqual(["vehicles", "batches", "people", null, null, null, null]);
  });
});

describe("countKind of a label that says money as well as a count (round 58)", () => {
  // A guard, not a fix: the count's words are matched whole, so a label that says money too (万元 · 元 · 金额 · 费) is no
  // count column and its figures stay money. (Round 58 found no label read wrongly so; this keeps it.)
  it("车辆数（万元） · 人次（元） · 接待批次金额 · 购置数（万元） · 车辆费（辆） · 金额（辆） are not counts", () => {
    expect(["车辆数(万元)", "人次(元)", "接待批次金额", "批次(万元)", "购置数(万元)", "保有量费", "车辆费(辆)", "金额(辆)", "车辆数(辆)"].map(countKind)).toEqual([null, null, null, null, null, null, null, null, "vehicles"]);
  });
});
