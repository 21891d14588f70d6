import type { Amount } from "../model/amount.js";
import type { LinearConstraint } from "../engine/propagate.js";
import type { Figure, Grid } from "./figures.js";
import { SEPARATE, type Families } from "./families.js";
import { headSystem, holdsWithinRounding, type HeadSystem } from "./system.js";
import { valueOrder, valueVerifier, type Explanation } from "./values.js";
import { mapArray } from "../util/arrays.js";

/**
 * The diagnosis without the solver, where an exact search proves the answer the MILP would give
 * (docs/diagnosis.md, "Without the solver"). On the identities the MILP is given (`near`), with the same
 * bounds, each figure that could explain everything on its own is tried: the figure is set free within the
 * MILP's reach (its printed interval widened by big-M), every other figure stays in its printed interval.
 * Interval propagation that empties an interval proves that the figure cannot explain alone; a point that
 * satisfies every identity exactly (found by fixing the figures one by one inside their propagated
 * bounds) proves that it can. When every single-figure candidate is decided, the ones that can, at the
 * smallest weight, are exactly the sets the MILP's first solve and its searches for a tie find, as long as
 * no two figures together weigh as little. Their values are chosen as the MILP path chooses them
 * (values.ts), for every value the solver's floating-point answer could round to; the fast path answers
 * only when all of those agree, at most MAX_EXPLANATIONS verify and their likelihoods differ (their order
 * then does not depend on which the solver happened to find first). Anything else returns null: the
 * caller solves the MILP as before.
 */

/** Bounds propagation gives up after this many identity visits per identity (it is then inconclusive). */
const VISITS_PER_IDENTITY = 64;
/**
 * One search gives up (the solver decides) after this many identity visits in all: a bound on its cost
 * where candidates are many and hard to decide. None of the seed's 1,281 mutation-test typos nor of the
 * benchmark corpus's documents needs more than 640.
 */
const VISITS_PER_SEARCH = 100_000;
/** At most this many figures are tried as single-figure explanations. */
const MAX_CANDIDATES = 256;
/** At most this many values the solver's true amount could round to are tried. */
const MAX_CENTERS = 64;

