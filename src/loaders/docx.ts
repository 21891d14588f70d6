import type { BudgetDocument } from "../model/document.js";
import type { SourceLocation } from "../model/location.js";
import type { DocumentTemplate } from "../templates/index.js";
import { relocate, type Place } from "./cell-forms.js";
import { InputError } from "./errors.js";
import { attr, tokens } from "./xml-scan.js";
import { decodeTextWithEncoding } from "./decode.js";
import { isMhtml } from "./mhtml.js";
import { headText } from "./office-forms.js";
import { loadMhtml, loadWebText } from "./web-page.js";
import { layoutDocument, recogniseTemplate } from "./layout/index.js";
import { gridLines, type Entry } from "./layout/tab-form.js";
import { readInputFile } from "./read.js";
import { embeddedSheet, sheetRows, type ShownSheet } from "./embedded-workbooks.js";
import { inflatePart, partText, zipParts, type ZipPart } from "./zip-limits.js";
import { mapArray } from "../util/arrays.js";
import { unreadObjectsText, type UnreadObjects } from "../util/unread-objects.js";
import { indentOf, paragraphIndentWidth } from "./layout/width.js";
import { entriesWithAsciiDigits } from "./layout/digits.js";

/*
 * A Word document (.docx, as Word or WPS saves it): what Word shows as its text, read as the same document in the
 * tab-separated form is, with any province's template.
 *
 * - Each paragraph of the body is a line (a line break inside it starts another), a heading (a heading style or
 *   outline level) or a short centred paragraph a Markdown heading, as a converter marks one.
 * - Each table's rows are rows of cells: a cell merged across columns (gridSpan) is that many cells, its text in
 *   the first; a cell merged down (vMerge) is empty below its first row.
 * - List numbers (一、 （一） 第一部分 1.) are not in the text: Word draws them from numbering.xml. They are
 *   counted here as Word counts them, so that a heading reads as it is printed.
 * - Tracked deletions and moved-away text, field codes (a 目录's PAGEREF), hidden text and the fallback copy of
 *   a text box are not what is printed, and are left out; a field's result and inserted text are read.
 *
 * Where a figure is: a table cell by the table's number in the document and the cell's column and row
 * (`表格3!C5`: Word's Go To → Table 3), a paragraph by its number in the body; and the page Word last laid it out
 * on, where Word saved that layout (its lastRenderedPageBreak marks; WPS saves none, and then no page is said).
 */

/** Bounds on the parts read (a budget document's document.xml is a few MB; a zip bomb is not read). */
const LIMITS = { parts: 10_000, documentBytes: 64 * 1024 * 1024, otherBytes: 16 * 1024 * 1024 };

const MAIN_TYPES = /application\/vnd\.(?:openxmlformats-officedocument\.wordprocessingml\.document|ms-word\.document\.macroEnabled)\.main\+xml/;

/** Reads a .docx file into the document model. */
export async function loadDocx(file: string, template?: DocumentTemplate): Promise<BudgetDocument> {
  const bytes = readInputFile(file);
  const parts = docxParts(bytes, file);
  const { lines, places, paragraphs, unread, chunks } = docxLines(file, parts, await embeddedSheets(file, parts));
  // A document made by a program that writes HTML into a Word file (an "altChunk"): Word converts the chunk when
  // it opens the file; the file itself holds no paragraph or table of it.
  // One chunk of HTML or MHTML (as a web system writes a "Word document"): read as the web page it is, each figure at
  // its line of the chunk (word/afchunk.mht inside the archive). RTF, or several chunks, are not read.
  if (chunks > 0 && lines.length < 3 && parts.chunks?.length === 1) {
    const doc = chunkDocument(file, inflatedBytes(parts.chunks[0], file, LIMITS.documentBytes), template);
    if (doc) return doc;
  }
  if (chunks > 0 && lines.length < 3)
    throw new InputError("its content is an HTML or RTF chunk that Word converts on opening (an altChunk), not Word paragraphs and tables; open it in Word and save it again (or as PDF) to have it checked", { file });
  return wordDocument(file, { lines, places, paragraphs, unread }, template);
}

/**
 * A .docx of written parts alone, read as loadDocx reads it (pairing, pair.ts): null where its body holds a Word table,
 * an embedded object (a table pasted from Excel, read only asynchronously) or an altChunk, any of which may print a table.
 */
export function docxWithoutTables(file: string): BudgetDocument | null {
  const parts = docxParts(readInputFile(file), file);
  if (parts.objects?.size || parts.chunks?.length || /<(?:[\w.-]+:)?tbl[\s>]/.test(parts.document)) return null;
  const read = docxLines(file, parts);
  return read.chunks || read.lines.some((l) => l.cells) ? null : wordDocument(file, read, undefined);
}

/**
 * An object's ProgID that is a chart (Excel.Chart.8): it prints a chart, not cells. Any other object is read where
 * its part is a workbook (Excel.Sheet.12 and .8, WPS's spreadsheet objects), counted where it is not.
 */
