// The batch worker's entry (dist/batch/worker-start.cjs, CommonJS like src/cli/start.ts): runs the
// worker's code, bundled as dist/chunks/worker.cjs, through V8's code cache, as bin/budget-check.js does
// for the CLI. Node 20 compiles every function of an ES module from source in each new worker (it caches
// no module's code, and isolates share none): a worker's start and first documents paid for it again in
// every batch, ~70 ms per worker, most of a small batch's time beyond its documents.
//
// The cache lives where the CLI's does (BUDGET_CHECK_CACHE, dist/code-cache/, ~/.cache/budget-check;
// docs/cli.md) and is named like it, with "worker-" and, after Node's options, the V8 flags the batch set
// for its workers (src/batch/v8-flags.ts): V8 takes a cache only from an isolate with the same flags, and
// a batch's flags differ from a single run's. A worker that read no usable cache writes one after its first
// job (the functions a check compiles are in it by then). Best effort, like the CLI's: a cache that cannot
// be read or written only costs the compile time, and never changes a report.
import { join } from "node:path";
import { workerData } from "node:worker_threads";
import { cacheDirs, FLAG_CHECKED, findCache, optionsKey, runBundle, saveCache } from "../cli/code-cache.js";

/** Set by scripts/build.mjs (esbuild `define`): the worker bundle's file name in dist/chunks/ and its content hash. */
declare const __BUNDLE_FILE__: string;
declare const __BUNDLE_HASH__: string;
declare const __VERSION__: string;

/** What the worker's bundle exports (src/batch/worker.ts). */
interface WorkerModule {
  afterFirstJob(f: () => void): void;
}

/** The flags a batch set (in order) as a short hash, "" when none (FNV-1a, as optionsKey). */
export function flagsKey(flags: readonly string[] | undefined): string {
  if (!flags || flags.length === 0) return "";
  const text = flags.join("\0");
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `-f${(h >>> 0).toString(16).padStart(8, "0")}`;
}

// This file is dist/batch/worker-start.cjs: dist/ is one folder up.
const distDir = join(__dirname, "..");
const dirs = cacheDirs(distDir);
const flags = (workerData as { v8Flags?: string[] } | undefined)?.v8Flags;
const name = `worker-${__VERSION__}-${__BUNDLE_HASH__}-node${process.versions.node}-${process.platform}-${process.arch}${optionsKey()}${flagsKey(flags)}.v8`;
const { cached, readFrom } = findCache(dirs, name);
const { exports: worker, script, rejected } = runBundle<WorkerModule>(join(distDir, "chunks", __BUNDLE_FILE__), cached);
worker.afterFirstJob(() => {
  const done = dirs.length === 0 ? "off" : cached && !rejected ? "kept" : saveCache(script, dirs, name, FLAG_CHECKED, "worker-");
  if (process.env.BUDGET_CHECK_CACHE_DEBUG)
    process.stderr.write(`budget-check: worker code cache: ${readFrom ? `${rejected ? "rejected" : "used"} ${readFrom}` : "none read"}; ${done}\n`);
});
