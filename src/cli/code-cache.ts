// V8's code cache for a bundle run through vm.Script: where cache files live, how they are named, read,
// checked and written. Used by the CLI's quick start (src/cli/start.ts: dist/chunks/cli.cjs) and by each
// batch worker (src/batch/worker-start.ts: dist/chunks/worker.cjs). See src/cli/start.ts for why.
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Script } from "node:vm";
import { crc32 } from "node:zlib";

/** Cache file layout: MAGIC, flags, CRC-32 of the payload, payload length (u32 LE each), then V8's data. */
const MAGIC = 0x38764342; // "BCv8"
const HEADER = 16;
export const FLAG_CHECKED = 1;
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

export interface Cached {
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
export function pruneStale(dir: string, keep: string, prefix = "cli-"): void {
  try {
    const now = Date.now();
    for (const f of readdirSync(dir))
      if (f !== keep && f.startsWith(prefix) && (f.endsWith(".v8") || f.endsWith(".tmp"))) {
        const p = join(dir, f);
        if (now - statSync(p).mtimeMs > STALE_MS) unlinkSync(p);
      }
  } catch {
    // a folder we cannot list or clean: leave it
  }
}

/** The first intact cache file named `name` in `dirs`, and where it was read. */
export function findCache(dirs: string[], name: string): { cached?: Cached; readFrom?: string } {
  for (const dir of dirs) {
    const cached = readCache(join(dir, name));
    if (cached) return { cached, readFrom: join(dir, name) };
  }
  return {};
}

/**
 * Runs a CommonJS bundle from `vm.Script`, with V8's code cache `cached` when given: the wrapper Node gives
 * a .cjs file, plus an import() for the lazy packages that are ES modules (a script run by vm.Script has
 * none of its own on Node 20: scripts/build.mjs). Returns the bundle's exports and the script (for
 * `createCachedData`), and whether V8 rejected the cache.
 */
export function runBundle<T>(bundle: string, cached: Cached | undefined): { exports: T; script: Script; rejected: boolean } {
  const source = readFileSync(bundle, "utf8");
  const script = new Script(`(function (exports, require, module, __filename, __dirname, __budgetCheckHostImport) {${source}\n})`, {
    filename: bundle,
    cachedData: cached?.data,
  });
  const rejected = !!cached && script.cachedDataRejected === true;
  const module = { exports: {} as T };
  const hostImport = (specifier: string): Promise<unknown> => import(specifier);
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle), hostImport);
  return { exports: module.exports, script, rejected };
}

/** Writes the script's code cache into the first folder of `dirs` that takes it (pruning old ones there); what was done, in words. */
export function saveCache(script: Script, dirs: string[], name: string, flags: number, prefix: string): string {
  let data: Buffer;
  try {
    data = script.createCachedData();
  } catch {
    return "not written";
  }
  for (const dir of dirs)
    if (writeCache(join(dir, name), data, flags)) {
      pruneStale(dir, name, prefix);
      return `wrote ${join(dir, name)}`;
    }
  return "not written";
}
