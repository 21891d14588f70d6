import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diagnose, diagnosisCounts, type DiagnoseOptions } from "../../src/diagnosis/index.js";
import { singleFigureExplanations } from "../../src/diagnosis/fast.js";
import { makeGrid } from "../../src/diagnosis/figures.js";
import { solverSolves } from "../../src/diagnosis/solver.js";
import { figuresOf } from "../../src/diagnosis/system.js";
import type { LinearConstraint } from "../../src/engine/propagate.js";
import { emptyLog, runRules, type IdentityLog } from "../../src/engine/run.js";
import type { Finding } from "../../src/engine/types.js";
import { loadMarkdown } from "../../src/loaders/markdown.js";
import { makeAmount, type Amount } from "../../src/model/amount.js";
import type { BudgetDocument } from "../../src/model/document.js";
import { rules } from "../../src/rules/index.js";
import { defaultTemplate } from "../../src/templates/index.js";
import { amountsOf } from "../helpers/mutation.js";
import { ROOT, SEED } from "../helpers/cli.js";

/**
 * The exact search (src/diagnosis/fast.ts) must give exactly what the solver gives wherever it answers,
 * answer the common case (one mistyped figure) without a solve, and leave the rest to the solver.
 */

const OPTS: DiagnoseOptions = { lang: "en", severity: "error", seconds: 10 };

/** Diagnoses twice — with the exact search and with the solver only — from identical fresh inputs. */
async function both(make: () => { doc: BudgetDocument; findings: Finding[]; log: IdentityLog }) {
  const run = async (exactSearch: boolean) => {
    const { doc, findings, log } = make();
    const solves = solverSolves();
    const exact = diagnosisCounts().exact;
    const out = await diagnose(doc, findings, log, { ...OPTS, exactSearch });
    return { out, findings, solves: solverSolves() - solves, exact: diagnosisCounts().exact - exact };
  };
  return { fast: await run(true), solver: await run(false) };
}

