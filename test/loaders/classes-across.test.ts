import { describe, expect, it } from "vitest";
import { checkDocument } from "../../src/check.js";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { amountOf, table, type BudgetDocument } from "../../src/model/document.js";
import { rules } from "../../src/rules/index.js";
import { cellsAt, SMALL_SUMMARY } from "../helpers/layout.js";

/*
 * A table of function codes down the page and the economic classes across (四川's 表2-1 财政拨款支出预算表（部门经济分类
 * 科目）, test/fixtures/sichuan-2025): read by its header, whatever its title, as the kind function-economic; each row's
 * 合计 is the sum of its classes (row-total) where every column is understood, and each column sums down its codes and
 * units (hierarchy-sum).
 */

const at = cellsAt;
/** A figure right-aligned to end at `end`. */
const fig = (end: number, text: string): [number, string] => [end - text.length, text];
const doc = (...tables: string[]) => ["2025年某某局部门预算", "", ...tables].join("\n");
const load = (text: string): BudgetDocument => loadLayoutText("doc.txt", text);
const findings = (d: BudgetDocument) => runRules(d, rules, { tolerance: { kind: "auto" }, lang: "en" });
const errors = (d: BudgetDocument) => findings(d).filter((f) => f.severity === "error");
/** The figures the diagnosis blames: line, column, printed, what the identities around it say. */
const blamed = async (d: BudgetDocument) =>
  (await checkDocument(d, { tolerance: { kind: "auto" }, severities: {}, lang: "en" }))
    .filter((f) => f.ruleId === "diagnosis" && f.severity === "error")
    .map((f) => [f.location.line, f.column, f.stated, f.computed]);

/** The columns' right edges: 合计, then one a class. */
const ENDS = [40, 52, 64, 76, 88, 100];

/** [label, 合计, classes…] per row; a blank class is "". */
const ROWS: string[][] = [
  ["合   计", "170.00", "100.00", "55.00", "10.00", "5.00", ""],
  ["001001 某某局（本级）", "120.00", "80.00", "30.00", "10.00", "", ""],
  ["201 一般公共服务支出", "100.00", "60.00", "30.00", "10.00", "", ""],
  ["20101 人大事务", "100.00", "60.00", "30.00", "10.00", "", ""],
  ["2010101 行政运行", "100.00", "60.00", "30.00", "10.00", "", ""],
  ["208 社会保障和就业支出", "20.00", "20.00", "", "", "", ""],
  ["20805 行政事业单位养老支出", "20.00", "20.00", "", "", "", ""],
  ["2080505 机关事业单位基本养老保险缴费支出", "20.00", "20.00", "", "", "", ""],
  ["001002 某某中心", "50.00", "20.00", "25.00", "", "5.00", ""],
  ["201 一般公共服务支出", "50.00", "20.00", "25.00", "", "5.00", ""],
  ["20101 人大事务", "50.00", "20.00", "25.00", "", "5.00", ""],
  ["2010101 行政运行", "50.00", "20.00", "25.00", "", "5.00", ""],
];

function row(cells: string[]): string {
  const [label, ...figures] = cells;
  const m = /^(\d+)\s+(.*)$/.exec(label);
  const lead: [number, string][] = m ? [[0, m[1]], [10, m[2]]] : [[4, label]];
  return at(...lead, ...figures.flatMap((f, i) => (f ? [fig(ENDS[i], f)] : [])));
}

/** The header's two lines: each class's label wrapped in its cell (工资福利 / 支出), as 四川 prints it. */
const WRAPPED = [
  at([2, "科目编码"], [12, "单位名称（科目）"], [36, "合计"], [48, "工资福利"], [59, "商品和服务"], [71, "对个人和家"], [83, "资本性支出"], [96, "其他支出"]),
  at([50, "支出"], [62, "支出"], [72, "庭的补助"]),
];

const matrix = (title: string, header: string[], rows: string[][] = ROWS) =>
  [`                          ${title}`, "                                                                          单位：万元", ...header, ...rows.map(row), ""].join("\n");

