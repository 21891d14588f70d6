#!/usr/bin/env node
// Writes a tab-separated document (by default the seed) as a web page that LibreOffice prints to PDF, the way a
// department's PDF is made from its tables: each table a bordered table in a 9 pt font, figures right-aligned,
// each line of the written parts a paragraph (Markdown headings as headings). The names that do not fit their
// cell wrap inside it, the cells centred vertically; long names fill their cells up to the next cell's figure.
//
//   node scripts/make-pdf-fixture.mjs [--portrait] [document.md] [out.html]
//   soffice --headless --convert-to pdf:writer_web_pdf_Export out.html
//
// --portrait: A4 upright, and the cells' text wrapped to the columns' widths (not kept on one line): names and
// 表12's 主要内容 wrap over several lines in narrow columns, the row's figures centred beside them.
//
// test/fixtures/pdf/README.md says how test/fixtures/pdf/shenzhen-seed.pdf was made with it (LibreOffice 7.4 and the
// font WenQuanYi Micro Hei, Debian's fonts-wqy-microhei: without a Chinese font LibreOffice prints every Chinese
// character as one glyph). A tool for making a fixture, not a dependency of budget-check.
import { readFileSync, writeFileSync } from "node:fs";

const portrait = process.argv.includes("--portrait");
const [src = "fixtures/shenzhen-sast-2023/document.md", out = "shenzhen-seed.html"] = process.argv.slice(2).filter((a) => a !== "--portrait");
const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const html = [
  `<html><head><meta charset="utf-8"><style>@page { size: ${portrait ? "21cm 29.7cm" : "29.7cm 21cm"}; margin: 1.5cm } body { font-family: "WenQuanYi Micro Hei"; font-size: 10pt }`,
  `table { border-collapse: collapse; width: 100% } td { border: 1px solid #000; padding: 1pt 3pt; font-size: 9pt; white-space: ${portrait ? "normal" : "nowrap"} } td.n { text-align: right }</style></head><body>`,
];
let table = false;
for (const line of readFileSync(src, "utf8").split("\n")) {
  if (line.includes("\t")) {
    if (!table) html.push("<table>");
    table = true;
    const cells = line.split("\t").map((c) => `<td class="${/^[\d,.-]+$/.test(c.trim() || "x") ? "n" : ""}">${esc(c)}</td>`);
    html.push(`<tr>${cells.join("")}</tr>`);
    continue;
  }
  if (table) html.push("</table>");
  table = false;
  const t = line.trim();
  if (!t) continue;
  const heading = /^(#+)\s*(.*)$/.exec(t);
  if (heading) {
    const level = Math.min(heading[1].length, 3);
    html.push(`<h${level}>${esc(heading[2].replace(/\*/g, ""))}</h${level}>`);
  } else html.push(`<p>${esc(t.startsWith("- ") ? t.slice(2) : t)}</p>`);
}
if (table) html.push("</table>");
html.push("</body></html>");
writeFileSync(out, `${html.join("\n")}\n`);
