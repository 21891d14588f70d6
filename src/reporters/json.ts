import type { DocumentReport, Report } from "../report.js";
import { mapArray } from "../util/arrays.js";

/** The report as the JSON of docs/report.schema.json. */
export function formatJson(report: Report): string {
  return [...jsonChunks(report)].join("");
}

/** The report as JSON Lines: one line per document, then the summary line (docs/reports.md, jsonl). */
export function formatJsonl(report: Report): string {
  return [...streamChunks(jsonlStream, report)].join("");
}

/**
 * A report written as it is made: `start` before any document, `document` for each in order (its text
 * can be made on a worker thread, from the document alone), `end` with the run's summary. Nothing of a
 * written document needs to be kept, so a batch's memory does not grow with its number of documents.
 */
export interface ReportStream {
  start(tool: Report["tool"]): string;
  /** One document's text (made without knowing its place: `separator` goes between two documents). */
  document(d: DocumentReport): string;
  separator: string;
  /** The rest of the report (version, tool, summary, acceptedProblems…), after the last document. */
  end(rest: Omit<Report, "documents">): string;
}

export type StreamFormat = "json" | "jsonl";

/**
 * The JSON report in pieces, byte for byte what `JSON.stringify(report, null, 2) + "\n"` gives (JSON
 * strings hold no raw newline, so re-indenting each document's lines is safe). The summary comes after
 * the documents, so the whole report streams.
 */
export const jsonStream: ReportStream = {
  start(tool) {
    const head = JSON.stringify({ version: 2, tool }, null, 2);
    return `${head.slice(0, -2)},\n  "documents": [`;
  },
  document(d) {
    // The document as JSON.stringify(report, null, 2) prints it, two levels deep: stringified inside two
    // arrays and the arrays' brackets cut off ("[\n  [\n    " and "\n  ]\n]"), rather than re-indented by
    // a replace over the whole text afterwards (a quarter of this function's time, 8.7% of a batch
    // worker's samples; docs/performance.md, "Fourth pass"). Strings hold no raw newline in JSON. The
    // cut keeps the opening's last "\n    ", the newline and indent the text starts with, so that the text
    // is one slice of JSON.stringify's string, not a concatenation that the UTF-8 encoder would copy
    // again (~240 kB per document of this corpus; docs/performance.md, "Sixth pass").
    return JSON.stringify([[d]], null, 2).slice(5, -6);
  },
  separator: ",",
  end(rest) {
    // Every key after the documents, as JSON.stringify(report, null, 2) places them.
    const after = mapArray(
      Object.entries(rest).filter(([k, v]) => k !== "version" && k !== "tool" && v !== undefined),
      ([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v, null, 2).replace(/\n/g, "\n  ")}`,
    );
    return `${rest.summary.documents ? "\n  " : ""}],\n  ${after.join(",\n  ")}\n}\n`;
  },
};

/**
 * JSON Lines: each line one document exactly as in the JSON report's `documents`, then one last line,
 * the JSON report without its documents (`version`, `tool`, `summary`, `acceptedProblems` when any): a
 * consumer tells it apart by its `version` key (a document line has `path` instead).
 */
export const jsonlStream: ReportStream = {
  start: () => "",
  document: (d) => `${JSON.stringify(d)}\n`,
  separator: "",
  end: (rest) => `${JSON.stringify(rest)}\n`,
};

export const streams: Record<StreamFormat, ReportStream> = { json: jsonStream, jsonl: jsonlStream };

function* streamChunks(stream: ReportStream, report: Report): Generator<string> {
  yield stream.start(report.tool);
  for (let i = 0; i < report.documents.length; i++) yield (i ? stream.separator : "") + stream.document(report.documents[i]);
  const { documents: _documents, ...rest } = report;
  yield stream.end(rest);
}

/** The JSON report document by document (see jsonStream). */
export function jsonChunks(report: Report): Generator<string> {
  return streamChunks(jsonStream, report);
}
