import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { rules } from "../../src/rules/index.js";
import { shanghaiFinal } from "../../src/templates/shanghai.js";

/*
 * A 决算's 支出决算表 printed by budget unit instead of by code (重庆: 项目 over 单位名称, each unit's name and figures a
 * row). Read with the 决算 template, the rows were neither codes nor units: nothing of the table but its 合计 was
 * checked, and a unit's 基本支出 typed 10 too high passed.
 */
const table = (school = "1,216.72") =>
  [
    "                 重庆市某局2024年度部门决算",
    "",
    "                                               支出决算表",
    "                                                                                                           公开03表",
    "部门：重庆市某局                                           2024年度                                               金额单位：万元",
    "                项目                          本年支出合计          基本支出          项目支出        上缴上级支出          经营支出     对附属单位补助支出",
    "              单位名称",
    "              栏次                               1             2             3             4             5             6",
    "                合计                       10,243.59      3,578.77      6,664.82",
    "  重庆市某局（本级）                              7,458.07      1,899.70      5,558.37",
    `  重庆市体育运动学校                               2,134.72      ${school}        918.00`,
    "  重庆市体育科学研究所                                650.80        462.35        188.45",
    "",
    "注：本表反映部门本年度各项支出情况。",
    "",
  ].join("\n");

const load = (text: string) => loadLayoutText("决算.txt", text, { template: shanghaiFinal });
const errors = (text: string) => runRules(load(text), rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error");

describe("a 决算 table printed by budget unit, read with the 决算 template", () => {
  it("each named row is a unit's: its row identities and the 合计 over the units hold", () => {
    const t = load(table()).tables.find((x) => x.kind === "expenditure")!;
    expect(t.rows.map((r) => `${r.kind} ${r.name}`)).toEqual(["department 合计", "unit 重庆市某局（本级）", "unit 重庆市体育运动学校", "unit 重庆市体育科学研究所"]);
    expect(errors(table())).toEqual([]);
  });

  it("fails: a unit's 基本支出 typed 10 too high is an error at that unit", () => {
    const fs = errors(table("1,226.72"));
    expect(fs.map((f) => [f.ruleId, f.unit, f.stated])).toContainEqual(["row-total", "重庆市体育运动学校", "2134.72"]);
  });
});
