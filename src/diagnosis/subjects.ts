import type { Amount } from "../model/amount.js";
import type { BudgetDocument } from "../model/document.js";
import type { Subject } from "../engine/types.js";

/** Where a figure is printed, as a subject (table, unit, code or item, column) from the document model. */
export function figureSubjects(doc: BudgetDocument): Map<Amount, Subject> {
  const out = new Map<Amount, Subject>();
  for (const t of doc.tables)
    for (const r of t.rows)
      for (const [key, cell] of Object.entries(r.cells)) {
        if (!cell.amount) continue;
        const column = t.columns.find((c) => c.key === key)?.label ?? key;
        out.set(cell.amount, { table: t.id, unit: r.kind === "department" ? null : r.unit, code: r.code, item: r.kind === "unit" ? null : (r.name ?? r.label), column });
      }
  return out;
}
