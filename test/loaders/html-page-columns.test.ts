import { describe, expect, it } from "vitest";
import { htmlPageLines } from "../../src/loaders/html-page.js";
import { fileColumnOf, lineIndexAt } from "../../src/model/text-columns.js";

/*
 * A web page's paragraph says where each of its characters stands in the file, also where they do not follow one for
 * one: a run of spaces the browser shows as one, an entity (&nbsp;), a tag inside (<b>…</b>).
 */
const page = (body: string) => `<html><head><meta charset="utf-8"></head><body>${body}</body></html>`;

function paragraph(html: string, words: string) {
  const { lines, columnStarts, columnRuns } = htmlPageLines("p.html", html);
  const l = lines.find((x) => x.text.includes(words))!;
  return { text: l.text, columnStart: columnStarts.get(l.line), columnRuns: columnRuns.get(l.line) };
}

describe("a web page's paragraph and the file's columns", () => {
  it("a paragraph printed as in the file: one column it starts at", () => {
    const html = page("<p>支出合计1,234.00万元。</p>");
    const p = paragraph(html, "支出合计");
    expect(p.columnStart).toBe(html.indexOf("支出合计") + 1);
    expect(p.columnRuns).toBeUndefined();
  });

  it("spaces run together, an entity and a tag inside: each figure's character at its own column", () => {
    const html = page('<p>项目资金总额      10,903,043.00&nbsp;年度资金申请总额 <b>9,876.50</b>万元，增长&#49;0.15%</p>');
    const p = paragraph(html, "项目资金总额");
    expect(p.text).toBe("项目资金总额 10,903,043.00 年度资金申请总额 9,876.50万元，增长10.15%");
    expect(p.columnStart).toBeUndefined();
    for (const figure of ["10,903,043.00", "9,876.50", "0.15%"]) {
      const column = fileColumnOf(p, p.text.indexOf(figure))!;
      expect(html.slice(column - 1).startsWith(figure), figure).toBe(true);
      expect(lineIndexAt(p, column)).toBe(p.text.indexOf(figure));
    }
    // (The entity &#49; stands for the 1 of 10.15: its column is the entity's.)
    expect(html.slice(fileColumnOf(p, p.text.indexOf("10.15"))! - 1).startsWith("&#49;")).toBe(true);
    // A column between the line's characters (inside the tag) is none of them.
    expect(lineIndexAt(p, html.indexOf("<b>") + 2)).toBeUndefined();
  });

  it("a paragraph over two lines of the file says no column (a run's line is not the paragraph's)", () => {
    const html = page("<p>支出合计   1,234.00\n万元，增长  5.00%</p>");
    const p = paragraph(html, "支出合计");
    expect(p.columnStart).toBeUndefined();
    expect(p.columnRuns).toBeUndefined();
  });
});
