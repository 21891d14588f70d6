import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { diagnose, diagnosisCounts } from "../../src/diagnosis/index.js";
import { makeFamilies, replacements, withFollowers } from "../../src/diagnosis/families.js";
import { solverSolves } from "../../src/diagnosis/solver.js";
import { emptyLog, runRules } from "../../src/engine/run.js";
import { loadPackage } from "../../src/loaders/index.js";
import { rules } from "../../src/rules/index.js";
import { ROOT } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";
import { makeGrid } from "../../src/diagnosis/figures.js";
import { headSystem } from "../../src/diagnosis/system.js";
import type { LinearConstraint } from "../../src/engine/propagate.js";
import { inUnit, makeAmount, withScaled, type Amount } from "../../src/model/amount.js";
import type { SourceLocation } from "../../src/model/location.js";
import type { SumFormula } from "../../src/model/workbook.js";

/* One printed figure's several figures (src/diagnosis/families.ts), and the workbook totals that follow their cells. */

const cell = (text: string, loc: SourceLocation) => makeAmount(text, loc)!;
/** A workbook's stored value behind a cell (as the xlsx loader makes it). */
const stored = (value: string, text: string, location: SourceLocation): Amount => ({ value: new Decimal(value), decimals: new Decimal(value).decimalPlaces(), text, location, nonNegative: false, exact: true });
const eq = (a: Amount, b: Amount): LinearConstraint => ({ kind: "eq", terms: [{ amount: a, coef: 1 }, { amount: b, coef: -1 }], subject: { table: "text" }, location: a.location });

