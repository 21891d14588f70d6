import { Decimal } from "decimal.js";
import { halfUnit, type Amount } from "../model/amount.js";
import { pushTo } from "../model/queries.js";
import { findConflicts, type LinearConstraint } from "../engine/propagate.js";
import { gridOf, type Figure, type Grid } from "./figures.js";
import { SEPARATE, type Families } from "./families.js";
import { mapArray } from "../util/arrays.js";
import { FlatSystem } from "../engine/flat.js";
import type { IdentityLog } from "../engine/run.js";

// Loops and module-level functions, no closures made per call, here and in the rest of the diagnosis: V8
// holds a closure's optimised code only while some instance of it lives, and optimised the diagnosis's
// closures again for most documents that needed one (docs/performance.md, "Fourth pass").

/**
 * Groups of identities that share figures (a change to one group cannot affect another); figures of one family
 * (families.ts: one printed figure, its copy in another unit, its stored value) are one figure.
 */
export function components(constraints: LinearConstraint[], fam: Families = SEPARATE): number[][] {
  const parent: number[] = [];
  for (let k = 0; k < constraints.length; k++) parent.push(k);
  const firstUse = new Map<Amount, number>();
  for (let k = 0; k < constraints.length; k++) {
    for (const t of constraints[k].terms) {
      const h = fam.head(t.amount);
      const j = firstUse.get(h);
      if (j === undefined) firstUse.set(h, k);
      else parent[root(parent, k)] = root(parent, j);
    }
  }
  const groups = new Map<number, number[]>();
  for (let k = 0; k < constraints.length; k++) pushTo(groups, root(parent, k), k); // in place: a copy per identity made a group of n identities cost n²
  return [...groups.values()];
}

/** The root of k's tree in a union-find forest (path halving). */
export function root(parent: number[], k: number): number {
  while (parent[k] !== k) k = parent[k] = parent[parent[k]];
  return k;
}

/** The figures of some identities, each once, in order of first use. */
export function figuresOf(constraints: LinearConstraint[]): Amount[] {
  const seen = new Set<Amount>();
  for (const c of constraints) for (const t of c.terms) seen.add(t.amount);
  return [...seen];
}

/**
 * Every identity of a document's log in flat arrays, for the diagnosis's walks over all of them (the figures in order
 * of first use, the groups, the totals' weights): identity k (an index into `log.linear`) is identity `index[k]` of
 * `flat`, its terms' amounts `flat.amounts[flat.start[i]]` … and coefficients beside them, its kind `flat.kinds[i]`.
 * The identities of the system the engine declared (IdentityLog.declared) are read from the arrays it wrote as they
 * were declared, the few beyond rounding from a flat system made of their objects (`outside`): the ~1,160 identity
 * and ~3,300 term objects of a document are not walked (docs/performance.md, "Twenty-second pass"). A log filled
 * otherwise (the tests) is made flat whole.
 */
export class LogSystem {
  private constructor(
    /** The flat system of identity k: `which[k]` 0 the declared system's, 1 the others'. */
    private readonly flats: readonly [FlatSystem, FlatSystem],
    private readonly which: Uint8Array,
    readonly index: Int32Array,
  ) {}

  static of(log: IdentityLog, constraints: LinearConstraint[]): LogSystem {
    const n = constraints.length;
    const which = new Uint8Array(n);
    const index = new Int32Array(n);
    const d = log.declared;
    if (d && d.system.length === d.flat.size && d.system.length + d.outside.length === n) {
      const others: LinearConstraint[] = [];
      let o = 0;
      let i = 0;
      for (let k = 0; k < n; k++)
        if (o < d.outside.length && d.outside[o] === k) {
          which[k] = 1;
          index[k] = o++;
          others.push(constraints[k]);
        } else index[k] = i++;
      return new LogSystem([d.flat, FlatSystem.of(others)], which, index);
    }
    for (let k = 0; k < n; k++) index[k] = k;
    return new LogSystem([FlatSystem.of(constraints), FlatSystem.of([])], which, index);
  }

  /** The flat system that holds identity k (at `index[k]`). */
  flat(k: number): FlatSystem {
    return this.flats[this.which[k]];
  }

  /** Is identity k an equality? */
  isEq(k: number): boolean {
    return this.flats[this.which[k]].kinds[this.index[k]] === 1;
  }

