import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pageLines, type PdfTextItem } from "../../src/loaders/pdf/lines.js";
import { readPdfText } from "../../src/loaders/pdf/read.js";
import { REAL } from "../helpers/pdfs.js";

const item = (str: string, x: number, y: number, width: number, fontSize = 10): PdfTextItem => ({ str, x, y, width, fontSize });

describe("PDF text items into layout lines", () => {
  it("groups items by baseline, top of the page first, left to right, lines numbered on", () => {
    const lines = pageLines(
      3,
      [item("合计", 50, 700, 20), item("1,234.00", 300, 700.8, 40), item("支出", 50, 680, 20), item("单位：元", 400, 720, 40)],
      11,
    );
    expect(lines.map((l) => [l.page, l.line, l.tokens!.map((t) => t.text)])).toEqual([
      [3, 11, ["单位：元"]],
      [3, 12, ["合计", "1,234.00"]],
      [3, 13, ["支出"]],
    ]);
  });

  it("drops the glyphs a print driver draws again a fraction of a point aside (simulated bold): each word and figure once", () => {
    // 合计 and its figure drawn, then drawn again 0.3 pt to the right; the title in pieces, each piece twice.
    const lines = pageLines(
      1,
      [
        item("部门收", 200, 760, 51, 17),
        item("部门收", 200.3, 760, 51, 17),
        item("入总表", 251, 760, 51, 17),
        item("入总表", 251.3, 760, 51, 17),
        item("合计", 50, 700, 18, 9),
        item("42,219.58", 300, 700, 40.5, 9),
        item("合计", 50.3, 700, 18, 9),
        item("42,219.58", 300.3, 700, 40.5, 9),
        // Two 1s side by side and a figure on the next line are no overprint.
        item("11", 50, 680, 9, 9),
        item("42,219.58", 300, 690.5, 40.5, 9),
      ],
      1,
    );
    expect(lines.map((l) => l.tokens!.map((t) => t.text))).toEqual([["部门收入总表"], ["合计", "42,219.58"], ["42,219.58"], ["11"]]);
  });

  it("an item overprinted in part keeps the characters drawn once", () => {
    // 支出合计 over a 合计 already drawn at its place: 支出 stays, 合计 once.
    const [l] = pageLines(1, [item("合计", 70, 700, 20), item("支出合计", 50.2, 700, 40)], 1);
    expect(l.tokens!.map((t) => t.text)).toEqual(["支出合计"]);
  });

  it("joins the items of one word run and splits an item holding several cells", () => {
    // 一般公共 + 服务支出 written as two show-text operations, touching; then one item with two cells.
    const [l] = pageLines(1, [item("一般公共", 50, 500, 40), item("服务支出", 90.5, 500, 40), item("100.00      200.00", 300, 500, 108)], 1);
    expect(l.tokens!.map((t) => t.text)).toEqual(["一般公共服务支出", "100.00", "200.00"]);
    expect(l.tokens![0].x0).toBe(50);
    expect(l.tokens![0].x1).toBe(130.5);
    // 6 characters of 6 pt each: the second cell starts 12 characters in.
    expect(l.tokens![2].x0).toBe(372);
    // Cells are separated by at least two spaces in the line's text, as in `pdftotext -layout`.
    expect(l.text).toMatch(/^一般公共服务支出 {2,}100\.00 {2,}200\.00$/);
  });

  it("splits a right-aligned figure from the label of the next cell a padding apart (LibreOffice's two-sided tables)", () => {
    // 26919.77 ends at 350.2, 一、科学技术支出 starts at 352.6: one cell's figure, the next cell's label.
    const [l] = pageLines(1, [item("一、一般公共预算拨款收入", 40, 500, 120), item("26919.77", 310.2, 500, 40), item("一、科学技术支出", 352.6, 500, 80), item("63.94", 600, 500, 25)], 1);
    expect(l.tokens!.map((t) => t.text)).toEqual(["一、一般公共预算拨款收入", "26919.77", "一、科学技术支出", "63.94"]);
    // A year before 年 (no decimals), and words that touch, are still one run.
    const [t] = pageLines(1, [item("某局", 40, 500, 20), item("2025", 61, 500, 20), item("年部门预算", 82, 500, 50)], 1);
    expect(t.tokens!.map((x) => x.text)).toEqual(["某局2025年部门预算"]);
    // A figure of the text and its unit, letter-spaced apart (拨 款 收 入 5,753.07 万 元): one run.
    const [u] = pageLines(1, [item("收入", 40, 500, 20), item("5,753.07", 61, 500, 40), item("万元，占", 103, 500, 40)], 1);
    expect(u.tokens!.map((x) => x.text)).toEqual(["收入5,753.07万元，占"]);
  });

  it("collapses the spaces pdfjs puts into letter-spaced Chinese text", () => {
    const [l] = pageLines(1, [item("2 0 2 6 年 收 入 1 6 3 , 5 3 9 . 0 7 万 元", 50, 500, 300)], 1);
    expect(l.text).toBe("2026年收入163,539.07万元");
  });

  // A name wrapped in a cell that the spreadsheet centres vertically (the central department's 表3 and
  // the 决算 template's 表5, as printed): the label's lines join into the row's name, in order.
  const texts = (ls: ReturnType<typeof pageLines>) => ls.map((l) => l.tokens!.map((t) => t.text));
  it("joins a label spaced out over its cell (收 入 总 计, two ems apart) as the layout text's tokeniser does, not cells further apart", () => {
    // 国家信访局 2026, 财政拨款收支总表: each character its own item, ~20 pt apart at 10 pt.
    const chars = (s: string, x: number, step: number) => [...s].map((c, i) => item(c, x + i * step, 500, 10));
    const [l] = pageLines(1, [...chars("收入总计", 108.84, 30.48), item("18,728.94", 381, 500, 45), ...chars("类款项", 500, 40)], 1);
    expect(l.tokens!.map((t) => t.text)).toEqual(["收入总计", "18,728.94", "类", "款", "项"]);
    expect(l.tokens![0].x0).toBe(108.84);
    expect(l.tokens![0].x1).toBe(210.28);
  });

  it("joins a two-line name straddling its row into the row, also when its first line is indented", () => {
    const lines = pageLines(
      1,
      [
        item("2080503", 47, 540, 35), item("离退休人员管理机构", 117.6, 540, 90), item("193.52", 321, 540, 30),
        item("机关事业单位基本养老保险缴费支", 117.6, 527.86, 150), item("2080505", 47, 520.06, 35), item("657.51", 321, 520.06, 30), item("出", 97.3, 512.26, 10),
        item("2080506", 47, 492.58, 35), item("机关事业单位职业年金缴费支出", 117.6, 492.58, 140), item("427.19", 321, 492.58, 30),
      ],
      1,
    );
    expect(texts(lines)).toEqual([
      ["2080503", "离退休人员管理机构", "193.52"],
      ["2080505", "机关事业单位基本养老保险缴费支出", "657.51"],
      ["2080506", "机关事业单位职业年金缴费支出", "427.19"],
    ]);
  });

  it("joins a three-line name (its middle line on the row) only on a page whose cells are centred", () => {
    const two = [item("文化旅游体育", 180.6, 557.21, 63), item("207", 107.4, 550.37, 16), item("与传媒支出", 180.6, 543.53, 52)];
    const three = [item("其他文化旅游", 180.6, 529.37, 63), item("20799", 107.4, 515.81, 26), item("体育与传媒支", 180.6, 515.81, 63), item("出", 180.6, 502.25, 10)];
    expect(texts(pageLines(1, [...two, ...three], 1))).toEqual([
      ["207", "文化旅游体育与传媒支出"],
      ["20799", "其他文化旅游体育与传媒支出"],
    ]);
    // Cells aligned at the top: a line above a row continues the row before it.
    expect(texts(pageLines(1, three, 1))).toEqual([["其他文化旅游"], ["20799", "体育与传媒支"], ["出"]]);
  });

  it("leaves text wrapped in a column right of the row's amounts on its own lines", () => {
    const lines = pageLines(
      1,
      [item("文化旅游体育", 180.6, 557.21, 63), item("207", 107.4, 550.37, 16), item("与传媒支出", 180.6, 543.53, 52)].concat([
        item("聚焦创新生态，实施", 553.8, 466.86, 90), item("创新环境计划", 67.8, 457.86, 60), item("1,012.00", 190.8, 457.86, 40), item("激发创新主体的活", 553.8, 448.86, 80),
      ]),
      1,
    );
    expect(texts(lines).slice(1)).toEqual([["聚焦创新生态，实施"], ["创新环境计划", "1,012.00"], ["激发创新主体的活"]]);
  });

  it("gives each token a box around its glyphs in PDF points (origin bottom-left)", () => {
    const [l] = pageLines(1, [item("1,234.00", 300, 700, 40, 10)], 1);
    const box = l.tokens![0].box!;
    expect(box.x).toBe(300);
    expect(box.width).toBe(40);
    expect(box.y).toBeLessThan(700);
    expect(box.y + box.height).toBeGreaterThan(707);
  });
});

