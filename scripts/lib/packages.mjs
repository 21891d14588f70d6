// The forms a budget document comes in, built from its text form: shared by the fixture scripts
// (make-csv-package.mjs, make-xlsx-fixture.mjs) and the benchmark's corpus generator.
import ExcelJS from "exceljs";

const MARKER = /^表\s*(\d+)\s*$/;
const AMOUNT = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/**
 * Splits a document in text form into its written parts (everything before the first 表 N marker) and
 * one list of rows per table (`表N`), holding that table's printed pages in order. Each row keeps the
 * 1-based line of the text it came from.
 */
export function splitDocument(text) {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => MARKER.test(l.trim()));
  if (start < 0) throw new Error("no 表 N marker found");
  const tables = new Map();
  let current = null;
  lines.slice(start).forEach((line, k) => {
    const m = MARKER.exec(line.trim());
    if (m) current = `表${m[1]}`;
    if (!current || !line.trim()) return;
    const cells = line.split("\t").map((c) => c.trim().replace(/^#+\s*/, ""));
    tables.set(current, [...(tables.get(current) ?? []), { cells, line: start + k + 1 }]);
  });
  return { narrative: lines.slice(0, start).join("\n").replace(/\n+$/, "") + "\n", tables };
}

const quote = (s) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Rows (arrays of cells) as CSV text. */
export function csvText(rows) {
  return rows.map((r) => r.map(quote).join(",")).join("\n") + "\n";
}

/**
 * Builds a workbook: a worksheet 文字部分 with the written parts (one line per row), then one worksheet
 * per table. Amounts are stored as numbers with `#,##0` (or `#,##0.00` …) except in the worksheets named
 * in `textAmounts`, which keep them as text (`9,724`); code columns (科目编码) stay text. Header labels
 * spanning several columns are merged cells, a header cell with nothing below is merged downwards, a
 * title row is merged across. `formulas(sheetName, rows)` may return cells to turn into formulas:
 * [{ row, col, formula }] (1-based), saved with the cell's value as the cached result.
 */
export function buildWorkbook(narrative, tables, { textAmounts = new Set(), formulas = () => [] } = {}) {
  const wb = new ExcelJS.Workbook();
  // Fixed workbook properties: the same input builds the same workbook.
  wb.creator = "budget-check";
  wb.created = wb.modified = new Date("2023-01-01T00:00:00Z");
  const ws0 = wb.addWorksheet("文字部分");
  narrative.split(/\r?\n/).forEach((line, i) => {
    if (line) ws0.getCell(i + 1, 1).value = line;
  });
  for (const [sheetName, rows] of tables) addTableSheet(wb, sheetName, rows, textAmounts.has(sheetName), formulas(sheetName, rows));
  return wb;
}

function addTableSheet(wb, sheetName, rows, textAmounts, formulaCells) {
  const ws = wb.addWorksheet(sheetName);
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
    r.forEach((raw, j) => {
      const text = raw.trim();
      if (!text) return;
      const cell = ws.getCell(i + 1, j + 1);
      if (!isHeader[i] && !codeColumns.has(j) && AMOUNT.test(text) && !textAmounts) {
        const decimals = (/\.(\d+)$/.exec(text)?.[1] ?? "").length;
        cell.value = Number(text.replace(/,/g, ""));
        cell.numFmt = decimals ? `#,##0.${"0".repeat(decimals)}` : "#,##0";
      } else cell.value = text;
    });
  });
  const merged = new Set();
  const merge = (r1, c1, r2, c2) => {
    const cells = [];
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) cells.push(`${r}:${c}`);
    if (cells.some((c) => merged.has(c))) return;
    cells.forEach((c) => merged.add(c));
    ws.mergeCells(r1, c1, r2, c2);
  };
  rows.forEach((r, i) => {
    const filled = r.filter((c) => c.trim());
    if (filled.length === 1 && r[0].trim() && width > 1 && /表$|总表$|表（/.test(r[0].trim())) merge(i + 1, 1, i + 1, width);
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
  for (const f of formulaCells) {
    const cell = ws.getCell(f.row, f.col);
    cell.value = { formula: f.formula, result: cell.value };
  }
}
