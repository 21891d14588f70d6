import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkDocument } from "../../src/check.js";
import { runRules } from "../../src/engine/run.js";
import { clusteredColumns, clusteredOffsets, headerLeaves, nameColumns, underLabels } from "../../src/loaders/layout/header.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { tabFormLines } from "../../src/loaders/layout/tab-form.js";
import { layoutLines, tokensOf } from "../../src/loaders/layout/tokens.js";
import { amountOf, table, type BudgetDocument } from "../../src/model/document.js";
import { rules } from "../../src/rules/index.js";
import { generic } from "../../src/templates/generic.js";
import { normaliseTitle, templateByTitle } from "../../src/templates/index.js";
import type { TableKind } from "../../src/model/document.js";
import { ROOT } from "../helpers/cli.js";
import { cellsAt, SMALL_SUMMARY } from "../helpers/layout.js";

/*
 * Tables read by kind alone (the generic template), on small synthetic documents: the title forms, the
 * header forms (wrapped, grouped, spaced-out, split code columns) and the figure placements that real
 * documents of other provinces print. Each form has a passing example and one that must stay listed (a
 * figure is never guessed into a column). The real documents are checked end to end in
 * test/e2e/templates.test.ts.
 */

/** A line as pdftotext lays it out: each text starting at the given column. */
const at = cellsAt;

const specsOf = (kind: TableKind) => generic.tables.find((t) => t.kind === kind)!.columns;
/** The header's amount columns, named by the kind's list. */
const named = (kind: TableKind, lines: string[]) => nameColumns(headerLeaves(layoutLines(lines.join("\n")).map(tokensOf)), specsOf(kind));

describe("titles recognised by kind", () => {
  const kindOf = (title: string) => templateByTitle(generic, title)?.kind ?? null;

  it("with or without a number, a year, a level of government or 部门 before them", () => {
    for (const [title, kind] of [
      ["表2：2026年市级部门收入预算总表", "income"],
      ["公开 05 表 一般公共预算支出预算表（功能科目）", "general-function"],
      ["部门公开表 6 一般公共预算基本支出表", "general-basic-economic"],
      // The department's name before a title that begins at its kind's words, no year between (山东's).
      ["山东省自然资源厅项目支出绩效目标表", "project-performance"],
      ["中共某某省委宣传部财政拨款支出表", "allocation-function"],
      ["附表3 部门支出总表", "expenditure"],
      ["一般公共预算支出情况表（按功能分类科目）", "general-function"],
      ["一般公共预算基本支出情况表（按经济分类科目）", "general-basic-economic"],
      ["财政拨款收支总体情况表", "allocation-summary"],
      ["2026年市级部门一般公共预算“三公”经费预算表", "sanggong"],
      ["部门收入预算表", "income"],
      ["部门支出预算表", "expenditure"],
      ["部门支出预算总表（按功能分类）", "expenditure"],
      ["一般公共预算支出表（按功能分类）", "general-function"],
    ] as const)
      expect(kindOf(title.replace(/^(表\d+：|公开 \d+ 表 |部门公开表 \d+ |附表\d+ )/, "")), title).toBe(kind);
    expect(normaliseTitle("2026年部门收入总表")).toBe("部门收入总表");
    // The money unit in brackets after the title is no part of it.
    expect(kindOf("部门收支总表（单位：万元）")).toBe("summary");
    expect(kindOf("一般公共预算支出表（按功能分类科目）(金额单位:元)")).toBe("general-function");
    expect(normaliseTitle("表3 支出总表 （单位：万元）")).toBe("支出总表");
    expect(normaliseTitle("表3 支出总表（单位：人民币元）")).toBe("支出总表");
    expect(normaliseTitle("表3 支出总表（计量单位：万元）")).toBe("支出总表");
  });

  it("a list of projects (with their other spending) is a project-summary; 基本支出 by unit and project is no kind", () => {
    expect(kindOf("部门预算项目支出及其他支出预算表")).toBe("project-summary");
    expect(kindOf("部门预算基本支出及项目支出预算表")).toBeNull();
    expect(kindOf("部门项目支出预算表")).toBe("project-summary");
    expect(kindOf("2026年市级部门项目支出预算表")).toBe("project-summary");
    expect(kindOf("项目支出预算表（按功能分类）")).toBe("project-summary");
    expect(kindOf("一般公共预算项目支出预算表")).toBe("general-project-economic");
  });

  it("财政拨款 of every fund together (江苏), apart from a fund's own table; a 基本支出 table by unit (广州)", () => {
    expect(kindOf("财政拨款支出预算表（功能科目）")).toBe("allocation-function");
    expect(kindOf("部门财政拨款支出预算表")).toBe("allocation-function");
    expect(kindOf("财政拨款基本支出预算表（经济科目）")).toBe("allocation-basic-economic");
    // One fund's tables keep their kinds, though their titles say 财政拨款 too.
    expect(kindOf("一般公共预算财政拨款支出决算表")).toBe("general-function");
    expect(kindOf("一般公共预算财政拨款基本支出决算表")).toBe("general-basic-economic");
    expect(kindOf("政府性基金预算财政拨款支出预算表")).toBe("gov-fund");
    expect(kindOf("财政拨款收支预算总表")).toBe("allocation-summary");
    expect(kindOf("部门预算基本支出预算表")).toBe("basic-summary");
    expect(kindOf("一般公共预算项目支出情况表（按经济分类科目）")).toBe("general-project-economic");
  });

  it("机关运行经费 by economic code is a table of its own kind; a 三公 table printing it beside the 三公 stays 三公", () => {
    expect(kindOf("一般公共预算机关运行经费支出预算表")).toBe("running-cost-economic");
    expect(kindOf("机关运行经费支出预算表（按经济科目）")).toBe("running-cost-economic");
    expect(kindOf("部门机关运行经费支出决算表")).toBe("running-cost-economic");
    expect(kindOf("“三公”经费和机关运行经费预算表")).toBe("sanggong");
    expect(kindOf("一般公共预算“三公”经费支出预算表")).toBe("sanggong");
  });

  it("a fund's own 三公 table (四川's 表4-1) is a 三公 table of that fund: neither the 三公 table nor the fund's", () => {
    expect(kindOf("政府性基金预算“三公”经费支出预算表")).toBe("gov-fund-sanggong");
    expect(kindOf("国有资本经营预算“三公”经费支出表")).toBe("state-capital-sanggong");
    expect(kindOf("政府性基金预算支出预算表")).toBe("gov-fund");
    expect(kindOf("三公经费支出预算表")).toBe("sanggong");
    // A table of more than one fund's 三公 is no one fund's (nor the 一般公共预算's).
    expect(kindOf("一般公共预算和政府性基金预算“三公”经费支出表")).toBeNull();
    expect(kindOf("政府性基金和国有资本经营预算“三公”经费支出表")).toBeNull();
  });
});

