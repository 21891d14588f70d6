import { describe, expect, it } from "vitest";
import { Decimal } from "decimal.js";
import { gridString, judgeRatio, judgeSum, ratioHoldsOnGrid, ratioRange, ratioWithinRounding, verdictStrings } from "../../src/engine/evaluate.js";
import type { RatioIdentity, Term } from "../../src/engine/types.js";
import { decimalString, makeAmount, type Amount } from "../../src/model/amount.js";
import { prng } from "../helpers/prng.js";

/**
 * judgeSum and ratioRange work on the integer grid when every amount has its printed grid value
 * (Amount.scaled), and with decimals otherwise; both ways must give the same verdicts. The same amounts
 * spread into copies that name their value (`{ ...a, value: a.value }`, which do not carry `scaled`) take
 * the decimal way.
 *
 * ratioRange finds its extreme corners on the integer grid when every amount has its printed grid value
 * (Amount.scaled), and by comparing decimal ratios otherwise. The two must give the same range: the same
 * amounts in such copies take the decimal way.
 */

const printed = (r: () => number) => {
  const decimals = Math.floor(r() * 3);
  const v = Math.floor(r() * (r() < 0.3 ? 5 : 100000)) * (r() < 0.1 ? -1 : 1);
  const s = (Math.abs(v) / 10 ** decimals).toFixed(decimals);
  return v < 0 ? `-${s}` : s;
};

/** One to three printed amounts (some exact, some that may be negative) and a ratio of sums of them. */
function drawRatio(r: () => number) {
  const k = 1 + Math.floor(r() * 3);
  const amounts: Amount[] = Array.from({ length: k }, (_, i) => {
    const a = makeAmount(printed(r), { file: "t.md", line: i + 1 }, r() < 0.8)!;
    return r() < 0.1 ? Object.assign(a, { exact: true }) : a;
  });
  const term = (): Term => ({ amount: amounts[Math.floor(r() * k)], sign: r() < 0.3 ? -1 : 1 });
  const numerator = Array.from({ length: 1 + Math.floor(r() * 2) }, term);
  const denominator = Array.from({ length: 1 + Math.floor(r() * 2) }, term);
  return { amounts, numerator, denominator };
}

describe("ratioRange on the integer grid", () => {
  it("gives the decimal corners' range, to the last digit, on 3,000 drawn ratios (some undefined, some with 0, exact and negative figures)", () => {
    const r = prng(13);
    let defined = 0;
    for (let n = 0; n < 3000; n++) {
      const { amounts, numerator, denominator } = drawRatio(r);
      const copies = new Map(amounts.map((a) => [a, { ...a, value: a.value }]));
      const plain = (ts: Term[]) => ts.map((t) => ({ ...t, amount: copies.get(t.amount)! }));
      expect([...copies.values()].every((a) => a.scaled === undefined)).toBe(true);
      const grid = ratioRange(numerator, denominator);
      const decimal = ratioRange(plain(numerator), plain(denominator));
      expect(grid === null).toBe(decimal === null);
      if (!grid || !decimal) continue;
      defined++;
      expect(grid.lo.toString()).toBe(decimal.lo.toString());
      expect(grid.hi.toString()).toBe(decimal.hi.toString());
      expect(grid.point.toString()).toBe(decimal.point.toString());
    }
    expect(defined).toBeGreaterThan(1000);
  });
});

describe("judgeSum on the integer grid", () => {
  it("gives the decimal arithmetic's verdict, to the last digit, on 5,000 drawn sums (mixed decimals, exact, negative and 0 figures)", () => {
    const r = prng(8);
    let within = 0;
    for (let n = 0; n < 5000; n++) {
      const parts = Array.from({ length: 1 + Math.floor(r() * 4) }, (_, i) => {
        const a = makeAmount(printed(r), { file: "t.md", line: i + 2 }, r() < 0.8)!;
        return { amount: r() < 0.05 ? Object.assign(a, { exact: true }) : a, sign: (r() < 0.2 ? -1 : 1) as 1 | -1 };
      });
      // A total near the parts' sum (so that many are within rounding), or drawn at random.
      const near = parts.reduce((s, p) => s + p.sign * Number(p.amount.text), 0) + (r() < 0.5 ? 0 : (r() - 0.5) * 3);
      const decimals = Math.floor(r() * 3);
      const total = makeAmount(r() < 0.8 ? near.toFixed(decimals) : printed(r), { file: "t.md", line: 1 }, r() < 0.8)!;
      const subject = { table: "T1" as const };
      const relation = { zh: "", en: "" };
      const grid = judgeSum({ subject, total, parts, relation }, { kind: "auto" });
      const copy = (a: Amount): Amount => ({ ...a, value: a.value });
      const decimal = judgeSum({ subject, total: copy(total), parts: parts.map((p) => ({ ...p, amount: copy(p.amount) })), relation }, { kind: "auto" });
      expect([grid.holds, grid.withinRounding]).toEqual([decimal.holds, decimal.withinRounding]);
      expect(verdictStrings(grid)).toEqual(verdictStrings(decimal));
      // The grid verdict's decimals, made only when asked for, are the decimal arithmetic's.
      for (const k of ["stated", "computed", "difference", "tolerance"] as const) expect(grid[k].eq(decimal[k]), k).toBe(true);
      if (grid.withinRounding) within++;
    }
    expect(within).toBeGreaterThan(500);
  });
});

