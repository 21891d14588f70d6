// The .xlsx loader. This module imports exceljs (large, slow to load): it is only ever reached through a
// dynamic import() when an input is a workbook, so the text and CSV paths never pay for it.
import { Decimal } from "decimal.js";
import ExcelJS from "exceljs";
export { columnLetters, displayNumber, formatDecimals } from "./sheets.js";
import type { Amount } from "../model/amount.js";
import { parseNumber } from "../model/amount.js";
import type { BudgetDocument } from "../model/document.js";
import type { SourceLocation } from "../model/location.js";
import type { WorkbookFacts } from "../model/workbook.js";
import type { DocumentTemplate } from "../templates/index.js";
import { readFileSync, statSync } from "node:fs";
import { InputError } from "./errors.js";
import type { RawLine } from "./raw.js";
import { columnLetters, displayDecimal, displayNumber, MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, readSheetTables } from "./sheets.js";
import { checkZipBounds, zipParts } from "./zip-limits.js";
import { noteFormula, uncachedSum, type FormulaSheet } from "./sum-formulas.js";
export { sumTerms } from "./sum-formulas.js";
import { mapArray } from "../util/arrays.js";

type Cell = ExcelJS.Cell;

/** Reads a workbook, turning a zip or XML failure into a one-line input error. */
export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  let bytes: Buffer;
  try {
    const size = statSync(file).size;
    if (size > MAX_XLSX_BYTES) throw new InputError(`the file is ${Math.round(size / 1024 / 1024)} MB; a workbook is read up to ${MAX_XLSX_BYTES / 1024 / 1024} MB`, { file });
    bytes = readFileSync(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`cannot be read (${(e as NodeJS.ErrnoException).code ?? "error"}); expected an Excel workbook with one worksheet per table`, { file });
  }
  return readWorkbookBytes(bytes, file);
}

