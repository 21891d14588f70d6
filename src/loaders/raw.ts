import type { SourceLocation } from "../model/location.js";
import { mapArray, splitString } from "../util/arrays.js";

/**
 * A printed line as the loaders see it, before any table is recognised: its cells
 * (tab-separated in text, fields in CSV, cells in a worksheet) and where each is printed.
 */
export interface RawLine {
  cells: string[];
  location: SourceLocation;
  cellLocations: SourceLocation[];
}

/** Text cells as a plain string (a non-tabular line is one cell). */
export function lineText(l: RawLine): string {
  return l.cells.join("\t").trim();
}

/** Cells without trailing empty ones. */
export function trimmedCells(l: RawLine): string[] {
  const c = mapArray(l.cells, (x) => x.trim());
  while (c.length && c[c.length - 1] === "") c.pop();
  return c;
}

/** More than one cell with something in it up to the last non-empty one (trimmedCells(l).length > 1, without copying). */
export function isTabular(l: RawLine): boolean {
  for (let i = l.cells.length - 1; i >= 1; i--) if (l.cells[i].trim() !== "") return true;
  return false;
}

/** Splits text lines on tabs, keeping each cell's 1-based character column (where its text starts). */
export function textLine(file: string, lineNo: number, text: string): RawLine {
  const location = { file, line: lineNo };
  if (!text.includes("\t")) return { cells: [text], location, cellLocations: [{ file, line: lineNo, column: 1 }] };
  // Cut at each tab with indexOf and slice: String.prototype.split was most of this function's time
  // (a call into the runtime per line; ~35% slower on a document's table rows).
  const cells: string[] = [];
  const cellLocations: SourceLocation[] = [];
  // Columns count characters (code points), not UTF-16 units: cells are walked only on a line that has
  // a character beyond the BMP (one test per line, not one per cell).
  const astral = SURROGATE.test(text);
  let col = 1;
  for (let from = 0; ; ) {
    const tab = text.indexOf("\t", from);
    const c = tab < 0 ? text.slice(from) : text.slice(from, tab);
    cells.push(c);
    // A cell padded with spaces (a pipe table's `| 1,234 |`): its column is where its text starts.
    let pad = 0;
    while (c.charCodeAt(pad) === 32) pad++;
    cellLocations.push({ file, line: lineNo, column: pad < c.length ? col + pad : col });
    col += (astral && SURROGATE.test(c) ? [...c].length : c.length) + 1;
    if (tab < 0) break;
    from = tab + 1;
  }
  return { cells, location, cellLocations };
}

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * A text's lines, split at CRLF, CR or LF. Nearly every file has LF only: a plain split at "\n" then, which
 * is several times faster than the regular expression and gives the same lines (splitString: the same
 * array shape in every tier of V8, util/arrays.ts).
 */
export function splitLines(text: string): string[] {
  return text.includes("\r") ? text.split(/\r\n|\r|\n/) : splitString(text, "\n");
}
