import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseNumber } from "../../src/model/amount.js";
import { amountOf, tableById, type BudgetDocument, type Row, type TableId } from "../../src/model/document.js";
import { roleParent } from "../../src/model/queries.js";
import { ROOT, SEED } from "../helpers/cli.js";
import { doc } from "../helpers/docs.js";
import { classified, pages, twoSided } from "../helpers/tables.js";
import { loadMarkdown } from "../../src/loaders/markdown.js";
import { defaultTemplate } from "../../src/templates/index.js";

const seed: BudgetDocument = loadMarkdown(SEED, readFileSync(join(ROOT, SEED), "utf8"), defaultTemplate);

function tableOf(id: TableId) {
  const t = tableById(seed, id);
  if (!t) throw new Error(`the seed has no ${id}`);
  return t;
}

/** The row of a table printed on a line (of one side, for 表1/表6). */
function rowAt(id: TableId, line: number, side?: "income" | "expenditure"): Row {
  const r = tableOf(id).rows.find((x) => x.location.line === line && (!side || x.side === side));
  if (!r) throw new Error(`${id} has no row on line ${line}`);
  return r;
}

const value = (r: Row, key: string) => amountOf(r, key)?.value.toString() ?? null;
const lines = (id: TableId) => tableOf(id).rows.map((r) => r.location.line);

