import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, cliJson, ROOT, SEED, SEED_CSV, type CliResult } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

/**
 * The CLI as a user who cannot read what chmod 000 protects: this process when it is not root, else
 * `nobody` through setpriv (root reads everything). Null when neither is possible (the tests that need
 * it then skip, visibly).
 */
function asUnprivileged(args: string[]): CliResult | null {
  const base = [join(ROOT, "bin", "budget-check.js"), ...args];
  const env = { ...process.env, NO_COLOR: "1", LANG: "C.UTF-8", LC_ALL: "" };
  if (process.getuid?.() !== 0) {
    const r = spawnSync(process.execPath, base, { cwd: ROOT, encoding: "utf8", env, maxBuffer: 64 << 20 });
    return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  }
  const probe = spawnSync("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, "-e", "0"]);
  if (probe.status !== 0) return null;
  const r = spawnSync("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, ...base], { cwd: ROOT, encoding: "utf8", env, maxBuffer: 64 << 20 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
const canDrop = process.getuid?.() !== 0 || spawnSync("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, "-e", "0"]).status === 0;

// Issue 12, defects 6 and 8 (and 11's "a report in a batch folder is read as a package").
describe("a batch never loses the rest for one entry, and says what it skipped", () => {
  const tmp = tempDir("gaps");
  chmodSync(tmp, 0o755);

  it.skipIf(!canDrop)("an unreadable sub-folder is that entry's failure; the other package is reported", () => {
    const batch = join(tmp, "b1");
    mkdirSync(join(batch, "locked"), { recursive: true });
    cpSync(join(ROOT, SEED), join(batch, "a.md"));
    cpSync(join(ROOT, SEED), join(batch, "locked", "b.md"));
    chmodSync(join(batch, "locked"), 0o000);
    const r = asUnprivileged([batch, "--format", "json"])!;
    chmodSync(join(batch, "locked"), 0o755);
    expect(r.status).toBe(2);
    const docs = JSON.parse(r.stdout).documents;
    expect(docs.map((d: { path: string }) => d.path.split("/").pop())).toEqual(["a.md", "locked"]);
    expect(docs[0].failure).toBeNull();
    expect(docs[1].failure.message).toMatch(/the folder cannot be read \(EACCES\)/);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it.skipIf(!canDrop)("an unreadable CSV inside a package fails that package with a line naming the CSV", () => {
    const batch = join(tmp, "b2");
    cpSync(join(ROOT, SEED_CSV), join(batch, "pkg"), { recursive: true });
    cpSync(join(ROOT, SEED), join(batch, "z.md"));
    chmodSync(join(batch, "pkg", "表3.csv"), 0o000);
    const r = asUnprivileged([batch, "--format", "json"])!;
    chmodSync(join(batch, "pkg", "表3.csv"), 0o644);
    expect(r.status).toBe(2);
    const docs = JSON.parse(r.stdout).documents;
    expect(docs[0].failure.location.file).toMatch(/表3\.csv$/);
    expect(docs[0].failure.message).toMatch(/cannot be read \(EACCES\)/);
    expect(docs[1].failure).toBeNull();
  });

  it("symbolic links are followed once: a linked package is checked, a loop is skipped with a note", () => {
    const batch = join(tmp, "b3");
    mkdirSync(join(batch, "real"), { recursive: true });
    cpSync(join(ROOT, SEED), join(batch, "real", "a.md"));
    const elsewhere = join(tmp, "elsewhere");
    mkdirSync(elsewhere);
    cpSync(join(ROOT, SEED), join(elsewhere, "b.md"));
    symlinkSync(elsewhere, join(batch, "linked"));
    symlinkSync(batch, join(batch, "real", "loop"));
    const r = cliJson([batch]);
    expect(r.report.documents.map((d: { path: string }) => d.path.slice(batch.length + 1))).toEqual(["linked/b.md", "real/a.md"]);
    expect(r.stderr).toMatch(/real\/loop: skipped: a link to a folder already searched/);
  });

  it("a file whose name is not UTF-8 is reported as such, not as ENOENT; the rest is checked", () => {
    const batch = join(tmp, "b4");
    mkdirSync(batch);
    cpSync(join(ROOT, SEED), join(batch, "a.md"));
    const bad = Buffer.concat([Buffer.from(join(batch, "b")), Buffer.from([0xb1, 0xed]), Buffer.from(".md")]);
    writeFileSync(bad, "x");
    const r = cliJson([batch]);
    expect(r.status).toBe(2);
    expect(r.report.documents[0].failure).toBeNull();
    expect(r.report.documents[1].failure.message).toMatch(/the file name is not valid UTF-8/);
    expect(r.stderr).not.toMatch(/ENOENT/);
  });

  it("a name that holds U+FFFD itself is valid UTF-8 and is checked, beside one that is not UTF-8", () => {
    const batch = join(tmp, "b4b");
    mkdirSync(batch);
    cpSync(join(ROOT, SEED), join(batch, "a\uFFFD.md"));
    writeFileSync(Buffer.concat([Buffer.from(join(batch, "b")), Buffer.from([0xff]), Buffer.from(".md")]), "x");
    const r = cliJson([batch]);
    expect(r.status).toBe(2);
    const [a, b] = r.report.documents;
    expect(a.path).toBe(join(batch, "a\uFFFD.md"));
    expect(a.failure).toBeNull();
    expect(a.findings.length).toBeGreaterThan(0);
    expect(b.failure.message).toMatch(/the file name is not valid UTF-8/);
  });

  it("a markdown or text report saved in a batch folder is not read as a package on the next run", () => {
    const batch = join(tmp, "b5");
    mkdirSync(batch);
    cpSync(join(ROOT, SEED), join(batch, "a.md"));
    writeFileSync(join(batch, "report.md"), cli([SEED, "--format", "markdown"]).stdout);
    writeFileSync(join(batch, "report.txt"), cli([SEED]).stdout);
    const r = cliJson([batch]);
    expect(r.report.documents.map((d: { path: string }) => d.path.split("/").pop())).toEqual(["a.md"]);
    expect(r.stderr).toMatch(/report\.md: skipped: a markdown report of budget-check/);
    expect(r.stderr).toMatch(/report\.txt: skipped: a text report of budget-check/);
  });
});
