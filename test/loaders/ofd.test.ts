import { describe, expect, it } from "vitest";
import { InputError } from "../../src/loaders/errors.js";
import { contentItems, deltas, readOfd } from "../../src/loaders/ofd.js";
import { zip } from "../helpers/docx.js";
import { deltaList, ofdFile, type OfdText } from "../helpers/ofd.js";

/* The OFD reader (src/loaders/ofd.ts): an OFD document's text placed on its pages as a PDF's would be. */

const MM = 72 / 25.4;
const noLimit = () => {};
const page = (texts: OfdText[], width = 210, height = 297) => ({ width, height, texts });
const lineTexts = (bytes: Buffer) => readOfd(bytes, "x.ofd").lines.map((l) => [l.page, l.text.trim()]);
const errorOf = (bytes: Buffer, file = "x.ofd") => {
  try {
    readOfd(bytes, file);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).message;
  }
  throw new Error("read without an error");
};

describe("DeltaX: each character's advance to the next", () => {
  it("`g N v` is v, N times, among plain values; never more values than characters", () => {
    expect(deltas("g 3 4.2 1 g 2 0.5", 10)).toEqual([4.2, 4.2, 4.2, 1, 0.5, 0.5]);
    expect(deltas("g 100 3", 4)).toEqual([3, 3, 3, 3]);
    expect(deltas("1 2 3 4 5", 2)).toEqual([1, 2]);
    expect(deltas(null, 3)).toEqual([]);
  });

  it("damage reads as no advance, never a NaN or a loop (a `g` without its count or value, a negative count)", () => {
    expect(deltas("x 2", 5)).toEqual([0, 2]);
    expect(deltas("g", 5)).toEqual([]);
    expect(deltas("g -3 2 1", 5)).toEqual([1]);
    expect(deltas("g 2", 5)).toEqual([]);
  });

  it("the tests' writer compresses runs of one advance as producers do", () => {
    expect(deltaList([4.2, 4.2, 4.2, 2.1, 4.2])).toBe("g 3 4.2 2.1 4.2");
    expect(deltas(deltaList([4.2, 4.2, 4.2, 2.1, 4.2]), 10)).toEqual([4.2, 4.2, 4.2, 2.1, 4.2]);
  });
});

