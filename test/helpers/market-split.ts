import type { Milp } from "../../src/diagnosis/solver.js";

/**
 * A market-split program (Cornuéjols and Dawande) in `m` (an empty program): `equations` equations over `binaries`
 * binaries with coefficients below 100, each right-hand side half its row's sum. Hard for branch and bound: 4 × 30
 * takes far more than a minute; HiGHS proves 3 × 20 infeasible after 3,533 nodes and 7,022 simplex iterations.
 */
export function marketSplit(m: Milp, equations: number, binaries: number): Milp {
  let seed = 7;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const xs = Array.from({ length: binaries }, (_, j) => `x${j}`);
  for (let i = 0; i < equations; i++) {
    const a = xs.map(() => Math.floor(random() * 100));
    m.rows.push({ name: `c${i}`, terms: new Map(xs.map((x, j) => [x, a[j]])), op: "=", rhs: Math.floor(a.reduce((s, c) => s + c, 0) / 2) });
  }
  m.binaries.push(...xs);
  return m;
}
