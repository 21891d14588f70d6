import { asciiDigits, hasFullWidthDigit } from "../../model/names.js";
import { mapArray } from "../../util/arrays.js";
import type { Entry } from "./tab-form.js";
import type { LayoutLine } from "./types.js";

/**
 * Lines given by a PDF's or a Word document's text with their full-width digits (０–９: 表１, ２０２３年, a 科目编码
 * ３０１) as ASCII digits, one character for one: the line's text, its file text and its tokens', every position kept.
 * (A text file's are made ASCII when it is decoded, loaders/index.ts.) The lines themselves when none has one.
 */
export function withAsciiDigits(lines: LayoutLine[]): LayoutLine[] {
  if (!lines.some((l) => hasFullWidthDigit(l.text) || (l.raw !== undefined && hasFullWidthDigit(l.raw)))) return lines;
  return mapArray(lines, (l) =>
    hasFullWidthDigit(l.text) || (l.raw !== undefined && hasFullWidthDigit(l.raw))
      ? {
          ...l,
          text: asciiDigits(l.text),
          ...(l.raw !== undefined ? { raw: asciiDigits(l.raw) } : {}),
          ...(l.tokens ? { tokens: mapArray(l.tokens, (t) => ({ ...t, text: asciiDigits(t.text) })) } : {}),
        }
      : l,
  );
}

/** A Word document's lines (entries of the grid, tab-form.ts) with their full-width digits as ASCII, before the grid is laid. */
export function entriesWithAsciiDigits(entries: Entry[]): Entry[] {
  const has = (e: Entry) => hasFullWidthDigit(e.raw) || (e.cells !== null && e.cells.some((c) => hasFullWidthDigit(c.text)));
  if (!entries.some(has)) return entries;
  return mapArray(entries, (e) =>
    has(e) ? { ...e, raw: asciiDigits(e.raw), cells: e.cells && mapArray(e.cells, (c) => ({ ...c, text: asciiDigits(c.text) })) } : e,
  );
}
