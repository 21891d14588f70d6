import { describe, expect, it } from "vitest";
import { xmlSheets } from "../../src/loaders/xml-spreadsheet.js";
import { inputErrorText } from "../../src/i18n/input-errors.js";

/* The cells of an Excel 2003 XML spreadsheet as Excel shows them (xml-spreadsheet.ts). */

const book = (styles: string, body: string) =>
  `<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Styles><Style ss:ID="Default"/>${styles}</Styles>${body}</Workbook>`;

describe("xmlSheets", () => {
  it("numbers through their style's format: named (Fixed, Standard, Percent), inherited from a parent, or as stored", () => {
    const styles =
      '<Style ss:ID="f"><NumberFormat ss:Format="Fixed"/></Style><Style ss:ID="st"><NumberFormat ss:Format="Standard"/></Style>' +
      '<Style ss:ID="p"><NumberFormat ss:Format="Percent"/></Style><Style ss:ID="child" ss:Parent="f"><Font/></Style><Style ss:ID="w"><NumberFormat ss:Format="#,##0.0_ "/></Style>';
    const cells = [
      ["f", "12.5"],
      ["st", "1234.565"],
      ["p", "0.0825"],
      ["child", "3"],
      ["w", "7.25"],
      ["", "0.30000000000000004"],
      ["", "1.5E3"],
    ];
    const row = cells.map(([id, v]) => `<Cell${id ? ` ss:StyleID="${id}"` : ""}><Data ss:Type="Number">${v}</Data></Cell>`).join("");
    const { sheets } = xmlSheets("x.xls", book(styles, `<Worksheet ss:Name="表1"><Table><Row>${row}</Row></Table></Worksheet>`));
    expect(sheets[0].lines[0].cells).toEqual(["12.50", "1234.57", "8.25%", "3.00", "7.3", "0.3", "1500"]);
  });

  it("ss:Index for rows and cells after a gap, MergeAcross skipping columns, rich text without its tags, a comment left out", () => {
    const body =
      '<Worksheet ss:Name="收支总表"><Table><Column ss:Index="3" ss:Hidden="1" ss:Span="1"/>' +
      '<Row ss:Index="2"><Cell ss:MergeAcross="2"><ss:Data ss:Type="String" xmlns="http://www.w3.org/TR/REC-html40"><B>收入</B><Font>预算</Font></ss:Data></Cell><Cell><Data ss:Type="String">支出</Data><Comment><ss:Data><B>注</B>999</ss:Data></Comment></Cell></Row>' +
      '<Row ss:Hidden="1"><Cell ss:Index="2"><Data ss:Type="Number">5</Data></Cell><Cell/><Cell><Data ss:Type="Boolean">1</Data></Cell></Row>' +
      "</Table></Worksheet>";
    const { sheets, facts } = xmlSheets("x.xls", book("", body));
    expect(sheets[0].name).toBe("收支总表");
    expect(sheets[0].lines.map((l) => [l.location.cell, l.cells])).toEqual([
      ["A2", ["收入预算", "", "", "支出"]],
      ["A3", ["", "5", "", "TRUE"]],
    ]);
    expect(sheets[0].lines[0].cellLocations[3]).toEqual({ file: "x.xls", sheet: "收支总表", cell: "D2" });
    expect(facts.hiddenRows).toEqual([{ sheet: "收支总表", row: 3, location: { file: "x.xls", sheet: "收支总表", cell: "A3" }, hasAmounts: true }]);
    expect(facts.hiddenColumns.map((c) => c.column)).toEqual(["C", "D"]);
  });

  it("a hidden worksheet is a fact; a worksheet with no value is no sheet; a plain sum's R1C1 references are followed, other formulas counted", () => {
    const body =
      '<Worksheet ss:Name="表2"><Table><Row><Cell ss:StyleID="f" ss:Formula="=SUM(R[1]C:R[2]C)"><Data ss:Type="Number">3</Data></Cell><Cell ss:Formula="=ROUND(RC[-1],0)"><Data ss:Type="Number">3</Data></Cell>' +
      '<Cell ss:StyleID="f" ss:Formula="=R2C1+RC[-2]-R[2]C1"><Data ss:Type="Number">2.5</Data></Cell></Row><Row><Cell><Data ss:Type="Number">1.25</Data></Cell></Row><Row><Cell ss:StyleID="s1"><Data ss:Type="Number">1.75</Data></Cell></Row></Table>' +
      '<WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Visible>SheetHidden</Visible></WorksheetOptions></Worksheet>' +
      '<Worksheet ss:Name="Sheet3"><Table><Row><Cell><Data ss:Type="String"> </Data></Cell></Row></Table></Worksheet>';
    const { sheets, facts } = xmlSheets("x.xls", book('<Style ss:ID="f"><NumberFormat ss:Format="Fixed"/></Style><Style ss:ID="s1"><NumberFormat ss:Format="0.0"/></Style>', body));
    expect(sheets.map((s) => s.name)).toEqual(["表2"]);
    expect(facts.hiddenSheets.map((s) => s.sheet)).toEqual(["表2"]);
    expect(facts.otherFormulas).toBe(1);
    // A1 = A2 + A3 (1.25, and 1.75 shown 1.8: held finer than shown, the amount itself): half a unit of 1.25's; C1 = A2 + A1 − A3,
    // 1.25's half unit and A1's own terms': two half units of its 2.50.
    const terms = (f: (typeof facts.formulas)[number]) => f.parts.map((p) => `${p.sign > 0 ? "+" : "-"}${p.amount.location.cell}`).join("");
    expect(facts.formulas.map((f) => [f.location.cell, f.formula, f.cached.text, terms(f), f.halfUnits])).toEqual([
      ["A1", "SUM(A2:A3)", "3.00", "+A2+A3", 1],
      ["C1", "A2+A1-A3", "2.50", "+A2+A1-A3", 2],
    ]);
  });

  it("damage: no Workbook element is an input error (in Chinese too); a value past the last column read is one at its cell", () => {
    expect(() => xmlSheets("x.xls", "<?xml version=\"1.0\"?><Table><Row><Cell><Data>1</Data></Cell></Row></Table>")).toThrow(/^not a readable Excel 2003 XML spreadsheet \(no <Workbook> element\)/);
    expect(inputErrorText("not a readable Excel 2003 XML spreadsheet (no <Workbook> element); save it as an Excel workbook (.xlsx) to have it checked", "zh")).toMatch(/^不是可读取的 Excel 2003 XML 表格/);
    const far = book("", '<Worksheet ss:Name="表1"><Table><Row><Cell ss:Index="5000"><Data ss:Type="Number">1</Data></Cell></Row></Table></Worksheet>');
    let err: unknown;
    try {
      xmlSheets("x.xls", far);
    } catch (e) {
      err = e;
    }
    expect((err as Error).message).toMatch(/^a value in column GJH; a budget worksheet is read up to column ALL/);
    expect((err as { location: unknown }).location).toEqual({ file: "x.xls", sheet: "表1", cell: "GJH1" });
    expect(inputErrorText((err as Error).message, "zh")).toBe("第 GJH 列有值；预算工作表最多读取到第 ALL 列（1000 列）");
  });

  it("in time linear in the file, however it is damaged: 200,000 unclosed cells", () => {
    const t = Date.now();
    const { sheets } = xmlSheets("x.xls", book("", `<Worksheet ss:Name="表1"><Table><Row>${"<Cell><Data ss:Type=\"String\">a".repeat(200_000)}`));
    expect(sheets).toHaveLength(0);
    expect(Date.now() - t).toBeLessThan(5_000);
  });
});
