import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { cli, cliJson, ROOT, SEED } from "./cli.js";
import { asTabForm } from "./tab-form.js";

/*
 * A document in another form (a web page, a Word document) against its tab-separated text: the real CLI run on
 * both, the same template, tables and errors and warnings expected, wherever each form says they are printed.
 */

/** The bundled documents every other form is compared on: the seed, Shanghai's 决算 and 预算, a central and a 江苏 one. */
export const READ_ALIKE_FIXTURES = [
  SEED,
  "fixtures/shanghai/shanghai-putuo_finance-bureau_2024_dept-final-accounts.txt",
  "fixtures/shanghai/shanghai-putuo_wanli-subdistrict-office_2023_dept-budget.txt",
  "fixtures/other-provinces/central_national-public-complaints-and-proposals-admin_2026_dept-budget.txt",
  "fixtures/other-provinces/jiangsu_provincial-procuratorate_2019_dept-budget.txt",
];

/** A bundled document as tab-separated text (the seed is; a layout text is made so by asTabForm). */
export function tabTextOf(fixture: string): string {
  const text = readFileSync(join(ROOT, fixture), "utf8");
  return fixture === SEED ? text : asTabForm(text, loadLayoutText(fixture, text));
}

type Location = { file: string; line?: number; column?: number; sheet?: string; cell?: string; page?: number };
export type ReportedFinding = { ruleId: string; severity: string; message: string; stated: string | null; quote?: string; location: Location };

/** What findings say (errors and warnings, sorted), without the places their messages name. */
export const said = (fs: ReportedFinding[]) =>
  fs
    .filter((f) => f.severity !== "info")
    .map((f) =>
      `${f.severity} ${f.ruleId} ${f.message}`
        .replace(/(lines?|行) ?\d+(–\d+)?/g, "$1 N")
        .replace(/\S*\/[^/\s:[]+(:\d+(:\d+)?|\[[^\]]*\](![A-Z]+\d+)?)|[^\s/:;,]+\.(md|txt|html|docx)(:\d+|\[[^\]]*\](![A-Z]+\d+)?)/g, "PLACE"),
    )
    .sort();

type Table = { id: string; present: boolean };
const present = (d: { tables: Table[] }) => d.tables.filter((t) => t.present).map((t) => t.id);

/** Checks `copy` (another form of the tab-separated text `tab`) reads as `tab` does; returns its document's report. */
export function expectReadAlike(copy: string, tab: string, format?: string) {
  const expected = cliJson([tab]).report.documents[0];
  const run = cliJson([copy]);
  const got = run.report.documents[0];
  expect(got.failure).toBeNull();
  if (format) expect(got.format).toBe(format);
  expect(got.template).toBe(expected.template);
  expect(present(got)).toEqual(present(expected));
  expect(said(got.findings).length).toBeGreaterThan(0);
  expect(said(got.findings)).toEqual(said(expected.findings));
  expect(run.status).toBe(expected.summary.error > 0 ? 1 : 0);
  return got;
}

/** `file` checked with the seed after it: `message` as its failure, exit 2, and the seed checked all the same. */
export function expectRefusedBesideSeed(file: string, message: string) {
  const r = cliJson([file, SEED]);
  expect(r.status).toBe(2);
  expect(r.report.documents[0].failure.message).toBe(message);
  expect(r.report.documents[1].failure).toBeNull();
  return r;
}

type SheetFinding = { severity: string; ruleId: string; message: string; location: { sheet?: string; cell?: string } };
type SheetDoc = { format: string; failure: unknown; template: string; findings: SheetFinding[] };
/** Each finding with where it is (sheet and cell) and what it says, the file's own name left out. */
const sheetFindings = (d: SheetDoc, file: string) => d.findings.map((f) => `${f.severity} ${f.ruleId} ${f.location.sheet}!${f.location.cell} ${f.message.split(file).join("F")}`).sort();

/**
 * `copy`, another form of the workbook at `xlsx` (.xls, XML spreadsheet): the same findings at the same sheets and cells
 * as the .xlsx (since round 49 every form follows a sum formula: its figure is read as a sum of rounded figures in
 * each, docs/cli.md).
 */
export async function expectReadAsWorkbook(copy: string, xlsx: string): Promise<SheetDoc> {
  const expected = cliJson([xlsx]);
  const got = cliJson([copy]);
  const e: SheetDoc = expected.report.documents[0];
  const g: SheetDoc = got.report.documents[0];
  expect(g.failure).toBeNull();
  expect(g.format).toBe("xlsx");
  expect(g.template).toBe(e.template);
  expect(g.findings.length).toBeGreaterThan(10);
  expect(sheetFindings(g, copy)).toEqual(sheetFindings(e, expected.report.documents[0].path));
  expect(got.status).toBe(expected.status);
  return g;
}

/**
 * Tests that each of `cases` — a file's name, its bytes, the English error and the Chinese one's start — is refused
 * beside the seed with that one line on stderr (exit 2, the seed checked), and in Chinese with `--lang zh`.
 */
export function refusalTests(dir: string, cases: [string, () => Buffer, string, string][]) {
  for (const [name, make, message, zh] of cases)
    it(`${name}: "${message.slice(0, 60)}…"`, () => {
      const file = join(dir, name);
      writeFileSync(file, make());
      const r = expectRefusedBesideSeed(file, message);
      expect(r.stderr).toBe(`budget-check: ${file}: ${message}\n`);
      const z = cli([file, "--lang", "zh"]);
      expect(z.status).toBe(2);
      expect(z.stderr.startsWith(`budget-check: ${file}: ${zh}`), z.stderr).toBe(true);
      expect(z.stderr.trim().split("\n")).toHaveLength(1);
    });
}