const TITLE = "财政拨款支出预算表（部门经济分类科目）";
/** The line of the matrix's first row (its 合计) in the document `doc` makes. */
const LINE = 3 + SMALL_SUMMARY.split("\n").length + 4;
const edit = (r: number, c: number, text: string) => ROWS.map((x, i) => (i === r ? x.map((y, j) => (j === c ? text : y)) : x));

describe("a table of the economic classes across (function-economic)", () => {
  it("is read by its header under a title no template knows, each figure in its class's column", () => {
    const d = load(doc(SMALL_SUMMARY, matrix(TITLE, WRAPPED)));
    expect(d.unknownTables).toEqual([]);
    const t = table(d, "function-economic")!;
    expect(t.columns.filter((c) => c.kind === "amount").map((c) => c.key)).toEqual(["total", "economic-301", "economic-302", "economic-303", "economic-310", "economic-399"]);
    expect(t.rows.map((r) => `${r.kind}:${r.code ?? r.name}`).slice(0, 3)).toEqual(["department:合计", "unit:某某局（本级）", "code:201"]);
    const b = t.rows.find((r) => r.unit === "某某中心" && r.code === "2010101")!;
    expect(["total", "economic-301", "economic-302", "economic-303", "economic-310"].map((k) => amountOf(b, k)?.text ?? "-")).toEqual(["50.00", "20.00", "25.00", "-", "5.00"]);
    expect(findings(d).filter((f) => f.severity !== "info")).toEqual([]);
  });

  it("fails: a class's cell misprinted is blamed at its cell, with the figure the rows and columns around it say", async () => {
    // 某某局（本级） 2010101's 商品和服务支出 printed 39.00 (30.00).
    const d = load(doc(SMALL_SUMMARY, matrix(TITLE, WRAPPED, edit(4, 3, "39.00"))));
    const rowTotal = errors(d).filter((f) => f.ruleId === "row-total");
    expect(rowTotal.map((f) => f.location.line)).toEqual([LINE + 4]);
    // The classes the header prints, by their names (not their keys), in English too.
    expect(rowTotal[0].message).toContain("工资福利支出 + 商品和服务支出 + 对个人和家庭的补助 + 资本性支出 + 其他支出");
    expect(await blamed(d)).toEqual([[LINE + 4, "商品和服务支出", "39", "30"]]);
  });

  it("fails: a stale 合计 is blamed at the 合计 cell", async () => {
    // 某某中心's row 合计 printed 55.00 (50.00): its classes and its codes say 50.00.
    const d = load(doc(SMALL_SUMMARY, matrix(TITLE, WRAPPED, edit(8, 1, "55.00"))));
    expect(await blamed(d)).toEqual([[LINE + 8, "合计", "55", "50"]]);
  });

  it("under a function table's title (一般公共预算支出预算表), its classes printed with their codes (301 工资福利支出)", () => {
    const coded = [at([2, "科目编码"], [12, "科目名称"], [36, "合计"], [44, "301工资福利"], [56, "302商品和"], [68, "303对个人"], [80, "310资本性"], [90, "399其他支出"]), at([48, "支出"], [59, "服务支出"], [70, "和家庭"], [84, "支出"]), at([70, "的补助"])];
    const d = load(doc(SMALL_SUMMARY, matrix("一般公共预算支出预算表", coded)));
    expect(d.unknownTables).toEqual([]);
    const t = table(d, "function-economic")!;
    expect(t.columns.filter((c) => c.kind === "amount").map((c) => c.key)).toEqual(["total", "economic-301", "economic-302", "economic-303", "economic-310", "economic-399"]);
    expect(table(d, "general-function")).toBeUndefined();
    expect(errors(d)).toEqual([]);
  });

  it("a column whose label names no class (clipped: 对企业) is read down the page, but no row's 合计 is judged", () => {
    const clipped = [WRAPPED[0].replace("其他支出", "对企业"), WRAPPED[1]];
    // The last column's figures: 2010101 of 本级 has 8.00 there, its 合计 108.00 (the classes printed make 100.00).
    const rows = ROWS.map((r) => [...r]);
    for (const i of [0, 1, 2, 3, 4]) rows[i][1] = (Number(rows[i][1]) + 8).toFixed(2);
    for (const i of [0, 1, 2, 3, 4]) rows[i][6] = "8.00";
    const d = load(doc(SMALL_SUMMARY, matrix(TITLE, clipped, rows)));
    const t = table(d, "function-economic")!;
    expect(t.columns.map((c) => c.key)).toContain("economic-unread-1");
    expect(findings(d).filter((f) => f.ruleId === "row-total")).toEqual([]);
    expect(errors(d)).toEqual([]);
    // Down the page it is judged: a misprint in it is found.
    rows[4][6] = "9.00";
    expect(errors(load(doc(SMALL_SUMMARY, matrix(TITLE, clipped, rows)))).some((f) => f.ruleId === "hierarchy-sum")).toBe(true);
  });

  it("a header not seen to its end (no 其他支出, the last class): no row's 合计 is judged against the classes printed", () => {
    const cut = [WRAPPED[0].replace("其他支出", ""), WRAPPED[1]];
    const rows = ROWS.map((r) => r.slice(0, 6));
    // A class past the page's edge would leave the 合计 greater than the classes printed: not an error.
    rows[4][1] = "108.00";
    const d = load(doc(SMALL_SUMMARY, matrix(TITLE, cut, rows)));
    expect(table(d, "function-economic")).toBeDefined();
    expect(findings(d).filter((f) => f.ruleId === "row-total")).toEqual([]);
  });

  it("a table of economic codes down the page (rows 301, 30101 …) is not one: its header names no class", () => {
    const d = load(doc(SMALL_SUMMARY, matrix("一般公共预算基本支出预算表", [at([2, "科目编码"], [12, "科目名称"], [36, "合计"], [48, "人员经费"], [60, "公用经费"])], [["合   计", "100.00", "60.00", "40.00"], ["301 工资福利支出", "60.00", "60.00", ""], ["302 商品和服务支出", "40.00", "", "40.00"]])));
    expect(table(d, "function-economic")).toBeUndefined();
    expect(table(d, "general-basic-economic")).toBeDefined();
  });
});

