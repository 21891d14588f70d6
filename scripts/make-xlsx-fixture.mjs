#!/usr/bin/env node
// Builds the seed as an Excel workbook, the way a finance officer keeps it, from the CSV package:
// a worksheet 文字部分 with the written parts (one line per row), then one worksheet per table (表1 …)
// holding that table's printed pages. To exercise the .xlsx loader it mixes the forms amounts take:
// - 表1 and 表9 keep their amounts as text (`9,724`), the other tables store numbers with `#,##0`
//   (or `#,##0.00` where two decimals are printed); code columns (科目编码) stay text;
// - header labels spanning several columns are merged cells (value in the first cell only), a header
//   cell with nothing below it is merged downwards, and each title row is merged across the table;
// - in 表3 the first code row whose 支出总计 is exactly 基本支出 + 项目支出 holds `SUM(E:F)` and the next such
//   row `E+F`, each with its cached value (what Excel saves).
//
//   node scripts/make-xlsx-fixture.mjs [csv-folder] [out.xlsx]
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";

const [dir = "fixtures/shenzhen-sast-2023/csv", out = "fixtures/shenzhen-sast-2023/workbook.xlsx"] = process.argv.slice(2);
const AMOUNT = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;
const TEXT_AMOUNTS = new Set(["表1", "表9"]);

const wb = new ExcelJS.Workbook();
// Fixed workbook properties: the same input builds the same workbook.
wb.creator = "budget-check fixture script";
wb.created = wb.modified = new Date("2023-01-01T00:00:00Z");

const narrative = wb.addWorksheet("文字部分");
readFileSync(join(dir, "document.md"), "utf8").split(/\r?\n/).forEach((line, i) => {
  if (line) narrative.getCell(i + 1, 1).value = line;
});

const tableNumber = (n) => Number(/\d+/.exec(n)[0]);
const files = readdirSync(dir).filter((n) => n.endsWith(".csv")).sort((a, b) => tableNumber(a) - tableNumber(b));
let formulas = 0;
for (const name of files) {
  const sheetName = name.replace(/\.csv$/, "");
  const ws = wb.addWorksheet(sheetName);
  const rows = parse(readFileSync(join(dir, name), "utf8"), { relax_column_count: true });
  const width = Math.max(...rows.map((r) => r.length));
  // Header rows: tabular rows before the first row holding an amount, per page.
  const isHeader = rows.map(() => false);
  let inHeader = false;
  rows.forEach((r, i) => {
    const filled = r.filter((c) => c.trim()).length;
    if (filled <= 1) inHeader = true; // title, 部门名称, 单位 lines start a page
    else if (inHeader && r.some((c) => AMOUNT.test(c.trim()) && !/^\d{3,7}$/.test(c.trim()))) inHeader = false;
    isHeader[i] = filled > 1 && inHeader;
  });
  const codeColumns = new Set();
  rows.forEach((r, i) => r.forEach((c, j) => isHeader[i] && /编码|代码/.test(c) && codeColumns.add(j)));
  rows.forEach((r, i) => {
    const excelRow = i + 1;
    r.forEach((raw, j) => {
      const text = raw.trim();
      if (!text) return;
      const cell = ws.getCell(excelRow, j + 1);
      if (!isHeader[i] && !codeColumns.has(j) && AMOUNT.test(text) && !TEXT_AMOUNTS.has(sheetName)) {
        const decimals = (/\.(\d+)$/.exec(text)?.[1] ?? "").length;
        cell.value = Number(text.replace(/,/g, ""));
        cell.numFmt = decimals ? `#,##0.${"0".repeat(decimals)}` : "#,##0";
      } else cell.value = text;
    });
    const filled = r.filter((c) => c.trim());
    if (filled.length === 1 && r[0].trim() && width > 1 && /表$|总表$|表（/.test(r[0].trim())) ws.mergeCells(excelRow, 1, excelRow, width);
  });
  // Merged header cells: a label followed by empty cells spans them; a label with an empty cell below spans down.
  const merged = new Set();
  const merge = (r1, c1, r2, c2) => {
    const cells = [];
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) cells.push(`${r}:${c}`);
    if (cells.some((c) => merged.has(c))) return;
    cells.forEach((c) => merged.add(c));
    ws.mergeCells(r1, c1, r2, c2);
  };
  rows.forEach((r, i) => {
    if (!isHeader[i]) return;
    const below = isHeader[i + 1] ? rows[i + 1] : null;
    for (let j = 0; j < width; j++) {
      if (!(r[j] ?? "").trim()) continue;
      let k = j;
      while (k + 1 < width && !(r[k + 1] ?? "").trim() && below && (below[k + 1] ?? "").trim()) k++;
      if (k > j) merge(i + 1, j + 1, i + 1, k + 1);
      else if (below && !(below[j] ?? "").trim()) merge(i + 1, j + 1, i + 2, j + 1);
      j = k;
    }
  });
  if (sheetName === "表3") {
    // Columns D (支出总计), E (基本支出), F (项目支出) on code rows (a code in column B).
    const kinds = ["sum", "plus"];
    for (let i = 0; i < rows.length && kinds.length; i++) {
      const r = rows[i];
      if (!/^\d{3,7}$/.test((r[1] ?? "").trim())) continue;
      const [d, e, f] = [3, 4, 5].map((j) => Number((r[j] ?? "").replace(/,/g, "")));
      if (!(d > 0) || d !== e + f) continue;
      const n = i + 1;
      ws.getCell(n, 4).value = { formula: kinds.shift() === "sum" ? `SUM(E${n}:F${n})` : `E${n}+F${n}`, result: d };
      ws.getCell(n, 4).numFmt = "#,##0";
      formulas++;
    }
  }
}
await wb.xlsx.writeFile(out);
console.log(`${out}: ${wb.worksheets.length} worksheets, ${formulas} formulas`);
