import type { BudgetDocument, TableId } from "./document.js";
import type { SourceLocation } from "./location.js";
import { mapArray } from "../util/arrays.js";

/**
 * A document that seems cut off inside a table: nothing of it (no row, no written line, no table left unread) comes
 * after the last printed table, and its 目录 lists two or more tables that would follow that one but are not
 * printed (one missing table after the last is more often a table left out than a cut). Returns
 * the table it ends in, where its last row is, and the listed tables that are missing after it.
 */
export interface CutOff {
  table: TableId;
  last: SourceLocation;
  missing: TableId[];
}

export function cutOff(doc: BudgetDocument): CutOff | null {
  if (doc.format !== "markdown" || !doc.tables.length) return null;
  const lastLine = (t: BudgetDocument["tables"][number]) => Math.max(...mapArray(t.rows, (r) => r.location.line ?? 0), t.location.line ?? 0);
  const last = doc.tables.reduce((a, b) => (lastLine(b) > lastLine(a) ? b : a));
  const end = lastLine(last);
  if (doc.text.some((p) => p.lines.some((l) => l.line > end))) return null;
  // (A table printed after it but not read — its header not understood, its rows' cells not placed — is printed: the
  // document goes on past it.)
  if (doc.unknownTables?.some((u) => (u.location.line ?? 0) > end)) return null;
  const number = (id: TableId) => Number(id.slice(1));
  const missing = mapArray(
    doc.contents.filter((e) => e.kind === "table" && e.tableId && number(e.tableId) > number(last.id) && !doc.tables.some((t) => t.id === e.tableId)),
    (e) => e.tableId!,
  );
  if (missing.length < 2) return null;
  const row = last.rows.find((r) => r.location.line === end);
  return { table: last.id, last: row?.location ?? { file: doc.path, line: end }, missing };
}
