import { Decimal } from "decimal.js";
import { interval, type Amount } from "../model/amount.js";
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

/** A bound on the integer grid (see `grid`), with the identities that produced it. */
interface Bound {
  value: bigint;
  why: Reason | null;
}

interface Var {
  amount: Amount;
  lo: Bound;
  hi: Bound;
  updates: number;
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
 * Every interval end is v ± ½·10^−d: on the grid of 1 / (2·10^D), D the most decimals printed, all ends
 * are integers, so the propagation runs on exact BigInt arithmetic (no floats, and much cheaper than
 * decimal objects); results are turned back into decimals.
 */
function grid(constraints: LinearConstraint[]) {
  let D = 0;
  for (const c of constraints) for (const t of c.terms) D = Math.max(D, t.amount.decimals);
  const scale = new Decimal(2).times(new Decimal(10).pow(D));
  const toGrid = (d: Decimal) => BigInt(d.times(scale).toFixed(0));
  const fromGrid = (b: bigint) => new Decimal(b.toString()).dividedBy(scale);
  return { toGrid, fromGrid };
}

function propagateOnce(constraints: LinearConstraint[], active: boolean[]): Conflict | null {
  const { toGrid, fromGrid } = grid(constraints);
  const vars = new Map<Amount, Var>();
  const uses = new Map<Amount, number[]>();
  constraints.forEach((c, k) => {
    if (!active[k]) return;
    for (const t of c.terms) {
      if (!vars.has(t.amount)) {
        const i = interval(t.amount);
        vars.set(t.amount, { amount: t.amount, lo: { value: toGrid(i.lo), why: null }, hi: { value: toGrid(i.hi), why: null }, updates: 0 });
      }
      uses.set(t.amount, [...(uses.get(t.amount) ?? []), k]);
    }
  });
  const queue: number[] = [];
  const queued = new Set<number>();
  constraints.forEach((_, k) => {
    if (active[k]) {
      queue.push(k);
      queued.add(k);
    }
  });
  while (queue.length) {
    const k = queue.shift()!;
    queued.delete(k);
    const c = constraints[k];
    let dirty = true;
    let low: Bound[] = [];
    let high: Bound[] = [];
    let sumLow = 0n;
    let sumHigh = 0n;
    for (let i = 0; i < c.terms.length; i++) {
      if (dirty) {
        // Bounds of coef·x for every term, and their sums.
        low = c.terms.map((t) => {
          const v = vars.get(t.amount)!;
          return t.coef === 1 ? v.lo : { value: -v.hi.value, why: v.hi.why };
        });
        high = c.terms.map((t) => {
          const v = vars.get(t.amount)!;
          return t.coef === 1 ? v.hi : { value: -v.lo.value, why: v.lo.why };
        });
        sumLow = low.reduce((s, b) => s + b.value, 0n);
        sumHigh = high.reduce((s, b) => s + b.value, 0n);
        dirty = false;
      }
      const coef = c.terms[i].coef;
      const v = vars.get(c.terms[i].amount)!;
      // Σ coef·x = 0 (or ≤ 0): coef·x ≤ −Σ others' lows; for equalities also coef·x ≥ −Σ others' highs.
      const cap = -(sumLow - low[i].value);
      const floor = c.kind === "eq" ? -(sumHigh - high[i].value) : null;
      const capWhy = (): Reason => ({ k, deps: low.filter((_, j) => j !== i).map((b) => b.why) });
      const floorWhy = (): Reason => ({ k, deps: high.filter((_, j) => j !== i).map((b) => b.why) });
      const newHi = coef === 1 ? { value: cap, why: capWhy } : floor !== null ? { value: -floor, why: floorWhy } : null;
      const newLo = coef === 1 ? (floor !== null ? { value: floor, why: floorWhy } : null) : { value: -cap, why: capWhy };
      let changed = false;
      if (newHi && newHi.value < v.hi.value) {
        v.hi = { value: newHi.value, why: newHi.why() };
        changed = true;
      }
      if (newLo && newLo.value > v.lo.value) {
        v.lo = { value: newLo.value, why: newLo.why() };
        changed = true;
      }
      if (v.lo.value > v.hi.value) {
        const printed = interval(v.amount);
        const above = fromGrid(v.lo.value).gt(printed.hi);
        return {
          amount: v.amount,
          forced: fromGrid(above ? v.lo.value : v.hi.value),
          direction: above ? "above" : "below",
          constraints: identitiesBehind(v.lo.why, v.hi.why),
        };
      }
      if (changed) {
        dirty = true;
        if (++v.updates <= MAX_UPDATES_PER_FIGURE)
          for (const u of uses.get(v.amount) ?? [])
            if (u !== k && !queued.has(u)) {
              queue.push(u);
              queued.add(u);
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
  const active = needingPropagation(constraints);
  const out: Conflict[] = [];
  while (out.length < MAX_CONFLICTS) {
    const c = propagateOnce(constraints, active);
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
function needingPropagation(constraints: LinearConstraint[]): boolean[] {
  const parent = constraints.map((_, k) => k);
  const find = (k: number): number => {
    while (parent[k] !== k) k = parent[k] = parent[parent[k]];
    return k;
  };
  const firstUse = new Map<Amount, number>();
  constraints.forEach((c, k) => {
    for (const t of c.terms) {
      const j = firstUse.get(t.amount);
      if (j === undefined) firstUse.set(t.amount, k);
      else parent[find(k)] = find(j);
    }
  });
  const inexact = new Set<number>();
  constraints.forEach((c, k) => {
    let sum = new Decimal(0);
    for (const t of c.terms) sum = t.coef === 1 ? sum.plus(t.amount.value) : sum.minus(t.amount.value);
    if (c.kind === "eq" ? !sum.isZero() : sum.gt(0)) inexact.add(find(k));
  });
  return constraints.map((_, k) => inexact.has(find(k)));
}
