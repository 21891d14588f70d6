import type { Box } from "../../model/location.js";
import type { LayoutLine, LayoutToken } from "../layout/types.js";

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
 * writer split into several show-text operations); wider than CELL_EM inside one item, a run of spaces
 * separates two cells the writer put in one item.
 */
const JOIN_EM = 0.3;
const SPACE_EM = 0.12;
const CELL_EM = 1.5;
const LETTER_SPACED = /^(?:\S ){3,}\S$/u;
/** Items on one line when their baselines differ by less than this share of the smaller font size. */
const BASELINE_EM = 0.45;

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

/**
 * One item into pieces: its text without the spaces around it, split where a run of spaces is wide
 * enough to separate cells (positions inside the item are estimated from its share of characters).
 */
function pieces(item: PdfTextItem): Piece[] {
  if (!item.str || !item.str.trim()) return [];
  // Letter-spaced (justified) Chinese text: pdfjs puts a space between every character; the printed
  // words have none (`2 0 2 6 年 本 部 门` is `2026年本部门`, as pdftotext writes it).
  if (LETTER_SPACED.test(item.str.trim()) && /\p{Script=Han}/u.test(item.str)) item = { ...item, str: item.str.replace(/(\S) (?=\S)/gu, "$1") };
  const fs = item.fontSize > 0 ? item.fontSize : 10;
  const perChar = item.width / [...item.str].length;
  const out: Piece[] = [];
  let cur: { text: string; start: number; end: number } | null = null;
  let pos = 0;
  for (const part of item.str.split(/(\s+)/u)) {
    const len = [...part].length;
    if (/^\s+$/u.test(part)) {
      if (cur && len * perChar > CELL_EM * fs) {
        out.push(piece(cur, item, perChar, fs));
        cur = null;
      } else if (cur) cur.text += part;
    } else if (part) {
      if (cur) {
        cur.text += part;
        cur.end = pos + len;
      } else cur = { text: part, start: pos, end: pos + len };
    }
    pos += len;
  }
  if (cur) out.push(piece({ ...cur, text: cur.text.trimEnd() }, item, perChar, fs));
  return out;
}

function piece(run: { text: string; start: number; end: number }, item: PdfTextItem, perChar: number, fs: number): Piece {
  return { text: run.text, x0: item.x + run.start * perChar, x1: item.x + run.end * perChar, y: item.y, fontSize: fs };
}

/**
 * A page's text items as layout lines: items grouped by baseline (top of the page first), each line's
 * items left to right, items of one word run joined and items holding several cells split; each token
 * keeps its box on the page. Lines are numbered from `firstLine` on.
 */
export function pageLines(page: number, items: PdfTextItem[], firstLine: number): LayoutLine[] {
  const all = items.flatMap(pieces).sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const groups: Piece[][] = [];
  let current: Piece[] = [];
  let baseline = Infinity;
  let size = 0;
  for (const p of all) {
    if (current.length && Math.abs(baseline - p.y) <= BASELINE_EM * Math.min(size, p.fontSize)) {
      current.push(p);
      continue;
    }
    if (current.length) groups.push(current);
    current = [p];
    baseline = p.y;
    size = p.fontSize;
  }
  if (current.length) groups.push(current);
  return groups.map((g, i) => layoutLine(page, firstLine + i, g));
}

function layoutLine(page: number, line: number, group: Piece[]): LayoutLine {
  group.sort((a, b) => a.x0 - b.x0);
  const runs: Piece[][] = [];
  for (const p of group) {
    const last = runs[runs.length - 1];
    const prev = last?.[last.length - 1];
    if (prev && p.x0 - prev.x1 < JOIN_EM * Math.min(prev.fontSize, p.fontSize)) last.push(p);
    else runs.push([p]);
  }
  const tokens: LayoutToken[] = runs.map((run) => {
    let text = run[0].text;
    for (let i = 1; i < run.length; i++) {
      const gap = run[i].x0 - run[i - 1].x1;
      // A visible gap between Latin letters or digits is a space; CJK text is written without spaces.
      const spaced = gap > SPACE_EM * run[i].fontSize && /[\x21-\x7e]$/.test(text) && /^[\x21-\x7e]/.test(run[i].text);
      text += (spaced ? " " : "") + run[i].text;
    }
    const x0 = run[0].x0;
    const x1 = Math.max(...run.map((p) => p.x1));
    const fs = Math.max(...run.map((p) => p.fontSize));
    const y = Math.min(...run.map((p) => p.y));
    return { text, x0: round2(x0), x1: round2(x1), box: tokenBox(x0, x1, y, fs) };
  });
  return { page, line, text: lineText(tokens, group), tokens };
}

/**
 * The line as text: tokens separated by spaces in proportion to the gap between them (half an em a
 * space), at least two where a gap separates cells, as `pdftotext -layout` writes them.
 */
function lineText(tokens: LayoutToken[], group: Piece[]): string {
  const em = Math.min(...group.map((p) => p.fontSize));
  let text = "";
  for (let i = 0; i < tokens.length; i++) {
    if (i > 0) text += " ".repeat(Math.max(2, Math.min(200, Math.round((tokens[i].x0 - tokens[i - 1].x1) / (em / 2)))));
    text += tokens[i].text;
  }
  return text;
}
