#!/usr/bin/env node
// Converts a budget document in text form (the seed) into a CSV package: one CSV per table, holding
// that table's printed pages in order (表 N marker, title, 部门名称, 单位, header rows, data rows, notes),
// plus the written parts as document.md. Used to build fixtures/shenzhen-sast-2023/csv/.
//
//   node scripts/make-csv-package.mjs <document.md> <out-folder>
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { csvText, splitDocument } from "./lib/packages.mjs";

const [input, out] = process.argv.slice(2);
if (!input || !out) {
  console.error("usage: node scripts/make-csv-package.mjs <document.md> <out-folder>");
  process.exit(2);
}
let parts;
try {
  parts = splitDocument(readFileSync(input, "utf8"));
} catch (e) {
  console.error(`${input}: ${e.message}`);
  process.exit(2);
}
mkdirSync(out, { recursive: true });
for (const [name, rows] of parts.tables) writeFileSync(join(out, `${name}.csv`), csvText(rows.map((r) => r.cells)));
writeFileSync(join(out, "document.md"), parts.narrative);
console.log(`${out}: ${parts.tables.size} tables, document.md`);
