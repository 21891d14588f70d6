import type { Box } from "../../model/location.js";

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
}

export interface LayoutLine {
  /** 1-based printed page: form feeds counted in text, the page number in a PDF. */
  page: number;
  /** 1-based line number of the whole input: the file's line for text, the reconstructed line for PDF. */
  line: number;
  /** The line as text (tokens joined by the spaces that separate them). */
  text: string;
  /** Characters of the printed line before `text` starts (a form feed): added to a token's column. */
  columnOffset?: number;
  /**
   * The line's tokens, left to right. Given by the PDF loader from item positions; for text input the
   * layout loader splits `text` itself (runs of two or more spaces separate cells).
   */
  tokens?: LayoutToken[];
}
