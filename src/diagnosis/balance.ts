import { Decimal } from "decimal.js";
import { decimalString, type Amount } from "../model/amount.js";
import type { BudgetDocument } from "../model/document.js";
import type { SourceLocation } from "../model/location.js";
import type { LinearConstraint } from "../engine/propagate.js";
import { subjectText, type IdentityLog } from "../engine/run.js";
import type { Lang, Subject } from "../engine/types.js";
import { makeGrid, printedLike, type Grid } from "./figures.js";
import { figureSubjects } from "./subjects.js";
import { emptyMilp, solveMilp, type Milp } from "./solver.js";
import { components, figuresOf, printedBalance } from "./system.js";
import { mapArray } from "../util/arrays.js";

/**
 * 尾差调平 (`budget-check balance`): the fewest ±1-unit changes of printed table figures that make every
 * identity between table figures hold exactly. Figures the written parts cite, printed zeros, exact
 * figures (counts, stored workbook values) and the figures of printed percentages are locked. A figure
 * printed in several tables is tied to its copies by equalities that must hold exactly, so the copies
 * change together. See docs/diagnosis.md.
 */

export interface BalanceChange {
  table: string;
  location: SourceLocation;
  /** As printed now, and as it should be printed (same decimals and thousands separators). */
  from: string;
  to: string;
  /** The identities (described) that the change helps settle: those of the figure that did not hold exactly. */
  settles: string[];
}

export interface Unsettled {
  identity: string;
  location: SourceLocation;
  /** By how much (in the money unit) it still misses after the changes. */
  off: string;
  /** Why: the figures of the identity that are locked, and for what reason. */
  reason: string;
}

export interface BalanceResult {
  changes: BalanceChange[];
  unsettled: Unsettled[];
  /** False when the solver ran out of time: the changes are the best found, not proven fewest. */
  proven: boolean;
  /** How many table identities did not hold exactly before. */
  inexact: number;
  locked: { cited: number; zero: number; exact: number };
}

type LockReason = "cited" | "zero" | "exact";

const REASON: Record<LockReason, { zh: string; en: string }> = {
  cited: { zh: "文字部分引用", en: "cited by the text" },
  zero: { zh: "列示为 0", en: "printed 0" },
  exact: { zh: "精确值", en: "an exact value" },
};

export async function balance(doc: BudgetDocument, log: IdentityLog, opts: { lang: Lang; seconds: number }): Promise<BalanceResult> {
  const subjects = figureSubjects(doc);
  const inTable = (a: Amount) => subjects.get(a)?.table !== undefined && subjects.get(a)!.table !== "text";
  const all = mapArray(log.linear, (l) => l.constraint);
  const tableIds: LinearConstraint[] = [];
  const lock = new Map<Amount, LockReason>();
  for (const c of all) {
    if (c.terms.every((t) => inTable(t.amount))) tableIds.push(c);
    // An identity with a text figure: its table figures are cited by the text and stay as printed.
    else for (const t of c.terms) if (inTable(t.amount)) lock.set(t.amount, "cited");
  }
  for (const a of log.ratioFigures) if (inTable(a)) lock.set(a, "cited");
  for (const a of figuresOf(tableIds)) {
    if (lock.has(a)) continue;
    if (a.exact) lock.set(a, "exact");
    else if (a.value.isZero()) lock.set(a, "zero");
  }
  const grid = makeGrid(figuresOf(all));
  const inexact = tableIds.filter((c) => (c.kind === "eq" ? printedBalance(c, grid) !== 0n : printedBalance(c, grid) > 0n));
  const count = (r: LockReason) => [...lock.values()].filter((x) => x === r).length;
  const result: BalanceResult = { changes: [], unsettled: [], proven: true, inexact: inexact.length, locked: { cited: count("cited"), zero: count("zero"), exact: count("exact") } };
  if (!inexact.length) return result;
  const deadline = Date.now() + opts.seconds * 1000;
  const describe = (c: LinearConstraint) => subjectText(c.subject, opts.lang, doc);
  for (const g of components(tableIds)) {
    const cs = mapArray(g, (k) => tableIds[k]);
    if (!cs.some((c) => inexact.includes(c))) continue;
    const left = Math.max(0.05, (deadline - Date.now()) / 1000);
    const solved = await balanceGroup(cs, grid, lock, left);
    if (!solved.proven) result.proven = false;
    for (const [a, units] of solved.to) {
      const f = grid.figure(a);
      result.changes.push({
        table: subjects.get(a)!.table,
        location: a.location,
        from: a.text,
        to: printedLike(a.text, units, f.decimals),
        settles: mapArray(cs.filter((c) => inexact.includes(c) && c.terms.some((t) => t.amount === a)), describe),
      });
    }
    for (const c of cs) {
      let miss = 0n;
      for (const t of c.terms) {
        const f = grid.figure(t.amount);
        miss += BigInt(t.coef) * (solved.to.get(t.amount) ?? f.units) * f.step;
      }
      if (c.kind === "eq" ? miss === 0n : miss <= 0n) continue;
      const locked = c.terms.filter((t) => lock.has(t.amount));
      const shown = mapArray(locked.slice(0, 5), (t) => `${t.amount.text} (${REASON[lock.get(t.amount)!][opts.lang]})`);
      if (locked.length > 5) shown.push(opts.lang === "zh" ? `等 ${locked.length} 个` : `and ${locked.length - 5} more`);
      const reason = locked.length
        ? shown.join(opts.lang === "zh" ? "、" : ", ")
        : opts.lang === "zh"
          ? "其可改动的数字与锁定的数字由其他等式相连，±1 的改动无法使其成立而不破坏另一个等式"
          : "the figures it could change are tied by other identities to locked ones: no ±1 changes settle it without unsettling another";
      result.unsettled.push({
        identity: describe(c),
        location: c.location,
        off: offText(miss, grid),
        reason: locked.length ? (opts.lang === "zh" ? `锁定的数字：${reason}` : `locked figures: ${reason}`) : reason,
      });
    }
  }
  result.changes.sort((x, y) => (x.location.file + String(x.location.line ?? 0).padStart(8, "0") + String(x.location.column ?? 0).padStart(5, "0") + (x.location.sheet ?? "") + (x.location.cell ?? "")).localeCompare(y.location.file + String(y.location.line ?? 0).padStart(8, "0") + String(y.location.column ?? 0).padStart(5, "0") + (y.location.sheet ?? "") + (y.location.cell ?? "")));
  return result;
}

