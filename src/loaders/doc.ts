/*
 * A Word 97–2003 document (.doc: the binary format of [MS-DOC] in a compound file's "WordDocument" stream; WPS's
 * .wps documents are written in it too): the form many departments still draft in. Read as a .docx is, through
 * the same lines and the same reading (docx.ts wordDocument):
 *
 * - The main text is the document's first ccpText characters, taken piece by piece from the piece table (CLX in
 *   the table stream): UTF-16, or one byte a character (Windows-1252) for a compressed piece.
 * - Each paragraph (ended by a paragraph mark) is a line; a line break inside it starts another. A paragraph of a
 *   heading style (sti 1–9, its own or the one its style is based on: the style sheet, STSH) or with an outline
 *   level, or a short centred one, is a heading, as in a .docx.
 * - A paragraph in a table (its properties: sprmPFInTable / sprmPItap, from the PAPX pages) is a cell's text, a
 *   cell mark ends the cell and a row mark (sprmPFTtp) the row. A cell is as many cells as the table's column
 *   boundaries it spans (its row's sprmTDefTable): a cell merged across columns is that many cells, its text in the
 *   first, as in a .docx. A table inside a cell is the cell's text.
 * - A field's instructions (a 目录's PAGEREF) are left out and its result read; text marked deleted (a tracked
 *   deletion) or hidden (sprmCFRMarkDel, sprmCFVanish, from the CHPX pages) is left out. Pictures and embedded
 *   objects are counted, not read.
 * - List numbers (一、 第一部分 （一）) are not in the text: Word draws them from the list tables (LSTF and LVL, LFO
 *   and LFOLVL in the table stream). They are counted as docx.ts counts a .docx's; a paragraph style's numbering
 *   is not followed.
 *
 * Locations as a .docx's: a table cell at `表格N` and its cell (`C5`), a paragraph at its number in the body
 * (tables' paragraphs not counted). A .doc keeps no page layout: no page is said.
 */
import type { BudgetDocument } from "../model/document.js";
import type { SourceLocation } from "../model/location.js";
import type { DocumentTemplate } from "../templates/index.js";
import type { Place } from "./cell-forms.js";
import { CompoundFileError, readCompoundFile } from "./cfb.js";
import { joinCell, listCounter, wordDocument, type Level, type Numbering } from "./docx.js";
import { InputError } from "./errors.js";
import type { Entry } from "./layout/tab-form.js";
import { readInputFile } from "./read.js";
import { columnLetters } from "./sheets.js";
import { mapArray } from "../util/arrays.js";
import type { UnreadObjects } from "../util/unread-objects.js";
import { sheetRows, storageSheet, type ShownSheet } from "./embedded-workbooks.js";
import { indentOf, paragraphIndentWidth, type ParagraphIndent } from "./layout/width.js";

/** Reads a Word 97–2003 document into the document model (`format` `docx`: a Word document). */
export async function loadDoc(file: string, template?: DocumentTemplate): Promise<BudgetDocument> {
  const bytes = readInputFile(file);
  const read = docLines(file, bytes, await objectPoolSheets(file, bytes));
  const doc = wordDocument(file, read, template);
  doc.format = "docx";
  return doc;
}

/**
 * A Word 97–2003 document of written parts alone, read as loadDoc reads it (pairing, pair.ts): null where its body
 * holds a table or an embedded object (a table pasted from Excel may be one).
 */
export function docWithoutTables(file: string): BudgetDocument | null {
  const read = docLines(file, readInputFile(file));
  if (read.unread.embedded > 0 || read.lines.some((l) => l.cells)) return null;
  const doc = wordDocument(file, read, undefined);
  doc.format = "docx";
  return doc;
}

/**
 * What the workbooks embedded in the document show (tables pasted as Excel objects), by their storage's number in
 * the ObjectPool (_N): read before the text, as an .xlsx packaged in one is read asynchronously. Empty where the
 * document embeds none, or its compound file cannot be read (the text's reading says why).
 */
