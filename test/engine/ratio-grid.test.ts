import { describe, expect, it } from "vitest";
import { ratioRange } from "../../src/engine/evaluate.js";
import type { Term } from "../../src/engine/types.js";
import { makeAmount, type Amount } from "../../src/model/amount.js";

/**
 * ratioRange finds its extreme corners on the integer grid when every amount has its printed grid value
 * (Amount.scaled), and by comparing decimal ratios otherwise. The two must give the same range: the same
 * amounts spread into copies (which do not carry `scaled`) take the decimal way.
 */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const printed = (r: () => number) => {
  const decimals = Math.floor(r() * 3);
  const v = Math.floor(r() * (r() < 0.3 ? 5 : 100000)) * (r() < 0.1 ? -1 : 1);
  const s = (Math.abs(v) / 10 ** decimals).toFixed(decimals);
  return v < 0 ? `-${s}` : s;
};

describe("ratioRange on the integer grid", () => {
  it("gives the decimal corners' range, to the last digit, on 3,000 drawn ratios (some undefined, some with 0, exact and negative figures)", () => {
    const r = prng(13);
    let defined = 0;
    for (let n = 0; n < 3000; n++) {
      const k = 1 + Math.floor(r() * 3);
      const amounts: Amount[] = Array.from({ length: k }, (_, i) => {
        const a = makeAmount(printed(r), { file: "t.md", line: i + 1 }, r() < 0.8)!;
        return r() < 0.1 ? Object.assign(a, { exact: true }) : a;
      });
      const term = (): Term => ({ amount: amounts[Math.floor(r() * k)], sign: r() < 0.3 ? -1 : 1 });
      const numerator = Array.from({ length: 1 + Math.floor(r() * 2) }, term);
      const denominator = Array.from({ length: 1 + Math.floor(r() * 2) }, term);
      const copies = new Map(amounts.map((a) => [a, { ...a }]));
      const plain = (ts: Term[]) => ts.map((t) => ({ ...t, amount: copies.get(t.amount)! }));
      expect([...copies.values()].every((a) => a.scaled === undefined)).toBe(true);
      const grid = ratioRange(numerator, denominator);
      const decimal = ratioRange(plain(numerator), plain(denominator));
      expect(grid === null).toBe(decimal === null);
      if (!grid || !decimal) continue;
      defined++;
      expect(grid.lo.toString()).toBe(decimal.lo.toString());
      expect(grid.hi.toString()).toBe(decimal.hi.toString());
      expect(grid.point.toString()).toBe(decimal.point.toString());
    }
    expect(defined).toBeGreaterThan(1000);
  });
});
