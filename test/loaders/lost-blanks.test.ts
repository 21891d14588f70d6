import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadMarkdown } from "../../src/loaders/markdown.js";
import { textLine } from "../../src/loaders/raw.js";
import { parseTables } from "../../src/loaders/tables.js";
import { blanksCollapsed, collapsedHeaderLayouts, placements } from "../../src/loaders/lost-blanks.js";
import type { BudgetDocument, Row } from "../../src/model/document.js";
import { defaultTemplate } from "../../src/templates/index.js";
import type { ColumnSpec } from "../../src/templates/types.js";
import { ROOT, SEED } from "../helpers/cli.js";

// A table whose runs of tabs were written as one tab (a converter, a copy from a PDF viewer or a web page) has lost
// every blank cell: its rows are read only where what is printed leaves one placement, its two-row headers only where
// one grouping of their labels gives the template's columns; else the table is listed as not read, with why.

const collapse = (text: string) => text.replace(/\t+/g, "\t");
const seedText = readFileSync(join(ROOT, SEED), "utf8");

const text = (key: string): ColumnSpec => ({ key, kind: "text", label: key, leaf: /x/ });
const amount = (key: string): ColumnSpec => ({ key, kind: "amount", label: key, leaf: /x/ });
/** The columns of Shenzhen's 表7: 预算单位 | 科目编码 | 科目名称 | 支出总计 | 基本支出 | 项目支出. */
const FUNCTION = [text("unit"), text("code"), text("name"), amount("total"), amount("basic"), amount("project")];

describe("placements of a row that lost its blank cells", () => {
  it("a unit's row (no code, no name) begins in column 0: its name is the unit's, its amounts the three amounts", () => {
    // 深圳市科学馆 \t \t \t 2,320 \t 1,383 \t 937, its two blanks lost.
    expect(placements(["深圳市科学馆", "2,320", "1,383", "937"], FUNCTION)).toEqual([
      [
        { cell: 0, column: 0 },
        { cell: 1, column: 3 },
        { cell: 2, column: 4 },
        { cell: 3, column: 5 },
      ],
    ]);
  });

  it("a row beginning with a blank does not begin in column 0, and only a code's digits stand in the code column", () => {
    expect(placements(["", "2060701", "机构运行", "598"], FUNCTION, 5)).toHaveLength(3);
    expect(placements(["", "机构运行", "598", "598", "0"], FUNCTION, 5)).toEqual([
      [
        { cell: 1, column: 2 },
        { cell: 2, column: 3 },
        { cell: 3, column: 4 },
        { cell: 4, column: 5 },
      ],
    ]);
  });

  it("a row whose amounts fit its amount columns in more than one way has no placement to read (no guess)", () => {
    // 2060701 机构运行 598 598 with one of 支出总计 / 基本支出 / 项目支出 blank: which one is not printed.
    expect(placements(["", "2060701", "机构运行", "598", "598"], FUNCTION).length).toBe(2);
    // Words after the amounts, where only amounts can stand: none.
    expect(placements(["深圳市科学馆", "1", "2", "3", "基本支出"], FUNCTION)).toEqual([]);
  });

  it("a page is taken to have lost its blanks only when no line has a blank cell inside it", () => {
    expect(blanksCollapsed([{ cells: ["", "206", "科学技术支出", "1"] }, { cells: ["收入", "支出", ""] }])).toBe(true);
    expect(blanksCollapsed([{ cells: ["收 入", "", "支 出", ""] }])).toBe(false);
    expect(blanksCollapsed([{ cells: ["a", "1", "", ""] }])).toBe(false);
  });
});

