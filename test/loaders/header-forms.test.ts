import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { headerLeaves, labelStartColumns, nameColumns } from "../../src/loaders/layout/header.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import type { LayoutToken } from "../../src/loaders/layout/types.js";
import { pagesDocument } from "../../src/loaders/pdf/document.js";
import { readPdfLayout } from "../../src/loaders/pdf/index.js";
import { amountOf, type BudgetDocument } from "../../src/model/document.js";
import type { TableKind } from "../../src/model/document.js";
import { rules } from "../../src/rules/index.js";
import { generic } from "../../src/templates/generic.js";
import { ROOT } from "../helpers/cli.js";

/*
 * Three headers the generic reader listed as 表头未能识别 on consistent documents (round 47):
 * - 广西's 收入预算总表 as pdftotext prints it from narrow cells (test/fixtures/centred-cells/gx-document.txt): a header
 *   squeezed together, each Chinese character one column of the line, two labels of neighbouring cells joined into one
 *   run by a single space (事业单位经营收 上级补) and the lines of two wrapped labels interleaved (附属单 / 上级补 / 位上缴
 *   / 助收入 / 收入); its figures' digits half a column each, so 412.38 of 国有资本经营预算拨款收入 ends where 财政专户
 *   管理资金收入's label starts.
 * - 福建's 2025年部门收入总表 printed to PDF by LibreOffice (test/fixtures/libreoffice-pdf): 单位资金 centred over six
 *   columns (小计 · 事业收入 · 事业单位经营收入 · 上级补助收入 · 附属单位上缴收入 · 其他收入) reaches by its width only the
 *   two in the middle, 小计 left without its group.
 * - 陕西's 一般公共预算支出表 (test/fixtures/ministry-titles): a label column 单位名称/科目名称, a unit's rows and its
 *   function codes under it.
 * - 广西's 一般公共预算“三公”经费支出预算表 (gx-document.txt): 2024 年预算数 | 2025 年预算数 | 增减, each over the same
 *   six items, in the same squeezed header (因公出国 公务用车购 其中：公务 … one run of the line).
 */

