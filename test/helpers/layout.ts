/**
 * Lines laid out as pdftotext -layout writes a table: by character, each cell padded to its column (a CJK
 * character counts one, as pdftotext places characters on a grid).
 */
export const pad = (s: string, n: number) => s + " ".repeat(Math.max(1, n - [...s].length));
export const padL = (s: string, n: number) => " ".repeat(Math.max(1, n - [...s].length)) + s;
