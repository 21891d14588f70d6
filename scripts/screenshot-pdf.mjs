#!/usr/bin/env node
// Regenerates docs/annotated-pdf.png: one page of the annotated copy (--annotate) of a real PDF, made by
// the real CLI, rendered by pdf.js (pdfjs-dist's browser build, with the annotations' appearance
// streams) in Debian's chromium, the way a reader shows it. The PDF's own embedded fonts draw the Chinese.
// Usage: npm run build && node scripts/screenshot-pdf.mjs [input.pdf] [page] [out.png]
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const input = process.argv[2] ?? join(root, "..", "shared", "real-documents", "pdf", "shanghai-putuo_wanli-subdistrict-office_2025_dept-budget.pdf");
const out = process.argv[4] ?? join(root, "docs", "annotated-pdf.png");
const dir = mkdtempSync(join(tmpdir(), "budget-check-pdf-shot-"));
const annotated = join(dir, "annotated.pdf");
const r = spawnSync(process.execPath, [join(root, "bin", "budget-check.js"), input, "--lang", "zh", "--format", "json", "--annotate", annotated], { cwd: root, encoding: "utf8", maxBuffer: 1 << 28 });
if (r.status !== 0 && r.status !== 1) {
  process.stderr.write(r.stderr);
  process.exit(1);
}
// The page: the one given, else the first with an error (else any finding) boxed.
const findings = JSON.parse(r.stdout).documents[0].findings.filter((f) => f.location.box);
const first = findings.find((f) => f.severity === "error") ?? findings[0];
const pageNo = Number(process.argv[3]) || first?.location.page || 1;

const PDFJS = join(root, "node_modules", "pdfjs-dist", "build");
const page = `<!doctype html><meta charset="utf-8"><body style="margin:0;background:#888">
<canvas id="c" style="display:block;margin:0 auto;box-shadow:0 2px 8px #0006"></canvas>
<script type="module">
import * as pdfjs from "/pdfjs/pdf.mjs";
pdfjs.GlobalWorkerOptions.workerSrc = "/pdfjs/pdf.worker.mjs";
const doc = await pdfjs.getDocument("/annotated.pdf").promise;
const p = await doc.getPage(${pageNo});
const viewport = p.getViewport({ scale: 1.5 });
const canvas = document.getElementById("c");
canvas.width = viewport.width; canvas.height = viewport.height;
await p.render({ canvas, canvasContext: canvas.getContext("2d"), viewport, annotationMode: pdfjs.AnnotationMode.ENABLE }).promise;
document.body.dataset.done = "1";
</script>`;
const server = createServer((req, res) => {
  const url = new URL(req.url, "http://localhost");
  try {
    if (url.pathname === "/") return res.writeHead(200, { "content-type": "text/html" }).end(page);
    if (url.pathname === "/annotated.pdf") return res.writeHead(200, { "content-type": "application/pdf" }).end(readFileSync(annotated));
    if (url.pathname.startsWith("/pdfjs/") && !url.pathname.includes(".."))
      return res.writeHead(200, { "content-type": "text/javascript" }).end(readFileSync(join(PDFJS, url.pathname.slice(7))));
  } catch {}
  res.writeHead(404).end();
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", headless: true, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
try {
  const tab = await browser.newPage({ viewport: { width: 1300, height: 900 }, deviceScaleFactor: 1 });
  await tab.goto(`http://127.0.0.1:${server.address().port}/`);
  await tab.waitForSelector("body[data-done]", { timeout: 60000 });
  await tab.locator("#c").screenshot({ path: out });
  console.log(`wrote ${out} (page ${pageNo} of the annotated copy of ${input})`);
} finally {
  await browser.close();
  server.close();
  rmSync(dir, { recursive: true, force: true });
}
