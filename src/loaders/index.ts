import { asciiDigits, hasFullWidthDigit } from "../model/names.js";
import { closeSync, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Dirent } from "node:fs";
import { extname, join, relative } from "node:path";
import type { BudgetDocument } from "../model/document.js";
import { defaultTemplate, type DocumentTemplate } from "../templates/index.js";
import { loadCsvFolder } from "./csv.js";
import { decodeTextWithEncoding, type EncodingName } from "./decode.js";
import { InputError } from "./errors.js";
import { headText, isCompoundFileAt, isXmlSpreadsheetFile, officeFileForm, readHead, unreadExtension } from "./office-forms.js";
import { isMhtml } from "./mhtml.js";
import { loadHtmlPage, loadHtmlTables, loadMhtml } from "./web-page.js";
import { loadXmlSpreadsheet } from "./xml-spreadsheet.js";
import { loadXls } from "./xls.js";
import { loadDoc } from "./doc.js";
import { layoutDocument, loadLayoutText } from "./layout/index.js";
import { tabFormLines } from "./layout/tab-form.js";
import { hasPipeTable, pipeTablesAsTabs } from "./pipe-tables.js";
import { hasHtmlTable, htmlTables } from "./html-tables.js";
import { loadMarkdown } from "./markdown.js";
import { chooseReading } from "./cell-forms.js";
import { isHtmlPage } from "./html-page.js";
import { readInputFile } from "./read.js";
import { loadDocx } from "./docx.js";
import { splitString } from "../util/arrays.js";
import { PAIR_WORD_EXT, PAIR_WORKBOOK_EXT, pairDocument, pairOf, type PairFiles } from "./pair.js";

export { InputError } from "./errors.js";
export type { EncodingName } from "./decode.js";

export interface LoadOptions {
  encoding?: EncodingName;
  /** --template: the template to read the document with (default: recognised from the document). */
  template?: DocumentTemplate;
}

/**
 * A text file is either the tab-separated form (a table row per line, cells split by tabs) or the layout
 * form that `pdftotext -layout` writes (cells aligned with spaces, pages split by form feeds): tables
 * printed with tabs make it the first.
 */
export function isTabSeparated(text: string): boolean {
  // pdftotext never writes a tab: one line of tab-separated cells is enough (cells may be padded with
  // spaces, as a pipe table's are once its pipes are tabs).
  return /\S[ \u3000]*\t[\t \u3000]*\S/.test(text);
}

/**
 * A tab-separated document. The tab-separated reader (tables.ts) reads Shenzhen's tables, the seed's form;
 * another province's are read by the layout reader from the same cells laid out on one grid
 * (layout/tab-form.ts), which recognises the template or reads the tables by kind alone (generic). Which
 * reading is kept: `chooseReading` (cell-forms.ts), as for a workbook and a CSV folder.
 */
export function loadTabSeparated(file: string, text: string, template: DocumentTemplate | undefined): BudgetDocument {
  if (template?.name === defaultTemplate.name) return loadMarkdown(file, text, template);
  if (template) return layoutDocument(file, tabFormLines(text), "markdown", { template });
  return chooseReading(
    () => loadMarkdown(file, text, defaultTemplate),
    () => tabFormLines(text),
    (lines, recognised) => layoutDocument(file, lines, "markdown", { template: recognised, recognised: true }),
  );
}

/** A file's size in bytes; null when it cannot be read (its loader says why). */
function fileSize(path: string): number | null {
  try {
    return statSync(path).size;
  } catch {
    return null;
  }
}

/** One input to check: a document file, a CSV folder, a workbook, or a workbook and its 情况说明 (a pair). */
export interface Package {
  path: string;
  kind: "markdown" | "csv" | "xlsx" | "pdf" | "docx";
  /** A folder of a workbook and the document of its written parts (pair.ts): `path` is the folder, `kind` `xlsx`. */
  pair?: PairFiles;
}

const TEXT_EXT = new Set([".md", ".txt", ".markdown"]);
/** A saved web page: read as a text document (html-page.ts). */
const HTML_EXT = new Set([".html", ".htm", ".mht", ".mhtml"]);
/** The extensions of the forms read as documents in a batch folder. */
const READ_EXT = new Set([...TEXT_EXT, ...HTML_EXT, ".pdf", ".ofd", ".xlsx", ".docx", ".xls", ".et", ".doc", ".wps"]);

/** The package kind that reads a document of this form again (a layout-text document is a text file). */
export function packageKind(format: BudgetDocument["format"]): Package["kind"] {
  return format === "layout" ? "markdown" : (format as Package["kind"]);
}

