import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { headerLeaves, nameColumns } from "../../src/loaders/layout/header.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { layoutLines, tokensOf } from "../../src/loaders/layout/tokens.js";
import { amountOf, table } from "../../src/model/document.js";
import { rules } from "../../src/rules/index.js";
import { generic } from "../../src/templates/generic.js";

/*
 * A 一般公共预算支出表 that compares this year's budget with last year's budget, not its outturn (a 湖北 地市's 2026 部门预算,
 * test/fixtures/hubei-city-2026, synthetic): 2025年预算数 | 2026年预算数 over 小计 · 基本支出 · 项目支出 | 2026年预算数比2025年预算数
 * over 增减额 · 增减率. Before round 55 the last group was no group: its label was read as one with 增减额 under it, a column
 * the kind has no name for, and the table was listed (表头未能识别).
 */
const lines = readFileSync(join(__dirname, "..", "fixtures", "hubei-city-2026", "document.txt"), "utf8").split("\n");
const title = lines.findIndex((l) => l.trim().endsWith("年一般公共预算支出表"));
const specs = generic.tables.find((t) => t.kind === "general-function")!.columns;

describe("2026年预算数比2025年预算数 over 增减额 · 增减率", () => {
  it("is a group: 增减额 and 增减率 are the change and its percentage, 2025年预算数 last year's budget", () => {
    const header = lines.slice(title + 2, title + 4);
    const named = nameColumns(headerLeaves(layoutLines(header.join("\n")).map(tokensOf)), specs);
    expect(named.unnamed).toEqual([]);
    expect(named.specs.map((s) => s.key)).toEqual(["prior-budget", "total", "basic", "project", "change", "change-pct"]);
  });

  it("so the table is read and its change checked: 2026年预算数 = 2025年预算数 + 增减额", () => {
    const end = lines.findIndex((l, i) => i > title && l.trim().endsWith("一般公共预算基本支出表")) - 1;
    const text = ["宜昌市自然资源和规划局2026年部门预算", "", ...lines.slice(title - 1, end)].join("\n");
    const doc = loadLayoutText("doc.txt", text);
    expect(doc.unknownTables ?? []).toEqual([]);
    const t = table(doc, "general-function")!;
    const top = t.rows.find((r) => r.kind === "department")!;
    expect(amountOf(top, "change")!.value.toString()).toBe("315.63");
    const ok = runRules(doc, rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error");
    expect(ok).toEqual([]);
    // A change mistyped is found.
    const typo = text.replace(/(11881\.78 .*)315\.63/, "$1351.63");
    expect(typo).not.toBe(text);
    const found = runRules(loadLayoutText("doc.txt", typo), rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error");
    expect(found.length).toBeGreaterThan(0);
  });
});
