import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { rules } from "../../src/rules/index.js";

/*
 * Tables printed from Word or Excel with their columns at the authors' widths: a label longer than its cell wraps inside
 * it, and the row's other cells, centred vertically, print their figures on the line between its parts. Pages of
 * test/fixtures/chromium-pdf's PDFs (README.md there), as their lines are read. Each case failed before round 53.
 */
const FIXTURE = (name: string) => readFileSync(join(import.meta.dirname, "..", "fixtures", "chromium-pdf", name), "utf8");
const load = (name: string) => loadLayoutText(name, FIXTURE(name));
const problems = (name: string) => runRules(load(name), rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity !== "info");

describe("labels wrapped around their row's figures", () => {
  it("a two-sided 决算 total table: the first row's two labels (一、一般公共预算财政拨 | 一、一般公共服务支) are no header, 拨款 | 支出 under 二、… no repeated header", () => {
    // Before: the first row's labels were read as a header line and its figures went to 款 | 出; 拨款 | 支出 (header words)
    // ended the second row, whose figures went to 三、国有资本经营预算财政拨款: 9 errors.
    const t = load("two-sided-wrapped.layout.txt").tables.find((x) => x.kind === "allocation-summary")!;
    const row = (name: string) => t.rows.find((r) => r.name === name);
    expect(row("一般公共服务支出")?.cells.amount?.text).toBe("1,821.74");
    expect(row("社会保障和就业支出")?.cells.amount?.text).toBe("285.68");
    // 年末财政拨款结转和 / 年初财政拨款结转和结余 / 结余: the role's two parts make one label beside the income side's.
    expect(t.rows.filter((r) => /结转和结余$/.test(r.name ?? "")).length).toBeGreaterThan(0);
    expect(t.rows.some((r) => r.name === "结余" || r.name === "出" || r.name === "款")).toBe(false);
    expect(problems("two-sided-wrapped.layout.txt")).toEqual([]);
  });

  it("a two-sided budget table: unmarked income names wrapped around their figures (一般公共预算拨 / 9,724 … / 款)", () => {
    // Before: 款 and 拨款 were rows of their own, 国有资本经营预 + 算拨款 took no figure: 政府预算拨款 ≠ its parts, 4 errors.
    const t = load("income-names-wrapped.layout.txt").tables.find((x) => x.kind === "allocation-summary")!;
    const income = t.rows.filter((r) => r.side === "income").map((r) => `${r.name} ${r.cells.amount?.text ?? ""}`.trim());
    expect(income.slice(0, 2)).toEqual(["政府预算拨款 9,724", "一般公共预算拨款 9,724"]);
    expect(income).not.toContain("款");
    // 政府性基金预算 / 0 … / 拨款: the 0 stands, in characters, right of where a line with a Chinese label before it starts the
    // expenditure side's names. Before round 54 it was dropped and 拨款 stayed a row of its own with no figure.
    expect(income.slice(2, 4)).toEqual(["政府性基金预算拨款 0", "国有资本经营预算拨款 0"]);
    expect(problems("income-names-wrapped.layout.txt")).toEqual([]);
  });

  it("two budget units in a row, each name wrapped around its figures (深圳市科学技 / 9,724 … / 术协会)", () => {
    // Before: the first unit's figures were read as floating figures of the next code row's: the table was not read.
    const t = load("units-wrapped.layout.txt").tables.find((x) => x.kind === "general-economic")!;
    const units = t.rows.filter((r) => !r.code).map((r) => [r.name, r.cells.total?.text, r.cells.basic?.text, r.cells.project?.text]);
    expect(units.slice(0, 2)).toEqual([
      ["深圳市科学技术协会", "9,724", "3,974", "5,749"],
      ["深圳市科学技术协会(本级)", "5,473", "1,170", "4,302"],
    ]);
  });

  it("a 基本支出 table's 人员经费合 / 1,401.51 / 计 in its narrow code column is its lane's closing line", () => {
    // Before: 人员经费合 was no closing label: the figure stood beside no code and the table went unread.
    const doc = load("basic-footer-wrapped.layout.txt");
    expect(doc.tables.some((x) => x.kind === "general-basic-economic")).toBe(true);
    expect(problems("basic-footer-wrapped.layout.txt")).toEqual([]);
  });
});
