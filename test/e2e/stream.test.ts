import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, cliJson, ROOT, SEED } from "../helpers/cli.js";
import { SMALL_DEPARTMENT_SUMMARY, smallDepartment } from "../helpers/small-department.js";

/** A batch: the seed, a broken file, the seed again in a sub-folder. */
function makeBatch(): string {
  const dir = mkdtempSync(join(tmpdir(), "budget-check-stream-"));
  cpSync(join(ROOT, SEED), join(dir, "a.md"));
  writeFileSync(join(dir, "b-broken.md"), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
  cpSync(join(ROOT, SEED), join(dir, "c", "seed.md"), { recursive: true });
  return dir;
}

describe("streamed reports", () => {
  let dir = "";
  beforeAll(() => {
    dir = makeBatch();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("--format jsonl: one line per document in the batch's order, then the summary line", () => {
    const { status, stdout, stderr } = cli([dir, "--format", "jsonl"]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/b-broken\.md: this is a binary file/);
    expect(stdout.endsWith("\n")).toBe(true);
    const lines = stdout.slice(0, -1).split("\n").map((l) => JSON.parse(l));
    const json = cliJson([dir]).report;
    // The document lines are the JSON report's documents, the last line the rest of the JSON report.
    expect(lines.slice(0, -1)).toEqual(json.documents);
    expect(lines.at(-1)).toEqual({ version: 2, tool: json.tool, summary: json.summary });
    expect(lines.at(-1).summary.documents).toBe(3);
    expect(lines.slice(0, -1).map((d) => d.path)).toEqual([join(dir, "a.md"), join(dir, "b-broken.md"), join(dir, "c", "seed.md")]);
  });

  it("a worker's documents of very different lengths, to stdout and to a file: each line is that document's report alone", () => {
    // One worker writes each document's text into buffers the main thread hands back once written: a
    // short document after a long one must not carry the long one's bytes, in either kind of output.
    const mixed = mkdtempSync(join(tmpdir(), "budget-check-stream-sizes-"));
    try {
      const names = ["1-seed.md", "2-small.md", "3-seed.md", "4-small.md", "5-small.md", "6-seed.md"];
      for (const n of names) writeFileSync(join(mixed, n), n.includes("seed") ? readFileSync(join(ROOT, SEED)) : smallDepartment());
      const alone = names.map((n) => cliJson([join(mixed, n)]).report.documents[0]);
      const out = `${mixed}.jsonl`;
      const env = { BUDGET_CHECK_WORKERS: "1" };
      const toStdout = cli([mixed, "--format", "jsonl"], { env });
      const toFile = cli([mixed, "--format", "jsonl", "--output", out], { env });
      for (const [r, text] of [[toStdout, toStdout.stdout], [toFile, readFileSync(out, "utf8")]] as const) {
        expect(r.status).toBe(1);
        const lines = text.trimEnd().split("\n");
        expect(lines).toHaveLength(names.length + 1);
        lines.slice(0, -1).forEach((l, i) => expect(JSON.parse(l)).toEqual(alone[i]));
      }
    } finally {
      rmSync(mixed, { recursive: true, force: true });
      rmSync(`${mixed}.jsonl`, { force: true });
    }
  });

  it("--format jsonl of one document, to a file", () => {
    const out = join(dir, "..", `${dir.split("/").at(-1)}.jsonl`);
    try {
      const { status } = cli([SEED, "--format", "jsonl", "--output", out]);
      expect(status).toBe(1); // the seed's text has six wrong percentages
      const lines = readFileSync(out, "utf8").trimEnd().split("\n");
      expect(lines).toHaveLength(2);
      expect(JSON.parse(lines[0])).toEqual(cliJson([SEED]).report.documents[0]);
      expect(JSON.parse(lines[1]).summary).toEqual({ documents: 1, error: 6, warning: 4, info: 65 });
    } finally {
      rmSync(out, { force: true });
    }
  });
});

describe("--timeout: a per-package time limit", () => {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "budget-check-timeout-"));
    // Small departments (checked in well under the limit even on a loaded machine) around a huge one: the
    // seed with its written parts printed 100 times (tables once: a table printed twice is refused at
    // once), ~5 s of CPU on the measuring machine and well within a worker's memory.
    const seed = readFileSync(join(ROOT, SEED), "utf8");
    const tables = seed.search(/^表\s*1\s*$/m);
    writeFileSync(join(dir, "a.md"), smallDepartment());
    writeFileSync(join(dir, "b-huge.md"), seed.slice(0, tables).repeat(100) + seed.slice(tables));
    writeFileSync(join(dir, "c.md"), smallDepartment());
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("stops a package still running after the limit, reports it as that package's failure, checks the rest", () => {
    const started = Date.now();
    const { status, report, stderr } = cliJson([dir, "--timeout", "2"]);
    // Far less than checking the huge file takes (stopped at 2 s, not waited for).
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(status).toBe(2);
    const docs = report.documents;
    expect(docs.map((d: { path: string }) => d.path)).toEqual(["a.md", "b-huge.md", "c.md"].map((f) => join(dir, f)));
    expect(docs[1].failure.message).toBe("not checked: still running after the time limit (--timeout 2 s)");
    expect(docs[1].findings).toEqual([]);
    for (const i of [0, 2]) expect(docs[i].summary).toEqual(SMALL_DEPARTMENT_SUMMARY);
    expect(stderr.trim().split("\n")).toEqual([`budget-check: ${join(dir, "b-huge.md")}: not checked: still running after the time limit (--timeout 2 s)`]);
  });

  it("applies to a single package too (checked on a worker then)", () => {
    const { status, stderr } = cli([join(dir, "b-huge.md"), "--timeout", "1", "--format", "json", "--output", "/dev/null"]);
    expect(status).toBe(2);
    expect(stderr).toContain("still running after the time limit (--timeout 1 s)");
  });

  it("refuses a time limit that is not a positive number of seconds", () => {
    for (const bad of ["0", "-1", "soon"]) {
      const { status, stderr } = cli([SEED, "--timeout", bad]);
      expect(status).toBe(2);
      expect(stderr.trim()).toBe(`budget-check: --timeout ${bad}: expected a positive number of seconds`);
    }
  });
});
