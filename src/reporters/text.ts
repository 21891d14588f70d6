import { Chalk, type ChalkInstance } from "chalk";
import type { Finding, Lang } from "../engine/types.js";
import { formatLocation } from "../model/location.js";
import type { Report } from "../report.js";
import { textTable } from "./width.js";

export interface TextOptions {
  color: boolean;
  lang: Lang;
  /** Only findings of severity error. */
  quiet?: boolean;
}

const TABLE_NAMES: Record<string, string> = {
  T1: "收支总表", T2: "收入总表", T3: "支出总表", T4: "基本支出总表", T5: "项目支出总表", T6: "政府预算拨款收支总表",
  T7: "一般公共预算支出表（按功能分类）", T8: "一般公共预算支出表（按经济分类）", T9: "一般公共预算“三公”经费支出表",
  T10: "政府性基金预算支出表", T11: "国有资本经营预算支出表", T12: "部门整体支出绩效目标表",
};

function tableHeading(t: string, lang: Lang): string {
  if (t === "text") return lang === "zh" ? "文字部分" : "Written parts";
  return lang === "zh" ? `表${t.slice(1)} ${TABLE_NAMES[t] ?? ""}` : `${t} ${TABLE_NAMES[t] ?? ""}`;
}

function severityLabel(f: Finding, c: ChalkInstance, lang: Lang): string {
  if (f.severity === "error") return c.red(lang === "zh" ? "错误" : "error  ");
  if (f.severity === "warning") return c.yellow(lang === "zh" ? "警告" : "warning");
  return c.cyan(f.withinRounding ? (lang === "zh" ? "尾差" : "rounding") : lang === "zh" ? "提示" : "info   ");
}

/** The finding's arithmetic on one line (stated, computed, difference, tolerance), or null where it has none. */
export function arithmeticLine(f: Finding, lang: Lang): string | null {
  if (f.stated === null || f.computed === null || f.difference === null) return null;
  return lang === "zh"
    ? `列示 ${f.stated}  计算 ${f.computed}  差额 ${f.difference}  容差 ${f.tolerance}`
    : `stated ${f.stated}  computed ${f.computed}  difference ${f.difference}  tolerance ${f.tolerance}`;
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
    if (d.failure) {
      out.push(`  ${c.red(zh ? "无法读取" : "unreadable")} ${d.failure.location ? formatLocation(d.failure.location) + ": " : ""}${d.failure.message}`);
      out.push("");
      continue;
    }
    const shown = opts.quiet ? d.findings.filter((f) => f.severity === "error") : d.findings;
    const groups = new Map<string, Finding[]>();
    for (const f of shown) groups.set(f.table, [...(groups.get(f.table) ?? []), f]);
    for (const [t, fs] of groups) {
      out.push(`  ${c.bold(tableHeading(t, opts.lang))}`);
      for (const f of fs) {
        out.push(`    ${c.dim(formatLocation(f.location))}  ${severityLabel(f, c, opts.lang)}  ${f.message}  ${c.dim(f.ruleId)}`);
        const arith = arithmeticLine(f, opts.lang);
        if (arith) out.push(`      ${c.dim(arith)}`);
      }
    }
    if (shown.length === 0) out.push(`  ${c.green(zh ? "未发现问题" : "no findings")}`);
    out.push("");
  }
  if (report.documents.length > 1) out.push(...departmentSummary(report, opts.lang), "");
  const s = report.summary;
  const failed = report.documents.filter((d) => d.failure).length;
  const line = zh
    ? `${s.error} 个错误，${s.warning} 个警告，${s.info} 个提示（含尾数误差），共 ${s.documents} 个文件${failed ? `，${failed} 个无法读取` : ""}`
    : `${s.error} error${s.error === 1 ? "" : "s"}, ${s.warning} warning${s.warning === 1 ? "" : "s"}, ${s.info} info (rounding notes) in ${s.documents} document${s.documents === 1 ? "" : "s"}${failed ? `, ${failed} unreadable` : ""}`;
  out.push(s.error || failed ? c.red.bold(`✖ ${line}`) : s.warning ? c.yellow.bold(`⚠ ${line}`) : c.green.bold(`✔ ${line}`));
  return out.join("\n") + "\n";
}
