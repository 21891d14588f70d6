import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT, type JsonFinding } from "../helpers/cli.js";
import { type LineSeed, pageOfLine } from "../helpers/seeds.js";

/*
 * A 西藏 county department's 2025 部门预算 (test/fixtures/xizang-county, synthetic) as `pdftotext -layout` prints its PDF:
 * one budget unit, a short 部门预算编制说明 in sections 一 … 八, the nine national tables in 万元 with small figures, titles
 * after the department and year, empty cells as each sheet leaves them (blank, `-`, `0`), 表2 by 类 | 款 | 项, 表6 in the
 * sheet's General format (51.4, 0), 表8 and 表9 empty with a note. Before round 52 the 编制说明 was read as Shanghai's (its
 * title), so its 三公, shares and function classes were not checked: X4 had an alternative, X5 and X6 were not found.
 */
const DIR = join(ROOT, "test", "fixtures", "xizang-county");
const seeds: LineSeed[] = JSON.parse(readFileSync(join(DIR, "seeds.json"), "utf8"));
type Finding = JsonFinding & { location: { page?: number; line?: number }; diagnosis?: { alternatives: unknown[] } };
const plain = (s: string | null | undefined) => (s ?? "").replace(/,/g, "").replace(/\.?0+$/, "");
const seed = (id: string) => seeds.find((s) => s.id === id)!;

describe("a 西藏 county department's 部门预算: small tables with empty cells, one unit, a short 编制说明", () => {
  it("consistent: no error and no warning, every table read, the text's figures checked against them", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "document.txt")]);
    const doc = report.documents[0];
    expect(doc.findings.filter((f: Finding) => f.severity !== "info").map((f: Finding) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(status).toBe(0);
    expect(doc.stage).toBe("budget");
    expect(doc.moneyUnit).toBe("万元");
    expect(doc.unknownTables ?? []).toEqual([]);
    const present = doc.tables.filter((t: { present: boolean }) => t.present);
    expect(present.map((t: { printed: string }) => t.printed)).toEqual(["表1", "表2", "表3", "表4", "表5", "表6", "表7", "表8", "表9"]);
  });

  it("seeded: each seed an error at its line, the figures diagnosed with their true value and no alternative", { timeout: 120_000 }, () => {
    const { status, report } = cliJson([join(DIR, "seeded.txt")]);
    expect(status).toBe(1);
    const page = pageOfLine(join(DIR, "seeded.txt"));
    const errors: Finding[] = report.documents[0].findings.filter((f: Finding) => f.severity === "error");
    for (const s of seeds) expect(errors.some((f) => f.location.line === s.line && plain(f.stated) === plain(s.printed)), s.id).toBe(true);
    const blamed = (id: string) => errors.filter((f) => f.ruleId === "diagnosis" && f.location.line === seed(id).line).map((f) => [plain(f.stated), plain(f.computed), f.location.page, f.diagnosis!.alternatives.length]);
    for (const id of ["X1", "X2", "X3", "X4", "X6", "X7", "X8"]) expect(blamed(id), id).toEqual([[plain(seed(id).printed), plain(seed(id).true), page(seed(id).line), 0]]);
    // X5: the text's share of the 一般公共预算拨款收入, judged as its own figures give it.
    expect(errors.filter((f) => f.ruleId === "text-sum" && f.location.line === seed("X5").line).map((f) => [plain(f.stated), plain(f.computed)])).toEqual([["97.79", "97.972"]]);
    expect(errors.filter((f) => f.ruleId === "diagnosis").every((f) => seeds.some((s) => s.line === f.location.line))).toBe(true);
  });
});