describe("headers read by kind alone", () => {
  it("a label wrapped over several lines is one column (一般公共预 / 算拨款收入)", () => {
    const h = named("income", [
      "                        一般公共预   政府性基金",
      "合计          上年结转                预算拨款收   其他收入",
      "                        算拨款收入   入",
    ]);
    expect(h.unnamed).toEqual([]);
    expect(h.specs.map((s) => s.key)).toEqual(["total", "carryover", "general-public", "gov-fund", "other-income"]);
  });

  it("上年结转 / 结余 wrapped is the one column 上年结转结余, not a group over 结余", () => {
    const h = named("income", [
      at([4, "单位名称"], [30, "合计"], [42, "上年结转"], [56, "一般公共预算"], [72, "事业收入"]),
      at([44, "结余"], [58, "拨款收入"]),
    ]);
    expect(h.unnamed).toEqual([]);
    expect(h.specs.map((s) => s.key)).toEqual(["total", "carryover", "general-public", "business-income"]);
  });

  it("a workbook's merged header: 单位资金 over 小计 · 事业收入 · 其他收入, beside 财政专户管理资金收入 merged down its column", () => {
    const lines = tabFormLines(
      [
        ["科目编码", "科目名称", "合计", "一般公共预算拨款收入", "财政专户管理资金收入", "单位资金", "", "", "上年结转"],
        ["", "", "", "", "", "小计", "事业收入", "其他收入", ""],
      ]
        .map((r) => r.join("\t"))
        .join("\n"),
    );
    const h = nameColumns(headerLeaves(lines.map(tokensOf)), specsOf("income"));
    expect(h.unnamed).toEqual([]);
    expect(h.specs.map((s) => s.key)).toEqual(["total", "general-public", "special-account", "unit-funds", "business-income", "other-income", "carryover"]);
  });

  it("a label spaced out over its cell (合      计) and split code columns (类 款 项, 科目编码 + 科目名称)", () => {
    const h = named("expenditure", ["科目编码     科目名称   合      计        基本支出        项目支出", "类   款   项"]);
    expect(h.unnamed).toEqual([]);
    expect(h.labels).toEqual(["科目编码类款项", "科目名称"]);
    expect(h.specs.map((s) => s.key)).toEqual(["total", "basic", "project"]);
  });

  it("小计 named by its group (基本支出 over 小计 · 人员经费 · 日常公用支出) or by the part printed after it", () => {
    const grouped = named("general-function", [
      at([40, "基本支出"]),
      at([3, "功能分类科目名称"], [22, "合   计"], [70, "项目支出"]),
      at([32, "小计"], [42, "人员经费"], [54, "日常公用支出"]),
    ]);
    expect(grouped.specs.map((s) => s.key)).toEqual(["total", "basic", "personnel", "public", "project"]);
    // 人员经费支出 / 公用经费支出 are 人员经费 / 公用经费; the 小计 before them is 基本支出.
    const worded = named("general-basic-economic", ["  科目编码    科目名称    合计    小计    人员经费支出    公用经费支出"]);
    expect(worded.unnamed).toEqual([]);
    expect(worded.specs.map((s) => s.key)).toEqual(["total", "basic", "personnel", "public"]);
    // No group label over it: the 小计 before 因公出国(境)费 is the 三公 total, the one before 购置费 the vehicles'.
    const sanggong = named("sanggong", ["  合计    小计    因公出国（境）费    小计    公务用车购置费    公务用车运行维护费    公务接待费    会议费    培训费"]);
    expect(sanggong.specs.map((s) => s.key)).toEqual(["grand-total", "total", "abroad", "vehicle", "vehicle-purchase", "vehicle-operation", "reception", "meeting", "training"]);
  });

  it("a 小计 printed two lines under a label, near its right end, is a column of its own, not the label's last piece", () => {
    // The central department's 三公 header laid out narrower (as another font size or page width prints it):
    // 小计 falls within 因公出国（境）费's width. Read as “因公出国(境)费小计”, the vehicles' 小计 was lost and
    // its 38.60 went to 购置费: two false errors.
    const h = named("sanggong", [
      at([28, "公务用车购置及运行费"]),
      at([0, "合计"], [8, "因公出国（境）费"], [52, "公务接待费"]),
      at([28, "公务用车"], [39, "公务用车"]),
      at([20, "小计"]),
      at([28, "购置费"], [39, "运行费"]),
    ]);
    expect(h.unnamed).toEqual([]);
    expect(h.specs.map((s) => s.key)).toEqual(["total", "abroad", "vehicle", "vehicle-purchase", "vehicle-operation", "reception"]);
    // A short last piece within the label above still ends it (广州's 对附属单位补助支 / 出, a line that prints others between).
    const wrapped = named("expenditure", [
      at([87, "对附属单位补助支"]),
      at([31, "合计"], [45, "基本支出"], [60, "项目支出"], [74, "事业单位经营支出"], [101, "上缴上级支出"]),
      at([6, "科目编码"], [21, "科目名称"], [90, "出"]),
    ]);
    expect(wrapped.unnamed).toEqual([]);
    expect(wrapped.specs.map((s) => s.key)).toEqual(["total", "basic", "project", "operating-expenditure", "subsidiary-subsidy", "remit-superior"]);
  });

  it("财政拨款 centred over its 合计 and funds, the labels beside them spanning two lines (广州's 基本支出 table)", () => {
    // As the PDF lays it out: 财政拨款's own width reaches none of the four labels under it; the 合计 after the
    // table's 总计 is 财政拨款's, and 财政专户拨款 / 其他资金 beside it are no part of it.
    const pdf = named("basic-summary", [
      at([2, "支出项目类别（资金使用"], [69, "财政拨款"]),
      at([33, "总计"], [105, "财政专户拨款"], [122, "其他资金"]),
      at([10, "单位）"], [48, "合计"], [60, "一般公共预算"], [74, "政府性基金预算"], [88, "国有资本经营预算"]),
    ]);
    expect(pdf.unnamed).toEqual([]);
    expect(pdf.specs.map((s) => s.key)).toEqual(["total", "allocation", "general-public", "gov-fund", "state-capital", "special-account", "other-funds"]);
    // As pdftotext -layout sets it (the document's own lines): the 合计 after 总计 is 财政拨款's.
    const text = named("basic-summary", [
      "支出项目类别（资金使用                                         财政拨款",
      "                总计                                                                  财政专户拨款      其他资金",
      "       单位）                    合计            一般公共预算         政府性基金预算     国有资本经营预算",
    ]);
    expect(text.unnamed).toEqual([]);
    expect(text.specs.map((s) => s.key)).toEqual(["total", "allocation", "general-public", "gov-fund", "state-capital", "special-account", "other-funds"]);
  });

  it("本年收入 and 上年结转结余 each with 小计 and fund columns: the same label named by its group", () => {
    const h = named("income", [
      "                     本年收入                                        上年结转结余",
      "  单位名称   总计   小计    一般公共预算    政府性基金预算    其他收入    小计    一般公共预算    单位资金",
    ]);
    expect(h.unnamed).toEqual([]);
    expect(h.specs.map((s) => s.key)).toEqual(["total", "current-income", "general-public", "gov-fund", "other-income", "carryover", "carryover-general-public", "carryover-unit-funds"]);
  });

  it("支出总计 as the total, and 政府采购 over its 小计 and 其中 (深圳's 支出总表): named by the group", () => {
    const h = named("expenditure", [
      // Centred over its three columns, which reach beyond it on both sides.
      at([79, "2023年政府采购项目"]),
      at([0, "科目编码"], [12, "科目名称"], [24, "支出总计"], [36, "基本支出"], [48, "项目支出"], [62, "小计"], [70, "其中：面向中小企业"], [90, "其中：面向小型、微型企业"]),
    ]);
    expect(h.unnamed).toEqual([]);
    expect(h.specs.map((s) => s.key)).toEqual(["total", "basic", "project", "proc-total", "proc-sme", "proc-micro"]);
    // Without the group label, 小计 is not the procurement's: the header is not read.
    const bare = named("expenditure", [at([0, "科目编码"], [12, "科目名称"], [24, "支出总计"], [36, "基本支出"], [48, "项目支出"], [62, "小计"])]);
    expect(bare.unnamed.length).toBeGreaterThan(0);
  });

  it("fails: a column the kind has no name for is reported by its label, so the table is listed", () => {
    // Without its spanning label (2026年预算数 over 小计 …, 比2025年执行数 over 增减额 …), 2025年执行数 is no column the
    // kind knows: the table is listed, whatever the other labels are named.
    const h = named("general-function", ["科目编码   科目名称   2025年执行数   小计   基本支出   项目支出   增减额   增减(%)"]);
    expect(h.unnamed).toEqual(["2025年执行数"]);
  });

  it("a 决算's 三公 table: 预算数 and 决算数 each centred over the same items, the first list the budget's", () => {
    const items = (from: number) => [[from, "合计"], [from + 8, "因公出国"], [from + 20, "公务用车购置"], [from + 47, "公务接待费"]] as [number, string][];
    const h = named("sanggong", [
      at([30, "预算数"], [90, "决算数"]),
      at(...items(8), ...items(68)),
      at([16, "（境）费"], [28, "及运行费"], [76, "（境）费"], [88, "及运行费"]),
      at([28, "小计"], [37, "购置费"], [47, "运行费"], [88, "小计"], [97, "购置费"], [107, "运行费"]),
    ]);
    expect(h.unnamed).toEqual([]);
    expect(h.specs.map((s) => s.key)).toEqual([
      "budget-total", "budget-abroad", "budget-vehicle", "budget-vehicle-purchase", "budget-vehicle-operation", "budget-reception",
      "total", "abroad", "vehicle", "vehicle-purchase", "vehicle-operation", "reception",
    ]);
    // A budget's 三公 table, with no 预算数 over its items: as before, no 预算数 column.
    expect(named("sanggong", [at([8, "合计"], [16, "因公出国（境）费"], [36, "公务用车购置及运行费"], [60, "公务接待费"])]).specs.map((s) => s.key)).toEqual(["total", "abroad", "vehicle", "reception"]);
  });

  it("last year's budget beside this year's (2024年预算数 | 2025年预算数 | 增减额 | 增减率（%）): the earlier year's is 上年预算数", () => {
    const h = named("general-function", ["科目编码   科目名称   2024年预算数   2025年预算数   增减额   增减率(%)"]);
    expect(h.unnamed).toEqual([]);
    expect(h.specs.map((s) => s.key)).toEqual(["prior-budget", "total", "change", "change-pct"]);
    // One year's 预算数 alone is the 合计.
    expect(named("general-function", ["科目编码   科目名称   2025年预算数"]).specs.map((s) => s.key)).toEqual(["total"]);
  });

  it("this year's budget a group over its split (2024年预算数 | 2025年预算数 over 合计 · 基本支出 · 项目支出 | 增减额 | 增减率)", () => {
    const h = named("general-function", [
      at([66, "2025年预算数"]),
      at([0, "类"], [6, "款"], [11, "项"], [17, "科目名称"], [50, "2024年预算数"], [68, "合计"], [80, "基本支出"], [96, "项目支出"], [112, "增减额"], [122, "增减率(%)"]),
    ]);
    expect(h.unnamed).toEqual([]);
    expect(h.specs.map((s) => s.key)).toEqual(["prior-budget", "total", "basic", "project", "change", "change-pct"]);
  });
});

describe("figures placed by what the page shows", () => {
  it("columns clustered from the right edges of one page's figures, when they make as many clusters as columns", () => {
    expect(clusteredOffsets([52, 69, 52, 86, 69, 86], 3, 2)).toEqual([0, 17, 34]);
    expect(clusteredOffsets([52, 69], 3, 2)).toBeNull();
  });

  it("clusters whose figures overlap are one column printed a few characters off, not two", () => {
    // 合计 ends at 42; 29.71 and 75.08 (48–53) and 4.02 (52–56) are all 人员经费's: pdftotext put the last 3 further right.
    const rights = [42, 53, 42, 53, 42, 56];
    const lefts = [37, 48, 37, 48, 38, 52];
    expect(clusteredColumns(rights, 3, 2)).toEqual([42, 53, 56]);
    expect(clusteredColumns(rights, 3, 2, lefts)).toBeNull();
    // Columns whose figures stand apart are kept.
    expect(clusteredColumns([42, 56, 70], 3, 2, [37, 52, 66])).toEqual([42, 56, 70]);
  });

  it("figures flush left under their labels (a text) or centred under them (a PDF)", () => {
    const cols = { specs: [], rights: [], lefts: [0, 10, 20], labelRights: [4, 14, 24], unnamed: [], labels: [], labelLefts: [], remark: null };
    expect(underLabels([{ text: "1", x0: 0, x1: 1 }, { text: "2", x0: 20, x1: 21 }], cols)).toEqual([0, 2]);
    expect(underLabels([{ text: "1", x0: 3, x1: 7 }], cols)).toBeNull();
    const box = (x: number, w: number) => ({ x, y: 0, width: w, height: 8 });
    expect(underLabels([{ text: "237", x0: 11, x1: 13, box: box(11, 2) }], cols)).toEqual([1]);
  });
});

// A small document of another province: its title page, and tables under their own titles.
const doc = (...tables: string[]) => ["2026年某某局部门预算", "", ...tables].join("\n");
const load = (text: string): BudgetDocument => loadLayoutText("doc.txt", text);
const check = (d: BudgetDocument) => runRules(d, rules, { tolerance: { kind: "auto" }, lang: "en" });
const errors = (d: BudgetDocument) => check(d).filter((f) => f.severity === "error");

