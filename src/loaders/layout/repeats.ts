import type { LayoutLine } from "./types.js";
import { mapArray } from "../../util/arrays.js";
import { PAGE_NUMBER } from "./tokens.js";

/*
 * A spreadsheet exported to PDF draws a cell that straddles a page break on both pages, each copy clipped
 * to its page: the reader sees the text once, but the text layer holds it twice — the last lines of one
 * page again as the first lines of the next. Read twice, a table row would count in every sum twice and a
 * paragraph would be a "duplicate". Such a repeat is recognised by where it stands (the very end of a
 * page, the very start of the next) and the copy on the later page is left out.
 */

/** At most this many lines repeat: a cell's text, not a page. */
const MAX_RUN = 8;

const key = (l: LayoutLine) => l.text.replace(/\s+/g, "");

/** The lines with the copies a page break repeats left out (the first copy, on the earlier page, is kept). */
export function withoutPageBreakRepeats(lines: LayoutLine[]): LayoutLine[] {
  const printed = (l: LayoutLine) => key(l) !== "" && !PAGE_NUMBER.test(l.text.trim());
  const byPage = new Map<number, LayoutLine[]>();
  for (const l of lines) if (printed(l)) byPage.set(l.page, [...(byPage.get(l.page) ?? []), l]);
  const drop = new Set<LayoutLine>();
  for (const [page, own] of byPage) {
    const next = byPage.get(page + 1);
    if (!next) continue;
    for (let k = Math.min(MAX_RUN, own.length - 1, next.length - 1); k >= 1; k--) {
      const tail = own.slice(own.length - k);
      const head = next.slice(0, k);
      if (!tail.every((l, i) => key(l) === key(head[i]))) continue;
      const text = mapArray(tail, key).join("");
      // Enough text to be a cell's, not a repeated 合计 or a lone figure.
      if (text.length < 10 || !/[\u4e00-\u9fff]/.test(text)) break;
      for (const l of head) drop.add(l);
      break;
    }
  }
  return drop.size ? lines.filter((l) => !drop.has(l)) : lines;
}

/** Fewest pages a running head or foot is printed on, and the least share of the pages that print text. */
const RUNNING_MIN_PAGES = 4;
const RUNNING_MIN_SHARE = 0.5;

/**
 * The lines with a running head or foot left out: the same line of text (the document's title, 某某局2026年部门
 * 预算) printed first or last on most pages. Read, it would be a row of the table its page continues, or a
 * sentence in the middle of a paragraph. A table's title (…表), a line of several cells (a header repeated on
 * a table's pages) and a page's number (left to the readers) are never one.
 */
export function withoutRunningLines(lines: LayoutLine[]): LayoutLine[] {
  const firstLast = new Map<number, { first: LayoutLine; last: LayoutLine }>();
  for (const l of lines) {
    if (!l.page || key(l) === "" || PAGE_NUMBER.test(l.text.trim())) continue;
    const at = firstLast.get(l.page);
    if (at) at.last = l;
    else firstLast.set(l.page, { first: l, last: l });
  }
  if (firstLast.size < RUNNING_MIN_PAGES) return lines;
  const count = new Map<string, number>();
  for (const { first, last } of firstLast.values())
    for (const l of first === last ? [first] : [first, last]) if (running(l)) count.set(key(l), (count.get(key(l)) ?? 0) + 1);
  const drop = new Set<LayoutLine>();
  for (const { first, last } of firstLast.values())
    for (const l of [first, last]) {
      const n = count.get(key(l)) ?? 0;
      if (n >= RUNNING_MIN_PAGES && n >= firstLast.size * RUNNING_MIN_SHARE) drop.add(l);
    }
  return drop.size ? lines.filter((l) => !drop.has(l)) : lines;
}

/** A line that may be a running head or foot: one run of text, words (six 汉字 or more), not a table's title. */
function running(l: LayoutLine): boolean {
  const t = l.text.trim();
  if (/\s{2,}/.test(t)) return false;
  const k = t.replace(/\s+/g, "");
  return (k.match(/[\u4e00-\u9fff]/g) ?? []).length >= 6 && !/表([（(][^）)]*[）)])?$/.test(k) && !/单位[:：]/.test(k);
}
