import { splitLines } from "../raw.js";
import type { LayoutLine, LayoutToken } from "./types.js";
import { mapArray } from "../../util/arrays.js";

/** A printed amount as a whole token: 1,234.56 / 1234 / -3 / 0.00 (thousands separators well placed). */
export const AMOUNT_TOKEN = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

const isAmount = (s: string) => AMOUNT_TOKEN.test(s);

/**
 * A page's number as printed at its foot or head: 3 · - 3 - · 第 3 页 · 3/30 · 第 3 页 共 30 页 · 第3页/共30页 ·
 * 共30页 第3页 · Page 3 of 30. Never a table's row or a paragraph's line.
 */
export const PAGE_NUMBER =
  /^[-—－\s]*(第\s*)?\d+\s*(页)?[-—－\s]*$|^\d+\s*[/／]\s*\d+$|^第\s*\d+\s*页\s*[,，/／]?\s*共\s*\d+\s*页$|^共\s*\d+\s*页\s*[,，/／]?\s*第\s*\d+\s*页$|^page\s*\d+\s*(of|\/)\s*\d+$/i;

/** A list marker starting an item's label: 一、 (一) （一） 1. 1、 */
const MARKER_START = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．](?!\d))/;

/** A nil printed in an amount column instead of 0 or a blank: - — － – / (one or two). */
export const DASH_TOKEN = /^([-－—–−‐]{1,2}|\/)$/;

/** A token that stands in an amount column: an amount, or a dash printed for nil. */
export const isFigureToken = (s: string): boolean => AMOUNT_TOKEN.test(s) || DASH_TOKEN.test(s);

/**
 * Splits a chunk that a single space separates further where an amount stands on either side: pdftotext
 * keeps one space between two adjacent cells when they nearly touch (`82,096,797.42 82,096,797.42`,
 * `91,016,775.35 一、一般公共服务支出`). A year or count before its word (`2022 年`) stays whole.
 */
function splitSingleSpaces(text: string, x0: number): LayoutToken[] {
  const words = text.split(" ");
  const out: LayoutToken[] = [];
  let cur = words[0];
  let start = x0;
  let pos = x0 + words[0].length + 1;
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    const left = cur.split(" ").pop()!;
    // …and where a dash printed for nil touches a label (- 六、科学技术支出 · 上级补助收入 -).
    const dash = (DASH_TOKEN.test(left) && /^[\u4e00-\u9fff（(]/.test(w)) || (DASH_TOKEN.test(w) && /[\u4e00-\u9fff）)]$/.test(left));
    // …and where a figure printed without separators touches the next item's list marker
    // (189767551 一、一般公共服务支出): a year or a count is never followed by one.
    const marked = isAmount(left) && MARKER_START.test(w);
    // …and where a name fills its cell up to the figure after it, the run's last word (四、住房保障支出 829 ·
    // 机关事业单位基本养老保险缴费支出 79): a name of two Chinese characters or more, no 表 1 or 第 3, and no
    // sentence (a wrapped 绩效目标's …设备故障响应时效 24 / 小时).
    const glued = i === words.length - 1 && isAmount(w) && /[\u4e00-\u9fff][\u4e00-\u9fff）)]$/.test(left) && !/[表第共]$/.test(left) && !/[，。；：,;:%％]/.test(cur);
    const cut = dash || marked || glued || (isAmount(left) && (left.includes(",") || left.includes(".")) && w !== "") || (isAmount(w) && (w.includes(",") || w.includes(".")) && !/[,，]$/.test(left));
    if (cut && w) {
      out.push({ text: cur, x0: start, x1: start + cur.length });
      cur = w;
      start = pos;
    } else cur += ` ${w}`;
    pos += w.length + 1;
  }
  out.push({ text: cur, x0: start, x1: start + cur.length });
  return out;
}

const SINGLE_HAN = /^[\u4e00-\u9fff]$/;

/**
 * The tokens of a text line: runs of two or more spaces separate cells. x counts characters. A label
 * spaced out to fill its cell (收   入   总   计) is one token: single characters a few columns apart are joined.
 */
export function tokenise(text: string): LayoutToken[] {
  const raw: LayoutToken[] = [];
  const re = /\S+(?: \S+)*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) raw.push(...splitSingleSpaces(m[0], m.index));
  const out: LayoutToken[] = [];
  for (let i = 0; i < raw.length; i++) {
    let j = i;
    while (j + 1 < raw.length && SINGLE_HAN.test(raw[j].text) && SINGLE_HAN.test(raw[j + 1].text) && raw[j + 1].x0 - raw[j].x1 <= 4) j++;
    if (j > i) {
      out.push({ text: mapArray(raw.slice(i, j + 1), (t) => t.text).join(""), x0: raw[i].x0, x1: raw[j].x1 });
      i = j;
    } else out.push(raw[i]);
  }
  return out;
}

