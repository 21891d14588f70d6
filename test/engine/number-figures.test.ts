import { describe, expect, it } from "vitest";
import { numberFigures, numberFiguresByAmount, type LinearConstraint } from "../../src/engine/propagate.js";
import { inUnit, makeAmount, type Amount } from "../../src/model/amount.js";
import { prng } from "../helpers/prng.js";

/**
 * numberFigures numbers the figures from an Int32Array of the terms' serials (round 58, docs/performance.md,
 * "Twentieth pass"); it must give the numbers numberFiguresByAmount gives, figure by figure, whatever the amounts:
 * printed ones (serials), copies without a serial, amounts whose serial is past an Int32Array's, figures used
 * in many identities and identities without terms.
 */

/** A whole number below n, drawn from the seeded generator (the same cases on every run). */
function rng(seed: number) {
  const next = prng(seed);
  return (n: number) => Math.floor(next() * n);
}

let line = 0;
const printed = (): Amount => makeAmount(String(line % 1000), { file: "t", line: ++line })!;
/** A printed amount with a serial of one's own choosing (numberFigures reads the terms' serials and intervals, engine/flat.ts). */
const withSerial = (serial: number): Amount => Object.defineProperty(printed(), "serial", { value: serial });

function randomSystem(seed: number): LinearConstraint[] {
  const r = rng(seed);
  const pool: Amount[] = [];
  const kinds = r(4);
  const n = 1 + r(60);
  for (let i = 0; i < n; i++) {
    const pick = kinds === 0 ? 0 : r(10);
    // Mostly printed amounts; in some systems copies (no serial), serials past the int32s, or spread far apart.
    if (pick < 7) pool.push(printed());
    else if (pick === 7) pool.push(inUnit(printed(), "元", "万元"));
    else if (pick === 8) pool.push(withSerial(kinds === 1 ? 2 ** 31 + r(5) : kinds === 2 ? r(2) * 10_000_000 : 0x7ffffffe));
    else pool.push(withSerial(-1));
  }
  const cs: LinearConstraint[] = [];
  const m = r(40);
  for (let k = 0; k < m; k++) {
    const len = r(6);
    const terms = [];
    for (let j = 0; j < len; j++) terms.push({ amount: pool[r(pool.length)], coef: (r(2) ? 1 : -1) as 1 | -1 });
    cs.push({ kind: r(2) ? "eq" : "le", terms, subject: { table: "T3" }, location: { file: "t", line: k } });
  }
  return cs;
}

describe("numberFigures", () => {
  it("numbers the figures as numberFiguresByAmount does, on 3,000 random systems", () => {
    for (let seed = 1; seed <= 3000; seed++) {
      const cs = randomSystem(seed);
      const got = numberFigures(cs);
      const want = numberFiguresByAmount(cs);
      expect(got.count, `seed ${seed}`).toBe(want.count);
      expect([...got.ids], `seed ${seed}`).toEqual([...want.ids]);
      expect([...got.start], `seed ${seed}`).toEqual([...want.start]);
    }
  });

  it("gives one number to one amount however often it is used, and numbers in order of first use", () => {
    const [x, y, z] = [printed(), printed(), printed()];
    const cs: LinearConstraint[] = [
      { kind: "eq", terms: [{ amount: z, coef: 1 }, { amount: x, coef: -1 }], subject: { table: "T3" }, location: z.location },
      { kind: "le", terms: [], subject: { table: "T3" }, location: z.location },
      { kind: "eq", terms: [{ amount: x, coef: 1 }, { amount: y, coef: -1 }, { amount: z, coef: -1 }], subject: { table: "T3" }, location: x.location },
    ];
    const f = numberFigures(cs);
    expect(f.count).toBe(3);
    expect([...f.ids]).toEqual([0, 1, 1, 2, 0]);
    expect([...f.start]).toEqual([0, 2, 2, 5]);
  });
});
