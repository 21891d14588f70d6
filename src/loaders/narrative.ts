import type { ContentsEntry, TextPart } from "../model/document.js";
import { chineseNumeral, normaliseName } from "../model/names.js";
import type { DocumentTemplate } from "../templates/index.js";
import { templateByNumber, templateByTitle } from "../templates/index.js";

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
 * section headings (一、文字部分 / 二、表格部分) that the body uses again: the body starts at the first heading
 * seen a second time, or at the first line that is not a heading or a list item.
 */
export function parseNarrative(lines: string[], file: string, template: DocumentTemplate, end = lines.length): Narrative {
  const head = narrativeHead(lines, file, template, end);
  return { ...head, parts: narrativeParts(lines, file, head.bodyStart, end) };
}

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
    const seen = new Set<string>();
    let j = ci + 1;
    for (; j < end; j++) {
      const raw = lines[j];
      const t = strip(raw);
      if (!t) continue;
      const item = /^\s*[-*+•]\s+(.*)$/.exec(raw);
      if (!item && (isHeading(raw) || /^[一二三四五六七八九十]+、/.test(t))) {
        const key = normaliseName(t);
        if (seen.has(key)) break;
        seen.add(key);
        continue;
      }
      if (!item) break;
      const text = item[1].trim();
      const location = { file, line: j + 1 };
      let m = /^[（(]\s*([一二三四五六七八九十]+|\d+)\s*[）)]\s*(.+)$/.exec(text) ?? /^表\s*(\d+)\s*(.+)$/.exec(text);
      if (m) {
        const number = chineseNumeral(m[1]);
        const title = m[2].trim();
        const tpl = templateByTitle(template, title) ?? (number ? templateByNumber(template, number) : undefined);
        contents.push({ kind: "table", number, tableId: tpl?.id ?? null, title, location });
        continue;
      }
      m = PART.exec(text);
      contents.push({ kind: "text", number: m ? chineseNumeral(m[1]) : null, tableId: null, title: m ? m[2].trim() : text, location });
    }
    bodyStart = j;
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
