/*
 * A workbook and its 情况说明 as two files (公开表.xlsx + 情况说明.docx): the form a finance office often keeps a
 * department's disclosure in before it is published. Checked one by one, the text was never compared with the
 * tables (the document got only a table-presence warning); as one package, every statement of the text is checked
 * against the workbook's tables, each finding located in its own file.
 *
 * A folder is such a pair when, besides files that are not read, it holds exactly one workbook and one Word or text
 * document and nothing else (no other document, CSV or folder: index.ts walk), and:
 * - the document, read alone as it is read by itself, prints no table (none read, none listed as not read; no Word
 *   table or embedded object in its body) and reads as a disclosure's written parts (a title naming a 预算 or 决算,
 *   statements of amounts);
 * - the workbook is one that is read (a zip archive holding xl/workbook.xml, or an Excel 97–2003 compound file),
 *   prints a table's title, holds no written parts of its own (fewer than three cells state amounts in sentences),
 *   and its tables' titles name the document's year and stage where they name any.
 * Anything else stays two packages, each checked alone as before. The decision is made when the folder is searched
 * (before any worker starts), on the document read once and the workbook's strings: only a folder of exactly these two
 * files costs that reading.
 */
import { statSync } from "node:fs";
import { extname } from "node:path";
import type { BudgetDocument } from "../model/document.js";
import { isCompoundFile } from "./cfb.js";
import { docWithoutTables } from "./doc.js";
import { docxWithoutTables } from "./docx.js";
import { InputError } from "./errors.js";
import { readHead } from "./office-forms.js";
import { readInputFile } from "./read.js";
import { xlsSheets } from "./xls.js";
import { attr, tokens } from "./xml-scan.js";
import { inflatePart, partText, zipParts } from "./zip-limits.js";
import { mapArray } from "../util/arrays.js";

/** A workbook and the document of its written parts, checked as one package (whose `path` is their folder). */
export interface PairFiles {
  workbook: string;
  text: string;
}

/** The extensions of a pair's workbook, and of its document (Word; a text file is the caller's TEXT_EXT). */
export const PAIR_WORKBOOK_EXT = new Set([".xlsx", ".xls", ".et"]);
export const PAIR_WORD_EXT = new Set([".docx", ".doc", ".wps"]);

/** The largest document read to decide (a 情况说明 is well under a megabyte; a larger file is checked alone). */
const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;
/** The largest workbook looked into (as the .xlsx loader reads) and the most its strings may inflate to. */
const MAX_WORKBOOK_BYTES = 100 * 1024 * 1024;
const MAX_PART_BYTES = 64 * 1024 * 1024;

/** An amount stated in a sentence (as the layout reader tells written parts: layout/index.ts writtenPartsOnly). */
const STATED = /[。；，：]/;
const STATED_AMOUNT = /\d(?:[\d,，]*\d)?(?:\.\d+)?\s*(?:万\s*元|元)/;
/** A table's title (or a worksheet's name that is one): 收支预算总表, 一般公共预算财政拨款支出表, 表3 支出总表. */
const TABLE_TITLE = /(?:收支|收入|支出|拨款|经费|预算|决算)[^。，；：]{0,24}表$|^表\s*\d/;
/** The funds' names, whose 预算 names no stage (一般公共预算财政拨款支出决算表 is a 决算's). */
const FUND_NAMES = /一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算/g;

/**
 * The pair of `workbook` and `text` when they are one disclosure's tables and written parts (see above); null
 * otherwise. `readText` reads a text file (.txt, .md) alone as loadPackage does. Never throws: a file that cannot be
 * read (or that a reader fails on) is no pair, and each is then checked, and fails, alone.
 */
export function pairOf(workbook: string, text: string, readText: (path: string) => BudgetDocument | null): PairFiles | null {
  try {
    const written = writtenPartsAlone(text, readText);
    if (!written) return null;
    const strings = workbookStrings(workbook);
    if (!strings) return null;
    const titles = strings.filter((s) => s.length <= 80 && TABLE_TITLE.test(s));
    if (titles.length === 0) return null;
    let stated = 0;
    for (const s of strings) if (STATED.test(s) && STATED_AMOUNT.test(s) && ++stated >= 3) return null;
    // The same disclosure: the year and the stage its tables' titles name, where they name one.
    const years = new Set(mapArray(titles, (t) => /(20\d\d)\s*年/.exec(t)?.[1]).filter((y) => y));
    if (written.year !== null && years.size && !years.has(String(written.year))) return null;
    const stages = titles.join("\n").replace(FUND_NAMES, "");
    const budget = stages.includes("预算");
    const final = stages.includes("决算");
    if (written.stage === "final" ? budget && !final : final && !budget) return null;
    return { workbook, text };
  } catch {
    return null;
  }
}

