#!/usr/bin/env node
// Prints a document's tables and written parts to PDF the way Word, Excel or WPS exports a department's disclosure,
// with the Chromium of the devDependency @sparticuz/chromium (driven by playwright-core, as the browser tests do) and
// the font WenQuanYi Zen Hei embedded through @font-face (Chromium writes it as a subset):
// - tables with ruled cell borders; the header's cells merged (收入 over 项目 | 预算数, 项目 over the code's 类 | 款 | 项
//   and 科目名称, a label over the empty cells below it), centred; figures right-aligned; names indented by their
//   code's level; a table continued on later pages as one table whose header the printer repeats on each page;
// - each table on pages of its own: landscape when it has more than six columns; its number (表1) at the left, its
//   title centred, then 部门名称/编制单位 at the left and 单位：万元 at the right on one line;
// - the written parts as wrapped, justified paragraphs on portrait A4 pages; the page number `- n -` at every foot.
//
//   node scripts/make-chromium-pdf.mjs --text document.md out.pdf      (a text form: headings, tab-separated tables)
//   node scripts/make-chromium-pdf.mjs --csv package-dir out.pdf [--set 'file,row,col,value']... [--auto-widths]
//
// --text reads a document as the tool reads the seed (fixtures/shenzhen-sast-2023/document.md): `#` headings, `- `
// items, tab-separated table rows; a table printed again after its title block (a page of the text form) with the same
// header continues the one before. --csv reads a CSV package (test/fixtures/csv-final-2024): each CSV a table (its
// first row the title, its second 编制单位 … 单位), the .txt files the written part after them; --set changes one cell
// (0-based row and column of the CSV) before printing. --auto-widths leaves the columns' widths to the browser (as a
// web page's table is printed: the label columns narrow, their names wrapped over two lines). A tool for making fixtures, not a dependency of budget-check.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";
const args = process.argv.slice(2);
const mode = args[0];
const [src, out] = [args[1], args[2]];
const sets = [];
let auto = false;
for (let i = 3; i < args.length; i++) {
  if (args[i] === "--set") sets.push(args[++i]);
  else if (args[i] === "--auto-widths") auto = true;
}
if (!["--text", "--csv"].includes(mode) || !src || !out) {
  console.error("usage: make-chromium-pdf.mjs --text document.md out.pdf | --csv dir out.pdf [--set 'file,row,col,value']...");
  process.exit(2);
}

const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const isNumber = (s) => /^[-+]?[\d,]+(\.\d+)?%?$/.test(s.replace(/\s/g, "")) && /\d/.test(s);

/**
 * The header rows (those before the first row with a figure) merged as a spreadsheet's header is: an empty cell of the
 * first row belongs to the label at its left; below, an empty cell belongs to the label at its left when the same
 * label stands above both, else to the label above it. Returns rows of {text, colspan, rowspan} (covered cells left out).
 */
function mergeHeader(rows, width) {
  const owner = rows.map(() => new Array(width).fill(null));
  const cells = [];
  rows.forEach((row, r) => {
    for (let c = 0; c < width; c++) {
      const text = (row[c] ?? "").trim();
      if (text) {
        owner[r][c] = { text, r, c, r2: r, c2: c };
        cells.push(owner[r][c]);
        continue;
      }
      const left = c > 0 ? owner[r][c - 1] : null;
      const above = r > 0 ? owner[r - 1][c] : null;
      const sameAbove = r === 0 || (c > 0 && owner[r - 1][c] === owner[r - 1][c - 1]);
      let o = null;
      if (left && left.r === r && sameAbove) o = left;
      else if (above) o = above;
      else if (left) o = left;
      if (!o) {
        owner[r][c] = { text: "", r, c, r2: r, c2: c };
        cells.push(owner[r][c]);
        continue;
      }
      o.r2 = Math.max(o.r2, r);
      o.c2 = Math.max(o.c2, c);
      owner[r][c] = o;
    }
  });
  // A span that is not a rectangle of its own cells is printed unmerged.
  for (const o of cells) {
    let rect = true;
    for (let r = o.r; r <= o.r2; r++) for (let c = o.c; c <= o.c2; c++) if (owner[r][c] !== o) rect = false;
    if (!rect) o.r2 = o.r, o.c2 = o.c;
  }
  return rows.map((_, r) => cells.filter((o) => o.r === r));
}

