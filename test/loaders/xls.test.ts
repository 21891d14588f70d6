import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readCompoundFile } from "../../src/loaders/cfb.js";
import { xlsSheets } from "../../src/loaders/xls.js";
import { ROOT } from "../helpers/cli.js";
import { biff8, compoundFile, type XlsSheet } from "../helpers/xls.js";

/* The cells of an Excel 97–2003 workbook as Excel shows them (xls.ts), and the compound file around them (cfb.ts). */

const read = (sheets: XlsSheet[], opts: Parameters<typeof biff8>[1] = {}) => xlsSheets("x.xls", compoundFile([{ name: "Workbook", data: biff8(sheets, opts) }]));
const cellsOf = (r: ReturnType<typeof xlsSheets>) => r.sheets.map((s) => [s.name, s.lines.map((l) => [l.location.cell, l.cells])]);

describe("xlsSheets", () => {
  it("numbers through their cell's format (built-in and FORMAT records), as RK, MULRK and NUMBER; booleans; formulas' cached values", () => {
    const r = read([
      {
        name: "表1",
        rows: [
          { r: 0, cells: [{ c: 0, v: 12.5, numFmt: "0.00" }, { c: 1, v: 1234.565, numFmt: "#,##0.00" }, { c: 2, v: 0.0825, numFmt: "0.00%" }, { c: 3, v: 7.25, numFmt: "#,##0.0_ " }] },
          { r: 2, cells: [{ c: 0, v: 3 }, { c: 1, v: 12.34 }, { c: 2, v: 0.1 + 0.2 }, { c: 3, v: -1234567.891 }, { c: 5, v: true }] },
          { r: 3, cells: [{ c: 1, v: { formula: 4302 }, numFmt: "#,##0" }, { c: 2, v: { formula: "合计" } }] },
        ],
      },
    ]);
    expect(cellsOf(r)).toEqual([
      [
        "表1",
        [
          ["A1", ["12.50", "1234.57", "8.25%", "7.3", "", ""]],
          ["A3", ["3", "12.34", "0.3", "-1234567.891", "", "TRUE"]],
          ["A4", ["", "4302", "合计", "", "", ""]],
        ],
      ],
    ]);
    expect(r.facts.otherFormulas).toBe(2);
    expect(r.sheets[0].lines[1].cellLocations[5]).toEqual({ file: "x.xls", sheet: "表1", cell: "F3" });
  });

  it("a plain sum's parsed tokens are followed as an .xlsx's formula is: its own (ptgRef, ptgArea, +, −, SUM) and a shared formula's (SHRFMLA, relative to each cell)", () => {
    const f = (formula: number, text: string) => ({ formula, text });
    const r = read([
      {
        name: "表6",
        rows: [
          { r: 0, cells: [{ c: 0, v: 1.25, numFmt: "0.00" }, { c: 1, v: 2.5, numFmt: "0.00" }, { c: 2, v: 10 }] },
          { r: 1, cells: [{ c: 0, v: 1.75, numFmt: "0.00" }, { c: 1, v: 4.125, numFmt: "0.00" }, { c: 2, v: 20 }] },
          // A3:C3 filled right: one shared formula; D1 its own (a SUM of two arguments less a cell); E1 no plain sum.
          { r: 2, cells: [{ c: 0, v: f(3, "SUM(A1:A2)"), numFmt: "0.00" }, { c: 1, v: f(6.625, "SUM(B1:B2)"), numFmt: "0.00" }, { c: 2, v: f(30, "SUM(C1:C2)") }] },
          { r: 0, cells: [{ c: 3, v: f(1.25, "SUM(A1,B1:B2)-$B$2"), numFmt: "0.00" }, { c: 4, v: f(2, "ROUND(A1,0)") }] },
        ],
      },
    ]);
    const terms = (x: (typeof r.facts.formulas)[number]) => x.parts.map((p) => `${p.sign > 0 ? "+" : "-"}${p.amount.location.cell}`).join("");
    expect(r.facts.formulas.map((x) => [x.location.cell, x.formula, x.cached.text, terms(x), x.halfUnits])).toEqual([
      // A1 and B1 may be half a unit off each; 4.125 is held finer than it is shown (4.13): the amount itself.
      ["D1", "SUM(A1,B1:B2)-B2", "1.25", "+A1+B1+B2-B2", 2],
      ["A3", "SUM(A1:A2)", "3.00", "+A1+A2", 2],
      ["B3", "SUM(B1:B2)", "6.63", "+B1+B2", 2],
      ["C3", "SUM(C1:C2)", "30", "+C1+C2", 2],
    ]);
    expect(r.facts.otherFormulas).toBe(1);
  });

  it("shared strings split over CONTINUE records at every size (Chinese, Latin, mixed), each whole, and strings written in their cells", () => {
    const words = ["一般公共服务支出", "Total", "机关运行经费（含 2023 年结转）", "A", "社会保障和就业支出".repeat(20), "x".repeat(300)];
    const sheet: XlsSheet = { name: "文字部分", rows: words.map((w, i) => ({ r: i, cells: [{ c: 0, v: w }] })) };
    for (const size of [12, 13, 37, 100, 301, 8224]) expect(read([sheet], { sstRecordBytes: size }).sheets[0].lines.map((l) => l.cells[0]), `records of ${size} bytes`).toEqual(words);
  });

  it("hidden rows holding amounts, hidden columns and hidden sheets are facts; a chart's substream inside a sheet is not its cells", () => {
    const r = read([
      { name: "表2", hidden: true, hiddenColumns: [2], rows: [{ r: 0, cells: [{ c: 0, v: "项目" }] }, { r: 1, hidden: true, cells: [{ c: 0, v: "合计" }, { c: 1, v: 5 }] }] },
      { name: "Sheet3", rows: [] },
    ]);
    expect(cellsOf(r)).toEqual([["表2", [["A1", ["项目", ""]], ["A2", ["合计", "5"]]]]]);
    expect(r.facts.hiddenSheets.map((s) => s.sheet)).toEqual(["表2"]);
    expect(r.facts.hiddenRows).toEqual([{ sheet: "表2", row: 2, location: { file: "x.xls", sheet: "表2", cell: "A2" }, hasAmounts: true }]);
    expect(r.facts.hiddenColumns.map((c) => c.column)).toEqual(["C"]);
  });

  it("a small workbook whose stream is in the compound file's mini stream (LibreOffice's, from a two-line CSV)", () => {
    const r = xlsSheets("m.xls", readFileSync(join(ROOT, "test/fixtures/xls/mini-stream.xls")));
    expect(readCompoundFile(readFileSync(join(ROOT, "test/fixtures/xls/mini-stream.xls"))).stream("Workbook")!.length).toBeLessThan(4096);
    expect(r.sheets.map((s) => s.lines.map((l) => l.cells))).toEqual([[["项目", "金额"], ["合计", "12.5"]]]);
  });

  it("damage ends the reading with its reason, however the file is damaged: cut, looping chains, a stream past the end, records past their stream", () => {
    const good = compoundFile([{ name: "Workbook", data: biff8([{ name: "表1", rows: [{ r: 0, cells: [{ c: 0, v: "收支总表" }] }] }]) }]);
    const cut = good.subarray(0, 1500);
    expect(() => xlsSheets("x.xls", cut)).toThrow(/^not a readable Excel 97–2003 workbook \(its stream Workbook is larger than the file\)/);
    const loop = Buffer.from(good);
    loop.writeUInt32LE(3, 512 + 3 * 4); // sector 3 points at itself
    expect(() => xlsSheets("x.xls", loop)).toThrow(/^not a readable Excel 97–2003 workbook \(a sector chain is broken or loops\)/);
    const long = Buffer.from(good);
    long.writeUInt32LE(10_000_000, 1024 + 128 + 0x78); // the Workbook entry's size
    expect(() => xlsSheets("x.xls", long)).toThrow(/its stream Workbook is larger than the file/);
    const record = compoundFile([{ name: "Workbook", data: Buffer.from([0x09, 0x08, 0xff, 0x7f, 0x00, 0x06]) }]);
    expect(() => xlsSheets("x.xls", record)).toThrow(/a record runs past the end of its stream/);
    expect(() => xlsSheets("x.xls", Buffer.from("not a compound file at all, just text, more than 512 bytes".repeat(20)))).toThrow(/\(not a compound file\)/);
  });
});