/** A grid amount in the money unit, exactly. */
function offText(miss: bigint, grid: Grid): string {
  return decimalString(new Decimal(miss.toString()).dividedBy(new Decimal(2).times(new Decimal(10).pow(grid.decimals))));
}

/**
 * One group's MILP: per unlocked figure binaries up/dn (a change of +1 / −1 printed unit, not both);
 * every identity holds exactly on the changed printed figures, unless its binary o ("left off") is on,
 * which costs more than all changes together (so an identity is left off only when locked figures leave
 * no exact balance). Objective: Σ (up + dn) + OFF_COST·Σ o: first the fewest identities left off, then
 * the fewest changes. The answer is re-checked exactly by the caller.
 */
const OFF_COST = 100_000;

async function balanceGroup(cs: LinearConstraint[], grid: Grid, lock: Map<Amount, LockReason>, seconds: number): Promise<{ to: Map<Amount, bigint>; proven: boolean }> {
  const figs = figuresOf(cs);
  const m: Milp = emptyMilp();
  const index = new Map(mapArray(figs, (a, i) => [a, i]));
  figs.forEach((a, i) => {
    if (lock.has(a)) return;
    m.objective.set(`u${i}`, 1);
    m.objective.set(`d${i}`, 1);
    m.binaries.push(`u${i}`, `d${i}`);
    m.rows.push({ name: `one${i}`, terms: new Map([[`u${i}`, 1], [`d${i}`, 1]]), op: "<=", rhs: 1 });
  });
  cs.forEach((c, k) => {
    const terms = new Map<string, number>();
    const printed = printedBalance(c, grid);
    for (const t of c.terms) {
      const i = index.get(t.amount)!;
      if (lock.has(t.amount)) continue;
      const step = Number(grid.figure(t.amount).step);
      terms.set(`u${i}`, (terms.get(`u${i}`) ?? 0) + t.coef * step);
      terms.set(`d${i}`, (terms.get(`d${i}`) ?? 0) - t.coef * step);
    }
    // Slacks, allowed only when the identity's binary "left off" flag o is on (big-M: the most its
    // figures can miss by after ±1 changes); each identity left off costs more than all changes together.
    let M = printed < 0n ? -printed : printed;
    for (const t of c.terms) M += 2n * grid.figure(t.amount).step;
    const big = Number(M) + 1;
    m.binaries.push(`o${k}`);
    m.objective.set(`o${k}`, OFF_COST);
    m.bounds.set(`sp${k}`, { lo: 0, hi: null });
    m.rows.push({ name: `op${k}`, terms: new Map([[`sp${k}`, 1], [`o${k}`, -big]]), op: "<=", rhs: 0 });
    if (c.kind === "eq") {
      terms.set(`sp${k}`, 1);
      terms.set(`sn${k}`, -1);
      m.bounds.set(`sn${k}`, { lo: 0, hi: null });
      m.rows.push({ name: `on${k}`, terms: new Map([[`sn${k}`, 1], [`o${k}`, -big]]), op: "<=", rhs: 0 });
      m.rows.push({ name: `c${k}`, terms, op: "=", rhs: -Number(printed) });
    } else {
      terms.set(`sp${k}`, -1);
      m.rows.push({ name: `c${k}`, terms, op: "<=", rhs: -Number(printed) });
    }
  });
  const r = await solveMilp(m, seconds);
  const to = new Map<Amount, bigint>();
  if (r.status === "none") return { to, proven: false };
  figs.forEach((a, i) => {
    if (lock.has(a)) return;
    const d = Math.round(r.value(`u${i}`)) - Math.round(r.value(`d${i}`));
    if (d !== 0) to.set(a, grid.figure(a).units + BigInt(d));
  });
  return { to, proven: r.status === "optimal" };
}