/** What expanding an input found: its packages, inputs that could not be read, and what was skipped and why. */
export interface Discovery {
  packages: Package[];
  /** Each one input's failure (an unreadable folder, a name that is not UTF-8, a broken link); the rest is checked. */
  problems: InputError[];
  /** Harmless skips (a link back to a folder already searched, a report of this tool), said on stderr. */
  skipped: { path: string; why: string }[];
  /** Inputs read as other than their name says (a web page named .xls), said on stderr. */
  notes: { path: string; note: string }[];
}

/** A file of an office name (.doc, .xls …): read as what it holds where that is a form that is read, else its error. */
function officeFile(path: string, ext: string, found: Discovery, form = officeFileForm(path, ext)): void {
  if ("refused" in form) found.problems.push(new InputError(form.refused, { file: path }));
  else {
    found.packages.push({ path, kind: form.kind });
    if (form.holds) found.notes.push({ path, note: `${form.holds} named ${ext}: read as such` });
  }
}

/**
 * Expands a command-line input into packages: a file is one; a folder of CSVs is one; any other folder
 * is a batch, every package below it in path order. Symbolic links inside the tree are followed once
 * (a link to a folder already searched is skipped, so loops end); an unreadable folder or file name
 * is that entry's failure, never the whole batch's.
 */
export function discoverPackages(input: string): Discovery {
  const found: Discovery = { packages: [], problems: [], skipped: [], notes: [] };
  let st;
  try {
    st = statSync(input);
  } catch {
    found.problems.push(new InputError("no such file or folder; expected a document (.md/.txt/.html/.pdf/.docx/.doc), a CSV folder or a workbook (.xlsx/.xls)", { file: input }));
    return found;
  }
  if (st.isFile()) {
    const ext = extname(input).toLowerCase();
    if (ext === ".xlsx") found.packages.push({ path: input, kind: "xlsx" });
    else if (ext === ".pdf") found.packages.push({ path: input, kind: "pdf" });
    else if (ext === ".docx") found.packages.push({ path: input, kind: "docx" });
    else if (ext === ".xml" && isXmlSpreadsheetFile(input)) found.packages.push({ path: input, kind: "xlsx" });
    else if (ext === ".csv") found.problems.push(new InputError("a single CSV is one table; pass the folder that holds the package's CSV files", { file: input }));
    else if (unreadExtension(ext)) officeFile(input, ext, found);
    else {
      // A report of this tool given back to it (its text reads as a 情况说明 without tables): said so.
      const own = ownReport(input);
      if (own) found.problems.push(new InputError(`${own}; give the disclosure it was made from`, { file: input }));
      else found.packages.push({ path: input, kind: "markdown" });
    }
    return found;
  }
  if (!st.isDirectory()) {
    found.problems.push(new InputError("not a file or folder", { file: input }));
    return found;
  }
  const before = found.problems.length;
  walk(input, found, new Set());
  if (found.packages.length === 0 && found.problems.length === before)
    found.problems.push(new InputError(`the folder holds no document (.md/.txt/.html/.pdf/.docx/.doc), CSV package or workbook (.xlsx/.xls) (looked in ${relative(process.cwd(), input) || "."})`, { file: input }));
  return found;
}

/** The packages of one input; throws its first problem (for --previous, which needs exactly one). */
export function findPackages(input: string): Package[] {
  const d = discoverPackages(input);
  if (d.problems.length) throw d.problems[0];
  return d.packages;
}

const why = (e: unknown) => (e as NodeJS.ErrnoException).code ?? "error";

