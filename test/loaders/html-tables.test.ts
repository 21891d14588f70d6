import { describe, expect, it } from "vitest";
import { hasHtmlTable, htmlTables } from "../../src/loaders/html-tables.js";

describe("HTML tables in a Markdown text, read as rows on a grid", () => {
  const text = [
    "## 表3 支出总表",
    '<table><tr><td rowspan="2">科目名称</td><td colspan="2">财政拨款</td><td rowspan="2">其他</td></tr><tr><td>一般</td><td>基金</td></tr><tr><td>工资福利支出 &amp; 津贴</td><td><b>1,234.00</b></td><td>5.00</td><td></td></tr></table>',
    "<table>",
    "<tr><th>项目</th><th>金额</th></tr>",
    "<tr><td>合计<br/>（万元）</td>",
    "<td>  9.50</td></tr>",
    "</table> 注：无。",
  ].join("\n");
  const [a, b] = htmlTables(text);

  it("places a cell spanning columns or rows at its first place, empty cells for the rest", () => {
    expect(a.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ["科目名称", "财政拨款", "", "其他"],
      ["", "一般", "基金", ""],
      ["工资福利支出 & 津贴", "1,234.00", "5.00", ""],
    ]);
    expect([a.firstLine, a.lastLine]).toEqual([2, 2]);
  });

  it("keeps where each cell's text starts: its line and character column in the file, past its tags", () => {
    const line2 = text.split("\n")[1];
    const figure = a.rows[2].cells[1];
    expect(figure.line).toBe(2);
    expect([...line2].slice(figure.column - 1).join("").startsWith("1,234.00")).toBe(true);
    // A table written over several lines: each cell on its own line, the spaces before its text skipped.
    expect(b.rows.map((r) => r.cells.map((c) => c.text))).toEqual([["项目", "金额"], ["合计 （万元）", "9.50"]]);
    expect(b.rows[1].cells[1]).toMatchObject({ line: 6, column: 7 });
    expect([b.firstLine, b.lastLine]).toEqual([3, 7]);
  });

  it("is found only where a table is written", () => {
    expect(hasHtmlTable(text)).toBe(true);
    expect(hasHtmlTable("表3 支出总表\n科目\t合计")).toBe(false);
  });
});
