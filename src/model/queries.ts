import { templates } from "../templates/index.js";
import { inUnit, makeCount, type Amount } from "./amount.js";
import { amountOf, table, type BudgetDocument, type Row, type Table, type TableKind } from "./document.js";
export { tablesOf } from "./document.js";
import { normaliseName } from "./names.js";
import { mapArray } from "../util/arrays.js";

/** Canonical label of a table's column (支出总计, 基本支出 …) for messages. */
export function columnLabel(t: Table, key: string): string {
  const c = t.columns.find((x) => x.key === key);
  if (key === "amount") return c?.name ?? amountName(null, t.title);
  return c?.name ?? c?.label ?? key;
}

/**
 * The name of a two-sided table's one amount column (收支总表): 预算数 or 决算数 as its header prints it, else as
 * its title says what it is (a 决算 table's header often prints only 金额).
 */
export function amountName(printed: string | null | undefined, title: string | null | undefined): string {
  if (printed === "预算数" || printed === "决算数") return printed;
  return title && /决算/.test(title) ? "决算数" : "预算数";
}

/** The amount columns a table printed, in order. */
export function amountColumns(t: Table): string[] {
  return mapArray(t.columns.filter((c) => c.kind === "amount" && c.key !== "amount"), (c) => c.key);
}

export interface UnitBlock {
  row: Row;
  codes: Row[];
}

/** A classified table as the department row, then each budget unit with its code rows. */
export function unitBlocks(t: Table): { department: Row | null; units: UnitBlock[]; loose: Row[] } {
  let department: Row | null = null;
  const units: UnitBlock[] = [];
  const loose: Row[] = [];
  for (const r of t.rows) {
    if (r.kind === "department") department ??= r;
    else if (r.kind === "unit") units.push({ row: r, codes: [] });
    else if (r.kind === "code") (units.length ? units[units.length - 1].codes : loose).push(r);
  }
  return { department, units, loose };
}

/** Length of a code's parent level: 2060701 → 20607 → 206 (function), 30101 → 301 (economic). */
export function parentCode(code: string): string | null {
  if (code.length === 7) return code.slice(0, 5);
  if (code.length === 5) return code.slice(0, 3);
  return null;
}

/** Children of each code row among `codes` (one unit's rows). */
export function codeChildren(codes: Row[]): Map<Row, Row[]> {
  const byCode = new Map<string, Row>();
  for (const r of codes) if (r.code && !byCode.has(r.code)) byCode.set(r.code, r);
  const children = new Map<Row, Row[]>();
  for (const r of codes) {
    const p = r.code ? parentCode(r.code) : null;
    const parent = p ? byCode.get(p) : undefined;
    if (parent) pushTo(children, parent, r);
  }
  return children;
}

export const unitKey = (name: string | null) => (name ? normaliseName(name) : "");

/** Σ over all units of a code's amount in one column; the rows that make it. */
export function codeAcrossUnits(t: Table, code: string, key: string): Amount[] {
  return mapArray(t.rows.filter((r) => r.kind === "code" && r.code === code), (r) => amountOf(r, key)).filter((a): a is Amount => !!a);
}

/** The department row of a classified table, or null. */
export function departmentRow(t: Table | undefined): Row | null {
  return t ? unitBlocks(t).department : null;
}

export function rowByRole(t: Table | undefined, role: string): Row | undefined {
  return t?.rows.find((r) => r.role === role);
}

/**
 * A 决算's 三公 table's row of this year's figures (its 决算数, and its 预算数 as `budget-` cells): its `current-year` row —
 * in a table of years not its first (2023年决算数 | 2024年预算数 | 2024年决算数: last year's first) — else its first.
 */
export function thisYearsRow(t: Table | undefined): Row | undefined {
  return t?.rows.find((r) => r.role === "current-year") ?? t?.rows[0];
}

/**
 * Tables of 三公 items (因公出国（境）费 | 公务用车购置及运行费 | 公务接待费): the 一般公共预算's (or the department's,
 * `sanggong`), which the text's 三公 figures are compared with, and a fund's own (政府性基金预算“三公”经费支出预算表,
 * 国有资本经营预算's), whose identities alone are checked.
 */
export const SANGGONG_KINDS: TableKind[] = ["sanggong", "gov-fund-sanggong", "state-capital-sanggong"];

/**
 * A fund's lines on the income side of a 财政拨款收支总表 (`fund`: general-public, gov-fund, state-capital): this year's (一、
 * 一般公共预算财政拨款 …, before the carry-over's line) and the one printed under 年初财政拨款结转和结余 (its part carried over),
 * each where printed.
 */