function walk(dir: string, found: Discovery, visited: Set<string>): void {
  try {
    const real = realpathSync(dir);
    if (visited.has(real)) {
      found.skipped.push({ path: dir, why: "a link to a folder already searched (not followed again)" });
      return;
    }
    visited.add(real);
  } catch (e) {
    found.problems.push(new InputError(`the folder cannot be read (${why(e)}); the packages in it were not checked`, { file: dir }));
    return;
  }
  let raw: (Dirent | Dirent<Buffer>)[];
  try {
    // Names as strings; only a folder where one has come back with U+FFFD in it is read again as bytes, to
    // tell a name that is not UTF-8 from one that has the character (a Buffer per name of a 20,000-file
    // batch helped grow the main thread's young generation to its largest for the batch's first seconds).
    raw = readdirSync(dir, { withFileTypes: true });
    if (raw.some((e) => e.name.includes("\uFFFD"))) raw = readdirSync(dir, { withFileTypes: true, encoding: "buffer" });
  } catch (e) {
    found.problems.push(new InputError(`the folder cannot be read (${why(e)}); the packages in it were not checked`, { file: dir }));
    return;
  }
  const entries: { name: string; path: string; kind: "file" | "dir" | "other" }[] = [];
  for (const e of raw) {
    const name = typeof e.name === "string" ? e.name : e.name.toString("utf8");
    const path = join(dir, name);
    if (name.startsWith(".") || name === "node_modules") continue;
    if (typeof e.name !== "string" && !Buffer.from(name, "utf8").equals(e.name)) {
      found.problems.push(new InputError("the file name is not valid UTF-8, so it cannot be named in a report; rename it to have it checked", { file: path }));
      continue;
    }
    let kind: "file" | "dir" | "other" = e.isDirectory() ? "dir" : e.isFile() ? "file" : "other";
    if (e.isSymbolicLink())
      try {
        const t = statSync(path);
        kind = t.isDirectory() ? "dir" : t.isFile() ? "file" : "other";
      } catch (err) {
        found.problems.push(new InputError(`a symbolic link whose target cannot be read (${why(err)})`, { file: path }));
        continue;
      }
    entries.push({ name, path, kind });
  }
  // A CSV package is a folder of tables: its CSVs and at most one text file (the narrative). A folder
  // with several documents (or workbooks) is a batch, each document checked, even when a stray CSV
  // lies among them.
  const files = entries.filter((e) => e.kind === "file");
  const texts = files.filter((e) => TEXT_EXT.has(extname(e.name).toLowerCase()) && !/^readme/i.test(e.name));
  const workbooks = files.filter((e) => extname(e.name).toLowerCase() === ".xlsx" && !e.name.startsWith("~$"));
  if (files.some((e) => /\.csv$/i.test(e.name)) && texts.length <= 1 && workbooks.length === 0) {
    found.packages.push({ path: dir, kind: "csv" });
    return;
  }
  // A workbook and the document of its written parts (公开表.xlsx + 情况说明.docx), and nothing else: one package.
  const pair = entries.some((e) => e.kind === "dir") ? null : pairIn(files);
  if (pair) {
    found.packages.push({ path: dir, kind: "xlsx", pair });
    return;
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    // A browser's "save page, complete" keeps the page's images, scripts and styles in 名称_files beside 名称.html.
    const stem = e.kind === "dir" ? /^(.+)[_.]files$/.exec(e.name)?.[1] : undefined;
    const page = stem === undefined ? undefined : files.find((f) => HTML_EXT.has(extname(f.name).toLowerCase()) && f.name.slice(0, f.name.length - extname(f.name).length) === stem);
    if (page) {
      found.skipped.push({ path: e.path, why: `the files of the saved web page ${page.name}, not documents` });
      continue;
    }
    if (e.kind === "dir") walk(e.path, found, visited);
    else if (e.kind === "file") {
      const ext = extname(e.name).toLowerCase();
      if (ext === ".xlsx" && !e.name.startsWith("~$")) found.packages.push({ path: e.path, kind: "xlsx" });
      else if (ext === ".pdf") found.packages.push({ path: e.path, kind: "pdf" });
      // Excel saves a workbook as "XML Spreadsheet 2003" under an .xml name; any other XML file is not a document.
      else if (ext === ".xml" && isXmlSpreadsheetFile(e.path)) found.packages.push({ path: e.path, kind: "xlsx" });
      // (~$名称.docx is the lock file Word keeps beside a document it has open.)
      else if (ext === ".docx") {
        if (!e.name.startsWith("~$")) found.packages.push({ path: e.path, kind: "docx" });
      } else if ((TEXT_EXT.has(ext) || HTML_EXT.has(ext)) && !/^readme/i.test(e.name)) {
        const own = ownReport(e.path);
        if (own) found.skipped.push({ path: e.path, why: own });
        else found.packages.push({ path: e.path, kind: "markdown" });
      } else if (unreadExtension(ext) && !e.name.startsWith("~$")) {
        // A disclosure kept as .doc / .xls / .ofd: never passed over without a word. One that holds a form that
        // is read is read (a web page under a .xls name); else, beside the same document in a form that is read
        // (部门预算.doc and 部门预算.pdf), a note; else that entry's failure.
        const form = officeFileForm(e.path, ext);
        const stem = e.name.slice(0, e.name.length - ext.length);
        // (A twin of an office name counts only where it is read itself: two damaged files are two failures.)
        const readable = (f: { name: string; path: string }) => {
          const x = extname(f.name).toLowerCase();
          return READ_EXT.has(x) && (!unreadExtension(x) || !("refused" in officeFileForm(f.path, x)));
        };
        const twin = "refused" in form ? files.find((f) => f !== e && f.name.slice(0, f.name.length - extname(f.name).length) === stem && readable(f)) : undefined;
        if (twin && "refused" in form) found.skipped.push({ path: e.path, why: `${form.refused.replace(/; .*$/, "")}; the same document as ${twin.name}, which is checked` });
        else officeFile(e.path, ext, found, form);
      }
    }
  }
}

