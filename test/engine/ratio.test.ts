import { describe, expect, it } from "vitest";
import { judgeRatio, ratioRange } from "../../src/engine/evaluate.js";
import type { Term } from "../../src/engine/types.js";
import { makeAmount, type Amount } from "../../src/model/amount.js";

const a = (text: string, line = 1): Amount => makeAmount(text, { file: "t.md", line })!;
const subject = { table: "text" as const };
const rel = { zh: "", en: "" };

/** change ÷ (current − change) or ÷ (current + change), the year-on-year percentage. */
function yoy(current: string, change: string, percent: string, dir: 1 | -1) {
  const cur = a(current);
  const chg = a(change);
  const numerator: Term[] = [{ amount: chg }];
  const denominator: Term[] = [{ amount: cur }, { amount: chg, sign: dir === 1 ? -1 : 1 }];
  return judgeRatio({ subject, percent: a(percent), numerator, denominator, relation: rel, alternatives: [{ denominator: [{ amount: cur }], relation: rel }] });
}

describe("ratio identities judged with rounding intervals", () => {
  it("holds when the recomputed percentage rounds to the printed one: 9,724 after +714 is 7.9% → 8%", () => {
    expect(yoy("9,724", "714", "8", 1)?.holds).toBe(true);
  });

  it("is within rounding when some true amounts explain it: 36 after +3 is 9.1%, yet 2.5 / (36.5 − 2.5) = 7.35% reaches the printed 8%", () => {
    const v = yoy("36", "3", "8", 1)!;
    expect(v.holds).toBe(false);
    expect(v.withinRounding).toBe(true);
    expect(v.lo.toDecimalPlaces(2).toString()).toBe("7.35"); // 2.5 / (36.5 − 2.5)
    expect(v.hi.toDecimalPlaces(2).toString()).toBe("10.94"); // 3.5 / (35.5 − 3.5)
  });

  it("is a discrepancy when no choice explains it, and names the base that does: +327 on 2,247 printed 15%", () => {
    const v = yoy("2,247", "327", "15", 1)!;
    expect(v.holds || v.withinRounding).toBe(false);
    expect(v.computed.toString()).toBe("17"); // 327 / 1,920 = 17.03%
    expect(v.stated.toString()).toBe("15");
    expect(v.explainedBy?.computed.toString()).toBe("14.6"); // 327 / 2,247
  });

  it("treats the printed percentage as the half-open [p − 0.5, p + 0.5): 131 after +13 allows 10.504% at least, so 10% fails", () => {
    const v = yoy("131", "13", "10", 1)!;
    expect(v.lo.gt(10.5)).toBe(true);
    expect(v.withinRounding).toBe(false);
    // 12.5 / (131.5 − 12.5) = 10.504…: had the printed figure been 11%, it would hold.
    expect(yoy("131", "13", "11", 1)!.holds).toBe(true);
  });

  it("uses the dependence of numerator and denominator (the same change in both): −8 on 1 cannot be 80%", () => {
    const v = yoy("1", "8", "80", -1)!;
    // 7.5 / (1.5 + 7.5) = 83.3% is the least any true amounts give.
    expect(v.lo.toDecimalPlaces(1).toString()).toBe("83.3");
    expect(v.withinRounding).toBe(false);
  });

  it("tells a percentage cut off (截尾) from a wrong one: 2,228.78 on 24,169.74 is 10.158%, printed 10.15% was truncated", () => {
    const v = yoy("24,169.74", "2,228.78", "10.15", 1)!;
    expect(v.holds || v.withinRounding).toBe(false);
    expect(v.truncated).toBe(true);
    expect(v.rounded.toString()).toBe("10.16");
    // 10.06% (for 10.086%) and 10.17% (above it) are not what cutting off gives: discrepancies.
    expect(yoy("24,169.74", "2,228.78", "10.06", 1)!.truncated).toBe(false);
    expect(yoy("24,169.74", "2,228.78", "10.17", 1)!.truncated).toBe(false);
    // Rounded right, it holds; a rounding note is not a truncation.
    expect(yoy("24,169.74", "2,228.78", "10.16", 1)!.truncated).toBe(false);
    expect(yoy("36", "3", "8", 1)!.truncated).toBe(false);
    // A base that explains it comes first: 131 after +13 printed 10% is 13 ÷ 131 = 9.9%, not 10.9% cut off.
    const alt = yoy("131", "13", "10", 1)!;
    expect(alt.explainedBy).not.toBeNull();
    expect(alt.truncated).toBe(false);
  });

  it("cuts a negative percentage off towards zero: −10.158% cut off is −10.15%, never −10.14%", () => {
    // 2,228.78 ÷ −21,940.96: a ratio below zero, −10.158%; cut off towards zero it is −10.15.
    const ratio = (percent: string) =>
      judgeRatio({ subject, percent: a(percent), numerator: [{ amount: a("2,228.78") }], denominator: [{ amount: a("2,228.78") }, { amount: a("24,169.74"), sign: -1 }], relation: rel })!;
    expect(ratio("-10.15").truncated).toBe(true);
    expect(ratio("-10.14").truncated).toBe(false);
    expect(ratio("-10.16").holds).toBe(true);
  });

  it("is undefined when the denominator can be zero", () => {
    expect(ratioRange([{ amount: a("5") }], [{ amount: a("5") }, { amount: a("5"), sign: -1 }])).toBeNull();
  });
});
