import type { ContentsEntry, TextPart } from "../model/document.js";
import { chineseNumeral, normaliseName } from "../model/names.js";
import type { DocumentTemplate } from "../templates/index.js";
import { templateByNumber, templateByTitle } from "../templates/index.js";
import { contentsHeader, tableEntry, titlesTable } from "./contents-tables.js";
import { PAGE_NUMBER } from "./layout/tokens.js";

/** The written side of a document: title, 目录 and parts (第一部分 …), each line with its number. */
export interface Narrative {
  department: string | null;
  year: number | null;
  contents: ContentsEntry[];
  parts: TextPart[];
  /** Index (0-based) of the first line after the 目录 (where the body starts). */
  bodyStart: number;
}

const strip = (s: string) => s.replace(/^#+\s*/, "").replace(/\*\*/g, "").trim();
const isHeading = (s: string) => /^#+\s/.test(s.trim());
const CONTENTS = /^目\s*录$/;
const PART = /^第([一二三四五六七八九十]+)部分\s*(.*)$/;
const TITLE = /^(\d{4})\s*年度?\s*(.+?)\s*(部门|单位)(预算|决算)/;

export function parseTitle(lines: string[]): { department: string | null; year: number | null } {
  for (const raw of lines.slice(0, 40)) {
    const m = TITLE.exec(strip(raw));
    if (m) return { year: Number(m[1]), department: m[2].trim() || null };
  }
  return { department: null, year: null };
}

/**
 * Reads the 目录 (a list of written parts and of tables) and the written parts. The 目录 may repeat the
 * section headings (一、文字部分 / 二、表格部分) that the body uses again: where the body starts, `contentsExtent`.
 */
export function parseNarrative(lines: string[], file: string, template: DocumentTemplate, end = lines.length): Narrative {
  const head = narrativeHead(lines, file, template, end);
  return { ...head, parts: narrativeParts(lines, file, head.bodyStart, end) };
}

/**
 * A dot leader before an entry's page number, or the field a Word 目录 leaves when its page numbers are not updated
 * to text (一、主要职责 PAGEREF _Toc32310 \h 3).
 */
export const LEADER = /[…]{2,}|\.{4,}|·{4,}|\s*PAGEREF\s+_?Toc\w*(?:\s+\\?[a-z]\b)*/i;

/** A 目录 entry's title: without its leader and page number. */
export const entryTitle = (t: string): string => t.replace(LEADER, "").replace(/[…·.\s\d]+$/, "").trim();

/** How an entry is numbered, highest first: 第一部分 · 一、 · （一） · 1. (none: null). */
const RANKS = [/^第[一二三四五六七八九十]+部分/, /^[一二三四五六七八九十]+\s*、/, /^[（(]\s*[一二三四五六七八九十]+\s*[)）]/, /^\d+\s*[.．、]/];
const rankOf = (t: string): number | null => {
  const r = RANKS.findIndex((rx) => rx.test(t));
  return r < 0 ? null : r;
};
/** An entry numbered as a part or a section is (（3） among them; a table's number: tableEntry). */
const NUMBERED_ENTRY = /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+\s*、|[（(]\s*(?:[一二三四五六七八九十]+|\d+)\s*[)）]|\d+\s*[.．、])/;

/** A line of the body's text: a sentence, or longer than any title. */
const PARAGRAPH = /[。，；,;]|^.{41}/;

/** A 目录's heading over a group of its entries (一、文字部分 · 二、表格部分), no entry itself. */
const GROUP = /^(?:[一二三四五六七八九十]+\s*、\s*)?(?:文字|表格)部分$/;

/** A line of the 目录 as its reader sees it: its text without markup, and what marks it (a list item, a heading). */
export interface ContentsLine {
  text: string;
  item?: boolean;
  heading?: boolean;
}

/**
 * Where the 目录 whose title is line `title` ends: `end`, the index of its last entry (the title's when it has none),
 * and `body`, the body's first line (`limit` when the lines end in the 目录). A 目录 is a run of entries: lines marked
 * as list items, lines with a page number after dot leaders, or short numbered lines (第一部分 部门概况 · 一、部门主要职责 ·
 * （一）收支总表 · 表八 政府性基金预算支出表 …), headings or not, and the headings of its groups (一、文字部分) or of its
 * table (序号 | 表名 | 页码); whatever markup the file gives them. It ends
 * - where the body prints its first entry, or its first 第N部分, again (# 第一部分 部门概况 under a 目录 that listed
 *   it: not one more entry, but the first part's heading);
 * - or at the first line that is no entry. When that is a paragraph, the headings right above it, each of a higher
 *   rank than the one below it (第一部分 部门概况 / 一、部门主要职责 over the first paragraph), are the body's (a 目录
 *   that lists the tables only, whose last entry is no part) where they tell themselves apart from the entries:
 *   marked as headings, or without the page number the entries print.
 * Page numbers at a page's foot (a 目录 over two pages) are passed over.
 */
