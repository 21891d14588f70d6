/*
 * A written line's characters and the file's columns they stand at (TextLine.columnStart, TextLine.columnRuns):
 * a figure read at a character of the line is located at its column of the file, and a location's column is
 * read back as the character of the line it marks.
 */
import type { ColumnRun, TextLine } from "./document.js";

type Columns = Pick<TextLine, "columnStart" | "columnRuns" | "text">;

/** Whether the line says where its characters stand in the file. */
export const hasFileColumns = (l: Columns): boolean => Boolean(l.columnRuns?.length || l.columnStart);

/** The file's column of the line's character `index` (0-based), where the line says it. */
export function fileColumnOf(l: Columns, index: number): number | undefined {
  if (l.columnRuns?.length) {
    const run = runAt(l.columnRuns, index);
    return run ? run.column + (index - run.at) : undefined;
  }
  return l.columnStart ? l.columnStart + index : undefined;
}

/** The line's character (0-based) that stands at the file's `column`, where one of the line's does. */
export function lineIndexAt(l: Columns, column: number): number | undefined {
  const runs: ColumnRun[] = l.columnRuns?.length ? l.columnRuns : l.columnStart ? [{ at: 0, column: l.columnStart }] : [];
  for (let k = 0; k < runs.length; k++) {
    const end = k + 1 < runs.length ? runs[k + 1].at : l.text.length;
    const index = runs[k].at + (column - runs[k].column);
    if (column >= runs[k].column && index < end) return index;
  }
  return undefined;
}

/** The run a character falls in: the last one starting at or before it. */
function runAt(runs: ColumnRun[], index: number): ColumnRun | undefined {
  let lo = 0;
  let hi = runs.length - 1;
  if (hi < 0 || runs[0].at > index) return undefined;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (runs[mid].at <= index) lo = mid;
    else hi = mid - 1;
  }
  return runs[lo];
}
