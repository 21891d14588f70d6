import { Decimal } from "decimal.js";
import { decimalString, halfUnitsOf, interval } from "../model/amount.js";
import type { Amount } from "../model/amount.js";
import { signOfSum } from "./grid.js";
import type { AtMostIdentity, RatioIdentity, SumIdentity, Term } from "./types.js";
import { mapArray } from "../util/arrays.js";

/** Outcome of one identity between printed figures. */
export interface Verdict {
  holds: boolean;
  withinRounding: boolean;
  stated: Decimal;
  computed: Decimal;
  /** stated − computed */
  difference: Decimal;
  /** How far rounding of the printed figures (or the fixed --tolerance) lets the difference go. */
  tolerance: Decimal;
}

const ZERO = new Decimal(0);

/** Either `auto` (what rounding of the printed figures explains) or a fixed absolute tolerance. */
export type ToleranceMode = { kind: "auto" } | { kind: "fixed"; value: Decimal };

/**
 * Judges `total = Σ sign·part`. Each printed figure stands for an interval of true amounts
 * (model/amount.ts `interval`); the identity holds within rounding when the intervals can satisfy it.
 * For symmetric intervals the tolerance is ½·10^−d·(n+1) as in docs/cli.md; a printed 0 that cannot be
 * negative cannot move downwards, so it adds no slack in that direction.
 */
export function judgeSum(id: SumIdentity, mode: ToleranceMode): Verdict {
  // Most identities hold exactly: decided on the integer grid (engine/grid.ts), with no decimal
  // arithmetic; the difference and tolerance are only worked out for those that do not.
  if (holdsExactly(id)) return { holds: true, withinRounding: false, stated: id.total.value, computed: id.total.value, difference: ZERO, tolerance: ZERO };
  if (mode.kind === "auto") {
    const v = judgeSumOnGrid(id);
    if (v) return v;
  }
  const stated = id.total.value;
  let computed = new Decimal(0);
  for (const p of id.parts) computed = p.sign === -1 ? computed.minus(p.amount.value) : computed.plus(p.amount.value);
  const difference = stated.minus(computed);
  let tolerance: Decimal;
  const allExact = !!id.total.exact && id.parts.every((p) => p.amount.exact);
  if (mode.kind === "fixed" && !allExact) {
    tolerance = mode.value;
  } else {
    // To close a positive difference the total must go down and the computed side up; and vice versa.
    const down = difference.gt(0);
    const t = interval(id.total);
    tolerance = down ? stated.minus(t.lo) : t.hi.minus(stated);
    for (const p of id.parts) {
      const i = interval(p.amount);
      const up = (p.sign ?? 1) === 1 ? down : !down;
      tolerance = tolerance.plus(up ? i.hi.minus(p.amount.value) : p.amount.value.minus(i.lo));
    }
  }
  const holds = difference.isZero();
  return { holds, withinRounding: !holds && difference.abs().lte(tolerance), stated, computed, difference, tolerance };
}

/**
 * judgeSum's arithmetic on the integer grid (engine/grid.ts) for an identity that does not hold exactly,
 * with rounding intervals (auto): every figure and interval end as an integer count of ½·10^−D, the sums
 * and the tolerance in BigInt, and only the three results made decimals — the same values as judgeSum's
 * decimal arithmetic (a test compares the two). Null when a figure has no printed grid value
 * (`Amount.scaled` unset, e.g. converted to another money unit): the decimal way is taken then.
 */
