import type { Amount } from "../model/amount.js";
import { pushTo } from "../model/queries.js";
import { findConflicts, type LinearConstraint } from "../engine/propagate.js";
import type { Grid } from "./figures.js";

// Loops and module-level functions, no closures made per call, here and in the rest of the diagnosis: V8
// holds a closure's optimised code only while some instance of it lives, and optimised the diagnosis's
// closures again for most documents that needed one (docs/performance.md, "Fourth pass").

/** Groups of identities that share figures (a change to one group cannot affect another). */
export function components(constraints: LinearConstraint[]): number[][] {
  const parent: number[] = [];
  for (let k = 0; k < constraints.length; k++) parent.push(k);
  const firstUse = new Map<Amount, number>();
  for (let k = 0; k < constraints.length; k++) {
    for (const t of constraints[k].terms) {
      const j = firstUse.get(t.amount);
      if (j === undefined) firstUse.set(t.amount, k);
      else parent[root(parent, k)] = root(parent, j);
    }
  }
  const groups = new Map<number, number[]>();
  for (let k = 0; k < constraints.length; k++) pushTo(groups, root(parent, k), k); // in place: a copy per identity made a group of n identities cost n²
  return [...groups.values()];
}

/** The root of k's tree in a union-find forest (path halving). */
function root(parent: number[], k: number): number {
  while (parent[k] !== k) k = parent[k] = parent[parent[k]];
  return k;
}

/** The figures of some identities, each once, in order of first use. */
export function figuresOf(constraints: LinearConstraint[]): Amount[] {
  const seen = new Set<Amount>();
  for (const c of constraints) for (const t of c.terms) seen.add(t.amount);
  return [...seen];
}

/** The identities with some figures replaced (the same replacement object wherever the figure is used). */
export function substitute(constraints: LinearConstraint[], replaced: Map<Amount, Amount>): LinearConstraint[] {
  const out: LinearConstraint[] = [];
  for (const c of constraints) out.push(substituted(c, replaced));
  return out;
}

/** One identity with some figures replaced. */
export function substituted(c: LinearConstraint, replaced: Map<Amount, Amount>): LinearConstraint {
  const terms: LinearConstraint["terms"] = [];
  for (const t of c.terms) terms.push({ ...t, amount: replaced.get(t.amount) ?? t.amount });
  return { ...c, terms };
}

/** Σ coef·printed on the grid: 0 when an equality holds exactly on the printed figures. */
export function printedBalance(c: LinearConstraint, grid: Grid): bigint {
  let s = 0n;
  for (const t of c.terms) {
    const f = grid.figure(t.amount);
    s += BigInt(t.coef) * f.units * f.step;
  }
  return s;
}

/** Does the identity hold exactly on the printed figures? */
export function holdsExactly(c: LinearConstraint, grid: Grid): boolean {
  const s = printedBalance(c, grid);
  return c.kind === "eq" ? s === 0n : s <= 0n;
}

/**
 * Does the identity hold within the rounding intervals of its figures (engine/evaluate.ts semantics)? With
 * `changed`, as if that figure were printed as `units` (in its printed units) instead.
 */
export function holdsWithinRounding(c: LinearConstraint, grid: Grid, changed?: Amount, units?: bigint): boolean {
  let lo = 0n;
  let hi = 0n;
  for (const t of c.terms) {
    const f = grid.figure(t.amount);
    const p = (t.amount === changed ? units! : f.units) * f.step;
    let fLo = p - f.half;
    if (f.nonNegative && fLo < 0n) fLo = 0n;
    const fHi = p + f.half;
    if (t.coef === 1) {
      lo += fLo;
      hi += fHi;
    } else {
      lo -= fHi;
      hi -= fLo;
    }
  }
  return c.kind === "eq" ? lo <= 0n && hi >= 0n : lo <= 0n;
}

/**
 * The exact check of a proposal: with the replaced figures, every identity holds within rounding on its
 * own and the joint rounding check (engine/propagate.ts) finds no conflict — what `check` itself would
 * then say about these identities. Exact integer arithmetic; nothing of the solver's floats is trusted.
 */
export function verifies(constraints: LinearConstraint[], replaced: Map<Amount, Amount>, makeGridFor: (cs: LinearConstraint[]) => Grid): boolean {
  const cs = substitute(constraints, replaced);
  const grid = makeGridFor(cs);
  for (const c of cs) if (!holdsWithinRounding(c, grid)) return false;
  return findConflicts(cs).length === 0;
}

/**
 * How far (on the grid) one change may move a figure: twice the largest amount by which any identity
 * misses on the printed figures plus its rounding slack. A single mistyped figure moves by at most one
 * identity's miss (plus rounding); the factor 2 leaves room for two mistakes in one identity.
 */
export function changeBound(constraints: LinearConstraint[], grid: Grid): bigint {
  let worst = 0n;
  for (const c of constraints) {
    let b = printedBalance(c, grid);
    if (b < 0n) b = -b;
    for (const t of c.terms) b += grid.figure(t.amount).half;
    if (b > worst) worst = b;
  }
  return 2n * worst;
}
