import { Decimal } from "decimal.js";
import { halfUnitsOf, type Amount } from "../model/amount.js";
import { FlatSystem, MAX_SERIAL, flatOf } from "./flat.js";
import { pow10, scaledOf, shift, type Units } from "./grid.js";
import type { Subject } from "./types.js";

/**
 * Joint rounding check. Each identity alone may be explainable by rounding while the identities
 * together are not: a figure would have to sit at the top of its interval for one identity and at the
 * bottom for another. Interval constraint propagation over all identities at once finds such conflicts:
 * every printed figure starts as its rounding interval, each linear identity narrows the intervals of its
 * figures from the others', and an interval that becomes empty proves that no choice of true amounts
 * satisfies all identities. Each narrowed bound remembers which identities produced it, so a conflict
 * names the identities (and thus the printed figures) that cannot all hold.
 */

/** `Σ coef·x = 0` (eq) or `Σ coef·x ≤ 0` (le). */
export interface LinearConstraint {
  kind: "eq" | "le";
  terms: { amount: Amount; coef: 1 | -1 }[];
  subject: Subject;
  location: Amount["location"];
  /**
   * The printed figures satisfy it exactly (Σ coef·value = 0, or ≤ 0): known from the identity's own
   * check when it was declared; worked out on the integer grid when absent.
   */
  holds?: boolean;
}

export interface Conflict {
  /** The figure whose interval became empty. */
  amount: Amount;
  /** The bound the identities force on it, outside its rounding interval. */
  forced: Decimal;
  direction: "above" | "below";
  /** The identities that together force it (indexes into the input). */
  constraints: number[];
}

const MAX_UPDATES_PER_FIGURE = 40;
const MAX_CONFLICTS = 25;

/**
 * Why a bound holds: the identity that produced it and the reasons of the bounds it was computed from.
 * Kept as a shared graph (cheap to build at every narrowing) and flattened only when a conflict is found.
 */
interface Reason {
  k: number;
  deps: (Reason | null)[];
}

function identitiesBehind(...roots: (Reason | null)[]): number[] {
  const seen = new Set<Reason>();
  const out = new Set<number>();
  const stack = roots.filter((r): r is Reason => r !== null);
  while (stack.length) {
    const r = stack.pop()!;
    if (seen.has(r)) continue;
    seen.add(r);
    out.add(r.k);
    for (const d of r.deps) if (d && !seen.has(d)) stack.push(d);
  }
  return [...out].sort((a, b) => a - b);
}

/**
 * The active identities over array-indexed figures, with every interval end on the grid of
 * ½·10^−D (D the most decimals printed): figure v with d decimals stands for
 * [v·2·10^(D−d) − 10^(D−d), v·2·10^(D−d) + 10^(D−d)] there, all integers (engine/grid.ts).
 */
interface System {
  amounts: Amount[];
  /**
   * The active identities' terms in compressed rows: identity k's figures (indexes into amounts) and
   * coefficients are vars[x] and coefs[x] for x from start[k] to start[k + 1] − 1 (the offsets of
   * Figures; an inactive identity's slots are never read). Typed arrays, not an array per identity: the
   * system is built once per document and again after each conflict, and its arrays of arrays were
   * ~400 kB of the ~7 MB a document allocated (docs/performance.md, "Sixth pass").
   */
  vars: Int32Array;
  coefs: Int8Array;
  start: Int32Array;
  /** Per identity: an equality (else `≤ 0`). */
  eqs: Uint8Array;
  /** Each figure's printed interval on the grid. */
  lo0: Units[];
  hi0: Units[];
  /**
   * The identities each figure appears in (once per appearance, in identity order, as the propagation
   * expects), compressed the same way: figure i's are usedBy[x] for x from useStart[i] to useStart[i + 1] − 1.
   */
  usedBy: Int32Array;
  useStart: Int32Array;
  /** Every sum a propagation step forms stays a safe integer: run on numbers, else on BigInt. */
  small: boolean;
  D: number;
}

