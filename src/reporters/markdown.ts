import type { Finding, Lang } from "../engine/types.js";
import { formatLocation } from "../model/location.js";
import type { DocumentReport, Report } from "../report.js";
import type { FormatOptions } from "./index.js";
import { findingKind, kindLabel, summaryLine, tableHeading, notCheckedText } from "./words.js";

/**
 * Markdown for a merge-request comment (GitHub / GitLab flavoured): a summary table, then each
 * document's errors and warnings as a table, its rounding and other notes folded in <details>.
 */

/** Escapes text from the document for a Markdown table cell: markup characters, `|`, HTML, line breaks. */
export function mdEscape(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_{}[\]#|~$])/g, "\\$1")
    .replace(/\r\n|\r|\n/g, "<br>");
}

const ICON = { error: "❌", warning: "⚠️", rounding: "🔹", info: "ℹ️" } as const;

function head(lang: Lang) {
  return lang === "zh"
    ? ["级别", "位置", "表", "规则", "说明", "列示", "计算", "差额", "容差"]
    : ["Level", "Where", "Table", "Rule", "Finding", "Stated", "Computed", "Difference", "Tolerance"];
}

function findingsTable(fs: Finding[], lang: Lang): string[] {
  const h = head(lang);
  const rows = fs.map((f) => {
    const k = findingKind(f);
    const cells = [
      `${ICON[k]} ${kindLabel(k, lang)}`,
      mdEscape(formatLocation(f.location)),
      mdEscape(tableHeading(f.table, lang).trim()),
      `\`${f.ruleId}\``,
      mdEscape(f.message),
      ...[f.stated, f.computed, f.difference, f.tolerance].map((x) => (x === null ? "" : mdEscape(x))),
    ];
    return `| ${cells.join(" | ")} |`;
  });
  return [`| ${h.join(" | ")} |`, `|${h.map(() => " --- ").join("|")}|`, ...rows];
}

function documentSection(d: DocumentReport, opts: FormatOptions): string[] {
  const zh = opts.lang === "zh";
  const title = [d.department, d.year, d.moneyUnit ? `(${d.moneyUnit})` : null].filter((x) => x !== null).join(" ");
  const out = [`### ${mdEscape(d.path)}${title ? ` — ${mdEscape(title)}` : ""}`, ""];
  if (d.failure) {
    out.push(`❌ ${zh ? "无法读取" : "Could not be read"}: ${mdEscape(`${d.failure.location ? formatLocation(d.failure.location) + ": " : ""}${d.failure.message}`)}`, "");
    return out;
  }
  // Findings a diagnosis explains are folded under it (explainedBy), not listed on their own.
  const explains = (f: Finding) => d.findings.filter((e) => f.id && e.explainedBy === f.id);
  const listed = d.findings.filter((f) => !f.explainedBy || !d.findings.some((x) => x.id === f.explainedBy));
  const main = listed.filter((f) => f.severity !== "info");
  const notes = opts.quiet ? [] : listed.filter((f) => f.severity === "info");
  if (main.length) out.push(...findingsTable(main, opts.lang), "");
  else out.push(zh ? "✅ 未发现错误或警告。" : "✅ No errors or warnings.", "");
  for (const f of listed) {
    const under = explains(f);
    if (!under.length) continue;
    const summary = zh ? `${mdEscape(formatLocation(f.location))} 的诊断解释了 ${under.length} 项` : `${under.length} findings explained by the diagnosis at ${mdEscape(formatLocation(f.location))}`;
    out.push("<details>", `<summary>${summary}</summary>`, "", ...findingsTable(under, opts.lang), "", "</details>", "");
  }
  const skipped = notCheckedText(d, opts.lang);
  if (skipped) out.push(`⚠️ ${mdEscape(skipped)}`, "");
  if (notes.length) {
    const summary = zh ? `${notes.length} 个提示（尾数误差等）` : `${notes.length} info notes (rounding differences and the like)`;
    out.push("<details>", `<summary>${summary}</summary>`, "", ...findingsTable(notes, opts.lang), "", "</details>", "");
  }
  return out;
}

export function formatMarkdown(report: Report, opts: FormatOptions): string {
  const zh = opts.lang === "zh";
  const failed = report.documents.filter((d) => d.failure).length;
  const s = report.summary;
  const out = [`## budget-check ${report.tool.version}`, "", `**${mdEscape(summaryLine(s, failed, opts.lang))}**`, ""];
  const h = zh ? ["文件", "部门", "年度", "错误", "警告", "提示"] : ["Document", "Department", "Year", "Errors", "Warnings", "Info"];
  out.push(`| ${h.join(" | ")} |`, `| --- | --- | --- | ---: | ---: | ---: |`);
  for (const d of report.documents) {
    const status = d.failure ? "❌" : d.summary.error ? "❌" : d.summary.warning ? "⚠️" : "✅";
    out.push(`| ${status} ${mdEscape(d.path)} | ${mdEscape(d.department ?? "")} | ${d.year ?? ""} | ${d.summary.error} | ${d.summary.warning} | ${d.summary.info} |`);
  }
  out.push("");
  for (const d of report.documents) out.push(...documentSection(d, opts));
  return out.join("\n");
}
