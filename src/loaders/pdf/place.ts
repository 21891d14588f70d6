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
    // On a page shown turned, the text runs along the page's y (up at 90°, down at 270°) or back along its x.
    const b = t.box;
    const along = l.turn === 90 || l.turn === 270 ? b.height : b.width;
    const scale = along / w(chars);
    const off = w(chars.slice(0, k)) * scale;
    const size = round2(w(chars.slice(k, k + len)) * scale);
    if (l.turn === 90) return { x: b.x, y: round2(b.y + off), width: b.width, height: size };
    if (l.turn === 270) return { x: b.x, y: round2(b.y + b.height - off - size), width: b.width, height: size };
    if (l.turn === 180) return { x: round2(b.x + b.width - off - size), y: b.y, width: size, height: b.height };
    return { x: round2(b.x + off), y: b.y, width: size, height: b.height };
  }
  return null;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
