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
 * Checks packages on a small pool of worker threads, one package per worker at a time. Results keep the
 * packages' order whatever finishes first; `onDone` sees each as it finishes (for progress).
 * A package whose check throws (a bug, not bad input) becomes a failed report; the rest go on.
 */
export function checkInPool(pkgs: Package[], opts: CheckOptions, onDone?: (r: DocumentReport) => void): Promise<DocumentReport[]> {
  const results: DocumentReport[] = new Array(pkgs.length);
  const wire = toWire(opts);
  let next = 0;
  let finished = 0;
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    const stop = () => Promise.all(workers.map((w) => w.terminate()));
    const feed = (w: Worker) => {
      if (next >= pkgs.length) return;
      const job: Job = { index: next, pkg: pkgs[next], opts: wire };
      next++;
      w.postMessage(job);
    };
    for (let i = 0; i < poolSize(pkgs.length); i++) {
      const w = new Worker(new URL("./worker.js", import.meta.url));
      w.on("message", (m: { index: number; report?: DocumentReport; error?: string }) => {
        const pkg = pkgs[m.index];
        results[m.index] = m.report ?? failedReport(pkg.path, pkg.kind, `internal error while checking: ${m.error}`, { file: pkg.path });
        onDone?.(results[m.index]);
        if (++finished === pkgs.length) void stop().then(() => resolve(results));
        else feed(w);
      });
      w.on("error", (e) => void stop().then(() => reject(e)));
      workers.push(w);
      feed(w);
    }
  });
}