const basicByEconomic = (rows: string[]) =>
  [
    "                            一般公共预算基本支出表",
    "                                                                          单位：万元",
    "             部门预算支出经济分类科目                              2026 年基本支出",
    "",
    "      科目编码               科目名称          合计               人员经费            公用经费",
    "",
    ...rows,
  ].join("\n");

const summary = SMALL_SUMMARY;

describe("a document of an unknown template, read by kind", () => {
  it("a two-column classified table: each figure in the column its page puts it (人员经费 vs 公用经费)", () => {
    const d = load(
      doc(
        summary,
        basicByEconomic([
          "301          工资福利支出                         60.00         60.00",
          "  30101       基本工资                          60.00         60.00",
          "302          商品和服务支出                         40.00                       40.00",
          "  30201       办公费                              40.00                       40.00",
          "                  合   计                      100.00         60.00         40.00",
        ]),
      ),
    );
    expect(d.template).toBe("generic");
    const t = table(d, "general-basic-economic")!;
    expect(t.rows.map((r) => [r.code ?? r.name, amountOf(r, "personnel")?.text ?? "", amountOf(r, "public")?.text ?? ""])).toEqual([
      ["301", "60.00", ""],
      ["30101", "60.00", ""],
      ["302", "", "40.00"],
      ["30201", "", "40.00"],
      ["合计", "60.00", "40.00"],
    ]);
    expect(errors(d)).toEqual([]);
  });

  it("fails: a misprinted figure in such a table is an error at its line", () => {
    const d = load(
      doc(
        summary,
        basicByEconomic([
          "301          工资福利支出                         60.00         61.00",
          "302          商品和服务支出                         40.00                       40.00",
          "                  合   计                      100.00         61.00         40.00",
        ]),
      ),
    );
    expect(d.unknownTables).toEqual([]);
    const e = errors(d).filter((f) => f.ruleId === "row-total");
    expect(e.map((f) => [f.location.line, f.stated, f.computed])).toEqual([
      [15, "60", "61"],
      [17, "100", "101"],
    ]);
  });

  it("codes in brackets ([201]一般公共服务支出) and a name wrapped around its code line", () => {
    const d = load(
      doc(
        summary,
        [
          "                              一般公共预算支出情况表（按功能分类科目）",
          "                                                                     单位：万元",
          "           功能科目名称          小计                其中：基本支出                项目支出",
          "               合计                      100.00              60.00          40.00",
          "[201]一般公共服务支出                              100.00                    60.00               40.00",
          " [20101]人大事务                             100.00                    60.00               40.00",
          "  [2010101]行政运行                          60.00               60.00                0.00",
          "  [2010102]一般行政管理事务                     40.00                    0.00               40.00",
        ].join("\n"),
      ),
    );
    const t = table(d, "general-function")!;
    expect(t.rows.map((r) => [r.kind, r.code, r.name])).toEqual([
      ["department", null, "合计"],
      ["code", "201", "一般公共服务支出"],
      ["code", "20101", "人大事务"],
      ["code", "2010101", "行政运行"],
      ["code", "2010102", "一般行政管理事务"],
    ]);
    expect(errors(d)).toEqual([]);
  });

  it("a name wrapped around its code line (part above, part below) is that row's name", () => {
    const d = load(
      doc(
        summary,
        [
          "                                     本年支出总体情况表",
          "                                                                                         单位：万元",
          "      科目编码           科目名称        合计            基本支出           项目支出",
          "                      合计       100.00         60.00         40.00",
          "208          社会保障和就业支出          100.00         60.00         40.00",
          "20805         行政事业单位养老支出        100.00         60.00         40.00",
          "2080501        行政单位离退休              60.00         60.00          0.00",
          "               机关事业单位基本养老保险缴",
          "2080505                             40.00          0.00         40.00",
          "             费支出",
        ].join("\n"),
      ),
    );
    expect(table(d, "expenditure")!.rows.map((r) => [r.code, r.name])).toEqual([
      [null, "合计"],
      ["208", "社会保障和就业支出"],
      ["20805", "行政事业单位养老支出"],
      ["2080501", "行政单位离退休"],
      ["2080505", "机关事业单位基本养老保险缴费支出"],
    ]);
    expect(errors(d)).toEqual([]);
  });

  it("a title numbered 表一： / 部门公开表3 / 附表 2 before it", () => {
    for (const number of ["表一：", "部门公开表3 ", "附表 2 ", "公开 02 表 "]) {
      const d = load(doc(summary, [`                    ${number}部门支出总表`, "                                        单位：万元", "科目编码     科目名称       合计      基本支出     项目支出", "201     一般公共服务支出     100.00     60.00     40.00"].join("\n")));
      expect(table(d, "expenditure")?.title, number).toBe("部门支出总表");
      expect(table(d, "expenditure")!.rows).toHaveLength(1);
    }
  });

  it("one line of figures with no label under a header that starts with 合计: the department's total", () => {
    // A summary whose income side the income table splits alike (income-vs-summary compares them).
    const split = [
      "                                    部门收支总表",
      "                                                                                           单位：万元",
      "          项       目               预算数                        项   目                   预算数",
      "一、一般公共预算拨款收入                             60.00 一、一般公共服务支出                                100.00",
      "二、其他收入                                     30.00",
      "              本   年   收   入   合   计         90.00                本   年   支   出   合   计         100.00",
      "              上   年   结   转                  10.00",
      "              收   入   总   计             100.00                支   出   总   计              100.00",
      "",
    ].join("\n");
    const d = load(
      doc(
        split,
        [
          "                                             部门收入总表",
          "                                                                                                   单位：万元",
          "合计          上年结转    一般公共预算拨款收入    其他收入",
          "",
          "100.00         10.00        60.00               30.00",
        ].join("\n"),
      ),
    );
    const r = table(d, "income")!.rows;
    expect(r.map((x) => [x.kind, amountOf(x, "total")?.text, amountOf(x, "carryover")?.text, amountOf(x, "general-public")?.text, amountOf(x, "other-income")?.text])).toEqual([["department", "100.00", "10.00", "60.00", "30.00"]]);
    expect(errors(d)).toEqual([]);
  });

  it("fails: a table whose header names a column the kind does not know is listed with that label, not read", () => {
    const d = load(
      doc(
        summary,
        [
          "                                          一般公共预算支出表",
          "                                                                              单位：万元",
          "科目编码         科目名称        2025年执行数     小计        基本支出       项目支出",
          "201       一般公共服务支出      90.00   100.00   60.00   40.00",
        ].join("\n"),
      ),
    );
    expect(table(d, "general-function")).toBeUndefined();
    expect(d.unknownTables?.map((u) => u.title)).toEqual(["一般公共预算支出表（表头未能识别 header not understood: 2025年执行数）"]);
  });

  it("such a table printed over two pages, its title and header on each, is listed once", () => {
    const page = (row: string) =>
      [
        "                                          一般公共预算支出表",
        "                                                                              单位：万元",
        "科目编码         科目名称        2025年执行数     小计        基本支出       项目支出",
        row,
      ].join("\n");
    const d = load(doc(summary, `${page("201       一般公共服务支出      90.00   100.00   60.00   40.00")}\n\f${page("205       教育支出              9.00    10.00    6.00    4.00")}`));
    expect(d.unknownTables?.map((u) => u.title)).toEqual(["一般公共预算支出表（表头未能识别 header not understood: 2025年执行数）"]);
  });

  it("fails: rows that are items (项目名称 | 金额), not codes, are listed", () => {
    const d = load(doc(summary, ["                        收入预算总表", "部门名称： 某某局                                     单位：万元", "                    项目名称                         金额", "                    收入总计                        100.00", "  一般公共预算资金       公共财政拨款（补助）资金                   100.00"].join("\n")));
    expect(table(d, "income")).toBeUndefined();
    expect(d.unknownTables?.map((u) => u.title)).toEqual(["收入预算总表（按项目列示 rows are items, not codes）"]);
  });
});

describe("a list of projects printing each one's function code after its name (海南's, 宁波's 项目支出表)", () => {
  // Lines 1–7 a 收支总表; the list from line 9: 合计 on 12, the projects on 13 and 14.
  const projects = (first = "60.00") =>
    doc(
      summary,
      [
        "                                   项目支出表",
        "单位名称：某某局                                                          单位：万元",
        "  项目名称            功能科目编码        合计        一般公共预算     政府性基金预算",
        "  合计                                  100.00          100.00            0.00",
        `  信息系统运维          2010301          ${first.padStart(6)}           60.00            0.00`,
        "  科普活动              2069901           40.00           40.00            0.00",
      ].join("\n"),
    );

  it("the code is no figure: each project's 合计 is the figure under 合计", () => {
    const d = load(projects());
    const t = table(d, "project-summary")!;
    expect(t.rows.map((r) => [r.kind, r.name, amountOf(r, "total")?.text, amountOf(r, "general-public")?.text])).toEqual([
      ["department", "合计", "100.00", "100.00"],
      ["item", "信息系统运维", "60.00", "60.00"],
      ["item", "科普活动", "40.00", "40.00"],
    ]);
    expect(errors(d)).toEqual([]);
  });

  it("fails: a project's 合计 mistyped is an error at its line", () => {
    const e = errors(load(projects("66.00")));
    expect(e.map((f) => [f.ruleId, f.location.line, f.stated, f.computed])).toContainEqual(["row-total", 13, "66", "60"]);
  });
});

