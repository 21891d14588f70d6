/*
 * An Excel 2003 XML spreadsheet (SpreadsheetML 2003: `<?mso-application progid="Excel.Sheet"?>`, a `<Workbook>` of
 * `<Worksheet ss:Name>`s, each a `<Table>` of `<Row>`s of `<Cell>`s): the form many finance and OA systems write
 * when they "export to Excel", under an .xls name, and the one Excel opens as a workbook. Read as an .xlsx is:
 * each worksheet's rows that hold values as lines of cells, located by sheet and A1 address, then the same
 * reading of the tables (sheets.ts).
 *
 * What Excel shows is read: a number through its style's number format (`0.00`, `#,##0.00`, `Fixed`, `Standard`,
 * `Percent`, inherited from a parent style), a string as written (rich text's tags left out), a cell merged across
 * (`ss:MergeAcross`) written in its first cell and the next ones skipped, `ss:Index` for a row or cell written
 * after a gap; a cell's comment is not printed and not read. A hidden row, column or worksheet is a workbook fact
 * as in an .xlsx. Formulas (R1C1, `ss:Formula`) are read by their cached values; a plain sum's references are followed
 * as an .xlsx's are (sum-formulas.ts), any other formula counted.
 */
import { Decimal } from "decimal.js";
import type { BudgetDocument } from "../model/document.js";
import { parseNumber } from "../model/amount.js";
import type { SourceLocation } from "../model/location.js";
import type { WorkbookFacts } from "../model/workbook.js";
import type { DocumentTemplate } from "../templates/index.js";
import { decodeTextWithEncoding } from "./decode.js";
import { InputError } from "./errors.js";
import type { RawLine } from "./raw.js";
import { readInputFile } from "./read.js";
import { columnLetters, displayDecimal, MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, readSheetTables, type SheetLines } from "./sheets.js";
import { attr, tokens } from "./xml-scan.js";
import { noteFormula, r1c1ToA1, type FormulaSheet, type Stored } from "./sum-formulas.js";

/** SpreadsheetML's named number formats, as Excel shows them. */
const NAMED_FORMATS: Record<string, string> = {
  "general": "General",
  "general number": "General",
  "fixed": "0.00",
  "standard": "#,##0.00",
  "currency": "#,##0.00",
  "euro currency": "#,##0.00",
  "percent": "0.00%",
  "0": "0",
  "0.00": "0.00",
};

