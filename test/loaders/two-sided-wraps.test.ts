import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkDocument } from "../../src/check.js";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import type { BudgetDocument } from "../../src/model/document.js";
import { rules } from "../../src/rules/index.js";
import { ROOT } from "../helpers/cli.js";

/*
 * Labels of a two-sided table wrapped onto lines of their own, in the national 财政拨款收入支出决算总表 (the
 * Shanghai 决算's 表4), whatever template reads it:
 * - 二、政府性基金预算财政拨 / 款: the 款 was taken for the header's (its 国有资本经营预算财政拨款 printed one
 *   character a line ends in 款) printed again, and dropped: the income item had no role;
 * - 二十一、国有资本经营预算 / 支出, printed in the expenditure side's column: its first line reads as the income
 *   role 国有资本经营预算, and was an income item, the 支出 an expenditure item of its own. With a figure, the
 *   income side's sum would have been wrong.
 */
const FILE = "fixtures/shanghai/shanghai-putuo_finance-bureau_2024_dept-final-accounts.txt";
const text = readFileSync(join(ROOT, FILE), "utf8");

const allocation = (d: BudgetDocument) => d.tables.find((t) => t.kind === "allocation-summary")!;
const named = (d: BudgetDocument, name: string) => allocation(d).rows.filter((r) => r.name === name).map((r) => `${r.side}:${r.role}`);

describe("wrapped labels of a two-sided table", () => {
  it("the 决算 template's reading: 款 joins its label, and an expenditure item wrapped in its column stays one", () => {
    const d = loadLayoutText(FILE, text);
    expect(d.template).toBe("shanghai-final");
    // Once under 本年收入, once under 年初财政拨款结转和结余.
    expect(named(d, "政府性基金预算财政拨款")).toEqual(["income:gov-fund", "income:gov-fund"]);
    expect(named(d, "国有资本经营预算支出")).toEqual(["expenditure:null"]);
    expect(named(d, "支出")).toEqual([]);
    expect(named(d, "国有资本经营预算")).toEqual([]);
  });

  it("with a figure on the wrapped expenditure item, the income side still adds up and the expenditure side does not", () => {
    // 国有资本经营预算支出 gets 100.00 on its first line: an expenditure item, so 本年支出合计 (2,940.05) no longer
    // equals its items, and 本年收入合计 still equals the income items.
    const lines = text.split("\n");
    const i = lines.findIndex((l) => /^\s+二十一、国有资本经营预算\s*$/.test(l));
    expect(i).toBeGreaterThan(0);
    lines[i] = `${lines[i]}${" ".repeat(Math.max(1, 45 - [...lines[i]].length))}100.00`;
    const d = loadLayoutText(FILE, lines.join("\n"));
    const findings = runRules(d, rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.table === "T4" && f.severity === "error");
    expect(findings.some((f) => f.item === "本年支出合计")).toBe(true);
    expect(findings.some((f) => f.item === "本年收入合计")).toBe(false);
  });

  it("a header line's text printed again on a continuation page, where it stood, is still header", () => {
    // The header's 款 (line 257) printed again at its own place after a page break: no row.
    const lines = text.split("\n");
    const k = lines.findIndex((l) => /^\s{60,}款\s*$/.test(l));
    expect(k).toBeGreaterThan(0);
    const at = lines.findIndex((l, n) => n > k && /^\s+五、教育支出\s*$/.test(l));
    lines.splice(at + 1, 0, lines[k]);
    const d = loadLayoutText(FILE, lines.join("\n"));
    expect(allocation(d).rows.length).toBe(allocation(loadLayoutText(FILE, text)).rows.length);
  });
});

describe("a 决算's 本年支出合计 printing its 合计 on the line above and its 一般公共预算 on its own line", () => {
  // Line 295: 2,940.05 (本年收入合计) and 2,940.05 (本年支出合计's 合计); line 296: the labels and 2,940.05 (its 一般公共预算).
  const lines = text.split("\n");
  const above = lines.findIndex((l) => /^\s+2,940\.05\s+2,940\.05\s*$/.test(l));
  const withTotal = (figure: string) => [...lines.slice(0, above), lines[above].replace(/2,940\.05\s*$/, figure), ...lines.slice(above + 1)].join("\n");
  const errors = (t: string) => runRules(loadLayoutText(FILE, t), rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error" && f.table === "T4");

  it("reads both: the 合计 where it is printed, the split on its line", () => {
    expect(above).toBeGreaterThan(0);
    const row = allocation(loadLayoutText(FILE, text)).rows.find((r) => r.role === "expenditure-subtotal")!;
    expect([row.cells.amount?.text, row.cells.amount?.location.line, row.cells["general-public"]?.text, row.cells["general-public"]?.location.line]).toEqual(["2,940.05", above + 1, "2,940.05", above + 2]);
    expect(errors(text)).toEqual([]);
  });

  it("fails: that 合计 mistyped is an error at its line, and the diagnosis names it (not the carry-over spent)", async () => {
    const found = (await checkDocument(loadLayoutText(FILE, withTotal("2,940.45")), { tolerance: { kind: "auto" }, severities: {}, lang: "en" })).filter((f) => f.severity === "error" && f.table === "T4");
    const diagnosis = found.filter((f) => f.ruleId === "diagnosis");
    expect(diagnosis.map((f) => [f.item, f.location.line, f.stated, f.computed])).toContainEqual(["本年支出合计", above + 1, "2940.45", "2940.05"]);
    expect(found.some((f) => f.ruleId === "items-vs-units" && /carry-over/.test(f.message))).toBe(false);
  });
});
