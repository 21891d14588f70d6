import { Decimal } from "decimal.js";
import type { Amount } from "../model/amount.js";

/**
 * Amounts on the rounding grid as integers. A printed figure with d decimals is an integer count of
 * 10^−d (`Amount.scaled`); figures with different decimals meet on the grid of 10^−D, D the most
 * decimals among them, and interval ends (v ± ½·10^−d) on the grid of ½·10^−D. Arithmetic runs on
 * JavaScript numbers while every value and partial sum is a safe integer (|x| ≤ 2^53 − 1, where integer
 * addition, subtraction and multiplication by a power of ten are exact), and on BigInt beyond: never on
 * fractions, so never inexact. decimal.js stays for what is not on a grid (ratios, percentages) and for
 * the figures a finding prints.
 */
export type Units = number | bigint;

const SCALED = new WeakMap<Amount, Units>();

/** value·10^decimals as an integer: `Amount.scaled` when the loader set it, else derived from `value` once. */
export function scaledOf(a: Amount): Units {
  if (a.scaled !== undefined) return a.scaled;
  let s = SCALED.get(a);
  if (s === undefined) {
    const digits = a.value.times(new Decimal(10).pow(a.decimals)).toFixed(0);
    const n = Number(digits);
    s = Number.isSafeInteger(n) ? n : BigInt(digits);
    SCALED.set(a, s);
  }
  return s;
}

const POW10: number[] = [];
for (let k = 0, p = 1; k <= 15; k++, p *= 10) POW10.push(p);

/** 10^k as a number (exact up to 10^15), else null. */
export function pow10(k: number): number | null {
  return k < POW10.length ? POW10[k] : null;
}

/** x·10^k exactly: a number while safe, else a bigint. */
export function shift(x: Units, k: number): Units {
  if (typeof x === "number") {
    const p = pow10(k);
    if (p !== null) {
      const y = x * p;
      if (Number.isSafeInteger(y)) return y;
    }
  }
  return BigInt(x) * 10n ** BigInt(k);
}

/** The most decimals among the terms: they meet on the grid of 10^−D. */
export function gridDecimals(terms: readonly { amount: Amount }[]): number {
  let D = 0;
  for (const t of terms) if (t.amount.decimals > D) D = t.amount.decimals;
  return D;
}

/**
 * The sign of Σ coef·value over printed figures, exactly: −1, 0 or 1. Numbers while every term and
 * partial sum is a safe integer (a sum whose exact value is not safe never comes out safe, so the
 * check is sound), BigInt otherwise.
 */
export function signOfSum(terms: readonly { amount: Amount; coef: 1 | -1 }[]): -1 | 0 | 1 {
  const D = gridDecimals(terms);
  let s = 0;
  for (const t of terms) {
    const x = shift(scaledOf(t.amount), D - t.amount.decimals);
    if (typeof x !== "number") return signOfSumBig(terms, D);
    s += t.coef === 1 ? x : -x;
    if (!Number.isSafeInteger(s)) return signOfSumBig(terms, D);
  }
  return s > 0 ? 1 : s < 0 ? -1 : 0;
}

function signOfSumBig(terms: readonly { amount: Amount; coef: 1 | -1 }[], D: number): -1 | 0 | 1 {
  let s = 0n;
  for (const t of terms) {
    const x = BigInt(shift(scaledOf(t.amount), D - t.amount.decimals));
    s += t.coef === 1 ? x : -x;
  }
  return s > 0n ? 1 : s < 0n ? -1 : 0;
}
