import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { rules } from "../../src/rules/index.js";
import { layoutTable, pad, padL } from "../helpers/layout.js";

/*
 * A list of projects by unit that prints each project's category in a column of words between its name and its
 * figures (项目类别: 特定目标类 / 其他运转类, the 2025 部门预算's project classes; round 53's 青海 probe): the label was no
 * label the header knew, so the table was listed as a header not understood and none of its figures was checked.
 * (Its words are still read into the project's name: 业务综合保障 特定目标类.)
 */
const row = (name: string, category: string, amounts: string[]) => `${pad(name, 40)}${pad(category, 16)}${amounts.map((a) => padL(a, 14)).join("")}`;
const projects = (project = "150.00") =>
  layoutTable("某省某厅2025年部门预算", "项目支出表", "部门：某省某厅                                                    单位：万元", [
    `${pad("单位名称（项目名称）", 40)}${pad("项目类别", 16)}${padL("合计", 14)}${padL("一般公共预算", 14)}${padL("单位资金", 14)}`,
    row("合计", "", ["350.00", "330.00", "20.00"]),
    row("某省某厅（本级）", "", ["250.00", "250.00", ""]),
    row("  业务综合保障", "特定目标类", ["100.00", "100.00", ""]),
    row("  社区治理示范", "特定目标类", [project, "150.00", ""]),
    row("某省某服务中心", "", ["100.00", "80.00", "20.00"]),
    row("  信息化运行维护", "其他运转类", ["100.00", "80.00", "20.00"]),
  ]);

const load = (text: string) => loadLayoutText("预算.txt", text);
const errors = (text: string) => runRules(load(text), rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error");

describe("a list of projects with a 项目类别 column of words", () => {
  it("is read: the category is no amount, each project's figures under their columns", () => {
    const d = load(projects());
    expect(d.unknownTables ?? []).toEqual([]);
    const t = d.tables.find((x) => x.title === "项目支出表")!;
    expect(t.kind).toBe("project-summary");
    // (The kind's columns: 单位资金, 合计, 一般公共预算. The category's words are read into the project's name for now.)
    expect(t.rows.map((r) => `${r.kind} ${t.columns.filter((c) => c.kind === "amount").map((c) => r.cells[c.key]?.text ?? "-").join(" ")}`)).toEqual([
      "department 20.00 350.00 330.00",
      "unit  250.00 250.00",
      "item  100.00 100.00",
      "item  150.00 150.00",
      "unit 20.00 100.00 80.00",
      "item 20.00 100.00 80.00",
    ]);
    expect(errors(projects())).toEqual([]);
  });

  it("and checked: a project's figure off its unit's sum is found", () => {
    expect(errors(projects("105.00")).length).toBeGreaterThan(0);
  });
});
