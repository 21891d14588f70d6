#!/usr/bin/env node
// npm run bench [-- --n 1000] [--keep]
// Generates a corpus of N synthetic departments from the seed (scripts/lib/synthetic.mjs: renamed,
// scaled, every 10th with one injected error; text, CSV folders and workbooks in turn) in a temporary
// folder, then measures with the real CLI:
// - the seed alone: median wall time of 7 runs, Node's start included;
// - the seed with one typo, with and without the diagnosis: what naming the mistyped figure costs;
// - the whole corpus as one batch on the worker pool: wall time, documents/s, MB/s, peak RSS;
// - the same on one worker, and a parse-only pass (read + split into rows, one thread) over the same
//   corpus: their ratio says what checking costs over reading;
// and checks that every injected error was found and no clean department has one (exit 1 otherwise).
// Prints the results as Markdown (for docs/performance.md) and writes them to bench-out/results.md.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateCorpus, verifyReport } from "./lib/synthetic.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const SEED = join(ROOT, "fixtures/shenzhen-sast-2023/document.md");
const CLI = join(ROOT, "bin/budget-check.js");
const args = process.argv.slice(2);
const n = Number(args[args.indexOf("--n") + 1] ?? 1000) || 1000;
const keep = args.includes("--keep");
const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;

/**
 * Runs a command, returns wall seconds, and from GNU time where present peak RSS (MB) and CPU seconds
 * (user + system): on a shared machine the wall time grows with the load, the CPU time much less.
 */
