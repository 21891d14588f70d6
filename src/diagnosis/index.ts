import { Decimal } from "decimal.js";
import { decimalString, halfUnit, makeAmount, type Amount } from "../model/amount.js";
import { tableById, type BudgetDocument } from "../model/document.js";
import { samePlace, type SourceLocation } from "../model/location.js";
import { pushTo } from "../model/queries.js";
import type { LinearConstraint } from "../engine/propagate.js";
import { subjectText, type IdentityLog } from "../engine/run.js";
import type { Finding, Lang, ProposedValue, RatioIdentity, Severity, Subject } from "../engine/types.js";
import { ratioWithinRounding } from "../engine/evaluate.js";
import { figureSubjects } from "./subjects.js";
import { makeGrid, printedLike, withUnits, type Figure, type Grid } from "./figures.js";
import { emptyMilp, solveMilp, type Milp } from "./solver.js";
import { changeBound, components, figuresOf, holdsExactly, holdsWithinRounding, substituted, verifies } from "./system.js";
import { rankByLikelihood, refineValue, slips, type Change, type Explanation } from "./values.js";
import { singleFigureExplanations } from "./fast.js";
import { figureWeight, type WeightScheme, DEFAULT_WEIGHTS } from "./weights.js";
import { mapArray } from "../util/arrays.js";

/**
 * Minimal-change diagnosis (Fellegi–Holt): the smallest (weighted) set of printed figures whose change
 * makes every identity hold within rounding, and the value each should take. See docs/diagnosis.md.
 */

export const DIAGNOSIS_RULE = "diagnosis";

export interface DiagnoseOptions {
  lang: Lang;
  severity: Severity;
  /** Wall-clock budget for the solver over the whole document, in seconds. */
  seconds: number;
  weights?: WeightScheme;
  /**
   * Try the exact search without the solver first (fast.ts; default true). False: the solver always, as
   * before it (the tests compare the two).
   */
  exactSearch?: boolean;
}

const counts = { groups: 0, exact: 0 };

/** How many groups of identities this process diagnosed, and how many of them the exact search answered. */
export function diagnosisCounts(): { groups: number; exact: number } {
  return { ...counts };
}

/**
 * The identities within `radius` steps (through shared figures) of the troubled ones. Solving on them
 * alone is a relaxation of the whole group (fewer identities): its smallest explanation costs no more
 * than the whole group's, so one that verifies on the whole group is the whole group's smallest too —
 * and the model is a fraction of the size. When none verifies, the whole group is solved.
 */
function neighbourhood(cs: LinearConstraint[], troubled: boolean[], radius: number): LinearConstraint[] {
  const uses = new Map<Amount, number[]>();
  for (let k = 0; k < cs.length; k++) for (const t of cs[k].terms) pushTo(uses, t.amount, k);
  const inside = new Set<number>();
  for (let k = 0; k < cs.length; k++) if (troubled[k]) inside.add(k);
  let frontier = [...inside];
  for (let r = 0; r < radius && frontier.length; r++) {
    const next: number[] = [];
    for (const k of frontier)
      for (const t of cs[k].terms)
        for (const j of uses.get(t.amount)!)
          if (!inside.has(j)) {
            inside.add(j);
            next.push(j);
          }
    frontier = next;
  }
  const out: LinearConstraint[] = [];
  for (let k = 0; k < cs.length; k++) if (inside.has(k)) out.push(cs[k]);
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
  for (const t of l.constraint.terms) for (const s of systemLocations) if (sameLoc(s, t.amount.location)) return true;
  return false;
}

const NEIGHBOURHOOD = 1;

/** At most this many explanations of one group (the first and its ties) are looked for. */
const MAX_EXPLANATIONS = 3;

const isDiscrepancy = (f: Finding | undefined) => !!f && !f.withinRounding;

/** Is there anything to diagnose: an identity beyond rounding, or a joint-rounding conflict? */
export function needsDiagnosis(findings: Finding[], log: IdentityLog): boolean {
  return log.systemFindings.length > 0 || log.linear.some((l) => l.finding !== null && isDiscrepancy(findings[l.finding]));
}

