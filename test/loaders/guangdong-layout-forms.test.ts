import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { amountOf, table, type BudgetDocument } from "../../src/model/document.js";
import { rules } from "../../src/rules/index.js";
import { cellsAt as at, SMALL_SUMMARY } from "../helpers/layout.js";

/*
 * Two forms of round 46's 广东 probe as `pdftotext -layout` prints it.
 *
 * A table of budget units (单位编码 | 单位名称 | amounts) whose last unit's name is wrapped in its cell, centred down the
 * row: pdftotext prints the name's lines above and below the line of the code and the figures (广东's 表7, round 46's
 * probe). The code is no figure: the row is the unit's, its name whole again.
 */

const doc = (...tables: string[]) => ["2026年某某厅部门预算", "", ...tables].join("\n");
const load = (text: string): BudgetDocument => loadLayoutText("doc.txt", text);
const errors = (d: BudgetDocument) => runRules(d, rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error");
/** The misprinted figure's error stands at the line starting `start`. */
const errorAt = (text: string, start: string) => {
  const d = load(text);
  expect(d.unknownTables).toEqual([]);
  const line = text.split("\n").findIndex((l) => l.startsWith(start)) + 1;
  return errors(d).filter((f) => f.location.line === line);
};

const sanggong = (last: string) =>
  [
    "                             一般公共预算“三公”经费支出表",
    "                                                                                       单位：万元",
    at([80, "公务用车购置及运行费"]),
    at([1, "单位编码"], [17, "单位名称"], [33, "合计"], [47, "因公出国（境）费"], [107, "公务接待费"]),
    at([66, "小计"], [81, "公务用车购置费"], [94, "公务用车运行费"]),
    "",
    at([18, "合    计"], [34, "60.00"], [54, "10.00"], [68, "40.00"], [84, "15.00"], [96, "25.00"], [108, "10.00"]),
    "",
    at([0, "139001"], [9, "某某厅本级"], [34, "30.00"], [54, "10.00"], [68, "15.00"], [84, "0.00"], [96, "15.00"], [108, "5.00"]),
    "",
    at([9, "某某厅干部学校（某某厅干"]),
    at([0, "139002"], [34, "30.00"], [54, "0.00"], [68, "25.00"], [84, "15.00"], [96, "10.00"], [108, last]),
    at([9, "部培训中心）"]),
  ].join("\n");

describe("a unit's code on the line of its figures, its name wrapped around it", () => {
  it("is the unit's row: the table reads, each figure in its column", () => {
    const d = load(doc(SMALL_SUMMARY, sanggong("5.00")));
    expect(d.unknownTables).toEqual([]);
    const t = table(d, "sanggong")!;
    expect(t.rows.map((r) => r.name)).toEqual(["合计", "139001 某某厅本级", "139002 某某厅干部学校（某某厅干部培训中心）"]);
    expect(t.rows.map((r) => amountOf(r, "reception")?.text)).toEqual(["10.00", "5.00", "5.00"]);
    expect(errors(d)).toEqual([]);
  });

  it("fails: a misprinted figure on that row is an error at its line", () => {
    expect(errorAt(doc(SMALL_SUMMARY, sanggong("6.00")), "139002").some((f) => f.message.startsWith("T7 139002 某某厅干部学校（某某厅干部培训中心）"))).toBe(true);
  });
});

/*
 * A header whose amount labels pdftotext squeezes together (广东's 表9 国有资本经营预算支出表 as `pdftotext -layout` prints
 * it, round 46's probe): 基本支出 starts at 55 and 项目支出 at 62, each four characters printed eight columns wide. 基本支出 is
 * blank on every row (all of the fund spent on projects): no line prints every column, and the row's arithmetic holds
 * with the figure in either column. Each label still starts inside its cell, after the figures of the cell before it
 * end: the figure ending at 71 is 项目支出's.
 */

const stateCapital = (row = "218.63") =>
  [
    "                       国有资本经营预算支出表",
    "编制单位：某某厅                                                  单位：万元",
    "",
    at([1, "科目编码"], [19, "科目名称"], [41, "合计"], [55, "基本支出"], [62, "项目支出"]),
    "",
    at([15, "合"], [19, "计"], [46, "218.63"], [65, "218.63"]),
    "",
    at([0, "223"], [10, "国有资本经营预算支出"], [46, "218.63"], [65, "218.63"]),
    "",
    at([0, "22301"], [11, "解决历史遗留问题及改革成本支出"], [46, "218.63"], [65, "218.63"]),
    "",
    at([0, "2230105"], [12, "国有企业退休人员社会化管理补助支出"], [46, row], [65, "218.63"]),
  ].join("\n");

describe("a header squeezed by pdftotext, one column blank on every row", () => {
  it("reads each figure in the column whose label starts before its end", () => {
    const d = load(doc(SMALL_SUMMARY, stateCapital()));
    expect(d.unknownTables).toEqual([]);
    const t = table(d, "state-capital")!;
    expect(t.rows.map((r) => [amountOf(r, "total")?.text, amountOf(r, "basic")?.text ?? "-", amountOf(r, "project")?.text])).toEqual(Array(4).fill(["218.63", "-", "218.63"]));
    expect(errors(d)).toEqual([]);
  });

  it("fails: a misprinted figure is an error at its line", () => {
    expect(errorAt(doc(SMALL_SUMMARY, stateCapital("281.63")), "2230105").length).toBeGreaterThan(0);
  });
});
