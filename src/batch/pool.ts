import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { CheckOptions } from "../check.js";
import type { Package } from "../loaders/index.js";
import { failedReport, type DocumentReport } from "../report.js";
import { toWire } from "./options.js";
import type { Job } from "./worker.js";

/** Worker threads for a batch: BUDGET_CHECK_WORKERS when set, else one per core the process may use. */
export function poolSize(packages: number): number {
  const env = Number(process.env.BUDGET_CHECK_WORKERS);
  const cores = Number.isInteger(env) && env > 0 ? env : availableParallelism();
  return Math.max(1, Math.min(cores, packages));
}

/**
 * Heap limits per worker: with V8's defaults each worker let ~100 MB of garbage pile up before
 * collecting. With a 32 MB young generation and a 512 MB old one, peak RSS of a 150-department batch
 * on 2 workers went from ~290 MB to ~221 MB (CPU time within the noise of the measuring machine).
 * A package that exhausts 512 MB fails alone (see below); the batch goes on.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 32, maxOldGenerationSizeMb: 512 };

/**
 * Checks packages on a small pool of worker threads, one package per worker at a time. Results keep the
 * packages' order whatever finishes first; `onDone` sees each as it finishes (for progress).
 * A package whose check throws or kills its worker (a bug or a resource limit, not bad input) becomes a
 * failed report and the worker is replaced; the rest go on.
 */
export function checkInPool(pkgs: Package[], opts: CheckOptions, onDone?: (r: DocumentReport) => void): Promise<DocumentReport[]> {
  const results: DocumentReport[] = new Array(pkgs.length);
  const wire = toWire(opts);
  const workers = new Set<Worker>();
  let next = 0;
  let finished = 0;
  return new Promise((resolve) => {
    const finish = (index: number, report: DocumentReport) => {
      results[index] = report;
      onDone?.(report);
      if (++finished === pkgs.length) void Promise.all([...workers].map((w) => w.terminate())).then(() => resolve(results));
    };
    const internal = (index: number, message: string) => failedReport(pkgs[index].path, pkgs[index].kind, `internal error while checking: ${message}`, { file: pkgs[index].path });
    const start = () => {
      const w = new Worker(new URL("./worker.js", import.meta.url), { resourceLimits: WORKER_LIMITS });
      workers.add(w);
      let current = -1;
      const feed = () => {
        if (next >= pkgs.length) return;
        current = next++;
        const job: Job = { index: current, pkg: pkgs[current], opts: wire };
        w.postMessage(job);
      };
      w.on("message", (m: { index: number; report?: DocumentReport; error?: string }) => {
        current = -1;
        feed();
        finish(m.index, m.report ?? internal(m.index, m.error ?? "unknown"));
      });
      w.on("error", (e) => {
        workers.delete(w);
        if (current < 0) return;
        const index = current;
        current = -1;
        if (next < pkgs.length) start();
        finish(index, internal(index, e.message));
      });
      feed();
    };
    for (let i = 0; i < poolSize(pkgs.length); i++) start();
  });
}
