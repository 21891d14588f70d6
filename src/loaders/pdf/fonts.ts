/**
 * Embedded font programs that reading the text does not need, left out before pdfjs parses the file.
 *
 * pdfjs converts every embedded font program it meets (TrueType repaired, CFF rebuilt) for rendering,
 * also when it is asked for the text only. Office and WPS exports embed whole CJK fonts: converting one
 * took ~100 MB of transient memory and 1.5 s (the finance bureau's 决算, page 2). The text does not come
 * from the font program when the font says how its codes map to Unicode: a ToUnicode map, or (a simple
 * font flagged non-symbolic) a standard named encoding; the widths come from the font dictionary
 * (/Widths, /W). For those fonts the descriptor's /FontFile, /FontFile2 or /FontFile3 key is renamed
 * (same length, so every offset of the file stays valid) and pdfjs reads the text without the program.
 *
 * A descriptor written in the open is changed in place. One inside a compressed object stream (PDF 1.5
 * and later; pdf-lib writes them) is written again, changed, in an incremental update appended to the
 * copy (the way a PDF editor saves a change): a classic xref section for those objects whose trailer
 * points back (/Prev) to the file's last one; not in an encrypted file (its object streams are
 * encrypted). A descriptor shared with a font that needs its program keeps it.
 */
import { inflateSync } from "node:zlib";
import { mapArray } from "../../util/arrays.js";

/** Encodings that give every code a glyph name, hence a Unicode value, without the font program. */
const NAMED_ENCODING = /\/Encoding\s*\/(?:WinAnsiEncoding|MacRomanEncoding|StandardEncoding|PDFDocEncoding)\b/;
const REF = String.raw`(\d+)\s+\d+\s+R`;
/** Flag 3 (value 4) of a font descriptor: symbolic, the codes are the font's own. */
const SYMBOLIC = 4;

interface Obj {
  /** Offset of the object's body (after `n g obj`) in the file; -1 inside an object stream. */
  start: number;
  body: string;
}

/** The file's objects written in the open, by number (a later definition replaces an earlier one). */
function openObjects(text: string): Map<number, Obj> {
  const objs = new Map<number, Obj>();
  const re = /(\d+)\s+\d+\s+obj\b/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const start = m.index + m[0].length;
    const endobj = text.indexOf("endobj", start);
    if (endobj < 0) break;
    const stream = text.indexOf("stream", start);
    const end = stream >= 0 && stream < endobj ? stream : endobj;
    objs.set(Number(m[1]), { start, body: text.slice(start, end) });
    // A stream's data is skipped: it may hold anything, also `1 0 obj`.
    re.lastIndex = endobj + 6;
  }
  return objs;
}

/**
 * The objects inside the file's object streams (added to `objs` where not defined in the open). The
 * streams' sizes were bounded before (guard.ts); a stream that cannot be inflated is skipped.
 */
function streamedObjects(text: string, objs: Map<number, Obj>): void {
  const re = /\/Type\s*\/ObjStm\b/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const dictStart = text.lastIndexOf("obj", m.index);
    const streamAt = text.indexOf("stream", m.index);
    if (dictStart < 0 || streamAt < 0) continue;
    const dict = text.slice(dictStart, streamAt);
    const n = Number(/\/N\s+(\d+)/.exec(dict)?.[1]);
    const first = Number(/\/First\s+(\d+)/.exec(dict)?.[1]);
    if (!/\/FlateDecode\b/.test(dict) || /\/DecodeParms\b/.test(dict) || !Number.isInteger(n) || !Number.isInteger(first)) continue;
    const dataStart = streamAt + 6 + (/^\r?\n/.exec(text.slice(streamAt + 6, streamAt + 8))?.[0].length ?? 0);
    const end = text.indexOf("endstream", dataStart);
    if (end < 0) continue;
    let data: string;
    try {
      data = inflateSync(Buffer.from(text.slice(dataStart, end), "latin1"), { finishFlush: 2 /* Z_SYNC_FLUSH */ }).toString("latin1");
    } catch {
      continue;
    }
    const header = mapArray(data.slice(0, first).trim().split(/\s+/), Number);
    for (let i = 0; i + 1 < Math.min(header.length, 2 * n); i += 2) {
      const from = first + header[i + 1];
      const to = i + 3 < header.length ? first + header[i + 3] : data.length;
      if (!objs.has(header[i])) objs.set(header[i], { start: -1, body: data.slice(from, to) });
    }
  }
}

const refIn = (body: string, key: string): number | null => {
  const m = new RegExp(String.raw`/${key}\s*` + REF).exec(body);
  return m ? Number(m[1]) : null;
};

/**
 * The bytes with the font programs the text does not need renamed out of their descriptors (a copy;
 * the input is not changed), and how many descriptors were changed.
 */
