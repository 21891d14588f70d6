import { Decimal } from "decimal.js";
import { halfUnit } from "../../model/amount.js";
import type { Amount } from "../../model/amount.js";
import type { Cell, Row, Table } from "../../model/document.js";
import { mapArray } from "../../util/arrays.js";
import { codeBlocks, codeChildren } from "../../model/queries.js";
import type { RowIdentity } from "../../templates/kinds.js";

/**
 * A row whose figures two placements fit alike: both keep the row's identities, and the figures stand about as
 * near to the columns of one as of the other (`pdftotext -layout` shortens a long blank stretch of a row, so a
 * figure after blank cells stands between two columns: 广东's 483.14 under 单位资金, five characters from
 * 财政专户管理资金's figures and six from 单位资金's). `options[0]` is the placement the row was read with, each
 * option the row's amount cells by column key.
 */
export interface PlacementChoice {
  row: Row;
  options: Record<string, Cell>[];
}

/** The most rows whose choices are weighed together (2^n combinations). */
const MAX_JOINT = 10;

interface Sum {
  total: Row;
  parts: Row[];
}

/**
 * Settles each such row by its table's column sums, the identities hierarchy-sum checks (a parent code is the sum
 * of its sub-codes, the department's or unit's row the sum of its 类): of the ways to place the rows that share a
 * sum, the one that makes the most of those sums hold in the columns at stake, if it makes more of them hold than
 * the placement by position does (a tie keeps that placement, and a misprinted figure stays where it stands).
 */
export function settleByColumnSums(t: Table, choices: PlacementChoice[]): Set<Row> {
  const unsettled = new Set<Row>();
  if (!choices.length) return unsettled;
  const sumsOf = sumsByRow(tableSums(t));
  // Rows whose choices share a sum are weighed together.
  const byRow = new Map<Row, PlacementChoice>();
  for (const c of choices) byRow.set(c.row, c);
  const seen = new Set<PlacementChoice>();
  for (const start of choices) {
    if (seen.has(start)) continue;
    const group: PlacementChoice[] = [];
    const queue = [start];
    seen.add(start);
    while (queue.length) {
      const c = queue.pop()!;
      group.push(c);
      for (const s of sumsOf.get(c.row) ?? [])
        for (const r of [s.total, ...s.parts]) {
          const other = byRow.get(r);
          if (other && !seen.has(other)) {
            seen.add(other);
            queue.push(other);
          }
        }
    }
    if (group.length <= MAX_JOINT) settleGroup(group, sumsOf, unsettled);
    else for (const c of group) unsettled.add(c.row);
  }
  return unsettled;
}

/**
 * The sums of a table's rows that hierarchy-sum checks and a placement is weighed by: a parent code = Σ its sub-codes,
 * a unit's (or the department's) row = Σ its 类; in a list of projects (no code printed), a unit's row = Σ its
 * projects, and the 合计 = Σ the units (Σ the projects where no unit's line is printed).
 */
function tableSums(t: Table): Sum[] {
  const sums: Sum[] = [];
  for (const u of codeBlocks(t)) {
    for (const [total, parts] of codeChildren(u.codes)) sums.push({ total, parts });
    const top = u.codes.filter((r) => r.code && r.code.length === 3);
    if (top.length) sums.push({ total: u.row, parts: top });
  }
  if (t.rows.some((r) => r.kind === "code")) return sums;
  const total = t.rows.find((r) => r.kind === "department");
  const units = t.rows.filter((r) => r.kind === "unit");
  const items = t.rows.filter((r) => r.kind === "item");
  for (const u of units) {
    const parts = items.filter((r) => r.unit === u.unit && t.rows.indexOf(r) > t.rows.indexOf(u));
    if (parts.length) sums.push({ total: u, parts });
  }
  const top = units.length ? units : items.every((r) => !r.unit) ? items : [];
  if (total && top.length) sums.push({ total, parts: top });
  return sums;
}

/** Each row's sums: those it is the total or a part of. */
function sumsByRow(sums: Sum[]): Map<Row, Sum[]> {
  const sumsOf = new Map<Row, Sum[]>();
  for (const s of sums)
    for (const r of [s.total, ...s.parts]) {
      const list = sumsOf.get(r);
      if (list) list.push(s);
      else sumsOf.set(r, [s]);
    }
  return sumsOf;
}

/** Whether `total` = Σ `parts` − Σ `minus` within the figures' rounding (half a unit of the last place of each). */
function holds(total: Amount, parts: Amount[], minus: Amount[] = []): boolean {
  let d = total.value;
  let slack = halfUnit(total);
  for (const a of parts) {
    d = d.minus(a.value);
    slack = slack.plus(halfUnit(a));
  }
  for (const a of minus) {
    d = d.plus(a.value);
    slack = slack.plus(halfUnit(a));
  }
  return d.abs().lte(slack);
}

