/*
 * A workbook's worksheets, once read into lines of cells (by exceljs for an .xlsx, by xml-spreadsheet.ts for an
 * Excel 2003 XML spreadsheet), read into the document model: Shenzhen's tables by the tab-separated reader,
 * which knows their headers, another province's by the layout reader from the same cells (cell-forms.ts). No
 * workbook library is imported here.
 */
import { Decimal } from "decimal.js";
import type { BudgetDocument } from "../model/document.js";
import type { SourceLocation } from "../model/location.js";
import { resolveItemCodes } from "../model/resolve.js";
import { allTables } from "../model/units.js";
import type { WorkbookFacts } from "../model/workbook.js";
import { defaultTemplate, type DocumentTemplate } from "../templates/index.js";
import { cellLines, chooseReading, readCells } from "./cell-forms.js";
import { tableHint } from "./csv.js";
import { InputError } from "./errors.js";
import { addTables, finishDocument, settleHeaderErrors } from "./finish.js";
import { noteHeaderMismatches } from "./markdown.js";
import { parseNarrative } from "./narrative.js";
import { isTabular, lineText, type RawLine } from "./raw.js";
import { parseTables, type TableMeta } from "./tables.js";
import { mapArray } from "../util/arrays.js";
import { isNumber } from "../model/amount.js";

/** Columns and rows of a worksheet that may hold values (a budget table uses a few dozen columns). */
export const MAX_SHEET_COLUMNS = 1_000;
export const MAX_SHEET_ROWS = 500_000;

/**
 * Decimals a number format prints: `#,##0` → 0, `0.00` → 2, `0.0%` → 1 (percent); null for `General`
 * (the value is shown as stored). Only the first (positive) section counts; quoted text and [..] are ignored.
 */
