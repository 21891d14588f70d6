import type { TextLine, TextPart } from "../model/document.js";
import type { SourceLocation } from "../model/location.js";
import { fileColumnOf, hasFileColumns } from "../model/text-columns.js";
import { mapArray, splitString } from "../util/arrays.js";

/**
 * A written part read as running text. Published text breaks sentences across lines and pages
 * ("本年采购完" / blank line / "成。"); blank lines are already dropped by the loader. A line that does not
 * end a sentence is joined to the next one directly; a line that ends one (。；：!?) or a heading, a table
 * row or a list item starts a new paragraph (separated by "\n").
 *
 * The text is normalised character for character (full-width ，：；（） → , : ; ( )), so an offset in
 * `text` is an offset in the printed line: `at(offset)` gives the line and 1-based column.
 */
export interface JoinedText {
  text: string;
  file: string;
  at(offset: number): SourceLocation;
  /** Where line `line`, column `column` of the part is printed (a workbook's text sheet: its column A cell). */
  place(line: number, column?: number): SourceLocation;
  /** The part's line number at an offset of `text`. */
  lineAt(offset: number): number;
  /** Paragraphs: [start, end) offsets in `text`. */
  paragraphs: { start: number; end: number }[];
  /** Tab-separated table rows inside the part, as printed. */
  rows: { line: number; cells: { text: string; column: number }[] }[];
}

/**
 * The full-width characters normalisePunctuation replaces, by code point from U+FF01: ！ ％ （ ） ， ． the digits
 * ０–９ ： ； ？. Each is its ASCII character plus 0xFEE0 (！ U+FF01 is ! U+0021, ０ U+FF10 is 0 U+0030).
 */
const FULL_WIDTH = new Uint8Array(0xff1f - 0xff01 + 1);
for (const c of "！％（），．０１２３４５６７８９：；？") FULL_WIDTH[c.charCodeAt(0) - 0xff01] = 1;

/**
 * Full-width punctuation and digits to ASCII, one character for one, so offsets stay those of the printed line
 * (一般公共服务支出（类）８，２９０．６８万元 is read as 8,290.68万元).
 *
 * One pass over the characters, copying the runs between replaced ones: the two global replacements with a
 * function per match it replaces (full-width punctuation, then digits) were 1.4% of a warm document's samples,
 * run on every line of the written parts (docs/performance.md, "Sixteenth pass").
 */
export function normalisePunctuation(s: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xff01 || c > 0xff1f || FULL_WIDTH[c - 0xff01] === 0) continue;
    out += s.slice(from, i) + String.fromCharCode(c - 0xfee0);
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

const ENDS_SENTENCE = /[。;:!?]$/;
const HEADING = /^#+\s/;
// `1.` or `1、` starts an item; `270.00万元` (an amount carried onto the next line) does not.
const LIST_ITEM = /^(\d+\s*(?:、|\.(?!\d))|[(][一二三四五六七八九十\d]+[)]|[一二三四五六七八九十]+、)/;

/**
 * A section's heading printed as a line of its own (一、深圳市科学技术协会(本级)): it ends there, although no
 * punctuation says so; the text after it is a paragraph of its own.
 */
const SECTION_HEADING = /^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))[^,;:。!?\d]{2,30}$/;

/** A first line's indent in the layout forms: one to six columns in from the page's margin. */
const FIRST_LINE_INDENT = 6;
const leadOf = (s: string) => s.length - s.trimStart().length;

/**
 * The left margin of the part's prose on each printed page (layout and PDF input, whose lines keep the
 * page's indentation): the least indentation of its lines there.
 */
function marginsByPage(part: TextPart): Map<number, number> {
  const margins = new Map<number, number>();
  for (const l of part.lines)
    if (l.page && l.text.trim() && !l.text.includes("\t")) margins.set(l.page, Math.min(margins.get(l.page) ?? Infinity, leadOf(l.text)));
  return margins;
}

/** A Chinese character, or the punctuation only Chinese prose prints (full-width ，：；（） are ASCII by now). */
const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’《》]/;
const SPACED_PAIR = /[\u4e00-\u9fff] +[\u4e00-\u9fff]/g;

/**
 * A line printed with a space between its characters: pdftotext -layout spreads a justified line so (国 家 信 访
 * 局 2026 年 一 般 公 共 预 算 当 年 财 政 拨 款 · 其 中 ： 一 般 公 共 预 算 拨 款 收 入 5,753.07 万 元). Three
 * spaced pairs of Chinese characters at least: prose printed normally has none.
 */
function letterSpaced(body: string): boolean {
  // (Asked of every line of the written parts, most of which print no space at all: a plain test first, and the
  // pattern's own exec after it, not matchAll, which copies the pattern for every line.)
  if (!body.includes(" ")) return false;
  SPACED_PAIR.lastIndex = 0;
  let n = 0;
  while (SPACED_PAIR.exec(body)) if (++n >= 3) return true;
  return false;
}