const CHART = /chart/i;

/**
 * What the workbooks embedded in the body show (an Excel table pasted as an object, shown as its content rather than
 * an icon), by the relationship id of the object's part. Read before the body, as exceljs reads asynchronously.
 */
async function embeddedSheets(file: string, parts: DocxParts): Promise<Map<string, ShownSheet>> {
  const shown = new Map<string, ShownSheet>();
  if (!parts.objects?.size || !parts.document.includes("OLEObject")) return shown;
  for (const t of tokens(parts.document)) {
    if (typeof t === "string" || t.close || t.local !== "OLEObject" || CHART.test(attr(t.attrs, "ProgID") ?? "")) continue;
    const id = attr(t.attrs, "id") ?? "";
    const part = parts.objects.get(id);
    if (!part || shown.has(id)) continue;
    const data = inflatePart(part, LIMITS.otherBytes * 4);
    const sheet = typeof data === "string" ? null : await embeddedSheet(data, file);
    if (sheet?.rows.length) shown.set(id, sheet);
  }
  return shown;
}

/** The lines of a Word document (.docx, or .doc: doc.ts), read by the layout reader; every location put back. */
export function wordDocument(file: string, read: { lines: Entry[]; places: Map<number, Place>; paragraphs: Set<number>; unread: UnreadObjects }, template: DocumentTemplate | undefined): BudgetDocument {
  const { lines, places, paragraphs, unread } = read;
  const laid = gridLines(entriesWithAsciiDigits(lines));
  let doc: BudgetDocument;
  try {
    doc = layoutDocument(file, laid, "markdown", template ? { template } : { template: recogniseTemplate(laid), recognised: true });
  } catch (e) {
    // No table read, and pictures or embedded objects in the body: say that they are the likely reason.
    if (e instanceof InputError && /^not a budget disclosure/.test(e.message) && unread.pictures + unread.embedded > 0)
      throw new InputError(`not a budget disclosure as read: no Word table of a known kind, and its body holds ${unreadObjectsText(unread, "en")}, which are not read; if they are the tables, paste them as Word tables to have them checked`, { file });
    throw e;
  }
  if (unread.pictures + unread.embedded > 0) doc.unreadObjects = unread;
  relocate(doc, file, places, false);
  // A figure of a paragraph: its column is its character's place in the paragraph's line as read.
  for (const part of doc.text)
    for (const l of part.lines) if (paragraphs.has(l.line)) l.columnStart = 1;
  doc.format = "docx";
  return doc;
}

/** A Word document's chunk of HTML or MHTML, read as a web page (`format` `docx`); null for another kind (RTF). */
function chunkDocument(file: string, bytes: Buffer, template: DocumentTemplate | undefined): BudgetDocument | null {
  const head = headText(bytes.subarray(0, 8192));
  if (head === null) return null;
  let doc: BudgetDocument;
  if (isMhtml(head)) doc = loadMhtml(file, bytes, template);
  else if (/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html\b|head\b|body\b|table\b)/i.test(head)) {
    const decoded = decodeTextWithEncoding(bytes, file);
    doc = loadWebText(file, decoded.text, template);
    doc.encoding = decoded.encoding;
  } else return null;
  doc.format = "docx";
  delete doc.encoding;
  return doc;
}

/** The XML parts a reading needs: the body, and the styles and list numbering it refers to (empty when absent). */
interface DocxParts {
  document: string;
  styles: string;
  numbering: string;
  /** The parts of the document's altChunks (HTML, MHTML or RTF Word converts on opening), in the order its relationships list them. */
  chunks?: ZipPart[];
  /** Its embedded objects' parts, by relationship id. */
  objects?: Map<string, ZipPart>;
}

