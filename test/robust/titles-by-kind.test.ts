import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import type { Finding } from "../../src/engine/types.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import type { BudgetDocument } from "../../src/model/document.js";
import { rules } from "../../src/rules/index.js";
import { templateByName } from "../../src/templates/index.js";
import { ROOT } from "../helpers/cli.js";

/*
 * The 部门决算's nine tables are the national ones, printed by every province under titles of their own
 * wording: 部门收支决算总表 for 收入支出决算总表, 财政拨款收支决算总表, 一般公共预算财政拨款“三公”经费支出决算表,
 * 国有资本经营预算财政拨款支出决算表. A document whose other titles are the template's was read with it, and a
 * table under such a title was neither read nor listed: its rows ran into the part before (the 收支总表, first
 * of the tables, into the 目录), and only table-presence said a table was missing.
 */
const FILE = "fixtures/shanghai/shanghai-putuo_finance-bureau_2024_dept-final-accounts.txt";
// Wordings of other provinces, which the template's own titles match.
const NATIONAL_TITLES: [string, string][] = [
  ["收入支出决算总表", "部门收支决算总表"],
  ["收入决算表", "单位收入决算表"],
  ["支出决算表", "单位支出决算表"],
  ["财政拨款收入支出决算总表", "财政拨款收支决算总表"],
  ["一般公共预算财政拨款支出决算表", "一般公共预算支出决算表"],
  ["财政拨款“三公”经费支出决算表", "一般公共预算财政拨款“三公”经费支出决算表"],
  ["政府性基金预算财政拨款收入支出决算表", "政府性基金决算表"],
  ["国有资本经营预算财政拨款收入支出决算表", "国有资本经营预算财政拨款支出决算表"],
];
// Wordings no template prints, read as the template's table of the kind they name.
const OTHER_TITLES: [string, string][] = [
  ["收入支出决算总表", "部门收支决算总体情况表"],
  ["财政拨款收入支出决算总表", "财政拨款收支决算总体情况表"],
  ["财政拨款“三公”经费支出决算表", "一般公共预算“三公”经费支出决算情况表"],
  ["国有资本经营预算财政拨款收入支出决算表", "国有资本经营预算财政拨款支出决算情况表"],
];

const retitled = (text: string, pairs: [string, string][]) =>
  pairs.reduce((t, [from, to]) => t.replace(new RegExp(`^([\\f ]*)${from}[ ]*$`, "gm"), `$1${to}`), text);
const tables = (d: BudgetDocument) => d.tables.map((t) => `${t.id}:${t.kind}:${t.rows.length}`);
const said = (fs: Finding[]) => fs.map((f) => `${f.severity} ${f.ruleId} ${f.table ?? ""} ${f.item ?? ""} ${f.stated ?? ""} ${f.computed ?? ""}`).sort();
const check = (d: BudgetDocument) => runRules(d, rules, { tolerance: { kind: "auto" }, lang: "en" });

describe("a table of the template's kind under another title", () => {
  const text = readFileSync(join(ROOT, FILE), "utf8");
  const plain = loadLayoutText(FILE, text);

  it("the national 决算 tables' titles as other provinces word them: the same tables and findings", () => {
    expect(plain.template).toBe("shanghai-final");
    const d = loadLayoutText(FILE, retitled(text, NATIONAL_TITLES));
    expect(d.template).toBe("shanghai-final");
    expect(tables(d)).toEqual(tables(plain));
    expect(said(check(d))).toEqual(said(check(plain)));
  });

  it("the national template's own titles without 总 (收入支出决算表, 财政拨款收入支出决算表: 湖南, 重庆): the same tables and findings", () => {
    const own: [string, string][] = [
      ["收入支出决算总表", "收入支出决算表"],
      ["财政拨款收入支出决算总表", "财政拨款收入支出决算表"],
    ];
    const changed = retitled(text, own);
    expect(changed).not.toBe(text);
    const d = loadLayoutText(FILE, changed);
    expect(d.template).toBe("shanghai-final");
    expect(tables(d)).toEqual(tables(plain));
    expect(said(check(d))).toEqual(said(check(plain)));
    // Read by kind alone (the generic template), the same titles name the same kinds.
    const generic = loadLayoutText(FILE, changed, { template: templateByName("generic") });
    expect(generic.tables.filter((t) => t.rows.length && /summary/.test(t.kind)).map((t) => t.kind).sort()).toEqual(["allocation-summary", "summary"]);
  });

  it("each title no template prints, naming a kind the template has, reads the same tables and findings", () => {
    for (const pair of OTHER_TITLES) {
      const changed = retitled(text, [pair]);
      expect(changed, pair[0]).not.toBe(text);
      const d = loadLayoutText(FILE, changed);
      expect(d.template, pair[1]).toBe("shanghai-final");
      expect(tables(d), pair[1]).toEqual(tables(plain));
      expect(said(check(d)), pair[1]).toEqual(said(check(plain)));
    }
  });

  it("three at once: the template is still recognised by the six titles it prints, and every table read", () => {
    const d = loadLayoutText(FILE, retitled(text, OTHER_TITLES.slice(0, 3)));
    expect(d.template).toBe("shanghai-final");
    expect(tables(d)).toEqual(tables(plain));
    expect(d.unknownTables).toEqual(plain.unknownTables);
    expect(said(check(d))).toEqual(said(check(plain)));
  });

  it("a mistyped figure of a table so titled is found at its line", () => {
    const changed = retitled(text, OTHER_TITLES.slice(0, 3));
    const d = loadLayoutText(FILE, changed);
    expect(d.template).toBe("shanghai-final");
    const t1 = d.tables.find((t) => t.kind === "summary")!;
    const total = t1.rows.find((r) => r.role === "income-total")!;
    const cell = Object.values(total.cells).find((c) => c.amount)!;
    const line = cell.location.line!;
    const lines = changed.split("\n");
    const printed = cell.amount!.text;
    const wrong = printed.replace(/\d(?=\D*$)/, (x) => String((Number(x) + 5) % 10));
    lines[line - 1] = lines[line - 1].replace(printed, wrong);
    const findings = check(loadLayoutText(FILE, lines.join("\n")));
    expect(findings.some((f) => f.severity === "error" && f.location.line === line)).toBe(true);
  });

  it("titles the template does not print do not choose it: by kind alone they are the generic template's", () => {
    // Six titles in a 预算's wording (no 决算 in them), three of the template's: three of nine is not the 60%
    // a template is chosen by.
    const many: [string, string][] = [
      ["收入支出决算总表", "部门收支总体情况表"],
      ["收入决算表", "部门收入总体情况表"],
      ["支出决算表", "部门支出总体情况表"],
      ["财政拨款收入支出决算总表", "财政拨款收支总体情况表"],
      ["一般公共预算财政拨款支出决算表", "一般公共预算支出情况表"],
      ["政府性基金预算财政拨款收入支出决算表", "政府性基金预算支出情况表"],
    ];
    const d = loadLayoutText(FILE, retitled(text, many));
    expect(d.template).toBe("generic");
    // Read by kind alone, the 财政拨款收支决算总表's 决算 wordings are known (年初财政拨款结转和结余, 总计): the
    // carry-over's own 一般公共预算财政拨款 is not counted into 本年收入合计 (a false error), and the document's
    // own errors are found as with its template.
    const errors = (fs: Finding[]) => said(fs.filter((f) => f.severity === "error"));
    expect(errors(check(d))).toEqual(errors(check(plain)));
  });
});