function judgeSumOnGrid(id: SumIdentity): Verdict | null {
  let D = 0;
  if (id.total.scaled === undefined) return null;
  D = id.total.decimals;
  for (const p of id.parts) {
    if (p.amount.scaled === undefined) return null;
    if (p.amount.decimals > D) D = p.amount.decimals;
  }
  const total = twiceOnGrid(id.total, D);
  const parts: bigint[] = [];
  let computed = 0n;
  for (const p of id.parts) {
    const x = twiceOnGrid(p.amount, D);
    parts.push(x);
    computed = p.sign === -1 ? computed - x : computed + x;
  }
  const difference = total - computed;
  const down = difference > 0n;
  let tolerance = down ? total - lowOnGrid(id.total, total, D) : highOnGrid(id.total, total, D) - total;
  for (let j = 0; j < parts.length; j++) {
    const p = id.parts[j];
    const up = (p.sign ?? 1) === 1 ? down : !down;
    tolerance += up ? highOnGrid(p.amount, parts[j], D) - parts[j] : parts[j] - lowOnGrid(p.amount, parts[j], D);
  }
  const holds = difference === 0n;
  const abs = difference < 0n ? -difference : difference;
  return new GridVerdict(holds, !holds && abs <= tolerance, id.total, total, computed, difference, tolerance, D);
}

/**
 * judgeSumOnGrid's verdict: its figures kept as grid integers, written out as strings straight from them
 * (the report needs only the strings), and made decimals only if asked for. Most such verdicts are
 * within rounding (60-odd per document of the 1,000-document corpus): four decimals parsed from text
 * and printed back for each was a third of EngineContext.sum.
 */