export function contentsExtent(lineAt: (i: number) => ContentsLine, title: number, limit: number): { end: number; body: number } {
  let first: string | null = null;
  let firstPart: string | null = null;
  let paged = false;
  const entries: number[] = [];
  let body = limit;
  for (let i = title + 1; i < limit; i++) {
    const { text, item, heading } = lineAt(i);
    const t = text.trim();
    if (!t || PAGE_NUMBER.test(t)) continue;
    // (The header row of a 目录 printed as a table, 序号 | 表名 | 页码, opens it.)
    if (first === null && contentsHeader(t)) {
      entries.push(i);
      continue;
    }
    const key = normaliseName(entryTitle(t)).replace(/\s+/g, "");
    if (key && (key === first || key === firstPart)) {
      body = i;
      break;
    }
    // (A table listed by its number, 表八 政府性基金预算支出表 · 表八 | 政府性基金预算支出表 | 8; not the table's own title,
    // its 单位： line below it. A heading numbered as none is the body's, unless it heads a group of entries: 一、文字部分.)
    const listed = tableEntry(t) && !titlesTable((k) => (k < limit ? lineAt(k).text : undefined), i);
    const numbered = (NUMBERED_ENTRY.test(t) || listed) && entryTitle(t).length <= 50 && !/[。；;]/.test(t);
    if (!(item || LEADER.test(t) || numbered || (heading && GROUP.test(key)))) {
      // A paragraph: the headings right above it, of ranks rising upwards, are the body's — where they tell
      // themselves apart from the entries (marked as headings, or without the page number the entries print).
      let below = Infinity;
      body = i;
      while (PARAGRAPH.test(t) && entries.length) {
        const above = lineAt(entries[entries.length - 1]);
        const r = rankOf(above.text.trim());
        if (above.item || LEADER.test(above.text) || !(above.heading || paged) || r === null || r >= below) break;
        below = r;
        body = entries.pop()!;
      }
      break;
    }
    paged ||= LEADER.test(t);
    entries.push(i);
    first ??= key;
    if (firstPart === null && rankOf(t) === 0) firstPart = key;
  }
  return { end: entries.length ? entries[entries.length - 1] : title, body };
}

/** A line of a Markdown text as the 目录's reader sees it. */
const markedLine = (raw: string): ContentsLine => ({ text: strip(raw.replace(/^\s*[-*+•]\s+/, "")), item: /^\s*[-*+•]\s+/.test(raw), heading: isHeading(raw) });

/**
 * The title's department and year, the 目录 and where the body starts, without the parts. For a given
 * document, the body starts at the same line whatever `end` is, as long as it is not before the body.
 */
export function narrativeHead(lines: string[], file: string, template: DocumentTemplate, end = lines.length): Omit<Narrative, "parts"> {
  const { department, year } = parseTitle(lines);
  const contents: ContentsEntry[] = [];
  let bodyStart = 0;
  const ci = lines.findIndex((l, i) => i < end && CONTENTS.test(strip(l)));
  if (ci >= 0) {
    const { end: last, body } = contentsExtent((i) => markedLine(lines[i]), ci, end);
    for (let j = ci + 1; j <= last; j++) {
      const t = markedLine(lines[j]).text;
      const title = entryTitle(t);
      if (!title || PAGE_NUMBER.test(t.trim()) || contentsHeader(title)) continue;
      // (一、文字部分 heads the entries under it.)
      if (GROUP.test(normaliseName(title).replace(/\s+/g, ""))) continue;
      const location = { file, line: j + 1 };
      let m = /^[（(]\s*([一二三四五六七八九十]+|\d+)\s*[）)]\s*(.+)$/.exec(title) ?? /^附?\s*表\s*(\d+|[一二三四五六七八九十]+(?=[\s：:.．、]))[\s：:.．、]*(.+)$/.exec(title);
      if (m) {
        const number = chineseNumeral(m[1]);
        const tableTitle = m[2].trim();
        const tpl = templateByTitle(template, tableTitle) ?? (number ? templateByNumber(template, number) : undefined);
        contents.push({ kind: "table", number, tableId: tpl?.id ?? null, title: tableTitle, location });
        continue;
      }
      m = PART.exec(title);
      contents.push({ kind: "text", number: m ? chineseNumeral(m[1]) : null, tableId: null, title: m ? m[2].trim() : title, location });
    }
    bodyStart = body;
  }
  return { department, year, contents, bodyStart };
}

