import type { BudgetDocument, Table } from "../model/document.js";
import type { InputError } from "./errors.js";
import type { Row } from "../model/document.js";
import { printedTwice, type ParsedTables, type TableMeta } from "./tables.js";
import { mapArray } from "../util/arrays.js";

function mostCommon<T>(xs: T[]): T | null {
  const counts = new Map<T, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best: T | null = null;
  let n = 0;
  for (const [x, c] of counts) if (c > n) [best, n] = [x, c];
  return best;
}

/** Fills what the title did not say from what the tables print (部门名称, 单位, 年度). */
export function finishDocument(doc: BudgetDocument, meta: TableMeta): void {
  doc.department ??= mostCommon(meta.departments);
  doc.moneyUnit ??= mostCommon(mapArray(doc.tables, (t) => t.unit).filter((u): u is string => !!u)) ?? mostCommon(meta.units);
  if (doc.year === null) {
    doc.year = mostCommon(meta.years);
    if (doc.year === null) {
      for (const t of doc.tables)
        for (const c of t.columns) {
          const m = /(\d{4})年/.exec(c.label);
          if (m) {
            doc.year = Number(m[1]);
            break;
          }
        }
    }
  }
}

/**
 * Adds the tables recognised in one file or worksheet to a package's document: a table split over
 * several files or sheets is merged, in the order they come; tables stay in 表1 … 表12 order.
 */
export function addTables(doc: BudgetDocument, meta: TableMeta, parsed: ParsedTables): void {
  meta.departments.push(...parsed.meta.departments);
  meta.units.push(...parsed.meta.units);
  meta.years.push(...parsed.meta.years);
  for (const t of parsed.tables) {
    const existing = doc.tables.find((x) => x.id === t.id);
    if (existing && existing.rows[0] && t.rows[0] && rowKey(existing.rows[0]) === rowKey(t.rows[0])) {
      throw printedTwice({ number: Number(t.id.slice(1)), title: t.title }, existing.rows[0].location, t.rows[0].location);
    }
    if (existing) {
      existing.rows.push(...t.rows);
      if (t.beyondHeader) (existing.beyondHeader ??= []).push(...t.beyondHeader);
      existing.pages += t.pages;
    } else doc.tables.push(t);
  }
  doc.tables.sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)));
  // Tables the template does not print: listed once each, however many files or sheets print them.
  for (const u of parsed.unknown) {
    const listed = (doc.unknownTables ??= []);
    if (!listed.some((x) => x.title === u.title)) listed.push(u);
  }
}

/** A row as printed: its label and every cell's text (two printings of one table share their first row). */
function rowKey(r: Row): string {
  return JSON.stringify([r.label, mapArray(Object.entries(r.cells), ([k, c]) => [k, c.text.trim()])]);
}

/**
 * A table whose header is not the template's (parseTables' `headerErrors`) is listed and the rest is read
 * when the rest is the document: three kinds of table or more. Else the first such header's error, which says
 * what was expected (a text of another form, or a package of one or two tables).
 */
export function settleHeaderErrors(tables: Table[], errors: InputError[]): void {
  if (errors.length && new Set(mapArray(tables, (t) => t.kind)).size < 3) throw errors[0];
}
