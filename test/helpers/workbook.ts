import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { ROOT } from "./cli.js";
import { tempDir } from "./tmp.js";

export const SEED_XLSX = "fixtures/shenzhen-sast-2023/workbook.xlsx";

export async function readBook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(resolve(ROOT, path));
  return wb;
}

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
