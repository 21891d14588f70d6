import { describe, expect, it } from "vitest";
import { judgeSum } from "../../src/engine/evaluate.js";
import { findConflicts, type LinearConstraint } from "../../src/engine/propagate.js";
import { halfUnit, interval, makeAmount, type Amount } from "../../src/model/amount.js";
import { makeGrid } from "../../src/diagnosis/figures.js";

/*
 * A figure that a workbook's sum formula adds up from cells of rounded figures (Amount.halfUnits, loaders/xlsx.ts):
 * 表6's 合计 10372.70, the SUM of 29 economic codes each printed to 0.01, against 表5's 基本支出 10372.71, the same total
 * rounded once. As a figure rounded once it was 0.01 from it, beyond 0.005 + 0.005 together with its other identities
 * (a false rounding-consistency error); as the sum it is, it stands for 10372.70 ± 29 × 0.005.
 */
let line = 0;
const a = (text: string, halfUnits?: number): Amount => {
  const x = makeAmount(text, { file: "t", line: ++line })!;
  if (halfUnits) x.halfUnits = halfUnits;
  return x;
};
const equal = (x: Amount, y: Amount): LinearConstraint => ({ kind: "eq", terms: [{ amount: x, coef: 1 }, { amount: y, coef: -1 }], subject: { table: "T6" }, location: x.location });
const sum = (total: Amount, ...parts: Amount[]): LinearConstraint => ({ kind: "eq", terms: [{ amount: total, coef: 1 }, ...parts.map((p) => ({ amount: p, coef: -1 as const }))], subject: { table: "T6" }, location: total.location });

describe("a total printed as the sum of rounded figures", () => {
  it("stands for its value ± its half units: interval, half unit and the diagnosis grid", () => {
    const t = a("10,372.70", 29);
    expect(halfUnit(t).toString()).toBe("0.145");
    expect([interval(t).lo.toString(), interval(t).hi.toString()]).toEqual(["10372.555", "10372.845"]);
    const grid = makeGrid([t, a("1.234")]);
    // On the grid of ½·10^−3: one step of the figure is 20, half of it 10, times 29.
    expect(grid.figure(t).half).toBe(290n);
  });

  it("is within rounding of the same total rounded once, where a figure rounded once is at the boundary", () => {
    const rounded = (halfUnits?: number) =>
      judgeSum({ subject: { table: "T6" }, total: a("10,372.70", halfUnits), parts: [{ amount: a("10,372.71") }], relation: { zh: "", en: "" } }, { kind: "auto" });
    expect(rounded().tolerance.toString()).toBe("0.01");
    const v = rounded(29);
    expect([v.withinRounding, v.tolerance.toString()]).toEqual([true, "0.15"]);
  });

  it("fails: as a figure rounded once, 表6's 10372.70 cannot be 表5's 基本支出 10372.71 with 表5's row adding up; as a sum it can", () => {
    // 表6: 合计 = Σ 类 (9214.13 + 1064.61 + 93.96, each itself a SUM of 11, 15 and 3 codes); 表6 合计 = 表5 基本支出;
    // 表5: 合计 14808.51 = 基本支出 10372.71 + 项目支出 4435.79, which puts 基本支出 at 10372.71 at least.
    const system = (sums: boolean) => {
      const total = a("10,372.70", sums ? 29 : undefined);
      const basic = a("10,372.71");
      return findConflicts([
        sum(total, a("9,214.13", sums ? 11 : undefined), a("1,064.61", sums ? 15 : undefined), a("93.96", sums ? 3 : undefined)),
        equal(total, basic),
        sum(a("14,808.51"), basic, a("4,435.79")),
      ]);
    };
    const once = system(false);
    expect(once).toHaveLength(1);
    expect(once[0].constraints).toEqual([1, 2]);
    expect(system(true)).toEqual([]);
  });
});
