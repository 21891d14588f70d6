import type { Box } from "../../model/location.js";
import { AMOUNT_TOKEN, tokenise } from "../layout/tokens.js";
import type { LayoutLine, LayoutToken } from "../layout/types.js";
import { mapArray } from "../../util/arrays.js";

/**
 * A text item of a PDF page as pdfjs gives it, reduced to what the layout needs: the string, where its
 * baseline starts (PDF points, origin bottom-left), its advance width and its font size.
 */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

/**
 * Gaps on a line, in font sizes (em): closer than JOIN_EM, two items are one word run (a word a PDF
 * writer split into several show-text operations).
 */
const JOIN_EM = 0.3;
const SPACE_EM = 0.12;
const LETTER_SPACED = /^(?:\S ){3,}\S$/u;
/**
 * Items on one line when their baselines differ by at most this share of the smaller font size (as
 * pdftotext's maxIntraLineDelta): a name wrapped in a cell whose row is centred vertically stands half
 * a line above the row's code and figures, and belongs to that row.
 */
const BASELINE_EM = 0.5;

/** The figure's box around a token: from a little below the baseline (descenders) to the top of the em. */
export function tokenBox(x0: number, x1: number, baseline: number, fontSize: number): Box {
  return { x: round2(x0), y: round2(baseline - 0.2 * fontSize), width: round2(x1 - x0), height: round2(1.1 * fontSize) };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

interface Piece {
  text: string;
  x0: number;
  x1: number;
  y: number;
  fontSize: number;
}

/** Width of a character in ems, near enough to place a cut inside an item: CJK and full-width one, others half. */
const charWidth = (ch: string) => (/[\u2E80-\uFFEF]/.test(ch) ? 1 : 0.5);
const widthOf = (s: string) => [...s].reduce((w, c) => w + charWidth(c), 0);

/**
 * One item into pieces, cut as the layout text's cells are (layout/tokens.ts): at runs of two or more
 * spaces, and at a single space beside an amount (a spreadsheet export puts two nearly touching cells
 * into one item: `91,016,775.35 一、一般公共服务支出`). A piece's x is placed by its characters' widths.
 */
function pieces(item: PdfTextItem): Piece[] {
  if (!item.str || !item.str.trim()) return [];
  // Letter-spaced (justified) Chinese text: pdfjs puts a space between every character; the printed
  // words have none (`2 0 2 6 年 本 部 门` is `2026年本部门`, as pdftotext writes it).
  const str = LETTER_SPACED.test(item.str.trim()) && /\p{Script=Han}/u.test(item.str) ? item.str.replace(/(\S) (?=\S)/gu, "$1") : item.str;
  const fs = item.fontSize > 0 ? item.fontSize : 10;
  const total = widthOf(str);
  // tokenise counts UTF-16 units, as the slices here do.
  const xAt = (k: number) => item.x + (total ? (widthOf(str.slice(0, k)) / total) * item.width : 0);
  return mapArray(tokenise(str), (t) => ({ text: t.text, x0: xAt(t.x0), x1: xAt(t.x1), y: item.y, fontSize: fs }));
}

/**
 * How close a character drawn again stands to the first (in font sizes): along the line (DUP_ALONG_EM) and across it
 * (DUP_ACROSS_EM), as pdftotext discards duplicated text (its dupMaxPriDelta and dupMaxSecDelta).
 */
const DUP_ALONG_EM = 0.1;
const DUP_ACROSS_EM = 0.2;
/** The height of a band of the page (points) a character is looked up in: two bands either side hold any font up to 40 pt. */
const DUP_BAND = 4;

/**
 * The items without the characters drawn a second time over themselves: a print driver simulates bold for a font
 * that has none (a table's title, its header and 合计 row, a heading) by drawing each glyph run again a fraction of
 * a point to the side; read as drawn, every word and figure came twice (部门收入总表部门收入总表, 42,219.5842,219.58)
 * and no bold table was read. A character is dropped where the same character of about the same size already stands
 * there; an item that loses some of its characters keeps the runs between them, each placed by its characters' widths.
 */
function withoutOverprints(items: PdfTextItem[]): PdfTextItem[] {
  const seen = new Map<string, { x: number; y: number; size: number }[]>();
  const out: PdfTextItem[] = [];
  for (const item of items) {
    const chars = [...item.str];
    const size = item.fontSize > 0 ? item.fontSize : 10;
    const total = widthOf(item.str);
    const xAt = (w: number) => item.x + (total ? (w / total) * item.width : 0);
    let w = 0;
    let run: { text: string; x0: number; x1: number } | null = null;
    let dropped = false;
    const runs: { text: string; x0: number; x1: number }[] = [];
    for (const ch of chars) {
      const x = xAt(w);
      w += charWidth(ch);
      if (!ch.trim()) {
        if (run) run.text += ch;
        continue;
      }
      // (Looked up in bands of the page's height, the character's band and the two either side.)
      const band = Math.floor(item.y / DUP_BAND);
      const near = [-2, -1, 0, 1, 2].some((d) =>
        seen.get(`${ch}|${band + d}`)?.some((p) => Math.abs(p.x - x) < DUP_ALONG_EM * size && Math.abs(p.y - item.y) < DUP_ACROSS_EM * size && Math.abs(p.size - size) < 0.1 * size),
      );
      if (near) {
        dropped = true;
        if (run) runs.push(run);
        run = null;
        continue;
      }
      const key = `${ch}|${band}`;
      const list = seen.get(key);
      if (list) list.push({ x, y: item.y, size });
      else seen.set(key, [{ x, y: item.y, size }]);
      if (run) {
        run.text += ch;
        run.x1 = xAt(w);
      } else run = { text: ch, x0: x, x1: xAt(w) };
    }
    if (run) runs.push(run);
    if (!dropped) out.push(item);
    else for (const r of runs) out.push({ ...item, str: r.text.trimEnd(), x: r.x0, width: r.x1 - r.x0 });
  }
  return out;
}

/**
 * A page's text items as layout lines: items grouped by baseline (top of the page first), each line's
 * items left to right, items of one word run joined and items holding several cells split; each token
 * keeps its box on the page. Lines are numbered from `firstLine` on.
 */
export function pageLines(page: number, items: PdfTextItem[], firstLine: number): LayoutLine[] {
  const all = withoutOverprints(items).flatMap(pieces).sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const groups: Piece[][] = [];
  let current: Piece[] = [];
  let baseline = Infinity;
  let size = 0;
  for (const p of all) {
    if (current.length && Math.abs(baseline - p.y) <= BASELINE_EM * Math.min(size, p.fontSize) + 0.01) {
      current.push(p);
      continue;
    }
    if (current.length) groups.push(current);
    current = [p];
    baseline = p.y;
    size = p.fontSize;
  }
  if (current.length) groups.push(current);
  // The text is indented from the page's leftmost text, as pdftotext -layout indents it (headings and
  // centred titles stand apart from the paragraphs by their indentation).
  const left = Math.min(...mapArray(all, (p) => p.x0));
  return mapArray(straddlingLabels(groups), (g, i) => layoutLine(page, firstLine + i, g, left));
}

function layoutLine(page: number, line: number, group: Piece[], left: number): LayoutLine {
  group.sort((a, b) => a.x0 - b.x0);
  const runs: Piece[][] = [];
  for (const p of group) {
    const last = runs[runs.length - 1];
    const prev = last?.[last.length - 1];
    const gap = prev ? p.x0 - prev.x1 : 0;
    if (prev && gap < JOIN_EM * Math.min(prev.fontSize, p.fontSize) && !cellEdge(last, p, gap)) last.push(p);
    else runs.push([p]);
  }
  const tokens: LayoutToken[] = mapArray(spacedLabels(runs), (run) => {
    let text = run[0].text;
    for (let i = 1; i < run.length; i++) {
      const gap = run[i].x0 - run[i - 1].x1;
      // A visible gap between Latin letters or digits is a space; CJK text is written without spaces.
      const spaced = gap > SPACE_EM * run[i].fontSize && /[\x21-\x7e]$/.test(text) && /^[\x21-\x7e]/.test(run[i].text);
      text += (spaced ? " " : "") + run[i].text;
    }
    const x0 = run[0].x0;
    const x1 = Math.max(...mapArray(run, (p) => p.x1));
    const fs = Math.max(...mapArray(run, (p) => p.fontSize));
    const y = Math.min(...mapArray(run, (p) => p.y));
    return { text, x0: round2(x0), x1: round2(x1), box: tokenBox(x0, x1, y, fs) };
  });
  return { page, line, text: lineText(tokens, group, left), tokens };
}

/** A figure with decimals at a run's end (26919.77, 2,393,588.41): the end of a right-aligned cell's figure. */
const FIGURE_END = /\d\.\d{1,4}$/;
/**
 * A label's start: a Chinese character or a list marker's bracket — not the unit or measure a figure of the text is
 * followed by (5,753.07 万元, 12 辆, letter-spaced apart in a paragraph).
 */
const LABEL_START = /^(?![万亿千百]|元|个|人|辆|次|批|项|倍|台|套|年|月|日|天|名|家|所|条|件|户|吨|亩|平)[\u4e00-\u9fff（(]/;

/**
 * Two cells that nearly touch: a right-aligned figure and a left-aligned label after it, a cell's padding apart
 * (LibreOffice prints 26919.77 | 一、科学技术支出 2.4 pt apart in a two-sided table). Joined, the label took the
 * figure's digits and the row lost its amount.
 */
function cellEdge(run: Piece[], p: Piece, gap: number): boolean {
  return gap > 0.5 && LABEL_START.test(p.text) && FIGURE_END.test(mapArray(run, (x) => x.text).join(""));
}

const SINGLE_HAN = /^[\u4e00-\u9fff]$/;
/** How far apart the characters of a label spaced out over its cell may stand: layout/tokens.ts's four columns (half an em each, as lineText counts them). */
const SPREAD_COLUMNS = 4;

/**
 * A label spaced out to fill its cell (收   入   总   计: single characters an em or so apart) as one run,
 * as the layout text's tokeniser joins it (layout/tokens.ts): otherwise each character is a cell of its own
 * and the row is not the 总计 it is.
 */
function spacedLabels(runs: Piece[][]): Piece[][] {
  const out: Piece[][] = [];
  for (const run of runs) {
    const last = out[out.length - 1];
    const prev = last?.[last.length - 1];
    const single = run.length === 1 && SINGLE_HAN.test(run[0].text);
    if (single && prev && last.every((p) => SINGLE_HAN.test(p.text)) && Math.round((run[0].x0 - prev.x1) / (Math.min(prev.fontSize, run[0].fontSize) / 2)) <= SPREAD_COLUMNS) last.push(run[0]);
    else out.push(run);
  }
  return out;
}

/**
 * The line as text: tokens separated by spaces in proportion to the gap between them (half an em a
 * space), at least two where a gap separates cells, as `pdftotext -layout` writes them.
 */
function lineText(tokens: LayoutToken[], group: Piece[], left: number): string {
  const em = Math.min(...mapArray(group, (p) => p.fontSize));
  let text = " ".repeat(Math.max(0, Math.min(200, Math.round((tokens[0].x0 - left) / (em / 2)))));
  for (let i = 0; i < tokens.length; i++) {
    if (i > 0) text += " ".repeat(Math.max(2, Math.min(200, Math.round((tokens[i].x0 - tokens[i - 1].x1) / (em / 2)))));
    text += tokens[i].text;
  }
  return text;
}

/** A line holding figures or a code: a table row, as opposed to a line of words only. */
const isRow = (g: Piece[]) => g.some((p) => AMOUNT_TOKEN.test(p.text));
const baselineOf = (g: Piece[]) => Math.min(...mapArray(g, (p) => p.y));
const leftOf = (g: Piece[]) => Math.min(...mapArray(g, (p) => p.x0));

/**
 * A label wrapped in a cell of a row that a spreadsheet centres vertically straddles the row: a label
 * of two lines stands half a line above and half a line below the row's code and figures; one of three
 * lines a whole line above and below, its middle line on the row's baseline. A reader sees one name in
 * the row's cell, and so does this: the label's lines are joined, in order, into one token of the row
 * (a row that prints a code left of the label; figures alone are left where they stand). The cell's
 * first line may be indented (leading spaces in the cell: 机关事业单位基本养 / 老保险缴费支出 starts 2 em
 * further left on its second line). Three lines are taken as one label only on a page where two-line
 * labels show that the table centres its cells: where cells are aligned at the top, a line above a row
 * continues the row before.
 */
function straddlingLabels(groups: Piece[][]): Piece[][] {
  const out = [...groups];
  const join = (lines: 2 | 3) => {
    let found = 0;
    for (let i = 0; i + 2 < out.length; i++) {
      const [above, row, below] = [out[i], out[i + 1], out[i + 2]];
      if (isRow(above) || !isRow(row) || isRow(below) || above.length !== 1 || below.length !== 1) continue;
      const em = Math.min(...mapArray(row, (p) => p.fontSize));
      const up = baselineOf(above) - baselineOf(row);
      const down = baselineOf(row) - baselineOf(below);
      const [a, b] = [above[0], below[0]];
      // The row prints its code left of the label (a row of figures alone is a 决算's floating figures).
      const coded = row.some((p) => p.x1 <= Math.min(a.x0, b.x0));
      // The last line starts where the first does, or further left by the first line's indent.
      const aligned = b.x0 <= a.x0 + 1 && a.x0 - b.x0 <= 3 * em;
      const spaced = lines === 2 ? up < em : up >= em && up < 2 * em;
      // A name: between the row's code (类 款 项) and its amounts (text wrapped in a wide column right of
      // the amounts is not one).
      const left = Math.min(a.x0, b.x0);
      const figures = row.filter((p) => AMOUNT_TOKEN.test(p.text));
      const named =
        !figures.some((p) => p.x1 <= left && /[.,]/.test(p.text)) &&
        Math.max(a.x1, b.x1) <=
          Math.min(
            ...mapArray(
              figures.filter((p) => p.x0 > left),
              (p) => p.x0,
            ),
          );
      if (!coded || !aligned || !named || !spaced || Math.abs(up - down) >= 0.2 * em) continue;
      // The middle line of three: the row's piece within the label's x-range (none for two lines).
      const middle = row.find((p) => !AMOUNT_TOKEN.test(p.text) && p.x0 >= b.x0 - 1 && p.x0 < Math.max(a.x1, b.x1) + 1);
      if ((lines === 3) !== !!middle) continue;
      const parts = middle ? [a, middle, b] : [a, b];
      const name: Piece = {
        text: mapArray(parts, (p) => p.text).join(""),
        x0: Math.min(...mapArray(parts, (p) => p.x0)),
        x1: Math.max(...mapArray(parts, (p) => p.x1)),
        y: baselineOf(row),
        fontSize: a.fontSize,
      };
      out.splice(i, 3, [...row.filter((p) => p !== middle), name]);
      found++;
    }
    return found;
  };
  if (join(2) > 0) join(3);
  return out;
}
