// The PDF loader: the PDF's text layer as layout lines (read.ts), then the one layout loader every
// layout form goes through. Reached only by a dynamic import() when an input is a PDF.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { BudgetDocument } from "../../model/document.js";
import type { SourceLocation } from "../../model/location.js";
import type { DocumentTemplate } from "../../templates/index.js";
import { InputError } from "../errors.js";
import type { LayoutLine, LayoutToken } from "../layout/types.js";
import { loadMarkdown } from "../markdown.js";
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

export async function loadPdf(file: string, template: DocumentTemplate): Promise<BudgetDocument> {
  const { lines, pageBoxes } = await readPdfLayout(file);
  const doc = documentFromLayout(file, lines, template);
  doc.format = "pdf";
  placeOnPages(doc, file, lines);
  doc.pages = pageBoxes.map((view, i) => ({ number: i + 1, view, tokens: [] }));
  for (const l of lines) for (const t of l.tokens ?? []) if (t.box) doc.pages[l.page - 1].tokens.push({ text: t.text, box: t.box });
  return doc;
}

/**
 * Layout lines into the document model. Until the layout loader (layout/index.ts) is in, the lines go
 * to the text loader with their tokens as tab-separated cells: line k of that text is layout line k.
 */
function documentFromLayout(file: string, lines: LayoutLine[], template: DocumentTemplate): BudgetDocument {
  return loadMarkdown(file, lines.map((l) => (l.tokens ?? [{ text: l.text }]).map((t) => t.text).join("\t")).join("\n"), template);
}

/**
 * Every location of the model that names a layout line gets that line's page and, where it names the
 * column of one of the line's tokens, that token's box (locations already placed are left as they are).
 */
export function placeOnPages(doc: BudgetDocument, file: string, lines: LayoutLine[]): void {
  const byLine = new Map(lines.map((l) => [l.line, l]));
  const columns = new Map<number, Map<number, LayoutToken>>();
  const tokenAt = (l: LayoutLine, column: number) => {
    let m = columns.get(l.line);
    if (!m) {
      m = new Map();
      let col = 1;
      for (const t of l.tokens ?? []) {
        m.set(col, t);
        col += [...t.text].length + 1;
      }
      columns.set(l.line, m);
    }
    return m.get(column);
  };
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
        const t = typeof loc.column === "number" ? tokenAt(l, loc.column) : undefined;
        if (t?.box) loc.box ??= t.box;
      }
    }
    for (const x of Object.values(v)) visit(x);
  };
  visit(doc);
}
