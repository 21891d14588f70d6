import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { rules } from "../../src/rules/index.js";
import { shenzhen } from "../../src/templates/shenzhen.js";
import { layoutTable, pad, padL } from "../helpers/layout.js";

/*
 * A province whose table titles are Shenzhen's (湖南: 部门收支总表 … 一般公共预算“三公”经费支出表 … 部门整体支出绩效目标表)
 * is read with Shenzhen's template, and two of its tables are printed otherwise:
 * - the 三公 table without Shenzhen's 年度 column (单位名称 | 合计 | 因公出国（境）费 | 小计 | 购置费 | 运行费 | 公务接待费,
 *   one row per unit): read in Shenzhen's order, every row gave false errors; it is read by its header now;
 * - the 部门整体支出绩效目标表's 年度预算申请 box (资金总额 · 基本支出 · 项目支出, a line each): its lines were taken for
 *   three tasks, whose sum was reported against 表7; they are the budget's split, no tasks.
 */
const cells = (xs: string[]) => xs.map((x) => padL(x, 14)).join("");
const sanggong = (unitTotal = "26.20") =>
  layoutTable("湖南省某局2025年部门预算", "一般公共预算“三公”经费支出表", "部门：湖南省某局                                                  单位：万元", [
    `${pad("", 30)}${" ".repeat(42)}公务用车购置及运行费`,
    `${pad("单位名称", 30)}${cells(["合计", "因公出国（境）费", "小计", "公务用车购置费", "公务用车运行费", "公务接待费"])}`,
    `${pad("合计", 30)}${cells(["36.80", "12.00", "18.60", "0.00", "18.60", "6.20"])}`,
    `${pad("湖南省某局（本级）", 30)}${cells([unitTotal, "12.00", "10.20", "0.00", "10.20", "4.00"])}`,
    `${pad("湖南省某研究院", 30)}${cells(["10.60", "0.00", "8.40", "0.00", "8.40", "2.20"])}`,
  ]);
const load = (text: string) => loadLayoutText("预算.txt", text, { template: shenzhen });
const errors = (text: string) => runRules(load(text), rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error");

describe("Shenzhen's titles, another province's tables", () => {
  it("a 三公 table without 年度, a row per unit: read by its header, no error", () => {
    const t = load(sanggong()).tables.find((x) => x.kind === "sanggong")!;
    expect(t.rows.map((r) => `${r.name} ${["total", "abroad", "vehicle", "vehicle-operation", "reception"].map((k) => r.cells[k]?.text).join(" ")}`)).toEqual([
      "合计 36.80 12.00 18.60 18.60 6.20",
      "湖南省某局（本级） 26.20 12.00 10.20 10.20 4.00",
      "湖南省某研究院 10.60 0.00 8.40 8.40 2.20",
    ]);
    expect(errors(sanggong())).toEqual([]);
  });

  it("fails: a unit's 合计 retyped is a row-total error at its row", () => {
    const fs = errors(sanggong("27.20")).filter((f) => f.ruleId === "row-total");
    expect(fs.map((f) => [f.item, f.stated, f.computed])).toEqual([["湖南省某局（本级）", "27.2", "26.2"]]);
  });

  it("the 年度预算申请 box of the 部门整体支出绩效目标表 is no tasks", () => {
    const text = layoutTable("湖南省某局2025年部门预算", "部门整体支出绩效目标表", "部门：湖南省某局                                    单位：万元", [
      `${pad("部门名称", 50)}湖南省某局`,
      `${pad("年度预算申请", 26)}${pad("资金总额", 12)}${padL("8267.64", 10)}`,
      `${pad("", 26)}${pad("基本支出", 12)}${padL("4472.64", 10)}`,
      `${pad("", 26)}${pad("项目支出", 12)}${padL("3795.00", 10)}`,
      `${pad("年度绩效目标", 14)}目标1：完成国土绿化任务；目标2：森林覆盖率稳定在59.98%以上。`,
    ]);
    const t = load(text).tables.find((x) => x.kind === "performance")!;
    expect(t.rows.filter((r) => r.kind === "item" || r.role === "tasks-total")).toEqual([]);
  });
});
