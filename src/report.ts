import type { Finding, Severity } from "./engine/types.js";
import type { NotChecked } from "./engine/requires.js";
import type { BudgetDocument, InputFormat, Table, TableId, TableKind } from "./model/document.js";
import type { SourceLocation } from "./model/location.js";
import { templateByName } from "./templates/index.js";
import type { AcceptedProblem } from "./accepted.js";
import { setFingerprints } from "./accepted.js";
import { quoter } from "./quote.js";
import { mapArray } from "./util/arrays.js";

/** The JSON report (docs/report.schema.json): one report covers every input. */
export interface TableEntry {
  id: TableId;
  /** What the table holds (src/templates/kinds.ts). */
  kind: TableKind;
  title: string;
  /** The number printed with its title (表8, 公开07表), where one is: `id` is the template's number or the kind's. */
  printed?: string;
  present: boolean;
  rows: number;
  /** The printed page the table starts on, where the input has pages. */
  page?: number | null;
  /**
   * The budget unit whose own table set the table is printed in (a 部门预算 printing each 预算单位's tables after the
   * department's: BudgetDocument.units); absent for the department's tables. Since round 49.
   */
  unit?: string;
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
  /** Counts of the findings not accepted, by severity; `accepted`: how many were accepted. */
  summary: Record<Severity, number> & { accepted?: number };
  failure: { message: string; location?: SourceLocation } | null;
  /** The encoding the text files were read as (absent for workbooks and unreadable inputs). */
  encoding?: string;
  /** The configuration file the document was checked with (absent when none applied). */
  config?: string;
}

export interface Report {
  version: 2;
  tool: { name: "budget-check"; version: string };
  documents: DocumentReport[];
  summary: { documents: number; accepted?: number } & Record<Severity, number>;
  /** Entries of the configurations' `accepted` lists that expired or match no finding any more. */
  acceptedProblems?: AcceptedProblem[];
}

const TABLE_ORDER = (t: string) => (t === "text" ? 99 : Number(t.slice(1)));

/** Counts by severity of the findings not accepted (accepted ones are counted apart, when any). */
export function countBySeverity(findings: Finding[]): Record<Severity, number> & { accepted?: number } {
  const s: Record<Severity, number> & { accepted?: number } = { error: 0, warning: 0, info: 0 };
  for (const f of findings) {
    if (f.accepted) s.accepted = (s.accepted ?? 0) + 1;
    else s[f.severity]++;
  }
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

/**
 * Rule ids by their characters: for ids of a-z, 0-9 and "-" (every rule's) the order localeCompare gives in
 * English and Chinese, without the ~10 ms its first call in a process costs (ICU's collator is built), and
 * the same in every locale (an Estonian or Lithuanian one sorts some letters elsewhere).
 */
const byCodeUnits = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
const ruleIdOrder = (x: string, y: string): number => (/^[a-z0-9-]*$/.test(x) && /^[a-z0-9-]*$/.test(y) ? byCodeUnits(x, y) : x.localeCompare(y));
/** Sheet names as before (localeCompare), asked only when they differ: a text document has none. */
const sheetOrder = (x = "", y = ""): number => (x === y ? 0 : x.localeCompare(y));

/** Findings in a stable order: by table, then where they are printed, then rule. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(findingOrder);
}

// A module-level function, not an arrow made per call: V8 holds a closure's optimised code only while
// some instance of it lives, so a comparator made per document was optimised again after most
// collections (docs/performance.md, "Fourth pass").
function findingOrder(a: Finding, b: Finding): number {
  return (
    TABLE_ORDER(a.table) - TABLE_ORDER(b.table) ||
    byCodeUnits(a.location.file, b.location.file) ||
    sheetOrder(a.location.sheet ?? "", b.location.sheet ?? "") ||
    cellOrder(a.location.cell) - cellOrder(b.location.cell) ||
    (a.location.line ?? 0) - (b.location.line ?? 0) ||
    (a.location.column ?? 0) - (b.location.column ?? 0) ||
    ruleIdOrder(a.ruleId, b.ruleId)
  );
}

/** One printed table's entry. */
function tableEntry(t: Table): TableEntry {
  return { id: t.id, kind: t.kind, title: t.title, ...(t.printed ? { printed: t.printed } : {}), present: true, rows: t.rows.length, page: t.location.page ?? null, ...(t.budgetUnit ? { unit: t.budgetUnit } : {}) };
}

/**
 * The template's tables (present or not), then any other table the document printed; then each budget unit's own
 * tables (BudgetDocument.units), unit by unit, each with its unit.
 */
function tableEntries(doc: BudgetDocument): TableEntry[] {
  const tpl = templateByName(doc.template);
  const entries: TableEntry[] = [];
  const seen = new Set<string>();
  for (const tt of tpl?.tables ?? []) {
    const t = doc.tables.find((x) => x.id === tt.id);
    // (A table the template knows by its header alone, no title, is listed where printed: its absence says nothing.)
    if (!t && tt.titlePatterns.length === 0) continue;
    const listed = doc.contents.find((e) => e.tableId === tt.id);
    entries.push(t ? tableEntry(t) : { id: tt.id, kind: tt.kind, title: listed?.title ?? tt.title, present: false, rows: 0, page: null });
    seen.add(tt.id);
  }
  for (const t of doc.tables) if (!seen.has(t.id)) entries.push(tableEntry(t));
  entries.sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)));
  for (const u of doc.units ?? []) for (const t of u.tables) entries.push(tableEntry(t));
  return entries;
}