/**
 * Every distinct figure of the constraints numbered once (in order of first use), and each term's number:
 * made once per findConflicts, so that grouping and each system built after a conflict index arrays
 * instead of looking each figure up in a Map again.
 */
export interface Figures {
  count: number;
  /** Every term's figure number, constraint after constraint: constraint k's are ids[start[k]] … ids[start[k + 1] − 1]. */
  ids: Int32Array;
  start: Int32Array;
}

/**
 * Every term's figure numbered (Figures), from the terms' serials as FlatSystem holds them (read once, as the
 * identities were declared): numberFiguresByAmount went through every constraint, term and amount object (and the
 * amount's getter) twice, and took ~1.3× the time of numbering from an array (docs/performance.md, "Twentieth pass").
 * The numbers are those numberFiguresByAmount gives (in order of first use, a figure being its amount), which still
 * makes them where a term's amount has no serial an Int32Array holds, or the serials spread too wide
 * (test/engine/number-figures.test.ts compares the two).
 */
export function numberFigures(constraints: LinearConstraint[]): Figures {
  return numberFlat(flatOf(constraints), constraints);
}

function numberFlat(flat: FlatSystem, constraints: readonly LinearConstraint[]): Figures {
  const m = flat.size;
  const terms = flat.terms;
  const start = flat.start.subarray(0, m + 1);
  if (flat.unserialled) return numberFiguresByAmount(constraints);
  const serials = flat.serials;
  let first = MAX_SERIAL;
  let last = 0;
  for (let x = 0; x < terms; x++) {
    const s = serials[x];
    if (s < first) first = s;
    if (s > last) last = s;
  }
  // One document's serials are close together; a range much wider than the terms is numbered by amount.
  const span = terms === 0 ? 0 : last - first + 1;
  if (span > 4 * terms + 4096) return numberFiguresByAmount(constraints);
  const bySerial = new Int32Array(span).fill(-1);
  const ids = new Int32Array(terms);
  let count = 0;
  for (let x = 0; x < terms; x++) {
    const at = serials[x] - first;
    let i = bySerial[at];
    if (i < 0) i = bySerial[at] = count++;
    ids[x] = i;
  }
  return { count, ids, start };
}

/** numberFigures' numbering, every figure found by its serial where it has one, else by its amount in a Map. */
export function numberFiguresByAmount(constraints: readonly LinearConstraint[]): Figures {
  const start = new Int32Array(constraints.length + 1);
  let terms = 0;
  // The range of the printed amounts' serials (Amount.serial): one document's are close together.
  let first = Infinity;
  let last = -Infinity;
  for (let k = 0; k < constraints.length; k++) {
    start[k] = terms;
    const ts = constraints[k].terms;
    terms += ts.length;
    for (let j = 0; j < ts.length; j++) {
      const s = ts[j].amount.serial;
      if (s !== undefined) {
        if (s < first) first = s;
        if (s > last) last = s;
      }
    }
  }
  start[constraints.length] = terms;
  // Amounts with a serial are found in an array indexed by it (when the range is not much wider than the
  // terms), the others by identity in a Map: a Map of every figure was half of rounding-consistency's time.
  const span = last - first + 1;
  const bySerial = span > 0 && span <= 4 * terms + 4096 ? new Int32Array(span).fill(-1) : null;
  const index = new Map<Amount, number>();
  const ids = new Int32Array(terms);
  let count = 0;
  let at = 0;
  for (const c of constraints)
    for (const t of c.terms) {
      const s = t.amount.serial;
      let i: number | undefined;
      if (bySerial && s !== undefined) {
        i = bySerial[s - first];
        if (i < 0) i = bySerial[s - first] = count++;
      } else {
        i = index.get(t.amount);
        if (i === undefined) index.set(t.amount, (i = count++));
      }
      ids[at++] = i;
    }
  return { count, ids, start };
}

