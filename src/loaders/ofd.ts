/*
 * OFD documents (版式文档, GB/T 33190-2016): the fixed-layout form China's e-government keeps an official document
 * in, as PDF does elsewhere (电子公文 systems and many finance systems export to it). An OFD file is a zip archive of
 * XML parts: OFD.xml names the document's root (Document.xml), which lists its pages and the template pages they
 * print over; each page's Content.xml holds its text objects, each placed in millimetres from the page's top-left,
 * its characters' advances given one by one (TextCode's DeltaX). Its text is read into the same text items a PDF's
 * gives (pdf/lines.ts), its characters joined as pdfjs joins a PDF's glyphs, in PDF points from the page's
 * bottom-left, and from there read as a PDF is: an OFD and the PDF exported from it give the same findings, each
 * table's figure at the same page and box.
 *
 * Not read: annotations (a stamp, a signature's picture), vertical or rotated text (as in a PDF), images (a
 * scanned page: its text is not there), and an encrypted document (said so).
 */
import { readFileSync, statSync } from "node:fs";
import type { BudgetDocument } from "../model/document.js";
import { InputError } from "./errors.js";
import type { LayoutOptions } from "./layout/index.js";
import type { LayoutLine } from "./layout/types.js";
import { pagesDocument, type PagesText } from "./pdf/document.js";
import { DEFAULT_PDF_LIMITS } from "./pdf/guard.js";
import { pageLines, type PdfTextItem } from "./pdf/lines.js";
import { attr, tokens } from "./xml-scan.js";
import { inflatePart, partText, zipParts, type ZipPart } from "./zip-limits.js";
import { mapArray } from "../util/arrays.js";

/** PDF points in a millimetre (OFD's unit). */
const MM = 72 / 25.4;
const LIMITS = {
  /** The largest OFD file read (as a PDF). */
  fileBytes: 256 * 1024 * 1024,
  parts: 50_000,
  /** One part inflated. */
  partBytes: 64 * 1024 * 1024,
  /** Every part read, inflated. */
  totalBytes: 512 * 1024 * 1024,
};
/** A page's size where the document says none: A4. */
const A4: Box4 = [0, 0, 210, 297];

type Box4 = [number, number, number, number];

/** The document's parts by name (slashes forward, no leading one), and a reader of their text within the limits. */
class OfdParts {
  private readonly byName = new Map<string, ZipPart>();
  private readonly byLower = new Map<string, ZipPart>();
  private read = 0;

