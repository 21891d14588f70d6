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
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Script } from "node:vm";
import { crc32 } from "node:zlib";

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

/** Cache file layout: MAGIC, flags, CRC-32 of the payload, payload length (u32 LE each), then V8's data. */
const MAGIC = 0x38764342; // "BCv8"
const HEADER = 16;
const FLAG_CHECKED = 1;
/** Cache files (of other versions, other options) are removed once this old, when another is written beside them. */
const STALE_MS = 30 * 24 * 3600 * 1000;

/** The folders to look in, in order (empty: the cache is off). */
export function cacheDirs(distDir: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const setting = env.BUDGET_CHECK_CACHE;
  if (setting === "off" || setting === "0") return [];
  if (setting) return [setting];
  const dirs = [join(distDir, "code-cache")];
  const base = env.XDG_CACHE_HOME || (process.platform === "win32" ? env.LOCALAPPDATA : env.HOME && join(env.HOME, ".cache"));
  if (base) dirs.push(join(base, "budget-check"));
  return dirs;
}

/**
 * Node's options of this process (command line and NODE_OPTIONS) as a short hash, "" when there are none.
 * V8 takes a cache only from a process with the same flags: without this, a run with other options would
 * find the build's cache first, have it rejected and compile anyway, every time, where it cannot replace it.
 */
export function optionsKey(execArgv: string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ""): string {
  const options = [...execArgv, nodeOptions].join("\0");
  if (options === "") return "";
  let h = 0x811c9dc5; // FNV-1a
  for (let i = 0; i < options.length; i++) h = Math.imul(h ^ options.charCodeAt(i), 0x01000193);
  return `-o${(h >>> 0).toString(16).padStart(8, "0")}`;
}

/** The cache file's name: one per version of the tool, bundle, Node, machine and Node's options. */
export function cacheName(): string {
  return `cli-${__VERSION__}-${__BUNDLE_HASH__}-node${process.versions.node}-${process.platform}-${process.arch}${optionsKey()}.v8`;
}

interface Cached {
  data: Buffer;
  flags: number;
}

/** A cache file's V8 data, or undefined when it is missing or not a whole, intact file of this format. */
export function readCache(file: string): Cached | undefined {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch {
    return undefined;
  }
  if (buf.length < HEADER || buf.readUInt32LE(0) !== MAGIC || buf.readUInt32LE(12) !== buf.length - HEADER) return undefined;
  const data = buf.subarray(HEADER);
  // V8 checks the version and the source's length, but not the payload (no checksum in release builds):
  // a flipped bit would be run as bytecode. (zlib.crc32: Node 20.15 and later.)
  if (typeof crc32 !== "function" || crc32(data) !== buf.readUInt32LE(8)) return undefined;
  return { data, flags: buf.readUInt32LE(4) };
}

/** Writes a cache file atomically (temporary name, then rename); false when that was not possible. */
export function writeCache(file: string, data: Buffer, flags: number): boolean {
  if (typeof crc32 !== "function") return false;
  const header = Buffer.alloc(HEADER);
  header.writeUInt32LE(MAGIC, 0);
  header.writeUInt32LE(flags, 4);
  header.writeUInt32LE(crc32(data), 8);
  header.writeUInt32LE(data.length, 12);
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(tmp, Buffer.concat([header, data]));
    renameSync(tmp, file);
    return true;
  } catch {
    try {
      unlinkSync(tmp);
    } catch {
      // never written
    }
    return false;
  }
}

/** Removes the other cache files of a folder not written for STALE_MS (best effort; only when one is written). */
function pruneStale(dir: string, keep: string): void {
  try {
    const now = Date.now();
    for (const f of readdirSync(dir))
      if (f !== keep && f.startsWith("cli-") && (f.endsWith(".v8") || f.endsWith(".tmp"))) {
        const p = join(dir, f);
        if (now - statSync(p).mtimeMs > STALE_MS) unlinkSync(p);
      }
  } catch {
    // a folder we cannot list or clean: leave it
  }
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
  const source = readFileSync(bundle, "utf8");
  const dirs = cacheDirs(distDir);
  const name = cacheName();
  let cached: Cached | undefined;
  let readFrom: string | undefined;
  for (const dir of dirs) {
    cached = readCache(join(dir, name));
    if (cached) {
      readFrom = join(dir, name);
      break;
    }
  }
  // The bundle as CommonJS: the wrapper Node gives a .cjs file, and an import() for the lazy packages that
  // are ES modules (a script run by vm.Script has none of its own on Node 20: scripts/build.mjs).
  const script = new Script(`(function (exports, require, module, __filename, __dirname, __budgetCheckHostImport) {${source}\n})`, {
    filename: bundle,
    cachedData: cached?.data,
  });
  const rejected = !!cached && script.cachedDataRejected === true;
  const module = { exports: {} as CliModule };
  const hostImport = (specifier: string): Promise<unknown> => import(specifier);
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle), hostImport);
  const cli = module.exports;
  const save = (): string => {
    if (dirs.length === 0) return "off";
    const checked = cli.checkedDocuments();
    if (cached && !rejected && (cached.flags & FLAG_CHECKED || !checked)) return "kept";
    // V8 stamps a cache with its flags: one made after a batch tuned them is rejected by every later run.
    if (cli.v8FlagsChanged?.()) return "not written (this run changed V8's flags)";
    let data: Buffer;
    try {
      data = script.createCachedData();
    } catch {
      return "not written";
    }
    for (const dir of dirs)
      if (writeCache(join(dir, name), data, checked ? FLAG_CHECKED : 0)) {
        pruneStale(dir, name);
        return `wrote ${join(dir, name)}`;
      }
    return "not written";
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
