// Writes the annotated copy of a PDF (--annotate with a PDF input). pdf-lib is loaded only here, and this
// module only by a dynamic import() when --annotate is given.
import { readFileSync } from "node:fs";
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFPage } from "pdf-lib";
import type { Finding, Lang } from "./engine/types.js";
import type { Box, SourceLocation } from "./model/location.js";
import { writeOutputAtomically } from "./output.js";
import { NOTE_LABEL, NOTE_RANK, noteKind, noteText, type NoteKind } from "./reporters/note.js";
import { pageText } from "./reporters/place.js";

/** Stroke colours (RGB 0-1) by what a finding is: red error, amber warning, blue rounding, green info. */
export const PDF_COLOURS: Record<NoteKind, [number, number, number]> = {
  error: [0.86, 0.1, 0.1],
  warning: [0.95, 0.6, 0.0],
  rounding: [0.15, 0.4, 0.85],
  info: [0.2, 0.6, 0.3],
};

/** The annotations budget-check writes are named `budget-check-f<i>` (a finding) and `budget-check-r<i>-<j>` (its related figures). */
export const ANNOTATION_PREFIX = "budget-check-";

const PAD = 1.5;

export interface AnnotateResult {
  /** Findings boxed on their page. */
  boxed: number;
  /** Related figures outlined. */
  related: number;
  /** Entries of the outline (bookmarks) listing the findings. */
  listed: number;
}

/**
 * Copies the PDF `input` to `output` with every finding's figure boxed in its kind's colour, a note
 * (message and arithmetic in `lang`) on the box, its related figures outlined with dashes, and the
 * outline (bookmarks) listing the findings, errors first, each linked to its page. Findings without a
 * box (about a table or the document as a whole) are listed in the outline only. The input is only read.
 */
export async function annotatePdf(input: string, output: string, findings: Finding[], lang: Lang): Promise<AnnotateResult> {
  const pdf = await PDFDocument.load(readFileSync(input), { updateMetadata: false });
  const pages = pdf.getPages();
  const on = (loc: SourceLocation): PDFPage | undefined => (loc.file === input && loc.page ? pages[loc.page - 1] : undefined);
  const result: AnnotateResult = { boxed: 0, related: 0, listed: 0 };
  const entries: { f: Finding; page: PDFPage | undefined; box: Box | null }[] = [];
  findings.forEach((f, i) => {
    const kind = noteKind(f);
    const page = on(f.location);
    const box = page ? (f.location.box ?? null) : null;
    entries.push({ f, page, box });
    if (!page || !box) return;
    addBox(pdf, page, box, { name: `${ANNOTATION_PREFIX}f${i}`, colour: PDF_COLOURS[kind], width: 1.5, dashed: false, note: noteText(f, lang) });
    result.boxed++;
    f.related.forEach((r, j) => {
      const rp = on(r);
      if (!rp || !r.box) return;
      const note = `${lang === "zh" ? "相关数字" : "related figure"}: ${f.message}`;
      addBox(pdf, rp, r.box, { name: `${ANNOTATION_PREFIX}r${i}-${j}`, colour: PDF_COLOURS[kind], width: 0.75, dashed: true, note });
      result.related++;
    });
  });
  result.listed = addOutline(pdf, entries, lang);
  writeOutputAtomically(output, [await pdf.save({ useObjectStreams: false })]);
  return result;
}

function addBox(pdf: PDFDocument, page: PDFPage, box: Box, o: { name: string; colour: [number, number, number]; width: number; dashed: boolean; note: string }): void {
  const ctx = pdf.context;
  const [x0, y0, x1, y1] = [box.x - PAD, box.y - PAD, box.x + box.width + PAD, box.y + box.height + PAD];
  const w = x1 - x0;
  const h = y1 - y0;
  const half = o.width / 2;
  // An appearance of its own, so that every reader draws the box the same (not all make one for a Square).
  const ops = `${o.colour.map((c) => c.toFixed(3)).join(" ")} RG ${o.width} w ${o.dashed ? "[3 2] 0 d " : ""}${half} ${half} ${(w - o.width).toFixed(2)} ${(h - o.width).toFixed(2)} re S`;
  const appearance = ctx.register(ctx.stream(ops, { Type: "XObject", Subtype: "Form", BBox: [0, 0, w, h] }));
  const annot = ctx.obj({
    Type: "Annot",
    Subtype: "Square",
    Rect: [x0, y0, x1, y1],
    C: o.colour,
    BS: { Type: "Border", W: o.width, S: o.dashed ? "D" : "S", ...(o.dashed ? { D: [3, 2] } : {}) },
    F: 4,
    T: PDFHexString.fromText("budget-check"),
    NM: PDFString.of(o.name),
    Contents: PDFHexString.fromText(o.note),
    AP: { N: appearance },
  });
  page.node.addAnnot(ctx.register(annot));
}

