import { describe, expect, it, vi } from "vitest";
import type { LinearConstraint } from "../../src/engine/propagate.js";
import { openValues } from "../../src/diagnosis/determined.js";
import { SEPARATE } from "../../src/diagnosis/families.js";
import { makeGrid } from "../../src/diagnosis/figures.js";
import * as system from "../../src/diagnosis/system.js";
import type { Explanation } from "../../src/diagnosis/values.js";
import { makeAmount, type Amount } from "../../src/model/amount.js";

// The exact check of a proposal on a whole group (system.ts `verifies`), counted where the diagnosis calls it.
vi.mock("../../src/diagnosis/system.js", async (original) => {
  const m = await original<typeof import("../../src/diagnosis/system.js")>();
  return { ...m, verifies: vi.fn(m.verifies) };
});

/*
 * What finding the interval of a value that only inequalities bound costs (determined.ts): each whole check of the
 * group substitutes, grids and jointly checks every identity of it (~1.1 MB for 500 sums).
 */
describe("the interval of a value only inequalities bound", () => {
  it("is sought on the figure's own identities; the whole group checks its two ends only", () => {
    // The text's figure may not exceed a total (an at-most identity), beside 500 sums of a table. Round 50 checked the
    // whole group at each of the search's steps: 22 here (a 重庆 project card's 4,096.20 in a group of 397 identities:
    // 21 MB); the steps are now checked on the figure's own identities.
    const whole: LinearConstraint[] = [];
    const amounts: Amount[] = [];
    const at = (line: number, column: number, text: string) => {
      const a = makeAmount(text, { file: "x.md", line, column })!;
      amounts.push(a);
      return a;
    };
    const total = at(1, 1, "6,134.15");
    const funds = at(2, 1, "6,144.15");
    whole.push({ kind: "le", terms: [{ amount: funds, coef: 1 }, { amount: total, coef: -1 }], subject: { table: "text" }, location: funds.location });
    for (let r = 0; r < 500; r++) {
      const [t, p1, p2] = [at(10 + r, 1, "30.00"), at(10 + r, 9, "10.00"), at(10 + r, 17, "20.00")];
      whole.push({ kind: "eq", terms: [{ amount: t, coef: 1 }, { amount: p1, coef: -1 }, { amount: p2, coef: -1 }], subject: { table: "T3" }, location: t.location });
    }
    const grid = makeGrid(amounts);
    const e: Explanation = { changes: [{ figure: grid.figure(funds), to: 613414n }], proven: true };
    const checks = vi.mocked(system.verifies);
    checks.mockClear();
    const open = openValues(e, whole, SEPARATE);
    // What the search found is as before: at most 6,134.15 (no end below but 0).
    expect([...open.values()]).toEqual([{ lo: null, hi: 613415n, together: [] }]);
    expect(checks.mock.calls.filter(([cs]) => cs === whole)).toHaveLength(2);
  });
});
