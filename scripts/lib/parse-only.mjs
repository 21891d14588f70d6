#!/usr/bin/env node
// The benchmark's lower bound: reads every package of a corpus and splits it into rows and cells, no
// more (no table recognition, no amounts, no rules), in one thread. Prints {packages, rows, bytes}.
//   node scripts/lib/parse-only.mjs <corpus-folder>
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { decodeText, findPackages } from "../../dist/lib/index.js";

let rows = 0;
let bytes = 0;
const read = (file) => {
  const b = readFileSync(file);
  bytes += b.length;
  return decodeText(b, file);
};
const pkgs = findPackages(process.argv[2]);
let ExcelJS = null;
for (const p of pkgs) {
  if (p.kind === "markdown") rows += read(p.path).split(/\r\n|\r|\n/).map((l) => l.split("\t")).length;
  else if (p.kind === "csv") {
    for (const n of readdirSync(p.path)) {
      const f = join(p.path, n);
      if (n.endsWith(".csv")) rows += parse(read(f), { relax_column_count: true, bom: true }).length;
      else rows += read(f).split(/\r\n|\r|\n/).length;
    }
  } else {
    ExcelJS ??= (await import("exceljs")).default;
    bytes += readFileSync(p.path).length;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(p.path);
    for (const ws of wb.worksheets)
      ws.eachRow((row) => {
        rows++;
        row.eachCell(() => {});
      });
  }
}
console.log(JSON.stringify({ packages: pkgs.length, rows, bytes }));
