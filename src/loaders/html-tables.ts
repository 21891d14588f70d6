/*
 * HTML tables inside a Markdown text (`<table><tr><td>…</td></tr></table>`, what some PDF-to-Markdown
 * converters write, often a whole table on one line) as rows of cells on a grid: a cell spanning columns
 * (colspan) or rows (rowspan) stands at its first place and leaves the others empty, as a merged cell of
 * the tab-separated form does. Each cell keeps the line and the character column where its text starts in
 * the file, so a finding points at the figure as it is printed there.
 */
import { classStyles, elementIndent, styleSheetText, type ClassStyles } from "./css-indent.js";
import { indentOf } from "./layout/width.js";

/** A cell of a row: its text (tags dropped, entities decoded) and where that text starts in the file. */
export interface HtmlCell {
  text: string;
  line: number;
  column: number;
  /**
   * How far its text is indented, as a browser shows it: spaces before it (&nbsp;, a full-width space), and the
   * indentation the cell's style and that of the elements its text starts in set (css-indent.ts).
   */
  indent?: number;
}

/** A table's row: where its <tr> starts, and its cells on the table's grid (empty ones for spans). */
export interface HtmlRow {
  line: number;
  cells: HtmlCell[];
}

/** A table in the text: the lines it covers (1-based, inclusive) and its rows. */
export interface HtmlTable {
  firstLine: number;
  lastLine: number;
  rows: HtmlRow[];
}

export function hasHtmlTable(text: string): boolean {
  return text.includes("<table") || text.includes("<TABLE");
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** A Chinese character or full-width punctuation (a line break of the source between two of them is none). */
const WIDE = String.raw`[\u2e80-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’]`;
const WIDE_BREAK = new RegExp(String.raw`(${WIDE})[ \t]*[\r\n]+[ \t]*(?=${WIDE})`, "g");

/**
 * Text of a page as a browser shows it: a run of white space one space, and none where the source's line
 * breaks between two Chinese characters (Word's "save as web page" wraps its source inside Chinese text).
 */
export function collapseSpace(s: string): string {
  return s.replace(WIDE_BREAK, "$1").replace(/[\s\u00a0]+/g, " ").trim();
}

/**
 * `collapseSpace` of a text whose every code unit has its offset in the file (`offsets`): the text as a browser
 * shows it, with the offset of each of its code units (a run of white space: its first one's).
 */
export function collapseSpaceAt(s: string, offsets: readonly number[]): { text: string; offsets: number[] } {
  const dropped = new Uint8Array(s.length);
  for (const m of s.matchAll(WIDE_BREAK)) for (let i = m.index! + m[1].length; i < m.index! + m[0].length; i++) dropped[i] = 1;
  let text = "";
  const at: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (dropped[i]) continue;
    const c = s[i];
    if (/[\s\u00a0]/.test(c)) {
      if (!text.length || text[text.length - 1] === " ") continue;
      text += " ";
    } else text += c;
    at.push(offsets[i]);
  }
  if (text.endsWith(" ")) {
    text = text.slice(0, -1);
    at.pop();
  }
  return { text, offsets: at };
}

