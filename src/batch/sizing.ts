import { cpus } from "node:os";

/**
 * How many worker threads a batch uses, measured rather than assumed (docs/performance.md): another
 * worker only helps when a core is free for it. On a small or shared machine whose cores are already
 * busy it costs CPU (its own module loading and warm-up, garbage collection, a third thread beside the
 * main one) without finishing the batch sooner. So a batch starts on one worker, and each time a
 * package finishes, the CPU time of the machine since the last look (/proc/stat through os.cpus())
 * less this process's own (process.cpuUsage(): its workers, and V8's compiler and collector threads,
 * which on a 2-core machine keep ~0.4 of the second core busy beside one worker) says how many cores
 * other programs leave; when a whole core is left beyond one per running worker, one more worker
 * starts, up to the cores the process may use. A look that finds no free core keeps the count, and the
 * next look judges a longer interval (a second per core: a core freed for a moment by another program
 * is not a free core), so that a core freed for good later in a long batch is still used. Workers are
 * never stopped. A worker is not worth starting for little work: its own start and its first, slow
 * documents (before V8 has optimised the code) cost about a second, so one more starts only while the
 * packages left would take the running workers at least WORTH_STARTING ms at the pace measured since
 * the first package finished (a 40-document batch is done before a second worker would have paid for
 * itself).
 */
export interface CpuTimes {
  /** The machine's idle CPU time (ms, summed over its cores). */
  idle: number;
  /** The machine's CPU time, idle or not (ms, summed over its cores). */
  total: number;
  /** The CPU time this process has used, all its threads (ms). */
  own: number;
}

/** The machine's CPU time so far, idle and total, and this process's own (ms, summed over cores). */
export function machineCpuTimes(): CpuTimes {
  let idle = 0;
  let total = 0;
  for (const c of cpus()) {
    idle += c.times.idle;
    total += c.times.idle + c.times.user + c.times.nice + c.times.sys + c.times.irq;
  }
  const usage = process.cpuUsage();
  return { idle, total, own: (usage.user + usage.system) / 1000 };
}

/** The share of a core other programs must leave free, beyond one per running worker, for one more worker to start. */
export const FREE_CORE = 0.75;

/** The shortest interval (ms of machine CPU time per core) a look may judge: shorter ones are noise. */
const MIN_SPAN = 200;

/** The interval a look judges after one that found no free core. */
const RELOOK_SPAN = 1000;

/** The least time (ms) the packages left must take for one more worker to be started. */
export const WORTH_STARTING = 2000;

export class PoolSizer {
  private workers = 1;
  private last: CpuTimes;
  private settled: boolean;

  private finished = 0;
  private span = MIN_SPAN;
  private firstDone = 0;

  constructor(
    private readonly max: number,
    private readonly cores: number = cpus().length,
    private readonly times: () => CpuTimes = machineCpuTimes,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.last = times();
    this.settled = max <= 1;
  }

  /** A package finished and `left` packages are not started yet: true when one more worker should start now. */
  done(left = Infinity): boolean {
    if (++this.finished === 1) this.firstDone = this.clock();
    if (this.settled) return false;
    // The pace since the first package finished (that one carried the worker's start): ms per package.
    if (this.finished < 2) return false;
    const pace = (this.clock() - this.firstDone) / (this.finished - 1);
    if (left * pace < WORTH_STARTING) {
      this.settled = true; // the work left only shrinks
      return false;
    }
    const now = this.times();
    const total = now.total - this.last.total;
    if (total < this.span * this.cores) return false;
    // Cores busy with other programs: the machine's busy time less this process's own (clock ticks of
    // the two sources are sampled apart, hence never below 0).
    const othersBusy = Math.max(0, total - (now.idle - this.last.idle) - (now.own - this.last.own)) / total * this.cores;
    this.last = now;
    if (this.cores - othersBusy - this.workers < FREE_CORE) {
      this.span = RELOOK_SPAN;
      return false;
    }
    this.workers++;
    if (this.workers >= this.max) this.settled = true;
    return true;
  }
}
