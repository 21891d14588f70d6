import { Chalk, type ChalkInstance } from "chalk";
import type { Finding, Lang } from "../engine/types.js";
import { formatLocation } from "../model/location.js";
import { placeText, printedOf } from "./place.js";
import type { Report } from "../report.js";
import { acceptedText, foldLine, foldRounding, shownFindings } from "./present.js";
import { arithmeticText, configLine, summaryLine, notCheckedText, printedTitles, unreadText } from "./words.js";
import { textTable } from "./width.js";

export interface TextOptions {
  color: boolean;
  lang: Lang;
  /** Only findings of severity error. */
  quiet?: boolean;
  /** List the rounding notes one by one instead of one line per table. */
  showRounding?: boolean;
}

function severityLabel(f: Finding, c: ChalkInstance, lang: Lang): string {
  if (f.severity === "error") return c.red(lang === "zh" ? "错误" : "error  ");
  if (f.severity === "warning") return c.yellow(lang === "zh" ? "警告" : "warning");
  return c.cyan(f.withinRounding ? (lang === "zh" ? "尾差" : "rounding") : lang === "zh" ? "提示" : "info   ");
}

/** Per-department table of a batch: errors, warnings, rounding notes (and other info) per document. */
function departmentSummary(report: Report, lang: Lang): string[] {
  const zh = lang === "zh";
  const header = zh ? ["部门", "年度", "错误", "警告", "尾差", "提示", "文件"] : ["department", "year", "errors", "warnings", "rounding", "info", "file"];
  const rows = report.documents.map((d) => {
    const rounding = d.findings.filter((f) => f.severity === "info" && f.withinRounding).length;
    const unreadable = zh ? "（无法读取）" : "(unreadable)";
    const n = (x: number) => (d.failure ? "-" : String(x));
    return [d.department ?? (d.failure ? unreadable : "?"), d.year ? String(d.year) : "", n(d.summary.error), n(d.summary.warning), n(rounding), n(d.summary.info - rounding), d.path];
  });
  return textTable(header, rows, ["left", "left", "right", "right", "right", "right", "left"]);
}

/** Human-readable report: per document, findings grouped by table with their arithmetic, then a summary line. */
export function formatText(report: Report, opts: TextOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const zh = opts.lang === "zh";
  const out: string[] = [];
  for (const d of report.documents) {
    const head = [d.department, d.year, d.moneyUnit ? `(${d.moneyUnit})` : null].filter(Boolean).join(" ");
    out.push(c.bold.underline(d.path) + (head ? `  ${head}` : ""));
    if (d.config) out.push(`  ${c.dim(configLine(d.config, opts.lang))}`);
    if (d.failure) {
      out.push(`  ${c.red(zh ? "无法读取" : "unreadable")} ${d.failure.location ? formatLocation(d.failure.location) + ": " : ""}${d.failure.message}`);
      out.push("");
      continue;
    }
    // Errors first, then warnings and other notes, each with its table; rounding notes one line per table.
    // Findings a diagnosis explains are folded under it (explainedBy), not listed on their own.
    const all = shownFindings(d.findings, !!opts.quiet);
    const explained = (f: Finding) => !!f.explainedBy && all.some((x) => x.id === f.explainedBy);
    const folded = new Map<string, Finding[]>();
    for (const f of all) if (explained(f)) folded.set(f.explainedBy!, [...(folded.get(f.explainedBy!) ?? []), f]);
    const shown = all.filter((f) => !explained(f));
    const { listed, folds } = opts.showRounding ? { listed: shown, folds: [] } : foldRounding(shown);
    for (const f of listed) {
      out.push(`  ${severityLabel(f, c, opts.lang)}  ${f.message}  ${c.dim(f.ruleId)}`);
      out.push(`      ${c.dim(placeText(f, opts.lang, printedOf(d.tables, f.table)))}`);
      if (f.quote) out.push(`      ${f.quote}`);
      const arith = arithmeticText(f, opts.lang);
      if (arith) out.push(`      ${c.dim(arith)}`);
      const acc = acceptedText(f, opts.lang);
      if (acc) out.push(`      ${c.green(acc)}`);
      const under = f.id ? folded.get(f.id) : undefined;
      if (under?.length) out.push(`      ${c.dim(zh ? `它解释了以下 ${under.length} 项：` : `it explains these ${under.length}:`)}`);
      for (const e of under ?? []) out.push(`        ${c.dim(`↳ ${formatLocation(e.location)}  ${e.message}  ${e.ruleId}`)}`);
    }
    for (const fold of folds) out.push(`  ${c.cyan(zh ? "尾差" : "rounding")}  ${foldLine(fold, opts.lang, printedTitles(d))}${zh ? "（--show-rounding 逐条列出）" : " (--show-rounding lists them)"}`);
    if (shown.length === 0) out.push(`  ${c.green(opts.quiet ? (zh ? "未发现错误" : "no errors") : zh ? "未发现问题" : "no findings")}`);
    const skipped = notCheckedText(d, opts.lang);
    if (skipped && !opts.quiet) out.push(`  ${c.yellow(skipped)}`);
    const unread = unreadText(d, opts.lang);
    if (unread && !opts.quiet) out.push(`  ${c.yellow(unread)}`);
    out.push("");
  }
  if (report.documents.length > 1) out.push(...departmentSummary(report, opts.lang), "");
  const s = report.summary;
  const failed = report.documents.filter((d) => d.failure).length;
  const line = summaryLine(s, failed, opts.lang);
  out.push(s.error || failed ? c.red.bold(`✖ ${line}`) : s.warning ? c.yellow.bold(`⚠ ${line}`) : c.green.bold(`✔ ${line}`));
  return out.join("\n") + "\n";
}
