import { describe, expect, it } from "vitest";
import { PoolSizer, type CpuTimes } from "../../src/batch/sizing.js";

/**
 * A machine of `cores` cores whose idle share of each interval is given by `idle(workers)` (in cores):
 * each finished package advances its clock by `step` ms per core. Returns how many workers the batch
 * ends with after `packages` packages.
 */
function simulate(cores: number, max: number, packages: number, idle: (workers: number) => number, step = 100, batch = packages): number {
  let t: CpuTimes = { idle: 0, total: 0 };
  let clock = 0;
  let workers = 1;
  const sizer = new PoolSizer(max, cores, () => t, () => clock);
  for (let i = 0; i < packages; i++) {
    t = { idle: t.idle + idle(workers) * step, total: t.total + cores * step };
    clock += step / workers;
    if (sizer.done(batch - i - 1)) workers++;
  }
  return workers;
}

describe("the number of batch workers, measured", () => {
  it("an idle 2-core machine: a second worker (one core idle beside the first)", () => {
    expect(simulate(2, 2, 100, (n) => 2 - n)).toBe(2);
  });

  it("a 2-core machine already busy: one worker", () => {
    expect(simulate(2, 2, 100, () => 0.1)).toBe(1);
    expect(simulate(2, 2, 100, (n) => (n === 1 ? 0.5 : 0))).toBe(1);
  });

  it("grows while whole cores stay idle, up to the cores the process may use", () => {
    expect(simulate(8, 8, 100, (n) => Math.max(0, 5 - n))).toBe(5); // 3 cores busy elsewhere
    expect(simulate(8, 3, 100, (n) => 8 - n)).toBe(3);
  });

  it("judges no interval shorter than 200 ms per core (noise), and never grows with one core", () => {
    // 50 ms per package, a batch of 1,000: the second package ends 100 ms per core in (too short to judge), the fourth 200.
    expect(simulate(2, 2, 3, (n) => 2 - n, 50, 1000)).toBe(1);
    expect(simulate(2, 2, 4, (n) => 2 - n, 50, 1000)).toBe(2);
    expect(simulate(1, 1, 100, () => 1)).toBe(1);
  });

  it("a core freed for good later in a long batch is used; one idle for a moment is not", () => {
    // Busy for the first 300 packages (of 100 ms), then one core free for good.
    let n = 0;
    expect(simulate(2, 2, 1000, (w) => (n++ < 300 ? 0.2 : 2 - w))).toBe(2);
    // Busy, but for one package in every 50 another program leaves a whole core idle: never a second worker.
    let m = 0;
    expect(simulate(2, 2, 1000, (w) => (m++ % 50 === 0 ? 2 - w : 0.1))).toBe(1);
  });

  it("starts no worker for less than two seconds of work left at the pace measured (an idle machine)", () => {
    expect(simulate(2, 2, 21, (n) => 2 - n, 100)).toBe(1); // 19 packages of 100 ms left at the first look
    expect(simulate(2, 2, 23, (n) => 2 - n, 100)).toBe(2); // 21 left: 2.1 s
    expect(simulate(2, 2, 40, (n) => 2 - n, 40)).toBe(1); // 40 documents of 40 ms: a second worker would not pay
  });
});
