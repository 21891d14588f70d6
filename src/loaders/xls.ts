/*
 * An Excel 97–2003 workbook (.xls: BIFF8 in a compound file's "Workbook" stream, [MS-XLS]) — the form finance
 * systems export a department's budget tables in more than any other, and the one WPS spreadsheets (.et) share.
 * Read as an .xlsx is, without exceljs: each worksheet's cells that hold a value as lines of cells at their A1
 * addresses, then the same reading of the tables (sheets.ts).
 *
 * What Excel shows is read: a number (NUMBER, RK, MULRK, a formula's cached result) through its cell's number
 * format (the workbook's FORMAT records and Excel's built-in ones), a string from the shared string table (its
 * pieces across CONTINUE records joined) or written in the cell; a merged area's value in its first cell. Hidden
 * rows, columns and worksheets are workbook facts as in an .xlsx. Formulas are read by their cached values; a plain
 * sum's parsed tokens (a shared formula's too) are followed as an .xlsx's formula is (sum-formulas.ts), any other
 * formula counted. A workbook saved with a password (FILEPASS), an Excel 5.0/95 one (BIFF5) and a damaged file get a
 * one-line error.
 */
import { Decimal } from "decimal.js";
import type { BudgetDocument } from "../model/document.js";
import { parseNumber } from "../model/amount.js";
import type { SourceLocation } from "../model/location.js";
import type { WorkbookFacts } from "../model/workbook.js";
import type { DocumentTemplate } from "../templates/index.js";
import { CompoundFileError, readCompoundFile } from "./cfb.js";
import { InputError } from "./errors.js";
import type { RawLine } from "./raw.js";
import { readInputFile } from "./read.js";
import { columnLetters, displayDecimal, MAX_SHEET_COLUMNS, readSheetTables, type SheetLines } from "./sheets.js";
import { biffFormula, noteFormula, type FormulaSheet, type Stored } from "./sum-formulas.js";

/** Excel's built-in number formats by index (those a budget table uses; the rest show as General). */
const BUILT_IN: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  5: '"$"#,##0_);("$"#,##0)',
  6: '"$"#,##0_);[Red]("$"#,##0)',
  7: '"$"#,##0.00_);("$"#,##0.00)',
  8: '"$"#,##0.00_);[Red]("$"#,##0.00)',
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  41: '_(* #,##0_);_(* (#,##0);_(* "-"_);_(@_)',
  42: '_("$"* #,##0_);_("$"* (#,##0);_("$"* "-"_);_(@_)',
  43: '_(* #,##0.00_);_(* (#,##0.00);_(* "-"??_);_(@_)',
  44: '_("$"* #,##0.00_);_("$"* (#,##0.00);_("$"* "-"??_);_(@_)',
  48: "##0.0E+0",
  49: "@",
};

/** A record of the stream: its type, its data, and where it starts. */
interface BiffRecord {
  type: number;
  data: Buffer;
  offset: number;
}

function* records(stream: Buffer, from: number): Generator<BiffRecord> {
  for (let at = from; at + 4 <= stream.length; ) {
    const type = stream.readUInt16LE(at);
    const length = stream.readUInt16LE(at + 2);
    if (at + 4 + length > stream.length) throw new CompoundFileError("a record runs past the end of its stream");
    yield { type, data: stream.subarray(at + 4, at + 4 + length), offset: at };
    at += 4 + length;
  }
}

/**
 * Reads strings that may run over record boundaries (the shared string table and its CONTINUE records): where a
 * string's characters go on in the next record, that record begins with the characters' width flag again.
 */