describe("a two-row header that lost its blank cells", () => {
  it("收 入 | 支 出 over 项目 | 预算数 | 项目 | 预算数: two lower labels under each, or one and three, or three and one", () => {
    const layouts = collapsedHeaderLayouts(["收入", "支出", ""], ["项目", "预算数", "项目", "预算数"], 4);
    // The upper row ends in a blank: 支出 stands over two columns at least.
    expect(layouts).toEqual([
      ["收入/项目", "支出/预算数", "支出/项目", "支出/预算数"],
      ["收入/项目", "收入/预算数", "支出/项目", "支出/预算数"],
    ]);
  });

  it("a grouping narrower than the widest data row is not one", () => {
    const layouts = collapsedHeaderLayouts(["年度主要任务", "任务名称", "主要内容", "预算金额", ""], ["", "总额", "财政拨款", "其他资金"], 6);
    expect(layouts).toEqual([["年度主要任务", "任务名称", "主要内容", "预算金额/总额", "预算金额/财政拨款", "预算金额/其他资金"]]);
  });

  it("is refused, saying why, where more than one grouping gives the template's columns", () => {
    // 收入 | 支出 over three 项目 | 预算数 pairs: 收入 may stand over two, three or four of them.
    const doc = ["# 深圳市某局2023年部门预算", "", "表 1", "", "## 收支总表", "", "单位：万元", "", "收入\t支出", "项目\t预算数\t项目\t预算数\t项目\t预算数", "一般公共预算拨款\t10\t科学技术支出\t10\t其他\t0", ""].join("\n");
    expect(() => loadMarkdown("x.md", doc, defaultTemplate)).toThrow(/its blank cells were lost .* and its labels can be grouped into the template's columns in 3 ways/);
  });
});

describe("a table printed with no blank inside its lines", () => {
  it("is read as printed where no two-row header shows that blanks were lost (a row may end early: its writer left out the tabs at its end)", () => {
    const lines = ["一般公共预算支出表（按经济分类）", "预算单位\t科目编码\t科目名称\t支出总计\t基本支出\t项目支出\t备注", "\t501\t机关工资福利支出\t10\t10"];
    const { tables } = parseTables(lines.map((l, n) => textLine("t.md", n + 1, l)), defaultTemplate);
    const row = tables[0].rows[0];
    expect([row.code, row.cells.total?.text, row.cells.basic?.text, row.cells.project?.text]).toEqual(["501", "10", "10", ""]);
    // The same row in a document whose 收支总表 shows lost blanks: which of the three amount columns is blank is not printed.
    const shown = ["收支总表", "收入\t支出\t", "项目\t预算数\t项目\t预算数", "一般公共预算拨款\t10\t科学技术支出\t10", ...lines];
    const lost = parseTables(shown.map((l, n) => textLine("t.md", n + 1, l)), defaultTemplate);
    expect(lost.tables.map((t) => t.id)).toEqual(["T1"]);
    expect(lost.unknown.map((u) => u.title)).toEqual([expect.stringMatching(/^表8 一般公共预算支出表（按经济分类）（.*line 7 \(5 cells for 7 columns: more than one placement fits\)）$/)]);
  });
});

/** What a row was read as: its kind, unit, code, name and its cells' texts by column. */
const reading = (r: Row) => [r.kind, r.side, r.unit, r.code, r.name, Object.entries(r.cells).map(([k, c]) => `${k}=${c.text.trim()}`).sort()];

describe("the seed with its runs of tabs written as one tab", () => {
  const real: BudgetDocument = loadMarkdown(SEED, seedText, defaultTemplate);
  const lost: BudgetDocument = loadMarkdown(SEED, collapse(seedText), defaultTemplate);

  it("reads every table whose rows have one placement exactly as the real seed's", () => {
    const read = lost.tables.map((t) => t.id);
    expect(read).toEqual(["T1", "T3", "T6", "T7", "T8", "T9", "T10", "T11"]);
    for (const t of lost.tables) {
      const same = real.tables.find((x) => x.id === t.id)!;
      expect(t.columns.map((c) => c.key), t.id).toEqual(same.columns.map((c) => c.key));
      expect(t.rows.map(reading), t.id).toEqual(same.rows.map(reading));
    }
  });

  it("lists the table whose rows cannot be placed as not read, naming the rows and why", () => {
    expect(real.tables.some((t) => t.id === "T12")).toBe(true);
    const unread = (lost.unknownTables ?? []).map((u) => u.title);
    expect(unread).toHaveLength(1);
    expect(unread[0]).toMatch(/^表12 部门整体支出绩效目标表（.*blank cells lost .*line 861 \(4 cells for 6 columns: more than one placement fits\)/);
  });
});
