import { fileURLToPath } from "node:url";
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { CheckOptions } from "../check.js";
import type { Package } from "../loaders/index.js";
import type { StreamFormat } from "../reporters/json.js";
import { failedReport, type DocumentReport } from "../report.js";
import { toWire } from "./options.js";
import { PoolSizer } from "./sizing.js";
import { setV8Flags, v8FlagsSet } from "./v8-flags.js";
import type { Job, JobResult, Recycle } from "./worker.js";
import { mapArray } from "../util/arrays.js";

/** BUDGET_CHECK_WORKERS when set to a positive integer: that many workers, no measuring. */
function fixedWorkers(): number | null {
  const env = Number(process.env.BUDGET_CHECK_WORKERS);
  return Number.isInteger(env) && env > 0 ? env : null;
}

/** The most worker threads a batch may use: BUDGET_CHECK_WORKERS when set, else one per core the process may use. */
export function poolSize(packages: number): number {
  return Math.max(1, Math.min(fixedWorkers() ?? availableParallelism(), packages));
}

/**
 * Heap limits per worker: with V8's defaults each worker let ~100 MB of garbage pile up before
 * collecting. With a 32 MB young generation and a 512 MB old one, peak RSS of a 150-department batch
 * on 2 workers went from ~290 MB to ~221 MB (CPU time within the noise of the measuring machine).
 * A package that exhausts 512 MB fails alone (see below); the batch goes on.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 32, maxOldGenerationSizeMb: workerHeapMb() };

/**
 * The old generation's first collection limit in each worker (MB). V8 sets a heap's next limit from what
 * survived the last full collection; a worker keeps only ~16-20 MB from one document to the next, so on
 * its own V8 collected the whole old generation every ~10 documents (107 full collections for 1,000
 * documents on one worker; the parallel marking and the scavenges that run beside it cost ~20% of a
 * batch's CPU). A first limit (56 MB until round 57, 36 since): a handful of full collections per 1,000
 * documents. Measured on 3,000 documents on two workers, paired (docs/performance.md, "Fourth
 * pass"): without a first limit CPU 64.5 s, peak RSS 216-228 MB; 48 MB 53.7 s, 239-245 MB; 56 MB
 * 51.0 s, 252-260 MB; 64 MB 49.6-51.4 s, 272-275 MB; 96 MB no faster than 64, 330-340 MB. 56 MB keeps
 * 10,000 documents at 280 MB (64 MB: 303-316).
 * Since the fifteenth pass (no pretenuring in the workers) a worker keeps ~10 MB of old generation from one
 * document to the next and each document promotes only ~15-30 kB, so the limit is what the old generation
 * grows to, garbage nearly all: with 56 MB each worker's old space swung between ~20 and ~37 MB, with 36 MB
 * between ~17 and ~23, V8's own (concurrent) full collections staying a few per 1,000 documents. Measured
 * 2026-12-07 (docs/performance.md, "Peak RSS and the number of documents"): 1,000 documents, paired, CPU 0.94
 * (4 pairs); peak RSS of two workers ~20-30 MB lower on 1,000, 3,000 and 20,000 documents, 2-26 MB on 10,000
 * (the table there).
 * Node's resourceLimits have no initial size and a
 * worker's execArgv takes no V8 flag: the flag is set in this process, where V8 reads it as each new
 * isolate (worker) is made; the main thread's heap, made before, is unchanged (batch/v8-flags.ts). At most
 * half the worker's limit (BUDGET_CHECK_WORKER_HEAP_MB).
 */
const WORKER_FIRST_LIMIT_MB = 36;

/**
 * TurboFan's inlining budget in the workers (the bytecode size inlined into one optimised function; V8's
 * default is 920). Each worker is an isolate of its own and optimises the same functions again, and with
 * V8's default the compiler threads were a third of a batch's CPU, compiling long after the warm-up (the
 * rules' large `check` functions took ~50 ms each to optimise). With 100: V8's own compile times over
 * 1,000 documents on one worker 7.5 -> 4.8 s, and on two workers, paired, the compiler and collector
 * threads 9.0-10.3 -> 6.5-7.5 s of CPU with the workers no slower (docs/performance.md, "Fifth pass").
 */
const WORKER_INLINING_BUDGET = 100;

/**
 * WebAssembly (the MILP solver, HiGHS, loaded by a worker whose document needs a diagnosis) compiled by
 * Liftoff only, V8's baseline compiler, without tiering hot functions up to TurboFan. With tiering, a
 * worker's first solve made V8 malloc ~65 MB of compiler zones and the process's RSS grew by ~110 MB for
 * 3.5 MB of WebAssembly (~25 MB with Liftoff only); the solves took as long either way (20 small programs:
 * 0.82 s tiered, 0.81 s Liftoff only; docs/performance.md, "Fifth pass").
 */
const WORKER_WASM_FLAGS = ["--liftoff-only"];

