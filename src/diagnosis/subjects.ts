import type { Amount } from "../model/amount.js";
import { tableById, type BudgetDocument } from "../model/document.js";
import type { Finding, Severity, Subject } from "../engine/types.js";
import type { SourceLocation } from "../model/location.js";
import { allTables } from "../model/units.js";

const placeOf = (l: SourceLocation) => `${l.file}\u0000${l.line ?? ""}\u0000${l.column ?? ""}\u0000${l.sheet ?? ""}\u0000${l.cell ?? ""}`;

/**
 * The subjects of a document's table figures, found by the figure or, for a copy of it (a table's figure in
 * 元 compared with the text in 万元 is a copy in 万元), by where it is printed.
 */
class Subjects extends Map<Amount, Subject> {
  /** By where each figure is printed: made when a copy is first looked up. */
  private byPlace: Map<string, Subject> | null = null;

  override get(a: Amount): Subject | undefined {
    const own = super.get(a);
    if (own) return own;
    if (!this.byPlace) {
      this.byPlace = new Map();
      for (const [figure, subject] of this) this.byPlace.set(placeOf(figure.location), subject);
    }
    return this.byPlace.get(placeOf(a.location));
  }
}

/** Where a figure is printed, as a subject (table, unit, code or item, column) from the document model. */
export function figureSubjects(doc: BudgetDocument): Map<Amount, Subject> {
  const out = new Subjects();
  // (A unit's own tables, BudgetDocument.units: their figures named with the unit, as their findings are.)
  const own = new Set(doc.tables);
  for (const t of allTables(doc))
    for (const r of t.rows)
      for (const [key, cell] of Object.entries(r.cells)) {
        if (!cell.amount) continue;
        const column = t.columns.find((c) => c.key === key)?.label ?? key;
        const unit = r.kind === "department" ? null : r.unit;
        const subject: Subject = { table: t.id, unit: unit ?? (own.has(t) ? null : (t.budgetUnit ?? null)), code: r.code, item: r.kind === "unit" ? null : (r.name ?? r.label), column };
        out.set(cell.amount, subject);
      }
  return out;
}

/** A diagnosis finding's fields that say what it is about: its subject's table (and the table's kind), unit, code, item and column. */
export function subjectFields(subject: Subject, doc: BudgetDocument): Pick<Finding, "table" | "tableKind" | "unit" | "code" | "item" | "column"> {
  return {
    table: subject.table,
    tableKind: subject.table === "text" ? null : (tableById(doc, subject.table)?.kind ?? null),
    unit: subject.unit ?? null,
    code: subject.code ?? null,
    item: subject.item ?? null,
    column: subject.column ?? null,
  };
}

/**
 * A diagnosis is as severe as what it explains: one that settles warnings only (a figure cut off, 截尾, rather than
 * rounded) is a warning at most.
 */
export function explainedSeverity(setting: Severity, explained: readonly Finding[]): Severity {
  return setting === "error" && explained.length > 0 && !explained.some((f) => f.severity === "error") && explained.some((f) => f.severity === "warning") ? "warning" : setting;
}
