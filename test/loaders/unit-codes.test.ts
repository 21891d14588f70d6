import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { rules } from "../../src/rules/index.js";
import { layoutTable, pad, padL } from "../helpers/layout.js";

/*
 * A department's 收入总表 / 支出总表 listing its budget units by code and name (四川: 单位编码 | 单位名称 | 合计 | …, the
 * code six digits or more). The code was read as a figure and the header's 单位编码 as an amount column the kind does
 * not know: both tables were listed as headers not understood, and nothing in them was checked.
 */
const row = (code: string, name: string, xs: string[]) => `${pad(code, 10)}${pad(name, 34)}${xs.map((x) => padL(x, 12)).join("")}`;
const expenditure = (header: string[], total = "736.94") =>
  layoutTable("四川省某办公室2025年部门预算", "部门支出总表", "部门：四川省某办公室                                              单位：万元", [
    ...header,
    row("301001", "四川省某办公室（本级）", ["2128.40", "1572.80", "555.60"]),
    row("301002", "四川省某研究院", [total, "616.94", "120.00"]),
    row("301003", "四川省年鉴社", ["471.09", "383.09", "88.00"]),
    row("", "      合    计", ["3336.43", "2572.83", "763.60"]),
  ]);
const ONE_LINE = [row("单位编码", "单位名称", ["合计", "基本支出", "项目支出"])];
// 单位 over 编码 | 名称, on three lines.
const THREE_LINES = ["单位", row("", "", ["合计", "基本支出", "项目支出"]), row("编码", "名称", [])];

const load = (text: string) => loadLayoutText("预算.txt", text);
const errors = (text: string) => runRules(load(text), rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error");

describe("a table of budget units by 单位编码 and 单位名称", () => {
  it.each([
    ["on one line", ONE_LINE],
    ["单位 over 编码 | 名称", THREE_LINES],
  ])("is read (header %s): each unit a row named without its code, no error", (_, header) => {
    const d = load(expenditure(header));
    expect(d.unknownTables ?? []).toEqual([]);
    const t = d.tables.find((x) => x.kind === "expenditure")!;
    expect(t.rows.map((r) => `${r.name} ${r.cells.total?.text} ${r.cells.basic?.text} ${r.cells.project?.text}`)).toEqual([
      "四川省某办公室（本级） 2128.40 1572.80 555.60",
      "四川省某研究院 736.94 616.94 120.00",
      "四川省年鉴社 471.09 383.09 88.00",
      "合计 3336.43 2572.83 763.60",
    ]);
    expect(errors(expenditure(header))).toEqual([]);
  });

  it("fails: a unit's 合计 that its 基本支出 and 项目支出 do not make is an error at its row", () => {
    const fs = errors(expenditure(ONE_LINE, "746.94")).filter((f) => f.ruleId === "row-total");
    expect(fs.map((f) => [f.item ?? f.code, f.stated, f.computed])).toEqual([["四川省某研究院", "746.94", "736.94"]]);
  });
});