describe("a content part's text, placed on the page", () => {
  it("a TextCode's X, Y inside the object's Boundary, through its CTM (an example as a converter writes one)", () => {
    // CTM scales the object's frame by 0.3527 (points to millimetres) and moves it; the character lands at
    // Boundary's origin + CTM·(X, Y).
    const xml = `<ofd:TextObject ID="121" CTM="0.3527 0 0 0.3527 -114.807533 111.352325" Boundary="114.807533 185.229584 4.083549 4.733795" Font="16" Size="14.749"><ofd:TextCode X="324.419" Y="-303.723">局</ofd:TextCode></ofd:TextObject>`;
    const [it] = contentItems(xml, noLimit);
    expect(it.str).toBe("局");
    expect(it.x).toBeCloseTo(114.807533 + 0.3527 * 324.419 - 114.807533, 3);
    expect(it.y).toBeCloseTo(185.229584 + 0.3527 * -303.723 + 111.352325, 3);
    expect(it.size).toBeCloseTo(14.749 * 0.3527, 3);
  });

  it("characters set next to each other are one item; a gap wider than a third of an em, a step back, another baseline start another", () => {
    const xml = `<TextObject Boundary="10 20 100 5" Size="4"><TextCode X="0" Y="4" DeltaX="4 4 4 g 2 2 30 2 2">一般公共 1,234 合计</TextCode></TextObject>`;
    const items = contentItems(xml, noLimit);
    // 一 般 公 共 at 4 mm steps, the space and 1 at 2 mm (a half-width character's advance), then a 30 mm jump.
    expect(items.map((i) => i.str)).toEqual(["一般公共 1", ",234 合计"]);
    expect(items[0].x).toBeCloseTo(10, 6);
    expect(items[0].y).toBeCloseTo(24, 6);
    expect(items[1].x).toBeCloseTo(10 + 4 * 3 + 2 + 2 + 30, 6);
  });

  it("a TextCode without X or Y goes on where the one before ended (the same item); a second TextCode with its own Y is another line", () => {
    const xml = `<TextObject Boundary="0 0 100 20" Size="4"><TextCode X="5" Y="4">收入</TextCode><TextCode>总计</TextCode><TextCode X="5" Y="12">支出</TextCode></TextObject>`;
    const items = contentItems(xml, noLimit);
    expect(items.map((i) => [i.str, i.x, i.y])).toEqual([
      ["收入总计", 5, 4],
      ["支出", 5, 12],
    ]);
  });

  it("each character an object of its own (as some converters write): joined as pdfjs joins a PDF's glyphs — a space where the gap is a space's, an item where it is wider", () => {
    // Characters 4 mm (an em) high: 合 计 side by side, A and B a quarter and half an em after the one before, then 1 2 3
    // 15 mm further on, side by side.
    const glyph = (ch: string, x: number) => `<TextObject Boundary="${x} 20 4 5" Size="4"><TextCode X="0" Y="4">${ch}</TextCode></TextObject>`;
    const xml = [glyph("合", 10), glyph("计", 14), glyph("A", 19), glyph("B", 23), glyph("1", 40), glyph("2", 42), glyph("3", 44)].join("");
    // 计 ends at 18; A at 19 (a quarter em: a space); A ends at 21, B at 23 (half an em: a space); B ends at 25, 1 at 40 (far: an item).
    expect(contentItems(xml, noLimit).map((i) => [i.str, i.x])).toEqual([
      ["合计 A B", 10],
      ["123", 40],
    ]);
  });

  it("hidden objects, vertical text (DeltaY only), turned text (a CTM that rotates) and characters read in another direction are left out", () => {
    const xml = [
      `<TextObject Boundary="0 0 10 10" Size="4" Visible="false"><TextCode X="0" Y="4">隐藏</TextCode></TextObject>`,
      `<TextObject Boundary="0 0 10 10" Size="4"><TextCode X="0" Y="4" DeltaY="g 3 4">竖排文字</TextCode></TextObject>`,
      `<TextObject Boundary="0 0 10 10" Size="4" CTM="0 1 -1 0 0 0"><TextCode X="0" Y="4">印章</TextCode></TextObject>`,
      `<TextObject Boundary="0 0 10 10" Size="4" CharDirection="90"><TextCode X="0" Y="4">旋转</TextCode></TextObject>`,
      `<TextObject Boundary="0 0 10 10" Size="4"><TextCode X="0" Y="4">正文</TextCode></TextObject>`,
    ].join("");
    expect(contentItems(xml, noLimit).map((i) => i.str)).toEqual(["正文"]);
  });

  it("entities are decoded; nested page blocks are read; each character counted for the limit", () => {
    let n = 0;
    const xml = `<Layer><PageBlock><TextObject Boundary="0 0 50 5" Size="4"><TextCode X="0" Y="4">A&amp;B &lt;1&gt;</TextCode></TextObject></PageBlock></Layer>`;
    expect(contentItems(xml, () => n++).map((i) => i.str)).toEqual(["A&B <1>"]);
    expect(n).toBe(7);
  });
});

describe("an OFD document read into layout lines", () => {
  const texts: OfdText[] = [
    { text: "收支总表", x: 90, baseline: 30, size: 5 },
    { text: "项目", x: 20, baseline: 45, size: 3.5 },
    { text: "预算数", x: 150, baseline: 45, size: 3.5 },
    { text: "一般公共服务支出", x: 20, baseline: 52, size: 3.5 },
    { text: "1,234.56", x: 150, baseline: 52, size: 3.5 },
  ];

  it("pages in order, lines top to bottom, cells apart by their gaps, each token boxed in PDF points from the page's bottom-left", () => {
    const read = readOfd(ofdFile([page(texts), page([{ text: "第二页", x: 20, baseline: 20, size: 4 }])]), "x.ofd");
    expect(read.lines.map((l) => [l.page, l.line, l.text.trim().split(/\s{2,}/)])).toEqual([
      [1, 1, ["收支总表"]],
      [1, 2, ["项目", "预算数"]],
      [1, 3, ["一般公共服务支出", "1,234.56"]],
      [2, 4, ["第二页"]],
    ]);
    expect(read.pageBoxes[0][2]).toBeCloseTo(210 * MM, 6);
    expect(read.pageBoxes[0][3]).toBeCloseTo(297 * MM, 6);
    const figure = read.lines[2].tokens!.find((t) => t.text === "1,234.56")!;
    expect(figure.box!.x).toBeCloseTo(150 * MM, 1);
    // The box stands on the baseline (297 − 52 mm from the bottom), a fifth of the size below it.
    expect(figure.box!.y).toBeCloseTo((297 - 52) * MM - 0.2 * 3.5 * MM, 1);
    expect(read.pageTurns).toEqual([null, null]);
  });

  it("without a namespace prefix, with each page's size in its own Area (a landscape page), and from an absolute DocRoot alike", () => {
    const read = readOfd(ofdFile([page(texts), page(texts, 297, 210)], { prefix: "", pageAreas: true, docRoot: "/Doc_0/./Document.xml" }), "x.ofd");
    expect(read.pageBoxes.map((b) => [Math.round(b[2] / MM), Math.round(b[3] / MM)])).toEqual([
      [210, 297],
      [297, 210],
    ]);
    expect(read.lines.filter((l) => l.page === 2).map((l) => l.text.trim().split(/\s{2,}/))).toEqual([["收支总表"], ["项目", "预算数"], ["一般公共服务支出", "1,234.56"]]);
    // A figure 52 mm from the top of a page 210 mm high.
    expect(read.lines.find((l) => l.page === 2 && l.text.includes("1,234.56"))!.tokens![1].box!.y).toBeCloseTo((210 - 52) * MM - 0.7 * MM, 1);
  });

  it("pages named from the archive's root (a producer's slip) are found there", () => {
    expect(lineTexts(ofdFile([page(texts)], { rootedPages: true }))).toEqual(lineTexts(ofdFile([page(texts)])));
  });

  it("a template page's text (a running head, the page number) is printed on the pages that use it", () => {
    const bytes = ofdFile([{ ...page(texts), templates: ["9"] }, page([{ text: "附表", x: 20, baseline: 20, size: 4 }])], { templates: { "9": [{ text: "- 1 -", x: 100, baseline: 285, size: 3.5 }] } });
    expect(lineTexts(bytes).filter(([p, t]) => t === "- 1 -")).toEqual([[1, "- 1 -"]]);
  });
});

