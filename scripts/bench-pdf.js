#!/usr/bin/env node
// node scripts/bench-pdf.js (called by `npm run bench`; needs dist/, i.e. `npm run build`)
// PDF input: for every real PDF in ../shared/real-documents (pdf/ and other-provinces/pdf/) and a
// 300-page document made from them (their pages copied in turn with pdf-lib), measures with the real CLI
// the wall time per page and the peak RSS, and in this process the time pdfjs takes to read the text
// (parse + text extraction + line rebuilding): its share of the CLI's time. Prints a Markdown table
// and appends it to bench-out/results.md (not with --only).
// Options: --only <file.pdf> (that PDF alone, instead of the real documents), --pages N (the big
// document's pages; 0 leaves it out).
import { spawnSync } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const CLI = join(ROOT, "bin/budget-check.js");
const REAL = join(ROOT, "..", "shared", "real-documents");
const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const PAGES = Number(arg("--pages") ?? 300);
const only = arg("--only");

const pdfs = only
  ? [only]
  : [join(REAL, "pdf"), join(REAL, "other-provinces", "pdf")]
      .filter(existsSync)
      .flatMap((d) => readdirSync(d).filter((f) => f.endsWith(".pdf")).map((f) => join(d, f)));
if (pdfs.length === 0) {
  console.log(`### PDF input\n\nskipped: no PDFs in ${REAL}\n`);
  process.exit(0);
}

const { readPdfText } = await import(join(ROOT, "dist/lib/index.js"));
const { PDFDocument } = await import("pdf-lib");

const dir = mkdtempSync(join(tmpdir(), "budget-check-bench-pdf-"));
try {
  // A 300-page document: the real documents' pages in turn (pdf-lib writes its objects into object streams).
  const files = [...pdfs];
  if (PAGES > 0) {
    const big = await PDFDocument.create();
    const sources = await Promise.all(pdfs.map(async (p) => PDFDocument.load(readFileSync(p))));
    for (let i = 0; big.getPageCount() < PAGES; i++) {
      const src = sources[i % sources.length];
      for (const page of await big.copyPages(src, src.getPageIndices())) if (big.getPageCount() < PAGES) big.addPage(page);
    }
    files.push(join(dir, `${PAGES}-pages.pdf`));
    writeFileSync(files[files.length - 1], await big.save());
  }

  // pdfjs loaded before the first timing, so that every row times the reading alone.
  await readPdfText(new Uint8Array(readFileSync(pdfs[0])));
  const rows = [];
  for (const file of files) {
    const bytes = new Uint8Array(readFileSync(file));
    const t0 = performance.now();
    const { pages } = await readPdfText(bytes);
    const extract = (performance.now() - t0) / 1000;
    const argv = [CLI, file, "--format", "json", "--output", "/dev/null"];
    const full = TIME ? [TIME, ["-f", "%M", process.execPath, ...argv]] : [process.execPath, argv];
    const t1 = performance.now();
    const r = spawnSync(full[0], full[1], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    const wall = (performance.now() - t1) / 1000;
    const rss = TIME ? Number(/(\d+)\s*$/.exec(r.stderr)?.[1] ?? NaN) / 1024 : null;
    rows.push({ name: basename(file), pages, wall, extract, rss, status: r.status });
  }
  const f = (x, d = 2) => (x === null || Number.isNaN(x) ? "n/a" : x.toFixed(d));
  const lines = [
    `### PDF input (${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC)`,
    "",
    "Exit: 0 no error, 1 errors found, 2 not readable. Text extraction is timed in this process, with pdfjs already loaded.",
    "",
    "| document | pages | CLI wall | s / page | text extraction (in process) | share of the CLI's time | peak RSS | exit |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map((r) => `| ${r.name} | ${r.pages} | ${f(r.wall)} s | ${f(r.wall / r.pages, 3)} | ${f(r.extract)} s | ${f((100 * r.extract) / r.wall, 0)} % | ${f(r.rss, 0)} MB | ${r.status} |`),
    "",
  ];
  const text = lines.join("\n");
  console.log(text);
  if (!only) {
    mkdirSync(join(ROOT, "bench-out"), { recursive: true });
    appendFileSync(join(ROOT, "bench-out", "results.md"), `\n${text}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
