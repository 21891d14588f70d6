#!/usr/bin/env node
// Converts a budget document in text form (the seed) into a CSV package: one CSV per table, holding
// that table's printed pages in order (表 N marker, title, 部门名称, 单位, header rows, data rows, notes),
// plus the written parts as document.md. Used to build fixtures/shenzhen-sast-2023/csv/.
//
//   node scripts/make-csv-package.mjs <document.md> <out-folder>
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [input, out] = process.argv.slice(2);
if (!input || !out) {
  console.error("usage: node scripts/make-csv-package.mjs <document.md> <out-folder>");
  process.exit(2);
}
const lines = readFileSync(input, "utf8").split(/\r?\n/);
const marker = /^表\s*(\d+)\s*$/;
// The tables start at the first 表 N marker after the 目录 (the 目录 lists titles, not markers).
const start = lines.findIndex((l) => marker.test(l.trim()));
if (start < 0) {
  console.error(`${input}: no 表 N marker found`);
  process.exit(2);
}
const quote = (s) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const files = new Map();
let current = null;
for (const line of lines.slice(start)) {
  const m = marker.exec(line.trim());
  if (m) current = `表${m[1]}.csv`;
  if (!current || !line.trim()) continue;
  const cells = line.split("\t").map((c) => c.trim()).map((c) => c.replace(/^#+\s*/, ""));
  files.set(current, [...(files.get(current) ?? []), cells.map(quote).join(",")]);
}
mkdirSync(out, { recursive: true });
for (const [name, rows] of files) writeFileSync(join(out, name), rows.join("\n") + "\n");
writeFileSync(join(out, "document.md"), lines.slice(0, start).join("\n").replace(/\n+$/, "") + "\n");
console.log(`${out}: ${files.size} tables, document.md`);