/** A seeded generator (the same draws on every run). */
function rng(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

const seedText = readFileSync(join(ROOT, SEED), "utf8");

function seedWith(line: number, cellIndex: number, to: string) {
  const lines = seedText.split("\n");
  const cells = lines[line - 1].split("\t");
  cells[cellIndex] = to;
  lines[line - 1] = cells.join("\t");
  const text = lines.join("\n");
  return () => {
    const doc = loadMarkdown(SEED, text, defaultTemplate);
    const log = emptyLog();
    const findings = runRules(doc, rules, { tolerance: { kind: "auto" }, lang: "en", severities: { "yoy-change": "off" }, log });
    return { doc, findings, log };
  };
}

describe("the exact search on the seed", () => {
  it("diagnoses 表7's mistyped 9,742 without a single solve, as the solver does", async () => {
    const line = 526;
    const cell = seedText.split("\n")[line - 1].split("\t").indexOf("9,724");
    const { fast, solver } = await both(seedWith(line, cell, "9,742"));
    expect(fast.solves).toBe(0);
    expect(fast.exact).toBe(1);
    expect(solver.solves).toBeGreaterThanOrEqual(2); // the smallest explanation, then the proof of no tie
    expect(fast.out).toHaveLength(1);
    expect(fast.out[0]).toMatchObject({ computed: "9724", diagnosis: { proven: true, alternatives: [] } });
    expect(fast.out).toEqual(solver.out);
    expect(fast.findings).toEqual(solver.findings);
  });

  it("agrees with the solver on drawn typos of the seed's tables (seeded)", async () => {
    const rand = rng(20261201);
    const amounts = (["T1", "T3", "T6", "T7", "T8"] as const).flatMap((t) => amountsOf(t).filter((a) => a.cellIndex >= 0));
    let exact = 0;
    for (let n = 0; n < 10; n++) {
      const a = amounts[Math.floor(rand() * amounts.length)];
      const v = Number(a.text.replace(/,/g, ""));
      const decimals = a.text.includes(".") ? a.text.split(".")[1].length : 0;
      const r = rand();
      const to = r < 0.5 ? v + (rand() < 0.5 ? -3 : 3) : r < 0.75 ? v * 10 : v + 10 + Math.floor(rand() * 990);
      if (to < 0 || to === v) continue;
      const { fast, solver } = await both(seedWith(a.line, a.cellIndex, to.toFixed(decimals)));
      expect({ typo: `${a.line}: ${a.text} → ${to}`, out: fast.out, findings: fast.findings }).toEqual({ typo: `${a.line}: ${a.text} → ${to}`, out: solver.out, findings: solver.findings });
      if (fast.solves === 0 && fast.out.length) exact++;
    }
    // Most typos are the common case the search answers by itself.
    expect(exact).toBeGreaterThanOrEqual(6);
  }, 120_000);

  it("agrees with the solver on 表8 typos with equally small explanations, and answers them without a solve", async () => {
    // A 表8 code row's 基本支出 (or 项目支出) typed 3 off breaks only its row's 支出总计 = 基本支出 + 项目支出:
    // the column sum absorbs 3 within rounding, so the row's three figures explain it equally well.
    const rows = amountsOf("T8").filter((a) => [639, 642, 668, 670].includes(a.line) && a.key !== "total");
    let tied = 0;
    for (const a of rows) {
      const v = Number(a.text.replace(/,/g, ""));
      if (v < 3) continue;
      const { fast, solver } = await both(seedWith(a.line, a.cellIndex, String(v - 3)));
      expect({ typo: `${a.line}: ${a.text}`, out: fast.out }).toEqual({ typo: `${a.line}: ${a.text}`, out: solver.out });
      expect(fast.findings).toEqual(solver.findings);
      if (fast.solves === 0 && fast.out.some((f) => f.diagnosis!.alternatives.length)) tied++;
    }
    expect(tied).toBeGreaterThanOrEqual(2);
  }, 120_000);
});

/** Identities over figures printed as `text` at line `line` (each figure its own line): a small document's log. */
function system(printed: string[], identities: { total: number; parts: number[] }[], decimals = 0) {
  return () => {
    const amounts = printed.map((t, i) => makeAmount(Number(t).toFixed(decimals), { file: "x.md", line: i + 1, column: 1 })!);
    const log = emptyLog();
    const findings: Finding[] = [];
    for (const { total, parts } of identities) {
      const terms = [{ amount: amounts[total], coef: 1 as const }, ...parts.map((p) => ({ amount: amounts[p], coef: -1 as const }))];
      const constraint: LinearConstraint = { kind: "eq", terms, subject: { table: "text" }, location: amounts[total].location };
      const grid = makeGrid(figuresOf([constraint]));
      let miss = 0n;
      for (const t of terms) miss += BigInt(t.coef) * grid.figure(t.amount).units * grid.figure(t.amount).step;
      const slack = terms.reduce((s, t) => s + grid.figure(t.amount).half, 0n);
      let finding: number | null = null;
      if (miss !== 0n) {
        finding = findings.length;
        findings.push(identityFinding(amounts[total], terms.slice(1).map((t) => t.amount), (miss < 0n ? -miss : miss) <= slack));
      }
      log.linear.push({ constraint, finding });
    }
    return { doc: { tables: [] } as unknown as BudgetDocument, findings, log };
  };
}

function identityFinding(total: Amount, parts: Amount[], withinRounding: boolean): Finding {
  return {
    ruleId: "text-sum",
    severity: withinRounding ? "info" : "error",
    withinRounding,
    message: `${total.text} ≠ Σ`,
    table: "text",
    unit: null,
    code: null,
    item: null,
    column: null,
    stated: total.text,
    computed: "0",
    difference: "0",
    tolerance: "0",
    location: total.location,
    related: parts.map((p) => p.location),
  };
}

/**
 * A drawn table: rows × columns of leaves (true amounts in tenths, printed rounded to units), each row's
 * and column's total, the grand total both ways, and one leaf printed a second time (a copy); then one
 * printed figure mistyped.
 */
function drawnTable(rand: () => number) {
  const rows = 2 + Math.floor(rand() * 3);
  const cols = 2 + Math.floor(rand() * 3);
  const truth: number[][] = [];
  for (let r = 0; r < rows; r++) truth.push(Array.from({ length: cols }, () => Math.floor(rand() * 2000)));
  const printed: number[] = [];
  const at = (tenths: number) => printed.push(Math.round(tenths / 10)) - 1;
  const cell = truth.map((row) => row.map(at));
  const rowTotal = truth.map((row) => at(row.reduce((s, x) => s + x, 0)));
  const colTotal = truth[0].map((_, c) => at(truth.reduce((s, row) => s + row[c], 0)));
  const grand = at(truth.flat().reduce((s, x) => s + x, 0));
  const copy = printed.push(printed[cell[0][0]]) - 1;
  const identities = [
    ...cell.map((row, r) => ({ total: rowTotal[r], parts: row })),
    ...colTotal.map((t, c) => ({ total: t, parts: cell.map((row) => row[c]) })),
    { total: grand, parts: rowTotal },
    { total: grand, parts: colTotal },
    { total: copy, parts: [cell[0][0]] },
  ];
  const i = Math.floor(rand() * printed.length);
  const k = rand();
  printed[i] = k < 0.4 ? printed[i] + (rand() < 0.5 ? -1 : 1) * (2 + Math.floor(rand() * 5)) : k < 0.7 ? printed[i] * 10 + 1 : printed[i] + 11 + Math.floor(rand() * 500);
  if (printed[i] < 0) printed[i] = -printed[i];
  return { printed: printed.map(String), identities };
}

describe("the exact search on drawn tables (seeded)", () => {
  it("gives exactly the solver's findings wherever it answers, and answers most typos without a solve", async () => {
    const rand = rng(7);
    let diagnosed = 0;
    let exact = 0;
    let fellBack = 0;
    for (let n = 0; n < 60; n++) {
      const t = drawnTable(rand);
      const { fast, solver } = await both(system(t.printed, t.identities));
      expect({ n, out: fast.out, findings: fast.findings }).toEqual({ n, out: solver.out, findings: solver.findings });
      if (!solver.out.length) continue;
      diagnosed++;
      if (fast.solves === 0) exact++;
      else fellBack++;
    }
    expect(diagnosed).toBeGreaterThan(40);
    expect(exact).toBeGreaterThan(diagnosed / 2);
    // Some drawn typos are left to the solver (ties of equal likelihood, values the solver's pick decides).
    expect(fellBack).toBeGreaterThan(0);
  }, 120_000);
});

describe("a joint-rounding conflict alone (every identity holds within rounding on its own)", () => {
  it("is diagnosed without a solve, as the solver does: the copy that cannot be 4.5", async () => {
    // 4 = 5 = 6 printed as three copies: each pair holds within rounding, together they do not (4 and 6
    // cannot meet). 10 = 6 + 4 keeps the 6 at least 5, so only the 4 explains it alone, as 5.
    const make = () => {
      const s = system(["4", "5", "6", "10", "4"], [{ total: 0, parts: [1] }, { total: 1, parts: [2] }, { total: 3, parts: [2, 4] }])();
      const six = s.log.linear[1].constraint.terms[1].amount;
      s.findings.push({ ...identityFinding(six, [], false), ruleId: "rounding-consistency" });
      s.log.systemFindings.push(s.findings.length - 1);
      return s;
    };
    expect(make().findings.filter((f) => !f.withinRounding).map((f) => f.ruleId)).toEqual(["rounding-consistency"]);
    const { fast, solver } = await both(make);
    expect(fast.exact).toBe(1);
    expect(fast.solves).toBe(0);
    expect(fast.out).toHaveLength(1);
    expect(fast.out[0]).toMatchObject({ location: { line: 1 }, stated: "4", computed: "5", diagnosis: { alternatives: [] } });
    expect(fast.out).toEqual(solver.out);
    expect(fast.findings).toEqual(solver.findings);
  });
});

describe("where the exact search cannot prove its answer, the solver decides", () => {
  it("two copies that disagree: two equally likely explanations, ordered by where they are printed, so the exact search answers as the solver does", async () => {
    // (Before round 53 the order of equally likely explanations was left to the solver.)
    const { fast, solver } = await both(system(["5", "8"], [{ total: 0, parts: [1] }]));
    expect(fast.exact).toBe(1);
    expect(fast.solves).toBe(0);
    expect(fast.out).toHaveLength(1);
    expect(fast.out[0].diagnosis!.alternatives).toHaveLength(1);
    expect(fast.out).toEqual(solver.out);
  });

  it("two mistyped figures in one group: no single figure explains both", async () => {
    // 6 = 5 + 1 holds; the copies of 5 and of 1 are printed 8 and 9: only two changes explain it.
    const make = system(["6", "5", "1", "8", "9"], [{ total: 0, parts: [1, 2] }, { total: 3, parts: [1] }, { total: 4, parts: [2] }]);
    const { fast, solver } = await both(make);
    expect(fast.exact).toBe(0);
    expect(fast.solves).toBeGreaterThan(0);
    expect(fast.out.map((f) => f.computed).sort()).toEqual(["1", "5"]);
    expect(fast.out).toEqual(solver.out);
  });

  it("a figure that weighs less than the one that explains alone: two such figures could weigh as little", () => {
    // 10 = 4 + 6, with 6 printed twice and its copy typed 9: the copy alone explains it. Weighing every
    // figure 2, that is proven; with the total 10 at 1, two figures together could weigh 2 as well.
    const { log } = system(["10", "4", "6", "9"], [{ total: 0, parts: [1, 2] }, { total: 3, parts: [2] }])();
    const cs = log.linear.map((l) => l.constraint);
    const grid = makeGrid(figuresOf(cs));
    const uniform = singleFigureExplanations(cs, cs, () => 2, grid, 3);
    expect(uniform!.map((e) => e.changes.map((c) => [c.figure.amount.location.line, c.to]))).toEqual([[[4, 6n]]]);
    const total = cs[0].terms[0].amount;
    expect(singleFigureExplanations(cs, cs, (f) => (f.amount === total ? 1 : 2), grid, 3)).toBeNull();
  });
});