/**
 * A folder's files when they are a workbook and its written parts (pair.ts): exactly one workbook (.xlsx, .xls, .et)
 * and one Word or text document, every other file one that is not read (a lock file, a README, a report of this
 * tool, an image …). Null otherwise, or when pair.ts finds them no pair.
 */
function pairIn(files: { name: string; path: string }[]): PairFiles | null {
  const workbooks: string[] = [];
  const documents: string[] = [];
  for (const f of files) {
    const ext = extname(f.name).toLowerCase();
    // (Passed over as the search passes them over: Office's lock files, a README, a report of this tool.)
    const office = ext === ".xlsx" || ext === ".docx" || !!unreadExtension(ext);
    if ((office && f.name.startsWith("~$")) || ((TEXT_EXT.has(ext) || HTML_EXT.has(ext)) && (/^readme/i.test(f.name) || ownReport(f.path)))) continue;
    if (PAIR_WORKBOOK_EXT.has(ext)) workbooks.push(f.path);
    else if (PAIR_WORD_EXT.has(ext) || TEXT_EXT.has(ext)) documents.push(f.path);
    // Anything else the search reads or reports (a PDF, a web page, a CSV, an XML spreadsheet, an OFD, an RTF) makes
    // the folder a batch.
    else if (office || READ_EXT.has(ext) || ext === ".csv" || (ext === ".xml" && isXmlSpreadsheetFile(f.path))) return null;
    if (workbooks.length > 1 || documents.length > 1) return null;
  }
  return workbooks.length === 1 && documents.length === 1 ? pairOf(workbooks[0], documents[0], readAlone) : null;
}

/**
 * A text document read alone, as loadPackage reads it (pairing: whether it prints a table). One whose lines set
 * figures apart in columns (five lines or more: a table's rows, tab-separated or laid out) is not read for that.
 */
function readAlone(path: string): BudgetDocument | null {
  const text = decodeTextWithEncoding(readInputFile(path), path).text;
  let rows = 0;
  for (const line of splitString(text, "\n")) if (FIGURES_APART.test(line) && ++rows >= 5) return null;
  return loadTextDocument(path, {});
}

/** Two figures in a line set apart as a table's cells are (a tab, or two spaces or more). */
const FIGURES_APART = /\d[ \u3000]*(?:\t| {2,}|\u3000{2,})[\t \u3000]*-?\d/;

/** One buffer for every file ownReport looks at (the search is serial): no allocation per file. */
const probe = Buffer.allocUnsafe(4096);
const TEXT_SUMMARY = /\n[✔⚠✖] (\d+ errors?, \d+ warnings?, \d+ info|\d+ 个错误，\d+ 个警告)[^\n]*\n$/;

/**
 * A report this tool wrote (`--format markdown` or `text` saved into the batch folder) is not a document
 * to check on the next run: recognised by its first line (`## budget-check <version>`) or its closing
 * summary line. Reads at most 4 KiB from each end.
 */