describe("a table of the economic classes across against the function table of the same money (allocation-tables)", () => {
  /** 一般公共预算支出预算表 (合计 | 基本支出 | 项目支出) printing `totals` as each row's 合计 and 基本支出, in ROWS' order. */
  const byFunction = (totals: string[]) =>
    [
      "                          一般公共预算支出预算表",
      "                                                                          单位：万元",
      at([2, "科目编码"], [12, "科目名称"], [36, "合计"], [46, "基本支出"], [58, "项目支出"]),
      ...ROWS.map((r, i) => row([r[0], totals[i], totals[i]]).replace(/\s+$/, "")),
      "",
    ].join("\n");
  const TOTALS = ROWS.map((r) => r[1]);

  it("its 合计 by unit and code agrees with the function table's: no error (财政拨款 read as 一般公共预算 alone where no other fund holds money)", () => {
    const d = load(doc(SMALL_SUMMARY, byFunction(TOTALS), matrix(TITLE, WRAPPED)));
    expect(table(d, "general-function")).toBeDefined();
    expect(table(d, "function-economic")).toBeDefined();
    // (SMALL_SUMMARY's 100.00 is no department's of these tables: items-vs-units says so of the function table.)
    expect(errors(d).filter((f) => f.ruleId === "allocation-tables" || f.table === "T19")).toEqual([]);
  });

  it("fails: a matrix that agrees with itself but not with the function table is an error at the matrix's rows", () => {
    // The function table prints 某某中心's 2010101 (and its 款, 类, unit and the 合计) 10.00 less.
    const less = TOTALS.map((t, i) => ([0, 8, 9, 10, 11].includes(i) ? (Number(t) - 10).toFixed(2) : t));
    const d = load(doc(SMALL_SUMMARY, byFunction(less), matrix(TITLE, WRAPPED)));
    const found = errors(d).filter((f) => f.ruleId === "allocation-tables");
    expect(found.map((f) => [f.table, f.code, f.stated, f.computed])).toEqual([
      ["T19", null, "170", "160"],
      ["T19", null, "50", "40"],
      ["T19", "201", "50", "40"],
      ["T19", "20101", "50", "40"],
      ["T19", "2010101", "50", "40"],
    ]);
  });

  it("a matrix that stops at 款 lacks no 项 the function table prints", () => {
    const toKuan = ROWS.filter((r) => !/^\d{7} /.test(r[0]));
    const d = load(doc(SMALL_SUMMARY, byFunction(TOTALS), matrix(TITLE, WRAPPED, toKuan)));
    expect(table(d, "function-economic")!.rows.some((r) => r.code?.length === 7)).toBe(false);
    expect(errors(d).filter((f) => f.ruleId === "allocation-tables" || f.table === "T19")).toEqual([]);
  });

  it("a title naming no fund (部门支出…) is compared with nothing: whose money it holds is not known", () => {
    const less = TOTALS.map((t, i) => ([0, 8, 9, 10, 11].includes(i) ? (Number(t) - 10).toFixed(2) : t));
    const d = load(doc(SMALL_SUMMARY, byFunction(less), matrix("部门支出预算表（部门经济分类科目）", WRAPPED)));
    expect(table(d, "function-economic")).toBeDefined();
    expect(errors(d).filter((f) => f.ruleId === "allocation-tables")).toEqual([]);
  });
});