export function fundIncomeLines(t: Table | undefined, fund: string): { current?: Row; carryover?: Row; opening?: Row } {
  const income = t ? t.rows.filter((r) => r.side === "income") : [];
  const at = income.findIndex((r) => r.role === "income-carryover");
  const ofFund = (rows: Row[]) => rows.find((r) => r.role === fund);
  if (at < 0) return { current: ofFund(income) };
  return { current: ofFund(income.slice(0, at)), carryover: income[at], opening: ofFund(income.slice(at + 1)) };
}

/** A part of a fund's balance as a 决算 states it: 年初结转和结余 · 本年收入 · 本年支出 · 年末结转和结余. */
export type FundPart = "opening" | "income" | "spent" | "closing";

/** The fund's table's column of each part (政府性基金预算财政拨款收入支出决算表: 年初结转和结余 | 本年收入 | 本年支出 小计 | 年末结转和结余). */
const FUND_TABLE_KEYS: Record<FundPart, string> = { opening: "opening", income: "income", spent: "total", closing: "closing" };

/** A cell a part of a fund's balance is printed in; `blank`: left blank on a row that prints figures (nothing: 0). */
export interface FundCell {
  table: Table;
  row: Row;
  key: string;
  blank: boolean;
}

/**
 * Where a 决算's tables print a part of a fund's balance: the 合计 row of the fund's own table (`fund`: gov-fund,
 * state-capital), in that part's column; and the 财政拨款收入支出决算表's line of the fund (年初: the one under
 * 年初财政拨款结转和结余; 本年收入: this year's) or its column of that fund (本年支出合计 · 年末财政拨款结转和结余). Each where the table
 * prints it; a line of the fund printed blank is not (whether it is 0, its line does not say).
 */
export function fundBalanceCells(doc: BudgetDocument, fund: "gov-fund" | "state-capital", part: FundPart): { own: FundCell | null; summary: FundCell | null } {
  const cellOf = (t: Table | undefined, row: Row | null | undefined, key: string, blankCounts: boolean): FundCell | null => {
    if (!t || !row || !t.columns.some((c) => c.key === key)) return null;
    if (amountOf(row, key)) return { table: t, row, key, blank: false };
    return blankCounts && Object.values(row.cells).some((c) => c.amount) ? { table: t, row, key, blank: true } : null;
  };
  const own = table(doc, fund);
  const t4 = table(doc, "allocation-summary");
  const lines = fundIncomeLines(t4, fund);
  const closing = t4?.rows.find((r) => r.role === "expenditure-carryforward" && /^年末/.test(normaliseName(r.label ?? r.name ?? "")));
  const summary =
    part === "opening" ? cellOf(t4, lines.opening, "amount", false)
    : part === "income" ? cellOf(t4, lines.current, "amount", false)
    : cellOf(t4, part === "spent" ? rowByRole(t4, "expenditure-subtotal") : closing, fund, true);
  return { own: cellOf(own, own && departmentRow(own), FUND_TABLE_KEYS[part], true), summary };
}

/** Tables of code rows (类/款/项 or 301/30101) under budget units. */
export const CLASSIFIED: TableKind[] = [
  "income", "expenditure", "basic-summary", "project-summary", "general-function", "general-economic",
  "general-basic-economic", "general-project-economic", "allocation-function", "allocation-basic-economic", "running-cost-economic", "gov-fund", "state-capital", "function-economic",
];

/**
 * Parent role of an item role in a table of this kind (一般公共预算拨款 → 政府预算拨款), as the document's
 * template declares it (else the first template that knows the role).
 */
export function roleParent(kind: TableKind, role: string, template?: string): string | null {
  // The templates are fixed data: each answer is worked out once (hierarchy-sum asks for every pair of
  // a 收支总表's income items, and each question built the templates' order anew).
  let byKind = parents.get(template);
  if (!byKind) {
    if (parents.size >= 64) parents.clear();
    parents.set(template, (byKind = new Map()));
  }
  let byRole = byKind.get(kind);
  if (!byRole) byKind.set(kind, (byRole = new Map()));
  let parent = byRole.get(role);
  if (parent === undefined) {
    parent = null;
    const order = template ? [...templates.filter((t) => t.name === template), ...templates.filter((t) => t.name !== template)] : templates;
    search: for (const tpl of order)
      for (const t of tpl.tables) {
        if (t.kind !== kind) continue;
        const r = t.roles?.find((x) => x.role === role);
        if (r) {
          parent = r.parent ?? null;
          break search;
        }
      }
    if (byRole.size < 256) byRole.set(role, parent);
  }
  return parent;
}
const parents = new Map<string | undefined, Map<TableKind, Map<string, string | null>>>();

/**
 * The budget units of a classified table, each with its code rows. A department that is its own only
 * budget unit prints no unit row: its codes follow the department row (部门名称) directly, and that
 * row then stands for the unit.
 */
export function codeBlocks(t: Table): UnitBlock[] {
  const { department, units, loose } = unitBlocks(t);
  if (units.length === 0 && department && loose.length) return [{ row: department, codes: loose }];
  return units;
}