describe("a list of projects with their 绩效目标 beside them (广州's 项目支出及其他支出预算表)", () => {
  // Lines 1–7 a 收支总表; the list from line 9: 合计 on 14, the unit 某某局 on 15, its projects on 17 and 19, a
  // project's targets running over the lines around its figures and on the figures' own line.
  const projects = (kepu = "40.00") =>
    doc(
      summary,
      [
        "                         部门预算项目支出及其他支出预算表",
        "单位名称：某某局                                                                 单位：万元",
        "支出项目类别（资金使用单",
        "                 总计         一般公共预算                           绩效目标",
        "     位）",
        "    合计            100.00        100.00",
        "某某局              100.00        100.00",
        "                                      完成系统运维，保障业务正常开展，",
        "  信息系统运维       60.00         60.00 全年无重大安全事故。",
        "                                      开展科普活动十场，受众满意度达到",
        `  科普活动           ${kepu.padStart(5)}         40.00 百分之九十以上。`,
        "",
        "                               其他相关情况说明",
        "  一、机关运行经费：本部门2026年机关运行经费预算为10万元。",
      ].join("\n"),
    );

  it("is read without the words: the unit's line, its two projects, nothing after the table", () => {
    const d = load(projects());
    const t = table(d, "project-summary")!;
    expect(t.rows.map((r) => [r.kind, r.unit, r.name, amountOf(r, "total")?.text])).toEqual([
      ["department", null, "合计", "100.00"],
      ["unit", "某某局", "某某局", "100.00"],
      ["item", "某某局", "信息系统运维", "60.00"],
      ["item", "某某局", "科普活动", "40.00"],
    ]);
    expect(d.unknownTables).toEqual([]);
    expect(errors(d)).toEqual([]);
  });

  it("fails: a project's total mistyped breaks its unit's sum and its own row: errors at the unit's line (the project among its parts) and at the project's", () => {
    const e = errors(load(projects("43.00")));
    expect(e.map((f) => [f.ruleId, f.location.line, f.stated, f.computed])).toEqual([
      ["row-total", 19, "43", "40"],
      ["hierarchy-sum", 15, "100", "103"],
    ]);
    expect(e[1].related.map((r) => r.line)).toEqual(expect.arrayContaining([17, 19]));
  });
});

describe("a 项目支出绩效表 whose first project's targets stand above its figures (杭州's 表11)", () => {
  // Lines 1–7 a 收支总表; the table from line 9: header on 12, the first project's words on 13 and 14 (before
  // any figure), its line on 15, the second project's on 16 and 17.
  const targets = doc(
    summary,
    [
      "                      项目支出绩效表",
      "部门名称：某某局                                                 单位:万元",
      "",
      "     单位名称           项目名称     金额                             绩效目标",
      "                                        通过监测能力项目等提升监测预报能力。通过实施信息化项目提升",
      "                                        服务水平。",
      "某某局           信息系统运维      60.00",
      "                                        站点维护数量 162 个，资料接收及时率达到 98％以上。",
      "某某局           科普活动          40.00",
    ].join("\n"),
  );

  it("is read with its header as printed: the words before the first figures are the targets', not the header's", () => {
    const d = load(targets);
    const t = table(d, "project-performance")!;
    expect(t.columns.filter((c) => c.kind === "amount").map((c) => c.key)).toEqual(["total"]);
    expect(t.rows.map((r) => [r.kind, r.unit, r.name, amountOf(r, "total")?.text, r.location.line])).toEqual([
      ["item", "某某局", "信息系统运维", "60.00", 15],
      ["item", "某某局", "科普活动", "40.00", 17],
    ]);
    expect(d.unknownTables).toEqual([]);
  });
});

/*
 * 项目支出绩效目标表 as a page prints them: a project's 单位名称 | 项目名称 | 预算金额 | 年度绩效目标 merged down over its
 * indicator rows (一级指标 | 二级指标 | 三级指标 | 指标值), a name wrapped in its cell (北京's form); or no amount at all
 * (四川's 表6-1); or a card per project (甘肃's 项目支出绩效目标申报表). Lines 1–7 a 收支总表; the table from line 9.
 */