class GridVerdict implements Verdict {
  #strings: VerdictStrings | undefined;
  #computed: Decimal | undefined;
  #difference: Decimal | undefined;
  #tolerance: Decimal | undefined;
  constructor(
    readonly holds: boolean,
    readonly withinRounding: boolean,
    private readonly totalAmount: Amount,
    private readonly total: bigint,
    private readonly computedOnGrid: bigint,
    private readonly differenceOnGrid: bigint,
    private readonly toleranceOnGrid: bigint,
    private readonly D: number,
  ) {}
  get stated(): Decimal {
    return this.totalAmount.value;
  }
  get computed(): Decimal {
    return (this.#computed ??= fromGrid(this.computedOnGrid, this.D));
  }
  get difference(): Decimal {
    return (this.#difference ??= fromGrid(this.differenceOnGrid, this.D));
  }
  get tolerance(): Decimal {
    return (this.#tolerance ??= fromGrid(this.toleranceOnGrid, this.D));
  }
  /** decimalString of each figure, from the grid integers (the printed total is `total` on the grid). */
  strings(): VerdictStrings {
    return (this.#strings ??= {
      stated: gridString(this.total, this.D),
      computed: gridString(this.computedOnGrid, this.D),
      difference: gridString(this.differenceOnGrid, this.D),
      tolerance: gridString(this.toleranceOnGrid, this.D),
    });
  }
}

/**
 * x·½·10^−D written as decimalString writes fromGrid(x, D): plain digits, no exponent, no trailing zeros
 * after the point, no point when nothing is left after it, "0" for zero (test/engine/grid-verdict.test.ts
 * compares the two).
 */
export function gridString(x: bigint, D: number): string {
  const [q, places] = x % 2n === 0n ? [x / 2n, D] : [x * 5n, D + 1];
  if (q === 0n) return "0";
  const negative = q < 0n;
  const digits = (negative ? -q : q).toString();
  let text = digits;
  if (places > 0) {
    const padded = digits.padStart(places + 1, "0");
    let end = padded.length;
    while (end > padded.length - places && padded.charCodeAt(end - 1) === 48) end--;
    const int = padded.slice(0, padded.length - places);
    text = end > padded.length - places ? `${int}.${padded.slice(padded.length - places, end)}` : int;
  }
  return negative ? `-${text}` : text;
}

// judgeSumOnGrid's helpers are module-level functions rather than closures made per identity: V8 holds a
// closure's optimised code only while some instance of it lives, and optimised the closures again after
// most collections (docs/performance.md, "Fourth pass").

/** A printed figure as a count of ½·10^−D. */
function twiceOnGrid(a: Amount, D: number): bigint {
  return 2n * BigInt(a.scaled!) * 10n ** BigInt(D - a.decimals);
}

/** The low end of the figure's interval (v − ½·10^−d on the grid, times its half units; a printed non-negative figure stops at 0; an exact one has width 0). */
function lowOnGrid(a: Amount, c: bigint, D: number): bigint {
  if (a.exact) return c;
  const lo = c - widthOnGrid(a, D);
  return a.nonNegative && c >= 0n && lo < 0n ? 0n : lo;
}

/** The high end of the figure's interval (v + ½·10^−d on the grid, times its half units). */
function highOnGrid(a: Amount, c: bigint, D: number): bigint {
  return a.exact ? c : c + widthOnGrid(a, D);
}

/** Half the figure's interval on the grid of ½·10^−D: 10^(D−d), times its half units (Amount.halfUnits). */
function widthOnGrid(a: Amount, D: number): bigint {
  const unit = 10n ** BigInt(D - a.decimals);
  return a.halfUnits && a.halfUnits > 1 ? unit * BigInt(a.halfUnits) : unit;
}

/** x·½·10^−D as a decimal, written out (x/2 with D decimals, or 5x with D + 1) rather than divided. */
function fromGrid(x: bigint, D: number): Decimal {
  const [q, places] = x % 2n === 0n ? [x / 2n, D] : [x * 5n, D + 1];
  const digits = (q < 0n ? -q : q).toString().padStart(places + 1, "0");
  const text = places ? `${digits.slice(0, -places)}.${digits.slice(-places)}` : digits;
  return new Decimal(q < 0n ? `-${text}` : text);
}

/** Does `total = Σ sign·part` hold exactly between the printed figures? */
function holdsExactly(id: SumIdentity): boolean {
  const terms: { amount: Amount; coef: 1 | -1 }[] = [{ amount: id.total, coef: 1 }];
  for (const p of id.parts) terms.push({ amount: p.amount, coef: p.sign === -1 ? 1 : -1 });
  return signOfSum(terms) === 0;
}

/** Judges `part ≤ whole` with the same interval reasoning. */
/**
 * `total ≥ Σ parts`: holds when the printed figures say so; within rounding when the total may be up to ½ unit
 * higher and each part (a subtracted one: higher) lower enough to close the shortfall.
 */
export function judgeAtLeast(id: SumIdentity, mode: ToleranceMode): Verdict {
  const stated = id.total.value;
  let computed = new Decimal(0);
  for (const p of id.parts) computed = p.sign === -1 ? computed.minus(p.amount.value) : computed.plus(p.amount.value);
  const difference = stated.minus(computed);
  let tolerance: Decimal;
  if (mode.kind === "fixed") tolerance = mode.value;
  else {
    tolerance = interval(id.total).hi.minus(stated);
    for (const p of id.parts) {
      const i = interval(p.amount);
      tolerance = tolerance.plus(p.sign === -1 ? i.hi.minus(p.amount.value) : p.amount.value.minus(i.lo));
    }
  }
  const holds = difference.gte(0);
  return { holds, withinRounding: !holds && difference.neg().lte(tolerance), stated, computed, difference, tolerance };
}

export function judgeAtMost(id: AtMostIdentity, mode: ToleranceMode): Verdict {
  const stated = id.part.value;
  const computed = id.whole.value;
  const difference = stated.minus(computed);
  let tolerance: Decimal;
  if (mode.kind === "fixed") tolerance = mode.value;
  else {
    const p = interval(id.part);
    const w = interval(id.whole);
    tolerance = stated.minus(p.lo).plus(w.hi.minus(computed));
  }
  const holds = difference.lte(0);
  return { holds, withinRounding: !holds && difference.lte(tolerance), stated, computed, difference, tolerance };
}

export interface VerdictStrings {
  stated: string;
  computed: string;
  difference: string;
  tolerance: string;
}

export function verdictStrings(v: Verdict): VerdictStrings {
  if (v instanceof GridVerdict) return v.strings();
  return {
    stated: decimalString(v.stated),
    computed: decimalString(v.computed),
    difference: decimalString(v.difference),
    tolerance: decimalString(v.tolerance),
  };
}

/**
 * Of two figures that should be equal (a = b) and are not within rounding, the one printed with fewer
 * decimals when it is the other cut off at its printed places (截尾, towards zero) for some true amount inside
 * the other's interval — a text's 9101.67 万元 for a table's 91,016,775.35 元 (9101.677535 万元), which rounds
 * to 9101.68 — with what it reads rounded. Null when neither is so.
 */
export function cutOffFigure(a: Amount, b: Amount): { figure: Amount; rounded: Decimal } | null {
  if (a.decimals === b.decimals) return null;
  const [coarse, fine] = a.decimals < b.decimals ? [a, b] : [b, a];
  // (An exact figure, or a sum of rounded figures, is no figure cut off at its places.)
  if (coarse.exact || halfUnitsOf(coarse) > 1) return null;
  const i = interval(fine);
  const unit = new Decimal(1).div(new Decimal(10).pow(coarse.decimals));
  const c = coarse.value;
  const meets = c.isNegative() ? i.lo.lte(c) && i.hi.gt(c.minus(unit)) : i.hi.gte(c) && i.lo.lt(c.plus(unit));
  return meets ? { figure: coarse, rounded: fine.value.toDecimalPlaces(coarse.decimals, Decimal.ROUND_HALF_UP) } : null;
}

/** Outcome of a printed percentage against the ratio it describes. */
export interface RatioVerdict extends Verdict {
  /** Smallest and largest percentage the amounts' intervals allow. */
  lo: Decimal;
  hi: Decimal;
  /** The first alternative base whose ratio explains the printed percentage, with its recomputed value. */
  explainedBy: { index: number; computed: Decimal; rounded: Decimal } | null;
  /**
   * A discrepancy (beyond rounding, no alternative base) whose printed percentage is the ratio cut off at
   * its printed places (截尾, towards zero) for some true amounts inside their intervals: 10.15% printed
   * for 10.158%. The amounts agree; the percentage was truncated, not rounded (四舍五入).
   */
  truncated: boolean;
  /** The recomputed percentage rounded (四舍五入) at the printed places: what the printed one should read. */
  rounded: Decimal;
}

const HUNDRED = new Decimal(100);

/**
 * 100·n/d as the decimals work it out from the figures' sums: N and D on the grid are those sums times one power of
 * ten, and decimal.js rounds every quotient correctly, so the same rational gives the same 100 digits.
 */
function quotient(n: bigint, d: bigint): Decimal {
  return new Decimal(n.toString()).div(new Decimal(d.toString())).times(HUNDRED);
}

function linear(terms: Term[], value: (a: Amount) => Decimal): Decimal {
  let s = new Decimal(0);
  for (const t of terms) s = t.sign === -1 ? s.minus(value(t.amount)) : s.plus(value(t.amount));
  return s;
}

/**
 * Range of 100·N/D over every choice of true amounts inside their intervals. N and D are linear in the
 * amounts (which may appear in both, e.g. change ÷ (current − change)); a linear-fractional function on
 * a box takes its extremes at the box's corners, so the corners are enumerated (2^k for k distinct
 * amounts; the identities of a text sentence have two or three). Null when the denominator can be 0 or
 * change sign: the ratio is then undefined.
 */
export function ratioRange(numerator: Term[], denominator: Term[]): { lo: Decimal; hi: Decimal; point: Decimal } | null {
  const vars = varsOf(numerator, denominator);
  const g = gridOf(vars, numerator, denominator);
  if (g) {
    // On the integer grid (every figure has its printed grid value): the point and the extreme corners are exact
    // integers N and D, found and compared without a division, and each of the three ratios is divided out once.
    const { n, d } = pointOf(g);
    if (d === 0n) return null;
    const e = extremes(g, d < 0n);
    return e && { lo: quotient(e.nLo, e.dLo), hi: quotient(e.nHi, e.dHi), point: quotient(n, d) };
  }
  const box = mapArray(vars, (a) => interval(a));
  const d0 = linear(denominator, (a) => a.value);
  if (d0.isZero()) return null;
  const point = linear(numerator, (a) => a.value).div(d0).times(HUNDRED);
  let lo: Decimal | null = null;
  let hi: Decimal | null = null;
  for (let corner = 0; corner < 1 << vars.length; corner++) {
    const pick = (a: Amount) => {
      const i = vars.indexOf(a);
      return (corner >> i) & 1 ? box[i].hi : box[i].lo;
    };
    const d = linear(denominator, pick);
    if (d.isZero() || d.isNegative() !== d0.isNegative()) return null;
    const r = linear(numerator, pick).div(d).times(HUNDRED);
    lo = lo === null || r.lt(lo) ? r : lo;
    hi = hi === null || r.gt(hi) ? r : hi;
  }
  return { lo: lo!, hi: hi!, point };
}

/**
 * A ratio's figures on one integer grid, in units of ½·10^−D (D the most decimals among them): for each distinct
 * figure (in the order of `vars`) its printed value and the ends of its interval, and the terms of either side as
 * indexes of those with their signs. Made once, it can be judged again with a figure at another value (setOnGrid),
 * as the diagnosis tries thousands of values of a percentage's figure a document.
 */
export interface RatioGrid {
  vars: Amount[];
  D: number;
  centre: bigint[];
  lo: bigint[];
  hi: bigint[];
  num: number[];
  numSign: boolean[];
  den: number[];
  denSign: boolean[];
}

/** The ratio's figures on their grid (RatioGrid); null when a figure has no printed grid value (`Amount.scaled`). */
function gridOf(vars: Amount[], numerator: Term[], denominator: Term[]): RatioGrid | null {
  let D = 0;
  for (const a of vars) {
    if (a.scaled === undefined) return null;
    if (a.decimals > D) D = a.decimals;
  }
  const g: RatioGrid = {
    vars,
    D,
    centre: [],
    lo: [],
    hi: [],
    num: mapArray(numerator, (t) => vars.indexOf(t.amount)),
    numSign: mapArray(numerator, (t) => t.sign === -1),
    den: mapArray(denominator, (t) => vars.indexOf(t.amount)),
    denSign: mapArray(denominator, (t) => t.sign === -1),
  };
  for (let i = 0; i < vars.length; i++) setOnGrid(g, i, vars[i].scaled!);
  return g;
}

/** Figure i of the grid at `scaled` (a count of its last printed digit), its interval as the figure's own: its width, its stop at 0, its exactness. */
export function setOnGrid(g: RatioGrid, i: number, scaled: number | bigint): void {
  const a = g.vars[i];
  const c = 2n * 10n ** BigInt(g.D - a.decimals) * BigInt(scaled);
  g.centre[i] = c;
  g.lo[i] = a.exact ? c : lowOnGrid(a, c, g.D);
  g.hi[i] = a.exact ? c : highOnGrid(a, c, g.D);
}

/** The extreme corners (their bits: which end of each figure's interval) with their N and D on the grid (every D of d0's sign). */
interface Extremes {
  lo: number;
  nLo: bigint;
  dLo: bigint;
  hi: number;
  nHi: bigint;
  dHi: bigint;
}

function sideAt(ends: (i: number) => bigint, idx: number[], minus: boolean[]): bigint {
  let s = 0n;
  for (let j = 0; j < idx.length; j++) s = minus[j] ? s - ends(idx[j]) : s + ends(idx[j]);
  return s;
}

/**
 * The ratio's extreme corners on the integer grid (engine/grid.ts): every interval end an integer count of ½·10^−D, so
 * N and D of each corner are exact integers (the common scale cancels in N/D). The corners of the smallest and of the
 * largest ratio — the first such corner in the order of the decimals' enumeration, compared exactly by
 * cross-multiplying (every denominator has d0's sign) — or null when a corner's denominator is 0 or of the other sign
 * (the ratio is undefined). The same corners as comparing the corners' ratios as decimals: rounding a quotient to
 * decimal.js's precision is monotone, so the smallest exact ratio also gives the smallest rounded one.
 */
function extremes(g: RatioGrid, negative: boolean): Extremes | null {
  let best: Extremes | null = null;
  for (let corner = 0; corner < 1 << g.vars.length; corner++) {
    const at = (i: number) => ((corner >> i) & 1 ? g.hi[i] : g.lo[i]);
    const d = sideAt(at, g.den, g.denSign);
    if (d === 0n || d < 0n !== negative) return null;
    const n = sideAt(at, g.num, g.numSign);
    if (!best) {
      best = { lo: corner, nLo: n, dLo: d, hi: corner, nHi: n, dHi: d };
      continue;
    }
    // n/d < nLo/dLo ⇔ n·dLo < nLo·d, as d·dLo > 0.
    if (n * best.dLo < best.nLo * d) Object.assign(best, { lo: corner, nLo: n, dLo: d });
    if (n * best.dHi > best.nHi * d) Object.assign(best, { hi: corner, nHi: n, dHi: d });
  }
  return best;
}

/** Below this size (in grid units) a quotient to decimal.js's 100 digits rounds like the exact one (see ratioHoldsOnGrid). */
const EXACT_RATIO_LIMIT = 10n ** 30n;
const small = (x: bigint) => x < EXACT_RATIO_LIMIT && -x < EXACT_RATIO_LIMIT;

/** The distinct figures of a ratio, the numerator's first. */
function varsOf(numerator: Term[], denominator: Term[]): Amount[] {
  const vars: Amount[] = [];
  for (const t of numerator) if (!vars.includes(t.amount)) vars.push(t.amount);
  for (const t of denominator) if (!vars.includes(t.amount)) vars.push(t.amount);
  return vars;
}

/** N and D at the printed values, in units of 10^−D (half the grid's centres). */
function pointOf(g: RatioGrid): { n: bigint; d: bigint } {
  const at = (i: number) => g.centre[i] / 2n;
  return { n: sideAt(at, g.num, g.numSign), d: sideAt(at, g.den, g.denSign) };
}

/** Is 100·n/d (d > 0) the printed percentage P·10^−k rounded half-up (a tie away from zero)? 2·10^k·(100·n/d) against 2P ± 1, multiplied by d. */
function roundsTo(n: bigint, d: bigint, P: bigint, k: number): boolean {
  const a = 200n * n * 10n ** BigInt(k);
  const P2 = 2n * P;
  return a >= 0n ? (P2 - 1n) * d <= a && a < (P2 + 1n) * d : (P2 - 1n) * d < a && a <= (P2 + 1n) * d;
}

/**
 * Whether judgeRatio would find the ratio defined everywhere in its box and the printed percentage equal
 * to the point ratio rounded half-up to its decimals (`holds`) — decided exactly on the integer grid,
 * without a division. True only when that is certain; false means "judge it in full" (it may still hold).
 * The decimal point ratio is 100·N/D rounded to 100 significant digits, which moves it by less than
 * 10^−67 when N, D are below 10^30 grid units; an exact quotient off a rounding boundary of a percentage
 * with k ≤ 20 decimals is at least 1/(2·D·10^k) > 10^−51 away from it, and one on a boundary has few
 * enough digits to be exact: both ways round alike.
 */
export function ratioHoldsOnGrid(id: RatioIdentity): boolean {
  const p = id.percent;
  if (p.scaled === undefined || p.decimals > 20) return false;
  const g = gridOf(varsOf(id.numerator, id.denominator), id.numerator, id.denominator);
  if (!g) return false;
  let { n, d } = pointOf(g);
  if (d === 0n || !small(n) || !small(d)) return false;
  // Undefined somewhere in the box (a corner's denominator 0 or of the other sign): judgeRatio gives null.
  if (!extremes(g, d < 0n)) return false;
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  return roundsTo(n, d, BigInt(p.scaled), p.decimals);
}

/** A percentage identity's figures on their grid, to be judged by withinRoundingOnGrid; null where a figure has no grid value. */
export function ratioGrid(id: RatioIdentity): RatioGrid | null {
  return gridOf(varsOf(id.numerator, id.denominator), id.numerator, id.denominator);
}

/**
 * ratioWithinRounding decided exactly on the integer grid: the percentage holds (ratioHoldsOnGrid's test), or the
 * range of its ratio over the figures' intervals meets the printed percentage's own interval (judgeRatio's
 * `withinRounding`, `meets`): 100·nHi/dHi ≥ (2P − w)/(2·10^k) and 100·nLo/dLo < (2P + w)/(2·10^k), w = 3 for shares
 * balanced to 100%, else 1, each multiplied out by its D > 0. False where the ratio is undefined somewhere in the box
 * (judgeRatio's null); null where it cannot be decided so (more than 20 decimals, or a side of 10^30 grid units or
 * more, where the decimals' rounding is not shown to agree: see ratioHoldsOnGrid's bound, which holds for the
 * corners' ratios and the ends p ± w·½·10^−k alike).
 */
export function withinRoundingOnGrid(g: RatioGrid, percent: Pick<Amount, "scaled" | "decimals">, balanced: boolean | undefined): boolean | null {
  if (percent.scaled === undefined || percent.decimals > 20) return null;
  let { n, d } = pointOf(g);
  if (d === 0n) return false;
  if (!small(n) || !small(d)) return null;
  const e = extremes(g, d < 0n);
  if (e === null) return false;
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const P = BigInt(percent.scaled);
  const k = percent.decimals;
  if (roundsTo(n, d, P, k)) return true;
  return meetsOnGrid(e, P, k, balanced ? 3n : 1n);
}

/**
 * judgeRatio's meets(p, lo, hi, w) for the extreme corners on the grid: 100·nHi/dHi ≥ (2P − w)/(2·10^k) and
 * 100·nLo/dLo < (2P + w)/(2·10^k). Null past 10^30 grid units (see withinRoundingOnGrid).
 */
function meetsOnGrid(e: Extremes, P: bigint, k: number, w: bigint): boolean | null {
  let { nLo, dLo, nHi, dHi } = e;
  if (!small(nLo) || !small(dLo) || !small(nHi) || !small(dHi)) return null;
  if (dLo < 0n) {
    nLo = -nLo;
    dLo = -dLo;
  }
  if (dHi < 0n) {
    nHi = -nHi;
    dHi = -dHi;
  }
  const scale = 200n * 10n ** BigInt(k);
  return scale * nHi >= (2n * P - w) * dHi && scale * nLo < (2n * P + w) * dLo;
}

/**
 * Whether a percentage identity is no discrepancy: it holds, or holds within rounding (judgeRatio), as the
 * engine judges it. False when the ratio is undefined. Decided on the integer grid where it can be
 * (withinRoundingOnGrid), as the diagnosis asks it of thousands of trial values a document.
 */
export function ratioWithinRounding(id: RatioIdentity): boolean {
  const g = ratioGrid(id);
  const exact = g ? withinRoundingOnGrid(g, id.percent, id.balanced) : null;
  if (exact !== null) return exact;
  if (ratioHoldsOnGrid(id)) return true;
  const v = judgeRatio(id);
  return v !== null && (v.holds || v.withinRounding);
}

/**
 * Does a printed percentage p (standing for [p − h, p + h)) meet the range [lo, hi]? With `widen` 3, one of
 * shares balanced to 100%: [p − 3h, p + 3h), a unit of its last digit more on either side.
 */
function meets(p: Amount, lo: Decimal, hi: Decimal, widen = 1): boolean {
  const h = widen === 1 ? halfUnit(p.decimals) : halfUnit(p.decimals).times(widen);
  return hi.gte(p.value.minus(h)) && lo.lt(p.value.plus(h));
}

/**
 * Whether some percentage in [lo, hi] cut off at the printed places (towards zero) is the printed one:
 * printed p ≥ 0 stands then for [p, p + 10^−d), printed p < 0 for (p − 10^−d, p].
 */
function cutOffMeets(p: Amount, lo: Decimal, hi: Decimal): boolean {
  const unit = halfUnit(p.decimals).times(2);
  if (p.value.isNegative()) return lo.lte(p.value) && hi.gt(p.value.minus(unit));
  return hi.gte(p.value) && lo.lt(p.value.plus(unit));
}

/** ½·10^−d (5·10^−(d+1)), made once per d: a power at 100 digits per judged percentage was ~8% of judgeRatio. */
const halves: Decimal[] = [];
function halfUnit(d: number): Decimal {
  return (halves[d] ??= new Decimal(`5e-${d + 1}`));
}

/**
 * Judges a printed percentage against 100·N/D (docs/cli.md, rounding semantics): it holds when the
 * recomputed percentage rounds to the printed one; within rounding when some choice of true amounts
 * inside their intervals gives a percentage inside the printed one's interval [p − ½·10^−d, p + ½·10^−d);
 * a discrepancy otherwise. `computed` is the recomputed percentage to one more decimal than printed;
 * `tolerance` is how far from it the intervals let the printed figure be (half a unit of the printed
 * percentage plus the spread of the ratio). A fixed --tolerance is in money units and does not apply.
 * A `balanced` share (one of shares printed to add up to exactly 100%) may also be a unit of its last
 * digit off: its interval and tolerance are three half units, not one.
 * Returns null when the ratio is undefined (a denominator that can be 0).
 */
export function judgeRatio(id: RatioIdentity): RatioVerdict | null {
  const r = ratioRange(id.numerator, id.denominator);
  if (!r) return null;
  const p = id.percent;
  const places = p.decimals + 1;
  const computed = r.point.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
  const rounded = r.point.toDecimalPlaces(p.decimals, Decimal.ROUND_HALF_UP);
  const holds = rounded.eq(p.value);
  const widen = id.balanced ? 3 : 1;
  const consistent = meets(p, r.lo, r.hi, widen);
  const half = widen === 1 ? halfUnit(p.decimals) : halfUnit(p.decimals).times(widen);
  const spread = Decimal.max(r.point.minus(r.lo), r.hi.minus(r.point));
  const tolerance = half.plus(spread).toDecimalPlaces(places + 1, Decimal.ROUND_UP);
  let explainedBy: RatioVerdict["explainedBy"] = null;
  (id.alternatives ?? []).some((alt, index) => {
    const a = ratioRange(id.numerator, alt.denominator);
    if (!a || !meets(p, a.lo, a.hi)) return false;
    explainedBy = { index, computed: a.point.toDecimalPlaces(places, Decimal.ROUND_HALF_UP), rounded: a.point.toDecimalPlaces(p.decimals, Decimal.ROUND_HALF_UP) };
    return true;
  });
  return {
    holds,
    withinRounding: !holds && consistent,
    truncated: !holds && !consistent && explainedBy === null && cutOffMeets(p, r.lo, r.hi),
    rounded,
    stated: p.value,
    computed,
    difference: p.value.minus(computed),
    tolerance,
    lo: r.lo,
    hi: r.hi,
    explainedBy,
  };
}