async function objectPoolSheets(file: string, bytes: Buffer): Promise<Map<number, ShownSheet>> {
  const shown = new Map<number, ShownSheet>();
  let pool;
  try {
    pool = readCompoundFile(bytes).storage("ObjectPool");
  } catch {
    return shown;
  }
  for (const name of pool?.names ?? []) {
    const n = /^_(\d+)$/.exec(name);
    const storage = n ? pool!.storage(name) : null;
    // An object shown as an icon (its ObjInfo's fIcon) prints none of its cells.
    const info = storage?.stream("\u0003ObjInfo");
    if (!storage || (info && info.length >= 2 && info.readUInt16LE(0) & 0x20)) continue;
    const sheet = await storageSheet(storage, file);
    if (sheet?.rows.length) shown.set(Number(n![1]), sheet);
  }
  return shown;
}

/** A piece of the text: characters [cp, cp + length) at byte `fc` of the WordDocument stream. */
interface Piece {
  cp: number;
  length: number;
  fc: number;
  compressed: boolean;
}

/** Paragraph or character properties for the bytes [from, to) of the WordDocument stream. */
interface Run<T> {
  from: number;
  to: number;
  props: T;
}

interface ParaProps {
  inTable: boolean;
  depth: number;
  rowEnd: boolean;
  /** Centred (sprmPJc), outline level below 9 (sprmPOutLvl): set by the paragraph itself, or null. */
  centred: boolean | null;
  outline: boolean | null;
  /** Its paragraph style. */
  istd: number;
  /** The row's cell boundaries (sprmTDefTable), in a row mark's properties. */
  bounds: number[] | null;
  /** The paragraph's list (sprmPIlfo: 1-based, into the LFO list; 0 for none) and level (sprmPIlvl). */
  ilfo: number;
  ilvl: number;
  /** The indentation its own sprms set (sprmPDxaLeft, sprmPDxaLeft1, sprmPDxcLeft …), as paragraphIndentWidth; null when none. */
  indent: number | null;
}

/**
 * An indentation sprm into `i`: sprmPDxaLeft / sprmPDxaLeft80 and sprmPDxaLeft1 / sprmPDxaLeft180 (twips, signed;
 * a negative first line hangs), sprmPDxcLeft and sprmPDxcLeft1 (hundredths of a character). False for another sprm.
 */
function indentSprm(b: Buffer, s: { op: number; at: number; size: number }, i: ParagraphIndent): boolean {
  if (s.size !== 2) return false;
  const v = b.readInt16LE(s.at);
  if (s.op === 0x845e || s.op === 0x840f) i.left = v;
  else if (s.op === 0x8460 || s.op === 0x8411) i.first = v;
  else if (s.op === 0x4456) i.leftChars = v;
  else if (s.op === 0x4457) i.firstChars = v;
  else return false;
  return true;
}

interface CharProps {
  hidden: boolean;
  /** An embedded OLE object's character (sprmCFOle2), and its storage in the ObjectPool (sprmCPicLocation: _N). */
  ole: boolean;
  pic: number | null;
}

/** The sprms of a grpprl: each with its opcode and operand. */
function* sprms(b: Buffer, from: number, to: number): Generator<{ op: number; at: number; size: number }> {
  for (let i = from; i + 2 <= to; ) {
    const op = b.readUInt16LE(i);
    const spra = op >> 13;
    let at = i + 2;
    let size: number;
    if (spra === 0 || spra === 1) size = 1;
    else if (spra === 2 || spra === 4 || spra === 5) size = 2;
    else if (spra === 3) size = 4;
    else if (spra === 7) size = 3;
    else if (op === 0xd608 || op === 0xd606) {
      // sprmTDefTable: a two-byte size (that counts itself less one).
      if (at + 2 > to) return;
      size = b.readUInt16LE(at) - 1;
      at += 2;
    } else {
      if (at >= to) return;
      size = b[at];
      at += 1;
    }
    if (size < 0 || at + size > to) return;
    yield { op, at, size };
    i = at + size;
  }
}

