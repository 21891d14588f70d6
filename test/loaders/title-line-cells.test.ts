import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { rules } from "../../src/rules/index.js";
import { cellsAt } from "../helpers/layout.js";

/*
 * A table's title sharing its line with cells of its own (round 51, 福建 probe): 表一 at the left margin, the title
 * centred, 单位：元 at the right end, as a PDF whose table head sets them on one baseline prints them. Before, such a line
 * was no title — too long with its gaps (表一 … 收支预算总表), or its title followed by the unit (收支预算总表 … 单位：元)
 * — so no table was found and only the written parts were checked, and the unit printed there was never the table's.
 */
const titleLine = (no: string, title: string, unit = "单位：元") => cellsAt([0, no], [56, title], [118, unit]);
const doc = (opts: { no?: (n: string) => string; unit?: string; text?: string } = {}) => {
  const no = opts.no ?? ((n: string) => n);
  return [
    cellsAt([60, "福建省某厅2025年部门预算"]),
    "",
    "第二部分 2025年部门预算情况说明",
    "  一、收支预算总体情况",
    `    2025年收支总预算${opts.text ?? "125.00"}万元。`,
    "",
    titleLine(no("表一"), "收支预算总表", opts.unit),
    "编制单位：福建省某厅",
    cellsAt([14, "项    目"], [44, "预算数"], [70, "项    目"], [110, "预算数"]),
    cellsAt([0, "一、一般公共预算拨款收入"], [40, "1250000.00"], [60, "一、节能环保支出"], [106, "1250000.00"]),
    cellsAt([6, "本年收入合计"], [40, "1250000.00"], [66, "本年支出合计"], [106, "1250000.00"]),
    cellsAt([8, "收入总计"], [40, "1250000.00"], [68, "支出总计"], [106, "1250000.00"]),
    "",
    titleLine(no("表三"), "支出预算总表", opts.unit),
    "编制单位：福建省某厅",
    cellsAt([0, "科目编码"], [22, "科目名称"], [66, "合计"], [84, "基本支出"], [104, "项目支出"]),
    cellsAt([20, "合    计"], [60, "1250000.00"], [80, "1000000.00"], [100, "250000.00"]),
    cellsAt([0, "211"], [10, "节能环保支出"], [60, "1250000.00"], [80, "1000000.00"], [100, "250000.00"]),
    cellsAt([0, "21101"], [12, "环境保护管理事务"], [60, "1250000.00"], [80, "1000000.00"], [100, "250000.00"]),
    cellsAt([0, "2110101"], [14, "行政运行"], [60, "1000000.00"], [80, "1000000.00"]),
    cellsAt([0, "2110102"], [14, "一般行政管理事务"], [60, "250000.00"], [100, "250000.00"]),
    "",
  ].join("\n");
};
const load = (text: string) => loadLayoutText("预算.txt", text);
const notInfo = (text: string) => runRules(load(text), rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity !== "info");

describe("a title line that prints the table's number at its left and its unit at its right", () => {
  it("is the table's title: both tables read, numbered 表一 and 表三, in the 元 printed there", () => {
    const d = load(doc());
    expect(d.tables.map((t) => [t.kind, t.printed, t.unit])).toEqual([
      ["summary", "表一", "元"],
      ["expenditure", "表三", "元"],
    ]);
    expect(d.tables[1].rows.map((r) => r.code ?? r.name)).toEqual(["合计", "211", "21101", "2110101", "2110102"]);
    // The text's 125.00 万元 is the tables' 1250000.00 元.
    expect(notInfo(doc())).toEqual([]);
  });

  it("with the number alone beside it, or the unit alone: read as well", () => {
    const numberOnly = load(doc({ unit: "" }));
    expect(numberOnly.tables.map((t) => t.printed)).toEqual(["表一", "表三"]);
    const unitOnly = load(doc({ no: () => "" }));
    expect(unitOnly.tables.map((t) => [t.kind, t.unit])).toEqual([
      ["summary", "元"],
      ["expenditure", "元"],
    ]);
  });

  it("fails: the text's total against the tables' in their unit", () => {
    expect(notInfo(doc({ text: "152.00" })).map((f) => [f.ruleId, f.stated, f.computed])).toEqual([["text-vs-table", "152", "125"]]);
  });
});
