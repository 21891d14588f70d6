import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { rules } from "../../src/rules/index.js";
import { layoutTable, pad, padL } from "../helpers/layout.js";

/*
 * The national template's 政府性基金预算财政拨款收入支出决算表 (公开08表): 年初结转和结余 | 本年收入 | 本年支出 over 小计 ·
 * 基本支出 · 项目支出 | 年末结转和结余, by function code. Read by kind alone it was a header not understood; now each
 * row's 本年支出 = 年初结转和结余 + 本年收入 − 年末结转和结余 is checked (and 小计 = 基本支出 + 项目支出, the 类-款-项 sums).
 */
const line = (code: string, name: string, ...xs: string[]) => pad(code, 10) + pad(name, 18) + xs.map((x) => padL(x, 12)).join("");
const table = (closing = "20.00") =>
  layoutTable("国家某局2024年度部门决算", "政府性基金预算财政拨款收入支出决算表", "部门：国家某局                                                 金额单位：万元", [
    line("", "", "年初结转", "本年收入", "本年支出", "", "", "年末结转"),
    line("科目编码", "科目名称", "和结余", "", "小计", "基本支出", "项目支出", "和结余"),
    line("栏次", "", "1", "2", "3", "4", "5", "6"),
    line("", "合计", "10.00", "100.00", "90.00", "0.00", "90.00", "20.00"),
    line("229", "其他支出", "10.00", "100.00", "90.00", "0.00", "90.00", "20.00"),
    line("22960", "彩票公益金安排的支出", "10.00", "100.00", "90.00", "0.00", "90.00", "20.00"),
    line("2296002", "用于社会福利的彩票公益金支出", "10.00", "100.00", "90.00", "0.00", "90.00", closing),
  ]);
const errors = (text: string) => runRules(loadLayoutText("决算.txt", text), rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error");

describe("a fund's 决算 table: balances either side of the year", () => {
  it("is read, its columns named, and holds", () => {
    const d = loadLayoutText("决算.txt", table());
    expect(d.unknownTables ?? []).toEqual([]);
    const row = d.tables.find((t) => t.kind === "gov-fund")!.rows.find((r) => r.code === "2296002")!;
    expect(["opening", "income", "total", "basic", "project", "closing"].map((k) => row.cells[k]?.text)).toEqual(["10.00", "100.00", "90.00", "0.00", "90.00", "20.00"]);
    expect(errors(table())).toEqual([]);
  });

  it("fails: a 年末结转和结余 retyped breaks its row's balance and its 款's sum", () => {
    const fs = errors(table("25.00"));
    expect(fs.map((f) => [f.ruleId, f.code, f.column]).sort()).toEqual([
      ["hierarchy-sum", "22960", "年末结转和结余"],
      ["row-total", "2296002", "合计"],
    ]);
  });
});