function buildSystem(flat: FlatSystem, active: boolean[], figures: Figures): System {
  // The active identities' figures, numbered in order of first use among them (as the propagation has
  // always numbered them): local[figure] is that number, −1 while unseen; firstTerm[number] its first term.
  const local = new Int32Array(figures.count).fill(-1);
  const amounts: Amount[] = [];
  const firstTerm: number[] = [];
  const { ids } = figures;
  const start = flat.start;
  const m = flat.size;
  const vars = new Int32Array(ids.length);
  let D = 0;
  let appearances = 0;
  for (let k = 0; k < m; k++) {
    // An inactive identity is never queued and appears in no figure's uses: its slots stay unread.
    if (!active[k]) continue;
    const end = start[k + 1];
    appearances += end - start[k];
    for (let x = start[k]; x < end; x++) {
      let i = local[ids[x]];
      if (i < 0) {
        i = local[ids[x]] = amounts.length;
        amounts.push(flat.amounts[x]);
        firstTerm.push(x);
      }
      vars[x] = i;
    }
  }
  const n = amounts.length;
  if (flat.big) for (const a of amounts) D = Math.max(D, a.decimals);
  else for (let i = 0; i < n; i++) if (flat.decimals[firstTerm[i]] > D) D = flat.decimals[firstTerm[i]];
  // Each figure's identities, in identity order: counted, then filled.
  const useStart = new Int32Array(n + 1);
  for (let k = 0; k < m; k++) if (active[k]) for (let x = start[k]; x < start[k + 1]; x++) useStart[vars[x] + 1]++;
  for (let i = 0; i < n; i++) useStart[i + 1] += useStart[i];
  const usedBy = new Int32Array(appearances);
  const filled = useStart.slice(0, n);
  for (let k = 0; k < m; k++) if (active[k]) for (let x = start[k]; x < start[k + 1]; x++) usedBy[filled[vars[x]]++] = k;
  const lo0: Units[] = [];
  const hi0: Units[] = [];
  // v·2·10^(D−d) ± 10^(D−d) (FlatSystem's interval at the figure's own decimals, times 10^(D−d)) while safe
  // integers; a printed non-negative figure's interval stops at 0; an exact one has width 0.
  let big = flat.big;
  for (let i = 0; !big && i < n; i++) {
    const x = firstTerm[i];
    const p = pow10(D - flat.decimals[x]);
    if (p === null) {
      big = true;
      break;
    }
    const c2 = flat.centre[x] * p;
    const unit = flat.width[x] * p;
    if (!Number.isSafeInteger(Math.abs(c2) + unit)) big = true;
    let lo = c2 - unit;
    if (flat.stopsAtZero[x] === 1 && c2 >= 0 && lo < 0) lo = 0;
    lo0.push(lo);
    hi0.push(c2 + unit);
  }
  if (big) {
    lo0.length = hi0.length = 0;
    for (const a of amounts) {
      // A printed non-negative figure's interval stops at 0; an exact one has width 0.
      const unit = BigInt(shift(halfUnitsOf(a), D - a.decimals));
      const c2 = 2n * BigInt(shift(scaledOf(a), D - a.decimals));
      let lo = a.exact ? c2 : c2 - unit;
      if (!a.exact && a.nonNegative && c2 >= 0n && lo < 0n) lo = 0n;
      lo0.push(lo);
      hi0.push(a.exact ? c2 : c2 + unit);
    }
  }
  // Bounds only narrow, so every sum of an identity's bounds is at most Σ max(|lo0|, |hi0|) of its figures.
  let small = !big;
  for (let k = 0; small && k < m; k++) {
    if (!active[k]) continue;
    let most = 0;
    for (let x = start[k]; x < start[k + 1]; x++) most += Math.max(Math.abs(lo0[vars[x]] as number), Math.abs(hi0[vars[x]] as number));
    if (!Number.isSafeInteger(most)) small = false;
  }
  if (!small && !big) for (let i = 0; i < lo0.length; i++) [lo0[i], hi0[i]] = [BigInt(lo0[i]), BigInt(hi0[i])];
  return { amounts, vars, coefs: flat.coefs, start, eqs: flat.kinds, lo0, hi0, usedBy, useStart, small, D };
}

