import { Decimal } from "decimal.js";
import type { Amount } from "../model/amount.js";
import { ratioWithinRounding } from "../engine/evaluate.js";
import type { RatioIdentity } from "../engine/types.js";
import { mapArray } from "../util/arrays.js";
import { withUnits } from "./figures.js";

/**
 * Printed percentages and the diagnosis. A percentage is no identity of the program (it is not linear), but it is
 * evidence: of equally small explanations, one with which the document's printed percentages hold is likelier than
 * one that leaves one of them wrong, or makes wrong one that holds as printed. A 情况说明's 项 whose 年初预算 is typed
 * too high (499.93 for 409.93) breaks only the text's 一般公共预算 budget ≥ Σ its items', which lowering any item settles
 * as well; its own 完成年初预算的 104.17% (427.01 ÷ 409.93) holds with the true budget alone, and a sibling's budget set
 * to 0 makes that sibling's percentage wrong. See docs/diagnosis.md, "Ties and percentages".
 */

/** The percentage with its figures replaced by `replacement` (null: as printed): null when none is replaced, else whether it then holds within rounding. */
export function ratioAfter(identity: RatioIdentity, replacement: (a: Amount) => Amount | null): boolean | null {
  let touched = false;
  const swap = (terms: RatioIdentity["numerator"]) =>
    mapArray(terms, (t) => {
      const r = replacement(t.amount);
      if (!r) return t;
      touched = true;
      return { ...t, amount: r };
    });
  const after: RatioIdentity = { ...identity, numerator: swap(identity.numerator), denominator: swap(identity.denominator) };
  return touched ? ratioWithinRounding(after) : null;
}

/** At most this many steps of doubling (and as many of halving) find an end of a figure's values. */
const DOUBLINGS = 48;

/**
 * The values of figure `a` (in units of its last printed digit) at which the percentage holds within rounding, the
 * other figures as printed: an interval, found around the value the percentage points at (N ÷ P for a denominator, P·D
 * for a numerator) by doubling steps outwards and halving back. Null when `a` is not exactly one term of the ratio
 * (the ratio is then not monotone in it), when the percentage is 0 for a denominator, or when no value near the one it
 * points at makes it hold.
 */
export function percentValues(identity: RatioIdentity, a: Amount, nonNegative: boolean): { lo: bigint; hi: bigint } | null {
  const num = identity.numerator.filter((t) => t.amount === a);
  const den = identity.denominator.filter((t) => t.amount === a);
  if (num.length + den.length !== 1) return null;
  const term = num[0] ?? den[0];
  const coef = new Decimal(term.sign === -1 ? -1 : 1);
  const sum = (ts: RatioIdentity["numerator"]) => ts.reduce((s, t) => (t.sign === -1 ? s.minus(t.amount.value) : s.plus(t.amount.value)), new Decimal(0));
  const p = identity.percent.value.div(100);
  const n = sum(identity.numerator);
  const d = sum(identity.denominator);
  let x: Decimal;
  if (den.length) {
    if (p.isZero()) return null;
    x = n.div(p).minus(d.minus(a.value.times(coef))).div(coef);
  } else x = p.times(d).minus(n.minus(a.value.times(coef))).div(coef);
  const scale = new Decimal(10).pow(a.decimals);
  const u0 = BigInt(x.times(scale).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0));
  const holds = (u: bigint) => (!nonNegative || u >= 0n) && ratioAfter(identity, (b) => (b === a ? withUnits(a, u) : null)) === true;
  let start: bigint | null = null;
  for (const dx of [0n, 1n, -1n, 2n, -2n])
    if (holds(u0 + dx)) {
      start = u0 + dx;
      break;
    }
  if (start === null) return null;
  const end = (dir: bigint): bigint => {
    // Doubling until a value fails (or the steps run out), then halving back to the last that holds.
    let good = start!;
    let step = 1n;
    let bad: bigint | null = null;
    for (let k = 0; k < DOUBLINGS; k++) {
      const u = good + dir * step;
      if (!holds(u)) {
        bad = u;
        break;
      }
      good = u;
      step *= 2n;
    }
    if (bad === null) return good;
    let out: bigint = bad;
    while ((out - good) * dir > 1n) {
      const mid: bigint = good + (out - good) / 2n;
      if (holds(mid)) good = mid;
      else out = mid;
    }
    return good;
  };
  return { lo: end(-1n), hi: end(1n) };
}
