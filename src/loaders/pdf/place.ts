import type { Finding } from "../../engine/types.js";
import type { BudgetDocument } from "../../model/document.js";
import type { Box, SourceLocation } from "../../model/location.js";
import type { LayoutLine } from "../layout/types.js";
import { mapArray } from "../../util/arrays.js";

// Where a figure of a PDF is: its page and its box, from the layout lines the PDF loader rebuilt.

const linesOf = new WeakMap<BudgetDocument, LayoutLine[]>();

/** Keeps a PDF document's layout lines, for the findings' locations made later (the text's claims). */
export function rememberLines(doc: BudgetDocument, lines: LayoutLine[]): void {
  linesOf.set(doc, lines);
}

/**
 * The findings of a PDF document with their figures placed: a location the rules made from a line and
 * column of the written parts (claims are read from the text when the rules run) gets its page and box.
 */
export function placeFindings(doc: BudgetDocument, findings: Finding[]): void {
  const lines = linesOf.get(doc);
  if (lines) placeOnPages(findings, doc.path, lines);
}

/**
 * Every location of the model that names a layout line gets that line's page and, where it names a
 * column of the line's text (a figure the written parts state), the box of the characters there: a
 * sentence is one token, so the figure's box is estimated inside it from the characters' widths
 * (a CJK character one em, others half). Locations already placed are left as they are.
 */
export function placeOnPages(doc: unknown, file: string, lines: LayoutLine[]): void {
  const byLine = new Map(mapArray(lines, (l) => [l.line, l]));
  const seen = new Set<object>();
  const visit = (v: unknown): void => {
    if (!v || typeof v !== "object" || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      for (const x of v) visit(x);
      return;
    }
    const loc = v as SourceLocation;
    if (loc.file === file && typeof loc.line === "number") {
      const l = byLine.get(loc.line);
      if (l) {
        loc.page ??= l.page;
        if (!loc.box && typeof loc.column === "number") loc.box = boxAtColumn(l, loc.column) ?? undefined;
      }
    }
    for (const x of Object.values(v)) visit(x);
  };
  visit(doc);
}

const FIGURE = /^[-−]?[0-9][0-9,.]*%?/;
const weight = (ch: string) => (/[\u2E80-\uFFEF]/.test(ch) ? 1 : 0.5);

/** The box of the figure (or character) at 1-based `column` of the line's text, inside its token. */
export function boxAtColumn(l: LayoutLine, column: number): Box | null {
  const at = column - 1;
  let pos = 0;
  for (const t of l.tokens ?? []) {
    const start = l.text.indexOf(t.text, pos);
    if (start < 0 || !t.box) return null;
    pos = start + t.text.length;
    if (at < start || at >= pos) continue;
    const chars = [...t.text];
    const k = [...t.text.slice(0, at - start)].length;
    const len = [...(FIGURE.exec(t.text.slice(at - start))?.[0] ?? chars[k])].length;
    const w = (cs: string[]) => cs.reduce((s, c) => s + weight(c), 0);
    const scale = t.box.width / w(chars);
    const x = t.box.x + w(chars.slice(0, k)) * scale;
    return { x: round2(x), y: t.box.y, width: round2(w(chars.slice(k, k + len)) * scale), height: t.box.height };
  }
  return null;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
