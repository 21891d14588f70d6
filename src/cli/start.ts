// The quick start of bin/budget-check.js: runs the CLI from one CommonJS bundle (dist/chunks/cli.cjs, built
// by scripts/build.mjs beside the ESM dist/) through V8's code cache. Built as CommonJS itself
// (dist/cli/start.cjs), like the launcher (bin/package.json): an ES module entry would start Node's ESM
// loader, ~15 ms of CPU of a one-document run.
//
// Node 20 compiles every ES module and every function of it from source on each run (it has no
// `module.enableCompileCache`): for one document that is a good part of the whole run. A `vm.Script` can
// be given the bytecode V8 made in an earlier run (`cachedData`) instead. The cache is made after the
// command ran (`createCachedData`), so it holds the functions the check compiled too, not just the
// bundle's top level.
//
// Where the cache lives (docs/cli.md, BUDGET_CHECK_CACHE): the first of
//   1. $BUDGET_CHECK_CACHE, when it names a folder ("off" or "0" turns the cache off);
//   2. dist/code-cache/ beside the bundle (written by the build's warm-up run, and by any run when the
//      installation is writable);
//   3. $XDG_CACHE_HOME/budget-check, else ~/.cache/budget-check (%LOCALAPPDATA% on Windows).
// A cache file is named after the tool's version, the bundle's hash, Node's version and the machine, so
// installations and Node versions never share one. Everything here is best effort: a cache that cannot
// be read or written (read-only installation, full disk, no home folder) only costs the compile time,
// never an error; a file that is not a cache of this bundle (corrupt, foreign, truncated) is ignored and
// replaced. Files are written to a temporary name and renamed, so two processes never read a half-written
// one.
import { join } from "node:path";
import { cacheDirs, FLAG_CHECKED, findCache, optionsKey, runBundle, saveCache } from "./code-cache.js";

export { cacheDirs, optionsKey, readCache, writeCache } from "./code-cache.js";

/** Set by scripts/build.mjs (esbuild `define`): the bundle's file name in dist/chunks/ and its content hash. */
declare const __BUNDLE_FILE__: string;
declare const __BUNDLE_HASH__: string;
declare const __VERSION__: string;

/** What the bundle exports (src/cli/main.ts). */
export interface CliModule {
  main(argv: string[]): Promise<number>;
  /** True once the run checked documents: only such a run's cache holds the checking code. */
  checkedDocuments(): boolean;
  /** True when the run changed V8's flags (a batch): V8 would reject a cache it made for any other run. */
  v8FlagsChanged?(): boolean;
}

/** The cache file's name: one per version of the tool, bundle, Node, machine and Node's options. */
export function cacheName(): string {
  return `cli-${__VERSION__}-${__BUNDLE_HASH__}-node${process.versions.node}-${process.platform}-${process.arch}${optionsKey()}.v8`;
}

export interface StartedCli extends CliModule {
  /**
   * Writes the cache when this run had none (or a rejected one, or one made by a run that checked
   * nothing while this one checked documents). With BUDGET_CHECK_CACHE_DEBUG set, says on stderr what
   * was read and written. A run that changed V8's flags (a batch, for its workers) writes none.
   */
  saveCache(): void;
}

/** Loads the CLI bundle of `distDir` (the build's dist/), with the code cache when there is a usable one. */
export function startCli(distDir: string): StartedCli {
  const bundle = join(distDir, "chunks", __BUNDLE_FILE__);
  const dirs = cacheDirs(distDir);
  const name = cacheName();
  const { cached, readFrom } = findCache(dirs, name);
  const { exports: cli, script, rejected } = runBundle<CliModule>(bundle, cached);
  const save = (): string => {
    if (dirs.length === 0) return "off";
    const checked = cli.checkedDocuments();
    if (cached && !rejected && (cached.flags & FLAG_CHECKED || !checked)) return "kept";
    // V8 stamps a cache with its flags: one made after a batch tuned them is rejected by every later run.
    if (cli.v8FlagsChanged?.()) return "not written (this run changed V8's flags)";
    return saveCache(script, dirs, name, checked ? FLAG_CHECKED : 0, "cli-");
  };
  return {
    main: cli.main,
    checkedDocuments: cli.checkedDocuments,
    saveCache() {
      const done = save();
      if (process.env.BUDGET_CHECK_CACHE_DEBUG)
        process.stderr.write(`budget-check: code cache: ${readFrom ? `${rejected ? "rejected" : "used"} ${readFrom}` : "none read"}; ${done}\n`);
    },
  };
}
