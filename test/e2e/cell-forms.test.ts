import { readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { parse } from "csv-parse/sync";
import Ajv2020 from "ajv/dist/2020.js";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { asCsvFolder, asPartSheetsWorkbook, asWorkbook } from "../helpers/cell-forms.js";
import { cliJson, ROOT } from "../helpers/cli.js";
import { asTabForm } from "../helpers/tab-form.js";
import { tempDir } from "../helpers/tmp.js";

/*
 * A document of any province as a workbook (a worksheet per table, 表1 … 表N, the text on one of its own) or
 * a folder of CSV files (表01.csv …, the text in a .txt): read as the same document in the tab-separated form
 * is (the copies' text has no Markdown heading marks, as a worksheet has none) — the province's template recognised, or the tables read by kind alone — with every finding located at
 * its sheet and cell, or its CSV file, line and field. Until round 30 only Shenzhen's tables were read from
 * these forms: a Shanghai 决算 workbook "passed" with no table read at all.
 */

type Finding = { ruleId: string; severity: string; message: string; table?: string; stated: string | null; location: Record<string, unknown> };
/** What a finding says, without the places its message names (a line of the text, a sheet's cell). */
const said = (fs: Finding[]) =>
  fs
    .filter((f) => f.severity !== "info")
    .map((f) =>
      `${f.severity} ${f.ruleId} ${f.message}`
        .replace(/(lines?|行) ?\d+(–\d+)?/g, "$1 N")
        // A place: a path with its line (and column) or sheet and cell, or a sheet's cell alone (表8!A317).
        .replace(/\S*\/[^/\s:[]+(\[[^\]]*\]!?[A-Z]*\d*|:\d+(:\d+)?)|[^\s:;,]+![A-Z]+\d+|[^\s/:;,]+\.(md|txt|csv):\d+/g, "PLACE"),
    )
    .sort();

const FIXTURES = [
  "fixtures/shanghai/shanghai-putuo_finance-bureau_2024_dept-final-accounts.txt",
  // Its written parts are read by their headings (部门预算编制说明 …): a worksheet's rows have no marks for them.
  "fixtures/shanghai/shanghai-putuo_wanli-subdistrict-office_2023_dept-budget.txt",
  "fixtures/other-provinces/central_national-public-complaints-and-proposals-admin_2026_dept-budget.txt",
  "fixtures/other-provinces/jiangsu_provincial-procuratorate_2019_dept-budget.txt",
];

const dir = tempDir("cell-forms");
const forms = new Map<string, { tab: string; xlsx: string; csv: string }>();
beforeAll(async () => {
  for (const f of FIXTURES) {
    const text = readFileSync(join(ROOT, f), "utf8");
    const tabText = asTabForm(text, loadLayoutText(f, text));
    const stem = basename(f, ".txt");
    const tab = join(dir, `${stem}.md`);
    writeFileSync(tab, tabText);
    forms.set(f, { tab, xlsx: await asWorkbook(tabText, dir, `${stem}.xlsx`), csv: asCsvFolder(tabText, dir, stem) });
  }
});

describe("a workbook or a CSV folder of another province is read as its tab-separated text is", () => {
  for (const f of FIXTURES)
    for (const form of ["xlsx", "csv"] as const)
      it(`${basename(f)} as ${form}: the same template, tables read and errors, warnings`, () => {
        const { tab, [form]: copy } = forms.get(f)!;
        const expected = cliJson([tab]).report.documents[0];
        const run = cliJson([copy]);
        const got = run.report.documents[0];
        expect(got.failure).toBeNull();
        expect(got.format).toBe(form);
        expect(got.template).toBe(expected.template);
        expect(got.template).not.toBe("shenzhen");
        expect(got.tables.filter((t: { present: boolean }) => t.present).map((t: { id: string }) => t.id)).toEqual(expected.tables.filter((t: { present: boolean }) => t.present).map((t: { id: string }) => t.id));
        expect(said(got.findings)).toEqual(said(expected.findings));
        expect(run.status).toBe(expected.summary.error > 0 ? 1 : 0);
      });

  it("a workbook's findings name the sheet and the cell, and the cell holds the figure stated", async () => {
    const { xlsx } = forms.get(FIXTURES[0])!;
    const doc = cliJson([xlsx]).report.documents[0];
    const findings = doc.findings as Finding[];
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(f.location.sheet, f.message).toBeTruthy();
      expect(f.location.line, f.message).toBeUndefined();
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const figures = findings.filter((f) => f.table !== "text" && f.stated !== null);
    expect(figures.length).toBeGreaterThan(0);
    for (const f of figures) {
      const value = String(wb.getWorksheet(f.location.sheet as string)!.getCell(f.location.cell as string).value ?? "");
      expect(Number(value.replace(/,/g, "")), `${f.location.sheet}!${f.location.cell}`).toBe(Number(f.stated));
    }
    // A finding of the written text: at the cell of the row of text that prints its figure.
    const text = findings.filter((f) => f.table === "text" && f.stated !== null);
    expect(text.length).toBeGreaterThan(0);
    for (const f of text) {
      const value = String(wb.getWorksheet(f.location.sheet as string)!.getCell(f.location.cell as string).value ?? "");
      expect(value.replace(/,/g, ""), `${f.location.sheet}!${f.location.cell}`).toContain(f.stated);
    }
  });

  it("a CSV folder's findings name the file, line and field, and the field holds the figure stated", () => {
    const { csv } = forms.get(FIXTURES[0])!;
    const findings = cliJson([csv]).report.documents[0].findings as Finding[];
    const figures = findings.filter((f) => f.table !== "text" && f.stated !== null);
    expect(figures.length).toBeGreaterThan(0);
    for (const f of figures) {
      expect(String(f.location.file)).toMatch(/\.csv$/);
      const records = parse(readFileSync(String(f.location.file), "utf8"), { relax_column_count: true }) as string[][];
      const field = records[(f.location.line as number) - 1][(f.location.column as number) - 1];
      expect(Number(field.replace(/,/g, ""))).toBe(Number(f.stated));
    }
    // The written parts' findings at the line of their file that prints the figure (the text before the
    // tables is in the .txt, the 情况说明 after them in the last table's CSV).
    const text = findings.filter((f) => f.table === "text" && f.stated !== null);
    expect(text.length).toBeGreaterThan(0);
    for (const f of text) {
      expect(String(f.location.file).startsWith(csv)).toBe(true);
      const line = readFileSync(String(f.location.file), "utf8").split("\n")[(f.location.line as number) - 1];
      expect(line.replace(/,/g, ""), `${f.location.file}:${f.location.line}`).toContain(f.stated);
    }
  });

  it("a workbook whose sheets are named by their tables' titles (no title row in them) is read the same", async () => {
    const f = FIXTURES[0];
    const text = readFileSync(join(ROOT, f), "utf8");
    const titled = await asWorkbook(asTabForm(text, loadLayoutText(f, text)), dir, "titled.xlsx", true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(titled);
    expect(wb.worksheets.map((w) => w.name)).toContain("收入支出决算总表");
    const expected = cliJson([forms.get(f)!.tab]).report.documents[0];
    const got = cliJson([titled]).report.documents[0];
    expect(got.template).toBe(expected.template);
    expect(got.tables.filter((t: { present: boolean }) => t.present).map((t: { id: string }) => t.id)).toEqual(expected.tables.filter((t: { present: boolean }) => t.present).map((t: { id: string }) => t.id));
    expect(said(got.findings)).toEqual(said(expected.findings));
  });

  it("a workbook as Shanghai's budget system writes it (3.14部门编制说明（部门）, 3.15部门收支总表 …): each written part read by its sheet's name", async () => {
    const f = FIXTURES[1];
    const text = readFileSync(join(ROOT, f), "utf8");
    const tables = ["3.15部门收支总表", "3.16部门收入总表", "3.17部门支出总表", "3.19部门财政拨款收支总表", "3.21部门一般公共预算支出功能分类预算表", "3.22部门政府性基金预算支出功能分类预算表", "3.23部门国有资本经营预算支出功能分类预算表", "3.24部门一般公共预算基本支出部门预算经济分类预算表", "3.25部门“三公”经费和机关运行经费预算表"];
    const xlsx = await asPartSheetsWorkbook(asTabForm(text, loadLayoutText(f, text)), dir, "budget-system.xlsx", tables);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    // No row of the part's sheet prints its heading: only the sheet's name says which part it is.
    const notes = wb.getWorksheet("3.14部门编制说明（部门）")!;
    expect(notes.getSheetValues().flat().some((v) => String(v ?? "").includes("编制说明"))).toBe(false);
    const expected = cliJson([forms.get(f)!.tab]).report.documents[0];
    const got = cliJson([xlsx]).report.documents[0];
    expect(got.template).toBe("shanghai");
    expect(said(got.findings)).toEqual(said(expected.findings));
    // The 编制说明's statements (a year-on-year change of a 科目 against last year's execution) found, on its sheet.
    const stated = (got.findings as Finding[]).filter((x) => x.ruleId === "yoy-change" && x.severity === "error");
    expect(stated.length).toBeGreaterThan(0);
    for (const x of stated) expect(x.location.sheet).toBe("3.14部门编制说明（部门）");
  });

  it("the report of a batch of them follows docs/report.schema.json", () => {
    const schema = JSON.parse(readFileSync(join(ROOT, "docs", "report.schema.json"), "utf8"));
    const validate = new Ajv2020.default({ allErrors: true, strict: false }).compile(schema);
    const { report } = cliJson([...forms.values()].flatMap((f) => [f.xlsx, f.csv]));
    expect(report.documents).toHaveLength(FIXTURES.length * 2);
    validate(report);
    expect(validate.errors ?? []).toEqual([]);
  });

  it("--template is followed for a workbook and a CSV folder too (the seed's read by kind alone)", () => {
    for (const input of ["fixtures/shenzhen-sast-2023/workbook.xlsx", "fixtures/shenzhen-sast-2023/csv"]) {
      const doc = cliJson([input, "--template", "generic"]).report.documents[0];
      expect(doc.template).toBe("generic");
      expect(doc.summary.error).toBeGreaterThan(0);
      // Its errors at the same places as the Shenzhen reading's: table figures by sheet and cell, or file and line.
      const own = cliJson([input]).report.documents[0];
      const places = (d: { findings: Finding[] }) => d.findings.filter((f) => f.severity === "error").map((f) => JSON.stringify(f.location)).sort();
      expect(places(doc)).toEqual(places(own));
    }
  });
});
