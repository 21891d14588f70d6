import { describe, expect, it } from "vitest";
import { splitLines, textLine } from "../../src/loaders/raw.js";

/* A finding points at file:line:column; columns count characters (code points), as an editor does. */
describe("textLine: the column of each tab-separated cell", () => {
  it("counts a character beyond the BMP (a rare 汉字 such as 𠀀) as one column", () => {
    const l = textLine("a.md", 7, "甲\t𠀀乙\t12.50\t𡈽𡈽𡈽\t3");
    expect(l.cells).toEqual(["甲", "𠀀乙", "12.50", "𡈽𡈽𡈽", "3"]);
    expect(l.cellLocations.map((c) => c.column)).toEqual([1, 3, 6, 12, 16]);
    expect(l.cellLocations.every((c) => c.file === "a.md" && c.line === 7)).toBe(true);
  });

  it("counts UTF-16 units and code points alike on a line without such characters", () => {
    const l = textLine("a.md", 1, "2060701\t一般行政管理事务\t1,234.00");
    expect(l.cellLocations.map((c) => c.column)).toEqual([1, 9, 18]);
  });

  it("keeps empty cells at the start, between tabs and at the end, each at its column", () => {
    const l = textLine("a.md", 3, "\t甲\t\t9,724\t");
    expect(l.cells).toEqual(["", "甲", "", "9,724", ""]);
    expect(l.cellLocations.map((c) => c.column)).toEqual([1, 2, 4, 5, 11]);
  });

  it("a line without a tab is one cell at column 1", () => {
    expect(textLine("a.md", 2, "𠀀 部门概况").cellLocations).toEqual([{ file: "a.md", line: 2, column: 1 }]);
  });
});

/* Published text comes with LF, CRLF (Windows) or CR (old Mac) line ends; a line number is the same in each. */
describe("splitLines: the lines of a text whatever its line ends", () => {
  it("splits LF, CRLF and CR alike, and a mixture of them", () => {
    const lf = "表1\t收支总表\n\n科学技术支出\t9,724\n";
    expect(splitLines(lf)).toEqual(["表1\t收支总表", "", "科学技术支出\t9,724", ""]);
    expect(splitLines(lf.replace(/\n/g, "\r\n"))).toEqual(splitLines(lf));
    expect(splitLines(lf.replace(/\n/g, "\r"))).toEqual(splitLines(lf));
    expect(splitLines("a\r\nb\rc\nd")).toEqual(["a", "b", "c", "d"]);
  });

  it("keeps a CR+CR+LF as two line ends (one empty line), as the regular expression did", () => {
    expect(splitLines("a\r\r\nb")).toEqual(["a", "", "b"]);
  });
});
