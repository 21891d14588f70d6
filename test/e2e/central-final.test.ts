import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT } from "../helpers/cli.js";

/*
 * A central department's 决算 (test/fixtures/central-final): its 公开07表 一般公共预算财政拨款项目支出决算表 prints three
 * lanes of 科目编码 · 科目名称 · 决算数 by economic code and one 合计 under the last lane. The national template has no
 * such table: it was listed as not read, and no check saw its figures.
 */
const DIR = join(ROOT, "test", "fixtures", "central-final");

interface Finding {
  ruleId: string;
  severity: string;
  message: string;
  table?: string;
  code?: string;
  item?: string;
  stated?: string;
  computed?: string;
  location?: { line?: number };
}

describe("a central department's 决算 with its 项目支出决算表 in three lanes", () => {
  it("consistent: the table is read (one column, 决算数), no error and no warning", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "central-final.txt")]);
    const doc = report.documents[0];
    expect(doc.unknownTables).toEqual([]);
    const t = doc.tables.find((x: { kind: string }) => x.kind === "general-project-economic");
    expect(t).toMatchObject({ title: "一般公共预算财政拨款项目支出决算表", present: true, rows: 73, page: 14 });
    expect(doc.findings.filter((f: Finding) => f.severity !== "info").map((f: Finding) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(status).toBe(0);
  });

  it("seeded: a class total, an item and the 合计 retyped, each found at its figure", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "central-final-seeded.txt")]);
    expect(status).toBe(1);
    const errors: Finding[] = report.documents[0].findings.filter((f: Finding) => f.severity === "error" && f.ruleId !== "diagnosis");
    const at = (f: Finding) => `${f.ruleId} ${f.location?.line} ${f.code ?? f.item} ${f.stated} ${f.computed}`;
    expect(errors.map(at).sort()).toEqual(
      [
        // 303 ≠ Σ its items; 310 ≠ Σ its items (31021 retyped); 合计 ≠ Σ the classes, and ≠ 公开05表's 项目支出.
        "hierarchy-sum 609 303 788.59 778.59",
        "hierarchy-sum 605 310 49829.44 49811.44",
        "hierarchy-sum 624 合计 228947.46 228984.46",
        "economic-vs-function 624 合计 228947.46 228974.46",
      ].sort(),
    );
    // The diagnosis names the class total and the 合计 themselves.
    const blamed = report.documents[0].findings.filter((f: Finding) => f.ruleId === "diagnosis");
    expect(blamed.map((f: Finding) => [f.location?.line, f.stated, f.computed])).toEqual(expect.arrayContaining([[609, "788.59", "778.59"], [624, "228947.46", "228974.46"]]));
  });
});
