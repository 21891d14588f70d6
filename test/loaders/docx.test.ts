import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { docxLines, loadDocx } from "../../src/loaders/docx.js";
import { InputError } from "../../src/loaders/errors.js";
import { inputErrorText } from "../../src/i18n/input-errors.js";
import { zip } from "../helpers/docx.js";
import { tempDir } from "../helpers/tmp.js";

/*
 * The .docx reader's own reading (src/loaders/docx.ts): what Word prints of a body, as lines and rows of cells.
 * test/e2e/docx.test.ts checks whole documents against their tab-separated text; these check what Word does that
 * a generator may not: list numbers of every kind, text that is not printed, merged and nested cells.
 */

const mapZh = (ms: string[]) => ms.map((m) => inputErrorText(m, "zh"));
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
const body = (xml: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W}><w:body>${xml}<w:sectPr/></w:body></w:document>`;
const p = (text: string, pPr = "") => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const num = (numId: number, ilvl = 0) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;
const lvl = (ilvl: number, format: string, text: string, suff = "nothing", start = 1) =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${format}"/><w:suff w:val="${suff}"/><w:lvlText w:val="${text}"/></w:lvl>`;
const numbering = (abstracts: string[], nums: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}>${abstracts.map((a, i) => `<w:abstractNum w:abstractNumId="${i}">${a}</w:abstractNum>`).join("")}${nums}</w:numbering>`;
const read = (document: string, more: { styles?: string; numbering?: string } = {}) => docxLines("a.docx", { document, styles: more.styles ?? "", numbering: more.numbering ?? "" });
const texts = (r: ReturnType<typeof read>) => r.lines.map((l) => (l.cells ? l.cells.map((c) => c.text).join("|") : l.raw));

describe("list numbers are printed as Word counts them", () => {
  it("一、 （一） 1. ① 甲 in their levels, a lower level counted anew under each higher one", () => {
    const n = numbering([lvl(0, "chineseCounting", "%1、") + lvl(1, "chineseCounting", "（%2）") + lvl(2, "decimal", "%3.", "tab") + lvl(3, "decimalEnclosedCircle", "%4") + lvl(4, "ideographTraditional", "%5、")], '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>');
    const doc = body(
      [p("部门职责", num(1, 0)), p("主要职能", num(1, 1)), p("内设机构", num(1, 1)), p("机构设置", num(1, 0)), p("本级", num(1, 1)), p("科学馆", num(1, 2)), p("交流中心", num(1, 2)), p("馆长", num(1, 3)), p("部门", num(1, 4))].join(""),
    );
    expect(texts(read(doc, { numbering: n }))).toEqual(["一、部门职责", "（一）主要职能", "（二）内设机构", "二、机构设置", "（一）本级", "1.科学馆", "2.交流中心", "①馆长", "甲、部门"]);
  });

  it("counting past ten (十一, 二十, 二十一, 一百零一), legal numerals and 第N部分 with a space after it", () => {
    const n = numbering([lvl(0, "chineseCounting", "第%1部分", "space", 10), lvl(0, "chineseLegalSimplified", "%1、", "nothing", 11)], '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="101"/></w:lvlOverride></w:num>');
    const doc = body([p("其他", num(1)), p("名词解释", num(1)), p("附表", num(2)), ...Array.from({ length: 9 }, () => p("x", num(1))), p("附件", num(3))].join(""));
    const got = texts(read(doc, { numbering: n }));
    expect(got.slice(0, 3)).toEqual(["第十部分 其他", "第十一部分 名词解释", "壹拾壹、附表"]);
    expect(got[11]).toBe("第二十部分 x");
    // A list that starts anew (startOverride) where it is first used.
    expect(got[12]).toBe("第一百零一部分 附件");
  });

  it("a list started anew, a list numbered by its paragraph style, and a bullet (not printed as a number)", () => {
    const n = numbering(
      [lvl(0, "chineseCounting", "%1、"), lvl(0, "bullet", "\uF0B7", "tab")],
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num><w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>',
    );
    const styles = `<w:styles ${W}><w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style></w:styles>`;
    const doc = body([p("部门职责", '<w:pStyle w:val="2"/>'), p("机构设置", '<w:pStyle w:val="2"/>'), p("收入", num(2)), p("一项要点", num(3)), p("不编号", num(0))].join("").replace(num(0), '<w:numPr><w:numId w:val="0"/></w:numPr>'));
    expect(texts(read(doc, { numbering: n, styles }))).toEqual(["## 一、部门职责", "## 二、机构设置", "一、收入", "一项要点", "不编号"]);
  });
});

describe("what is not printed is not read", () => {
  it("tracked deletions, text moved away, field codes, hidden text and a text box's fallback copy", () => {
    const run = (t: string, rPr = "") => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}<w:t xml:space="preserve">${t}</w:t></w:r>`;
    const doc = body(
      `<w:p>${run("预算")}<w:del w:id="1" w:author="a"><w:r><w:delText>9,999</w:delText></w:r></w:del><w:ins w:id="2" w:author="a">${run("1,234")}</w:ins>${run(" 万元")}</w:p>` +
        `<w:p>${run("合计")}<w:moveFrom w:id="3" w:author="a">${run("77")}</w:moveFrom>${run("88", "<w:vanish/>")}${run(" 5 ")}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGEREF _Toc1 \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${run("3")}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>` +
        `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>${p("框内 12 万元")}</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>${p("框内 12 万元")}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>${run("正文")}</w:p>` +
        `<w:p><w:fldSimple w:instr=" DOCPROPERTY x ">${run("字段结果")}</w:fldSimple><w:r><w:t>a</w:t><w:br/><w:t>b</w:t><w:tab/><w:t>c</w:t></w:r></w:p>`,
    );
    expect(texts(read(doc))).toEqual(["预算1,234 万元", "合计 5 3", "框内 12 万元", "正文", "字段结果a", "b c"]);
  });
});