// The real documents' PDFs against their `pdftotext -layout` twins (made once, kept beside them).
const PDF_DIRS = [join(REAL, "pdf"), join(REAL, "other-provinces", "pdf")];
const pdfs = PDF_DIRS.filter(existsSync).flatMap((d) => readdirSync(d).filter((f) => f.endsWith(".pdf")).map((f) => join(d, f)));
const NUMBER = /-?\d[\d,]*(?:\.\d+)?/g;
/** A page number footer: `- 3 -` in the PDF's text is `-3-` in pdftotext's. */
const FOOTER = /^\s*-\s*\d+\s*-\s*$/;
/**
 * Pages where pdftotext puts a figure on another line than the PDF's geometry does; the per-line order
 * is not compared there (the per-page figures are). The finance bureau's 决算 is made with Word: its
 * figures sit half a line off their row's baseline (pages 16-17), and on pages 21-23 pdftotext prints a
 * paragraph's second line above its first; the central department's performance tables (pages 30-32)
 * have cells vertically centred a third of a line below their row. On 广州's page 25 a label wrapped
 * around its row's baseline is joined into the row (see straddlingLabels), where pdftotext keeps
 * its first line above.
 */
const LINE_ORDER_DIFFERS: Record<string, number[]> = {
  "shanghai-putuo_finance-bureau_2024_dept-final-accounts.pdf": [16, 17, 21, 22, 23],
  "central_national-public-complaints-and-proposals-admin_2026_dept-budget.pdf": [30, 31, 32],
  "guangzhou_science-and-technology-bureau_2026_dept-budget.pdf": [25],
};