describe("the text loader on the seed (fixtures/shenzhen-sast-2023/document.md)", () => {
  it("reads the department, year and money unit, and the tables it prints", () => {
    expect(seed).toMatchObject({ department: "深圳市科学技术协会", year: 2023, moneyUnit: "万元", format: "markdown" });
    expect(seed.tables.map((t) => t.id)).toEqual(["T1", "T3", "T6", "T7", "T8", "T9", "T10", "T11", "T12"]);
  });

  it("reads the same tables, figures and lines from the seed with CRLF or CR line ends", () => {
    const text = readFileSync(join(ROOT, SEED), "utf8");
    const figures = (d: BudgetDocument) => d.tables.map((t) => [t.id, t.rows.map((r) => [r.location.line, r.label, Object.entries(r.cells).map(([k, c]) => [k, c.text, c.location.column])])]);
    for (const eol of ["\r\n", "\r"]) {
      const other = loadMarkdown(SEED, text.replace(/\n/g, eol), defaultTemplate);
      expect(figures(other)).toEqual(figures(seed));
      expect(other.text.map((p) => p.lines.length)).toEqual(seed.text.map((p) => p.lines.length));
    }
  });

  it("reads the 目录: 9 written parts and 12 tables, each with its line", () => {
    const parts = seed.contents.filter((e) => e.kind === "text");
    expect(parts.map((e) => e.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(parts[0]).toMatchObject({ title: "部门概况", location: { line: 9 } });
    expect(parts[8]).toMatchObject({ title: "名词解释", location: { line: 17 } });
    const tables = seed.contents.filter((e) => e.kind === "table");
    expect(tables.map((e) => e.tableId)).toEqual(["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10", "T11", "T12"]);
    expect(tables.map((e) => e.location.line)).toEqual([21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32]);
    expect(tables[11].title).toBe("部门整体支出绩效目标表");
  });

  it("merges a table's pages: 表1 over 3, 表3 and 表7 over 5, 表8 over 7, 表6 over 2", () => {
    expect(Object.fromEntries(seed.tables.map((t) => [t.id, t.pages]))).toMatchObject({ T1: 3, T3: 5, T6: 2, T7: 5, T8: 7, T9: 1, T12: 1 });
    // Rows of the later pages belong to the same table: 表1 line 294 (page 2) and 320 (page 3), 表8 line 777 (page 7).
    expect(rowAt("T1", 294, "expenditure").name).toBe("其他科技交流与合作支出");
    expect(rowAt("T1", 320, "expenditure").name).toBe("住房公积金");
    expect(rowAt("T8", 777)).toMatchObject({ code: "30213", unit: "深圳市科学馆" });
  });

  it("does not read the repeated title, 部门名称, 单位 and header rows as data", () => {
    // 表3's pages repeat lines like 355 (表 3), 357 (title), 359 (部门名称), 361 (单位), 363–364 (header).
    const t3 = lines("T3");
    for (const l of [332, 334, 336, 338, 340, 341, 355, 357, 359, 361, 363, 364, 432, 433]) expect(t3).not.toContain(l);
    // 表1's pages 2 and 3: header rows 292–293 and 316–317.
    const t1 = lines("T1");
    for (const l of [270, 271, 292, 293, 316, 317]) expect(t1).not.toContain(l);
    expect(tableOf("T1").rows.some((r) => ["项目", "收入", "支出", "2023年预算数"].includes(r.label.replace(/\s+/g, "")))).toBe(false);
    // 表3's data run from its first unit row (342) to the last code row of its last page (442).
    expect(t3[0]).toBe(342);
    expect(t3[t3.length - 1]).toBe(442);
  });

  it("finds 表1 from its 表 1 marker although its first page has no ## title (line 264 is plain text)", () => {
    expect(tableOf("T1")).toMatchObject({ title: "收支总表", location: { line: 264 }, unit: "万元", department: "深圳市科学技术协会" });
  });

  it("表12 rows that lost their leading empty cells at the page break (lines 861–874) are shifted back", () => {
    // Line 861 prints 科技创新与交流 | 按照项目工作要求… | 408 | 408 with no empty 年度主要任务 cell before it.
    expect(rowAt("T12", 861)).toMatchObject({ kind: "item", name: "科技创新与交流" });
    expect(value(rowAt("T12", 861), "total")).toBe("408");
    expect(value(rowAt("T12", 861), "fiscal")).toBe("408");
    expect(rowAt("T12", 861).cells.content.text).toMatch(/^按照项目工作要求/);
    expect(value(rowAt("T12", 870), "total")).toBe("1197");
    expect(rowAt("T12", 874)).toMatchObject({ kind: "item", name: "办公设备采购" });
    expect(value(rowAt("T12", 874), "total")).toBe("1");
    // 金额合计 (line 875) also lost a cell: it is the total, 9,724 in 总额 and 财政拨款.
    expect(rowAt("T12", 875)).toMatchObject({ kind: "total", role: "tasks-total" });
    expect([value(rowAt("T12", 875), "total"), value(rowAt("T12", 875), "fiscal")]).toEqual(["9724", "9724"]);
    // Rows printed in full (line 855) are read as they stand.
    expect(rowAt("T12", 855)).toMatchObject({ kind: "item", role: "basic", name: "基本支出" });
    // 18 tasks: 基本支出 and 17 projects (lines 855–859, 861–867, 869–874).
    expect(tableOf("T12").rows.filter((r) => r.kind === "item")).toHaveLength(18);
  });

  it("strips the ordered-list markers a converter left on 表1 rows", () => {
    expect(rowAt("T1", 273, "income")).toMatchObject({ name: "一般公共预算拨款", label: "1. 一般公共预算拨款", role: "general-public", side: "income", level: 2 });
    expect(roleParent("summary", "general-public")).toBe("gov-allocation");
    expect(rowAt("T1", 272, "income")).toMatchObject({ name: "政府预算拨款", role: "gov-allocation", level: 1 });
    expect(rowAt("T1", 281, "income")).toMatchObject({ name: "附属单位上缴收入", role: "subsidiary-remittance" });
    expect(roleParent("summary", "subsidiary-remittance")).toBe("unit-funds");
  });

  it("reads amounts like 9,724 and 0, and leaves empty cells without an amount", () => {
    const a = amountOf(rowAt("T1", 272, "income"), "amount")!;
    expect([a.value.toString(), a.decimals, a.text, a.location.line]).toEqual(["9724", 0, "9,724", 272]);
    const zero = amountOf(rowAt("T1", 274, "income"), "amount")!;
    expect([zero.value.toString(), zero.nonNegative]).toEqual(["0", true]);
    // 表12 line 855 leaves 其中：其他资金 empty.
    expect(rowAt("T12", 855).cells.other).toMatchObject({ text: "", amount: null });
  });

  it("reads the amount beside a text cell holding ≤ and %, and never reads ≤100% as an amount", () => {
    // Line 862: 科技智库与交流 | …成本控制率≤100%… | 81 | 81.
    expect(rowAt("T12", 862).cells.content.text).toContain("≤100%");
    expect(value(rowAt("T12", 862), "total")).toBe("81");
    for (const t of ["≤100%", "≥90%", "95%", "2000 平方米", "正常开放"]) expect(parseNumber(t)).toBeNull();
  });

  it("types 表3/表7/表8 rows: department, unit and code rows, the unit carried to its codes across pages", () => {
    expect(rowAt("T7", 526)).toMatchObject({ kind: "department", unit: null, name: "深圳市科学技术协会" });
    expect(rowAt("T3", 342)).toMatchObject({ kind: "unit", unit: "深圳市科学技术协会(本级)" });
    expect(rowAt("T3", 343)).toMatchObject({ kind: "code", unit: "深圳市科学技术协会(本级)", code: "206", codeKind: "function", name: "科学技术支出" });
    // Line 365 opens 表3's second page: its code still belongs to the unit of line 342.
    expect(rowAt("T3", 365)).toMatchObject({ kind: "code", unit: "深圳市科学技术协会(本级)", code: "2080506" });
    expect(rowAt("T3", 374)).toMatchObject({ kind: "code", unit: "深圳市科技交流服务中心", code: "206" });
    expect(rowAt("T8", 636)).toMatchObject({ kind: "code", code: "301", codeKind: "economic", name: "工资福利支出" });
    expect(rowAt("T8", 753)).toMatchObject({ kind: "code", unit: "深圳市科学馆", code: "30101", codeKind: "economic" });
    expect(value(rowAt("T3", 413), "proc-total")).toBe("159");
  });

  it("resolves 表1/表6 expenditure items printed by name to their function codes, 一、 marking a 类", () => {
    const codes = (id: TableId, ls: number[]) => ls.map((l) => [rowAt(id, l, "expenditure").code, rowAt(id, l, "expenditure").level]);
    expect(codes("T1", [272, 273, 274, 275, 276])).toEqual([["206", 1], ["20605", 2], ["2060599", 3], ["20607", 2], ["2060701", 3]]);
    expect(codes("T1", [295, 296, 299, 318, 320])).toEqual([["208", 1], ["20805", 2], ["2080505", 3], ["221", 1], ["2210201", 3]]);
    expect(codes("T6", [474, 476, 489, 501])).toEqual([["206", 1], ["2060599", 3], ["2080502", 3], ["2080505", 3]]);
    // Named totals are not items to resolve.
    expect(rowAt("T1", 322, "expenditure")).toMatchObject({ kind: "total", role: "expenditure-subtotal", code: null });
  });
});

describe("the text loader on small cases", () => {
  const T7_BODY = "单位：万元\n预算单位→科目编码→科目名称→支出总计→基本支出→项目支出\n甲单位→→→1, 197→1,000→197";

  for (const title of ["一般公共预算支出表（按功能分类）", "# 一般公共预算支出表（按功能分类）", "### 一般公共预算支出表（按功能分类）", "**一般公共预算支出表（按功能分类）**", "2023 年一般公共预算支出表（按功能分类）"])
    it(`recognises a table under the title line “${title}” without a 表 N marker`, () => {
      const d = doc(`${title}\n${T7_BODY}`);
      expect(d.tables.map((t) => t.id)).toEqual(["T7"]);
      // 1, 197: a thousands separator followed by a stray space.
      expect(amountOf(d.tables[0].rows[0], "total")?.value.toString()).toBe("1197");
    });

  it("a page that repeats only the 表 N marker and the header continues the table", () => {
    const d = doc(pages(classified(7, "甲单位→→→10→4→6\n→206→科学技术支出→10→4→6"), "表 7\n预算单位→科目编码→科目名称→支出总计→基本支出→项目支出\n→20607→科学技术普及→10→4→6"));
    // Line 7 repeats only the 表 7 marker and line 8 the header row: a second page, its header not read as data.
    expect(d.tables).toHaveLength(1);
    expect(d.tables[0].pages).toBe(2);
    expect(d.tables[0].rows.map((r) => [r.location.line, r.kind, r.unit])).toEqual([
      [5, "unit", "甲单位"],
      [6, "code", "甲单位"],
      [9, "code", "甲单位"],
    ]);
  });

  it("a 合计 row in the 预算单位 column is the department row, also under a 部门名称 line", () => {
    const d = doc(classified(10, "合计→→→50→0→50\n甲单位→→→50→0→50\n→229→其他支出→50→0→50", "某部门"));
    expect(d.tables[0].rows.map((r) => [r.location.line, r.kind, r.unit])).toEqual([
      [6, "department", null],
      [7, "unit", "甲单位"],
      [8, "code", "甲单位"],
    ]);
  });

  it("表1 income and expenditure on one printed line become two rows, each with its side", () => {
    const d = doc(twoSided(1, "一、政府预算拨款→10→一、科学技术支出→10"));
    expect(d.tables[0].rows.map((r) => [r.side, r.name, amountOf(r, "amount")?.value.toString()])).toEqual([
      ["income", "政府预算拨款", "10"],
      ["expenditure", "科学技术支出", "10"],
    ]);
  });
});
