import type { Finding, Severity } from "./engine/types.js";
import type { NotChecked } from "./engine/requires.js";
import type { BudgetDocument, InputFormat, TableId, TableKind } from "./model/document.js";
import type { SourceLocation } from "./model/location.js";
import { templateByName } from "./templates/index.js";

/** The JSON report (docs/report.schema.json): one report covers every input. */
export interface TableEntry {
  id: TableId;
  /** What the table holds (src/templates/kinds.ts). */
  kind: TableKind;
  title: string;
  present: boolean;
  rows: number;
  /** The printed page the table starts on, where the input has pages. */
  page?: number | null;
}

export interface DocumentReport {
  path: string;
  format: InputFormat;
  department: string | null;
  year: number | null;
  moneyUnit: string | null;
  /** The template the tables were read with, and 预算 (budget) or 决算 (final). */
  template?: string;
  stage?: "budget" | "final";
  tables: TableEntry[];
  /** Tables printed whose kind is not known: listed, not checked. */
  unknownTables?: { title: string; location: SourceLocation }[];
  /** Enabled rules that could not run on this document, and why. */
  notChecked?: NotChecked[];
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

/** The template's tables (present or not), then any other table the document printed. */
function tableEntries(doc: BudgetDocument): TableEntry[] {
  const tpl = templateByName(doc.template);
  const entries: TableEntry[] = [];
  const seen = new Set<string>();
  for (const tt of tpl?.tables ?? []) {
    const t = doc.tables.find((x) => x.id === tt.id);
    const listed = doc.contents.find((e) => e.tableId === tt.id);
    entries.push({ id: tt.id, kind: t?.kind ?? tt.kind, title: t?.title ?? listed?.title ?? tt.title, present: !!t, rows: t ? t.rows.length : 0, page: t?.location.page ?? null });
    seen.add(tt.id);
  }
  for (const t of doc.tables)
    if (!seen.has(t.id)) entries.push({ id: t.id, kind: t.kind, title: t.title, present: true, rows: t.rows.length, page: t.location.page ?? null });
  return entries.sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)));
}

export function documentReport(path: string, doc: BudgetDocument, findings: Finding[], notChecked: NotChecked[] = []): DocumentReport {
  const tables = tableEntries(doc);
  const sorted = sortFindings(findings);
  return {
    path,
    format: doc.format,
    department: doc.department,
    year: doc.year,
    moneyUnit: doc.moneyUnit,
    template: doc.template,
    stage: doc.stage,
    tables,
    unknownTables: doc.unknownTables ?? [],
    notChecked,
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

export function makeReport(version: string, documents: DocumentReport[]): Report {
  const summary = { documents: documents.length, error: 0, warning: 0, info: 0 };
  for (const d of documents) for (const s of ["error", "warning", "info"] as const) summary[s] += d.summary[s];
  return { version: 2, tool: { name: "budget-check", version }, documents, summary };
}
