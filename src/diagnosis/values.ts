import { Decimal } from "decimal.js";
import type { Amount } from "../model/amount.js";
import type { SourceLocation } from "../model/location.js";
import type { LinearConstraint } from "../engine/propagate.js";
import { makeGrid, withUnits, type Figure, type Grid } from "./figures.js";
import { headValue, replacements, SEPARATE, withFollowers, type Families } from "./families.js";
import { figuresOf, verifies } from "./system.js";
import { mapArray } from "../util/arrays.js";

/** One explanation of a group: the figures to change and the value (in printed units) each should take. */
export interface Explanation {
  changes: { figure: Figure; to: bigint }[];
  proven: boolean;
}

export type Change = Explanation["changes"][number];

/** How far from the solver's value (in printed units) the other values a changed figure could take are tried. */
export const VALUE_WINDOW = 4n;

/**
 * The values a changed figure is tried at, best first, as a function of the value the solver's true
 * amount rounds to (`center`): every value within VALUE_WINDOW of it but the printed one (and negative
 * ones for a non-negative figure), ordered by how likely the identities around the figure make it. A
 * printed figure's rounding error is about uniform on ±½ unit, so an identity of n figures misses on the
 * printed figures by a sum of n such errors: a miss of 1 in an identity of two figures (a figure printed
 * twice) is far less likely than in a sum of twenty. The score is Σ |miss| / n over the identities of the
 * figure (`others` held at their proposed values); the smallest comes first, then the closest to the
 * center, then the lower. (Measured on the seed: docs/diagnosis.md.)
 *
 * With families (families.ts) the identities of the figure are those of its family's members and of the formula
 * totals that follow it, each with its new value; and an identity that reaches the figure only through them (a
 * 万元 copy in the text, a recalculated total) adds the value that makes it hold exactly where that lies beyond the
 * window: a detail cell's 万元 total in the text leaves it ±500 元 of room, and the solver's value may be anywhere in it.
 */
export function valueOrder(c: Change, all: Explanation["changes"], whole: LinearConstraint[], grid: Grid, fam: Families = SEPARATE): (center: bigint) => bigint[] {
  const a = c.figure.amount;
  const reached = reachedBy(a, fam);
  const mine: LinearConstraint[] = [];
  for (const k of whole) if (reached ? usesAny(k, reached) : uses(k, a)) mine.push(k);
  const others = new Map<Amount, bigint>();
  for (const o of all) if (o !== c) others.set(o.figure.amount, o.to);
  const rest = all.filter((o) => o !== c);
  /** Σ coef·value on the grid of each of `mine` with the figure at `units` (the others at their values). */
  const misses = (units: bigint): bigint[] => {
    const out: bigint[] = [];
    if (!reached) {
      for (const k of mine) {
        let miss = 0n;
        for (const t of k.terms) {
          const f = grid.figure(t.amount);
          miss += BigInt(t.coef) * (t.amount === a ? units : (others.get(t.amount) ?? f.units)) * f.step;
        }
        out.push(miss);
      }
      return out;
    }
    const replaced = replacedBy([...rest, { figure: c.figure, to: units }], fam);
    for (const k of mine) out.push(missWith(k, replaced, grid));
    return out;
  };
  const scores = new Map<bigint, number>();
  const score = (units: bigint) => {
    const known = scores.get(units);
    if (known !== undefined) return known;
    let s = 0;
    const ms = misses(units);
    for (let j = 0; j < mine.length; j++) {
      const miss = ms[j];
      if (mine[j].kind === "le" && miss <= 0n) continue;
      s += Number(miss < 0n ? -miss : miss) / Number(c.figure.step) / mine[j].terms.length;
    }
    scores.set(units, s);
    return s;
  };
  // The identities that reach the figure only through another member or a formula total: the value each holds exactly at.
  const far: LinearConstraint[] = reached ? mine.filter((k) => !uses(k, a)) : [];
  return (center) => {
    const candidates: { units: bigint; score: number; away: bigint }[] = [];
    const add = (u: bigint) => {
      if (u === c.figure.units || (c.figure.nonNegative && u < 0n) || candidates.some((x) => x.units === u)) return;
      const d = u - center;
      candidates.push({ units: u, score: score(u), away: d < 0n ? -d : d });
    };
    for (let d = -VALUE_WINDOW; d <= VALUE_WINDOW; d++) add(center + d);
    if (far.length) {
      const at = misses(center);
      const next = misses(center + 1n);
      for (let j = 0; j < mine.length; j++) {
        if (!far.includes(mine[j])) continue;
        const slope = next[j] - at[j];
        if (slope === 0n) continue;
        const u = center + nearest(-at[j], slope);
        if (u - center > VALUE_WINDOW || center - u > VALUE_WINDOW) add(u);
      }
    }
    candidates.sort((x, y) => x.score - y.score || Number(x.away - y.away) || (x.units < y.units ? -1 : 1));
    return mapArray(candidates, (x) => x.units);
  };
}

