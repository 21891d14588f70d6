// Reads a PDF's text with positions through pdfjs-dist (legacy build: the 5.x line that runs on Node 20).
// This module is reached only by a dynamic import() when an input is a PDF.
import { createRequire } from "node:module";
import type { LayoutLine } from "../layout/types.js";
import { withoutFontPrograms } from "./fonts.js";
import { checkBounds, checkSignature, DEFAULT_PDF_LIMITS, PdfProblem, type PdfLimits } from "./guard.js";
import { pageLines, type PdfTextItem } from "./lines.js";
import { pageBox, pageTurn, shownMatrix, type PageTurn } from "../../model/page-turn.js";

type Pdfjs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
let pdfjs: Promise<Pdfjs> | null = null;

/**
 * pdfjs, loaded once. Its Node entry tries to load the native @napi-rs/canvas (an optional dependency
 * it uses for rendering only) and warns on the console when it cannot: budget-check only reads text, so
 * the native module is kept out (no native code runs) and minimal stand-ins for the three DOM classes
 * that pdfjs instantiates at load time take its place.
 */
function loadPdfjs(): Promise<Pdfjs> {
  pdfjs ??= (async () => {
    const g = globalThis as Record<string, unknown>;
    for (const name of ["DOMMatrix", "ImageData", "Path2D"]) g[name] ??= class {};
    const Module = createRequire(import.meta.url)("node:module") as { _load: (req: string, ...rest: unknown[]) => unknown };
    const load = Module._load;
    const warn = console.warn;
    Module._load = function (req: string, ...rest: unknown[]) {
      if (req === "@napi-rs/canvas") throw new Error("not used: budget-check reads text only");
      return load.call(this, req, ...rest);
    };
    console.warn = () => {};
    try {
      const m = await import("pdfjs-dist/legacy/build/pdf.mjs");
      return m;
    } finally {
      Module._load = load;
      console.warn = warn;
    }
  })();
  return pdfjs;
}

export interface PdfText {
  pages: number;
  /** Each page's size in PDF points ([x0, y0, x1, y1] of its view box). */
  pageBoxes: [number, number, number, number][];
  /** Each page's turn (its /Rotate), null where it is shown as drawn. */
  pageTurns: (PageTurn | null)[];
  lines: LayoutLine[];
  /** Seconds spent in pdfjs (parsing and text extraction). */
  seconds: number;
}

/**
 * The PDF's text as layout lines: pages 1-based, lines numbered through the document, each token with
 * its box in PDF points. Throws PdfProblem (one line, for the user) when the file is not a PDF, is cut
 * short, broken, encrypted, over the limits, or has no text layer (a scan).
 */
export async function readPdfText(bytes: Uint8Array, limits: PdfLimits = DEFAULT_PDF_LIMITS): Promise<PdfText> {
  checkSignature(bytes);
  checkBounds(bytes, limits);
  // pdfjs takes ownership of (and may detach) the buffer it is given: hand it a copy, without the
  // embedded font programs the text does not need (fonts.ts). Should pdfjs find the changed copy
  // broken, the file is read again as it is.
  const lean = withoutFontPrograms(bytes);
  if (lean.stripped === 0) return readPdfData(lean.bytes, limits);
  try {
    return await readPdfData(lean.bytes, limits);
  } catch (e) {
    if (e instanceof PdfProblem && e.message.startsWith("broken PDF")) return readPdfData(bytes.slice(), limits);
    throw e;
  }
}

async function readPdfData(data: Uint8Array, limits: PdfLimits): Promise<PdfText> {
  const t0 = performance.now();
  const { getDocument } = await loadPdfjs();
  const task = getDocument({ data, verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => {});
    const name = (e as Error)?.name;
    if (name === "PasswordException") throw new PdfProblem("encrypted PDF: it cannot be opened without a password; save an unprotected copy");
    throw new PdfProblem(`broken PDF: ${(e as Error)?.message ?? "it cannot be parsed"}`);
  }
  try {
    if (doc.numPages > limits.maxPages) throw new PdfProblem(`too many pages: ${doc.numPages} (limit ${limits.maxPages})`);
    const lines: LayoutLine[] = [];
    const pageBoxes: PdfText["pageBoxes"] = [];
    const pageTurns: PdfText["pageTurns"] = [];
    let items = 0;
    let printed = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      let page;
      let content;
      try {
        page = await doc.getPage(n);
        content = await page.getTextContent();
      } catch (e) {
        throw new PdfProblem(`broken PDF: page ${n} cannot be read (${(e as Error)?.message ?? "error"})`);
      }
      const view = page.view as [number, number, number, number];
      // A page shown turned (/Rotate 90: a wide table printed on a portrait sheet, its text drawn turned the
      // other way) is read as it is shown: its text upright, in the frame of the page as a reader sees it.
      const turn = pageTurn(page.rotate);
      pageBoxes.push(view);
      pageTurns.push(turn);
      const pageItems: PdfTextItem[] = [];
      for (const it of content.items) {
        if (!("str" in it) || !it.str) continue;
        if (++items > limits.maxTextItems) throw new PdfProblem(`too much text: more than ${limits.maxTextItems} text items (limit)`);
        const [a, b, , d, e, f] = turn ? shownMatrix(it.transform as number[], view, turn) : (it.transform as number[]);
        // Horizontal text only: rotated labels (a vertical 单位 stamp, a watermark) are not table cells.
        if (Math.abs(b) > 1e-3 * Math.abs(a)) continue;
        pageItems.push({ str: it.str, x: e, y: f, width: it.width, fontSize: Math.abs(d) || it.height || 10 });
        if (it.str.trim()) printed++;
      }
      const read = pageLines(n, pageItems, lines.length + 1);
      // A figure's box stays where the PDF draws it (an annotation is placed in the page's own coordinates).
      if (turn)
        for (const l of read) {
          l.turn = turn;
          for (const t of l.tokens ?? []) if (t.box) t.box = pageBox(t.box, view, turn);
        }
      lines.push(...read);
      page.cleanup();
    }
    if (printed === 0) throw new PdfProblem("no text layer: the pages are images (a scanned document?); budget-check reads the PDF's text, so run OCR on it first");
    return { pages: doc.numPages, pageBoxes, pageTurns, lines, seconds: (performance.now() - t0) / 1000 };
  } finally {
    await doc.destroy().catch(() => {});
  }
}

