import type { LayoutLine, LayoutToken } from "./types.js";
import { mapArray } from "../../util/arrays.js";

/*
 * A table whose rows are an outline of items over several label columns (江苏's 政府采购支出预算表: 采购品目大类 | 专项名称 |
 * 经济科目 | 采购物品名称 | 采购组织形式 | 总计): a category in the first column, a project in the second, an economic item
 * in the third, the item bought in the fourth, each on a row of its own (or a project and its economic item on one), and
 * columns of words (采购组织形式, 采购方式) beside them. A row's level is the label column its name is printed in; its
 * figure, if any, sums the rows of deeper levels under it (model/queries.ts levelTrees).
 *
 * As a layout prints it, a label wraps over several lines in its cell, centred on its row's line of figures (网络、电子检
 * / 务、实验室、机 / 要通道、档案数 … around 100.00), and a continuation page sits at another x than the header's. This
 * module finds, for each line of text, which column its words are in, and which line of figures each piece of a label
 * belongs to: the rows' geometry, nothing of their meaning (layout/index.ts builds the rows).
 */

/** A column of the outline's header: where its label starts and ends (x as the lines count it). */
export interface OutlineColumn {
  x0: number;
  x1: number;
  /** The grid's cell index of the label, where the input is in cells (a worksheet, a CSV file): tokens are placed by it. */
  cell?: number;
}

/** A piece of a label: a token on a line, in a column. */
export interface OutlinePiece {
  line: LayoutLine;
  token: LayoutToken;
  column: number;
}

/**
 * The column each text token of a page's lines is in: by its grid cell where the input has cells, else by where it
 * starts, nearest a label's start once the page's shift from the header is allowed for (a continuation page printed
 * further left). The shift is the one that puts the page's starts nearest the labels', with distinct runs of starts in
 * distinct columns; null when no shift does (the page cannot be read as the header's columns).
 */
export function placeTokens(tokens: LayoutToken[], columns: OutlineColumn[]): number[] | null {
  if (!tokens.length) return [];
  if (columns.every((c) => c.cell !== undefined) && tokens.every((t) => t.cell !== undefined)) {
    const out = mapArray(tokens, (t) => columns.findIndex((c) => c.cell === t.cell));
    return out.some((j) => j < 0) ? null : out;
  }
  const starts = mapArray(columns, (c) => c.x0);
  const gaps = mapArray(starts.slice(1), (s, i) => s - starts[i]).sort((a, b) => a - b);
  const pitch = gaps.length ? gaps[Math.floor(gaps.length / 2)] : 10;
  // Runs of starts: tokens starting within a third of the pitch of each other are one column's.
  const xs = [...new Set(mapArray(tokens, (t) => t.x0))].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const x of xs) {
    const last = runs[runs.length - 1];
    if (last && x - last[last.length - 1] <= pitch / 3) last.push(x);
    else runs.push([x]);
  }
  const step = pitch / 20;
  let best: { cost: number; shift: number } | null = null;
  for (let shift = -1.5 * pitch; shift <= 1.5 * pitch; shift += step) {
    const taken = new Set<number>();
    let cost = 0;
    let ok = true;
    for (const run of runs) {
      const j = nearest(run[0], starts, shift);
      if (taken.has(j)) {
        ok = false;
        break;
      }
      taken.add(j);
      for (const x of run) cost += Math.abs(x - starts[nearest(x, starts, shift)] - shift);
    }
    if (ok && (!best || cost < best.cost - 1e-9 || (Math.abs(cost - best.cost) < 1e-9 && Math.abs(shift) < Math.abs(best.shift)))) best = { cost, shift };
  }
  if (!best) return null;
  const shift = best.shift;
  return mapArray(tokens, (t) => nearest(runs.find((r) => r.includes(t.x0))![0], starts, shift));
}

function nearest(x: number, starts: number[], shift: number): number {
  let j = 0;
  for (let k = 1; k < starts.length; k++) if (Math.abs(x - starts[k] - shift) < Math.abs(x - starts[j] - shift)) j = k;
  return j;
}

/**
 * Which line of figures each piece of one column belongs to: the pieces, in order, cut into cells, each cell centred
 * on its row's line of figures (the mean of its first and last line within one line of it) and holding no line of
 * figures but its own; pieces no line of figures is that near make a cell of their own (a heading: an outline row
 * with no figure). Lines are counted as numbered (`line`), one page at a time; a cell's lines are no more than two
 * apart. Returns, per cell, its pieces and its line of figures (null for a heading).
 */
export function cellsOfColumn(pieces: OutlinePiece[], figureLines: number[]): { pieces: OutlinePiece[]; figure: number | null }[] {
  const n = pieces.length;
  const lineOf = (p: OutlinePiece) => p.line.line;
  const figures = new Set(figureLines);
  // best[i]: the cheapest cutting of the first i pieces, with the last figure line used (each line of figures one cell).
  type State = { cost: number; cells: number; last: number; prev: State | null; from: number; figure: number | null };
  const best: (State | null)[][] = [[{ cost: 0, cells: 0, last: -Infinity, prev: null, from: 0, figure: null }]];
  for (let i = 1; i <= n; i++) best.push([]);
  for (let i = 0; i < n; i++)
    for (const s of best[i]) {
      if (!s) continue;
      for (let j = i; j < n; j++) {
        if (j > i && (lineOf(pieces[j]) - lineOf(pieces[j - 1]) > 2 || pieces[j].line.page !== pieces[j - 1].line.page)) break;
        const first = lineOf(pieces[i]);
        const last = lineOf(pieces[j]);
        const own = pieces.slice(i, j + 1).filter((p) => figures.has(lineOf(p)));
        if (new Set(mapArray(own, lineOf)).size > 1) break;
        // (A cell spans no other row's line of figures: the lines between are that row's.)
        const inside = figureLines.filter((f) => f >= first && f <= last);
        if (inside.length > 1) break;
        const centre = (first + last) / 2;
        const options: { figure: number | null; cost: number }[] = [];
        if (own.length) options.push({ figure: lineOf(own[0]), cost: Math.abs(centre - lineOf(own[0])) });
        else {
          for (const f of figureLines) if (Math.abs(centre - f) <= 1 && f >= first - 1 && f <= last + 1 && (!inside.length || inside[0] === f)) options.push({ figure: f, cost: Math.abs(centre - f) });
          if (!figureLines.some((f) => f >= first - 1 && f <= last + 1)) options.push({ figure: null, cost: 2 });
        }
        for (const o of options) {
          if (o.figure !== null && (o.cost > 1 || o.figure <= s.last)) continue;
          const next: State = { cost: s.cost + o.cost, cells: s.cells + 1, last: o.figure ?? s.last, prev: s, from: i, figure: o.figure };
          const at = best[j + 1];
          const k = at.findIndex((x) => x!.last === next.last);
          if (k < 0) at.push(next);
          else if (next.cost < at[k]!.cost || (next.cost === at[k]!.cost && next.cells < at[k]!.cells)) at[k] = next;
        }
      }
    }
  const ends = best[n].filter((s): s is State => !!s);
  if (!ends.length) return mapArray(pieces, (p) => ({ pieces: [p], figure: null }));
  let s: State | null = ends.reduce((a, b) => (b.cost < a.cost || (b.cost === a.cost && b.cells < a.cells) ? b : a));
  const out: { pieces: OutlinePiece[]; figure: number | null }[] = [];
  let end = n;
  while (s && s.prev) {
    out.unshift({ pieces: pieces.slice(s.from, end), figure: s.figure });
    end = s.from;
    s = s.prev;
  }
  return out;
}
