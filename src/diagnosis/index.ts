import { Decimal } from "decimal.js";
import { decimalString, halfUnit, makeAmount, type Amount } from "../model/amount.js";
import type { BudgetDocument } from "../model/document.js";
import { samePlace, type SourceLocation } from "../model/location.js";
import { pushTo } from "../model/queries.js";
import type { LinearConstraint } from "../engine/propagate.js";
import { subjectText, type IdentityLog } from "../engine/run.js";
import type { Finding, Lang, ProposedValue, RatioIdentity, Severity, Subject } from "../engine/types.js";
import { ratioWithinRounding } from "../engine/evaluate.js";
import { explainedSeverity, figureSubjects, subjectFields } from "./subjects.js";
import { makeGrid, printedLike, withUnits, type Figure, type Grid } from "./figures.js";
import { emptyMilp, solveMilp, type Milp, type MilpResult } from "./solver.js";
import { components, figuresOf, headSystem, LogSystem, holdsExactly, holdsWithinRounding, root, substituted, verifies, type HeadSystem } from "./system.js";
import { isTransposition, placeOrder, rankByLikelihood, refineValue, replacedBy, slips, takeValue, type Change, type Explanation } from "./values.js";
import { followable, singleFigureExplanations } from "./fast.js";
import { figureWeight, type WeightScheme, DEFAULT_WEIGHTS } from "./weights.js";
import { makeFamilies, SEPARATE, type Families } from "./families.js";
import { openValues, type OpenValue } from "./determined.js";
import { mapArray } from "../util/arrays.js";
import { percentValues, ratioAfter } from "./percentages.js";
import { lonePercentageFindings } from "./lone-percentages.js";

/**
 * Minimal-change diagnosis (Fellegi–Holt): the smallest (weighted) set of printed figures whose change
 * makes every identity hold within rounding, and the value each should take. See docs/diagnosis.md.
 */

export const DIAGNOSIS_RULE = "diagnosis";

export interface DiagnoseOptions {
  lang: Lang;
  severity: Severity;
  /**
   * A safety of wall-clock time for the document's diagnosis, in seconds (at least DOCUMENT_SECONDS); reaching it is
   * reported (cutShortFinding). Nothing the diagnosis says depends on the clock otherwise: its programs are bounded
   * by work (DOCUMENT_WORK, PROGRAM_NODES, MAX_SOLVES, DOCUMENT_SOLVES), so the same document gives the same
   * findings however loaded the machine is.
   */
  seconds: number;
  weights?: WeightScheme;
  /**
   * Try the exact search without the solver first (fast.ts; default true). False: the solver always, as
   * before it (the tests compare the two).
   */
  exactSearch?: boolean;
}

const counts = { groups: 0, exact: 0, work: 0, presolveOff: 0, separate: 0 };

/**
 * How many groups of identities this process diagnosed, how many of them the exact search answered, the work
 * its solver's programs were charged (DOCUMENT_WORK's units), how many first programs were solved again without
 * HiGHS's presolve (explainGroup), and how many documents were diagnosed again with every figure on its own (diagnose).
 */
export function diagnosisCounts(): { groups: number; exact: number; work: number; presolveOff: number; separate: number } {
  return { ...counts };
}

/**
 * The identities within `radius` steps (through shared figures; a family's members are one figure) of the troubled
 * ones, and the formulas of the workbook totals among their figures (those of the totals' cells too, down to the
 * detail cells): a total that follows its cells (changeModel) is tied to them only by its formula. Solving on them
 * alone is a relaxation of the whole group (fewer identities): its smallest explanation costs no more than the whole
 * group's, so one that verifies on the whole group is the whole group's smallest too — and the model is a fraction
 * of the size. When none verifies, the whole group is solved. (`g`: the group's identities, indexes into the log.)
 */
function neighbourhood(g: number[], constraints: LinearConstraint[], sys: LogSystem, troubled: boolean[], radius: number, fam: Families): LinearConstraint[] {
  // (The identities' figures read from the flat arrays, sys: docs/performance.md, "Twenty-second pass".)
  const uses = new Map<Amount, number[]>();
  for (let k = 0; k < g.length; k++) {
    const f = sys.flat(g[k]);
    const i = sys.index[g[k]];
    for (let x = f.start[i], end = f.start[i + 1]; x < end; x++) pushTo(uses, fam.head(f.amounts[x]), k);
  }
  const inside = new Set<number>();
  for (let k = 0; k < g.length; k++) if (troubled[g[k]]) inside.add(k);
  let frontier = [...inside];
  for (let r = 0; r < radius && frontier.length; r++) {
    const next: number[] = [];
    for (const k of frontier) {
      const f = sys.flat(g[k]);
      const i = sys.index[g[k]];
      for (let x = f.start[i], end = f.start[i + 1]; x < end; x++)
        for (const j of uses.get(fam.head(f.amounts[x]))!)
          if (!inside.has(j)) {
            inside.add(j);
            next.push(j);
          }
    }
    frontier = next;
  }
  if (fam.formulaOrder.length) {
    // The formulas of the totals inside, and of the totals among their cells, until none is added.
    const byTotal = new Map<Amount, number[]>();
    for (let k = 0; k < g.length; k++) for (const t of constraints[g[k]].terms) if (fam.formula(fam.head(t.amount))?.total === t.amount) pushTo(byTotal, t.amount, k);
    let todo = [...inside];
    while (todo.length) {
      const next: number[] = [];
      for (const k of todo)
        for (const t of constraints[g[k]].terms) {
          const f = fam.formula(fam.head(t.amount));
          for (const j of (f && byTotal.get(f.total)) || [])
            if (!inside.has(j)) {
              inside.add(j);
              next.push(j);
            }
        }
      todo = next;
    }
  }
  const out: LinearConstraint[] = [];
  for (let k = 0; k < g.length; k++) if (inside.has(k)) out.push(constraints[g[k]]);
  return out;
}

/** Is any of the identities k ∈ g troubled? */
function anyTroubled(g: number[], troubled: boolean[]): boolean {
  for (const k of g) if (troubled[k]) return true;
  return false;
}

/** Is the identity in trouble: a discrepancy of its own, or a figure a joint-rounding finding names? */
function inTrouble(l: IdentityLog["linear"][number], findings: Finding[], systemLocations: SourceLocation[]): boolean {
  if (l.finding !== null && isDiscrepancy(findings[l.finding])) return true;
  if (!systemLocations.length) return false;
  for (const t of l.constraint.terms) for (const s of systemLocations) if (sameLoc(s, t.amount.location)) return true;
  return false;
}

const NEIGHBOURHOOD = 1;

/** At most this many explanations of one group (the first and its ties) are looked for. */
const MAX_EXPLANATIONS = 5;

const isDiscrepancy = (f: Finding | undefined) => !!f && !f.withinRounding;

/** Is there anything to diagnose: an identity beyond rounding, or a joint-rounding conflict? */
export function needsDiagnosis(findings: Finding[], log: IdentityLog): boolean {
  return log.systemFindings.length > 0 || log.linear.some((l) => l.finding !== null && isDiscrepancy(findings[l.finding]));
}

/** Variable names of figure i (a family's head). */
const v = (i: number) => ({ y: `y${i}`, dp: `dp${i}`, dn: `dn${i}`, z: `z${i}`, f: `f${i}` });

/**
 * Which figures change (phase 1). Per figure i on the grid (a family's head, families.ts): y its true amount within
 * the printed figure's rounding interval, dp/dn ≥ 0 a change up or down, allowed only when the binary z is on:
 * dp, dn ≤ M·z (big-M). Every identity holds on y + dp − dn (a member's term its head's times 10^shift); the
 * objective is Σ weight·z. M is the sum of every identity's printed imbalance plus a unit of the figure: no single
 * change beyond all the discrepancies together is considered, which keeps the LP relaxation tight enough to solve fast.
 *
 * A workbook total whose formula is among the identities (`follow`: formula-cache's) may also change because a cell
 * of its formula does, as the spreadsheet recalculates it: its binary f (dp, dn ≤ M·(z + f)) may be on only when
 * some cell's z or f is, and costs `eps` — so little that all of them together weigh less than one change. A typo in
 * a detail cell then costs one change, its recalculated totals nearly nothing, where the copies of those totals that
 * still say the truth (the text, another table) would each cost a change of their own; and where one change of the
 * text does as well, the text's (the totals unmoved) is the smaller.
 */
