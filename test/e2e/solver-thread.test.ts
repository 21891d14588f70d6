// The diagnosis's solver as the built tool runs it: HiGHS on a thread of its own (dist/lib holds the same
// solver code and worker as the CLI's bundle), stopped when a program runs past its hard limit, since HiGHS does
// not check its own time limit everywhere (ERGO-Code/HiGHS #885, #2226).
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import type * as Lib from "../../src/lib.js";
import type { Milp } from "../../src/diagnosis/solver.js";
import { marketSplit as split } from "../helpers/market-split.js";

const ROOT = join(import.meta.dirname, "..", "..");
const lib = (await import(pathToFileURL(join(ROOT, "dist", "lib", "index.js")).href)) as typeof Lib;

/** min x + y with x + y ≥ 3, x an integer in [0, 2], y in [0, 5]: optimum 3. */
function small(): Milp {
  const m = lib.emptyMilp();
  m.objective.set("x", 1).set("y", 1);
  m.rows.push({ name: "c", terms: new Map([["x", 1], ["y", 1]]), op: ">=", rhs: 3 });
  m.bounds.set("x", { lo: 0, hi: 2 }).set("y", { lo: 0, hi: 5 });
  m.integers.push("x");
  return m;
}

/** A market split of 4 equations over 30 binaries: branch and bound needs far more than a minute for it. */
const marketSplit = () => split(lib.emptyMilp(), 4, 30);

describe("the solver on its own thread", () => {
  it("solves programs as in-thread, on one thread until it has been idle for 2 s", { timeout: 20_000 }, async () => {
    const loads = lib.solverLoads();
    for (let i = 0; i < 3; i++) {
      const r = await lib.solveMilp(small(), 5);
      expect(r.status).toBe("optimal");
      expect(r.objective).toBeCloseTo(3, 9);
      expect(r.value("x") + r.value("y")).toBeCloseTo(3, 9);
    }
    expect(lib.solverLoads() - loads).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 2_300));
    expect((await lib.solveMilp(small(), 5)).status).toBe("optimal");
    expect(lib.solverLoads() - loads).toBe(2);
  });

  it("is stopped when a program runs past its hard limit: no solution, and the next program gets a new thread", { timeout: 60_000 }, async () => {
    const loads = lib.solverLoads();
    const stops = lib.solverStops();
    const t0 = Date.now();
    // HiGHS is given 60 s, the thread 1.5 s: only stopping the thread ends the program in time.
    const r = await lib.solveMilp(marketSplit(), 60, 1500);
    const took = Date.now() - t0;
    expect(r.status).toBe("none");
    expect(took).toBeGreaterThanOrEqual(1500);
    expect(took).toBeLessThan(30_000);
    expect(lib.solverStops() - stops).toBe(1);
    const next = await lib.solveMilp(small(), 5);
    expect(next.status).toBe("optimal");
    expect(lib.solverLoads() - loads).toBe(1);
  });

  it("a program longer than the idle time, right after another, runs to its own limit on the same thread", { timeout: 60_000 }, async () => {
    // (The idle timer set when the first program ended stopped the thread 2 s into the second: no solution, and a
    // document's diagnosis of 72 changes found 1 of its 74 explanations.)
    expect((await lib.solveMilp(small(), 5)).status).toBe("optimal");
    const loads = lib.solverLoads();
    const t0 = Date.now();
    await lib.solveMilp(marketSplit(), 3, 20_000);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(2_900);
    expect((await lib.solveMilp(small(), 5)).status).toBe("optimal");
    expect(lib.solverLoads() - loads).toBe(0);
  });

  it("a program given a limit of work is stopped there, whatever its time", { timeout: 120_000 }, async () => {
    // (A limit of nodes alone bounded no program whose root or nodes are long: the diagnosis's are also given one
    // of simplex iterations, src/diagnosis/solver-run.ts.)
    const stops = lib.solverStops();
    const r = await lib.solveMilp(marketSplit(), 600, undefined, { lpIterations: 2_000 });
    expect(["none", "limit"]).toContain(r.status);
    expect(r.timedOut).toBe(false);
    expect(r.work.lpIterations).toBeGreaterThanOrEqual(2_000);
    expect(r.work.lpIterations).toBeLessThan(5_000);
    expect(lib.solverStops() - stops).toBe(0);
  });

  it("within its hard limit, a program HiGHS stops at its own time limit keeps the best found so far", { timeout: 60_000 }, async () => {
    const stops = lib.solverStops();
    const r = await lib.solveMilp(marketSplit(), 1);
    expect(["none", "limit"]).toContain(r.status);
    expect(lib.solverStops() - stops).toBe(0);
  });
});
