import { describe, expect, it } from "vitest";
import { emptyMilp, solveMilp, solverLoads, type Milp } from "../../src/diagnosis/solver.js";

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
