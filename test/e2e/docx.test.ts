import { readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { beforeAll, describe, expect, it } from "vitest";
import { cli, cliJson, ROOT, SEED } from "../helpers/cli.js";
import { asDocx, docxPages, editDocumentXml, zip, type DocxOptions } from "../helpers/docx.js";
import iconv from "iconv-lite";
import { asWordPage } from "../helpers/html-page.js";
import { asMhtml } from "../helpers/mhtml.js";
import { tempDir } from "../helpers/tmp.js";
import { expectReadAlike, READ_ALIKE_FIXTURES, said, tabTextOf, type ReportedFinding } from "../helpers/read-alike.js";

/*
 * A Word document (.docx): the form a disclosure is drafted in before it is published. Until round 33 it was
 * refused ("save it as PDF"). It is read as the same document in the tab-separated form is: every bundled
 * document, written as a .docx by test/helpers/docx.ts — plainly, and with what Word adds (list numbers drawn
 * from numbering.xml, tracked changes, fields, a 目录 in a content control with PAGEREF fields, merged header
 * cells, its last layout's page breaks, WPS's way of writing it) — gives the findings of its text.
 */

type Finding = ReportedFinding;

const FIXTURES = READ_ALIKE_FIXTURES;
const EVERYTHING: DocxOptions = { numbered: true, pages: true, tracked: true, toc: true, merged: true };

const dir = tempDir("docx");
const forms = new Map<string, { tab: string; tabText: string; plain: string; word: string; wps: string }>();
beforeAll(() => {
  for (const f of FIXTURES) {
    const tabText = tabTextOf(f);
    const stem = basename(f).replace(/\.(txt|md)$/, "") + (f === SEED ? "-seed" : "");
    const tab = join(dir, `${stem}.md`);
    writeFileSync(tab, tabText);
    const form = (name: string, opts: DocxOptions) => {
      const path = join(dir, `${stem}-${name}.docx`);
      writeFileSync(path, asDocx(tabText, opts));
      return path;
    };
    forms.set(f, { tab, tabText, plain: form("plain", {}), word: form("word", EVERYTHING), wps: form("wps", { ...EVERYTHING, wps: true }) });
  }
});

describe("a Word document is read as the same document in the tab-separated form is", () => {
  for (const f of FIXTURES)
    for (const form of ["plain", "word", "wps"] as const)
      it(`${basename(f)} as ${form === "plain" ? "a plain .docx" : form === "word" ? "Word writes it (numbering, tracked changes, fields, 目录, merged cells, pages)" : "WPS writes it"}: the same template, tables and errors, warnings`, () => {
        const { tab, [form]: copy } = forms.get(f)!;
        expectReadAlike(copy, tab, "docx");
      });
});

describe("a Word document written by another program", () => {
  // LibreOffice 7.4's .docx of the seed and of the 万里街道 2023 budget (fixtures/shanghai/README.md says how):
  // its own styles (Heading2 named "heading 2"), cells with borders and widths, runs split by its own rules.
  it("LibreOffice's .docx of the seed and of a Shanghai budget read as their texts do", () => {
    expectReadAlike(join(ROOT, "fixtures/shenzhen-sast-2023/document.docx"), join(ROOT, SEED), "docx");
    expectReadAlike(join(ROOT, "fixtures/shanghai/shanghai-putuo_wanli-subdistrict-office_2023_dept-budget.docx"), forms.get(READ_ALIKE_FIXTURES[2])!.tab, "docx");
  });
});

describe("where a figure of a Word document is", () => {
  it("a table's figure: the table's number in the document and its cell (表格N!C5), quoted by its row; a paragraph's: its number", () => {
    const { word } = forms.get(SEED)!;
    const findings = cliJson([word]).report.documents[0].findings as Finding[];
    const inTables = findings.filter((f) => f.location.sheet);
    const inText = findings.filter((f) => !f.location.sheet && f.stated !== null);
    expect(inTables.length).toBeGreaterThan(20);
    expect(inText.length).toBeGreaterThan(5);
    for (const f of inTables) {
      expect(f.location.sheet, f.message).toMatch(/^表格\d+$/);
      expect(f.location.cell, f.message).toMatch(/^[A-Z]+\d+$/);
      expect(f.location.line, f.message).toBeUndefined();
    }
    for (const f of inText) expect(f.location.line, f.message).toBeGreaterThan(0);
    // The quote marks the figure stated, in tables and text alike.
    for (const f of findings.filter((x) => x.stated !== null && x.quote))
      expect(f.quote!.replace(/,/g, ""), f.message).toContain(`»${f.stated!.replace(/\.?0+$/, "")}`);
  });

  it("the page is the one Word last laid the figure out on (its lastRenderedPageBreak marks), none where it saved no layout", () => {
    const { tab, tabText, word, plain } = forms.get(SEED)!;
    const pages = docxPages(tabText);
    const expected = (cliJson([tab]).report.documents[0].findings as Finding[]).filter((f) => f.severity !== "info");
    const got = (cliJson([word]).report.documents[0].findings as Finding[]).filter((f) => f.severity !== "info");
    expect(got.length).toBe(expected.length);
    const byMessage = new Map(said(expected).map((m, i) => [m, i]));
    expect(byMessage.size).toBeGreaterThan(5);
    // Each finding on the page its line of the tab-separated text is put on.
    const sortedExpected = [...expected].sort((a, b) => (said([a])[0] < said([b])[0] ? -1 : 1));
    const sortedGot = [...got].sort((a, b) => (said([a])[0] < said([b])[0] ? -1 : 1));
    sortedGot.forEach((f, i) => {
      const line = sortedExpected[i].location.line!;
      expect(f.location.page, `${f.message} (line ${line} of the text)`).toBe(pages.get(line));
    });
    expect(new Set(got.map((f) => f.location.page)).size).toBeGreaterThanOrEqual(3);
    for (const f of cliJson([plain]).report.documents[0].findings as Finding[]) expect(f.location.page, f.message).toBeUndefined();
  });
});

describe("tables pasted as pictures or Excel objects (not read) are said to be the likely reason", () => {
  const PICTURE = '<w:p><w:r><w:drawing><wp:inline><a:graphic><a:graphicData><pic:pic/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>';
  const OBJECT = '<w:p><w:r><w:object><v:shape><v:imagedata r:id="rId9"/></v:shape><o:OLEObject ProgID="Excel.Sheet.12"/></w:object></w:r></w:p>';
  // (A text box is a drawing too, but its text is read: it is no picture.)
  const TEXT_BOX = '<w:p><w:r><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>附注</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></w:r></w:p>';
  const dir = tempDir("docx-pictures");
  const docx = (name: string, text: string, edit: (xml: string) => string) => {
    const path = join(dir, name);
    writeFileSync(path, editDocumentXml(asDocx(text), edit));
    return path;
  };

  it("the seed's tables as pictures, or as embedded objects, under their titles: a warning naming the tables and what the body holds", () => {
    const seed = forms.get(SEED)!.tabText;
    for (const [name, object, what] of [["pictures", PICTURE, "40 pictures"], ["objects", OBJECT, "40 embedded objects"]] as const) {
      const path = docx(`seed-${name}.docx`, seed, (xml) => xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, object).replace("<w:body>", `<w:body>${TEXT_BOX}`));
      const findings = cliJson([path]).report.documents[0].findings as Finding[];
      const warning = findings.filter((f) => f.ruleId === "table-presence" && f.message.includes("no row read"));
      expect(warning.map((f) => f.message)).toEqual([
        `T1: T1, T3, T6, T7, T8, T9, T10, T11, T12 are printed as their titles with no row read under them, and the body holds ${what}, which are not read: if they are the tables, paste them as Word tables to have them checked`,
      ]);
    }
    // A document whose tables are read says nothing of its pictures.
    const withPicture = docx("seed-and-picture.docx", seed, (xml) => xml.replace("<w:body>", `<w:body>${PICTURE}`));
    expect((cliJson([withPicture]).report.documents[0].findings as Finding[]).filter((f) => f.message.includes("picture"))).toEqual([]);
  });

  it("written parts alone with pictures: the warning that the tables were not checked names them; without a disclosure's title, the refusal does", () => {
    const seed = forms.get(SEED)!.tabText;
    const written = seed.slice(0, seed.lastIndexOf("## 二、表格部分"));
    const alone = docx("written.docx", written, (xml) => xml.replace("<w:sectPr", `${PICTURE.repeat(12)}${OBJECT}<w:sectPr`));
    const doc = cliJson([alone]).report.documents[0];
    expect(doc.tables.filter((t: { present: boolean }) => t.present)).toEqual([]);
    const presence = (doc.findings as Finding[]).filter((f) => f.ruleId === "table-presence").map((f) => f.message);
    expect(presence).toEqual([
      "text: the contents list 12 tables and the document prints none of them: only its written parts were checked; if the tables are published apart (an attachment, images), check them too; its body holds 12 pictures and 1 embedded object, which are not read: if they are the tables, paste them as Word tables to have them checked",
    ]);
    const notes = docx("notes.docx", "会议纪要\n\n请各单位按时报送材料。\n", (xml) => xml.replace("<w:sectPr", `${PICTURE.repeat(2)}${OBJECT}<w:sectPr`));
    const r = cli([notes]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(`budget-check: ${notes}: not a budget disclosure as read: no Word table of a known kind, and its body holds 2 pictures and 1 embedded object, which are not read; if they are the tables, paste them as Word tables to have them checked`);
    expect(cli([notes, "--lang", "zh"]).stderr).toContain("没有可识别类型的 Word 表格，正文中有 2 张图片、1 个嵌入对象，未读取；如为表格，请粘贴为 Word 表格后再检查");
  });
});

describe("Word documents in a batch, and .docx files that are not Word documents", () => {
  it("the report of a batch of Word documents (one of them not a Word document) follows docs/report.schema.json", () => {
    const schema = JSON.parse(readFileSync(join(ROOT, "docs", "report.schema.json"), "utf8"));
    const validate = new Ajv2020.default({ allErrors: true, strict: false }).compile(schema);
    const broken = join(tempDir("docx-schema"), "broken.docx");
    writeFileSync(broken, "not a zip");
    const { report } = cliJson([...[...forms.values()].map((f) => f.word), broken]);
    expect(report.documents).toHaveLength(FIXTURES.length + 1);
    expect(report.documents.at(-1).format).toBe("docx");
    validate(report);
    expect(validate.errors ?? []).toEqual([]);
  });

  it("a batch folder's .docx is checked; the lock file Word keeps beside an open document (~$) is not", () => {
    const batch = tempDir("docx-batch");
    writeFileSync(join(batch, "部门预算.docx"), readFileSync(forms.get(SEED)!.plain));
    writeFileSync(join(batch, "~$部门预算.docx"), Buffer.from("owner name, not a document"));
    const r = cliJson([batch]);
    expect(r.report.documents.map((d: { path: string }) => basename(d.path))).toEqual(["部门预算.docx"]);
    expect(r.report.documents[0].failure).toBeNull();
  });

  it("a file that is not a Word document gets a one-line error naming it (exit 2), and the batch's others are checked", () => {
    const bad = tempDir("docx-bad");
    const ole = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    writeFileSync(join(bad, "old.docx"), ole);
    writeFileSync(join(bad, "text.docx"), "2023年部门预算\n");
    writeFileSync(join(bad, "good.docx"), readFileSync(forms.get(SEED)!.plain));
    const r = cli([join(bad, "old.docx"), join(bad, "text.docx"), join(bad, "good.docx"), "--format", "json"]);
    expect(r.status).toBe(2);
    const lines = r.stderr.trim().split("\n");
    // (An OLE file is read as a Word 97–2003 document, as a .doc given the new name is: this one is a damaged one.)
    expect(lines.find((l) => l.includes("old.docx"))).toContain("not a readable Word 97–2003 document (its header is damaged)");
    expect(lines.find((l) => l.includes("text.docx"))).toContain("not a readable .docx document (not a zip archive, or a damaged one)");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const docs = JSON.parse(r.stdout).documents;
    expect(docs.find((d: { path: string }) => d.path.endsWith("good.docx")).failure).toBeNull();
    const zh = cli([join(bad, "old.docx"), "--lang", "zh"]);
    expect(zh.status).toBe(2);
    expect(zh.stderr).toContain("不是可读取的 Word 97–2003 文档（文件头已损坏）");
  });
});

describe("a Word document whose content is one chunk of HTML or MHTML (altChunk), as some web systems export one", () => {
  /** A .docx whose body is one altChunk, its part named by the document's relationships. */
  const chunked = (name: string, target: string, data: Buffer | string, type: string) =>
    zip([
      { name: "[Content_Types].xml", data: `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="${target.split(".").pop()}" ContentType="${type}"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>` },
      { name: "word/document.xml", data: '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body><w:altChunk r:id="AltChunkId1"/><w:sectPr/></w:body></w:document>' },
      { name: "word/_rels/document.xml.rels", data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="AltChunkId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="${target}"/></Relationships>` },
      { name: `word/${target}`, data },
    ]);

  it("an MHTML chunk (GB2312, quoted-printable) and an HTML chunk: read as the web page each is, format docx", { timeout: 120_000 }, () => {
    for (const f of [SEED, "fixtures/shanghai/shanghai-putuo_wanli-subdistrict-office_2023_dept-budget.txt"]) {
      const { tab, tabText } = forms.get(f)!;
      const page = iconv.encode(asWordPage(tabText), "gb18030");
      const mht = join(dir, `${basename(tab)}-chunk-mht.docx`);
      writeFileSync(mht, chunked("mht", "afchunk.mht", asMhtml(page), "message/rfc822"));
      const got = expectReadAlike(mht, tab, "docx");
      expect(got.encoding).toBeUndefined();
      const htm = join(dir, `${basename(tab)}-chunk-htm.docx`);
      writeFileSync(htm, chunked("htm", "afchunk.htm", page, "text/html"));
      expectReadAlike(htm, tab, "docx");
    }
  });

  it("an RTF chunk is not read: the one-line error that says what the file is", () => {
    const rtf = join(dir, "chunk-rtf.docx");
    writeFileSync(rtf, chunked("rtf", "afchunk.rtf", "{\\rtf1\\ansi 部门预算}", "application/rtf"));
    const r = cli([rtf]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`budget-check: ${rtf}: its content is an HTML or RTF chunk that Word converts on opening (an altChunk), not Word paragraphs and tables; open it in Word and save it again (or as PDF) to have it checked\n`);
  });
});