/**
 * The written parts a 部门预算 prints, known by their titles where they are not headed 第N部分 (一、部门概况,
 * 二、部门预算收支总体情况 …): each with the number 第N部分 gives it.
 */
const PART_TITLES: [RegExp, number][] = [
  [/^(部门|单位)(概况|基本情况)$/, 1],
  [/^(部门|单位)?(预算)?收支(预算)?总体情况$/, 2],
  [/^(部门|单位)?(预算)?支出(预算)?具体情况$/, 3],
  [/^(部门|单位)?政府采购(预算)?情况$/, 4],
  [/^(部门|单位)?(一般公共预算)?三公经费(支出)?(预算)?情况$/, 5],
  [/^(部门|单位)?(预算)?绩效(管理)?情况$/, 6],
  [/^重点项目(预算)?绩效(目标)?情况(说明)?$/, 7],
  [/^其他(需要|需)?说明(的)?(情况|事项)?$/, 8],
  [/^名词解释$/, 9],
];

/**
 * Parts numbered as Shenzhen numbers them: three or more headed 第N部分 whose title (after a year) is the title
 * Shenzhen's part N has (第三部分 部门预算支出具体情况). Another province's 第N部分 orders its parts otherwise, and
 * parts known by their titles alone (一、部门基本情况 … 十、政府采购预算情况: `lines`, the lines the parts were read
 * from, tell the headings) are numbered by those titles, not by Shenzhen.
 */
export function numberedAsShenzhen(parts: TextPart[], lines: string[]): boolean {
  let n = 0;
  for (const p of parts) {
    const title = normaliseName(p.title.replace(/^20\d\d\s*年度?/, "")).replace(/[“”"]/g, "");
    const headed = PART.test(strip(lines[(p.location.line ?? 0) - 1] ?? ""));
    if (headed && p.number !== null && PART_TITLES.some(([rx, k]) => k === p.number && rx.test(title))) n++;
  }
  return n >= 3;
}

/** A heading numbered 一、 (or 1.) whose title is a part's: that part's number, else null. */
function titledPart(raw: string, t: string): { number: number; title: string } | null {
  const m = /^(?:[一二三四五六七八九十]+\s*、|\d+\s*[.、])\s*(.{2,30})$/.exec(t);
  if (!m || !(isHeading(raw) || !/[。；，,;]/.test(t))) return null;
  const title = normaliseName(m[1]).replace(/[“”"]/g, "");
  const hit = PART_TITLES.find(([rx]) => rx.test(title));
  return hit ? { number: hit[1], title: m[1].trim() } : null;
}

/**
 * The numbered parts (第一部分 部门概况 …) of the body, lines bodyStart to end. A body with no 第N部分 heading
 * has its parts known by their titles (一、部门概况 …, PART_TITLES).
 */
export function narrativeParts(lines: string[], file: string, bodyStart: number, end = lines.length): TextPart[] {
  const parts: TextPart[] = [];
  let current: TextPart | null = null;
  let byNumber = false;
  for (let i = bodyStart; i < end && !byNumber; i++) {
    const t = strip(lines[i]);
    byNumber = PART.test(t) && t.length < 60;
  }
  for (let i = bodyStart; i < end; i++) {
    const t = strip(lines[i]);
    const m = byNumber ? PART.exec(t) : null;
    if (m && t.length < 60) {
      current = { number: chineseNumeral(m[1]), title: m[2].trim(), location: { file, line: i + 1 }, lines: [] };
      parts.push(current);
      continue;
    }
    const titled = byNumber ? null : titledPart(lines[i], t);
    if (titled) {
      current = { number: titled.number, title: titled.title, location: { file, line: i + 1 }, lines: [] };
      parts.push(current);
      continue;
    }
    if (/^[二2][、.]\s*表格部分$/.test(t)) {
      current = null;
      continue;
    }
    if (current && lines[i].trim()) current.lines.push({ line: i + 1, text: lines[i] });
  }
  return parts;
}