/** The integer nearest n / d (d ≠ 0), halves away from zero. */
function nearest(n: bigint, d: bigint): bigint {
  if (d < 0n) (n = -n), (d = -d);
  const q = n >= 0n ? (2n * n + d) / (2n * d) : -((-2n * n + d) / (2n * d));
  return q;
}

/** The figures a change of head `a` moves (its family's, and those of the formula totals that follow it); null without families. */
function reachedBy(a: Amount, fam: Families): Set<Amount> | null {
  if (!fam.linked) return null;
  const out = new Set<Amount>();
  const heads = [a];
  for (let i = 0; i < heads.length; i++) {
    for (const m of fam.members(heads[i])) out.add(m);
    for (const f of fam.followers(heads[i])) if (!heads.includes(f)) heads.push(f);
  }
  return out;
}

/** The figures an explanation's changes replace: each changed head's, its family's and those of the formula totals that follow. */
export function replacedBy(changes: Explanation["changes"], fam: Families): Map<Amount, Amount> {
  if (!fam.linked) return new Map(mapArray(changes, (c) => [c.figure.amount, withUnits(c.figure.amount, c.to)]));
  const heads = new Map<Amount, Decimal>();
  for (const c of changes) heads.set(c.figure.amount, headValue(c.figure.amount, c.to));
  return replacements(fam, withFollowers(fam, heads));
}

/** A figure's value on the grid (value · 2·10^D), exactly: a replaced figure may be a stored value with more decimals than printed. */
function onGrid(a: Amount, grid: Grid): bigint {
  return BigInt(a.value.times(new Decimal(10).pow(grid.decimals)).times(2).toFixed(0));
}

/** Σ coef·value on the grid of one identity, the replaced figures at their new values. */
function missWith(k: LinearConstraint, replaced: Map<Amount, Amount>, grid: Grid): bigint {
  let miss = 0n;
  for (const t of k.terms) {
    const r = replaced.get(t.amount);
    if (r) miss += BigInt(t.coef) * onGrid(r, grid);
    else {
      const f = grid.figure(t.amount);
      miss += BigInt(t.coef) * f.units * f.step;
    }
  }
  return miss;
}

/**
 * The exact check of one changed figure's value, with the other changes of its explanation held at their
 * proposed values: verifies (src/diagnosis/system.ts) on the whole group. Memoised by value.
 */
export function valueVerifier(c: Change, all: Explanation["changes"], whole: LinearConstraint[], fam: Families = SEPARATE): (units: bigint) => boolean {
  const a = c.figure.amount;
  const rest = all.filter((o) => o !== c);
  const replaced = fam.linked ? null : replacedBy(rest, fam);
  const known = new Map<bigint, boolean>();
  return (units) => {
    let ok = known.get(units);
    if (ok === undefined) {
      let with_: Map<Amount, Amount>;
      if (replaced) (with_ = replaced).set(a, withUnits(a, units));
      else with_ = replacedBy([...rest, { figure: c.figure, to: units }], fam);
      ok = verifies(whole, with_, (cs) => makeGrid(figuresOf(cs)));
      known.set(units, ok);
    }
    return ok;
  };
}