  constructor(
    parts: ZipPart[],
    private readonly file: string,
  ) {
    for (const p of parts) {
      const name = p.name.replace(/\\/g, "/").replace(/^\//, "");
      this.byName.set(name, p);
      this.byLower.set(name.toLowerCase(), p);
    }
  }

  has(name: string): boolean {
    return this.byName.has(name) || this.byLower.has(name.toLowerCase());
  }

  /** The part's text; null where the archive has no such part. */
  text(name: string): string | null {
    // (Windows producers' names differ in case from the references to them now and then.)
    const part = this.byName.get(name) ?? this.byLower.get(name.toLowerCase());
    if (!part) return null;
    const data = inflatePart(part, LIMITS.partBytes);
    if (data === "too-large") throw new InputError(`inflates to more than ${LIMITS.partBytes / 1024 / 1024} MB (at ${part.name}); not read (a budget document is a few MB)`, { file: this.file });
    if (data === "damaged") throw new InputError(`not a readable OFD document (its part ${part.name} is damaged); export it again, or as PDF`, { file: this.file });
    if (data === "method") throw new InputError(`the part ${part.name} is compressed with method ${part.method}; an OFD document uses deflate`, { file: this.file });
    this.read += data.length;
    if (this.read > LIMITS.totalBytes) throw new InputError(`inflates to more than ${LIMITS.totalBytes / 1024 / 1024} MB (at ${part.name}); not read (a budget document is a few MB)`, { file: this.file });
    return partText(data);
  }
}

/** A location an OFD part gives (BaseLoc, DocRoot): from the archive's root when it starts with "/", else from `dir`. */
function resolve(dir: string, loc: string): string {
  const path = loc.trim().replace(/\\/g, "/");
  const out: string[] = [];
  for (const seg of (path.startsWith("/") ? path : `${dir}${path}`).split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") out.pop();
    else out.push(seg);
  }
  return out.join("/");
}

const dirOf = (name: string) => name.slice(0, name.lastIndexOf("/") + 1);
const numbers = (s: string | null): number[] => (s ? mapArray(s.trim().split(/[\s,]+/).filter(Boolean), Number) : []);

/** A box attribute ("x y width height"), or null where it is not four finite numbers. */
function box(s: string | null): Box4 | null {
  const n = numbers(s);
  return n.length === 4 && n.every(Number.isFinite) ? [n[0], n[1], n[2], n[3]] : null;
}

/**
 * A DeltaX / DeltaY list: each number the advance from one character to the next; `g N v` stands for v, N times
 * (GB/T 33190 §11.3). Capped at `max` values (the characters of the TextCode).
 */
export function deltas(s: string | null, max: number): number[] {
  const out: number[] = [];
  const t = s ? s.trim().split(/\s+/) : [];
  for (let i = 0; i < t.length && out.length < max; i++) {
    if (t[i] === "g") {
      const n = Math.min(Number(t[i + 1]), max - out.length);
      const v = Number(t[i + 2]);
      i += 2;
      if (!Number.isFinite(v) || !(n > 0)) continue;
      for (let k = 0; k < n; k++) out.push(v);
    } else if (t[i] !== "") out.push(Number(t[i]));
  }
  return mapArray(out, (v) => (Number.isFinite(v) ? v : 0));
}

/** A character's width in ems where the document gives none (the last of a TextCode): CJK and full-width one, others half. */
const natural = (ch: string) => (/[\u2E80-\uFFEF]/.test(ch) ? 1 : 0.5);

/** A page's text, in the page's millimetres from its top-left: one item per run of characters set next to each other. */
interface MmItem {
  str: string;
  x: number;
  /** The baseline. */
  y: number;
  width: number;
  size: number;
}

/**
 * Gaps between characters on a line, in font sizes (em), as pdfjs builds a PDF's text items (its evaluator's
 * SPACE_IN_FLOW factors): closer than SPACE_EM, the next character goes on the item; up to ITEM_EM, after a space;
 * farther, it starts an item. A baseline within BASELINE_EM is the same line.
 */
const SPACE_EM = 0.102;
const ITEM_EM = 0.6;
const BASELINE_EM = 0.25;

/**
 * The text items of one content part (a page's or a template page's): its text objects' characters placed on the
 * page (Boundary's origin, then the object's CTM), and joined into items as pdfjs joins a PDF's glyphs — across
 * TextCodes and text objects (a converter that writes each character as an object of its own), a space where the
 * gap is one's, a new item where the next character stands apart (a row's cells in one TextCode), back, or on another
 * line. Hidden objects, vertical and rotated text are left out. `count` is called once a character, for the
 * document's limit.
 */
export function contentItems(xml: string, count: () => void): MmItem[] {
  const items: MmItem[] = [];
  let obj: { origin: [number, number]; right: number; ctm: number[]; size: number; skip: boolean; penX: number; penY: number } | null = null;
  let code: { x: number; y: number; dx: string | null; dy: string | null; text: string } | null = null;
  // The item being built, where its last character ends (estimated), and where that character starts.
  let run: MmItem | null = null;
  let runEnd = 0;
  let prevX = -Infinity;
  const flush = () => {
    if (run && run.str.trim()) items.push({ ...run, str: run.str.trimEnd() });
    run = null;
  };
  for (const t of tokens(xml)) {
    if (typeof t === "string") {
      if (code) code.text += t;
      continue;
    }
    if (t.local === "TextObject") {
      if (t.close) obj = null;
      else {
        const b = box(attr(t.attrs, "Boundary")) ?? [0, 0, 0, 0];
        const m = numbers(attr(t.attrs, "CTM"));
        const ctm = m.length === 6 && m.every(Number.isFinite) ? m : [1, 0, 0, 1, 0, 0];
        const size = Number(attr(t.attrs, "Size") ?? "");
        // Text turned (a stamp's ring, a vertical label, a watermark) is not a table's: left out, as in a PDF.
        const turned = Math.abs(ctm[1]) > 1e-3 * Math.abs(ctm[0]) || Math.abs(ctm[2]) > 1e-3 * Math.abs(ctm[3]) || ctm[0] <= 0 || ctm[3] <= 0;
        const direction = Number(attr(t.attrs, "ReadDirection") ?? "0") || Number(attr(t.attrs, "CharDirection") ?? "0");
        const hidden = /^false$/i.test(attr(t.attrs, "Visible") ?? "");
        obj = t.selfClose ? null : { origin: [b[0], b[1]], right: b[2] > 0 ? b[0] + b[2] : Infinity, ctm, size: size > 0 && size < 1e6 ? size : 3.5, skip: turned || hidden || direction !== 0, penX: 0, penY: 0 };
      }
      continue;
    }
    if (t.local !== "TextCode" || !obj) continue;
    if (!t.close) {
      const x = Number(attr(t.attrs, "X") ?? "NaN");
      const y = Number(attr(t.attrs, "Y") ?? "NaN");
      // A TextCode without X or Y goes on where the one before ended.
      code = { x: Number.isFinite(x) ? x : obj.penX, y: Number.isFinite(y) ? y : obj.penY, dx: attr(t.attrs, "DeltaX"), dy: attr(t.attrs, "DeltaY"), text: "" };
      if (!t.selfClose) continue;
    }
    if (!code) continue;
    const c = code;
    code = null;
    const chars = Array.from(c.text);
    const dx = deltas(c.dx, chars.length - 1);
    const dy = deltas(c.dy, chars.length - 1);
    const [a, , , d, e, f] = obj.ctm;
    const size = obj.size * d;
    // Characters set one below the other (DeltaY alone): vertical text, not a table's row.
    const vertical = dy.some((v) => v !== 0) && !dx.some((v) => v !== 0);
    let x = c.x;
    let y = c.y;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i];
      const px = obj.origin[0] + a * x + e;
      const py = obj.origin[1] + d * y + f;
      // Its width: estimated (a CJK character an em, others half), within the object's Boundary where that is tighter
      // (the last character's true width, as a converter bounds the text).
      const w = Math.min(natural(ch) * size, obj.right > px ? obj.right - px : Infinity);
      // (A place off any page, from damaged numbers, is no place: its character is left out.)
      if (!obj.skip && !vertical && Math.abs(px) < 1e7 && Math.abs(py) < 1e7 && size > 0 && size < 1e6) {
        count();
        const current = run as MmItem | null;
        const em = current ? Math.min(size, current.size) : size;
        const gap = px - runEnd;
        if (current && (Math.abs(py - current.y) > BASELINE_EM * em || px < prevX || gap > ITEM_EM * em)) flush();
        if (!ch.trim()) {
          // A space: part of the item's text between its words, never of its width (nor at its start).
          if (run && !/\s$/.test(run.str)) run.str += " ";
        } else {
          if (!run) run = { str: "", x: px, y: py, width: 0, size };
          else if (gap > SPACE_EM * em && !/\s$/.test(run.str)) run.str += " ";
          run.str += ch;
          runEnd = px + w;
          prevX = px;
          run.width = runEnd - run.x;
        }
      }
      if (i < chars.length - 1) {
        x += i < dx.length ? dx[i] : natural(ch) * obj.size;
        y += i < dy.length ? dy[i] : 0;
      }
    }
    obj.penX = x + (chars.length ? natural(chars[chars.length - 1]) * obj.size : 0);
    obj.penY = y;
  }
  flush();
  return items;
}