class Pieces {
  private k = 0;
  private at = 0;
  constructor(private readonly parts: Buffer[]) {}
  private next(): boolean {
    if (this.at < this.parts[this.k].length) return true;
    if (this.k + 1 >= this.parts.length) return false;
    this.k++;
    this.at = 0;
    return true;
  }
  done(): boolean {
    return !this.next();
  }
  u8(): number {
    if (!this.next()) throw new CompoundFileError("the shared string table ends inside a string");
    return this.parts[this.k][this.at++];
  }
  u16(): number {
    return this.u8() | (this.u8() << 8);
  }
  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }
  skip(n: number): void {
    for (let left = n; left > 0; ) {
      if (!this.next()) throw new CompoundFileError("the shared string table ends inside a string");
      const take = Math.min(left, this.parts[this.k].length - this.at);
      this.at += take;
      left -= take;
    }
  }
  /** An XLUnicodeRichExtendedString. */
  string(): string {
    const cch = this.u16();
    const flags = this.u8();
    const runs = flags & 0x08 ? this.u16() : 0;
    const ext = flags & 0x04 ? this.u32() : 0;
    let wide = (flags & 0x01) !== 0;
    let out = "";
    for (let left = cch; left > 0; ) {
      if (this.at >= this.parts[this.k].length) {
        // The characters go on in the next record, which begins with their width again.
        if (this.k + 1 >= this.parts.length) throw new CompoundFileError("the shared string table ends inside a string");
        this.k++;
        this.at = 0;
        wide = (this.u8() & 0x01) !== 0;
        continue;
      }
      const part = this.parts[this.k];
      const fit = Math.min(left, Math.floor((part.length - this.at) / (wide ? 2 : 1)));
      if (fit === 0) throw new CompoundFileError("a string is cut inside a character");
      out += wide ? part.toString("utf16le", this.at, this.at + fit * 2) : part.toString("latin1", this.at, this.at + fit);
      this.at += fit * (wide ? 2 : 1);
      left -= fit;
    }
    this.skip(runs * 4 + ext);
    return out;
  }
}

/** An XLUnicodeString (16-bit count) or ShortXLUnicodeString (8-bit count) at `at` of one record's data. */
function unicodeString(data: Buffer, at: number, shortCount = false): string {
  const cch = shortCount ? data[at] : data.readUInt16LE(at);
  const p = at + (shortCount ? 1 : 2);
  const wide = (data[p] & 0x01) !== 0;
  return wide ? data.toString("utf16le", p + 1, Math.min(data.length, p + 1 + cch * 2)) : data.toString("latin1", p + 1, Math.min(data.length, p + 1 + cch));
}

/** An RK number, exactly: a 30-bit integer or the top of a double, either perhaps × 1/100. */
function rkValue(rk: number): Decimal {
  const hundredths = (rk & 0x01) !== 0;
  let d: Decimal;
  if (rk & 0x02) d = new Decimal(rk >> 2);
  else {
    const b = Buffer.alloc(8);
    b.writeUInt32LE(rk & 0xfffffffc, 4);
    d = new Decimal(String(b.readDoubleLE(0)));
  }
  return hundredths ? d.div(100) : d;
}

/** A double as Excel keeps it (15 significant digits: 0.1 + 0.2 is 0.3). */
const doubleValue = (v: number) => new Decimal(String(v)).toSignificantDigits(15);

/**
 * A worksheet's formulas, in reading order (row, then column), as workbook facts: each plain sum's (SumFormula, its
 * tokens written back in A1 notation; a shared formula's from its SHRFMLA, relative to the cell), the others counted.
 */