/**
 * Among the values a changed figure can take near the solver's (`c.to`, the solver's true amount rounded
 * to the printed precision), the first of valueOrder that verifies on the whole group. Sets `c.to`;
 * false when no value in the window verifies.
 */
export function refineValue(c: Change, all: Explanation["changes"], whole: LinearConstraint[], grid: Grid, fam: Families = SEPARATE): boolean {
  const ok = valueVerifier(c, all, whole, fam);
  for (const u of valueOrder(c, all, whole, grid, fam)(c.to))
    if (ok(u)) {
      c.to = u;
      return true;
    }
  return false;
}

/**
 * How likely an explanation is, smaller first: after its changes, how far the identities with a changed
 * figure still miss on the printed figures, each miss divided by the identity's number of figures (as
 * valueOrder). A typo hiding within a long column sum's rounding makes that sum exact when the typo is
 * corrected, but not when another figure of its row is changed instead.
 */
export function unlikelihood(e: Explanation, whole: LinearConstraint[], grid: Grid, fam: Families = SEPARATE): number {
  if (fam.linked) {
    const replaced = replacedBy(e.changes, fam);
    let s = 0;
    for (const k of whole) {
      if (!usesAny(k, replaced)) continue;
      const miss = missWith(k, replaced, grid);
      if (k.kind === "le" && miss <= 0n) continue;
      s += Number(miss < 0n ? -miss : miss) / k.terms.length;
    }
    return s;
  }
  const to = new Map(mapArray(e.changes, (c) => [c.figure.amount, c.to]));
  let s = 0;
  for (const k of whole) {
    if (!usesAny(k, to)) continue;
    let miss = 0n;
    for (const t of k.terms) {
      const f = grid.figure(t.amount);
      miss += BigInt(t.coef) * (to.get(t.amount) ?? f.units) * f.step;
    }
    if (k.kind === "le" && miss <= 0n) continue;
    s += Number(miss < 0n ? -miss : miss) / k.terms.length;
  }
  return s;
}

/**
 * Explanations in order of likelihood: first those with more corrections that undo two adjacent digits typed the
 * wrong way round (152.91 for 125.91: a transposition, the commonest slip of a hand copying figures, and one no
 * sibling's correction mimics unless its own digits happen to be so); then those with fewer corrections that make a
 * figure printed non-zero 0 (zeroings); then by unlikelihood; then, where both are
 * equal, by where their changed figures are printed (placeOrder) and the values they propose: never by the order the
 * solver happened to find them in, so the figure blamed does not depend on the solver's path.
 */
export function rankByLikelihood(explanations: Explanation[], whole: LinearConstraint[], grid: Grid, fam: Families = SEPARATE): Explanation[] {
  const scored = mapArray(explanations, (e) => ({ e, t: transpositions(e, whole, fam), z: zeroings(e), s: unlikelihood(e, whole, grid, fam) }));
  // Where two figures are printed at one place (a web page on one line, its table's cells with no column of their
  // own), the first the identities name comes first: a total before its parts, as the printed order would have it.
  const seen = new Map<Amount, number>();
  for (const c of whole) for (const t of c.terms) if (!seen.has(t.amount)) seen.set(t.amount, seen.size);
  return mapArray(scored.sort((a, b) => b.t - a.t || a.z - b.z || a.s - b.s || explanationOrder(a.e, b.e, seen)), (x) => x.e);
}

/**
 * How many of an explanation's corrections make a figure printed non-zero 0. Where the identities only bound a figure
 * (a sum of items at most its whole), the solver's value is an end of its interval, and 0 is the end of every
 * non-negative figure's: any item could absorb the excess down to 0, and which one the solver returned first would
 * otherwise be named. A figure printed with a value and meant to be nil is no commoner slip than a figure mistyped, so
 * such a correction comes after those that change a figure otherwise (still listed as an equally small explanation).
 */
function zeroings(e: Explanation): number {
  let n = 0;
  for (const c of e.changes) if (c.to === 0n && c.figure.units !== 0n) n++;
  return n;
}

