import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT, type JsonFinding } from "../helpers/cli.js";
import { type LineSeed, pageOfLine } from "../helpers/seeds.js";

/*
 * A 宁夏 regional department's 2025 部门预算 (test/fixtures/ningxia-budget, synthetic) as `pdftotext -layout` prints its PDF:
 * three budget units, `表N` right-set on each title's line with 单位名称 and 金额单位：万元 below it, 表3's long 科目名称
 * wrapped to the line below their figures, 表7 三公 down the page with 2024年预算数 | 2025年预算数 | 增减额 | 增减率（%）, the
 * 情况说明's 结构情况 a list of 类 by name with their shares (before round 54: a 类 typed larger than the 一般公共预算当年拨款
 * lost the list its total, no diagnosis).
 */
const DIR = join(ROOT, "test", "fixtures", "ningxia-budget");
const seeds: LineSeed[] = JSON.parse(readFileSync(join(DIR, "seeds.json"), "utf8"));
type Finding = JsonFinding & { location: { page?: number; line?: number }; diagnosis?: { alternatives: unknown[] } };
const plain = (s: string | null | undefined) => (s ?? "").replace(/,/g, "").replace(/\.?0+$/, "");
const seed = (id: string) => seeds.find((s) => s.id === id)!;

describe("a 宁夏 department's 部门预算: 表1 … 表10 right-set, wrapped names, 三公 against last year's budget", () => {
  it("consistent: no error and no warning, every table read by its kind", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "document.txt")]);
    const doc = report.documents[0];
    expect(doc.findings.filter((f: Finding) => f.severity !== "info").map((f: Finding) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(status).toBe(0);
    expect(doc.stage).toBe("budget");
    expect(doc.moneyUnit).toBe("万元");
    expect(doc.unknownTables ?? []).toEqual([]);
    const present = doc.tables.filter((t: { present: boolean }) => t.present);
    expect(present.map((t: { printed: string; kind: string }) => `${t.printed} ${t.kind}`)).toEqual([
      "表1 summary", "表2 income", "表3 expenditure", "表4 allocation-summary", "表5 general-function",
      "表6 general-basic-economic", "表7 sanggong", "表8 gov-fund", "表9 state-capital", "表10 project-summary",
    ]);
    // (No performance table and no 项 statement of a 决算: those rules have nothing to read; nothing else unchecked.)
    expect((doc.notChecked ?? []).map((n: { ruleId: string }) => n.ruleId).sort()).toEqual(["allocation-tables", "budget-execution", "performance-vs-projects", "tasks-vs-budget"]);
  });

  it("seeded: each seed an error at its line, diagnosed with its true value and no alternative; no other figure blamed", { timeout: 120_000 }, () => {
    const { status, report } = cliJson([join(DIR, "seeded.txt")]);
    expect(status).toBe(1);
    const page = pageOfLine(join(DIR, "seeded.txt"));
    const errors: Finding[] = report.documents[0].findings.filter((f: Finding) => f.severity === "error");
    const blamed = (id: string) => errors.filter((f) => f.ruleId === "diagnosis" && f.location.line === seed(id).line).map((f) => [plain(f.stated), plain(f.computed), f.location.page, f.diagnosis!.alternatives.length]);
    const diagnosed = seeds.filter((s) => s.id !== "N3");
    for (const s of diagnosed) expect(blamed(s.id), s.id).toEqual([[plain(s.printed), plain(s.true), page(s.line), 0]]);
    expect(errors.filter((f) => f.ruleId === "diagnosis").length).toBe(diagnosed.length);
    // N3: the percentage alone against its change and amount (the change 169.02 is printed nowhere else: it or P).
    expect(errors.filter((f) => f.location.line === seed("N3").line).map((f) => [f.ruleId, plain(f.stated)])).toEqual([["yoy-change", "2.79"]]);
    // N2: the text against 表7's and 表6's 公务接待费.
    expect(errors.filter((f) => f.ruleId === "text-vs-table" && f.location.line === seed("N2").line).map((f) => [plain(f.stated), plain(f.computed)])).toEqual([["5.18", "5.81"]]);
  });
});
