import { describe, expect, it } from "vitest";
import { classStyles, declaredIndent, elementIndent, styleSheetText } from "../../src/loaders/css-indent.js";
import { htmlTables } from "../../src/loaders/html-tables.js";
import { paragraphIndentWidth } from "../../src/loaders/layout/width.js";

/*
 * How far a page's style, or a Word paragraph's format, indents a table cell's name (类 / 款 / 项 told by it), in the
 * columns of layout text: a Chinese character two wide (1 em = 2, 6 pt = 1, 8 px = 1; 210 twips = 2).
 */
describe("declaredIndent: a cell's CSS declarations", () => {
  it.each([
    ["padding-left:24px;mso-char-indent-count:2", 3],
    ["mso-char-indent-count:2", 4],
    ["padding:0cm 5.4pt 0cm 5.4pt", 0.9],
    ["padding:0 12px", 1.5],
    ["text-indent:2em", 4],
    ["margin-left:21.0pt;text-indent:-21.0pt", 0],
    ["padding-left:24px;padding-left:0", 0],
    ["padding-left:12pt !important", 2],
  ])("%s → %s", (decls, width) => {
    expect(declaredIndent(decls)).toBeCloseTo(width, 9);
  });

  it.each(["color:red", "padding-left:auto", "text-align:left", ""])("%s sets no indentation", (decls) => {
    expect(declaredIndent(decls)).toBeNull();
  });
});

describe("classStyles and elementIndent: a page's style sheet and a cell's own style", () => {
  const css = styleSheetText(`<html><head><style>
<!--
td {padding-left:1px;}
.xl65 {mso-style-parent:style0;}
.xl71, td.xl72 {padding-left:12px; mso-char-indent-count:1;}
/* .xl73 {padding-left:99px;} */
@media print { .xl74 { padding-left: 48px } }
-->
</style></head><body></body></html>`);
  const classes = classStyles(css);

  it("reads the rules of one class, and no comment, tag or at-rule", () => {
    expect([...classes.keys()].sort()).toEqual(["xl71", "xl72"]);
    expect(elementIndent("class=xl71", classes)).toBeCloseTo(1.5, 9);
    expect(elementIndent(' class="xl65 xl72"', classes)).toBeCloseTo(1.5, 9);
    expect(elementIndent("class=xl73", classes)).toBe(0);
    expect(elementIndent("class=xl74", classes)).toBe(0);
  });

  it("reads a damaged or hostile sheet at once: at-signs without a block, a block and comments never closed", () => {
    // The test's time limit stops a reading that scans the rest of the sheet from every @ (quadratic).
    const sheet = ".l2 {padding-left:24px}" + "@".repeat(100_000) + " .x {" + "a".repeat(100_000) + "/*".repeat(50_000);
    expect(elementIndent("class=l2", classStyles(sheet))).toBe(3);
  });

  it("a cell's own style wins over its class's", () => {
    expect(elementIndent(`class=xl71 style='padding-left:0'`, classes)).toBe(0);
    expect(elementIndent(`style="text-indent:2em"`, new Map())).toBe(4);
  });

  it("a table's cells carry it, with the spaces before the text, whatever element the text starts in", () => {
    const page = `<style>.l2 {padding-left:24px}</style><table>
<tr><td>科学技术支出</td><td>160.00</td></tr>
<tr><td class=l2>技术研究与开发</td><td>160.00</td></tr>
<tr><td><p style='margin-left:21.0pt'><span>机构运行</span></p></td><td>60.00</td></tr>
<tr><td style="padding-left:2em">&nbsp;&nbsp;科技成果转化与扩散</td><td>100.00</td></tr>
<tr><td class=l2></td><td style="padding-left:2em">9.00</td></tr>
</table>`;
    const [t] = htmlTables(page);
    expect(t.rows.map((r) => r.cells[0].indent ?? 0)).toEqual([0, 3, 3.5, 6, 0]);
    // (A figure's cell keeps its own: only names' are read as levels.)
    expect(t.rows[4].cells[1].indent).toBe(4);
  });
});

describe("paragraphIndentWidth: a Word paragraph's w:ind or sprms", () => {
  it.each([
    [{ leftChars: 200 }, 4],
    [{ left: 420 }, 4],
    [{ left: 420, first: 420 }, 8],
    [{ left: 420, hanging: 420 }, 0],
    [{ firstChars: 200, first: 0 }, 4],
    [{ leftChars: 0, left: 420 }, 0],
  ])("%o → %s", (i, width) => {
    expect(paragraphIndentWidth(i)).toBeCloseTo(width, 9);
  });

  it("sets none when no side is given", () => {
    expect(paragraphIndentWidth({})).toBeNull();
  });
});
