import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { docLines } from "../../src/loaders/doc.js";
import { cli, ROOT, SEED } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";
import { expectReadAlike, refusalTests, tabTextOf, type ReportedFinding } from "../helpers/read-alike.js";

/*
 * A Word 97–2003 document (.doc), the form many departments still draft in, and WPS's .wps. Until round 34 it was
 * refused ("save it as .docx"). It is read as the same document's .docx is: the findings of its text, each table
 * figure at `表格N` and its cell, a paragraph's at its number. The .doc files are LibreOffice's (fixtures).
 */

const dir = tempDir("doc");
const SEED_DOC = "fixtures/shenzhen-sast-2023/document.doc";
const SHANGHAI = "fixtures/shanghai/shanghai-putuo_wanli-subdistrict-office_2023_dept-budget";
const tabs = new Map<string, string>();
beforeAll(() => {
  for (const [name, f] of [
    ["seed", SEED],
    ["shanghai", `${SHANGHAI}.txt`],
  ]) {
    const tab = join(dir, `${name}.md`);
    writeFileSync(tab, tabTextOf(f));
    tabs.set(name, tab);
  }
});

/** The .doc file's bytes with its WordDocument stream's header changed (the stream starts at a sector, with 0xA5EC). */
function patchedHeader(file: string, patch: (header: Buffer) => void): Buffer {
  const bytes = Buffer.from(readFileSync(join(ROOT, file)));
  for (let at = 512; at + 512 <= bytes.length; at += 512)
    if (bytes.readUInt16LE(at) === 0xa5ec && bytes.readUInt16LE(at + 2) >= 0xc0) {
      patch(bytes.subarray(at, at + 512));
      return bytes;
    }
  throw new Error("no Word file header");
}

describe("a Word 97–2003 document is read as the same document's text is", () => {
  it("the seed with tracked changes and merged header cells: its text's findings; the deleted text and the field code are in the file, not read", () => {
    const bytes = readFileSync(join(ROOT, SEED_DOC));
    expect(bytes.indexOf(Buffer.from("9999.99万元", "utf16le"))).toBeGreaterThan(0);
    expect(bytes.indexOf(Buffer.from("QUOTE", "utf16le"))).toBeGreaterThan(0);
    const got = expectReadAlike(SEED_DOC, tabs.get("seed")!, "docx");
    expect(JSON.stringify(got)).not.toMatch(/9999\.99|QUOTE/);
    expect(cli([SEED_DOC]).stderr).toBe("");
  });

  it("Shanghai's 2023 万里街道 budget: read with Shanghai's template, its text's findings", () => {
    expect(expectReadAlike(`${SHANGHAI}.doc`, tabs.get("shanghai")!, "docx").template).toBe("shanghai");
  });

  it("each figure is where the .doc prints it: a table cell at 表格N and its cell, a paragraph at its number", () => {
    let located = 0;
    for (const file of [SEED_DOC, `${SHANGHAI}.doc`]) {
      const read = docLines(file, readFileSync(join(ROOT, file)));
      const cells = new Map<string, string>();
      const paragraphs = new Map<number, string>();
      for (const l of read.lines) {
        const place = read.places.get(l.line)!;
        if (place.cells) place.cells.forEach((c, k) => cells.set(`${c.sheet}!${c.cell}`, l.cells![k]?.text ?? ""));
        else paragraphs.set(place.row.line!, (paragraphs.get(place.row.line!) ?? "") + l.raw);
      }
      const run = cli([file, "--format", "json"]);
      const findings = (JSON.parse(run.stdout).documents[0].findings as ReportedFinding[]).filter((f) => f.stated !== null);
      const inTables = findings.filter((f) => f.location.sheet);
      const inText = findings.filter((f) => f.location.line);
      expect(inTables.length + inText.length).toBeGreaterThan(5);
      located += inTables.length;
      const plain = (s: string) => s.replace(/[,\s]/g, "");
      for (const f of inTables) expect(plain(cells.get(`${f.location.sheet}!${f.location.cell}`) ?? "MISSING"), `${f.message} at ${f.location.sheet}!${f.location.cell}`).toContain(plain(f.stated!).replace(/\.?0+$/, ""));
      for (const f of inText) expect(plain(paragraphs.get(f.location.line!) ?? "MISSING"), `${f.message} at paragraph ${f.location.line}`).toContain(plain(f.stated!).replace(/\.?0+$/, ""));
      expect(findings.every((f) => f.location.page === undefined)).toBe(true);
    }
    expect(located, "figures located in tables").toBeGreaterThan(5);
  });

  it("WPS's .wps (the same format) is read alike, without a note", () => {
    const wps = join(dir, "部门预算.wps");
    copyFileSync(join(ROOT, SEED_DOC), wps);
    expectReadAlike(wps, tabs.get("seed")!, "docx");
    expect(cli([wps]).stderr).toBe("");
  });
});

