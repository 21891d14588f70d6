import type { BudgetDocument } from "./model/document.js";
import type { SourceLocation } from "./model/location.js";

/**
 * The printed line a finding's figure stands on, quoted with the figure marked `»…«`: a sentence of the
 * written parts (cut to about 40 characters either side of the figure), or a table row as its cells.
 * Built from the loaded document, so that every format can show it without the source file.
 */

const FIGURE = /^[-−]?[0-9０-９][0-9０-９,，.．]*(?:\s*[%％])?/;
const SIDE = 40;

export interface Quoter {
  quote(loc: SourceLocation): string | undefined;
}

const lineKey = (file: string, line: number) => `${file}\u0000${line}`;
/** A workbook cell's row: sheet + the digits of its A1 address. */
const sheetRowKey = (file: string, sheet: string, cell: string) => `${file}\u0000${sheet}\u0000${cell.replace(/^[A-Z]+/, "")}`;

export function quoter(doc: BudgetDocument): Quoter {
  const text = new Map<string, string>();
  for (const p of doc.text) for (const l of p.lines) text.set(lineKey(p.location.file, l.line), l.text);
  const rows = new Map<string, { text: string; loc: SourceLocation }[]>();
  for (const t of doc.tables)
    for (const r of t.rows)
      for (const c of Object.values(r.cells)) {
        const loc = c.location;
        const key = loc.sheet && loc.cell ? sheetRowKey(loc.file, loc.sheet, loc.cell) : loc.line ? lineKey(loc.file, loc.line) : null;
        if (!key || !c.text.trim()) continue;
        const cells = rows.get(key) ?? [];
        if (!cells.some((x) => sameCell(x.loc, loc))) cells.push({ text: c.text.trim(), loc });
        rows.set(key, cells);
      }
  for (const cells of rows.values()) cells.sort((a, b) => order(a.loc) - order(b.loc));
  return {
    quote(loc) {
      if (loc.line) {
        const line = text.get(lineKey(loc.file, loc.line));
        if (line !== undefined) return sentence(line, loc.column ?? null);
      }
      const key = loc.sheet && loc.cell ? sheetRowKey(loc.file, loc.sheet, loc.cell) : loc.line ? lineKey(loc.file, loc.line) : null;
      const cells = key ? rows.get(key) : undefined;
      if (!cells) return undefined;
      const marked = loc.column || loc.cell;
      return cells.map((c) => (marked && sameCell(c.loc, loc) ? `»${c.text}«` : c.text)).join(" │ ");
    },
  };
}

function sameCell(a: SourceLocation, b: SourceLocation): boolean {
  return a.sheet ? a.sheet === b.sheet && a.cell === b.cell : a.line === b.line && (a.column ?? null) === (b.column ?? null);
}

function order(l: SourceLocation): number {
  if (l.cell) {
    let col = 0;
    for (const ch of l.cell.replace(/\d+$/, "")) col = col * 26 + ch.charCodeAt(0) - 64;
    return col;
  }
  return l.column ?? 0;
}

/** A written line with the figure at `column` (1-based) marked, cut around it. */
function sentence(line: string, column: number | null): string {
  const clean = (s: string) => s.replace(/\s+/g, " ");
  if (!column || column > line.length) return clean(line.trim()).slice(0, 2 * SIDE) + (line.trim().length > 2 * SIDE ? "…" : "");
  const at = column - 1;
  const figure = FIGURE.exec(line.slice(at))?.[0] ?? line[at];
  const from = Math.max(0, at - SIDE);
  const to = Math.min(line.length, at + figure.length + SIDE);
  const before = clean(line.slice(from, at)).trimStart();
  const after = clean(line.slice(at + figure.length, to)).trimEnd();
  return `${from > 0 ? "…" : ""}${before}»${figure}«${after}${to < line.length ? "…" : ""}`;
}
