import type { Report } from "../report.js";

/** The report as the JSON of docs/report.schema.json. */
export function formatJson(report: Report): string {
  return [...jsonChunks(report)].join("");
}

/**
 * The same JSON text, document by document: a batch of a thousand departments is a ~100 MB report, and
 * writing it in pieces spares holding it whole as one string. Byte for byte what
 * `JSON.stringify(report, null, 2) + "\n"` gives (JSON strings hold no raw newline, so re-indenting
 * each document's lines is safe).
 */
export function* jsonChunks(report: Report): Generator<string> {
  const { documents, ...rest } = report;
  const head = JSON.stringify({ version: rest.version, tool: rest.tool }, null, 2);
  yield `${head.slice(0, -2)},\n  "documents": [`;
  for (let i = 0; i < documents.length; i++) {
    yield `${i ? "," : ""}\n    ${JSON.stringify(documents[i], null, 2).replace(/\n/g, "\n    ")}`;
  }
  yield `${documents.length ? "\n  " : ""}],\n  "summary": ${JSON.stringify(rest.summary, null, 2).replace(/\n/g, "\n  ")}\n}\n`;
}