/** Reads a workbook's bytes (a file's, or a workbook embedded in a document, `file` naming it in errors). */
export async function readWorkbookBytes(bytes: Buffer, file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // Bounded before exceljs inflates anything (a zip bomb would exhaust memory inside it).
  await checkZipBounds(bytes, file);
  // A Word document or another Office file given a workbook's name: said so, not "no table in any worksheet".
  const parts = zipParts(bytes, 100_000);
  if (Array.isArray(parts)) {
    const names = new Set(mapArray(parts, (p) => p.name.replace(/^\//, "")));
    if (!names.has("xl/workbook.xml")) {
      const what = names.has("word/document.xml") ? " (it is a Word document: name it .docx)" : names.has("ppt/presentation.xml") ? " (it is a PowerPoint file)" : "";
      throw new InputError(`not an Excel workbook: the archive holds no xl/workbook.xml${what}`, { file });
    }
  }
  try {
    await wb.xlsx.load(bytes as never);
  } catch (e) {
    // The library's own wording (jszip's "… see https://…") is not for the user: the first clause only.
    const detail = (e as Error).message.split("\n")[0].replace(/\s*[:(]?\s*see https?:\S*.*$/i, "").replace(/https?:\S+/g, "").trim();
    throw new InputError(`not a readable .xlsx workbook${detail ? ` (${detail})` : ""}; expected an Excel workbook with one worksheet per table`, { file });
  }
  return wb;
}

/** The largest .xlsx file read (its inflated parts are bounded too: zip-limits.ts). */
export const MAX_XLSX_BYTES = 100 * 1024 * 1024;
/** The value a cell holds, formulas by their cached result. */
function storedValue(cell: Cell): unknown {
  const v = cell.value as unknown;
  if (v && typeof v === "object" && !(v instanceof Date) && ("formula" in v || "sharedFormula" in v)) return (v as { result?: unknown }).result;
  return v;
}

function isFormula(cell: Cell): boolean {
  return cell.type === ExcelJS.ValueType.Formula;
}

/** The cell as printed: numbers through their number format; merged cells other than the first are empty. */
export function cellText(cell: Cell): string {
  if (cell.isMerged && cell.master.address !== cell.address) return "";
  const v = storedValue(cell);
  if ((v === null || v === undefined) && isFormula(cell)) {
    const sum = uncachedSum(formulaSheet(cell.worksheet), cell.address);
    return sum === null ? "" : displayDecimal(sum, cell.numFmt);
  }
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return displayNumber(v, cell.numFmt);
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return cell.text;
  if (typeof v === "object") {
    const o = v as { richText?: { text: string }[]; text?: unknown; error?: string };
    if (o.richText) return mapArray(o.richText, (r) => r.text).join("");
    if (typeof o.text === "string") return o.text;
    if (o.error) return o.error;
  }
  return String(v);
}

/**
 * A text cell's indentation set by its format (Excel's 增加缩进量: `<alignment indent="n"/>`), as n full-width
 * spaces before its text, the way a name indented by typed spaces reads: 类 / 款 / 项 told by how far each
 * name is indented. Only for text aligned from the left (general, left, distributed), where the indent is
 * before the text; a number's cell keeps its text.
 */
export function formatIndent(cell: Cell): string {
  const a = cell.alignment;
  const n = a?.indent;
  if (!n || n < 0 || (a.horizontal && a.horizontal !== "left" && a.horizontal !== "distributed")) return "";
  const v = storedValue(cell);
  return typeof v === "string" || (typeof v === "object" && v !== null && "richText" in v) ? "\u3000".repeat(Math.min(n, 15)) : "";
}

/** A worksheet's cells for the sum formulas (sum-formulas.ts): stored values, as shown, formulas. */
function formulaSheet(ws: ExcelJS.Worksheet): FormulaSheet {
  return {
    stored(address) {
      const v = storedValue(ws.getCell(address));
      if (typeof v === "number") return { number: new Decimal(String(v)).toSignificantDigits(15) };
      if (typeof v === "string") return { text: v };
      // (A date, a boolean, rich text or an error is no figure: text that reads as none.)
      return v === null || v === undefined ? null : { text: cellText(ws.getCell(address)) };
    },
    shown: (address) => cellText(ws.getCell(address)),
    formula(address) {
      const cell = ws.getCell(address);
      return isFormula(cell) ? (cell.formula ?? "") : null;
    },
  };
}

/** The worksheet's rows as printed lines (cells by column, each located by sheet and A1 address). */
export function sheetLines(ws: ExcelJS.Worksheet, file: string, facts: WorkbookFacts): RawLine[] {
  const lines: RawLine[] = [];
  // Only the columns that hold a value count: a styled or empty cell at XFD made every row 16,384 cells
  // wide (a 45 KB workbook took minutes and GBs). A value beyond MAX_SHEET_COLUMNS is an input error.
  let width = 0;
  let rows = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (++rows > MAX_SHEET_ROWS) throw new InputError(`more than ${MAX_SHEET_ROWS} rows hold values; a budget worksheet is read up to ${MAX_SHEET_ROWS}`, { file, sheet: ws.name, cell: `A${rowNumber}` });
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (col <= width || cellText(cell) === "") return;
      if (col > MAX_SHEET_COLUMNS)
        throw new InputError(`a value in column ${columnLetters(col)}; a budget worksheet is read up to column ${columnLetters(MAX_SHEET_COLUMNS)} (${MAX_SHEET_COLUMNS} columns)`, { file, sheet: ws.name, cell: cell.address });
      width = col;
    });
  });
  for (let c = 1; c <= Math.min(ws.columnCount, MAX_SHEET_COLUMNS); c++) {
    const column = columnLetters(c);
    if (ws.getColumn(c).hidden) facts.hiddenColumns.push({ sheet: ws.name, column, location: { file, sheet: ws.name, cell: `${column}1` } });
  }
  const sheet = formulaSheet(ws);
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    const cellLocations: SourceLocation[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      const text = cellText(cell);
      cells.push(text ? formatIndent(cell) + text : text);
      cellLocations.push({ file, sheet: ws.name, cell: cell.address });
      if (isFormula(cell)) {
        noteFormula(facts, sheet, cell.address, (address) => ({ file, sheet: ws.name, cell: address }));
      }
    }
    const location = { file, sheet: ws.name, cell: `A${rowNumber}` };
    if (row.hidden) facts.hiddenRows.push({ sheet: ws.name, row: rowNumber, location, hasAmounts: cells.some((t) => parseNumber(t) !== null) });
    lines.push({ cells, location, cellLocations });
  });
  return lines;
}

/**
 * Loads a workbook: each worksheet holds one table (named after it, e.g. 表3, or titled in its rows),
 * possibly over several pages; a worksheet without a table holds the written parts, one line per row.
 */
export async function loadXlsx(file: string, template?: DocumentTemplate): Promise<BudgetDocument> {
  const wb = await readWorkbook(file);
  const facts: WorkbookFacts = { hiddenSheets: [], hiddenRows: [], hiddenColumns: [], formulas: [], otherFormulas: 0 };
  const sheets: { name: string; lines: RawLine[] }[] = [];
  for (const ws of wb.worksheets) {
    if (ws.state === "hidden" || ws.state === "veryHidden") facts.hiddenSheets.push({ sheet: ws.name, location: { file, sheet: ws.name, cell: "A1" } });
    const lines = sheetLines(ws, file, facts);
    if (lines.length) sheets.push({ name: ws.name, lines });
  }
  return readSheetTables(file, sheets, facts, template);
}

