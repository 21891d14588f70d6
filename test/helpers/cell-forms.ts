import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";

/**
 * A tab-separated text (test/helpers/tab-form.ts) cut as a workbook or a CSV folder is: the text before the
 * first table on a sheet (a file) of its own, then each table — its title, 单位 line, header and rows — on its
 * own sheet (file), text after a table with it. Markdown heading marks are left out: a worksheet has none.
 */
export function asSheets(tabText: string): string[][] {
  const lines = tabText.split("\n");
  const sheets: string[][] = [[]];
  let inTable = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const tabular = l.includes("\t");
    const startsTable = !tabular && l.trim() !== "" && lines.slice(i + 1, i + 5).some((x) => x.includes("\t"));
    if ((inTable && !tabular && l.trim()) || (startsTable && sheets.length === 1 && !inTable)) {
      sheets.push([]);
      inTable = false;
    }
    if (tabular) inTable = true;
    sheets[sheets.length - 1].push(l.replace(/^#+\s*/, ""));
  }
  return sheets;
}

/**
 * The sheets as a workbook (the text on 文字部分, the tables on 表1 … 表N), written to `dir`; returns its path.
 * `titledSheets`: each table's title row left out and its sheet named by it instead (as a workbook whose sheet
 * tabs carry the titles prints them).
 */
export async function asWorkbook(tabText: string, dir: string, name = "document.xlsx", titledSheets = false): Promise<string> {
  const wb = new ExcelJS.Workbook();
  asSheets(tabText).forEach((rows, k) => {
    let sheetName = k === 0 ? "文字部分" : `表${k}`;
    if (titledSheets && k > 0) {
      const t = rows.findIndex((r) => r.trim() !== "");
      sheetName = rows[t].trim().replace(/[[\]:*?/\\]/g, "").slice(0, 31);
      rows = rows.slice(t + 1);
    }
    const ws = wb.addWorksheet(sheetName);
    rows.forEach((r, i) => r.split("\t").forEach((c, j) => c.trim() && (ws.getCell(i + 1, j + 1).value = c.trim())));
  });
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

const csvCell = (c: string) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);

/** The sheets as a CSV folder (the text as 文字部分.txt, each table as 表N.csv) under `dir`; returns its path. */
export function asCsvFolder(tabText: string, dir: string, name = "document"): string {
  const folder = join(dir, name);
  mkdirSync(folder, { recursive: true });
  const [text, ...tables] = asSheets(tabText);
  writeFileSync(join(folder, "文字部分.txt"), text.join("\n") + "\n");
  tables.forEach((rows, k) => writeFileSync(join(folder, `表${String(k + 1).padStart(2, "0")}.csv`), rows.map((r) => r.split("\t").map(csvCell).join(",")).join("\n") + "\n"));
  return folder;
}
