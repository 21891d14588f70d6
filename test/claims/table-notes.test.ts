import { describe, expect, it } from "vitest";
import { claimsOf } from "../../src/claims/index.js";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { textVsTable } from "../../src/rules/text-vs-table.js";
import { shanghaiFinal } from "../../src/templates/shanghai.js";
import { FINAL_FUNCTION_TABLE, FINAL_GOV_FUND_TABLE } from "../helpers/final.js";
import { doc } from "../helpers/docs.js";

/*
 * A table's notes (注：…), kept with the table by every loader (Table.notes) and read for a fund the department has none
 * of (claims/none-said.ts), as the written parts are. Shanghai's tables say it under each fund's empty table, and often
 * nowhere else: a note left from a year without that fund, under a table that now prints figures, was read by nothing.
 */
const NOTE = "注：本部门2024年度无政府性基金预算财政拨款收入和支出，故本表为空表。";
const layout = (note: string) =>
  loadLayoutText("final.txt", ["2024年某局部门决算", "", ...FINAL_FUNCTION_TABLE, "", ...FINAL_GOV_FUND_TABLE, note, "", "第三部分 某局2024年度部门决算情况说明", "  一、收入支出决算总体情况说明"].join("\n"), { template: shanghaiFinal });
const errors = (d: ReturnType<typeof layout>) =>
  runRules(d, [textVsTable], { tolerance: { kind: "auto" }, lang: "en" })
    .filter((f) => f.severity === "error")
    .map((f) => `${f.stated} ${f.computed} ${f.location.line}:${f.location.column}`);

describe("a table's notes", () => {
  it("layout text: the note under a fund's table is kept with it, where it is printed", () => {
    const t = layout(NOTE).tables.find((x) => x.kind === "gov-fund")!;
    expect(t.notes?.map((n) => [n.line, n.text])).toEqual([[FINAL_FUNCTION_TABLE.length + FINAL_GOV_FUND_TABLE.length + 4, NOTE]]);
  });

  it("layout text: a note saying the fund is none, under the fund's table printing 305.00 spent: an error at its 无", () => {
    const line = FINAL_FUNCTION_TABLE.length + FINAL_GOV_FUND_TABLE.length + 4;
    expect(errors(layout(NOTE))).toEqual([`0 305 ${line}:12`]);
    // (A note that says nothing of the fund, or a table of nothing: none.)
    expect(errors(layout("注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。"))).toEqual([]);
  });

  it("a grid (tab-separated) form: its notes kept and read the same", () => {
    const d = doc(`2025年某局部门预算

表 9
政府性基金预算支出表
单位：万元
科目编码→科目名称→合计→基本支出→项目支出
→合计→120→0→120
229→其他支出→120→0→120
注：本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。
`);
    const t = d.tables.find((x) => x.kind === "gov-fund");
    expect(t?.notes?.map((n) => n.text)).toEqual(["注：本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。"]);
    expect(claimsOf(d).claims.filter((c) => c.kind === "table-figure").map((c) => `${c.kind === "table-figure" && c.figure} ${c.amount.location.line}`)).toEqual(["gov-fund-expenditure 9"]);
  });
});
