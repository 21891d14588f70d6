/*
 * A saved web page (`.html`): how many departments publish their disclosure, the 情况说明 as paragraphs and the
 * tables as HTML tables (or the tables as an attachment). The page is read as the tab-separated form's lines:
 * each block of text (a paragraph, a heading, a list item, a line ended by <br>) a line of text, each row of a
 * table of data a row of cells on the grid. What a browser does not show as the page's text is left out: the
 * <head>, scripts, styles, comments. A table that holds other tables lays the page out (old sites put the whole
 * page in one): its cells are blocks of text, and only the innermost tables are tables of data.
 *
 * Every line and cell keeps where its text starts in the file (line and character column), as an HTML table in
 * a Markdown text does: the lines are numbered one after another for the reader, and every location is put back
 * (`relocate`) afterwards. A figure in a paragraph is located at the paragraph's start: tags and entities inside
 * a paragraph leave no column to count from.
 */
import type { ColumnRun } from "../model/document.js";
import type { SourceLocation } from "../model/location.js";
import { classStyles, eachRule, styleSheetText } from "./css-indent.js";
import { collapseSpace, collapseSpaceAt, decodeEntities, decodeEntitiesAt, htmlTables, placer } from "./html-tables.js";
import { gridLines, type Entry } from "./layout/tab-form.js";
import type { LayoutLine } from "./layout/types.js";
import type { Place } from "./cell-forms.js";
import { mapArray } from "../util/arrays.js";

/** A whole page (a doctype, <html> or <body>), not a Markdown text with a table or two in HTML. */
export function isHtmlPage(text: string): boolean {
  return /^\uFEFF?\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html\b)/i.test(text) || /<body\b/i.test(text);
}

