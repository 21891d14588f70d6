import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { tokenise } from "../../src/loaders/layout/tokens.js";
import { rules } from "../../src/rules/index.js";
import { layoutTable, pad, padL } from "../helpers/layout.js";

/*
 * A table printed to PDF from a spreadsheet or a web page, as pdftotext -layout lays it out (test/fixtures/pdf has a
 * whole document so made): names that do not fit their cell wrap inside it, the cell centred vertically around the
 * row's figures (its code line then prints no name); a long name fills its cell up to the next cell's figure, one
 * space between; rows a blank line apart.
 */
describe("tokenise: a name touching the figure after it", () => {
  it.each([
    ["                    四、住房保障支出 829", ["四、住房保障支出", "829"]],
    ["       2080505 机关事业单位基本养老保险缴费支出 79      79    0", ["2080505 机关事业单位基本养老保险缴费支出", "79", "79", "0"]],
    ["财政对职工基本医疗保险基金的补助 1", ["财政对职工基本医疗保险基金的补助", "1"]],
  ])("%s: the name and the figure", (line, tokens) => {
    expect(tokenise(line).map((t) => t.text)).toEqual(tokens);
  });

  it.each([
    ["表 1", ["表 1"]],
    ["第 3", ["第 3"]],
    ["2022 年", ["2022 年"]],
    // A sentence's last word (a 绩效目标 wrapped in its cell: …设备故障响应时效 24 / 小时).
    ["站点维护数量 162 个，设备故障响应时效 24", ["站点维护数量 162 个，设备故障响应时效 24"]],
  ])("%s: one token", (line, tokens) => {
    expect(tokenise(line).map((t) => t.text)).toEqual(tokens);
  });
});

const line = (code: string, name: string, ...xs: string[]) => pad(code, 10) + pad(name, 18) + xs.map((x) => padL(x, 10)).join("");
const body = (rows: string[]) =>
  layoutTable("某市某局2025年部门预算", "一般公共预算支出表", "部门：某市某局                                  单位：万元", [
    line("科目编码", "科目名称", "合计", "基本支出", "项目支出"),
    "",
    ...rows.flatMap((r) => [r, ""]),
  ]);
const errors = (text: string) => runRules(loadLayoutText("预算.txt", text), rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error");
const names = (text: string) => loadLayoutText("预算.txt", text).tables.flatMap((t) => t.rows.filter((r) => r.code).map((r) => `${r.code} ${r.name} ${r.cells.total?.text}`));

describe("a table whose names wrap in their cells, centred around their figures", () => {
  const rows = (third = "69") => [
    line("", "合计", "146", "146", "0"),
    line("208", "社会保障和就业支出", "146", "146", "0"),
    line("20805", "行政事业单位养老支出", "146", "146", "0"),
    line("2080501", "行政单位离退休", third, "69", "0"),
    // 机关事业单位基本养老保险缴费 / 2080505 … / 支出: the code line prints no name.
    [pad("", 10) + "机关事业单位基本养老保险缴费", line("2080505", "", "52", "52", "0"), pad("", 10) + "支出"].join("\n"),
    // A long name up to its figure, one space between.
    pad("2080506", 10) + "机关事业单位职业年金缴费支出 25" + padL("25", 10) + padL("0", 10),
  ];

  it("reads each row's whole name and every figure in its column: no error", () => {
    expect(names(body(rows()))).toEqual([
      "208 社会保障和就业支出 146",
      "20805 行政事业单位养老支出 146",
      "2080501 行政单位离退休 69",
      "2080505 机关事业单位基本养老保险缴费支出 52",
      "2080506 机关事业单位职业年金缴费支出 25",
    ]);
    expect(errors(body(rows()))).toEqual([]);
  });

  it("fails: a figure typed wrong is an error at its row", () => {
    const fs = errors(body(rows("66")));
    expect(fs.map((f) => [f.ruleId, f.code, f.column, f.stated, f.computed])).toContainEqual(["row-total", "2080501", "合计", "66", "69"]);
  });
});

describe("a name wrapped around its code line, indented by its level", () => {
  // 项 names stand four columns right of 类 names (四川's 一般公共预算支出预算表): the rest of a wrapped 项 name,
  // under its code line, starts where its first part does, not where the 类 names start.
  const indented = (code: string, name: string, level: number, ...xs: string[]) => pad(code, 10 + 2 * level) + pad(name, 18 - 2 * level) + xs.map((x) => padL(x, 10)).join("");
  const rows = (third = "52") => [
    line("", "合计", "146", "146", "0"),
    indented("208", "社会保障和就业支出", 0, "146", "146", "0"),
    indented("20805", "行政事业单位养老支出", 1, "146", "146", "0"),
    indented("2080501", "行政单位离退休", 2, "69", "69", "0"),
    [pad("", 14) + "机关事业单位基本养老保", indented("2080505", "", 2, third, "52", "0"), pad("", 14) + "险缴费支出"].join("\n"),
    [pad("", 14) + "机关事业单位职业年金缴", indented("2080506", "", 2, "25", "25", "0"), pad("", 14) + "费支出"].join("\n"),
  ];

  it("joins both parts to the row's name: no error", () => {
    expect(names(body(rows())).slice(3)).toEqual(["2080505 机关事业单位基本养老保险缴费支出 52", "2080506 机关事业单位职业年金缴费支出 25"]);
    expect(errors(body(rows()))).toEqual([]);
  });

  it("fails: a figure of the wrapped row typed wrong is an error at that row", () => {
    const fs = errors(body(rows("55")));
    expect(fs.map((f) => [f.ruleId, f.code, f.stated, f.computed])).toContainEqual(["row-total", "2080505", "55", "52"]);
  });
});
