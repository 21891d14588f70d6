import type { Box } from "../../model/location.js";
import type { PageTurn } from "../../model/page-turn.js";

/*
 * The layout form: text laid out on pages as printed, in reading order. `pdftotext -layout` output gives
 * it as text (columns aligned with spaces, pages split by form feeds); the PDF loader gives it from the
 * positions of the PDF's text items. One loader (layout/index.ts) turns either into the document model,
 * so nothing downstream knows which form a document came from.
 */

/** A run of printed text on a line: a cell's content or a word of the text. */
export interface LayoutToken {
  text: string;
  /** Left and right edge on the line, in the line's unit: characters for text, PDF points for PDF. */
  x0: number;
  x1: number;
  /** Where the token is printed on its PDF page (PDF input only). */
  box?: Box;
  /** The 1-based character column of its cell in the file, where x is not one (tab-separated input). */
  column?: number;
  /**
   * The 0-based index of its cell in its row (tab-separated input): the cells of one index share a column of
   * the document's grid, whatever x a label centred in it or a figure at its right edge has.
   */
  cell?: number;
  /** The file's line of its cell, where that is not the line's (an HTML table's cell written over lines). */
  line?: number;
  /**
   * How far the text is indented in its cell, in the line's unit (tab-separated input: the width of the
   * spaces before it, a full-width space two). Its x0 is its cell's left edge, the same for every row.
   */
  indent?: number;
}

export interface LayoutLine {
  /** 1-based printed page: form feeds counted in text, the page number in a PDF; 0 where the form has no pages (tab-separated text). */
  page: number;
  /** 1-based line number of the whole input: the file's line for text, the reconstructed line for PDF. */
  line: number;
  /** The line as text (tokens joined by the spaces that separate them). */
  text: string;
  /**
   * The file's line, where `line` is a position of its own: the rows of an HTML table written on one line
   * of the file follow each other at fractions of it (147.00001, 147.00002 …), so that what compares lines
   * sees them in order and apart.
   */
  at?: number;
  /** Marked as a heading where the form marks one (a Markdown heading in the tab-separated form). */
  heading?: boolean;
  /**
   * The line as it is in the file, where `text` is without its markup (## 标题, - 目录项, **强调** in the
   * tab-separated form): what a written part keeps, so that a figure's column is the file's.
   */
  raw?: string;
  /**
   * A PDF page shown turned by its /Rotate (clockwise degrees): the line is read as the page is shown, its
   * tokens' boxes are in the page's own coordinates, where the text runs along y (90, 270) or back along x (180).
   */
  turn?: PageTurn;
  /** Characters of the printed line before `text` starts (a form feed): added to a token's column. */
  columnOffset?: number;
  /**
   * The line's tokens, left to right. Given by the PDF loader from item positions; for text input the
   * layout loader splits `text` itself (runs of two or more spaces separate cells).
   */
  tokens?: LayoutToken[];
}