/** Elements whose content is never the page's text. */
const HIDDEN = new Set(["script", "style", "noscript", "template", "title", "head", "textarea", "select", "object", "iframe", "svg"]);
/** Elements that start and end a block of text (a line). */
const BLOCK = new Set([
  "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "tr", "td", "th", "table", "thead", "tbody", "tfoot",
  "caption", "section", "article", "header", "footer", "nav", "aside", "main", "blockquote", "pre", "hr", "center", "form", "fieldset", "address",
  "figure", "figcaption", "body", "html",
]);
const HEADING_TAG = /^h[1-6]$/;
const TAG = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<[!?][^>]*>?|<(\/?)([a-zA-Z][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;

interface Tag {
  start: number;
  end: number;
  close: boolean;
  name: string;
  attrs: string;
}

/** The page's tags in order (comments and declarations left out), and the ranges whose text is hidden. */
function tagsOf(text: string): { tags: Tag[]; hidden: [number, number][]; css: string } {
  const tags: Tag[] = [];
  const hidden: [number, number][] = [];
  // The page's style sheets (<style> elements), for the classes and ids they hide.
  let css = "";
  TAG.lastIndex = 0;
  for (let m = TAG.exec(text); m; m = TAG.exec(text)) {
    if (!m[2]) {
      hidden.push([m.index, m.index + m[0].length]);
      continue;
    }
    const name = m[2].toLowerCase();
    const tag = { start: m.index, end: m.index + m[0].length, close: m[1] === "/", name, attrs: m[3] ?? "" };
    tags.push(tag);
    // A hidden element's content is skipped whole (a script may print "<p>" in a string).
    if (!tag.close && HIDDEN.has(name) && !/\/\s*$/.test(tag.attrs)) {
      const closing = new RegExp(name === "head" ? "<\\/head\\s*>|<body\\b" : `<\\/${name}\\s*>`, "ig");
      closing.lastIndex = tag.end;
      const c = closing.exec(text);
      const to = c ? (name === "head" && /^<body/i.test(c[0]) ? c.index : c.index + c[0].length) : text.length;
      hidden.push([tag.end, to]);
      // (A <style> in the <head>, skipped whole with it, is read for its rules too.)
      if (name === "style") css += `${text.slice(tag.end, c ? c.index : to)}\n`;
      else if (name === "head") css += styleSheetText(text.slice(tag.end, to));
      TAG.lastIndex = to;
    }
  }
  const sheet = styleRules(css);
  // An element a style hides (display:none, visibility:hidden, the hidden attribute: a copy kept for print, a
  // tab not shown): what is inside it, to its closing tag, is no text a reader sees. Each name's open elements
  // on a stack of their own, in one pass (a closing tag closes the last open element of its name).
  const open = new Map<string, { tag: Tag; hides: boolean }[]>();
  for (const t of tags) {
    if (VOID.has(t.name)) continue;
    let stack = open.get(t.name);
    if (!stack) open.set(t.name, (stack = []));
    if (!t.close) {
      if (!/\/\s*$/.test(t.attrs)) stack.push({ tag: t, hides: hides(t.name, t.attrs, sheet) });
    } else {
      const o = stack.pop();
      if (o?.hides) hidden.push([o.tag.start, t.end]);
    }
  }
  for (const stack of open.values()) for (const o of stack) if (o.hides) hidden.push([o.tag.start, text.length]);
  return { tags, hidden: merged(hidden), css };
}

/** Elements that have no content and no closing tag. */
const VOID = new Set(["br", "img", "hr", "input", "meta", "link", "col", "area", "base", "wbr", "source", "embed", "param", "track"]);
/** A rule of a style sheet that sets whether an element is shown: its selector's parts and specificity, and its order. */
interface StyleRule {
  tag: string | null;
  id: string | null;
  classes: string[];
  specificity: number;
  order: number;
  /** display: none or visibility: hidden (true), another display or visible (false). */
  hides: boolean;
}

/**
 * The rules of a page's style sheets that set `display` or `visibility`, for simple selectors (a tag, an id, classes:
 * `.hidden`, `div.print-copy`, `.tab.active`; a selector with a combinator or a pseudo-class is not followed). Rules
 * inside an at-rule (`@media print`, `@media (max-width: …)`) are left out: they are not the page on a desk's screen.
 */
function styleRules(css: string): StyleRule[] {
  if (!css) return [];
  const rules: StyleRule[] = [];
  let order = 0;
  eachRule(css, (selector, body) => {
    const display = /(?:^|;|\s)display\s*:\s*([\w-]+)/i.exec(body)?.[1]?.toLowerCase();
    const visibility = /(?:^|;|\s)visibility\s*:\s*([\w-]+)/i.exec(body)?.[1]?.toLowerCase();
    if (display === undefined && visibility === undefined) return true;
    const hides = display === "none" || visibility === "hidden" || visibility === "collapse";
    for (const raw of selector.split(",")) {
      const sel = raw.trim();
      const parts = /^([a-z][\w-]*)?((?:[.#][\w-]+)+)?$/i.exec(sel);
      if (!parts || (!parts[1] && !parts[2])) continue;
      const classes: string[] = [];
      let id: string | null = null;
      for (const p of (parts[2] ?? "").match(/[.#][\w-]+/g) ?? []) p[0] === "." ? classes.push(p.slice(1)) : (id = p.slice(1));
      rules.push({ tag: parts[1]?.toLowerCase() ?? null, id, classes, specificity: (id ? 100 : 0) + 10 * classes.length + (parts[1] ? 1 : 0), order: order++, hides });
      // (A page's sheet sets the display of a few dozen selectors; past a few thousand it is no page's, and each
      // element would be matched against them all.)
      if (rules.length >= 2_000) return false;
    }
    return true;
  });
  return rules;
}

/**
 * Whether an element is hidden: by its own style (display:none, visibility:hidden), the hidden attribute, or the
 * page's style sheet — the rule of the highest specificity (the last of those) that matches its tag, id and classes.
 * Its own style attribute wins over the sheet.
 */
function hides(name: string, attrs: string, sheet: StyleRule[]): boolean {
  const style = /\bstyle\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(attrs);
  const own = style ? (style[1] ?? style[2]) : "";
  if (/\b(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(own)) return true;
  // The attribute named hidden, not the word in another attribute's value (title="a hidden b").
  if (/(?:^|\s)hidden(?:\s*=|\s|$)/i.test(attrs.replace(/"[^"]*"|'[^']*'/g, '""'))) return true;
  if (!sheet.length || /\b(?:display|visibility)\s*:/i.test(own)) return false;
  const cls = /\bclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attrs);
  const classes = new Set((cls ? (cls[1] ?? cls[2] ?? cls[3]) : "").split(/\s+/).filter(Boolean));
  const id = /\bid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attrs);
  const ownId = id ? (id[1] ?? id[2] ?? id[3]) : null;
  let best: StyleRule | null = null;
  for (const r of sheet) {
    if ((r.tag && r.tag !== name) || (r.id && r.id !== ownId) || !r.classes.every((c) => classes.has(c))) continue;
    if (!best || r.specificity >= best.specificity) best = r;
  }
  return best?.hides ?? false;
}

/** Ranges sorted by their start, overlapping ones made one. */
function merged(ranges: [number, number][]): [number, number][] {
  const sorted = ranges.sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** The tables that hold no other table, as [start of <table>, end of </table>] (a table left open ends with the page). */
function dataTables(tags: Tag[], length: number): [number, number][] {
  const out: [number, number][] = [];
  const open: { start: number; nested: boolean }[] = [];
  for (const t of tags) {
    if (t.name !== "table") continue;
    if (!t.close) {
      if (open.length) open[open.length - 1].nested = true;
      open.push({ start: t.start, nested: false });
    } else {
      const o = open.pop();
      if (o && !o.nested) out.push([o.start, t.end]);
    }
  }
  for (const o of open) if (!o.nested) out.push([o.start, length]);
  return out.sort((a, b) => a[0] - b[0]);
}

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** The page as read: its lines for the layout reader, and where each of them (and each cell) is in the file. */
export function htmlPageLines(
  file: string,
  text: string,
): { lines: LayoutLine[]; places: Map<number, Place>; columnStarts: Map<number, number>; columnRuns: Map<number, ColumnRun[]> } {
  const { tags, hidden, css } = tagsOf(text);
  // (A table inside a hidden element is not read.)
  const inHidden = (at: number) => hidden.some(([s, e]) => at >= s && at < e);
  const tables = dataTables(tags, text.length).filter(([s]) => !inHidden(s));
  // An offset as its line and (code point) column in the file.
  const at = placer(text);
  // The tables of data, read as a Markdown text's HTML tables are: the page with everything else blanked
  // (one space for each character, line breaks kept), so that their cells keep their lines and columns.
  let masked = "";
  let from = 0;
  const blank = (s: string) => s.replace(/[^\n\ud800-\udbff]/g, " ").replace(/[\ud800-\udbff]/g, "");
  for (const [s, e] of tables) {
    masked += blank(text.slice(from, s)) + text.slice(s, e);
    from = e;
  }
  masked += blank(text.slice(from));
  // (The cells' classes as the page's style sheets indent them: the sheets are blanked in the masked text.)
  const read = htmlTables(masked, classStyles(css));

  const entries: Entry[] = [];
  const places = new Map<number, Place>();
  // A line of text whose characters stand one for one in the file from where it starts: that column.
  const columnStarts = new Map<number, number>();
  // A line of text whose characters stand in the file in runs (a run of spaces shown as one, an entity, a tag
  // inside), all on one line of the file: where each run starts.
  const columnRuns = new Map<number, ColumnRun[]>();
  const add = (place: Place, raw: string, cells: Entry["cells"]) => {
    const line = entries.length + 1;
    entries.push({ line, raw, cells });
    places.set(line, place);
  };
  // A block of text being gathered: its text and where it starts.
  let words = "";
  // (The file's offset of each code unit of `words`.)
  let offsets: number[] = [];
  let first = -1;
  let heading = false;
  let centred = false;
  const flush = () => {
    const t = collapseSpace(words);
    if (t) {
      const short = t.length <= 40 && !/[。；，,;：:]/.test(t);
      const where = at(first);
      // The line's place is its file line; a figure's column is known only where the text is as in the file.
      add({ row: { file, line: where.line }, cells: null }, (heading || centred) && short ? `## ${t}` : t, null);
      if (!((heading || centred) && short)) {
        if (text.startsWith(t, first)) columnStarts.set(entries.length, where.column);
        else {
          const runs = runsOf(t, offsets, where.line);
          if (runs) columnRuns.set(entries.length, runs);
        }
      }
    }
    words = "";
    offsets = [];
    first = -1;
    heading = false;
    centred = false;
  };
  const gather = (s: number, e: number) => {
    const raw = text.slice(s, e);
    if (!raw.trim()) {
      if (words) {
        words += " ";
        offsets.push(s);
      }
      return;
    }
    if (first < 0) first = s + (raw.length - raw.trimStart().length);
    const decoded = decodeEntitiesAt(raw, s);
    words += decoded.text;
    for (const o of decoded.offsets) offsets.push(o);
  };
  // The runs of a line's characters that stand one for one in the file, where the line is as the browser shows
  // `words` and all of it on the file's `line`.
  const runsOf = (line: string, offsets: number[], fileLine: number): ColumnRun[] | null => {
    const shown = collapseSpaceAt(words, offsets);
    if (shown.text !== line || !shown.offsets.length) return null;
    const runs: ColumnRun[] = [];
    for (let i = 0; i < shown.offsets.length; i++) {
      // (After a character outside the BMP the file's column, counted in characters, runs one behind: a run anew.)
      if (i > 0 && shown.offsets[i] === shown.offsets[i - 1] + 1 && !isLowSurrogate(line.charCodeAt(i - 1))) continue;
      const where = at(shown.offsets[i]);
      if (where.line !== fileLine) return null;
      runs.push({ at: i, column: where.column });
    }
    return at(shown.offsets[shown.offsets.length - 1]).line === fileLine ? runs : null;
  };
  let h = 0;
  let ti = 0;
  let ri = 0;
  let pos = 0;
  const textUpTo = (end: number) => {
    // The text from `pos` to `end`, less what is hidden.
    while (pos < end) {
      while (h < hidden.length && hidden[h][1] <= pos) h++;
      if (h < hidden.length && hidden[h][0] < end) {
        if (hidden[h][0] > pos) gather(pos, hidden[h][0]);
        pos = Math.min(end, hidden[h][1]);
      } else {
        gather(pos, end);
        pos = end;
      }
    }
  };
  for (const tag of tags) {
    if (tag.start < pos) continue;
    // A table of data: its caption as a line of text, then its rows.
    if (ti < tables.length && tag.start === tables[ti][0]) {
      textUpTo(tag.start);
      flush();
      const [s, e] = tables[ti++];
      const caption = /<caption\b[^>]*>([\s\S]*?)<\/caption>/i.exec(text.slice(s, e));
      if (caption) {
        const t = collapseSpace(decodeEntities(caption[1].replace(/<[^>]*>/g, "")));
        if (t) add({ row: { file, line: at(s + caption.index).line }, cells: null }, t, null);
      }
      // Its rows, as read from the masked page (a table without rows may not be listed there).
      const line = at(s).line;
      while (ri < read.length && read[ri].firstLine < line) ri++;
      const table = ri < read.length && read[ri].firstLine === line ? read[ri++] : null;
      for (const r of table?.rows ?? [])
        add(
          { row: { file, line: r.line }, cells: mapArray(r.cells, (c): SourceLocation => ({ file, line: c.line, column: c.column })) },
          "",
          mapArray(r.cells, (c, k) => ({ text: c.text, column: k + 1, ...(c.indent ? { indent: c.indent } : {}) })),
        );
      pos = e;
      continue;
    }
    textUpTo(tag.start);
    pos = tag.end;
    if (!BLOCK.has(tag.name)) continue;
    flush();
    if (!tag.close) {
      heading = HEADING_TAG.test(tag.name);
      centred = tag.name === "center" || /text-align\s*:\s*center|align\s*=\s*["']?center/i.test(tag.attrs);
    }
  }
  textUpTo(text.length);
  flush();
  return { lines: gridLines(entries), places, columnStarts, columnRuns };
}
