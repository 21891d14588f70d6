import { Decimal } from "decimal.js";
import { halfUnit, inUnit, type Amount } from "../model/amount.js";
import { tableName, tableNameEn, type Row, type Table, type TableKind, type UnitBudget } from "../model/document.js";
import { normaliseName } from "../model/names.js";
import { cellSubject, parentCode } from "../model/queries.js";
import { sameOrganisation } from "../model/units.js";
import type { Finding, Msg, Rule, Term } from "../engine/types.js";
import { placeWords, rowPlace, type SourceLocation } from "../model/location.js";
import { mapArray } from "../util/arrays.js";

/**
 * Tables whose figures add up over the units: by function or economic code, by income or expenditure item, by year
 * (三公). Not the performance tables (a unit's projects and targets, listed by unit in the department's), nor the
 * procurement table (by unit or project).
 */
export const ADDITIVE = new Set<TableKind>([
  "summary", "income", "expenditure", "basic-summary", "project-summary", "allocation-summary", "general-function", "general-economic",
  "general-basic-economic", "general-project-economic", "allocation-function", "allocation-basic-economic", "running-cost-economic",
  "function-economic", "sanggong", "gov-fund-sanggong", "state-capital-sanggong", "gov-fund", "state-capital",
]);

/**
 * What a row is matched by across the department's table and a unit's: its code, else its role (收入总计, 本年预算数 …),
 * else its name; the side of a two-sided table with it. The 合计 row of a table by code is the department's row. A
 * row of a budget unit inside a table (a department printing its units' rows) is no row of the whole: null.
 */
function rowKey(r: Row): string | null {
  if (r.unit !== null) return null;
  const side = r.side ?? "";
  if (r.kind === "department") return "total";
  if (r.kind === "unit") return null;
  if (r.code) return `c:${side}:${r.code}`;
  if (r.role) return `r:${side}:${r.role}`;
  const name = normaliseName(r.name ?? r.label ?? "");
  return name ? `n:${side}:${name}` : null;
}

/** A table's rows by key; a key printed twice (which row is meant cannot be told) maps to null. */
function rowsByKey(t: Table): Map<string, Row | null> {
  const out = new Map<string, Row | null>();
  for (const r of t.rows) {
    const k = rowKey(r);
    if (k !== null) out.set(k, out.has(k) ? null : r);
  }
  return out;
}

/**
 * Whether a unit's table that prints no row of `code` holds nothing under it: it prints codes, and none of the code's
 * 类, or a code as long under the same parent (it details that class to this level: the code left out is 0). A table
 * that prints the class less finely (its 款 without their 项) says nothing of the 项.
 */
function noneUnder(rows: Map<string, Row | null>, side: string, code: string): boolean {
  const codes: string[] = [];
  for (const [k, r] of rows) if (r?.code && k.startsWith(`c:${side}:`)) codes.push(r.code);
  if (!codes.length) return false;
  const lei = code.slice(0, 3);
  if (!codes.some((c) => c.startsWith(lei))) return true;
  const parent = parentCode(code);
  return parent === null || codes.some((c) => c.length === code.length && c.startsWith(parent));
}

/**
 * The printed rows some other finding stands on (rowPlace), or the one other figure it compares with: a figure found
 * at odds with another — in its unit's own tables (the rules run again on each unit's), or with the unit's row of the
 * department's table (unit-rows). A sum's parts (a 类's 款 and 项, each of them related to the 类's finding) are not:
 * which of them is off, the sum does not say. Figures within rounding are no sign of a wrong one.
 */
function rowsAtOdds(findings: readonly Finding[], self: string): Set<string> {
  const out = new Set<string>();
  for (const f of findings) {
    if (f.ruleId === self || f.withinRounding || f.severity === "info") continue;
    for (const l of f.related.length === 1 ? [f.location, f.related[0]] : [f.location]) {
      const k = rowPlace(l);
      if (k) out.add(k);
    }
  }
  return out;
}

/**
 * The relation of a department's row with its units', naming the one unit whose row is at odds elsewhere (its own
 * tables' identities, or its row in the department's): where the sum does not hold, the figure to look at first.
 */
function namingSuspect(relation: Msg, unit: string, at: SourceLocation): Msg {
  return {
    zh: `${relation.zh}（其中仅${unit}该行（${placeWords(at, "zh")}）在别处也不符）`,
    en: `${relation.en} (of them, only ${unit}'s row at ${placeWords(at, "en")} is at odds elsewhere too)`,
  };
}

