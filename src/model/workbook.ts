import type { Amount } from "./amount.js";
import type { BudgetDocument, Table, TableId } from "./document.js";
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
  /**
   * How many half units of its last printed digit the true amount of the figure it prints may lie from it
   * (Amount.halfUnits): the sum of its terms' (a sum of rounded figures is not itself a figure rounded once).
   * Given to the table's figure printed in the cell (loaders/sheets.ts).
   */
  halfUnits: number;
}

/** A worksheet row hidden in the workbook; `hasAmounts` when any of its cells holds an amount. */
export interface HiddenRow {
  sheet: string;
  row: number;
  location: SourceLocation;
  hasAmounts: boolean;
}

/** A worksheet column hidden in the workbook (A, B, …); `hasAmounts` when any of its cells holds an amount (noted as it is left out). */
export interface HiddenColumn {
  sheet: string;
  column: string;
  location: SourceLocation;
  hasAmounts?: boolean;
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

const CELL = /^([A-Z]+)(\d+)$/;
const columnNumber = (letters: string) => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);

/**
 * The table printed around a worksheet's row or column: one whose cells on that sheet lie on both sides of it
 * (rows above and below a row; amounts left and right of a column). A hidden row or column there is inside the
 * printed table, not beside it; null where none is.
 */
export function tableAround(doc: BudgetDocument, sheet: string, at: { row: number } | { column: string }): Table | null {
  const k = "row" in at ? at.row : columnNumber(at.column);
  for (const t of doc.tables) {
    let below = false;
    let above = false;
    const see = (loc: SourceLocation) => {
      const m = loc.sheet === sheet ? CELL.exec(loc.cell ?? "") : null;
      if (!m) return;
      const n = "row" in at ? Number(m[2]) : columnNumber(m[1]);
      if (n < k) below = true;
      else if (n > k) above = true;
    };
    for (const r of t.rows) {
      if ("row" in at) see(r.location);
      else for (const c of Object.values(r.cells)) if (c.amount) see(c.location);
      if (below && above) return t;
    }
  }
  return null;
}