/**
 * Where a figure is printed, in a fixed order: by file, then line and column (text, layout text, CSV), then sheet
 * name, row and column (a workbook's or Word table's cell) and the figure's character in the cell's text. Negative
 * when `a` comes first.
 */
export function placeOrder(a: SourceLocation, b: SourceLocation): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  const num = (x: number | null | undefined, y: number | null | undefined) => (x ?? 0) - (y ?? 0);
  const byLine = num(a.line, b.line) || (a.sheet || b.sheet ? 0 : num(a.column, b.column));
  if (byLine) return byLine;
  if ((a.sheet ?? "") !== (b.sheet ?? "")) return (a.sheet ?? "") < (b.sheet ?? "") ? -1 : 1;
  const [ra, ca] = cellParts(a.cell);
  const [rb, cb] = cellParts(b.cell);
  // (Then a figure's character in its cell's text: two figures of one paragraph kept in a cell.)
  return ra - rb || ca - cb || num(a.column, b.column);
}

/** A1 → [row 1, column 1]; [0, 0] when there is none. */
function cellParts(cell: string | null | undefined): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(cell ?? "");
  if (!m) return [0, 0];
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]), col];
}

/**
 * Two explanations by their changes, each list in printed order: the first change printed earlier first (at one place,
 * the one the identities name first), then its value.
 */
function explanationOrder(x: Explanation, y: Explanation, seen: Map<Amount, number>): number {
  const named = (a: Amount) => seen.get(a) ?? seen.size;
  const order = (a: Amount, b: Amount) => placeOrder(a.location, b.location) || named(a) - named(b);
  const sorted = (e: Explanation) => e.changes.slice().sort((p, q) => order(p.figure.amount, q.figure.amount) || (p.to < q.to ? -1 : p.to > q.to ? 1 : 0));
  const xs = sorted(x);
  const ys = sorted(y);
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    const d = order(xs[i].figure.amount, ys[i].figure.amount);
    if (d) return d;
    if (xs[i].to !== ys[i].to) return xs[i].to < ys[i].to ? -1 : 1;
  }
  return xs.length - ys.length;
}

/**
 * How many of an explanation's corrections swap two adjacent digits of the printed figure back. A correction
 * whose value the identities leave open within the rounding (125.95 where 125.91 verifies as well) takes the
 * transposed value when that verifies on the whole group: the figure as it was before the slip (takeValue, with the
 * changes that move with it).
 */
function transpositions(e: Explanation, whole: LinearConstraint[], fam: Families): number {
  let n = 0;
  for (const c of e.changes) {
    if (isTransposition(c.figure.units, c.to)) {
      n++;
      continue;
    }
    const near = slips(c.figure.units).filter((u) => u - c.to <= VALUE_WINDOW && c.to - u <= VALUE_WINDOW);
    if (near.length && takeValue(c, near, e.changes, whole, fam)) n++;
  }
  return n;
}

/**
 * Gives a change the first of `values` at which its explanation verifies on the whole group, the changes that must
 * move by as much (movingWith) moved with it; false (nothing changed) when none does. A figure printed twice in a
 * row whose third column is blank (合计 = 人员经费 + 公用经费: 30113 printed 92.54 in both, the solver's vertex 92.47
 * for each) is read back as its transposition 92.45 in both columns at once: moved alone, either breaks the row, and
 * the explanation lost its transposition to one whose search had held the pair at 92.45 (江西's S1 was blamed on the
 * department's right 30201 and 30211 instead of a unit's).
 */
export function takeValue(c: Change, values: readonly bigint[], all: Explanation["changes"], whole: LinearConstraint[], fam: Families = SEPARATE): boolean {
  if (!values.length) return false;
  const group = movingWith(c, all, whole, fam);
  if (!group.length) {
    const ok = valueVerifier(c, all, whole, fam);
    for (const u of values)
      if (ok(u)) {
        c.to = u;
        return true;
      }
    return false;
  }
  for (const u of values) {
    const d = u - c.to;
    // (Not where one of them would be printed right after all: that is another, smaller explanation.)
    if (group.some((o) => o.to + d === o.figure.units || (o.figure.nonNegative && o.to + d < 0n))) continue;
    const moved = mapArray(all, (o) => (o === c || group.includes(o) ? { figure: o.figure, to: o.to + d } : o));
    if (!verifies(whole, replacedBy(moved, fam), (cs) => makeGrid(figuresOf(cs)))) continue;
    c.to = u;
    for (const o of group) o.to += d;
    return true;
  }
  return false;
}

