import { resolve } from "node:path";
import ExcelJS from "exceljs";
import { ROOT } from "./cli.js";

/**
 * A workbook read by exceljs, `path` from the repository's root (or absolute). Kept apart from workbook.ts (whose
 * temporary folders are vitest's): the fixtures' generators use the tests' writers of the other forms too.
 */
export async function readBook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(resolve(ROOT, path));
  return wb;
}
