import { Decimal } from "decimal.js";
import { decimalString, interval } from "../model/amount.js";
import type { AtMostIdentity, SumIdentity } from "./types.js";

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
  let computed = new Decimal(0);
  for (const p of id.parts) computed = p.sign === -1 ? computed.minus(p.amount.value) : computed.plus(p.amount.value);
  const difference = stated.minus(computed);
  // Most identities hold exactly: no tolerance to work out (it is only reported for those that do not).
  if (difference.isZero()) return { holds: true, withinRounding: false, stated, computed, difference, tolerance: ZERO };
  let tolerance: Decimal;
  if (mode.kind === "fixed") {
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
