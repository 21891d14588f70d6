import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT } from "../helpers/cli.js";

/*
 * A 决算 workbook of the national tables whose cells all print two decimals (test/fixtures/final-workbook): its
 * 行次 column printed 1.00 … 60.00 was read as the amount of the two-sided tables, its 栏次 row as data — 106 false
 * errors and warnings on a consistent workbook.
 */
const DIR = join(ROOT, "test", "fixtures", "final-workbook");

interface Finding {
  ruleId: string;
  severity: string;
  location?: { sheet?: string; cell?: string };
}

describe("a 决算 workbook whose 行次 and 栏次 print two decimals", () => {
  it("is read without them: consistent, so no error and no warning", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "jilin-final.xlsx")]);
    const doc = report.documents[0];
    expect(doc.failure ?? null).toBeNull();
    expect(doc.findings.filter((f: Finding) => f.severity !== "info").map((f: Finding & { message: string }) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(status).toBe(0);
  });

  it("its seeded copy: the figures blamed are the seeded ones, the text's 人员经费 among them", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "jilin-final-seeded.xlsx")]);
    expect(status).toBe(1);
    const blamed = new Set(report.documents[0].findings.filter((f: Finding) => f.ruleId === "diagnosis").map((f: Finding) => `${f.location?.sheet}!${f.location?.cell}`));
    for (const at of ["公开03表!F11", "公开05表!D7", "公开07表!L8", "情况说明!A70"]) expect(blamed, at).toContain(at);
  });
});
