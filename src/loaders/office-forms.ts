/*
 * The forms a department keeps its disclosure in that budget-check does not read — an RTF or an OFD file, and files
 * that are not what their name (.doc, .xls …) says — told by their name's extension, each with what to give instead.
 * Read as text, such a file failed as a binary file, as not valid GB18030 or as holding no table, which told
 * the user nothing of what to do; in a batch folder it was passed over without a word. (A file of another
 * name holding one is a binary file to the text loader, and said so.)
 *
 * A file of such a name is looked into first (`officeFileForm`): an Excel 97–2003 workbook (.xls, and WPS's .et) is
 * read (xls.ts), and many others hold a form that is read. A web system's
 * "export to Word" or "export to Excel" writes a web page (HTML) or tab-separated text under a .doc or .xls
 * name, which Word and Excel open as if it were one; a .docx or .xlsx renamed .doc or .xls is a zip archive.
 * Those are read as what they hold, and said so on stderr. An OLE file (the real Word 97–2003, Excel 97–2003
 * and WPS forms) and anything else keeps the error of its name.
 */
import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import { isCompoundFile } from "./cfb.js";
import { isMhtml } from "./mhtml.js";
import { isXmlSpreadsheet } from "./xml-spreadsheet.js";
import { zipParts } from "./zip-limits.js";

const WORD = "save it as .docx or PDF (or as text, .txt, or as a web page, .htm) to have it checked";
const SHEET = "save it as an Excel workbook (.xlsx) to have it checked";

/** By extension: what the file is, and what to give instead. */
const BY_EXTENSION: Record<string, string> = {
  // (A Word 97–2003 or WPS document is read: only a file that is none is refused under these names.)
  ".doc": "not a readable Word 97–2003 document (not a compound file); save it again from Word, or as .docx or PDF, to have it checked",
  ".wps": "not a readable Word 97–2003 document (not a compound file); save it again from Word, or as .docx or PDF, to have it checked",
  ".rtf": `a rich-text document (.rtf) is not read; ${WORD}`,
  // (An Excel 97–2003 or WPS workbook is read: only a file that is none is refused under these names.)
  ".xls": "not a readable Excel 97–2003 workbook (not a compound file); save it again from Excel, or as .xlsx, to have it checked",
  ".et": "not a readable Excel 97–2003 workbook (not a compound file); save it again from Excel, or as .xlsx, to have it checked",
  // (An OFD document is read: only a file that is none is refused under this name.)
  ".ofd": "not a readable OFD document (not a zip archive, or a damaged one); export it again, or as PDF",
};

/** What a file of this extension (lower case, with its dot) is and what to give instead; null for any other. */
export function unreadExtension(ext: string): string | null {
  return BY_EXTENSION[ext] ?? null;
}

/** What a file of an office name holds: a form that is read (the package kind, and what it is where its name does not say: "a web page (HTML)"), or the error. */
export type OfficeFileForm = { kind: "docx" | "xlsx" | "markdown" | "pdf"; holds?: string } | { refused: string };

/** The bytes looked at: enough for a web page's or an XML file's first tags after a long comment or <head>. */
const HEAD_BYTES = 8192;
const head = Buffer.allocUnsafe(HEAD_BYTES);