/** Variable names of figure i. */
const v = (i: number) => ({ y: `y${i}`, dp: `dp${i}`, dn: `dn${i}`, z: `z${i}` });

/** Σ coef·(the figure's term) for every identity, as model rows. */
function identityRows(m: Milp, constraints: LinearConstraint[], index: Map<Amount, number>, term: (i: number, coef: number, add: (name: string, x: number) => void) => void) {
  constraints.forEach((c, j) => {
    const terms = new Map<string, number>();
    const add = (name: string, x: number) => terms.set(name, (terms.get(name) ?? 0) + x);
    for (const t of c.terms) term(index.get(t.amount)!, t.coef, add);
    m.rows.push({ name: `c${j}`, terms, op: c.kind === "eq" ? "=" : "<=", rhs: 0 });
  });
}

/**
 * Which figures change (phase 1). Per figure i on the grid: y its true amount within the printed
 * figure's rounding interval, dp/dn ≥ 0 a change up or down, allowed only when the binary z is on:
 * dp, dn ≤ M·z (big-M). Every identity holds on y + dp − dn; the objective is Σ weight·z. M is the
 * sum of every identity's printed imbalance plus a unit of the figure: no single change beyond all the
 * discrepancies together is considered, which keeps the LP relaxation tight enough to solve fast.
 */
