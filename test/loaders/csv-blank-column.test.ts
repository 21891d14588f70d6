import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { rules } from "../../src/rules/index.js";
import { CELL_FORMS, loadInForm, type CellForm } from "../helpers/cell-forms.js";

/*
 * A table in cells (a CSV file, a worksheet, a tab-separated text) with a column blank in every row: 厦门's
 * 政府性基金预算支出情况表 of a school spending its fund on projects alone (科目编码 | 科目名称 | 合计 | 基本支出 |
 * 项目支出, 基本支出 left blank). No figure showed where the blank column ends, and each row's 33.93 | 33.93 adds up
 * with the second figure under 基本支出 as well as under 项目支出: the table was listed as columns uncertain and
 * nothing in it was checked. A cell's index says which column its figure is in.
 */
const tab = (project = ["33.93", "33.93", "33.93", "33.93"]) =>
  [
    "# 某中学2025年单位预算",
    "一、单位预算编制说明",
    "2025年政府性基金预算支出33.93万元。",
    "2025年政府性基金预算支出情况表",
    "单位：万元",
    ["科目编码", "科目名称", "合计", "基本支出", "项目支出"].join("\t"),
    ["", "合计", "33.93", "", project[0]].join("\t"),
    ["229", "其他支出", "33.93", "", project[1]].join("\t"),
    ["22960", "彩票公益金安排的支出", "33.93", "", project[2]].join("\t"),
    ["2296002", "用于教育事业的彩票公益金支出", "33.93", "", project[3]].join("\t"),
  ].join("\n") + "\n";

/*
 * The same in a 三公 table whose rows are its items and whose columns are the funds (项目 | 合计 | 一般公共预算 |
 * 政府性基金预算), no item paid from the fund: each line's second figure was as near the fund's column as the
 * 一般公共预算's by where the labels start, and the table was listed as columns uncertain.
 */
const sanggong = (reception = "4.00") =>
  [
    "# 某中学2025年单位预算",
    "一、单位预算编制说明",
    "2025年“三公”经费预算5.00万元。",
    "2025年一般公共预算“三公”经费支出情况表",
    "单位：万元",
    ["项目", "合计", "一般公共预算", "政府性基金预算"].join("\t"),
    ["合计", "5.00", "5.00", ""].join("\t"),
    ["因公出国（境）费", "1.00", "1.00", ""].join("\t"),
    ["公务接待费", "4.00", reception, ""].join("\t"),
  ].join("\n") + "\n";

const FORMS = CELL_FORMS;
const load = (form: CellForm, text: string) => loadInForm(form, text, "csv-blank-column");

const errors = (d: Awaited<ReturnType<typeof load>>) => runRules(d, rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error");

describe("a table of cells with a column blank in every row", () => {
  it.each(FORMS)("as %s: is read, each figure in its own cell's column", async (form) => {
    const d = await load(form, tab());
    const t = d.tables.find((x) => x.kind === "gov-fund");
    expect(t, JSON.stringify(d.unknownTables)).toBeDefined();
    expect(d.unknownTables ?? []).toEqual([]);
    expect(t!.rows.map((r) => `${r.cells.code?.text}|${r.cells.name?.text}|${r.cells.total?.text}|${r.cells.basic?.text}|${r.cells.project?.text}`)).toEqual([
      "|合计|33.93||33.93",
      "229|其他支出|33.93||33.93",
      "22960|彩票公益金安排的支出|33.93||33.93",
      "2296002|用于教育事业的彩票公益金支出|33.93||33.93",
    ]);
    expect(errors(d)).toEqual([]);
  });

  it.each(FORMS)("as %s, fails: a 项目支出 that does not make its row's 合计 is an error at its row", async (form) => {
    const d = await load(form, tab(["33.93", "33.93", "33.93", "33.39"]));
    expect(d.unknownTables ?? []).toEqual([]);
    const fs = errors(d).filter((f) => f.ruleId === "row-total");
    expect(fs.map((f) => [f.code, f.stated, f.computed])).toEqual([["2296002", "33.93", "33.39"]]);
  });

  it.each(FORMS)("as %s: a 三公 table by items is read, each figure under its own cell's fund", async (form) => {
    const d = await load(form, sanggong());
    const t = d.tables.find((x) => x.kind === "sanggong");
    expect(t, JSON.stringify(d.unknownTables)).toBeDefined();
    expect(t!.rows.map((r) => `${r.name}|${r.cells.total?.text}|${r.cells.abroad?.text}|${r.cells.reception?.text}`)).toEqual(["合计|5.00|1.00|4.00", "一般公共预算|5.00|1.00|4.00", "政府性基金预算|||"]);
    expect(errors(d)).toEqual([]);
  });

  it.each(FORMS)("as %s, fails: a 三公 item whose funds do not make its 合计 is an error, and so is the fund's row", async (form) => {
    const d = await load(form, sanggong("3.00"));
    expect(d.unknownTables ?? []).toEqual([]);
    expect(errors(d).map((f) => [f.ruleId, f.stated, f.computed])).toEqual([
      ["row-total", "5", "4"],
      ["hierarchy-sum", "4", "3"],
    ]);
  });
});
