import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Finding as Diagnosis } from "../../src/engine/types.js";
import { cliJson, ROOT, type JsonFinding } from "../helpers/cli.js";
import { type LineSeed, pageOfLine, statedOf } from "../helpers/seeds.js";

/*
 * A 吉林 省直部门's 2025 部门预算 (test/fixtures/jilin-budget, synthetic) as `pdftotext -layout` prints its PDF: 部门公开表NN
 * at the right margin above each title (the department and year in it, （续） on a continued page), headers over three lines
 * with codes under 类 | 款 | 项, 基本支出 over 小计 and its economic classes, 2024年 / 预算数 wrapped beside 2025年预算数 over its
 * split with the change in %, a 三公 table of last year's budget beside this year's, a 政府采购预算表 by project with
 * 采购类别 over 货物 · 工程 · 服务, the tables before the 情况说明 (the national “关于…的说明” wording).
 */
const DIR = join(ROOT, "test", "fixtures", "jilin-budget");
const seeds: LineSeed[] = JSON.parse(readFileSync(join(DIR, "seeds.json"), "utf8"));
type Finding = JsonFinding & { location: { page?: number; line?: number } };
const seed = (id: string) => seeds.find((s) => s.id === id)!;

describe("a 吉林 部门预算, its headers over three lines", () => {
  it("consistent: no error and no warning, every table read", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "document.txt")]);
    const doc = report.documents[0];
    expect(doc.findings.filter((f: Finding) => f.severity !== "info").map((f: Finding) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(status).toBe(0);
    expect(doc.unknownTables ?? []).toEqual([]);
    const present = doc.tables.filter((t: { present: boolean }) => t.present);
    expect(new Set(present.map((t: { printed: string }) => t.printed))).toEqual(new Set(Array.from({ length: 11 }, (_, i) => `部门公开表${String(i + 1).padStart(2, "0")}`)));
    expect(doc.moneyUnit).toBe("万元");
  });

  it("seeded: each seed an error at its line and page, the table figures and the text's diagnosed with their true values", { timeout: 120_000 }, () => {
    const { status, report } = cliJson([join(DIR, "seeded.txt")]);
    expect(status).toBe(1);
    const page = pageOfLine(join(DIR, "seeded.txt"));
    const errors: Finding[] = report.documents[0].findings.filter((f: Finding) => f.severity === "error");
    const blamed = (line: number) => errors.filter((f) => f.ruleId === "diagnosis" && f.location.line === line).map((f) => [f.stated, f.computed, f.location.page]);
    for (const s of seeds.filter((s) => !["J3", "J6"].includes(s.id))) expect(blamed(s.line), s.id).toContainEqual([statedOf(s.printed), statedOf(s.true), page(s.line)]);
    // J3: a 增减（%） the two years' budgets do not give (2.987%); J6: the text's 增长 P% on its 增加 X 万元.
    const at = (s: LineSeed, rule: string) => errors.filter((f) => f.ruleId === rule && f.location.line === s.line).map((f) => [f.stated, Number(Number(f.computed).toFixed(2))]);
    expect(at(seed("J3"), "change-percent")).toEqual([["3.99", 2.99]]);
    expect(at(seed("J6"), "yoy-change")).toEqual([["4.94", 4.49]]);
    // Every diagnosis is a seed's, with no alternative.
    const diagnoses = errors.filter((f) => f.ruleId === "diagnosis") as unknown as Diagnosis[];
    expect(diagnoses.every((f) => seeds.some((s) => s.line === f.location.line))).toBe(true);
    expect(diagnoses.every((f) => f.diagnosis!.alternatives.length === 0)).toBe(true);
  });
});
