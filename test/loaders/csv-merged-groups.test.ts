import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { rules } from "../../src/rules/index.js";
import { CELL_FORMS, loadInForm, type CellForm } from "../helpers/cell-forms.js";

/*
 * Tables in cells (a CSV file, a worksheet, a tab-separated text) whose header merges cells: a label followed by
 * blank cells spans them (本年收入 over 小计 · 一般公共预算 · … · 单位资金), and a blank figure cell leaves its column
 * empty. The form of 甘肃's 部门预算 exported from Excel as CSV.
 */

const FORMS = CELL_FORMS;
const load = (form: CellForm, text: string) => loadInForm(form, text, "csv-merged-groups");

const errors = (d: Awaited<ReturnType<typeof load>>) => runRules(d, rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error");
const doc = (...table: string[][]) => ["# 某区教育局2026年部门预算", "一、部门预算编制说明", "2026年部门预算收入100.00万元。", ...table.map((r) => r.join("\t"))].join("\n") + "\n";

/*
 * 本年收入 merged over 小计 … 单位资金, 上年结转结余 beside it: 单位资金 is one of this year's sources, in 本年收入's
 * 小计. The row's 合计 is 本年收入 + 上年结转结余; 单位资金 was added to it again (合计 printed 100, computed 110).
 */
const income = (total = "100.00") =>
  doc(
    ["部门收入总表"],
    ["单位：万元"],
    ["单位编码", "单位名称", "合计", "本年收入", "", "", "", "", "", "上年结转结余"],
    ["", "", "", "小计", "一般公共预算", "政府性基金预算", "国有资本经营预算", "财政专户管理资金", "单位资金", ""],
    ["", "合计", total, "90.00", "70.00", "5.00", "", "5.00", "10.00", "10.00"],
    ["101001", "某区教育局（本级）", "60.00", "50.00", "45.00", "5.00", "", "", "", "10.00"],
    ["101002", "某区第一小学", "40.00", "40.00", "25.00", "", "", "5.00", "10.00", ""],
  );

describe("a 收入总表 in cells, 本年收入 merged over its sources up to 单位资金", () => {
  it.each(FORMS)("as %s: 合计 = 本年收入 + 上年结转结余, 单位资金 not counted again", async (form) => {
    const d = await load(form, income());
    const t = d.tables.find((x) => x.kind === "income");
    expect(t, JSON.stringify(d.unknownTables)).toBeDefined();
    expect(t!.rows.map((r) => `${r.name}|${r.cells.total?.text}|${r.cells["current-income"]?.text}|${r.cells["unit-funds"]?.text}|${r.cells.carryover?.text}`)).toEqual([
      "合计|100.00|90.00|10.00|10.00",
      "某区教育局（本级）|60.00|50.00||10.00",
      "某区第一小学|40.00|40.00|10.00|",
    ]);
    expect(errors(d)).toEqual([]);
  });

  it.each(FORMS)("as %s, fails: a 合计 that is not 本年收入 + 上年结转结余 is an error", async (form) => {
    const d = await load(form, income("101.00"));
    const fs = errors(d).filter((f) => f.ruleId === "row-total");
    expect(fs.map((f) => [f.column, f.stated, f.computed])).toEqual([["合计", "101", "100"]]);
  });
});

/*
 * A 财政拨款收支总表 in cells whose expenditure line leaves its 一般公共预算 blank and prints its 政府性基金预算
 * (（五）其他支出 | 6.00 | (blank) | 6.00): the figure is the fund's, in the column of its own cell. It was read as
 * 一般公共预算 (the line's second figure, placed by the arithmetic), and both funds' 本年支出 were false errors.
 */
const allocation = (fund = "6.00") =>
  doc(
    ["财政拨款收支总表"],
    ["单位：万元"],
    ["收入", "", "支出", "", "", "", ""],
    ["项目", "预算数", "项目", "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"],
    ["一、本年收入", "96.00", "一、本年支出", "100.00", "94.00", "6.00", ""],
    ["（一）一般公共预算拨款", "90.00", "（一）教育支出", "80.00", "80.00", "", ""],
    ["（二）政府性基金预算拨款", "6.00", "（二）卫生健康支出", "14.00", "14.00", "", ""],
    ["（三）国有资本经营预算拨款", "", "（三）其他支出", "6.00", "", fund, ""],
    ["二、上年结转", "4.00", "二、年终结转结余", "", "", "", ""],
    ["（一）一般公共预算拨款", "4.00", "", "", "", "", ""],
    ["收入总计", "100.00", "支出总计", "100.00", "94.00", "6.00", ""],
    // The next table's long cells widen the grid's fourth column (the 合计's): a figure's place no longer says its
    // column (all of a document's cells are laid on one grid).
    ["项目支出绩效目标表"],
    ["单位：万元"],
    ["项目名称", "校舍维修改造项目", "", "", ""],
    ["主管部门", "某区教育局", "实施单位", "某区教育局（本级）某区第一小学某区第二小学", ""],
    ["项目资金", "年度资金总额", "6.00", "", ""],
  );

describe("a two-sided 财政拨款收支总表 in cells, a fund's figure after a blank 一般公共预算", () => {
  it.each(FORMS)("as %s: the figure is in the column of its own cell", async (form) => {
    const d = await load(form, allocation());
    const t = d.tables.find((x) => x.kind === "allocation-summary");
    expect(t, JSON.stringify(d.unknownTables)).toBeDefined();
    const other = t!.rows.find((r) => r.name === "其他支出");
    expect([other?.cells.amount?.text, other?.cells["general-public"]?.text ?? "", other?.cells["gov-fund"]?.text]).toEqual(["6.00", "", "6.00"]);
    expect(errors(d)).toEqual([]);
  });

  it.each(FORMS)("as %s, fails: a fund's figure that does not make its line's 合计 is an error at that line", async (form) => {
    const d = await load(form, allocation("5.00"));
    expect(errors(d).map((f) => [f.ruleId, f.item, f.column, f.stated, f.computed])).toEqual([["row-total", "其他支出", "预算数", "6", "5"]]);
  });
});

/*
 * A 项目支出表 by source whose header merges 本年拨款 over the year's five sources, 上年结转结余 beside it (甘肃):
 * 本年拨款 was taken for the first line of a label wrapped over 国有资本经营预算 (the middle of the columns it spans)
 * and the table was listed as `header not understood`. Printed flat (no 本年拨款), its rows' 合计 was checked without
 * 上年结转结余: a project paid from last year's carry-over was a false error.
 */
const projects = (grouped: boolean, carried = "4.00") =>
  doc(
    ["项目支出表"],
    ["单位：万元"],
    ...(grouped
      ? [
          ["单位名称", "项目名称", "合计", "本年拨款", "", "", "", "", "上年结转结余"],
          ["", "", "", "一般公共预算", "政府性基金预算", "国有资本经营预算", "财政专户管理资金", "单位资金", ""],
        ]
      : [["单位名称", "项目名称", "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算", "财政专户管理资金", "单位资金", "上年结转结余"]]),
    ["合计", "", "20.00", "8.00", "3.00", "", "2.00", "3.00", "4.00"],
    ["某区教育局（本级）", "校舍维修改造项目", "8.00", "8.00", "", "", "", "", ""],
    ["某区教育局（本级）", "彩票公益金体育设施项目", "3.00", "", "3.00", "", "", "", ""],
    ["某区教育局（本级）", "薄弱环节改善项目（上年结转）", "4.00", "", "", "", "", "", carried],
    ["某区第一小学", "课后服务经费", "3.00", "", "", "", "", "3.00", ""],
    ["某区第一幼儿园", "保育教育费支出", "2.00", "", "", "", "2.00", "", ""],
  );

describe("a 项目支出表 by source in cells: 本年拨款 over the year's sources, 上年结转结余 beside it", () => {
  it.each(FORMS)("as %s: the grouped header is read, each row's 合计 = its sources + 上年结转结余", async (form) => {
    const d = await load(form, projects(true));
    expect(d.unknownTables ?? []).toEqual([]);
    const t = d.tables.find((x) => x.kind === "project-summary");
    expect(t!.columns.filter((c) => c.kind === "amount").map((c) => c.key)).toEqual(expect.arrayContaining(["total", "general-public", "gov-fund", "state-capital", "special-account", "unit-funds", "carryover"]));
    expect(t!.rows.map((r) => `${r.name}|${r.cells.total?.text}|${r.cells["unit-funds"]?.text ?? ""}|${r.cells.carryover?.text ?? ""}`)).toEqual([
      "合计|20.00|3.00|4.00",
      "校舍维修改造项目|8.00||",
      "彩票公益金体育设施项目|3.00||",
      "薄弱环节改善项目（上年结转）|4.00||4.00",
      "课后服务经费|3.00|3.00|",
      "保育教育费支出|2.00||",
    ]);
    expect(errors(d)).toEqual([]);
  });

  it.each(FORMS)("as %s: printed flat, 上年结转结余 is one of the row's sources", async (form) => {
    const d = await load(form, projects(false));
    expect(d.unknownTables ?? []).toEqual([]);
    expect(errors(d)).toEqual([]);
  });

  it.each(FORMS)("as %s, fails: a 上年结转结余 that does not make its row's 合计 is an error at that row", async (form) => {
    for (const grouped of [true, false]) {
      const d = await load(form, projects(grouped, "4.50"));
      expect(errors(d).filter((f) => f.ruleId === "row-total").map((f) => [f.item, f.column, f.stated, f.computed])).toEqual([["薄弱环节改善项目（上年结转）", "合计", "4", "4.5"]]);
    }
  });
});
