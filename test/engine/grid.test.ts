import { describe, expect, it } from "vitest";
import { Decimal } from "decimal.js";
import { judgeSum } from "../../src/engine/evaluate.js";
import { scaledOf, signOfSum } from "../../src/engine/grid.js";
import { findConflicts, type LinearConstraint } from "../../src/engine/propagate.js";
import { makeAmount, type Amount } from "../../src/model/amount.js";

let line = 0;
const a = (text: string): Amount => makeAmount(text, { file: "t", line: ++line })!;
const terms = (total: Amount, ...parts: Amount[]) => [{ amount: total, coef: 1 as const }, ...parts.map((p) => ({ amount: p, coef: -1 as const }))];
const sum = (total: Amount, ...parts: Amount[]): LinearConstraint => ({ kind: "eq", terms: terms(total, ...parts), subject: { table: "T3" }, location: total.location });
const auto = { kind: "auto" } as const;

describe("amounts on the rounding grid", () => {
  it("parses each printed figure into an integer count of its last printed digit", () => {
    expect(a("9,724").scaled).toBe(9724);
    expect(a("18,976.76").scaled).toBe(1897676);
    expect(a("(3.5)").scaled).toBe(-35);
    expect(a("1, 197").scaled).toBe(1197);
    // Beyond 2^53 a bigint: 12345678901234567.89 has 19 digits.
    expect(a("12,345,678,901,234,567.89").scaled).toBe(1234567890123456789n);
  });

  it("derives the scaled integer for amounts not made by the loaders (workbook values)", () => {
    const stored: Amount = { value: new Decimal("1234.5"), decimals: 1, text: "1234.5", location: { file: "t" }, nonNegative: false, exact: true };
    expect(scaledOf(stored)).toBe(12345);
  });

  it("a copy of an amount with another value is judged by that value: the scaled integer is not copied", () => {
    // e.g. yoy-change's synthetic 0 for an item the text calls new: { ...amount, value: 0, text: "0" }.
    const x = a("431");
    const zero: Amount = { ...x, value: new Decimal(0), text: "0" };
    expect(zero.scaled).toBeUndefined();
    expect(scaledOf(zero)).toBe(0);
    expect(signOfSum(terms(zero, a("0")))).toBe(0);
    expect(signOfSum(terms(zero, x))).toBe(-1);
  });

  it("sums figures with different decimals exactly: numbers while safe, BigInt beyond", () => {
    expect(signOfSum(terms(a("1.5"), a("1"), a("0.50")))).toBe(0);
    expect(signOfSum(terms(a("0.3"), a("0.1"), a("0.2")))).toBe(0); // 0.1 + 0.2 ≠ 0.3 in binary floating point
    // 9,007,199,254,740,993 = 2^53 + 1: a float cannot hold it, and would call this identity exact.
    expect(signOfSum(terms(a("9,007,199,254,740,993"), a("9,007,199,254,740,992")))).toBe(1);
    expect(signOfSum(terms(a("9,007,199,254,740,993"), a("9,007,199,254,740,992"), a("1")))).toBe(0);
    // Safe terms whose sum is not: 2^52 + 2^52 + 1.
    expect(signOfSum(terms(a("9,007,199,254,740,993"), a("4,503,599,627,370,496"), a("4,503,599,627,370,496")))).toBe(1);
  });

  it("judges a huge identity exactly and reports its arithmetic", () => {
    const j = (total: string, part: string) => judgeSum({ subject: { table: "T3" }, total: a(total), parts: [{ amount: a(part) }], relation: { zh: "", en: "" } }, auto);
    const v = j("9,007,199,254,740,994", "9,007,199,254,740,992");
    expect([v.holds, v.withinRounding, v.difference.toString(), v.tolerance.toString()]).toEqual([false, false, "2", "1"]);
    expect(j("9,007,199,254,740,993", "9,007,199,254,740,993").holds).toBe(true);
  });

  it("propagates on BigInt when the grid values are beyond safe integers, with the same conclusions", () => {
    // 3 = 1 + 1 and 2 = 1 + 1 + 1 each hold within rounding; together x1 + x2 ≥ 2.5 (t1 ≥ 2.5) and
    // x1 + x2 ≤ 2.5 − 0.5 (t2 ≤ 2.5, x3 ≥ 0.5): no true amounts fit. The same with 10^17 added to
    // t1, t2 and x1 (each identity's difference unchanged), whose grid values a float cannot hold.
    for (const offset of [0n, 10n ** 17n]) {
      const [t1, t2, x1] = ["3", "2", "1"].map((s) => a((BigInt(s) + offset).toString()));
      const [x2, x3] = [a("1"), a("1")];
      const conflicts = findConflicts([sum(t1, x1, x2), sum(t2, x1, x2, x3)]);
      // t1 (printed 3) would have to be at most 2.
      expect(conflicts.map((c) => [(BigInt(c.amount.text) - offset).toString(), c.forced.minus(offset.toString()).toString(), c.direction, c.constraints])).toEqual([["3", "2", "below", [0, 1]]]);
    }
  });
});