function docxParts(bytes: Buffer, file: string): DocxParts {
  const parts = zipParts(bytes, LIMITS.parts);
  if (parts === "not-zip") {
    // An OLE compound file: a Word 97–2003 document given the new name, or a .docx saved with a password.
    if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0 && bytes.readUInt32BE(4) === 0xa1b11ae1)
      throw new InputError("not a .docx archive but an OLE file: a Word 97–2003 document named .docx, or a document saved with a password; save it again as .docx without a password, or as PDF", { file });
    throw new InputError("not a readable .docx document (not a zip archive, or a damaged one); save it again from Word, or as PDF", { file });
  }
  if (parts === "zip64") throw new InputError("a ZIP64 archive; a .docx budget document is never that large", { file });
  if (!Array.isArray(parts)) throw new InputError(`${parts.tooMany} parts in the archive; a .docx document is read with at most ${LIMITS.parts}`, { file });
  const byName = new Map(mapArray(parts, (p) => [p.name.replace(/^\//, ""), p] as const));
  // The main part: named by [Content_Types].xml (word/document.xml as Word and WPS save it).
  const types = byName.get("[Content_Types].xml");
  let main = "word/document.xml";
  if (types)
    for (const t of tokens(inflated(types, file, LIMITS.otherBytes)))
      if (typeof t !== "string" && t.local === "Override" && MAIN_TYPES.test(attr(t.attrs, "ContentType") ?? "")) {
        const name = attr(t.attrs, "PartName");
        if (name) main = name.replace(/^\//, "");
      }
  const body = byName.get(main);
  if (!body) {
    const what = byName.has("xl/workbook.xml") ? " (it is an Excel workbook: name it .xlsx)" : byName.has("ppt/presentation.xml") ? " (it is a PowerPoint file)" : "";
    throw new InputError(`not a Word document: the archive holds no ${main}${what}`, { file });
  }
  const dir = main.includes("/") ? main.slice(0, main.lastIndexOf("/") + 1) : "";
  const other = (name: string) => {
    const p = byName.get(`${dir}${name}`);
    return p ? inflated(p, file, LIMITS.otherBytes) : "";
  };
  // altChunks' parts, by the main part's relationships (Target relative to its folder, or absolute from the root).
  const rels = byName.get(`${dir}_rels/${main.slice(dir.length)}.rels`);
  const chunks: ZipPart[] = [];
  // Embedded objects' parts (an Excel table pasted as an object), by relationship id.
  const objects = new Map<string, ZipPart>();
  if (rels)
    for (const t of tokens(inflated(rels, file, LIMITS.otherBytes))) {
      if (typeof t === "string" || t.local !== "Relationship") continue;
      const type = attr(t.attrs, "Type") ?? "";
      const target = attr(t.attrs, "Target") ?? "";
      const part = /^External$/i.test(attr(t.attrs, "TargetMode") ?? "") ? undefined : byName.get(target.startsWith("/") ? target.slice(1) : `${dir}${target}`);
      if (!part) continue;
      if (/\/aFChunk$/i.test(type)) chunks.push(part);
      else if (/\/(?:oleObject|package)$/i.test(type)) objects.set(attr(t.attrs, "Id") ?? "", part);
    }
  return { document: inflated(body, file, LIMITS.documentBytes), styles: other("styles.xml"), numbering: other("numbering.xml"), chunks, objects };
}

/** A part's text (UTF-8, or UTF-16 with its byte-order mark), inflated to at most `cap` bytes. */
function inflated(part: ZipPart, file: string, cap: number): string {
  return partText(inflatedBytes(part, file, cap));
}

/** A part's bytes, inflated to at most `cap` bytes. */
function inflatedBytes(part: ZipPart, file: string, cap: number): Buffer {
  const data = inflatePart(part, cap);
  if (data === "too-large") throw new InputError(`inflates to more than ${cap / 1024 / 1024} MB (at ${part.name}); not read (a budget document is a few MB)`, { file });
  if (data === "damaged") throw new InputError(`not a readable .docx document (its part ${part.name} is damaged); save it again from Word, or as PDF`, { file });
  if (data === "method") throw new InputError(`the part ${part.name} is compressed with method ${part.method}; a .docx document uses deflate`, { file });
  return data;
}

/** A toggle property's value (<w:vanish/>, <w:vanish w:val="false"/>). */
const on = (attrs: string) => !/^(?:0|false|off)$/.test(attr(attrs, "val") ?? "true");

/** The prefix the document binds to WordprocessingML (w: in every file seen; any other honoured). */
function wordPrefix(xml: string): string {
  const m = /xmlns:([\w.-]+)\s*=\s*["'](?:http:\/\/schemas\.openxmlformats\.org\/wordprocessingml\/2006\/main|http:\/\/purl\.oclc\.org\/ooxml\/wordprocessingml\/main)["']/.exec(xml);
  return m ? `${m[1]}:` : "w:";
}

interface StyleFacts {
  basedOn: string | null;
  heading: boolean;
  centred: boolean | null;
  numId: string | null;
  ilvl: number | null;
  hidden: boolean;
  /** The indentation its paragraph properties set (w:ind), as wide as it prints; null when none. */
  indent: number | null;
}

/** A paragraph's w:ind as paragraphIndentWidth (layout/width.ts) takes it: w:left / w:start, w:firstLine, w:hanging and their …Chars. */
export function indWidth(attrs: string): number | null {
  const num = (...names: string[]) => {
    for (const name of names) {
      const v = attr(attrs, name);
      const n = v === null ? NaN : Number(v);
      if (Number.isFinite(n)) return n;
    }
    return null;
  };
  return paragraphIndentWidth({
    left: num("left", "start"),
    leftChars: num("leftChars", "startChars"),
    first: num("firstLine"),
    firstChars: num("firstLineChars"),
    hanging: num("hanging"),
    hangingChars: num("hangingChars"),
  });
}

/**
 * The elements `<name …>…</name>` of a part, each with its attributes and content, found from their closing tags
 * (elements of one name do not nest in these parts). In time linear in the part, also when it is damaged.
 */
function elements(xml: string, name: string): { attrs: string; body: string }[] {
  const out: { attrs: string; body: string }[] = [];
  const open = `<${name}`;
  const closing = `</${name}>`;
  let from = 0;
  for (let end = xml.indexOf(closing); end >= 0; from = end + closing.length, end = xml.indexOf(closing, from)) {
    // Its opening tag: the last `<name` before the closing one that is followed by a space, `>` or `/`.
    let at = xml.lastIndexOf(open, end);
    while (at >= from && !/[\s>/]/.test(xml[at + open.length] ?? "")) at = xml.lastIndexOf(open, at - 1);
    if (at < from) continue;
    const gt = xml.indexOf(">", at);
    if (gt >= 0 && gt < end) out.push({ attrs: xml.slice(at + open.length, gt), body: xml.slice(gt + 1, end) });
  }
  return out;
}

/** The attributes of the first `<name …>` or `<name …/>` in `xml`; null when there is none. */
function firstTag(xml: string, name: string): string | null {
  const open = `<${name}`;
  for (let at = xml.indexOf(open); at >= 0; at = xml.indexOf(open, at + 1))
    if (/[\s>/]/.test(xml[at + open.length] ?? "")) {
      const gt = xml.indexOf(">", at);
      return gt < 0 ? null : xml.slice(at + open.length, gt);
    }
  return null;
}

/** The w:val of the first such element. */
const valOf = (xml: string, name: string) => {
  const attrs = firstTag(xml, name);
  return attrs === null ? null : attr(attrs, "val");
};

/** The key of the default paragraph style in readStyles' map (no style id has a NUL). */
const DEFAULT_STYLE = "\u0000default";

/** Paragraph styles: whether each is a heading (an outline level, or a heading's name), centred, numbered. */
function readStyles(xml: string): Map<string, StyleFacts> {
  const styles = new Map<string, StyleFacts>();
  let defaultId: string | null = null;
  const w = wordPrefix(xml);
  for (const { attrs, body } of elements(xml, `${w}style`)) {
    const id = attr(attrs, "styleId");
    if (!id) continue;
    // The default paragraph style (正文, Normal): a paragraph without w:pStyle has it, kept also as DEFAULT_STYLE.
    if (attr(attrs, "type") === "paragraph" && /^(?:1|true|on)$/.test(attr(attrs, "default") ?? "")) defaultId = id;
    const val = (tag: string) => valOf(body, `${w}${tag}`);
    const outline = val("outlineLvl");
    const name = val("name") ?? "";
    const jc = val("jc");
    const ilvl = val("ilvl");
    const runs = elements(body, `${w}rPr`)[0]?.body ?? "";
    const vanish = firstTag(runs, `${w}vanish`);
    const ind = firstTag(elements(body, `${w}pPr`)[0]?.body ?? "", `${w}ind`);
    styles.set(id, {
      basedOn: val("basedOn"),
      heading: (outline !== null && Number(outline) < 9) || /^(?:heading|标题)\s*\d$|^title$/i.test(name.trim()),
      centred: jc === null ? null : jc === "center",
      numId: val("numId"),
      ilvl: ilvl === null ? null : Number(ilvl),
      hidden: vanish !== null && on(vanish),
      indent: ind === null ? null : indWidth(ind),
    });
  }
  if (defaultId !== null && styles.has(defaultId)) styles.set(DEFAULT_STYLE, styles.get(defaultId)!);
  return styles;
}

/** A style's facts with those it is based on (a chain of at most ten). */
function styleChain(styles: Map<string, StyleFacts>, id: string | null): StyleFacts[] {
  const out: StyleFacts[] = [];
  for (let s = id ? styles.get(id) : undefined; s && out.length < 10; s = s.basedOn ? styles.get(s.basedOn) : undefined) out.push(s);
  return out;
}

export interface Level {
  start: number;
  format: string;
  text: string;
  suffix: string;
}

/** List numbering: each list (w:num) by its abstract numbering, its levels, and its levels' new starts. */
export interface Numbering {
  lists: Map<string, { abstract: string; starts: Map<number, number> }>;
  levels: Map<string, Map<number, Level>>;
}

function readNumbering(xml: string): Numbering {
  const w = wordPrefix(xml);
  const levels = new Map<string, Map<number, Level>>();
  for (const a of elements(xml, `${w}abstractNum`)) {
    const own = new Map<number, Level>();
    for (const l of elements(a.body, `${w}lvl`)) {
      const val = (tag: string) => valOf(l.body, `${w}${tag}`);
      own.set(Number(attr(l.attrs, "ilvl") ?? 0), { start: Number(val("start") ?? 1), format: val("numFmt") ?? "decimal", text: val("lvlText") ?? "", suffix: val("suff") ?? "tab" });
    }
    levels.set(attr(a.attrs, "abstractNumId") ?? "", own);
  }
  const lists = new Map<string, { abstract: string; starts: Map<number, number> }>();
  for (const n of elements(xml, `${w}num`)) {
    const starts = new Map<number, number>();
    for (const o of elements(n.body, `${w}lvlOverride`)) {
      const start = valOf(o.body, `${w}startOverride`);
      if (start !== null) starts.set(Number(attr(o.attrs, "ilvl") ?? 0), Number(start));
    }
    lists.set(attr(n.attrs, "numId") ?? "", { abstract: valOf(n.body, `${w}abstractNumId`) ?? "", starts });
  }
  return { lists, levels };
}

const CN_DIGITS = "零一二三四五六七八九";
const CN_LEGAL = "零壹贰叁肆伍陆柒捌玖";

/** 1 → 一, 10 → 十, 11 → 十一, 21 → 二十一, 101 → 一百零一 (Word's chineseCounting); `legal`: 壹 拾 佰 仟. */
function chineseNumber(n: number, legal = false): string {
  const digits = legal ? CN_LEGAL : CN_DIGITS;
  const units = legal ? ["", "拾", "佰", "仟"] : ["", "十", "百", "千"];
  if (n <= 0 || n >= 10000) return String(n);
  const ds = mapArray(String(n).split(""), Number);
  let out = "";
  let zero = false;
  ds.forEach((d, i) => {
    const unit = units[ds.length - 1 - i];
    if (d === 0) {
      zero = out !== "";
      return;
    }
    if (zero) out += digits[0];
    zero = false;
    // 十一, not 一十一 (a leading one before 十 is not said)
    out += (d === 1 && unit === units[1] && out === "" && !legal ? "" : digits[d]) + unit;
  });
  return out;
}

const TIANGAN = "甲乙丙丁戊己庚辛壬癸";
const ZODIAC = "子丑寅卯辰巳午未申酉戌亥";

/** A list number in a level's format (the formats Chinese documents use, and the common Western ones). */
function formatNumber(n: number, format: string): string {
  switch (format) {
    case "chineseCounting":
    case "chineseCountingThousand":
    case "japaneseCounting":
    case "taiwaneseCounting":
    case "taiwaneseCountingThousand":
      return chineseNumber(n);
    case "chineseLegalSimplified":
    case "ideographLegalTraditional":
      return chineseNumber(n, true);
    case "ideographDigital":
    case "japaneseDigitalTenThousand":
      return String(n).replace(/\d/g, (d) => (d === "0" ? "〇" : CN_DIGITS[Number(d)]));
    case "ideographTraditional":
      return TIANGAN[(n - 1) % 10] ?? String(n);
    case "ideographZodiac":
      return ZODIAC[(n - 1) % 12] ?? String(n);
    case "decimalEnclosedCircle":
    case "decimalEnclosedCircleChinese":
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : String(n);
    case "decimalEnclosedParen":
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2474 + n - 1) : `(${n})`;
    case "decimalEnclosedFullstop":
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2488 + n - 1) : `${n}.`;
    case "decimalFullWidth":
    case "decimalFullWidth2":
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case "decimalZero":
      return n < 10 ? `0${n}` : String(n);
    case "upperLetter":
    case "lowerLetter": {
      const c = String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
      return format === "upperLetter" ? c : c.toLowerCase();
    }
    case "upperRoman":
    case "lowerRoman": {
      let r = "";
      let k = n;
      for (const [v, s] of [[1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"], [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]] as const)
        for (; k >= v; k -= v) r += s;
      return format === "upperRoman" ? r : r.toLowerCase();
    }
    case "none":
      return "";
    default:
      return String(n);
  }
}

/** Word's list counters, over the document in order: the number a numbered paragraph is printed with. */
export function listCounter(numbering: Numbering) {
  const counters = new Map<string, (number | undefined)[]>();
  const used = new Set<string>();
  return (numId: string, ilvl: number): string => {
    const list = numbering.lists.get(numId);
    const levels = list ? numbering.levels.get(list.abstract) : undefined;
    const level = levels?.get(ilvl);
    if (!list || !levels || !level) return "";
    let c = counters.get(list.abstract);
    if (!c) counters.set(list.abstract, (c = []));
    // A list that starts its levels anew (startOverride) does so where it is first used.
    if (!used.has(numId)) {
      used.add(numId);
      for (const [l, s] of list.starts) c[l] = s - 1;
    }
    c[ilvl] = (c[ilvl] ?? level.start - 1) + 1;
    c.length = ilvl + 1;
    if (level.format === "bullet") return "";
    const label = level.text.replace(/%([1-9])/g, (_, k: string) => {
      const l = Number(k) - 1;
      const lv = levels.get(l);
      return formatNumber(c![l] ?? lv?.start ?? 1, lv?.format ?? "decimal");
    });
    if (!label) return "";
    // After the number: a tab (drawn as a gap), a space or nothing; none after a mark that ends it (一、 （一）).
    return level.suffix === "nothing" || (level.suffix === "tab" && /[、，．.:：)）]$/.test(label)) ? label : `${label} `;
  };
}

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
/** Paragraphs of one cell as one text: no space between two Chinese characters (a break Word draws, not a gap). */
export function joinCell(texts: string[]): string {
  let out = "";
  for (const t of texts) {
    if (!t) continue;
    out += out && !(CJK.test(out[out.length - 1]) && CJK.test(t[0])) ? ` ${t}` : t;
  }
  return out;
}

/** A count of grid columns (w:gridSpan, w:gridBefore): Word's tables have at most 63; a damaged value is `fallback`. */
function gridCount(attrs: string, fallback: number): number {
  const n = Number.parseInt(attr(attrs, "val") ?? "", 10);
  return Number.isFinite(n) && n >= 0 ? Math.min(63, n) : fallback;
}

const columnName = (k: number): string => (k < 26 ? String.fromCharCode(65 + k) : columnName(Math.floor(k / 26) - 1) + String.fromCharCode(65 + (k % 26)));

interface ParaState {
  pieces: string[];
  /** The embedded workbooks it shows (after its text), each with its label (对象1（Sheet1）). */
  sheets: { label: string; sheet: ShownSheet }[];
  style: string | null;
  numId: string | null;
  ilvl: number | null;
  outline: boolean;
  centred: boolean | null;
  /** The indentation its own w:ind sets (indWidth), or null. */
  indent: number | null;
  /** The page of its first text (null while it has none). */
  page: number | null;
}

interface CellState {
  texts: string[];
  span: number;
  merged: boolean;
  page: number | null;
  /** The spaces its first text starts with, as wide as they print (类 / 款 / 项 told by them). */
  indent?: number;
}

interface TableState {
  rows: { cells: CellState[]; page: number | null; index: number }[];
  row: CellState[] | null;
  rowIndex: number;
  before: number;
  after: number;
  number: number;
}

/** The document's lines for the layout reader, and where each line and cell is in the document. */
export function docxLines(file: string, parts: DocxParts, shown: Map<string, ShownSheet> = new Map()): { lines: Entry[]; places: Map<number, Place>; paragraphs: Set<number>; unread: UnreadObjects; chunks: number } {
  const xml = parts.document;
  const w = wordPrefix(xml);
  const styles = readStyles(parts.styles);
  const number = listCounter(readNumbering(parts.numbering));
  // Pages as Word last laid the document out; none where it did not save that layout.
  const paged = xml.includes(`<${w}lastRenderedPageBreak`);
  let page = 1;
  const pageNow = () => (paged ? page : null);

  const lines: Entry[] = [];
  const places = new Map<number, Place>();
  // The lines of paragraph text (not headings): their figures' columns are their places in the line.
  const paragraphs = new Set<number>();
  const add = (place: Place, raw: string, cells: Entry["cells"]) => {
    const line = lines.length + 1;
    lines.push({ line, raw, cells });
    places.set(line, place);
  };

  // The open elements (WordprocessingML's by their local names, others with their prefixes), and for each
  // whether it is inside a subtree that is not read.
  const stack: string[] = [];
  const quiet: boolean[] = [];
  // Subtrees whose text is not printed: tracked deletions, text moved away, a text box's fallback copy (the same
  // text again, for older readers), a content control's properties.
  let skip = 0;
  const SKIPPED = new Set(["moveFrom", "del", "sdtPr"]);
  const skipRoot = (name: string) => SKIPPED.has(name) || /^[\w.-]+:Fallback$/.test(name);
  const paras: ParaState[] = [];
  const cells: CellState[] = [];
  const tables: TableState[] = [];
  let tableCount = 0;
  // Pictures (a drawing, or an older VML picture) and embedded objects (an Excel table pasted as an object).
  const unread: UnreadObjects = { pictures: 0, embedded: 0 };
  // Chunks of another format Word imports when it opens the file (w:altChunk).
  let chunks = 0;
  // The embedded objects open (w:object), each with the relationship id of its part and whether it shows as an icon;
  // and the objects of the body so far (numbering 对象N).
  const objects: { id: string | null; icon: boolean }[] = [];
  let objectCount = 0;
  // The drawings open, each with whether it holds a text box.
  const drawings: boolean[] = [];
  let paragraphCount = 0;
  const paragraphNumbers: number[] = [];
  // Fields: each one's phase, text kept only in results.
  const fields: ("code" | "result")[] = [];
  let runHidden = false;
  let inText = false;

  const append = (s: string) => {
    const p = paras[paras.length - 1];
    if (!p || skip || runHidden || fields.includes("code")) return;
    p.pieces[p.pieces.length - 1] += s;
    if (p.page === null && s.trim()) p.page = pageNow();
  };
  const closeParagraph = () => {
    const p = paras.pop()!;
    const own = paragraphNumbers.pop()!;
    const chain = styleChain(styles, p.style);
    const numId = p.numId ?? chain.find((s) => s.numId !== null)?.numId ?? null;
    const ilvl = p.ilvl ?? chain.find((s) => s.ilvl !== null)?.ilvl ?? 0;
    const label = numId && numId !== "0" ? number(numId, ilvl) : "";
    if (chain.some((s) => s.hidden)) return;
    const texts = mapArray(p.pieces, (s) => s.replace(/[\s\u00a0]+/g, " ").trim());
    if (label) texts[0] = label + texts[0];
    const cell = cells[cells.length - 1];
    // A paragraph in a table cell is part of the cell's text (a table inside a cell: its text too).
    if (cell && tables.length) {
      if (!cell.texts.some(Boolean) && texts.some(Boolean)) {
        // Spaces typed before the name, and the indentation its paragraph's format sets (its own, else its style's).
        const styled = p.style === null ? styleChain(styles, DEFAULT_STYLE) : chain;
        const indent = indentOf(p.pieces[texts.findIndex(Boolean)]) + (p.indent ?? styled.find((s) => s.indent !== null)?.indent ?? 0);
        if (indent) cell.indent = indent;
      }
      cell.texts.push(...texts);
      if (cell.page === null) cell.page = p.page;
      return;
    }
    const heading = p.outline || chain.some((s) => s.heading);
    const centred = p.centred ?? chain.find((s) => s.centred !== null)?.centred ?? false;
    for (const t of texts) {
      if (!t) continue;
      const short = t.length <= 40 && !/[。；，,;：:]/.test(t);
      const place: SourceLocation = { file, line: own, ...(p.page !== null ? { page: p.page } : paged ? { page } : {}) };
      const marked = (heading || centred) && short;
      add({ row: place, cells: null }, marked ? `## ${t}` : t, null);
      if (!marked) paragraphs.add(lines.length);
    }
    // The cells an embedded workbook shows, as the rows of a table after the paragraph's text.
    for (const { label, sheet } of p.sheets) for (const row of sheetRows(file, label, sheet, p.page)) add(row.place, "", row.cells);
  };
  const closeTable = () => {
    const t = tables.pop()!;
    // A table inside a cell: its rows' text is the cell's.
    const outer = cells[cells.length - 1];
    if (tables.length && outer) {
      for (const r of t.rows) outer.texts.push(joinCell(mapArray(r.cells, (c) => joinCell(c.texts))));
      return;
    }
    const sheet = `表格${t.number}`;
    for (const r of t.rows) {
      const texts: string[] = [];
      const indents: (number | undefined)[] = [];
      const at: SourceLocation[] = [];
      let k = 0;
      for (const c of r.cells) {
        const where: SourceLocation = { file, sheet, cell: `${columnName(k)}${r.index}`, ...(c.page !== null || r.page !== null ? { page: (c.page ?? r.page)! } : {}) };
        const text = c.merged ? "" : joinCell(c.texts);
        for (let s = 0; s < c.span; s++, k++) {
          texts.push(s === 0 ? text : "");
          indents.push(s === 0 && !c.merged ? c.indent : undefined);
          at.push(s === 0 ? where : { ...where, cell: `${columnName(k)}${r.index}` });
        }
      }
      if (texts.every((x) => !x)) continue;
      add(
        { row: { file, sheet, cell: `A${r.index}`, ...(r.page !== null ? { page: r.page } : {}) }, cells: at },
        "",
        mapArray(texts, (text, i) => ({ text, column: i + 1, ...(indents[i] ? { indent: indents[i] } : {}) })),
      );
    }
  };

  for (const token of tokens(xml)) {
    if (typeof token === "string") {
      if (inText) append(token);
      continue;
    }
    const { close, prefix, local, attrs, selfClose } = token;
    const ours = prefix === w;
    const name = ours ? local : `${prefix}${local}`;
    if (close) {
      // Close the innermost open element of this name (a well-formed part closes it; tolerate stray ones).
      const i = stack.lastIndexOf(name);
      if (i < 0) continue;
      while (stack.length > i) {
        const top = stack.pop()!;
        const wasQuiet = quiet.pop()!;
        if (skipRoot(top)) skip--;
        else if (wasQuiet) continue;
        else if (top === "t") inText = false;
        else if (top === "r") runHidden = false;
        else if (top === "p" && paras.length) closeParagraph();
        else if (top === "tc" && cells.length) {
          const c = cells.pop()!;
          const t = tables[tables.length - 1];
          if (t?.row) t.row.push(c);
        } else if (top === "tr" && tables.length) {
          const t = tables[tables.length - 1];
          if (t.row) {
            const row = [...Array.from({ length: t.before }, (): CellState => ({ texts: [], span: 1, merged: false, page: null })), ...t.row];
            for (let a = 0; a < t.after; a++) row.push({ texts: [], span: 1, merged: false, page: null });
            t.rows.push({ cells: row, page: row.find((c) => c.page !== null)?.page ?? null, index: t.rowIndex });
          }
          t.row = null;
        } else if (top === "tbl" && tables.length) closeTable();
        else if ((top === "drawing" || top === "pict") && drawings.length && !drawings.pop()) unread.pictures++;
        else if (top === "object" && objects.length) {
          // A workbook shown as its cells, in a paragraph of the body, is read with the paragraph; any other object
          // (an icon, a chart, a document, an object inside a table's cell) is not read.
          const o = objects.pop()!;
          const sheet = o.id !== null && !o.icon ? shown.get(o.id) : undefined;
          const para = paras[paras.length - 1];
          if (sheet && para && !tables.length) para.sheets.push({ label: `对象${objectCount}（${sheet.name}）`, sheet });
          else unread.embedded++;
        }
      }
      continue;
    }
    const parent = stack[stack.length - 1];
    const open = !selfClose;
    if (open) {
      stack.push(name);
      quiet.push(skip > 0);
    }
    if (skipRoot(name)) {
      if (open) skip++;
      continue;
    }
    if (!skip && !ours && local === "OLEObject" && objects.length) {
      const o = objects[objects.length - 1];
      o.id = attr(attrs, "id");
      o.icon = /^Icon$/i.test(attr(attrs, "DrawAspect") ?? "");
      if (CHART.test(attr(attrs, "ProgID") ?? "")) o.id = null;
    }
    if (skip || !ours) continue;
    const p = paras[paras.length - 1];
    switch (local) {
      case "p":
        if (!tables.length) paragraphCount++;
        if (open) {
          paras.push({ pieces: [""], sheets: [], style: null, numId: null, ilvl: null, outline: false, centred: null, indent: null, page: null });
          paragraphNumbers.push(paragraphCount);
        }
        break;
      case "pStyle":
        if (p && parent === "pPr") p.style = attr(attrs, "val");
        break;
      case "numId":
        if (p && parent === "numPr") p.numId = attr(attrs, "val");
        break;
      case "ilvl":
        if (p && parent === "numPr") p.ilvl = Number(attr(attrs, "val") ?? 0);
        break;
      case "outlineLvl":
        if (p && parent === "pPr") p.outline = Number(attr(attrs, "val") ?? 9) < 9;
        break;
      case "jc":
        if (p && parent === "pPr") p.centred = attr(attrs, "val") === "center";
        break;
      case "ind":
        if (p && parent === "pPr") p.indent = indWidth(attrs);
        break;
      case "vanish":
      case "specVanish":
        if (parent === "rPr" && stack[stack.length - (open ? 3 : 2)] === "r" && on(attrs)) runHidden = true;
        break;
      case "t":
        if (open && parent === "r") inText = true;
        break;
      case "tab":
      case "ptab":
        if (parent === "r") append(" ");
        break;
      case "noBreakHyphen":
        if (parent === "r") append("-");
        break;
      case "br":
      case "cr":
        // A line break (or a page or column break) starts a new line of the paragraph.
        if (parent === "r" && p && !fields.includes("code")) p.pieces.push("");
        break;
      case "lastRenderedPageBreak":
        page++;
        break;
      case "drawing":
      case "pict":
        if (open && parent === "r") drawings.push(false);
        break;
      case "txbxContent":
        // (A text box is a drawing too: its text is read, and it is no picture.)
        if (drawings.length) drawings[drawings.length - 1] = true;
        break;
      case "object":
        if (open) {
          objects.push({ id: null, icon: false });
          objectCount++;
        } else unread.embedded++;
        break;
      case "altChunk":
        chunks++;
        break;
      case "fldChar": {
        const type = attr(attrs, "fldCharType");
        if (type === "begin") fields.push("code");
        else if (type === "separate" && fields.length) fields[fields.length - 1] = "result";
        else if (type === "end") fields.pop();
        break;
      }
      case "tbl":
        if (open) tables.push({ rows: [], row: null, rowIndex: 0, before: 0, after: 0, number: ++tableCount });
        break;
      case "tr":
        if (open && tables.length) {
          const t = tables[tables.length - 1];
          t.rowIndex++;
          t.row = [];
          t.before = 0;
          t.after = 0;
        }
        break;
      case "gridBefore":
      case "gridAfter":
        if (parent === "trPr" && tables.length) tables[tables.length - 1][local === "gridBefore" ? "before" : "after"] = gridCount(attrs, 0);
        break;
      case "tc":
        if (open) cells.push({ texts: [], span: 1, merged: false, page: null });
        break;
      case "gridSpan":
        if (parent === "tcPr" && cells.length) cells[cells.length - 1].span = Math.max(1, gridCount(attrs, 1));
        break;
      case "vMerge":
      case "hMerge":
        if (parent === "tcPr" && cells.length && attr(attrs, "val") !== "restart") cells[cells.length - 1].merged = true;
        break;
    }
  }
  return { lines, places, paragraphs, unread, chunks };
}
