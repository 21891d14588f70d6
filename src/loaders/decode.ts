import { isUtf8, transcode } from "node:buffer";
import { InputError } from "./errors.js";

export type EncodingName = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

/** A decoded text file and the encoding it was read as (reported with the document). */
export interface DecodedText {
  text: string;
  encoding: EncodingName;
}

/**
 * Decodes a text or CSV file: a BOM decides (UTF-8, UTF-16 LE/BE); otherwise strict UTF-8, and
 * GB18030 (a superset of GBK, what Excel on a Chinese-locale Windows writes) when that fails.
 * A NUL byte without a UTF-16 BOM means a binary file.
 */
/**
 * Well-formed UTF-8 as text, without its byte order mark (what TextDecoder("utf-8") gives for it). Every
 * document is decoded once. ICU's converter (`buffer.transcode` to UTF-16) and a copy of its UTF-16 into
 * a string take 29 µs for a 58 kB document of Chinese text, where V8's own UTF-8 reader
 * (`Buffer#toString("utf8")`) takes 390 µs and TextDecoder 325 µs (docs/performance.md, "Eleventh pass").
 * The bytes are valid UTF-8 (checked before), so the converter never substitutes a character. A Node built
 * without ICU has no transcode: V8's reader then.
 */
function validUtf8(bytes: Uint8Array): string {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset + bom, bytes.byteLength - bom);
  if (useTranscode)
    try {
      return transcode(buf, "utf8", "ucs2").toString("ucs2");
    } catch {
      useTranscode = false;
    }
  return buf.toString("utf8");
}
let useTranscode = typeof transcode === "function";

export function decodeText(bytes: Uint8Array, file: string, forced?: EncodingName): string {
  return decodeTextWithEncoding(bytes, file, forced).text;
}

/**
 * As decodeText, and says which encoding was used. Decoding never silently changes what is checked:
 * every decoder is strict, so a byte that is not valid in the encoding read is an InputError at its
 * line and column. A file that is UTF-8 but for a few bad bytes (a stray 0xFF, a truncated character,
 * an encoded surrogate) is reported as such, not re-read as GB18030: GB18030 is chosen only when
 * invalid UTF-8 sequences outnumber the valid multi-byte ones (in GBK text about four to one; in
 * damaged UTF-8 the valid ones outnumber the bad by far).
 */
export function decodeTextWithEncoding(bytes: Uint8Array, file: string, forced?: EncodingName): DecodedText {
  if (bytes.length === 0) throw new InputError("the file is empty; expected a budget document", { file });
  if (forced) {
    const bom = forced === "utf-8" && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    return { text: strictDecode(bytes.subarray(bom), forced, file, bom).replace(/^\uFEFF/, ""), encoding: forced };
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: strictDecode(bytes.subarray(3), "utf-8", file, 3), encoding: "utf-8" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: strictDecode(bytes.subarray(2), "utf-16le", file, 2), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: strictDecode(bytes.subarray(2), "utf-16be", file, 2), encoding: "utf-16be" };
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192));
  if (sample.includes(0)) throw new InputError("this is a binary file, not text; expected a budget document as text (.md/.txt), a CSV folder or an .xlsx workbook", { file });
  // Nearly every file is well-formed UTF-8: checked natively first (the same rules as scanUtf8: no overlong
  // forms, surrogates or code points above U+10FFFF); the walk below only counts what is wrong.
  if (isUtf8(bytes)) return { text: validUtf8(bytes), encoding: "utf-8" };
  const scan = scanUtf8(bytes);
  if (scan.firstInvalid < 0) return { text: validUtf8(bytes), encoding: "utf-8" };
  if (scan.validMultibyte > scan.invalid) throw invalidByte(bytes, scan.firstInvalid, "utf-8", file, 0);
  return { text: strictDecode(bytes, "gb18030", file, 0), encoding: "gb18030" };
}

/** Walks UTF-8: valid multi-byte sequences, invalid sequences, and the offset of the first invalid one (−1: none). */
export function scanUtf8(b: Uint8Array): { validMultibyte: number; invalid: number; firstInvalid: number } {
  let validMultibyte = 0;
  let invalid = 0;
  let firstInvalid = -1;
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    const n = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    let ok = n > 0;
    for (let k = 1; ok && k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || d < 0x80 || d > 0xbf) ok = false;
    }
    if (ok) {
      const d = b[i + 1];
      // Overlong forms, UTF-16 surrogates (ED A0..BF) and code points above U+10FFFF are invalid.
      if ((c === 0xe0 && d < 0xa0) || (c === 0xed && d > 0x9f) || (c === 0xf0 && d < 0x90) || (c === 0xf4 && d > 0x8f)) ok = false;
    }
    if (ok) {
      validMultibyte++;
      i += n + 1;
    } else {
      if (firstInvalid < 0) firstInvalid = i;
      invalid++;
      i++;
    }
  }
  return { validMultibyte, invalid, firstInvalid };
}

function strictDecode(bytes: Uint8Array, encoding: EncodingName, file: string, base: number): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw invalidByte(bytes, firstBadOffset(bytes, encoding), encoding, file, base);
  }
}

/** Offset of the first byte the strict decoder rejects: the first line (LF-separated) that fails, at its start. */
function firstBadOffset(bytes: Uint8Array, encoding: EncodingName): number {
  if (encoding === "utf-8") return Math.max(0, scanUtf8(bytes).firstInvalid);
  if (encoding !== "gb18030") return -1; // UTF-16: a lone surrogate; reported without a line
  const dec = new TextDecoder(encoding, { fatal: true });
  let start = 0;
  while (start <= bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    try {
      dec.decode(bytes.subarray(start, end));
    } catch {
      return start;
    }
    start = end + 1;
  }
  return -1;
}

const LABEL: Record<EncodingName, string> = { "utf-8": "UTF-8", "utf-16le": "UTF-16LE", "utf-16be": "UTF-16BE", gb18030: "GB18030" };

/** The one-line error for an undecodable byte: its line and column (characters before it on its line, + 1). */
function invalidByte(bytes: Uint8Array, offset: number, encoding: EncodingName, file: string, base: number): InputError {
  const what =
    encoding === "utf-8"
      ? "the file is UTF-8 but holds a byte sequence that is not valid UTF-8"
      : `the file holds a byte sequence that is not valid ${LABEL[encoding]}`;
  const hint = "; it was not checked (fix the file, or pass --encoding if it is in another encoding)";
  if (offset < 0) return new InputError(`${what}${hint}`, { file });
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++)
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  const before = new TextDecoder(encoding).decode(bytes.subarray(lineStart, offset));
  const column = [...before].length + 1;
  const hex = Array.from(bytes.subarray(offset, Math.min(offset + 3, bytes.length)), (b) => b.toString(16).toUpperCase().padStart(2, "0")).join(" ");
  return new InputError(`${what} (bytes ${hex} at offset ${offset + base})${hint}`, { file, line, column });
}
