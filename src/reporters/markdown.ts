import type { Finding, Lang } from "../engine/types.js";
import { formatLocation } from "../model/location.js";
import type { DocumentReport, Report } from "../report.js";
import { printedOf } from "./place.js";
import type { FormatOptions } from "./index.js";
import { acceptedText, bySeverity, foldLine, foldRounding, shownFindings } from "./present.js";
import { configLine, findingKind, kindLabel, summaryLine, tableHeading, notCheckedText, printedTitles, unreadText } from "./words.js";

/**
 * Markdown for a merge-request comment (GitHub / GitLab flavoured): a summary table, then each
 * document's errors, then its warnings and notes as a table, its rounding notes one line per table;
 * cut to fit a GitHub comment.
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

function findingsTable(fs: Finding[], lang: Lang, d: DocumentReport): string[] {
  const h = head(lang);
  const rows = fs.map((f) => {
    const k = findingKind(f);
    const cells = [
      `${ICON[k]} ${kindLabel(k, lang)}`,
      mdEscape((f.location.page ? (lang === "zh" ? `第${f.location.page}页 ` : `p. ${f.location.page} `) : "") + (f.location.box ? f.location.file : formatLocation(f.location))),
      mdEscape(tableHeading(f.table, lang, printedTitles(d), printedOf(d.tables, f.table)).trim()),
      `\`${f.ruleId}\``,
      mdEscape(f.message) + (f.quote ? `<br>${mdEscape(f.quote)}` : "") + (f.accepted ? ` ✅ *${mdEscape(acceptedText(f, lang)!)}*` : ""),
      ...[f.stated, f.computed, f.difference, f.tolerance].map((x) => (x === null ? "" : mdEscape(x))),
    ];
    return `| ${cells.join(" | ")} |`;
  });
  return [`| ${h.join(" | ")} |`, `|${h.map(() => " --- ").join("|")}|`, ...rows];
}

/** GitHub refuses comments longer than this many characters. */
export const COMMENT_LIMIT = 65_536;

/** One document: its errors, then its warnings, then other notes; rounding notes one line per table. */
function documentSection(d: DocumentReport, opts: FormatOptions): { head: string[]; main: string[][]; rest: string[] } {
  const zh = opts.lang === "zh";
  const title = [d.department, d.year, d.moneyUnit ? `(${d.moneyUnit})` : null].filter((x) => x !== null).join(" ");
  const head = [`### ${mdEscape(d.path)}${title ? ` — ${mdEscape(title)}` : ""}`, ""];
  if (d.config) head.push(`_${mdEscape(configLine(d.config, opts.lang))}_`, "");
  if (d.failure) {
    head.push(`❌ ${zh ? "无法读取" : "Could not be read"}: ${mdEscape(`${d.failure.location ? formatLocation(d.failure.location) + ": " : ""}${d.failure.message}`)}`, "");
    return { head, main: [], rest: [] };
  }
  // Findings a diagnosis explains are folded under it (explainedBy), not listed on their own.
  const explained = (f: Finding) => !!f.explainedBy && d.findings.some((x) => x.id === f.explainedBy);
  const shown = shownFindings(d.findings.filter((f) => !explained(f)), opts.quiet);
  const { listed, folds } = opts.showRounding ? { listed: bySeverity(shown), folds: [] } : foldRounding(shown);
  const errors = listed.filter((f) => f.severity === "error" && !f.accepted);
  const others = listed.filter((f) => !errors.includes(f));
  if (!errors.length && !others.some((f) => f.severity === "warning")) head.push(zh ? "✅ 未发现错误或警告。" : "✅ No errors or warnings.", "");
  const explainedBlocks: string[] = [];
  for (const f of listed) {
    const under = d.findings.filter((e) => f.id && e.explainedBy === f.id);
    if (!under.length) continue;
    const summary = zh ? `${mdEscape(formatLocation(f.location))} 的诊断解释了 ${under.length} 项` : `${under.length} findings explained by the diagnosis at ${mdEscape(formatLocation(f.location))}`;
    explainedBlocks.push("", "<details>", `<summary>${summary}</summary>`, "", ...findingsTable(under, opts.lang, d), "", "</details>");
  }
  // What could not be checked belongs with the verdict, before anything a long comment may cut.
  const skipped = notCheckedText(d, opts.lang);
  if (skipped) head.push(`⚠️ ${mdEscape(skipped)}`, "");
  const unread = unreadText(d, opts.lang);
  if (unread) head.push(`⚠️ ${mdEscape(unread)}`, "");
  // The errors as table rows (a header first), so that a comment that must be cut keeps whole rows.
  const main = errors.length ? [findingsTable([], opts.lang, d), ...errors.map((f) => findingsTable([f], opts.lang, d).slice(2))] : [];
  // What a diagnosis explains, folded right after the errors; then the rest.
  const rest: string[] = [...explainedBlocks];
  if (others.length) rest.push("", ...findingsTable(others, opts.lang, d));
  if (folds.length) rest.push("", ...folds.map((fold) => `- 🔹 ${mdEscape(foldLine(fold, opts.lang, printedTitles(d)))}`));
  return { head, main, rest };
}

/**
 * The whole report within GitHub's comment limit (65,536 characters): the summary and every document's
 * errors first; then warnings and notes while they fit; a closing line says what was left out.
 */
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
  const sections = report.documents.map((d) => documentSection(d, opts));
  const reserve = 400; // the closing line
  let size = out.join("\n").length;
  let leftErrors = 0;
  let leftOther = 0;
  const body: string[][] = sections.map(() => []);
  // First pass: each document's heading and errors, row by row while they fit.
  sections.forEach((sec, i) => {
    const add = (lines: string[]) => {
      const n = lines.join("\n").length + 1;
      if (size + n > COMMENT_LIMIT - reserve) return false;
      body[i].push(...lines);
      size += n;
      return true;
    };
    if (!add(sec.head)) {
      leftErrors += Math.max(0, sec.main.length - 1);
      return;
    }
    for (let j = 0; j < sec.main.length; j++)
      if (!add(sec.main[j])) {
        leftErrors += sec.main.length - Math.max(j, 1);
        break;
      }
  });
  // Second pass: warnings, other notes and the folded rounding lines, document by document, while they fit.
  sections.forEach((sec, i) => {
    if (!sec.rest.length) return;
    const n = sec.rest.join("\n").length + 1;
    if (body[i].length && size + n <= COMMENT_LIMIT - reserve) {
      body[i].push(...sec.rest);
      size += n;
    } else leftOther += sec.rest.filter((l) => l.startsWith("| ") || l.startsWith("- ")).length;
  });
  for (const b of body) if (b.length) out.push(...b, "");
  if (leftErrors || leftOther) {
    const total = leftErrors + leftOther;
    out.push(
      zh
        ? `> ✂️ 为符合评论长度上限（${COMMENT_LIMIT} 字符），省略了 ${leftErrors} 个错误及 ${leftOther} 行警告/提示（共 ${total} 项）；完整结果见 HTML 或 JSON 报告。`
        : `> ✂️ Left out to fit a comment (${COMMENT_LIMIT} characters): ${leftErrors} error${leftErrors === 1 ? "" : "s"} and ${leftOther} line${leftOther === 1 ? "" : "s"} of warnings and notes (${total} in all); the HTML or JSON report has everything.`,
      "",
    );
  }
  return out.join("\n");
}
