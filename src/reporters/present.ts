import type { Finding, Lang } from "../engine/types.js";
import { findingKind, tableHeading, type FindingKind } from "./words.js";

/**
 * What a person sees first, shared by every human format (text, markdown, html, github): errors, then
 * warnings, then other notes; rounding notes (info within 尾数误差) folded into one line per table.
 * `--quiet` means the same everywhere: errors only (accepted findings left out too).
 */

const ORDER: Record<FindingKind, number> = { error: 0, warning: 1, info: 2, rounding: 3 };

/** Errors first, then warnings, then info, then rounding notes; the report's order within each. */
export function bySeverity(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => ORDER[findingKind(a.f)] - ORDER[findingKind(b.f)] || a.i - b.i)
    .map((x) => x.f);
}

/** The findings a format shows: errors only with --quiet (and then not the accepted ones). */
export function shownFindings(findings: Finding[], quiet: boolean): Finding[] {
  return quiet ? findings.filter((f) => f.severity === "error" && !f.accepted) : findings;
}

export interface RoundingFold {
  table: string;
  findings: Finding[];
}

/** Findings split into the ones listed one by one and the rounding notes folded per table (report order). */
export function foldRounding(findings: Finding[]): { listed: Finding[]; folds: RoundingFold[] } {
  const listed: Finding[] = [];
  const byTable = new Map<string, Finding[]>();
  for (const f of bySeverity(findings)) {
    if (findingKind(f) === "rounding" && !f.accepted) byTable.set(f.table, [...(byTable.get(f.table) ?? []), f]);
    else listed.push(f);
  }
  return { listed, folds: [...byTable].map(([table, fs]) => ({ table, findings: fs })) };
}

/** `23 rounding differences in 表8, all within 尾数误差` / `表8 有 23 处尾数差异，均在尾数误差范围内`. */
export function foldLine(fold: RoundingFold, lang: Lang, tables?: { id: string; title: string }[]): string {
  const n = fold.findings.length;
  // The title the document printed (printedTitles), not the Shenzhen template's name for that number.
  const t = tableHeading(fold.table, lang, tables).trim();
  return lang === "zh" ? `${t}：${n} 处尾数差异，均在尾数误差范围内` : `${n} rounding difference${n === 1 ? "" : "s"} in ${t}, all within 尾数误差 (rounding)`;
}

/** `accepted: <reason> (until 2027-06-30)` for an accepted finding, else null. */
export function acceptedText(f: Finding, lang: Lang): string | null {
  if (!f.accepted) return null;
  const until = f.accepted.until ? (lang === "zh" ? `（有效期至 ${f.accepted.until}）` : ` (until ${f.accepted.until})`) : "";
  return lang === "zh" ? `已接受：${f.accepted.reason}${until}` : `accepted: ${f.accepted.reason}${until}`;
}
