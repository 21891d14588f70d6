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
  /** Per identity, its first term (size + 1 entries). */
  start!: Int32Array;
  /** Per identity: 1 an equality (Σ = 0), 0 an inequality (Σ ≤ 0). */
  kinds!: Uint8Array;
  /** Per identity: 1 when the printed figures satisfy it exactly. */
  holds!: Uint8Array;
  /** Per term, on the grid of ½·10^−decimals: 2·value, the half width of its interval (0: exact), and 1 where it stops at 0. */
  centre!: Float64Array;
  width!: Float64Array;
  decimals!: Uint8Array;
  stopsAtZero!: Uint8Array;
  /** Per term: the amount's serial (Amount.serial), or −1 where it has none an Int32Array holds. */
  serials!: Int32Array;
  /** Per term: its amount's line (SourceLocation.line), −1 where it has none an Int32Array holds. */
  lines!: Int32Array;
  coefs!: Int8Array;
  /** Per term: its amount. */
  amounts: Amount[] = [];
  /** Some term has no serial an Int32Array holds (numbered by its amount then). */
  unserialled = false;
  /** Some term's interval is not of safe integers at its own decimals, or it has more than 255 decimals: read from its amount. */
  big = false;
  /** unserialled and big before the last identity was pushed (pop). */
  private before = 0;

  /**
   * Room for `size` identities and `terms` terms to begin with. The columns are views of one buffer for the
   * identities and one for the terms, made again twice as large when full: two buffers rather than ten columns, each
   * made again at every doubling (every ArrayBuffer is memory outside the heap that the collector frees).
   */
  constructor(size = 64, terms = 256) {
    this.identityRoom(Math.max(1, size));
    this.termRoom(Math.max(1, terms));
  }

  /**
   * The flat system of a document's rules (runRules): room for a quarter more than the last such system held (one
   * document's are about its neighbours': ~1,160 identities and ~3,300 terms in the synthetic corpus), so that it
   * seldom grows.
   */
  static forDocument(): FlatSystem {
    const f = new FlatSystem(Math.max(64, Math.ceil(lastSize * 1.25)), Math.max(256, Math.ceil(lastTerms * 1.25)));
    f.records = true;
    return f;
  }

  /** A document's system (forDocument): its sizes are the room the next one starts with. */
  private records = false;

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
    if (this.records) {
      lastSize = this.size;
      lastTerms = x;
    }
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
    const { start, kinds, holds } = this;
    this.identityRoom(kinds.length * 2);
    this.start.set(start);
    this.kinds.set(kinds);
    this.holds.set(holds);
  }

  private growTerms(need: number): void {
    const { centre, width, decimals, stopsAtZero, serials, lines, coefs } = this;
    let n = serials.length * 2;
    while (n < need) n *= 2;
    this.termRoom(n);
    this.centre.set(centre);
    this.width.set(width);
    this.decimals.set(decimals);
    this.stopsAtZero.set(stopsAtZero);
    this.serials.set(serials);
    this.lines.set(lines);
    this.coefs.set(coefs);
  }

  /** Columns for n identities, views of one buffer (start's n + 1 Int32s first, then the bytes). */
  private identityRoom(n: number): void {
    const buffer = new ArrayBuffer(4 * (n + 1) + 2 * n);
    this.start = new Int32Array(buffer, 0, n + 1);
    this.kinds = new Uint8Array(buffer, 4 * (n + 1), n);
    this.holds = new Uint8Array(buffer, 4 * (n + 1) + n, n);
  }

  /** Columns for n terms, views of one buffer: the float64s first, then the int32s, then the bytes. */
  private termRoom(n: number): void {
    const buffer = new ArrayBuffer(27 * n);
    this.centre = new Float64Array(buffer, 0, n);
    this.width = new Float64Array(buffer, 8 * n, n);
    this.serials = new Int32Array(buffer, 16 * n, n);
    this.lines = new Int32Array(buffer, 20 * n, n);
    this.coefs = new Int8Array(buffer, 24 * n, n);
    this.decimals = new Uint8Array(buffer, 25 * n, n);
    this.stopsAtZero = new Uint8Array(buffer, 26 * n, n);
  }

  /** The flat form of constraints given as objects (the diagnosis's systems, tests). */
  static of(constraints: readonly LinearConstraint[]): FlatSystem {
    let terms = 0;
    for (const c of constraints) terms += c.terms.length;
    const f = new FlatSystem(constraints.length + 1, terms);
    for (const c of constraints) f.push(c.kind, c.terms, c.holds);
    return f;
  }
}

/** The identities and terms of the last document's system (FlatSystem.forDocument): the room the next one starts with. */
let lastSize = 0;
let lastTerms = 0;

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
