import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT, type JsonFinding } from "../helpers/cli.js";

/*
 * A 河北 预算 as a print driver makes its PDF (test/fixtures/hebei-pdf): every glyph, or two or three, drawn by a text
 * operation of its own; tables without ruling lines or with horizontal lines only; zero cells printed as -, 0.00 or
 * nothing; a page header and a 第 n 页 共 m 页 footer on every page; tables running on over pages without their header;
 * a 三公 table with a 比上年增减 column (negative figures); simulated bold — headings, table titles, headers and 合计 rows
 * drawn twice, 0.3 pt apart. Consistent, and a seeded copy (seeds.json, each with its page).
 */
const DIR = join(ROOT, "test", "fixtures", "hebei-pdf");
const seeds: { id: string; kind: string; printed: string; page: number }[] = JSON.parse(readFileSync(join(DIR, "seeds.json"), "utf8"));
type Finding = JsonFinding & { location: { page?: number; line?: number } };
const figure = (s: string) => Number(s.replace(/,|%/g, ""));

describe("a 河北 预算 as a print-driver PDF", () => {
  it("consistent: no error and no warning, and every table read (titles and headers in simulated bold; the 三公 table's 比上年增减 too)", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "budget.pdf")]);
    expect(report.documents[0].findings.filter((f: Finding) => f.severity !== "info").map((f: Finding) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(status).toBe(0);
    expect(report.documents[0].unknownTables ?? []).toEqual([]);
  });

  it("seeded: every seed an error naming the figure printed, on its page; the 三公 seed (S3) in its row and column", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "budget-seeded.pdf")]);
    expect(status).toBe(1);
    const errors: Finding[] = report.documents[0].findings.filter((f: Finding) => f.severity === "error");
    for (const s of seeds) expect(errors.some((f) => Number(f.stated) === figure(s.printed) && f.location.page === s.page), s.id).toBe(true);
    expect(errors.some((f) => f.ruleId === "diagnosis" && Number(f.stated) === 52.61 && Number(f.computed) === 25.61 && /^T7 312003 .*\[公务用车运行费/.test(f.message)), "S3").toBe(true);
    // S2 on 表5's continuation page, which prints no header: blamed in its column.
    expect(errors.some((f) => f.ruleId === "diagnosis" && Number(f.stated) === 1067.5 && /^T5 2140199 .*\[公用经费/.test(f.message)), "S2").toBe(true);
  });

  it("as layout text (pdftotext -layout), consistent: no error and no warning, every table read", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "budget.layout.txt")]);
    expect(report.documents[0].findings.filter((f: Finding) => f.severity !== "info").map((f: Finding) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(status).toBe(0);
    expect(report.documents[0].unknownTables ?? []).toEqual([]);
  });

  it("as layout text, seeded: every seed an error naming the figure printed", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "budget-seeded.layout.txt")]);
    expect(status).toBe(1);
    const errors: Finding[] = report.documents[0].findings.filter((f: Finding) => f.severity === "error");
    for (const s of seeds) expect(errors.some((f) => Number(f.stated) === figure(s.printed) && typeof f.location.line === "number"), s.id).toBe(true);
  });

  it("the economic classes its text states under 人员经费 are checked against 表6's rows (工资福利支出 changed: an error at its line)", { timeout: 60_000 }, () => {
    const text = readFileSync(join(DIR, "budget.layout.txt"), "utf8");
    expect(text).toContain("工资福利支出15446.04万元");
    const file = join(mkdtempSync(join(tmpdir(), "hebei-")), "budget.layout.txt");
    writeFileSync(file, text.replace("工资福利支出15446.04万元", "工资福利支出15464.04万元"));
    const { report } = cliJson([file]);
    const errors: Finding[] = report.documents[0].findings.filter((f: Finding) => f.severity === "error");
    expect(errors.some((f) => f.ruleId === "text-vs-table" && Number(f.stated) === 15464.04 && Number(f.computed) === 15446.04 && typeof f.location.line === "number")).toBe(true);
  });

  it("its 绩效 paragraph (涉及项目16个，项目支出预算 X 万元) and its 三公 change are checked against the tables", { timeout: 60_000 }, () => {
    const text = readFileSync(join(DIR, "budget.layout.txt"), "utf8");
    const run = (from: string, to: string) => {
      expect(text).toContain(from);
      const file = join(mkdtempSync(join(tmpdir(), "hebei-")), "budget.layout.txt");
      writeFileSync(file, text.replace(from, to));
      const { report } = cliJson([file]);
      return report.documents[0].findings.filter((f: Finding) => f.severity === "error" && f.ruleId === "text-vs-table").map((f: Finding) => [f.location.line, f.stated, f.computed]);
    };
    // 15 projects where 表10 lists 16; 23549.14 for the 项目支出 23594.14 (every project's, the text says); the 三公's
    // 减少 68.13 where the table's 比上年增减 prints -68.31.
    expect(run("涉及项目16个", "涉及项目15个")).toEqual([[355, "15", "16"]]);
    expect(run("预算23594.14万元。", "预算23549.14万元。")).toEqual([
      [357, "23549.14", "23594.14"],
      [357, "23549.14", "23594.13"],
    ]);
    expect(run("减少\n\n68.31万元", "减少\n\n68.13万元")).toEqual([[310, "68.13", "68.31"]]);
  });
});