export function documentReport(path: string, doc: BudgetDocument, findings: Finding[], notChecked: NotChecked[] = []): DocumentReport {
  const tables = tableEntries(doc);
  const sorted = sortFindings(findings);
  setFingerprints(sorted);
  const q = quoter(doc, mapArray(sorted, (f) => f.location));
  for (const f of sorted) {
    const quote = q.quote(f.location);
    if (quote) f.quote = quote;
  }
  return {
    path,
    format: doc.format,
    department: doc.department,
    year: doc.year,
    moneyUnit: doc.moneyUnit,
    template: doc.template,
    stage: doc.stage,
    tables,
    // The schema's two fields (a table's kind, where it was found, only says why a rule was not checked).
    unknownTables: mapArray(doc.unknownTables ?? [], (u) => ({ title: u.title, location: u.location })),
    notChecked,
    findings: sorted,
    summary: countBySeverity(sorted),
    failure: null,
    ...(doc.encoding ? { encoding: doc.encoding } : {}),
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
 * What a run keeps of a document whose report is already written (streamed formats): its path, format,
 * year, counts, failure and configuration — what the exit status, the progress bar, the error lines and
 * the year check of --previous need — and, when a configuration applied (it may list accepted
 * findings), the findings' fingerprints only (for acceptedProblems). No tables, no messages.
 */
export function briefOf(d: DocumentReport): DocumentReport {
  const findings = d.config ? mapArray(d.findings, (f) => ({ fingerprint: f.fingerprint }) as Finding) : [];
  return { path: d.path, format: d.format, department: d.department, year: d.year, moneyUnit: d.moneyUnit, tables: [], findings, summary: d.summary, failure: d.failure, config: d.config };
}

/** A run's counts, added up one document at a time (a streamed run keeps these, not its documents). */
export class Totals {
  private readonly counts = { documents: 0, error: 0, warning: 0, info: 0 };
  private accepted = 0;

  add(d: DocumentReport): void {
    this.counts.documents++;
    for (const s of ["error", "warning", "info"] as const) this.counts[s] += d.summary[s];
    this.accepted += d.summary.accepted ?? 0;
  }

  /** The report's `summary`: `accepted` only when some finding was accepted. */
  summary(): Report["summary"] {
    return this.accepted ? { ...this.counts, accepted: this.accepted } : { ...this.counts };
  }
}

export function makeReport(version: string, documents: DocumentReport[], totals?: Totals): Report {
  if (!totals) {
    totals = new Totals();
    for (const d of documents) totals.add(d);
  }
  return { version: 2, tool: { name: "budget-check", version }, documents, summary: totals.summary() };
}