function sheetFormulas(
  file: string,
  sheet: string,
  cells: { stored: Map<string, Stored>; shownAt: Map<string, string>; formulas: Map<string, { rw: number; col: number; rgce: Buffer }>; shared: Map<string, Buffer> },
  facts: WorkbookFacts,
): void {
  if (!cells.formulas.size) return;
  const a1 = new Map<string, string>();
  const formulaAt = (address: string): string | null => {
    const f = cells.formulas.get(address);
    if (!f) return null;
    let text = a1.get(address);
    if (text === undefined) {
      const { rgce, rw, col } = f;
      // ptgExp (a shared formula's member): the tokens of the shared formula whose first cell it names.
      const tokens = rgce.length === 5 && rgce[0] === 0x01 ? cells.shared.get(`${columnLetters(rgce.readUInt16LE(3) + 1)}${rgce.readUInt16LE(1) + 1}`) : rgce;
      text = (tokens && biffFormula(tokens, rw, col)) ?? "";
      a1.set(address, text);
    }
    return text;
  };
  const sheetOfCells: FormulaSheet = { stored: (address) => cells.stored.get(address) ?? null, shown: (address) => cells.shownAt.get(address) ?? "", formula: formulaAt };
  const order = [...cells.formulas.values()].sort((x, y) => x.rw - y.rw || x.col - y.col);
  for (const { rw, col } of order) noteFormula(facts, sheetOfCells, `${columnLetters(col + 1)}${rw + 1}`, (address) => ({ file, sheet, cell: address }));
}

/** Reads an Excel 97–2003 workbook into the document model (as a workbook: `format` `xlsx`). */
export function loadXls(file: string, template?: DocumentTemplate): BudgetDocument {
  const { sheets, facts } = xlsSheets(file, readInputFile(file));
  if (sheets.length === 0) throw new InputError("no standard table found in any worksheet; expected one worksheet per table, named 表N or titled (e.g. 支出总表)", { file });
  return readSheetTables(file, sheets, facts, template);
}

/** The worksheets' cells that hold values, as lines of cells as Excel shows them, and the workbook's facts. */
export function xlsSheets(file: string, bytes: Buffer): XlsSheets {
  let stream: Buffer | null;
  try {
    const cf = readCompoundFile(bytes);
    stream = cf.stream("Workbook");
    if (!stream) {
      if (cf.stream("Book")) throw new InputError("an Excel 5.0/95 workbook (BIFF5) is not read; save it as an Excel workbook (.xlsx) to have it checked", { file });
      if (cf.stream("EncryptedPackage")) throw new InputError("a workbook saved with a password is not read; save it again without a password to have it checked", { file });
      if (cf.stream("WordDocument")) throw new InputError("not an Excel workbook but a Word 97–2003 document under the name; save it as .docx or PDF to have it checked", { file });
      throw new InputError("not an Excel 97–2003 workbook: the compound file holds no Workbook stream; save it as an Excel workbook (.xlsx) to have it checked", { file });
    }
    return biff8(file, stream);
  } catch (e) {
    throw damage(e, file);
  }
}

/** A Workbook stream's worksheets (an Excel 97–2003 workbook embedded in a Word 97–2003 document's ObjectPool). */
export function workbookStreamSheets(file: string, stream: Buffer): XlsSheets {
  try {
    return biff8(file, stream);
  } catch (e) {
    throw damage(e, file);
  }
}

/** A workbook's damage as the one-line error that says so (anything else as it is). */
function damage(e: unknown, file: string): unknown {
  if (e instanceof CompoundFileError) return new InputError(`not a readable Excel 97–2003 workbook (${e.message}); save it again from Excel, or as .xlsx, to have it checked`, { file });
  // (A damaged offset or count read past a buffer's end: Node's RangeError, the file's damage all the same.)
  if (e instanceof RangeError) return new InputError("not a readable Excel 97–2003 workbook (a record points past the end of its stream); save it again from Excel, or as .xlsx, to have it checked", { file });
  return e;
}

/** A workbook's worksheets and facts, and what it shows where it is an object embedded in a document (its active sheet, its OLE size). */
export interface XlsSheets {
  sheets: SheetLines[];
  facts: WorkbookFacts;
  /** The worksheet shown first (WINDOW1's active tab), null where that is a chart or none is said. */
  active: string | null;
  /** Whether the sheet shown first is a worksheet: false for a chart (or macro) sheet, null where no WINDOW1 says. */
  activeIsSheet: boolean | null;
  /** The range an embedded workbook shows (OLESIZE), 1-based and inclusive; null where it says none. */
  oleSize: CellRange | null;
}

