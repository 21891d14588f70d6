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
