/*
 * A workbook embedded in a Word document as an object (an Excel table pasted with 选择性粘贴 → Microsoft Excel 工作表
 * 对象, or inserted as one): the document prints a picture of the cells the object shows — its active worksheet, in
 * the range the object was sized to (its OLE size). Those cells are read, as a Word table of the same cells would be,
 * from the workbook itself: an .xlsx (Excel.Sheet.12, `word/embeddings/*.xlsx`) or an Excel 97–2003 workbook in a
 * compound file (Excel.Sheet.8, `oleObject*.bin`; or an .xlsx packaged in one). A workbook that cannot be read, a
 * chart, or another kind of object is left as an object not read (the document says how many).
 */
import type { SourceLocation } from "../model/location.js";
import type { WorkbookFacts } from "../model/workbook.js";
import type { Place } from "./cell-forms.js";
import type { GridCell } from "./layout/tab-form.js";
import { columnLetters } from "./sheets.js";
import { isCompoundFile, readCompoundFile, type Storage } from "./cfb.js";
import type { RawLine } from "./raw.js";
import { type CellRange, workbookStreamSheets } from "./xls.js";
import { attr, tokens } from "./xml-scan.js";
import { inflatePart, partText, zipParts } from "./zip-limits.js";
import { mapArray } from "../util/arrays.js";

/** What an embedded workbook shows: its worksheet's name and rows (1-based row numbers), each cell with its column (1-based). */
export interface ShownSheet {
  name: string;
  rows: { row: number; cells: { text: string; column: number }[] }[];
}

/** The largest embedded workbook read, and the most its parts may inflate to (as a file's: zip-limits.ts). */
const MAX_BYTES = 64 * 1024 * 1024;

const ROW = /^([A-Z]+)(\d+)$/;
const columnNumber = (letters: string) => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);

/** A range's cells ("A1:G30", or one cell), 1-based; null where it is no range. */
export function cellRange(ref: string | null): CellRange | null {
  const m = ref ? /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref.trim().toUpperCase()) : null;
  if (!m) return null;
  const [c0, r0, c1, r1] = [columnNumber(m[1]), Number(m[2]), columnNumber(m[3] ?? m[1]), Number(m[4] ?? m[2])];
  return { firstRow: Math.min(r0, r1), lastRow: Math.max(r0, r1), firstColumn: Math.min(c0, c1), lastColumn: Math.max(c0, c1) };
}

/**
 * The rows a worksheet shows: those in `range` (all where none is given) and not hidden, each cell that holds text in
 * the range's columns and not hidden, with its column; rows without any text left out.
 */
export function shownRows(name: string, lines: RawLine[], facts: WorkbookFacts, range: CellRange | null): ShownSheet {
  const hiddenRows = new Set(mapArray(facts.hiddenRows.filter((h) => h.sheet === name), (h) => h.row));
  const hiddenColumns = new Set(mapArray(facts.hiddenColumns.filter((h) => h.sheet === name), (h) => columnNumber(h.column)));
  const rows: ShownSheet["rows"] = [];
  for (const l of lines) {
    const m = ROW.exec(l.location.cell ?? "");
    if (!m) continue;
    const row = Number(m[2]);
    if (hiddenRows.has(row) || (range && (row < range.firstRow || row > range.lastRow))) continue;
    const cells: { text: string; column: number }[] = [];
    l.cells.forEach((text, i) => {
      const at = ROW.exec(l.cellLocations[i]?.cell ?? "");
      const column = at ? columnNumber(at[1]) : i + 1;
      if (!text.trim() || hiddenColumns.has(column) || (range && (column < range.firstColumn || column > range.lastColumn))) return;
      cells.push({ text, column });
    });
    if (cells.length) rows.push({ row, cells });
  }
  return { name, rows };
}

/** An .xlsx's workbook part: its sheets' names in order, the active tab and the OLE size. */
function workbookView(xml: string): { names: string[]; active: number; oleSize: CellRange | null } {
  const names: string[] = [];
  let active = 0;
  let oleSize: CellRange | null = null;
  for (const t of tokens(xml)) {
    if (typeof t === "string" || t.close) continue;
    if (t.local === "sheet") names.push(attr(t.attrs, "name") ?? "");
    else if (t.local === "workbookView") active = Number(attr(t.attrs, "activeTab") ?? "0") || 0;
    else if (t.local === "oleSize") oleSize = cellRange(attr(t.attrs, "ref"));
  }
  return { names, active, oleSize };
}