/** The first element `local`'s text in `xml`. */
function elementText(xml: string, local: string): string | null {
  let inside = false;
  let text = "";
  for (const t of tokens(xml)) {
    if (typeof t === "string") {
      if (inside) text += t;
    } else if (t.local === local) {
      if (!t.close && !t.selfClose) inside = true;
      else if (t.close && inside) return text.trim();
    }
  }
  return null;
}

/**
 * The OFD's text as a PDF's would be (pages 1-based, lines numbered through the document, each token boxed in PDF
 * points from the page's bottom-left). Throws an InputError naming the file where it is no OFD document, damaged,
 * encrypted, over the limits, or without any text (a scan).
 */
export function readOfd(bytes: Buffer, file: string): PagesText {
  // (A zip archive named .pdf comes here too: where it is no OFD document, said as the PDF reader says it.)
  const notPdf = /\.pdf$/i.test(file) ? new InputError("not a PDF: the file does not begin with %PDF- (it is a ZIP archive: an .xlsx/.docx renamed?)", { file }) : null;
  const zip = zipParts(bytes, LIMITS.parts);
  if (zip === "not-zip" && notPdf) throw notPdf;
  if (zip === "not-zip") throw new InputError("not a readable OFD document (not a zip archive, or a damaged one); export it again, or as PDF", { file });
  if (zip === "zip64") throw new InputError("a ZIP64 archive; an OFD budget document is never that large", { file });
  if (!Array.isArray(zip)) throw new InputError(`${zip.tooMany} parts in the archive; an OFD document is read with at most ${LIMITS.parts}`, { file });
  const parts = new OfdParts(zip, file);
  const main = parts.text("OFD.xml");
  if (main === null) {
    if (notPdf) throw notPdf;
    throw new InputError("not an OFD document: the archive holds no OFD.xml; export it again, or as PDF", { file });
  }
  const rootRef = elementText(main, "DocRoot");
  if (!rootRef) throw new InputError("not a readable OFD document (its OFD.xml names no DocRoot); export it again, or as PDF", { file });
  const rootName = resolve("", rootRef);
  const root = parts.text(rootName);
  if (root === null) {
    // An encrypted document (GB/T 33190 leaves encryption to GM/T 0099): its parts are not XML to read.
    if (parts.has("Encryptions.xml") || /<(?:\w+:)?Encryptions?\b/.test(main)) throw new InputError("encrypted OFD: it cannot be read without its key; export an unprotected copy, or a PDF", { file });
    throw new InputError(`not a readable OFD document (its document part ${rootName} is missing); export it again, or as PDF`, { file });
  }
  const dir = dirOf(rootName);
  // A part the document names: from its folder (GB/T 33190), or from the archive's root where a producer wrote it
  // so (`Doc_0/Pages/Page_0/Content.xml` inside Doc_0/Document.xml).
  const located = (loc: string) => {
    const name = resolve(dir, loc);
    return parts.has(name) || !parts.has(resolve("", loc)) ? name : resolve("", loc);
  };
  let pageArea: Box4 | null = null;
  let inPageArea = false;
  let inPhysical = false;
  let physical = "";
  const templates = new Map<string, string>();
  const pageRefs: string[] = [];
  let inPages = false;
  for (const t of tokens(root)) {
    if (typeof t === "string") {
      if (inPhysical) physical += t;
      continue;
    }
    if (t.local === "PageArea") inPageArea = !t.close && !t.selfClose;
    else if (t.local === "PhysicalBox" && inPageArea && !pageArea) {
      if (!t.close) {
        inPhysical = true;
        physical = "";
      } else {
        inPhysical = false;
        pageArea = box(physical);
      }
    } else if (t.local === "TemplatePage" && !t.close) {
      const id = attr(t.attrs, "ID");
      const loc = attr(t.attrs, "BaseLoc");
      if (id && loc) templates.set(id, located(loc));
    } else if (t.local === "Pages") inPages = !t.close && !t.selfClose;
    else if (t.local === "Page" && inPages && !t.close) {
      const loc = attr(t.attrs, "BaseLoc");
      if (loc) pageRefs.push(located(loc));
    }
  }
  if (pageRefs.length > DEFAULT_PDF_LIMITS.maxPages) throw new InputError(`too many pages: ${pageRefs.length} (limit ${DEFAULT_PDF_LIMITS.maxPages})`, { file });
  let characters = 0;
  const count = () => {
    if (++characters > DEFAULT_PDF_LIMITS.maxTextItems) throw new InputError(`too much text: more than ${DEFAULT_PDF_LIMITS.maxTextItems} characters (limit)`, { file });
  };
  const templateItems = new Map<string, MmItem[]>();
  const lines: LayoutLine[] = [];
  const pageBoxes: PagesText["pageBoxes"] = [];
  let printed = 0;
  for (let n = 1; n <= pageRefs.length; n++) {
    const xml = parts.text(pageRefs[n - 1]);
    if (xml === null) throw new InputError(`not a readable OFD document (page ${n}'s part ${pageRefs[n - 1]} is missing); export it again, or as PDF`, { file });
    // The page's own size (its Area), else the document's.
    const content = xml.search(/<(?:\w+:)?Content\b/);
    const area = /<(?:\w+:)?Area\b[\s\S]*?<(?:\w+:)?PhysicalBox\b[^>]*>([^<]*)</.exec(content < 0 ? xml : xml.slice(0, content));
    const [x0, y0, w, h] = (area && box(area[1])) ?? pageArea ?? A4;
    const items: MmItem[] = [];
    // The template pages it prints over (a running head, a page number), then its own content.
    for (const m of xml.matchAll(/<(?:\w+:)?Template\b[^>]*?\bTemplateID\s*=\s*["']([^"']*)["']/g)) {
      const loc = templates.get(m[1]);
      if (!loc) continue;
      if (!templateItems.has(loc)) {
        const tpl = parts.text(loc);
        templateItems.set(loc, tpl === null ? [] : contentItems(tpl, count));
      }
      items.push(...templateItems.get(loc)!);
    }
    items.push(...contentItems(xml, count));
    const pageItems: PdfTextItem[] = mapArray(items, (it) => ({ str: it.str, x: (it.x - x0) * MM, y: (y0 + h - it.y) * MM, width: it.width * MM, fontSize: it.size * MM }));
    for (const it of pageItems) if (it.str.trim()) printed++;
    pageBoxes.push([0, 0, w * MM, h * MM]);
    lines.push(...pageLines(n, pageItems, lines.length + 1));
  }
  if (pageRefs.length === 0) throw new InputError("not a readable OFD document (its document part lists no page); export it again, or as PDF", { file });
  if (printed === 0) throw new InputError("no text: the OFD's pages hold no text (images: a scanned document?); budget-check reads the OFD's text, so run OCR on it first", { file });
  return { pageBoxes, pageTurns: mapArray(pageBoxes, () => null), lines };
}

/** An OFD document read into the model, as a PDF is (documents[].format `pdf`: figures located by page and box). */
export function loadOfd(file: string, opts: LayoutOptions = {}): BudgetDocument {
  let bytes: Buffer;
  try {
    const size = statSync(file).size;
    if (size > LIMITS.fileBytes) throw new InputError(`too large: the file is ${Math.round(size / 1024 / 1024)} MB; an OFD document is at most ${LIMITS.fileBytes / 1024 / 1024} MB`, { file });
    bytes = readFileSync(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`cannot be read (${(e as NodeJS.ErrnoException).code ?? "error"})`, { file });
  }
  return pagesDocument(file, readOfd(bytes, file), opts, "OFD");
}
