import { describe, expect, it } from "vitest";
import { makeFamilies } from "../../src/diagnosis/families.js";
import { makeGrid } from "../../src/diagnosis/figures.js";
import { changeBound, headSystem } from "../../src/diagnosis/system.js";
import type { LinearConstraint } from "../../src/engine/propagate.js";
import { makeAmount, type Amount } from "../../src/model/amount.js";

/*
 * Inequalities (a part at most its whole, a 三公 figure at least a line of the basic expenditure) in the diagnosis
 * (docs/diagnosis.md): constraints the corrections keep true, not evidence that makes figures suspect or the search
 * larger.
 */
const at = (line: number, text: string) => makeAmount(text, { file: "x.md", line, column: 1 })!;
const eq = (total: Amount, ...parts: Amount[]): LinearConstraint => ({ kind: "eq", terms: [{ amount: total, coef: 1 }, ...parts.map((amount) => ({ amount, coef: -1 as const }))], subject: { table: "text" }, location: total.location });
/** part ≤ whole */
const le = (part: Amount, whole: Amount): LinearConstraint => ({ kind: "le", terms: [{ amount: part, coef: 1 }, { amount: whole, coef: -1 }], subject: { table: "text" }, location: part.location });

describe("inequalities in the diagnosis", () => {
  it("an inequality that holds misses by nothing: its room below the bound does not widen how far a change may go", () => {
    // 10 = 7 + 5 misses by 2; 3 ≤ 100 holds with 97 to spare. Before round 51 the 97 set the reach (and the big-M of
    // every program): 2 · (97 + rounding), where the mistakes need 2 · (2 + rounding).
    const [t, a, b, c, d] = [at(1, "10"), at(2, "7"), at(3, "5"), at(4, "3"), at(5, "100")];
    const cs = [eq(t, a, b), le(c, d)];
    const grid = makeGrid([t, a, b, c, d]);
    // On the grid of ½ unit: a miss of 2 is 4, the three figures' rounding 3.
    expect(changeBound(cs, grid)).toBe(2n * (4n + 3n));
    expect(headSystem(cs, grid, makeFamilies([t, a, b, c, d])).reach).toBe(2n * (4n + 3n));
    // One that is off misses by what it is over.
    expect(changeBound([le(d, c)], grid)).toBe(2n * (194n + 2n));
  });
});