/**
 * What the workbook an OLE object's storage holds shows: an Excel 97–2003 workbook (its Workbook stream), or an .xlsx
 * inserted as a package (its Package stream). Null for any other object, or a damaged one.
 */
export async function storageSheet(storage: Storage, file: string): Promise<ShownSheet | null> {
  try {
    const book = storage.stream("Workbook");
    if (book) {
      const { sheets, facts, active, activeIsSheet, oleSize } = workbookStreamSheets(file, book);
      // A chart (an Excel.Chart object: its chart sheet shown, its data on a worksheet) prints no cells.
      if (activeIsSheet === false) return null;
      const sheet = sheets.find((s) => s.name === active) ?? sheets[0];
      return sheet ? shownRows(sheet.name, sheet.lines, facts, oleSize) : null;
    }
    const pkg = storage.stream("Package");
    return pkg && !isCompoundFile(pkg) ? embeddedSheet(pkg, file) : null;
  } catch {
    return null;
  }
}

/**
 * What an embedded workbook (its part's bytes) shows; `file` is the document, named in the cells' locations by
 * the caller. Null where it is no workbook read here, or a damaged one.
 */
export async function embeddedSheet(bytes: Buffer, file: string): Promise<ShownSheet | null> {
  if (bytes.length > MAX_BYTES) return null;
  try {
    if (isCompoundFile(bytes)) {
      return storageSheet(readCompoundFile(bytes), file);
    }
    const parts = zipParts(bytes, 10_000);
    if (!Array.isArray(parts)) return null;
    const book = parts.find((p) => p.name.replace(/^\//, "") === "xl/workbook.xml");
    const data = book && inflatePart(book, 16 * 1024 * 1024);
    if (!data || typeof data === "string") return null;
    const view = workbookView(partText(data));
    // exceljs is large: loaded only where a document embeds an .xlsx.
    const { readWorkbookBytes, sheetLines } = await import("./xlsx.js");
    const wb = await readWorkbookBytes(bytes, file);
    const shownName = view.names[view.active];
    const ws = shownName !== undefined ? wb.getWorksheet(shownName) : wb.worksheets[0];
    // (A chart sheet shown — an Excel.Chart object — is no worksheet: it prints no cells.)
    if (!ws) return null;
    const facts: WorkbookFacts = { hiddenSheets: [], hiddenRows: [], hiddenColumns: [], formulas: [], otherFormulas: 0 };
    return shownRows(ws.name, sheetLines(ws, file, facts), facts, view.oleSize);
  } catch {
    // Damaged, too large, a password: the object stays one not read.
    return null;
  }
}

/**
 * A shown sheet as the rows of a table in a Word document's lines, after its paragraph's text: from its leftmost shown
 * column on, each cell located at the object (`label`: 对象N（sheet name）) and the cell's address in the workbook, with
 * the paragraph's page where it is known.
 */
export function sheetRows(file: string, label: string, sheet: ShownSheet, page: number | null): { place: Place; cells: GridCell[] }[] {
  const onPage = page !== null ? { page } : {};
  const first = Math.min(...mapArray(sheet.rows, (r) => r.cells[0]?.column ?? Infinity));
  return mapArray(sheet.rows, (r) => {
    const last = Math.max(...mapArray(r.cells, (c) => c.column));
    const texts: string[] = new Array(Math.max(0, last - first + 1)).fill("");
    for (const c of r.cells) texts[c.column - first] = c.text;
    const at: SourceLocation[] = mapArray(texts, (_, k) => ({ file, sheet: label, cell: `${columnLetters(first + k)}${r.row}`, ...onPage }));
    return { place: { row: { file, sheet: label, cell: `${columnLetters(first)}${r.row}`, ...onPage }, cells: at }, cells: mapArray(texts, (text, i) => ({ text, column: i + 1 })) };
  });
}
