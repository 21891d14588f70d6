import { Decimal } from "decimal.js";
import { decimalString, interval } from "../model/amount.js";
import type { Amount } from "../model/amount.js";
import { signOfSum } from "./grid.js";
import type { AtMostIdentity, RatioIdentity, SumIdentity, Term } from "./types.js";

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
  const stated = id.total.value;
  // Most identities hold exactly: decided on the integer grid (engine/grid.ts), with no decimal
  // arithmetic; the difference and tolerance are only worked out for those that do not.
  if (holdsExactly(id)) return { holds: true, withinRounding: false, stated, computed: stated, difference: ZERO, tolerance: ZERO };
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

/** Does `total = Σ sign·part` hold exactly between the printed figures? */
function holdsExactly(id: SumIdentity): boolean {
  const terms: { amount: Amount; coef: 1 | -1 }[] = [{ amount: id.total, coef: 1 }];
  for (const p of id.parts) terms.push({ amount: p.amount, coef: p.sign === -1 ? 1 : -1 });
  return signOfSum(terms) === 0;
}

/** Judges `part ≤ whole` with the same interval reasoning. */
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

export function verdictStrings(v: Verdict) {
  return {
    stated: decimalString(v.stated),
    computed: decimalString(v.computed),
    difference: decimalString(v.difference),
    tolerance: decimalString(v.tolerance),
  };
}

/** Outcome of a printed percentage against the ratio it describes. */
export interface RatioVerdict extends Verdict {
  /** Smallest and largest percentage the amounts' intervals allow. */
  lo: Decimal;
  hi: Decimal;
  /** The first alternative base whose ratio explains the printed percentage, with its recomputed value. */
  explainedBy: { index: number; computed: Decimal } | null;
}

const HUNDRED = new Decimal(100);

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
  const vars: Amount[] = [];
  for (const t of [...numerator, ...denominator]) if (!vars.includes(t.amount)) vars.push(t.amount);
  const box = vars.map((a) => interval(a));
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

/** Does a printed percentage p (standing for [p − h, p + h)) meet the range [lo, hi]? */
function meets(p: Amount, lo: Decimal, hi: Decimal): boolean {
  const h = new Decimal(5).times(new Decimal(10).pow(-(p.decimals + 1)));
  return hi.gte(p.value.minus(h)) && lo.lt(p.value.plus(h));
}

/**
 * Judges a printed percentage against 100·N/D (docs/cli.md, rounding semantics): it holds when the
 * recomputed percentage rounds to the printed one; within rounding when some choice of true amounts
 * inside their intervals gives a percentage inside the printed one's interval [p − ½·10^−d, p + ½·10^−d);
 * a discrepancy otherwise. `computed` is the recomputed percentage to one more decimal than printed;
 * `tolerance` is how far from it the intervals let the printed figure be (half a unit of the printed
 * percentage plus the spread of the ratio). A fixed --tolerance is in money units and does not apply.
 * Returns null when the ratio is undefined (a denominator that can be 0).
 */
export function judgeRatio(id: RatioIdentity): RatioVerdict | null {
  const r = ratioRange(id.numerator, id.denominator);
  if (!r) return null;
  const p = id.percent;
  const places = p.decimals + 1;
  const computed = r.point.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
  const holds = r.point.toDecimalPlaces(p.decimals, Decimal.ROUND_HALF_UP).eq(p.value);
  const consistent = meets(p, r.lo, r.hi);
  const half = new Decimal(5).times(new Decimal(10).pow(-(p.decimals + 1)));
  const spread = Decimal.max(r.point.minus(r.lo), r.hi.minus(r.point));
  const tolerance = half.plus(spread).toDecimalPlaces(places + 1, Decimal.ROUND_UP);
  let explainedBy: RatioVerdict["explainedBy"] = null;
  (id.alternatives ?? []).some((alt, index) => {
    const a = ratioRange(id.numerator, alt.denominator);
    if (!a || !meets(p, a.lo, a.hi)) return false;
    explainedBy = { index, computed: a.point.toDecimalPlaces(places, Decimal.ROUND_HALF_UP) };
    return true;
  });
  return {
    holds,
    withinRounding: !holds && consistent,
    stated: p.value,
    computed,
    difference: p.value.minus(computed),
    tolerance,
    lo: r.lo,
    hi: r.hi,
    explainedBy,
  };
}