/** The FKP pages of a bin table (PlcBtePapx or PlcBteChpx): each page's runs of bytes and their grpprl. */
function fkpRuns<T>(word: Buffer, table: Buffer, fc: number, lcb: number, paragraph: boolean, props: (grpprl: Buffer, from: number, to: number, istd: number) => T, none: T): Run<T>[] {
  const runs: Run<T>[] = [];
  if (lcb < 12 || fc + lcb > table.length) return runs;
  const n = Math.floor((lcb - 4) / 8);
  for (let k = 0; k < n; k++) {
    const pn = table.readUInt32LE(fc + 4 * (n + 1) + 4 * k) & 0x3fffff;
    const page = pn * 512;
    if (page + 512 > word.length) continue;
    const fkp = word.subarray(page, page + 512);
    const crun = fkp[511];
    for (let i = 0; i < crun && 4 * (crun + 1) <= 511; i++) {
      const from = fkp.readUInt32LE(4 * i);
      const to = fkp.readUInt32LE(4 * (i + 1));
      let p = none;
      if (paragraph) {
        // BxPap: a byte offset (in words) to a PapxInFkp: cb, (cb' when cb is 0), istd, grpprl.
        const bx = 4 * (crun + 1) + 13 * i;
        const off = fkp[bx] * 2;
        if (off > 0 && off < 511) {
          let cb = fkp[off];
          let start = off + 1;
          let len = 2 * cb - 1;
          if (cb === 0) {
            cb = fkp[off + 1];
            start = off + 2;
            len = 2 * cb;
          }
          const end = Math.min(511, start + len);
          if (end - start >= 2) p = props(fkp, start + 2, end, fkp.readUInt16LE(start));
        }
      } else {
        const off = fkp[4 * (crun + 1) + i] * 2;
        if (off > 0 && off < 511) {
          const cb = fkp[off];
          p = props(fkp, off + 1, Math.min(511, off + 1 + cb), 0);
        }
      }
      runs.push({ from, to, props: p });
    }
  }
  return runs.sort((a, b) => a.from - b.from);
}

/** The run holding byte `fc` (runs sorted, not overlapping), or null. */
function runAt<T>(runs: Run<T>[], fc: number): Run<T> | null {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid].to <= fc) lo = mid + 1;
    else if (runs[mid].from > fc) hi = mid - 1;
    else return runs[mid];
  }
  return null;
}

/**
 * A paragraph's properties from its grpprl. One too large for its page (a row mark's, with many cells) is kept in
 * the Data stream, where sprmPHugePapx points (a two-byte size, then the grpprl).
 */
const paraProps = (data: Buffer | null) => (b: Buffer, from: number, to: number, istd: number): ParaProps => {
  const p: ParaProps = { inTable: false, depth: 0, rowEnd: false, centred: null, outline: null, bounds: null, ilfo: 0, ilvl: 0, istd, indent: null };
  let innerRowEnd = false;
  const indent: ParagraphIndent = {};
  const all = [...sprms(b, from, to)];
  const huge = all.find((s) => s.op === 0x6646 && s.size === 4);
  if (huge && data) {
    const at = b.readUInt32LE(huge.at);
    if (at + 2 <= data.length) return paraProps(null)(data, at + 2, Math.min(data.length, at + 2 + data.readUInt16LE(at)), istd);
  }
  for (const s of all) {
    const v = b[s.at];
    if (s.op === 0x2416) p.inTable = v !== 0;
    else if (s.op === 0x2417) p.rowEnd = v !== 0;
    else if (s.op === 0x244c) innerRowEnd = v !== 0;
    else if (s.op === 0x6649 && s.size === 4) p.depth = b.readInt32LE(s.at);
    else if (s.op === 0x2403 || s.op === 0x2461) p.centred = v === 1;
    else if (s.op === 0x2640) p.outline = v < 9;
    else if (s.op === 0x460b && s.size === 2) p.ilfo = b.readInt16LE(s.at);
    else if (s.op === 0x260a) p.ilvl = Math.min(8, v);
    else if (indentSprm(b, s, indent)) continue;
    else if (s.op === 0xd608 && s.size >= 1) {
      const n = b[s.at];
      if (s.size >= 1 + 2 * (n + 1)) p.bounds = Array.from({ length: n + 1 }, (_, k) => b.readInt16LE(s.at + 1 + 2 * k));
    }
  }
  p.indent = paragraphIndentWidth(indent);
  if (p.inTable && p.depth === 0) p.depth = 1;
  if (p.depth > 0) p.inTable = true;
  // (A row of a table inside a cell ends with sprmPFInnerTtp; some writers mark a table's own rows so too.)
  if (innerRowEnd) p.rowEnd = true;
  return p;
};

const charProps = (b: Buffer, from: number, to: number): CharProps => {
  let hidden = false;
  let ole = false;
  let pic: number | null = null;
  for (const s of sprms(b, from, to)) {
    if ((s.op === 0x0800 || s.op === 0x083c) && b[s.at] !== 0 && b[s.at] !== 0x80) hidden = true;
    else if (s.op === 0x080a) ole = b[s.at] !== 0;
    else if (s.op === 0x6a03 && s.at + 4 <= to) pic = b.readUInt32LE(s.at);
  }
  return { hidden, ole, pic };
};

