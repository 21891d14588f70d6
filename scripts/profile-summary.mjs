#!/usr/bin/env node
// Summarises a V8 CPU profile (node --cpu-prof): the functions with the most self time, and the
// functions with the most total time (self + callees, each sample counted once per function).
//   node scripts/profile-summary.mjs <file.cpuprofile> [--top 30] [--match <text>] [--under <text>]
// With --match, only the total-time table is narrowed to the functions whose name (with file:line)
// contains the text; with --under, both tables count only the samples taken inside such a function. The "(garbage
// collector)", "(program)" and "(idle)" entries are V8's own.
import { readFileSync } from "node:fs";
import { basename } from "node:path";

const args = process.argv.slice(2);
const file = args[0];
const opt = (name, d) => (args.includes(name) ? args[args.indexOf(name) + 1] : d);
const top = Number(opt("--top", "30"));
const match = opt("--match", null);
const under = opt("--under", null);
if (!file) {
  console.error("usage: profile-summary.mjs <file.cpuprofile> [--top 30] [--match text]");
  process.exit(2);
}
const prof = JSON.parse(readFileSync(file, "utf8"));
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const name = (n) => {
  const f = n.callFrame;
  const where = f.url ? `${basename(f.url)}:${f.lineNumber + 1}` : "";
  return `${f.functionName || "(anonymous)"} ${where}`.trim();
};
// Time of each sample: the delta to the next one.
const dt = prof.timeDeltas;
const self = new Map();
const total = new Map();
let all = 0;
for (let i = 0; i < prof.samples.length; i++) {
  const t = (dt[i + 1] ?? 0) / 1000;
  all += t;
  let id = prof.samples[i];
  if (under) {
    let inside = false;
    for (let u = id; u !== undefined && !inside; u = parent.get(u)) inside = name(byId.get(u)).includes(under);
    if (!inside) continue;
  }
  const k = name(byId.get(id));
  self.set(k, (self.get(k) ?? 0) + t);
  const seen = new Set();
  while (id !== undefined) {
    const key = name(byId.get(id));
    if (!seen.has(key)) {
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + t);
    }
    id = parent.get(id);
  }
}
const idle = self.get("(idle)") ?? 0;
const busy = under ? [...self.values()].reduce((a, b) => a + b, 0) : all - idle;
const pct = (t) => `${((100 * t) / busy).toFixed(1).padStart(5)}%`;
const table = (m, filter) =>
  [...m]
    .filter(([k]) => !filter || k.includes(filter))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, t]) => `${pct(t)} ${t.toFixed(0).padStart(7)} ms  ${k}`)
    .join("\n");
console.log(`${basename(file)}${under ? ` inside ${under}` : ""}: ${busy.toFixed(0)} ms busy (${idle.toFixed(0)} ms idle), ${prof.samples.length} samples`);
console.log(`\nself time, top ${top}:\n${table(self)}`);
console.log(`\ntotal time, top ${top}${match ? ` matching ${match}` : ""}:\n${table(total, match)}`);
