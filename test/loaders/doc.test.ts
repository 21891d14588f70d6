import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { docLines } from "../../src/loaders/doc.js";
import { inputErrorText } from "../../src/i18n/input-errors.js";
import { ROOT } from "../helpers/cli.js";

/* A Word 97–2003 document's damaged structures (doc.ts): each a one-line input error, never a crash. */

const FIXTURE = join(ROOT, "test/fixtures/doc/numbered.doc");

/** The fixture with its WordDocument stream's header changed (the stream starts at a sector, with 0xA5EC). */
function patched(patch: (header: Buffer) => void): Buffer {
  const bytes = Buffer.from(readFileSync(FIXTURE));
  for (let at = 512; at + 512 <= bytes.length; at += 512)
    if (bytes.readUInt16LE(at) === 0xa5ec && bytes.readUInt16LE(at + 2) >= 0xc0) {
      patch(bytes.subarray(at, at + 512));
      return bytes;
    }
  throw new Error("no Word file header");
}

const errorOf = (bytes: Buffer) => {
  try {
    docLines("x.doc", bytes);
  } catch (e) {
    return (e as Error).message;
  }
  return null;
};

describe("docLines on a damaged .doc", () => {
  it("the header's counts pointing past the stream (csw, cslw), and the piece table's place past the table stream", () => {
    expect(errorOf(patched((h) => h.writeUInt16LE(0xffff, 0x20)))).toBe("not a readable Word 97–2003 document (a structure points past the end of its stream); save it again from Word, or as .docx or PDF, to have it checked");
    expect(errorOf(patched((h) => h.writeUInt16LE(0xfff0, 0x22 + h.readUInt16LE(0x20) * 2)))).toMatch(/^not a readable Word 97–2003 document \((?:a structure points past the end of its stream|its piece table is missing)\)/);
    const csw = (h: Buffer) => 0x22 + h.readUInt16LE(0x20) * 2 + 2;
    const clx = (h: Buffer) => csw(h) + h.readUInt16LE(csw(h) - 2) * 4 + 2 + 33 * 8;
    expect(errorOf(patched((h) => h.writeUInt32LE(0x7fffffff, clx(h))))).toMatch(/\(its piece table is missing\)/);
    expect(inputErrorText("not a readable Word 97–2003 document (a structure points past the end of its stream); save it again from Word, or as .docx or PDF, to have it checked", "zh")).toBe("不是可读取的 Word 97–2003 文档（有结构指向其流的末尾之外）；请用 Word 重新保存，或另存为 .docx 或 PDF 后再检查");
  });

  it("the clean fixture reads", () => {
    expect(docLines("x.doc", readFileSync(FIXTURE)).lines.length).toBeGreaterThan(100);
  });
});
