import type { Amount } from "../model/amount.js";
import type { LinearConstraint } from "../engine/propagate.js";
import type { Families } from "./families.js";
import { replacedBy, valueVerifier, type Change, type Explanation } from "./values.js";
import { Decimal } from "decimal.js";
import { makeGrid } from "./figures.js";
import { figuresOf, holdsWithinRounding, substitute } from "./system.js";

/**
 * Does an explanation's change say what the figure should be, or only that it is wrong?
 *
 * The program's optimum sits at a vertex: where the identities only bound a changed figure (an at-least identity, a
 * text figure that may not exceed a table's total) the solver's value is an END of an interval, and "should be
 * 6,134.14" would present one of many values as the true one. A changed figure's value is *determined* (up to the
 * rounding of the figures around it, as before) when an equality pins it: an identity `=` in which every other
 * figure is printed unchanged or is itself determined (a fixed point over the explanation's changes, their copies
 * and the formula totals that recalculate with them). Otherwise:
 *
 * - it shares an equality with other changes none of which is determined (two siblings that absorb one difference
 *   between them: only their sum is known): `together` names them and no value is given;
 * - it takes part in no equality at all (inequalities only): the values at which the explanation, its other changes
 *   held, verifies exactly form an interval; `lo`/`hi` are its ends (null: no end in that direction — a figure that
 *   cannot be negative and may be 0 has no lower end worth saying).
 */
export interface OpenValue {
  /** The least value (printed units) that verifies; null when there is none below (or it is 0 for a figure that cannot be negative). */
  lo: bigint | null;
  /** The largest value that verifies; null when there is none above. */
  hi: bigint | null;
  /** The other changes it is fixed only together with (then lo and hi are null). */
  together: Change[];
}

/**
 * The changes of `e` whose value the identities do not determine, each with what they do say (OpenValue).
 *
 * Run on every explanation reported, so it allocates next to nothing where every change is determined (the common
 * case: a typo in a sum with its other figures printed right; a batch's worker scavenges mid-document otherwise,
 * test/e2e/worker-heap): only the equalities with a changed figure are visited, each counted in a loop, and the
 * intervals are sought only for a change no equality pins.
 */
export function openValues(e: Explanation, whole: LinearConstraint[], fam: Families): Map<Change, OpenValue> {
  const out = new Map<Change, OpenValue>();
  // Each changed head (a change's, or a formula total that recalculates with it) and the change that moves it.
  const ownerOf = new Map<Amount, Change>();
  for (const c of e.changes) ownerOf.set(c.figure.amount, c);
  if (fam.formulaOrder.length)
    for (const c of e.changes) {
      const heads = [c.figure.amount];
      for (let i = 0; i < heads.length; i++) for (const f of fam.followers(heads[i])) if (!heads.includes(f)) heads.push(f);
      for (const h of heads) if (!ownerOf.has(h)) ownerOf.set(h, c);
    }
  // The equalities with a changed head: only they can pin one. (Loops with an index: a for…of of an array allocates
  // its iterator's results until V8 optimises the loop, and this runs once a document.)
  const eqs: LinearConstraint[] = [];
  for (let k = 0; k < whole.length; k++) if (whole[k].kind === "eq" && touches(whole[k], ownerOf, fam)) eqs.push(whole[k]);
  const pinned = new Set<Amount>();
  for (let more = true; more && !allPinned(e.changes, pinned); ) {
    more = false;
    for (let k = 0; k < eqs.length; k++) {
      const h = soleOpen(eqs[k], ownerOf, pinned, fam);
      if (h === null) continue;
      pinned.add(h);
      more = true;
    }
  }
  if (allPinned(e.changes, pinned)) return out;
  for (const c of e.changes) {
    const h = c.figure.amount;
    if (pinned.has(h)) continue;
    const together: Change[] = [];
    for (const k of eqs) {
      if (!k.terms.some((t) => fam.head(t.amount) === h)) continue;
      for (const t of k.terms) {
        const o = fam.head(t.amount);
        if (pinned.has(o)) continue;
        const by = ownerOf.get(o);
        if (by && by !== c && !together.includes(by)) together.push(by);
      }
    }
    if (together.length) {
      out.set(c, { lo: null, hi: null, together });
      continue;
    }
    const [lo, hi] = verifiedRange(c, e.changes, whole, fam);
    if (lo !== null && hi !== null && lo === hi) continue;
    out.set(c, { lo, hi, together: [] });
  }
  return out;
}

/** Does the identity have a changed head (a key of `changed`)? */
function touches(k: LinearConstraint, changed: Map<Amount, Change>, fam: Families): boolean {
  for (let j = 0; j < k.terms.length; j++) if (changed.has(fam.head(k.terms[j].amount))) return true;
  return false;
}

/** Is every change's figure pinned? */
function allPinned(changes: Change[], pinned: Set<Amount>): boolean {
  for (let j = 0; j < changes.length; j++) if (!pinned.has(changes[j].figure.amount)) return false;
  return true;
}

/**
 * The one changed head of an equality not yet pinned, which it then pins (every other figure of it printed unchanged
 * or pinned): null when it has none or several, or meets that head twice (its copy in another unit beside it).
 */
function soleOpen(k: LinearConstraint, changed: Map<Amount, Change>, pinned: Set<Amount>, fam: Families): Amount | null {
  let h: Amount | null = null;
  let n = 0;
  for (let j = 0; j < k.terms.length; j++) {
    const x = fam.head(k.terms[j].amount);
    if (!changed.has(x) || pinned.has(x)) continue;
    if (h === null) h = x;
    else if (x !== h) return null;
    n++;
  }
  return n === 1 ? h : null;
}

