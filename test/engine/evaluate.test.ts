import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { judgeAtLeast, judgeAtMost, judgeSum } from "../../src/engine/evaluate.js";
import { makeAmount, type Amount } from "../../src/model/amount.js";

let line = 0;
const a = (text: string, nonNegative = true): Amount => makeAmount(text, { file: "t", line: ++line }, nonNegative)!;
const auto = { kind: "auto" } as const;
const sum = (total: string, ...parts: string[]) => judgeSum({ subject: { table: "T3" }, total: a(total), parts: parts.map((p) => ({ amount: a(p) })), relation: { zh: "", en: "" } }, auto);
const str = (v: ReturnType<typeof sum>) => ({ holds: v.holds, within: v.withinRounding, difference: v.difference.toString(), tolerance: v.tolerance.toString() });

describe("judging total = Σ parts with --tolerance auto (docs/cli.md, rounding semantics)", () => {
  it("holds when the printed figures add up exactly", () => {
    expect(str(sum("9,724", "3,974", "5,750"))).toMatchObject({ holds: true, within: false, difference: "0" });
  });

  it("is within rounding up to ½·10^−d·(n+1): 873 vs 9 parts adding to 872 → tolerance 5", () => {
    expect(str(sum("873", "431", "170", "81", "52", "25", "22", "1", "71", "19"))).toEqual({ holds: false, within: true, difference: "1", tolerance: "5" });
  });

  it("is a discrepancy beyond that: 5,473 = 1,170 + 4,300 differs by 3 > 1.5", () => {
    expect(str(sum("5,473", "1,170", "4,300"))).toEqual({ holds: false, within: false, difference: "3", tolerance: "1.5" });
  });

  it("counts the boundary as within rounding (|difference| = tolerance), one more as a discrepancy", () => {
    expect(str(sum("11", "3", "3", "3"))).toEqual({ holds: false, within: true, difference: "2", tolerance: "2" });
    expect(str(sum("12", "3", "3", "3"))).toEqual({ holds: false, within: false, difference: "3", tolerance: "2" });
  });

  it("uses each figure's printed decimals: 18,976.76 = 18,976.7 + 0.1 is off by 0.04 with tolerance 0.005 + 0.05 + 0.05", () => {
    const v = sum("18,976.76", "18,976.7", "0.1");
    expect(v.difference.toString()).toBe("-0.04");
    expect(v.tolerance.toString()).toBe("0.105");
    expect(v.withinRounding).toBe(true);
  });

  it("does not let a printed 0 of a non-negative amount go below zero", () => {
    // 5 = 2 + 0 + 0 + 0 + 0: to reach 5 every part must go up — zeros can (to 0.5): tolerance 3.
    expect(str(sum("5", "2", "0", "0", "0", "0"))).toEqual({ holds: false, within: true, difference: "3", tolerance: "3" });
    // 0 = 3 + 0 + 0: the total must go up and parts down; zeros cannot go down: tolerance 0.5 + 0.5.
    expect(str(sum("0", "3", "0", "0"))).toEqual({ holds: false, within: false, difference: "-3", tolerance: "1" });
  });

  it("lets a fixed --tolerance replace the computed one", () => {
    const v = judgeSum({ subject: { table: "T3" }, total: a("100"), parts: [{ amount: a("95") }], relation: { zh: "", en: "" } }, { kind: "fixed", value: new Decimal(5) });
    expect(v.withinRounding).toBe(true);
    expect(v.tolerance.toString()).toBe("5");
  });

  it("judges differences (sign −1): 增减 0 = 2023 − 2022", () => {
    const v = judgeSum({ subject: { table: "T9" }, total: a("3", false), parts: [{ amount: a("8") }, { amount: a("7"), sign: -1 }], relation: { zh: "", en: "" } }, auto);
    expect(v.difference.toString()).toBe("2");
    expect(v.withinRounding).toBe(false);
  });
});

describe("judging part ≤ whole", () => {
  it("holds when the part is smaller, is rounding when it exceeds by up to one unit, else a discrepancy", () => {
    const j = (p: string, w: string) => judgeAtMost({ subject: { table: "T3" }, part: a(p), whole: a(w), relation: { zh: "", en: "" } }, auto);
    expect(j("5", "7").holds).toBe(true);
    expect(j("6", "5").withinRounding).toBe(true);
    expect(j("7", "5").withinRounding).toBe(false);
    expect(j("7", "5").difference.toString()).toBe("2");
  });
});

describe("judging total ≥ Σ parts (some of the whole's parts, not necessarily all)", () => {
  it("holds when the printed total is at least the parts' sum; within rounding by the total's ½ up and each part's ½ down", () => {
    const j = (total: string, ...parts: string[]) =>
      judgeAtLeast({ subject: { table: "text" }, total: a(total), parts: parts.map((p) => ({ amount: a(p) })), relation: { zh: "", en: "" } }, auto);
    expect(str(j("100.00", "60.00", "30.00"))).toMatchObject({ holds: true, difference: "10" });
    expect(str(j("90.00", "60.00", "30.00"))).toMatchObject({ holds: true, difference: "0" });
    // 90.01 short: the total may be 0.005 higher and each part 0.005 lower (0.015).
    expect(str(j("89.99", "60.00", "30.00"))).toMatchObject({ holds: false, within: true, difference: "-0.01", tolerance: "0.015" });
    // A printed 0.00 cannot go below 0: only the total's and the other part's halves.
    expect(str(j("59.98", "60.00", "0.00"))).toMatchObject({ holds: false, within: false, difference: "-0.02", tolerance: "0.01" });
    expect(str(j("95.00", "60.00", "30.00", "10.00"))).toMatchObject({ holds: false, within: false, difference: "-5" });
  });
});
