import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { cli, ROOT } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

// Issue 12, defect 11: --annotate dropped the external links but kept the formulas that refer to them.
describe("--annotate keeps the values of formulas that refer to other workbooks", () => {
  const tmp = tempDir("annotate-links");

  it("a cell =[1]Sheet1!A1 cached as 42 is 42 in the copy, with no formula left pointing at a dropped link", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(ROOT, "fixtures/shenzhen-sast-2023/workbook.xlsx"));
    const ws = wb.addWorksheet("外部引用"); // one value per row: read as neither a table nor the text
    ws.getCell("A1").value = { formula: "[1]Sheet1!A1", result: 42 } as ExcelJS.CellValue;
    ws.getCell("A2").value = { formula: "'[budget 2022.xlsx]表3'!D8+1", result: 7 } as ExcelJS.CellValue;
    ws.getCell("A3").value = { formula: "1+1", result: 2 } as ExcelJS.CellValue;
    const input = join(tmp, "linked.xlsx");
    await wb.xlsx.writeFile(input);
    const out = join(tmp, "annotated.xlsx");
    const r = cli([input, "--annotate", out]);
    expect(r.status).toBe(1); // the workbook's text: six wrong percentages
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(out);
    const cs = copy.getWorksheet(ws.name)!;
    expect(cs.getCell("A1").value).toBe(42);
    expect(cs.getCell("A2").value).toBe(7);
    expect(cs.getCell("A3").formula).toBe("1+1");
  });
});