/**
 * Whether the units' figures are off the department's by more than their rounding could make (each figure ½ of its last
 * digit, exact ones none): only then is a unit named (a sum within rounding is no sign of a wrong figure).
 */
function beyondRounding(total: Amount, parts: Term[]): boolean {
  let diff = total.value;
  let slack = total.exact ? new Decimal(0) : halfUnit(total);
  for (const p of parts) {
    diff = diff.minus(p.amount.value);
    if (!p.amount.exact) slack = slack.plus(halfUnit(p.amount));
  }
  return diff.abs().gt(slack);
}

/** A table printing nothing (本表无数据), or only zeros: every row it leaves out is 0 too. */
const empty = (t: Table) => t.rows.every((r) => Object.values(r.cells).every((c) => !c.amount || c.amount.value.isZero()));

export const unitsSum: Rule = {
  id: "units-sum",
  defaultSeverity: "error",
  description: "A department that prints each budget unit's own tables after its own: each figure of its tables = Σ the units' same figure (the same table, the same row by code or item, the same column).",
  descriptionZh: "部门预算之后列示各预算单位的单位预算表时，部门表的每个数 = 各单位同一张表同一行（按科目编码或项目）同一列之和。",
  // (After the rules run on each unit's own tables: a unit's row found at odds there is named.)
  afterUnits: true,
  check(doc, ctx) {
    const units = doc.units;
    if (!units?.length) return;
    const atOdds = rowsAtOdds(ctx.findings(), "units-sum");
    for (const t of doc.tables) {
      // (The document's own tables printed under a unit's heading, or naming a unit: that unit's, not the department's.)
      if (t.budgetUnit || !ADDITIVE.has(t.kind) || (units.some((u) => normaliseName(u.name) === normaliseName(t.department ?? "")) && !sameOrganisation(t.department, doc.department))) continue;
      // Every unit prints the table and it was read: a unit without it leaves its figures unknown.
      const theirs: { unit: UnitBudget; table: Table; rows: Map<string, Row | null> }[] = [];
      for (const u of units) {
        const x = u.tables.find((y) => y.id === t.id && y.kind === t.kind);
        if (x) theirs.push({ unit: u, table: x, rows: rowsByKey(x) });
      }
      if (theirs.length !== units.length) continue;
      const relation = {
        zh: `${units.length} 个预算单位${tableName(t)}同一行之和`,
        en: `the sum of the same row of the ${units.length} units' ${tableNameEn(t)}`,
      };
      const amountKeys = mapArray(t.columns.filter((c) => c.kind === "amount"), (c) => c.key);
      for (const [key, r] of rowsByKey(t)) {
        if (!r) continue;
        // The one unit whose row is at odds elsewhere, if one is: named, its figure listed first.
        let suspect: { unit: UnitBudget; row: Row } | null = null;
        let several = false;
        for (const { unit, rows } of theirs) {
          const own = rows.get(key);
          const at = own ? rowPlace(own.location) : null;
          if (!own || !at || !atOdds.has(at)) continue;
          several = suspect !== null;
          suspect ??= { unit, row: own };
        }
        if (several) suspect = null;
        const rowRelation = suspect ? namingSuspect(relation, suspect.unit.name, suspect.row.location) : relation;
        for (const col of amountKeys) {
          const total = r.cells[col]?.amount;
          if (!total) continue;
          const parts: Term[] = [];
          let known = true;
          for (const { table: x, rows } of theirs) {
            const own = rows.get(key);
            if (own === null || !x.columns.some((c) => c.key === col)) {
              known = false;
              break;
            }
            if (own === undefined) {
              // A row the unit does not print: 0 where its table says so (nothing under the code, or nothing at all).
              const side = r.side ?? "";
              if (!empty(x) && !(r.code && key.startsWith("c:") && noneUnder(rows, side, r.code))) known = false;
              if (!known) break;
              continue;
            }
            const cell = own.cells[col];
            if (cell?.invalid) {
              known = false;
              break;
            }
            // (A cell left blank on a row that prints figures: 0.)
            const a: Amount | null | undefined = cell?.amount;
            if (!a) continue;
            const part: Term = { amount: x.unit && t.unit && x.unit !== t.unit ? inUnit(a, x.unit, t.unit) : a };
            if (suspect && own === suspect.row) parts.unshift(part);
            else parts.push(part);
          }
          if (!known) continue;
          ctx.sum({ subject: cellSubject(t, r, col), total, parts, relation: suspect && beyondRounding(total, parts) ? rowRelation : relation });
        }
      }
    }
  },
};
