import { Decimal } from "decimal.js";
import { halfUnit, makeAmount, type Amount } from "../model/amount.js";
import type { SourceLocation } from "../model/location.js";
import type { SumFormula } from "../model/workbook.js";
import { withUnits } from "./figures.js";

/**
 * Figures that are one printed figure, and workbook totals that are formulas over others (docs/diagnosis.md,
 * "One printed figure, and formulas").
 *
 * The identities hold several figures for one printed cell: the cell as a table rule reads it, its copy in another
 * unit (a table's 1,763,159.52 元 compared with the text's 176.32 万元 as 176.315952), the workbook's stored value
 * behind it (formula-cache's exact amounts). They share one true amount and change together: one change, one
 * family, whose `head` is the figure as printed (the largest unit's, so every other member's value is the head's
 * times 10^shift, shift ≤ 0). Before round 49 each was a figure of its own: a typo in a 元 table cell whose 万元
 * copy the text states right was blamed on the text too, the copy's identity being a group of its own.
 *
 * A workbook total whose cell is a plain sum formula (its identity logged by formula-cache) is recalculated by the
 * spreadsheet when one of its cells changes: it `follows` its parts. A typo in a detail cell moves every formula
 * total above it, and only an independent copy (the text, another table) still says the true total.
 */
export interface Families {
  /** The family's head: the figure as printed (itself for a figure of a family of one). */
  head(a: Amount): Amount;
  /** value(a) = value(head(a)) · 10^shift(a); 0 for a head. */
  shift(a: Amount): number;
  /** A head's family, the head first. */
  members(head: Amount): readonly Amount[];
  /** The heads of the formula totals that have this head among their parts. */
  followers(head: Amount): readonly Amount[];
  /** The formula a head is the total of, with its parts (members of their families), if it is one. */
  formula(head: Amount): { total: Amount; parts: readonly { amount: Amount; sign: 1 | -1 }[] } | undefined;
  /** The formula totals, parts before the totals they enter. */
  readonly formulaOrder: readonly Amount[];
  /** Does any family have two members, or any head follow a formula? */
  readonly linked: boolean;
}

const NONE: readonly Amount[] = [];

/** Every figure a family of its own, no formulas: the diagnosis as it was before round 49 (and the unit tests' default). */
export const SEPARATE: Families = {
  head: (a) => a,
  shift: () => 0,
  members: (a) => [a],
  followers: () => NONE,
  formula: () => undefined,
  formulaOrder: NONE,
  linked: false,
};

/** Where a figure is printed, when that names one figure: a line and a column, or a sheet and a cell. Else null. */
function placeKey(l: SourceLocation): string | null {
  if (l.sheet && l.cell) return `${l.file}\u0000${l.sheet}!${l.cell}${l.column ? `:${l.column}` : ""}`;
  if (l.line && l.column) return `${l.file}\u0000${l.line}:${l.column}`;
  return null;
}

/**
 * A text line's figure's line and column as one number (line·2^21 + column), or −1 where its place is not a line and
 * a column of safe size (placeKey's other kinds). Two figures of one place key have the same number, or both −1.
 */
function cellNumber(l: SourceLocation): number {
  if (l.sheet && l.cell) return -1;
  const line = l.line;
  const column = l.column;
  if (typeof line !== "number" || typeof column !== "number" || !Number.isInteger(line) || !Number.isInteger(column)) return -1;
  if (line < 1 || column < 1 || line >= 2 ** 31 || column >= 2 ** 21) return -1;
  return line * 2 ** 21 + column;
}

/** Adds `a` to the figures at key k: the figure itself while it is alone there. */
function addTo<K>(m: Map<K, Amount | Amount[]>, k: K, a: Amount): void {
  const at = m.get(k);
  if (at === undefined) m.set(k, a);
  else if (Array.isArray(at)) at.push(a);
  else m.set(k, [at, a]);
}

/**
 * How the figure's value stands to the figure as its text prints it: value = printed · 10^shift, or null when it is
 * not so (a figure made otherwise, a stored value outside the printed figure's rounding).
 */
