import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cli, cliJson, ROOT, SEED, SEED_CSV } from "../helpers/cli.js";
import { SEED_XLSX } from "../helpers/workbook.js";
import { tempDir } from "../helpers/tmp.js";

/**
 * A city's batch: the seed as text, as a CSV folder, as a workbook (in sub-folders too), a copy of the
 * text with one wrong figure, and a broken file.
 */
function makeBatch(): string {
  const dir = tempDir("batch");
  cpSync(join(ROOT, SEED_XLSX), join(dir, "a-workbook.xlsx"));
  cpSync(join(ROOT, SEED_CSV), join(dir, "b-csv"), { recursive: true });
  const text = readFileSync(join(ROOT, SEED), "utf8");
  writeFileSync(join(dir, "c-broken.md"), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
  // Line 637 of the seed is 表8 30101 基本工资 431 431 0: printed 531 instead of 431 in 支出总计.
  const lines = text.split("\n");
  expect(lines[636]).toBe("\t30101\t基本工资\t431\t431\t0");
  lines[636] = "\t30101\t基本工资\t531\t431\t0";
  writeFileSync(join(dir, "d-wrong.md"), lines.join("\n"));
  cpSync(join(ROOT, SEED), join(dir, "e-district", "seed.md"), { recursive: true });
  return dir;
}

describe("batch: a folder of many packages", () => {
  let dir = "";
  beforeAll(() => {
    dir = makeBatch();
  });

  it("checks every package in path order, the broken one as a failure, exit 2", () => {
    const { status, report, stderr } = cliJson([dir]);
    expect(status).toBe(2);
    const docs = report.documents;
    expect(docs.map((d: { path: string }) => d.path.slice(dir.length + 1))).toEqual(["a-workbook.xlsx", "b-csv", "c-broken.md", "d-wrong.md", "e-district/seed.md"]);
    expect(docs.map((d: { format: string }) => d.format)).toEqual(["xlsx", "csv", "markdown", "markdown", "markdown"]);
    expect(docs[2].failure.message).toMatch(/binary file/);
    expect(docs[2].findings).toEqual([]);
    // The seed's result in each form: its text's 6 wrong year-on-year percentages, 4 warnings, the notes.
    for (const i of [0, 1, 4]) expect(docs[i].summary).toEqual({ error: 6, warning: 4, info: 65 });
    // The wrong figure: 301 = Σ 301xx now adds 100 too many, and 30101's own row no longer adds up.
    const errs = docs[3].findings.filter((f: { severity: string }) => f.severity === "error");
    expect(errs.length).toBeGreaterThan(0);
    const where = errs.flatMap((f: { location: { line: number }; related: { line: number }[] }) => [f.location.line, ...f.related.map((r) => r.line)]);
    expect(where).toContain(637);
    expect(report.summary.documents).toBe(5);
    // Not a terminal: no progress bar, only the one line for the broken file.
    expect(stderr.trim().split("\n")).toEqual([`budget-check: ${join(dir, "c-broken.md")}: this is a binary file, not text; expected a budget document as text (.md/.txt), a CSV folder or an .xlsx workbook`]);
  });

  it("gives the same report on one worker thread as on the pool", () => {
    const pool = cliJson([dir]).report;
    const one = cliJson([dir], { env: { BUDGET_CHECK_WORKERS: "1" } }).report;
    expect(one).toEqual(pool);
  });

  it("ends the text report with a per-department summary table, aligned with Chinese names", () => {
    const r = cli([dir, "--lang", "zh"]);
    const lines = r.stdout.trimEnd().split("\n");
    const head = lines.findIndex((l) => /^部门\s+年度\s+错误\s+警告\s+尾差\s+提示\s+文件$/.test(l));
    expect(head).toBeGreaterThan(0);
    const rows = lines.slice(head + 2, head + 7);
    // 6 errors (the text's percentages), 4 warnings, 64 rounding notes, 1 other note (the repeated paragraph).
    expect(rows[0]).toMatch(/^深圳市科学技术协会\s+2023\s+6\s+4\s+64\s+1\s+.*a-workbook\.xlsx$/);
    expect(rows[2]).toMatch(/^（无法读取）\s+-\s+-\s+-\s+-\s+.*c-broken\.md$/);
    expect(rows[3]).toMatch(/^深圳市科学技术协会\s+2023\s+[1-9]\d*\s/);
    // Columns line up on screen: each 文件 column starts at the same display column (汉字 are two wide).
    const { displayWidth } = awaitWidth();
    const fileCol = (l: string) => displayWidth(l.slice(0, l.indexOf(dir)));
    expect(new Set(rows.map(fileCol)).size).toBe(1);
  });

  // util-linux `script` provides the pseudo-terminal; without it the test is reported as skipped.
  it.skipIf(!existsSync("/usr/bin/script"))("shows a progress bar on a terminal's stderr, and none with --quiet", () => {
    const run = (extra: string) =>
      spawnSync("/usr/bin/script", ["-qec", `${process.execPath} bin/budget-check.js '${dir}' --output /dev/null ${extra}`, "/dev/null"], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } }).stdout;
    const tty = run("");
    expect(tty).toMatch(/\] 5\/5 documents · [1-9]\d* errors? · 1 unreadable · ETA/);
    const quiet = run("--quiet");
    expect(quiet).not.toMatch(/documents ·/);
    expect(quiet).toMatch(/c-broken\.md: this is a binary file/);
  });
});

function awaitWidth() {
  // Imported lazily from src: the reporter's own width function is what the table was padded with,
  // so check with an independent count instead: CJK ideographs and full-width forms take two columns.
  return { displayWidth: (s: string) => [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uff60]/.test(ch) ? 2 : 1), 0) };
}