describe("gridString: a count of ½·10^−D written as the report writes a decimal", () => {
  it("matches decimalString of the same value for zero, signs, odd counts, D = 0 and amounts past 2^53", () => {
    const r = prng(41);
    const cases: [bigint, number][] = [[0n, 0], [0n, 3], [1n, 0], [-1n, 0], [2n, 0], [-3n, 2], [20n, 1], [-200n, 2], [10n ** 30n + 1n, 2], [-(10n ** 25n) * 7n, 0]];
    for (let n = 0; n < 3000; n++) cases.push([BigInt(Math.floor((r() - 0.5) * 2e6)) * (r() < 0.1 ? 10n ** 20n : 1n), Math.floor(r() * 6)]);
    for (const [x, D] of cases) expect(gridString(x, D), `${x} at ${D}`).toBe(decimalString(new Decimal(x.toString()).div(2).times(new Decimal(10).pow(-D))));
  });
});

describe("ratioHoldsOnGrid", () => {
  it("says a percentage holds exactly when judgeRatio does, on 6,000 drawn ratios (printed percentages near, on and off the rounded ratio)", () => {
    const r = prng(29);
    let holds = 0;
    let fails = 0;
    for (let n = 0; n < 6000; n++) {
      const { amounts, numerator, denominator } = drawRatio(r);
      const range = ratioRange(numerator, denominator);
      // The printed percentage: the point ratio rounded (half-up, so also ties), or moved off it by one unit.
      const decimals = Math.floor(r() * 3);
      let text = range ? range.point.toDecimalPlaces(decimals, 4 /* ROUND_HALF_UP */).toFixed(decimals) : printed(r);
      if (range && r() < 0.3) text = range.point.toDecimalPlaces(decimals, 4).plus(r() < 0.5 ? 10 ** -decimals : -(10 ** -decimals)).toFixed(decimals);
      const percent = makeAmount(text, { file: "t.md", line: 9 }, false)!;
      const id: RatioIdentity = { subject: { table: "text" }, percent, numerator, denominator, relation: { zh: "", en: "" } };
      const fast = ratioHoldsOnGrid(id);
      const full = judgeRatio(id);
      expect(fast, `${text} = ${numerator.map((t) => t.amount.text)} / ${denominator.map((t) => t.amount.text)}`).toBe(full?.holds === true);
      if (fast) holds++;
      else if (full && !full.holds) fails++;
    }
    expect(holds).toBeGreaterThan(1000);
    expect(fails).toBeGreaterThan(500);
  });
  it("leaves amounts without a grid value (spread copies) and percentages of more than 20 decimals to judgeRatio", () => {
    const a = makeAmount("327", { file: "t.md", line: 1 })!;
    const b = makeAmount("1920", { file: "t.md", line: 2 })!;
    const percent = makeAmount("17.03", { file: "t.md", line: 3 })!;
    const id: RatioIdentity = { subject: { table: "text" }, percent, numerator: [{ amount: a }], denominator: [{ amount: b }], relation: { zh: "", en: "" } };
    expect(ratioHoldsOnGrid(id)).toBe(true);
    expect(ratioHoldsOnGrid({ ...id, numerator: [{ amount: { ...a, value: a.value } }] })).toBe(false);
    expect(ratioHoldsOnGrid({ ...id, percent: makeAmount("17.031250000000000000000", { file: "t.md", line: 3 })! })).toBe(false);
  });
});