/**
 * A classified table printed by name only, its rows' levels told by indentation (model/indent-levels.ts): per
 * department or budget unit row, its top-level rows (类) and each row's children (the rows one level below it,
 * up to the next row at its level or above). Empty when no row has a level.
 * An outline (`t.outline`: levels are label columns, and a level may be skipped: a project's items under its
 * economic item): a row's parent is the nearest row above it at a lower level that prints a figure (a row with
 * none is a heading, no sum), its top-level rows those with no such row above them.
 */
export function levelTrees(t: Table): { row: Row | null; top: Row[]; children: Map<Row, Row[]> }[] {
  const trees: { row: Row | null; top: Row[]; children: Map<Row, Row[]> }[] = [];
  let tree: (typeof trees)[number] | null = null;
  // The rows a row below may be under, outermost first (each at a lower level than the next).
  let path: Row[] = [];
  const figured = (r: Row) => Object.values(r.cells).some((c) => c.amount !== null);
  for (const r of t.rows) {
    if (r.kind === "department" || r.kind === "unit") {
      tree = { row: r, top: [], children: new Map() };
      trees.push(tree);
      path = [];
      continue;
    }
    if (r.kind !== "item" || !r.level) continue;
    if (!tree) trees.push((tree = { row: null, top: [], children: new Map() }));
    while (path.length && path[path.length - 1].level! >= r.level) path.pop();
    const parent = path[path.length - 1];
    if (t.outline) {
      if (parent) pushTo(tree.children, parent, r);
      else tree.top.push(r);
      if (figured(r)) path.push(r);
      continue;
    }
    // (Levels by indentation step one at a time: a row's parent is the row one level above it.)
    if (r.level === 1) tree.top.push(r);
    else if (parent && parent.level === r.level - 1) pushTo(tree.children, parent, r);
    path.push(r);
  }
  return trees.filter((x) => x.top.length);
}

/** The name a block is matched by across tables: the unit, or the department's name for a department row. */
export function blockKey(row: Row): string {
  return unitKey(row.kind === "department" ? row.name : row.unit);
}

/** The subject of a finding about one cell: its table, unit (none for the department row), code, item and column label. */
export function cellSubject(t: Table, r: Row, key: string) {
  return { table: t.id, unit: r.kind === "department" ? null : r.unit, code: r.code, item: r.name, column: t.columns.find((c) => c.key === key)?.label ?? key };
}

/** Appends to the list of `key` in place (a spread copy per item makes building n items cost n²). */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The government allocation as the tables print it, in 万元 (the unit the written parts state it in):
 * 财政拨款收入 (the summary table's line), 财政拨款支出 in all or by fund (the allocation summary's 支出总计 row
 * and its 一般公共预算 / 政府性基金 / 国有资本经营 columns). A fund column left blank on a printed 支出总计 row
 * is 0 (printed nothing: no allocation from that fund).
 */
export function allocationFigure(doc: BudgetDocument, side: "income" | "expenditure", fund: "all" | "general-public" | "gov-fund" | "state-capital"): { amount: Amount; table: Table } | null {
  const wan = (a: Amount | null, t: Table) => (a ? { amount: inUnit(a, t.unit, "万元"), table: t } : null);
  if (side === "income") {
    if (fund !== "all") return null;
    const t1 = table(doc, "summary");
    const row = t1?.rows.find((r) => r.role === "gov-allocation");
    return t1 ? wan(amountOf(row, "amount"), t1) : null;
  }
  const t4 = table(doc, "allocation-summary");
  const row = t4?.rows.find((r) => r.role === "expenditure-total");
  if (!t4 || !row) return null;
  const key = fund === "all" ? "amount" : fund;
  if (!t4.columns.some((c) => c.key === key)) return null;
  const a = amountOf(row, key);
  if (a) return wan(a, t4);
  if (fund === "all" || !amountOf(row, "amount")) return null;
  const zero = makeCount("0", row.cells[key]?.location ?? row.location);
  return zero ? { amount: zero, table: t4 } : null;
}

/**
 * Whose money a table of function codes × economic classes holds, as its title says: 一般公共预算's (一般公共预算支出预算表,
 * 一般公共预算财政拨款…), or every fund of 财政拨款 together (财政拨款支出预算表（部门经济分类科目）, 四川's 表2-1); null for
 * any other title (部门支出…: the unit's own funds too, or a fund's alone), which is compared with nothing.
 */
export function acrossScope(t: Table): "general-public" | "allocation" | null {
  if (/一般公共预算/.test(t.title)) return "general-public";
  if (/政府性基金|国有资本经营|财政专户|单位资金|其他资金/.test(t.title)) return null;
  return /财政拨款/.test(t.title) ? "allocation" : null;
}
