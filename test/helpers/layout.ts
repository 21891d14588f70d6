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
