// A batch worker thread: loads and checks one package per message and posts back its DocumentReport.
// Started once per pool slot and reused for every package it is given (its modules load, and V8
// optimises the hot code, once).
import { parentPort } from "node:worker_threads";
import { checkPackage } from "../check.js";
import type { Package } from "../loaders/index.js";
import { streams, type StreamFormat } from "../reporters/json.js";
import { briefOf, type DocumentReport } from "../report.js";
import { collectBetweenDocuments } from "./between-documents.js";
import { fromWire, type WireOptions } from "./options.js";

export interface Job {
  index: number;
  pkg: Package;
  opts: WireOptions;
  /**
   * A streamed report format: the worker writes the document's text itself and sends it with a brief
   * of the report (no findings), sparing the main thread a copy of every finding and its serialisation.
   */
  serialize?: StreamFormat;
}

export interface JobResult {
  index: number;
  /** The worker has begun the package (sent before its result). */
  started?: boolean;
  report?: DocumentReport;
  /**
   * With `serialize`: the document's text as UTF-8, its buffer transferred, not copied. The main thread
   * only writes these bytes; as a string, each ~130 kB text was copied into the main thread's heap,
   * encoded there again to be written, and kept its young generation at V8's largest size.
   */
  bytes?: Uint8Array;
  error?: string;
}

/** The main thread has written a document's bytes: their buffer, back for the next document. */
export interface Recycle {
  recycle: ArrayBuffer;
}

const utf8 = new TextEncoder();
/** Buffers the main thread has handed back (at most two: one per document in flight). */
const spare: ArrayBuffer[] = [];

/**
 * The text of `pieces` as UTF-8, written piece after piece into a spare buffer when one is large enough,
 * else into a new one. The pieces (ReportStream.documentPieces) are never joined into one string: a
 * document's whole text was a string of ~110 k UTF-16 characters, over V8's largest regular object, made
 * on fresh pages and flattened each time (docs/performance.md, "Twelfth pass").
 */
function encode(pieces: string[]): Uint8Array {
  // UTF-8 takes at most 3 bytes per UTF-16 code unit.
  let most = 0;
  for (const p of pieces) most += p.length * 3;
  let buf = spare.pop();
  if (!buf || buf.byteLength < most) buf = new ArrayBuffer(Math.max(most, (buf?.byteLength ?? 0) * 2, 64 * 1024));
  const bytes = new Uint8Array(buf);
  let at = 0;
  for (const p of pieces) at += utf8.encodeInto(p, bytes.subarray(at)).written;
  return new Uint8Array(buf, 0, at);
}

parentPort!.on("message", async (message: Job | Recycle) => {
  if ("recycle" in message) {
    if (spare.length < 2) spare.push(message.recycle);
    return;
  }
  const job = message;
  // The time limit counts from here, not from when the job was sent (a new worker first loads its modules).
  parentPort!.postMessage({ index: job.index, started: true } satisfies JobResult);
  let result: JobResult;
  try {
    // The last document is dead now: a scavenge here copies little of it (batch/between-documents.ts).
    collectBetweenDocuments();
    const report = await checkPackage(job.pkg, fromWire(job.opts));
    // A buffer of its own (Buffer.from may give a slice of a shared pool, which must not be transferred).
    result = job.serialize ? { index: job.index, report: briefOf(report), bytes: encode(streams[job.serialize].documentPieces(report)) } : { index: job.index, report };
  } catch (e) {
    result = { index: job.index, error: (e as Error)?.message ?? String(e) };
  }
  if (afterFirst) {
    // Before the answer: once the main thread has every answer it ends the worker, which could cut the
    // cache's writing short.
    const f = afterFirst;
    afterFirst = null;
    try {
      f();
    } catch {
      // best effort: a cache never fails a job
    }
  }
  parentPort!.postMessage(result, result.bytes ? [result.bytes.buffer as ArrayBuffer] : []);
});

let afterFirst: (() => void) | null = null;

/**
 * Runs `f` once, when the worker has done its first job, just before it answers: src/batch/worker-start.ts
 * writes the worker's code cache then, when it has none (the functions a check compiles are in it by then).
 */
export function afterFirstJob(f: () => void): void {
  afterFirst = f;
}