/** An Excel 2003 XML spreadsheet: its own processing instruction, or a Workbook in the spreadsheet namespace. */
export function isXmlSpreadsheet(head: string): boolean {
  return /<\?mso-application\s+progid\s*=\s*["']Excel\.Sheet["']|<(?:\w+:)?Workbook\b[^>]*urn:schemas-microsoft-com:office:spreadsheet/i.test(head);
}

interface Style {
  parent: string | null;
  format: string | null;
}

/** A style's number format, its parent's where it sets none (the Default style's where none does). */
function formatOf(styles: Map<string, Style>, id: string | null): string | undefined {
  const seen = new Set<string>();
  for (let s = id; s !== null && !seen.has(s); ) {
    seen.add(s);
    const style = styles.get(s);
    if (!style) break;
    if (style.format !== null) return NAMED_FORMATS[style.format.toLowerCase()] ?? style.format;
    s = style.parent;
  }
  const d = styles.get("Default")?.format;
  return d ? (NAMED_FORMATS[d.toLowerCase()] ?? d) : undefined;
}

/** A cell's value as Excel shows it. */
function shown(type: string, text: string, format: string | undefined): string {
  if (type === "Number") {
    const t = text.trim();
    let d: Decimal | null = null;
    try {
      d = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(t) ? new Decimal(t) : null;
    } catch {
      d = null;
    }
    // (A number past any budget's, 1e999999, is shown as written: its digits would fill memory.)
    return d && Math.abs(d.e) <= 30 ? displayDecimal(d, format) : t;
  }
  if (type === "Boolean") return /^(?:1|true)$/i.test(text.trim()) ? "TRUE" : "FALSE";
  return text;
}

/** A cell's stored value (sum-formulas.ts): a number as written (15 significant digits, as Excel keeps it), else its text. */
function storedOf(type: string, text: string, value: string): Stored {
  if (type === "Number") {
    try {
      const d = new Decimal(text.trim());
      if (Math.abs(d.e) <= 30) return { number: d.toSignificantDigits(15) };
    } catch {
      // (not a number: its text, as shown)
    }
  }
  return { text: value };
}

/** Reads an Excel 2003 XML spreadsheet into the document model (as a workbook: `format` `xlsx`). */
export function loadXmlSpreadsheet(file: string, template?: DocumentTemplate): BudgetDocument {
  const { text } = decodeTextWithEncoding(readInputFile(file), file);
  const { sheets, facts } = xmlSheets(file, text);
  if (sheets.length === 0) throw new InputError("no standard table found in any worksheet; expected one worksheet per table, named 表N or titled (e.g. 支出总表)", { file });
  return readSheetTables(file, sheets, facts, template);
}

/** The worksheets' rows that hold values, as lines of cells as Excel shows them, and the workbook's facts. */
export function xmlSheets(file: string, text: string): { sheets: SheetLines[]; facts: WorkbookFacts } {
  const facts: WorkbookFacts = { hiddenSheets: [], hiddenRows: [], hiddenColumns: [], formulas: [], otherFormulas: 0 };
  const styles = new Map<string, Style>();
  const sheets: SheetLines[] = [];
  let sawWorkbook = false;

  // The sheet being read: its rows by number, each row's cells by column.
  // Its stored values and formulas by A1 address, for the sum formulas (sum-formulas.ts).
  let sheet: { name: string; rows: Map<number, { cells: Map<number, string>; hidden: boolean }>; width: number; stored: Map<string, Stored>; shown: Map<string, string>; formulas: Map<string, string | null> } | null = null;
  let style: Style | null = null;
  let inStyles = false;
  let rowNo = 0;
  let row: { cells: Map<number, string>; hidden: boolean } | null = null;
  let col = 0;
  let cell: { col: number; type: string; text: string; format: string | undefined; formula: string | null } | null = null;
  let inData = 0;
  let inComment = 0;
  let column = 0;
  let inOptions = false;
  let inVisible = false;
  let visible = "";

  const finishSheet = () => {
    if (!sheet) return;
    const lines: RawLine[] = [];
    const name = sheet.name;
    for (const n of [...sheet.rows.keys()].sort((a, b) => a - b)) {
      const r = sheet.rows.get(n)!;
      const cells: string[] = [];
      const cellLocations: SourceLocation[] = [];
      for (let c = 1; c <= sheet.width; c++) {
        cells.push(r.cells.get(c) ?? "");
        cellLocations.push({ file, sheet: name, cell: `${columnLetters(c)}${n}` });
      }
      const location = { file, sheet: name, cell: `A${n}` };
      if (r.hidden) facts.hiddenRows.push({ sheet: name, row: n, location, hasAmounts: cells.some((t) => parseNumber(t) !== null) });
      lines.push({ cells, location, cellLocations });
    }
    if (/^Sheet(?:Very)?Hidden$/i.test(visible.trim())) facts.hiddenSheets.push({ sheet: name, location: { file, sheet: name, cell: "A1" } });
    const { stored, shown: shownAt, formulas } = sheet;
    const cells: FormulaSheet = { stored: (a) => stored.get(a) ?? null, shown: (a) => shownAt.get(a) ?? "", formula: (a) => (formulas.has(a) ? (formulas.get(a) ?? "") : null) };
    for (const address of formulas.keys()) noteFormula(facts, cells, address, (a) => ({ file, sheet: name, cell: a }));
    if (lines.length) sheets.push({ name, lines });
    sheet = null;
  };

  for (const t of tokens(text)) {
    if (typeof t === "string") {
      if (cell && inData > 0 && inComment === 0) cell.text += t;
      else if (inVisible) visible += t;
      continue;
    }
    const name = t.local;
    if (name === "Workbook") sawWorkbook = true;
    else if (name === "Styles") inStyles = !t.close && !t.selfClose;
    else if (inStyles && name === "Style" && !t.close) {
      const id = attr(t.attrs, "ID");
      style = { parent: attr(t.attrs, "Parent"), format: null };
      if (id !== null) styles.set(id, style);
    } else if (inStyles && name === "NumberFormat" && !t.close && style) style.format = attr(t.attrs, "Format");
    else if (name === "Worksheet") {
      if (t.close) finishSheet();
      else {
        finishSheet();
        sheet = { name: attr(t.attrs, "Name") ?? `Sheet${sheets.length + 1}`, rows: new Map(), width: 0, stored: new Map(), shown: new Map(), formulas: new Map() };
        rowNo = 0;
        column = 0;
        visible = "";
        if (t.selfClose) finishSheet();
      }
    } else if (!sheet) continue;
    else if (name === "WorksheetOptions") inOptions = !t.close && !t.selfClose;
    else if (inOptions && name === "Visible") inVisible = !t.close && !t.selfClose;
    else if (name === "Column" && !t.close) {
      const index = Number(attr(t.attrs, "Index") ?? column + 1);
      const span = Number(attr(t.attrs, "Span") ?? 0);
      if (!Number.isInteger(index) || index < 1 || !Number.isInteger(span) || span < 0) continue;
      if (/^(?:1|true)$/i.test(attr(t.attrs, "Hidden") ?? ""))
        for (let c = index; c <= Math.min(index + span, MAX_SHEET_COLUMNS); c++) {
          const letters = columnLetters(c);
          facts.hiddenColumns.push({ sheet: sheet.name, column: letters, location: { file, sheet: sheet.name, cell: `${letters}1` } });
        }
      column = index + span;
    } else if (name === "Row") {
      if (t.close) {
        row = null;
        continue;
      }
      const index = Number(attr(t.attrs, "Index") ?? rowNo + 1);
      rowNo = Number.isInteger(index) && index > rowNo ? index : rowNo + 1;
      if (rowNo > MAX_SHEET_ROWS) throw new InputError(`more than ${MAX_SHEET_ROWS} rows hold values; a budget worksheet is read up to ${MAX_SHEET_ROWS}`, { file, sheet: sheet.name, cell: `A${rowNo}` });
      row = { cells: new Map(), hidden: /^(?:1|true)$/i.test(attr(t.attrs, "Hidden") ?? "") };
      col = 0;
      if (t.selfClose) row = null;
    } else if (!row) continue;
    else if (name === "Cell") {
      if (t.close) {
        if (cell) {
          const value = shown(cell.type, cell.text, cell.format);
          const address = `${columnLetters(cell.col)}${rowNo}`;
          if (cell.formula !== null) sheet.formulas.set(address, r1c1ToA1(cell.formula, rowNo, cell.col));
          if (value.trim() !== "") {
            sheet.stored.set(address, storedOf(cell.type, cell.text, value));
            sheet.shown.set(address, value);
            if (cell.col > MAX_SHEET_COLUMNS)
              throw new InputError(`a value in column ${columnLetters(cell.col)}; a budget worksheet is read up to column ${columnLetters(MAX_SHEET_COLUMNS)} (${MAX_SHEET_COLUMNS} columns)`, { file, sheet: sheet.name, cell: `${columnLetters(cell.col)}${rowNo}` });
            if (!sheet.rows.has(rowNo)) sheet.rows.set(rowNo, row);
            row.cells.set(cell.col, value);
            sheet.width = Math.max(sheet.width, cell.col);
          }
        }
        cell = null;
        continue;
      }
      const index = Number(attr(t.attrs, "Index") ?? col + 1);
      const here = Number.isInteger(index) && index > col ? index : col + 1;
      const across = Number(attr(t.attrs, "MergeAcross") ?? 0);
      col = here + (Number.isInteger(across) && across > 0 ? Math.min(across, MAX_SHEET_COLUMNS) : 0);
      const formula = attr(t.attrs, "Formula");
      // (A formula whose cell stores no value: counted, as shown blank.)
      if (formula !== null && t.selfClose) facts.otherFormulas++;
      cell = t.selfClose ? null : { col: here, type: "String", text: "", format: formatOf(styles, attr(t.attrs, "StyleID")), formula };
      // A hidden row's cells are read all the same (the fact is noted); an empty row of a hidden sheet too.
    } else if (!cell) continue;
    else if (name === "Comment") inComment += t.close ? -1 : t.selfClose ? 0 : 1;
    else if (name === "Data" && inComment === 0) {
      if (t.close) inData = Math.max(0, inData - 1);
      else if (!t.selfClose) {
        inData++;
        cell.type = attr(t.attrs, "Type") ?? "String";
      }
    }
  }
  finishSheet();
  if (!sawWorkbook) throw new InputError("not a readable Excel 2003 XML spreadsheet (no <Workbook> element); save it as an Excel workbook (.xlsx) to have it checked", { file });
  return { sheets, facts };
}