/**
 * V8's `gc` function in the workers' new contexts: a worker scavenges between two documents when its
 * young generation is more than half full, rather than in the middle of the next one, where most of that
 * document is alive and copied (batch/between-documents.ts). Only a context made after the flag has `gc`:
 * the main thread's, made before, does not.
 *
 * And no allocation-site pretenuring: V8 learns from the scavenges of a worker's first documents, made in
 * the middle of one while most of it is alive, that the objects of the model and of the engine survive, and
 * from then on allocates them in the old generation. There each checked document's identities lay dead
 * until a full collection, and through them each scavenge between documents kept the document's amounts
 * and text alive: ~0.65 MB promoted a scavenge instead of ~28 kB. Without it, on one worker, 1,000 documents
 * take 0.75 of the CPU (median of 6 pairs, 0.68-1.05: V8 does not start pretenuring in every run) and the
 * scavenges paused the worker 432 ms instead of 1,069 (docs/performance.md, "Fifteenth pass"). It changes
 * where objects are allocated, never what is computed.
 */
const WORKER_GC_FLAGS = ["--expose-gc", "--no-allocation-site-pretenuring"];

let flagsSet = false;
/** The first limit of a worker's old generation (MB): WORKER_FIRST_LIMIT_MB, at most half the worker's heap (`heapMb`). */
export function firstOldLimitMb(heapMb: number): number {
  return Math.min(WORKER_FIRST_LIMIT_MB, Math.floor(heapMb / 2));
}

function setWorkerFlags(): void {
  if (flagsSet) return;
  flagsSet = true;
  setV8Flags([
    `--initial-old-space-size=${firstOldLimitMb(WORKER_LIMITS.maxOldGenerationSizeMb)}`,
    `--max-inlined-bytecode-size-cumulative=${WORKER_INLINING_BUDGET}`,
    ...WORKER_WASM_FLAGS,
    ...WORKER_GC_FLAGS,
  ]);
}

/**
 * A batch is expected to fill every core when it has at least this many packages per core (without
 * BUDGET_CHECK_WORKERS, batch/sizing.ts starts one more worker only while the work left would take the
 * running ones WORTH_STARTING; a 50-document batch of the benchmark's corpus stays on one worker, a
 * 100-document one grows to two on 2 cores).
 */
export const PACKAGES_PER_CORE_TO_FILL = 50;

/**
 * Whether the batch's workers compile their optimised code on their own thread (V8's
 * --no-concurrent-recompilation) rather than hand it to V8's compiler threads. Concurrent compilation pays
 * when a core is left over for it; when the workers keep every core busy, the compiler threads only take
 * turns with them, and a function waits for its optimised code while it runs on in the slower tiers.
 * Measured on 2 cores, paired (docs/performance.md, "Ninth pass"): 1,000 documents on the default pool
 * 0.905-0.95 of the wall time and CPU with the workers compiling on their own thread; one worker on 2 cores
 * 1.095 (a core is free), a 50-document batch (one worker) 1.39, a 100-document one (two workers) 0.96.
 * V8 makes an isolate's compiler dispatcher as the isolate is made: the flag applies to the workers started
 * after it is set, never to the main thread's isolate, and it is set again before each batch.
 * `fixed` is BUDGET_CHECK_WORKERS (null: the pool is sized as the batch goes), `cores` the cores the
 * process may use.
 */
export function workersCompileInline(packages: number, fixed: number | null, cores: number): boolean {
  if (fixed !== null) return Math.min(fixed, packages) >= cores;
  return cores <= 1 || packages >= PACKAGES_PER_CORE_TO_FILL * cores;
}

/** The old-generation heap of each worker in MB: BUDGET_CHECK_WORKER_HEAP_MB (16 or more), else 512. */
function workerHeapMb(): number {
  const n = Number(process.env.BUDGET_CHECK_WORKER_HEAP_MB);
  return Number.isInteger(n) && n >= 16 ? n : 512;
}

/**
 * The worker's entry, dist/batch/worker-start.cjs: it runs the worker's bundle (dist/chunks/worker.cjs)
 * through V8's code cache (src/batch/worker-start.ts). This code is bundled into a file one folder below
 * dist/ (scripts/build.mjs), whichever: the path is relative to that level.
 */
const WORKER = new URL("../batch/worker-start.cjs", import.meta.url);

/**
 * The worker's Node flags: inherited, except the main script's own (--input-type, --eval: the worker is a
 * file, and Node refuses to start it with them). Only then are they given explicitly, without the
 * process-wide heap flags a worker may not take (its heap is resourceLimits').
 */
function workerExecArgv(): { execArgv?: string[] } {
  const own = /^--(input-type|eval|print)\b/;
  if (!process.execArgv.some((a) => own.test(a))) return {};
  return { execArgv: process.execArgv.filter((a) => !own.test(a) && !/^--max-(old|semi)-space-size\b/.test(a)) };
}

