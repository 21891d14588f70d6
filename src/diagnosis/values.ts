import type { Amount } from "../model/amount.js";
import type { LinearConstraint } from "../engine/propagate.js";
import { makeGrid, withUnits, type Figure, type Grid } from "./figures.js";
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
 */
export function valueOrder(c: Change, all: Explanation["changes"], whole: LinearConstraint[], grid: Grid): (center: bigint) => bigint[] {
  const a = c.figure.amount;
  const mine: LinearConstraint[] = [];
  for (const k of whole) if (uses(k, a)) mine.push(k);
  const others = new Map<Amount, bigint>();
  for (const o of all) if (o !== c) others.set(o.figure.amount, o.to);
  const scores = new Map<bigint, number>();
  const score = (units: bigint) => {
    const known = scores.get(units);
    if (known !== undefined) return known;
    let s = 0;
    for (const k of mine) {
      let miss = 0n;
      for (const t of k.terms) {
        const f = grid.figure(t.amount);
        miss += BigInt(t.coef) * (t.amount === a ? units : (others.get(t.amount) ?? f.units)) * f.step;
      }
      if (k.kind === "le" && miss <= 0n) continue;
      s += Number(miss < 0n ? -miss : miss) / Number(c.figure.step) / k.terms.length;
    }
    scores.set(units, s);
    return s;
  };
  return (center) => {
    const candidates: { units: bigint; score: number; away: bigint }[] = [];
    for (let d = -VALUE_WINDOW; d <= VALUE_WINDOW; d++) {
      const u = center + d;
      if (u === c.figure.units || (c.figure.nonNegative && u < 0n)) continue;
      candidates.push({ units: u, score: score(u), away: d < 0n ? -d : d });
    }
    candidates.sort((x, y) => x.score - y.score || Number(x.away - y.away));
    return mapArray(candidates, (x) => x.units);
  };
}

/**
 * The exact check of one changed figure's value, with the other changes of its explanation held at their
 * proposed values: verifies (src/diagnosis/system.ts) on the whole group. Memoised by value.
 */
export function valueVerifier(c: Change, all: Explanation["changes"], whole: LinearConstraint[]): (units: bigint) => boolean {
  const a = c.figure.amount;
  const replaced = new Map(mapArray(all.filter((o) => o !== c), (o) => [o.figure.amount, withUnits(o.figure.amount, o.to)]));
  const known = new Map<bigint, boolean>();
  return (units) => {
    let ok = known.get(units);
    if (ok === undefined) {
      replaced.set(a, withUnits(a, units));
      ok = verifies(whole, replaced, (cs) => makeGrid(figuresOf(cs)));
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
export function refineValue(c: Change, all: Explanation["changes"], whole: LinearConstraint[], grid: Grid): boolean {
  const ok = valueVerifier(c, all, whole);
  for (const u of valueOrder(c, all, whole, grid)(c.to))
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
export function unlikelihood(e: Explanation, whole: LinearConstraint[], grid: Grid): number {
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
 * sibling's correction mimics unless its own digits happen to be so); then by unlikelihood; stable for equal scores.
 */
export function rankByLikelihood(explanations: Explanation[], whole: LinearConstraint[], grid: Grid): Explanation[] {
  const scored = mapArray(explanations, (e) => ({ e, t: transpositions(e, whole), s: unlikelihood(e, whole, grid) }));
  return mapArray(scored.sort((a, b) => b.t - a.t || a.s - b.s), (x) => x.e);
}

/**
 * How many of an explanation's corrections swap two adjacent digits of the printed figure back. A correction
 * whose value the identities leave open within the rounding (125.95 where 125.91 verifies as well) takes the
 * transposed value when that verifies on the whole group: the figure as it was before the slip.
 */
function transpositions(e: Explanation, whole: LinearConstraint[]): number {
  let n = 0;
  for (const c of e.changes) {
    if (isTransposition(c.figure.units, c.to)) {
      n++;
      continue;
    }
    const near = slips(c.figure.units).filter((u) => u - c.to <= VALUE_WINDOW && c.to - u <= VALUE_WINDOW);
    if (!near.length) continue;
    const ok = valueVerifier(c, e.changes, whole);
    const u = near.find(ok);
    if (u === undefined) continue;
    c.to = u;
    n++;
  }
  return n;
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
function usesAny(k: LinearConstraint, to: Map<Amount, unknown>): boolean {
  for (const t of k.terms) if (to.has(t.amount)) return true;
  return false;
}
