import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import iconv from "iconv-lite";
import { cli, cliJson, ROOT, SEED } from "../helpers/cli.js";
import { asWordPage } from "../helpers/html-page.js";
import { asHtmlTables } from "../helpers/tab-form.js";
import { tempDir } from "../helpers/tmp.js";
import { expectReadAlike, expectRefusedBesideSeed, said, tabTextOf } from "../helpers/read-alike.js";

/*
 * A file named .doc or .xls that holds another form. A web system's "export to Word" or "export to Excel" writes
 * a web page or tab-separated text under that name (Word and Excel open it as if it were one), and a .docx or
 * .xlsx is often renamed by hand. Until now every such file was refused by its name ("a Word 97–2003 document is
 * not read"), which was wrong about what it is. Each is read as what it holds, with a note on stderr; a real
 * Word or Excel 97–2003 file (OLE) and the forms not read keep a one-line error.
 */

const dir = tempDir("office-names");
const SHANGHAI = "fixtures/shanghai/shanghai-putuo_wanli-subdistrict-office_2023_dept-budget.txt";
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
let seedTab = "";
let shanghaiTab = "";

beforeAll(() => {
  seedTab = join(dir, "seed.md");
  writeFileSync(seedTab, tabTextOf(SEED));
  shanghaiTab = join(dir, "shanghai.md");
  writeFileSync(shanghaiTab, tabTextOf(SHANGHAI));
});

const noteOf = (stderr: string, file: string) => stderr.split("\n").filter((l) => l.startsWith(`budget-check: ${file}: note: `));

