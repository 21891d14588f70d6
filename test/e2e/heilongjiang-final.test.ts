import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Finding as Diagnosis } from "../../src/engine/types.js";
import { cliJson, ROOT, type JsonFinding } from "../helpers/cli.js";
import { type LineSeed, pageOfLine, statedOf } from "../helpers/seeds.js";

/*
 * A 黑龙江 省直部门's 2024 部门决算 (test/fixtures/heilongjiang-final, synthetic) as `pdftotext -layout` prints its PDF: the
 * nine national tables, each title centred with 公开NN表 at its right end and （续） on a continued page, 编制单位 · 2024年度 ·
 * 金额单位 on one line, codes under 类 | 款 | 项 with a 栏次 line, 栏        次 spaced out in the two-sided tables, 公开05表 with
 * 年初预算数 | 调整预算数 | 决算数, the 三公 table down the page with its 统计数 in a lane to the right, and a 情况说明 stating
 * each 项's 年初预算, 调整后预算 and 决算 (完成调整后预算的 P%).
 */
const DIR = join(ROOT, "test", "fixtures", "heilongjiang-final");
const seeds: LineSeed[] = JSON.parse(readFileSync(join(DIR, "seeds.json"), "utf8"));
type Finding = JsonFinding & { location: { page?: number; line?: number } };
const seed = (id: string) => seeds.find((s) => s.id === id)!;

describe("a 黑龙江 部门决算 of the national tables, 年初预算数 | 调整预算数 | 决算数", () => {
  it("consistent: no error and no warning, every table read", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "document.txt")]);
    const doc = report.documents[0];
    expect(doc.findings.filter((f: Finding) => f.severity !== "info").map((f: Finding) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(status).toBe(0);
    expect(doc.stage).toBe("final");
    expect(doc.unknownTables ?? []).toEqual([]);
    const present = doc.tables.filter((t: { present: boolean }) => t.present);
    expect(new Set(present.map((t: { printed: string }) => t.printed))).toEqual(new Set(Array.from({ length: 9 }, (_, i) => `公开0${i + 1}表`)));
  });

  it("seeded: each seed an error at its line and page, the diagnosis naming the figure printed and its true value", { timeout: 120_000 }, () => {
    const { status, report } = cliJson([join(DIR, "seeded.txt")]);
    expect(status).toBe(1);
    const page = pageOfLine(join(DIR, "seeded.txt"));
    const errors: Finding[] = report.documents[0].findings.filter((f: Finding) => f.severity === "error");
    const blamed = (line: number) => errors.filter((f) => f.ruleId === "diagnosis" && f.location.line === line).map((f) => [f.stated, f.computed, f.location.page]);
    for (const s of seeds.filter((s) => !["H4", "H7"].includes(s.id))) expect(blamed(s.line), s.id).toContainEqual([statedOf(s.printed), statedOf(s.true), page(s.line)]);
    const at = (s: LineSeed, rule: string) => errors.filter((f) => f.ruleId === rule && f.location.line === s.line).map((f) => [f.stated, Number(Number(f.computed).toFixed(2))]);
    // H4: 完成调整后预算的 P% its 决算 and 调整后预算 do not give; H7: the text's 接待批次 against the 三公 table's 统计数.
    expect(at(seed("H4"), "budget-execution")).toEqual([["98.29", 89.29]]);
    expect(at(seed("H7"), "text-vs-table")).toEqual([["13", 31]]);
    // H2: the 调整预算数 retyped in the table is also at odds with the text's 调整后预算 of the 项.
    expect(errors.some((f) => f.ruleId === "text-vs-table" && f.stated === "1076.26" && f.computed === "1067.26")).toBe(true);
    // A count is in no identity: the table's 31 and the text's 13 are equally small explanations, both named.
    const count = errors.find((f) => f.ruleId === "diagnosis" && f.stated === "31") as unknown as Diagnosis;
    expect(count.diagnosis!.alternatives.map((a) => a.map((x) => [x.location.line, x.from, x.to]))).toEqual([[[seed("H7").line, "13", "31"]]]);
    // Every other diagnosis is a seed's, with no alternative.
    const diagnoses = (errors.filter((f) => f.ruleId === "diagnosis") as unknown as Diagnosis[]).filter((f) => f !== count);
    expect(diagnoses.every((f) => seeds.some((s) => s.line === f.location.line))).toBe(true);
    expect(diagnoses.every((f) => f.diagnosis!.alternatives.length === 0)).toBe(true);
  });
});
