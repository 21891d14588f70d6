import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { rules } from "../../src/rules/index.js";
import { templateByName } from "../../src/templates/index.js";

/*
 * A 决算's 财政拨款收入支出决算总表 whose expenditure side prints 合计 | 一般公共预算 | 政府性基金预算 | 国有资本经营预算, its
 * header labels wrapped over three lines, in a text whose header stands further right than its figures: the lines
 * printing three figures of four (本年支出合计, 年末财政拨款结转和结余, 总计) were placed one column to the right by
 * position (合计 empty, 一般公共预算 holding the 合计), six false errors on a consistent 江西 document. The kind's
 * identity (合计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算) now weighs the placement, as in other tables.
 */
const table = (total = "32,999.94") =>
  [
    "                 江西省某厅2024年度部门决算",
    "",
    "                                                                财政拨款收入支出决算总表",
    "                                                                                                                                       公开04表",
    "部门：江西省某厅                                                                                                                            金额单位：万元",
    "                收入                                                                    支出",
    "                                                                                                            一般公共预算       政府性基金预算       国有资本经营预",
    "          项目                行次          金额                项目                      行次            合计            财政拨款          财政拨款         算财政拨款",
    "          栏次                               1              栏次                                     2               3             4             5",
    "一、一般公共预算财政拨款                 1       24,578.42    一、一般公共服务支出                      33",
    "二、政府性基金预算财政拨款                2        8,000.00    二、外交支出                          34",
    "三、国有资本经营预算财政拨款               3                    三、国防支出                          35",
    "                                                  八、社会保障和就业支出                     40     24,467.88       24,467.88",
    "                                                  二十三、其他支出                        55      8,532.06                      8,532.06",
    `      本年收入合计                 9       32,578.42          本年支出合计                    59     ${total}       24,467.88      8,532.06`,
    "年初财政拨款结转和结余                 10        1,577.87      年末财政拨款结转和结余                   60      1,156.34          432.41        723.94",
    "  一般公共预算财政拨款                11          321.87",
    "  政府性基金预算财政拨款               12        1,256.00",
    "            总计              14       34,156.28                总计                  61     34,156.28       24,900.28      9,256.00",
    "注：本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。",
    "",
  ].join("\n");

const load = (text: string) => loadLayoutText("决算.txt", text, { template: templateByName("shanghai-final") });
const cells = (text: string, name: string) =>
  load(text)
    .tables.find((t) => t.kind === "allocation-summary")!
    .rows.filter((r) => r.name === name && r.side === "expenditure")
    .map((r) => ["amount", "general-public", "gov-fund", "state-capital"].map((k) => r.cells[k]?.text ?? "").join(" | "));

describe("a two-sided 决算 table's expenditure figures, fewer than its columns", () => {
  it("are placed where 合计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算 holds", () => {
    expect(cells(table(), "本年支出合计")).toEqual(["32,999.94 | 24,467.88 | 8,532.06 | "]);
    expect(cells(table(), "年末财政拨款结转和结余")).toEqual(["1,156.34 | 432.41 | 723.94 | "]);
    expect(cells(table(), "总计")).toEqual(["34,156.28 | 24,900.28 | 9,256.00 | "]);
    const errors = runRules(load(table()), rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error" && f.table === "T4");
    expect(errors).toEqual([]);
  });

  it("fails: a 合计 its funds do not make is an error on its line", () => {
    // (No placement then holds, and the positions decide: here the header's, one column off. The line is in error
    // either way; which column is blamed is only as good as the positions.)
    const errors = runRules(load(table("33,999.94")), rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error" && f.table === "T4");
    expect(errors.map((f) => [f.item, f.stated])).toContainEqual(["本年支出合计", "33999.94"]);
  });
});
