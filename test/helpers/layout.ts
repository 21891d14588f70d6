/**
 * Lines laid out as pdftotext -layout writes a table: by character, each cell padded to its column (a CJK
 * character counts one, as pdftotext places characters on a grid).
 */
export const pad = (s: string, n: number) => s + " ".repeat(Math.max(1, n - [...s].length));
export const padL = (s: string, n: number) => " ".repeat(Math.max(1, n - [...s].length)) + s;
/**
 * A line of a two-sided table whose expenditure side splits 合计 by fund: the income item and its figure, the
 * expenditure item, then 合计 | 一般公共预算 | 政府性基金预算 | 国有资本经营预算 (or their labels).
 */
export const fundsLine = (income: string, a: string, expenditure: string, xs: string[]) => `${pad(income, 30)}${padL(a, 12)}${padL(expenditure, 28)}${xs.map((x) => padL(x, 14)).join("")}`;

/**
 * A document of one table as a PDF-to-text converter writes it: the document's title, the table's title and
 * its 单位 line above `lines` (header and rows), each line ending in a newline.
 */
export const layoutTable = (document: string, title: string, unitLine: string, lines: string[]) =>
  [`                    ${document}`, "", `                    ${title}`, "", unitLine, ...lines].join("\n") + "\n";

/**
 * A line as pdftotext lays it out: each text starting at the given column (a Chinese character takes two
 * columns of the page, one character of the line).
 */
export function cellsAt(...cells: [number, string][]): string {
  let line = "";
  for (const [col, text] of cells) line = line.padEnd(Math.max(col, line.length + (line ? 1 : 0)), " ") + text;
  return line;
}

/** A small 部门收支总表 (100.00 in, 100.00 out) to stand before a table read by kind. */
export const SMALL_SUMMARY = [
  "                                    部门收支总表",
  "                                                                                           单位：万元",
  "          项       目               预算数                        项   目                   预算数",
  "一、一般公共预算拨款收入                            100.00 一、一般公共服务支出                                100.00",
  "              收   入   总   计             100.00                支   出   总   计              100.00",
  "",
].join("\n");