/** A range of cells, 1-based and inclusive. */
export interface CellRange {
  firstRow: number;
  lastRow: number;
  firstColumn: number;
  lastColumn: number;
}

function biff8(file: string, stream: Buffer): XlsSheets {
  const facts: WorkbookFacts = { hiddenSheets: [], hiddenRows: [], hiddenColumns: [], formulas: [], otherFormulas: 0 };
  let activeTab: number | null = null;
  let oleSize: CellRange | null = null;
  let sheetCount = 0;
  const sheetIndex = new Map<number, string>();
  const formats = new Map<number, string>();
  const xfFormats: number[] = [];
  const xfIndents: number[] = [];
  const bound: { name: string; offset: number; state: number }[] = [];
  let sst: string[] = [];
  // The globals substream: BOF … EOF, its records kept in order (a few thousand: formats, styles, strings).
  const globals: BiffRecord[] = [];
  for (const r of records(stream, 0)) {
    globals.push(r);
    if (r.type === 0x000a) break;
  }
  const bof = globals[0];
  if (!bof || bof.type !== 0x0809 || bof.data.length < 4) throw new CompoundFileError("its Workbook stream does not begin with a BOF record");
  if (bof.data.readUInt16LE(0) !== 0x0600) throw new InputError("an Excel 5.0/95 workbook (BIFF5) is not read; save it as an Excel workbook (.xlsx) to have it checked", { file });
  for (let i = 1; i < globals.length; i++) {
    const { type, data } = globals[i];
    if (type === 0x002f) throw new InputError("a workbook saved with a password is not read; save it again without a password to have it checked", { file });
    if (type === 0x041e && data.length >= 5) formats.set(data.readUInt16LE(0), unicodeString(data, 2));
    else if (type === 0x00e0 && data.length >= 4) {
      xfFormats.push(data.readUInt16LE(2));
      // The indent a cell's format sets (cIndent, for text aligned from the left: general, left or distributed).
      const alc = data.length >= 9 ? data[6] & 0x07 : 0;
      xfIndents.push(data.length >= 9 && (alc === 0 || alc === 1 || alc === 7) ? data[8] & 0x0f : 0);
    }
    else if (type === 0x0085 && data.length >= 8) {
      // Worksheets only (dt 0); a chart sheet or a macro sheet holds no table.
      if (data[5] === 0) {
        bound.push({ offset: data.readUInt32LE(0), state: data[4] & 0x03, name: unicodeString(data, 6, true) });
        sheetIndex.set(sheetCount, bound[bound.length - 1].name);
      }
      sheetCount++;
    } else if (type === 0x003d && data.length >= 12) activeTab = data.readUInt16LE(10);
    else if (type === 0x00de && data.length >= 8) oleSize = { firstRow: data.readUInt16LE(2) + 1, lastRow: data.readUInt16LE(4) + 1, firstColumn: data[6] + 1, lastColumn: data[7] + 1 }; else if (type === 0x00fc && data.length >= 8) {
      // The shared string table: this record and the CONTINUE records after it.
      const parts = [data.subarray(8)];
      while (globals[i + 1]?.type === 0x003c) parts.push(globals[++i].data);
      const unique = data.readUInt32LE(4);
      const pieces = new Pieces(parts);
      const strings: string[] = [];
      while (strings.length < unique && !pieces.done()) strings.push(pieces.string());
      sst = strings;
    }
  }
  /** A text cell's indentation set by its format, as full-width spaces before its text (as xlsx.ts's formatIndent). */
  const indented = (ixfe: number, text: string) => (xfIndents[ixfe] && text.trim() ? "\u3000".repeat(xfIndents[ixfe]) + text : text);
  const formatOf = (ixfe: number) => {
    const ifmt = xfFormats[ixfe];
    return ifmt === undefined ? undefined : (formats.get(ifmt) ?? BUILT_IN[ifmt]);
  };

  const sheets: SheetLines[] = [];
  for (const b of bound) {
    const rows = new Map<number, Map<number, string>>();
    const hiddenRows = new Set<number>();
    let width = 0;
    const put = (rw: number, col: number, text: string) => {
      if (text.trim() === "") return;
      if (col + 1 > MAX_SHEET_COLUMNS)
        throw new InputError(`a value in column ${columnLetters(col + 1)}; a budget worksheet is read up to column ${columnLetters(MAX_SHEET_COLUMNS)} (${MAX_SHEET_COLUMNS} columns)`, { file, sheet: b.name, cell: `${columnLetters(col + 1)}${rw + 1}` });
      let row = rows.get(rw);
      if (!row) rows.set(rw, (row = new Map()));
      row.set(col, text);
      width = Math.max(width, col + 1);
    };
    // What a formula needs of the sheet (sum-formulas.ts): the values stored, as shown, and the formulas' tokens.
    const stored = new Map<string, Stored>();
    const shownAt = new Map<string, string>();
    const formulas = new Map<string, { rw: number; col: number; rgce: Buffer }>();
    const shared = new Map<string, Buffer>();
    const at = (rw: number, col: number) => `${columnLetters(col + 1)}${rw + 1}`;
    const keep = (rw: number, col: number, value: Stored, text: string) => {
      stored.set(at(rw, col), value);
      shownAt.set(at(rw, col), text);
      put(rw, col, text);
    };
    const number = (rw: number, col: number, ixfe: number, d: Decimal) => keep(rw, col, { number: d.toSignificantDigits(15) }, displayDecimal(d, formatOf(ixfe)));
    const text = (rw: number, col: number, t: string) => keep(rw, col, { text: t }, t);
    let pendingString: { rw: number; col: number; ixfe: number } | null = null;
    const sheetRecords = records(stream, b.offset);
    let started = false;
    for (let r = sheetRecords.next(); !r.done; r = sheetRecords.next()) {
      const { type, data } = r.value;
      if (!started) {
        started = true;
        if (type !== 0x0809) throw new CompoundFileError(`the worksheet ${b.name} does not begin with a BOF record`);
        continue;
      }
      if (type === 0x000a) break;
      if (type === 0x0809) {
        // An embedded chart's substream: skipped to its EOF.
        for (let c = sheetRecords.next(); !c.done && c.value.type !== 0x000a; c = sheetRecords.next());
        continue;
      }
      if (type === 0x00fd && data.length >= 10) {
        const s = sst[data.readUInt32LE(6)];
        if (s !== undefined) text(data.readUInt16LE(0), data.readUInt16LE(2), indented(data.readUInt16LE(4), s));
      } else if (type === 0x0203 && data.length >= 14) number(data.readUInt16LE(0), data.readUInt16LE(2), data.readUInt16LE(4), doubleValue(data.readDoubleLE(6)));
      else if (type === 0x027e && data.length >= 10) number(data.readUInt16LE(0), data.readUInt16LE(2), data.readUInt16LE(4), rkValue(data.readUInt32LE(6)));
      else if (type === 0x00bd && data.length >= 6) {
        const rw = data.readUInt16LE(0);
        const colFirst = data.readUInt16LE(2);
        const n = Math.floor((data.length - 6) / 6);
        for (let i = 0; i < n; i++) number(rw, colFirst + i, data.readUInt16LE(4 + i * 6), rkValue(data.readUInt32LE(6 + i * 6)));
      } else if ((type === 0x0204 || type === 0x00d6) && data.length >= 9) text(data.readUInt16LE(0), data.readUInt16LE(2), indented(data.readUInt16LE(4), unicodeString(data, 6)));
      else if (type === 0x0205 && data.length >= 8) {
        // BOOLERR: a boolean (TRUE / FALSE) or an error value (#DIV/0! …).
        const v = data[6];
        const ERRORS: { [k: number]: string } = { 0: "#NULL!", 7: "#DIV/0!", 15: "#VALUE!", 23: "#REF!", 29: "#NAME?", 36: "#NUM!", 42: "#N/A" };
        text(data.readUInt16LE(0), data.readUInt16LE(2), data[7] ? (ERRORS[v] ?? "#N/A") : v ? "TRUE" : "FALSE");
      } else if (type === 0x0006 && data.length >= 20) {
        const rw = data.readUInt16LE(0);
        const col = data.readUInt16LE(2);
        // Its parsed tokens (rgce, after the cached value, the flags and the cce), followed as far as a plain sum goes.
        const cce = data.length >= 22 ? data.readUInt16LE(20) : 0;
        formulas.set(at(rw, col), { rw, col, rgce: data.subarray(22, 22 + cce) });
        if (data.readUInt16LE(12) !== 0xffff) number(rw, col, data.readUInt16LE(4), doubleValue(data.readDoubleLE(6)));
        else if (data[6] === 0) pendingString = { rw, col, ixfe: data.readUInt16LE(4) };
        else if (data[6] === 1) text(rw, col, data[8] ? "TRUE" : "FALSE");
      } else if (type === 0x04bc && data.length >= 10) {
        // SHRFMLA: a shared formula's tokens (relative references as offsets), for the cells of its range, each
        // pointing at its first cell (ptgExp).
        shared.set(at(data.readUInt16LE(0), data[4]), data.subarray(10, 10 + data.readUInt16LE(8)));
      } else if (type === 0x0207 && pendingString && data.length >= 3) {
        text(pendingString.rw, pendingString.col, indented(pendingString.ixfe, unicodeString(data, 0)));
        pendingString = null;
      } else if (type === 0x0208 && data.length >= 16) {
        if (data[12] & 0x20) hiddenRows.add(data.readUInt16LE(0));
      } else if (type === 0x007d && data.length >= 10) {
        if (data.readUInt16LE(8) & 0x01)
          for (let c = data.readUInt16LE(0); c <= Math.min(data.readUInt16LE(2), MAX_SHEET_COLUMNS - 1); c++) {
            const column = columnLetters(c + 1);
            facts.hiddenColumns.push({ sheet: b.name, column, location: { file, sheet: b.name, cell: `${column}1` } });
          }
      }
      // (A formula's STRING comes after its SHRFMLA, ARRAY or TABLE record, where it has one.)
      if (type !== 0x0006 && type !== 0x0207 && type !== 0x003c && type !== 0x04bc && type !== 0x0221 && type !== 0x0236) pendingString = null;
    }
    if (b.state !== 0) facts.hiddenSheets.push({ sheet: b.name, location: { file, sheet: b.name, cell: "A1" } });
    sheetFormulas(file, b.name, { stored, shownAt, formulas, shared }, facts);
    const lines: RawLine[] = [];
    for (const rw of [...rows.keys()].sort((x, y) => x - y)) {
      const row = rows.get(rw)!;
      const cells: string[] = [];
      const cellLocations: SourceLocation[] = [];
      for (let c = 0; c < width; c++) {
        cells.push(row.get(c) ?? "");
        cellLocations.push({ file, sheet: b.name, cell: `${columnLetters(c + 1)}${rw + 1}` });
      }
      const location = { file, sheet: b.name, cell: `A${rw + 1}` };
      if (hiddenRows.has(rw)) facts.hiddenRows.push({ sheet: b.name, row: rw + 1, location, hasAmounts: cells.some((t) => parseNumber(t) !== null) });
      lines.push({ cells, location, cellLocations });
    }
    if (lines.length) sheets.push({ name: b.name, lines });
  }
  return { sheets, facts, active: sheetIndex.get(activeTab ?? 0) ?? null, activeIsSheet: activeTab === null ? null : sheetIndex.has(activeTab), oleSize };
}
