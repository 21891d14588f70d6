import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { findPackages, loadPackage } from "../../src/lib.js";
import { generic } from "../../src/templates/generic.js";
import { tempDir } from "./tmp.js";

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

/**
 * The tab-separated text as Shanghai's budget system writes a workbook: each written part before the tables on
 * a sheet named for it (3.14部门编制说明（部门）), its heading row left out (the sheet's name says it); each
 * table on a sheet of `tableSheets` (3.15部门收支总表 …) with its title rows; the text after the tables on
 * 3.26其他相关情况说明（部门）. Returns the workbook's path.
 */
export async function asPartSheetsWorkbook(tabText: string, dir: string, name: string, tableSheets: string[]): Promise<string> {
  const partSheets: Record<string, string> = {
    部门主要职能: "3.11部门主要职能（部门）",
    部门机构设置: "3.12部门机构设置（部门）",
    名词解释: "3.13名词解释（部门）",
    部门预算编制说明: "3.14部门编制说明（部门）",
  };
  const sheets = new Map<string, string[]>();
  const add = (sheet: string, rows: string[]) => sheets.set(sheet, [...(sheets.get(sheet) ?? []), ...rows]);
  const [text, ...tables] = asSheets(tabText);
  let sheet = "封面";
  for (const row of tabText.split("\n").slice(0, text.length)) {
    const heading = /^#+\s*(.+)$/.exec(row)?.[1].replace(/\s+/g, "");
    if (heading && partSheets[heading]) sheet = partSheets[heading];
    else add(sheet, [row.replace(/^#+\s*/, "")]);
  }
  tables.forEach((rows, k) => {
    let last = rows.length - 1;
    while (last >= 0 && !rows[last].includes("\t")) last--;
    add(tableSheets[k], rows.slice(0, last + 1));
    add("3.26其他相关情况说明（部门）", rows.slice(last + 1));
  });
  const wb = new ExcelJS.Workbook();
  for (const [sheetName, rows] of sheets) {
    const ws = wb.addWorksheet(sheetName);
    rows.forEach((r, i) => r.split("\t").forEach((c, j) => c.trim() && (ws.getCell(i + 1, j + 1).value = c.trim())));
  }
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

/** The three forms of a document in cells. */
export type CellForm = "csv" | "xlsx" | "tab-separated text";
export const CELL_FORMS: CellForm[] = ["csv", "xlsx", "tab-separated text"];

/** The tab-separated text written in `form` (a CSV folder, a workbook, or as it is) and read by kind alone (generic). */
export async function loadInForm(form: CellForm, tabText: string, label: string) {
  const dir = tempDir(label);
  let path: string;
  if (form === "csv") path = asCsvFolder(tabText, dir);
  else if (form === "xlsx") path = await asWorkbook(tabText, dir);
  else writeFileSync((path = join(dir, "document.txt")), tabText);
  return loadPackage(findPackages(path)[0], { template: generic });
}
