import { InputError } from "./errors.js";

export type EncodingName = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

/**
 * Decodes a text or CSV file: a BOM decides (UTF-8, UTF-16 LE/BE); otherwise strict UTF-8, and
 * GB18030 (a superset of GBK, what Excel on a Chinese-locale Windows writes) when that fails.
 * A NUL byte without a UTF-16 BOM means a binary file.
 */
export function decodeText(bytes: Uint8Array, file: string, forced?: EncodingName): string {
  if (bytes.length === 0) throw new InputError("the file is empty; expected a budget document", { file });
  if (forced) return new TextDecoder(forced).decode(bytes).replace(/^\uFEFF/, "");
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder("utf-8").decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192));
  if (sample.includes(0)) throw new InputError("this is a binary file, not text; expected a budget document as text (.md/.txt), a CSV folder or an .xlsx workbook", { file });
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}
