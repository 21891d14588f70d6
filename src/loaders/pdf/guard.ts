import { constants, inflateSync } from "node:zlib";

/**
 * Bounds on what a PDF may make the reader do. A hostile file (a decompression bomb, millions of
 * objects, tens of thousands of pages) is refused before pdfjs parses it, with a one-line reason.
 */
export interface PdfLimits {
  /** Pages of one document. */
  maxPages: number;
  /** Indirect objects (`n g obj`) in the file. */
  maxObjects: number;
  /** Bytes one Flate stream may decompress to. */
  maxStreamBytes: number;
  /** Bytes all Flate streams together may decompress to. */
  maxTotalStreamBytes: number;
  /** Text items of the whole document. */
  maxTextItems: number;
}

export const DEFAULT_PDF_LIMITS: PdfLimits = {
  maxPages: 2000,
  maxObjects: 500_000,
  maxStreamBytes: 64 * 1024 * 1024,
  maxTotalStreamBytes: 1024 * 1024 * 1024,
  maxTextItems: 2_000_000,
};

/** Why a PDF cannot be read: a one-line message for the user. */
export class PdfProblem extends Error {}

const MB = 1024 * 1024;

/**
 * What the bytes are, before any parsing: a PDF must begin with `%PDF-` (a few bytes of junk before it
 * are tolerated, as readers do) and end with `%%EOF` (else the file was cut short).
 */
export function checkSignature(bytes: Uint8Array): void {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  if (!head.includes("%PDF-")) {
    const what = head.startsWith("PK")
      ? " (it is a ZIP archive: an .xlsx/.docx renamed?)"
      : head.startsWith("\xD0\xCF\x11\xE0")
        ? " (it is an old Office file: .xls/.doc renamed?)"
        : /^[\x09\x0a\x0d\x20-\x7e]*$/.test(head.slice(0, 200)) || isUtf8(bytes.subarray(0, 1024))
          ? " (it is text)"
          : "";
    throw new PdfProblem(`not a PDF: the file does not begin with %PDF-${what}`);
  }
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 4096))).toString("latin1");
  if (!tail.includes("%%EOF")) throw new PdfProblem("truncated PDF: the file ends without %%EOF (was the download or copy cut short?)");
}

function isUtf8(b: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(b.subarray(0, Math.max(0, b.length - 4)));
    return true;
  } catch {
    return false;
  }
}

/**
 * Counts the file's objects and decompresses every Flate stream under a size cap (zlib's
 * maxOutputLength), so a stream that would inflate past the limits is refused before pdfjs inflates it
 * without one. Streams inside object streams cannot exist (a stream is always a top-level object).
 * Only the first filter is looked at: a Flate stream behind another filter (ASCIIHex, ASCII85) is not
 * measured here.
 */
export function checkBounds(bytes: Uint8Array, limits: PdfLimits): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = buf.toString("latin1");
  let objects = 0;
  const objRe = /\d+\s+\d+\s+obj\b/g;
  while (objRe.exec(text)) {
    if (++objects > limits.maxObjects) throw new PdfProblem(`too many objects: more than ${limits.maxObjects} (limit)`);
  }
  // Object streams hold objects too: their /N counts.
  for (const m of text.matchAll(/\/Type\s*\/ObjStm\b[^>]*?\/N\s+(\d+)|\/N\s+(\d+)[^>]*?\/Type\s*\/ObjStm\b/g)) {
    objects += Number(m[1] ?? m[2]);
    if (objects > limits.maxObjects) throw new PdfProblem(`too many objects: more than ${limits.maxObjects} (limit)`);
  }
  let total = 0;
  const streamRe = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = streamRe.exec(text))) {
    if (m.index >= 3 && text.slice(m.index - 3, m.index) === "end") continue;
    const dictStart = text.lastIndexOf("obj", m.index);
    const dict = dictStart >= 0 ? text.slice(dictStart, m.index) : "";
    const start = m.index + m[0].length;
    const end = text.indexOf("endstream", start);
    if (end < 0) break;
    streamRe.lastIndex = end + 9;
    // Images are never decoded to read text; fonts, content and object streams are.
    if (!/\/FlateDecode\b|\/Fl\b/.test(dict) || /\/Subtype\s*\/Image\b/.test(dict)) continue;
    const room = Math.min(limits.maxStreamBytes, limits.maxTotalStreamBytes - total);
    try {
      const out = inflateSync(buf.subarray(start, end), { maxOutputLength: room + 1, finishFlush: constants.Z_SYNC_FLUSH });
      total += out.length;
    } catch (e) {
      if (e instanceof RangeError || (e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") {
        if (room < limits.maxStreamBytes) throw new PdfProblem(`too large: its streams decompress to more than ${limits.maxTotalStreamBytes / MB} MB together (limit)`);
        throw new PdfProblem(`too large: a stream decompresses to more than ${limits.maxStreamBytes / MB} MB (limit; a decompression bomb?)`);
      }
      // A damaged stream: pdfjs decides what it can use of it.
    }
  }
}
