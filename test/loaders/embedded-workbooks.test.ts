import { inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { cellRange, embeddedSheet, shownRows } from "../../src/loaders/embedded-workbooks.js";
import { zipParts } from "../../src/loaders/zip-limits.js";
import { zip } from "../helpers/docx.js";
import { biff8, compoundFile, type XlsSheet } from "../helpers/xls.js";

/* What a workbook embedded in a Word document shows (src/loaders/embedded-workbooks.ts): its active sheet, in its OLE size. */

const rowsOf = (s: { rows: { row: number; cells: { text: string; column: number }[] }[] } | null) => s?.rows.map((r) => [r.row, ...r.cells.map((c) => `${c.column}:${c.text}`)]);

describe("a range of cells", () => {
  it("as Excel writes it: A1:G30, absolute, one cell, either corner first; anything else is none", () => {
    expect(cellRange("A1:G30")).toEqual({ firstRow: 1, lastRow: 30, firstColumn: 1, lastColumn: 7 });
    expect(cellRange("$B$2:$AA$3")).toEqual({ firstRow: 2, lastRow: 3, firstColumn: 2, lastColumn: 27 });
    expect(cellRange("C5")).toEqual({ firstRow: 5, lastRow: 5, firstColumn: 3, lastColumn: 3 });
    expect(cellRange("G30:A1")).toEqual({ firstRow: 1, lastRow: 30, firstColumn: 1, lastColumn: 7 });
    expect(cellRange("表1")).toBeNull();
    expect(cellRange(null)).toBeNull();
  });
});

describe("the rows a worksheet shows", () => {
  const at = (cell: string) => ({ file: "a.docx", sheet: "S", cell });
  const lines = [1, 2, 3, 4].map((r) => ({ cells: ["名称", `${r}0.00`, `${r}00.00`], location: at(`A${r}`), cellLocations: ["A", "B", "C"].map((c) => at(`${c}${r}`)) }));
  const none = { hiddenSheets: [], hiddenRows: [], hiddenColumns: [], formulas: [], otherFormulas: 0 };

  it("within the range only, each cell with its column", () => {
    expect(rowsOf(shownRows("S", lines, none, { firstRow: 2, lastRow: 3, firstColumn: 2, lastColumn: 3 }))).toEqual([
      [2, "2:20.00", "3:200.00"],
      [3, "2:30.00", "3:300.00"],
    ]);
  });

  it("without hidden rows and columns (not printed in the object's picture); all of it where no range is said", () => {
    const facts = { ...none, hiddenRows: [{ sheet: "S", row: 2, location: at("A2"), hasAmounts: true }], hiddenColumns: [{ sheet: "S", column: "B", location: at("B1") }] };
    expect(rowsOf(shownRows("S", lines, facts, null))).toEqual([
      [1, "1:名称", "3:100.00"],
      [3, "1:名称", "3:300.00"],
      [4, "1:名称", "3:400.00"],
    ]);
  });
});

describe("an embedded workbook's bytes", () => {
  const sheets: XlsSheet[] = [
    { name: "其他", rows: [{ r: 0, cells: [{ c: 0, v: "不显示" }] }] },
    {
      name: "表1",
      rows: [
        { r: 0, cells: [{ c: 0, v: "项目" }, { c: 1, v: "预算数" }] },
        { r: 1, cells: [{ c: 0, v: "合计" }, { c: 1, v: 12.5, numFmt: "#,##0.00" }, { c: 4, v: "范围外" }] },
      ],
    },
  ];

  it("an Excel 97–2003 workbook (Excel.Sheet.8): its active sheet (WINDOW1), within its OLE size", async () => {
    const bytes = compoundFile([{ name: "Workbook", data: biff8(sheets, { activeTab: 1, oleSize: { firstRow: 1, lastRow: 2, firstColumn: 1, lastColumn: 2 } }) }]);
    const s = await embeddedSheet(bytes, "a.docx");
    expect(s?.name).toBe("表1");
    expect(rowsOf(s)).toEqual([
      [1, "1:项目", "2:预算数"],
      [2, "1:合计", "2:12.50"],
    ]);
    // Without a WINDOW1 record, its first sheet; without OLESIZE, all its cells.
    expect(rowsOf(await embeddedSheet(compoundFile([{ name: "Workbook", data: biff8(sheets) }]), "a.docx"))).toEqual([[1, "1:不显示"]]);
  });

  const xlsx = async (oleSize: string | null) => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("其他").getCell("A1").value = "不显示";
    const ws = wb.addWorksheet("表1");
    ws.getCell("A1").value = "项目";
    ws.getCell("B1").value = "预算数";
    ws.getCell("A2").value = "合计";
    ws.getCell("B2").value = "12.50";
    ws.getCell("E2").value = "范围外";
    wb.views = [{ x: 0, y: 0, width: 10000, height: 8000, firstSheet: 0, activeTab: 1, visibility: "visible" }];
    const book = Buffer.from(await wb.xlsx.writeBuffer());
    const parts = zipParts(book, 100) as { name: string; method: number; data: Buffer }[];
    return zip(
      parts.map((p) => {
        const d = p.method === 8 ? inflateRawSync(p.data) : Buffer.from(p.data);
        return { name: p.name, data: p.name === "xl/workbook.xml" && oleSize ? d.toString("utf8").replace("</workbook>", `<oleSize ref="${oleSize}"/></workbook>`) : d };
      }),
    );
  };

  it("an .xlsx (Excel.Sheet.12): its active tab, within its oleSize; and the same packaged in a compound file's Package stream", async () => {
    const bytes = await xlsx("A1:B2");
    const expected = [
      [1, "1:项目", "2:预算数"],
      [2, "1:合计", "2:12.50"],
    ];
    expect(rowsOf(await embeddedSheet(bytes, "a.docx"))).toEqual(expected);
    expect(rowsOf(await embeddedSheet(compoundFile([{ name: "Package", data: bytes }]), "a.docx"))?.slice(0, 2)).toEqual(expected);
    expect(rowsOf(await embeddedSheet(await xlsx(null), "a.docx"))).toEqual([
      [1, "1:项目", "2:预算数"],
      [2, "1:合计", "2:12.50", "5:范围外"],
    ]);
  });

  it("a chart (an Excel.Chart object: its chart sheet shown, its data on a worksheet) shows no cells: not read", async () => {
    // WINDOW1's active tab is the chart sheet: no worksheet of that number (BOUNDSHEET 1 is a chart's in Excel's file).
    expect(await embeddedSheet(compoundFile([{ name: "Workbook", data: biff8(sheets, { activeTab: 2 }) }]), "a.docx")).toBeNull();
    // An .xlsx whose shown sheet is a chart sheet (listed in workbook.xml, no worksheet of exceljs's).
    const book = await xlsx(null);
    const parts = zipParts(book, 100) as { name: string; method: number; data: Buffer }[];
    const charted = zip(
      parts.map((p) => {
        const d = p.method === 8 ? inflateRawSync(p.data) : Buffer.from(p.data);
        return { name: p.name, data: p.name === "xl/workbook.xml" ? d.toString("utf8").replace(/activeTab="1"/, 'activeTab="2"').replace("</sheets>", '<sheet name="图表1" sheetId="9" r:id="rId99"/></sheets>') : d };
      }),
    );
    expect(await embeddedSheet(charted, "a.docx")).toBeNull();
  });

  it("anything else is no workbook read: another zip, another compound file, damage", async () => {
    expect(await embeddedSheet(zip([{ name: "ppt/presentation.xml", data: "<p/>" }]), "a.docx")).toBeNull();
    expect(await embeddedSheet(compoundFile([{ name: "WordDocument", data: Buffer.alloc(600) }]), "a.docx")).toBeNull();
    expect(await embeddedSheet(Buffer.from("PK\u0003\u0004 damaged", "latin1"), "a.docx")).toBeNull();
    const bytes = compoundFile([{ name: "Workbook", data: biff8(sheets) }]);
    expect(await embeddedSheet(bytes.subarray(0, 700), "a.docx")).toBeNull();
  });
});
