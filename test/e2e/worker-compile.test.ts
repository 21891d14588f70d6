import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateCorpus } from "../../scripts/lib/synthetic.mjs";
import { ROOT, SEED } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

// When a batch's workers fill every core, they compile their optimised code on their own thread rather
// than on V8's compiler threads (src/batch/pool.ts, workersCompileInline); with a core left over, V8's
// compiler threads do it. Seen in V8's --trace-opt, which prints each compile's mode ("mode:
// ConcurrencyMode::kSynchronous"): a count of compiles, not a timing. The cores are fixed with taskset (the
// process's CPU affinity, which is what Node's availableParallelism reads), so the test means the same on
// any machine with two cores or more.

/** The first two CPUs this process may run on, as taskset takes them; null when taskset or a second CPU is missing. */
function twoCpus(): string | null {
  if (process.platform !== "linux" || spawnSync("taskset", ["-c", "0", "true"]).error) return null;
  const line = /^Cpus_allowed_list:\s*(\S+)/m.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
  if (!line) return null;
  const cpus = line.split(",").flatMap((r) => {
    const [a, b = a] = r.split("-").map(Number);
    return Array.from({ length: b - a + 1 }, (_, i) => a + i);
  });
  return cpus.length >= 2 ? `${cpus[0]},${cpus[1]}` : null;
}
const cpus = twoCpus();

describe("where a batch's workers compile", () => {
  it.skipIf(!cpus)("on their own thread when two workers fill two cores, on V8's compiler threads when one leaves a core free; the reports are the same (skipped without taskset and two CPUs)", { timeout: 120_000 }, async () => {
    const dir = tempDir("worker-compile");
    const seedText = readFileSync(join(ROOT, SEED), "utf8");
    await generateCorpus({ seedText, n: 12, dir: join(dir, "in"), forms: ["text"] });
    const preload = join(dir, "trace-opt.cjs");
    writeFileSync(preload, 'require("node:v8").setFlagsFromString("--trace-opt");\n');
    const run = (workers: number) => {
      const out = join(dir, `report-${workers}.json`);
      const r = spawnSync("taskset", ["-c", cpus!, process.execPath, "-r", preload, join(ROOT, "bin", "budget-check.js"), join(dir, "in"), "--format", "json", "--output", out], {
        encoding: "utf8",
        env: { ...process.env, NO_COLOR: "1", BUDGET_CHECK_WORKERS: String(workers) },
        maxBuffer: 1 << 26,
      });
      expect(r.status).toBe(1); // every 10th department has an injected error
      const compiles = r.stdout.split("\n").filter((l) => l.startsWith("[compiling method"));
      return { compiles, synchronous: compiles.filter((l) => l.includes("ConcurrencyMode::kSynchronous")).length, report: readFileSync(out, "utf8") };
    };
    const two = run(2);
    const one = run(1);
    // Two workers on two cores: the workers' compiles (hundreds) are synchronous; the main thread's few are not.
    expect(two.synchronous).toBeGreaterThan(50);
    // One worker on two cores: every compile is handed to V8's compiler threads (the trace is there: there are compiles).
    expect(one.compiles.length).toBeGreaterThan(50);
    expect(one.synchronous).toBe(0);
    expect(two.report).toBe(one.report);
  });
});