function changeModel(hs: HeadSystem, weights: number[], follow: (number[] | null)[], eps: number): Milp {
  const m = emptyMilp();
  hs.figs.forEach((f, i) => {
    const n = v(i);
    m.bounds.set(n.y, { lo: Number(hs.lo[i]), hi: Number(hs.hi[i]) });
    // A figure held as printed (HeadSystem.fixed): its true amount within its interval, no change, no flag.
    if (hs.fixed[i]) return;
    const M = Number(hs.reach + 2n * f.step);
    // A stored value changes with its cell (HeadSystem.tied): the cell's flags allow it, it has none of its own.
    const owner = hs.tied[i] ?? i;
    if (owner === i) m.objective.set(n.z, weights[i]);
    m.bounds.set(n.dp, { lo: 0, hi: M });
    m.bounds.set(n.dn, { lo: 0, hi: f.nonNegative ? Math.min(M, Number(hs.hi[i])) : M });
    if (owner === i) m.binaries.push(n.z);
    const o = v(owner);
    const on = (x: string) => (follow[owner] ? new Map([[x, 1], [o.z, -M], [o.f, -M]]) : new Map([[x, 1], [o.z, -M]]));
    m.rows.push({ name: `up${i}`, terms: on(n.dp), op: "<=", rhs: 0 });
    m.rows.push({ name: `dn${i}`, terms: on(n.dn), op: "<=", rhs: 0 });
  });
  hs.rows.forEach((r, j) => {
    const terms = new Map<string, number>();
    const add = (name: string, x: number) => terms.set(name, (terms.get(name) ?? 0) + x);
    for (let k = 0; k < r.vars.length; k++) {
      const i = r.vars[k];
      const coef = Number(r.coefs[k]);
      add(v(i).y, coef);
      if (hs.fixed[i]) continue;
      add(v(i).dp, coef);
      add(v(i).dn, -coef);
    }
    m.rows.push({ name: `c${j}`, terms, op: r.eq ? "=" : "<=", rhs: 0 });
  });
  // A stored value changed with its cell is the cell's new printed figure: the cell's true amount lies within half
  // its unit of it (|x_m − x_cell| ≤ ½ unit while the cell's flags are on; unchanged, each keeps its own interval).
  hs.tied.forEach((o, i) => {
    if (o === null || hs.fixed[i]) return;
    const S = Math.max(hs.sigma[i], hs.sigma[o]);
    const ci = 10 ** (S - hs.sigma[i]);
    const co = 10 ** (S - hs.sigma[o]);
    const half = Number(hs.figs[o].half) * 10 ** (S - hs.sigma[o]);
    const big = Number(2n * hs.reach) * Math.max(ci, co) + Number(hs.hi[i] > hs.hi[o] ? hs.hi[i] : hs.hi[o]) * Math.max(ci, co) + half;
    const x = (sign: number) => {
      const terms = new Map<string, number>([[v(i).y, sign * ci], [v(i).dp, sign * ci], [v(i).dn, -sign * ci], [v(o).y, -sign * co], [v(o).dp, -sign * co], [v(o).dn, sign * co], [v(o).z, big]]);
      if (follow[o]) terms.set(v(o).f, big);
      return terms;
    };
    m.rows.push({ name: `lku${i}`, terms: x(1), op: "<=", rhs: half + big });
    m.rows.push({ name: `lkd${i}`, terms: x(-1), op: "<=", rhs: half + big });
    if (follow[o]) m.rows.push({ name: `one${i}`, terms: new Map([[v(o).z, 1], [v(o).f, 1]]), op: "<=", rhs: 1 });
  });
  follow.forEach((cells, i) => {
    if (!cells) return;
    // f_i ≤ Σ (z + f) over the cells of its formula.
    const terms = new Map<string, number>([[v(i).f, 1]]);
    for (const p of cells) {
      terms.set(v(p).z, (terms.get(v(p).z) ?? 0) - 1);
      if (follow[p]) terms.set(v(p).f, (terms.get(v(p).f) ?? 0) - 1);
    }
    m.objective.set(v(i).f, eps);
    m.binaries.push(v(i).f);
    m.rows.push({ name: `fol${i}`, terms, op: "<=", rhs: 0 });
  });
  return m;
}

/** A value a figure could have had before a typing slip (values.ts `slips`), in printed units. */
interface Slip {
  i: number;
  to: bigint;
}

const slipKey = (s: Slip) => `${s.i}:${s.to}`;

/**
 * For each failing identity, its own slips: the figures whose printed digits, read back with a typing slip undone
 * (values.ts `slips`: two adjacent digits swapped), make that identity hold within rounding on their own, with that
 * value (in printed units). Empty lists are left out. None in the common case: a slip undone must settle a failing
 * identity exactly enough, which a sibling's digits rarely do by chance.
 */
function slipsPerIdentity(constraints: LinearConstraint[], hs: HeadSystem, grid: Grid, equalities = false): Slip[][] {
  const { figs, index } = hs;
  const out: Slip[][] = [];
  for (const c of constraints) {
    if ((equalities && c.kind !== "eq") || holdsWithinRounding(c, grid)) continue;
    const own: Slip[] = [];
    for (const t of c.terms) {
      const i = index.get(t.amount)!;
      // (A family's other members, a copy or a stored value, print the head's digits: the head's term is tried.)
      if (figs[i].amount !== t.amount || hs.tied[i] !== null || hs.fixed[i]) continue;
      for (const to of slips(figs[i].units)) if (holdsWithinRounding(c, grid, t.amount, to)) own.push({ i, to });
    }
    if (own.length) out.push(own);
  }
  return out;
}

/** At most this many failing identities' slips are combined into the plans of one group. */
const MAX_SLIP_IDENTITIES = 64;

/**
 * The sets of slips undone that the searches for an equally small explanation hold fixed, in the order they are
 * tried. First the joint plan: one slip for each failing sum that has one (each sum's own, several mistakes of a
 * group combined), a slip settling more failing sums chosen before one settling fewer (a typo breaks its row and
 * its column; a sibling's digits mimic it in one of them), a figure once. Then the joint plan with one sum's slip
 * replaced by another that settles as much (two siblings whose digits swapped back both settle their sum: a tie
 * the finding must list). Then each slip alone, taken from the failing sums in turn, for where the joint plan
 * leaves no set as small.
 */
