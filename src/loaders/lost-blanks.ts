import { amountTextKind } from "../model/amount.js";
import type { ColumnSpec } from "../templates/types.js";
import { normaliseName } from "../model/names.js";
import { mapArray } from "../util/arrays.js";

/*
 * Tables whose blank cells were lost. Some converters, and people copying a table from a PDF viewer or a web
 * page, write a run of tabs as one tab: every blank cell of a tab-separated row then disappears — a run of blanks
 * between two cells leaves nothing, a run at the row's start or end leaves one blank cell. A row that had blanks
 * then has fewer cells than the header has columns, and where its cells stood is no longer printed.
 *
 * What is still known: a row that begins with a cell began in the first column (blanks before it would have left
 * one blank cell), and one that begins with a blank cell did not; each cell printed, blank or not, stood in at
 * least one column of its own; the cells keep their order; an amount stands in an amount column, words in a text
 * column, a code's digits in the code column. Where that leaves one placement, the row is read so; where it leaves
 * more than one (or none), the row cannot be read without a guess, and its table is not read (loaders/tables.ts
 * says why, with the row's line).
 */

/** A cell with nothing but spaces in it. */
const blank = (c: string): boolean => c.trim() === "";

/**
 * Whether the lines (a table's page: its header rows and data rows) show the sign of lost blank cells: no line
 * has a blank cell but at its start or its end (one at each at most). A table printed with its blanks (merged header
 * cells, a unit's row with no code and no name) has one inside a line somewhere; one whose runs of tabs were
 * written as one tab has none.
 */
export function blanksCollapsed(lines: readonly { cells: string[] }[]): boolean {
  for (const l of lines) {
    const cells = l.cells;
    for (let i = 1; i < cells.length - 1; i++) if (blank(cells[i])) return false;
  }
  return true;
}

/** How many cells a row prints, the blank one its end may keep included (one that is all blank prints none). */
export function printedCells(cells: readonly string[]): number {
  let n = cells.length;
  // Two blanks or more at the end: more than one tab survived there, so the row is not one that lost its blanks;
  // it prints up to its last cell and one blank.
  while (n > 1 && blank(cells[n - 1]) && blank(cells[n - 2])) n--;
  if (n === 1 && blank(cells[0])) return 0;
  return n;
}

/** A code's digits: what may stand in a code column (a function or economic code, a unit's code). */
const CODE_LIKE = /^\d{3,12}$/;

/** Whether a cell's text can stand in a column of this kind. */
function fitsColumn(text: string, spec: ColumnSpec | null): boolean {
  // A column the template does not read: what it holds is not known, so any cell may stand in it.
  if (!spec) return true;
  const kind = amountTextKind(text);
  if (spec.key === "code") return CODE_LIKE.test(text.replace(/\s+/g, ""));
  if (kind === "amount" || kind === "malformed") return spec.kind === "amount";
  // A dash stands for nothing: in an amount column (zero), or in a text column.
  if (kind === "dash") return true;
  return spec.kind === "text";
}

/**
 * Where the cells of a row that lost its blank cells may stand: every placement of its non-blank cells, in order,
 * in the columns `specs` (one per column of the header; null where the template reads nothing), in which each stands
 * in a column it fits; the first in column 0 unless the row begins with a blank cell (then in column 1 or later);
 * the last before the last column when the row ends with a blank cell. At most `limit` placements (two tell that
 * there is more than one). Each placement gives, per non-blank cell, its column.
 */