function printedShift(a: Amount, printed: Amount): number | null {
  if (a.exact) {
    // A workbook's stored value behind the cell: the printed figure is its rounding.
    return a.value.minus(printed.value).abs().lte(halfUnit(printed)) ? 0 : null;
  }
  const s = printed.decimals - a.decimals;
  // The figure as printed itself (nearly every one): the same places, so equal values are equal counts of the last
  // place on the grid (Amount.scaled), compared without making either Decimal (printedShift was 2% of a warm
  // document's samples, each figure's Decimal and its copy's made here; docs/performance.md, "Sixteenth pass").
  if (s === 0 && a.scaled !== undefined && printed.scaled !== undefined) return sameCount(a.scaled, printed.scaled) ? 0 : null;
  return a.value.eq(printed.value.times(new Decimal(10).pow(s))) ? s : null;
}

/** Two counts on one grid, each a number while safe and a bigint beyond: the same integer? (−0 is 0, as Decimal's eq says.) */
function sameCount(x: number | bigint, y: number | bigint): boolean {
  return typeof x === typeof y ? x === y : BigInt(x) === BigInt(y);
}

class Linked implements Families {
  private readonly heads = new Map<Amount, Amount>();
  private readonly shifts = new Map<Amount, number>();
  private readonly family = new Map<Amount, Amount[]>();
  private readonly follows = new Map<Amount, Amount[]>();
  private readonly formulas = new Map<Amount, { total: Amount; parts: { amount: Amount; sign: 1 | -1 }[] }>();
  readonly formulaOrder: Amount[] = [];
  linked = false;

  constructor(amounts: readonly Amount[], sums: readonly SumFormula[]) {
    // The figures by place and printed text first, and how each stands to the figure printed there (printedShift, the
    // printed text read again) only where a place has two: nearly every figure is alone at its place, and reading its
    // text again was most of this walk (docs/performance.md, "Twenty-second pass").
    // A figure of a text line is put by its line and column (a number) first, and by its place's key only where
    // another shares them: the keys were strings made and hashed for every figure.
    const byCell = new Map<number, Amount | Amount[]>();
    const byPlace = new Map<string, Amount | Amount[]>();
    for (const a of amounts) {
      const n = cellNumber(a.location);
      if (n >= 0) addTo(byCell, n, a);
      else {
        const key = placeKey(a.location);
        if (key !== null) addTo(byPlace, `${key}\u0000${a.text}`, a);
      }
    }
    for (const at of byCell.values()) if (Array.isArray(at)) for (const a of at) addTo(byPlace, `${placeKey(a.location)}\u0000${a.text}`, a);
    for (const at of byPlace.values()) {
      if (!Array.isArray(at)) continue;
      const list: { a: Amount; s: number }[] = [];
      for (const a of at) {
        const printed = makeAmount(a.text, a.location);
        const s = printed ? printedShift(a, printed) : null;
        if (s !== null) list.push({ a, s });
      }
      if (list.length < 2) continue;
      // The head: the largest unit's (every shift then ≤ 0), a printed figure before a stored value, then the first.
      let h = list[0];
      for (const m of list) if (m.s > h.s || (m.s === h.s && h.a.exact && !m.a.exact)) h = m;
      const members = [h.a];
      for (const m of list) if (m !== h) members.push(m.a);
      for (const m of list) {
        this.heads.set(m.a, h.a);
        this.shifts.set(m.a, m.s - h.s);
      }
      this.family.set(h.a, members);
      this.linked = true;
    }
    if (sums.length) this.addFormulas(new Set(amounts), sums);
  }

  /** The formulas whose identity the diagnosis holds (its total and parts among the figures), without cycles. */
  private addFormulas(present: Set<Amount>, sums: readonly SumFormula[]): void {
    for (const f of sums) {
      if (!present.has(f.cached) || !f.parts.every((p) => present.has(p.amount))) continue;
      const total = this.head(f.cached);
      if (this.formulas.has(total) || f.parts.some((p) => this.head(p.amount) === total)) continue;
      this.formulas.set(total, { total: f.cached, parts: f.parts });
    }
    // Parts before totals (depth-first); a total on a cycle of formulas follows nothing.
    const state = new Map<Amount, 1 | 2>();
    const onCycle = new Set<Amount>();
    for (const h of this.formulas.keys()) this.visit(h, [], state, onCycle);
    for (const h of onCycle) this.formulas.delete(h);
    const order = this.formulaOrder.filter((h) => !onCycle.has(h));
    this.formulaOrder.length = 0;
    this.formulaOrder.push(...order);
    for (const h of this.formulaOrder) {
      const seen = new Set<Amount>();
      for (const p of this.formulas.get(h)!.parts) {
        const ph = this.head(p.amount);
        if (seen.has(ph)) continue;
        seen.add(ph);
        let list = this.follows.get(ph);
        if (!list) this.follows.set(ph, (list = []));
        list.push(h);
      }
      this.linked = true;
    }
  }

