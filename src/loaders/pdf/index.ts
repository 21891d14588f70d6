// The PDF loader: the PDF's text layer as layout lines (read.ts), then the one layout loader every
// layout form goes through. Reached only by a dynamic import() when an input is a PDF.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { BudgetDocument } from "../../model/document.js";
import type { Box, SourceLocation } from "../../model/location.js";
import { InputError } from "../errors.js";
import type { LayoutLine } from "../layout/types.js";
import { layoutDocument, type LayoutOptions } from "../layout/index.js";
import { PdfProblem } from "./guard.js";
import { readPdfText, type PdfText } from "./read.js";

/** The PDF's text as layout lines; a PDF that cannot be read is an InputError naming the file. */
export async function readPdfLayout(file: string): Promise<PdfText> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new InputError(`cannot be read (${(e as NodeJS.ErrnoException).code ?? "error"})`, { file });
  }
  try {
    return await readOnThread(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (e) {
    if (e instanceof PdfProblem) throw new InputError(e.message, { file });
    // pdfjs throws its own errors on damaged files it could not recover from.
    throw new InputError(`broken PDF: ${(e as Error)?.message ?? String(e)}`, { file });
  }
}

/**
 * The heap the PDF reader may use. pdfjs converts every embedded font it meets, and with V8's default
 * sizing a document with a full CJK font peaked at ~385 MB RSS, mostly garbage; under this cap the same
 * document peaks lower and one that really needs more is refused instead of taking the machine's memory.
 */
export const PDF_READER_HEAP_MB = 192;

/**
 * Reads the PDF's text on a worker thread whose heap is capped (PDF_READER_HEAP_MB); in-thread where the
 * compiled worker is not beside this module (the TypeScript sources run by the unit tests).
 */
function readOnThread(bytes: Uint8Array): Promise<PdfText> {
  const url = new URL("./read-worker.js", import.meta.url);
  if (!existsSync(fileURLToPath(url))) return readPdfText(bytes);
  return new Promise((resolve, reject) => {
    const w = new Worker(url, { workerData: { bytes }, resourceLimits: { maxOldGenerationSizeMb: PDF_READER_HEAP_MB, maxYoungGenerationSizeMb: 16 } });
    w.once("message", (m: { text?: PdfText; problem?: string | null; error?: string }) => {
      void w.terminate();
      if (m.text) resolve(m.text);
      else reject(m.problem ? new PdfProblem(m.problem) : new Error(m.error));
    });
    w.once("error", (e: Error & { code?: string }) =>
      reject(e.code === "ERR_WORKER_OUT_OF_MEMORY" ? new PdfProblem(`too large: reading its text needs more than ${PDF_READER_HEAP_MB} MB of memory (limit)`) : e),
    );
    w.once("exit", (code) => reject(new Error(`the PDF reader stopped (exit ${code})`)));
  });
}

export async function loadPdf(file: string, opts: LayoutOptions = {}): Promise<BudgetDocument> {
  const { lines, pageBoxes } = await readPdfLayout(file);
  const doc = layoutDocument(file, lines, "pdf", opts);
  placeOnPages(doc, file, lines);
  doc.pages = pageBoxes.map((view, i) => ({ number: i + 1, view, tokens: [] }));
  for (const l of lines) for (const t of l.tokens ?? []) if (t.box) doc.pages[l.page - 1].tokens.push({ text: t.text, box: t.box });
  return doc;
}

/**
 * Every location of the model that names a layout line gets that line's page and, where it names a
 * column of the line's text (a figure the written parts state), the box of the characters there: a
 * sentence is one token, so the figure's box is estimated inside it from the characters' widths
 * (a CJK character one em, others half). Locations already placed are left as they are.
 */
export function placeOnPages(doc: BudgetDocument, file: string, lines: LayoutLine[]): void {
  const byLine = new Map(lines.map((l) => [l.line, l]));
  const seen = new Set<object>();
  const visit = (v: unknown): void => {
    if (!v || typeof v !== "object" || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      for (const x of v) visit(x);
      return;
    }
    const loc = v as SourceLocation;
    if (loc.file === file && typeof loc.line === "number") {
      const l = byLine.get(loc.line);
      if (l) {
        loc.page ??= l.page;
        if (!loc.box && typeof loc.column === "number") loc.box = boxAtColumn(l, loc.column) ?? undefined;
      }
    }
    for (const x of Object.values(v)) visit(x);
  };
  visit(doc);
}

const FIGURE = /^[-−]?[0-9][0-9,.]*%?/;
const weight = (ch: string) => (/[\u2E80-\uFFEF]/.test(ch) ? 1 : 0.5);

/** The box of the figure (or character) at 1-based `column` of the line's text, inside its token. */
export function boxAtColumn(l: LayoutLine, column: number): Box | null {
  const at = column - 1;
  let pos = 0;
  for (const t of l.tokens ?? []) {
    const start = l.text.indexOf(t.text, pos);
    if (start < 0 || !t.box) return null;
    pos = start + t.text.length;
    if (at < start || at >= pos) continue;
    const chars = [...t.text];
    const k = [...t.text.slice(0, at - start)].length;
    const len = [...(FIGURE.exec(t.text.slice(at - start))?.[0] ?? chars[k])].length;
    const w = (cs: string[]) => cs.reduce((s, c) => s + weight(c), 0);
    const scale = t.box.width / w(chars);
    const x = t.box.x + w(chars.slice(0, k)) * scale;
    return { x: round2(x), y: t.box.y, width: round2(w(chars.slice(k, k + len)) * scale), height: t.box.height };
  }
  return null;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
