import { describe, expect, it } from "vitest";
import { makeGrid } from "../../src/diagnosis/figures.js";
import { inUnit, makeAmount } from "../../src/model/amount.js";

/*
 * A figure's sign read from its count on the grid (issue 13, sixteenth pass, docs/performance.md): what its
 * Decimal's isNegative said, a printed −0 included, for every form of count.
 */
describe("a figure's sign on the diagnosis's grid", () => {
  const at = { file: "t.txt", line: 3, column: 5 };
  const nonNegative = (text: string) => {
    const a = makeAmount(text, at)!;
    return makeGrid([a]).figure(a).nonNegative;
  };
  it("is what the figure's Decimal says", () => {
    for (const text of ["12.00", "0", "0.00", "-3", "-0", "-0.00", "-1,234.56", "9,724", "12345678901234567.89", "-12345678901234567.89", "-00000000000000000.00"]) {
      const a = makeAmount(text, at)!;
      expect(makeGrid([a]).figure(a).nonNegative, text).toBe(!a.value.isNegative());
    }
    expect(nonNegative("-0.00")).toBe(false);
    expect(nonNegative("0.00")).toBe(true);
  });
  it("of a copy in another unit (no count of its own): its Decimal's", () => {
    const a = inUnit(makeAmount("-1,763,159.52", at)!, "元", "万元");
    expect(a.scaled).toBeUndefined();
    expect(makeGrid([a]).figure(a).nonNegative).toBe(false);
  });
});