describe("a 项目支出绩效目标表: each project once, its words joined, the indicators' figures none of its", () => {
  const form = (rows: string[], header = [at([0, "单位名称"], [14, "项目名称"], [40, "预算金额"], [47, "年度绩效目标"], [62, "一级指标"], [72, "二级指标"], [84, "三级指标"], [100, "指标值"])]) =>
    doc(summary, ["                              项目支出绩效目标表", at([0, "部门：某某局"], [98, "单位：元"]), ...header, ...rows].join("\n"));
  // The header on line 11; each project's cells centred on its middle indicator row, its name wrapped over three lines.
  const centred = [
    at([14, "首都绿化美化"], [62, "产出指标"], [72, "数量指标"], [84, "新增造林绿化面积"], [100, "1.5"]),
    at([0, "某某局（本"], [14, "及义务植树专"], [32, "9,327,100.00"], [47, "完成全市绿化"], [62, "产出指标"], [72, "质量指标"], [84, "苗木成活率"], [100, "95"]),
    at([0, "级）"], [14, "项"], [47, "美化任务"], [62, "效益指标"], [72, "社会效益指标"], [84, "森林覆盖率"], [100, "44.9"]),
    at([14, "园林绿化行政"], [62, "产出指标"], [72, "数量指标"], [84, "执法检查次数"], [100, "120"]),
    at([0, "某某站"], [14, "执法及资源监"], [34, "248,673.00"], [47, "依法查处案件"], [62, "产出指标"], [72, "时效指标"], [84, "案件办结及时率"], [100, "100"]),
    at([14, "管"], [62, "满意度指标"], [72, "服务对象满意度指标"], [84, "群众满意度"], [100, "90"]),
  ];
  // The same set at the top of their cells: the project's figures on its first indicator row.
  const top = [
    at([0, "某某局（本"], [14, "首都绿化美化"], [32, "9,327,100.00"], [47, "完成全市绿化"], [62, "产出指标"], [72, "数量指标"], [84, "新增造林绿化面积"], [100, "1.5"]),
    at([0, "级）"], [14, "及义务植树专"], [47, "美化任务"], [62, "产出指标"], [72, "质量指标"], [84, "苗木成活率"], [100, "95"]),
    at([14, "项"], [62, "效益指标"], [72, "社会效益指标"], [84, "森林覆盖率"], [100, "44.9"]),
    at([0, "某某站"], [14, "园林绿化行政"], [34, "248,673.00"], [47, "依法查处案件"], [62, "产出指标"], [72, "数量指标"], [84, "执法检查次数"], [100, "120"]),
    at([14, "执法及资源监"], [62, "产出指标"], [72, "时效指标"], [84, "案件办结及时率"], [100, "100"]),
    at([14, "管"], [62, "满意度指标"], [72, "服务对象满意度指标"], [84, "群众满意度"], [100, "90"]),
  ];
  const projects = (d: BudgetDocument) => table(d, "project-performance")?.rows.map((r) => [r.kind, r.unit, r.name, amountOf(r, "total")?.text, r.location.line]);

  it("北京's form, its merged cells centred or set at the top: each project at its figures' line", () => {
    expect(projects(load(form(centred)))).toEqual([
      ["item", "某某局（本级）", "首都绿化美化及义务植树专项", "9,327,100.00", 13],
      ["item", "某某站", "园林绿化行政执法及资源监管", "248,673.00", 16],
    ]);
    expect(projects(load(form(top)))).toEqual([
      ["item", "某某局（本级）", "首都绿化美化及义务植树专项", "9,327,100.00", 12],
      ["item", "某某站", "园林绿化行政执法及资源监管", "248,673.00", 15],
    ]);
    expect(load(form(centred)).unknownTables).toEqual([]);
  });

  it("under 绩效指标 spanning the indicators, a 合计 first: the 合计 the department's, the sum of the projects", () => {
    const header = [at([0, "单位名称"], [14, "项目名称"], [40, "预算金额"], [47, "年度绩效目标"], [82, "绩效指标"]), at([62, "一级指标"], [72, "二级指标"], [84, "三级指标"], [100, "指标值"])];
    const total = (x: string) => at([0, "合计"], [32, x]);
    const d = load(form([total("9,575,773.00"), ...centred], header));
    expect(projects(d)).toEqual([
      ["department", null, "合计", "9,575,773.00", 13],
      ["item", "某某局（本级）", "首都绿化美化及义务植树专项", "9,327,100.00", 15],
      ["item", "某某站", "园林绿化行政执法及资源监管", "248,673.00", 18],
    ]);
    expect(errors(d)).toEqual([]);
    expect(errors(load(form([total("9,575,778.00"), ...centred], header))).map((f) => [f.ruleId, f.stated, f.computed])).toEqual([["hierarchy-sum", "9575778", "9575773"]]);
  });

  it("四川's 表6-1, no amount column (单位名称、项目名称 | 项目年度绩效目标 | … | 权重): read, no figure taken for a project's", () => {
    const header = [at([0, "单位名称、项目名称"], [30, "项目年度绩效目标"], [56, "一级指标"], [66, "二级指标"], [78, "三级指标"], [94, "指标性质"], [104, "指标值"], [112, "度量单位"], [122, "权重"])];
    const d = load(
      form(
        [
          at([0, "某某局（本级）"]),
          at([2, "全民健身公共服务"], [30, "新建健身设施80个。"], [56, "产出指标"], [66, "数量指标"], [78, "新建健身设施"], [94, "≥"], [104, "80"], [112, "个"], [122, "40"]),
          at([56, "满意度指标"], [66, "服务对象满意度"], [78, "服务对象满意度"], [94, "≥"], [104, "90"], [112, "%"], [122, "60"]),
        ],
        header,
      ),
    );
    expect(table(d, "project-performance")?.rows).toEqual([]);
    expect(d.unknownTables).toEqual([]);
  });

  it("山东's, no 单位名称 (项目名称 | 预算金额 | 年度绩效目标), its title after the department's name: read, each project once", () => {
    const d = load(
      doc(
        summary,
        [
          "                          某某省自然资源厅项目支出绩效目标表",
          at([80, "单位：万元"]),
          at([0, "项目名称"], [30, "预算金额"], [44, "年度绩效目标"]),
          at([0, "自然资源调查监测"], [32, "4453.56"], [44, "完成全省年度国土变更调查。"]),
          at([0, "国土空间规划编制"], [32, "2666.96"], [44, "完成2个专项规划编制。"]),
        ].join("\n"),
      ),
    );
    expect(projects(d)).toEqual([
      ["item", null, "自然资源调查监测", "4453.56", 12],
      ["item", null, "国土空间规划编制", "2666.96", 13],
    ]);
    expect(d.unknownTables).toEqual([]);
  });

  it("河南's, the indicators in one column of words (… | 年度绩效目标 | 主要绩效指标, or 主要指标): read, each project once", () => {
    for (const indicators of ["主要绩效指标", "主要指标"]) {
      const d = load(
        doc(
          summary,
          [
            "                          项目支出绩效目标表",
            at([80, "单位：万元"]),
            at([0, "单位名称"], [18, "项目名称"], [34, "预算金额"], [50, "年度绩效目标"], [80, indicators]),
            at([6, "合计"], [34, "850.00"]),
            at([0, "某某厅机关"], [18, "高标准农田建设"], [34, "600.00"], [50, "新建高标准农田"], [80, "新建面积≥120万亩"]),
            at([0, "某某厅机关"], [18, "产业园建设"], [34, "250.00"], [50, "支持产业园建设"], [80, "新创建产业园≥10个"]),
          ].join("\n"),
        ),
      );
      expect(projects(d)).toEqual([
        ["department", null, "合计", "850.00", 12],
        ["item", "某某厅机关", "高标准农田建设", "600.00", 13],
        ["item", "某某厅机关", "产业园建设", "250.00", 14],
      ]);
      expect(d.unknownTables).toEqual([]);
    }
  });

  // Before round 49 the group's label was read as a column of its own with no figure under it: the table was listed
  // (表头未能识别: 预算金额) and no project's amount checked.
  it("江西's, its money grouped (预算金额 over 合计 | 财政拨款 | 其他资金, or 项目资金 over 年度资金总额 | …): read, each project's sources adding up", () => {
    for (const [group, total] of [
      ["预算金额", "合计"],
      ["项目资金", "年度资金总额"],
    ]) {
      const form = (first: string) =>
        doc(
          summary,
          [
            "                          项目支出绩效目标表",
            at([80, "单位：万元"]),
            at([0, "单位名称"], [18, "项目名称"], [46, group], [76, "年度绩效目标"], [100, "绩效指标"]),
            at([34, total], [46, "财政拨款"], [58, "其他资金"], [90, "一级指标"], [100, "二级指标"], [112, "指标值"]),
            at([6, "合计"], [34, "279.80"], [46, "276.20"], [58, "3.60"]),
            at([0, "某某局机关"], [18, "产业发展扶持"], [34, first], [46, "185.67"], [58, "0.00"], [76, "支持特色产业基地建设"], [90, "产出指标"], [100, "数量指标"], [112, "≥300"]),
            at([0, "某某中心"], [18, "农技推广"], [34, "94.13"], [46, "90.53"], [58, "3.60"], [76, "培育示范主体"], [90, "效益指标"], [100, "社会效益"], [112, "≥95%"]),
          ].join("\n"),
        );
      const d = load(form("185.67"));
      expect(d.unknownTables).toEqual([]);
      const t = table(d, "project-performance")!;
      expect(t.rows.map((r) => [r.kind, r.name, amountOf(r, "total")?.text, amountOf(r, "allocation")?.text, amountOf(r, "other-funds")?.text])).toEqual([
        ["department", "合计", "279.80", "276.20", "3.60"],
        ["item", "产业发展扶持", "185.67", "185.67", "0.00"],
        ["item", "农技推广", "94.13", "90.53", "3.60"],
      ]);
      expect(errors(d)).toEqual([]);
      // 185.67 typed 158.67: its row and the 合计 both say so.
      expect(errors(load(form("158.67"))).map((f) => [f.ruleId, f.stated, f.computed])).toEqual(
        expect.arrayContaining([
          ["row-total", "158.67", "185.67"],
          ["hierarchy-sum", "279.8", "252.8"],
        ]),
      );
    }
  });

  it("a table left unread after a list of the tables' titles (河南's 附件): its entry is where the table is printed", () => {
    // Page 1 the 目录 of the parts, page 2 the list of the tables (附件), page 3 the 收支总表 (its 表1 on a line above its
    // title), page 4 the 项目支出绩效目标表 under a header not understood.
    const d = load(
      [
        "2026年某某厅部门预算",
        "                     目   录",
        "第一部分 某某厅概况 ...................................... 1",
        "第四部分 附件 .......................................... 2",
        "\f          第四部分 附件",
        "某某厅2026年部门预算公开表",
        "表1 收支总表",
        "表10 项目支出绩效目标表",
        "",
        "                  -2-",
        "\f表1",
        summary,
        "\f                          项目支出绩效目标表",
        at([80, "单位：万元"]),
        at([0, "单位名称"], [18, "项目名称"], [34, "预算金额"], [50, "年度绩效目标"], [80, "实施期限说明"]),
        at([0, "某某厅机关"], [18, "高标准农田建设"], [34, "600.00"], [50, "新建高标准农田"], [80, "三年"]),
      ].join("\n"),
    );
    expect(d.unknownTables?.map((u) => u.kind)).toEqual(["project-performance"]);
    const t = table(d, "project-performance")!;
    // (The list's line is 8, on page 2; the table's title 18, on page 4.)
    expect([t.rows.length, t.location.line, t.location.page]).toEqual([0, 18, 4]);
  });

  it("甘肃's card per project: 项目名称, 实施单位, 年度资金总额 (a 中期资金总额 beside it is the years')", () => {
    const card = (name: string, funds: string[]) => [
      at([0, "项目名称"], [18, name]),
      at([0, "主管部门"], [18, "某某局"], [50, "实施单位"], [66, "某某局（本级）"]),
      ...funds,
      at([0, "年度目标"], [18, "按计划完成各项任务。"]),
      at([0, "绩效指标"], [18, "一级指标"], [34, "二级指标"], [52, "三级指标"], [74, "指标值"]),
      at([18, "产出指标"], [34, "数量指标"], [52, "项目完成率"], [74, "100"]),
    ];
    const d = load(
      doc(
        summary,
        [
          "                                项目支出绩效目标表",
          at([34, "（2026年度）"], [80, "单位：元"]),
          ...card("信息系统运维", [at([0, "项目资金"], [18, "年度资金总额"], [48, "486,300.00"]), at([18, "其中：财政拨款"], [48, "486,300.00"])]),
          ...card("科普活动", [at([0, "项目资金"], [18, "中期资金总额"], [36, "3,750,000.00"], [54, "年度资金总额"], [72, "1,250,000.00"])]),
        ].join("\n"),
      ),
    );
    expect(projects(d)).toEqual([
      ["item", "某某局（本级）", "信息系统运维", "486,300.00", 11],
      ["item", "某某局（本级）", "科普活动", "1,250,000.00", 18],
    ]);
    expect(table(d, "project-performance")?.rows.map((r) => r.cells.total?.location.line)).toEqual([13, 20]);
  });

  it("重庆's card: 项目资金（万元） over 年度资金总额 | 其中：财政拨款 | 其他资金, the figures on the line under them", () => {
    const card = (name: string, unit: string, figures: [number, string][]) => [
      at([0, "项目名称"], [18, name]),
      at([0, "主管部门"], [18, "某某局"], [50, "实施单位"], [66, unit]),
      at([0, "项目资金（万元）"], [18, "年度资金总额"], [34, "其中：财政拨款"], [52, "其他资金"]),
      at(...figures),
      at([0, "年度绩效目标"], [18, "按计划完成各项任务。"]),
      at([0, "绩效指标"], [18, "一级指标"], [34, "二级指标"], [52, "三级指标"], [74, "指标值"]),
      at([18, "产出指标"], [34, "数量指标"], [52, "覆盖学校（人数）"], [74, "≥95%"]),
    ];
    const d = load(
      doc(
        summary,
        [
          "                                2026年项目支出绩效目标表",
          at([80, "单位：万元"]),
          ...card("学生资助经费", "某某局（本级）", [[20, "409.62"], [36, "409.62"]]),
          // (Its 年度资金总额 left blank: the 财政拨款 under the next label is not its.)
          ...card("教师培训", "某某学院", [[36, "259.94"], [54, "44.88"]]),
          ...card("高中质量提升", "某某中学", [[20, "559.77"], [36, "379.72"], [54, "180.05"]]),
        ].join("\n"),
      ),
    );
    expect(projects(d)).toEqual([
      ["item", "某某局（本级）", "学生资助经费", "409.62", 11],
      ["item", "某某中学", "高中质量提升", "559.77", 25],
    ]);
  });

  // 宁夏's, 安徽's, 河南's cards: the sources a line each under 年度资金总额, the 项目资金 label's words wrapped beside them.
  const sourcesCard = (name: string, other: string, source = "其中：财政拨款", money = "（万元）") => [
    at([0, "项目名称"], [18, name]),
    at([0, "主管部门"], [18, "某某局"], [50, "实施单位"], [66, "某某局（本级）"]),
    at([0, "项目资金"], [18, "年度资金总额"], [48, "317.88"]),
    at([0, money], [18, source], [48, "276.35"]),
    at([18, "其他资金"], [48, other]),
    at([0, "年度总体目标"], [18, "按计划完成各项任务。"]),
    at([0, "绩效指标"], [18, "一级指标"], [34, "二级指标"], [52, "三级指标"], [74, "指标值"]),
    at([18, "产出指标"], [34, "数量指标"], [52, "项目完成率"], [74, "100"]),
  ];
  const cards = (...lines: string[][]) => load(doc(summary, ["                                项目支出绩效目标表", at([80, "单位：万元"]), ...lines.flat()].join("\n")));
  const sources = (d: BudgetDocument) => table(d, "project-performance")?.rows.map((r) => ["allocation", "general-public", "other-funds"].map((k) => amountOf(r, k)?.text ?? null));
  const rowTotals = (d: BudgetDocument) => check(d).filter((f) => f.ruleId === "row-total" && f.severity === "error");

  it("a card's sources under its 年度资金总额 (其中：财政拨款 · 其中：一般公共预算, 其他资金) are read, and 年度资金总额 = Σ them", () => {
    const d = cards(sourcesCard("数字图书馆建设", "41.53"));
    expect(sources(d)).toEqual([["276.35", null, "41.53"]]);
    expect(rowTotals(d)).toEqual([]);
    expect(sources(cards(sourcesCard("数字图书馆建设", "41.53", "其中：一般公共预算")))).toEqual([[null, "276.35", "41.53"]]);
    // 其他资金 typed 51.53: the card no longer adds up.
    const typed = rowTotals(cards(sourcesCard("数字图书馆建设", "51.53")));
    expect(typed.map((f) => [f.location?.line, f.stated, f.computed])).toEqual([[13, "317.88", "327.88"]]);
  });

  it("a card's sources not as the form prints them are not read: no 其他资金, a source twice, cards naming their source differently", () => {
    const noOther = cards([...sourcesCard("数字图书馆建设", "41.53").slice(0, 4), ...sourcesCard("数字图书馆建设", "41.53").slice(5)]);
    expect(sources(noOther)).toEqual([[null, null, null]]);
    expect(rowTotals(noOther)).toEqual([]);
    const twice = sourcesCard("数字图书馆建设", "41.53");
    twice[3] = at([0, "（万元）"], [18, "其中：财政拨款"], [30, "276.35"], [40, "其中：财政拨款"], [48, "276.35"]);
    expect(sources(cards(twice))).toEqual([[null, null, null]]);
    const mixed = cards(sourcesCard("数字图书馆建设", "41.53"), sourcesCard("文物保护", "41.53", "其中：一般公共预算"));
    expect(sources(mixed)).toEqual([[null, null, null], [null, null, null]]);
  });

  // 河南's, 陕西's, 成都's 部门整体支出绩效目标表: no header of amount columns, the funding a box of labels and figures.
  const wholeBox = (fiscal: string, [label, source, spending]: [string, string, string] = ["预算资金（万元）", "其中：一般公共预算拨款", "支出预算"]) =>
    load(
      doc(
        summary,
        [
          "                              2026年部门整体支出绩效目标表",
          at([0, "部门名称：某某局"], [80, "单位：万元"]),
          at([0, label], [18, "资金总额"], [48, "7777.60"]),
          at([0, spending], [18, source], [48, fiscal]),
          at([18, "其他资金"], [48, "60.50"]),
          at([0, "整体绩效目标"], [18, "完成年度各项任务。"]),
          at([0, "产出指标"], [18, "数量指标"], [40, "统计调查项目"], [70, "≥30个"]),
        ].join("\n"),
      ),
    );
  const box = (d: BudgetDocument) => table(d, "performance")?.rows.filter((r) => r.kind === "total").map((r) => [r.name, amountOf(r, "total")?.text, amountOf(r, "fiscal")?.text, amountOf(r, "other")?.text]);

  it("a 部门整体支出绩效目标表's box 资金总额 / 其中：一般公共预算拨款 (财政拨款) / 其他资金 is a row, 资金总额 = Σ its sources", () => {
    expect(box(wholeBox("7717.10"))).toEqual([["资金总额", "7777.60", "7717.10", "60.50"]]);
    expect(rowTotals(wholeBox("7717.10"))).toEqual([]);
    expect(box(wholeBox("7717.10", ["年度部门整体", "财政拨款", "支出预算"]))).toEqual([["资金总额", "7777.60", "7717.10", "60.50"]]);
    const typed = rowTotals(wholeBox("8717.10"));
    expect(typed.map((f) => [f.location?.line, f.stated, f.computed])).toEqual([[11, "7777.6", "8777.6"]]);
    // With 上年结转 among its sources (no column of the kind holds it): not read.
    expect(box(wholeBox("7717.10", ["预算资金（万元）", "上年结转", "支出预算"]))).toEqual([]);
  });
});