/**
 * The changes of an explanation that must move by as much as `c` for it to hold: each shares with `c` (or with one of
 * them) an equality whose only changed figures they are, each once, on opposite sides and printed to one precision —
 * the same figure printed twice (a row's 合计 and its one filled column). Another value of one of them alone breaks it.
 */
export function movingWith(c: Change, all: Explanation["changes"], whole: LinearConstraint[], fam: Families = SEPARATE): Change[] {
  if (all.length < 2) return [];
  // The heads the changes move: theirs and the formula totals that follow them.
  const moved = new Set<Amount>();
  for (const o of all) {
    const heads = [o.figure.amount];
    for (let i = 0; i < heads.length; i++) for (const f of fam.followers(heads[i])) if (!heads.includes(f)) heads.push(f);
    for (const h of heads) moved.add(h);
  }
  const group: Change[] = [c];
  for (let q = 0; q < group.length; q++)
    for (let k = 0; k < whole.length; k++) {
      if (whole[k].kind !== "eq") continue;
      const o = pairedIn(whole[k], group[q], all, moved, fam);
      if (o && !group.includes(o)) group.push(o);
    }
  return group.slice(1);
}

/** The one other change of an equality whose moved figures are `x`'s and that change's, each once with opposite signs (movingWith); else null. */
function pairedIn(k: LinearConstraint, x: Change, all: Explanation["changes"], moved: Set<Amount>, fam: Families): Change | null {
  let other: Change | null = null;
  let mine = 0;
  let theirs = 0;
  let sign = 0;
  for (const t of k.terms) {
    const h = fam.head(t.amount);
    if (!moved.has(h)) continue;
    // A copy in another unit, or a formula total, moves otherwise than by the change's difference.
    if (t.amount !== h) return null;
    if (h === x.figure.amount) {
      mine++;
      sign += t.coef;
      continue;
    }
    const o = all.find((y) => y.figure.amount === h);
    if (!o || (other && o !== other)) return null;
    other = o;
    theirs++;
    sign += t.coef;
  }
  return other && mine === 1 && theirs === 1 && sign === 0 && other.figure.decimals === x.figure.decimals ? other : null;
}

/**
 * The values a figure could have had before a typing slip this module recognises made it the printed one: each
 * pair of adjacent digits swapped back (the leading digit never made 0). The search for equally small
 * explanations tries these first (explainGroup in index.ts), as the ranking puts them first.
 */
export function slips(printed: bigint): bigint[] {
  if (printed < 0n) return [];
  const d = printed.toString();
  const out: bigint[] = [];
  for (let i = 0; i + 1 < d.length; i++) {
    if (d[i] === d[i + 1] || (i === 0 && d[1] === "0")) continue;
    out.push(BigInt(d.slice(0, i) + d[i + 1] + d[i] + d.slice(i + 2)));
  }
  return out;
}

/** Do the digits of `to` read as those of `printed` with two adjacent digits swapped (and nothing else changed)? */
export function isTransposition(printed: bigint, to: bigint): boolean {
  if (printed < 0n || to < 0n || printed === to) return false;
  const a = printed.toString();
  const b = to.toString();
  if (a.length !== b.length) return false;
  let i = 0;
  while (a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

// Loops rather than closures made per call (see src/diagnosis/system.ts).

/** Does the identity use figure a? */
function uses(k: LinearConstraint, a: Amount): boolean {
  for (const t of k.terms) if (t.amount === a) return true;
  return false;
}

/** Does the identity use any figure of `to`? */
function usesAny(k: LinearConstraint, to: { has(a: Amount): boolean }): boolean {
  for (const t of k.terms) if (to.has(t.amount)) return true;
  return false;
}
