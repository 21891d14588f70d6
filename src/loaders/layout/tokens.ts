import { splitLines } from "../raw.js";
import type { LayoutLine, LayoutToken } from "./types.js";
import { mapArray } from "../../util/arrays.js";

/** A printed amount as a whole token: 1,234.56 / 1234 / -3 / 0.00 (thousands separators well placed). */
export const AMOUNT_TOKEN = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

const isAmount = (s: string) => AMOUNT_TOKEN.test(s);

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
    const cut = (isAmount(left) && (left.includes(",") || left.includes(".")) && w !== "") || (isAmount(w) && (w.includes(",") || w.includes(".")) && !/[,，]$/.test(left));
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

/** Lines of `pdftotext -layout` text: pages split by form feeds, every line with its page and line number. */
export function layoutLines(text: string): LayoutLine[] {
  const lines = splitLines(text);
  const out: LayoutLine[] = [];
  let page = 1;
  lines.forEach((raw, i) => {
    let t = raw;
    let columnOffset = 0;
    while (t.includes("\f")) {
      const k = t.indexOf("\f");
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
