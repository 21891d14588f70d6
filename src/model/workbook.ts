import type { Amount } from "./amount.js";
import type { BudgetDocument, Row, Table, TableId } from "./document.js";
import type { SourceLocation } from "./location.js";

/**
 * A formula cell whose formula is a plain sum of cells of its own sheet (`SUM(B2:B9)`, `B2+B3-B4`,
 * `SUM(B2:B4,B7)`): its cached value and the stored values it adds, all `exact` amounts.
 */
export interface SumFormula {
  location: SourceLocation;
  formula: string;
  cached: Amount;
  parts: { amount: Amount; sign: 1 | -1 }[];
}

/** A worksheet row hidden in the workbook; `hasAmounts` when any of its cells holds an amount. */
export interface HiddenRow {
  sheet: string;
  row: number;
  location: SourceLocation;
  hasAmounts: boolean;
}

/** A worksheet column hidden in the workbook (A, B, …). */
export interface HiddenColumn {
  sheet: string;
  column: string;
  location: SourceLocation;
}

/** Workbook facts that the text forms cannot carry, for the workbook rules (formula-cache, hidden-content). */
export interface WorkbookFacts {
  hiddenSheets: { sheet: string; location: SourceLocation }[];
  hiddenRows: HiddenRow[];
  hiddenColumns: HiddenColumn[];
  formulas: SumFormula[];
  /** Formula cells whose formula is not a plain sum: their cached value is used as printed, not re-checked. */
  otherFormulas: number;
}

/** The table a worksheet holds (the first whose rows are printed on it); `text` for any other sheet. */
export function sheetTable(doc: BudgetDocument, sheet: string): TableId | "text" {
  for (const t of doc.tables) if (t.location.sheet === sheet || t.rows.some((r) => r.location.sheet === sheet)) return t.id;
  return "text";
}

/** The table row printed on a worksheet row, if any. */
export function rowAt(doc: BudgetDocument, sheet: string, row: number): { table: Table; row: Row } | null {
  const cell = new RegExp(`^[A-Z]+${row}$`);
  for (const t of doc.tables)
    for (const r of t.rows) if (r.location.sheet === sheet && cell.test(r.location.cell ?? "")) return { table: t, row: r };
  return null;
}

/** Amounts of the document's tables printed in a worksheet column. */
export function amountsInColumn(doc: BudgetDocument, sheet: string, column: string): number {
  const cell = new RegExp(`^${column}\\d+$`);
  let n = 0;
  for (const t of doc.tables)
    for (const r of t.rows)
      for (const c of Object.values(r.cells)) if (c.amount && c.location.sheet === sheet && cell.test(c.location.cell ?? "")) n++;
  return n;
}