function slipPlans(perIdentity: Slip[][]): Slip[][] {
  const lists = perIdentity.slice(0, MAX_SLIP_IDENTITIES);
  const settles = new Map<string, number[]>();
  lists.forEach((own, k) => {
    for (const s of own) pushTo(settles, slipKey(s), k);
  });
  const reach = (s: Slip) => settles.get(slipKey(s))!.length;
  // Every slip once, those settling more sums first, then in the order of the sums and their terms.
  const all: Slip[] = [];
  const listed = new Set<string>();
  for (const own of lists)
    for (const s of own)
      if (!listed.has(slipKey(s))) {
        listed.add(slipKey(s));
        all.push(s);
      }
  const ranked = all.slice().sort((x, y) => reach(y) - reach(x));
  const joint: Slip[] = [];
  const settled = new Set<number>();
  const used = new Set<number>();
  for (const s of ranked) {
    if (used.has(s.i) || settles.get(slipKey(s))!.every((k) => settled.has(k))) continue;
    joint.push(s);
    used.add(s.i);
    for (const k of settles.get(slipKey(s))!) settled.add(k);
  }
  const plans: Slip[][] = [joint];
  for (let j = 0; j < joint.length; j++) {
    const mine = settles.get(slipKey(joint[j]))!;
    for (const t of ranked) {
      if (used.has(t.i)) continue;
      const theirs = settles.get(slipKey(t))!;
      if (mine.every((k) => theirs.includes(k))) plans.push([...joint.slice(0, j), t, ...joint.slice(j + 1)]);
    }
  }
  // The slips alone, a sum's first, then each sum's second…
  for (let k = 0; lists.some((own) => k < own.length); k++) for (const own of lists) if (k < own.length) plans.push([own[k]]);
  const seen = new Set<string>();
  return plans.filter((p) => {
    const key = mapArray(p, slipKey).sort().join(" ");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Rows that keep figure i changed, its true amount within the rounding interval of `to` (in printed units). */
function forcedRows(f: Figure, s: Slip): Milp["rows"] {
  return heldRows(f, s.i, s.to, s.to);
}

/** Rows that keep figure i changed, its true amount within the rounding intervals of `lo` … `hi` (in printed units). */
function heldRows(f: Figure, i: number, lo: bigint, hi: bigint): Milp["rows"] {
  const n = v(i);
  const terms = new Map([[n.y, 1], [n.dp, 1], [n.dn, -1]]);
  return [
    { name: `slip${i}`, terms: new Map([[n.z, 1]]), op: ">=", rhs: 1 },
    { name: `slipLo${i}`, terms, op: ">=", rhs: Number(lo * f.step - f.half) },
    { name: `slipHi${i}`, terms, op: "<=", rhs: Number(hi * f.step + f.half) },
  ];
}

/** A figure of a failing printed percentage held changed, within the values at which the percentage holds (percentPlans). */
interface PercentPlan {
  i: number;
  lo: bigint;
  hi: bigint;
}

/** At most this many failing percentages' figures are tried per group (percentPlans). */
const MAX_PERCENT_FIGURES = 16;

/**
 * The searches for an equally small explanation that makes a failing printed percentage hold: for each figure of the
 * program that a failing percentage reads (a figure of its own, not a copy, a stored value or one held as printed),
 * the values at which the percentage holds, the other figures as printed (percentValues). In the order of the
 * percentages' findings, then of their terms; a figure once.
 */
function percentPlans(percents: readonly RatioIdentity[], hs: HeadSystem): PercentPlan[] {
  const out: PercentPlan[] = [];
  for (const id of percents) {
    for (const t of [...id.numerator, ...id.denominator]) {
      const i = hs.index.get(t.amount);
      if (i === undefined || hs.figs[i].amount !== t.amount || hs.tied[i] !== null || hs.fixed[i] || out.some((p) => p.i === i)) continue;
      const range = percentValues(id, t.amount, hs.figs[i].nonNegative);
      // (A range holding the printed figure: the percentage fails for another figure of it.)
      if (range && (range.lo > hs.figs[i].units || range.hi < hs.figs[i].units)) out.push({ i, ...range });
      if (out.length >= MAX_PERCENT_FIGURES) return out;
    }
  }
  return out;
}

/**
 * What is left of a document's programs (DOCUMENT_SOLVES) and of its work (DOCUMENT_WORK), the safety of time
 * (`deadline`, Date.now() milliseconds), and whether that safety cut the diagnosis short.
 */
interface SolveBudget {
  solves: number;
  work: number;
  deadline: number;
  cut: boolean;
}

/** At most this many searches for an equally small explanation that undoes typing slips, per group. */
const SLIP_SEARCHES = 2;

/** At most this many searches for an equally small explanation that makes a failing printed percentage hold, per group. */
const PERCENT_SEARCHES = 2;

/**
 * At most this many programs per search of a group (explainGroup): the first, the searches for a tie and those whose
 * answer does not verify on the whole group. A bound of work, as PROGRAM_NODES: before round 49 the clock bounded
 * them, so that a loaded machine could end the search for a tie early and blame a sibling.
 */
const MAX_SOLVES = 8;

/** At most this many programs per document: the groups after (in the order of their identities) are not diagnosed. */
const DOCUMENT_SOLVES = 64;

/**
 * The work of all the solver's programs for one document, in simplex iterations (the branch-and-bound's, root
 * included, solver-run.ts) plus, for each program, its number of rows (a charge for what its root costs beyond
 * its iterations: presolve, cuts, heuristics). Each program may spend what is left, and is stopped there (at the
 * same point on any machine); once it is spent, the groups after are not diagnosed. A node limit alone bounded
 * nothing: a Shenzhen budget read in the wrong unit spent 56,188 iterations (17 s) in 594 nodes of one program,
 * and a group of 900 identities 60 s in its 22 first nodes. The bundled documents need at most about half of it (the
 * seeded 北京 workbook, 6,200 in ten programs), the synthetic corpora under 200; a Shanghai budget whose tables are
 * read in the wrong unit, 77 changes at once, about 10,700. About 5–7 s of one core at worst (docs/diagnosis.md), within
 * the old limit of time (10 s).
 */
export const DOCUMENT_WORK = 12_000;

/**
 * At most this many simplex iterations per program (of DOCUMENT_WORK): one program that needs more (the seed in 元's,
 * 56,188) leaves the rest of the document's work to the whole group and the groups after, and a document whose
 * programs are all so hard costs less. The largest program of the bundled documents needs 6,646 (the whole group
 * of 万里街道 read in 万元).
 */
const PROGRAM_WORK = 8_000;

/**
 * Branch-and-bound nodes per program (HiGHS's mip_max_nodes): no program of the bundled documents or the synthetic
 * corpora reaches it. A program that needs more stops there, at the same point on any machine; its best
 * explanation is reported as not proven smallest, and a search for a tie that finds none by then finds none.
 */
const PROGRAM_NODES = 20_000;

/**
 * An explanation of more changes than this is reported without a search for an equally small one, and a set this
 * large that does not verify ends the search on its identities: dozens at once mean a reading gone wrong (a table
 * in 元 said to be in 万元), not dozens of typos, and proving that no other set of them is as small took HiGHS a
 * minute of work (a Shanghai budget read in the wrong unit: 76 changes, 47 s in the search for a tie). Such a set
 * from a program stopped at its limit (not proven smallest) is not even checked: checking the 647 changes of one took
 * longer than the search (values.ts tries each change's values on the whole group).
 */
const MANY_CHANGES = 12;

/**
 * The safety of time per document (and the least BUDGET_CHECK_SOLVER_SECONDS gives it), in seconds: a program still
 * running then is stopped by HiGHS (past hardLimitMs of what was left, with its thread), and no group after is
 * diagnosed. The work limits keep a document far within it (about 10 s of an idle machine at worst); a diagnosis
 * it cuts short says so (cutShortFinding), since what it says then depends on the machine.
 */
const DOCUMENT_SECONDS = 60;

/**
 * Finds the explanations of one group of identities: the smallest, then any exactly as small (ties), each
 * verified exactly on `whole` (the group; `constraints` may be a part of it, see `neighbourhood`).
 * Returns no explanation when none verifies or none was found within the limits; `limited` says that a limit of work
 * (the document's, a program's, the number of programs) ended the search before it had one (not that the programs
 * had no solution).
 *
 * Ties are looked for first among the sets that undo typing slips of printed digits (slipPlans; one search per
 * plan, its slips held at their values): the ranking puts such a set first (rankByLikelihood), and it would otherwise
 * be found only if the solver happened to return it among the first MAX_EXPLANATIONS — a typo in one of a dozen
 * siblings that any of them could absorb was blamed on a sibling. The first plan undoes a slip in every failing sum
 * that has one at once: in a group with several mistakes, a search per slip spent its turns on the slips of the
 * other mistakes, and a sum's own slip was never tried.
 *
 * Nothing here reads the clock but the safety of time (DOCUMENT_SECONDS): the programs are bounded by PROGRAM_NODES
 * and by what is left of the document's work (DOCUMENT_WORK), and their number by MAX_SOLVES and DOCUMENT_SOLVES; a
 * set of more than MANY_CHANGES is not searched for a tie.
 */
async function explainGroup(
  constraints: LinearConstraint[],
  whole: LinearConstraint[],
  weightsOf: (f: Figure) => number,
  grid: Grid,
  fam: Families,
  budget: SolveBudget,
  fixed: ReadonlySet<Amount>,
  percents: readonly RatioIdentity[],
): Promise<{ explanations: Explanation[]; limited: boolean }> {
  const hs = headSystem(constraints, grid, fam, fixed);
  const figs = hs.figs;
  const index = hs.index;
  const weights = mapArray(figs, weightsOf);
  // The totals that may follow their formula's cells, with those cells' variables.
  const follow = mapArray(figs, (f, i) => {
    if (hs.tied[i] !== null || hs.fixed[i] || !followable(f.amount, hs, fam)) return null;
    const cells: number[] = [];
    for (const p of fam.formula(f.amount)!.parts) {
      const j = hs.tied[index.get(p.amount)!] ?? index.get(p.amount)!;
      if (!cells.includes(j)) cells.push(j);
    }
    return cells;
  });
  const followers = follow.filter((x) => x).length;
  // All followers together cost less than 1, the smallest difference between two sets of changes (integer weights);
  // a power of two, exact in floating point.
  let eps = 1;
  while (eps * (followers + 1) >= 1) eps /= 2;
  const base = changeModel(hs, weights, follow, eps);
  const out: Explanation[] = [];
  const cuts: Milp["rows"] = [];
  /** The slips undone by a set found so far (figure and value). */
  const found = new Set<string>();
  let plansLeft: Slip[][] | null = null;
  /** Every failing equality's slips (slipsPerIdentity), once a set is found. */
  let ownSlips: Slip[] | null = null;
  let searches = SLIP_SEARCHES;
  /** The searches that hold a failing percentage's figure at the values making it hold (percentPlans), once a set is found. */
  let percentLeft: PercentPlan[] | null = null;
  let percentSearches = PERCENT_SEARCHES;
  let best: number | null = null;
  let solves = 0;
  /** The search ended at a limit of work, not on a proof that nothing (more) is as small. */
  let limited = false;
  while (out.length < MAX_EXPLANATIONS && solves < MAX_SOLVES && budget.solves > 0) {
    // Looking for a tie: only sets exactly as small as the best one; those that undo slips first.
    const tieTerms = new Map<string, number>();
    figs.forEach((_, i) => {
      if (hs.tied[i] === null && !hs.fixed[i]) tieTerms.set(v(i).z, weights[i]);
    });
    follow.forEach((cells, i) => {
      if (cells) tieTerms.set(v(i).f, eps);
    });
    const bound: Milp["rows"] = best === null ? [] : [{ name: "tie", terms: tieTerms, op: "<=", rhs: best }];
    // First a figure of a failing printed percentage at the values that make it hold: the ranking puts a set that makes
    // the document's percentages hold before those that leave them wrong, and the solver, free to pick among a dozen
    // figures under a sum, would find it only by chance (a 项's 年初预算 typed too high in the text: any other item's
    // lowered to 0 settles the budget's sum as well).
    if (best !== null && percentLeft === null) percentLeft = percents.length ? percentPlans(percents, hs) : [];
    let held: PercentPlan | undefined;
    while (percentSearches > 0 && percentLeft?.length && !held) {
      const h = percentLeft.shift()!;
      // (A set found already makes that change, within those values.)
      if (!out.some((e) => e.changes.some((c) => c.figure.amount === figs[h.i].amount && c.to >= h.lo && c.to <= h.hi))) held = h;
    }
    if (held) percentSearches--;
    if (best !== null && plansLeft === null) plansLeft = slipPlans(slipsPerIdentity(constraints, hs, grid));
    let plan: Slip[] | undefined;
    while (!held && searches > 0 && plansLeft?.length && !plan) {
      const p = plansLeft.shift()!;
      // A plan whose every slip a set found undoes would find nothing new to prefer.
      if (p.some((s) => !found.has(slipKey(s)))) plan = p;
    }
    if (plan) searches--;
    const planned = !!plan || !!held;
    const forced = held ? heldRows(figs[held.i], held.i, held.lo, held.hi) : plan ? plan.flatMap((s) => forcedRows(figs[s.i], s)) : [];
    const model = { ...base, rows: [...base.rows, ...cuts, ...bound, ...forced] };
    // The document's work left, less the program's charge for its root: nothing left, no program.
    const left = budget.work - model.rows.length;
    if (left <= 0) {
      limited = true;
      break;
    }
    const seconds = (budget.deadline - Date.now()) / 1000;
    if (seconds <= 0) {
      budget.cut = true;
      break;
    }
    solves++;
    budget.solves--;
    let r = await solveMilp(model, seconds, undefined, { nodes: PROGRAM_NODES, lpIterations: Math.min(PROGRAM_WORK, left) });
    budget.work = left - r.work.lpIterations;
    counts.work += model.rows.length + r.work.lpIterations;
    if (r.timedOut) budget.cut = true;
    // The first program lets every figure change, so it always has a solution: "Infeasible" there is HiGHS's
    // presolve misjudging in floating point (solver.ts, noPresolve). It is solved once more without the presolve,
    // out of what is left of the document's work.
    if (r.infeasible && best === null && !planned && cuts.length === 0 && budget.work - model.rows.length > 0 && !budget.cut) {
      const again = budget.work - model.rows.length;
      counts.presolveOff++;
      r = await solveMilp(model, Math.max(0, (budget.deadline - Date.now()) / 1000), undefined, { nodes: PROGRAM_NODES, lpIterations: Math.min(PROGRAM_WORK, again), noPresolve: true });
      budget.work = again - r.work.lpIterations;
      counts.work += model.rows.length + r.work.lpIterations;
      if (r.timedOut) budget.cut = true;
    }
    if (r.status === "none") {
      if (planned) continue; // no set as small undoes these slips (or makes that percentage hold)
      limited = r.stopped;
      break;
    }
    /** The figures an answer changes, and what that costs (the followers that move at eps each). */
    const answer = (x: MilpResult) => {
      const changed = new Set<number>();
      let following = 0;
      figs.forEach((_, i) => {
        if (x.value(v(i).z) > 0.5) changed.add(i);
        else if (follow[i] && x.value(v(i).f) > 0.5) following++;
      });
      return { changed, cost: [...changed].reduce((s, i) => s + weights[i], 0) + following * eps };
    };
    /**
     * An answer's changes with their values: the solver's true amount of each changed figure, rounded to its printed
     * precision, then the most likely value near it that verifies on the whole group (refineValue); `ok` when they all
     * take one and the whole set verifies. The totals that follow are recalculated from them (families.ts).
     */
    const proposal = (x: MilpResult, changed: Set<number>) => {
      const changes: Explanation["changes"] = [];
      const undone: string[] = [];
      for (const i of changed) {
        const y = x.value(v(i).y) + x.value(v(i).dp) - x.value(v(i).dn);
        const to = BigInt(Math.round(y / Number(figs[i].step)));
        changes.push({ figure: grid.figure(figs[i].amount), to });
        undone.push(slipKey({ i, to }));
      }
      let ok = refineValues(changes, whole, grid, fam);
      ok &&= changes.every((c) => c.to !== c.figure.units) && verifies(whole, replacedBy(changes, fam), (cs) => makeGrid(figuresOf(cs)));
      return { changes, undone, ok };
    };
    let { changed, cost } = answer(r);
    if (changed.size === 0 || (best !== null && cost > best)) {
      if (planned) continue;
      break;
    }
    // A large set not proven smallest is neither checked nor searched around (MANY_CHANGES).
    if (r.status !== "optimal" && changed.size > MANY_CHANGES) {
      best ??= cost;
      limited = true;
      break;
    }
    let { changes, undone, ok } = proposal(r, changed);
    // The presolve has also answered "optimal" with more changes than the smallest set: one more typo in 万里街道's 2023
    // budget (红十字事业 43,300 typed 53,300 beside the text's 441.25 for 220.63) got 7 changes that did not verify where
    // those 2 do, and the whole group then 67 that did, every one "proven". A first answer that does not verify, or that
    // changes more than MANY_CHANGES figures, is checked by the program solved once more without the presolve, out of what
    // is left of the document's work; the smaller answer is kept. (Not every first answer of several changes: the retry's
    // work left a 江西 budget's five equally small sets too little for the search for ties.)
    if (best === null && !planned && cuts.length === 0 && changed.size > 1 && (!ok || changed.size > MANY_CHANGES) && budget.work - model.rows.length > 0 && !budget.cut) {
      const again = budget.work - model.rows.length;
      counts.presolveOff++;
      const r2 = await solveMilp(model, Math.max(0, (budget.deadline - Date.now()) / 1000), undefined, { nodes: PROGRAM_NODES, lpIterations: Math.min(PROGRAM_WORK, again), noPresolve: true });
      budget.work = again - r2.work.lpIterations;
      counts.work += model.rows.length + r2.work.lpIterations;
      if (r2.timedOut) budget.cut = true;
      const a2 = r2.status === "none" ? null : answer(r2);
      // (A cheaper answer, even one not proven smallest, shows the first was not the smallest.)
      if (a2 && a2.changed.size > 0 && a2.cost < cost) {
        ({ changed, cost } = a2);
        r = r2;
        ({ changes, undone, ok } = proposal(r, changed));
      }
    }
    best ??= cost;
    if (ok) {
      ownSlips ??= slipsPerIdentity(constraints, hs, grid, true).flat();
      for (const c of changes) {
        // A change the rounding leaves room for takes the figure's digits swapped back where they settle a failing
        // equality and verify (223.07 → 223.02 for a printed 232.02): a set found so is not searched for again. (Not
        // an inequality's: any value on its right side settles it, 6,144.15 read back as 1,644.15 included.)
        // The changes that must move with it move alike (takeValue).
        const i = index.get(c.figure.amount)!;
        if (!isTransposition(c.figure.units, c.to)) takeValue(c, ownSlips.flatMap((sl) => (sl.i === i ? [sl.to] : [])), changes, whole, fam);
      }
      for (const c of changes) undone.push(slipKey({ i: index.get(c.figure.amount)!, to: c.to }));
      out.push({ changes, proven: r.status === "optimal" });
      for (const k of undone) found.add(k);
      if (out.length === 1 && changes.length > MANY_CHANGES) break;
    } else if (out.length === 0 && changes.length > MANY_CHANGES) break;
    // Exclude this set (and its supersets) to look for another explanation as small.
    cuts.push({ name: `cut${cuts.length}`, terms: new Map(mapArray([...changed], (i) => [v(i).z, 1])), op: "<=", rhs: changed.size - 1 });
    if (r.status !== "optimal") break; // ties cannot be told apart without a proven optimum
  }
  // Out of programs (the group's or the document's) before the first answer.
  if (!out.length && best === null && (solves >= MAX_SOLVES || budget.solves <= 0)) limited = true;
  return { explanations: out, limited };
}

/**
 * A change whose value the identities only bound (determined.ts), put by the solver at 0 — the end of every
 * non-negative figure's interval, its vertex — while printed non-zero, takes the end of its interval nearest its
 * printed figure instead, where the explanation verifies so: an item lowered "at most 83.76" is not offered as set to
 * 0.00, a value no figure around it says, and a change to 0 ranks after those that change a figure otherwise
 * (values.ts, rankByLikelihood) only where 0 is what the identities leave it.
 */
function awayFromZero(e: Explanation, whole: LinearConstraint[], fam: Families): void {
  if (!e.changes.some((c) => c.to === 0n && c.figure.units > 0n)) return;
  const open = openValues(e, whole, fam);
  for (const c of e.changes) {
    const o = open.get(c);
    if (!o || o.together.length || c.to !== 0n || c.figure.units <= 0n || o.hi === null || o.hi <= 0n || o.hi >= c.figure.units) continue;
    c.to = o.hi;
    if (!verifies(whole, replacedBy(e.changes, fam), (cs) => makeGrid(figuresOf(cs)))) c.to = 0n;
  }
}

/**
 * Each change's value (refineValue), in turns: a change none of whose values verifies while another still has the
 * solver's value is tried again once the others have theirs (a cell's stored value at the solver's 11,545.92 left
 * no value of any other change verifying, the formula over the stored values being exact). False when a turn
 * settles none.
 */
function refineValues(changes: Change[], whole: LinearConstraint[], grid: Grid, fam: Families): boolean {
  let left = changes;
  while (left.length) {
    const failed: Change[] = [];
    for (const c of left) if (!refineValue(c, changes, whole, grid, fam)) failed.push(c);
    if (failed.length === left.length) return false;
    left = failed;
  }
  return true;
}

function proposed(c: Explanation["changes"][number], subjects: Map<Amount, Subject>): ProposedValue {
  const a = c.figure.amount;
  return { location: a.location, table: subjects.get(a)?.table ?? "text", from: a.text, to: printedLike(a.text, c.to, c.figure.decimals) };
}

/**
 * A culprit's stated and proposed values, their difference and its half unit, in the unit it is printed in: a
 * table's 1,763,159.52 元 compared with the text in 万元 as a copy (176.315952) is stated as 1763159.52.
 */
export function inPrintedUnit(a: Amount, units: bigint, to: string): Pick<Finding, "stated" | "computed" | "difference" | "tolerance"> {
  const printed = makeAmount(a.text, a.location);
  if (!printed || printed.decimals === a.decimals || !printed.value.times(a.value).gte(0)) {
    const value = withUnits(a, units).value;
    return { stated: decimalString(a.value), computed: decimalString(value), difference: decimalString(a.value.minus(value)), tolerance: decimalString(halfUnit(a)) };
  }
  const value = new Decimal(to.replace(/,/g, ""));
  return { stated: decimalString(printed.value), computed: decimalString(value), difference: decimalString(printed.value.minus(value)), tolerance: decimalString(halfUnit(printed)) };
}

const placeOf = (l: SourceLocation) => `${l.file}\u0000${l.line ?? ""}\u0000${l.column ?? ""}\u0000${l.sheet ?? ""}\u0000${l.cell ?? ""}`;

/** A figure compared in another unit than it is printed in: its decimals are not its printed text's. */
function isCopy(a: Amount): boolean {
  const dot = a.text.lastIndexOf(".");
  let printed = 0;
  if (dot >= 0) while (dot + 1 + printed < a.text.length && a.text[dot + 1 + printed] >= "0" && a.text[dot + 1 + printed] <= "9") printed++;
  return printed !== a.decimals;
}

/** A copy changed by an explanation that leaves the figure itself, used as printed by other identities, as it is. */
function aloneCopy(a: Amount, e: Explanation, printedFigures: () => Set<string>): boolean {
  if (!isCopy(a) || !printedFigures().has(placeOf(a.location))) return false;
  return !e.changes.some((o) => o.figure.amount !== a && placeOf(o.figure.amount.location) === placeOf(a.location));
}

function sameLoc(a: SourceLocation, b: SourceLocation): boolean {
  return samePlace(a, b) && (a.column ?? null) === (b.column ?? null);
}

/**
 * Diagnoses the document: returns the diagnosis findings and sets `explainedBy` on the findings they
 * explain (in place). Loads the solver only when some identity is off (needsDiagnosis).
 */
export async function diagnose(doc: BudgetDocument, findings: Finding[], log: IdentityLog, opts: DiagnoseOptions): Promise<Finding[]> {
  const out = needsDiagnosis(findings, log) ? await diagnoseIdentities(doc, findings, log, opts) : [];
  // Then the printed percentages that fail alone, which no identity of the program names a figure of (lone-percentages.ts).
  let numbered = 0;
  for (const f of out) if (f.id?.startsWith(`${DIAGNOSIS_RULE}-`)) numbered++;
  return log.ratios.length ? [...out, ...lonePercentageFindings(doc, findings, log, opts, numbered + 1)] : out;
}

async function diagnoseIdentities(doc: BudgetDocument, findings: Finding[], log: IdentityLog, opts: DiagnoseOptions): Promise<Finding[]> {
  const constraints = mapArray(log.linear, (l) => l.constraint);
  // Every identity in flat arrays, for the walks over all of them (system.ts LogSystem).
  const sys = LogSystem.of(log, constraints);
  const amounts = sys.figures();
  // One printed figure's several figures, and the workbook's formula totals (families.ts).
  const fam = makeFamilies(amounts, doc.workbook?.formulas ?? []);
  // The document's work and time, for both readings below.
  const budget: SolveBudget = { solves: DOCUMENT_SOLVES, work: DOCUMENT_WORK, deadline: Date.now() + Math.max(DOCUMENT_SECONDS, opts.seconds) * 1000, cut: false };
  if (!fam.linked) return (await diagnoseWith(doc, findings, log, opts, constraints, sys, amounts, fam, budget)).out;
  const before = mapArray(findings, (f) => f.explainedBy);
  const linked = await diagnoseWith(doc, findings, log, opts, constraints, sys, amounts, fam, budget);
  if (linked.out.length || !linked.unexplained || budget.cut) return linked.out;
  // Nothing diagnosed, and a troubled group's programs with families had no solution at all (天津's workbook: its 元
  // cells, their stored values and their 万元 copies): the document is diagnosed with every figure on its own, as before
  // round 48, rather than not at all.
  counts.separate++;
  findings.forEach((f, i) => {
    if (before[i] === undefined) delete f.explainedBy;
    else f.explainedBy = before[i];
  });
  return (await diagnoseWith(doc, findings, log, opts, constraints, sys, amounts, SEPARATE, budget)).out;
}

/**
 * The diagnosis with the figures' families `fam`, within what is left of `budget`: its findings, and how many troubled
 * groups it found no explanation for with work left (their programs had no solution).
 */
async function diagnoseWith(
  doc: BudgetDocument,
  findings: Finding[],
  log: IdentityLog,
  opts: DiagnoseOptions,
  constraints: LinearConstraint[],
  sys: LogSystem,
  amounts: Amount[],
  fam: Families,
  budget: SolveBudget,
): Promise<{ out: Finding[]; unexplained: number }> {
  let unexplained = 0;
  const grid = makeGrid(amounts);
  const subjects = figureSubjects(doc);
  const systemLocations = mapArray(log.systemFindings, (i) => findings[i]).flatMap((f) => [f.location]);
  const weigh = figureWeight(opts.weights ?? DEFAULT_WEIGHTS, constraints, subjects, fam, sys);
  /** The groups the safety of time left undiagnosed (or diagnosed from a program it stopped): the finding each first fails with. */
  const cutGroups: Finding[] = [];
  /** The groups a limit of work left undiagnosed (the search ended before it had an explanation to check). */
  const spentGroups: Finding[] = [];
  const pending: Culprit[] = [];
  // The places of the figures the identities use as printed (not a copy in another unit): worked out when an
  // explanation first changes a copy.
  let printed: Set<string> | null = null;
  const printedFigures = (): Set<string> => {
    if (!printed) {
      printed = new Set<string>();
      for (const a of amounts) if (!isCopy(a)) printed.add(placeOf(a.location));
    }
    return printed;
  };
  const troubled: boolean[] = [];
  for (const l of log.linear) troubled.push(inTrouble(l, findings, systemLocations));
  const groups = groupsOf(constraints, sys, log, findings, troubled, fam);
  // The printed percentages that fail (beyond rounding): the searches for a tie try their figures at the values that
  // make them hold (explainGroup).
  const failingPercents = mapArray(log.ratios.filter((r) => isDiscrepancy(findings[r.finding])), (r) => r.identity);
  for (const { g, fixed, bounds } of groups) {
    const whole: LinearConstraint[] = [];
    for (const k of g) whole.push(constraints[k]);
    const near = neighbourhood(g, constraints, sys, troubled, NEIGHBOURHOOD, fam);
    counts.groups++;
    // Where the smallest explanations are single figures, the exact search proves what the solver would
    // find (fast.ts); else (null) the solver, on the neighbourhood and then the whole group.
    let explanations = opts.exactSearch === false ? null : singleFigureExplanations(near, whole, weigh, grid, MAX_EXPLANATIONS, fam, fixed);
    if (explanations) counts.exact++;
    else {
      let found = await explainGroup(near, whole, weigh, grid, fam, budget, fixed, failingPercents);
      if (!found.explanations.length && near.length < whole.length) found = await explainGroup(whole, whole, weigh, grid, fam, budget, fixed, failingPercents);
      explanations = found.explanations;
      if (budget.cut) cutGroups.push(firstFailing(g, log, findings));
      else if (!explanations.length && found.limited) spentGroups.push(firstFailing(g, log, findings));
      // (Its programs had no solution: not a search stopped by the document's work or number of programs.)
      if (!budget.cut && !explanations.length && budget.work > 0 && budget.solves > 0) unexplained++;
    }
    // A table's figure compared in another unit is a copy of it (1,763,159.52 元 as 176.315952 万元): changing the
    // copy alone leaves the figure as printed in the table's own identities, so it explains nothing.
    explanations = explanations.filter((e) => !e.changes.some((ch) => aloneCopy(ch.figure.amount, e, printedFigures)));
    if (!explanations.length) continue;
    for (const e of explanations) awayFromZero(e, whole, fam);
    // Equally small explanations are all reported; the one the rounding of the other figures makes most
    // likely comes first (its figures get the findings, the others are listed as alternatives).
    let [first, ...ties] = rankByLikelihood(explanations, whole, grid, fam);
    // The printed percentages (not identities of the program) tell equally small explanations apart: those that leave
    // the fewest of them wrong — the failing ones they do not make hold, and those holding as printed that they make
    // wrong — are named (the first of them by likelihood), the others as ruled out by the percentages.
    let ruledOut: Explanation[] = [];
    let settles = true;
    if (ties.length && (log.ratios.length || log.heldRatios.length)) {
      const all = [first, ...ties];
      const effects = mapArray(all, (e) => percentageEffect(e, fam, findings, log));
      const wrong = mapArray(effects, (x) => x.broken - x.settled);
      const least = Math.min(...wrong);
      if (wrong.some((w) => w !== least)) {
        const kept = all.filter((_, j) => wrong[j] === least);
        ruledOut = all.filter((_, j) => wrong[j] !== least);
        settles = effects[all.indexOf(kept[0])].settled > 0;
        [first, ...ties] = kept;
      }
    }
    const culprits = first.changes;
    // Explained: the identity findings of the group that involve a culprit (discrepancies, and rounding
    // notes the change makes hold exactly), and joint-rounding findings that name a culprit. A culprit's family
    // and the formula totals recalculated over it are the culprit's.
    const replaced = replacedBy(culprits, fam);
    const owner = ownersOf(culprits, replaced, fam);
    // (An inequality off on the printed figures, which the programs left out, is explained where the corrections make
    // it hold.)
    const explains = new Map<Amount, number[]>(mapArray(culprits, (c) => [c.figure.amount, []]));
    const left = new Set(bounds);
    for (const k of bounds.length ? [...g, ...bounds].sort((x, y) => x - y) : g) {
      const l = log.linear[k];
      if (l.finding === null) continue;
      let culprit: Amount | undefined;
      for (const t of l.constraint.terms)
        if (owner.has(t.amount)) {
          culprit = owner.get(t.amount);
          break;
        }
      if (!culprit) continue;
      const after = substituted(l.constraint, replaced);
      const its = makeGrid(figuresOf([after]));
      if (left.has(k) ? holdsWithinRounding(after, its) : isDiscrepancy(findings[l.finding]) || holdsExactly(after, its)) explains.get(culprit)!.push(l.finding);
    }
    for (const i of log.systemFindings) {
      const f = findings[i];
      const culprit = culprits.find((c) => [f.location, ...f.related].some((r) => sameLoc(r, c.figure.amount.location)));
      if (culprit && !explains.get(culprit.figure.amount)!.includes(i)) explains.get(culprit.figure.amount)!.push(i);
    }
    const partners = linkedChanges(culprits, whole, owner);
    // The values the identities only bound, or fix only together with other changes (determined.ts).
    const open = openValues(first, whole, fam);
    for (const c of culprits) {
      const id = `${DIAGNOSIS_RULE}-${pending.length + 1}`;
      const explained = explains.get(c.figure.amount)!;
      for (const i of explained) findings[i].explainedBy ??= id;
      const moves = new Map<Amount, Amount>();
      for (const [a, to] of replaced) if (owner.get(a) === c.figure.amount) moves.set(a, to);
      pending.push({ c, first, ties: ties.filter((t) => !makesChange(t, c)), ruledOut: ruledOut.filter((t) => !makesChange(t, c)), settles, explained, id, moves, recalculated: recalculated(c, replaced, owner, fam), partners: partners.get(c)!, open: open.get(c) ?? null });
    }
  }
  explainPercentages(pending, findings, log);
  const cut = cutGroups.length ? [cutShortFinding(cutGroups, Math.max(DOCUMENT_SECONDS, opts.seconds), opts)] : [];
  if (spentGroups.length) cut.push(workSpentFinding(spentGroups, opts));
  return { out: [...mapArray(pending, (p) => culpritFinding(p, mapArray(p.explained, (i) => findings[i]), subjects, opts, doc)), ...cut], unexplained };
}

/**
 * The groups of identities to diagnose (`g`, indexes into the log, in its order), with the figures each holds as
 * printed (`fixed`, families' heads) and the inequalities off on the printed figures that its programs leave out
 * (`bounds`). See docs/diagnosis.md, "Inequalities".
 *
 * Equalities make the groups: identities that share figures (a family's members one figure, families.ts). An
 * inequality that holds (a part at most its whole, a 三公 figure at least a line of the basic expenditure) never joins
 * two groups into one nor puts a group in trouble: it is a constraint of every group it shares a figure with, which
 * the corrections must keep true, its figures outside that group held as printed (HeadSystem.fixed: no candidates;
 * their own group's identities, which hold, are not in the program). Joining groups, the at-least identities of
 * sanggong-vs-economic, holding, put the 北京 workbook's 三公 table into the group of its 元 tables (figures of 10^8 on
 * the program's grid), and its seeded 公务接待费 typed 50,000.00 for 5,000.00 was blamed on the text's two right figures.
 *
 * An inequality off on the printed figures is trouble of its own and joins the groups of its figures (as every
 * identity did before round 51) where it names a suspect (a figure of an equality in trouble: it then tells which
 * suspect is wrong — 万里街道 2023's 政府性基金 比上年增加 1421.25 over its 0, of the two 1421.25 its 财政拨款 increase's
 * sum blames alike), where a figure of it is free of equalities (the text's 涉及项目预算资金 over 表3's 项目支出: that
 * figure alone can be what is wrong), or where it is the only trouble of the groups it touches. It is left out of the
 * programs where it touches a group in trouble whose suspects it does not name, every figure of it held by equalities
 * that hold: repairing it would move figures nothing else doubts, in a search that is about other mistakes (a 万里
 * budget's tables read in the wrong unit put its 三公 figures below the basic table's lines, and those two repairs
 * joined the text's 77 corrections until the search was too large to propose anything). Its finding is explained
 * where the corrections make it hold, and stands otherwise.
 */
function groupsOf(
  constraints: LinearConstraint[],
  sys: LogSystem,
  log: IdentityLog,
  findings: Finding[],
  troubled: boolean[],
  fam: Families,
): DiagnosedGroup[] {
  // One union-find over the identities (and, after them, the figures no equality holds): the equalities join the
  // identities that share a figure (by its family's head), as components() does; the inequalities only look up the
  // part of each of their figures. (No group is made of a part that is not in trouble.) Every identity's kind and
  // figures are read from the flat arrays (sys), not from its objects (docs/performance.md, "Twenty-second pass").
  const n = constraints.length;
  const parent: number[] = [];
  for (let k = 0; k < n; k++) parent.push(k);
  const firstUse = new Map<Amount, number>();
  let inequalities = 0;
  for (let k = 0; k < n; k++) {
    const f = sys.flat(k);
    const i = sys.index[k];
    if (f.kinds[i] !== 1) {
      inequalities++;
      continue;
    }
    for (let x = f.start[i], end = f.start[i + 1]; x < end; x++) {
      const h = fam.head(f.amounts[x]);
      const j = firstUse.get(h);
      if (j === undefined) firstUse.set(h, k);
      else parent[root(parent, k)] = root(parent, j);
    }
  }
  // The parts in trouble (by root), and the suspects among the inequalities' figures: figures of equalities in trouble.
  const troubledRoot = new Set<number>();
  for (let k = 0; k < n; k++) if (troubled[k] && sys.isEq(k)) troubledRoot.add(root(parent, k));
  const suspects = new Set<Amount>();
  const joined = new Set<number>();
  const leftOut = new Set<number>();
  if (inequalities) {
    // A figure no equality holds is a part of its own, with no identity (free): a node after the identities.
    for (let k = 0; k < n; k++) {
      const f = sys.flat(k);
      const i = sys.index[k];
      if (f.kinds[i] !== 1)
        for (let x = f.start[i], end = f.start[i + 1]; x < end; x++) {
          const h = fam.head(f.amounts[x]);
          if (!firstUse.has(h)) {
            firstUse.set(h, parent.length);
            parent.push(parent.length);
          }
        }
    }
    for (let k = 0; k < n; k++)
      if (troubled[k] && sys.isEq(k)) {
        const f = sys.flat(k);
        const i = sys.index[k];
        for (let x = f.start[i], end = f.start[i + 1]; x < end; x++) suspects.add(fam.head(f.amounts[x]));
      }
    // The inequalities off join the parts of their figures where they name a suspect, a figure of theirs is free, or
    // they are the only trouble of the parts they touch; else they are left out.
    const joining: number[] = [];
    for (let k = 0; k < n; k++) {
      if (sys.isEq(k)) continue;
      const l = log.linear[k];
      if (l.finding === null || !isDiscrepancy(findings[l.finding])) continue;
      let named = false;
      let free = false;
      let inTroubledPart = false;
      for (const t of constraints[k].terms) {
        const h = fam.head(t.amount);
        const p = firstUse.get(h)!;
        if (suspects.has(h)) named = true;
        if (p >= n) free = true;
        if (troubledRoot.has(root(parent, p))) inTroubledPart = true;
      }
      if (named || free || !inTroubledPart) joining.push(k);
      else leftOut.add(k);
    }
    for (const k of joining) {
      const first = root(parent, firstUse.get(fam.head(constraints[k].terms[0].amount))!);
      for (const t of constraints[k].terms) {
        const r = root(parent, firstUse.get(fam.head(t.amount))!);
        if (r !== first) {
          parent[r] = first;
          if (troubledRoot.has(r)) troubledRoot.add(first);
        }
      }
      troubledRoot.add(first);
      joined.add(k);
    }
  }
  // The groups in trouble, by root: their equalities and the inequalities off that joined them, then the others that
  // touch them — those that hold as constraints (their figures of other groups held), those left out as `bounds`.
  const groups = new Map<number, { g: number[]; fixed: Set<Amount> | null; bounds: number[] }>();
  for (let k = 0; k < n; k++) {
    let r: number;
    if (sys.isEq(k)) r = root(parent, k);
    else if (joined.has(k)) r = root(parent, firstUse.get(fam.head(constraints[k].terms[0].amount))!);
    else continue;
    if (!troubledRoot.has(r)) continue;
    const x = groups.get(r);
    if (x) x.g.push(k);
    else groups.set(r, { g: [k], fixed: null, bounds: [] });
  }
  if (inequalities)
    for (let k = 0; k < n; k++) {
      if (sys.isEq(k) || joined.has(k)) continue;
      const f = sys.flat(k);
      const i = sys.index[k];
      const start = f.start[i];
      const end = f.start[i + 1];
      for (let y = start; y < end; y++) {
        const r = root(parent, firstUse.get(fam.head(f.amounts[y]))!);
        const x = groups.get(r);
        // Once per group: at the first of its figures in that group.
        if (!x || x.g[x.g.length - 1] === k || x.bounds[x.bounds.length - 1] === k) continue;
        if (leftOut.has(k)) {
          x.bounds.push(k);
          continue;
        }
        x.g.push(k);
        for (let z = start; z < end; z++) {
          const h = fam.head(f.amounts[z]);
          if (root(parent, firstUse.get(h)!) !== r) (x.fixed ??= new Set()).add(h);
        }
      }
    }
  const out: DiagnosedGroup[] = [];
  for (const x of groups.values()) {
    if (inequalities) x.g.sort((a, b) => a - b);
    out.push({ g: x.g, fixed: x.fixed ?? NOTHING_FIXED, bounds: x.bounds });
  }
  // In the order of their first identities, as the groups of every identity were before round 51.
  return out.sort((a, b) => a.g[0] - b.g[0]);
}

/** A group of identities to diagnose (groupsOf). */
interface DiagnosedGroup {
  /** Its identities (indexes into the log), in the log's order. */
  g: number[];
  /** The figures its programs hold as printed (families' heads): of other groups, in its inequalities that hold. */
  fixed: ReadonlySet<Amount>;
  /** The inequalities off on the printed figures that touch it but are left out of its programs, in the log's order. */
  bounds: number[];
}

const NOTHING_FIXED: ReadonlySet<Amount> = new Set();

/** The finding a group of identities first fails with: its first beyond rounding, else the joint-rounding finding naming its figures. */
function firstFailing(g: number[], log: IdentityLog, findings: Finding[]): Finding {
  for (const k of g) {
    const i = log.linear[k].finding;
    if (i !== null && isDiscrepancy(findings[i])) return findings[i];
  }
  for (const i of log.systemFindings) {
    const f = findings[i];
    if (g.some((k) => log.linear[k].constraint.terms.some((t) => [f.location, ...f.related].some((r) => sameLoc(r, t.amount.location))))) return f;
  }
  return findings[log.systemFindings[0] ?? 0];
}

/**
 * The note that the safety of time (DOCUMENT_SECONDS) cut the diagnosis short: what it says of the groups named then
 * depends on the machine (none of the bundled documents comes near it; a machine loaded many times over might).
 */
function cutShortFinding(groups: Finding[], seconds: number, opts: DiagnoseOptions): Finding {
  const n = groups.length;
  const message =
    opts.lang === "zh"
      ? `诊断因时间上限（每份文件 ${seconds} 秒，BUDGET_CHECK_SOLVER_SECONDS）而中止：${n} 组不成立的等式未诊断或只诊断了一部分，其中第一组在此；在负载较轻的机器上可能给出诊断`
      : `the diagnosis was cut short by its safety limit of time (${seconds} s per document, BUDGET_CHECK_SOLVER_SECONDS): ${n} group${n === 1 ? "" : "s"} of failing identities, the first here, ${n === 1 ? "was" : "were"} not diagnosed or only in part; a less loaded machine may diagnose ${n === 1 ? "it" : "them"}`;
  return noteAt(groups, message);
}

/**
 * The note that the diagnosis's limits of work (DOCUMENT_WORK, PROGRAM_WORK, the number of programs) ended the search
 * of some groups before it had an explanation to check: without it, a group left so looked like one with nothing to
 * say. Unlike the safety of time, these limits stop at the same point on any machine.
 */
function workSpentFinding(groups: Finding[], opts: DiagnoseOptions): Finding {
  const n = groups.length;
  const work = DOCUMENT_WORK.toLocaleString("en-US");
  const message =
    opts.lang === "zh"
      ? `诊断在找到可核验的解释之前已达工作量上限（每份文件 ${DOCUMENT_WORK} 次单纯形迭代）：${n} 组不成立的等式未诊断，其中第一组在此；其检查结果照常有效，只是未指出哪个数字有误`
      : `the diagnosis reached its limit of work (${work} simplex iterations per document) before it had an explanation to check: ${n} group${n === 1 ? "" : "s"} of failing identities, the first here, ${n === 1 ? "was" : "were"} not diagnosed; their findings stand, without a figure named as the wrong one`;
  return noteAt(groups, message);
}

/** An `info` finding of the diagnosis at the first of `groups` (each given by the finding it first fails with), the others related. */
function noteAt(groups: Finding[], message: string): Finding {
  const [at] = groups;
  return {
    ruleId: DIAGNOSIS_RULE,
    severity: "info",
    withinRounding: false,
    message,
    table: at.table,
    tableKind: at.tableKind ?? null,
    unit: at.unit,
    code: at.code,
    item: at.item,
    column: at.column,
    stated: null,
    computed: null,
    difference: null,
    tolerance: null,
    location: at.location,
    related: mapArray(groups.slice(1), (f) => f.location),
  };
}

/**
 * The changes of an explanation each must be made together with: those that share an identity with it, directly
 * or through other such changes (a digit swap's two siblings under their sum; a stale total and its copy).
 * Changes of independent mistakes in one group of identities (a typo in 表3 and another in 表5, tied only
 * through unchanged figures) each settle their own identities: they are not listed with each other. A figure a
 * change moves with it (its copy in another unit, a formula total over it: `owner`) stands for the change.
 */
function linkedChanges(changes: Change[], constraints: LinearConstraint[], owner: Map<Amount, Amount>): Map<Change, Change[]> {
  const index = new Map<Amount, number>();
  changes.forEach((c, i) => index.set(c.figure.amount, i));
  for (const [a, by] of owner) {
    const i = index.get(by);
    if (i !== undefined && !index.has(a)) index.set(a, i);
  }
  const parent = mapArray(changes, (_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  for (const k of constraints) {
    let first = -1;
    for (const t of k.terms) {
      const i = index.get(t.amount);
      if (i === undefined) continue;
      if (first < 0) first = i;
      else parent[root(i)] = root(first);
    }
  }
  const out = new Map<Change, Change[]>();
  changes.forEach((c, i) => out.set(c, changes.filter((o, j) => j !== i && root(j) === root(i))));
  return out;
}


/**
 * Which culprit each replaced figure is moved by: a culprit's own family, and the formula totals recalculated over
 * it (a total over two culprits is the first's).
 */
function ownersOf(culprits: Change[], replaced: Map<Amount, Amount>, fam: Families): Map<Amount, Amount> {
  const owner = new Map<Amount, Amount>();
  for (const c of culprits) {
    const heads = [c.figure.amount];
    for (let i = 0; i < heads.length; i++) {
      for (const m of fam.members(heads[i])) if (replaced.has(m) && !owner.has(m)) owner.set(m, c.figure.amount);
      for (const f of fam.followers(heads[i])) if (!heads.includes(f)) heads.push(f);
    }
  }
  return owner;
}

/** The formula totals a culprit's change recalculates (their heads, as printed), each with its new value. */
function recalculated(c: Change, replaced: Map<Amount, Amount>, owner: Map<Amount, Amount>, fam: Families): { from: Amount; to: Amount }[] {
  const out: { from: Amount; to: Amount }[] = [];
  for (const [a, to] of replaced) if (a !== c.figure.amount && fam.head(a) === a && owner.get(a) === c.figure.amount && fam.formula(a)) out.push({ from: a, to });
  return out.sort((x, y) => placeOrder(x.from.location, y.from.location));
}

/** A printed figure's value in units of its last printed digit. */
function unitsOf(a: Amount): bigint {
  return BigInt(a.value.times(new Decimal(10).pow(a.decimals)).toFixed(0));
}

/**
 * Does the explanation make the change c (the same figure, to the same value)? A culprit's finding lists as
 * alternatives only the equally small explanations that do not: where a group holds several mistakes and the
 * explanations differ in one of them (two siblings' digits swapped back settle its sum alike), the figures the
 * others agree on are not in doubt, and their findings do not say they are.
 */
function makesChange(e: Explanation, c: Change): boolean {
  return e.changes.some((o) => o.figure.amount === c.figure.amount && o.to === c.to);
}

/** A figure the diagnosis proposes to correct, before its finding is written. */
interface Culprit {
  c: Explanation["changes"][number];
  first: Explanation;
  ties: Explanation[];
  /** Explanations as small that the printed percentages rule out (they leave more of them wrong than this one). */
  ruledOut: Explanation[];
  /** This explanation makes a failing percentage hold (else it only leaves holding one that those ruled out make wrong). */
  settles: boolean;
  /** Indexes of the findings it explains. */
  explained: number[];
  id: string;
  /** The explanation's other changes that must be made with it (linkedChanges). */
  partners: Change[];
  /** The figures its change replaces (its family's, the recalculated totals'), with their new values. */
  moves: Map<Amount, Amount>;
  /** The workbook totals whose formulas recalculate with it (families.ts). */
  recalculated: { from: Amount; to: Amount }[];
  /** What the identities say of its value where they do not determine it (determined.ts); null: its value is determined. */
  open: OpenValue | null;
}

/**
 * The percentages the corrections make hold. A percentage is not a linear identity, so the search never
 * changes its figures; but a percentage computed from a figure the diagnosis corrects is often wrong only
 * because of that figure (the text's 352.67 for the table's 350.35, and its +0.53% over 348.52 that only
 * 350.35 gives). Such a percentage finding is explained by the first culprit among its figures when, with
 * every proposed value put in (figures matched by where they are printed), the percentage holds, or holds
 * within rounding, as the engine judges it. A percentage that is still off, or that no culprit enters, stays a finding of its own.
 */
function explainPercentages(pending: Culprit[], findings: Finding[], log: IdentityLog): void {
  if (pending.length === 0 || log.ratios.length === 0) return;
  const replacement = (a: Amount): { amount: Amount; by: Culprit } | null => {
    for (const p of pending) if (p.c.figure.amount === a || sameLoc(p.c.figure.amount.location, a.location)) return { amount: withUnits(a, p.c.to), by: p };
    // A recalculated total (or its copy), as printed where the percentage reads it.
    for (const p of pending)
      for (const [m, to] of p.moves) if (m === a || (sameLoc(m.location, a.location) && m.decimals === a.decimals && !m.exact)) return { amount: m === a ? to : withUnits(a, unitsOf(to)), by: p };
    return null;
  };
  for (const { identity, finding } of log.ratios) {
    const f = findings[finding];
    if (!isDiscrepancy(f) || f.explainedBy !== undefined) continue;
    const by = ratioHoldsWith(identity, replacement);
    if (!by) continue;
    f.explainedBy = by.id;
    by.explained.push(finding);
  }
}

/**
 * The percentage with its figures replaced (`replacement`, by where they are printed): the first replacing figure's
 * owner when it then holds within rounding as the engine judges it; null when none of its figures is replaced or it is still off.
 */
function ratioHoldsWith<T>(identity: RatioIdentity, replacement: (a: Amount) => { amount: Amount; by: T } | null): T | null {
  let by: T | null = null;
  const swap = (terms: RatioIdentity["numerator"]) =>
    mapArray(terms, (t) => {
      const r = replacement(t.amount);
      if (!r) return t;
      by ??= r.by;
      return { ...t, amount: r.amount };
    });
  const after: RatioIdentity = { ...identity, numerator: swap(identity.numerator), denominator: swap(identity.denominator) };
  return by !== null && ratioWithinRounding(after) ? by : null;
}

/**
 * What the explanation does to the printed percentages: how many failing ones it makes hold (as explainPercentages
 * would credit them), and how many holding on the printed figures (exactly or within rounding) it makes wrong — a
 * budget set to 0 leaves its 完成预算的 P% nothing to be a percentage of. Of equally small explanations, those that leave
 * the fewest wrong (broken − settled) are the ones the document's percentages point at.
 */
function percentageEffect(e: Explanation, fam: Families, findings: Finding[], log: IdentityLog): { settled: number; broken: number } {
  const moves = replacedBy(e.changes, fam);
  const replacement = (a: Amount): Amount | null => {
    for (const [m, to] of moves) if (m === a || (sameLoc(m.location, a.location) && m.decimals === a.decimals && !m.exact)) return m === a ? to : withUnits(a, unitsOf(to));
    for (const c of e.changes) if (sameLoc(c.figure.amount.location, a.location)) return withUnits(a, c.to);
    return null;
  };
  let settled = 0;
  let broken = 0;
  for (const { identity, finding } of log.ratios) {
    const after = ratioAfter(identity, replacement);
    if (after === null) continue;
    if (isDiscrepancy(findings[finding])) settled += after ? 1 : 0;
    else broken += after ? 0 : 1;
  }
  for (const identity of log.heldRatios) if (ratioAfter(identity, replacement) === false) broken++;
  return { settled, broken };
}

/**
 * Where a change is printed, for its message: file:line:column as the location prints it (file:line where the
 * loader gives no column), a workbook's or Word table's sheet!cell.
 */
function changePlace(l: SourceLocation): string {
  if (!l.line) return `${l.sheet ?? l.file}!${l.cell ?? ""}`;
  return l.column ? `${l.file}:${l.line}:${l.column}` : `${l.file}:${l.line}`;
}

/** A table column's label after a change's place, as subjectText writes it: ` [合计]`, `「合计」`; nothing for the text. */
function columnWords(column: string | null, zh: boolean): string {
  if (!column) return "";
  return zh ? `「${column}」` : ` [${column}]`;
}

/** How many of an explanation's other changes a diagnosis message names. */
const LISTED_CHANGES = 6;

/** The first six changes, described, and how many more the report's `diagnosis` lists. */
export function namedChanges<T>(ps: readonly T[], describe: (p: T) => string, sep: string, zh: boolean): string {
  const shown = mapArray(ps.slice(0, LISTED_CHANGES), describe).join(sep);
  const more = ps.length - LISTED_CHANGES;
  return more > 0 ? `${shown}${zh ? `${sep}另有 ${more} 处（见报告的 diagnosis）` : `${sep}and ${more} more (the report's diagnosis lists them)`}` : shown;
}

/**
 * What the figures around a culprit say it should be: its value where they determine it; else the interval they
 * allow ("at least 3,838.54", "between …") or, where it is fixed only together with other changes, no value.
 */
function shouldBe(p: Culprit, zh: boolean): string {
  const { c, open } = p;
  const a = c.figure.amount;
  const show = (u: bigint) => printedLike(a.text, u, c.figure.decimals);
  if (!open) return zh ? `周围的数字表明应为 ${show(c.to)}` : `the figures around it say ${show(c.to)}`;
  if (open.together.length || (open.lo === null && open.hi === null))
    return zh ? `周围的数字表明它有误，但定不出应为多少（只能与同时改正的数字一并确定，所列数值只是其中一种）` : `wrong by the figures around it, which do not say what it should be: they fix it only together with the changes named with it (their values are one choice of many)`;
  const range = zh
    ? open.lo === null
      ? `应不大于 ${show(open.hi!)}`
      : open.hi === null
        ? `应不小于 ${show(open.lo)}`
        : `应在 ${show(open.lo)} 与 ${show(open.hi)} 之间`
    : open.lo === null
      ? `at most ${show(open.hi!)}`
      : open.hi === null
        ? `at least ${show(open.lo)}`
        : `between ${show(open.lo)} and ${show(open.hi)}`;
  return zh ? `周围的数字表明${range}（这些等式只给出范围，定不出具体数值）` : `the figures around it say ${range} (the identities bound it, they do not determine it)`;
}

function culpritFinding(p: Culprit, explained: Finding[], subjects: Map<Amount, Subject>, opts: DiagnoseOptions, doc: BudgetDocument): Finding {
  const { c, first: expl, ties, id, partners: others } = p;
  const a = c.figure.amount;
  // (A figure of the written parts is no table's: it is named as the findings at its place name it, “三公”经费（无）.)
  const own = subjects.get(a) ? null : explained.find((f) => f.table === "text" && sameLoc(f.location, a.location));
  const subject: Subject = subjects.get(a) ?? (own ? { table: "text", unit: own.unit, code: own.code, item: own.item } : { table: "text" });
  const where = subjectText(subject, opts.lang, doc);
  const me = proposed(c, subjects);
  const together = mapArray(others, (o) => proposed(o, subjects));
  const alternatives = mapArray(ties, (t) => mapArray(t.changes, (o) => proposed(o, subjects)));
  const zh = opts.lang === "zh";
  // Each change named by its cell: a row's 合计 and 人员经费 print the same figure on the same line.
  const describe = (o: Change) => {
    const p = proposed(o, subjects);
    return `${changePlace(p.location)}${columnWords(subjects.get(o.figure.amount)?.column ?? null, zh)} ${p.from} → ${p.to}`;
  };
  let message = zh
    ? `${where}：列示 ${a.text}，${shouldBe(p, zh)}（改正后 ${explained.length} 个等式的问题随之消除）`
    : `${where}: printed ${a.text}, ${shouldBe(p, zh)} (correcting it settles ${explained.length} identity finding${explained.length === 1 ? "" : "s"})`;
  // A message names a few changes; the report's `diagnosis` lists them all (dozens when a whole table is read
  // in the wrong unit, which would make every such message a page long).
  const some = (ps: Change[], sep: string) => namedChanges(ps, describe, sep, zh);
  if (others.length) message += zh ? `；须同时改正：${some(others, "；")}` : `; together with: ${some(others, "; ")}`;
  // A workbook's totals that are formulas over it follow it (the spreadsheet recalculates them): named, not blamed.
  const recalc = mapArray(p.recalculated, (r) => `${changePlace(r.from.location)}${columnWords(subjects.get(r.from)?.column ?? null, zh)} ${r.from.text} → ${printedLike(r.from.text, unitsOf(r.to), r.from.decimals)}`);
  if (recalc.length) {
    const shown = recalc.slice(0, LISTED_CHANGES).join(zh ? "；" : "; ");
    const more = recalc.length - LISTED_CHANGES;
    const tail = more > 0 ? (zh ? `；另有 ${more} 处` : `; and ${more} more`) : "";
    message += zh ? `；以它为单元格的公式合计随之重算：${shown}${tail}` : `; the formula totals over it recalculate with it: ${shown}${tail}`;
  }
  // A tie is named by the changes it makes otherwise than this explanation (the corrections they share are named above).
  const otherwise = (t: Explanation) => {
    const own = t.changes.filter((o) => !makesChange(expl, o));
    const shared = t.changes.length - own.length;
    const tail = shared === 0 ? "" : zh ? `（其余改正相同）` : ` (the other corrections alike)`;
    return `${some(own, zh ? "、" : ", ")}${tail}`;
  };
  if (ties.length)
    message += zh
      ? `；同样小的另一种解释：${mapArray(ties, otherwise).join("；或 ")}——仅凭这些等式无法判断是哪一个数字有误`
      : `; an equally small explanation: ${mapArray(ties, otherwise).join("; or ")} — the identities alone cannot tell which figure is wrong`;
  if (p.ruledOut.length)
    message += p.settles
      ? zh
        ? `；同样小的另一种解释（${mapArray(p.ruledOut, otherwise).join("；或 ")}）不能使文字中的百分比成立，故取此解释`
        : `; an equally small explanation (${mapArray(p.ruledOut, otherwise).join("; or ")}) leaves a printed percentage wrong, this one makes it hold`
      : zh
        ? `；同样小的另一种解释（${mapArray(p.ruledOut, otherwise).join("；或 ")}）会使原本成立的百分比不成立，故取此解释`
        : `; an equally small explanation (${mapArray(p.ruledOut, otherwise).join("; or ")}) makes wrong a printed percentage that holds, this one leaves it holding`;
  if (!expl.proven) message += zh ? "（求解限度内找到的最优解，未证明为最小）" : " (the best found within the solver's limits, not proven smallest)";
  const related: SourceLocation[] = [];
  for (const l of [...mapArray(together, (t) => t.location), ...mapArray(alternatives.flat(), (t) => t.location), ...mapArray(p.recalculated, (r) => r.from.location), ...mapArray(explained, (f) => f.location)])
    if (!sameLoc(l, a.location) && !related.some((r) => sameLoc(r, l))) related.push(l);
  return {
    ruleId: DIAGNOSIS_RULE,
    severity: explainedSeverity(opts.severity, explained),
    withinRounding: false,
    message,
    ...subjectFields(subject, doc),
    ...inPrintedUnit(a, c.to, me.to),
    // A value the identities do not determine is no computed value (the message says what they do say).
    ...(p.open && { computed: null, difference: null }),
    location: a.location,
    related,
    id,
    diagnosis: { proven: expl.proven, together, alternatives },
  };
}
