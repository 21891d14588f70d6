import { describe, expect, it } from "vitest";
import { emptyMilp, solveMilp, solverLoads, type Milp } from "../../src/diagnosis/solver.js";
import { marketSplit } from "../helpers/market-split.js";

/** min x + y with x + y ≥ 3, x an integer in [0, 2], y in [0, 5]: optimum 3. */
function small(): Milp {
  const m = emptyMilp();
  m.objective.set("x", 1).set("y", 1);
  m.rows.push({ name: "c", terms: new Map([["x", 1], ["y", 1]]), op: ">=", rhs: 3 });
  m.bounds.set("x", { lo: 0, hi: 2 }).set("y", { lo: 0, hi: 5 });
  m.integers.push("x");
  return m;
}

describe("the MILP solver's instance", () => {
  it("is kept while programs come, let go after 2 s without one (its ~21 MB heap), and made again when needed", { timeout: 20_000 }, async () => {
    const before = solverLoads();
    for (let i = 0; i < 3; i++) {
      const r = await solveMilp(small(), 5);
      expect(r.status).toBe("optimal");
      expect(r.objective).toBeCloseTo(3, 9);
    }
    expect(solverLoads() - before).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 2_300));
    const again = await solveMilp(small(), 5);
    expect(again.status).toBe("optimal");
    expect(again.objective).toBeCloseTo(3, 9);
    expect(solverLoads() - before).toBe(2);
  });
});

describe("a model HiGHS cannot read", () => {
  // (A document's 元 table figures on the grid of its 万元 text figures' decimals: a coefficient of 16 digits, which HiGHS's
  // LP reader refuses — an internal error, exit 2, on a 深圳 document printed in 元: its big-M coefficients.)
  it("gives no solution, as when none is found in time, and the solver still serves the next model", async () => {
    const m = small();
    m.rows.push({ name: "big", terms: new Map([["y", 1], ["x", -1155673138040000]]), op: "<=", rhs: 0 });
    const r = await solveMilp(m, 5);
    expect(r.status).toBe("none");
    expect((await solveMilp(small(), 5)).status).toBe("optimal");
  });
});

describe("a limit of work", () => {
  it("stops a program at the same point each time, and says what it cost", { timeout: 60_000 }, async () => {
    // A market split of 3 equations over 20 binaries: HiGHS proves it infeasible after 7,022 simplex iterations;
    // given 1,000, it stops near there.
    const m = marketSplit(emptyMilp(), 3, 20);
    const a = await solveMilp(m, 600, undefined, { lpIterations: 1_000 });
    const b = await solveMilp(m, 600, undefined, { lpIterations: 1_000 });
    expect(a.timedOut).toBe(false);
    expect(a.work.lpIterations).toBeGreaterThanOrEqual(1_000);
    expect(a.work.lpIterations).toBeLessThan(2_000);
    expect(a.work.nodes).toBeLessThan(1_000);
    expect([b.status, b.work]).toEqual([a.status, a.work]);
  });
});