/** Whether the compiled worker is there (it is not when the TypeScript sources run in-process, in tests). */
export function workerAvailable(): boolean {
  return existsSync(fileURLToPath(WORKER));
}

/** A document's text in a streamed format: a string, or its UTF-8 bytes (as a worker sends it). */
export type DocumentText = string | Uint8Array;

export interface PoolOptions {
  /** Per-package time limit in seconds (--timeout): a package still running then fails alone. */
  timeout?: number;
  /** Have workers write each document's text in this format and send only a brief of its report. */
  serialize?: StreamFormat;
}

/**
 * Checks packages on a small pool of worker threads, one package per worker at a time; each worker is
 * started once and reused. `onDone` sees each report as it finishes (by the package's index: the caller
 * restores the order), with its text when `serialize` is set (as UTF-8 bytes from a worker). `release`, when
 * given, is to be called once the bytes are written and no longer needed (not before: their buffer is
 * handed back to the worker, which writes its next document into it).
 * A package whose check throws, kills its worker (a bug or a resource limit, not bad input) or runs
 * past the time limit becomes a failed report and the worker is replaced; the rest go on.
 */
export function checkInPool(pkgs: Package[], opts: CheckOptions, onDone: (index: number, report: DocumentReport, text?: DocumentText, release?: () => void) => void, pool: PoolOptions = {}): Promise<void> {
  const wire = toWire(opts);
  setWorkerFlags();
  setV8Flags([workersCompileInline(pkgs.length, fixedWorkers(), availableParallelism()) ? "--no-concurrent-recompilation" : "--concurrent-recompilation"]);
  const workers = new Set<Worker>();
  let next = 0;
  let finished = 0;
  // Without BUDGET_CHECK_WORKERS the number of workers is measured as the batch goes (batch/sizing.ts).
  const sizer = fixedWorkers() === null ? new PoolSizer(poolSize(pkgs.length)) : null;
  return new Promise((resolve) => {
    const finish = (index: number, report: DocumentReport, text?: DocumentText, release?: () => void) => {
      onDone(index, report, text, release);
      if (++finished === pkgs.length) void Promise.all(mapArray([...workers], (w) => w.terminate())).then(() => resolve());
    };
    const failed = (index: number, message: string) => failedReport(pkgs[index].path, pkgs[index].kind, message, { file: pkgs[index].path });
    const start = () => {
      // The V8 flags this process set name the worker's code cache: V8 takes a cache only under the flags it was made with.
      const w = new Worker(WORKER, { resourceLimits: WORKER_LIMITS, workerData: { v8Flags: [...v8FlagsSet()] }, ...workerExecArgv() });
      workers.add(w);
      let current = -1;
      let timer: NodeJS.Timeout | undefined;
      let gone = false;
      // The worker is gone (crashed, or stopped for its time limit): its package fails, another worker takes over.
      const lose = (message: string) => {
        clearTimeout(timer);
        gone = true;
        workers.delete(w);
        if (current < 0) return;
        const index = current;
        current = -1;
        if (next < pkgs.length) start();
        finish(index, failed(index, message));
      };
      const feed = () => {
        if (next >= pkgs.length) return;
        current = next++;
        const job: Job = { index: current, pkg: pkgs[current], opts: wire, serialize: pool.serialize };
        w.postMessage(job);
      };
      w.on("message", (m: JobResult) => {
        if (gone) return; // its package already failed on the time limit
        if (m.started) {
          const seconds = pool.timeout;
          if (seconds)
            timer = setTimeout(() => {
              lose(`not checked: still running after the time limit (--timeout ${seconds} s)`);
              void w.terminate();
            }, seconds * 1000);
          return;
        }
        clearTimeout(timer);
        current = -1;
        feed();
        if (sizer?.done(pkgs.length - next) && next < pkgs.length) start();
        const bytes = m.bytes;
        // Once written, the bytes' buffer goes back to the worker for its next document: garbage there is
        // collected within milliseconds, here (little is allocated) only when V8's external-memory limit is hit.
        const release = bytes ? () => gone || w.postMessage({ recycle: bytes.buffer as ArrayBuffer } satisfies Recycle, [bytes.buffer as ArrayBuffer]) : undefined;
        finish(m.index, m.report ?? failed(m.index, `internal error while checking: ${m.error ?? "unknown"}`), bytes, release);
      });
      w.on("error", (e: Error & { code?: string }) => {
        if (gone) return;
        if (e.code === "ERR_WORKER_OUT_OF_MEMORY") lose(`not checked: needs more than the ${WORKER_LIMITS.maxOldGenerationSizeMb} MB of memory a document may use`);
        else lose(`internal error while checking: ${e.message}`);
      });
      feed();
    };
    for (let i = 0; i < (sizer ? 1 : poolSize(pkgs.length)); i++) start();
  });
}