/**
 * Whether a table read by where its figures stand is borne out by its own identities, where their places leave a
 * doubt that a line stands moved (header.ts, labelStartColumns `apart`: its columns' figures do not end together): every
 * row with figures is in one of the table's column sums at least (a line moved into other columns breaks its
 * columns' sums), every sum holds in every amount column, and so does each of the row identities given, in each row
 * it applies to — within the figures' rounding. A table that prints a mistake is not borne out either: its placement
 * is left to the reading by position and identities, row by row.
 */
export function identitiesHold(t: Table, identities: RowIdentity[]): boolean {
  const checks = tableChecks(t, identities);
  return checks !== null && checks.every((c) => checkHolds(c, noChange));
}

/** A figure of a table: its row and column. */
interface Place {
  row: Row;
  key: string;
}

/** One sum of a table's figures to hold: total = Σ parts − Σ minus (a blank total: every part 0). */
interface Check {
  total: Place | null;
  parts: Place[];
  minus: Place[];
}

/** A figure's amount with, at most, one figure of the table given another value. */
type Values = (p: Place) => Amount | null;
const noChange: Values = (p) => p.row.cells[p.key]?.amount ?? null;

/**
 * The sums identitiesHold weighs (the column sums, then the row identities), each with its figures' places: null when
 * a row with figures is in no column sum (a line moved into other columns leaves no sum to show it).
 */
function tableChecks(t: Table, identities: RowIdentity[]): Check[] | null {
  const sumsOf = sumsByRow(tableSums(t));
  const keys = mapArray(t.columns.filter((c) => c.kind === "amount"), (c) => c.key);
  const figures = (r: Row) => keys.some((k) => r.cells[k]?.amount);
  if (t.rows.some((r) => figures(r) && !sumsOf.has(r))) return null;
  const checks: Check[] = [];
  const printed = (rows: Row[], key: string): Place[] => mapArray(rows.filter((r) => r.cells[key]?.amount), (row) => ({ row, key }));
  for (const s of new Set([...sumsOf.values()].flat()))
    for (const k of keys) checks.push({ total: s.total.cells[k]?.amount ? { row: s.total, key: k } : null, parts: printed(s.parts, k), minus: [] });
  for (const id of identities)
    for (const r of t.rows) {
      if (id.rows && !id.rows.includes(r.kind) && !(id.orRole && r.role === id.orRole)) continue;
      const parts = id.parts.flatMap((k) => printed([r], k));
      if (r.cells[id.total]?.amount && parts.length) checks.push({ total: { row: r, key: id.total }, parts, minus: (id.minus ?? []).flatMap((k) => printed([r], k)) });
    }
  return checks;
}

function checkHolds(c: Check, values: Values): boolean {
  const parts = mapArray(c.parts, (p) => values(p)!);
  if (!c.total) return parts.every((a) => a.value.isZero());
  return holds(values(c.total)!, parts, mapArray(c.minus, (p) => values(p)!));
}

const samePlace = (a: Place, b: Place) => a.row === b.row && a.key === b.key;
const placesOf = (c: Check): Place[] => [...(c.total ? [c.total] : []), ...c.parts, ...c.minus];

/**
 * Whether the sums identitiesHold weighs all hold but for one printed figure: a figure in every sum that fails, at a
 * value (non-negative) with which every sum holds. A misprint, which the checks will name, not a line moved into other
 * columns: a moved figure leaves one column's sums short and another's over, sums that share no figure.
 */
export function holdsButForOneFigure(t: Table, identities: RowIdentity[]): boolean {
  const checks = tableChecks(t, identities);
  if (!checks) return false;
  const failing = checks.filter((c) => !checkHolds(c, noChange));
  if (!failing.length) return true;
  const first = failing[0];
  for (const p of placesOf(first)) {
    if (!failing.every((c) => placesOf(c).some((q) => samePlace(p, q)))) continue;
    // The value that makes the first failing sum hold exactly: total − Σ the other parts + Σ minus, or its converse.
    const value = (q: Place) => noChange(q)!.value;
    const others = (list: Place[]) => list.filter((q) => !samePlace(p, q)).reduce((s, q) => s.plus(value(q)), new Decimal(0));
    const total = first.total && !samePlace(p, first.total) ? value(first.total) : null;
    const v = total === null ? others(first.parts).minus(others(first.minus)) : first.parts.some((q) => samePlace(p, q)) ? total.minus(others(first.parts)).plus(others(first.minus)) : others(first.parts).minus(total).minus(others(first.minus));
    if (v.isNegative()) continue;
    const printed = noChange(p)!;
    const changed: Amount = { ...printed, value: v };
    if (checks.every((c) => checkHolds(c, (q) => (samePlace(p, q) ? changed : noChange(q))))) return true;
  }
  return false;
}