describe("a 三公 table with its items as rows and the funds as columns (广州)", () => {
  const sanggong = (abroad: string) =>
    doc(
      summary,
      [
        "                           财政拨款安排的行政经费及“三公”经费预算表",
        "                                                                        单位：万元",
        "                 项目                合计               一般公共预算          政府性基金预算      国有资本经营预算",
        "行政经费                                    990.04           990.04           0.00          0.00",
        "“三公”经费                                  149.77           149.77           0.00          0.00",
        `  其中：（一）因公出国（境）支出                       ${abroad}           ${abroad}           0.00          0.00`,
        "       （二）公务用车购置及运行维护支出                     12.88        12.88            0.00          0.00",
        "          1.公务用车购置费                          0.00            0.00         0.00          0.00",
        "          2.公务用车运行维护费                       12.88        12.88            0.00          0.00",
        "       （三）公务接待费支出                            9.89            9.89         0.00          0.00",
      ].join("\n"),
    );

  it("one row per column, each figure at its item's line: 合计 this year's, then each fund's", () => {
    const d = load(sanggong("127.00"));
    const t = table(d, "sanggong")!;
    expect(t.rows.map((r) => [r.name, amountOf(r, "total")?.text, amountOf(r, "abroad")?.text, amountOf(r, "vehicle-operation")?.text, amountOf(r, "reception")?.text])).toEqual([
      ["合计", "149.77", "127.00", "12.88", "9.89"],
      ["一般公共预算", "149.77", "127.00", "12.88", "9.89"],
      ["政府性基金预算", "0.00", "0.00", "0.00", "0.00"],
      ["国有资本经营预算", "0.00", "0.00", "0.00", "0.00"],
    ]);
    expect(t.rows[0].role).toBe("current-year");
    expect(errors(d)).toEqual([]);
  });

  it("fails: a misprinted item is an error in each column it breaks", () => {
    const e = errors(load(sanggong("128.00"))).filter((f) => f.ruleId === "row-total");
    expect(e.map((f) => [f.location.line, f.stated, f.computed])).toEqual([
      [13, "149.77", "150.77"],
      [13, "149.77", "150.77"],
    ]);
  });

  it("fails: 合计 is the sum of the funds item by item: 行政经费 in 政府性基金预算 misprinted is an error at its line", () => {
    const text = sanggong("127.00").replace("990.04           990.04           0.00", "990.04           990.04           3.00");
    const e = errors(load(text)).filter((f) => f.ruleId === "hierarchy-sum");
    expect(e.map((f) => [f.location.line, f.stated, f.computed, f.column])).toEqual([[12, "990.04", "993.04", "行政经费"]]);
    expect(e[0].related).toEqual(expect.arrayContaining([expect.objectContaining({ line: 12 })]));
  });
});

describe("a 财政拨款收支总表 that prints 上年结转 by fund under it", () => {
  const withCarryover = [
    "                                    部门收支总表",
    "                                                                                           单位：万元",
    "          项       目               预算数                        项   目                   预算数",
    "一、一般公共预算拨款收入                            100.00 一、一般公共服务支出                                100.00",
    "本年收入合计                                  100.00 本年支出合计                                    100.00",
    "上年结转                                     20.00 结转下年                                       20.00",
    "              收   入   总   计             120.00                支   出   总   计              120.00",
    "",
  ].join("\n");
  const allocation = (general: string) =>
    doc(
      withCarryover,
      [
        "                                      财政拨款收支总表",
        "                                                                                               单位：万元",
        "                 项目                   预算数                           项目                   预算数",
        "一、本年收入                                      100.00   一、本年支出                                 100.00",
        "（一）一般公共预算拨款                                 100.00   （一）一般公共服务支出                            100.00",
        "二、上年结转                                      20.00",
        `（一）一般公共预算拨款                                  ${general}    二、结转下年                              20.00`,
        "（二）政府性基金预算拨款",
        "（三）国有资本经营预算拨款",
        "         收   入        总   计                 120.00                支   出       总   计         120.00",
        "",
      ].join("\n"),
    );

  it("上年结转 = Σ the funds printed under it", () => {
    const d = load(allocation("20.00"));
    expect(d.unknownTables).toEqual([]);
    expect(errors(d)).toEqual([]);
  });

  it("fails: a fund of the carry-over misprinted is an error at its line", () => {
    const e = errors(load(allocation("23.00"))).filter((f) => f.ruleId === "hierarchy-sum");
    // At 上年结转's line, the misprinted fund's line among the figures it sums.
    expect(e.map((f) => [f.location.line, f.stated, f.computed, f.related.map((r) => r.line)])).toEqual([[16, "20", "23", [17]]]);
  });
});

describe("a document that prints no function code: 类 / 款 / 项 by name only (杭州)", () => {
  // The 收支总表 lists the expenditure items by name; the 支出总表 prints the same names, no code, under a
  // header of seven amount columns and their numbering row.
  const named = (item: string, row: string) =>
    doc(
      [
        "                                    部门收支预算总表",
        "                                                                                           单位：万元",
        "          项       目               预算数                        项   目                   预算数",
        "一、一般公共预算拨款收入                            100.00 科学技术支出                                  " + item,
        "                                                  技术研究与开发                                " + item,
        "                                                  社会保障和就业支出                               72.00",
        "本年收入合计                                  100.00 本年支出合计                                    100.00",
        "              收   入   总   计             100.00                支   出   总   计              100.00",
        "",
      ].join("\n"),
      [
        "                         部门支出预算总表",
        "                                                                                     单位:万元",
        "                                                    基本支出                                        对附属单",
        "                                                                                   事业单位   上缴上",
        "              功能分类科目名称          总计                         日常公用支        项目支出                    位补助支",
        "                                              人员支出                                 经营支出   级支出",
        "                                                             出                                   出",
        "                 **              1             2             3            4         5      6      7",
        "合计                                 100.00        70.00         2.00        28.00",
        row,
        " 技术研究与开发                              28.00                                28.00",
        "社会保障和就业支出                            72.00         70.00         2.00",
        "",
      ].join("\n"),
    );
  const good = "科学技术支出                                28.00                                28.00";

  it("the 收支总表's items are compared by name with the 支出总表's rows", () => {
    const d = load(named("28.00", good));
    expect(d.unknownTables).toEqual([]);
    expect(errors(d)).toEqual([]);
  });

  it("fails: an item of the 收支总表 that is not the 支出总表's row of its name is an error at its line", () => {
    const e = errors(load(named("31.00", good))).filter((f) => f.ruleId === "items-vs-units");
    expect(e.map((f) => [f.location.line, f.item, f.stated, f.computed])).toEqual([
      [6, "科学技术支出", "31", "28"],
      [7, "技术研究与开发", "31", "28"],
    ]);
  });

  it("fails: a row of the 支出总表 that adds up in no placement is read where its figures stand, and is an error", () => {
    // 31.00 under 总计 and 28.00 under 项目支出: placed by their distance apart alone, they would as well
    // fit 人员支出 and 事业单位经营支出; the rows that add up show where each column's figures end.
    const d = load(named("28.00", good.replace("28.00      ", "31.00      ")));
    expect(d.unknownTables).toEqual([]);
    const t = table(d, "expenditure")!;
    const row = t.rows.find((r) => r.name === "科学技术支出")!;
    expect([amountOf(row, "total")?.text, amountOf(row, "project")?.text, amountOf(row, "personnel")?.text]).toEqual(["31.00", "28.00", undefined]);
    expect(errors(d).filter((f) => f.ruleId === "row-total").map((f) => [f.location.line, f.stated, f.computed])).toEqual([[21, "31", "28"]]);
  });
});

