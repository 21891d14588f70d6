/**
 * Lines laid out as pdftotext -layout writes a table: by character, each cell padded to its column (a CJK
 * character counts one, as pdftotext places characters on a grid).
 */
export const pad = (s: string, n: number) => s + " ".repeat(Math.max(1, n - [...s].length));
export const padL = (s: string, n: number) => " ".repeat(Math.max(1, n - [...s].length)) + s;

/**
 * A document of one table as a PDF-to-text converter writes it: the document's title, the table's title and
 * its 单位 line above `lines` (header and rows), each line ending in a newline.
 */
export const layoutTable = (document: string, title: string, unitLine: string, lines: string[]) =>
  [`                    ${document}`, "", `                    ${title}`, "", unitLine, ...lines].join("\n") + "\n";