/** A letter-spaced line without the spaces beside a Chinese character: its runs of kept characters, each with its offset in the line. */
function unspaced(body: string): { text: string; from: number }[] {
  const runs: { text: string; from: number }[] = [];
  let from = 0;
  for (let i = 0; i < body.length; ) {
    if (body[i] !== " ") {
      i++;
      continue;
    }
    let j = i;
    while (j < body.length && body[j] === " ") j++;
    // Spaces between two figures, or two words of Latin letters, stay: only a Chinese neighbour makes them a gap.
    if (i > 0 && j < body.length && (CJK.test(body[i - 1]) || CJK.test(body[j]))) {
      if (i > from) runs.push({ text: body.slice(from, i), from });
      from = j;
    }
    i = j;
  }
  if (from < body.length) runs.push({ text: body.slice(from), from });
  return runs;
}

const GAP = /\s{2,}/g;
/** A UTF-16 code unit of the CJK Unified Ideographs block (U+4E00–U+9FFF): a Chinese character. */
const isHan = (c: number) => c >= 0x4e00 && c <= 0x9fff;

/**
 * A piece of text without the single spaces between two Chinese characters: its runs, each with its offset.
 * (Asked of every piece of every line of the written parts: each space found by indexOf and its two neighbours
 * compared, not a pattern with a look-behind run by matchAll, which copied the pattern for every piece with a space.)
 */
function hanJoined(piece: string): { text: string; from: number }[] {
  let at = piece.indexOf(" ");
  if (at < 0) return [{ text: piece, from: 0 }];
  const out: { text: string; from: number }[] = [];
  let from = 0;
  for (; at >= 0; at = piece.indexOf(" ", at + 1)) {
    if (at === 0 || !isHan(piece.charCodeAt(at - 1)) || !isHan(piece.charCodeAt(at + 1))) continue;
    out.push({ text: piece.slice(from, at), from });
    from = at + 1;
  }
  out.push({ text: piece.slice(from), from });
  return out;
}

/**
 * Inline math a PDF-to-Markdown converter writes for what it took for a formula ($15\%$, $2,247$, $\leq$ 100%): what
 * it prints, in plain characters. Only math of figures, signs and a few commands is read so (a dollar sign of money,
 * $100 and $200, is left as printed).
 */
const INLINE_MATH = /\$([^$\n]{1,60})\$/g;
const PLAIN_MATH = /^(?:[\d.,%\s{}()+\-~<>=:/]|\\(?:%|,|;|!| |leq|geq|le|ge|times|sim|approx|cdot|mathrm|text))*$/;
/** A command or a mark of math, and what it prints ("": nothing). */
const MATH_MARK = /\\(?:leq|geq|le|ge|times|sim|approx|cdot|mathrm|text|%|,|;|!| )|[{}\s]/g;
const MATH_PRINTS: Record<string, string> = { "\\leq": "≤", "\\le": "≤", "\\geq": "≥", "\\ge": "≥", "\\times": "×", "\\sim": "~", "\\approx": "≈", "\\cdot": "·", "\\%": "%" };

/**
 * A line's text without its inline math's markup: its runs of characters as printed, each with its offset in the line
 * (a figure in math keeps the column it is printed at). One run, the line, where it prints no `$`.
 */
function withoutMath(body: string): { text: string; from: number }[] {
  if (!body.includes("$")) return [{ text: body, from: 0 }];
  const runs: { text: string; from: number }[] = [];
  let from = 0;
  for (const m of body.matchAll(INLINE_MATH)) {
    if (!PLAIN_MATH.test(m[1])) continue;
    if (m.index > from) runs.push({ text: body.slice(from, m.index), from });
    const inner = m.index + 1;
    let at = 0;
    for (const k of m[1].matchAll(MATH_MARK)) {
      if (k.index > at) runs.push({ text: m[1].slice(at, k.index), from: inner + at });
      const prints = MATH_PRINTS[k[0]];
      if (prints) runs.push({ text: prints, from: inner + k.index });
      at = k.index + k[0].length;
    }
    if (at < m[1].length) runs.push({ text: m[1].slice(at), from: inner + at });
    from = m.index + m[0].length;
  }
  if (from === 0) return [{ text: body, from: 0 }];
  if (from < body.length) runs.push({ text: body.slice(from), from });
  return runs;
}

/** A line's text in pieces between gaps of two spaces or more, each with its offset; `space`: a gap before it. */
function gapless(body: string): { text: string; from: number; space: boolean }[] {
  if (!/\s\s/.test(body)) return [{ text: body, from: 0, space: false }];
  const out: { text: string; from: number; space: boolean }[] = [];
  let from = 0;
  for (const m of body.matchAll(GAP)) {
    if (m.index > from) out.push({ text: body.slice(from, m.index), from, space: out.length > 0 });
    from = m.index + m[0].length;
  }
  if (from < body.length) out.push({ text: body.slice(from), from, space: out.length > 0 });
  return out;
}

