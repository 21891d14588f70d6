import { createInflateRaw, inflateRawSync } from "node:zlib";
import { InputError } from "./errors.js";

/**
 * Bounds on a workbook checked before exceljs reads it (exceljs inflates every part into memory: a
 * 4 MB zip that inflates to 4 GiB ended in a V8 out-of-memory abort). A real budget workbook is a few
 * MB inflated; these leave room for a thousand-department batch file.
 */
export const XLSX_LIMITS = {
  /** Sum of the inflated sizes of every part. */
  inflatedBytes: 256 * 1024 * 1024,
  /** Parts in the zip. */
  entries: 10_000,
};

/** A part of a zip archive as its central directory lists it: its name, compression method and stored bytes. */
export interface ZipPart {
  name: string;
  method: number;
  data: Buffer;
}

/**
 * The parts of a zip archive, read from its central directory (never from the sizes its local headers declare):
 * "not-zip" when `bytes` is not a zip archive or a damaged one, "zip64" for a ZIP64 archive, "too-many" past
 * `maxParts`.
 */
export function zipParts(bytes: Buffer, maxParts: number): ZipPart[] | "not-zip" | "zip64" | { tooMany: number } {
  // End of central directory: the last 22 bytes, or up to 64 KiB earlier when the zip has a comment.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--)
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) return "not-zip";
  const count = bytes.readUInt16LE(eocd + 10);
  let p = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || p === 0xffffffff) return "zip64";
  if (count > maxParts) return { tooMany: count };
  const parts: ZipPart[] = [];
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== 0x02014b50) return "not-zip";
    const method = bytes.readUInt16LE(p + 10);
    const compressed = bytes.readUInt32LE(p + 20);
    const nameLen = bytes.readUInt16LE(p + 28);
    const extraLen = bytes.readUInt16LE(p + 30);
    const commentLen = bytes.readUInt16LE(p + 32);
    const local = bytes.readUInt32LE(p + 42);
    const name = bytes.subarray(p + 46, p + 46 + nameLen).toString("utf8");
    p += 46 + nameLen + extraLen + commentLen;
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== 0x04034b50) return "not-zip";
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    parts.push({ name, method, data: bytes.subarray(start, start + compressed) });
  }
  return parts;
}

/**
 * Checks that a workbook's zip inflates to at most XLSX_LIMITS.inflatedBytes, by inflating each part
 * (counting the output as it streams, keeping none of it) rather than trusting the sizes the zip declares. Throws an
 * InputError naming the file and the part otherwise, or when the file is not a zip at all (in our
 * words, not jszip's).
 */
export async function checkZipBounds(bytes: Buffer, file: string): Promise<void> {
  const notZip = () => new InputError("not a readable .xlsx workbook (not a zip archive, or a damaged one); expected an Excel workbook with one worksheet per table", { file });
  const parts = zipParts(bytes, XLSX_LIMITS.entries);
  if (parts === "not-zip") throw notZip();
  if (parts === "zip64") throw new InputError("a ZIP64 archive; an .xlsx budget workbook is never that large", { file });
  if (!Array.isArray(parts)) throw new InputError(`${parts.tooMany} parts in the archive; an .xlsx workbook is read with at most ${XLSX_LIMITS.entries}`, { file });
  let budget = XLSX_LIMITS.inflatedBytes;
  for (const { name, method, data } of parts) {
    let size: number;
    if (method === 0) size = data.length;
    else if (method === 8)
      try {
        size = await inflatedSize(data, budget);
      } catch {
        throw notZip();
      }
    else throw new InputError(`the part ${name} is compressed with method ${method}; an .xlsx workbook uses deflate`, { file });
    budget -= size;
    if (budget < 0) throw tooLarge(file, name);
  }
}

function tooLarge(file: string, part: string): InputError {
  return new InputError(`inflates to more than ${XLSX_LIMITS.inflatedBytes / 1024 / 1024} MB (at ${part}); not read (a budget workbook is a few MB)`, { file });
}

/** How many bytes raw-deflate `data` inflates to, counted as it streams and stopped past `cap` (memory stays a chunk). */
function inflatedSize(data: Uint8Array, cap: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const z = createInflateRaw();
    let n = 0;
    z.on("data", (chunk: Buffer) => {
      n += chunk.length;
      if (n > cap) {
        z.destroy();
        resolve(n);
      }
    });
    z.on("end", () => resolve(n));
    z.on("error", reject);
    z.end(data);
  });
}

/** Why a part could not be inflated: past the cap, damaged, or stored with a method other than deflate. */
export type PartProblem = "too-large" | "damaged" | "method";

/** A part's bytes, inflated to at most `cap` bytes; or why not. */
export function inflatePart(part: ZipPart, cap: number): Buffer | PartProblem {
  let data: Buffer;
  if (part.method === 0) data = part.data;
  else if (part.method === 8)
    try {
      data = inflateRawSync(part.data, { maxOutputLength: cap });
    } catch (e) {
      return e instanceof RangeError || (e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" ? "too-large" : "damaged";
    }
  else return "method";
  return data.length > cap ? "too-large" : data;
}

/** A part's text: UTF-8, or UTF-16 with its byte-order mark (a UTF-8 one left out). */
export function partText(data: Buffer): string {
  if (data[0] === 0xff && data[1] === 0xfe) return data.toString("utf16le", 2);
  if (data[0] === 0xfe && data[1] === 0xff) return Buffer.from(data.subarray(2)).swap16().toString("utf16le");
  return data.toString("utf8").replace(/^\ufeff/, "");
}
