import { Decimal } from "decimal.js";
import { halfUnitsOf, withScaled, type Amount } from "../model/amount.js";
import { scaledOf } from "../engine/grid.js";

/**
 * The one place the diagnosis depends on how the engine represents a printed figure. Everything else in
 * src/diagnosis works on `Figure`: the printed value as an integer count of its last printed digit, and
 * a common integer grid on which every rounding interval's ends are integers (as engine/propagate.ts).
 */
export interface Figure {
  amount: Amount;
  /** Printed value in units of its last digit (9,724 → 9724n; 18,976.76 → 1897676n). */
  units: bigint;
  decimals: number;
  /** One printed unit on the common grid (2·10^(D−decimals)). */
  step: bigint;
  /** Half a printed unit on the grid: how far the true amount may be from the printed one; 0 when exact. */
  half: bigint;
  nonNegative: boolean;
}

export interface Grid {
  /** D: the most decimals any figure prints; grid = 1 / (2·10^D). */
  decimals: number;
  figure(a: Amount): Figure;
}

/**
 * Is the figure's value below zero (a printed −0 too, as Decimal's isNegative says)? Read from its count on the grid
 * where it has one (Amount.scaled: the sign it was printed with; −0 a number, a bigint never 0 here), without making
 * its Decimal: most figures the diagnosis sees never need one (0.5% of a warm document's samples made them here;
 * docs/performance.md, "Sixteenth pass").
 */
function negative(a: Amount): boolean {
  const s = a.scaled;
  if (typeof s === "number") return s < 0 || Object.is(s, -0);
  if (typeof s === "bigint" && s !== 0n) return s < 0n;
  return a.value.isNegative();
}

/**
 * A class, not an object literal with a method: V8 keeps a function's optimised code only while an
 * instance of that function lives, and a literal's method is a new function per grid — optimised again
 * after each diagnosis (up to 9 times per 1,000 documents on a batch worker; docs/performance.md, "Sixth pass").
 */
class FigureGrid implements Grid {
  private readonly cache = new Map<Amount, Figure>();
  constructor(readonly decimals: number) {}

  figure(a: Amount): Figure {
    let f = this.cache.get(a);
    if (!f) {
      const step = 2n * 10n ** BigInt(this.decimals - a.decimals);
      f = {
        amount: a,
        // value·10^decimals: the integer the loader read (engine/grid.ts), no decimal arithmetic.
        units: BigInt(scaledOf(a)),
        decimals: a.decimals,
        step,
        half: a.exact ? 0n : (step / 2n) * BigInt(halfUnitsOf(a)),
        nonNegative: a.nonNegative && !negative(a),
      };
      this.cache.set(a, f);
    }
    return f;
  }
}

export function makeGrid(amounts: Iterable<Amount>): Grid {
  let D = 0;
  for (const a of amounts) D = Math.max(D, a.decimals);
  return new FigureGrid(D);
}

/** The grid of 1 / (2·10^D). */
export function gridOf(D: number): Grid {
  return new FigureGrid(D);
}

/** The printed text of a value given in units of the figure's last digit: 9724n → "9724", 1897676n (2) → "18976.76". */
export function unitsText(units: bigint, decimals: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString();
  if (decimals <= 0) return (negative ? "-" : "") + digits;
  const padded = digits.padStart(decimals + 1, "0");
  return `${negative ? "-" : ""}${padded.slice(0, -decimals)}.${padded.slice(-decimals)}`;
}

/**
 * The figure as it would be printed with another value (same decimals, location, kind). It carries its grid
 * value (`scaled`, the units themselves), as a printed figure does: the engine judges a percentage of such figures
 * on the integer grid (ratioHoldsOnGrid, withinRoundingOnGrid, ratioRange's corners) rather than at every corner in
 * decimals.
 */
export function withUnits(a: Amount, units: bigint): Amount {
  const text = unitsText(units, a.decimals);
  const n = Number(units);
  return withScaled({ ...a, value: new Decimal(text), text }, Number.isSafeInteger(n) ? n : units);
}

/**
 * Figures printed with thousands separators are printed the same way when changed: 9,742 → 9,724.
 */
export function printedLike(original: string, units: bigint, decimals: number): string {
  // A figure compared in another unit (a table's 1,763,159.52 元 as 176.315952 万元) counts the same units of
  // its printed last digit: written back with the printed decimals, it is 1,763,149.96, not 176.314996.
  const printed = /^[-+]?[\d,\s]*(?:\.(\d+))?$/.exec(original.trim());
  const plain = unitsText(units, printed ? (printed[1]?.length ?? 0) : decimals);
  if (!/\d,\d{3}/.test(original)) return plain;
  const [int, frac] = plain.split(".");
  const sign = int.startsWith("-") ? "-" : "";
  const grouped = int.replace("-", "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return sign + grouped + (frac !== undefined ? `.${frac}` : "");
}