/**
 * A line that holds only a page number, set off from the margin: 6, - 6 -, 第 6 页, 第 6 页 共 30 页 (第6页/共30页),
 * 6/30, 共30页 第6页. The page's own number is group 1, 2 or 3.
 */
const FOOT_NUMBER =
  /^ {8,}(?:[-—－]?\s*(?:第\s*)?(\d{1,3})\s*(?:页)?\s*(?:[,，/／]?\s*共\s*\d{1,4}\s*页)?\s*[-—－]?|(\d{1,3})\s*[/／]\s*\d{1,4}|共\s*\d{1,4}\s*页\s*[,，/／]?\s*第\s*(\d{1,3})\s*页)$/;

/**
 * Pages of a text written without form feeds (`pdftotext -layout -nopgbrk`, or a copy that lost them): each
 * ends at its page number, where the lines that hold only a number count up one by one (three pages at
 * least, so that a lone figure is not taken for one). Each line gets the number printed at the foot of its
 * page (the lines after the last number, that number + 1); null when no such run of numbers is printed.
 */
function pagesByNumber(lines: string[]): number[] | null {
  const found: { i: number; n: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = FOOT_NUMBER.exec(lines[i].replace(/\s+$/, ""));
    if (m) found.push({ i, n: Number(m[1] ?? m[2] ?? m[3]) });
  }
  // The longest run of numbers that go up by one, in the order they are printed.
  const length: number[] = [];
  const before: number[] = [];
  const lastWith = new Map<number, number>();
  let best = -1;
  found.forEach((f, k) => {
    const j = lastWith.get(f.n - 1);
    length[k] = j === undefined ? 1 : length[j] + 1;
    before[k] = j ?? -1;
    lastWith.set(f.n, k);
    if (best < 0 || length[k] > length[best]) best = k;
  });
  if (best < 0 || length[best] < 3) return null;
  const ends: { i: number; n: number }[] = [];
  for (let k = best; k >= 0; k = before[k]) ends.unshift(found[k]);
  const pages = new Array<number>(lines.length);
  let e = 0;
  for (let i = 0; i < lines.length; i++) {
    while (e < ends.length && ends[e].i < i) e++;
    pages[i] = e < ends.length ? ends[e].n : ends[ends.length - 1].n + 1;
  }
  return pages;
}

/**
 * Lines of `pdftotext -layout` text: pages split by form feeds (or, in a text without any, at the page
 * numbers printed at their foot), every line with its page and line number.
 */
export function layoutLines(text: string): LayoutLine[] {
  const lines = splitLines(text);
  const out: LayoutLine[] = [];
  const numbered = text.includes("\f") ? null : pagesByNumber(lines);
  if (numbered) return mapArray(lines, (raw, i) => ({ page: numbered[i], line: i + 1, text: raw.replace(/\s+$/, "") }));
  let page = 1;
  lines.forEach((raw, i) => {
    let t = raw;
    let columnOffset = 0;
    while (t.includes("\f")) {
      const k = t.indexOf("\f");
      // A page's last line not ended before its form feed (注：本表反映…。\f  财政拨款收支总表, as some converters
      // write): the two pages' lines, each on its page, the second's columns counted from after the form feed.
      if (t.slice(0, k).trim() !== "") {
        out.push({ page, line: i + 1, text: t.slice(0, k).replace(/\s+$/, ""), ...(columnOffset ? { columnOffset } : {}) });
        columnOffset += k + 1;
        t = t.slice(k + 1);
        if (!(i === lines.length - 1 && t.trim() === "")) page++;
        continue;
      }
      // A form feed at the very end of the text closes the last page; anywhere else it starts a new one.
      if (!(i === lines.length - 1 && t.slice(k + 1).trim() === "")) page++;
      t = t.slice(0, k) + t.slice(k + 1);
      if (k === 0) columnOffset++;
    }
    out.push({ page, line: i + 1, text: t.replace(/\s+$/, ""), ...(columnOffset ? { columnOffset } : {}) });
  });
  return out;
}

export function tokensOf(l: LayoutLine): LayoutToken[] {
  if (!l.tokens) l.tokens = tokenise(l.text);
  return l.tokens;
}