const CODE = /^\d{3}(\d{2}){0,2}$/;
/** A data row's cells: figures right-aligned, a name after its code indented by the code's level. */
function dataRow(row, width) {
  const cells = [];
  let level = -1;
  let named = false; // a name printed before: numbers after it are figures, before it codes
  const segs = [];
  for (let c = 0; c < width; c++) {
    const text = (row[c] ?? "").trim();
    let style = "";
    if (!named && CODE.test(text)) level = (text.length - 3) / 2;
    else if (!named && /^\d{2,3}$/.test(text)) segs.push(text);
    else if (isNumber(text)) style = ' class="n"';
    else if (text) {
      const indent = level >= 0 ? level : segs.length ? segs.length - 1 : /^\d\.\s*/.test(text) || (row.length === 4 && !/^[一二三四五六七八九十]+、/.test(text)) ? 1 : 0;
      if (indent > 0) style = ` style="padding-left:${indent * 1.2 + 0.3}em"`;
      level = -1;
      segs.length = 0;
      named = true;
    }
    cells.push(`<td${style}>${esc(text)}</td>`);
  }
  return `<tr>${cells.join("")}</tr>`;
}

function tableHtml(t) {
  const width = Math.max(...t.header.map((r) => r.length), ...t.body.map((r) => r.length));
  const wide = width > 6;
  const head = t.header.length
    ? `<thead>${mergeHeader(t.header, width)
        .map((cells) => `<tr>${cells.map((o) => `<th${o.c2 > o.c ? ` colspan="${o.c2 - o.c + 1}"` : ""}${o.r2 > o.r ? ` rowspan="${o.r2 - o.r + 1}"` : ""}>${esc(o.text)}</th>`).join("")}</tr>`)
        .join("")}</thead>`
    : "";
  // Columns as an author sets them in Word or Excel: each as wide as its longest cell (a long text's column up to a
  // limit, wrapping inside it), the table at the page's width.
  const ems = (x) => [...x].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 1 : 0.55), 0);
  // (A header's label in two lines at most: 其中：财政拨款 over a column of figures.)
  const usual = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length * 0.8)] ?? 0; // (a stray long cell wraps)
  const want = Array.from({ length: width }, (_, c) => Math.min(28, Math.max(4, usual(t.body.map((r) => ems((r[c] ?? "").trim()))), ...t.header.map((r) => ems((r[c] ?? "").trim()) / 2))));
  const sum = want.reduce((a, b) => a + b, 0);
  const cols = auto ? "" : `<colgroup>${want.map((w) => `<col style="width:${((100 * w) / sum).toFixed(2)}%">`).join("")}</colgroup>`;
  const form = (t.form ?? []).map((r) => `<tr>${mergeHeader([r], width)[0].map((o) => `<td${o.c2 > o.c ? ` colspan="${o.c2 - o.c + 1}"` : ""}>${esc(o.text)}</td>`).join("")}</tr>`);
  const body = `<tbody>${t.body.map((r) => dataRow(r, width)).join("")}</tbody>`;
  return { wide, html: form.length ? `<table class="form"><tbody>${form.join("")}</tbody></table><table class="after">${cols}${head}${body}</table>` : `<table>${cols}${head}${body}</table>` };
}

/** One table section: 表N, the title, the 部门/单位 line, the table(s) and any notes. */
function sectionHtml(s) {
  const parts = s.tables.map(tableHtml);
  const wide = parts.some((p) => p.wide);
  const meta = s.meta.length ? `<div class="meta"><span>${esc(s.meta.filter((m) => !/^单位/.test(m)).join("　"))}</span><span>${esc(s.meta.find((m) => /^单位/.test(m)) ?? "")}</span></div>` : "";
  return `<section class="${wide ? "wide" : "tall"}">${s.number ? `<div class="no">${esc(s.number)}</div>` : ""}<h2 class="t">${esc(s.title)}</h2>${meta}${parts.map((p) => p.html).join('<div class="gap"></div>')}${s.notes.map((n) => `<p class="note">${esc(n)}</p>`).join("")}</section>`;
}

const splitHeader = (rows) => {
  // A form's first line (部门名称 | … | 主管部门 | …) stands above the header, printed once.
  const form = /^部门名称|^单位名称/.test((rows[0]?.[0] ?? "").trim()) && rows[0].filter((c) => c.trim()).length >= 3 ? 1 : 0;
  const i = rows.findIndex((r, k) => k >= form && r.some((c) => isNumber(c.trim())));
  const n = i < 0 ? Math.min(rows.length, form + 1) : i;
  return { form: rows.slice(0, form), header: rows.slice(form, n), body: rows.slice(n) };
};