describe("a 财政拨款收支总表 that spends last year's carry-over beside tables of this year's budget only", () => {
  // 本年收入 100 + 上年结转 20 = 本年支出 (spent), while the 一般公共预算支出表 prints this year's 100.
  // The department's 收支总表: 150 spent on 201 (the allocations' 100 and carry-over 20, and 30 of its own).
  const all = [
    "                                    部门收支总表",
    "                                                                                           单位：万元",
    "          项       目               预算数                        项   目                   预算数",
    "一、一般公共预算拨款收入                            100.00 一、一般公共服务支出                                150.00",
    "二、其他收入                                     30.00",
    "本年收入合计                                  130.00 本年支出合计                                    150.00",
    "上年结转                                     20.00",
    "              收   入   总   计             150.00                支   出   总   计              150.00",
    "",
  ].join("\n");
  const central = (spent: string) =>
    doc(
      all,
      [
        "                                      财政拨款收支总表",
        "                                                                                               单位：万元",
        "                 项目                   预算数                           项目                   预算数",
        `一、本年收入                                      100.00   一、本年支出                                 ${spent}`,
        `（一）一般公共预算拨款                                 100.00   （一）一般公共服务支出                            ${spent}`,
        "二、上年结转                                      20.00",
        `         收   入        总   计                 ${spent}                支   出       总   计         ${spent}`,
        "",
      ].join("\n"),
      [
        "                                          一般公共预算支出表",
        "                                                                              单位：万元",
        "科目编码         科目名称          小计        基本支出       项目支出",
        "201       一般公共服务支出      100.00   60.00   40.00",
        "           合   计        100.00   60.00   40.00",
      ].join("\n"),
    );

  it("its 本年支出 is checked against the tables' 合计 + 上年结转, its items are not compared code by code (a note says why)", () => {
    const d = load(central("120.00"));
    const f = check(d).filter((x) => x.ruleId === "items-vs-units");
    expect(f.map((x) => [x.severity, x.table])).toEqual([["info", "T4"]]);
    expect(f[0].message).toMatch(/carry-over 20.00/);
    expect(errors(d)).toEqual([]);
  });

  it("fails: 本年支出 that is not the tables' 合计 + 上年结转 is an error", () => {
    const e = errors(load(central("125.00"))).filter((x) => x.ruleId === "items-vs-units");
    expect(e.map((x) => [x.stated, x.computed])).toEqual([["125", "120"]]);
  });
});

describe("the other provinces' documents: figures where their pages print them", () => {
  const real = (name: string) => {
    const file = join(ROOT, "fixtures", "other-provinces", `${name}.txt`);
    return loadLayoutText(file, readFileSync(file, "utf8"));
  };
  const cells = (d: BudgetDocument, kind: TableKind, label: string) => {
    const r = table(d, kind)!.rows.find((x) => (x.code ?? x.name ?? x.label) === label)!;
    return Object.fromEntries(Object.entries(r.cells).filter(([, c]) => c.amount).map(([k, c]) => [k, c.text]));
  };

  it("杭州's 三公: by the column numbering row (** 1 2 3 …), 18.00 under 公务用车运行维护费, not 购置费", () => {
    const d = real("hangzhou_meteorological-bureau_2026_dept-budget");
    expect(cells(d, "sanggong", "合计")).toEqual({ total: "24.02", vehicle: "18.00", "vehicle-operation": "18.00", reception: "6.02" });
    // Names without codes, each row's identities checked; units' names wrapped around their figures joined.
    expect(cells(d, "general-function", "行政运行")).toEqual({ total: "2,617.19", basic: "2,617.19", personnel: "1,907.01", public: "710.18" });
    expect(table(d, "income")!.rows.map((r) => r.name)).toEqual(["合计", "杭州市气象局", "杭州市气象局", "杭州市气象服务中心（杭州市预警信息发布中心）"]);
  });

  it("杭州's 三公 by unit: a unit's name wrapped around its figures' line is its row's whole name", () => {
    const d = real("hangzhou_meteorological-bureau_2026_dept-budget");
    const rows = table(d, "sanggong")!.rows;
    expect(rows.map((r) => [r.role, r.name, r.unit ?? null])).toEqual([
      ["current-year", "合计", null],
      ["unit", "杭州市气象局", "杭州市气象局"],
      ["unit", "杭州市气象服务中心（杭州市预警信息发布中心）", "杭州市气象服务中心（杭州市预警信息发布中心）"],
    ]);
    // The row is where its figures are printed, between the two lines of its name.
    expect(rows[2].location!.line).toBe(rows[1].location!.line! + 2);
    expect(cells(d, "sanggong", "杭州市气象服务中心（杭州市预警信息发布中心）")).toEqual({ total: "10.89", vehicle: "10.80", "vehicle-operation": "10.80", reception: "0.09" });
  });

  it("杭州's 项目支出预算表: each project with its unit (单位名称 | 项目名称), a unit's name wrapped around its line joined", () => {
    const d = real("hangzhou_meteorological-bureau_2026_dept-budget");
    const t = table(d, "project-summary")!;
    expect(t.rows.map((r) => [r.kind, r.unit, r.name])).toEqual([
      ["department", null, "合计"],
      ["item", "杭州市气象局", "气象业务建设"],
      ["item", "杭州市气象局", "气象设施维护及科普"],
      ["item", "杭州市气象服务中心（杭州市预警信息发布中心）", "专业系统维护及科普"],
    ]);
    expect(cells(d, "project-summary", "专业系统维护及科普")).toEqual({ total: "146.69", "general-public": "118.00", "unit-funds": "28.69" });
    // The 单位资金 of each row under 单位资金 (the numbering row's 6), not 财政专户管理资金 (its 5).
    expect(cells(d, "project-summary", "合计")).toEqual({ total: "2,131.61", "general-public": "2,008.00", "unit-funds": "123.61" });
  });

  it("广州's cover: the year on a line of its own above 广州市科学技术局部门预算 is the document's year", () => {
    const d = real("guangzhou_science-and-technology-bureau_2026_dept-budget");
    expect([d.year, d.department]).toEqual([2026, "广州市科学技术局"]);
  });

  it("广州's 项目支出及其他支出预算表: read without its 绩效目标, names wrapped around their figures whole, units at the margin", () => {
    const d = real("guangzhou_science-and-technology-bureau_2026_dept-budget");
    const t = table(d, "project-summary")!;
    expect(t.rows.filter((r) => r.kind === "unit").map((r) => r.name)).toEqual(["广州市科学技术局", "广州市科技项目评审中心", "广州市科学技术发展战略研究院"]);
    expect(t.rows.filter((r) => r.kind === "item").length).toBe(31);
    const byName = (n: string) => t.rows.find((r) => r.name === n)!;
    // A name over three lines (广州市科学技术局 / 2025—2026年信息化运维项 92.10 … / 目), the first line indented.
    expect(byName("广州市科学技术局2025—2026年信息化运维项目")).toMatchObject({ kind: "item", unit: "广州市科学技术局" });
    // Its last line beside the words of the targets (升工作经费 | 平，培养产业发展…): no header, part of the name.
    expect(byName("科技创新服务与能力提升工作经费")).toMatchObject({ kind: "item", unit: "广州市科学技术发展战略研究院" });
    expect(byName("人才支撑计划—“GJYC”创新创业人才引进（高校和科研机构领域）").unit).toBe("广州市科学技术局");
    expect(cells(d, "project-summary", "合作共建广东省灵山论坛科学中心")).toEqual({ total: "500.00", allocation: "500.00", "general-public": "500.00", "gov-fund": "0.00", "state-capital": "0.00", "special-account": "0.00", "other-funds": "0.00" });
    // No word of a 绩效目标 in any name, no row past the table's last (科技资源配套服务经费).
    expect(t.rows.some((r) => /[，。]/.test(r.name ?? ""))).toBe(false);
    expect(t.rows[t.rows.length - 1].name).toBe("科技资源配套服务经费");
  });

  it("江苏's 三公 with 会议费 and 培训费: figures flush left under their labels", () => {
    const d = real("jiangsu_provincial-procuratorate_2019_dept-budget");
    expect(cells(d, "sanggong", "“三公”经费表")).toEqual({ "grand-total": "1276.7", total: "418.26", abroad: "80", vehicle: "237", "vehicle-operation": "237", reception: "101.26", meeting: "158.44", training: "700" });
  });

  it("the central department's 表6 over two pages laid out at different widths, and 表2 as one unlabelled line", () => {
    const d = real("central_national-public-complaints-and-proposals-admin_2026_dept-budget");
    expect(cells(d, "general-basic-economic", "30212")).toEqual({ total: "30.36", public: "30.36" });
    expect(cells(d, "general-basic-economic", "303")).toEqual({ total: "884.54", personnel: "884.54" });
    expect(cells(d, "income", "合计")).toEqual({ total: "50,616.94", carryover: "2,254.12", "general-public": "16,474.82", "other-income": "31,888.00" });
    expect(cells(d, "general-function", "2014099")).toEqual({ total: "3,623.98", project: "3,623.98", prior: "25,143.24", "prior-adjusted": "1,601.04", "budget-adjusted": "3,623.98", change: "-21,519.26", "change-adjusted": "2,022.94" });
  });

  it("广州's codes in brackets and names wrapped around their code line", () => {
    const d = real("guangzhou_science-and-technology-bureau_2026_dept-budget");
    expect(table(d, "expenditure")!.rows.filter((r) => r.code?.startsWith("20805")).map((r) => [r.code, r.name])).toEqual([
      ["20805", "行政事业单位养老支出"],
      ["2080501", "行政单位离退休"],
      ["2080502", "事业单位离退休"],
      ["2080505", "机关事业单位基本养老保险缴费支出"],
      ["2080506", "机关事业单位职业年金缴费支出"],
    ]);
    expect(table(d, "general-function")!.rows.filter((r) => r.kind === "code")).toHaveLength(32);
  });
});