const cp1252 = new TextDecoder("windows-1252");

/** A paragraph style: the style it is based on, whether it is a built-in heading (sti 1–9), and what it sets. */
interface DocStyle {
  base: number | null;
  heading: boolean;
  centred: boolean | null;
  outline: boolean | null;
  /** The indentation it sets (paragraphIndentWidth), or null. */
  indent: number | null;
}

/**
 * The paragraph styles of the style sheet (STSH, in the table stream): each STD's base style, its built-in
 * identifier (sti 1–9: heading 1–9, 标题 1–9 in a Chinese Word) and its paragraph grpprl's centring and outline
 * level. Character and table styles are not needed.
 */
function docStyles(table: Buffer, stsh: { fc: number; lcb: number }): Map<number, DocStyle> {
  const styles = new Map<number, DocStyle>();
  if (stsh.lcb < 6 || stsh.fc + stsh.lcb > table.length) return styles;
  const end = stsh.fc + stsh.lcb;
  const cbStshi = table.readUInt16LE(stsh.fc);
  const cstd = table.readUInt16LE(stsh.fc + 2);
  const baseSize = table.readUInt16LE(stsh.fc + 4);
  let at = stsh.fc + 2 + cbStshi;
  for (let istd = 0; istd < cstd && at + 2 <= end; istd++) {
    const cb = table.readUInt16LE(at);
    const std = at + 2;
    at = std + cb;
    if (cb < baseSize + 2 || at > end) continue;
    const sti = table.readUInt16LE(std) & 0x0fff;
    const stk = table.readUInt16LE(std + 2) & 0x000f;
    const base = table.readUInt16LE(std + 2) >> 4;
    const style: DocStyle = { base: base === 0x0fff || base === istd ? null : base, heading: sti >= 1 && sti <= 9, centred: null, outline: null, indent: null };
    styles.set(istd, style);
    if (stk !== 1) continue;
    // Its name (a count, the characters, a null), then its UPXs: the paragraph one first (istd, grpprl).
    const nameAt = std + baseSize;
    const upx = nameAt + 2 + 2 * table.readUInt16LE(nameAt) + 2;
    if (upx + 4 > at) continue;
    const cbUpx = table.readUInt16LE(upx);
    if (upx + 2 + cbUpx > at || cbUpx < 2) continue;
    const indent: ParagraphIndent = {};
    for (const sp of sprms(table, upx + 4, upx + 2 + cbUpx)) {
      if (sp.op === 0x2403 || sp.op === 0x2461) style.centred = table[sp.at] === 1;
      else if (sp.op === 0x2640) style.outline = table[sp.at] < 9;
      else indentSprm(table, sp, indent);
    }
    style.indent = paragraphIndentWidth(indent);
  }
  return styles;
}

/** A style and those it is based on (at most ten). */
function styleChain(styles: Map<number, DocStyle>, istd: number): DocStyle[] {
  const out: DocStyle[] = [];
  for (let s = styles.get(istd); s && out.length < 10; s = s.base === null ? undefined : styles.get(s.base)) out.push(s);
  return out;
}

/** Word's number formats (nfc) by their .docx names, for docx.ts's counter; others are shown as decimal. */
const NFC: Record<number, string> = {
  0: "decimal", 1: "upperRoman", 2: "lowerRoman", 3: "upperLetter", 4: "lowerLetter", 10: "ideographDigital", 11: "japaneseCounting",
  14: "decimalFullWidth", 18: "decimalEnclosedCircle", 19: "decimalFullWidth2", 22: "decimalZero", 23: "bullet", 26: "decimalEnclosedFullstop",
  27: "decimalEnclosedParen", 28: "decimalEnclosedCircleChinese", 30: "ideographTraditional", 31: "ideographZodiac", 33: "taiwaneseCounting",
  34: "ideographLegalTraditional", 35: "taiwaneseCountingThousand", 37: "chineseCounting", 38: "chineseLegalSimplified", 39: "chineseCountingThousand", 255: "none",
};