export function withoutFontPrograms(bytes: Uint8Array): { bytes: Uint8Array; stripped: number } {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  const out = bytes.slice();
  const compressed = text.includes("/ObjStm");
  if (!text.includes("/FontFile") && !compressed) return { bytes: out, stripped: 0 };
  const objs = openObjects(text);
  const encrypted = /\/Encrypt\b/.test(text);
  if (!encrypted && compressed) streamedObjects(text, objs);
  const strip = new Set<number>();
  const keep = new Set<number>();
  for (const o of objs.values()) {
    // CIDFonts are looked at through their Type0 font (which holds the ToUnicode map).
    if (!/\/Type\s*\/Font\b/.test(o.body) || /\/Subtype\s*\/CIDFontType[02]\b/.test(o.body)) continue;
    const toUnicode = /\/ToUnicode\b/.test(o.body);
    if (/\/Subtype\s*\/Type0\b/.test(o.body)) {
      // The descendant CIDFont: `[11 0 R]` in place, or a reference to an array object.
      const inline = new RegExp(String.raw`/DescendantFonts\s*\[\s*` + REF).exec(o.body);
      const arrayRef = refIn(o.body, "DescendantFonts");
      const desc = inline ? Number(inline[1]) : arrayRef !== null ? Number(new RegExp(REF).exec(objs.get(arrayRef)?.body ?? "")?.[1] ?? NaN) : NaN;
      const fd = refIn(objs.get(desc)?.body ?? "", "FontDescriptor");
      if (fd !== null) (toUnicode ? strip : keep).add(fd);
      continue;
    }
    const fd = refIn(o.body, "FontDescriptor");
    if (fd === null) continue;
    const flags = Number(/\/Flags\s+(\d+)/.exec(objs.get(fd)?.body ?? "")?.[1] ?? SYMBOLIC);
    // The widths from /Widths in any case (without them pdfjs would measure the glyphs in the program).
    const mapped = /\/Widths\b/.test(o.body) && (toUnicode || (NAMED_ENCODING.test(o.body) && !(flags & SYMBOLIC)));
    (mapped ? strip : keep).add(fd);
  }
  let stripped = 0;
  const rewritten: [number, string][] = [];
  for (const n of strip) {
    const o = objs.get(n);
    if (keep.has(n) || !o) continue;
    const key = /\/FontFile[23]?(?=[\s/<[(\d])/.exec(o.body);
    if (!key) continue;
    // `/FontFile2` → `/FontFileZ`, `/FontFile` → `/FontFilZ`: a key pdfjs does not know, of the same length.
    const renamed = key[0].length === 9 ? "/FontFilZ" : "/FontFileZ";
    if (o.start >= 0) out.set(Buffer.from(renamed, "latin1"), o.start + key.index);
    else rewritten.push([n, o.body.slice(0, key.index) + renamed + o.body.slice(key.index + key[0].length)]);
    stripped++;
  }
  if (rewritten.length === 0) return { bytes: out, stripped };
  const update = incrementalUpdate(text, rewritten);
  if (!update) return { bytes: out, stripped: stripped - rewritten.length };
  const whole = new Uint8Array(out.length + update.length);
  whole.set(out);
  whole.set(update, out.length);
  return { bytes: whole, stripped };
}

/**
 * An incremental update that defines the given objects (number, body) again: the objects, a classic
 * xref section for them and a trailer that points back to the file's last xref (table or stream) and
 * repeats its /Root, /Size, /Info and /ID. Null when the last trailer cannot be found.
 */
function incrementalUpdate(text: string, objects: [number, string][]): Uint8Array | null {
  const sx = text.lastIndexOf("startxref");
  const prev = Number(/^startxref\s+(\d+)/.exec(text.slice(sx, sx + 40))?.[1]);
  if (sx < 0 || !Number.isInteger(prev) || prev >= text.length) return null;
  // The trailer: after the table (`xref … trailer << … >>`) or the xref stream's dictionary.
  const at = text.slice(prev, prev + 4) === "xref" ? text.indexOf("trailer", prev) : prev;
  const end = text.indexOf(text.slice(prev, prev + 4) === "xref" ? "startxref" : "stream", at);
  if (at < 0 || end < 0) return null;
  const trailer = text.slice(at, end);
  const root = new RegExp("/Root\\s*" + REF).exec(trailer);
  const size = Number(/\/Size\s+(\d+)/.exec(trailer)?.[1]);
  if (!root || !Number.isInteger(size)) return null;
  const info = new RegExp("/Info\\s*" + REF).exec(trailer);
  const id = /\/ID\s*(\[[^\]]*\])/.exec(trailer);
  let out = "\n";
  const offsets: [number, number][] = [];
  for (const [n, body] of objects) {
    offsets.push([n, text.length + out.length]);
    out += `${n} 0 obj\n${body.trim()}\nendobj\n`;
  }
  const xref = text.length + out.length;
  out += "xref\n";
  for (const [n, offset] of offsets.sort((a, b) => a[0] - b[0])) out += `${n} 1\n${String(offset).padStart(10, "0")} 00000 n \n`;
  const extra = `${info ? ` /Info ${info[1]} 0 R` : ""}${id ? ` /ID ${id[1]}` : ""}`;
  out += `trailer\n<< /Size ${Math.max(size, ...mapArray(objects, ([n]) => n + 1))} /Root ${root[1]} 0 R${extra} /Prev ${prev} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}