export function placements(cells: readonly string[], specs: readonly (ColumnSpec | null)[], limit = 2): { cell: number; column: number }[][] {
  const width = specs.length;
  const filled: { cell: number; text: string }[] = [];
  for (let i = 0; i < cells.length; i++) if (!blank(cells[i])) filled.push({ cell: i, text: cells[i].trim() });
  if (filled.length === 0) return [];
  const lead = blank(cells[0]);
  const trail = cells.length > 1 && blank(cells[cells.length - 1]);
  const out: { cell: number; column: number }[][] = [];
  const at: number[] = new Array<number>(filled.length);
  const place = (k: number, from: number): void => {
    if (out.length >= limit) return;
    if (k === filled.length) {
      out.push(mapArray(filled, (f, j) => ({ cell: f.cell, column: at[j] })));
      return;
    }
    // The columns this cell may take: after the one before it, leaving a column for each cell after it (and one
    // for the blank the row ends with).
    const last = width - (filled.length - k) - (trail ? 1 : 0);
    const first = k === 0 ? (lead ? 1 : 0) : from;
    const upTo = k === 0 && !lead ? 0 : last;
    for (let c = first; c <= upTo; c++) {
      if (!fitsColumn(filled[k].text, specs[c])) continue;
      at[k] = c;
      place(k + 1, c + 1);
    }
  };
  place(0, 0);
  return out;
}

/** A header's flattened labels, one per column, as `flattenHeader` gives them. */
export type Labels = string[];

/** The most groupings of a collapsed two-row header tried: beyond it the header is refused. */
const LAYOUTS_MAX = 20_000;

/**
 * The ways a two-row header that lost its blank cells may be laid out, each as its flattened labels: each label
 * of the upper row either stands over one column alone (its cell below blank) or over one or more of the lower
 * row's labels, side by side, in order; lower labels before the first upper label stand alone where the upper row
 * begins with a blank. What the rows still show narrows it: an upper row ending in a blank cell has its last label
 * over two columns or more; a lower row beginning with a blank has the first column's label alone, one ending with
 * a blank the last column's; a layout narrower than `minWidth` (the most cells a data row prints) is not one.
 * Null when there are too many to try.
 */
export function collapsedHeaderLayouts(upper: readonly string[], lower: readonly string[], minWidth: number): Labels[] | null {
  const u = mapArray(upper.filter((c) => !blank(c)), (c) => normaliseName(c));
  const l = mapArray(lower.filter((c) => !blank(c)), (c) => normaliseName(c));
  if (u.length === 0 || l.length === 0) return [];
  const uLead = blank(upper[0]);
  const uTrail = upper.length > 1 && blank(upper[upper.length - 1]);
  const lLead = blank(lower[0]);
  const lTrail = lower.length > 1 && blank(lower[lower.length - 1]);
  const p = u.length;
  const q = l.length;
  const layouts: Labels[] = [];
  // counts[0]: lower labels standing alone before the first upper label; counts[i]: under the i-th upper label.
  const counts = new Array<number>(p + 1).fill(0);
  let tried = 0;
  let tooMany = false;
  const emit = () => {
    const labels: Labels = [];
    let j = 0;
    for (let k = 0; k < counts[0]; k++) labels.push(l[j++]);
    for (let i = 1; i <= p; i++) {
      if (counts[i] === 0) labels.push(u[i - 1]);
      else for (let k = 0; k < counts[i]; k++) labels.push(`${u[i - 1]}/${l[j++]}`);
    }
    if (labels.length >= minWidth) layouts.push(labels);
  };
  const fill = (i: number, left: number): void => {
    if (tooMany) return;
    if (++tried > LAYOUTS_MAX) {
      tooMany = true;
      return;
    }
    if (i > p) {
      if (left === 0) emit();
      return;
    }
    let min = 0;
    let max = left;
    if (i === 0) {
      // Lower labels alone at the start only under a blank upper cell, and then one at least (a column blank in
      // both rows is no column).
      if (!uLead) max = 0;
      else min = 1;
      if (lLead) max = 0;
    }
    if (i === 1 && lLead) max = 0;
    if (i === 1 && !lLead && counts[0] === 0) min = Math.max(min, 1);
    if (i === p) {
      min = Math.max(min, left);
      if (uTrail) min = Math.max(min, 2);
      if (lTrail) max = 0;
    }
    for (let n = min; n <= max; n++) {
      counts[i] = n;
      fill(i + 1, left - n);
    }
    counts[i] = 0;
  };
  fill(0, q);
  return tooMany ? null : layouts;
}
