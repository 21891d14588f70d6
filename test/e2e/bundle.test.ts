import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, SEED } from "../helpers/cli.js";
import { SEED_XLSX } from "../helpers/workbook.js";

/**
 * Runs the bundled CLI (dist/, as bin/budget-check.js does) on `args` in a fresh Node and returns the
 * CommonJS modules it loaded from node_modules (exceljs is CommonJS: loading it fills the require cache).
 */
function loadedPackages(args: string[]): string[] {
  const script = `
    import { createRequire } from "node:module";
    const { main } = await import(${JSON.stringify(pathToFileURL(join(ROOT, "dist", "cli", "main.js")).href)});
    const code = await main(["node", "budget-check", ...${JSON.stringify(args)}, "--output", "/dev/null"]);
    const cache = createRequire(import.meta.url).cache;
    const pkgs = new Set(Object.keys(cache).map((k) => /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(k)?.[1]).filter(Boolean));
    process.stdout.write(JSON.stringify({ code, pkgs: [...pkgs].sort() }));
  `;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: ROOT, encoding: "utf8" });
  expect(r.stderr).toBe("");
  const out = JSON.parse(r.stdout);
  expect(out.code).toBe(1); // the seed's six wrong percentages, in each form
  return out.pkgs;
}

/**
 * The same through bin/budget-check.js, which runs the CommonJS bundle (dist/chunks/cli.cjs) from the code
 * cache: a preloaded script lists the packages in the require cache when the process exits.
 */
const tmp = mkdtempSync(join(tmpdir(), "budget-check-bundle-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
function loadedPackagesViaLauncher(args: string[]): string[] {
  const preload = join(tmp, "list.cjs");
  writeFileSync(
    preload,
    `process.on("exit", (code) => {
      const pkgs = new Set(Object.keys(require.cache).map((k) => /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(k)?.[1]).filter(Boolean));
      require("node:fs").writeSync(1, "\\n" + JSON.stringify({ code, pkgs: [...pkgs].sort() }));
    });`,
  );
  const r = spawnSync(process.execPath, ["--require", preload, join(ROOT, "bin", "budget-check.js"), ...args, "--output", "/dev/null"], { cwd: ROOT, encoding: "utf8" });
  expect(r.stderr).not.toMatch(/error|warning/i);
  const out = JSON.parse(r.stdout.trim().split("\n").pop()!);
  expect(out.code).toBe(1);
  return out.pkgs;
}

describe("the bundled CLI loads only what the input needs", () => {
  it("through bin/budget-check.js (the CommonJS bundle, code cache): exceljs is loaded for a workbook only", () => {
    expect(loadedPackagesViaLauncher([SEED, "--format", "json"])).not.toContain("exceljs");
    // A single workbook is read on a worker thread (own require cache); --annotate writes it in this one.
    expect(loadedPackagesViaLauncher([SEED_XLSX, "--format", "json", "--annotate", join(tmp, "a.xlsx")])).toContain("exceljs");
  });

  it("a text document: exceljs is never loaded", () => {
    expect(loadedPackages([SEED, "--format", "json"])).not.toContain("exceljs");
  });

  it("a workbook: checked on a worker thread (under its memory cap), so exceljs stays out of the main thread", () => {
    // Exit 1 (checked above) says the workbook was read: by exceljs, loaded from its lazy chunk in the worker.
    expect(loadedPackages([SEED_XLSX, "--format", "json"])).not.toContain("exceljs");
  });
});

describe("the published package", () => {
  it("carries the launcher, the bundle and the docs, and no code cache made on the publisher's machine", () => {
    // npm's own list of what `npm publish` would pack (scripts skipped: the build has run).
    const r = spawnSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: ROOT, encoding: "utf8", shell: process.platform === "win32" });
    expect(r.status, r.stderr).toBe(0);
    const files: string[] = JSON.parse(r.stdout)[0].files.map((f: { path: string }) => f.path);
    expect(files).toContain("bin/budget-check.js");
    expect(files).toContain("dist/chunks/cli.cjs");
    expect(files).toContain("dist/cli/start.cjs");
    expect(files).toContain("docs/cli.md");
    // The build writes dist/code-cache/ (and any run may): a cache fits one Node version on one machine.
    expect(files.filter((f) => f.startsWith("dist/code-cache"))).toEqual([]);
  });
});
