/*
 * The forms a department keeps its disclosure in that budget-check does not read — an old Word or a WPS document, a
 * workbook of Excel 97–2003, an OFD file — told by their name's extension, each with what to give instead.
 * Read as text, such a file failed as a binary file, as not valid GB18030 or as holding no table, which told
 * the user nothing of what to do; in a batch folder it was passed over without a word. (A file of another
 * name holding one is a binary file to the text loader, and said so.)
 */

const WORD = "save it as .docx or PDF (or as text, .txt, or as a web page, .htm) to have it checked";
const SHEET = "save it as an Excel workbook (.xlsx) to have it checked";

/** By extension: what the file is, and what to give instead. */
const BY_EXTENSION: Record<string, string> = {
  ".doc": `a Word 97–2003 document (.doc) is not read; ${WORD}`,
  ".wps": `a WPS document (.wps) is not read; ${WORD}`,
  ".rtf": `a rich-text document (.rtf) is not read; ${WORD}`,
  ".xls": `an Excel 97–2003 workbook (.xls) is not read; ${SHEET}`,
  ".et": `a WPS spreadsheet (.et) is not read; ${SHEET}`,
  ".ofd": "an OFD document (.ofd) is not read; export it as PDF to have it checked",
};

/** What a file of this extension (lower case, with its dot) is and what to give instead; null for any other. */
export function unreadExtension(ext: string): string | null {
  return BY_EXTENSION[ext] ?? null;
}
