#!/usr/bin/env node
// npm run build: bundles src/ into dist/ with esbuild (ESM, code splitting), for a quick start.
// - One file per entry point; code shared between entries goes into dist/chunks/. Every entry and
//   chunk sits one folder below dist/, so a path relative to import.meta.url ("../batch/worker-start.cjs",
//   "../../package.json") means the same from any of them (src/batch/pool.ts, src/cli/main.ts).
// - A dynamic import() stays a separate chunk loaded on demand: the workbook loader and --annotate
//   (and with them exceljs) are never loaded for text or CSV inputs. Packages from node_modules that
//   are only reached that way (exceljs) are left external, so they are not even bundled into the chunk.
// - The small dependencies every run needs (commander, chalk, decimal.js, csv-parse) are bundled in:
//   one file to read instead of dozens. CommonJS among them gets a `require` for Node's built-ins.
// Types are not checked here (esbuild strips them): `npm run typecheck` does, and `npm test` runs it.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, transform } from "esbuild";

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

// The CLI: its entries (the command, the PDF reader's and the solver's worker threads) share chunks;
// lazy chunks besides. The PDF reader is started by the PDF loader's chunk as "./read-worker.js" beside
// itself, the solver by the diagnosis as "./solver-worker.js": those chunks (and the CommonJS bundles below)
// live in dist/chunks/, so the workers' entries do too.
const result = await build({
  ...common,
  entryPoints: { "cli/main": "src/cli/main.ts", "chunks/read-worker": "src/loaders/pdf/read-worker.ts", "chunks/solver-worker": "src/diagnosis/solver-worker.ts" },
  outdir: dist,
  chunkNames: "chunks/[name]-[hash]",
});

// What scripts/ use (the benchmark's corpus generator and parse-only pass): built apart, into dist/lib/,
// so that they do not split the CLI's code into more files. The solver's worker sits beside index.js, which
// holds the diagnosis.
await build({
  ...common,
  entryPoints: { index: "src/lib.ts", "solver-worker": "src/diagnosis/solver-worker.ts" },
  outdir: join(dist, "lib"),
  chunkNames: "chunks/[name]-[hash]",
});

// The quick start: the same CLI once more as one CommonJS bundle, dist/chunks/cli.cjs, which
// bin/budget-check.js runs through V8's code cache (src/cli/start.ts; Node 20 caches no ES module's code).
// The dynamic import()s of the workbook loader, --annotate, balance and the PDF loader become functions
// run on demand inside the bundle (esbuild wraps each such module in its own initialiser), so they still
// cost nothing until an input needs them: only their source is read, and V8 compiles a function only when
// it first runs. The lazy packages stay external: required (exceljs, pdf-lib) or imported (highs, pdf.js)
// from inside those initialisers. The bundle sits in dist/chunks/ so that import.meta.url (defined as the
// bundle's own URL) resolves "./read-worker.js", "../batch/worker-start.cjs" and "../../package.json" as the ESM
// chunks do. "use strict": the sources are ES modules.
/**
 * Node built-ins that the bundle imports at its top level but only some runs use: child_process (commander
 * spawns a subcommand's executable, which budget-check never has), worker_threads (a batch, a PDF) and v8
 * (the batch pool's heap setting; 1.7 ms to load).
 * In the CommonJS bundle each becomes a small module of getters that loads the built-in on first use
 * (~2 ms of a run: child_process brings net and dgram). The export names are this Node's.
 */
const LAZY_BUILTINS = ["child_process", "worker_threads", "v8"];
const lazyBuiltins = {
  name: "lazy-builtins",
  setup(b) {
    const filter = new RegExp(`^(?:node:)?(?:${LAZY_BUILTINS.join("|")})$`);
    b.onResolve({ filter }, (args) => (args.namespace === "lazy-builtin" ? { path: args.path, external: true } : { path: args.path.replace(/^node:/, ""), namespace: "lazy-builtin" }));
    b.onLoad({ filter: /.*/, namespace: "lazy-builtin" }, async (args) => {
      const names = Object.keys(await import(`node:${args.path}`)).filter((k) => k !== "default" && /^[A-Za-z_$][\w$]*$/.test(k));
      const getters = names.map((k) => `  get ${k}() { return load().${k}; },`).join("\n");
      return { contents: `let m;\nconst load = () => m || (m = require("node:${args.path}"));\nmodule.exports = {\n${getters}\n};\n`, loader: "js" };
    });
  },
};

/**
 * chalk, which only the text reporter uses (`new Chalk(…)`): its top level asks whether stdout and stderr
 * are terminals (loading tty, and with it net) and builds its style tables, ~2.5 ms of every run. In the
 * CommonJS bundle the reporter gets a Chalk that loads the real one on first use; a JSON, SARIF, … report
 * never does.
 */
const lazyChalk = {
  name: "lazy-chalk",
  setup(b) {
    b.onResolve({ filter: /^chalk$/ }, (args) => (args.namespace === "lazy-chalk" ? undefined : { path: "chalk", namespace: "lazy-chalk" }));
    b.onLoad({ filter: /.*/, namespace: "lazy-chalk" }, () => ({
      contents: 'let m;\nexport function Chalk(options) {\n  return new (m || (m = require("chalk"))).Chalk(options);\n}\n',
      resolveDir: ROOT,
      loader: "js",
    }));
  },
};

/**
 * One entry bundled as CommonJS into dist/chunks/<name>, to be run through V8's code cache (Node 20 caches
 * no ES module's code): the CLI (cli.cjs, run by bin/budget-check.js) and the batch worker (worker.cjs,
 * run by dist/batch/worker-start.cjs in each worker thread). Returns its text, for its loader's hash.
 */