/** The identities on array-indexed figures (families' heads), bounds on the grid as safe integers. */
interface System {
  vars: number[][];
  /** Integer coefficients: ±1, or a power of ten where a member is a copy in another unit (families.ts). */
  coefs: number[][];
  eq: boolean[];
  uses: number[][];
  /** Identity visits left to this search (propagate counts them down). */
  work: number;
  /** The MILP's bounds of an unchanged figure: its printed interval (0 for a non-negative figure's lower end). */
  lo: number[];
  hi: number[];
  /** The MILP's bounds of a changed figure's true amount y + dp − dn. */
  freeLo: number[];
  freeHi: number[];
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** |x| (module-level: a closure made per call would be optimised again after each diagnosis). */
function abs(x: bigint): bigint {
  return x < 0n ? -x : x;
}

function buildSystem(hs: HeadSystem): System | null {
  const lo: bigint[] = hs.lo;
  const hi: bigint[] = hs.hi;
  const freeLo: bigint[] = [];
  const freeHi: bigint[] = [];
  hs.figs.forEach((f, i) => {
    // As changeModel (index.ts): y in [lo, hi], dp ≤ M, dn ≤ M (and ≤ hi for a non-negative figure).
    const M = hs.reach + 2n * f.step;
    const dn = f.nonNegative && hi[i] < M ? hi[i] : M;
    freeLo.push(lo[i] - dn);
    freeHi.push(hi[i] + M);
  });
  const big = (i: number) => (abs(freeLo[i]) > abs(freeHi[i]) ? abs(freeLo[i]) : abs(freeHi[i]));
  const vars: number[][] = [];
  const coefs: number[][] = [];
  const uses: number[][] = mapArray(hs.figs, () => []);
  for (const r of hs.rows) {
    // Every sum a propagation step forms stays within Σ |coef|·max |bound| of the identity's figures.
    let sum = 0n;
    for (let j = 0; j < r.vars.length; j++) sum += 2n * abs(r.coefs[j]) * big(r.vars[j]);
    if (sum > SAFE) return null;
    vars.push(r.vars);
    coefs.push(mapArray(r.coefs, Number));
    for (const i of r.vars) uses[i].push(vars.length - 1);
  }
  return { vars, coefs, eq: mapArray(hs.rows, (r) => r.eq), uses, work: VISITS_PER_SEARCH, lo: mapArray(lo, Number), hi: mapArray(hi, Number), freeLo: mapArray(freeLo, Number), freeHi: mapArray(freeHi, Number) };
}

/**
 * Interval propagation from the identities `start` until nothing narrows: false when an interval becomes
 * empty (a proof that no true amounts within the bounds satisfy the identities). True also when it gives
 * up (VISITS_PER_IDENTITY): only a false answer is relied upon.
 */
function propagate(sys: System, lo: number[], hi: number[], start: number[]): boolean {
  const m = sys.vars.length;
  const queued = new Uint8Array(m);
  const queue: number[] = [];
  for (const k of start)
    if (!queued[k]) {
      queued[k] = 1;
      queue.push(k);
    }
  const lows: number[] = [];
  const highs: number[] = [];
  let budget = VISITS_PER_IDENTITY * m;
  for (let head = 0; head < queue.length && budget-- > 0 && sys.work-- > 0; head++) {
    const k = queue[head];
    queued[k] = 0;
    const vars = sys.vars[k];
    const coefs = sys.coefs[k];
    // Bounds of coef·x per term as they are before this visit narrows anything (looser than after, so
    // still sound; the identity is visited again when it narrowed a figure).
    let sumLow = 0;
    let sumHigh = 0;
    for (let j = 0; j < vars.length; j++) {
      const v = vars[j];
      const c = coefs[j];
      lows[j] = c > 0 ? c * lo[v] : c * hi[v];
      highs[j] = c > 0 ? c * hi[v] : c * lo[v];
      sumLow += lows[j];
      sumHigh += highs[j];
    }
    for (let j = 0; j < vars.length; j++) {
      const v = vars[j];
      const c = coefs[j];
      // coef·x ≤ −Σ others' lows; for an equality also coef·x ≥ −Σ others' highs.
      const cap = -(sumLow - lows[j]);
      const floor = sys.eq[k] ? -(sumHigh - highs[j]) : -Infinity;
      let changed = false;
      // x's bounds from them, rounded outwards where a coefficient of 10^k does not divide (true amounts are real:
      // a bound must never exclude one, so a proof of no solution stays one).
      const up = c > 0 ? divUp(cap, c) : divUp(-floor, -c);
      const down = c > 0 ? divDown(floor, c) : divDown(-cap, -c);
      if (up < hi[v]) (hi[v] = up), (changed = true);
      if (down > lo[v]) (lo[v] = down), (changed = true);
      if (lo[v] > hi[v]) return false;
      if (changed)
        for (const u of sys.uses[v])
          if (!queued[u]) {
            queued[u] = 1;
            queue.push(u);
          }
    }
  }
  return true;
}

/**
 * A point within the bounds (propagated: `lo`, `hi`) that satisfies every identity exactly, found by fixing
 * each figure in turn — at the middle of its propagated bounds, or when that fails, as near its printed
 * value as they allow — and propagating after each; true only when the point is checked to satisfy them all.
 */
function pointExists(sys: System, lo: number[], hi: number[]): boolean {
  const middle = (v: number, l: number[], h: number[]) => Math.floor((l[v] + h[v]) / 2);
  const printed = (v: number) => Math.floor((sys.lo[v] + sys.hi[v]) / 2);
  return pointBy(sys, lo.slice(), hi.slice(), middle) || pointBy(sys, lo, hi, printed);
}

function pointBy(sys: System, lo: number[], hi: number[], wish: (v: number, lo: number[], hi: number[]) => number): boolean {
  for (let v = 0; v < lo.length; v++) {
    if (lo[v] === hi[v]) continue;
    lo[v] = hi[v] = Math.min(hi[v], Math.max(lo[v], wish(v, lo, hi)));
    if (!propagate(sys, lo, hi, sys.uses[v])) return false;
  }
  for (let k = 0; k < sys.vars.length; k++) {
    let s = 0;
    for (let j = 0; j < sys.vars[k].length; j++) s += sys.coefs[k][j] * lo[sys.vars[k][j]];
    if (sys.eq[k] ? s !== 0 : s > 0) return false;
  }
  return true;
}

/** ⌈x / c⌉ for c > 0 (x itself for c = 1; ±Infinity as it is). */
function divUp(x: number, c: number): number {
  return c === 1 || !Number.isFinite(x) ? x : Math.ceil(x / c);
}

/** ⌊x / c⌋ for c > 0 (x itself for c = 1; ±Infinity as it is). */
function divDown(x: number, c: number): number {
  return c === 1 || !Number.isFinite(x) ? x : Math.floor(x / c);
}

const floorDiv = (a: bigint, b: bigint) => (a >= 0n ? a / b : -((-a + b - 1n) / b));
const ceilDiv = (a: bigint, b: bigint) => -floorDiv(-a, b);

/**
 * The explanations the MILP path (explainGroup in index.ts, on `near`, verified on `whole`) would return
 * when the smallest are single figures; null when the exact search cannot prove them (see above).
 */
export function singleFigureExplanations(near: LinearConstraint[], whole: LinearConstraint[], weightsOf: (f: Figure) => number, grid: Grid, maxExplanations: number, fam: Families = SEPARATE, fixed?: ReadonlySet<Amount>): Explanation[] | null {
  const hs = headSystem(near, grid, fam, fixed);
  const figs = hs.figs;
  const index = hs.index;
  const sys = buildSystem(hs);
  if (!sys) return null;
  const all = mapArray(near, (_, k) => k);
  // Nothing changed must not do: an identity fails on its own, or propagation proves the joint conflict.
  const violated = near.filter((c) => !holdsWithinRounding(c, grid));
  if (!violated.length && propagate(sys, sys.lo.slice(), sys.hi.slice(), all)) return null;
  // A single figure that explains everything is in every identity that fails on its own.
  // (A stored value changes with its cell, HeadSystem.tied: the cell is the candidate.)
  const owner = (i: number) => hs.tied[i] ?? i;
  // (A figure held as printed, HeadSystem.fixed, is none.)
  let candidates = mapArray(figs, (_, i) => i).filter((i) => hs.tied[i] === null && !hs.fixed[i]);
  for (const c of violated) {
    const inIt = new Set(mapArray(c.terms, (t) => owner(index.get(t.amount)!)));
    candidates = candidates.filter((i) => inIt.has(i));
  }
  if (!candidates.length || candidates.length > MAX_CANDIDATES) return null;
  const feasible: { i: number; lo: number; hi: number }[] = [];
  for (const i of candidates) {
    if (sys.work <= 0) return null;
    const lo = sys.lo.slice();
    const hi = sys.hi.slice();
    lo[i] = sys.freeLo[i];
    hi[i] = sys.freeHi[i];
    for (let j = 0; j < figs.length; j++)
      if (hs.tied[j] === i) {
        lo[j] = sys.freeLo[j];
        hi[j] = sys.freeHi[j];
      }
    if (!propagate(sys, lo, hi, all)) continue; // proven: this figure cannot explain alone
    const range = { i, lo: lo[i], hi: hi[i] }; // every true amount the figure can take lies within
    if (!pointExists(sys, lo, hi)) return null; // undecided
    feasible.push(range);
  }
  if (sys.work <= 0) return null; // out of work: some candidate may be undecided
  if (!feasible.length) return null;
  const weights = mapArray(figs, weightsOf);
  const best = Math.min(...mapArray(feasible, (c) => weights[c.i]));
  const lightest = Math.min(...mapArray(figs, (_, i) => (hs.tied[i] === null && !hs.fixed[i] ? weights[i] : Infinity)));
  // Two figures together weigh at least 2·min: no set of several is as small as one of `best`.
  if (!(best < 2 * lightest)) return null;
  // A formula total that follows its cells costs the MILP next to nothing (changeModel): a cell and the totals over
  // it could cost less than `best` unless that is the lightest weight.
  if (followsIn(hs, fam) && best > lightest) return null;
  const out: Explanation[] = [];
  for (const c of feasible) {
    if (weights[c.i] !== best) continue;
    const f = figs[c.i];
    // The solver's true amount lies in [lo, hi]; rounded to the printed precision it is one of these.
    const from = floorDiv(BigInt(c.lo), f.step);
    const to = ceilDiv(BigInt(c.hi), f.step);
    if (to - from >= BigInt(MAX_CENTERS)) return null;
    const change = { figure: grid.figure(f.amount), to: 0n };
    const order = valueOrder(change, [change], whole, grid, fam);
    const ok = valueVerifier(change, [change], whole, fam);
    let value: bigint | null | undefined;
    for (let center = from; center <= to; center++) {
      const v = order(center).find(ok) ?? null;
      if (value !== undefined && v !== value) return null; // depends on the solver's pick
      value = v;
    }
    if (value === null || value === undefined) continue; // no value verifies: not an explanation, as in the MILP path
    change.to = value;
    out.push({ changes: [change], proven: true });
    if (out.length > maxExplanations) return null; // which of them the solver would list is its choice
  }
  // (Equally likely ones are ranked by where they are printed, rankByLikelihood: not by the order found in.)
  return out.length ? out : null;
}

/** Does any head of the system follow a formula over others of it (changeModel gives it a follow flag)? */
export function followsIn(hs: HeadSystem, fam: Families): boolean {
  if (!fam.formulaOrder.length) return false;
  for (const f of hs.figs) if (followable(f.amount, hs, fam)) return true;
  return false;
}

/** A formula total whose formula's identity is among the system's (its stored total and every cell): it may follow them. */
export function followable(head: Figure["amount"], hs: HeadSystem, fam: Families): boolean {
  const f = fam.formula(head);
  return !!f && hs.index.has(f.total) && f.parts.every((p) => hs.index.has(p.amount));
}
