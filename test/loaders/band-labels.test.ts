import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { headerLeaves, nameColumns } from "../../src/loaders/layout/header.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { layoutLines, tokensOf } from "../../src/loaders/layout/tokens.js";
import { amountOf, table, type BudgetDocument, type TableKind } from "../../src/model/document.js";
import { rules } from "../../src/rules/index.js";
import { generic } from "../../src/templates/generic.js";
import { cellsAt, SMALL_SUMMARY } from "../helpers/layout.js";

/*
 * Two header forms of 四川's 部门预算 tables (test/fixtures/sichuan-2025 has the whole document), read by kind:
 * a band label over every amount column naming the table's fund or scope (当年财政拨款安排 over 合计 · 基本支出 ·
 * 项目支出), and a label wrapped in its cell whose next line is set off its first (因公出国 / （境）费).
 */

const at = cellsAt;

const specsOf = (kind: TableKind) => generic.tables.find((t) => t.kind === kind)!.columns;
const named = (kind: TableKind, lines: string[], options: Parameters<typeof headerLeaves>[1] = {}) => nameColumns(headerLeaves(layoutLines(lines.join("\n")).map(tokensOf), options), specsOf(kind));

const doc = (...tables: string[]) => ["2025年某某局部门预算", "", ...tables].join("\n");
const load = (text: string): BudgetDocument => loadLayoutText("doc.txt", text);
const errors = (d: BudgetDocument) => runRules(d, rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error");

const summary = SMALL_SUMMARY;

/** 一般公共预算基本支出表 with `band` printed over its amount columns, at `bandAt` (on the line above the labels). */
const basicByEconomic = (band: string, bandAt: number, rows: string[]) =>
  [
    "                            一般公共预算基本支出预算表",
    "                                                                          单位：万元",
    at([3, "科目编码"], [16, "科目名称"], [bandAt, band]),
    at([36, "合计"], [48, "人员经费"], [62, "公用经费"]),
    ...rows,
  ].join("\n");

const rows = (wages = "60.00") => [
  at([0, "301"], [10, "工资福利支出"], [34, "60.00"], [48, wages]),
  at([0, "30101"], [10, "基本工资"], [34, "60.00"], [48, "60.00"]),
  at([0, "302"], [10, "商品和服务支出"], [34, "40.00"], [64, "40.00"]),
  at([0, "30201"], [10, "办公费"], [34, "40.00"], [64, "40.00"]),
  at([6, "合   计"], [33, "100.00"], [48, "60.00"], [64, "40.00"]),
];

describe("a band label over every amount column (四川's 当年财政拨款安排)", () => {
  it("is the table's scope, not part of the labels under it: the table reads, each figure in its column", () => {
    // 当年财政拨款安排 centred over 合计 · 人员经费 · 公用经费, on the line of 科目编码 and 科目名称.
    const d = load(doc(summary, basicByEconomic("当年财政拨款安排", 44, rows())));
    expect(d.unknownTables).toEqual([]);
    const t = table(d, "general-basic-economic")!;
    const figures = (key: string) => t.rows.map((r) => amountOf(r, key)?.text ?? "-").join(" ");
    expect(t.rows.map((r) => r.code ?? r.name)).toEqual(["301", "30101", "302", "30201", "合计"]);
    expect([figures("total"), figures("personnel"), figures("public")]).toEqual(["60.00 60.00 40.00 40.00 100.00", "60.00 60.00 - - 60.00", "- - 40.00 40.00 40.00"]);
    expect(errors(d)).toEqual([]);
  });

  it("fails: a misprinted figure in a table under a band is an error at its line", () => {
    const d = load(doc(summary, basicByEconomic("当年财政拨款安排", 44, rows("61.00"))));
    expect(d.unknownTables).toEqual([]);
    // 301's 人员经费 printed 61.00 beside its 合计 60.00 and its one item 30101's 60.00 (line 13).
    expect(errors(d).filter((f) => f.ruleId === "row-total").map((f) => [f.location.line, f.stated, f.computed])).toEqual([[13, "60", "61"]]);
  });

  it("fails: a label over some of the columns only (off the amounts' centre) is not a band: the table stays listed", () => {
    const d = load(doc(summary, basicByEconomic("当年财政拨款安排", 52, rows())));
    expect(table(d, "general-basic-economic")).toBeUndefined();
    expect(d.unknownTables?.map((u) => u.title)).toEqual([expect.stringContaining("header not understood: 当年财政拨款安排")]);
  });

  it("the first line of a label wrapped in its cell, alone above the labels beside it, stays that label's (一般公共 / 预算拨款 / 收入)", () => {
    const income = [
      "                            部门收入总表",
      "                                                                          单位：万元",
      at([44, "一般公共"]),
      at([3, "科目编码"], [16, "科目名称"], [34, "合计"], [44, "预算拨款"], [56, "其他收入"]),
      at([45, "收入"]),
      at([0, "201"], [10, "一般公共服务支出"], [32, "100.00"], [44, "90.00"], [57, "10.00"]),
      at([6, "合   计"], [32, "100.00"], [44, "90.00"], [57, "10.00"]),
    ].join("\n");
    const d = load(doc(summary, income));
    expect(d.unknownTables).toEqual([]);
    const t = table(d, "income")!;
    expect(t.rows.map((r) => [r.code ?? r.name, amountOf(r, "general-public")?.text ?? "", amountOf(r, "other-income")?.text ?? ""])).toEqual([
      ["201", "90.00", "10.00"],
      ["合计", "90.00", "10.00"],
    ]);
  });
});

describe("a label wrapped in its cell, its next line set off its first (因公出国 / （境）费)", () => {
  // Read so only when the header read otherwise leaves columns unnamed (genericColumns): a piece half under a wider
  // one is as often a label of its own (a LibreOffice PDF's project table, 江苏's 三公 at another spacing).
  const sanggong = (wrapAt: number, wrapped: "centred" | "in-cell" = "in-cell") =>
    named(
      "sanggong",
      [
        at([2, "单位编码"], [14, "单位名称"], [30, "合计"], [40, "因公出国"], [56, "公务用车购置及运行费"], [84, "公务接待费"]),
        at([wrapAt, "（境）费"], [54, "小计"], [64, "购置费"], [74, "运行费"]),
      ],
      { wrapped },
    );

  it("read first as before: the piece is a label of its own, a column left unnamed", () => {
    expect(sanggong(44, "centred").unnamed).not.toEqual([]);
  });

  it("half or more under its first line, and the only piece under it: one label", () => {
    const h = sanggong(44);
    expect(h.unnamed).toEqual([]);
    expect(h.specs.map((s) => s.key)).toEqual(["total", "abroad", "vehicle", "vehicle-purchase", "vehicle-operation", "reception"]);
  });

  it("fails: less than half under it, a label of its own (not named: the table stays listed)", () => {
    expect(sanggong(46).unnamed).toEqual(["公务用车购置及运行费/(境)费"]);
  });
});
