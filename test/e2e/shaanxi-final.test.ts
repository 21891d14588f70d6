import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Finding as Diagnosis } from "../../src/engine/types.js";
import { cliJson, ROOT, type JsonFinding } from "../helpers/cli.js";
import { type LineSeed, pageOfLine, statedOf } from "../helpers/seeds.js";

/*
 * A 陕西 省级部门's 2024 部门决算 (test/fixtures/shaanxi-final, synthetic) as `pdftotext -layout` prints its PDF: 附表1 …
 * 附表9 above titles that print the year, 部门 and 金额单位 on one line; long 科目名称 wrapped to the bottom of their cells,
 * two rows running (附表2, 附表5: 机关事业单位基本养老保险缴 / 2080505 费支出 …, 机关事业单位职业年金缴费支 / 2080506 出 …)
 * or centred around the figures (附表3); tables over pages under their column header alone; the 基本支出 table in three
 * lanes; the 三公 table's 预算数 and 决算数; 0.00 for nil, an empty 国有资本经营 table.
 */
const DIR = join(ROOT, "test", "fixtures", "shaanxi-final");
const seeds: LineSeed[] = JSON.parse(readFileSync(join(DIR, "seeds.json"), "utf8"));
type Finding = JsonFinding & { location: { page?: number; line?: number } };

describe("a 陕西 部门决算", () => {
  it("consistent: no error and no warning (no wrapped name read into the row above), every table read", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "document.txt")]);
    const doc = report.documents[0];
    expect(doc.findings.filter((f: Finding) => f.severity !== "info").map((f: Finding) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(status).toBe(0);
    expect(doc.stage).toBe("final");
    expect(doc.unknownTables ?? []).toEqual([]);
    expect(doc.tables.filter((t: { present: boolean }) => t.present).map((t: { printed: string }) => t.printed).sort()).toEqual(
      ["附表1", "附表2", "附表3", "附表4", "附表5", "附表6", "附表7", "附表8", "附表9"],
    );
    // The 情况说明's 类-款-项 statements matched by name, the wrapped ones too (none left unmatched).
    expect(doc.findings.filter((f: Finding) => /not matched by name/.test(f.message))).toEqual([]);
    expect(doc.notChecked).toEqual([]);
  });

  it("seeded: S1–S5 errors at their line and page, the diagnosis naming the figure printed and its true value; S6 (a tie) among the figures named", { timeout: 120_000 }, () => {
    const { status, report } = cliJson([join(DIR, "seeded.txt")]);
    expect(status).toBe(1);
    const page = pageOfLine(join(DIR, "seeded.txt"));
    const errors: Finding[] = report.documents[0].findings.filter((f: Finding) => f.severity === "error");
    const diagnoses = errors.filter((f) => f.ruleId === "diagnosis") as unknown as Diagnosis[];
    const blamed = (line: number) => diagnoses.filter((f) => f.location.line === line).map((f) => [f.stated, f.computed, f.location.page]);
    for (const s of seeds.filter((x) => x.id !== "S6")) expect(blamed(s.line), s.id).toContainEqual([statedOf(s.printed), statedOf(s.true), page(s.line)]);
    const s2 = seeds.find((s) => s.id === "S2")!;
    expect(blamed(s2.line)).toEqual([
      ["13885.92", "13785.92", page(s2.line)],
      ["6699.34", "6599.34", page(s2.line)],
    ]);
    // S6, two digits of 30209 物业管理费 transposed in the 公用经费 lane: the one sum it is in (302) is settled alike by
    // other siblings' digits transposed back (30206 电费 84.65 → 48.65 …); the seed is among the figures named, and the
    // message says the identities cannot tell.
    const s6 = seeds.find((s) => s.id === "S6")!;
    const lane = diagnoses.filter((f) => f.table === "T6");
    expect(lane).toHaveLength(1);
    const named = [[lane[0].location.line, lane[0].stated, lane[0].computed], ...lane[0].diagnosis!.alternatives.flat().map((p) => [p.location.line, statedOf(p.from), statedOf(p.to)])];
    expect(named).toContainEqual([s6.line, statedOf(s6.printed), statedOf(s6.true)]);
    expect(lane[0].message).toMatch(/the identities alone cannot tell which figure is wrong/);
    // Every other diagnosis is a seed's, with no alternative.
    for (const f of diagnoses.filter((x) => x !== lane[0])) {
      expect(seeds.some((s) => s.line === f.location.line), `${f.location.line}`).toBe(true);
      expect(f.diagnosis!.alternatives).toEqual([]);
    }
  });
});