function run(cmd, argv, env = {}) {
  const full = TIME ? [TIME, ["-f", "%M %U %S", cmd, ...argv]] : [cmd, argv];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(full[0], full[1], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1", ...env }, maxBuffer: 1 << 30 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  let rss = null;
  let cpu = null;
  const m = TIME ? /(\d+) ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr) : null;
  if (m) {
    rss = Number(m[1]) / 1024;
    cpu = Number(m[2]) + Number(m[3]);
  }
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${argv.join(" ")}: exit ${r.status}\n${r.stderr}`);
  return { wall, rss, cpu, stdout: r.stdout };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const f = (x, d = 2) => (x === null ? "n/a" : x.toFixed(d));

const dir = mkdtempSync(join(tmpdir(), "budget-check-bench-"));
const corpus = join(dir, "corpus");
const load = loadavg()[0];
console.error(`generating ${n} synthetic departments in ${corpus} …`);
const manifest = await generateCorpus({ seedText: readFileSync(SEED, "utf8"), n, dir: corpus });
const injected = manifest.filter((m) => m.injected).length;

console.error("seed: 7 runs …");
const seedRuns = Array.from({ length: 7 }, () => run(process.execPath, [CLI, SEED, "--format", "json", "--output", "/dev/null"]));
const seedWall = median(seedRuns.map((r) => r.wall));
const seedCpu = TIME ? median(seedRuns.map((r) => r.cpu)) : null;

// The diagnosis (docs/diagnosis.md) runs only on a document with an identity off: the seed with one
// typo (表7's department total 9,724 → 9,742, the first such row) with and without it.
console.error("diagnosis: the seed with one typo, 3 runs with and 3 without …");
const typo = join(dir, "typo.md");
writeFileSync(typo, readFileSync(SEED, "utf8").replace(/^(深圳市科学技术协会\t\t\t)9,724/m, "$19,742"));
const typoRuns = (extra) => Array.from({ length: 3 }, () => run(process.execPath, [CLI, typo, "--format", "json", "--output", "/dev/null", ...extra]));
const diagOn = typoRuns([]);
const diagOff = typoRuns(["--rule", "diagnosis=off"]);
const typoWall = (rs) => median(rs.map((r) => r.wall));
const typoCpu = (rs) => (TIME ? median(rs.map((r) => r.cpu)) : null);

console.error("batch on the worker pool …");
const out = join(dir, "report.json");
const batch = run(process.execPath, [CLI, corpus, "--format", "json", "--output", out]);
const report = JSON.parse(readFileSync(out, "utf8"));
// A clean department has the seed's own errors (its text's wrong percentages), no more.
const seedErrors = JSON.parse(run(process.execPath, [CLI, SEED, "--format", "json"]).stdout).summary.error;
const problems = verifyReport(report, manifest, seedErrors);

console.error("batch on one worker …");
const single = run(process.execPath, [CLI, corpus, "--format", "json", "--output", "/dev/null"], { BUDGET_CHECK_WORKERS: "1" });
console.error("parse-only …");
const parse = run(process.execPath, [join(ROOT, "scripts/lib/parse-only.mjs"), corpus]);
const { bytes, rows } = JSON.parse(parse.stdout);
const mb = bytes / 1024 / 1024;
const scale = n / 1000; // the targets are for 1,000 departments

const check = (ok) => (ok ? "met" : "**missed**");
const lines = [
  `### Run of ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
  "",
  `Machine: ${cpus()[0]?.model ?? "?"}, ${availableParallelism()} cores available, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, load average ${load.toFixed(2)} at start.`,
  `Corpus: ${n} departments (${manifest.filter((m) => m.form === "text").length} text, ${manifest.filter((m) => m.form === "csv").length} CSV folders, ${manifest.filter((m) => m.form === "xlsx").length} workbooks), ${f(mb, 1)} MB, ${rows} rows; ${injected} injected errors.`,
  "",
  "| measure | result | target | |",
  "| --- | --- | --- | --- |",
  `| seed, one run (median of 7, wall incl. Node start) | ${f(seedWall)} s (CPU ${f(seedCpu)} s) | ≤ 0.3 s | ${check(seedWall <= 0.3)} |`,
  `| seed with one typo, diagnosis on (median of 3) | ${f(typoWall(diagOn))} s (CPU ${f(typoCpu(diagOn))} s) | | |`,
  `| seed with one typo, \`--rule diagnosis=off\` (median of 3) | ${f(typoWall(diagOff))} s (CPU ${f(typoCpu(diagOff))} s) | | |`,
  `| cost of the diagnosis on that typo (none without a conflict: the solver is not loaded) | ${f(typoWall(diagOn) - typoWall(diagOff))} s (CPU ${f(TIME ? typoCpu(diagOn) - typoCpu(diagOff) : null)} s) | | |`,
  `| batch of ${n}, worker pool (${availableParallelism()} workers) | ${f(batch.wall)} s (CPU ${f(batch.cpu)} s) · ${f(n / batch.wall, 0)} documents/s · ${f(mb / batch.wall)} MB/s | ≤ ${f(10 * scale, 1)} s (10 s per 1,000 on 2 cores) | ${check(batch.wall <= 10 * scale)} |`,
  `| peak RSS of the batch | ${f(batch.rss, 0)} MB | ≤ 300 MB | ${batch.rss === null ? "n/a" : check(batch.rss <= 300)} |`,
  `| batch on one worker | ${f(single.wall)} s (CPU ${f(single.cpu)} s) | | |`,
  `| parse-only (read + split into rows, one thread) | ${f(parse.wall)} s (CPU ${f(parse.cpu)} s) | | |`,
  `| batch on one worker ÷ parse-only | ${f(single.wall / parse.wall, 1)}× | ≤ 3× | ${check(single.wall / parse.wall <= 3)} |`,
  `| batch on the pool ÷ parse-only | ${f(batch.wall / parse.wall, 1)}× | | |`,
  `| injected errors found | ${injected - problems.filter((p) => p.includes("injected")).length} / ${injected} | all | ${check(problems.length === 0)} |`,
  "",
];
const text = lines.join("\n");
console.log(text);
mkdirSync(join(ROOT, "bench-out"), { recursive: true });
writeFileSync(join(ROOT, "bench-out", "results.md"), text);
// PDF input: its own script (seconds per page, the share of text extraction), appended to the results.
spawnSync(process.execPath, [join(ROOT, "scripts/bench-pdf.js")], { stdio: "inherit" });
if (!keep) rmSync(dir, { recursive: true, force: true });
else console.error(`kept ${dir}`);
if (problems.length) {
  console.error(`✖ ${problems.length} problem(s):\n${problems.slice(0, 20).join("\n")}`);
  process.exit(1);
}
