// The .xlsx loader. This module imports exceljs (large, slow to load): it is only ever reached through a
// dynamic import() when an input is a workbook, so the text and CSV paths never pay for it.
import { Decimal } from "decimal.js";
import ExcelJS from "exceljs";
export { columnLetters, displayNumber, formatDecimals } from "./sheets.js";
import type { Amount } from "../model/amount.js";
import { parseNumber } from "../model/amount.js";
import type { BudgetDocument } from "../model/document.js";
import type { SourceLocation } from "../model/location.js";
import type { SumFormula, WorkbookFacts } from "../model/workbook.js";
import type { DocumentTemplate } from "../templates/index.js";
import { readFileSync, statSync } from "node:fs";
import { InputError } from "./errors.js";
import type { RawLine } from "./raw.js";
import { columnLetters, displayDecimal, displayNumber, MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, readSheetTables } from "./sheets.js";
import { checkZipBounds, zipParts } from "./zip-limits.js";
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

/**
 * A formula's value where the workbook stores none (a program wrote the formula and no spreadsheet ever
 * calculated it: Excel would show its result on opening): a plain sum (SUM(…), A1+B1−C1) of cells of its
 * worksheet, worked out exactly as Excel would show it; null for any other formula, a reference to text, or a
 * cycle. A blank cell adds 0, as in Excel.
 */
function uncachedSum(cell: Cell, seen: Set<string> = new Set()): Decimal | null {
  return overTerms(cell, seen, (ref, t) => {
    const v = storedValue(ref);
    let value: Decimal | null;
    if (v === null || v === undefined || v === "") value = isFormula(ref) ? uncachedSum(ref, seen) : new Decimal(0);
    else if (typeof v === "number") value = new Decimal(String(v));
    else if (typeof v === "string") value = parseNumber(v)?.value ?? (t.inSum ? new Decimal(0) : null);
    else value = null;
    return value && value.times(t.sign);
  });
}

/**
 * Σ `term` over a plain sum formula's terms (each a cell of its worksheet), `seen` guarding against a cycle through
 * terms that are such formulas themselves; null for any other formula, a cycle, or a term `term` gives no value.
 */
function overTerms(cell: Cell, seen: Set<string>, term: (ref: Cell, t: { sign: 1 | -1; inSum: boolean }) => Decimal | null): Decimal | null {
  const terms = cell.formula ? sumTerms(cell.formula) : null;
  if (!terms || seen.has(cell.address)) return null;
  seen.add(cell.address);
  let total = new Decimal(0);
  for (const t of terms) {
    const value = term(cell.worksheet.getCell(t.address), t);
    if (value === null) return null;
    total = total.plus(value);
  }
  seen.delete(cell.address);
  return total;
}

