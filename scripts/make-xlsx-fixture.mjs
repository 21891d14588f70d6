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
import { buildWorkbook } from "./lib/packages.mjs";

const [dir = "fixtures/shenzhen-sast-2023/csv", out = "fixtures/shenzhen-sast-2023/workbook.xlsx"] = process.argv.slice(2);
const tableNumber = (n) => Number(/\d+/.exec(n)[0]);
const tables = readdirSync(dir)
  .filter((n) => n.endsWith(".csv"))
  .sort((a, b) => tableNumber(a) - tableNumber(b))
  .map((n) => [n.replace(/\.csv$/, ""), parse(readFileSync(join(dir, n), "utf8"), { relax_column_count: true })]);

/** 表3: columns D (支出总计), E (基本支出), F (项目支出) on code rows (a code in column B). */
function formulas(sheet, rows) {
  if (sheet !== "表3") return [];
  const kinds = ["sum", "plus"];
  const out = [];
  rows.forEach((r, i) => {
    if (!kinds.length || !/^\d{3,7}$/.test((r[1] ?? "").trim())) return;
    const [d, e, f] = [3, 4, 5].map((j) => Number((r[j] ?? "").replace(/,/g, "")));
    if (!(d > 0) || d !== e + f) return;
    const n = i + 1;
    out.push({ row: n, col: 4, formula: kinds.shift() === "sum" ? `SUM(E${n}:F${n})` : `E${n}+F${n}` });
  });
  return out;
}

const wb = buildWorkbook(readFileSync(join(dir, "document.md"), "utf8"), tables, { textAmounts: new Set(["表1", "表9"]), formulas });
await wb.xlsx.writeFile(out);
console.log(`${out}: ${wb.worksheets.length} worksheets`);
