import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT, type JsonFinding } from "../helpers/cli.js";
import { type LineSeed, pageOfLine } from "../helpers/seeds.js";

/*
 * A 青海 provincial department's 2025 部门预算 (test/fixtures/qinghai-budget, synthetic) as `pdftotext -layout` prints its PDF:
 * three budget units, tables numbered 表一 … 表十 at the margin with 部门 and 单位：万元 on one line, 表二 收入总表 and 表七 三公 a
 * row per unit, 表九 empty with its note, 表十 项目支出表 with a 项目类别 column of words (before round 53: a header not
 * understood, the table not read).
 */
const DIR = join(ROOT, "test", "fixtures", "qinghai-budget");
const seeds: LineSeed[] = JSON.parse(readFileSync(join(DIR, "seeds.json"), "utf8"));
type Finding = JsonFinding & { location: { page?: number; line?: number }; diagnosis?: { alternatives: unknown[] } };
const plain = (s: string | null | undefined) => (s ?? "").replace(/,/g, "").replace(/\.?0+$/, "");
const seed = (id: string) => seeds.find((s) => s.id === id)!;

describe("a 青海 department's 部门预算: 表一 … 表十, tables by unit, a project list with its 项目类别", () => {
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
      "表一 summary", "表二 income", "表三 expenditure", "表四 allocation-summary", "表五 general-function",
      "表六 general-basic-economic", "表七 sanggong", "表八 gov-fund", "表九 state-capital", "表十 project-summary",
    ]);
  });

  it("seeded: each seed an error at its line, diagnosed with its true value and no alternative; no other figure blamed", { timeout: 120_000 }, () => {
    const { status, report } = cliJson([join(DIR, "seeded.txt")]);
    expect(status).toBe(1);
    const page = pageOfLine(join(DIR, "seeded.txt"));
    const errors: Finding[] = report.documents[0].findings.filter((f: Finding) => f.severity === "error");
    const blamed = (id: string) => errors.filter((f) => f.ruleId === "diagnosis" && f.location.line === seed(id).line).map((f) => [plain(f.stated), plain(f.computed), f.location.page, f.diagnosis!.alternatives.length]);
    for (const s of seeds) expect(blamed(s.id), s.id).toEqual([[plain(s.printed), plain(s.true), page(s.line), 0]]);
    expect(errors.filter((f) => f.ruleId === "diagnosis").length).toBe(seeds.length);
    // Q2 and Q4: the text against the table of its kind.
    expect(errors.filter((f) => f.ruleId === "text-vs-table").map((f) => [f.location.line, plain(f.stated), plain(f.computed)])).toEqual([
      [seed("Q2").line, "5.21", "5.12"],
      [seed("Q4").line, "617.21", "671.21"],
    ]);
  });
});