describe("the written parts' 一般公共预算基本支出 where the function table prints 合计 only (江苏)", () => {
  const text = (stated: string) =>
    doc(
      "八、一般公共预算基本支出预算情况说明",
      `2026年一般公共预算基本支出 ${stated} 万元。`,
      "",
      summary,
      [
        "                                          一般公共预算支出表（功能科目）",
        "                                                                              单位：万元",
        "科目编码         科目名称                      合计",
        "201       一般公共服务支出                 100.00",
        "           合   计                         100.00",
        "",
      ].join("\n"),
      basicByEconomic([
        "301          工资福利支出                         60.00         60.00",
        "302          商品和服务支出                         40.00                       40.00",
        "                  合   计                      100.00         60.00         40.00",
      ]),
    );

  it("is the 一般公共预算基本支出表's 合计", () => {
    const d = load(text("100.00"));
    expect(table(d, "general-function")!.columns.map((c) => c.key)).not.toContain("basic");
    expect(errors(d)).toEqual([]);
  });

  it("fails: a figure that is not that 合计 is an error at its line", () => {
    const e = errors(load(text("90.00"))).filter((f) => f.ruleId === "text-vs-table");
    expect(e.map((f) => [f.location.line, f.stated, f.computed])).toEqual([[4, "90", "100"]]);
  });
});

describe("a nil printed as a dash (- — －) instead of 0.00", () => {
  // 广州's 收支总体情况表 with its zeros printed as dashes: a dash one space from the next label is no part of it.
  const twoSided = (zero: string, science: string) =>
    doc(
      [
        "                           收支总体情况表",
        "                                                                 单位：万元",
        "                收入                                  支出",
        "         项目           预算                     项目          预算",
        "一、预算拨款                     100.00 一、一般公共服务支出                  20.00",
        `二、财政专户拨款                       ${zero} 二、外交支出                          ${zero}`,
        `三、事业收入                         ${zero} 三、科学技术支出                  ${science}`,
        "      本年收入合计                        100.00        本年支出合计               100.00",
        `上年结转结余                                    ${zero} 结转结余下年                            ${zero}`,
        "         收入总计                       100.00          支出总计               100.00",
        "",
      ].join("\n"),
    );
  const items = (d: BudgetDocument) => table(d, "summary")!.rows.map((r) => [r.label, amountOf(r, "amount")?.text ?? ""]);

  it("holds its column and is read as nil: the same rows as with 0.00, and they add up", () => {
    const zeros = load(twoSided("0.00", "80.00"));
    for (const dash of ["-", "—", "－"]) {
      const d = load(twoSided(dash.padStart(4), "80.00"));
      expect(items(d).map(([label]) => label)).toEqual(items(zeros).map(([label]) => label));
      expect(items(d).filter(([, a]) => a)).toEqual(items(zeros).filter(([, a]) => a !== "0.00"));
      expect(errors(d)).toEqual([]);
    }
  });

  it("fails: a misprinted item beside dashes is an error at its line", () => {
    const e = errors(load(twoSided("   -", "83.00"))).filter((f) => f.ruleId === "hierarchy-sum");
    expect(e.map((f) => [f.location.line, f.stated, f.computed])).toEqual([[10, "100", "103"]]);
  });
});

describe("a summary of three sides (收入 | 支出 by function | 支出 by purpose: 江苏's 收支预算总表)", () => {
  // The document's own pages: 公开01表 (lines 310–347) to 公开07表 (lines 482–507), page numbers and all.
  const file = join(ROOT, "fixtures", "other-provinces", "jiangsu_provincial-procuratorate_2019_dept-budget.txt");
  const lines = readFileSync(file, "utf8").split("\n");
  const excerpt = (edit: (ls: string[]) => void = () => {}) => {
    const ls = lines.slice(0, 508);
    edit(ls);
    return loadLayoutText(file, ls.join("\n"));
  };
  const row = (d: BudgetDocument, side: string, label: string) => table(d, "summary")!.rows.find((r) => r.side === side && r.name === label);

  it("reads the income side and the expenditure by function; the purpose side left out but for the totals it spans", () => {
    const d = excerpt();
    const t = table(d, "summary")!;
    const named = (side: string) => t.rows.filter((r) => r.side === side && amountOf(r, "amount")).map((r) => [r.role ?? r.code ?? r.name, amountOf(r, "amount")!.text]);
    expect(named("income")).toEqual([["gov-allocation", "24,169.74"], ["general-public", "24,169.74"], ["income-subtotal", "24,169.74"], ["income-total", "24,169.74"]]);
    expect(named("expenditure")).toEqual([["204", "16,593.12"], ["208", "1,890.27"], ["221", "5,686.35"], ["expenditure-subtotal", "24,169.74"], ["expenditure-total", "24,169.74"]]);
    // A label wrapped around a line of the other side (2.政府性基金预 / 三、国防支出 / 算) is read whole, with its role;
    // 三、国防支出 does not take the purpose side's 3,990.40 printed on its line.
    expect(row(d, "income", "政府性基金预算")?.role).toBe("gov-fund");
    expect(row(d, "income", "财政专户管理资金")?.role).toBe("special-account");
    expect(amountOf(row(d, "expenditure", "国防支出"), "amount")).toBeNull();
    expect(errors(d)).toEqual([]);
  });

  it("fails: a mistyped figure of the function side is an error, and the diagnosis names it", async () => {
    const d = excerpt((ls) => (ls[325] = ls[325].replace("16,593.12", "16,539.12")));
    // 当年支出小计 is no longer the sum of the 类, and the item is not its code's in the 财政拨款支出表 (the budget is
    // all government allocation, and the 支出总表 prints no row by function) …
    expect(errors(d).map((f) => [f.ruleId, f.location.line, f.stated, f.computed])).toEqual([
      ["hierarchy-sum", 345, "24169.74", "24115.74"],
      ["items-vs-units", 326, "16539.12", "16593.12"],
    ]);
    // … and of the figures that sum, the one the other tables contradict is 公共安全支出's (表5 and 表7: 16,593.12).
    const found = await checkDocument(d, { tolerance: { kind: "auto" }, severities: {}, lang: "en" });
    expect(found.filter((f) => f.ruleId === "diagnosis" && f.severity === "error").map((f) => [f.location.line, f.stated, f.computed])).toEqual([[326, "16539.12", "16593.12"]]);
  });
});

describe("a 收入总表 listing budget units under 合计 (单位名称 | 合计 | sources), no codes", () => {
  // The summary on lines 3–7; the list from line 9: 合计 on 13, the rows after it on 14, 15, 16.
  const income = (rows: string[]) =>
    doc(
      summary,
      [
        "                                   收入总表",
        "单位名称：某某局                                                          单位：万元",
        "",
        "       单位名称              合计          一般公共预算       政府性基金预算",
        "       合计                100.00           100.00             0.00",
        ...rows,
      ].join("\n"),
    );
  const kinds = (d: BudgetDocument) => table(d, "income")!.rows.map((r) => [r.kind, r.name, amountOf(r, "total")?.text]);

  it("each row is a budget unit, and 合计 = Σ units in every column", () => {
    const d = load(income(["某某局（本级）            70.00            70.00             0.00", "某某中心                  30.00            30.00             0.00"]));
    expect(kinds(d)).toEqual([
      ["department", "合计", "100.00"],
      ["unit", "某某局（本级）", "70.00"],
      ["unit", "某某中心", "30.00"],
    ]);
    expect(errors(d)).toEqual([]);
  });

  it("fails: a unit's 一般公共预算 mistyped breaks 合计 = Σ units in that column: an error at 合计, the unit among its parts", () => {
    const e = errors(load(income(["某某局（本级）            70.00            73.00             0.00", "某某中心                  30.00            30.00             0.00"])));
    const sums = e.filter((f) => f.ruleId === "hierarchy-sum");
    expect(sums.map((f) => [f.location.line, f.column, f.stated, f.computed])).toEqual([[13, "一般公共预算", "100", "103"]]);
    expect(sums[0].related.map((r) => r.line)).toEqual([14, 15]);
  });

  it("the department's line at the margin with its units indented under it (杭州) groups them: not a unit", () => {
    const d = load(income(["某某局                    100.00           100.00             0.00", "  某某局                   70.00            70.00             0.00", "  某某中心                 30.00            30.00             0.00"]));
    expect(kinds(d).map(([k]) => k)).toEqual(["department", "department", "unit", "unit"]);
    expect(errors(d)).toEqual([]);
  });

  it("so is a first line whose name the list prints again (the same list without its indentation)", () => {
    const d = load(income(["某某局                    100.00           100.00             0.00", "某某局                    70.00            70.00             0.00", "某某中心                  30.00            30.00             0.00"]));
    expect(kinds(d).map(([k]) => k)).toEqual(["department", "department", "unit", "unit"]);
    expect(errors(d)).toEqual([]);
  });
});

describe("the department named in a table's heading", () => {
  it("部门名称：某局 and 单位：万元 on one line: the unit is no part of the department's name", () => {
    const text = ["                2026年部门支出预算总表", "部门名称：某某局                                   单位：万元", "科目名称                     合计        基本支出        项目支出", "合计                          100.00         60.00           40.00", "科学技术支出                  100.00         60.00           40.00"].join("\n");
    const d = loadLayoutText("dept.txt", text);
    expect([d.department, d.moneyUnit]).toEqual(["某某局", "万元"]);
  });
});
