import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cacheDirs, optionsKey, readCache, writeCache } from "../../src/cli/start.js";
import { cli, ROOT, SEED } from "../helpers/cli.js";

/*
 * bin/budget-check.js runs the CLI from V8's code cache (src/cli/start.ts). What users rely on: the
 * report is the same with and without it; a cache is written once and reused; a cache file that is not
 * an intact one of this bundle is ignored and replaced; a place where nothing can be written changes
 * nothing but the speed. BUDGET_CHECK_CACHE_DEBUG makes the launcher say what it read and wrote.
 */
const tmp = mkdtempSync(join(tmpdir(), "budget-check-code-cache-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const freshDir = () => join(tmp, `cache-${++n}`);

const ARGS = [SEED, "--format", "json"];
const run = (dir: string, args = ARGS) => cli(args, { env: { BUDGET_CHECK_CACHE: dir, BUDGET_CHECK_CACHE_DEBUG: "1" } });
const cacheFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []);
/** The launcher's one debug line, with the cache folder written as <dir>. */
const debug = (stderr: string, dir: string) => {
  const lines = stderr.split("\n").filter((l) => l.startsWith("budget-check: code cache:"));
  expect(lines).toHaveLength(1);
  return lines[0].replaceAll(dir, "<dir>").replace(/cli-[^ ;]+\.v8/g, "<file>");
};

const plain = cli(ARGS, { env: { BUDGET_CHECK_CACHE: "off" } });

describe("the code cache of bin/budget-check.js", () => {
  it("the seed checked without a cache: exit 1 and a JSON report (the reference for the runs below)", () => {
    expect(plain.status).toBe(1);
    expect(plain.stderr).toBe("");
    expect(JSON.parse(plain.stdout).documents).toHaveLength(1);
  });

  it("is written by the first run and used, unchanged, by the next; the report is the same each time", () => {
    const dir = freshDir();
    const first = run(dir);
    expect(debug(first.stderr, dir)).toBe("budget-check: code cache: none read; wrote <dir>/<file>");
    const files = cacheFiles(dir);
    expect(files).toHaveLength(1);
    const written = readFileSync(join(dir, files[0]));
    const second = run(dir);
    expect(debug(second.stderr, dir)).toBe("budget-check: code cache: used <dir>/<file>; kept");
    expect(readFileSync(join(dir, files[0]))).toEqual(written);
    for (const r of [first, second]) {
      expect(r.status).toBe(plain.status);
      expect(r.stdout).toBe(plain.stdout);
    }
  });

  it("a cache file with a damaged byte, one of another bundle, or not a cache at all is ignored and replaced", () => {
    const dir = freshDir();
    run(dir);
    const [name] = cacheFiles(dir);
    const file = join(dir, name);
    const good = readFileSync(file);
    const payload = good.subarray(16);
    const flipped = Buffer.from(good);
    flipped[flipped.length >> 1] ^= 0x40; // V8 itself would run this: only the file's CRC tells
    const damaged = {
      flipped,
      truncated: good.subarray(0, good.length - 100),
      "not a cache": Buffer.from("budget-check\n".repeat(100)),
      empty: Buffer.alloc(0),
    };
    for (const [what, bytes] of Object.entries(damaged)) {
      writeFileSync(file, bytes);
      const r = run(dir);
      expect(debug(r.stderr, dir), what).toBe("budget-check: code cache: none read; wrote <dir>/<file>");
      expect(r.stdout, what).toBe(plain.stdout);
      expect(readCache(file), what).toBeDefined();
    }
    // Intact as a file, but V8's data of another script (the same length, other bytes): V8 rejects it.
    const foreign = Buffer.alloc(payload.length, 7);
    writeCache(file, foreign, 1);
    const r = run(dir);
    expect(debug(r.stderr, dir)).toBe("budget-check: code cache: rejected <dir>/<file>; wrote <dir>/<file>");
    expect(r.stdout).toBe(plain.stdout);
    expect(debug(run(dir).stderr, dir)).toBe("budget-check: code cache: used <dir>/<file>; kept");
  });

  it("a cache made by a run that checked nothing (--version) is made again by the first check", () => {
    const dir = freshDir();
    const version = run(dir, ["--version"]);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(debug(version.stderr, dir)).toBe("budget-check: code cache: none read; wrote <dir>/<file>");
    expect(debug(run(dir, ["rules"]).stderr, dir)).toBe("budget-check: code cache: used <dir>/<file>; kept");
    expect(debug(run(dir).stderr, dir)).toBe("budget-check: code cache: used <dir>/<file>; wrote <dir>/<file>");
    expect(debug(run(dir).stderr, dir)).toBe("budget-check: code cache: used <dir>/<file>; kept");
  });

  it("a cache made by a check that failed (an input missing, exit 2) is made again by the next check", () => {
    const dir = freshDir();
    const failed = run(dir, [join(tmp, "no-such-document.md")]);
    expect(failed.status).toBe(2);
    expect(debug(failed.stderr, dir)).toBe("budget-check: code cache: none read; wrote <dir>/<file>");
    expect(debug(run(dir).stderr, dir)).toBe("budget-check: code cache: used <dir>/<file>; wrote <dir>/<file>");
    expect(debug(run(dir).stderr, dir)).toBe("budget-check: code cache: used <dir>/<file>; kept");
  });

  it("a batch (it changes V8's flags for its workers) writes no cache, which V8 would reject in every later run, but uses one", () => {
    const dir = freshDir();
    const batch = [SEED, join(tmp, "seed-copy.txt"), "--format", "json"];
    cpSync(SEED, batch[1]);
    const first = run(dir, batch);
    expect(first.status).toBe(1);
    expect(JSON.parse(first.stdout).documents).toHaveLength(2);
    expect(debug(first.stderr, dir)).toBe("budget-check: code cache: none read; not written (this run changed V8's flags)");
    // Its workers write their own cache (below); the CLI's is not written.
    expect(cacheFiles(dir).filter((f) => f.startsWith("cli-"))).toEqual([]);
    // The next single check writes one; the batch after it and the check after that both use it.
    expect(debug(run(dir).stderr, dir)).toBe("budget-check: code cache: none read; wrote <dir>/<file>");
    expect(debug(run(dir, batch).stderr, dir)).toBe("budget-check: code cache: used <dir>/<file>; kept");
    expect(debug(run(dir).stderr, dir)).toBe("budget-check: code cache: used <dir>/<file>; kept");
  });

  it("where nothing can be written, the run is the same, silently (only the debug line says so)", () => {
    const file = join(tmp, "a-file");
    writeFileSync(file, "not a folder");
    const dir = join(file, "cache");
    const r = run(dir);
    expect(debug(r.stderr, dir)).toBe("budget-check: code cache: none read; not written");
    expect(r.status).toBe(plain.status);
    expect(r.stdout).toBe(plain.stdout);
    const quiet = cli(ARGS, { env: { BUDGET_CHECK_CACHE: dir } });
    expect(quiet.stderr).toBe("");
    expect(quiet.stdout).toBe(plain.stdout);
  });

  it("BUDGET_CHECK_CACHE=off neither reads nor writes a cache", () => {
    const r = cli(ARGS, { env: { BUDGET_CHECK_CACHE: "off", BUDGET_CHECK_CACHE_DEBUG: "1" } });
    expect(debug(r.stderr, "\0")).toBe("budget-check: code cache: none read; off");
    expect(r.stdout).toBe(plain.stdout);
  });

  it("two runs writing the same cache at once leave one intact file and no temporary ones", async () => {
    const dir = freshDir();
    const bin = join(ROOT, "bin", "budget-check.js");
    const once = () =>
      new Promise<string>((resolve) => {
        const p = spawn(process.execPath, [bin, ...ARGS, "--output", join(tmp, `out-${++n}.json`)], { cwd: ROOT, env: { ...process.env, BUDGET_CHECK_CACHE: dir, BUDGET_CHECK_CACHE_DEBUG: "1" } });
        let err = "";
        p.stderr.on("data", (d) => (err += d));
        p.on("close", () => resolve(err));
      });
    const both = await Promise.all([once(), once()]);
    for (const err of both) expect(debug(err, dir)).toBe("budget-check: code cache: none read; wrote <dir>/<file>");
    const files = cacheFiles(dir);
    expect(files).toHaveLength(1);
    expect(readCache(join(dir, files[0]))).toBeDefined();
    expect(debug(run(dir).stderr, dir)).toBe("budget-check: code cache: used <dir>/<file>; kept");
  }, 30_000);
});

/** The batch workers' debug lines (one per worker that checked a document), with the folder written as <dir>. */
const workerLines = (stderr: string, dir: string) =>
  stderr
    .split("\n")
    .filter((l) => l.startsWith("budget-check: worker code cache:"))
    .map((l) => l.replaceAll(dir, "<dir>").replace(/worker-[^ ;]+\.v8/g, "<file>"));

describe("the batch workers' code cache (src/batch/worker-start.ts)", () => {
  // Four copies of the seed on one worker: it writes its cache after its first document.
  const folder = join(tmp, "batch-of-four");
  mkdirSync(folder);
  for (let i = 1; i <= 4; i++) cpSync(SEED, join(folder, `seed-${i}.md`));
  const BATCH = [folder, "--format", "json"];
  const batch = (dir: string) => cli(BATCH, { env: { BUDGET_CHECK_CACHE: dir, BUDGET_CHECK_CACHE_DEBUG: "1", BUDGET_CHECK_WORKERS: "1" } });
  const reference = cli(BATCH, { env: { BUDGET_CHECK_CACHE: "off", BUDGET_CHECK_WORKERS: "1" } });

  it("is written by a batch's worker and used by the next batch's; the report is the same with it, without it and with a damaged one", () => {
    expect(reference.status).toBe(1);
    expect(JSON.parse(reference.stdout).documents).toHaveLength(4);
    const dir = freshDir();
    const first = batch(dir);
    expect(workerLines(first.stderr, dir)).toEqual(["budget-check: worker code cache: none read; wrote <dir>/<file>"]);
    // Named after the worker bundle, Node and the V8 flags the batch set for its workers (-f…).
    const [name] = cacheFiles(dir).filter((f) => f.startsWith("worker-"));
    expect(name).toMatch(/^worker-\d+\.\d+\.\d+-[0-9a-f]{16}-node[\d.]+-[a-z0-9]+-[a-z0-9]+-f[0-9a-f]{8}\.v8$/);
    const second = batch(dir);
    expect(workerLines(second.stderr, dir)).toEqual(["budget-check: worker code cache: used <dir>/<file>; kept"]);
    // A flipped byte: only the file's CRC tells; the worker reads none, checks as before and writes it again.
    const file = join(dir, name);
    const flipped = readFileSync(file);
    flipped[flipped.length >> 1] ^= 0x40;
    writeFileSync(file, flipped);
    const third = batch(dir);
    expect(workerLines(third.stderr, dir)).toEqual(["budget-check: worker code cache: none read; wrote <dir>/<file>"]);
    expect(readCache(file)).toBeDefined();
    for (const r of [first, second, third]) {
      expect(r.status).toBe(reference.status);
      expect(r.stdout).toBe(reference.stdout);
    }
    expect(cacheFiles(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("BUDGET_CHECK_CACHE=off: the workers neither read nor write one", () => {
    const r = cli(BATCH, { env: { BUDGET_CHECK_CACHE: "off", BUDGET_CHECK_CACHE_DEBUG: "1", BUDGET_CHECK_WORKERS: "1" } });
    expect(workerLines(r.stderr, "\0")).toEqual(["budget-check: worker code cache: none read; off"]);
    expect(r.stdout).toBe(reference.stdout);
  });
});

describe("a half-built installation", () => {
  it("without the bundle, the launcher says so in one line (exit 2), not with a stack trace", () => {
    const inst = join(tmp, "half-built");
    cpSync(join(ROOT, "bin"), join(inst, "bin"), { recursive: true });
    mkdirSync(join(inst, "dist", "cli"), { recursive: true });
    cpSync(join(ROOT, "dist", "cli", "start.cjs"), join(inst, "dist", "cli", "start.cjs"));
    const r = spawnSync(process.execPath, [join(inst, "bin", "budget-check.js"), "--version"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^budget-check: internal error: cannot load the CLI from dist\/ \(run `npm run build`\): ENOENT[^\n]*cli\.cjs'\n$/);
  });
});

describe("where the cache lives", () => {
  it("beside the installation first, then the user's cache folder; BUDGET_CHECK_CACHE overrides both", () => {
    expect(cacheDirs("/opt/bc/dist", { HOME: "/home/u" })).toEqual(["/opt/bc/dist/code-cache", "/home/u/.cache/budget-check"]);
    expect(cacheDirs("/opt/bc/dist", { HOME: "/home/u", XDG_CACHE_HOME: "/xdg" })).toEqual(["/opt/bc/dist/code-cache", "/xdg/budget-check"]);
    expect(cacheDirs("/opt/bc/dist", {})).toEqual(["/opt/bc/dist/code-cache"]);
    expect(cacheDirs("/opt/bc/dist", { HOME: "/home/u", BUDGET_CHECK_CACHE: "/c" })).toEqual(["/c"]);
    for (const off of ["off", "0"]) expect(cacheDirs("/opt/bc/dist", { HOME: "/home/u", BUDGET_CHECK_CACHE: off })).toEqual([]);
  });

  it("Node's options name a cache of their own (V8 rejects a cache made under other flags)", () => {
    expect(optionsKey([], "")).toBe("");
    expect(optionsKey(["--max-old-space-size=4096"], "")).toMatch(/^-o[0-9a-f]{8}$/);
    expect(optionsKey(["--max-old-space-size=4096"], "")).not.toBe(optionsKey([], "--max-old-space-size=4096"));
    expect(optionsKey([], "--stack-size=2000")).not.toBe(optionsKey([], "--stack-size=3000"));
    const dir = freshDir();
    const withFlag = () => {
      const r = spawnSync(process.execPath, ["--stack-size=2000", join(ROOT, "bin", "budget-check.js"), ...ARGS], { cwd: ROOT, encoding: "utf8", env: { ...process.env, BUDGET_CHECK_CACHE: dir, BUDGET_CHECK_CACHE_DEBUG: "1" } });
      expect(r.stdout).toBe(plain.stdout);
      return debug(r.stderr, dir);
    };
    expect(debug(run(dir).stderr, dir)).toBe("budget-check: code cache: none read; wrote <dir>/<file>");
    expect(withFlag()).toBe("budget-check: code cache: none read; wrote <dir>/<file>");
    expect(withFlag()).toBe("budget-check: code cache: used <dir>/<file>; kept");
    expect(debug(run(dir).stderr, dir)).toBe("budget-check: code cache: used <dir>/<file>; kept");
    expect(cacheFiles(dir)).toHaveLength(2);
  });

  it("the build's warm-up run left a cache beside the installation, which a run uses", () => {
    const dir = join(ROOT, "dist", "code-cache");
    // (Tests that run Node with options, --require and the like, add files of their own beside it, and
    // batches their workers' caches.)
    expect(cacheFiles(dir).filter((f) => f.startsWith("cli-") && f.endsWith(".v8") && !/-o[0-9a-f]{8}\.v8$/.test(f))).toHaveLength(1);
    const r = cli(ARGS, { env: { BUDGET_CHECK_CACHE: "", BUDGET_CHECK_CACHE_DEBUG: "1" } });
    expect(debug(r.stderr, dir)).toBe("budget-check: code cache: used <dir>/<file>; kept");
    expect(r.stdout).toBe(plain.stdout);
  });
});