function propagateOnce(flat: FlatSystem, active: boolean[], figures: Figures): Conflict | null {
  const sys = buildSystem(flat, active, figures);
  // One loop for both kinds: it uses only +, −, negation and comparisons, which numbers and bigints share
  // (never mixed: every bound is of the kind sys.small says); typed as numbers for the compiler.
  const conflict = sys.small ? propagateOn(sys, active, 0) : propagateOn(sys as unknown as System & { lo0: number[]; hi0: number[] }, active, 0n as unknown as number);
  if (!conflict) return null;
  const { i, lo, hi, loWhy, hiWhy } = conflict;
  const a = sys.amounts[i];
  const above = lo > sys.hi0[i];
  const scale = new Decimal(2).times(new Decimal(10).pow(sys.D));
  const fromGrid = (b: Units) => new Decimal(b.toString()).dividedBy(scale);
  return { amount: a, forced: fromGrid(above ? lo : hi), direction: above ? "above" : "below", constraints: identitiesBehind(loWhy, hiWhy) };
}

/** The reasons of an identity's terms but term t (the bounds term t's new bound was computed from). */
function othersThan(ws: (Reason | null)[], len: number, t: number): (Reason | null)[] {
  const out: (Reason | null)[] = new Array(len - 1);
  for (let j = 0, o = 0; j < len; j++) if (j !== t) out[o++] = ws[j];
  return out;
}

/** Interval propagation over the system from its printed intervals; the first figure left with an empty interval. */
function propagateOn(sys: System, active: boolean[], zero: number): { i: number; lo: Units; hi: Units; loWhy: Reason | null; hiWhy: Reason | null } | null {
  const n = sys.amounts.length;
  const lo = sys.lo0.slice() as number[];
  const hi = sys.hi0.slice() as number[];
  const loWhy: (Reason | null)[] = new Array(n).fill(null);
  const hiWhy: (Reason | null)[] = new Array(n).fill(null);
  const updates = new Array<number>(n).fill(0);
  const m = active.length;
  // A FIFO of identities, each at most once in it: a ring buffer of m slots.
  const queue = new Int32Array(Math.max(1, m));
  const queued = new Uint8Array(m);
  let head = 0;
  let size = 0;
  for (let k = 0; k < m; k++)
    if (active[k]) {
      queue[(head + size++) % m] = k;
      queued[k] = 1;
    }
  const lowV: number[] = [];
  const highV: number[] = [];
  const lowW: (Reason | null)[] = [];
  const highW: (Reason | null)[] = [];
  while (size) {
    const k = queue[head];
    head = (head + 1) % m;
    size--;
    queued[k] = 0;
    const vars = sys.vars;
    const coefs = sys.coefs;
    const base = sys.start[k];
    const eq = sys.eqs[k] === 1;
    const len = sys.start[k + 1] - base;
    let dirty = true;
    let sumLow = zero;
    let sumHigh = zero;
    for (let t = 0; t < len; t++) {
      if (dirty) {
        // Bounds of coef·x for every term, and their sums.
        sumLow = zero;
        sumHigh = zero;
        for (let j = 0; j < len; j++) {
          const v = vars[base + j];
          if (coefs[base + j] === 1) {
            lowV[j] = lo[v];
            lowW[j] = loWhy[v];
            highV[j] = hi[v];
            highW[j] = hiWhy[v];
          } else {
            lowV[j] = -hi[v];
            lowW[j] = hiWhy[v];
            highV[j] = -lo[v];
            highW[j] = loWhy[v];
          }
          sumLow += lowV[j];
          sumHigh += highV[j];
        }
        dirty = false;
      }
      const coef = coefs[base + t];
      const v = vars[base + t];
      // Σ coef·x = 0 (or ≤ 0): coef·x ≤ −Σ others' lows; for equalities also coef·x ≥ −Σ others' highs.
      const cap = -(sumLow - lowV[t]);
      const floor = -(sumHigh - highV[t]);
      let changed = false;
      if (coef === 1) {
        if (cap < hi[v]) {
          hi[v] = cap;
          hiWhy[v] = { k, deps: othersThan(lowW, len, t) };
          changed = true;
        }
        if (eq && floor > lo[v]) {
          lo[v] = floor;
          loWhy[v] = { k, deps: othersThan(highW, len, t) };
          changed = true;
        }
      } else {
        if (eq && -floor < hi[v]) {
          hi[v] = -floor;
          hiWhy[v] = { k, deps: othersThan(highW, len, t) };
          changed = true;
        }
        if (-cap > lo[v]) {
          lo[v] = -cap;
          loWhy[v] = { k, deps: othersThan(lowW, len, t) };
          changed = true;
        }
      }
      if (lo[v] > hi[v]) return { i: v, lo: lo[v], hi: hi[v], loWhy: loWhy[v], hiWhy: hiWhy[v] };
      if (changed) {
        dirty = true;
        if (++updates[v] <= MAX_UPDATES_PER_FIGURE)
          for (let x = sys.useStart[v]; x < sys.useStart[v + 1]; x++) {
            const u = sys.usedBy[x];
            if (u !== k && !queued[u]) {
              queue[(head + size++) % m] = u;
              queued[u] = 1;
            }
          }
      }
    }
  }
  return null;
}

