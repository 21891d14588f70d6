// A batch worker thread: loads and checks one package per message and posts back its DocumentReport.
// Started once per pool slot and reused for every package it is given (its modules load, and V8
// optimises the hot code, once).
import { parentPort } from "node:worker_threads";
import { checkPackage } from "../check.js";
import type { Package } from "../loaders/index.js";
import { streams, type StreamFormat } from "../reporters/json.js";
import { briefOf, type DocumentReport } from "../report.js";
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
  text?: string;
  error?: string;
}

parentPort!.on("message", async (job: Job) => {
  // The time limit counts from here, not from when the job was sent (a new worker first loads its modules).
  parentPort!.postMessage({ index: job.index, started: true } satisfies JobResult);
  let result: JobResult;
  try {
    const report = await checkPackage(job.pkg, fromWire(job.opts));
    result = job.serialize ? { index: job.index, report: briefOf(report), text: streams[job.serialize].document(report) } : { index: job.index, report };
  } catch (e) {
    result = { index: job.index, error: (e as Error)?.message ?? String(e) };
  }
  parentPort!.postMessage(result);
});