/** The cell as printed: numbers through their number format; merged cells other than the first are empty. */
export function cellText(cell: Cell): string {
  if (cell.isMerged && cell.master.address !== cell.address) return "";
  const v = storedValue(cell);
  if ((v === null || v === undefined) && isFormula(cell)) {
    const sum = uncachedSum(cell);
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

/** A stored value as an exact amount (15 significant digits, as Excel computes). */
function exactAmount(cell: Cell, location: SourceLocation): Amount | null {
  const v = storedValue(cell);
  let value: Decimal | null = null;
  if (typeof v === "number") value = new Decimal(String(v)).toSignificantDigits(15);
  else if (typeof v === "string") value = parseNumber(v)?.value ?? null;
  if (value === null) return null;
  return { value, decimals: value.decimalPlaces(), text: cellText(cell), location, nonNegative: false, exact: true };
}

const REF = /^\$?([A-Z]{1,3})\$?(\d+)$/;

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** `A1`, `$B$2`, `C3:D9` → the cell addresses it covers, or null when it is not a plain reference. */
function expandRef(ref: string): string[] | null {
  const [a, b] = ref.split(":");
  const ma = REF.exec(a);
  if (!ma) return null;
  if (b === undefined) return [`${ma[1]}${ma[2]}`];
  const mb = REF.exec(b);
  if (!mb) return null;
  const [c1, c2] = [colNumber(ma[1]), colNumber(mb[1])].sort((x, y) => x - y);
  const [r1, r2] = [Number(ma[2]), Number(mb[2])].sort((x, y) => x - y);
  if ((c2 - c1 + 1) * (r2 - r1 + 1) > 10_000) return null;
  const out: string[] = [];
  for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) out.push(`${columnLetters(c)}${r}`);
  return out;
}

/**
 * A plain sum formula — terms joined by + and −, each a cell reference or SUM(ref, range, …) on the
 * same sheet — as signed cell addresses; null for anything else (other functions, constants, other sheets).
 */
export function sumTerms(formula: string): { address: string; sign: 1 | -1; inSum: boolean }[] | null {
  const f = formula.replace(/^=/, "").replace(/\s+/g, "").toUpperCase();
  if (!f) return null;
  const out: { address: string; sign: 1 | -1; inSum: boolean }[] = [];
  const re = /([+-]?)(SUM\(([^()]*)\)|\$?[A-Z]{1,3}\$?\d+)/y;
  let pos = 0;
  while (pos < f.length) {
    re.lastIndex = pos;
    const m = re.exec(f);
    if (!m || (pos > 0 && !m[1])) return null;
    const sign: 1 | -1 = m[1] === "-" ? -1 : 1;
    if (m[3] !== undefined) {
      for (const arg of m[3].split(",")) {
        const cells = expandRef(arg);
        if (!cells) return null;
        for (const address of cells) out.push({ address, sign, inSum: true });
      }
    } else out.push({ address: m[2].replace(/\$/g, ""), sign, inSum: false });
    pos = re.lastIndex;
  }
  return out.length ? out : null;
}

function sumFormula(ws: ExcelJS.Worksheet, cell: Cell, file: string): SumFormula | null {
  const formula = cell.formula;
  const terms = formula ? sumTerms(formula) : null;
  const at = (address: string): SourceLocation => ({ file, sheet: ws.name, cell: address });
  const cached = terms ? exactAmount(cell, at(cell.address)) : null;
  if (!terms || !cached) return null;
  const parts: SumFormula["parts"] = [];
  for (const t of terms) {
    const ref = ws.getCell(t.address);
    const v = storedValue(ref);
    if (v === null || v === undefined || v === "") continue; // an empty cell adds 0
    const amount = exactAmount(ref, at(t.address));
    if (amount) parts.push({ amount, sign: t.sign });
    else if (!t.inSum) return null; // text in A1+B1 is #VALUE! in Excel: not a plain sum
  }
  return { location: at(cell.address), formula, cached, parts, halfUnits: sumHalfUnits(cell, cached.value) };
}

const HALF = new Decimal("0.5");

/**
 * How far the true amount of a plain sum formula's printed figure may lie from it, in half units of its last
 * printed digit (Amount.halfUnits), worked out exactly: the spread of each term — a cell holding a figure at no
 * more decimals than it shows may be a rounded figure, half a unit of its last shown digit off; one holding more
 * (1234.5678 shown 1,234.57) is the amount itself, 0; a sum formula's, the spread of its own terms; a blank, 0 —
 * and how far the printed figure is from the stored sum (a sum shown with fewer decimals than it has). A total
 * that a spreadsheet adds up from its printed items is the sum of figures each rounded once: it may be off by
 * their half units together, not by half a unit of its own. At least 1; 1 where a term cannot be followed (a
 * cycle, a figure it cannot read).
 */
function sumHalfUnits(cell: Cell, cached: Decimal): number {
  const printed = parseNumber(cellText(cell));
  const spread = termsSpread(cell, new Set());
  if (!printed || spread === null) return 1;
  const total = spread.plus(printed.value.minus(cached).abs());
  const half = HALF.times(new Decimal(10).pow(-printed.decimals));
  const n = total.div(half).ceil();
  return n.gt(1) && n.lte(1_000_000) ? n.toNumber() : 1;
}

/** The spread of a sum formula's terms together (sumHalfUnits); null where one cannot be followed. */
function termsSpread(cell: Cell, seen: Set<string>): Decimal | null {
  return overTerms(cell, seen, (ref) => {
    if (isFormula(ref) && ref.formula && sumTerms(ref.formula)) return termsSpread(ref, seen);
    const v = storedValue(ref);
    const shown = v === null || v === undefined || v === "" ? null : parseNumber(cellText(ref));
    // A blank, or text a SUM passes over (sumFormula refuses A1+B1 of text), adds nothing.
    if (!shown) return new Decimal(0);
    const stored = typeof v === "number" ? new Decimal(String(v)).toSignificantDigits(15).decimalPlaces() : shown.decimals;
    return stored > shown.decimals ? new Decimal(0) : HALF.times(new Decimal(10).pow(-shown.decimals));
  });
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
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    const cellLocations: SourceLocation[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      const text = cellText(cell);
      cells.push(text ? formatIndent(cell) + text : text);
      cellLocations.push({ file, sheet: ws.name, cell: cell.address });
      if (isFormula(cell)) {
        const f = sumFormula(ws, cell, file);
        if (f) facts.formulas.push(f);
        else facts.otherFormulas++;
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

