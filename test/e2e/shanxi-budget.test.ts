import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Finding as Diagnosis } from "../../src/engine/types.js";
import { cliJson, ROOT, type JsonFinding } from "../helpers/cli.js";
import { type LineSeed, pageOfLine, statedOf } from "../helpers/seeds.js";

/*
 * A 山西 省直部门's 2025 部门预算 (test/fixtures/shanxi-budget, synthetic) as `pdftotext -layout` prints its PDF: the 情况说明
 * before the tables, in sections 一 … 十四 (部门预算安排的总体情况, 收入 / 支出预算情况, …, 机关运行经费, 政府采购, 国有资产,
 * 绩效目标), then 表1 … 表9 of the national template, 表N at the left margin above each title, 单位名称 and 单位：万元 on one line,
 * 科目编码 in one column with each name indented by its level, 一般公共预算支出表's 基本支出 over 人员经费 · 公用经费, a 三公 table
 * of one line, and an empty 国有资本经营预算支出表 with its note.
 */
const DIR = join(ROOT, "test", "fixtures", "shanxi-budget");
const seeds: LineSeed[] = JSON.parse(readFileSync(join(DIR, "seeds.json"), "utf8"));
type Finding = JsonFinding & { location: { page?: number; line?: number } };

describe("a 山西 部门预算, its 情况说明 before the tables", () => {
  it("consistent: no error and no warning, every table read by its kind", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "document.txt")]);
    const doc = report.documents[0];
    expect(doc.findings.filter((f: Finding) => f.severity !== "info").map((f: Finding) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(status).toBe(0);
    expect(doc.stage).toBe("budget");
    expect(doc.moneyUnit).toBe("万元");
    expect(doc.unknownTables ?? []).toEqual([]);
    const present = doc.tables.filter((t: { present: boolean }) => t.present);
    expect(Object.fromEntries(present.map((t: { printed: string; kind: string }) => [t.printed, t.kind]))).toEqual({
      表1: "summary",
      表2: "income",
      表3: "expenditure",
      表4: "allocation-summary",
      表5: "general-function",
      表6: "general-basic-economic",
      表7: "sanggong",
      表8: "gov-fund",
      表9: "state-capital",
    });
  });

  it("seeded: each seed an error at its line and page, the diagnosis naming the figure printed and its true value", { timeout: 120_000 }, () => {
    const { status, report } = cliJson([join(DIR, "seeded.txt")]);
    expect(status).toBe(1);
    const page = pageOfLine(join(DIR, "seeded.txt"));
    const errors: Finding[] = report.documents[0].findings.filter((f: Finding) => f.severity === "error");
    const blamed = (line: number) => errors.filter((f) => f.ruleId === "diagnosis" && f.location.line === line).map((f) => [f.stated, f.computed, f.location.page]);
    for (const s of seeds) expect(blamed(s.line), s.id).toEqual([[statedOf(s.printed), statedOf(s.true), page(s.line)]]);
    // No other diagnosis, and none with an alternative.
    const diagnoses = errors.filter((f) => f.ruleId === "diagnosis") as unknown as Diagnosis[];
    expect(diagnoses.length).toBe(seeds.length);
    expect(diagnoses.every((f) => f.diagnosis!.alternatives.length === 0)).toBe(true);
  });
});
