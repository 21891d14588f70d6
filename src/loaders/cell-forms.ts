import { Decimal } from "decimal.js";
import type { BudgetDocument } from "../model/document.js";
import type { SourceLocation } from "../model/location.js";
import { generic } from "../templates/generic.js";
import { defaultTemplate, templateByNumber, templateByTitle, type DocumentTemplate } from "../templates/index.js";
import { chineseNumeral } from "../model/names.js";
import { InputError } from "./errors.js";
import { layoutDocument, recogniseTemplate } from "./layout/index.js";
import { gridLines, type Entry } from "./layout/tab-form.js";
import type { LayoutLine } from "./layout/types.js";
import { headerMismatches } from "./markdown.js";
import { printedTwiceError } from "./tables.js";
import { isTabular, lineText, type RawLine } from "./raw.js";
import { mapArray } from "../util/arrays.js";
import { contentsHeader, tableEntry } from "./contents-tables.js";
import { indentOf } from "./layout/width.js";

/*
 * Documents in cells — a workbook's worksheets, a folder of CSV files, a tab-separated text — of any province.
 * The tab-separated reader (tables.ts) knows Shenzhen's tables by their headers; any other template's are read
 * by the layout reader, which recognises a province's tables by their titles, headers and figures (or reads
 * them by kind alone), from the same cells laid out on one grid (layout/tab-form.ts). A worksheet or CSV file
 * has no lines of its own: its rows are numbered one after the other for the reading, and every location of
 * the document read is then put back where the cell is (sheet and cell, or file, line and column).
 */

/** How many kinds of table a document holds. */
export const kindsOf = (doc: BudgetDocument): number => new Set(mapArray(doc.tables, (t) => t.kind)).size;

/** How many kinds of table a document prints by its titles: those read, and those listed as not read. */
function kindsSeen(doc: BudgetDocument): number {
  const kinds = new Set(mapArray(doc.tables, (t) => t.kind));
  for (const u of doc.unknownTables ?? []) if (u.kind) kinds.add(u.kind);
  return kinds.size;
}

/**
 * Which reading of a document in cells is kept.
 * - The tab-separated reader's goes first: a Shenzhen document costs nothing more than it did. What it reads
 *   as three or more kinds of table is the Shenzhen template's.
 * - Otherwise (it refused the document, or read one or two tables of it) the layout reading is taken when it
 *   recognises a province's template, or reads by kind alone tables of three or more kinds (the bar a
 *   template is recognised by) and more of them.
 * - Else the tab-separated reader's reading, or its error (a document of one or two Shenzhen tables keeps the
 *   error that says what was expected; in one of three kinds or more, a table whose header it cannot match is
 *   listed, not read).
 */
