import type { LayoutLine } from "./types.js";
import { mapArray } from "../../util/arrays.js";

/*
 * A spreadsheet exported to PDF draws a cell that straddles a page break on both pages, each copy clipped
 * to its page: the reader sees the text once, but the text layer holds it twice — the last lines of one
 * page again as the first lines of the next. Read twice, a table row would count in every sum twice and a
 * paragraph would be a "duplicate". Such a repeat is recognised by where it stands (the very end of a
 * page, the very start of the next) and the copy on the later page is left out.
 */

const PAGE_NUMBER = /^[-—－\s]*(第\s*)?\d+\s*(页)?[-—－\s]*$|^\d+\s*\/\s*\d+$/;
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