describe.skipIf(pdfs.length === 0)("the real documents' PDFs read as their pdftotext -layout text", () => {
  it("finds the real documents (shared/real-documents beside the project)", () => {
    expect(pdfs.length).toBeGreaterThanOrEqual(11);
  });

  for (const pdf of pdfs) {
    const name = pdf.split("/").pop()!;
    it(`${name}: the same figures on every page, in the same order per line`, async () => {
      const text = readFileSync(pdf.replace(/\/pdf\/([^/]+)\.pdf$/, "/$1.txt"), "utf8").split("\f");
      const { pages, lines } = await readPdfText(new Uint8Array(readFileSync(pdf)));
      expect(pages).toBe(text.length - 1); // pdftotext ends every page with a form feed
      for (let p = 1; p <= pages; p++) {
        const mine = lines.filter((l) => l.page === p && !FOOTER.test(l.text)).map((l) => l.tokens!.map((t) => t.text).join(" ").match(NUMBER)?.join(" ") ?? "");
        const theirs = text[p - 1].split("\n").filter((l) => !FOOTER.test(l)).map((l) => l.match(NUMBER)?.join(" ") ?? "");
        const figures = (ls: string[]) => ls.join(" ").split(" ").filter(Boolean).sort();
        expect(figures(mine), `page ${p}`).toEqual(figures(theirs));
        if (!LINE_ORDER_DIFFERS[name]?.includes(p)) expect(mine.filter(Boolean), `page ${p}`).toEqual(theirs.filter(Boolean));
      }
    });
  }
});
