// A batch worker thread: loads and checks one package per message and posts back its DocumentReport.
import { parentPort } from "node:worker_threads";
import { checkPackage } from "../check.js";
import type { Package } from "../loaders/index.js";
import { fromWire, type WireOptions } from "./options.js";

export interface Job {
  index: number;
  pkg: Package;
  opts: WireOptions;
}

parentPort!.on("message", async (job: Job) => {
  try {
    parentPort!.postMessage({ index: job.index, report: await checkPackage(job.pkg, fromWire(job.opts)) });
  } catch (e) {
    parentPort!.postMessage({ index: job.index, error: (e as Error)?.message ?? String(e) });
  }
});
