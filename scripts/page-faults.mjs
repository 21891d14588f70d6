#!/usr/bin/env node
// Where a one-document run's memory goes, and what touching fresh memory costs on this machine
// (docs/performance.md, "Fourteenth pass"). Not part of `npm run bench`.
//
//   node scripts/page-faults.mjs [--runs 5] [document]
//
// 1. The cost of a fresh page: a child process touches one byte in each 4 kB page of a new 16 MB
//    ArrayBuffer, then touches them again; the first pass pays a page fault (a zeroed page from the
//    kernel) per page, the second none.
// 2. A run of the CLI from its code cache (dist/cli/start.cjs, as bin/budget-check.js runs it) on the
//    document (the seed by default), in a child that reads process.resourceUsage(), performance.now()
//    and v8.getHeapSpaceStatistics() when its first line runs, once the bundle is loaded, and once the
//    document is checked; and `node -e 0` for comparison. Medians of --runs runs.
// Node is started without NODE_EXTRA_CA_CERTS (its cost is Node's, docs/cli.md). Needs the built dist/.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const runsAt = args.indexOf("--runs");
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 5;
const rest = runsAt >= 0 ? args.filter((_, i) => i !== runsAt && i !== runsAt + 1) : args;
const doc = rest[0] ?? join(ROOT, "fixtures", "shenzhen-sast-2023", "document.md");
const start = join(ROOT, "dist", "cli", "start.cjs");
if (!Number.isInteger(runs) || runs < 1) {
  console.error("page-faults: --runs takes a positive whole number");
  process.exit(2);
}
if (!existsSync(start)) {
  console.error("page-faults: dist/ is not built (npm run build)");
  process.exit(2);
}
if (!existsSync(doc)) {
  console.error(`page-faults: ${doc}: no such file`);
  process.exit(2);
}

const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS;
delete env.NODE_OPTIONS;
// Each child is a file of its own (not \`node -e\`, whose code is among Node's options and so would name a
// code cache of its own: src/cli/code-cache.ts optionsKey): the CLI then runs from the cache a plain run uses.
const scratch = mkdtempSync(join(tmpdir(), "page-faults-"));
process.on("exit", () => rmSync(scratch, { recursive: true, force: true }));
let children = 0;
const child = (code) => {
  const file = join(scratch, `child-${children++}.cjs`);
  writeFileSync(file, code);
  const r = spawnSync(process.execPath, [file], { env, encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] });
  const line = r.stderr.trim().split("\n").pop();
  try {
    return JSON.parse(line);
  } catch {
    console.error(`page-faults: a child run failed (status ${r.status}): ${r.stderr.trim()}`);
    process.exit(2);
  }
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[(s.length - 1) >> 1];
};

// 1. Fresh pages against pages touched before.
const TOUCH = `
const b = new Uint8Array(new ArrayBuffer(16 * 1048576));
const r0 = process.resourceUsage(), t0 = process.hrtime.bigint();
for (let i = 0; i < b.length; i += 4096) b[i] = 1;
const t1 = process.hrtime.bigint(), r1 = process.resourceUsage();
for (let i = 0; i < b.length; i += 4096) b[i] = 2;
const t2 = process.hrtime.bigint();
console.error(JSON.stringify({ faults: r1.minorPageFault - r0.minorPageFault, first: Number(t1 - t0) / 1e6, again: Number(t2 - t1) / 1e6, sys: (r1.systemCPUTime - r0.systemCPUTime) / 1000 }));`;
const touches = Array.from({ length: runs }, () => child(TOUCH));
const perPage = touches.map((t) => (t.first * 1000) / t.faults);

// 2. The CLI's phases, and Node alone.
const PHASES = `
const v8 = require("node:v8");
const at = () => {
  const r = process.resourceUsage();
  const space = {};
  for (const s of v8.getHeapSpaceStatistics()) space[s.space_name.replace(/_space$/, "")] = s.physical_space_size / 1048576;
  return { ms: performance.now(), faults: r.minorPageFault, space, rss: process.memoryUsage().rss / 1048576 };
};
const points = [at()];
const cli = require(${JSON.stringify(start)}).startCli(${JSON.stringify(join(ROOT, "dist"))});
points.push(at());
cli.main(["node", "budget-check", ${JSON.stringify(doc)}, "--format", "json"]).then(() => {
  points.push(at());
  cli.saveCache();
  console.error(JSON.stringify(points));
});`;
const NODE_ALONE = `process.on("exit", () => console.error(JSON.stringify({ ms: performance.now(), faults: process.resourceUsage().minorPageFault })));`;
child(PHASES); // a first run writes the code cache when there is none yet
const phases = Array.from({ length: runs }, () => child(PHASES));
const alone = Array.from({ length: runs }, () => child(NODE_ALONE));

const f1 = (x) => x.toFixed(1);
const f2 = (x) => x.toFixed(2);
const names = ["the first line of JavaScript", "the bundle loaded from the code cache", "the document checked, its report made"];
console.log(`## Page faults of one run (${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, node ${process.version}, ${runs} runs, medians)\n`);
console.log(`Fresh memory: ${median(touches.map((t) => t.faults))} faults for 16 MB, ${f2(median(perPage))} µs a page (${perPage.map(f2).join(" · ")}), ${f1(median(touches.map((t) => t.sys)))} ms of it in the kernel; the same pages again ${f2(median(touches.map((t) => t.again)))} ms.\n`);
console.log("| point | time | faults | new · old · code · large objects (MB) | RSS |");
console.log("| --- | ---: | ---: | --- | ---: |");
for (let p = 0; p < names.length; p++) {
  const ms = median(phases.map((r) => r[p].ms - (p ? r[p - 1].ms : 0)));
  const faults = median(phases.map((r) => r[p].faults - (p ? r[p - 1].faults : 0)));
  const s = phases[(runs - 1) >> 1][p].space;
  const large = (s.large_object ?? 0) + (s.new_large_object ?? 0);
  console.log(`| ${names[p]} | ${p ? "+" : ""}${f1(ms)} ms | ${p ? "+" : ""}${faults} | ${f1(s.new ?? 0)} · ${f1(s.old ?? 0)} · ${f1(s.code ?? 0)} · ${f1(large)} | ${f1(median(phases.map((r) => r[p].rss)))} MB |`);
}
const aloneFaults = median(alone.map((a) => a.faults));
console.log(`| \`node -e 0\`, at its exit | ${f1(median(alone.map((a) => a.ms)))} ms | ${aloneFaults} | | |`);
const extra = median(phases.map((r) => r[2].faults)) - aloneFaults;
console.log(`\nThe run's faults beyond Node's own: ${extra}, ~${Math.round((extra * median(perPage)) / 1000)} ms at ${f2(median(perPage))} µs a page.`);
