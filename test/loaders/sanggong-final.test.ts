import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { rules } from "../../src/rules/index.js";
import { layoutTable, padL } from "../helpers/layout.js";

/*
 * The national template's 一般公共预算财政拨款“三公”经费支出决算表 (a central department's 决算, 公开07表): 预算数 and
 * 决算数 each centred over the same six items (合计 · 因公出国（境）费 · 公务用车购置及运行费: 小计 · 购置费 · 运行费 ·
 * 公务接待费), a 栏次 line, one line of figures. Read by kind alone it was a header not understood; now the first six
 * columns are the 预算数 ones and both sums are checked in each.
 */
const cells = (xs: string[]) => xs.map((x) => padL(x, 10)).join("");
const table = (budgetVehicle = "20.00") =>
  layoutTable("国家某局2024年度部门决算", "一般公共预算财政拨款“三公”经费支出决算表", "部门：国家某局                                                 金额单位：万元", [
    "                                   预算数                                                      决算数",
    cells(["合计", "因公出国", "公务用车购置", "", "", "公务接待费", "合计", "因公出国", "公务用车购置", "", "", "公务接待费"]),
    cells(["", "（境）费", "及运行费", "", "", "", "", "（境）费", "及运行费", "", "", ""]),
    cells(["", "", "小计", "购置费", "运行费", "", "", "", "小计", "购置费", "运行费", ""]),
    cells(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"]),
    cells(["112.61", "68.50", budgetVehicle, "0.00", "20.00", "24.11", "80.00", "50.00", "18.00", "0.00", "18.00", "12.00"]),
  ]);
const errors = (text: string) => runRules(loadLayoutText("决算.txt", text), rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error");

describe("a 决算's 三公 table, 预算数 beside 决算数", () => {
  it("is read: the first six figures are the 预算数 columns, the others the 决算数 ones", () => {
    const d = loadLayoutText("决算.txt", table());
    expect(d.unknownTables ?? []).toEqual([]);
    const row = d.tables.find((t) => t.kind === "sanggong")!.rows[0];
    expect([row.cells["budget-total"]?.text, row.cells["budget-vehicle"]?.text, row.cells.total?.text, row.cells.reception?.text]).toEqual(["112.61", "20.00", "80.00", "12.00"]);
    expect(errors(table())).toEqual([]);
  });

  it("fails: a 预算数 retyped breaks the 预算数 sums, not the 决算数 ones", () => {
    const fs = errors(table("25.00"));
    expect(fs.map((f) => f.column).sort()).toEqual(["预算数 公务用车购置及运行费", "预算数 “三公”经费合计"].sort());
  });
});
