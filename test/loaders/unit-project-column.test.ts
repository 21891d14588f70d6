import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { rules } from "../../src/rules/index.js";
import { layoutTable, pad, padL } from "../helpers/layout.js";

/*
 * A list of one fund's projects under one label column that names both (湖北's 一般公共预算项目支出预算表:
 * 单位名称（项目） | 金额): each budget unit at the margin with its subtotal, its projects indented under it. The
 * bracketed label was not a label the header knew, so the table was listed as a header not understood and
 * none of its figures was checked.
 */
const row = (name: string, amount: string) => `${pad(name, 44)}${padL(amount, 14)}`;
const projects = (project = "28,770.00") =>
  layoutTable("通山县某镇人民政府2025年部门预算", "一般公共预算项目支出预算表", "部门：通山县某镇人民政府                                        单位：元", [
    `${pad("", 16)}${pad("单位名称（项目）", 34)}金额`,
    row("                 合    计", "104,613.20"),
    row("通山县某镇人民政府（本级）", "76,117.20"),
    row("  集镇环境整治经费", "47,347.20"),
    row("  乡村振兴项目经费", project),
    row("通山县某镇财政所", "16,440.00"),
    row("  财政所业务经费", "16,440.00"),
    row("通山县某镇农业服务中心", "12,056.00"),
    row("  农技推广经费", "12,056.00"),
  ]);

const load = (text: string) => loadLayoutText("预算.txt", text);
const errors = (text: string) => runRules(load(text), rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error");

describe("a list of projects under 单位名称（项目）", () => {
  it("is read: each unit at the margin, its projects indented under it, no error", () => {
    const d = load(projects());
    expect(d.unknownTables ?? []).toEqual([]);
    const t = d.tables.find((x) => x.title === "一般公共预算项目支出预算表")!;
    expect(t.rows.map((r) => `${r.kind} ${r.kind === "item" ? `${r.unit} / ` : ""}${r.name} ${r.cells.total?.text}`)).toEqual([
      "department 合计 104,613.20",
      "unit 通山县某镇人民政府（本级） 76,117.20",
      "item 通山县某镇人民政府（本级） / 集镇环境整治经费 47,347.20",
      "item 通山县某镇人民政府（本级） / 乡村振兴项目经费 28,770.00",
      "unit 通山县某镇财政所 16,440.00",
      "item 通山县某镇财政所 / 财政所业务经费 16,440.00",
      "unit 通山县某镇农业服务中心 12,056.00",
      "item 通山县某镇农业服务中心 / 农技推广经费 12,056.00",
    ]);
    expect(errors(projects())).toEqual([]);
  });

  it("fails: a project that its unit's subtotal does not make is an error against the sum of the unit's projects", () => {
    const fs = errors(projects("28,700.00")).filter((f) => f.ruleId === "hierarchy-sum");
    expect(fs.map((f) => [f.item, f.stated, f.computed])).toEqual([["通山县某镇人民政府（本级）", "76117.2", "76047.2"]]);
  });
});
