import { splitLines } from "../raw.js";
import { hasHtmlTable, htmlTables } from "../html-tables.js";
import { mapArray, splitString } from "../../util/arrays.js";
import type { LayoutLine, LayoutToken } from "./types.js";
import { isFigureToken } from "./tokens.js";
import { displayWidth, indentOf } from "./width.js";

/*
 * The tab-separated form (what a PDF-to-text converter writes: tables as rows of tab-separated cells, the
 * written parts as paragraphs under Markdown headings), and HTML tables in a Markdown text, read as
 * laid-out lines, so that one reader — the layout loader, which recognises any province's tables by their
 * titles, headers and figures — reads a document of any template in these forms as it reads the same
 * document from a PDF.
 *
 * Cells sit on one grid for the whole document: column k of every row starts at the same x, as wide as its
 * widest cell as printed (a Chinese character two columns wide), so a table's columns line up across its
 * pages. A figure ends at its column's right edge and a text cell starts at the left one, as a printed
 * table aligns them; in a header line (no figures) a label followed by empty cells with labels under them
 * on the next header line spans those columns, as a merged header cell does; any other label is centred in
 * its column. x counts characters, as in `pdftotext -layout` text; each token keeps the line and the
 * character column where its cell's text starts in the file, which is what a finding's location gives.
 */