/**
 * The document's lists as docx.ts's Numbering: each LFO (numbered 1 …, as sprmPIlfo names them) a list of its LSTF's
 * levels (the LVLs that follow the PlfLst, nine a list or one for a simple list), with its LFOLVLs' new starts.
 * A level's number text (xst) has the level's index (0–8) where a level's number goes, as %1 … %9 in a .docx.
 */
function docNumbering(table: Buffer, lst: { fc: number; lcb: number }, lfo: { fc: number; lcb: number }): Numbering {
  const numbering: Numbering = { lists: new Map(), levels: new Map() };
  if (lst.lcb < 2 || lst.fc + lst.lcb > table.length || lfo.lcb < 4 || lfo.fc + lfo.lcb > table.length) return numbering;
  const count = table.readInt16LE(lst.fc);
  const lists: { lsid: number; levels: number }[] = [];
  for (let k = 0; k < count; k++) {
    const at = lst.fc + 2 + 28 * k;
    if (at + 28 > table.length) return numbering;
    lists.push({ lsid: table.readInt32LE(at), levels: table[at + 26] & 0x01 ? 1 : 9 });
  }
  // The LVLs: after the PlfLst, in its lists' order.
  let at = lst.fc + lst.lcb;
  for (const l of lists) {
    const own = new Map<number, Level>();
    for (let v = 0; v < l.levels; v++) {
      if (at + 28 > table.length) return numbering;
      const start = table.readInt32LE(at);
      const nfc = table[at + 4];
      const follow = table[at + 15];
      const papx = table[at + 25];
      const chpx = table[at + 24];
      at += 28 + papx + chpx;
      if (at + 2 > table.length) return numbering;
      const cch = table.readUInt16LE(at);
      const xst = table.toString("utf16le", at + 2, Math.min(table.length, at + 2 + cch * 2));
      at += 2 + cch * 2;
      own.set(v, { start, format: NFC[nfc] ?? "decimal", text: xst.replace(/[\u0000-\u0008]/g, (c) => `%${c.charCodeAt(0) + 1}`), suffix: follow === 0 ? "tab" : follow === 1 ? "space" : "nothing" });
    }
    numbering.levels.set(String(l.lsid), own);
  }
  // The LFOs, then each one's LFOLVLs (new starts, or a level of its own).
  const lfoCount = table.readInt32LE(lfo.fc);
  const lfos: { lsid: number; overrides: number }[] = [];
  for (let k = 0; k < lfoCount; k++) {
    const p = lfo.fc + 4 + 16 * k;
    if (p + 16 > table.length) return numbering;
    lfos.push({ lsid: table.readInt32LE(p), overrides: table[p + 12] });
  }
  let p = lfo.fc + 4 + 16 * lfoCount;
  lfos.forEach((f, k) => {
    const starts = new Map<number, number>();
    p += 4; // LFOData's cp
    for (let o = 0; o < f.overrides && p + 8 <= table.length; o++) {
      const startAt = table.readInt32LE(p);
      const flags = table.readUInt32LE(p + 4);
      p += 8;
      if (flags & 0x10) starts.set(flags & 0x0f, startAt);
      if (flags & 0x20) {
        // A level of its own (an LVL): skipped, its start kept where it says to start anew.
        if (p + 28 > table.length) break;
        const papx = table[p + 25];
        const chpx = table[p + 24];
        p += 28 + papx + chpx;
        p += 2 + 2 * (p + 2 <= table.length ? table.readUInt16LE(p) : 0);
      }
    }
    numbering.lists.set(String(k + 1), { abstract: String(f.lsid), starts });
  });
  return numbering;
}

/** The document's body as the lines of its paragraphs and tables' rows, as docx.ts docxLines gives a .docx's. */
export function docLines(file: string, bytes: Buffer, objects: Map<number, ShownSheet> = new Map()): { lines: Entry[]; places: Map<number, Place>; paragraphs: Set<number>; unread: UnreadObjects } {
  try {
    return readDoc(file, bytes, objects);
  } catch (e) {
    // (A damaged offset or count read past a buffer's end: Node's RangeError, the file's damage all the same.)
    if (e instanceof RangeError) throw new InputError("not a readable Word 97–2003 document (a structure points past the end of its stream); save it again from Word, or as .docx or PDF, to have it checked", { file });
    throw e;
  }
}

