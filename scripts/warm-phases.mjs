#!/usr/bin/env node
// What one more document costs a warm thread, step by step: the steps of checkPackage (load, the
// engine's rules one by one, the diagnosis, the report, its JSON Lines text) timed in one thread on a
// synthetic corpus, after a warm-up; and the collections V8 made meanwhile (perf_hooks "gc" entries:
// the pauses on this thread; the collector's helper threads are in the CPU time, not in the pauses).
// Exit 1 when these steps no longer give the report checkPackage gives. Not part of `npm run bench` (docs/performance.md, "Twelfth pass", is where its figures are recorded).
//
//   node scripts/warm-phases.mjs [--n 1000] [--warm 500] [--dir <folder of documents>] [--pretenure]
//
// With --expose-gc before the script, each document begins as in a batch worker: with a scavenge when the
// young generation is more than half full (src/batch/between-documents.ts), timed as a step of its own.
// --n documents are generated into a temporary folder from the seed (scripts/lib/synthetic.mjs) unless
// --dir names a folder of them; the first --warm are checked to warm the thread up, the rest measured.
// Needs the built dist/ (npm run build). Node flags (e.g. --max-semi-space-size) go before the script.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PerformanceObserver, performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { checkPackage, collectBetweenDocuments, diagnose, forgetClaims, documentReport, emptyLog, findPackages, loadPackage, notCheckedRules, rules, runRules, streams } from "../dist/lib/index.js";
import { generateCorpus } from "./lib/synthetic.mjs";

const ROOT = join(fileURLToPath(import.meta.url), "..", "..");
// As in a batch worker (src/batch/pool.ts): V8 does not pretenure, whose guesses kept each checked
// document's objects in the old generation until a full collection. `--pretenure` leaves V8's default.
if (!process.argv.includes("--pretenure")) setFlagsFromString("--no-allocation-site-pretenuring");
const args = process.argv.slice(2);
const opt = (name, d) => (args.includes(name) ? args[args.indexOf(name) + 1] : d);
const n = Number(opt("--n", "1000"));
const warm = Number(opt("--warm", "500"));
let dir = opt("--dir", null);
let made = null;
if (!dir) {
  made = dir = mkdtempSync(join(tmpdir(), "warm-phases-"));
  await generateCorpus({ seedText: readFileSync(join(ROOT, "fixtures", "shenzhen-sast-2023", "document.md"), "utf8"), n, dir, forms: ["text"] });
}
const pkgs = findPackages(dir);
if (pkgs.length <= warm) {
  if (made) rmSync(made, { recursive: true, force: true });
  console.error(`warm-phases: ${dir} holds ${pkgs.length} documents; --warm ${warm} leaves none to measure`);
  process.exit(2);
}

// Each rule's check timed on its own (the engine skips disabled rules and rules whose tables are missing).
const ruleMs = new Map();
const timed = rules.map((r) => ({
  ...r,
  check(doc, ctx) {
    const t = performance.now();
    r.check(doc, ctx);
    ruleMs.set(r.id, (ruleMs.get(r.id) ?? 0) + performance.now() - t);
  },
}));
const between = typeof globalThis.gc === "function";
const steps = { ...(between ? { "scavenge between documents": 0 } : {}), load: 0, rules: 0, diagnosis: 0, report: 0, "JSON text": 0 };
const gc = { count: 0, ms: 0, minor: 0, major: 0 };
// Entries arrive after the loop (it never yields to the event loop): counted by when they started.
let from = Infinity;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    if (e.startTime < from) continue;
    gc.count++;
    gc.ms += e.duration;
    // NODE_PERFORMANCE_GC_MINOR = 1 (scavenge), _MAJOR = 4 (mark-compact), _INCREMENTAL = 8, _WEAKCB = 16
    if (e.detail?.kind === 1) gc.minor++;
    else gc.major++;
  }
}).observe({ entryTypes: ["gc"] });

const opts = { tolerance: { kind: "auto" }, severities: {}, lang: "en" };
let last = "";
// The diagnosis runs after the engine's rules (checkDocument), at its rule's default severity.
const diagnosisSeverity = rules.find((r) => r.id === "diagnosis").defaultSeverity;
/**
 * One document's steps: those of checkPackage (src/check.ts) for a document without a configuration file
 * or --previous. A function of its own, as a worker's job is: once it returns, nothing of the document is
 * referenced (locals of the loop below would keep the last document alive into the next one's scavenge).
 */
async function checkOne(pkg) {
  let t = performance.now();
  const doc = await loadPackage(pkg, {});
  let u = performance.now();
  steps.load += u - t;
  const log = emptyLog();
  const findings = runRules(doc, timed, { ...opts, log });
  t = performance.now();
  steps.rules += t - u;
  const found = await diagnose(doc, findings, log, { lang: "en", severity: diagnosisSeverity, seconds: 10 });
  u = performance.now();
  steps.diagnosis += u - t;
  const report = documentReport(pkg.path, doc, [...findings, ...found], notCheckedRules(doc, rules, () => true, "en"));
  forgetClaims(doc);
  t = performance.now();
  steps.report += t - u;
  const text = streams.jsonl.document(report);
  u = performance.now();
  steps["JSON text"] += u - t;
  return text;
}

let cpu0 = process.cpuUsage();
let wall0 = performance.now();
for (let i = 0; i < pkgs.length; i++) {
  if (i === warm) {
    for (const k in steps) steps[k] = 0;
    ruleMs.clear();
    cpu0 = process.cpuUsage();
    wall0 = from = performance.now();
  }
  if (between) {
    const t = performance.now();
    collectBetweenDocuments();
    steps["scavenge between documents"] += performance.now() - t;
  }
  const text = await checkOne(pkgs[i]);
  if (i === pkgs.length - 1) last = text;
}
const measured = pkgs.length - warm;
const cpu = process.cpuUsage(cpu0);
const wall = performance.now() - wall0;
await new Promise((r) => setTimeout(r, 100)); // the gc entries
const ms = (x) => (x / measured).toFixed(3).padStart(7);
console.log(`${measured} documents measured after ${warm} (node ${process.version}, ${process.execArgv.join(" ") || "no flags"}; ${process.argv.includes("--pretenure") ? "V8 pretenures" : "no pretenuring, as a worker"})`);
console.log(`per document: wall ${ms(wall)} ms, CPU of the process ${ms((cpu.user + cpu.system) / 1000)} ms`);
console.log(`collections on this thread: ${(gc.minor / measured).toFixed(2)} scavenges and ${(gc.major / measured).toFixed(3)} others a document, pauses ${ms(gc.ms)} ms`);
console.log("\n| step | ms per document |\n| --- | ---: |");
for (const [k, v] of Object.entries(steps)) console.log(`| ${k} | ${ms(v)} |`);
console.log("\n| rule | ms per document |\n| --- | ---: |");
for (const [k, v] of [...ruleMs].sort((a, b) => b[1] - a[1])) console.log(`| ${k} | ${ms(v)} |`);
// The steps above must be what a worker runs, or their times describe something else: the last
// document's text, against checkPackage's.
const whole = streams.jsonl.document(await checkPackage(pkgs[pkgs.length - 1], opts));
if (made) rmSync(made, { recursive: true, force: true });
if (whole !== last) {
  console.error("warm-phases: the steps timed here no longer give checkPackage's report (src/check.ts changed): update this script");
  process.exit(1);
}