export function chooseReading(shenzhen: () => BudgetDocument, lines: () => LayoutLine[], laidOut: (lines: LayoutLine[], template: DocumentTemplate) => BudgetDocument, names: string[] = []): BudgetDocument {
  let read: BudgetDocument | null = null;
  let refused: unknown = null;
  // Worksheets or files named as another layout numbers its tables (表4 财政拨款收支预算总表, 表5 一般公共预算财政拨款支出预算表
  // where Shenzhen's 表4 and 表5 are its 基本支出总表 and 项目支出总表): not Shenzhen's, whatever kinds the tab-separated
  // reader finds in them (it reads a worksheet it finds no title of its own in by its number). Read by kind alone.
  const otherwise = numberedOtherwise(names, defaultTemplate);
  try {
    read = shenzhen();
    if (kindsOf(read) >= 3 && headerMismatches(read).length === 0 && !otherwise) return read;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    refused = e;
  }
  const laid = lines();
  const recognised = recogniseTemplate(laid);
  // A table whose header is not Shenzhen's is listed, the rest read, only in a document that is Shenzhen's
  // by its titles too; in another province's, it is the sign that the tab-separated reader is the wrong one.
  if (read && headerMismatches(read).length && recognised.name !== defaultTemplate.name) {
    refused = headerMismatches(read)[0];
    read = null;
  }
  // Titles Shenzhen prints too (部门收支总表, 部门收入总表 …) are the national ones: a document the tab-separated reader
  // refused for a table it does not know, although its titles are Shenzhen's, is another province's, read by kind. (Not
  // one it refused for what it read: a table printed twice stays that error.)
  const unknownTable = refused instanceof InputError && /^no standard table found/.test(refused.message);
  // (A province's template recognised by its titles, whose numbers the names contradict, is not taken either.)
  const own = recognised.name !== defaultTemplate.name ? (recognised !== generic && numberedOtherwise(names, recognised) ? generic : recognised) : null;
  // Titles alone do not make a document Shenzhen's: the national ones are its too (收支总表 … 部门整体支出绩效目标表). One
  // whose headers the tab-separated reader cannot match in two tables or more (a single odd header is listed) holds
  // tables laid out as another layout's: read by kind too, and that reading kept where it reads more kinds.
  const misread = read !== null && headerMismatches(read).length >= 2;
  // Refused for a header that is not Shenzhen's (a single-row 收入项目 | 预算数 | 支出项目 | 预算数 where Shenzhen prints 收入 over
  // 项目): the titles Shenzhen shares with the national set say nothing of the headers under them. Read by kind too.
  const notShenzhens = !read && refused instanceof InputError && /the header cannot be matched/.test(refused.message);
  const reading = own ?? ((!read && unknownTable) || otherwise || misread || notShenzhens ? generic : null);
  if (reading) {
    let doc: BudgetDocument | null = null;
    try {
      doc = laidOut(laid, reading);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
    }
    // (A reading of the written parts alone, no table in it, is taken where the tab-separated reader found no
    // table at all; one that found a table it could not read keeps its error, which says what was expected.)
    const noTable = !read && refused instanceof InputError && /^not a budget disclosure/.test(refused.message);
    if (doc && (reading !== generic || (kindsOf(doc) >= 3 && (otherwise || kindsOf(doc) > (read ? kindsOf(read) : 0))) || (doc.tables.length === 0 && noTable))) return doc;
    // A document the tab-separated reader refused for a header that is not Shenzhen's, of three kinds of table or more
    // by its titles, some of which the reading by kind could not read either: what it read, with the others listed as
    // not read and why, rather than the whole document refused with Shenzhen's expectations.
    if (doc && notShenzhens && doc.tables.some((t) => t.rows.length > 0) && kindsSeen(doc) >= 3) return doc;
  }
  // A table the tab-separated reader found printed twice may be a budget unit's own, printed after the department's (a
  // 部门预算 with each unit's 单位预算, model/units.ts): read by kind, a reading that holds the units' sets is taken.
  if (!read && refused instanceof InputError && printedTwiceError(refused) && reading !== generic) {
    try {
      const doc = laidOut(laid, generic);
      if (doc.units?.length) return doc;
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
    }
  }
  if (read) return read;
  throw refused;
}

/**
 * The number a worksheet's or a CSV file's name files its table under (`表3 支出总表`, `T3.csv`, `03-支出总表.csv`;
 * null where it prints none) and the title after it.
 */
export function filedAs(name: string): { number: number | null; title: string } {
  const stem = name.replace(/\.csv$/i, "");
  const m = /(?:^|[^A-Za-z])(?:表|T)\s*(\d+|[一二三四五六七八九十]+)/i.exec(stem) ?? /^(\d+)(?:[-_ ]|$)/.exec(stem);
  return { number: m ? chineseNumeral(m[1]) : null, title: stem.replace(/^(表|T)?\s*\d+[-_ ]*/i, "") };
}

/**
 * Whether worksheets' or files' names number a template's tables as another layout does (the layout reader's
 * `numberedOtherwise` for printed titles): a name whose title is the template's under another number (表4
 * 财政拨款收支预算总表, Shenzhen's 表6), or whose title names a kind other than the template's table of that number
 * (表5 一般公共预算财政拨款支出预算表, Shenzhen's 表5 项目支出总表), disagrees; one under its own number agrees. Two
 * names or more disagreeing, and more than agree (表1–表3, 收支 · 收入 · 支出总表, are numbered alike nearly everywhere).
 */
export function numberedOtherwise(names: string[], tpl: DocumentTemplate): boolean {
  let agree = 0;
  let disagree = 0;
  for (const name of names) {
    const { number, title } = filedAs(name);
    if (number === null || !title.trim()) continue;
    const own = templateByTitle(tpl, title);
    const kind = own ? own.kind : templateByTitle(generic, title)?.kind;
    const numbered = own ?? templateByNumber(tpl, number);
    if (!kind || !numbered) continue;
    if (numbered.number === number && numbered.kind === kind) agree++;
    else disagree++;
  }
  return disagree >= 2 && disagree > agree;
}

