import { normaliseName, ownString } from "../model/names.js";
import type { DocumentTemplate, TableTemplate } from "./types.js";
import { generic } from "./generic.js";
import { shanghai, shanghaiFinal } from "./shanghai.js";
import { shenzhen } from "./shenzhen.js";

export type { DocumentTemplate, TableTemplate, ColumnSpec, RoleSpec, Layout } from "./types.js";
/** Every template, `generic` (tables known by kind alone) last. */
export const templates: DocumentTemplate[] = [shenzhen, shanghai, shanghaiFinal, generic];
export const defaultTemplate = shenzhen;

/**
 * The number a printed title may begin with, and what separates it from the title: 表1, 表 1：, 表一、,
 * 附表1. A Chinese numeral only before a space or a separator (表七一般… is not 表 71).
 */
export const TABLE_NUMBER_PREFIX = /^\s*(?:附\s*)?表\s*(\d+|[一二三四五六七八九十]+(?=[\s：:.．、\-—－]))\s*[：:.．、\-—－]?\s*/;

/**
 * The number printed with a table's title, at the start of its line or alone on the line: 表8, 表 8：, 表八、,
 * 附表4, 附表1-2, 部门公开表4, 公开07表, 粤财预04表. As printed, without its spaces; null when the line begins
 * with none.
 */
export function printedTableNumber(text: string): string | null {
  const m = PRINTED_NUMBER.exec(text.replace(/[#*]/g, ""));
  return m ? m[1].replace(/\s+/g, "") : null;
}

const PRINTED_NUMBER = new RegExp(
  String.raw`^\s*((?:附\s*)?表\s*\d{1,2}(?:\s*[-－—]\s*\d{1,2})?(?!\d)|(?:附\s*)?表\s*[一二三四五六七八九十]+(?=[\s：:.．、\-—－]|$)|(?:部门)?公开表\s*\d{1,2}(?!\d)|(?:[\u4e00-\u9fa5]{1,2})?(?:公开|财决|财预|财决公开|财预公开|决公开|预公开|决|预)\s*\d{1,2}\s*表)`,
);

/** Normalises a printed title for matching: no markup, spaces, quotes, leading 表 N, year or department. */
export function normaliseTitle(text: string): string {
  return normaliseName(text.replace(/[#*]/g, "").replace(TABLE_NUMBER_PREFIX, ""))
    .replace(/^\d{4}年(度)?/, "")
    .replace(/^表\d+/, "")
    .replace(UNIT_QUALIFIER, "");
}

/** A bracketed qualifier, or 续表 / 续, at a title's end. */
const QUALIFIER = /\s*(\([^()]*\)|续表?)$/;

/**
 * A normalised title without a last qualifier that says nothing of the table's kind (（续表）, 续表, （2026年）,
 * （草案）, （预算数）); null when it has none, or one that does (（按经济分类）, （功能科目）).
 */
export function withoutQualifier(n: string): string | null {
  let out = n;
  // Two at most (部门支出总表（单位：万元）（续表））.
  for (let k = 0; k < 2; k++) {
    const q = QUALIFIER.exec(out);
    if (!q || q.index === 0 || /经济|功能|科目|分类/.test(q[0])) break;
    out = out.slice(0, q.index).replace(UNIT_QUALIFIER, "");
  }
  return out === n ? null : out;
}

/** The money unit printed in brackets after a title (部门收支总表（单位：万元）): no part of the title. */
const UNIT_QUALIFIER = /\s*\((?:金额|计量|货币)?单位[:：]?\s*(?:人民币)?\s*(万元|元|千元|亿元)\)$/;

/**
 * Titles already looked up, per template: a loader asks of every line of the table part that is not a
 * table row (titles, 部门名称, 单位, notes, repeated on every page), and normalising one and trying every
 * table's patterns on it was ~5% of loading a document. Emptied when full; keys are strings of their own.
 */
const byTitle = new WeakMap<DocumentTemplate, Map<string, TableTemplate | null>>();
const BY_TITLE_MAX = 4_096;

export function templateByTitle(t: DocumentTemplate, title: string): TableTemplate | undefined {
  let memo = byTitle.get(t);
  if (!memo) byTitle.set(t, (memo = new Map()));
  let found = memo.get(title);
  if (found === undefined) {
    const n = normaliseTitle(title);
    const match = (x: string) => (x && t.tables.find((tt) => tt.titlePatterns.some((p) => p.test(x)))) || null;
    // The department and year printed before the title (深圳市科学技术协会2023年部门收支总表): the title after them.
    const afterYear = /^.{2,40}?\d{4}年度?(?=.)/.exec(n);
    found = match(n) ?? (afterYear ? match(n.slice(afterYear[0].length)) : null) ?? afterDepartment(n, match) ?? null;
    // A qualifier after the title that says nothing of its kind (（续表）, 续, （2026年）, （草案）): the title before it.
    const bare = found ? null : withoutQualifier(n);
    if (bare) found = templateByTitle(t, bare) ?? null;
    if (memo.size >= BY_TITLE_MAX) memo.clear();
    memo.set(ownString(title), found);
  }
  return found ?? undefined;
}

/**
 * Where a department's name is printed before a title without a year (山东省自然资源厅项目支出绩效目标表), the title
 * after it: tried after each word that ends an organisation's name (厅, 局, 委员会, 院, 中心 …), its fourth character
 * at the earliest, nearest first, for the title patterns that begin at their kind's words (项目支出绩效目标表,
 * 财政拨款支出表). The first `match` that holds, or undefined.
 */
export function afterDepartment<T>(n: string, match: (title: string) => T | null | undefined): T | undefined {
  for (const m of n.matchAll(ORGANISATION_END)) {
    const at = m.index + m[0].length;
    if (at < 4 || at > 40) continue;
    const found = match(n.slice(at));
    if (found) return found;
  }
  return undefined;
}
const ORGANISATION_END = /(?:委员会|办公室|中心|厅|局|委|院|会|部|署|所|馆|站|队|校|处|社)(?=.)/g;

export function templateByName(name: string): DocumentTemplate | undefined {
  return templates.find((t) => t.name === name);
}

export function templateByNumber(t: DocumentTemplate, n: number): TableTemplate | undefined {
  return t.tables.find((tt) => tt.number === n);
}
