#!/usr/bin/env node
// node scripts/thread-cpu.mjs <command> [args...]
// Runs a command and prints the CPU time of each of its threads (Linux: /proc/<pid>/task/*/stat, read
// every 50 ms; the last reading before the thread ended), in the order the threads were started. For a
// budget-check batch: the main thread first, then V8's platform threads (compiler jobs, the parallel
// scavenger, concurrent marking and sweeping), libuv's pool, then one thread per batch worker. Used for
// docs/performance.md ("Fourth pass"): which thread the CPU of a batch goes to.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

const [cmd, ...argv] = process.argv.slice(2);
if (!cmd) {
  console.error("usage: node scripts/thread-cpu.mjs <command> [args...]");
  process.exit(2);
}
const TICK = 100; // USER_HZ: clock ticks per second on Linux
const child = spawn(cmd, argv, { stdio: ["ignore", "ignore", "inherit"] });
const threads = new Map(); // tid -> { user, system } in ticks

function sample() {
  let tids;
  try {
    tids = readdirSync(`/proc/${child.pid}/task`);
  } catch {
    return;
  }
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/${child.pid}/task/${tid}/stat`, "utf8");
      // Fields after the command name in parentheses: state is field 3, utime 14, stime 15.
      const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      threads.set(Number(tid), { user: Number(rest[11]), system: Number(rest[12]) });
    } catch {
      // the thread ended between the listing and the read
    }
  }
}

const timer = setInterval(sample, 50);
const t0 = process.hrtime.bigint();
child.on("exit", (code) => {
  clearInterval(timer);
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const rows = [...threads].sort((a, b) => a[0] - b[0]);
  let total = 0;
  console.log("| thread | CPU s (user + system) |\n| --- | --- |");
  for (const [tid, t] of rows) {
    const s = (t.user + t.system) / TICK;
    total += s;
    if (s > 0) console.log(`| ${tid === child.pid ? `${tid} (main)` : tid} | ${s.toFixed(2)} |`);
  }
  console.log(`| all threads | ${total.toFixed(2)} |`);
  console.log(`\nwall ${wall.toFixed(2)} s, exit ${code}`);
});
