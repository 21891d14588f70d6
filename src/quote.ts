import type { BudgetDocument, TextLine } from "./model/document.js";
import type { SourceLocation } from "./model/location.js";
import { hasFileColumns, lineIndexAt } from "./model/text-columns.js";
import { allTables } from "./model/units.js";
import { mapArray } from "./util/arrays.js";

/**
 * The printed line a finding's figure stands on, quoted with the figure marked `»…«`: a sentence of the
 * written parts (cut to about 40 characters either side of the figure), or a table row as its cells.
 * Built from the loaded document, so that every format can show it without the source file.
 */

const FIGURE = /^[-−]?[0-9０-９][0-9０-９,，.．]*(?:\s*[%％])?/;
const SIDE = 40;

export interface Quoter {
  quote(loc: SourceLocation): string | undefined;
}

/**
 * What is printed at one line of a file (or one row of a worksheet): keyed by file, then by line number
 * (a worksheet row: sheet + the digits of its A1 address). Nested maps rather than one map of joined
 * strings: every cell of every table is indexed, and a joined key was a new string to build and hash per cell.
 */
type ByPlace<V> = Map<string, Map<number | string, V>>;

function placeOf(loc: SourceLocation): number | string | null {
  if (loc.sheet && loc.cell) return `${loc.sheet}\u0000${loc.cell.replace(/^[A-Z]+/, "")}`;
  return loc.line ? loc.line : null;
}

function mapOf<V>(m: ByPlace<V>, file: string): Map<number | string, V> {
  let inner = m.get(file);
  if (!inner) m.set(file, (inner = new Map()));
  return inner;
}

/**
 * `wanted`: the locations that will be quoted (a report's findings), when known: only their lines and rows
 * are indexed, not every cell of every table (a report quotes a few dozen places of thousands).
 */
export function quoter(doc: BudgetDocument, wanted?: Iterable<SourceLocation>): Quoter {
  let want: ByPlace<true> | null = null;
  if (wanted) {
    want = new Map();
    for (const l of wanted) {
      const place = placeOf(l);
      if (place !== null) mapOf(want, l.file).set(place, true);
      if (l.line) mapOf(want, l.file).set(l.line, true);
    }
  }
  const wants = (file: string, place: number | string) => !want || want.get(file)?.has(place) === true;
  // A written line by its line in the file: the part's own numbering, or where the line says it is printed (a
  // web page prints many on one line of its file, each from its own column).
  const text: ByPlace<TextLine[]> = new Map();
  for (const p of doc.text)
    for (const l of p.lines) {
      const file = l.place?.file ?? p.location.file;
      const line = l.place && !l.place.sheet ? l.place.line ?? l.line : l.line;
      if (!wants(file, line)) continue;
      const lines = mapOf(text, file);
      const entry = l;
      const on = lines.get(line);
      if (on) on.push(entry);
      else lines.set(line, [entry]);
    }
  const rows: ByPlace<{ text: string; loc: SourceLocation; row: number }[]> = new Map();
  let rowNumber = 0;
  // The wanted places of the file the last cell was printed in: a table's cells are nearly all of one file, and
  // this loop visits every cell of every table (one lookup of the file's name a cell was ~0.3% of a warm document).
  let lastFile: string | null = null;
  let wantedInFile: Map<number | string, true> | undefined;
  for (const t of allTables(doc))
    for (const r of t.rows) {
      rowNumber++;
      for (const key in r.cells) {
        const c = r.cells[key];
        const loc = c.location;
        const place = placeOf(loc);
        if (place === null) continue;
        if (want) {
          if (loc.file !== lastFile) {
            lastFile = loc.file;
            wantedInFile = want.get(loc.file);
          }
          if (wantedInFile?.has(place) !== true) continue;
        }
        if (!c.text.trim()) continue;
        const inFile = mapOf(rows, loc.file);
        const cells = inFile.get(place);
        if (!cells) inFile.set(place, [{ text: c.text.trim(), loc, row: rowNumber }]);
        else if (!cells.some((x) => sameCell(x.loc, loc))) cells.push({ text: c.text.trim(), loc, row: rowNumber });
      }
    }
  for (const inFile of rows.values()) for (const cells of inFile.values()) cells.sort((a, b) => order(a.loc) - order(b.loc));
  return {
    quote(loc) {
      if (loc.line) {
        const on = text.get(loc.file)?.get(loc.line);
        // The written line the column falls in (the first one without a column).
        // One written line there, as in most files; or, of several (a web page's paragraphs on one line of its
        // file), the one whose characters stand at the figure's column.
        const line = on && (on.length === 1 ? on[0] : loc.column ? on.find((e) => (hasFileColumns(e) ? lineIndexAt(e, loc.column!) !== undefined : !e.place && loc.column! <= e.text.length)) : undefined);
        const index = line && loc.column ? indexAt(line, loc.column) : undefined;
        if (line) return sentence(line.text, index === undefined ? null : index + 1);
      }
      const place = placeOf(loc);
      let cells = place === null ? undefined : rows.get(loc.file)?.get(place);
      if (!cells) return undefined;
      const marked = loc.column || loc.cell || loc.box;
      // A line of the file holding many rows (a table written on one line): the figure's row alone, or nothing.
      if (new Set(mapArray(cells, (c) => c.row)).size > 2) {
        const at = marked ? cells.find((c) => sameCell(c.loc, loc)) : undefined;
        if (!at) return undefined;
        cells = cells.filter((c) => c.row === at.row);
      }
      return mapArray(cells, (c) => (marked && sameCell(c.loc, loc) ? `»${c.text}«` : c.text)).join(" │ ");
    },
  };
}

/**
 * The written line's character (0-based) a location's column marks: counted from where the line says its
 * characters stand in the file (a web page's paragraph), else the column is the character's in the line itself.
 */
function indexAt(l: TextLine, column: number): number | undefined {
  return hasFileColumns(l) ? lineIndexAt(l, column) : column - 1;
}

/** The same printed cell: its sheet and cell; its line and column; or, in a PDF (no column), its box. */
function sameCell(a: SourceLocation, b: SourceLocation): boolean {
  if (a.sheet) return a.sheet === b.sheet && a.cell === b.cell;
  if (a.line !== b.line || (a.column ?? null) !== (b.column ?? null)) return false;
  return !a.box || !b.box || (a.box.x === b.box.x && a.box.y === b.box.y && a.box.width === b.box.width);
}

function order(l: SourceLocation): number {
  if (l.cell) {
    let col = 0;
    for (const ch of l.cell.replace(/\d+$/, "")) col = col * 26 + ch.charCodeAt(0) - 64;
    return col;
  }
  return l.column ?? l.box?.x ?? 0;
}

/** A written line with the figure at `column` (1-based) marked, cut around it. */
function sentence(line: string, column: number | null): string {
  const clean = (s: string) => s.replace(/\s+/g, " ");
  if (!column || column > line.length) return clean(line.trim()).slice(0, 2 * SIDE) + (line.trim().length > 2 * SIDE ? "…" : "");
  const at = column - 1;
  const figure = FIGURE.exec(line.slice(at))?.[0] ?? line[at];
  const from = Math.max(0, at - SIDE);
  const to = Math.min(line.length, at + figure.length + SIDE);
  const before = clean(line.slice(from, at)).trimStart();
  const after = clean(line.slice(at + figure.length, to)).trimEnd();
  return `${from > 0 ? "…" : ""}${before}»${figure}«${after}${to < line.length ? "…" : ""}`;
}