describe("tables", () => {
  it("cells merged across are that many cells, merged down are empty below; skipped grid columns; a table inside a cell is its text", () => {
    const tc = (t: string, tcPr = "") => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ""}${t === "" ? "<w:p/>" : p(t)}</w:tc>`;
    const inner = `<w:tbl><w:tr>${tc("内")}${tc("表")}</w:tr></w:tbl>`;
    const doc = body(
      p("表1 收支总表") +
        `<w:tbl><w:tblGrid/><w:tr>${tc("科目编码", '<w:vMerge w:val="restart"/>')}${tc("本年预算", '<w:gridSpan w:val="2"/>')}</w:tr>` +
        `<w:tr>${tc("", "<w:vMerge/>")}${tc("合计")}${tc("基本")}</w:tr>` +
        `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc("1,000")}${tc("900")}</w:tr>` +
        `<w:tr>${tc("")}${tc("")}${tc("")}</w:tr>` +
        `<w:tr>${tc("备注")}<w:tc>${p("见")}${inner}</w:tc>${tc("")}</w:tr></w:tbl>` +
        p("表2 收入总表") +
        `<w:tbl><w:tr>${tc("项目")}</w:tr></w:tbl>`,
    );
    const r = read(doc);
    expect(texts(r)).toEqual(["表1 收支总表", "科目编码|本年预算|", "|合计|基本", "|1,000|900", "备注|见内表|", "表2 收入总表", "项目"]);
    // A damaged or huge span is no span, or Word's most (63 columns).
    const odd = read(body(`<w:tbl><w:tr>${tc("a", '<w:gridSpan w:val="x"/>')}${tc("b", '<w:gridSpan w:val="100000"/>')}</w:tr></w:tbl>`));
    expect(odd.lines[0].cells!.length).toBe(64);
    expect(odd.lines[0].cells!.slice(0, 2).map((c) => c.text)).toEqual(["a", "b"]);
    // Places: table 1, its rows counted as Word counts them (the empty fourth row too), columns by the grid.
    const row3 = r.places.get(4)!;
    expect(row3.row).toEqual({ file: "a.docx", sheet: "表格1", cell: "A3" });
    expect(row3.cells![1]).toEqual({ file: "a.docx", sheet: "表格1", cell: "B3" });
    expect(r.places.get(5)!.cells![0].cell).toBe("A5");
    expect(r.places.get(7)!.row).toEqual({ file: "a.docx", sheet: "表格3", cell: "A1" });
    // Paragraphs by their number in the body (outside tables), no page without Word's layout marks.
    expect(r.places.get(1)!.row).toEqual({ file: "a.docx", line: 1 });
    expect(r.places.get(6)!.row).toEqual({ file: "a.docx", line: 2 });
  });
});

describe("a .docx that cannot be read", () => {
  const dir = tempDir("docx-unit");
  const file = (name: string, bytes: Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };
  const error = async (path: string) => {
    try {
      await loadDocx(path);
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      return (e as InputError).message;
    }
    throw new Error("read");
  };

  it("an Excel workbook or a PowerPoint file given the name .docx says what it is", async () => {
    expect(await error(file("book.docx", zip([{ name: "xl/workbook.xml", data: "<workbook/>" }])))).toBe("not a Word document: the archive holds no word/document.xml (it is an Excel workbook: name it .xlsx)");
    expect(await error(file("empty.docx", zip([{ name: "a.txt", data: "x" }])))).toBe("not a Word document: the archive holds no word/document.xml");
  });

  it("each of these errors reads in Chinese with --lang zh", async () => {
    const messages = [
      await error(file("book2.docx", zip([{ name: "xl/workbook.xml", data: "<workbook/>" }]))),
      await error(file("slides.docx", zip([{ name: "ppt/presentation.xml", data: "<p/>" }]))),
      await error(file("empty2.docx", zip([{ name: "a.txt", data: "x" }]))),
      await error(file("text.docx", Buffer.from("2023年部门预算"))),
      "inflates to more than 64 MB (at word/document.xml); not read (a budget document is a few MB)",
      "not a .docx archive but an OLE file: a Word 97–2003 document named .docx, or a document saved with a password; save it again as .docx without a password, or as PDF",
    ];
    expect(mapZh(messages)).toEqual([
      "不是 Word 文档：压缩包中没有 word/document.xml（这是 Excel 工作簿：请改名为 .xlsx）",
      "不是 Word 文档：压缩包中没有 word/document.xml（这是 PowerPoint 文件）",
      "不是 Word 文档：压缩包中没有 word/document.xml",
      "不是可读取的 .docx 文档（不是 zip 压缩包，或已损坏）；请用 Word 重新保存，或另存为 PDF",
      "解压后超过 64 MB（word/document.xml）；未读取（预算公开文档只有几 MB）",
      "不是 .docx 压缩包而是 OLE 文件：改名为 .docx 的 Word 97–2003 文档，或设置了密码的文档；请另存为不设密码的 .docx，或另存为 PDF",
    ]);
  });

  it("a document part that inflates past 64 MB is not read (a zip bomb), in bounded memory", async () => {
    const huge = zip([{ name: "word/document.xml", data: Buffer.alloc(65 * 1024 * 1024, 0x20) }]);
    expect(huge.length).toBeLessThan(1024 * 1024);
    expect(await error(file("bomb.docx", huge))).toBe("inflates to more than 64 MB (at word/document.xml); not read (a budget document is a few MB)");
  });

  it("damaged parts (tags and elements never closed, quotes never ended) are read in time linear in them, not hung on", { timeout: 20_000 }, () => {
    // 400,000 of each: a scan from every one of them to the part's end would take hours.
    const styles = `<w:styles ${W}>` + '<w:style w:styleId="a"><w:name w:val="x'.repeat(400_000);
    const numbering = `<w:numbering ${W}>` + '<w:abstractNum w:abstractNumId="1"><w:lvl '.repeat(400_000) + "</w:lvl>";
    const document = body(p("2023年部门预算") + '<w:p><w:pPr><w:pStyle w:val="a'.repeat(400_000) + "<".repeat(400_000));
    const r = docxLines("a.docx", { document, styles, numbering });
    expect(r.lines[0].raw).toBe("2023年部门预算");
  });

  it("a document whose content is an HTML chunk Word converts on opening (altChunk, as some web systems export) says so", async () => {
    const path = file("chunk.docx", zip([{ name: "word/document.xml", data: body('<w:altChunk r:id="htmlChunk"/>') }, { name: "word/afchunk.htm", data: "<html><body><p>2023年部门预算</p></body></html>" }]));
    const message = await error(path);
    expect(message).toBe("its content is an HTML or RTF chunk that Word converts on opening (an altChunk), not Word paragraphs and tables; open it in Word and save it again (or as PDF) to have it checked");
    expect(mapZh([message])[0]).toMatch(/^其内容是 Word 打开时才转换的 HTML 或 RTF 片段/);
  });

  it("the main part named by [Content_Types].xml is read, wherever it is", async () => {
    const types = `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
    const path = file("moved.docx", zip([{ name: "[Content_Types].xml", data: types }, { name: "word/document2.xml", data: body(p("2023年部门预算")) }]));
    // (It holds no table: refused as no budget disclosure, which shows its text was read.)
    expect(await error(path)).toMatch(/^not a budget disclosure/);
  });
});