describe("families", () => {
  it("two alike figures of one worksheet cell's paragraph (增加1421.25万元 … 增加1421.25万元) are two figures: their columns differ", () => {
    const first = cell("1421.25", { file: "w.xlsx", sheet: "文字部分", cell: "A71", column: 30 });
    const second = cell("1421.25", { file: "w.xlsx", sheet: "文字部分", cell: "A71", column: 65 });
    const again = cell("1421.25", { file: "w.xlsx", sheet: "文字部分", cell: "A71", column: 65 });
    const fam = makeFamilies([first, second, again]);
    expect(fam.head(first)).toBe(first);
    expect(fam.members(first)).toEqual([first]);
    // The same figure read twice (one place, one column) is still one.
    expect(fam.head(again)).toBe(fam.head(second));
    expect(fam.members(fam.head(second))).toHaveLength(2);
  });

  const at = { file: "t.txt", line: 253, column: 39 };
  const table = cell("1,763,159.52", at);
  const copy = inUnit(table, "元", "万元");
  const text = cell("176.32", { file: "t.txt", line: 90, column: 47 });

  it("a 元 cell and its copy in 万元 are one figure: the cell its head, the copy 10^−4 of it", () => {
    const fam = makeFamilies([table, copy, text]);
    expect(fam.head(copy)).toBe(table);
    expect(fam.shift(copy)).toBe(-4);
    expect(fam.members(table)).toEqual([table, copy]);
    expect(fam.head(text)).toBe(text);
    // Changing the cell changes its copy alike.
    const moved = replacements(fam, new Map([[table, new Decimal("1763149.96")]]));
    expect(moved.get(copy)!.value.toString()).toBe("176.314996");
    expect(moved.get(table)!.text).toBe("1763149.96");
  });

  it("the identities on the heads: the text's 万元 figure measured in 元, every coefficient ±1", () => {
    const cs = [eq(text, copy)];
    const fam = makeFamilies([text, table, copy]);
    const hs = headSystem(cs, makeGrid([text, copy]), fam);
    expect(hs.figs.map((f) => f.amount)).toEqual([text, table]);
    expect(hs.rows).toEqual([{ eq: true, vars: [0, 1], coefs: [1n, -1n] }]);
    // 176.32 万元 ± 0.005 and 1,763,159.52 元 ± 0.005 on one grid (of ½ fen): the true amounts meet.
    expect([hs.lo[0], hs.hi[0]]).toEqual([352630000n, 352650000n]);
    expect([hs.lo[1], hs.hi[1]]).toEqual([352631903n, 352631905n]);
  });

  it("no family where the place does not name one figure (no column), nor for a stored value outside the cell's rounding", () => {
    const a = cell("12.00", { file: "t.txt", line: 5 });
    expect(makeFamilies([a, inUnit(a, "元", "万元")]).linked).toBe(false);
    const c = { file: "b.xlsx", sheet: "S", cell: "B2" };
    expect(makeFamilies([cell("12.00", c), stored("12.004", "12.00", c)]).linked).toBe(true);
    expect(makeFamilies([cell("12.00", c), stored("12.01", "12.00", c)]).linked).toBe(false);
  });

  it("a formula total follows its cells, through formulas over formulas; a total changed itself keeps its value", () => {
    const loc = (a1: string) => ({ file: "b.xlsx", sheet: "S", cell: a1 });
    const [b2, b3, c2, c3] = ["10", "20", "5", "7"].map((v, i) => stored(v, v, loc(["B2", "B3", "C2", "C3"][i])));
    const b4 = stored("30", "30", loc("B4"));
    const c4 = stored("12", "12", loc("C4"));
    const d4 = stored("42", "42", loc("D4"));
    const sums: SumFormula[] = [
      { location: loc("B4"), formula: "SUM(B2:B3)", cached: b4, parts: [{ amount: b2, sign: 1 }, { amount: b3, sign: 1 }], halfUnits: 1 },
      { location: loc("C4"), formula: "SUM(C2:C3)", cached: c4, parts: [{ amount: c2, sign: 1 }, { amount: c3, sign: 1 }], halfUnits: 1 },
      { location: loc("D4"), formula: "B4+C4", cached: d4, parts: [{ amount: { ...b4 }, sign: 1 }, { amount: { ...c4 }, sign: 1 }], halfUnits: 1 },
    ];
    const all = [b2, b3, c2, c3, b4, c4, d4, sums[2].parts[0].amount, sums[2].parts[1].amount];
    const fam = makeFamilies(all, sums);
    expect(fam.followers(b2)).toEqual([b4]);
    expect(fam.followers(b4)).toEqual([d4]);
    expect(fam.formulaOrder.indexOf(d4)).toBeGreaterThan(fam.formulaOrder.indexOf(b4));
    const after = withFollowers(fam, new Map([[b2, new Decimal(1)]]));
    expect([...after].map(([a, v]) => `${a.location.cell}=${v}`)).toEqual(["B2=1", "B4=21", "D4=33"]);
    // A total typed over (a stale cache) is changed itself: the formula over it follows it, not the other way.
    expect([...withFollowers(fam, new Map([[b4, new Decimal(31)]]))].map(([a, v]) => `${a.location.cell}=${v}`)).toEqual(["B4=31", "D4=43"]);
  });
});
describe("families: a figure as printed compared on the grid (issue 13, sixteenth pass)", () => {
  const at = { file: "t.txt", line: 7, column: 3 };
  it("two figures read from one place with one text are one family, whatever the form of their counts", () => {
    const a = makeAmount("1,763,159.52", at)!;
    const b = makeAmount("1,763,159.52", at)!;
    expect(makeFamilies([a, b]).head(b)).toBe(a);
    // A count held as a bigint (more than 15 digits) against the same count as a number.
    const big = withScaled({ ...makeAmount("1,763,159.52", at)!, value: new Decimal("1763159.52") }, 176315952n);
    expect(makeFamilies([a, big]).head(big)).toBe(a);
    // A printed −0 is 0.
    const z = makeAmount("0.00", at)!;
    const nz = withScaled({ ...z, text: "0.00", value: new Decimal("-0") }, -0);
    expect(makeFamilies([z, nz]).head(nz)).toBe(z);
  });

  it("a figure whose value is not its text's is no member of the printed figure's family", () => {
    const a = makeAmount("12.00", at)!;
    const other = withScaled({ ...makeAmount("12.00", at)!, value: new Decimal("13.00") }, 1300);
    expect(makeFamilies([a, other]).linked).toBe(false);
    const plain: Amount = { value: new Decimal("13.00"), decimals: 2, text: "12.00", location: at, nonNegative: true };
    expect(makeFamilies([a, plain]).linked).toBe(false);
  });
});


