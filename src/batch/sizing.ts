import { cpus } from "node:os";

/**
 * How many worker threads a batch uses, measured rather than assumed (docs/performance.md): another
 * worker only helps when a core is idle for it. On a small or shared machine whose cores are already
 * busy it costs CPU (its own module loading and warm-up, garbage collection, a third thread beside the
 * main one) without finishing the batch sooner. So a batch starts on one worker, and each time a
 * package finishes, the idle CPU time of the machine since the last look (/proc/stat through
 * os.cpus(), with the batch's own workers running) says whether a whole core is still free: then one
 * more worker starts, up to the cores the process may use. Once a look finds no free core, the count
 * stays.
 */
export interface CpuTimes {
  idle: number;
  total: number;
}

/** The machine's CPU time so far, idle and total (ms, summed over its cores). */
export function machineCpuTimes(): CpuTimes {
  let idle = 0;
  let total = 0;
  for (const c of cpus()) {
    idle += c.times.idle;
    total += c.times.idle + c.times.user + c.times.nice + c.times.sys + c.times.irq;
  }
  return { idle, total };
}

/** Idle cores' worth of time a new worker needs to find before it is started. */
export const FREE_CORE = 0.75;

/** The shortest interval (ms of machine CPU time per core) a look may judge: shorter ones are noise. */
const MIN_SPAN = 200;

export class PoolSizer {
  private workers = 1;
  private last: CpuTimes;
  private settled: boolean;

  constructor(
    private readonly max: number,
    private readonly cores: number = cpus().length,
    private readonly times: () => CpuTimes = machineCpuTimes,
  ) {
    this.last = times();
    this.settled = max <= 1;
  }

  /** A package finished: true when one more worker should start now. */
  done(): boolean {
    if (this.settled) return false;
    const now = this.times();
    const total = now.total - this.last.total;
    if (total < MIN_SPAN * this.cores) return false;
    const idleCores = ((now.idle - this.last.idle) / total) * this.cores;
    this.last = now;
    if (idleCores < FREE_CORE) {
      this.settled = true;
      return false;
    }
    this.workers++;
    if (this.workers >= this.max) this.settled = true;
    return true;
  }
}
