import { isUtf8 } from "node:buffer";
import { describe, expect, it } from "vitest";
import { decodeTextWithEncoding, scanUtf8 } from "../../src/loaders/decode.js";

/** A seeded draw in [0, 1) (mulberry32): the same cases on every run. */
function drawer(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * decodeTextWithEncoding takes Node's native UTF-8 check (buffer.isUtf8) as its fast path and walks the
 * bytes with scanUtf8 only when that fails: the two must call the same files well-formed, or a file would
 * be read differently depending on which way it went.
 */
describe("the native UTF-8 check and scanUtf8 agree", () => {
  it("on 20,000 drawn byte strings near the edges of well-formed UTF-8 (overlong, surrogates, above U+10FFFF, truncated)", () => {
    const r = drawer(99);
    const edges = [0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe4, 0xed, 0xee, 0xef, 0xf0, 0xf4, 0xf5, 0xff];
    let valid = 0;
    for (let n = 0; n < 20000; n++) {
      // Half: well-formed text of random code points with one byte changed; half: bytes near the edges.
      let bytes: Uint8Array;
      if (n % 2) {
        const cps = Array.from({ length: 1 + Math.floor(r() * 4) }, () => [0x41, 0x7ff, 0x800, 0xd7ff, 0xe000, 0xfffd, 0x10000, 0x10ffff, 0x4e00][Math.floor(r() * 9)]);
        bytes = new TextEncoder().encode(String.fromCodePoint(...cps));
        if (r() < 0.5) bytes[Math.floor(r() * bytes.length)] = edges[Math.floor(r() * edges.length)];
      } else {
        bytes = new Uint8Array(1 + Math.floor(r() * 8));
        for (let i = 0; i < bytes.length; i++) bytes[i] = r() < 0.7 ? edges[Math.floor(r() * edges.length)] : Math.floor(r() * 256);
      }
      const native = isUtf8(bytes);
      expect(native, `bytes ${[...bytes].map((b) => b.toString(16)).join(" ")}`).toBe(scanUtf8(bytes).firstInvalid < 0);
      if (native) valid++;
    }
    expect(valid).toBeGreaterThan(1000);
    expect(isUtf8(new TextEncoder().encode("部门预算 9,724 万元"))).toBe(true);
  });
});

describe("well-formed UTF-8 is decoded as TextDecoder decodes it", () => {
  it("with and without a byte order mark, astral characters and a BOM inside the text", () => {
    const texts = ["部门预算 9,724 万元\n表1\t收支总表", "\ufeff深圳市科学技术协会\r\n2023", "𠀀𝟘 ⅰ\ufeff\u00a0end", "a"];
    for (const t of texts) {
      const bytes = new TextEncoder().encode(t);
      const got = decodeTextWithEncoding(bytes, "x.txt");
      expect(got.encoding).toBe("utf-8");
      expect(got.text).toBe(new TextDecoder("utf-8").decode(bytes));
    }
    expect(decodeTextWithEncoding(new TextEncoder().encode("\ufeff表1"), "x.txt").text).toBe("表1");
  });
});

describe("the fast UTF-16 conversion of well-formed UTF-8 gives TextDecoder's text", () => {
  it("on 5,000 drawn strings of every range of code points, read from the middle of a larger buffer", () => {
    const r = drawer(7);
    // One code point from each range: ASCII, two-, three- and four-byte UTF-8, the edges around the surrogates.
    const ranges: [number, number][] = [[0x20, 0x7e], [0x80, 0x7ff], [0x800, 0xd7ff], [0xe000, 0xffff], [0x10000, 0x10ffff], [0x4e00, 0x9fff], [0x0a, 0x0a]];
    for (let n = 0; n < 5000; n++) {
      const cps = Array.from({ length: 1 + Math.floor(r() * 40) }, () => {
        const [lo, hi] = ranges[Math.floor(r() * ranges.length)];
        return lo + Math.floor(r() * (hi - lo + 1));
      });
      const text = String.fromCodePoint(...cps);
      const encoded = new TextEncoder().encode(text);
      // The file's bytes as a view into a larger buffer, as a pooled read gives them.
      const pool = new Uint8Array(encoded.length + 11);
      pool.set(encoded, 5);
      const bytes = pool.subarray(5, 5 + encoded.length);
      const got = decodeTextWithEncoding(bytes, "x.txt");
      expect(got.text).toBe(new TextDecoder("utf-8").decode(bytes));
    }
  });
});
