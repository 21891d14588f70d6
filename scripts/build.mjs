#!/usr/bin/env node
// npm run build: bundles src/ into dist/ with esbuild (ESM, code splitting), for a quick start.
// - One file per entry point; code shared between entries goes into dist/chunks/. Every entry and
//   chunk sits one folder below dist/, so a path relative to import.meta.url ("../batch/worker.js",
//   "../../package.json") means the same from any of them (src/batch/pool.ts, src/cli/main.ts).
// - A dynamic import() stays a separate chunk loaded on demand: the workbook loader and --annotate
//   (and with them exceljs) are never loaded for text or CSV inputs. Packages from node_modules that
//   are only reached that way (exceljs) are left external, so they are not even bundled into the chunk.
// - The small dependencies every run needs (commander, chalk, decimal.js, csv-parse) are bundled in:
//   one file to read instead of dozens. CommonJS among them gets a `require` for Node's built-ins.
// Types are not checked here (esbuild strips them): `npm run typecheck` does, and `npm test` runs it.
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(ROOT, "dist");
rmSync(dist, { recursive: true, force: true });

/**
 * Packages loaded only through a dynamic import(): never bundled (they stay in node_modules, loaded when
 * needed, and find their own data files — HiGHS's WebAssembly, pdf.js's worker — beside their modules).
 * Listed before they are merged in (the diagnosis's highs, the PDF loader's pdfjs-dist and pdf-lib):
 * naming a package no code imports changes nothing.
 */
export const LAZY_PACKAGES = ["exceljs", "highs", "pdfjs-dist", "pdf-lib"];

const common = {
  absWorkingDir: ROOT,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external: LAZY_PACKAGES,
  banner: { js: 'import { createRequire as __budgetCheckRequire } from "node:module"; const require = __budgetCheckRequire(import.meta.url);' },
  metafile: true,
  logLevel: "warning",
};

// The CLI: its entries (the command, the batch worker, and the PDF reader's worker thread) share chunks;
// lazy chunks besides. The PDF reader is started by the PDF loader's chunk as "./read-worker.js" beside
// itself: that chunk lives in dist/chunks/, so the reader's entry does too.
const result = await build({
  ...common,
  entryPoints: { "cli/main": "src/cli/main.ts", "batch/worker": "src/batch/worker.ts", "chunks/read-worker": "src/loaders/pdf/read-worker.ts" },
  outdir: dist,
  chunkNames: "chunks/[name]-[hash]",
});

// What scripts/ use (the benchmark's corpus generator and parse-only pass): built apart, into dist/lib/,
// so that they do not split the CLI's code into more files.
await build({
  ...common,
  entryPoints: { index: "src/lib.ts" },
  outdir: join(dist, "lib"),
  chunkNames: "chunks/[name]-[hash]",
});

// The lazy packages must only be imported by chunks that are themselves only loaded dynamically.
const outputs = result.metafile.outputs;
const staticallyLoaded = new Set();
const visit = (file) => {
  if (staticallyLoaded.has(file)) return;
  staticallyLoaded.add(file);
  for (const i of outputs[file].imports) if (i.kind === "import-statement" && outputs[i.path]) visit(i.path);
};
for (const [file, o] of Object.entries(outputs)) if (o.entryPoint && o.entryPoint.startsWith("src/cli/")) visit(file);
for (const file of staticallyLoaded)
  for (const i of outputs[file].imports)
    if (i.kind === "import-statement" && LAZY_PACKAGES.some((p) => i.path === p || i.path.startsWith(`${p}/`))) {
      console.error(`build: ${file} imports ${i.path} statically: it would load on every run`);
      process.exit(1);
    }
