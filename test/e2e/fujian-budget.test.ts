import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Finding as Diagnosis } from "../../src/engine/types.js";
import { cliJson, ROOT, type JsonFinding } from "../helpers/cli.js";
import { type LineSeed, pageOfLine, statedOf } from "../helpers/seeds.js";

/*
 * A 福建 省直部门's 2025 部门预算 (test/fixtures/fujian-budget, synthetic) as `pdftotext -layout` prints its PDF: each
 * table's number, title and unit on one line (表一 … 收支预算总表 … 单位：元), its tables in 元 and its text in 万元, codes by
 * segment under 类 | 款 | 项, names wrapped in their cells (to the bottom in 表二, to the top in 表三), tables over pages
 * with their title (续) and header again, `-` for nil, empty fund tables with a note, a 目录 with leaders and page numbers.
 */
const DIR = join(ROOT, "test", "fixtures", "fujian-budget");
const seeds: LineSeed[] = JSON.parse(readFileSync(join(DIR, "seeds.json"), "utf8"));
type Finding = JsonFinding & { location: { page?: number; line?: number } };

describe("a 福建 部门预算, its tables in 元 under title lines that print their number and unit", () => {
  it("consistent: no error and no warning, every table read, each in the 元 its title line prints, numbered as printed", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "document.txt")]);
    const doc = report.documents[0];
    expect(doc.findings.filter((f: Finding) => f.severity !== "info").map((f: Finding) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(status).toBe(0);
    expect(doc.unknownTables ?? []).toEqual([]);
    const present = doc.tables.filter((t: { present: boolean }) => t.present);
    expect(new Set(present.map((t: { printed: string }) => t.printed))).toEqual(new Set(["表一", "表二", "表三", "表四", "表五", "表六", "表七", "表八", "表九", "表十", "表十一"]));
    expect(doc.moneyUnit).toBe("元");
    // The text's 万元 checked against the tables' 元: each 类-款-项 figure, 三公, 人员经费 / 公用经费 … (rounding notes only).
    expect(doc.findings.filter((f: Finding) => f.ruleId === "text-vs-table").length).toBeGreaterThan(50);
  });

  it("seeded: each seed an error at its line and page, the diagnosis naming the figure printed and its true value", { timeout: 120_000 }, () => {
    const { status, report } = cliJson([join(DIR, "seeded.txt")]);
    expect(status).toBe(1);
    const page = pageOfLine(join(DIR, "seeded.txt"));
    const errors: Finding[] = report.documents[0].findings.filter((f: Finding) => f.severity === "error");
    const blamed = (line: number) => errors.filter((f) => f.ruleId === "diagnosis" && f.location.line === line).map((f) => [f.stated, f.computed, f.location.page]);
    for (const s of seeds) expect(blamed(s.line), s.id).toContainEqual([statedOf(s.printed), statedOf(s.true), page(s.line)]);
    // F2: the 类's 合计 and 项目支出 both, each named with the other; no other figure of its table blamed.
    const f2 = seeds.find((s) => s.id === "F2")!;
    expect(blamed(f2.line)).toEqual([
      ["142615226", "142515226", page(f2.line)],
      ["89386128", "89286128", page(f2.line)],
    ]);
    // Every diagnosis is a seed's: nothing else in the document is blamed.
    const diagnoses = errors.filter((f) => f.ruleId === "diagnosis") as unknown as Diagnosis[];
    expect(diagnoses.every((f) => seeds.some((s) => s.line === f.location.line))).toBe(true);
    expect(diagnoses.every((f) => f.diagnosis!.alternatives.length === 0)).toBe(true);
  });
});
