import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cli, cliJson, ROOT } from "../helpers/cli.js";
import { withEmbeddedTables } from "../helpers/embedded.js";
import type { FindingLike } from "../helpers/findings.js";
import { tempDir } from "../helpers/tmp.js";

/*
 * A Word draft whose tables are pasted as Excel objects (选择性粘贴 → Microsoft Excel 工作表 对象): Word prints each as
 * a picture of the cells the object shows. Until round 35 they were counted ("its body holds 40 embedded objects,
 * which are not read"); now the cells are read from the embedded workbook. The seed's .docx with each of its 40
 * tables pasted so gives the .docx's findings, each at the object (对象N and its sheet) and the same cell.
 */

const dir = tempDir("embedded");
const DOCX = "fixtures/shenzhen-sast-2023/document.docx";

type F = FindingLike;

/**
 * A finding with its table's place written as the object's: 表格N as 对象N（Sheet1）. (A paragraph's number is left
 * out: each object stands in a paragraph of its own, where the table stood in none, so the paragraphs after it count
 * on from a higher number.)
 */
const asObject = (s: string) => s.replace(/表格(\d+)/g, "对象$1（Sheet1）");
const what = (f: F, objects: boolean) => {
  const plain = JSON.stringify([f.ruleId, f.severity, f.message, f.stated, f.computed, f.location.sheet ?? null, f.location.cell ?? null, f.location.page ?? null]);
  return objects ? plain : asObject(plain);
};
const findings = (file: string) => cliJson([file]).report.documents[0].findings as F[];
let expected: string[];

beforeAll(() => {
  expected = findings(DOCX).map((f) => what(f, false));
}, 60_000);

describe("tables pasted as Excel objects are read from the embedded workbooks", () => {
  it("as .xlsx objects (Excel.Sheet.12): the .docx's findings, each at its object and the same cell", async () => {
    const file = join(dir, "xlsx-objects.docx");
    writeFileSync(file, await withEmbeddedTables(readFileSync(join(ROOT, DOCX)), { form: "xlsx" }));
    const got = findings(file);
    expect(got.length).toBeGreaterThan(50);
    expect(got.map((f) => what(f, true))).toEqual(expected);
    expect(got.filter((f) => /^对象\d+（Sheet1）$/.test(f.location.sheet ?? "")).length).toBeGreaterThan(20);
  }, 60_000);

  it("as Excel 97–2003 objects (Excel.Sheet.8), each sized to its table and on a second sheet: only what the object shows is read", async () => {
    const file = join(dir, "xls-objects.docx");
    writeFileSync(file, await withEmbeddedTables(readFileSync(join(ROOT, DOCX)), { form: "xls", oleSize: true, otherSheetFirst: true }));
    // The stray 123,456.00 beside each table and the other sheet's 999,999.00 are not shown, and not read.
    expect(findings(file).map((f) => what(f, true))).toEqual(expected);
  }, 60_000);

  it("as .xlsx objects sized to their tables, on a second sheet, alike", async () => {
    const file = join(dir, "xlsx-sized.docx");
    writeFileSync(file, await withEmbeddedTables(readFileSync(join(ROOT, DOCX)), { form: "xlsx", oleSize: true, otherSheetFirst: true }));
    expect(findings(file).map((f) => what(f, true))).toEqual(expected);
  }, 60_000);

  it("as LibreOffice writes the same document again (its own objects, workbooks written by Calc): the same findings", () => {
    const got = findings("test/fixtures/docx/excel-objects.libreoffice.docx");
    // (LibreOffice numbers the objects' parts its own way; the findings, cells and pages are the same.)
    const plain = (f: F) => JSON.stringify([f.ruleId, f.severity, f.message, f.stated, f.computed, f.location.cell ?? null]);
    expect(got.map(plain).sort()).toEqual(findings(DOCX).map(plain).sort());
    expect(got.filter((f) => /^对象\d+（Sheet1）$/.test(f.location.sheet ?? "")).length).toBeGreaterThan(20);
  }, 60_000);

  it("a Word 97–2003 document (.doc) with the objects, as LibreOffice saves one (EMBED fields, the ObjectPool): the same findings at the same objects and cells", () => {
    const got = findings("test/fixtures/doc/excel-objects.doc");
    const placed = (f: F) => JSON.stringify([f.ruleId, f.severity, f.message, f.stated, f.computed, f.location.sheet ?? null, f.location.cell ?? null]);
    expect(got.map(placed).sort()).toEqual(findings(DOCX).map((f) => asObject(placed(f))).sort());
    expect(got.filter((f) => /^对象\d+（Sheet1）$/.test(f.location.sheet ?? "")).length).toBeGreaterThan(20);
  }, 60_000);

  it("objects shown as icons print nothing of their cells: not read, and the tables their titles name are said to be missing for that", async () => {
    const file = join(dir, "icons.docx");
    writeFileSync(file, await withEmbeddedTables(readFileSync(join(ROOT, DOCX)), { form: "xlsx", icons: true }));
    const r = cli([file]);
    // Its written parts are checked (the text's own errors); no table is read.
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("are printed as their titles with no row read under them, and the body holds 40 embedded objects, which are not read: if they are the tables, paste them as Word tables to have them checked");
    expect(r.stdout).not.toContain("对象1");
  }, 60_000);
});
