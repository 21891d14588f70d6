import { Decimal } from "decimal.js";
import type { SourceLocation } from "./location.js";

/**
 * A printed amount. `value` is what is printed, `decimals` how many decimals it was printed with:
 * the true amount lies in [value − ½·10^−decimals, value + ½·10^−decimals] (see docs/cli.md, rounding).
 * `nonNegative` marks amounts that cannot be below zero (budget amounts): a printed 0 then stands for
 * [0, ½·10^−decimals].
 */
export interface Amount {
  value: Decimal;
  decimals: number;
  text: string;
  location: SourceLocation;
  nonNegative: boolean;
  /**
   * A stored value rather than a printed, rounded one (e.g. a workbook cell's value behind a formula):
   * it stands for itself, an interval of width 0, so the engine allows it no rounding slack.
   * Counts (人, 辆, 个, 台) read from the text are exact too (`makeCount`).
   */
  exact?: boolean;
  /**
   * The printed figure as an integer count of its last printed digit, value·10^decimals (9,724 → 9724;
   * 18,976.76 → 1897676 with decimals 2): a number while that is a safe integer, a bigint beyond. Set by
   * `makeAmount`; for amounts made otherwise `scaledOf` (engine/grid.ts) derives it from `value`.
   * The engine sums and propagates on these integers (engine/grid.ts), never on floats.
   */
  scaled?: number | bigint;
}

const FULLWIDTH_DIGITS = /[０-９]/g;

/** Normalises what converters do to numbers: thousands separators with stray spaces, full-width digits and signs. */
export function normaliseNumberText(text: string): string {
  return text
    .replace(FULLWIDTH_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[，]/g, ",")
    .replace(/[．]/g, ".")
    .replace(/[－—–−]/g, "-")
    .replace(/\s+/g, "");
}

const PLAIN_INTEGER = /^(0|[1-9]\d{0,14})$/;
const NUMBER = /^(-)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/**
 * Parses a printed amount such as `9,724`, `1, 197`, `0`, `18,976.76`, `-3`, `(3)`.
 * Returns null for anything that is not a plain number (text, percentages, empty cells, `-`).
 */
export function parseNumber(text: string): { value: Decimal; decimals: number; scaled: number | bigint } | null {
  // Fast path for the common plain integer (most printed amounts): no normalisation needed.
  if (PLAIN_INTEGER.test(text)) return { value: new Decimal(text), decimals: 0, scaled: Number(text) };
  let t = normaliseNumberText(text);
  let negative = false;
  const paren = /^\((.+)\)$/.exec(t);
  if (paren) {
    t = paren[1];
    negative = true;
  }
  const m = NUMBER.exec(t);
  if (!m) return null;
  const intPart = m[2].replace(/,/g, "");
  const frac = m[3] ?? "";
  let value = new Decimal(frac ? `${intPart}.${frac}` : intPart);
  // The digits without the point: the figure counted in its last printed digit.
  const digits = intPart + frac;
  let scaled: number | bigint = digits.length <= 15 ? Number(digits) : BigInt(digits);
  if (m[1] || negative) {
    value = value.negated();
    scaled = -scaled;
  }
  return { value, decimals: frac.length, scaled };
}

export function makeAmount(text: string, location: SourceLocation, nonNegative = true): Amount | null {
  const n = parseNumber(text);
  if (!n) return null;
  return { value: n.value, decimals: n.decimals, text: text.trim(), location, nonNegative, scaled: n.scaled };
}

/** A count (人, 辆, 个): an amount that is exact, not rounded. */
export function makeCount(text: string, location: SourceLocation): Amount | null {
  const a = makeAmount(text, location);
  return a ? { ...a, exact: true } : null;
}

/** ½·10^−d by d: computed once (the engine asks for it for every figure of every identity). */
const HALF_UNITS = new Map<number, Decimal>();

/** Half the last printed digit: ½·10^−decimals. */
export function halfUnit(a: Amount): Decimal {
  let h = HALF_UNITS.get(a.decimals);
  if (!h) {
    h = new Decimal(5).times(new Decimal(10).pow(-(a.decimals + 1)));
    HALF_UNITS.set(a.decimals, h);
  }
  return h;
}

const INTERVALS = new WeakMap<Amount, { lo: Decimal; hi: Decimal }>();

/** The interval of true amounts the printed figure can stand for. */
export function interval(a: Amount): { lo: Decimal; hi: Decimal } {
  if (a.exact) return { lo: a.value, hi: a.value };
  let i = INTERVALS.get(a);
  if (!i) {
    if (a.exact) i = { lo: a.value, hi: a.value };
    else {
      const h = halfUnit(a);
      let lo = a.value.minus(h);
      if (a.nonNegative && a.value.gte(0) && lo.lt(0)) lo = new Decimal(0);
      i = { lo, hi: a.value.plus(h) };
    }
    INTERVALS.set(a, i);
  }
  return i;
}

/** Prints a decimal the way the report schema wants it: plain digits, no exponent, no trailing zeros. */
export function decimalString(d: Decimal): string {
  const s = d.toFixed();
  if (!s.includes(".")) return s === "-0" ? "0" : s;
  const t = s.replace(/0+$/, "").replace(/\.$/, "");
  return t === "-0" ? "0" : t;
}
