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
