import type { Finding, Lang, Severity } from "../engine/types.js";
import { tableLabel } from "../model/document.js";

/** The words every human-readable format shares: table names, severity labels, the arithmetic line. */

export const TABLE_NAMES: Record<string, string> = {
  T1: "收支总表", T2: "收入总表", T3: "支出总表", T4: "基本支出总表", T5: "项目支出总表", T6: "政府预算拨款收支总表",
  T7: "一般公共预算支出表（按功能分类）", T8: "一般公共预算支出表（按经济分类）", T9: "一般公共预算“三公”经费支出表",
  T10: "政府性基金预算支出表", T11: "国有资本经营预算支出表", T12: "部门整体支出绩效目标表",
};

/**
 * `表8 一般公共预算支出表（按经济分类）` / `T8 …`; `文字部分` / `Written parts` for the text. The title is the
 * one the document printed (its `tables` in the report) when given, else the Shenzhen template's.
 */
export function tableHeading(t: string, lang: Lang, tables?: { id: string; title: string; printed?: string }[], printed?: string): string {
  if (t === "text") return lang === "zh" ? "文字部分" : "Written parts";
  const entry = tables?.find((x) => x.id === t);
  const title = tables ? entry?.title.replace(/^\d{4}\s*年度?/, "") ?? "" : TABLE_NAMES[t] ?? "";
  return `${tableLabel(t, lang, entry?.printed ?? printed)} ${title}`;
}

/** A table as the reader finds it (model/document.ts): `表8` / `T8`, or as printed, `表8` / `T9 (表8)`. */
export { tableLabel };

/** The printed titles a document's headings use: any template but the one TABLE_NAMES spells out. */
export function printedTitles<T extends { id: string; title: string }>(d: { template?: string; tables: T[] }): T[] | undefined {
  return d.template && d.template !== "shenzhen" ? d.tables : undefined;
}

/**
 * The rules a document could not be checked by, one line: a report that says 0 errors must also say what
 * was not checked (a template without 三公 table, text statements no claim reader recognised …).
 */
export function notCheckedText(d: { notChecked?: { ruleId: string; reason: string }[] }, lang: Lang): string | null {
  const list = d.notChecked ?? [];
  if (!list.length) return null;
  // Rules not checked for the same reason are listed together, before it (a document of written parts alone
  // gives the same reason for every rule that reads a table).
  const byReason = new Map<string, string[]>();
  for (const n of list) byReason.set(n.reason, [...(byReason.get(n.reason) ?? []), n.ruleId]);
  const items = [...byReason].map(([reason, ids]) => `${ids.join(lang === "zh" ? "、" : ", ")} (${reason})`).join(lang === "zh" ? "；" : "; ");
  return lang === "zh" ? `未核对 ${list.length} 条规则：${items}` : `not checked, ${list.length} rule${list.length > 1 ? "s" : ""}: ${items}`;
}

/**
 * The tables a document prints that were not read, one line: titles of kinds the model does not know, and
 * tables of a known kind the reader could not read (its reason in brackets). No check sees their figures,
 * so a report of 0 errors must say so.
 */
export function unreadText(d: { unknownTables?: { title: string; location: { line?: number | null; page?: number | null } }[] }, lang: Lang): string | null {
  const list = d.unknownTables ?? [];
  if (!list.length) return null;
  const where = (l: { line?: number | null; page?: number | null }) => {
    const parts = [l.page ? (lang === "zh" ? `第 ${l.page} 页` : `page ${l.page}`) : null, l.line ? (lang === "zh" ? `第 ${l.line} 行` : `line ${l.line}`) : null].filter((x) => x);
    if (!parts.length) return "";
    return lang === "zh" ? `（${parts.join("，")}）` : ` (${parts.join(", ")})`;
  };
  const items = list.map((u) => `${u.title}${where(u.location)}`).join(lang === "zh" ? "；" : "; ");
  return lang === "zh" ? `未读取 ${list.length} 张表，其数字未经核对：${items}` : `not read, ${list.length} table${list.length > 1 ? "s" : ""} (no check sees their figures): ${items}`;
}

/** What a finding is, in words: error, warning, rounding (an info finding within rounding) or info. */
export type FindingKind = Severity | "rounding";

export function findingKind(f: Finding): FindingKind {
  return f.severity === "info" && f.withinRounding ? "rounding" : f.severity;
}

const KIND_WORDS: Record<FindingKind, Record<Lang, string>> = {
  error: { zh: "错误", en: "error" },
  warning: { zh: "警告", en: "warning" },
  rounding: { zh: "尾差", en: "rounding" },
  info: { zh: "提示", en: "info" },
};

export function kindLabel(kind: FindingKind, lang: Lang): string {
  return KIND_WORDS[kind][lang];
}

/** `stated 873  computed 872  difference 1  tolerance 5`, or null when the finding has no arithmetic. */
export function arithmeticText(f: Finding, lang: Lang, sep = "  "): string | null {
  if (f.stated === null || f.computed === null || f.difference === null) return null;
  const parts =
    lang === "zh"
      ? [`列示 ${f.stated}`, `计算 ${f.computed}`, `差额 ${f.difference}`, `容差 ${f.tolerance}`]
      : [`stated ${f.stated}`, `computed ${f.computed}`, `difference ${f.difference}`, `tolerance ${f.tolerance}`];
  return parts.join(sep);
}

/** The closing summary line: `0 errors, 4 warnings, 58 info (rounding notes) in 1 document`. */
export function summaryLine(s: { documents: number; error: number; warning: number; info: number; accepted?: number }, failed: number, lang: Lang): string {
  if (lang === "zh") return `${s.error} 个错误，${s.warning} 个警告，${s.info} 个提示（含尾数误差）${s.accepted ? `，${s.accepted} 个已接受` : ""}，共 ${s.documents} 个文件${failed ? `，${failed} 个无法读取` : ""}`;
  const n = (k: number, w: string) => `${k} ${w}${k === 1 ? "" : "s"}`;
  return `${n(s.error, "error")}, ${n(s.warning, "warning")}, ${s.info} info (rounding notes)${s.accepted ? `, ${s.accepted} accepted` : ""} in ${n(s.documents, "document")}${failed ? `, ${failed} unreadable` : ""}`;
}

/** The configuration file a document was checked with, in words (every format names it). */
export function configLine(path: string, lang: Lang): string {
  return lang === "zh" ? `配置文件：${path}` : `configuration: ${path}`;
}