function readDoc(file: string, bytes: Buffer, objects: Map<number, ShownSheet>): { lines: Entry[]; places: Map<number, Place>; paragraphs: Set<number>; unread: UnreadObjects } {
  let word: Buffer;
  let table: Buffer;
  let data: Buffer | null = null;
  try {
    const cf = readCompoundFile(bytes);
    const w = cf.stream("WordDocument");
    if (!w) {
      if (cf.stream("Workbook")) throw new InputError("not a Word document but an Excel 97–2003 workbook under the name; name it .xls to have it checked", { file });
      if (cf.stream("EncryptedPackage")) throw new InputError("a document saved with a password is not read; save it again without a password to have it checked", { file });
      throw new InputError("not a Word 97–2003 document: the compound file holds no WordDocument stream; save it as .docx or PDF to have it checked", { file });
    }
    word = w;
    if (word.length < 0x200 || word.readUInt16LE(0) !== 0xa5ec) throw new CompoundFileError("its WordDocument stream does not begin with a Word file header");
    const nFib = word.readUInt16LE(2);
    const flags = word.readUInt16LE(0x0a);
    // (Word 97 and later write 0x00C1 or more; Word 6.0 and 95, 0x0065 and 0x0068, a format of their own.)
    if (nFib < 0x00c0) throw new InputError("a Word 6.0/95 document is not read; save it as .docx or PDF to have it checked", { file });
    if (flags & 0x0100) throw new InputError("a document saved with a password is not read; save it again without a password to have it checked", { file });
    const t = cf.stream(flags & 0x0200 ? "1Table" : "0Table");
    if (!t) throw new CompoundFileError("its table stream is missing");
    table = t;
    data = cf.stream("Data");
  } catch (e) {
    if (e instanceof CompoundFileError) throw new InputError(`not a readable Word 97–2003 document (${e.message}); save it again from Word, or as .docx or PDF, to have it checked`, { file });
    throw e;
  }
  const damaged = (why: string) => new InputError(`not a readable Word 97–2003 document (${why}); save it again from Word, or as .docx or PDF, to have it checked`, { file });

  // The FIB: where the lists of longs and of (fc, lcb) pairs start, as its own counts say.
  const csw = word.readUInt16LE(0x20);
  const lwAt = 0x22 + csw * 2 + 2;
  const cslw = word.readUInt16LE(lwAt - 2);
  const ccpText = word.readInt32LE(lwAt + 12);
  const fcLcbAt = lwAt + cslw * 4 + 2;
  const pair = (k: number) => (fcLcbAt + k * 8 + 8 <= word.length ? { fc: word.readUInt32LE(fcLcbAt + k * 8), lcb: word.readUInt32LE(fcLcbAt + k * 8 + 4) } : { fc: 0, lcb: 0 });
  const clx = pair(33);
  const papx = pair(13);
  const chpx = pair(12);
  if (ccpText < 0 || clx.lcb === 0 || clx.fc + clx.lcb > table.length) throw damaged("its piece table is missing");

  // The piece table.
  const pieces: Piece[] = [];
  for (let i = clx.fc; i < clx.fc + clx.lcb; ) {
    const kind = table[i];
    if (kind === 0x01) i += 3 + table.readInt16LE(i + 1);
    else if (kind === 0x02) {
      const lcb = table.readUInt32LE(i + 1);
      const at = i + 5;
      const n = Math.floor((lcb - 4) / 12);
      if (at + lcb > table.length || n <= 0) throw damaged("its piece table is damaged");
      for (let k = 0; k < n; k++) {
        const cp = table.readUInt32LE(at + 4 * k);
        const next = table.readUInt32LE(at + 4 * (k + 1));
        const raw = table.readUInt32LE(at + 4 * (n + 1) + 8 * k + 2);
        const compressed = (raw & 0x40000000) !== 0;
        pieces.push({ cp, length: Math.max(0, next - cp), fc: compressed ? (raw & 0x3fffffff) / 2 : raw, compressed });
      }
      break;
    } else throw damaged("its piece table is damaged");
  }

  const paraRuns = fkpRuns(word, table, papx.fc, papx.lcb, true, paraProps(data), { inTable: false, depth: 0, rowEnd: false, centred: null, outline: null, bounds: null, ilfo: 0, ilvl: 0, istd: 0, indent: null } as ParaProps);
  const styles = docStyles(table, pair(1));
  const number = listCounter(docNumbering(table, pair(73), pair(74)));
  const charRuns = fkpRuns(word, table, chpx.fc, chpx.lcb, false, charProps, { hidden: false, ole: false, pic: null } as CharProps);

  // The main text, character by character, with each character's byte in the stream.
  const chars: string[] = [];
  const fcs: number[] = [];
  for (const p of pieces) {
    if (p.cp >= ccpText) continue;
    const n = Math.min(p.length, ccpText - p.cp);
    const width = p.compressed ? 1 : 2;
    if (p.fc + n * width > word.length) throw damaged("a piece of its text lies past the end of its stream");
    const text = p.compressed ? cp1252.decode(word.subarray(p.fc, p.fc + n)) : word.toString("utf16le", p.fc, p.fc + n * 2);
    for (let k = 0; k < n; k++) {
      chars.push(text[k]);
      fcs.push(p.fc + k * width);
    }
  }

  const lines: Entry[] = [];
  const places = new Map<number, Place>();
  const paragraphs = new Set<number>();
  const unread: UnreadObjects = { pictures: 0, embedded: 0 };
  const add = (place: Place, raw: string, cells: Entry["cells"]) => {
    lines.push({ line: lines.length + 1, raw, cells });
    places.set(lines.length, place);
  };

  // Fields: 0x13 begin, 0x14 separator, 0x15 end; the instructions (before the separator) are not printed.
  const fields: boolean[] = [];
  let text = "";
  let paraNo = 0;
  // The embedded objects of the text so far (numbering 对象N), and the workbooks the paragraph being read shows.
  let objectNo = 0;
  let pendingSheets: { label: string; sheet: ShownSheet }[] = [];
  // The depth of the EMBED field whose result is being read (0 for none): its picture is the object's.
  let objectField = 0;
  const embedObject = (pic: number | null) => {
    objectNo++;
    const sheet = pic !== null ? objects.get(pic) : undefined;
    if (sheet) pendingSheets.push({ label: `对象${objectNo}（${sheet.name}）`, sheet });
    else unread.embedded++;
  };
  // The table being read: its rows (cells' texts and their right edges), and the cell being read.
  let tableNo = 0;
  let rows: { texts: string[]; indents: number[]; bounds: number[] | null }[] = [];
  let cellTexts: string[] = [];
  let rowCells: string[] = [];
  // The spaces each cell's first text starts with (类 / 款 / 项 told by them), the cell being read's first.
  let rowIndents: number[] = [];
  let cellIndent: number | null = null;
  const clean = (s: string) => s.replace(/[\s\u00a0]+/g, " ").trim();

  // Tables are numbered as they start, a table inside a cell too (as Word's Go To → Table counts them, and
  // docx.ts): the table being read has `current`; `depthBefore` is the depth of the paragraph before.
  let current = 0;
  let depthBefore = 0;
  const flushTable = () => {
    if (!rows.length) return;
    const sheet = `表格${current}`;
    // The table's column boundaries: every row's, merged; a cell spans those between its own two.
    const all = [...new Set(rows.flatMap((r) => r.bounds ?? []))].sort((a, b) => a - b);
    rows.forEach((r, ri) => {
      const texts: string[] = [];
      const indents: number[] = [];
      r.texts.forEach((t, k) => {
        let span = 1;
        if (r.bounds && r.bounds.length === r.texts.length + 1) {
          const from = all.indexOf(r.bounds[k]);
          const to = all.indexOf(r.bounds[k + 1]);
          if (from >= 0 && to > from) span = to - from;
        }
        texts.push(t);
        indents.push(r.indents[k] ?? 0);
        for (let s = 1; s < span; s++) {
          texts.push("");
          indents.push(0);
        }
      });
      if (texts.every((x) => !x)) return;
      const index = ri + 1;
      const at: SourceLocation[] = mapArray(texts, (_, k) => ({ file, sheet, cell: `${columnLetters(k + 1)}${index}` }));
      add({ row: { file, sheet, cell: `A${index}` }, cells: at }, "", mapArray(texts, (t, i) => ({ text: t, column: i + 1, ...(indents[i] ? { indent: indents[i] } : {}) })));
    });
    rows = [];
  };

  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const code = ch.charCodeAt(0);
    if (code === 0x13) {
      fields.push(false);
      continue;
    }
    if (code === 0x14) {
      if (fields.length) fields[fields.length - 1] = true;
      // An EMBED field's separator names its object's storage in the ObjectPool (sprmCFOle2, sprmCPicLocation: _N);
      // its result is the object's picture (0x01), not another picture.
      const cp = runAt(charRuns, fcs[i])?.props;
      if (cp?.ole && fields.length && !runAt(charRuns, fcs[i])?.props.hidden) {
        embedObject(cp.pic);
        objectField = fields.length;
      }
      continue;
    }
    if (code === 0x15) {
      if (objectField === fields.length) objectField = 0;
      fields.pop();
      continue;
    }
    const end = code === 0x0d || code === 0x07 || code === 0x0c;
    if (!end) {
      if (fields.length && !fields[fields.length - 1]) continue;
      if (runAt(charRuns, fcs[i])?.props.hidden) continue;
      if (code === 0x01 || code === 0x08) {
        // An embedded object (sprmCFOle2 on the character itself, or on its EMBED field's separator): a workbook it
        // shows is read with its paragraph; any other object, and a picture, is counted.
        const cp = runAt(charRuns, fcs[i])?.props;
        if (objectField && objectField === fields.length) continue;
        if (cp?.ole) embedObject(cp.pic);
        else unread.pictures++;
        continue;
      }
      if (code === 0x0b) text += "\n";
      else if (code === 0x1e) text += "-";
      else if (code === 0x09) text += " ";
      else if (code >= 0x20 || code === 0x0a) text += ch;
      continue;
    }
    // A paragraph ends: its properties are those of its mark.
    const props = runAt(paraRuns, fcs[i])?.props ?? null;
    const depth = props?.inTable ? props.depth : 0;
    if (depth > depthBefore) for (let d = depthBefore; d < depth; d++) d === 0 ? (current = ++tableNo) : ++tableNo;
    depthBefore = props?.rowEnd && depth > 1 ? depth : depth;
    // A workbook shown inside a table's cell is not read (counted, as docx.ts does).
    if (props?.inTable && pendingSheets.length) {
      unread.embedded += pendingSheets.length;
      pendingSheets = [];
    }
    if (props?.inTable && props.depth <= 1) {
      if (props.rowEnd) {
        rows.push({ texts: rowCells, indents: rowIndents, bounds: props.bounds });
        rowCells = [];
        rowIndents = [];
        cellTexts = [];
        cellIndent = null;
        text = "";
        continue;
      }
      // Spaces typed before the name, and the indentation its paragraph sets (its own, else its style's).
      if (cellIndent === null && text.trim()) cellIndent = indentOf(text) + (props.indent ?? styleChain(styles, props.istd).find((st) => st.indent !== null)?.indent ?? 0);
      cellTexts.push(...mapArray(text.split("\n"), clean));
      text = "";
      if (code === 0x07) {
        rowCells.push(joinCell(cellTexts));
        rowIndents.push(cellIndent ?? 0);
        cellTexts = [];
        cellIndent = null;
      }
      continue;
    }
    if (props?.inTable) {
      // A table inside a cell: its text is the outer cell's.
      cellTexts.push(...mapArray(text.split("\n"), clean));
      text = "";
      continue;
    }
    flushTable();
    paraNo++;
    // A list number Word draws from the list tables (一、 （一） 1.), as docx.ts counts a .docx's.
    if (props && props.ilfo > 0) text = number(String(props.ilfo), props.ilvl) + text;
    for (const piece of text.split("\n")) {
      const t = clean(piece);
      if (!t) continue;
      const short = t.length <= 40 && !/[。；，,;：:]/.test(t);
      // A heading: an outline level or a heading style (its own or one it is based on); or centred, and short.
      const chain = styleChain(styles, props?.istd ?? 0);
      const heading = props?.outline ?? chain.find((st) => st.outline !== null)?.outline ?? chain.some((st) => st.heading);
      const centred = props?.centred ?? chain.find((st) => st.centred !== null)?.centred ?? false;
      const marked = (heading || centred) && short;
      add({ row: { file, line: paraNo }, cells: null }, marked ? `## ${t}` : t, null);
      if (!marked) paragraphs.add(lines.length);
    }
    for (const { label, sheet } of pendingSheets) for (const row of sheetRows(file, label, sheet, null)) add(row.place, "", row.cells);
    pendingSheets = [];
    text = "";
  }
  flushTable();
  return { lines, places, paragraphs, unread };
}