/**
 * The outline: one entry "budget-check: N errors, …" whose children are the findings, errors first then
 * by page, each opening its page at the figure. Returns the number of findings listed.
 */
function addOutline(pdf: PDFDocument, entries: { f: Finding; page: PDFPage | undefined; box: Box | null }[], lang: Lang): number {
  if (entries.length === 0) return 0;
  const ctx = pdf.context;
  const sorted = [...entries].sort(
    (a, b) => NOTE_RANK[noteKind(a.f)] - NOTE_RANK[noteKind(b.f)] || (a.f.location.page ?? 1e9) - (b.f.location.page ?? 1e9),
  );
  const counts = new Map<NoteKind, number>();
  for (const e of entries) counts.set(noteKind(e.f), (counts.get(noteKind(e.f)) ?? 0) + 1);
  const summary = (["error", "warning", "rounding", "info"] as NoteKind[])
    .filter((k) => counts.get(k))
    .map((k) => `${counts.get(k)} ${NOTE_LABEL[lang][k]}`)
    .join(lang === "zh" ? "，" : ", ");
  const rootRef = ctx.nextRef();
  const topRef = ctx.nextRef();
  const refs = sorted.map(() => ctx.nextRef());
  sorted.forEach((e, i) => {
    const where = e.f.location.page ? `${pageText(e.f.location.page, lang)} ` : "";
    const title = `${where}[${NOTE_LABEL[lang][noteKind(e.f)]}] ${e.f.message}`.replace(/\s+/g, " ").slice(0, 200);
    const item: Record<string, unknown> = { Title: PDFHexString.fromText(title), Parent: topRef, C: PDF_COLOURS[noteKind(e.f)] };
    if (i > 0) item.Prev = refs[i - 1];
    if (i < refs.length - 1) item.Next = refs[i + 1];
    if (e.page) item.Dest = destination(e.page, e.box);
    ctx.assign(refs[i], ctx.obj(item as never));
  });
  const firstBoxed = sorted.find((e) => e.page);
  ctx.assign(
    topRef,
    ctx.obj({
      Title: PDFHexString.fromText(`budget-check: ${summary}`),
      Parent: rootRef,
      First: refs[0],
      Last: refs[refs.length - 1],
      Count: refs.length,
      ...(firstBoxed ? { Dest: destination(firstBoxed.page!, firstBoxed.box) } : {}),
    } as never),
  );
  // Keeps an outline the PDF already has: ours goes first, theirs after it.
  const catalog = pdf.catalog;
  const existing = catalog.lookupMaybe(PDFName.of("Outlines"), PDFDict);
  const existingFirst = existing?.get(PDFName.of("First"));
  const existingLast = existing?.get(PDFName.of("Last"));
  if (existingFirst instanceof PDFRef && existingLast instanceof PDFRef) {
    ctx.lookup(topRef, PDFDict).set(PDFName.of("Next"), existingFirst);
    let ref: PDFRef | undefined = existingFirst;
    for (let guard = 0; ref && guard < 100000; guard++) {
      const item: PDFDict = ctx.lookup(ref, PDFDict);
      item.set(PDFName.of("Parent"), rootRef);
      if (ref === existingFirst) item.set(PDFName.of("Prev"), topRef);
      const next = item.get(PDFName.of("Next"));
      ref = next instanceof PDFRef ? next : undefined;
    }
    ctx.assign(rootRef, ctx.obj({ Type: "Outlines", First: topRef, Last: existingLast, Count: 1 + countOf(existing!) }));
  } else ctx.assign(rootRef, ctx.obj({ Type: "Outlines", First: topRef, Last: topRef, Count: 1 }));
  catalog.set(PDFName.of("Outlines"), rootRef);
  catalog.set(PDFName.of("PageMode"), PDFName.of("UseOutlines"));
  return sorted.length;
}

function countOf(outlines: PDFDict): number {
  const c = outlines.get(PDFName.of("Count"));
  return c instanceof PDFNumber ? Math.abs(c.asNumber()) : 0;
}

/** Opens the page with the figure near the top of the window (XYZ: left, top, zoom kept). */
function destination(page: PDFPage, box: Box | null): PDFArray {
  const top = box ? Math.min(page.getHeight(), box.y + box.height + 36) : page.getHeight();
  return page.doc.context.obj([page.ref, PDFName.of("XYZ"), 0, top, null]) as PDFArray;
}
