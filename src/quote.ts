import type { BudgetDocument } from "./model/document.js";
import type { SourceLocation } from "./model/location.js";
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
  const text: ByPlace<string> = new Map();
  for (const p of doc.text) {
    const lines = mapOf(text, p.location.file);
    for (const l of p.lines) if (wants(p.location.file, l.line)) lines.set(l.line, l.text);
  }
  const rows: ByPlace<{ text: string; loc: SourceLocation }[]> = new Map();
  for (const t of doc.tables)
    for (const r of t.rows)
      for (const key in r.cells) {
        const c = r.cells[key];
        const loc = c.location;
        const place = placeOf(loc);
        if (place === null || !wants(loc.file, place) || !c.text.trim()) continue;
        const inFile = mapOf(rows, loc.file);
        const cells = inFile.get(place);
        if (!cells) inFile.set(place, [{ text: c.text.trim(), loc }]);
        else if (!cells.some((x) => sameCell(x.loc, loc))) cells.push({ text: c.text.trim(), loc });
      }
  for (const inFile of rows.values()) for (const cells of inFile.values()) cells.sort((a, b) => order(a.loc) - order(b.loc));
  return {
    quote(loc) {
      if (loc.line) {
        const line = text.get(loc.file)?.get(loc.line);
        if (line !== undefined) return sentence(line, loc.column ?? null);
      }
      const place = placeOf(loc);
      const cells = place === null ? undefined : rows.get(loc.file)?.get(place);
      if (!cells) return undefined;
      const marked = loc.column || loc.cell;
      return mapArray(cells, (c) => (marked && sameCell(c.loc, loc) ? `»${c.text}«` : c.text)).join(" │ ");
    },
  };
}

function sameCell(a: SourceLocation, b: SourceLocation): boolean {
  return a.sheet ? a.sheet === b.sheet && a.cell === b.cell : a.line === b.line && (a.column ?? null) === (b.column ?? null);
}

function order(l: SourceLocation): number {
  if (l.cell) {
    let col = 0;
    for (const ch of l.cell.replace(/\d+$/, "")) col = col * 26 + ch.charCodeAt(0) - 64;
    return col;
  }
  return l.column ?? 0;
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
