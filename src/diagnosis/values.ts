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

/** Explanations in order of likelihood (unlikelihood); stable for equal scores. */
export function rankByLikelihood(explanations: Explanation[], whole: LinearConstraint[], grid: Grid): Explanation[] {
  return mapArray(mapArray(explanations, (e) => ({ e, s: unlikelihood(e, whole, grid) })).sort((a, b) => a.s - b.s), (x) => x.e);
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
