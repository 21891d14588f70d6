import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { amountOf, table, type BudgetDocument } from "../../src/model/document.js";
import { rules } from "../../src/rules/index.js";
import { cellsAt as at, SMALL_SUMMARY } from "../helpers/layout.js";

/*
 * `pdftotext -layout` places each line's glyphs on a character grid of its own: a figure after a long blank
 * stretch of a row, or on a page laid out at another width, stands a few characters off where the same
 * column's figures stand on other lines (广东's 一般公共预算基本支出表: 4.02 under 人员经费 three characters
 * right of 29.71 above it). A figure is still in one column: these tables must read with every figure in its
 * column and no error.
 */

const load = (text: string): BudgetDocument => loadLayoutText("doc.txt", text);
const errors = (d: BudgetDocument) => runRules(d, rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error");
const doc = (...parts: string[]) => ["2026年某某厅部门预算", "", SMALL_SUMMARY, ...parts].join("\n");

/** 一般公共预算基本支出表 over two pages; `last` is where the second page's 奖励金 figure under 人员经费 ends. */
const basic = (last: number) =>
  [
    at([24, "一般公共预算基本支出表"]),
    at([0, "编制单位：某某厅"], [78, "单位：万元"]),
    at([1, "科目编码"], [17, "科目名称"], [37, "合计"], [51, "人员经费"], [64, "公用经费"]),
    at([16, "合   计"], [37, "100.00"], [55, "66.00"], [68, "34.00"]),
    at([0, "301"], [8, "工资福利支出"], [40, "33.00"], [55, "33.00"]),
    at([0, "30101"], [9, "基本工资"], [40, "33.00"], [55, "33.00"]),
    at([0, "302"], [8, "商品和服务支出"], [40, "34.00"], [69, "34.00"]),
    at([0, "30201"], [9, "办公费"], [40, "34.00"], [69, "34.00"]),
    at([0, "303"], [8, "对个人和家庭的补助"], [40, "33.00"], [55, "33.00"]),
    at([0, "30302"], [9, "退休费"], [40, "25.00"], [55, "25.00"]),
    "",
    at([28, "- 2 -"]),
    "\f" + at([1, "科目编码"], [11, "科目名称"], [33, "合计"], [46, "人员经费"], [60, "公用经费"]),
    at([0, "30305"], [8, "生活补助"], [38, "4.00"], [49, "4.00"]),
    at([0, "30309"], [8, "奖励金"], [38, "4.00"], [last - 4, "4.00"]),
    "",
    at([28, "- 3 -"]),
  ].join("\n");

describe("a page's figures a few characters off their column", () => {
  it("a figure that overlaps the column's other figures is in that column, not in one of its own", () => {
    const d = load(doc(basic(56)));
    const t = table(d, "general-basic-economic")!;
    const row = t.rows.find((r) => r.code === "30309")!;
    expect([amountOf(row, "total")?.text, amountOf(row, "personnel")?.text, amountOf(row, "public")?.text ?? null]).toEqual(["4.00", "4.00", null]);
    expect(errors(d)).toEqual([]);
  });

  it("fails: a figure standing under the next column is read there, and the sums that break are errors", () => {
    const d = load(doc(basic(64)));
    const row = table(d, "general-basic-economic")!.rows.find((r) => r.code === "30309")!;
    expect(amountOf(row, "public")?.text).toBe("4.00");
    expect(errors(d).length).toBeGreaterThan(0);
  });
});

/**
 * 部门收入总表 as 广东 prints it (test/fixtures/guangdong-pdf), as `pdftotext -layout` lays it out: 单位资金's figures
 * after the blank 政府性基金 · 国有资本经营 · 财政专户 cells of a 农林水 row stand at 106–112, between 财政专户管理资金's
 * (ending at 107) and 单位资金's (118). `seeded` prints 2130106's 单位资金 126.00 as 162.00.
 */
const income = (seeded = false) =>
  [
    at([43, "部门收入总表"]),
    at([0, "编制单位：某某厅"], [97, "单位：万元"]),
    "",
    at([63, "财政拨款"]),
    at([97, "财政专户管理资"]),
    at([2, "科目编码"], [21, "科目名称"], [31, "合计"], [84, "国有资本经营预"], [110, "单位资金"]),
    at([44, "小计"], [56, "一般公共预算"], [70, "政府性基金预算"], [100, "金"]),
    at([87, "算"]),
    "",
    at([17, "合"], [21, "计"], [31, "20,472.96"], [44, "19,747.96"], [58, "19,029.33"], [75, "500.00"], [88, "218.63"], [101, "241.86"], [112, "483.14"]),
    at([0, "205"], [10, "教育支出"], [33, "241.86"], [101, "241.86"]),
    at([0, "20508"], [11, "进修及培训"], [33, "241.86"], [101, "241.86"]),
    at([0, "2050803"], [12, "培训支出"], [33, "241.86"], [101, "241.86"]),
    at([0, "208"], [10, "社会保障和就业支出"], [32, "2,316.58"], [45, "2,316.58"], [59, "2,316.58"]),
    at([0, "20805"], [11, "行政事业单位养老支出"], [32, "2,316.58"], [45, "2,316.58"], [59, "2,316.58"]),
    at([0, "2080501"], [12, "行政单位离退休"], [32, "2,316.58"], [45, "2,316.58"], [59, "2,316.58"]),
    at([0, "212"], [10, "城乡社区支出"], [34, "500.00"], [47, "500.00"], [75, "500.00"]),
    at([0, "21208"], [11, "国有土地使用权出让收入安排的支出"], [34, "500.00"], [47, "500.00"], [75, "500.00"]),
    at([0, "2120814"], [12, "农业生产发展支出"], [34, "500.00"], [47, "500.00"], [75, "500.00"]),
    at([0, "213"], [10, "农林水支出"], [33, "17,195.89"], [45, "16,712.75"], [59, "16,712.75"], [106, "483.14"]),
    at([0, "21301"], [11, "农业农村"], [33, "17,195.89"], [45, "16,712.75"], [59, "16,712.75"], [106, "483.14"]),
    at([0, "2130101"], [12, "行政运行"], [33, "12,140.89"], [45, "12,140.89"], [59, "12,140.89"]),
    at([0, "2130104"], [12, "事业运行"], [34, "4,497.17"], [46, "4,140.03"], [60, "4,140.03"], [106, "357.14"]),
    at([0, "2130106"], [12, "科技转化与推广服务"], [35, "557.83"], [47, "431.83"], [61, "431.83"], [106, seeded ? "162.00" : "126.00"]),
    at([0, "223"], [10, "国有资本经营预算支出"], [35, "218.63"], [47, "218.63"], [88, "218.63"]),
    at([0, "22301"], [11, "解决历史遗留问题及改革成本支出"], [35, "218.63"], [47, "218.63"], [88, "218.63"]),
    at([0, "2230105"], [12, "国有企业退休人员社会化管理补助支出"], [35, "218.63"], [47, "218.63"], [88, "218.63"]),
  ].join("\n");

describe("a figure after a row's blank cells, standing between two columns", () => {
  const unitFunds = (d: BudgetDocument) =>
    table(d, "income")!
      .rows.filter((r) => amountOf(r, "unit-funds") || amountOf(r, "special-account"))
      .map((r) => `${r.code ?? r.name} ${amountOf(r, "special-account")?.text ?? "-"} ${amountOf(r, "unit-funds")?.text ?? "-"}`);

  it("is placed where the table's column sums put it (合计's 单位资金 is the sum of its 类, a 类's of its 款 …)", () => {
    const d = load(["2026年某某厅部门预算", "", income()].join("\n"));
    expect(d.unknownTables).toEqual([]);
    expect(unitFunds(d)).toEqual(["合计 241.86 483.14", "205 241.86 -", "20508 241.86 -", "2050803 241.86 -", "213 - 483.14", "21301 - 483.14", "2130104 - 357.14", "2130106 - 126.00"]);
    expect(errors(d)).toEqual([]);
  });

  it("fails: a mistyped figure among them is blamed where it is printed, in its column", () => {
    const d = load(["2026年某某厅部门预算", "", income(true)].join("\n"));
    expect(unitFunds(d)).toContain("2130106 - 162.00");
    const found = errors(d).map((f) => `${f.ruleId} ${f.code ?? f.item} [${f.column}] ${f.stated} ${f.computed}`);
    expect(found).toEqual(["row-total 2130106 [合计] 557.83 593.83", "hierarchy-sum 21301 [单位资金小计] 483.14 519.14"]);
  });
});
