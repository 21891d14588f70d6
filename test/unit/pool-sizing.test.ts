import { describe, expect, it } from "vitest";
import { PoolSizer, type CpuTimes } from "../../src/batch/sizing.js";
import { firstOldLimitMb, PACKAGES_PER_CORE_TO_FILL, workersCompileInline } from "../../src/batch/pool.js";

/** What a machine's cores do during an interval, in cores: busy with other programs, and used by this process. */
interface Load {
  others: number;
  own: number;
}

/**
 * A machine of `cores` cores loaded, while the batch runs `workers` workers, as `load(workers)` says
 * (idle: what other programs and the process leave); each finished package advances its clock by
 * `step` ms per core. Returns how many workers the batch ends with after `packages` packages.
 */
function simulate(cores: number, max: number, packages: number, load: (workers: number) => Load, step = 100, batch = packages): number {
  let t: CpuTimes = { idle: 0, total: 0, own: 0 };
  let clock = 0;
  let workers = 1;
  const sizer = new PoolSizer(max, cores, () => t, () => clock);
  for (let i = 0; i < packages; i++) {
    const { others, own } = load(workers);
    t = { idle: t.idle + Math.max(0, cores - others - own) * step, total: t.total + cores * step, own: t.own + own * step };
    clock += step / workers;
    if (sizer.done(batch - i - 1)) workers++;
  }
  return workers;
}

/** A machine nothing else runs on, each worker using a whole core. */
const alone = (n: number): Load => ({ others: 0, own: n });

describe("the number of batch workers, measured", () => {
  it("an idle 2-core machine: a second worker (one core idle beside the first)", () => {
    expect(simulate(2, 2, 100, alone)).toBe(2);
  });

  it("an idle 2-core machine whose first worker's compiler and collector threads keep the second core 40% busy: still a second worker", () => {
    // Measured on the 1,000-document corpus: one worker thread plus V8's background threads used ~1.4 cores.
    expect(simulate(2, 2, 100, (n) => ({ others: 0, own: Math.min(2, n * 1.4) }))).toBe(2);
  });

  it("a 2-core machine already busy with other programs: one worker", () => {
    expect(simulate(2, 2, 100, () => ({ others: 0.9, own: 1 }))).toBe(1);
    // Another program wanting a whole core shares the machine with the worker and its background threads.
    expect(simulate(2, 2, 100, () => ({ others: 0.7, own: 1.3 }))).toBe(1);
    expect(simulate(2, 2, 100, () => ({ others: 0.5, own: 1 }))).toBe(1);
  });

  it("grows while whole cores stay free of other programs, up to the cores the process may use", () => {
    expect(simulate(8, 8, 100, (n) => ({ others: 3, own: Math.min(5, n) }))).toBe(5); // 3 cores busy elsewhere
    expect(simulate(8, 8, 100, (n) => ({ others: 3, own: Math.min(5, n * 1.3) }))).toBe(5); // the same, the workers' own threads using more
    expect(simulate(8, 3, 100, alone)).toBe(3);
  });

  it("a process clock sampled apart from the machine's (own above the machine's busy time) counts no core as busy elsewhere", () => {
    expect(simulate(2, 2, 100, () => ({ others: -0.2, own: 1.2 }))).toBe(2);
  });

  it("judges no interval shorter than 200 ms per core (noise), and never grows with one core", () => {
    // 50 ms per package, a batch of 1,000: the second package ends 100 ms per core in (too short to judge), the fourth 200.
    expect(simulate(2, 2, 3, alone, 50, 1000)).toBe(1);
    expect(simulate(2, 2, 4, alone, 50, 1000)).toBe(2);
    expect(simulate(1, 1, 100, alone)).toBe(1);
  });

  it("a core freed for good later in a long batch is used; one idle for a moment is not", () => {
    // Busy for the first 300 packages (of 100 ms), then one core free for good.
    let n = 0;
    expect(simulate(2, 2, 1000, (w) => (n++ < 300 ? { others: 0.8, own: 1 } : alone(w)))).toBe(2);
    // Busy, but for one package in every 50 another program leaves a whole core idle: never a second worker.
    let m = 0;
    expect(simulate(2, 2, 1000, (w) => (m++ % 50 === 0 ? alone(w) : { others: 0.9, own: 1 }))).toBe(1);
  });

  it("starts no worker for less than two seconds of work left at the pace measured (an idle machine)", () => {
    expect(simulate(2, 2, 21, alone, 100)).toBe(1); // 19 packages of 100 ms left at the first look
    expect(simulate(2, 2, 23, alone, 100)).toBe(2); // 21 left: 2.1 s
    expect(simulate(2, 2, 40, alone, 40)).toBe(1); // 40 documents of 40 ms: a second worker would not pay
  });
});

describe("where a batch's workers compile their optimised code", () => {
  it("on their own thread when the workers fill every core: BUDGET_CHECK_WORKERS at or above the cores", () => {
    expect(workersCompileInline(1000, 2, 2)).toBe(true);
    expect(workersCompileInline(1000, 4, 2)).toBe(true);
    expect(workersCompileInline(1000, 1, 1)).toBe(true);
  });

  it("on V8's compiler threads when a core is left over: fewer workers than cores, or fewer packages than workers", () => {
    expect(workersCompileInline(1000, 1, 2)).toBe(false);
    expect(workersCompileInline(1000, 3, 8)).toBe(false);
    expect(workersCompileInline(1, 2, 2)).toBe(false); // one package: one worker
  });

  it("without BUDGET_CHECK_WORKERS: on their own thread once the batch is large enough to fill the cores", () => {
    expect(workersCompileInline(PACKAGES_PER_CORE_TO_FILL * 2, null, 2)).toBe(true);
    expect(workersCompileInline(1000, null, 2)).toBe(true);
    // A small batch stays on one worker (batch/sizing.ts): the idle core compiles for it.
    expect(workersCompileInline(PACKAGES_PER_CORE_TO_FILL * 2 - 1, null, 2)).toBe(false);
    expect(workersCompileInline(50, null, 2)).toBe(false);
    expect(workersCompileInline(1000, null, 32)).toBe(false);
    // One core: no core is ever left over.
    expect(workersCompileInline(2, null, 1)).toBe(true);
  });
});

// A warm worker keeps ~10 MB of old generation from one document to the next; the first limit is what its old
// generation grows to before V8 collects it. 56 MB (until round 57) let each worker's old space swing up to ~37 MB,
// nearly all garbage; 36 MB holds it at ~17-23 MB at no measurable CPU (docs/performance.md, "Peak RSS and the
// number of documents").
describe("the first limit of a worker's old generation", () => {
  it("is 36 MB with the default worker heap (512 MB)", () => {
    expect(firstOldLimitMb(512)).toBe(36);
  });

  it("is at most half the worker's heap (BUDGET_CHECK_WORKER_HEAP_MB)", () => {
    expect(firstOldLimitMb(48)).toBe(24);
    expect(firstOldLimitMb(72)).toBe(36);
    expect(firstOldLimitMb(16)).toBe(8);
  });
});
