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

/*
 * A header repeated on a continuation page that pdftotext lays out on a grid of its own (广东's 表10 项目支出表 as
 * `pdftotext -layout` prints it, round 47): the first page's 财政拨款 stands at 67 and its funds' line at 47, the next
 * page's at 61 and 40. Those lines repeat the first page's header, moved: they are the page's header, not words of its
 * first rows, and the page's figures are placed by where its own labels start (header.ts, labelStartColumns). The
 * last unit's name is wrapped around its code and figures: the code is no piece of its name.
 */
const fig = (end: number, text: string): [number, string] => [end - text.length, text];
const firstPage = [42, 61, 77, 91, 105, 117];
const nextPage = [37, 56, 72, 84, 91, 100];
const row = (ends: number[], label: [number, string][], figures: (string | null)[]) =>
  at(...label, ...figures.flatMap((f, j) => (f === null ? [] : [fig(ends[j], f)])));
const projects = (funds = "80.00", nextHeader: string[] = []) =>
  [
    "                                          项目支出表",
    "编制单位：某某厅                                                                                                单位：万元",
    "",
    at([67, "财政拨款"]),
    at([1, "单位编码"], [14, "单位名称（项目名称）"], [33, "合计"], [94, "财政专户管理资金"], [108, "单位资金"]),
    at([47, "一般公共预算"], [66, "政府性基金预算"], [80, "国有资本经营预算"]),
    "",
    row(firstPage, [[15, "合"], [19, "计"]], ["1,000.00", "600.00", "200.00", "100.00", "60.00", "40.00"]),
    "",
    row(firstPage, [[0, "139001"], [9, "某某厅本级"]], ["860.00", "520.00", "200.00", "100.00", null, "40.00"]),
    "",
    row(firstPage, [[10, "农业产业发展管理"]], ["520.00", "480.00", null, null, null, "40.00"]),
    "",
    row(firstPage, [[10, "高标准农田建设补助"]], ["200.00", null, "200.00", null, null, null]),
    "",
    row(firstPage, [[10, "退休人员社会化管理补助"]], ["100.00", null, null, "100.00", null, null]),
    "",
    row(firstPage, [[10, "渔政执法能力建设"]], ["40.00", "40.00", null, null, null, null]),
    "",
    at([9, "某某厅干部学校（某某厅干"]),
    row(firstPage, [[0, "139005"]], ["140.00", "80.00", null, null, "60.00", null]),
    at([9, "部培训中心）"]),
    "",
    at([48, "- 22 -"]),
    "\f" +
      (nextHeader.length
        ? nextHeader.join("\n")
        : [
            at([61, "财政拨款"]),
            at([0, "单位编码"], [11, "单位名称（项目名称）"], [26, "合计"], [80, "财政专户管理资金"], [94, "单位资金"]),
            at([40, "一般公共预算"], [59, "政府性基金预算"], [69, "国有资本经营预算"]),
          ].join("\n")),
    "",
    row(nextPage, [[7, "乡村振兴干部人才培训"]], [funds, "80.00", null, null, null, null]),
    "",
    row(nextPage, [[7, "农村实用人才培训"]], ["60.00", null, null, null, "60.00", null]),
    "",
    at([41, "- 23 -"]),
  ].join("\n");

describe("a header repeated on a continuation page, set at other places than the first page's", () => {
  it("is the page's header: the table reads, each figure in its column, the wrapped unit's name whole", () => {
    const d = load(doc(SMALL_SUMMARY, projects()));
    expect(d.unknownTables).toEqual([]);
    const t = table(d, "project-summary")!;
    const cells = (name: string) => {
      const r = t.rows.find((x) => x.name === name)!;
      return ["total", "general-public", "gov-fund", "state-capital", "special-account", "unit-funds"].map((k) => amountOf(r, k)?.text ?? "-");
    };
    expect(cells("乡村振兴干部人才培训")).toEqual(["80.00", "80.00", "-", "-", "-", "-"]);
    expect(cells("农村实用人才培训")).toEqual(["60.00", "-", "-", "-", "60.00", "-"]);
    expect(cells("某某厅干部学校（某某厅干部培训中心）")).toEqual(["140.00", "80.00", "-", "-", "60.00", "-"]);
    expect(errors(d)).toEqual([]);
  });

  // The next page wraps labels the first page prints whole (财政专户管理资 / 金, 国有资本经营预 / 算): its lines are pieces
  // of the first page's header, its header too.
  const wrapped = [
    at([61, "财政拨款"]),
    at([0, "单位编码"], [11, "单位名称（项目名称）"], [26, "合计"], [80, "财政专户管理资"], [94, "单位资金"]),
    at([40, "一般公共预算"], [59, "政府性基金预算"], [69, "国有资本经营预"], [83, "金"]),
    at([72, "算"]),
  ];

  it("wrapped otherwise on the next page, it is that page's header all the same", () => {
    const d = load(doc(SMALL_SUMMARY, projects("80.00", wrapped)));
    expect(d.unknownTables).toEqual([]);
    const r = table(d, "project-summary")!.rows.find((x) => x.name === "农村实用人才培训")!;
    expect([amountOf(r, "total")?.text, amountOf(r, "special-account")?.text]).toEqual(["60.00", "60.00"]);
    expect(errors(d)).toEqual([]);
  });

  it("fails: a misprinted figure on the continuation page is an error at its line", () => {
    expect(errorAt(doc(SMALL_SUMMARY, projects("88.00")), "       乡村振兴干部人才培训").length).toBeGreaterThan(0);
    expect(errorAt(doc(SMALL_SUMMARY, projects("88.00", wrapped)), "       乡村振兴干部人才培训").length).toBeGreaterThan(0);
  });
});
