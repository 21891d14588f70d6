import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import type { BudgetDocument } from "../../src/model/document.js";
import { rules } from "../../src/rules/index.js";
import { ROOT } from "../helpers/cli.js";

/*
 * A two-sided table printed by LibreOffice from narrow cells (test/fixtures/centred-cells): each label wraps onto two
 * lines and its row's figures are centred between them, on a line of their own or on the other side's label line —
 *
 *     （一）一般公共预                                        ← the income label's first line
 *                        21,705.01 二、社会保障和就业支出 …   ← its figure, before the expenditure side's label
 *     算拨款                                                  ← its last line
 *
 * The figures were given to the next label or lost: 本年收入 ≠ its items, 政府性基金预算拨款 against T1's
 * 一般公共预算's figure — 1 and 4 false errors on two consistent documents, in the PDF and in its text.
 */
const read = (name: string, edit = (t: string) => t) => loadLayoutText(`${name}.txt`, edit(readFileSync(join(ROOT, "test", "fixtures", "centred-cells", `${name}.txt`), "utf8")));
const rows = (d: BudgetDocument, side: "income" | "expenditure") =>
  d.tables
    .find((t) => t.kind === "allocation-summary")!
    .rows.filter((r) => r.side === side && r.cells.amount?.text)
    .map((r) => `${r.role ?? r.name} ${r.cells.amount.text}`);
const errors = (d: BudgetDocument) => runRules(d, rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error");

describe("a two-sided table whose figures are centred between their labels' lines", () => {
  it("广西: an income figure before the expenditure label is its wrapped income label's", () => {
    const d = read("gx");
    expect(rows(d, "income")).toEqual(["income-subtotal 22,117.40", "general-public 21,705.01", "state-capital 412.38", "income-total 22,117.40"]);
    expect(rows(d, "expenditure")).toEqual([
      "科学技术支出 2,840.17",
      "社会保障和就业支出 1,135.93",
      "卫生健康支出 267.98",
      "农林水支出 17,051.86",
      "住房保障支出 409.07",
      "国有资本经营预算支出 412.38",
      "expenditure-total 22,117.40",
    ]);
    expect(errors(d)).toEqual([]);
  });

  it("内蒙古: figures on a line of their own go to each side's label above, and an expenditure label's over an income line", () => {
    const d = read("nmg");
    expect(rows(d, "income")).toEqual(["income-subtotal 19870.44", "general-public 14391.92", "gov-fund 5478.52", "income-total 19870.44"]);
    // (社会保障和就业 / 支出 whole since round 53: its last line beside 拨款, the income label's, is no header's words.)
    expect(rows(d, "expenditure").slice(0, 2)).toEqual(["文化旅游体育与传媒支出 12599.73", "社会保障和就业支出 1133.92"]);
    expect(errors(d)).toEqual([]);
  });

  it("a 类 whose name's last line (支出) stands beside the income label's (拨款) is the 类 of that name with 支出", () => {
    const withFunctions = (t: string) =>
      `${t}\n                                        一般公共预算支出预算表\n部门：内蒙古自治区体育局                                  单位：万元\n科目编码        科目名称                         合计\n208             社会保障和就业支出               1133.92\n20805           行政事业单位养老支出             1133.92\n`;
    const d = read("nmg", withFunctions);
    const row = d.tables.find((t) => t.kind === "allocation-summary")!.rows.find((r) => r.name === "社会保障和就业支出")!;
    expect(row.code).toBe("208");
    expect(runRules(d, rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.ruleId === "item-code" && /^社会保障和就业/.test(f.item ?? ""))).toEqual([]);
  });

  it("fails: an income figure its total does not add up to is an error at 本年收入", () => {
    const fs = errors(read("gx", (t) => t.replace("21,705.01 二、", "21,715.01 二、")));
    expect(fs.map((f) => [f.ruleId, f.item, f.stated, f.computed])).toContainEqual(["hierarchy-sum", "本年收入", "22117.4", "22127.39"]);
  });

  it("the whole document: no error, and its part heading 第四部分 附表 is no table left unread", () => {
    const d = read("gx-document");
    expect(errors(d)).toEqual([]);
    expect((d.unknownTables ?? []).map((u) => u.title).filter((t) => /部分/.test(t))).toEqual([]);
  });
});
