import type { Finding, Severity } from "./engine/types.js";
import { TABLE_IDS, type BudgetDocument, type InputFormat, type TableId } from "./model/document.js";
import type { SourceLocation } from "./model/location.js";
import { defaultTemplate } from "./templates/index.js";

/** The JSON report (docs/report.schema.json): one report covers every input. */
export interface TableEntry {
  id: TableId;
  title: string;
  present: boolean;
  rows: number;
}

export interface DocumentReport {
  path: string;
  format: InputFormat;
  department: string | null;
  year: number | null;
  moneyUnit: string | null;
  tables: TableEntry[];
  findings: Finding[];
  summary: Record<Severity, number>;
  failure: { message: string; location?: SourceLocation } | null;
}

export interface Report {
  version: 2;
  tool: { name: "budget-check"; version: string };
  documents: DocumentReport[];
  summary: { documents: number } & Record<Severity, number>;
}

const TABLE_ORDER = (t: string) => (t === "text" ? 99 : Number(t.slice(1)));

export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const s = { error: 0, warning: 0, info: 0 };
  for (const f of findings) s[f.severity]++;
  return s;
}

/** A1 addresses in reading order (row, then column); 0 when there is none. */
function cellOrder(cell: string | null | undefined): number {
  const m = cell ? /^([A-Z]+)(\d+)$/.exec(cell) : null;
  if (!m) return 0;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return Number(m[2]) * 20_000 + col;
}

/** Findings in a stable order: by table, then where they are printed, then rule. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      TABLE_ORDER(a.table) - TABLE_ORDER(b.table) ||
      (a.location.file < b.location.file ? -1 : a.location.file > b.location.file ? 1 : 0) ||
      (a.location.sheet ?? "").localeCompare(b.location.sheet ?? "") ||
      cellOrder(a.location.cell) - cellOrder(b.location.cell) ||
      (a.location.line ?? 0) - (b.location.line ?? 0) ||
      (a.location.column ?? 0) - (b.location.column ?? 0) ||
      a.ruleId.localeCompare(b.ruleId),
  );
}

export function documentReport(path: string, doc: BudgetDocument, findings: Finding[]): DocumentReport {
  const tables: TableEntry[] = TABLE_IDS.map((id) => {
    const t = doc.tables.find((x) => x.id === id);
    const listed = doc.contents.find((e) => e.tableId === id);
    const title = t?.title ?? listed?.title ?? defaultTemplate.tables.find((x) => x.id === id)!.title;
    return { id, title, present: !!t, rows: t ? t.rows.length : 0 };
  });
  const sorted = sortFindings(findings);
  return {
    path,
    format: doc.format,
    department: doc.department,
    year: doc.year,
    moneyUnit: doc.moneyUnit,
    tables,
    findings: sorted,
    summary: countBySeverity(sorted),
    failure: null,
  };
}

export function failedReport(path: string, format: InputFormat, message: string, location?: SourceLocation): DocumentReport {
  return {
    path,
    format,
    department: null,
    year: null,
    moneyUnit: null,
    tables: [],
    findings: [],
    summary: { error: 0, warning: 0, info: 0 },
    failure: location ? { message, location } : { message },
  };
}

/**
 * What a run keeps of a document whose report is already written (streamed formats): everything but its
 * findings and tables. The severity counts, the failure and the path are what the exit status, the
 * progress bar and the error lines need.
 */
export function briefOf(d: DocumentReport): DocumentReport {
  return { ...d, tables: [], findings: [] };
}

export function makeReport(version: string, documents: DocumentReport[]): Report {
  const summary = { documents: documents.length, error: 0, warning: 0, info: 0 };
  for (const d of documents) for (const s of ["error", "warning", "info"] as const) summary[s] += d.summary[s];
  return { version: 2, tool: { name: "budget-check", version }, documents, summary };
}