/** The text form: written parts and table sections in order. */
function fromText(text) {
  const lines = text.replace(/^\uFEFF/, "").split("\n");
  const blocks = []; // {kind:"text", line} | {kind:"rows", rows}
  for (const line of lines) {
    if (line.includes("\t")) {
      const last = blocks.at(-1);
      if (last?.kind === "rows") last.rows.push(line.split("\t"));
      else blocks.push({ kind: "rows", rows: [line.split("\t")] });
    } else if (line.trim()) blocks.push({ kind: "text", line: line.trim() });
  }
  const html = [];
  let section = null; // the table section open
  let pending = []; // text lines since the last table
  const flushText = (ls) => {
    // A paragraph the text form cut at its page's end (a line that ends inside a sentence) is one paragraph again.
    const joined = [];
    for (const l of ls) {
      const last = joined.at(-1);
      if (last && !/^#/.test(last) && !/^#|^- /.test(l) && !/[。；;：:！？!?]$/.test(last)) joined[joined.length - 1] = last + l;
      else joined.push(l);
    }
    for (const l of joined) {
      const h = /^(#+)\s*(.*)$/.exec(l);
      if (h) html.push(`<h${Math.min(h[1].length, 3)}>${esc(h[2].replace(/\*/g, ""))}</h${Math.min(h[1].length, 3)}>`);
      else html.push(`<p>${esc(l.startsWith("- ") ? l.slice(2) : l)}</p>`);
    }
  };
  const closeSection = () => {
    if (section) html.push(sectionHtml(section));
    section = null;
  };
  for (const b of blocks) {
    if (b.kind === "text") {
      pending.push(b.line);
      continue;
    }
    // The title block of a table: `表 N`, its `## title`, then 部门名称/单位 lines (or a year) just before the rows.
    const ti = pending.findIndex((l, i) => /^表\s*\d+$/.test(l) && i + 1 < pending.length);
    if (ti >= 0) {
      const title = { number: pending[ti].replace(/\s+/g, ""), title: pending[ti + 1].replace(/^#+\s*/, ""), meta: pending.slice(ti + 2) };
      const same = section && section.number === title.number && section.title === title.title;
      const { form, header, body } = splitHeader(b.rows);
      const before = pending.slice(0, ti);
      // Notes under the open table (注：…) stay with it; other lines are written parts.
      const notes = section ? before.filter((l) => /^注/.test(l)) : [];
      const text = section ? before.filter((l) => !/^注/.test(l)) : before;
      if (section) section.notes.push(...notes);
      if (same && text.length === 0) {
        // A page of the same table: its rows continue the table before (its header printed again by the printer).
        const t = section.tables.at(-1);
        if (JSON.stringify(t.header) === JSON.stringify(header)) t.body.push(...body);
        else section.tables.push({ form, header, body });
      } else {
        closeSection();
        flushText(text);
        section = { ...title, tables: [{ form, header, body }], notes: [] };
      }
    } else if (section && pending.length === 0) {
      // Rows after a blank line only: another table of the same section (the text form's cut).
      section.tables.push({ header: [], body: b.rows });
    } else {
      if (section) {
        section.notes.push(...pending.filter((l) => /^注/.test(l)));
        pending = pending.filter((l) => !/^注/.test(l));
      }
      closeSection();
      flushText(pending);
      const { form, header, body } = splitHeader(b.rows);
      html.push(tableHtml({ header, body }).html);
    }
    pending = [];
  }
  if (section) section.notes.push(...pending.filter((l) => /^注/.test(l)));
  const rest = section ? pending.filter((l) => !/^注/.test(l)) : pending;
  closeSection();
  flushText(rest);
  return html.join("\n");
}

function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = "";
  let q = false;
  text = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (q) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') q = false;
      else cell += ch;
    } else if (ch === '"') q = true;
    else if (ch === ",") row.push(cell), (cell = "");
    else if (ch === "\n") row.push(cell.replace(/\r$/, "")), rows.push(row), (row = []), (cell = "");
    else cell += ch;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

/** A CSV package: each table a section, then the written parts. */
function fromCsv(dir) {
  const files = readdirSync(dir).sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  const html = [];
  for (const f of files.filter((f) => f.endsWith(".csv"))) {
    const rows = parseCsv(readFileSync(join(dir, f), "utf8"));
    for (const s of sets) {
      const [file, r, c, ...v] = s.split(",");
      if (file === f) rows[Number(r)][Number(c)] = v.join(",");
    }
    const title = rows[0].find((c) => c.trim()).trim();
    const meta = rows[1].filter((c) => c.trim()).map((c) => c.trim());
    const notes = rows.slice(2).filter((r) => r[0].trim().startsWith("注") && r.slice(1).every((c) => !c.trim())).map((r) => r[0].trim());
    const body = rows.slice(2).filter((r) => !(r[0].trim().startsWith("注") && r.slice(1).every((c) => !c.trim())));
    html.push(sectionHtml({ number: "", title, meta, tables: [splitHeader(body)], notes }));
  }
  for (const f of files.filter((f) => f.endsWith(".txt"))) {
    for (const l of readFileSync(join(dir, f), "utf8").replace(/^\uFEFF/, "").split("\n")) {
      const t = l.trim();
      if (!t) continue;
      if (/^第[一二三四五六七八九十]+部分/.test(t)) html.push(`<h1>${esc(t)}</h1>`);
      else if (/^[一二三四五六七八九十]+、/.test(t) && t.length < 40) html.push(`<h3>${esc(t)}</h3>`);
      else html.push(`<p>${esc(t)}</p>`);
    }
  }
  return html.join("\n");
}

/** The first font of a TrueType collection as a font file of its own (Chromium takes no .ttc through @font-face). */
function firstFont(ttc) {
  if (ttc.toString("latin1", 0, 4) !== "ttcf") return ttc;
  const at = ttc.readUInt32BE(12);
  const n = ttc.readUInt16BE(at + 4);
  const head = Buffer.from(ttc.subarray(at, at + 12 + 16 * n));
  const parts = [head];
  let offset = head.length;
  for (let i = 0; i < n; i++) {
    const rec = 12 + 16 * i;
    const [from, length] = [head.readUInt32BE(rec + 8), head.readUInt32BE(rec + 12)];
    head.writeUInt32BE(offset, rec + 8);
    const padded = Buffer.alloc((length + 3) & ~3);
    ttc.copy(padded, 0, from, from + length);
    parts.push(padded);
    offset += padded.length;
  }
  return Buffer.concat(parts);
}

const body = mode === "--text" ? fromText(readFileSync(src, "utf8")) : fromCsv(src);
const page = `<!doctype html><html><head><meta charset="utf-8"><style>
@font-face { font-family: "WQY"; src: url("font.ttf"); }
@page { size: A4; margin: 2cm 2cm 2.2cm; @bottom-center { content: "- " counter(page) " -"; font-family: "WQY"; font-size: 9pt; } }
@page wide { size: A4 landscape; margin: 1.6cm 1.5cm 2cm; @bottom-center { content: "- " counter(page) " -"; font-family: "WQY"; font-size: 9pt; } }
body { font-family: "WQY"; font-size: 11pt; line-height: 1.6; }
p { text-indent: 2em; text-align: justify; margin: 0 0 0.4em; }
h1 { font-size: 16pt; text-align: center; } h2 { font-size: 14pt; } h3 { font-size: 12pt; }
section { break-before: page; } section.wide { page: wide; } section.tall { page: auto; }
section + :not(section) { break-before: page; }
.no { font-size: 10pt; } h2.t { text-align: center; font-size: 15pt; margin: 0.2em 0 0.5em; }
.meta { display: flex; justify-content: space-between; font-size: 10pt; margin-bottom: 0.3em; }
table { border-collapse: collapse; width: 100%; table-layout: ${auto ? "auto" : "fixed"}; font-size: 9pt; line-height: 1.35; }
th, td { border: 0.75pt solid #000; padding: 2pt 4pt; vertical-align: middle; }
th { font-weight: normal; text-align: center; }
td.n { text-align: right; white-space: nowrap; }
tr { break-inside: avoid; }
.gap { height: 1em; } table.form td { border-bottom: none; } table.after { margin-top: 0; } p.note { text-indent: 0; font-size: 9pt; }
</style></head><body>
${body}
</body></html>`;

const dir = mkdtempSync(join(tmpdir(), "budget-check-chromium-pdf-"));
const file = join(dir, "page.html");
writeFileSync(join(dir, "font.ttf"), firstFont(readFileSync(FONT)));
writeFileSync(file, page);
const override = process.env.CHROMIUM_PATH;
let executablePath = override;
let launchArgs = ["--no-sandbox", "--disable-gpu", "--no-first-run"];
if (!override) {
  const { default: packaged } = await import("@sparticuz/chromium");
  executablePath = await packaged.executablePath();
  launchArgs = [...packaged.args, "--allow-file-access-from-files"];
}
const browser = await chromium.launch({ executablePath, headless: true, args: launchArgs });
try {
  const tab = await browser.newPage();
  await tab.goto(`file://${file}`);
  await tab.evaluate(() => document.fonts.ready);
  const families = await tab.evaluate(() => [...document.fonts].map((f) => `${f.family} ${f.status}`));
  if (!families.some((f) => f.includes("loaded"))) throw new Error(`the font did not load: ${families.join(", ")}`);
  await tab.pdf({ path: out, preferCSSPageSize: true, printBackground: true });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
