/** Where a figure or a line is printed: file + line for text and CSV, sheet + A1 cell for workbooks. */
export interface SourceLocation {
  file: string;
  line?: number | null;
  column?: number | null;
  sheet?: string | null;
  cell?: string | null;
  /** Printed page (1-based): a form feed count in layout text, the page of a PDF. */
  page?: number | null;
  /** The figure's box on a PDF page, in PDF points (origin bottom-left, as PDF user space). */
  box?: Box | null;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function formatLocation(loc: SourceLocation): string {
  if (loc.sheet) return `${loc.file}[${loc.sheet}]${loc.cell ? `!${loc.cell}` : ""}`;
  if (loc.line) return `${loc.file}:${loc.line}${loc.column ? `:${loc.column}` : ""}`;
  return loc.file;
}

/**
 * The printed row a location stands on, as a key: file and line, or sheet and the cell's row number; null when
 * the location says neither. Two figures of one table row have the same key whatever their columns.
 */
export function rowPlace(l: SourceLocation): string | null {
  if (l.sheet) {
    const row = /\d+$/.exec(l.cell ?? "");
    return row ? `${l.file}\u0000${l.sheet}\u0000${row[0]}` : null;
  }
  return typeof l.line === "number" ? `${l.file}\u0000\u0000${l.line}` : null;
}

/** Where a figure is printed, in a message: `line 749` / `第 749 行`, `表2!C7`, with its page where known. */
export function placeWords(l: SourceLocation, lang: "zh" | "en"): string {
  const page = l.page ? (lang === "zh" ? `，第 ${l.page} 页` : ` (page ${l.page})`) : "";
  if (l.sheet) return `${l.sheet}${l.cell ? `!${l.cell}` : ""}`;
  if (typeof l.line === "number") return (lang === "zh" ? `第 ${l.line} 行` : `line ${l.line}`) + page;
  return l.file;
}

/** Same printed place (file and line, or sheet and cell); columns are ignored. */
export function samePlace(a: SourceLocation, b: SourceLocation): boolean {
  return a.file === b.file && (a.line ?? null) === (b.line ?? null) && (a.sheet ?? null) === (b.sheet ?? null) && (a.cell ?? null) === (b.cell ?? null);
}