const HEADING = /^\s*(#{1,6}\s+|[-*+]\s+)/;
const EMPHASIS = /\*\*|__/g;
/** Columns between two cells of the grid. */
const GAP = 2;

/** The cells of a tab-separated line with their 1-based character columns in the file. */
function cellsOf(text: string): { text: string; column: number }[] {
  const out: { text: string; column: number }[] = [];
  let column = 1;
  for (const c of splitString(text, "\t")) {
    out.push({ text: c, column });
    column += [...c].length + 1;
  }
  return out;
}

/** A line that is not a table row, without its Markdown markup (## 标题, - 目录项, **强调**). */
function plainLine(text: string): string {
  return text.replace(HEADING, "").replace(EMPHASIS, "").replace(/\s+$/, "");
}

/** A cell of a row: its text and where it starts in the file (its line where that is not the row's). */
export interface GridCell {
  text: string;
  column: number;
  line?: number;
  /** How far the cell's text is indented, where its text is given trimmed (a workbook's, a web page's cell). */
  indent?: number;
}

/** A line of the document as read here: a row of cells, or a line of text. */
export interface Entry {
  line: number;
  /** The file's line where `line` is an HTML table row's own position. */
  at?: number;
  raw: string;
  cells: GridCell[] | null;
}

/**
 * The document's lines, a row of cells for each tab-separated line and each row of an HTML table (the
 * lines a table covers give way to its rows; text before or after it on those lines stays a line of text).
 */
function entriesOf(text: string): Entry[] {
  const lines = splitLines(text);
  const tables = hasHtmlTable(text) ? htmlTables(text) : [];
  const out: Entry[] = [];
  let t = 0;
  for (let i = 0; i < lines.length; i++) {
    if (t < tables.length && tables[t].firstLine === i + 1) {
      const before = lines[i].slice(0, lines[i].search(/<table/i)).trim();
      if (before) out.push({ line: i + 1, raw: before, cells: null });
      // Every table that starts on this line (a converter may write two on one), then the text after the last.
      let lastLine = i + 1;
      for (; t < tables.length && tables[t].firstLine <= lastLine; t++) {
        for (const r of tables[t].rows) {
          // Rows written on one line of the file follow each other at fractions of it.
          const before = out[out.length - 1];
          const line = before && Math.floor(before.line) === r.line && before.line >= r.line ? before.line + 1e-5 : r.line;
          out.push({ line, ...(line !== r.line ? { at: r.line } : {}), raw: "", cells: mapArray(r.cells, (c) => ({ text: c.text, column: c.column, ...(c.line !== r.line ? { line: c.line } : {}), ...(c.indent ? { indent: c.indent } : {}) })) });
        }
        lastLine = Math.max(lastLine, tables[t].lastLine);
      }
      const last = lines[lastLine - 1] ?? "";
      const end = last.toLowerCase().lastIndexOf("</table>");
      const after = end >= 0 ? last.slice(end + 8).trim() : "";
      if (after) out.push({ line: lastLine, raw: after, cells: null });
      i = lastLine - 1;
      continue;
    }
    const raw = lines[i];
    out.push({ line: i + 1, raw, cells: raw.includes("\t") ? cellsOf(raw) : null });
  }
  return out;
}

/**
 * The lines of a tab-separated document as laid-out lines: rows with their cells as tokens on one grid,
 * other lines as text. The form has no pages: every line is on page 0 (no page in a location).
 */
export function tabFormLines(text: string): LayoutLine[] {
  return gridLines(entriesOf(text));
}

/**
 * Lines of cells (a tab-separated text's, a worksheet's, a CSV file's) as laid-out lines on one grid: each row's
 * cells as tokens, each other line as text.
 */
export function gridLines(entries: Entry[]): LayoutLine[] {
  const rows = mapArray(entries, (e) => e.cells);
  // The grid: column k as wide as the widest cell printed in it, anywhere in the document.
  const widths: number[] = [];
  for (const r of rows)
    if (r)
      r.forEach((c, k) => {
        const w = displayWidth(c.text.trim());
        if (!(widths[k] >= w)) widths[k] = w;
      });
  const lefts: number[] = [];
  let x = 0;
  for (let k = 0; k < widths.length; k++) {
    lefts.push(x);
    x += (widths[k] || 1) + GAP;
  }
  const rightOf = (k: number) => lefts[k] + (widths[k] || 1);
  return mapArray(entries, (entry, i): LayoutLine => {
    const cells = rows[i];
    const raw = entry.raw;
    if (!cells) {
      const text = plainLine(raw);
      return { page: 0, line: entry.line, text, ...(/^\s*#{1,6}\s/.test(raw) ? { heading: true } : {}), ...(text !== raw ? { raw } : {}) };
    }
    const figures = cells.some((c) => isFigureToken(c.text.trim()));
    // The header lines below this one, if this is a header line (no figures): those up to the first line of
    // figures (or of no cells).
    const below: Entry["cells"][] = [];
    for (let j = i + 1; !figures && j < rows.length; j++) {
      const r = rows[j];
      if (!r || r.some((c) => isFigureToken(c.text.trim()))) break;
      below.push(r);
    }
    // A sub-column of a label spanning it: labelled on the line right below, or, empty there (under a group of
    // its own merged over it and others: 本年收入 over 财政拨款收入 over 一般公共预算 · 政府性基金预算 …), on a line
    // further down.
    const labelledBelow = (k: number) => below.some((r) => !!r?.[k]?.text.trim());
    const tokens: LayoutToken[] = [];
    cells.forEach((c, k) => {
      const t = c.text.trim();
      if (!t) return;
      const len = [...t].length;
      const wide = displayWidth(t);
      const at = { column: c.column + (c.text.length - c.text.trimStart().length), cell: k, ...(c.line ? { line: c.line } : {}) };
      if (isFigureToken(t)) {
        tokens.push({ text: t, x0: rightOf(k) - len, x1: rightOf(k), ...at });
        return;
      }
      if (!figures) {
        // A header label over the empty cells after it that have labels of their own on the header line
        // below (its sub-columns): a merged cell, centred over them as printed.
        let last = k;
        while (last + 1 < cells.length && !cells[last + 1].text.trim() && labelledBelow(last + 1)) last++;
        // It stands over all of them: its extent is theirs (a label narrower than the columns it spans would
        // seem to stand over the middle ones only).
        if (last > k) {
          tokens.push({ text: t, x0: lefts[k], x1: rightOf(last), ...at });
          return;
        }
        const span = rightOf(last) - lefts[k];
        const x0 = lefts[k] + Math.max(0, Math.floor((span - wide) / 2));
        tokens.push({ text: t, x0, x1: x0 + len, ...at });
        return;
      }
      // (A label indented in its cell — 类 / 款 / 项 told by spaces — keeps how far: the levels are read from it.)
      const indent = c.indent ?? indentOf(c.text);
      tokens.push({ text: t, x0: lefts[k], x1: lefts[k] + len, ...at, ...(indent ? { indent } : {}) });
    });
    // The line's text as laid out: the tokens at their x, spaces between.
    let laid = "";
    for (const t of tokens) laid += " ".repeat(Math.max(laid ? GAP : 0, t.x0 - laid.length)) + t.text;
    return { page: 0, line: entry.line, ...(entry.at ? { at: entry.at } : {}), text: laid, tokens };
  });
}
