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