describe("families: figures put by line and column first (issue 13, twenty-second pass)", () => {
  // makeFamilies groups a text line's figures by line and column (a number) and reads the place's key only where two
  // share them: the key's other parts, the file and the printed text, must still part them.
  it("two figures at one line and column of two files, or with two texts, are two figures", () => {
    const a = cell("100", { file: "a.txt", line: 3, column: 2 });
    const b = cell("100", { file: "b.txt", line: 3, column: 2 });
    expect(makeFamilies([a, b]).linked).toBe(false);
    const c = cell("100.0", { file: "a.txt", line: 3, column: 2 });
    expect(makeFamilies([a, c]).linked).toBe(false);
    // A worksheet's cell at that line and column is placed by its sheet and cell.
    const w = cell("100", { file: "a.txt", sheet: "表1", cell: "B3", line: 3, column: 2 });
    expect(makeFamilies([a, w]).linked).toBe(false);
    // And one place's figures among them still make their family, the others left alone.
    const again = cell("100", { file: "b.txt", line: 3, column: 2 });
    const fam = makeFamilies([a, b, c, w, again]);
    expect(fam.head(again)).toBe(b);
    expect(fam.members(b)).toEqual([b, again]);
    expect(fam.head(a)).toBe(a);
  });

  it("the members in the figures' order, the head the cell whatever comes first", () => {
    const here = { file: "t.txt", line: 40, column: 9 };
    const t = cell("1,763,159.52", here);
    const c1 = inUnit(t, "元", "万元");
    const c2 = inUnit(t, "元", "千元");
    const other = cell("5", { file: "t.txt", line: 40, column: 10 });
    const fam = makeFamilies([c1, other, c2, t]);
    expect(fam.head(c1)).toBe(t);
    expect(fam.members(t)).toEqual([t, c1, c2]);
    expect(fam.shift(c2)).toBe(-3);
    expect(fam.head(other)).toBe(other);
  });
});

describe("the exact search with families", () => {
  it("answers a 元 cell's typo whose 万元 copy the text states, as the solver does, without a solve", { timeout: 60_000 }, async () => {
    const text = readFileSync(join(ROOT, "fixtures", "shanghai", "shanghai-putuo_district-govt-office_2025_dept-budget.txt"), "utf8").split("\n");
    text[252] = text[252].replace("1,763,159.52", "1,736,159.52");
    const file = join(tempDir("families"), "typo.txt");
    writeFileSync(file, text.join("\n"));
    const run = async (exactSearch: boolean) => {
      const doc = await loadPackage({ path: file, kind: "markdown" });
      const log = emptyLog();
      const findings = runRules(doc, rules, { tolerance: { kind: "auto" }, lang: "en", log });
      const [solves, exact] = [solverSolves(), diagnosisCounts().exact];
      const out = await diagnose(doc, findings, log, { lang: "en", severity: "error", seconds: 10, exactSearch });
      return { out, findings, solves: solverSolves() - solves, exact: diagnosisCounts().exact - exact };
    };
    const fast = await run(true);
    const solver = await run(false);
    expect(fast.solves).toBe(0);
    expect(fast.exact).toBe(1);
    expect(fast.out.map((f) => [f.location.line, f.stated, f.computed])).toEqual([[253, "1736159.52", "1763159.52"]]);
    expect(fast.out).toEqual(solver.out);
    expect(fast.findings).toEqual(solver.findings);
  });
});
