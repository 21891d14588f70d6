import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import iconv from "iconv-lite";
import { officeFileForm } from "../../src/loaders/office-forms.js";
import { zip } from "../helpers/docx.js";
import { tempDir } from "../helpers/tmp.js";

/* What a file named .doc / .xls / .wps / .et / .ofd holds, looked into before it is refused (office-forms.ts). */

const dir = tempDir("office-forms");
const form = (name: string, content: string | Buffer) => {
  const file = join(dir, name);
  writeFileSync(file, content);
  return officeFileForm(file, name.slice(name.lastIndexOf(".")));
};

describe("officeFileForm", () => {
  it("text in UTF-16 with its byte-order mark (Excel's 'Unicode text'), tab-separated, is text", () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("表1\t收支总表\n项目\t金额\n", "utf16le")]);
    expect(form("unicode.xls", utf16)).toEqual({ kind: "markdown", holds: "text" });
    expect(form("unicode-be.xls", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from("<html><body><table>", "utf16le").swap16()]))).toEqual({ kind: "markdown", holds: "a web page (HTML)" });
  });

  it("a web page after a long comment or a byte-order mark, in GB18030, is a web page", () => {
    expect(form("page.doc", iconv.encode(`\uFEFF<!-- ${"导出".repeat(500)} -->\r\n<html><head><meta charset="gb2312"></head><body><p>部门预算</p></body></html>`, "gb18030"))).toEqual({ kind: "markdown", holds: "a web page (HTML)" });
    expect(form("tables.xls", "<meta http-equiv=Content-Type content=\"text/html; charset=utf-8\">\n<table border=1><tr><td>项目</td></tr></table>")).toEqual({ kind: "markdown", holds: "a web page (HTML)" });
  });

  it("a zip archive: an OFD document, a Word document or a workbook by its parts; any other zip keeps the error of its name", () => {
    const word = zip([{ name: "[Content_Types].xml", data: "<Types/>" }, { name: "word/document.xml", data: "<w:document/>" }]);
    const book = zip([{ name: "[Content_Types].xml", data: "<Types/>" }, { name: "xl/workbook.xml", data: "<workbook/>" }]);
    const deck = zip([{ name: "ppt/presentation.xml", data: "<p/>" }]);
    expect(form("w.doc", word)).toEqual({ kind: "docx", holds: "a Word document (.docx)" });
    expect(form("w.wps", word)).toEqual({ kind: "docx", holds: "a Word document (.docx)" });
    expect(form("b.xls", book)).toEqual({ kind: "xlsx", holds: "an Excel workbook (.xlsx)" });
    expect(form("b.et", book)).toEqual({ kind: "xlsx", holds: "an Excel workbook (.xlsx)" });
    expect(form("p.doc", deck)).toEqual({ refused: expect.stringMatching(/^not a readable Word 97–2003 document \(not a compound file\)/) });
    const ofd = zip([{ name: "OFD.xml", data: "<ofd:OFD/>" }, { name: "Doc_0/Document.xml", data: "<ofd:Document/>" }]);
    expect(form("o.ofd", ofd)).toEqual({ kind: "pdf" });
    expect(form("o.doc", ofd)).toEqual({ kind: "pdf", holds: "an OFD document (.ofd)" });
    expect(form("o.ofd", word)).toEqual({ kind: "docx", holds: "a Word document (.docx)" });
    expect(form("o.ofd", deck)).toEqual({ refused: "not an OFD document: the archive holds no OFD.xml; export it again, or as PDF" });
    // A PDF under the name (a system's export that kept the name it was asked for); anything else is not one.
    expect(form("p.ofd", "%PDF-1.7\n%âãÏÓ\n")).toEqual({ kind: "pdf", holds: "a PDF document" });
    expect(form("t.ofd", "部门预算")).toEqual({ refused: "not a readable OFD document (not a zip archive, or a damaged one); export it again, or as PDF" });
    // A damaged zip (its central directory cut off) is not looked into further.
    expect(form("cut.doc", word.subarray(0, 40))).toEqual({ refused: expect.stringMatching(/^not a readable Word 97–2003 document/) });
  });

  it("an empty file says so; a binary file of another kind and an unreadable path keep the error of the name", () => {
    expect(form("empty.xls", "")).toEqual({ refused: "the file is empty; expected a budget document" });
    expect(form("bin.et", Buffer.from([1, 2, 0, 4]))).toEqual({ refused: expect.stringMatching(/^not a readable Excel 97–2003 workbook \(not a compound file\)/) });
    expect(officeFileForm(join(dir, "missing.doc"), ".doc")).toEqual({ refused: expect.stringMatching(/^not a readable Word 97–2003 document/) });
  });
});