/** A worksheet's or a CSV file's lines, with the name it goes by (a title such as 表3 支出总表 is read as one). */
export interface CellSource {
  name: string;
  location: SourceLocation;
  lines: RawLine[];
}

/** Where a line of the reading is: a row's cells, or a line of text (one place). */
export interface Place {
  row: SourceLocation;
  cells: SourceLocation[] | null;
}

/** A worksheet or a file named 目录 (目 录, 目录页). */
const CONTENTS_NAME = /^目录页?$/;

/** A sheet's or a file's name that reads as a table's title (支出总表, 表3 支出总表), not a bare 表3 or Sheet1. */
const TITLE_NAME = /[\u4e00-\u9fff]{2,}表/;

/**
 * A row of text that heads a written part: a worksheet sets no heading in (as a printed page centres one), so a
 * row is taken for one by its words alone — short, without punctuation, a list number or a figure (a year
 * aside), naming a part (部门预算编制说明, 其他相关情况说明, 名词解释 …). A numbered heading (五、关于…的说明) is
 * left as a line of the text, as a page that does not set it in prints it; a line of a paragraph wrapped over
 * rows seldom is all of that.
 */
function isHeadingRow(t: string): boolean {
  const plain = t.replace(/\s+/g, "");
  // (A row in Markdown's marks — `## 标题`, `- 目录项` — says what it is itself.)
  return !/^\s*(#|[-*+]\s)/.test(t) && plain.length <= 20 && !/[。；;，,：:、（()）]/.test(plain) && !/\d{2,}/.test(plain.replace(/\d{4}年度?/, "")) && /(说明|情况|概况|解释)$/.test(plain);
}

/**
 * A sheet's or a file's name without the number it is filed under (表3, 3.15, 05_, 一、) and a closing
 * （部门） / （单位）, as Shanghai's budget system names its sheets (3.14部门编制说明（部门）, 3.15部门收支总表).
 */
function bareName(name: string): string {
  return name
    .replace(/\.(csv|txt)$/i, "")
    .trim()
    .replace(/^(?:(?:表|T)?\s*\d+(?:[.．]\d+)*[-_ .．、：:]*|[一二三四五六七八九十]+、)/i, "")
    .replace(/[（(](?:部门|单位)[）)]$/, "")
    .replace(/\s+/g, "");
}

/**
 * A sheet's or file's name that names a written part (部门编制说明, 部门主要职能, 其他相关情况说明): the sheet
 * holds that part, whose heading its rows need not print again. Short, no punctuation or figure, and ending
 * as such titles do; a table's title (…表) is not one.
 */
function namesPart(bare: string): boolean {
  return bare.length >= 4 && bare.length <= 20 && !/[。；;，,：:、（()）\d]/.test(bare) && !TITLE_NAME.test(bare) && /(说明|情况|概况|解释|职能|职责|机构设置)$/.test(bare);
}

/**
 * The sources' lines as laid-out lines on one grid, numbered one after another (a blank line between two
 * sources; a source's name first where it reads as a title), with where each line is.
 */
export function cellLines(sources: CellSource[]): { lines: LayoutLine[]; places: Map<number, Place> } {
  const entries: Entry[] = [];
  const places = new Map<number, Place>();
  const add = (place: Place, raw: string, cells: Entry["cells"]) => {
    const line = entries.length + 1;
    entries.push({ line, raw, cells });
    places.set(line, place);
  };
  for (const s of sources) {
    if (entries.length) add({ row: s.location, cells: null }, "", null);
    // The source's name as its title line, unless a line of its own among its first rows prints that title
    // already (a row of cells whose label is the title, as a 三公 table's one row may be, is no title); a
    // name that names a written part, as the heading of the part its rows hold.
    const name = s.name.replace(/\.csv$/i, "").trim();
    const bare = bareName(s.name);
    const printed = s.lines.slice(0, 4).some((l) => !isTabular(l) && lineText(l).replace(/\s+/g, "").includes(bare));
    if (TITLE_NAME.test(name) && !printed) add({ row: s.location, cells: null }, name, null);
    else if (namesPart(bare) && !printed) add({ row: s.location, cells: null }, `## ${bare}`, null);
    // A worksheet named 目录 whose rows do not print the word (天津's cover sheet: the department, the year, then 序号 |
    // 表名 | 页码 and a row per table): the word, as the 目录's title right above its first entry.
    let untitled = CONTENTS_NAME.test(bare) && !printed;
    for (const l of s.lines) {
      if (untitled && (contentsHeader(lineText(l)) || tableEntry(lineText(l)))) {
        add({ row: l.location, cells: null }, "目录", null);
        untitled = false;
      }
      if (isTabular(l))
        add({ row: l.location, cells: l.cellLocations }, "", mapArray(l.cells, (c, k) => {
          // (A name indented in its cell keeps how far: 类 / 款 / 项 told by spaces.)
          const indent = indentOf(c);
          return { text: c.trim(), column: k + 1, ...(indent ? { indent } : {}) };
        }));
      else {
        const k = l.cells.findIndex((c) => c.trim() !== "");
        const t = lineText(l);
        add({ row: l.cellLocations[k] ?? l.location, cells: null }, isHeadingRow(t) ? `## ${t}` : t, null);
      }
    }
  }
  return { lines: gridLines(entries), places };
}

/**
 * Puts every location of a document read from `cellLines` back where it is printed: a cell's (its column is
 * the cell's index in the row), else the row's, or the text line's.
 */
export function relocate(doc: BudgetDocument, file: string, places: Map<number, Place>, renumber = true): void {
  const seen = new Set<object>();
  // A written part's lines: each says where it is printed; numbered by their rows (lines) where all of them
  // are on the part's own sheet (file), as a worksheet's text read by the tab-separated reader is.
  for (const part of doc.text) {
    const at = mapArray(part.lines, (l) => places.get(Math.floor(l.line))?.row ?? null);
    // A line's place is where it is printed already: not to be looked up again below as if it were a line of
    // the reading (a web page's line 141 was said to be at the line the reading's line 141 is at).
    part.lines.forEach((l, i) => at[i] && seen.add((l.place = at[i]!)));
    const source = (l: SourceLocation | null) => (l ? `${l.file}\u0000${l.sheet ?? ""}` : null);
    const own = source(places.get(Math.floor(part.location.line ?? 0))?.row ?? null);
    if (renumber && own !== null && at.every((l) => source(l) === own)) part.lines.forEach((l, i) => (l.line = rowNumber(at[i]!) ?? l.line));
  }
  eachLineLocation(doc, file, (r) => {
    const place = places.get(Math.floor(r.line));
    if (place) {
      const to = place.cells && typeof r.column === "number" ? (place.cells[r.column - 1] ?? place.row) : place.row;
      delete (r as Partial<typeof r>).line;
      delete r.column;
      delete r.page;
      Object.assign(r, to);
    }
  }, seen);
}

/**
 * Calls `at` for each location of `doc` in `file` that is on a line (each object once, however often the model
 * refers to it, and none of those in `seen`), for a loader to put it back where the file prints it.
 */
export function eachLineLocation(doc: BudgetDocument, file: string, at: (r: Record<string, unknown> & { line: number }) => void, seen = new Set<object>()): void {
  const visit = (o: unknown): void => {
    if (o === null || typeof o !== "object" || seen.has(o) || o instanceof Decimal) return;
    seen.add(o);
    if (Array.isArray(o)) {
      for (const x of o) visit(x);
      return;
    }
    const r = o as Record<string, unknown>;
    if (r.file === file && typeof r.line === "number") {
      at(r as Record<string, unknown> & { line: number });
      return;
    }
    for (const v of Object.values(r)) visit(v);
  };
  visit(doc);
}

/** The row (line) a location is on: its line, or its cell's row. */
function rowNumber(l: SourceLocation): number | null {
  if (l.line) return l.line;
  const m = /\d+$/.exec(l.cell ?? "");
  return m ? Number(m[0]) : null;
}

/** The layout reader's reading of sources in cells, every location put back on its sheet and cell or file and line. */
export function readCells(file: string, lines: LayoutLine[], places: Map<number, Place>, template: DocumentTemplate, format: "xlsx" | "csv"): BudgetDocument {
  const doc = layoutDocument(file, lines, "markdown", { template });
  relocate(doc, file, places);
  doc.format = format;
  doc.path = file;
  return doc;
}
