import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../../scripts/lib/synthetic.mjs";
import { ROOT, SEED } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

// How a batch worker's heap is collected, counted with V8's --trace-gc (each collection is one line,
// with its reason at the end): counts of collections, not timings. 300 documents on one worker.
describe("a batch worker's heap", () => {
  let worker: string[] = [];

  beforeAll(async () => {
    const dir = tempDir("worker-heap");
    const seedText = readFileSync(join(ROOT, SEED), "utf8");
    await generateCorpus({ seedText, n: 300, dir: join(dir, "in"), forms: ["text"] });
    const preload = join(dir, "trace-gc.cjs");
    writeFileSync(preload, 'require("node:v8").setFlagsFromString("--trace-gc");\n');
    const r = spawnSync(process.execPath, ["-r", preload, join(ROOT, "bin", "budget-check.js"), join(dir, "in"), "--format", "json", "--output", join(dir, "report.json")], {
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", BUDGET_CHECK_WORKERS: "1" },
      maxBuffer: 1 << 26,
    });
    expect(r.status).toBe(1); // every 10th department has an injected error
    // Each trace line begins with "[pid:isolate]"; the worker is the isolate that collects most (the main
    // thread only reads files and writes the report).
    const byIsolate = new Map<string, string[]>();
    for (const l of r.stdout.split("\n")) {
      const isolate = /^\[\d+:(0x[0-9a-f]+)\]/.exec(l)?.[1];
      if (isolate) byIsolate.set(isolate, [...(byIsolate.get(isolate) ?? []), l]);
    }
    worker = [...byIsolate.values()].sort((a, b) => b.length - a.length)[0] ?? [];
    expect(worker.filter((l) => l.includes("Scavenge")).length).toBeGreaterThan(50); // the trace is there: the documents were checked
  }, 120_000);

  // A worker keeps ~16-20 MB from one document to the next. V8 sets the next full collection's limit from
  // what survived the last one, so without a first limit of its own (src/batch/pool.ts) a worker collected
  // its whole old generation every ~10 documents: 107 full collections for 1,000 documents, about a fifth
  // of the batch's CPU.
  it("is not collected in full every few documents", () => {
    // "Mark-Compact 51.7 (83.4) -> 11.7 (77.6) MB": the heap (MB) when the collection began.
    const before = worker.flatMap((l) => /Mark-Compact ([\d.]+) \(/.exec(l)?.[1] ?? []).map(Number);
    // Measured for 300 documents: 1-7 collections, each at 45-65 MB, with the first limit; without it 9-24,
    // most at 15-40 MB.
    expect(before.length).toBeLessThanOrEqual(10);
    expect(before.filter((mb) => mb < 40).length).toBeLessThanOrEqual(1);
  });

  // Between two documents the last one is dead, so a scavenge there copies little; in the middle of one it
  // copies most of that document (src/batch/between-documents.ts). V8 gives the reason of a scavenge the
  // worker asked for as "testing" (its gc function), of one it made when the young generation filled up
  // as "allocation failure".
  it("is scavenged between documents, not in the middle of one", () => {
    const scavenges = worker.filter((l) => l.includes("Scavenge"));
    const between = scavenges.filter((l) => /\btesting; *$/.test(l)).length;
    const full = scavenges.filter((l) => /\ballocation failure; *$/.test(l)).length;
    // Measured for 300 documents: ~150 between documents (one every second document), ~10 when full,
    // nearly all while the worker loads and checks its first documents. Before: none between, ~115 when full.
    expect(between).toBeGreaterThan(100);
    expect(full).toBeLessThan(between / 5);
  });
});
