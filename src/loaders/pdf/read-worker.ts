// The PDF reader on its own thread (see readPdfLayout): reads the text of the bytes it is given and posts
// back the layout lines, or the one-line problem.
import { parentPort, workerData } from "node:worker_threads";
import { PdfProblem } from "./guard.js";
import { readPdfText } from "./read.js";

readPdfText(workerData.bytes as Uint8Array).then(
  (text) => parentPort!.postMessage({ text }),
  (e) => parentPort!.postMessage({ problem: e instanceof PdfProblem ? e.message : null, error: String((e as Error)?.message ?? e) }),
);