/** The right end of a printed line: its indentation and its characters (pdftotext -layout counts a CJK character as one). */
const endOf = (s: string) => s.trimEnd().length;

/**
 * Does the part begin its paragraphs with a first-line indent (a line one to six columns in from its page's
 * margin after a line at the margin), twice at least? And the right end of its longest line on each page (a
 * letter-spaced line aside).
 */
function paragraphShape(part: TextPart, margins: Map<number, number>): { indented: boolean; edges: Map<number, number> } {
  let starts = 0;
  let prevAtMargin = false;
  const edges = new Map<number, number>();
  for (const l of part.lines) {
    if (!l.page || l.text.includes("\t") || !l.text.trim()) continue;
    const indent = leadOf(l.text) - (margins.get(l.page) ?? 0);
    if (prevAtMargin && indent >= 1 && indent <= FIRST_LINE_INDENT) starts++;
    prevAtMargin = indent === 0;
    // (A letter-spaced line's spaces are the justification's, not its reach.)
    if (!letterSpaced(l.text)) edges.set(l.page, Math.max(edges.get(l.page) ?? 0, endOf(l.text)));
  }
  return { indented: starts >= 2, edges };
}

/** How a list item is numbered (1． · （一） · 一、), or null for a line that is none. */
function itemNumbering(body: string): string | null {
  const m = LIST_ITEM.exec(body);
  return m ? (m[0].startsWith("(") ? "(" : /^\d/.test(m[0]) ? "1" : "一") : null;
}

/**
 * The longest line of a part printed without pages (a Word document's paragraphs, a text file's lines), in characters:
 * a line well short of it was not wrapped where it ends.
 */
function longestLine(part: TextPart): number {
  let n = 0;
  for (const l of part.lines) if (!l.page && !l.text.includes("\t")) n = Math.max(n, l.text.trim().length);
  return n;
}

/** A sentence's end that a paragraph may go on after: 。 or ；, not a heading's or a list's colon. */
const ENDS_CLAUSE = /[。;]$/;
/** How far along its page's longest line a line must reach to have been wrapped there rather than ended. */
const WRAPPED_SHARE = 0.8;