/** The document read alone when it prints written parts only; else null (a table read or listed, a Word table or object). */
function writtenPartsAlone(path: string, readText: (path: string) => BudgetDocument | null): BudgetDocument | null {
  const head = readHead(path);
  if (!head || sizeOf(path) > MAX_DOCUMENT_BYTES) return null;
  const ext = extname(path).toLowerCase();
  // (A .doc or .wps that holds a web page or text is read as such alone, not paired.)
  const doc = ext === ".docx" ? docxWithoutTables(path) : PAIR_WORD_EXT.has(ext) ? (isCompoundFile(head) ? docWithoutTables(path) : null) : readText(path);
  return doc && doc.tables.length === 0 && !doc.unknownTables?.length && doc.text.some((p) => p.lines.length > 0) ? doc : null;
}

/** A file's size in bytes (Infinity when it cannot be read). */
function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return Infinity;
  }
}

/**
 * A workbook's worksheet names and the strings of its cells, without reading it as a workbook: an .xlsx's shared and
 * inline strings, an Excel 97–2003 workbook's cells. Null where the file is not a workbook read as one.
 */
function workbookStrings(path: string): string[] | null {
  const head = readHead(path);
  if (!head || sizeOf(path) > MAX_WORKBOOK_BYTES) return null;
  const bytes = readInputFile(path);
  if (isCompoundFile(head)) {
    if (extname(path).toLowerCase() === ".xlsx") return null; // saved with a password
    const { sheets } = xlsSheets(path, bytes);
    const out = mapArray(sheets, (s) => s.name);
    for (const s of sheets) for (const l of s.lines) for (const c of l.cells) if (c.trim()) out.push(c.trim());
    return out;
  }
  const parts = zipParts(bytes, 10_000);
  if (!Array.isArray(parts)) return null;
  const byName = new Map(mapArray(parts, (p) => [p.name.replace(/^\//, ""), p] as const));
  const book = byName.get("xl/workbook.xml");
  if (!book) return null;
  const text = (name: string) => {
    const data = inflatePart(byName.get(name)!, MAX_PART_BYTES);
    return typeof data === "string" ? null : partText(data);
  };
  const workbookXml = text("xl/workbook.xml");
  if (workbookXml === null) return null;
  const out: string[] = [];
  for (const t of tokens(workbookXml)) if (typeof t !== "string" && !t.close && t.local === "sheet") out.push(attr(t.attrs, "name") ?? "");
  for (const name of byName.keys()) {
    if (name !== "xl/sharedStrings.xml" && !/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const xml = text(name);
    if (xml === null) return null;
    // A shared string (<si>) or an inline one (<is>): its runs' text (<t>), a phonetic guide's (<rPh>) left out.
    if (name.startsWith("xl/worksheets/") && !xml.includes("<is>") && !/<\w+:is>/.test(xml)) continue;
    let current: string | null = null;
    let inText = false;
    let phonetic = false;
    for (const t of tokens(xml)) {
      if (typeof t === "string") {
        if (current !== null && inText && !phonetic) current += t;
        continue;
      }
      if (t.local === "si" || t.local === "is") {
        if (t.close) {
          if (current?.trim()) out.push(current.trim());
          current = null;
        } else if (!t.selfClose) current = "";
      } else if (t.local === "t") inText = !t.close && !t.selfClose;
      else if (t.local === "rPh") phonetic = !t.close && !t.selfClose;
    }
  }
  return out;
}

/**
 * The pair as one document: the workbook's tables (and its facts: formulas, hidden rows), the document's written
 * parts before the workbook's own lines of text (a table's notes), each line located in its own file; the title's
 * department and year where the document names them. `path` is the folder; `format` the workbook's (`xlsx`).
 */
export function pairDocument(folder: string, tables: BudgetDocument, written: BudgetDocument): BudgetDocument {
  // (Read alone, the document printed no table when the folder was searched: it is read the same way now.)
  if (written.tables.length || written.unknownTables?.length)
    throw new InputError("read as the written parts of the workbook beside it, but it prints a table of its own; check each file alone", { file: written.path });
  const doc: BudgetDocument = {
    ...tables,
    path: folder,
    department: written.department ?? tables.department,
    year: written.year ?? tables.year,
    // The document's 目录: its tables are the workbook's, which it may number otherwise (its entries name no table).
    contents: [...mapArray(written.contents, (e) => (e.kind === "table" ? { ...e, tableId: null } : e)), ...tables.contents],
    text: [...written.text, ...tables.text],
  };
  if (written.encoding) doc.encoding = written.encoding;
  return doc;
}
