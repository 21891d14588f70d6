import type { Amount } from "../model/amount.js";
import { halfUnitsOf } from "../model/amount.js";
import { pow10, scaledOf, signOfSum } from "./grid.js";
import type { LinearConstraint } from "./propagate.js";

/**
 * A system of linear identities (LinearConstraint) in flat typed arrays, written term by term as the identities are
 * declared: each term's figure serial and coefficient, and its figure's rounding interval at the figure's own
 * decimals, while the rule's amounts are in the cache. The joint rounding check (propagate.ts findConflicts) numbers,
 * groups and propagates from these arrays: it walked ~1,160 identity and ~3,300 term objects a document several
 * times, the first walk cold (docs/performance.md, "Twentieth pass" and "Twenty-first pass").
 *
 * Identity k's terms are x = start[k] … start[k + 1] − 1. A term's interval is centre[x] ∓ width[x] in units of
 * ½·10^−decimals[x] (2·scaled ∓ halfUnits; a non-negative figure's stops at 0, an exact one's has width 0), as
 * float64s while safe integers; where a term's are not (`big`), the figures are read from their amounts instead.
 */
export class FlatSystem {
  /** Identities. */
  size = 0;
  /** Terms of every identity. */
  terms = 0;
  /** Per identity: 1 an equality (Σ = 0), 0 an inequality (Σ ≤ 0). */
  kinds = new Uint8Array(64);
  /** Per identity: 1 when the printed figures satisfy it exactly. */
  holds = new Uint8Array(64);
  /** Per identity, its first term (size + 1 entries). */
  start = new Int32Array(65);
  /** Per term: the amount's serial (Amount.serial), or −1 where it has none an Int32Array holds. */
  serials = new Int32Array(256);
  coefs = new Int8Array(256);
  /** Per term, on the grid of ½·10^−decimals: 2·value, the half width of its interval (0: exact), and 1 where it stops at 0. */
  decimals = new Uint8Array(256);
  centre = new Float64Array(256);
  width = new Float64Array(256);
  stopsAtZero = new Uint8Array(256);
  /** Per term: its amount's line (SourceLocation.line), −1 where it has none an Int32Array holds. */
  lines = new Int32Array(256);
  /** Per term: its amount. */
  amounts: Amount[] = [];
  /** Some term has no serial an Int32Array holds (numbered by its amount then). */
  unserialled = false;
  /** Some term's interval is not of safe integers at its own decimals, or it has more than 255 decimals: read from its amount. */
  big = false;
  /** unserialled and big before the last identity was pushed (pop). */
  private before = 0;

  /**
   * Appends an identity; `holds` as known when it was declared, else worked out on the integer grid from the terms
   * just written. Linear in its terms; the arrays grow by doubling.
   */
  push(kind: LinearConstraint["kind"], terms: LinearConstraint["terms"], holds: boolean | undefined): void {
    const k = this.size;
    const len = terms.length;
    if (k + 1 >= this.kinds.length) this.growIdentities();
    const first = this.terms;
    let x = first;
    if (x + len > this.serials.length) this.growTerms(x + len);
    this.before = (this.unserialled ? 1 : 0) | (this.big ? 2 : 0);
    this.kinds[k] = kind === "eq" ? 1 : 0;
    this.start[k] = x;
    let big = false;
    let D = 0;
    for (let j = 0; j < len; j++, x++) {
      const t = terms[j];
      const a = t.amount;
      this.amounts[x] = a;
      this.coefs[x] = t.coef;
      const s = a.serial;
      if (s !== undefined && s >= 0 && s <= MAX_SERIAL) this.serials[x] = s;
      else {
        this.serials[x] = -1;
        this.unserialled = true;
      }
      const line = a.location.line;
      this.lines[x] = typeof line === "number" && line >= 0 && line <= MAX_SERIAL && Number.isInteger(line) ? line : -1;
      const d = a.decimals;
      if (d > D) D = d;
      const scaled = scaledOf(a);
      const unit = a.exact ? 0 : halfUnitsOf(a);
      if (typeof scaled !== "number" || d > 255 || !Number.isSafeInteger(2 * Math.abs(scaled) + unit)) {
        big = true;
        continue;
      }
      this.decimals[x] = d;
      this.centre[x] = 2 * scaled;
      this.width[x] = unit;
      this.stopsAtZero[x] = a.nonNegative && !a.exact ? 1 : 0;
    }
    this.terms = x;
    this.size = k + 1;
    this.start[k + 1] = x;
    if (big) this.big = true;
    if (holds === undefined) {
      const sign = big ? signOfSum(terms) : this.signAt(first, x, D, terms);
      holds = kind === "eq" ? sign === 0 : sign <= 0;
    }
    this.holds[k] = holds ? 1 : 0;
  }

