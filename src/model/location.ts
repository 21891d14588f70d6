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

/** Same printed place (file and line, or sheet and cell); columns are ignored. */
export function samePlace(a: SourceLocation, b: SourceLocation): boolean {
  return a.file === b.file && (a.line ?? null) === (b.line ?? null) && (a.sheet ?? null) === (b.sheet ?? null) && (a.cell ?? null) === (b.cell ?? null);
}
