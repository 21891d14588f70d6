import { writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { displayNumber } from "../../src/loaders/sheets.js";
import { readBook } from "./read-book.js";
import { tempDir } from "./tmp.js";

export const SEED_XLSX = "fixtures/shenzhen-sast-2023/workbook.xlsx";

export { readBook } from "./read-book.js";

/** A copy of the seed workbook, changed by `edit`, written to a temporary folder; returns its path. */
export async function editedSeed(edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = await readBook(SEED_XLSX);
  edit(wb);
  const out = join(tempDir("xlsx"), "edited.xlsx");
  await wb.xlsx.writeFile(out);
  return out;
}

/**
 * The changes a test of another workbook form makes to the seed's workbook: a figure of 表3 raised by 7 (an error
 * more), 表3's row 12 (amounts) and column I hidden, and 表10 hidden.
 */
export function changeSeed(wb: ExcelJS.Workbook): void {
  const t3 = wb.getWorksheet("表3")!;
  let changed = false;
  t3.eachRow((row, r) => {
    const c = row.getCell(4);
    if (!changed && r > 8 && typeof c.value === "number" && c.value > 10) {
      c.value = c.value + 7;
      changed = true;
    }
  });
  t3.getRow(12).hidden = true;
  t3.getColumn(9).hidden = true;
  wb.getWorksheet("表10")!.state = "hidden";
}

const VALUES = new Map<string, Promise<string>>();

/** A copy of the workbook at `path` with each formula's cached result in its cell instead (made once per path). */
export function valuesOnly(path: string): Promise<string> {
  let made = VALUES.get(path);
  if (!made) {
    made = (async () => {
      const wb = await readBook(path);
      for (const ws of wb.worksheets)
        ws.eachRow((row) =>
          row.eachCell((c) => {
            const v = c.value as { formula?: string; sharedFormula?: string; result?: ExcelJS.CellValue } | null;
            if (v && typeof v === "object" && ("formula" in v || "sharedFormula" in v)) c.value = v.result ?? null;
          }),
        );
      const out = join(tempDir("xlsx-values"), "values.xlsx");
      await wb.xlsx.writeFile(out);
      return out;
    })();
    VALUES.set(path, made);
  }
  return made;
}

/**
 * A workbook's worksheets as a folder of CSV files, one a worksheet, each named as its worksheet (`name` changes the
 * name), as shown: a merged area's text in its first cell, a number (a formula's result) through its format, hidden
 * columns left out. Returns the folder.
 */
export async function workbookAsCsv(path: string, dir: string, name: (sheet: string) => string = (s) => s): Promise<string> {
  const wb = await readBook(path);
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const shown = (x: ExcelJS.Cell) => {
    if (x.isMerged && x.master.address !== x.address) return "";
    const v = x.value && typeof x.value === "object" && "result" in x.value ? x.value.result : x.value;
    return typeof v === "number" ? displayNumber(v, x.numFmt) : x.text;
  };
  for (const ws of wb.worksheets) {
    const rows: string[] = [];
    ws.eachRow({ includeEmpty: true }, (row) => {
      const cells: string[] = [];
      for (let c = 1; c <= ws.columnCount; c++) if (!ws.getColumn(c).hidden) cells.push(quote(shown(row.getCell(c))));
      rows.push(cells.join(","));
    });
    writeFileSync(join(dir, `${name(ws.name)}.csv`), rows.join("\n") + "\n");
  }
  return dir;
}