describe("what is not an OFD document, or not one to read: one line saying so", () => {
  const texts: OfdText[] = [{ text: "部门预算", x: 20, baseline: 20, size: 4 }];

  it("not a zip archive, or a damaged one", () => {
    expect(errorOf(Buffer.from("%PDF-1.7\n"))).toBe("not a readable OFD document (not a zip archive, or a damaged one); export it again, or as PDF");
    expect(errorOf(ofdFile([page(texts)]).subarray(0, 100))).toBe("not a readable OFD document (not a zip archive, or a damaged one); export it again, or as PDF");
  });

  it("a zip without OFD.xml; the same named .pdf is said as the PDF reader says it", () => {
    const other = zip([{ name: "word/document.xml", data: "<w:document/>" }]);
    expect(errorOf(other)).toBe("not an OFD document: the archive holds no OFD.xml; export it again, or as PDF");
    expect(errorOf(other, "x.pdf")).toBe("not a PDF: the file does not begin with %PDF- (it is a ZIP archive: an .xlsx/.docx renamed?)");
  });

  it("its root, or a page's content, missing; no DocRoot; no page", () => {
    expect(errorOf(ofdFile([page(texts)], { without: "Doc_0/Document.xml" }))).toBe("not a readable OFD document (its document part Doc_0/Document.xml is missing); export it again, or as PDF");
    expect(errorOf(ofdFile([page(texts), page(texts)], { without: "Doc_0/Pages/Page_1/Content.xml" }))).toBe(
      "not a readable OFD document (page 2's part Doc_0/Pages/Page_1/Content.xml is missing); export it again, or as PDF",
    );
    expect(errorOf(zip([{ name: "OFD.xml", data: "<ofd:OFD><ofd:DocBody></ofd:DocBody></ofd:OFD>" }]))).toBe("not a readable OFD document (its OFD.xml names no DocRoot); export it again, or as PDF");
    expect(errorOf(ofdFile([]))).toBe("not a readable OFD document (its document part lists no page); export it again, or as PDF");
  });

  it("encrypted: its root is not there to read", () => {
    const bytes = zip([
      { name: "OFD.xml", data: "<ofd:OFD><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>" },
      { name: "Encryptions.xml", data: "<ofd:Encryptions/>" },
      { name: "Doc_0/Document.xml.enc", data: "\u0001\u0002" },
    ]);
    expect(errorOf(bytes)).toBe("encrypted OFD: it cannot be read without its key; export an unprotected copy, or a PDF");
  });

  it("pages without text (a scan: images only), and text only hidden", () => {
    expect(errorOf(ofdFile([page([])]))).toBe("no text: the OFD's pages hold no text (images: a scanned document?); budget-check reads the OFD's text, so run OCR on it first");
    expect(errorOf(ofdFile([page([{ ...texts[0], hidden: true }])]))).toMatch(/^no text: /);
  });
});