  /** The figures of every identity, each once, in order of first use (figuresOf of the log's constraints). */
  figures(): Amount[] {
    const seen = new Set<Amount>();
    for (let k = 0; k < this.index.length; k++) {
      const f = this.flats[this.which[k]];
      const i = this.index[k];
      const amounts = f.amounts;
      for (let x = f.start[i], end = f.start[i + 1]; x < end; x++) seen.add(amounts[x]);
    }
    return [...seen];
  }
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
 * identity's miss (plus rounding); the factor 2 leaves room for two mistakes in one identity. An inequality that
 * holds misses by nothing: the room below its bound is no amount any correction needs (counted as a miss, the text's
 * 比上年增加 26.70 under its 141.90 made the big-M of the 北京 workbook's 三公 table 25 times what its mistakes need, and
 * HiGHS returned as smallest explanations that were not).
 */
export function changeBound(constraints: LinearConstraint[], grid: Grid): bigint {
  let worst = 0n;
  for (const c of constraints) {
    let b = printedBalance(c, grid);
    if (b < 0n) b = c.kind === "eq" ? -b : 0n;
    for (const t of c.terms) b += grid.figure(t.amount).half;
    if (b > worst) worst = b;
  }
  return 2n * worst;
}

/**
 * The identities of a group on their families' heads (families.ts): one variable per head, in order of first use;
 * a copy's term is its head's, times 10^shift (a copy in 万元 of a 元 cell is the cell ÷ 10^4). A workbook's stored
 * value behind a cell keeps a variable of its own, `tied` to its cell's: it changes when the cell does (and costs
 * nothing of its own), but its true amount is its own — exactly the stored value, where the cell printed is its
 * rounding, as the engine judges them (sharing one true amount, a text's 11,545.92 no longer met a formula's stored
 * 11,545.91 within the cell's rounding). Without families every figure is its own head, coefficients ±1.
 */
export interface HeadSystem {
  /** The heads' figures (and stored values'), on the heads' grid (the group's grid without families): the variables. */
  figs: Figure[];
  /** Any member's variable (a copy's is its head's). */
  index: Map<Amount, number>;
  /** For a stored value's variable, its cell's variable, whose change flag it shares; null for a head's. */
  tied: (number | null)[];
  /** σ per variable: its figure's grid is 10^σ finer than the heads' grid (figs' step and half so scaled). */
  sigma: number[];
  rows: { eq: boolean; vars: number[]; coefs: bigint[] }[];
  /** The printed interval of each head on the grid: its copies' intervals hold too. */
  lo: bigint[];
  hi: bigint[];
  /** changeBound on these identities (the same as changeBound without families): how far one change may move a head. */
  reach: bigint;
  /**
   * Per variable: held at its printed figure, never changed — a figure that only an inequality of the group's brings
   * in (`fixed`, its head), and a stored value behind one. Such a figure is no candidate: the inequality constrains the
   * group's corrections against it as printed.
   */
  fixed: boolean[];
}

export function headSystem(constraints: LinearConstraint[], grid: Grid, fam: Families, fixed: ReadonlySet<Amount> = NO_FIGURES): HeadSystem {
  // With families, the heads' own grid: a copy's 6 decimals of 万元 are a 元 head's 2 (on the grid of the copies
  // every figure was 10^4 times larger, and HiGHS's tolerances no longer told a solution from none).
  let g = grid;
  if (fam.linked) {
    let D = 0;
    for (const c of constraints) for (const t of c.terms) D = Math.max(D, t.amount.decimals + fam.shift(t.amount));
    g = gridOf(D);
  }
  const figs: Figure[] = [];
  const index = new Map<Amount, number>();
  const tied: (number | null)[] = [];
  const lo: bigint[] = [];
  const hi: bigint[] = [];
  const byHead = new Map<Amount, number>();
  const variable = (a: Amount, tie: number | null): number => {
    const f = g.figure(a);
    figs.push(f);
    tied.push(tie);
    const p = f.units * f.step;
    lo.push(f.nonNegative && p - f.half < 0n ? 0n : p - f.half);
    hi.push(p + f.half);
    return figs.length - 1;
  };
  const storedValue = (a: Amount) => a.exact && fam.head(a) !== a;
  // The heads first (and the copies with them), then the stored values, tied to their cell's variable if it is here.
  for (const c of constraints)
    for (const t of c.terms) {
      if (index.has(t.amount) || storedValue(t.amount)) continue;
      const h = fam.head(t.amount);
      let i = byHead.get(h);
      if (i === undefined) byHead.set(h, (i = variable(h, null)));
      index.set(t.amount, i);
      if (t.amount !== h) {
        // A copy's interval, in the head's unit on the head's grid (its values times 10^−shift, shift ≤ 0).
        const m = t.amount;
        const k = new Decimal(10).pow(-fam.shift(m) + g.decimals).times(2);
        const v = m.value.times(k);
        const half = halfUnit(m).times(k);
        const nonNegative = m.nonNegative && !m.value.isNegative();
        const l = BigInt((nonNegative ? Decimal.max(0, v.minus(half)) : v.minus(half)).toFixed(0, Decimal.ROUND_CEIL));
        const u = BigInt(v.plus(half).toFixed(0, Decimal.ROUND_FLOOR));
        if (l > lo[i] && l <= hi[i]) lo[i] = l;
        if (u < hi[i] && u >= lo[i]) hi[i] = u;
      }
    }
  for (const c of constraints)
    for (const t of c.terms) {
      if (index.has(t.amount)) continue;
      const h = byHead.get(fam.head(t.amount));
      index.set(t.amount, variable(t.amount, h ?? null));
    }
  /** A term's shift from its variable's figure: a copy's from its head; a stored value is its own variable. */
  const shiftOf = (a: Amount) => (storedValue(a) ? 0 : fam.shift(a));
  // Each head measured on a grid 10^σ finer, so that an identity's terms meet on one grid again: the text's 176.32
  // 万元 beside a 元 cell's copy (176.315952) measured in 元, ×10^4. Every coefficient is then ±1 (a figure's true
  // amount on the grid of its identity need not be an integer of its own grid: the exact search's points are).
  const sigma = fam.linked ? scales(constraints, index, figs.length, shiftOf) : null;
  if (sigma)
    for (let i = 0; i < figs.length; i++) {
      if (!sigma[i]) continue;
      const k = 10n ** BigInt(sigma[i]);
      figs[i] = { ...figs[i], step: figs[i].step * k, half: figs[i].half * k };
      lo[i] *= k;
      hi[i] *= k;
    }
  const rows: HeadSystem["rows"] = [];
  let worst = 0n;
  for (const c of constraints) {
    // A term's head on its scaled grid, into the identity's: 10^(shift − σ); the identity divided by the coarsest.
    let base = Infinity;
    for (const t of c.terms) base = Math.min(base, shiftOf(t.amount) - (sigma ? sigma[index.get(t.amount)!] : 0));
    const vars: number[] = [];
    const coefs: bigint[] = [];
    let miss = 0n;
    let slack = 0n;
    for (const t of c.terms) {
      const i = index.get(t.amount)!;
      const x = BigInt(t.coef) * 10n ** BigInt(shiftOf(t.amount) - (sigma ? sigma[i] : 0) - base);
      // As changeBound: the miss on the printed figures plus each term's rounding slack.
      miss += x * figs[i].units * figs[i].step;
      slack += (x < 0n ? -x : x) * figs[i].half;
      const j = vars.indexOf(i);
      if (j < 0) {
        vars.push(i);
        coefs.push(x);
      } else coefs[j] += x;
    }
    rows.push({ eq: c.kind === "eq", vars, coefs });
    // (An inequality's room below its bound is no miss: see changeBound.)
    if (miss < 0n) miss = c.kind === "eq" ? -miss : 0n;
    if (miss + slack > worst) worst = miss + slack;
  }
  const held: boolean[] = [];
  for (let i = 0; i < figs.length; i++) held.push(fixed.size > 0 && fixed.has(fam.head(figs[i].amount)));
  return { figs, index, tied, sigma: sigma ?? mapArray(figs, () => 0), rows, lo, hi, reach: 2n * worst, fixed: held };
}

const NO_FIGURES: ReadonlySet<Amount> = new Set();

/**
 * σ per head (headSystem): in every identity, shift − σ the same for each term where the identities allow it (a
 * head reached by two ways that disagree keeps the first, its terms then a power of ten apart); each connected set
 * of heads shifted so that its smallest σ is 0.
 */
function scales(constraints: LinearConstraint[], index: Map<Amount, number>, n: number, shiftOf: (a: Amount) => number): number[] {
  const rowsOf: number[][] = [];
  for (let i = 0; i < n; i++) rowsOf.push([]);
  for (let k = 0; k < constraints.length; k++) for (const t of constraints[k].terms) rowsOf[index.get(t.amount)!].push(k);
  const sigma: (number | null)[] = new Array<number | null>(n).fill(null);
  for (let start = 0; start < n; start++) {
    if (sigma[start] !== null) continue;
    sigma[start] = 0;
    const reached = [start];
    for (let q = 0; q < reached.length; q++) {
      const h = reached[q];
      for (const k of rowsOf[h]) {
        const terms = constraints[k].terms;
        let kappa = 0;
        for (const t of terms)
          if (index.get(t.amount) === h) {
            kappa = shiftOf(t.amount) - sigma[h]!;
            break;
          }
        for (const t of terms) {
          const i = index.get(t.amount)!;
          if (sigma[i] !== null) continue;
          sigma[i] = shiftOf(t.amount) - kappa;
          reached.push(i);
        }
      }
    }
    let min = 0;
    for (const i of reached) min = Math.min(min, sigma[i]!);
    for (const i of reached) sigma[i] = sigma[i]! - min;
  }
  return sigma as number[];
}