/**
 * Finds the conflicts of a system of identities (each already within rounding on its own). After each
 * conflict its identities are set aside and the rest is propagated again, so one real mistake is reported
 * once, not as a cascade.
 */
export function findConflicts(constraints: LinearConstraint[]): Conflict[] {
  const flat = flatOf(constraints);
  const figures = numberFlat(flat, constraints);
  const active = needingPropagation(flat, figures);
  const out: Conflict[] = [];
  while (out.length < MAX_CONFLICTS) {
    const c = propagateOnce(flat, active, figures);
    if (!c) break;
    out.push(c);
    for (const k of c.constraints) active[k] = false;
  }
  return out;
}

/**
 * Identities that share no figure form independent groups. In a group where every identity holds
 * exactly on the printed figures, the printed figures themselves are true amounts that satisfy it all:
 * no conflict is possible, so only groups with an identity that holds merely within rounding are
 * propagated (in a clean document, a small part of the system).
 */
function needingPropagation(flat: FlatSystem, figures: Figures): boolean[] {
  // Loops and a module-level `findRoot`, not closures made per call: V8 deoptimised the optimised code
  // that had inlined one call's closure each time the next document's was called ("wrong call target").
  const n = flat.size;
  const parent = new Int32Array(n);
  for (let k = 0; k < n; k++) parent[k] = k;
  // The first identity each figure appears in (−1: none yet); every later one joins its group.
  const firstUse = new Int32Array(figures.count).fill(-1);
  for (let k = 0; k < n; k++)
    for (let x = figures.start[k]; x < figures.start[k + 1]; x++) {
      const f = figures.ids[x];
      const j = firstUse[f];
      if (j < 0) firstUse[f] = k;
      else parent[findRoot(parent, k)] = findRoot(parent, j);
    }
  const inexact = new Uint8Array(n);
  for (let k = 0; k < n; k++) if (!flat.holds[k]) inexact[findRoot(parent, k)] = 1;
  const out: boolean[] = [];
  for (let k = 0; k < n; k++) out.push(inexact[findRoot(parent, k)] === 1);
  return out;
}

/** The root of k's group in a union-find forest (with path halving). */
function findRoot(parent: Int32Array, k: number): number {
  while (parent[k] !== k) k = parent[k] = parent[parent[k]];
  return k;
}
