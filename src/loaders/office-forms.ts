/*
 * The forms a department keeps its disclosure in that budget-check does not read — a Word or WPS document, a
 * workbook of Excel 97–2003, an OFD file — told by their name's extension or their first bytes, each with
 * what to give instead. Read as text, such a file failed as not valid GB18030, or as holding no table,
 * which told the user nothing of what to do; in a batch folder it was passed over without a word.
 */

const WORD = "save it as PDF (or as text, .txt) to have it checked";
const SHEET = "save it as an Excel workbook (.xlsx) to have it checked";

/** By extension: what the file is, and what to give instead. */
const BY_EXTENSION: Record<string, string> = {
  ".doc": `a Word 97–2003 document (.doc) is not read; ${WORD}`,
  ".docx": `a Word document (.docx) is not read; ${WORD}`,
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

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const startsWith = (bytes: Uint8Array, magic: number[]) => bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

/**
 * A file given as text whose first bytes say it is an Office 97–2003 compound file or a zip package (.docx,
 * .xlsx, .ofd under another name): what it is and what to give instead; null for anything else.
 */
export function unreadContent(bytes: Uint8Array): string | null {
  if (startsWith(bytes, OLE2)) return "an Office 97–2003 file (Word .doc, Excel .xls or WPS), not text, is not read; save a document as PDF or text, a workbook as .xlsx";
  if (startsWith(bytes, ZIP)) return "a zip package (a Word .docx, an OFD or an archive), not text, is not read; save a document as PDF or text, pass a workbook as .xlsx, unpack an archive";
  return null;
}