export function formatDecimals(numFmt: string | undefined): { decimals: number | null; percent: boolean } {
  if (!numFmt || /^general$/i.test(numFmt)) return { decimals: null, percent: false };
  const first = numFmt.split(";")[0].replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "").replace(/\\./g, "");
  const percent = first.includes("%");
  const m = /\.([0#?]+)/.exec(first);
  if (m) return { decimals: m[1].length, percent };
  return { decimals: /[0#?]/.test(first) ? 0 : null, percent };
}

/**
 * A stored number as Excel shows it: through decimal.js from the float's shortest round-trip string
 * (never float arithmetic), rounded half away from zero to the format's decimals.
 */
export function displayNumber(v: number, numFmt: string | undefined): string {
  return displayDecimal(new Decimal(String(v)), numFmt);
}

/** A number stored as decimal text (an Excel 2003 XML spreadsheet's), as Excel shows it with `numFmt`. */
export function displayDecimal(value: Decimal, numFmt: string | undefined): string {
  const { decimals, percent } = formatDecimals(numFmt);
  let d = value;
  if (percent) d = d.times(100);
  // Excel keeps 15 significant digits: 0.1+0.2 is shown 0.3, not 0.30000000000000004.
  const s = decimals === null ? d.toSignificantDigits(15).toFixed() : d.toFixed(decimals, Decimal.ROUND_HALF_UP);
  return percent ? `${s}%` : s;
}

/** A column's letters: 1 → A, 27 → AA. */
export function columnLetters(n: number): string {
  let s = "";
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A worksheet's name and its rows that hold values, as lines of cells (each located by sheet and A1 address). */
export interface SheetLines {
  name: string;
  lines: RawLine[];
}

/**
 * Reads a workbook's worksheets: each holds one table (named after it, e.g. 表3, or titled in its rows), possibly
 * over several pages; a worksheet without a table holds the written parts, one line per row.
 */
export function readSheetTables(file: string, all: SheetLines[], facts: WorkbookFacts, template: DocumentTemplate | undefined): BudgetDocument {
  const sheets = shownSheets(file, all, facts);
  // Another province's workbook (or one read with its template) is read by the layout reader from the same
  // cells (cell-forms.ts); Shenzhen's by the tab-separated reader, which knows its headers.
  const laid = () => cellLines(mapArray(sheets, (s) => ({ name: s.name, location: { file, sheet: s.name }, lines: s.lines })));
  const byLayout = (read: ReturnType<typeof laid>, tpl: DocumentTemplate) => ({ ...readCells(file, read.lines, read.places, tpl, "xlsx"), workbook: facts });
  const shenzhen = () => readSheets(file, sheets, facts, defaultTemplate);
  let cells: ReturnType<typeof laid> | null = null;
  const doc =
    template && template.name !== defaultTemplate.name
      ? byLayout(laid(), template)
      : template
        ? shenzhen()
        : chooseReading(
            shenzhen,
            () => (cells = laid()).lines,
            (_, tpl) => byLayout(cells!, tpl),
            mapArray(sheets, (s) => s.name),
          );
  spreadSums(doc, facts);
  return doc;
}

/**
 * A table's figure that a plain sum formula adds up from other cells stands for its true amount within its terms'
 * rounding together (SumFormula.halfUnits), not within half a unit of its own: a 合计 of the printed items, each
 * rounded once, is not a total rounded once (docs/cli.md, "Rounding semantics").
 */
function spreadSums(doc: BudgetDocument, facts: WorkbookFacts): void {
  const spread = new Map<string, number>();
  for (const f of facts.formulas) if (f.halfUnits > 1) spread.set(`${f.location.sheet}!${f.location.cell}`, f.halfUnits);
  if (!spread.size) return;
  for (const t of allTables(doc))
    for (const r of t.rows)
      for (const c of Object.values(r.cells)) {
        const n = c.amount?.location.sheet ? spread.get(`${c.amount.location.sheet}!${c.amount.location.cell}`) : undefined;
        if (n) c.amount!.halfUnits = n;
      }
}

/** A cell's column letters (`F` of `F12`). */
const columnOf = (cell: string | null | undefined) => /^[A-Z]+/.exec(cell ?? "")?.[0] ?? "";

/**
 * The worksheets as printed: a hidden worksheet (hidden or very hidden: a working sheet, not published) is not read,
 * nor is a hidden row, nor a hidden column's cell (the cells right of it move left, each keeping its address: a
 * helper column of 元 or of checks beside a table is no column of its header); a worksheet left with no row is left
 * out. A hidden column that holds an amount is noted so (`hasAmounts`), for the hidden-content rule, which names the
 * hidden worksheets too; a hidden worksheet's formulas are left out of `facts`. A workbook whose every worksheet
 * holding values is hidden is an input error.
 */
function shownSheets(file: string, sheets: SheetLines[], facts: WorkbookFacts): SheetLines[] {
  if (!facts.hiddenRows.length && !facts.hiddenColumns.length && !facts.hiddenSheets.length) return sheets;
  const hiddenSheets = new Set(mapArray(facts.hiddenSheets, (h) => h.sheet));
  // (A hidden worksheet's formulas are not judged either: their values are not published.)
  if (hiddenSheets.size) facts.formulas = facts.formulas.filter((f) => !hiddenSheets.has(f.location.sheet ?? ""));
  const out: SheetLines[] = [];
  for (const s of sheets) {
    if (hiddenSheets.has(s.name)) continue;
    const rows = new Set(mapArray(facts.hiddenRows.filter((h) => h.sheet === s.name), (h) => h.row));
    const columns = new Map(mapArray(facts.hiddenColumns.filter((h) => h.sheet === s.name), (h) => [h.column, h] as const));
    const lines: RawLine[] = [];
    for (const l of s.lines) {
      if (rows.has(Number(/\d+$/.exec(l.location.cell ?? "")?.[0]))) continue;
      if (!columns.size) {
        lines.push(l);
        continue;
      }
      const cells: string[] = [];
      const cellLocations: SourceLocation[] = [];
      l.cells.forEach((text, i) => {
        const hidden = columns.get(columnOf(l.cellLocations[i]?.cell));
        if (hidden && !hidden.hasAmounts && isNumber(text)) hidden.hasAmounts = true;
        if (hidden) return;
        cells.push(text);
        cellLocations.push(l.cellLocations[i]);
      });
      if (cells.some((t) => t.trim())) lines.push({ ...l, cells, cellLocations });
    }
    if (lines.length) out.push({ name: s.name, lines });
  }
  if (!out.length && sheets.some((s) => hiddenSheets.has(s.name))) {
    const names = mapArray(sheets.filter((s) => hiddenSheets.has(s.name)), (s) => s.name).join("、");
    throw new InputError(`every worksheet that holds values is hidden (${names}); a hidden worksheet is not published and not read`, { file });
  }
  return out;
}

/** Narrative locations (file + line) as sheet + column A cell, where the sheet holds one text line per row. */
function onSheet(loc: SourceLocation, sheet: string): SourceLocation {
  return { file: loc.file, sheet, cell: `A${loc.line ?? 1}` };
}

/** The worksheets read by the tab-separated reader (tables.ts) with `template`'s headers. */
function readSheets(file: string, sheets: SheetLines[], facts: WorkbookFacts, template: DocumentTemplate): BudgetDocument {
  const meta: TableMeta = { departments: [], units: [], years: [] };
  const doc: BudgetDocument = { path: file, format: "xlsx", template: template.name, stage: template.stage, department: null, year: null, moneyUnit: null, contents: [], text: [], tables: [], workbook: facts };
  // A worksheet of text lines only (no row with two cells or more) holds the written parts: read it
  // first, for the document's year that 表9 needs.
  const isText = (s: { name: string; lines: RawLine[] }) => !tableHint(template, s.name) && !s.lines.some(isTabular);
  const narrative = sheets.find(isText);
  if (narrative) {
    const text: string[] = []; // by row number, so that narrative line numbers are the sheet's row numbers
    for (const l of narrative.lines) text[Number(l.location.cell!.slice(1)) - 1] = lineText(l);
    const n = parseNarrative(Array.from(text, (t) => t ?? ""), file, template);
    doc.department = n.department;
    doc.year = n.year;
    doc.contents = mapArray(n.contents, (e) => ({ ...e, location: onSheet(e.location, narrative.name) }));
    doc.text = mapArray(n.parts, (p) => ({ ...p, location: onSheet(p.location, narrative.name) }));
  }
  const headerErrors: InputError[] = [];
  for (const s of sheets) {
    if (isText(s)) continue;
    const parsed = parseTables(s.lines, template, { hint: tableHint(template, s.name), hintName: s.name, docYear: doc.year });
    addTables(doc, meta, parsed);
    headerErrors.push(...parsed.headerErrors);
  }
  settleHeaderErrors(doc.tables, headerErrors);
  noteHeaderMismatches(doc.tables, headerErrors);
  if (doc.tables.length === 0) {
    throw new InputError("no standard table found in any worksheet; expected one worksheet per table, named 表N or titled (e.g. 支出总表)", { file });
  }
  finishDocument(doc, meta);
  resolveItemCodes(doc);
  return doc;
}