describe("a .doc that cannot be read: a one-line error saying what it is (in Chinese too), exit 2, the others checked", () => {
  const cases: [string, () => Buffer, string, string][] = [
    ["password.doc", () => patchedHeader(SEED_DOC, (h) => h.writeUInt16LE(h.readUInt16LE(0x0a) | 0x0100, 0x0a)), "a document saved with a password is not read; save it again without a password to have it checked", "设置了密码的文档不读取"],
    ["word95.doc", () => patchedHeader(SEED_DOC, (h) => h.writeUInt16LE(0x0065, 2)), "a Word 6.0/95 document is not read; save it as .docx or PDF to have it checked", "不读取 Word 6.0/95 文档"],
    ["book.doc", () => readFileSync(join(ROOT, "fixtures/shenzhen-sast-2023/workbook.xls")), "not a Word document but an Excel 97–2003 workbook under the name; name it .xls to have it checked", "不是 Word 文档，而是改名的 Excel 97–2003 工作簿"],
    ["cut.doc", () => readFileSync(join(ROOT, SEED_DOC)).subarray(0, 100_000), "not a readable Word 97–2003 document (a sector lies past the end of the file); save it again from Word, or as .docx or PDF, to have it checked", "不是可读取的 Word 97–2003 文档（有扇区超出文件末尾，文件不完整）"],
  ];
  refusalTests(dir, cases);
});

describe("list numbers Word draws from a .doc's list tables", () => {
  it("are read as LibreOffice draws them: every paragraph of the seed's written parts, 一、 第一部分 （一） and restarts", () => {
    const read = docLines("numbered.doc", readFileSync(join(ROOT, "test/fixtures/doc/numbered.doc")));
    const plain = (s: string) => s.replace(/^## /, "").replace(/\s+/g, "");
    const mine = read.lines.map((l) => plain(l.raw)).filter((t) => t);
    const theirs = readFileSync(join(ROOT, "test/fixtures/doc/numbered.libreoffice.txt"), "utf8").replace(/^\uFEFF/, "").split(/\r?\n/).map(plain).filter((t) => t);
    // The numbers are not in the text: Word (and LibreOffice) draw them.
    const bytes = readFileSync(join(ROOT, "test/fixtures/doc/numbered.doc"));
    expect(bytes.indexOf(Buffer.from("第二部分", "utf16le"))).toBe(-1);
    expect(mine).toContain("第二部分部门预算收支总体情况");
    expect(mine.filter((t) => /^（[一二三四五六七八九十]+）/.test(t)).length).toBeGreaterThan(5);
    expect(mine).toEqual(theirs);
  });
});

describe("headings of a .doc", () => {
  it("a paragraph of a heading style (its own or the one it is based on) is a heading, as in the .docx it was saved from", async () => {
    const { docxLines } = await import("../../src/loaders/docx.js");
    const { zipParts } = await import("../../src/loaders/zip-limits.js");
    const { inflateRawSync } = await import("node:zlib");
    const docx = readFileSync(join(ROOT, "test/fixtures/doc/heading-styles.docx"));
    const parts = zipParts(docx, 100);
    if (!Array.isArray(parts)) throw new Error("not a zip");
    const part = (name: string) => {
      const p = parts.find((x) => x.name === name);
      return p ? (p.method === 8 ? inflateRawSync(p.data) : p.data).toString("utf8") : "";
    };
    expect(part("word/document.xml")).not.toContain("<w:jc ");
    const headings = (raws: string[]) => raws.filter((r) => r.startsWith("## ")).map((r) => r.replace(/\s+/g, ""));
    const expected = headings(docxLines("h.docx", { document: part("word/document.xml"), styles: part("word/styles.xml"), numbering: part("word/numbering.xml") }).lines.map((l) => l.raw));
    const got = headings(docLines("h.doc", readFileSync(join(ROOT, "test/fixtures/doc/heading-styles.doc"))).lines.map((l) => l.raw));
    expect(expected.length).toBeGreaterThan(15);
    expect(got).toEqual(expected);
  });
});