function ownReport(path: string): string | null {
  let fd: number | null = null;
  try {
    fd = openSync(path, "r");
    const size = fstatSync(fd).size;
    const head = readSync(fd, probe, 0, Math.min(size, 1024), 0);
    if (/^## budget-check \d/.test(probe.toString("utf8", 0, Math.min(head, 64)))) return "a markdown report of budget-check, not a document";
    // The HTML report names itself in its <head> (<meta name="generator" content="budget-check …">).
    if (/<meta name="generator" content="budget-check /.test(probe.toString("utf8", 0, head))) return "an html report of budget-check, not a document";
    const n = readSync(fd, probe, 0, Math.min(size, probe.length), Math.max(0, size - probe.length));
    // The summary is the last line: only it is decoded (0x0a never belongs to another UTF-8 sequence, so
    // the line reads the same as in the whole tail). Decoding 4 KiB of every file of a batch of 20,000 was
    // a third of the search's time, and its garbage grew the main thread's heap by ~40 MB.
    const from = n >= 2 && probe[n - 1] === 0x0a ? probe.lastIndexOf(0x0a, n - 2) : -1;
    if (from >= 0 && TEXT_SUMMARY.test(probe.toString("utf8", from, n))) return "a text report of budget-check, not a document";
  } catch {
    return null; // unreadable: loading it will say so
  } finally {
    if (fd !== null) closeSync(fd);
  }
  return null;
}

export async function loadPackage(pkg: Package, options: LoadOptions = {}): Promise<BudgetDocument> {
  // A workbook and its written parts: the tables read with the template given, the text as it is read alone.
  if (pkg.pair) {
    const tables = await loadPackage({ path: pkg.pair.workbook, kind: "xlsx" }, options);
    const text = pkg.pair.text;
    const written = await loadPackage({ path: text, kind: PAIR_WORD_EXT.has(extname(text).toLowerCase()) ? "docx" : "markdown" }, { encoding: options.encoding });
    return pairDocument(pkg.path, tables, written);
  }
  // An empty file is said to be one, whatever its name (an empty .pdf is no text, an empty .xlsx no damaged zip).
  if (pkg.kind !== "csv" && fileSize(pkg.path) === 0) throw new InputError("the file is empty; expected a budget document", { file: pkg.path });
  switch (pkg.kind) {
    case "markdown":
      return loadTextDocument(pkg.path, options);
    case "csv":
      return loadCsvFolder(pkg.path, options.template, options.encoding);
    case "xlsx": {
      // An Excel 2003 XML spreadsheet (a system's "export to Excel", under an .xls or .xml name) is read without exceljs.
      if (isXmlSpreadsheetFile(pkg.path)) return loadXmlSpreadsheet(pkg.path, options.template);
      // An Excel 97–2003 workbook (.xls, .et), or an .xlsx saved with a password (both compound files).
      if (isCompoundFileAt(pkg.path)) return loadXls(pkg.path, options.template);
      // exceljs is large: loaded only when an input is a workbook.
      const { loadXlsx } = await import("./xlsx.js");
      return loadXlsx(pkg.path, options.template);
    }
    case "docx":
      // A Word 97–2003 document (.doc, .wps), or a .docx saved with a password (both compound files).
      if (isCompoundFileAt(pkg.path)) return await loadDoc(pkg.path, options.template);
      return await loadDocx(pkg.path, options.template);
    case "pdf": {
      // An OFD document (a zip archive; a PDF never starts with one) is read as a PDF is, without pdfjs.
      const head = readHead(pkg.path);
      if (head && head.length >= 4 && head.readUInt32LE(0) === 0x04034b50) {
        const { loadOfd } = await import("./ofd.js");
        return loadOfd(pkg.path, { template: options.template });
      }
      // pdfjs is large: loaded only when an input is a PDF.
      const { loadPdf } = await import("./pdf/index.js");
      return loadPdf(pkg.path, { template: options.template });
    }
  }
}

/** A text file (a document as text, a web page, a single-file web page) read into the document model. */
function loadTextDocument(path: string, options: LoadOptions): BudgetDocument {
  const bytes = readInputFile(path);
  // A single-file web page (.mht, or an "export to Word" under a .doc name): its HTML part, read as a web page.
  // (Its first byte is a header's first letter: a text document's seldom is, and it is not looked at further.)
  const first = bytes[0] | 0x20;
  if (first >= 0x61 && first <= 0x7a) {
    const head = headText(bytes.subarray(0, 8192));
    if (head !== null && isMhtml(head)) return loadMhtml(path, bytes, options.template, options.encoding);
  }
  const decoded = decodeTextWithEncoding(bytes, path, options.encoding);
  const encoding = decoded.encoding;
  // Full-width digits (a word processor's full-width mode: 表１, ２０２３年, a code ３０１) read as the digits they are, one
  // character for one, so every line and column stays where it is printed (a quote shows them as ASCII digits).
  // One pattern over the text: ~17 µs for the seed's 25,000 characters.
  const digits = hasFullWidthDigit(decoded.text) ? asciiDigits(decoded.text) : decoded.text;
  const text = hasPipeTable(digits) ? pipeTablesAsTabs(digits) : digits;
  // Tables written in HTML (a row or two of it in the prose, or a mention of <table>, is not that).
  const doc = isHtmlPage(text)
    ? loadHtmlPage(path, text, options.template)
    : hasHtmlTable(text) && htmlTables(text).some((t) => t.rows.length >= 2)
    ? loadHtmlTables(path, text, options.template)
    : isTabSeparated(text)
      ? loadTabSeparated(path, text, options.template)
      : loadLayoutText(path, text, { template: options.template });
  doc.encoding = encoding;
  return doc;
}
