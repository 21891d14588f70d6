import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT, type JsonFinding } from "../helpers/cli.js";

/*
 * A 河南 预算 as a Word/WPS export makes its PDF (test/fixtures/henan-pdf): the national template's written part with its
 * run-in headings, a 附件 page listing the tables' titles, a 项目支出绩效目标表 whose indicators are one column of words
 * (… | 年度绩效目标 | 主要绩效指标). Consistent, seeded in its tables and text (seeds.json), and four text figures changed
 * that were not read before round 48 (text-seeds.json).
 */
const DIR = join(ROOT, "test", "fixtures", "henan-pdf");
type Seed = { id: string; printed: string; page: number; rule?: string };
const seeds: Seed[] = JSON.parse(readFileSync(join(DIR, "seeds.json"), "utf8"));
const textSeeds: Seed[] = JSON.parse(readFileSync(join(DIR, "text-seeds.json"), "utf8"));
type Finding = JsonFinding & { location: { page?: number; line?: number } };
const figure = (s: string) => Number(s.replace(/,|%/g, ""));

describe("a 河南 预算 as a Word/WPS-export PDF", () => {
  it("consistent: no error and no warning, every table read, 表10 项目支出绩效目标表 (… | 主要绩效指标) at its page", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "budget.pdf")]);
    const doc = report.documents[0];
    expect(doc.findings.filter((f: Finding) => f.severity !== "info").map((f: Finding) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(status).toBe(0);
    expect(doc.unknownTables ?? []).toEqual([]);
    // 18 projects and their 合计; printed on page 24 (the 附件 list naming it is on page 11).
    expect(doc.tables.filter((t: { id: string }) => t.id === "T18").map((t: { printed: string; rows: number; page: number }) => [t.printed, t.rows, t.page])).toEqual([["表10", 19, 24]]);
  });

  it("seeded: every seed an error naming the figure printed, on its page", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "budget-seeded.pdf")]);
    expect(status).toBe(1);
    const errors: Finding[] = report.documents[0].findings.filter((f: Finding) => f.severity === "error");
    for (const s of seeds) expect(errors.some((f) => Number(f.stated) === figure(s.printed) && f.location.page === s.page), s.id).toBe(true);
  });

  it("text figures of the national template's wording, each changed: an error of its rule on its page, naming the figure", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "budget-text-seeded.pdf")]);
    expect(status).toBe(1);
    const errors: Finding[] = report.documents[0].findings.filter((f: Finding) => f.severity === "error");
    for (const s of textSeeds)
      expect(
        errors.some((f) => f.ruleId === s.rule && f.location.page === s.page && (Number(f.stated) === figure(s.printed) || f.message.includes(s.printed))),
        s.id,
      ).toBe(true);
  });
});
