// The PDF loader: the PDF's text layer as layout lines (read.ts), then the one layout loader every
// layout form goes through. Reached only by a dynamic import() when an input is a PDF.
import { existsSync, readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { BudgetDocument } from "../../model/document.js";
import { InputError } from "../errors.js";
import type { LayoutOptions } from "../layout/index.js";
import { pagesDocument } from "./document.js";
import { PdfProblem } from "./guard.js";
import { readPdfText, type PdfText } from "./read.js";

/** The largest PDF read (the published budgets measured here are 0.1-4 MB). */
const MAX_PDF_BYTES = 256 * 1024 * 1024;

/** The PDF's text as layout lines; a PDF that cannot be read is an InputError naming the file. */
export async function readPdfLayout(file: string): Promise<PdfText> {
  let bytes: Buffer;
  try {
    const size = statSync(file).size;
    if (size > MAX_PDF_BYTES) throw new InputError(`too large: the file is ${Math.round(size / 1024 / 1024)} MB; a PDF is at most ${MAX_PDF_BYTES / 1024 / 1024} MB`, { file });
    bytes = readFileSync(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
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
  return pagesDocument(file, await readPdfLayout(file), opts, "PDF");
}