function changeModel(constraints: LinearConstraint[], figs: Figure[], index: Map<Amount, number>, weights: number[], grid: Grid): Milp {
  const m = emptyMilp();
  const reach = changeBound(constraints, grid);
  figs.forEach((f, i) => {
    const n = v(i);
    const p = f.units * f.step;
    const M = Number(reach + 2n * f.step);
    m.objective.set(n.z, weights[i]);
    m.bounds.set(n.y, { lo: Number(f.nonNegative && p - f.half < 0n ? 0n : p - f.half), hi: Number(p + f.half) });
    m.bounds.set(n.dp, { lo: 0, hi: M });
    m.bounds.set(n.dn, { lo: 0, hi: f.nonNegative ? Math.min(M, Number(p + f.half)) : M });
    m.binaries.push(n.z);
    m.rows.push({ name: `up${i}`, terms: new Map([[n.dp, 1], [n.z, -M]]), op: "<=", rhs: 0 });
    m.rows.push({ name: `dn${i}`, terms: new Map([[n.dn, 1], [n.z, -M]]), op: "<=", rhs: 0 });
  });
  identityRows(m, constraints, index, (i, coef, add) => {
    add(v(i).y, coef);
    add(v(i).dp, coef);
    add(v(i).dn, -coef);
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
function slipsPerIdentity(constraints: LinearConstraint[], figs: Figure[], index: Map<Amount, number>, grid: Grid): Slip[][] {
  const out: Slip[][] = [];
  for (const c of constraints) {
    if (holdsWithinRounding(c, grid)) continue;
    const own: Slip[] = [];
    for (const t of c.terms) {
      const i = index.get(t.amount)!;
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
  const n = v(s.i);
  const terms = new Map([[n.y, 1], [n.dp, 1], [n.dn, -1]]);
  const at = s.to * f.step;
  return [
    { name: `slip${s.i}`, terms: new Map([[n.z, 1]]), op: ">=", rhs: 1 },
    { name: `slipLo${s.i}`, terms, op: ">=", rhs: Number(at - f.half) },
    { name: `slipHi${s.i}`, terms, op: "<=", rhs: Number(at + f.half) },
  ];
}

/** At most this many searches for an equally small explanation that undoes typing slips, per group. */
const SLIP_SEARCHES = MAX_EXPLANATIONS - 1;

/**
 * Finds the explanations of one group of identities: the smallest, then any exactly as small (ties), each
 * verified exactly on `whole` (the group; `constraints` may be a part of it, see `neighbourhood`).
 * Returns [] when no explanation verifies or none was found in time.
 *
 * Ties are looked for first among the sets that undo typing slips of printed digits (slipPlans; one search per
 * plan, its slips held at their values): the ranking puts such a set first (rankByLikelihood), and it would otherwise
 * be found only if the solver happened to return it among the first MAX_EXPLANATIONS — a typo in one of a dozen
 * siblings that any of them could absorb was blamed on a sibling. The first plan undoes a slip in every failing sum
 * that has one at once: in a group with several mistakes, a search per slip spent its turns on the slips of the
 * other mistakes, and a sum's own slip was never tried.
 */
async function explainGroup(constraints: LinearConstraint[], whole: LinearConstraint[], weightsOf: (f: Figure) => number, grid: Grid, deadline: number): Promise<Explanation[]> {
  const amounts = figuresOf(constraints);
  const figs = mapArray(amounts, (a) => grid.figure(a));
  const index = new Map(mapArray(amounts, (a, i) => [a, i]));
  const weights = mapArray(figs, weightsOf);
  const base = changeModel(constraints, figs, index, weights, grid);
  const left = () => (deadline - Date.now()) / 1000;
  const out: Explanation[] = [];
  const cuts: Milp["rows"] = [];
  /** The slips undone by a set found so far (figure and value). */
  const found = new Set<string>();
  let plansLeft: Slip[][] | null = null;
  let searches = SLIP_SEARCHES;
  let best: number | null = null;
  while (out.length < MAX_EXPLANATIONS && left() > 0) {
    // Looking for a tie: only sets exactly as small as the best one; those that undo slips first.
    const bound: Milp["rows"] = best === null ? [] : [{ name: "tie", terms: new Map(mapArray(figs, (_, i) => [v(i).z, weights[i]])), op: "<=", rhs: best }];
    if (best !== null && plansLeft === null) plansLeft = slipPlans(slipsPerIdentity(constraints, figs, index, grid));
    let plan: Slip[] | undefined;
    while (searches > 0 && plansLeft?.length && !plan) {
      const p = plansLeft.shift()!;
      // A plan whose every slip a set found undoes would find nothing new to prefer.
      if (p.some((s) => !found.has(slipKey(s)))) plan = p;
    }
    if (plan) searches--;
    const forced = plan ? plan.flatMap((s) => forcedRows(figs[s.i], s)) : [];
    const model = { ...base, rows: [...base.rows, ...cuts, ...bound, ...forced] };
    const r = await solveMilp(model, left() / (out.length ? 2 : 1.5));
    if (r.status === "none") {
      if (plan) continue; // no set as small undoes these slips
      break;
    }
    const changed = new Set<number>();
    figs.forEach((_, i) => {
      if (r.value(v(i).z) > 0.5) changed.add(i);
    });
    const cost = [...changed].reduce((s, i) => s + weights[i], 0);
    if (changed.size === 0 || (best !== null && cost > best)) {
      if (plan) continue;
      break;
    }
    best ??= cost;
    // The values: the solver's true amount of each changed figure, rounded to its printed precision,
    // then the most likely value near it that verifies on the whole group (refineValue).
    const changes: Explanation["changes"] = [];
    const undone: string[] = [];
    for (const i of changed) {
      const x = r.value(v(i).y) + r.value(v(i).dp) - r.value(v(i).dn);
      const to = BigInt(Math.round(x / Number(figs[i].step)));
      changes.push({ figure: figs[i], to });
      undone.push(slipKey({ i, to }));
    }
    let ok = true;
    for (const c of changes) ok &&= refineValue(c, changes, whole, grid);
    const replaced = new Map(mapArray(changes, (c) => [c.figure.amount, withUnits(c.figure.amount, c.to)]));
    ok &&= changes.every((c) => c.to !== c.figure.units) && verifies(whole, replaced, (cs) => makeGrid(figuresOf(cs)));
    if (ok) {
      out.push({ changes, proven: r.status === "optimal" });
      for (const k of undone) found.add(k);
    }
    // Exclude this set (and its supersets) to look for another explanation as small.
    cuts.push({ name: `cut${cuts.length}`, terms: new Map(mapArray([...changed], (i) => [v(i).z, 1])), op: "<=", rhs: changed.size - 1 });
    if (r.status !== "optimal") break; // ties cannot be told apart without a proven optimum
  }
  return out;
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
  if (!needsDiagnosis(findings, log)) return [];
  const deadline = Date.now() + opts.seconds * 1000;
  const constraints = mapArray(log.linear, (l) => l.constraint);
  const grid = makeGrid(figuresOf(constraints));
  const subjects = figureSubjects(doc);
  const systemLocations = mapArray(log.systemFindings, (i) => findings[i]).flatMap((f) => [f.location]);
  const weigh = figureWeight(opts.weights ?? DEFAULT_WEIGHTS, constraints, subjects);
  const pending: Culprit[] = [];
  // The places of the figures the identities use as printed (not a copy in another unit): worked out when an
  // explanation first changes a copy.
  let printed: Set<string> | null = null;
  const printedFigures = (): Set<string> => {
    if (!printed) {
      printed = new Set<string>();
      for (const a of figuresOf(constraints)) if (!isCopy(a)) printed.add(placeOf(a.location));
    }
    return printed;
  };
  const troubled: boolean[] = [];
  for (const l of log.linear) troubled.push(inTrouble(l, findings, systemLocations));
  for (const g of components(constraints)) {
    if (!anyTroubled(g, troubled)) continue;
    if (Date.now() >= deadline) break;
    const whole: LinearConstraint[] = [];
    const troubledHere: boolean[] = [];
    for (const k of g) {
      whole.push(constraints[k]);
      troubledHere.push(troubled[k]);
    }
    const near = neighbourhood(whole, troubledHere, NEIGHBOURHOOD);
    counts.groups++;
    // Where the smallest explanations are single figures, the exact search proves what the solver would
    // find (fast.ts); else (null) the solver, on the neighbourhood and then the whole group.
    let explanations = opts.exactSearch === false ? null : singleFigureExplanations(near, whole, weigh, grid, MAX_EXPLANATIONS);
    if (explanations) counts.exact++;
    else {
      explanations = await explainGroup(near, whole, weigh, grid, deadline);
      if (!explanations.length && near.length < whole.length) explanations = await explainGroup(whole, whole, weigh, grid, deadline);
    }
    // A table's figure compared in another unit is a copy of it (1,763,159.52 元 as 176.315952 万元): changing the
    // copy alone leaves the figure as printed in the table's own identities, so it explains nothing.
    explanations = explanations.filter((e) => !e.changes.some((ch) => aloneCopy(ch.figure.amount, e, printedFigures)));
    if (!explanations.length) continue;
    // Equally small explanations are all reported; the one the rounding of the other figures makes most
    // likely comes first (its figures get the findings, the others are listed as alternatives).
    const [first, ...ties] = rankByLikelihood(explanations, whole, grid);
    const culprits = first.changes;
    // Explained: the identity findings of the group that involve a culprit (discrepancies, and rounding
    // notes the change makes hold exactly), and joint-rounding findings that name a culprit.
    const replaced = new Map(mapArray(culprits, (c) => [c.figure.amount, withUnits(c.figure.amount, c.to)]));
    const explains = new Map<Amount, number[]>(mapArray(culprits, (c) => [c.figure.amount, []]));
    for (const k of g) {
      const l = log.linear[k];
      if (l.finding === null) continue;
      let culprit: Amount | undefined;
      for (const t of l.constraint.terms)
        if (explains.has(t.amount)) {
          culprit = t.amount;
          break;
        }
      if (!culprit) continue;
      const after = substituted(l.constraint, replaced);
      if (isDiscrepancy(findings[l.finding]) || holdsExactly(after, makeGrid(figuresOf([after])))) explains.get(culprit)!.push(l.finding);
    }
    for (const i of log.systemFindings) {
      const f = findings[i];
      const culprit = culprits.find((c) => [f.location, ...f.related].some((r) => sameLoc(r, c.figure.amount.location)));
      if (culprit && !explains.get(culprit.figure.amount)!.includes(i)) explains.get(culprit.figure.amount)!.push(i);
    }
    const partners = linkedChanges(culprits, whole);
    for (const c of culprits) {
      const id = `${DIAGNOSIS_RULE}-${pending.length + 1}`;
      const explained = explains.get(c.figure.amount)!;
      for (const i of explained) findings[i].explainedBy ??= id;
      pending.push({ c, first, ties: ties.filter((t) => !makesChange(t, c)), explained, id, partners: partners.get(c)! });
    }
  }
  explainPercentages(pending, findings, log);
  return mapArray(pending, (p) => culpritFinding(p.c, p.first, p.partners, p.ties, mapArray(p.explained, (i) => findings[i]), subjects, p.id, opts, doc));
}

/**
 * The changes of an explanation each must be made together with: those that share an identity with it, directly
 * or through other such changes (a digit swap's two siblings under their sum; a stale total and its copy).
 * Changes of independent mistakes in one group of identities (a typo in 表3 and another in 表5, tied only
 * through unchanged figures) each settle their own identities: they are not listed with each other.
 */
function linkedChanges(changes: Change[], constraints: LinearConstraint[]): Map<Change, Change[]> {
  const index = new Map<Amount, number>();
  changes.forEach((c, i) => index.set(c.figure.amount, i));
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
  /** Indexes of the findings it explains. */
  explained: number[];
  id: string;
  /** The explanation's other changes that must be made with it (linkedChanges). */
  partners: Change[];
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
    return null;
  };
  for (const { identity, finding } of log.ratios) {
    const f = findings[finding];
    if (!isDiscrepancy(f) || f.explainedBy !== undefined) continue;
    let by: Culprit | null = null;
    const swap = (terms: RatioIdentity["numerator"]) =>
      mapArray(terms, (t) => {
        const r = replacement(t.amount);
        if (!r) return t;
        by ??= r.by;
        return { ...t, amount: r.amount };
      });
    const after: RatioIdentity = { ...identity, numerator: swap(identity.numerator), denominator: swap(identity.denominator) };
    if (!by || !ratioWithinRounding(after)) continue;
    const culprit: Culprit = by;
    f.explainedBy = culprit.id;
    culprit.explained.push(finding);
  }
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

function culpritFinding(
  c: Explanation["changes"][number],
  expl: Explanation,
  others: Change[],
  ties: Explanation[],
  explained: Finding[],
  subjects: Map<Amount, Subject>,
  id: string,
  opts: DiagnoseOptions,
  doc: BudgetDocument,
): Finding {
  const a = c.figure.amount;
  const subject: Subject = subjects.get(a) ?? { table: "text" };
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
    ? `${where}：列示 ${a.text}，周围的数字表明应为 ${me.to}（改正后 ${explained.length} 个等式的问题随之消除）`
    : `${where}: printed ${a.text}, the figures around it say ${me.to} (correcting it settles ${explained.length} identity finding${explained.length === 1 ? "" : "s"})`;
  // A message names a few changes; the report's `diagnosis` lists them all (dozens when a whole table is read
  // in the wrong unit, which would make every such message a page long).
  const some = (ps: Change[], sep: string) => namedChanges(ps, describe, sep, zh);
  if (others.length) message += zh ? `；须同时改正：${some(others, "；")}` : `; together with: ${some(others, "; ")}`;
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
  if (!expl.proven) message += zh ? "（求解时限内找到的最优解，未证明为最小）" : " (the best found within the solver's time limit, not proven smallest)";
  const related: SourceLocation[] = [];
  for (const l of [...mapArray(together, (t) => t.location), ...mapArray(alternatives.flat(), (t) => t.location), ...mapArray(explained, (f) => f.location)])
    if (!sameLoc(l, a.location) && !related.some((r) => sameLoc(r, l))) related.push(l);
  // A diagnosis is as severe as what it explains: one that settles warnings only (a figure cut off, 截尾, rather
  // than rounded) is a warning at most.
  const severity = opts.severity === "error" && explained.length > 0 && !explained.some((f) => f.severity === "error") && explained.some((f) => f.severity === "warning") ? "warning" : opts.severity;
  return {
    ruleId: DIAGNOSIS_RULE,
    severity,
    withinRounding: false,
    message,
    table: subject.table,
    tableKind: subject.table === "text" ? null : (tableById(doc, subject.table)?.kind ?? null),
    unit: subject.unit ?? null,
    code: subject.code ?? null,
    item: subject.item ?? null,
    column: subject.column ?? null,
    ...inPrintedUnit(a, c.to, me.to),
    location: a.location,
    related,
    id,
    diagnosis: { proven: expl.proven, together, alternatives },
  };
}
