import { describe, expect, it } from "vitest";
import { textLine } from "../../src/loaders/raw.js";
import { parseTables, type WrappedText } from "../../src/loaders/tables.js";
import type { Row, Table } from "../../src/model/document.js";
import { defaultTemplate } from "../../src/templates/index.js";

/*
 * Cells wrapped onto a line of their own by a converter that reads a PDF by its text lines (wrapped-tails.ts): the
 * tail, alone under its column, is joined to the row above where what is printed says it is one; a line of words
 * without figures that may be a row (blank cells are zeros) stays one.
 */

const SUMMARY = `表 1
收支总表
收 入\t\t支 出\t
项 目\t2023 年预算数\t项 目\t2023 年预算数
一、政府预算拨款\t9,724\t一、科学技术支出\t8,099
1. 一般公共预算拨款\t9,724\t机构运行\t1,260
\t\t科普活动\t
2. 政府性基金预算拨款\t0\t其他科技条件\t81
\t\t与服务支出\t
二、财政专户\t0\t二、社会保障\t707
管理资金\t\t和就业支出\t
本年收入合计\t9,724\t本年支出\t9,724
\t\t合计\t
上年结余、结转\t\t结转下年\t
收入总计\t9,724\t支出总计\t9,724`;

const FUNCTION = `表 7
一般公共预算支出表（按功能分类）
预算单位\t科目编码\t科目名称\t支出总计\t基本支出\t项目支出
深圳市科学技\t\t\t9,724\t3,974\t5,749
术协会\t\t\t\t\t
深圳市科技交\t\t\t1,931\t1,421\t510
流服务中心\t\t\t\t\t
\t2060599\t其他科技条件\t81\t0\t81
\t\t与服务支出\t\t\t
\t2060702\t科普活动\t\t\t
深圳市科学馆\t\t\t2,320\t1,383\t937
某某中心\t\t\t\t\t`;

const TEXT: WrappedText = { text: "深圳市科学技术协会系统包括深圳市科技交流服务中心、深圳市科学馆。", department: "深圳市科学技术协会" };

function read(text: string, wrapped: WrappedText | null = TEXT): Table[] {
  const lines = text.split("\n").map((l, i) => textLine("t.md", i + 1, l));
  return parseTables(lines, defaultTemplate, wrapped ? { wrapped } : {}).tables;
}
const table = (ts: Table[], id: string) => ts.find((t) => t.id === id)!;
const side = (t: Table, s: "income" | "expenditure") => t.rows.filter((r) => r.side === s).map((r: Row) => `${r.label}${r.role ? ` (${r.role})` : ""} ${r.cells.amount?.text ?? ""}`.trim());

describe("cells wrapped onto a line of their own", () => {
  it("a 收支总表: a row label of the template's, a 类's name, a 科目名称 its table by code prints, a label cut before 合计", () => {
    const ts = read(`${SUMMARY}\n${FUNCTION}`);
    expect(side(table(ts, "T1"), "income")).toEqual([
      "一、政府预算拨款 (gov-allocation) 9,724",
      "1. 一般公共预算拨款 (general-public) 9,724",
      "2. 政府性基金预算拨款 (gov-fund) 0",
      // 二、财政专户 / 管理资金: the template's label; the tail alone is none.
      "二、财政专户管理资金 (special-account) 0",
      "本年收入合计 (income-subtotal) 9,724",
      // A label without a figure whose name could be a row's (a blank is a zero) is one.
      "上年结余、结转 (income-carryover)",
      "收入总计 (income-total) 9,724",
    ]);
    expect(side(table(ts, "T1"), "expenditure")).toEqual([
      "一、科学技术支出 8,099",
      "机构运行 1,260",
      // Under 机构运行 without a figure: nothing says it is the tail of 机构运行, and it may be an item of its own.
      "科普活动",
      // 其他科技条件 / 与服务支出: the name 表7 prints with 2060599 (joined there: a code's row).
      "其他科技条件与服务支出 81",
      // 二、社会保障 / 和就业支出: a 类's name (208).
      "二、社会保障和就业支出 707",
      "本年支出合计 (expenditure-subtotal) 9,724",
      "结转下年 (expenditure-carryforward)",
      "支出总计 (expenditure-total) 9,724",
    ]);
  });

  it("a table by code: a 科目名称's tail under its code's row, a budget unit's name the document prints whole", () => {
    const rows = table(read(FUNCTION), "T7").rows.map((r) => `${r.kind} ${r.unit ?? "-"} ${r.code ?? "-"} ${r.name ?? r.label}`);
    expect(rows).toEqual([
      // The department's name (its 部门名称, or the document's).
      "department - - 深圳市科学技术协会",
      // A name the written parts print.
      "unit 深圳市科技交流服务中心 - 深圳市科技交流服务中心",
      "code 深圳市科技交流服务中心 2060599 其他科技条件与服务支出",
      // A code's row with blank figures is a row.
      "code 深圳市科技交流服务中心 2060702 科普活动",
      "unit 深圳市科学馆 - 深圳市科学馆",
      // (某某中心 with no figure: a line of one cell, no row, as before; not joined to 深圳市科学馆.)
    ]);
  });

  it("where nothing says so, the line is read as before", () => {
    // No written parts, no department: 术协会 and 流服务中心 are tails of nothing known; lines of one cell are no rows.
    const none: WrappedText = { text: "", department: null };
    const rows = table(read(FUNCTION, none), "T7").rows.map((r) => `${r.kind} ${r.name ?? r.label}`);
    expect(rows).toEqual(["department 深圳市科学技", "unit 深圳市科技交", "code 其他科技条件与服务支出", "code 科普活动", "unit 深圳市科学馆"]);
    // Read from a worksheet or CSV (no `wrapped`): no tail is joined.
    const cells = table(read(FUNCTION, null), "T7").rows.map((r) => `${r.kind} ${r.name ?? r.label}`);
    expect(cells).toEqual(["department 深圳市科学技", "unit 深圳市科技交", "code 其他科技条件", "other 与服务支出", "code 科普活动", "unit 深圳市科学馆"]);
  });

  it("a 部门整体支出绩效目标表: a task's name cut mid-bracket, its 主要内容 wrapped; the indicators after the total are not joined", () => {
    const text = `表 12
部门整体支出绩效目标表
年度主要任务\t任务名称\t主要内容\t预算金额(万元)\t\t
\t\t\t总额\t其中：财政拨款\t其中：其他资金
\t基本支出\t主要用于人员\t3,974\t3,974\t
\t\t、公用及对个人和家庭补助支出等\t\t\t
综合管理(市\t主要包括采购会议椅 40 张\t5\t5
科学技术协会本级)\t\t\t
金额合计\t\t3,979\t3,979
年度绩效指标\t一级指标\t二级指标\t三级指标\t目标值
\t\t数量指标\t展品日常维护展区面积\t2000 平方米
\t\t\t常运行率\t`;
    const rows = table(read(text), "T12").rows.map((r) => `${r.kind} ${r.name ?? ""} | ${r.cells.content?.text ?? ""}`);
    expect(rows.slice(0, 3)).toEqual([
      "item 基本支出 | 主要用于人员、公用及对个人和家庭补助支出等",
      "item 综合管理(市科学技术协会本级) | 主要包括采购会议椅 40 张",
      "total 金额合计 | ",
    ]);
    expect(rows).toHaveLength(6);
  });
});
