import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { COUNT_CELL } from "../../src/model/document.js";
import { rules } from "../../src/rules/index.js";
import { cellsAt as at, layoutTable, pad, padL } from "../helpers/layout.js";

/*
 * Forms of a 黑龙江 省直部门's 部门决算 (test/fixtures/heilongjiang-final, round 52), as `pdftotext -layout` prints them.
 * - 收入支出决算总表 with its 栏次 line spaced out to fill its cell (栏        次, as 项        目 is): the characters were
 *   read apart, 次 taken for an expenditure item (an item-code warning on a consistent table);
 * - 财政拨款“三公”经费支出决算表 with the items down the page (项目 | 预算数 | 决算数) and the counts in a lane of their own to
 *   their right (项目 | 统计数): the header was not understood (决算数、统计数), the table not read.
 */
const errors = (text: string) => runRules(loadLayoutText("决算.txt", text), rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity !== "info");
const UNIT = `编制单位：黑龙江省某厅${" ".repeat(40)}2024年度${" ".repeat(40)}金额单位：万元`;

describe("收入支出决算总表, its 栏次 spaced out", () => {
  const row = (a: string, ra: string, x: string, b = "", rb = "", y = "") => pad(a, 30) + padL(ra, 4) + padL(x, 14) + "   " + pad(b, 24) + padL(rb, 4) + padL(y, 14);
  const table = (spaced: boolean) =>
    layoutTable("黑龙江省某厅2024年度部门决算", "收入支出决算总表", UNIT, [
      row("             收        入", "", "", "             支        出"),
      row("     项        目", "行次", "金额", "     项        目", "行次", "金额"),
      row(spaced ? "     栏        次" : "     栏次", "", "1", spaced ? "     栏        次" : "     栏次", "", "2"),
      row("一、一般公共预算财政拨款收入", "1", "1,000.00", "一、一般公共服务支出", "9", "1,100.00"),
      row("二、事业收入", "2", "100.00"),
      row("本年收入合计", "3", "1,100.00", "本年支出合计", "10", "1,100.00"),
      row("年初结转和结余", "4", "50.00", "年末结转和结余", "11", "50.00"),
      row("总计", "5", "1,150.00", "总计", "12", "1,150.00"),
    ]);

  it("is read as the unspaced one is: no row named 次, no finding", () => {
    for (const spaced of [false, true]) {
      const d = loadLayoutText("决算.txt", table(spaced));
      const summary = d.tables.find((t) => t.kind === "summary")!;
      expect(summary.rows.some((r) => /次/.test(r.name ?? "")), String(spaced)).toBe(false);
      expect(errors(table(spaced)), String(spaced)).toEqual([]);
    }
  });
});

describe("财政拨款“三公”经费支出决算表, the counts in a lane right of the items", () => {
  const line = (label: string, budget: string, final: string, count?: [string, string]) =>
    at([2, label], [48 - budget.length, budget], [68 - final.length, final], ...(count ? ([[82, count[0]], [150 - count[1].length, count[1]]] as [number, string][]) : []));
  const table = (o: { run?: string; held?: string } = {}) =>
    layoutTable("黑龙江省某厅2024年度部门决算", "财政拨款“三公”经费支出决算表", UNIT, [
      at([2, "项目"], [45, "预算数"], [65, "决算数"], [82, "项目"], [147, "统计数"]),
      at([2, "栏次"], [47, "1"], [67, "2"], [82, "栏次"], [149, "3"]),
      line("合计", "137.13", "119.81", ["1.因公出国（境）团组数（个）", "1"]),
      line("1.因公出国（境）费", "15.00", "9.67", ["2.因公出国（境）人次数（人）", "4"]),
      line("2.公务用车购置及运行维护费", "94.15", "87.02", ["3.公务用车购置数（辆）", "1"]),
      line("  （1）公务用车购置费", "28.00", "25.77", ["4.公务用车保有量（辆）", o.held ?? "27"]),
      line("  （2）公务用车运行维护费", "66.15", o.run ?? "61.25", ["5.国内公务接待批次（个）", "31"]),
      line("3.公务接待费", "27.98", "23.12", ["6.国内公务接待人次（人）", "246"]),
      line("  （1）国内接待费", "27.98", "23.12"),
      line("    其中：外事接待费", "0.00", "0.00"),
      line("  （2）国（境）外接待费", "0.00", "0.00"),
    ]);

  it("is read: the items' 预算数 and 决算数, the counts as counts", () => {
    const d = loadLayoutText("决算.txt", table());
    expect(d.unknownTables ?? []).toEqual([]);
    const r = d.tables.find((t) => t.kind === "sanggong")!.rows[0];
    expect(["budget-total", "total", "budget-vehicle-operation", "vehicle-operation", "reception-domestic"].map((k) => r.cells[k]?.text)).toEqual(["137.13", "119.81", "66.15", "61.25", "23.12"]);
    expect([`${COUNT_CELL}vehicles-held`, `${COUNT_CELL}reception-batches`, `${COUNT_CELL}abroad-people`].map((k) => r.cells[k]?.text)).toEqual(["27", "31", "4"]);
    expect(errors(table())).toEqual([]);
  });

  it("fails: a 决算数 its 小计 is not; a count changed is no money", () => {
    expect(errors(table({ run: "62.15" })).filter((f) => f.ruleId === "row-total").map((f) => [f.column, f.stated, f.computed])).toEqual([["公务用车购置及运行费", "87.02", "87.92"]]);
    expect(errors(table({ held: "72" }))).toEqual([]);
  });
});
