import { Decimal } from "decimal.js";
import type { Amount } from "../model/amount.js";
import { ratioGrid, ratioWithinRounding, setOnGrid, withinRoundingOnGrid } from "../engine/evaluate.js";
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
  // One replacement for each figure, however many terms it is: D ÷ (X − D) stays one D, not two that vary apart.
  const made = new Map<Amount, Amount | null>();
  const swap = (terms: RatioIdentity["numerator"]) =>
    mapArray(terms, (t) => {
      let r = made.get(t.amount);
      if (r === undefined) made.set(t.amount, (r = replacement(t.amount)));
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
 * other figures as printed: an interval, found around the value the percentage points at by doubling steps outwards
 * and halving back. The ratio is (cn·a + n₀) ÷ (cd·a + d₀), `a` counted with its signs on either side (a change over
 * last year's amount, D ÷ (X − D), reads D on both), so P = N ÷ D gives a = (n₀ − p·d₀) ÷ (p·cd − cn): N ÷ P for a
 * denominator, P·D for a numerator. The ratio is monotone in `a` on either side of its pole, so the values that hold
 * around that one are an interval. Null when `a` is no term of the ratio, when the percentage does not move with it
 * (p·cd = cn: a percentage of 0 for a denominator), or when no value near the one it points at makes it hold.
 */
export function percentValues(identity: RatioIdentity, a: Amount, nonNegative: boolean): { lo: bigint; hi: bigint } | null {
  const u0 = percentPoint(identity, a);
  if (u0 === null) return null;
  const at = trialRatio(identity, (b) => b === a);
  return holdingInterval(u0, (u) => (!nonNegative || u >= 0n) && at(u));
}

/**
 * The percentage with the figures `pick` chooses at trial values (counts of their last printed digit; they share
 * their decimals): whether it then holds within rounding — ratioAfter with withUnits at each value, made once and
 * judged on the integer grid without a copy of the identity (the diagnosis tries some fifty values of a figure to
 * find those that hold). False where nothing is picked.
 */
export function trialRatio(identity: RatioIdentity, pick: (b: Amount) => boolean): (u: bigint) => boolean {
  const generic = (u: bigint) => ratioAfter(identity, (b) => (pick(b) ? withUnits(b, u) : null)) === true;
  const g = ratioGrid(identity);
  if (!g) return generic;
  const picked: number[] = [];
  g.vars.forEach((b, i) => {
    if (pick(b)) picked.push(i);
  });
  if (!picked.length) return () => false;
  return (u) => {
    for (const i of picked) setOnGrid(g, i, u);
    return withinRoundingOnGrid(g, identity.percent, identity.balanced) ?? generic(u);
  };
}

/** The printed percentage at trial values (counts of its last digit), its figures as printed: whether it then holds within rounding. */
export function trialPercent(identity: RatioIdentity): (u: bigint) => boolean {
  const generic = (u: bigint) => ratioWithinRounding({ ...identity, percent: withUnits(identity.percent, u) });
  const g = ratioGrid(identity);
  if (!g) return generic;
  const k = identity.percent.decimals;
  return (u) => withinRoundingOnGrid(g, { scaled: u, decimals: k }, identity.balanced) ?? generic(u);
}

/** The value of figure `a` (in units of its last printed digit) the percentage points at, the others as printed (percentValues); null where it has none. */
export function percentPoint(identity: RatioIdentity, a: Amount): bigint | null {
  let cn = 0;
  let cd = 0;
  for (const t of identity.numerator) if (t.amount === a) cn += t.sign === -1 ? -1 : 1;
  for (const t of identity.denominator) if (t.amount === a) cd += t.sign === -1 ? -1 : 1;
  if (cn === 0 && cd === 0) return null;
  const onGrid = percentPointOnGrid(identity, a, cn, cd);
  if (onGrid !== undefined) return onGrid;
  const sum = (ts: RatioIdentity["numerator"]) => ts.reduce((s, t) => (t.sign === -1 ? s.minus(t.amount.value) : s.plus(t.amount.value)), new Decimal(0));
  const p = identity.percent.value.div(100);
  const n0 = sum(identity.numerator).minus(a.value.times(cn));
  const d0 = sum(identity.denominator).minus(a.value.times(cd));
  const slope = p.times(cd).minus(cn);
  if (slope.isZero()) return null;
  const x = n0.minus(p.times(d0)).div(slope);
  return BigInt(x.times(new Decimal(10).pow(a.decimals)).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0));
}

/**
 * percentPoint worked out exactly in integers where every figure has its grid value (Amount.scaled): the figures in
 * units of 10^−D (D the most decimals among them), P the printed percentage in units of 10^−k, then
 * a = (100·10^k·n₀ − P·d₀) ÷ (P·cd − 100·10^k·cn) in units of 10^−D, rounded half away from zero in units of a's
 * last digit, as the decimals round it (their quotient to 100 digits rounds alike: a half-integer it is not equal to
 * is further from it than the figures' sizes let 100 digits err). Undefined where a figure has no grid value.
 */
function percentPointOnGrid(identity: RatioIdentity, a: Amount, cn: number, cd: number): bigint | null | undefined {
  const p = identity.percent;
  if (p.scaled === undefined || a.scaled === undefined) return undefined;
  let D = a.decimals;
  for (const t of identity.numerator) if (t.amount.scaled === undefined) return undefined; else if (t.amount.decimals > D) D = t.amount.decimals;
  for (const t of identity.denominator) if (t.amount.scaled === undefined) return undefined; else if (t.amount.decimals > D) D = t.amount.decimals;
  const units = (x: Amount) => BigInt(x.scaled!) * 10n ** BigInt(D - x.decimals);
  const side = (terms: RatioIdentity["numerator"]) => {
    let s = 0n;
    for (const t of terms) s = t.sign === -1 ? s - units(t.amount) : s + units(t.amount);
    return s;
  };
  const A = units(a);
  const n0 = side(identity.numerator) - BigInt(cn) * A;
  const d0 = side(identity.denominator) - BigInt(cd) * A;
  const P = BigInt(p.scaled);
  const H = 100n * 10n ** BigInt(p.decimals);
  const slope = P * BigInt(cd) - H * BigInt(cn);
  if (slope === 0n) return null;
  return divideHalfAway(H * n0 - P * d0, slope * 10n ** BigInt(D - a.decimals));
}

/** num ÷ den rounded to an integer, a half away from zero (Decimal.ROUND_HALF_UP). */
function divideHalfAway(num: bigint, den: bigint): bigint {
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const negative = num < 0n;
  const m = negative ? -num : num;
  const q = (2n * m + den) / (2n * den);
  return negative ? -q : q;
}

/**
 * The interval of values around `u0` (or a value at most two from it) at which `holds`, found by doubling steps
 * outwards until a value fails and halving back to the last that holds: null when none near `u0` holds.
 */
export function holdingInterval(u0: bigint, holds: (u: bigint) => boolean): { lo: bigint; hi: bigint } | null {
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