const specsOf = (kind: TableKind) => generic.tables.find((t) => t.kind === kind)!.columns;
const leafText = (l: { text: string; groups: string[] }) => [...l.groups, l.text].join("/");
const errors = (d: BudgetDocument) => runRules(d, rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error");
const fixture = (...path: string[]) => join(ROOT, "test", "fixtures", ...path);
/** A layout text's token at a column of its line. */
const at = (text: string, x0: number): LayoutToken => ({ text, x0, x1: x0 + [...text].length });
/** A PDF's text run, in points. */
const run = (text: string, x0: number, x1: number): LayoutToken => ({ text, x0, x1, box: { x: x0, y: 0, width: x1 - x0, height: 10 } });
const table = (d: BudgetDocument, kind: TableKind) => d.tables.find((t) => t.kind === kind)!;

describe("a squeezed header: labels joined by a single space stand where the line prints them", () => {
  // 广西's 收入预算总表's header, line by line, as gx-document.txt prints it.
  const GX: LayoutToken[][] = [
    [at("政府性", 61), at("财政专", 71)],
    [at("国有资本经", 65), at("附属单", 103)],
    [at("上年结", 41), at("一般公共预算拨", 47), at("基金预", 61), at("户管理", 71), at("事业单位经营收 上级补", 89)],
    [at("单位编码", 1), at("单位名称", 22), at("合计", 29), at("营预算拨款", 65), at("事业收入", 77), at("位上缴", 103), at("其他收入", 109)],
    [at("转", 42), at("款收入", 49), at("算拨款", 61), at("资金收", 71), at("入", 92), at("助收入", 97)],
    [at("收入", 67), at("收入", 104)],
    [at("收入", 62), at("入", 72)],
  ];

  it("上级补 / 助收入 and 附属单 / 位上缴 / 收入 are two labels: every column named", () => {
    const leaves = headerLeaves(GX);
    expect(leaves.map(leafText).slice(-4)).toEqual(["事业单位经营收入", "上级补助收入", "附属单位上缴收入", "其他收入"]);
    const h = nameColumns(leaves, specsOf("income"));
    expect(h.unnamed).toEqual([]);
    expect(h.specs.map((s) => s.key)).toEqual(["total", "carryover", "general-public", "gov-fund", "state-capital", "special-account", "business-income", "operating-income", "superior-subsidy", "subsidiary-remittance", "other-income"]);
  });

  const read = (edit = (t: string) => t) => loadLayoutText("gx-document.txt", edit(readFileSync(fixture("centred-cells", "gx-document.txt"), "utf8")));

  it("the document's 收入预算总表 reads, each figure in its column (412.38 国有资本经营预算, as the text says): no error", () => {
    const d = read();
    expect((d.unknownTables ?? []).map((u) => u.title).filter((t) => t.includes("收入预算总表"))).toEqual([]);
    const t = table(d, "income");
    const unit = t.rows.find((r) => /林业局本级/.test(r.name ?? ""))!;
    expect([amountOf(unit, "total")?.text, amountOf(unit, "general-public")?.text, amountOf(unit, "state-capital")?.text, amountOf(unit, "special-account")?.text ?? null]).toEqual(["15,518.19", "15,105.80", "412.38", null]);
    expect(amountOf(t.rows.find((r) => /林业科学研究院/.test(r.name ?? ""))!, "business-income")?.text).toBe("779.12");
    expect(errors(d)).toEqual([]);
  });

  it("fails: a misprinted figure in it is an error at its line", () => {
    const text = readFileSync(fixture("centred-cells", "gx-document.txt"), "utf8");
    const line = text.split("\n").findIndex((l) => l.startsWith("126003")) + 1;
    const d = read((t) => t.replace(/^(126003 .*)307\.86$/m, "$1370.86"));
    expect(errors(d).some((f) => f.location.line === line && /^T2 /.test(f.message))).toBe(true);
  });
});

describe("a group label centred over more columns than its width reaches", () => {
  // 福建's 部门收入总表's header as the PDF's text runs give it.
  const FUJIAN: LayoutToken[][] = [
    [run("单位资金", 555.8, 591.9)],
    [run("政府性基金", 286.4, 331.5), run("国有资本", 337.6, 373.7), run("财政专户管", 379.9, 425)],
    [run("单位名称", 75.5, 111.5), run("合计", 173.8, 191.8), run("一般公共预算", 223.8, 277.9), run("事业单位", 544.5, 580.6), run("上级补助", 587, 623), run("附属单位", 629.5, 665.5), run("上年结转", 721.6, 757.6)],
    [run("预算", 299.9, 317.9), run("经营预算", 337.6, 373.7), run("理资金", 388.9, 416), run("小计", 447.2, 465.2), run("事业收入", 494.9, 531), run("其他收入", 676.2, 712.3)],
    [run("经营收入", 544.5, 580.6), run("收入", 596, 614), run("上缴收入", 629.5, 665.5)],
  ];

  it("单位资金 over 小计 · 事业收入 · … · 其他收入, between 财政专户管理资金 and 上年结转: 小计 is 单位资金's", () => {
    const leaves = headerLeaves(FUJIAN);
    expect(leaves.filter((l) => l.groups.length).map(leafText)).toEqual(["单位资金/小计", "单位资金/事业收入", "单位资金/事业单位经营收入", "单位资金/上级补助收入", "单位资金/附属单位上缴收入", "单位资金/其他收入"]);
    const h = nameColumns(leaves, specsOf("income"));
    expect(h.unnamed).toEqual([]);
    expect(h.specs.map((s) => s.key).slice(5, 7)).toEqual(["unit-funds", "business-income"]);
  });

  const PDF = fixture("libreoffice-pdf", "fujian-style-budget.pdf");
  const load = async (seed?: [string, string]) => {
    const text = await readPdfLayout(PDF);
    if (seed) {
      // The row of 福建省林业科学研究院 in the 部门收入总表 (page 3): one of its figures misprinted.
      const row = text.lines.find((l) => l.page === 3 && /林业科学研究院/.test(l.text))!;
      const tok = row.tokens!.find((t) => t.text === seed[0])!;
      tok.text = seed[1];
      row.text = row.text.replace(seed[0], seed[1]);
      return { doc: pagesDocument("b.pdf", text, {}, "PDF"), line: row.line };
    }
    return { doc: pagesDocument("b.pdf", text, {}, "PDF"), line: 0 };
  };

  it("福建's 部门收入总表 reads, each figure in its column: no error", { timeout: 60_000 }, async () => {
    const { doc } = await load();
    expect((doc.unknownTables ?? []).map((u) => u.title).filter((t) => t.includes("收入总表"))).toEqual([]);
    const unit = table(doc, "income").rows.find((r) => /林业科学研究院/.test(r.name ?? ""))!;
    expect([amountOf(unit, "unit-funds")?.text, amountOf(unit, "business-income")?.text, amountOf(unit, "other-income")?.text]).toEqual(["2,393,588.41", "2,038,883.39", "354,705.02"]);
    expect(errors(doc)).toEqual([]);
  });

  it("fails: a misprinted figure in it is an error at its line", { timeout: 60_000 }, async () => {
    const { doc, line } = await load(["2,038,883.39", "2,038,883.93"]);
    expect(errors(doc).some((f) => f.location.line === line && /^T2 /.test(f.message))).toBe(true);
  });
});

describe("a label column of units and the function codes under each (单位名称/科目名称)", () => {
  it("is a label column: every amount column named", () => {
    const leaves = headerLeaves([
      [at("科目编码", 0), at("单位名称/科目名称", 11), at("合计", 56), at("基本支出", 67), at("项目支出", 106)],
      [at("小计", 69), at("人员经费", 80), at("公用经费", 93)],
    ]);
    const h = nameColumns(leaves, specsOf("general-function"));
    expect(h.labels).toEqual(["科目编码", "单位名称/科目名称"]);
    expect(h.unnamed).toEqual([]);
  });

  const FILE = fixture("ministry-titles", "document.txt");
  const read = (edit = (t: string) => t) => loadLayoutText("预算.txt", edit(readFileSync(FILE, "utf8")));

  it("陕西's 一般公共预算支出表 reads under the generic template: no error", () => {
    const d = read();
    expect(d.template).toBe("generic");
    expect((d.unknownTables ?? []).map((u) => u.title).filter((t) => t.includes("一般公共预算支出表"))).toEqual([]);
    const t = table(d, "general-function");
    const r = t.rows.find((x) => x.code === "2010501")!;
    expect(["total", "basic", "personnel", "public", "project"].map((k) => amountOf(r, k)?.text)).toEqual(["2241.06", "2241.06", "1778.23", "462.83", "0.00"]);
    expect(errors(d)).toEqual([]);
  });

  it("fails: a misprinted figure in it is an error at its line", () => {
    const text = readFileSync(FILE, "utf8");
    const lines = text.split("\n");
    const start = lines.findIndex((l) => /一般公共预算支出表$/.test(l.trim()) && /陕西/.test(l));
    const k = lines.findIndex((l, i) => i > start && l.startsWith("2010505"));
    const edited = [...lines];
    edited[k] = edited[k].replace("876.54", "867.54");
    const d = read(() => edited.join("\n"));
    expect(errors(d).some((f) => f.location.line === k + 1)).toBe(true);
  });
});

describe("last year's budget, this year's and the change, each over the same items (a 三公 table)", () => {
  const read = (edit = (t: string) => t) => loadLayoutText("gx-document.txt", edit(readFileSync(fixture("centred-cells", "gx-document.txt"), "utf8")));

  it("2024 年预算数 | 2025 年预算数 | 增减: a row of each year and one of the change, each figure in its column: no error", () => {
    const d = read();
    const t = table(d, "sanggong");
    const keys = ["total", "abroad", "vehicle", "vehicle-purchase", "vehicle-operation", "reception"];
    expect(t.rows.map((r) => [r.role, ...keys.map((k) => amountOf(r, k)?.text)])).toEqual([
      ["previous-year", "120.38", "23.26", "86.47", "25.90", "60.57", "10.64"],
      ["current-year", "74.81", "21.51", "46.78", "0.00", "46.78", "6.53"],
      ["change", "-45.56", "-1.76", "-39.69", "-25.90", "-13.80", "-4.11"],
    ]);
    expect(errors(d)).toEqual([]);
  });

  it("fails: a misprinted change is an error at its line", () => {
    const text = readFileSync(fixture("centred-cells", "gx-document.txt"), "utf8");
    const line = text.split("\n").findIndex((l) => l.includes("-39.69")) + 1;
    const found = errors(read((t) => t.replace("-39.69", "-39.96")));
    expect(found.some((f) => f.location.line === line && /公务用车购置及运行费/.test(f.message))).toBe(true);
  });
});

/*
 * 广西's 项目支出预算表 (gx-document.txt, round 48): 合计 | 财政拨款 (一般公共预算 · 政府性基金预算 · 国有资本经营预算) | 财政专户管理
 * 资金 | 单位资金 (事业收入 · 事业单位经营收入 · 其他收入) | 上年结转, its header squeezed as the 收入预算总表's. Its figures are
 * right-aligned on the text's grid: at their printed ends 412.38 (63–69) lies across 财政专户管理资金's label start (67); at
 * half their lengths every figure is under one label, but a column's figures no longer end together (16,424.19 and 183.96
 * of 合计 both end at 36, at half length 31.5 and 34). Its projects are indented one character under their unit's line.
 */
describe("a squeezed header over figures right-aligned on the text's grid: placed by label starts where the table's identities bear it out", () => {
  const FILE = fixture("centred-cells", "gx-document.txt");
  const read = (edit = (t: string) => t) => loadLayoutText("gx-document.txt", edit(readFileSync(FILE, "utf8")));
  const listed = (d: BudgetDocument) => (d.unknownTables ?? []).map((u) => u.title).filter((t) => t.startsWith("项目支出预算表"));
  const LINE = " 林业行政执法及业务管理经费                 183.96        183.96";

  it("labelStartColumns: a placement whose columns' figures do not end together only when asked, and marked so", () => {
    const cols = nameColumns(headerLeaves([[at("合计", 26), at("一般公共预算", 40), at("政府性基金预算", 55), at("国有资本经营预算", 60), at("财政专户管理资金", 67)]]), specsOf("project-summary"));
    expect(cols.specs.map((s) => s.key)).toEqual(["total", "general-public", "gov-fund", "state-capital", "special-account"]);
    const lines = [
      { page: 1, amounts: [at("16,424.19", 27), at("14,908.30", 43), at("412.38", 63)] },
      { page: 1, amounts: [at("183.96", 31), at("183.96", 45)] },
    ];
    expect(labelStartColumns(lines, cols)).toBeNull();
    expect(labelStartColumns(lines, cols, true)).toEqual({ at: [[0, 1, 3], [0, 1]], apart: true });
    // Together at half length: not apart.
    expect(labelStartColumns([lines[0]], cols, true)).toEqual({ at: [[0, 1, 3]], apart: false });
  });

  it("the table reads: 412.38 国有资本经营预算, 1,086.99 事业收入, 16.52 其他收入 (as 表1 and 表2 say), each unit the sum of its projects: no error", () => {
    const d = read();
    expect(listed(d)).toEqual([]);
    const t = table(d, "project-summary");
    const total = t.rows.find((r) => r.kind === "department")!;
    expect(["total", "general-public", "gov-fund", "state-capital", "special-account", "business-income", "other-income", "carryover"].map((k) => amountOf(total, k)?.text ?? null)).toEqual(["16,424.19", "14,908.30", null, "412.38", null, "1,086.99", "16.52", null]);
    expect(t.rows.filter((r) => r.kind === "unit").map((r) => r.unit)).toEqual(["广西壮族自治区林业局本级", "广西壮族自治区林业科学研究院", "广西壮族自治区林业勘测设计院"]);
    const project = t.rows.find((r) => r.name === "科研技术服务")!;
    expect([project.unit, amountOf(project, "business-income")?.text]).toEqual(["广西壮族自治区林业科学研究院", "590.78"]);
    expect(errors(d)).toEqual([]);
  });

  it("fails: a line moved into other columns breaks its columns' sums: the table stays listed, not misread", () => {
    const line = LINE.slice(0, LINE.lastIndexOf("183.96")).trimEnd();
    const moved = line + " ".repeat(63 - line.length) + "183.96";
    const d = read((t) => t.replace(LINE, moved));
    expect(listed(d)).toEqual(["项目支出预算表（列位置不确定 columns uncertain）"]);
  });

  // (Until round 54 a misprinted figure left the placement unsettled and the table listed, the misprint found by nothing.
  // The table's identities hold but for that one figure, which no moved line does: it is read as placed and checked.)
  it("fails: a misprinted figure is read where it is printed, and the checks find it: the table is not left unread", () => {
    const d = read((t) => t.replace(/^(广西壮族自治区林业勘测设计院 .*)887\.94/m, "$1878.94"));
    expect(listed(d)).toEqual([]);
    const unit = table(d, "project-summary").rows.find((r) => r.kind === "unit" && r.unit === "广西壮族自治区林业勘测设计院")!;
    expect(amountOf(unit, "general-public")?.text).toBe("878.94");
    expect(errors(d).map((f) => f.stated)).toContain("878.94");
  });
});