  /** Takes the last identity pushed out again (one tried as holding on the printed figures that did not). */
  pop(): void {
    const k = --this.size;
    this.terms = this.start[k];
    this.unserialled = (this.before & 1) !== 0;
    this.big = (this.before & 2) !== 0;
  }

  /**
   * The sign of Σ coef·value over terms first … end − 1, exactly, from their centres on the grid of ½·10^−D while
   * every product and partial sum is a safe integer (engine/grid.ts signOfSum, which `terms` are given to beyond).
   */
  private signAt(first: number, end: number, D: number, terms: LinearConstraint["terms"]): -1 | 0 | 1 {
    let s = 0;
    for (let x = first; x < end; x++) {
      const p = pow10(D - this.decimals[x]);
      const y = p === null ? NaN : this.centre[x] * p;
      if (!Number.isSafeInteger(y)) return signOfSum(terms);
      s += this.coefs[x] === 1 ? y : -y;
      if (!Number.isSafeInteger(s)) return signOfSum(terms);
    }
    return s > 0 ? 1 : s < 0 ? -1 : 0;
  }

  private growIdentities(): void {
    const n = this.kinds.length * 2;
    this.kinds = grown(this.kinds, new Uint8Array(n));
    this.holds = grown(this.holds, new Uint8Array(n));
    this.start = grown(this.start, new Int32Array(n + 1));
  }

  private growTerms(need: number): void {
    let n = this.serials.length * 2;
    while (n < need) n *= 2;
    this.serials = grown(this.serials, new Int32Array(n));
    this.coefs = grown(this.coefs, new Int8Array(n));
    this.decimals = grown(this.decimals, new Uint8Array(n));
    this.centre = grown(this.centre, new Float64Array(n));
    this.width = grown(this.width, new Float64Array(n));
    this.stopsAtZero = grown(this.stopsAtZero, new Uint8Array(n));
    this.lines = grown(this.lines, new Int32Array(n));
  }

  /** The flat form of constraints given as objects (the diagnosis's systems, tests). */
  static of(constraints: readonly LinearConstraint[]): FlatSystem {
    const f = new FlatSystem();
    for (const c of constraints) f.push(c.kind, c.terms, c.holds);
    return f;
  }
}

/** The largest serial the typed arrays hold (an Int32Array's, less one: −1 stands for none). */
export const MAX_SERIAL = 0x7ffffffe;

function grown<T extends Uint8Array | Int8Array | Int32Array | Float64Array>(old: T, next: T): T {
  next.set(old);
  return next;
}

/**
 * The flat form the engine keeps of the system it hands the rules (RuleContext.system()): findConflicts reads it
 * instead of the objects when given that array, as long as nothing was added to the array but through the engine.
 */
const flatForms = new WeakMap<readonly LinearConstraint[], FlatSystem>();

export function keepFlat(constraints: readonly LinearConstraint[], flat: FlatSystem): void {
  flatForms.set(constraints, flat);
}

/** The flat form of `constraints`: the engine's, where it kept one that matches them, else made from the objects. */
export function flatOf(constraints: readonly LinearConstraint[]): FlatSystem {
  const kept = flatForms.get(constraints);
  return kept && kept.size === constraints.length ? kept : FlatSystem.of(constraints);
}