export function joinPart(part: TextPart, file: string): JoinedText {
  let text = "";
  const segments: { start: number; line: number; column: number }[] = [];
  const rows: JoinedText["rows"] = [];
  let prevBreaks = true;
  // A line indented from its page's margin, after a line at the margin, begins a paragraph (a first-line
  // indent) even where the line before does not end a sentence ("……（如持平作持平表述）" / "  按上述格式……").
  const margins = marginsByPage(part);
  // In a part whose paragraphs begin indented, a line at the margin after a long line ending in 。 goes on with its
  // paragraph: the sentence ended where the line was wrapped (…总预算12,021.72万元。 / 收入包括：…).
  const shape = paragraphShape(part, margins);
  let prevWrappedStop = false;
  let prevAtMargin = false;
  let prevColonFirst = false;
  // A list of items that each end their line short of the margin without punctuation (1．某局机关（行政单位） / 2．某中心…):
  // the numbering of the line before, where it was such an item.
  const longest = longestLine(part);
  let prevBareItem: string | null = null;
  for (const l of part.lines) {
    if (l.text.includes("\t")) {
      let col = 1;
      rows.push({
        line: l.line,
        cells: mapArray(l.text.split("\t"), (c) => {
          const cell = { text: c.trim(), column: col + (c.length - c.trimStart().length) };
          col += c.length + 1;
          return cell;
        }),
      });
      prevBreaks = true;
      prevColonFirst = false;
      prevWrappedStop = false;
      prevBareItem = null;
      continue;
    }
    const lead = leadOf(l.text);
    const body = normalisePunctuation(l.text.trim());
    const heading = HEADING.test(body);
    const indent = l.page ? lead - (margins.get(l.page) ?? lead) : 0;
    const firstLine = prevAtMargin && indent >= 1 && indent <= FIRST_LINE_INDENT;
    prevAtMargin = !!l.page && indent === 0;
    // …主要用于以下方面： ending a paragraph's indented first line, the paragraph going on at the margin under it: the
    // list it introduces is the paragraph's, not a paragraph of its own (its shares are of the total before it).
    const continued = (prevColonFirst || prevWrappedStop) && !!l.page && indent === 0 && !heading && !LIST_ITEM.test(body) && !SECTION_HEADING.test(body);
    const newParagraph = (prevBreaks && !continued) || heading || firstLine || LIST_ITEM.test(body);
    if (text && newParagraph) text += "\n";
    // The gaps a justified line was printed with are dropped, and a wider gap (a row of a table laid out with
    // spaces, read as text) is one space: each run of characters kept is a segment of its own, so that an
    // offset still gives the column the character is printed at. (A run of thousands of spaces made the
    // readers' patterns, whose words may be letter-spaced, take minutes.)
    // One space between two Chinese characters is dropped too: a line wrapped in its source and read as a space
    // (政府采 购, 人员 支出), which no sentence prints on purpose.
    // (Inline math's markup is dropped first: $15\%$ is 15%, each kept character at its column.)
    for (const bare of withoutMath(body))
      for (const run of letterSpaced(bare.text) ? unspaced(bare.text) : [{ text: bare.text, from: 0 }])
        for (const piece of gapless(run.text)) {
          if (piece.space) text += " ";
          for (const word of hanJoined(piece.text)) {
            segments.push({ start: text.length, line: l.line, column: lead + 1 + bare.from + run.from + piece.from + word.from });
            text += word.text;
          }
        }
    prevBreaks = heading || ENDS_SENTENCE.test(body.replace(/\*+$/, "")) || SECTION_HEADING.test(body);
    // An item of a list whose items each stand alone on a short line without punctuation ends its paragraph at its line as
    // they do, the last one too: the line after it (从人员构成看，…) opens a paragraph of its own, not the item's tail. A
    // line that reaches its page's margin (or, without pages, near the part's longest line) may have been wrapped, and
    // goes on as before.
    const numbering = itemNumbering(body);
    const short = l.page ? endOf(l.text) < WRAPPED_SHARE * (shape.edges.get(l.page) ?? Infinity) : body.length < WRAPPED_SHARE * longest;
    const bare = !prevBreaks && !heading && numbering !== null && short;
    if (bare && prevBareItem === numbering) prevBreaks = true;
    prevBareItem = bare ? numbering : null;
    prevColonFirst = !!l.page && !heading && indent >= 1 && indent <= FIRST_LINE_INDENT && body.endsWith(":");
    prevWrappedStop =
      shape.indented && !!l.page && !heading && !SECTION_HEADING.test(body) && ENDS_CLAUSE.test(body) && endOf(l.text) >= WRAPPED_SHARE * (shape.edges.get(l.page) ?? Infinity);
  }
  const paragraphs: JoinedText["paragraphs"] = [];
  let start = 0;
  for (const chunk of splitString(text, "\n")) {
    paragraphs.push({ start, end: start + chunk.length });
    start += chunk.length + 1;
  }
  const byLine = new Map<number, TextLine>();
  for (const l of part.lines) byLine.set(l.line, l);
  const place = (line: number, column?: number): SourceLocation => lineLocation(part, byLine.get(line) ?? { line, text: "" }, column);
  const segmentAt = (offset: number) => {
    let lo = 0;
    let hi = segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segments[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return segments[lo];
  };
  const at = (offset: number): SourceLocation => {
    const s = segmentAt(offset);
    return s ? place(s.line, s.column + (offset - s.start)) : part.location;
  };
  const lineAt = (offset: number) => segmentAt(offset)?.line ?? part.location.line ?? 0;
  return { text, file, at, place, lineAt, paragraphs, rows };
}

/**
 * Where a written line's character `column` (1-based in the line's text; none: the line) is printed. A line read
 * from a workbook's or a CSV folder's row of text, or a web page's paragraph, says where it is printed itself (its
 * `place`), and a web page's paragraph where its characters stand (model/text-columns.ts); layout and PDF text
 * keep the printed page.
 */
export function lineLocation(part: TextPart, l: TextLine, column?: number): SourceLocation {
  const file = part.location.file;
  const at = l.place;
  const fileColumn = column && hasFileColumns(l) ? fileColumnOf(l, column - 1) : undefined;
  // (A Word document's paragraph says its page too.)
  const page = at?.page ? { page: at.page } : null;
  if (at && fileColumn) return { file: at.file, line: at.line, column: fileColumn, ...page };
  // (A worksheet's or a Word table's cell holds a paragraph of several figures, two of them maybe alike (0 万元 and
  // 0 万元): the figure's character in the cell's text tells them apart.)
  if (at) return at.sheet ? { file: at.file, sheet: at.sheet, cell: at.cell, ...(column ? { column } : {}), ...page } : { file: at.file, line: at.line, ...(column && at.column === 1 ? { column } : {}), ...page };
  const sheet = part.location.sheet;
  if (sheet) return { file, sheet, cell: `A${l.line}`, ...(column ? { column } : {}) };
  // (A laid-out line after a form feed: its characters stand one column right of their place in its text.)
  const loc: SourceLocation = column ? { file, line: l.line, column: fileColumn ?? column } : { file, line: l.line };
  return l.page ? { ...loc, page: l.page } : loc;
}
