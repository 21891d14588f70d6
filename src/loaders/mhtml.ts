/*
 * A single-file web page (MHTML: `.mht`, `.mhtml`, Word's "single file web page"; the form many systems write an
 * "export to Word" in, under a .doc name, so that Word opens it with its pictures): a MIME message whose first
 * HTML part is the page. The page is taken out of its transfer encoding (quoted-printable, base64, or none) and
 * its charset, and read as a saved web page is (html-page.ts).
 *
 * Every figure is located at its line of the file, where a text editor shows it: a part without a transfer
 * encoding keeps its lines and columns (shifted by the lines above it); a quoted-printable one keeps each line's
 * start (a soft line break `=` joins two lines of the file into one of the page: the page's line is located at
 * the first), without a column (`=E9=83=A8` is one character of the page); a base64 one, whose lines are not the
 * page's, at the part's first line.
 */
import type { EncodingName } from "./decode.js";
import { InputError } from "./errors.js";
import { placer } from "./html-tables.js";

/** The page of an MHTML file: its HTML as bytes, the charset its part names, and where each of its lines is in the file. */
export interface MhtmlPage {
  html: Buffer;
  charset: EncodingName | null;
  /** The file's line of the page's line k (1-based), at `lines[k - 1]`. */
  lines: number[];
  /** The page's columns are the file's (no transfer encoding). */
  columns: boolean;
}

/** A file that is an MHTML message: MIME headers at its top, one of them a multipart (or HTML) Content-Type. */
export function isMhtml(head: string): boolean {
  const top = head.slice(0, 4096);
  const end = top.search(/\r?\n\r?\n/);
  const headers = end < 0 ? top : top.slice(0, end);
  return /^MIME-Version\s*:/im.test(headers) && /^Content-Type\s*:\s*(?:multipart\/related|text\/html)/im.test(headers);
}

/** Headers (unfolded, names in lower case) of a header block. */
function headersOf(block: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) out.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return out;
}

/** A parameter of a header value (`boundary="----=_NextPart_01D9"`, `charset=gb2312`). */
function param(value: string, name: string): string | null {
  const m = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, "i").exec(value);
  return m ? (m[1] ?? m[2]) : null;
}

/** The encodings a Chinese page's charset names, as the text loader knows them. */
function encodingOf(charset: string | null): EncodingName | null {
  if (!charset) return null;
  const c = charset.toLowerCase().replace(/^x-/, "");
  if (/^(?:gb2312|gbk|gb18030|cp936|windows-936|euc-cn|hz-gb-2312)$/.test(c)) return "gb18030";
  if (/^utf-?8$/.test(c)) return "utf-8";
  if (/^utf-?16(?:le)?$/.test(c)) return "utf-16le";
  if (/^utf-?16be$/.test(c)) return "utf-16be";
  return null;
}

const HEX = /^[0-9A-Fa-f]{2}$/;

/** Quoted-printable content as bytes, and the file's line of each of its lines (its soft breaks joined). */
function quotedPrintable(content: string, firstLine: number): { bytes: Buffer; lines: number[] } {
  const out = Buffer.allocUnsafe(content.length);
  let n = 0;
  const lines = [firstLine];
  let line = firstLine;
  for (let i = 0; i < content.length; i++) {
    const c = content.charCodeAt(i);
    if (c === 0x3d /* = */) {
      const next = content.slice(i + 1, i + 3);
      if (next[0] === "\n" || next === "\r\n") {
        i += next[0] === "\n" ? 1 : 2;
        line++;
        continue;
      }
      if (HEX.test(next)) {
        out[n++] = parseInt(next, 16);
        i += 2;
        continue;
      }
    }
    if (c === 0x0a) {
      line++;
      lines.push(line);
    }
    out[n++] = c & 0xff;
  }
  return { bytes: out.subarray(0, n), lines };
}

/** The page of an MHTML file (`bytes`), or an InputError naming what is missing. */
export function mhtmlPage(bytes: Buffer, file: string): MhtmlPage {
  // Headers and boundaries are ASCII; a part's content is taken as bytes (one character a byte).
  const text = bytes.toString("latin1");
  const split = /\r?\n\r?\n/g;
  const top = split.exec(text);
  if (!top) throw new InputError("not a readable single-file web page (MHTML): its headers have no end", { file });
  const headers = headersOf(text.slice(0, top.index));
  const type = headers.get("content-type") ?? "";
  let part: { headers: Map<string, string>; start: number; end: number };
  if (/^text\/html/i.test(type)) part = { headers, start: top.index + top[0].length, end: text.length };
  else {
    const boundary = param(type, "boundary");
    if (!boundary) throw new InputError("not a readable single-file web page (MHTML): its Content-Type names no boundary", { file });
    const marker = `--${boundary}`;
    let found: typeof part | null = null;
    for (let at = text.indexOf(marker); at >= 0 && !found; ) {
      const next = text.indexOf(marker, at + marker.length);
      const body = text.slice(at + marker.length, next < 0 ? text.length : next);
      if (body.startsWith("--")) break; // the closing boundary
      const blank = /\r?\n\r?\n/.exec(body);
      if (blank) {
        const h = headersOf(body.slice(0, blank.index));
        if (/^text\/html/i.test(h.get("content-type") ?? "")) {
          const start = at + marker.length + blank.index + blank[0].length;
          // The part ends before the line break that precedes the next boundary.
          let end = next < 0 ? text.length : next;
          if (text[end - 1] === "\n") end--;
          if (text[end - 1] === "\r") end--;
          found = { headers: h, start, end };
        }
      }
      at = next;
    }
    if (!found) throw new InputError("not a readable single-file web page (MHTML): it holds no HTML part", { file });
    part = found;
  }
  const encoding = (part.headers.get("content-transfer-encoding") ?? "").toLowerCase();
  const charset = encodingOf(param(part.headers.get("content-type") ?? "", "charset"));
  const content = text.slice(part.start, part.end);
  const firstLine = placer(text.slice(0, part.start))(part.start).line;
  if (encoding === "quoted-printable") {
    const { bytes: html, lines } = quotedPrintable(content, firstLine);
    return { html, charset, lines, columns: false };
  }
  if (encoding === "base64") {
    const html = Buffer.from(content.replace(/\s+/g, ""), "base64");
    let count = 1;
    for (const b of html) if (b === 0x0a) count++;
    return { html, charset, lines: new Array<number>(count).fill(firstLine), columns: false };
  }
  const html = bytes.subarray(part.start, part.end);
  let count = 1;
  for (const b of html) if (b === 0x0a) count++;
  return { html, charset, lines: Array.from({ length: count }, (_, k) => firstLine + k), columns: true };
}
