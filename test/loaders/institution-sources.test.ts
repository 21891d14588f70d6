import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { amountOf, table } from "../../src/model/document.js";
import { rules } from "../../src/rules/index.js";

/*
 * A 事业单位's own money (a 公立医院's, a 高校's): its 收支总表 prints 用事业基金弥补收支差额 after 本年收入合计, a line of 收入总计
 * beside 上年结转结余, and its 收入总表 a column of that name among the sources. The two tables of
 * test/fixtures/hospital-budget (湖南省第二人民医院's 单位预算, synthetic), as `pdftotext -layout` prints them.
 */
const lines = readFileSync(join(__dirname, "..", "fixtures", "hospital-budget", "document.txt"), "utf8").split("\n");
const from = lines.findIndex((l) => l.trim().endsWith("单位收支总表")) - 1;
const to = lines.findIndex((l) => l.trim().endsWith("单位支出总表")) - 1;
const text = ["湖南省第二人民医院2026年单位预算", "", ...lines.slice(from, to)].join("\n");

describe("a 事业单位's 用事业基金弥补收支差额", () => {
  const doc = loadLayoutText("doc.txt", text);

  it("is a line of the 收支总表's 收入总计 beside 上年结转结余, and a column of the 收入总表 among its sources", () => {
    const summary = table(doc, "summary")!;
    const line = summary.rows.find((r) => r.name === "用事业基金弥补收支差额")!;
    expect(line.role).toBe("income-carryover");
    expect(amountOf(line, "amount")!.value.toString()).toBe("1200");
    const income = table(doc, "income");
    expect(doc.unknownTables ?? []).toEqual([]);
    expect(income!.columns.map((c) => c.key)).toContain("unused-balance");
    const top = income!.rows.find((r) => r.kind === "department")!;
    expect(amountOf(top, "unused-balance")!.value.toString()).toBe("1200");
  });

  it("so the tables' identities hold: 收入总计 = 本年收入合计 + 用事业基金弥补收支差额 + 上年结转结余, 合计 = Σ sources", () => {
    const findings = runRules(doc, rules, { tolerance: { kind: "auto" }, lang: "en" });
    expect(findings.filter((f) => f.severity === "error").map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
  });

  it("fails: the line mistyped breaks 收入总计 and its match with the 收入总表's column", () => {
    const typo = text.replace(/^(用事业基金弥补收支差额\s+)1200\.00/m, "$11300.00");
    expect(typo).not.toBe(text);
    const findings = runRules(loadLayoutText("doc.txt", typo), rules, { tolerance: { kind: "auto" }, lang: "en" });
    const rulesOf = new Set(findings.filter((f) => f.severity === "error").map((f) => f.ruleId));
    expect(rulesOf).toEqual(new Set(["balance-totals", "income-vs-summary"]));
  });
});