const ENTITY = /&(#x[0-9a-f]+|#\d+|[a-z]+);/gi;

/**
 * `decodeEntities` of the file's text from `start`, with the file's offset of each code unit of the result (an
 * entity's characters: the entity's).
 */
export function decodeEntitiesAt(raw: string, start: number): { text: string; offsets: number[] } {
  let text = "";
  const offsets: number[] = [];
  let from = 0;
  const plain = (to: number) => {
    for (let i = from; i < to; i++) offsets.push(start + i);
    text += raw.slice(from, to);
  };
  for (const m of raw.matchAll(ENTITY)) {
    plain(m.index!);
    const decoded = decodeEntities(m[0]);
    for (let k = 0; k < decoded.length; k++) offsets.push(start + m.index!);
    text += decoded;
    from = m.index! + m[0].length;
  }
  plain(raw.length);
  return { text, offsets };
}

/** The text with its character references (&amp; &nbsp; &#20013; &#x4e2d;) as the characters they stand for. */
export function decodeEntities(s: string): string {
  return s.replace(ENTITY, (m, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

const spanOf = (attrs: string, name: string) => {
  const m = new RegExp(`${name}\\s*=\\s*["']?(\\d+)`, "i").exec(attrs);
  return m ? Math.max(1, Math.min(1000, Number(m[1]))) : 1;
};

/**
 * An offset of `text` as its 1-based line and (code point) column. Offsets asked for in order are counted on
 * from the one before: a page written on one line has its every cell on it, and counting each from the line's
 * start made such a page cost its length squared.
 */
export function placer(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  let last = { line: 0, offset: 0, column: 1 };
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    let from = starts[lo];
    let column = 1;
    if (last.line === lo && last.offset <= offset) ({ offset: from, column } = last);
    for (let i = from; i < offset; i++) {
      const c = text.charCodeAt(i);
      if (c < 0xdc00 || c > 0xdfff) column++;
    }
    last = { line: lo, offset, column };
    return { line: lo + 1, column };
  };
}

/**
 * The HTML tables of a text, in order. A table left open at the end of the text ends there. `classes`: what the
 * page's style sheets set for each class (by default, those of the text's own <style> elements).
 */
export function htmlTables(text: string, classes: ClassStyles = text.includes("<style") || text.includes("<STYLE") ? classStyles(styleSheetText(text)) : new Map()): HtmlTable[] {
  const place = placer(text);
  const tables: HtmlTable[] = [];
  const tag = /<(\/?)(table|tr|td|th)\b([^>]*)>/gi;
  let table: HtmlTable | null = null;
  let row: { line: number; cells: { text: string; at: number; colspan: number; rowspan: number; indent?: number }[] } | null = null;
  let cell: { start: number; colspan: number; rowspan: number; attrs: string } | null = null;
  let pending: { line: number; cells: { text: string; at: number; colspan: number; rowspan: number; indent?: number }[] }[] = [];
  const closeCell = (end: number) => {
    if (!cell || !row) return;
    const raw = text.slice(cell.start, end);
    // The text's start: past leading tags and spaces, where the figure or label is printed.
    const lead = /^(\s|<[^>]*>)*/.exec(raw)![0].length;
    const decoded = decodeEntities(raw.replace(/<br\s*\/?>/gi, " ").replace(/<[^>]*>/g, ""));
    const content = collapseSpace(decoded);
    // Spaces a browser shows before the text (&nbsp;, a full-width space): the source's own white space
    // between tags is not shown.
    const before = /^(?:\s|<[^>]*>|&nbsp;|&#160;|&#xa0;|\u00a0|\u3000|&#12288;|&#x3000;)*/i.exec(raw)![0];
    const shown = before.replace(/<[^>]*>|[\t\r\n ]/g, "");
    // The cell's own style and that of each element its text starts in (<p style="margin-left:21pt">, <span …>).
    let styled = content ? elementIndent(cell.attrs, classes) : 0;
    if (content && before.includes("<")) for (const t of before.matchAll(/<([a-z][\w-]*)\b([^>]*)>/gi)) styled += elementIndent(t[2], classes);
    const indent = (shown ? indentOf(decodeEntities(shown) + "x") : 0) + styled;
    row.cells.push({ text: content, at: cell.start + lead, colspan: cell.colspan, rowspan: cell.rowspan, ...(indent ? { indent } : {}) });
    cell = null;
  };
  const closeRow = (end: number) => {
    closeCell(end);
    if (row) pending.push(row);
    row = null;
  };
  const closeTable = (end: number) => {
    closeRow(end);
    if (!table) return;
    table.lastLine = place(Math.max(0, Math.min(end, text.length - 1))).line;
    table.rows = grid(pending, place);
    tables.push(table);
    table = null;
    pending = [];
  };
  let m: RegExpExecArray | null;
  while ((m = tag.exec(text))) {
    const [whole, slash, nameRaw, attrs] = m;
    const name = nameRaw.toLowerCase();
    if (name === "table") {
      if (slash) closeTable(m.index);
      else {
        closeTable(m.index);
        table = { firstLine: place(m.index).line, lastLine: 0, rows: [] };
      }
    } else if (!table) continue;
    else if (name === "tr") {
      if (slash) closeRow(m.index);
      else {
        closeRow(m.index);
        row = { line: place(m.index).line, cells: [] };
      }
    } else if (slash) closeCell(m.index);
    else {
      closeCell(m.index);
      if (!row) row = { line: place(m.index).line, cells: [] };
      cell = { start: m.index + whole.length, colspan: spanOf(attrs, "colspan"), rowspan: spanOf(attrs, "rowspan"), attrs };
    }
  }
  closeTable(text.length);
  return tables;
}

/** The rows on one grid: each cell at the first free place of its row, its spans left empty. */
function grid(
  rows: { line: number; cells: { text: string; at: number; colspan: number; rowspan: number; indent?: number }[] }[],
  place: (offset: number) => { line: number; column: number },
): HtmlRow[] {
  const taken: boolean[][] = [];
  const out: HtmlRow[] = [];
  rows.forEach((r, i) => {
    const cells: HtmlCell[] = [];
    taken[i] ??= [];
    let col = 0;
    for (const c of r.cells) {
      while (taken[i][col]) col++;
      const at = place(c.at);
      cells[col] = { text: c.text, line: at.line, column: at.column, ...(c.indent ? { indent: c.indent } : {}) };
      for (let dr = 0; dr < c.rowspan; dr++)
        for (let dc = 0; dc < c.colspan; dc++) {
          (taken[i + dr] ??= [])[col + dc] = true;
        }
      col += c.colspan;
    }
    const width = Math.max(cells.length, taken[i].length);
    const filled: HtmlCell[] = [];
    for (let k = 0; k < width; k++) filled.push(cells[k] ?? { text: "", line: r.line, column: 0 });
    out.push({ line: r.line, cells: filled });
  });
  return out;
}