  /** Depth-first from formula total h: its parts' formulas first, then h (formulaOrder); the totals on a cycle noted. */
  private visit(h: Amount, path: Amount[], state: Map<Amount, 1 | 2>, onCycle: Set<Amount>): void {
    const s = state.get(h);
    if (s === 2) return;
    if (s === 1) {
      for (let i = path.indexOf(h); i < path.length; i++) onCycle.add(path[i]);
      return;
    }
    state.set(h, 1);
    path.push(h);
    for (const p of this.formulas.get(h)!.parts) {
      const ph = this.head(p.amount);
      if (this.formulas.has(ph)) this.visit(ph, path, state, onCycle);
    }
    path.pop();
    state.set(h, 2);
    this.formulaOrder.push(h);
  }

  head(a: Amount): Amount {
    return this.heads.get(a) ?? a;
  }
  shift(a: Amount): number {
    return this.shifts.get(a) ?? 0;
  }
  members(head: Amount): readonly Amount[] {
    return this.family.get(head) ?? [head];
  }
  followers(head: Amount): readonly Amount[] {
    return this.follows.get(head) ?? NONE;
  }
  formula(head: Amount) {
    return this.formulas.get(head);
  }
}

/**
 * The families of the figures of a system of identities (`amounts`, each once), and the workbook's plain sum
 * formulas (`sums`; a formula counts when its identity is among them, formula-cache's).
 */
export function makeFamilies(amounts: readonly Amount[], sums: readonly SumFormula[] = []): Families {
  const f = new Linked(amounts, sums);
  return f.linked ? f : SEPARATE;
}

/** A head's printed value with `units` of its last printed digit. */
export function headValue(head: Amount, units: bigint): Decimal {
  return new Decimal(units.toString()).dividedBy(new Decimal(10).pow(head.decimals));
}

/**
 * The new values of the heads an explanation changes (`changed`: head → value), with the formula totals that
 * follow them recalculated (a total changed itself keeps its own value). Returns every head that changes.
 */
export function withFollowers(fam: Families, changed: Map<Amount, Decimal>): Map<Amount, Decimal> {
  if (!fam.formulaOrder.length) return changed;
  const out = new Map(changed);
  for (const h of fam.formulaOrder) {
    if (changed.has(h)) continue;
    const f = fam.formula(h)!;
    let moved = false;
    for (const p of f.parts) if (out.has(fam.head(p.amount))) moved = true;
    if (!moved) continue;
    let total = new Decimal(0);
    for (const p of f.parts) {
      const ph = fam.head(p.amount);
      const v = out.has(ph) ? out.get(ph)!.times(new Decimal(10).pow(fam.shift(p.amount))) : p.amount.value;
      total = p.sign === 1 ? total.plus(v) : total.minus(v);
    }
    out.set(h, total.times(new Decimal(10).pow(-fam.shift(f.total))));
  }
  return out;
}

/** A member of a family with the family's new value (the head's): a stored value exactly, a printed one rounded as printed. */
export function memberWith(fam: Families, m: Amount, headNew: Decimal): Amount {
  const v = headNew.times(new Decimal(10).pow(fam.shift(m)));
  if (m.exact) return { ...m, value: v, decimals: Math.max(m.decimals, v.decimalPlaces()) };
  return withUnits(m, BigInt(v.times(new Decimal(10).pow(m.decimals)).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0)));
}

/** Every figure the changed heads (head → new value, followers included) replace, members included. */
export function replacements(fam: Families, heads: Map<Amount, Decimal>): Map<Amount, Amount> {
  const out = new Map<Amount, Amount>();
  for (const [h, v] of heads) for (const m of fam.members(h)) out.set(m, memberWith(fam, m, v));
  return out;
}