describe("ratioWithinRounding", () => {
  it("decides on the grid as judgeRatio does in decimals, on 8,000 drawn ratios (percentages on, near and just off the ends of the ratio's range; balanced shares too)", () => {
    const r = prng(31);
    const counts = { within: 0, off: 0, undefined: 0 };
    for (let n = 0; n < 8000; n++) {
      const { amounts, numerator, denominator } = drawRatio(r);
      const range = ratioRange(numerator, denominator);
      const decimals = Math.floor(r() * 3);
      const unit = new Decimal(10).pow(-decimals);
      // The printed percentage: an end of the range or the point, rounded either way, moved by up to two units.
      const at = range ? [range.lo, range.hi, range.point][Math.floor(r() * 3)] : new Decimal(printed(r));
      const rounded = at.toDecimalPlaces(decimals, r() < 0.5 ? Decimal.ROUND_FLOOR : Decimal.ROUND_CEIL);
      const text = rounded.plus(unit.times(Math.floor(r() * 5) - 2)).toFixed(decimals);
      const percent = makeAmount(text, { file: "t.md", line: 9 }, false)!;
      const id: RatioIdentity = { subject: { table: "text" }, percent, numerator, denominator, relation: { zh: "", en: "" }, ...(r() < 0.3 ? { balanced: true } : {}) };
      const full = judgeRatio(id);
      const expected = full !== null && (full.holds || full.withinRounding);
      const label = `${text}${id.balanced ? " (balanced)" : ""} = ${numerator.map((t) => `${t.sign === -1 ? "-" : ""}${t.amount.text}`)} / ${denominator.map((t) => `${t.sign === -1 ? "-" : ""}${t.amount.text}`)}`;
      expect(ratioWithinRounding(id), label).toBe(expected);
      // The same figures as spread copies, without their grid values: judged in decimals.
      const copies = new Map(amounts.map((a) => [a, { ...a, value: a.value }]));
      const copy = (t: Term): Term => ({ ...t, amount: copies.get(t.amount)! });
      expect(ratioWithinRounding({ ...id, numerator: numerator.map(copy), denominator: denominator.map(copy) }), label).toBe(expected);
      counts[full === null ? "undefined" : expected ? "within" : "off"]++;
    }
    expect(counts.within).toBeGreaterThan(2000);
    expect(counts.off).toBeGreaterThan(1000);
    expect(counts.undefined).toBeGreaterThan(50);
  });
});

describe("judgeRatio's alternative base", () => {
  it("explains a percentage by another base alike on the grid and in decimals, on 6,000 drawn ratios (percentages near the alternative's ratio, on and off it)", () => {
    const r = prng(37);
    let explained = 0;
    let not = 0;
    for (let n = 0; n < 6000; n++) {
      const { amounts, numerator, denominator } = drawRatio(r);
      const base = makeAmount(printed(r), { file: "t.md", line: 7 }, r() < 0.8)!;
      const alternative: Term[] = r() < 0.5 ? [{ amount: base }] : [{ amount: base }, { amount: amounts[0], sign: r() < 0.5 ? -1 : 1 }];
      const range = ratioRange(numerator, alternative);
      const decimals = Math.floor(r() * 3);
      const at = range ? [range.lo, range.hi, range.point][Math.floor(r() * 3)] : new Decimal(printed(r));
      const text = at.toDecimalPlaces(decimals, r() < 0.5 ? Decimal.ROUND_FLOOR : Decimal.ROUND_CEIL).plus(new Decimal(10).pow(-decimals).times(Math.floor(r() * 3) - 1)).toFixed(decimals);
      const percent = makeAmount(text, { file: "t.md", line: 9 }, false)!;
      const id: RatioIdentity = { subject: { table: "text" }, percent, numerator, denominator, relation: { zh: "", en: "" }, alternatives: [{ denominator: alternative, relation: { zh: "", en: "" } }] };
      const copies = new Map([...amounts, base].map((a) => [a, { ...a, value: a.value }]));
      const copy = (t: Term): Term => ({ ...t, amount: copies.get(t.amount)! });
      const plain: RatioIdentity = { ...id, numerator: numerator.map(copy), denominator: denominator.map(copy), alternatives: [{ denominator: alternative.map(copy), relation: { zh: "", en: "" } }] };
      const grid = judgeRatio(id);
      const decimal = judgeRatio(plain);
      const show = (v: typeof grid) => v && { ...verdictStrings(v as never), explainedBy: v.explainedBy && { index: v.explainedBy.index, computed: v.explainedBy.computed.toString(), rounded: v.explainedBy.rounded.toString() }, truncated: v.truncated };
      expect(show(grid), `${text} = ${numerator.map((t) => t.amount.text)} / ${alternative.map((t) => t.amount.text)}`).toEqual(show(decimal));
      if (grid?.explainedBy) explained++;
      else if (grid && !grid.holds) not++;
    }
    expect(explained).toBeGreaterThan(1000);
    expect(not).toBeGreaterThan(1000);
  });
});