describe("a file named .doc or .xls that holds a form that is read is read as that form", () => {
  it("a web page saved by Word (GB18030) named .doc: the findings of its text, and a note saying what it is", () => {
    const doc = join(dir, "部门预算.doc");
    writeFileSync(doc, iconv.encode(asWordPage(readFileSync(shanghaiTab, "utf8")), "gb18030"));
    const got = expectReadAlike(doc, shanghaiTab, "markdown");
    expect(got.encoding).toBe("gb18030");
    const r = cli([doc]);
    expect(noteOf(r.stderr, doc)).toEqual([`budget-check: ${doc}: note: a web page (HTML) named .doc: read as such`]);
  });

  it("an export of HTML tables named .xls (no <html>, only the tables and lines between them) reads as its text", () => {
    const xls = join(dir, "导出.xls");
    writeFileSync(xls, asHtmlTables(readFileSync(shanghaiTab, "utf8")));
    expect(readFileSync(xls, "utf8")).not.toMatch(/<html|<body/i);
    expectReadAlike(xls, shanghaiTab, "markdown");
  });

  it("tab-separated text in GB18030 named .xls (as a system's 'export to Excel' writes) reads as the same text", () => {
    const xls = join(dir, "收支总表.xls");
    writeFileSync(xls, iconv.encode(readFileSync(seedTab, "utf8"), "gb18030"));
    const got = expectReadAlike(xls, seedTab, "markdown");
    expect(got.encoding).toBe("gb18030");
    expect(noteOf(cli([xls]).stderr, xls)).toEqual([`budget-check: ${xls}: note: text named .xls: read as such`]);
  });

  it("a .docx renamed .doc, and an .xlsx renamed .xls, are read as Word document and workbook, findings and places as under their own names", () => {
    const doc = join(dir, "renamed.doc");
    copyFileSync(join(ROOT, "fixtures/shenzhen-sast-2023/document.docx"), doc);
    const xls = join(dir, "renamed.xls");
    copyFileSync(join(ROOT, "fixtures/shenzhen-sast-2023/workbook.xlsx"), xls);
    for (const [copy, original, format] of [
      [doc, "fixtures/shenzhen-sast-2023/document.docx", "docx"],
      [xls, "fixtures/shenzhen-sast-2023/workbook.xlsx", "xlsx"],
    ]) {
      const expected = cliJson([original]).report.documents[0];
      const run = cliJson([copy]);
      const got = run.report.documents[0];
      expect(got.failure).toBeNull();
      expect(got.format).toBe(format);
      expect(said(got.findings).length).toBeGreaterThan(0);
      expect(said(got.findings)).toEqual(said(expected.findings));
      // Every finding at the same sheet and cell, or paragraph and page, in the renamed file.
      const at = (fs: { ruleId: string; location: object }[], file: string) => fs.map((f) => JSON.stringify({ ...f.location, file: f.location && file })).sort();
      expect(at(got.findings, "F")).toEqual(at(expected.findings, "F"));
      expect(got.findings.every((f: { location: { file: string } }) => f.location.file === copy)).toBe(true);
      expect(run.status).toBe(expected.summary.error > 0 ? 1 : 0);
    }
    expect(noteOf(cli([doc]).stderr, doc)).toEqual([`budget-check: ${doc}: note: a Word document (.docx) named .doc: read as such`]);
    expect(noteOf(cli([xls]).stderr, xls)).toEqual([`budget-check: ${xls}: note: an Excel workbook (.xlsx) named .xls: read as such`]);
  });

  it("in a batch folder: each read as what it holds beside a damaged .xls; exit 2, the rest checked and noted", () => {
    const batch = join(dir, "batch");
    mkdirSync(batch);
    writeFileSync(join(batch, "a.xls"), iconv.encode(readFileSync(seedTab, "utf8"), "gb18030"));
    writeFileSync(join(batch, "b.xls"), OLE2);
    copyFileSync(join(ROOT, "fixtures/shenzhen-sast-2023/document.docx"), join(batch, "c.doc"));
    // Beside a document of the same name that is read, a file that is read is checked too (not taken for the
    // same document: an export of the tables alone, say); one that is not read is skipped with a note.
    copyFileSync(seedTab, join(batch, "a.md"));
    writeFileSync(join(batch, "d.md"), readFileSync(seedTab));
    writeFileSync(join(batch, "d.doc"), "{\\rtf1 部门预算}");
    const r = cliJson([batch]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${join(batch, "d.doc")}: skipped: a rich-text document (RTF) named .doc is not read; the same document as d.md, which is checked`);
    expect(r.report.documents.map((d: { path: string; format: string; failure: unknown }) => [d.path.slice(batch.length + 1), d.failure ? "failed" : d.format])).toEqual([
      ["a.md", "markdown"],
      ["a.xls", "markdown"],
      // (an OLE file is read as an Excel 97–2003 workbook, whose reader says this one is none)
      ["b.xls", "failed"],
      ["c.doc", "docx"],
      ["d.md", "markdown"],
    ]);
    expect(r.stderr).toContain(`${join(batch, "b.xls")}: not a readable Excel 97–2003 workbook (not a compound file); save it again from Excel, or as .xlsx, to have it checked`);
    expect(r.stderr).toContain(`${join(batch, "a.xls")}: note: text named .xls: read as such`);
    expect(r.stderr).toContain(`${join(batch, "c.doc")}: note: a Word document (.docx) named .doc: read as such`);
  });
});

describe("beside the same document in a form that is read", () => {
  it("a damaged OFD file beside its .doc is skipped with a note; two damaged files of one name are two failures, neither skipped for the other", () => {
    const batch = join(dir, "twins");
    mkdirSync(batch);
    copyFileSync(join(ROOT, "fixtures/shenzhen-sast-2023/document.doc"), join(batch, "x.doc"));
    writeFileSync(join(batch, "x.ofd"), Buffer.from("PK\u0003\u0004\u0014\u0000", "latin1"));
    writeFileSync(join(batch, "y.doc"), Buffer.from([1, 2, 0, 3]));
    writeFileSync(join(batch, "y.xls"), Buffer.from([4, 5, 0, 6]));
    const r = cliJson([batch]);
    expect(r.status).toBe(2);
    expect(r.report.documents.map((d: { path: string; failure: unknown }) => [d.path.slice(batch.length + 1), !!d.failure])).toEqual([
      ["x.doc", false],
      ["y.doc", true],
      ["y.xls", true],
    ]);
    expect(r.stderr).toContain(`${join(batch, "x.ofd")}: skipped: not a readable OFD document (not a zip archive, or a damaged one); the same document as x.doc, which is checked`);
  });
});

describe("a file named .doc or .xls that holds a form that is not read: a one-line error saying what it holds", () => {
  const cases: [string, string | Buffer, string, string][] = [
    ["rtf.doc", "{\\rtf1\\ansi\\ansicpg936 {\\fonttbl}部门预算}", "a rich-text document (RTF) named .doc is not read; save it as .docx or PDF (or as text, .txt, or as a web page, .htm) to have it checked", "不读取以 .doc 命名的 RTF 文档"],
    [
      "data.xls",
      '<?xml version="1.0" encoding="UTF-8"?>\r\n<exportData><record><项目>一般公共服务支出</项目><金额>12.00</金额></record></exportData>',
      "an XML file named .xls is not read; save it as an Excel workbook (.xlsx) to have it checked",
      "不读取以 .xls 命名的 XML 文件",
    ],
    [
      "xml2003.doc",
      '<?xml version="1.0" encoding="UTF-8"?><?mso-application progid="Word.Document"?><w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"><w:body/></w:wordDocument>',
      "a Word 2003 XML document named .doc is not read; save it as .docx or PDF (or as text, .txt, or as a web page, .htm) to have it checked",
      "不读取以 .doc 命名的 Word 2003 XML 文档",
    ],
    ["ole.doc", OLE2, "not a readable Word 97–2003 document (not a compound file); save it again from Word, or as .docx or PDF, to have it checked", "不是可读取的 Word 97–2003 文档（不是复合文件）"],
    ["other.xls", Buffer.from([0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00]), "not a readable Excel 97–2003 workbook (not a compound file); save it again from Excel, or as .xlsx, to have it checked", "不是可读取的 Excel 97–2003 工作簿（不是复合文件）"],
  ];
  for (const [name, content, message, zh] of cases)
    it(`${name}: "${message.slice(0, 50)}…", exit 2, the other input checked`, () => {
      const file = join(dir, name);
      writeFileSync(file, content);
      const r = expectRefusedBesideSeed(file, message);
      expect(r.stderr.trim().split("\n")).toEqual([`budget-check: ${file}: ${message}`]);
      const z = cli([file, "--lang", "zh"]);
      expect(z.status).toBe(2);
      expect(z.stderr).toMatch(new RegExp(`^budget-check: ${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: ${zh}`));
    });
});
