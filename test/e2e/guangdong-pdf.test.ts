import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT, type JsonFinding } from "../helpers/cli.js";

/*
 * A 广东 预算 as a PDF (test/fixtures/guangdong-pdf): landscape tables, names wrapped in their cells, headers repeated
 * after page breaks; consistent, and a seeded copy.
 */
const DIR = join(ROOT, "test", "fixtures", "guangdong-pdf");
const seeds: { id: string; kind: string; printed: string }[] = JSON.parse(readFileSync(join(DIR, "seeds.json"), "utf8"));
type Finding = JsonFinding & { location: { page?: number } };

describe("a 广东 预算 as a PDF", () => {
  it("consistent: no error and no warning, and every table read", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "budget.pdf")]);
    expect(report.documents[0].findings.filter((f: Finding) => f.severity !== "info").map((f: Finding) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(status).toBe(0);
    // 表2 部门收入总表 too, its labels wrapped in their merged cells (header.ts).
    expect(report.documents[0].unknownTables ?? []).toEqual([]);
  });

  it("seeded: the seeds in the tables read and in the text each an error naming the figure printed, on its page", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "budget-seeded.pdf")]);
    expect(status).toBe(1);
    const errors: Finding[] = report.documents[0].findings.filter((f: Finding) => f.severity === "error");
    for (const s of seeds) {
      const printed = Number(s.printed.replace(/,|%/g, ""));
      expect(errors.some((f) => Number(f.stated) === printed && typeof f.location.page === "number"), s.id).toBe(true);
    }
    // S7 in 表2 部门收入总表, whose header wraps its long labels in their merged cells (国有资本经营预 / 算 under 财政拨款,
    // 财政专户管理资 / 金 beside it): its figure read in its row and its column, 单位资金.
    expect(errors.some((f) => Number(f.stated) === 162 && /^T2 2130106 .*\[单位资金/.test(f.message)), "S7").toBe(true);
  });

  // The same PDFs as `pdftotext -layout` prints them (README.md): figures a few characters off their columns.
  it("as layout text, consistent: no error and no warning", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "budget.layout.txt")]);
    expect(report.documents[0].findings.filter((f: Finding) => f.severity !== "info").map((f: Finding) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(status).toBe(0);
    // Every table, the 项目支出表 too: its continuation page repeats its header at other places than its first page.
    expect(report.documents[0].unknownTables ?? []).toEqual([]);
  });

  it("as layout text, seeded: every seed an error naming the figure printed, on its line; S7 in its row and column", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "budget-seeded.layout.txt")]);
    expect(status).toBe(1);
    const errors: Finding[] = report.documents[0].findings.filter((f: Finding) => f.severity === "error");
    for (const s of seeds) {
      const printed = Number(s.printed.replace(/,|%/g, ""));
      expect(errors.some((f) => Number(f.stated) === printed && typeof f.location.line === "number"), s.id).toBe(true);
    }
    // 单位资金 after blank cells, between two columns: placed by the table's column sums, its typo blamed there.
    expect(errors.some((f) => f.ruleId === "diagnosis" && Number(f.stated) === 162 && Number(f.computed) === 126 && /^T2 2130106 .*\[单位资金/.test(f.message)), "S7").toBe(true);
  });
});
