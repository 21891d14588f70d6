import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import type { BudgetDocument } from "../../src/model/document.js";
import { rules } from "../../src/rules/index.js";
import { layoutTable, pad, padL } from "../helpers/layout.js";

/*
 * A 预算's 三公 table that prints last year's budget beside this year's, read by kind alone. Two layouts provinces
 * use: the items down the page and a column a year (四川, 湖北, 广东: 项目 | 上年预算数 | 本年预算数 | 增减额 | 增减率（%）,
 * or 项目 | 2024年预算数 | 2025年预算数), and the items across and a row a year (a 县's: 2024年预算 / 2025年预算 under
 * 合计 · 因公出国（境）费 · 公务用车购置及运行费 …). Both were listed as headers not understood, so the table's sums and
 * the text's 三公 figures were not checked. Each year is now a row (current-year, previous-year, and the change).
 */
const TITLE = "一般公共预算“三公”经费支出预算表";
const UNIT = "部门：某省某办公室                                                               单位：万元";
const down = (rows: string[][], header = ["上年预算数", "本年预算数", "增减额", "增减率（%）"]) =>
  layoutTable("某省某办公室2025年部门预算", TITLE, UNIT, [
    `${pad("            项    目", 40)}${header.map((h) => padL(h, 14)).join("")}`,
    ...rows.map(([name, ...xs]) => `${pad(name, 40)}${xs.map((x) => padL(x, 14)).join("")}`),
  ]);
const ITEMS = (total = "7.70") => [
  ["合    计", "26.50", total, "-18.80", "-70.94"],
  ["  1.因公出国（境）费", "0.00", "0.00", "0.00", "—"],
  ["  2.公务用车购置及运行费", "25.00", "6.50", "-18.50", "-74.00"],
  ["    其中：（1）公务用车购置费", "18.00", "0.00", "-18.00", "-100.00"],
  ["          （2）公务用车运行费", "7.00", "6.50", "-0.50", "-7.14"],
  ["  3.公务接待费", "1.50", "1.20", "-0.30", "-20.00"],
];

const sanggong = (d: BudgetDocument) => d.tables.find((t) => t.kind === "sanggong");
const rowsOf = (text: string) =>
  sanggong(loadLayoutText("预算.txt", text))?.rows.map((r) => `${r.role} ${["total", "abroad", "vehicle", "vehicle-purchase", "vehicle-operation", "reception"].map((k) => r.cells[k]?.text ?? "").join(" ")}`);
const errors = (text: string) => runRules(loadLayoutText("预算.txt", text), rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error");

describe("a 三公 table of items down the page, a column a year", () => {
  it("reads this year's, last year's and the change as rows: no error", () => {
    const text = down(ITEMS());
    expect(loadLayoutText("预算.txt", text).unknownTables ?? []).toEqual([]);
    expect(rowsOf(text)).toEqual([
      "previous-year 26.50 0.00 25.00 18.00 7.00 1.50",
      "current-year 7.70 0.00 6.50 0.00 6.50 1.20",
      "change -18.80 0.00 -18.50 -18.00 -0.50 -0.30",
    ]);
    expect(errors(text)).toEqual([]);
  });

  it("with the years printed (2024年预算数 | 2025年预算数), the later is this year's", () => {
    const text = down(
      ITEMS().map((r) => r.slice(0, 3)),
      ["2024年预算数", "2025年预算数"],
    );
    expect(rowsOf(text)).toEqual(["previous-year 26.50 0.00 25.00 18.00 7.00 1.50", "current-year 7.70 0.00 6.50 0.00 6.50 1.20"]);
  });

  it("fails: this year's 合计 typed wrong is an error of this year's row, of the change and of its percentage", () => {
    const fs = errors(down(ITEMS("8.70"))).filter((f) => f.ruleId !== "diagnosis");
    // (The 增减率 is checked against the two years' figures: (8.70 − 26.50) ÷ 26.50 is not the printed −70.94%.)
    expect(fs.map((f) => [f.ruleId, f.table, f.stated, f.computed])).toEqual([
      ["row-total", "T7", "8.7", "7.7"],
      ["change-percent", "T7", "-70.94", "-67.17"],
      ["year-change", "T7", "-18.8", "-17.8"],
    ]);
  });
});

describe("a 三公 table of items across, a row a year", () => {
  const cells = (xs: string[]) => xs.map((x) => padL(x, 14)).join("");
  const across = (current = "1,054.90") =>
    layoutTable("某县某镇2025年单位预算", TITLE, "部门：某县某镇人民政府                                                 单位：元", [
      `项目${" ".repeat(40)}公务用车购置及运行费`,
      `${pad("", 10)}${cells(["合计", "因公出国（境）费", "", "", "", "公务接待费"])}`,
      `${pad("", 10)}${cells(["", "", "小计", "公务用车购置费", "公务用车运行费", ""])}`,
      `${pad("2024年预算", 10)}${cells(["3,630.50", "0.00", "3,425.00", "2,466.00", "959.00", "205.50"])}`,
      `${pad("2025年预算", 10)}${cells([current, "0.00", "890.50", "0.00", "890.50", "164.40"])}`,
    ]);

  it("reads each year as its row: the later this year's, no error", () => {
    const text = across();
    expect(loadLayoutText("预算.txt", text).unknownTables ?? []).toEqual([]);
    expect(rowsOf(text)).toEqual(["previous-year 3,630.50 0.00 3,425.00 2,466.00 959.00 205.50", "current-year 1,054.90 0.00 890.50 0.00 890.50 164.40"]);
    expect(errors(text)).toEqual([]);
  });

  it("fails: this year's 合计 typed wrong is a row-total error", () => {
    const fs = errors(across("1,154.90")).filter((f) => f.ruleId === "row-total");
    expect(fs.map((f) => [f.table, f.stated])).toEqual([["T7", "1154.9"]]);
  });
});