describe("each class of the matrix against the 基本支出 of that class (economic-vs-function)", () => {
  const byFunction = [
    "                          一般公共预算支出预算表",
    "                                                                          单位：万元",
    at([2, "科目编码"], [12, "科目名称"], [36, "合计"], [46, "基本支出"], [58, "项目支出"]),
    ...ROWS.map((r) => row([r[0], r[1], r[1]]).replace(/\s+$/, "")),
    "",
  ].join("\n");
  /** 一般公共预算基本支出预算表 by economic class, the department's alone: 301, 302, 303 with their 合计. */
  const basic = (wages: string, goods: string) =>
    [
      "                          一般公共预算基本支出预算表",
      "                                                                          单位：万元",
      at([2, "科目编码"], [12, "科目名称"], [36, "合计"], [46, "人员经费"], [58, "公用经费"]),
      row(["合   计", (Number(wages) + Number(goods) + 10).toFixed(2), (Number(wages) + 10).toFixed(2), goods]),
      row(["301 工资福利支出", wages, wages, ""]),
      row(["302 商品和服务支出", goods, "", goods]),
      row(["303 对个人和家庭的补助", "10.00", "10.00", ""]),
      "",
    ].join("\n");
  const GENERAL = "一般公共预算支出预算表（部门经济分类科目）";
  const atLeast = (d: BudgetDocument) => findings(d).filter((f) => f.ruleId === "economic-vs-function" && f.table === "T19");

  it("a class at least its 基本支出 (the matrix holds 项目支出 too): no error", () => {
    const d = load(doc(SMALL_SUMMARY, byFunction, basic("100.00", "40.00"), matrix(GENERAL, WRAPPED)));
    expect(table(d, "function-economic")).toBeDefined();
    expect(table(d, "general-basic-economic")).toBeDefined();
    expect(atLeast(d).filter((f) => f.severity !== "info")).toEqual([]);
  });

  it("fails: a class below its 基本支出 is an error at the matrix's cell", () => {
    // 商品和服务支出: the matrix's department row prints 55.00, the 基本支出 table 60.00.
    const d = load(doc(SMALL_SUMMARY, byFunction, basic("100.00", "60.00"), matrix(GENERAL, WRAPPED)));
    expect(atLeast(d).filter((f) => f.severity === "error").map((f) => [f.column, f.stated, f.computed])).toEqual([["商品和服务支出", "55", "60"]]);
  });
});

