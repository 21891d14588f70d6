import { describe, expect, it } from "vitest";
import { FlatSystem, keepFlat } from "../../src/engine/flat.js";
import { signOfSum } from "../../src/engine/grid.js";
import { findConflicts, type LinearConstraint } from "../../src/engine/propagate.js";
import { inUnit, makeAmount, makeCount, type Amount } from "../../src/model/amount.js";
import { prng } from "../helpers/prng.js";

/**
 * The engine writes the identities it hands the joint rounding check into flat arrays as they are declared
 * (engine/flat.ts, docs/performance.md "Twenty-first pass"): whether each holds on the printed figures is worked out
 * from the arrays, an identity tried and not holding is taken out again, and the check reads each figure's interval
 * from them. These must agree with signOfSum on the amounts, and with the intervals read from the amounts (the
 * check's way for figures beyond safe integers), on random systems of every kind of figure.
 */

let line = 0;
function figure(r: (n: number) => number): Amount {
  const at = { file: "t", line: ++line };
  const decimals = r(4);
  const size = r(10) === 0 ? 10 ** (13 + r(6)) : 10 ** (1 + r(5));
  const units = Math.floor((r(1000) / 1000) * size) * (r(8) === 0 ? -1 : 1);
  const text = decimals ? (units / 10 ** decimals).toFixed(decimals) : String(units);
  const kind = r(12);
  if (kind === 0) return makeCount(String(Math.abs(units)), at)!;
  if (kind === 1) return inUnit(makeAmount(text, at)!, "元", "万元");
  const a = makeAmount(text, at, kind !== 2)!;
  if (kind === 3) a.halfUnits = 2 + r(3);
  return a;
}

function rng(seed: number) {
  const next = prng(seed);
  return (n: number) => Math.floor(next() * n);
}

/** A sum whose total is its parts' rounded sum, at times a unit of its last digit off (within rounding, or not). */
function identity(r: (n: number) => number, pool: Amount[]): LinearConstraint {
  const parts: Amount[] = [];
  const n = 1 + r(4);
  for (let j = 0; j < n; j++) parts.push(pool[r(pool.length)]);
  let total = pool[r(pool.length)];
  if (r(2)) {
    const d = Math.max(...parts.map((p) => p.decimals));
    let s = parts.reduce((acc, p) => acc.plus(p.value), parts[0].value.minus(parts[0].value));
    if (r(3) === 0) s = s.plus(r(2) ? 1 : -1 / 10 ** d);
    total = makeAmount(s.toFixed(d), { file: "t", line: ++line }, false)!;
    pool.push(total);
  }
  const kind = r(4) === 0 ? "le" : "eq";
  return { kind, terms: [{ amount: total, coef: 1 }, ...parts.map((p) => ({ amount: p, coef: (r(5) === 0 ? 1 : -1) as 1 | -1 }))], subject: { table: "T3" }, location: total.location };
}

describe("the flat form of the declared system", () => {
  it("works out whether each identity holds as signOfSum does, and takes one out again as it was", () => {
    for (let seed = 1; seed <= 400; seed++) {
      const r = rng(seed);
      const pool = Array.from({ length: 4 + r(20) }, () => figure(r));
      const flat = new FlatSystem();
      const kept: LinearConstraint[] = [];
      for (let k = 0; k < 30; k++) {
        const c = identity(r, pool);
        flat.push(c.kind, c.terms, undefined);
        const sign = signOfSum(c.terms);
        expect(flat.holds[flat.size - 1], `seed ${seed}`).toBe((c.kind === "eq" ? sign === 0 : sign <= 0) ? 1 : 0);
        if (r(2)) flat.pop();
        else kept.push(c);
      }
      const fresh = FlatSystem.of(kept);
      expect([flat.size, flat.terms, flat.unserialled, flat.big], `seed ${seed}`).toEqual([fresh.size, fresh.terms, fresh.unserialled, fresh.big]);
      expect([...flat.start.subarray(0, flat.size + 1)]).toEqual([...fresh.start.subarray(0, fresh.size + 1)]);
      expect([...flat.serials.subarray(0, flat.terms)]).toEqual([...fresh.serials.subarray(0, fresh.terms)]);
      expect([...flat.holds.subarray(0, flat.size)]).toEqual([...fresh.holds.subarray(0, fresh.size)]);
    }
  });

  it("gives the conflicts that the intervals read from the amounts give, on 400 random systems", () => {
    let conflicts = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const r = rng(seed);
      const pool = Array.from({ length: 4 + r(20) }, () => figure(r));
      const system: LinearConstraint[] = Array.from({ length: 5 + r(40) }, () => identity(r, pool));
      const flat = FlatSystem.of(system);
      keepFlat(system, flat);
      const got = findConflicts(system);
      // The same system with every interval read from its amounts (the way taken where a figure is beyond safe integers).
      const copy = [...system];
      const fromAmounts = FlatSystem.of(copy);
      fromAmounts.big = true;
      keepFlat(copy, fromAmounts);
      const want = findConflicts(copy);
      expect(got.map((c) => [c.amount, c.forced.toString(), c.direction, c.constraints]), `seed ${seed}`).toEqual(want.map((c) => [c.amount, c.forced.toString(), c.direction, c.constraints]));
      conflicts += got.length;
    }
    // (Systems with conflicts among them, not only systems without.)
    expect(conflicts).toBeGreaterThan(20);
  });
});