/**
 * Places a group's rows by the combination that makes the most sums hold. A row is left in `unsettled` when a
 * combination that places it otherwise makes as many hold: the sums cannot tell its placements apart.
 */
function settleGroup(group: PlacementChoice[], sumsOf: Map<Row, Sum[]>, unsettled: Set<Row>): void {
  // The columns at stake: where a row's options differ.
  const keys = new Set<string>();
  for (const c of group)
    for (const o of c.options.slice(1))
      for (const k of new Set([...Object.keys(o), ...Object.keys(c.options[0])])) if (o[k]?.text !== c.options[0][k]?.text) keys.add(k);
  const touched = new Set<Sum>();
  for (const c of group) for (const s of sumsOf.get(c.row) ?? []) touched.add(s);
  if (!keys.size || !touched.size) {
    for (const c of group) unsettled.add(c.row);
    return;
  }
  // Each sum in each column at stake, its figures on one integer grid: what the rows placed for certain give, once,
  // and what each of the group's rows gives in each of its placements.
  const amounts: Amount[] = [];
  for (const s of touched)
    for (const r of [s.total, ...s.parts])
      for (const k of keys) {
        const a = r.cells[k]?.amount;
        if (a) amounts.push(a);
        for (const o of group.find((c) => c.row === r)?.options ?? []) if (o[k]?.amount) amounts.push(o[k].amount!);
      }
  const scale = new Decimal(10).pow(Math.max(0, ...mapArray(amounts, (a) => a.decimals)) + 1);
  const grid = (a: Amount | null | undefined): [bigint, bigint] => (a ? [BigInt(a.value.times(scale).toFixed(0)), BigInt(halfUnit(a).times(scale).toFixed(0))] : [0n, 0n]);
  const index = new Map<Row, number>();
  group.forEach((c, i) => index.set(c.row, i));
  const checks: { value: bigint; slack: bigint; terms: { row: number; sign: bigint; key: string }[] }[] = [];
  for (const s of touched)
    for (const k of keys) {
      const check = { value: 0n, slack: 0n, terms: [] as { row: number; sign: bigint; key: string }[] };
      for (const [r, sign] of [[s.total, 1n], ...mapArray(s.parts, (p) => [p, -1n] as const)] as [Row, bigint][]) {
        const i = index.get(r);
        if (i !== undefined) check.terms.push({ row: i, sign, key: k });
        else {
          const [v, e] = grid(r.cells[k]?.amount);
          check.value += sign * v;
          check.slack += e;
        }
      }
      checks.push(check);
    }
  const byOption = mapArray(group, (c) => mapArray(c.options, (o) => new Map(mapArray([...keys], (k) => [k, grid(o[k]?.amount)] as const))));
  const held = (at: number[]) => {
    let n = 0;
    for (const c of checks) {
      let v = c.value;
      let e = c.slack;
      for (const t of c.terms) {
        const [tv, te] = byOption[t.row][at[t.row]].get(t.key)!;
        v += t.sign * tv;
        e += te;
      }
      if ((v < 0n ? -v : v) <= e) n++;
    }
    return n;
  };
  let best: { held: number; switched: number; pick: Map<Row, Record<string, Cell>> } | null = null;
  // Per row, per option, the most sums any combination placing the row so makes hold.
  const most = new Map<PlacementChoice, number[]>();
  for (const c of group) most.set(c, new Array<number>(c.options.length).fill(-1));
  const combos = group.reduce((n, c) => n * c.options.length, 1);
  for (let m = 0; m < combos; m++) {
    const pick = new Map<Row, Record<string, Cell>>();
    const at: number[] = [];
    let rest = m;
    let switched = 0;
    for (const c of group) {
      const i = rest % c.options.length;
      rest = Math.floor(rest / c.options.length);
      pick.set(c.row, c.options[i]);
      at.push(i);
      if (i > 0) switched++;
    }
    const h = held(at);
    group.forEach((c, k) => {
      const m = most.get(c)!;
      if (h > m[at[k]]) m[at[k]] = h;
    });
    if (!best || h > best.held || (h === best.held && switched < best.switched)) best = { held: h, switched, pick };
  }
  for (const c of group) {
    const chosen = c.options.indexOf(best!.pick.get(c.row)!);
    if (most.get(c)!.some((h, i) => i !== chosen && h >= best!.held)) unsettled.add(c.row);
  }
  // (Combination 0 is the placement by position: it is replaced only by one that makes strictly more sums hold.)
  if (!best || best.switched === 0) return;
  for (const c of group) {
    const cells = best.pick.get(c.row)!;
    for (const k of keys) {
      if (cells[k]) c.row.cells[k] = cells[k];
      else delete c.row.cells[k];
    }
  }
}