/**
 * The ends of the interval of values (printed units) at which the explanation verifies, its other changes held:
 * doubling steps away from the proposed value, then halving back to the last that verifies. Null past REACH times the
 * figure's size (the identities set no end there) and, for a figure that cannot be negative, at 0.
 *
 * The search is made on the identities the figure's value enters, each of which must hold within rounding (a
 * necessary condition, checked on a few identities); the end it finds is then verified on the whole group, and only
 * where that fails is the search made again with the whole check. Searched on the whole group alone, a 重庆 project
 * card's 4,096.20 (Σ projects ≤ 表3's total, in a group of 397 identities) took ~80 whole checks and 21 MB.
 */
function verifiedRange(c: Change, all: Change[], whole: LinearConstraint[], fam: Families): [bigint | null, bigint | null] {
  const ok = valueVerifier(c, all, whole, fam);
  const holds = holdsAround(c, all, whole, fam);
  const abs = (x: bigint) => (x < 0n ? -x : x);
  const size = [abs(c.to), abs(c.figure.units), 100n].reduce((x, y) => (x > y ? x : y));
  const reach = size * REACH;
  const end = (dir: bigint): bigint | null => {
    const near = lastPassing(c, holds, dir, reach);
    let good = near.end === null ? (ok(near.far) ? null : lastPassing(c, ok, dir, reach).end) : ok(near.end) ? near.end : lastPassing(c, ok, dir, reach).end;
    if (good === null) return null;
    // The end as the printed figures say it: 6,134.16 verifies against a total printed 6,134.15 (their rounding
    // intervals touch), but "at most 6,134.16" reads as a figure the document does not print. So an end beyond the
    // bound an inequality's other figures set, rounded to the figure's decimals, is moved in to it (a few units at most).
    const limit = dir > 0n ? caps.hi : caps.lo;
    if (limit !== null && (dir > 0n ? good > limit : good < limit) && abs(good - limit) <= TIGHTEN) good = dir > 0n ? (limit > c.to ? limit : c.to) : limit < c.to ? limit : c.to;
    return good;
  };
  const caps = printedBounds(c, all, whole, fam);
  return [end(-1n), end(1n)];
}

/**
 * From the change's value in direction `dir`, the last value `test` passes: doubling steps, then halving back between
 * the last that passes and the first that does not. `end` null where it passes at the farthest point tried (`far`:
 * past `reach`, or 0 for a figure that cannot be negative).
 */
function lastPassing(c: Change, test: (u: bigint) => boolean, dir: bigint, reach: bigint): { end: bigint | null; far: bigint } {
  let good = c.to;
  let step = 1n;
  let bad: bigint;
  for (;;) {
    let at = c.to + dir * step;
    if (c.figure.nonNegative && at < 0n) at = 0n;
    if (!test(at)) {
      bad = at;
      break;
    }
    good = at;
    if ((c.figure.nonNegative && at === 0n) || step > reach) return { end: null, far: at };
    step *= 2n;
  }
  while (bad - good > 1n || good - bad > 1n) {
    const mid: bigint = (bad + good) / 2n;
    if (test(mid)) good = mid;
    else bad = mid;
  }
  return { end: good, far: bad };
}

/**
 * Does each identity the change's value enters (those of the figures it moves: its family's, the formula totals'
 * that follow it) hold within rounding with it at `u`, the other changes held? Necessary for the whole check
 * (valueVerifier), and made on those identities alone.
 */
function holdsAround(c: Change, all: Change[], whole: LinearConstraint[], fam: Families): (u: bigint) => boolean {
  const moved = replacedBy([c], fam);
  const mine = whole.filter((k) => k.terms.some((t) => moved.has(t.amount)));
  const rest = all.filter((o) => o !== c);
  return (u) => {
    const cs = substitute(mine, replacedBy([...rest, { figure: c.figure, to: u }], fam));
    const grid = makeGrid(figuresOf(cs));
    return cs.every((k) => holdsWithinRounding(k, grid));
  };
}

/**
 * The tightest bounds on the figure (printed units) its inequalities set with their other figures as printed (or as
 * the other changes make them), each rounded to the figure's decimals: Σ others ≤ … read as the figure's own limit.
 * An inequality in which the change moves another figure too (its copy, a formula total over it) sets none.
 */
function printedBounds(c: Change, all: Change[], whole: LinearConstraint[], fam: Families): { lo: bigint | null; hi: bigint | null } {
  const head = c.figure.amount;
  const moved = replacedBy([c], fam);
  const others = replacedBy(all.filter((o) => o !== c), fam);
  let lo: bigint | null = null;
  let hi: bigint | null = null;
  for (const k of whole) {
    if (k.kind !== "le") continue;
    const own = k.terms.filter((t) => fam.head(t.amount) === head);
    if (own.length !== 1 || k.terms.some((t) => fam.head(t.amount) !== head && moved.has(t.amount))) continue;
    let rest = new Decimal(0);
    for (const t of k.terms) if (t !== own[0]) rest = rest.plus((others.get(t.amount) ?? t.amount).value.times(t.coef));
    // coef·x·10^shift + rest ≤ 0
    const scale = new Decimal(10).pow(c.figure.decimals - fam.shift(own[0].amount));
    const bound = BigInt(rest.neg().times(own[0].coef).times(scale).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0));
    if (own[0].coef === 1) hi = hi === null || bound < hi ? bound : hi;
    else lo = lo === null || bound > lo ? bound : lo;
  }
  return { lo, hi };
}

/** At most this many units an end is moved inwards to the bound an inequality's printed figures set (printedBounds). */
const TIGHTEN = 4n;

/** How far (times the figure's size) the search for an end of its interval goes before it says there is none. */
const REACH = 1000n;