/** A file's first bytes (up to 8 KiB; a view of a buffer the next call reuses), or null when it cannot be read. */
export function readHead(path: string): Buffer | null {
  let fd: number | null = null;
  try {
    fd = openSync(path, "r");
    return head.subarray(0, readSync(fd, head, 0, HEAD_BYTES, 0));
  } catch {
    return null;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** A file that is a compound (OLE) file (whatever its name). */
export function isCompoundFileAt(path: string): boolean {
  const b = readHead(path);
  return !!b && isCompoundFile(b);
}

/** A file that is an Excel 2003 XML spreadsheet (whatever its name). */
export function isXmlSpreadsheetFile(path: string): boolean {
  const b = readHead(path);
  const text = b && headText(b);
  return !!text && isXmlSpreadsheet(text);
}
/** The largest office-named zip looked into at discovery (its central directory names the form). */
const MAX_ZIP_BYTES = 100 * 1024 * 1024;

/**
 * Looks into a file named .doc, .wps, .rtf, .xls, .et or .ofd (`ext`, lower case with its dot) and says what it
 * holds. Never throws: a file that cannot be read keeps the error of its name (loading nothing).
 */
export function officeFileForm(path: string, ext: string): OfficeFileForm {
  const refused = { refused: BY_EXTENSION[ext] ?? `a ${ext} file is not read` };
  const b = readHead(path);
  if (b === null) return refused;
  const n = b.length;
  const named = `named ${ext}`;
  // A zip archive: an OFD document (read as a PDF is, ofd.ts), or a .docx or .xlsx renamed.
  if (n >= 4 && b.readUInt32LE(0) === 0x04034b50) {
    let parts;
    try {
      const bytes = readFileSync(path);
      parts = bytes.length <= MAX_ZIP_BYTES ? zipParts(bytes, 10_000) : null;
    } catch {
      return refused;
    }
    if (!Array.isArray(parts)) return refused;
    if (parts.some((p) => /^\/?OFD\.xml$/i.test(p.name))) return ext === ".ofd" ? { kind: "pdf" } : { kind: "pdf", holds: "an OFD document (.ofd)" };
    if (parts.some((p) => /^\/?word\/document\.xml$/.test(p.name))) return { kind: "docx", holds: "a Word document (.docx)" };
    if (parts.some((p) => /^\/?xl\/workbook\.xml$/.test(p.name))) return { kind: "xlsx", holds: "an Excel workbook (.xlsx)" };
    return ext === ".ofd" ? { refused: "not an OFD document: the archive holds no OFD.xml; export it again, or as PDF" } : refused;
  }
  // An OLE compound file is the form the name says (or a document saved with a password): an Excel 97–2003 or WPS
  // workbook is read (xls.ts), and so is a Word 97–2003 or WPS document (doc.ts); each says what it is where it is
  // not what its name says.
  if (isCompoundFile(b)) return ext === ".xls" || ext === ".et" ? { kind: "xlsx" } : ext === ".doc" || ext === ".wps" ? { kind: "docx" } : refused;
  // A PDF named .ofd (a system's "export" that kept the name it was asked for).
  if (ext === ".ofd") return n >= 5 && b.toString("latin1", 0, 5) === "%PDF-" ? { kind: "pdf", holds: "a PDF document" } : refused;
  const text = headText(b);
  if (text === null) return n === 0 ? { refused: "the file is empty; expected a budget document" } : refused;
  if (/^\{\\rtf/.test(text)) return ext === ".rtf" ? refused : { refused: `a rich-text document (RTF) ${named} is not read; ${WORD}` };
  if (ext === ".rtf") return refused;
  if (isMhtml(text)) return { kind: "markdown", holds: "a single-file web page (MHTML)" };
  if (isXmlSpreadsheet(text)) return { kind: "xlsx", holds: "an Excel 2003 XML spreadsheet" };
  if (/<\?mso-application\s+progid="Word\.Document"|<w:wordDocument\b/i.test(text)) return { refused: `a Word 2003 XML document ${named} is not read; ${WORD}` };
  const html = /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html\b|head\b|body\b|meta\b|table\b|style\b)/i.test(text) || /<(?:body|table)\b/i.test(text);
  if (html) return { kind: "markdown", holds: "a web page (HTML)" };
  if (/^<\?xml/.test(text)) return { refused: `an XML file ${named} is not read; ${ext === ".xls" || ext === ".et" ? SHEET : WORD}` };
  return { kind: "markdown", holds: "text" };
}

/**
 * The first bytes of a file as text, for what it holds to be told by its first markers (all ASCII): UTF-16 with
 * its byte-order mark, else bytes without NUL read one character a byte (UTF-8 or GB18030 alike); a byte-order
 * mark and leading white space left out. Null for an empty file or one with NUL bytes (binary).
 */
export function headText(b: Buffer): string | null {
  const n = b.length;
  let text: string;
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) {
    const even = b.subarray(2, 2 + ((n - 2) & ~1));
    text = b[0] === 0xff ? even.toString("utf16le") : Buffer.from(even).swap16().toString("utf16le");
  } else if (n === 0 || b.includes(0)) return null;
  else text = b.toString("latin1");
  return text.replace(/^(?:\uFEFF|\u00EF\u00BB\u00BF)/, "").trimStart();
}