async function cjsBundle(entry, name) {
  const cjs = await build({
    absWorkingDir: ROOT,
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    external: LAZY_PACKAGES,
    entryPoints: [entry],
    plugins: [lazyBuiltins, lazyChalk],
    define: { "import.meta.url": "__budgetCheckUrl" },
    banner: {
      js: [
        '"use strict";',
        'var __budgetCheckUrl = require("node:url").pathToFileURL(__filename).href;',
        'var __budgetCheckImport = typeof __budgetCheckHostImport === "function" ? __budgetCheckHostImport : (s) => import(s);',
      ].join("\n"),
    },
    write: false,
    outfile: join(dist, "chunks", name),
    logLevel: "warning",
  });
  // A script run by vm.Script cannot import() on Node 20 (its dynamic-import callback is an experimental
  // feature that warns, and is lost when the script comes from the code cache): the lazy packages that are
  // ES modules (highs, pdf.js) are imported by the loader instead, which passes its import() in.
  const bundleText = cjs.outputFiles[0].text.replace(/\bimport\(("[^"]+")\)/g, (call, spec) => (LAZY_PACKAGES.some((p) => spec === `"${p}"` || spec.startsWith(`"${p}/`)) ? `__budgetCheckImport(${spec})` : call));
  // Pure ASCII (esbuild escapes strings, not regular expressions, raw templates or comments): read, it is a
  // one-byte string, half the memory and no UTF-8 decoding. \uXXXX means the same character in each of those,
  // and so does an escaped character (\X) after an odd number of backslashes.
  const ascii = bundleText.replace(/(\\*)([^\x00-\x7f])/g, (_, slashes, c) => `${slashes.slice(slashes.length % 2)}\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  if (/[^\x00-\x7f]/.test(ascii)) throw new Error(`build: dist/chunks/${name} is not ASCII`);
  const otherImport = /\bimport\(.{0,60}/.exec(ascii.replace("(s) => import(s);", ""));
  if (otherImport) {
    console.error(`build: dist/chunks/${name} has an import() the code cache's loader cannot run: ${otherImport[0]}`);
    process.exit(1);
  }
  // Outside an initialiser a require() runs when the bundle loads: a lazy package must never be there.
  const eager = new RegExp(`^var \\w+ = (?:__toESM\\()?require\\("(?:${LAZY_PACKAGES.join("|")})`, "m").exec(ascii);
  if (eager) {
    console.error(`build: dist/chunks/${name} loads a lazy package on every run: ${eager[0]}`);
    process.exit(1);
  }
  // Written without whitespace and with shorter syntax (names kept: identifiers are not renamed), after the
  // checks above, which read the bundle as esbuild lays it out. A run reads the whole bundle into one string
  // and V8 keeps it: 892 → 636 kB for the CLI. On a host where first touching memory is slow (the AMD host of
  // docs/performance.md, "Fourteenth pass": ~12 µs a page) that is ~700 fewer page faults, 2–5% of a
  // one-document run (the twelfth pass measured it as noise: a small gain, of the size of that host's spread).
  const { code } = await transform(ascii, { minifyWhitespace: true, minifySyntax: true, charset: "ascii", logLevel: "warning" });
  if (/[^\x00-\x7f]/.test(code)) throw new Error(`build: dist/chunks/${name} is not ASCII once minified`);
  mkdirSync(join(dist, "chunks"), { recursive: true });
  writeFileSync(cjs.outputFiles[0].path, code);
  return code;
}

/**
 * A bundle's loader, CommonJS: told the bundle's name, hash and the tool's version, which name the cache
 * file (a cache is only ever used with the bundle it was made from).
 */
async function cjsLoader(entry, outfile, bundleName, bundleText) {
  await build({
    absWorkingDir: ROOT,
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    entryPoints: [entry],
    outfile,
    define: {
      __BUNDLE_FILE__: JSON.stringify(bundleName),
      __BUNDLE_HASH__: JSON.stringify(createHash("sha256").update(bundleText).digest("hex").slice(0, 16)),
      __VERSION__: JSON.stringify(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version),
    },
    logLevel: "warning",
  });
}

// The CLI (bin/budget-check.js requires its loader) and the batch worker (the pool starts its loader).
await cjsLoader("src/cli/start.ts", join(dist, "cli", "start.cjs"), "cli.cjs", await cjsBundle("src/cli/main.ts", "cli.cjs"));
await cjsLoader("src/batch/worker-start.ts", join(dist, "batch", "worker-start.cjs"), "worker.cjs", await cjsBundle("src/batch/worker.ts", "worker.cjs"));

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

// Warm-up: one check of the bundled seed writes the code cache into dist/code-cache/, so that the very
// first run after installing is quick too. Best effort: without it the first run writes the cache.
const seed = join(ROOT, "fixtures", "shenzhen-sast-2023", "document.md");
if (existsSync(seed) && process.env.BUDGET_CHECK_CACHE !== "off" && process.env.BUDGET_CHECK_CACHE !== "0") {
  const warm = spawnSync(process.execPath, [join(ROOT, "bin", "budget-check.js"), seed, "--format", "json"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, BUDGET_CHECK_CACHE: join(dist, "code-cache") },
    encoding: "utf8",
  });
  if (warm.status !== 0 && warm.status !== 1) console.error(`build: the warm-up run for the code cache failed (status ${warm.status}): ${warm.stderr.trim()}`);
}
