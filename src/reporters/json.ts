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
  /**
   * The same text in pieces of at most a few kB, whose concatenation is `document(d)` byte for byte: a
   * batch worker encodes them one after the other into its buffer, never making the whole text one string
   * (see jsonPieces).
   */
  documentPieces(d: DocumentReport): string[];
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
/** "\n" and the indentation of nesting level `depth` (none when compact). */
const newlines: string[][] = [[], []];
function newline(indent: number, depth: number): string {
  if (indent === 0) return "";
  const byDepth = (newlines[indent] ??= []);
  return (byDepth[depth] ??= `\n${" ".repeat(indent * depth)}`);
}

/** A value JSON.stringify writes as `null` in an array and leaves out of an object. */
const unwritten = (v: unknown) => v === undefined || typeof v === "function" || typeof v === "symbol";

/** A value JSON.stringify writes through its own toJSON (called with its key, which a wrapper would change). */
const hasToJson = (v: unknown) => v !== null && typeof v === "object" && typeof (v as { toJSON?: unknown }).toJSON === "function";

/** How many elements of an array opened last are stringified together (see jsonPieces). */
const ELEMENTS_PER_PIECE = 4;
/** The most characters a piece of several elements holds (one element may hold more: it is written whole). */
const PIECE_CHARS = 8_192;

/**
 * `JSON.stringify(value, null, indent)` as printed at nesting level `depth`: the value stringified inside
 * `depth` arrays, which indent it as the enclosing text does, and those arrays' brackets, newlines and
 * indentation cut off (one slice, where replacing each newline copied the text again). `value` is an
 * object or array without toJSON, so it is written the same inside the arrays as in its container.
 */
function atDepth(value: object, indent: number, depth: number): string {
  let wrapped: unknown = value;
  for (let i = 0; i < depth; i++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, indent);
  // "[" and the newline and indentation of level i, for i = 1 … depth; then "\n", the indentation of level
  // i and "]", for i = depth − 1 … 0.
  let before = depth;
  let after = depth;
  if (indent > 0)
    for (let i = 0; i < depth; i++) {
      before += 1 + indent * (i + 1);
      after += 1 + indent * i;
    }
  return text.slice(before, text.length - after);
}

/**
 * `JSON.stringify(value, null, indent)` as printed at nesting level `depth` of an enclosing value (each
 * of its lines after the first indented by `depth` levels more), appended to `out` in pieces: objects and
 * arrays are opened `levels` deep, their members below that stringified whole; the elements of an array
 * opened last, ELEMENTS_PER_PIECE at a time. Byte for byte what the enclosing JSON.stringify prints:
 * members in the order of Object.keys, undefined, functions and symbols left out of objects and written
 * null in arrays, `{}` and `[]` for empty ones, ": " after a key when indented (":" when not).
 *
 * Why: a document's text is ~110 k characters of UTF-16 with `--format json` (~60 k with jsonl). Made
 * as one string it is over V8's largest regular object, so each was allocated in the large-object space
 * on fresh pages and flattened there: 1.0 of the 1.2 ms its JSON took (docs/performance.md, "Twelfth
 * pass"). Pieces of a few findings each, each cut from its own JSON.stringify at its depth, took 0.6 of
 * the time of one piece per finding re-indented by replacing its newlines (docs/performance.md,
 * "Thirteenth pass").
 */
export function jsonPieces(value: unknown, indent: number, depth: number, levels: number, out: string[]): void {
  // (A boxed number, string or boolean is written as its primitive: whole, like any value with toJSON.)
  if (levels <= 0 || value === null || typeof value !== "object" || hasToJson(value) || value instanceof Number || value instanceof String || value instanceof Boolean) {
    if (value !== null && typeof value === "object" && !hasToJson(value) && depth > 0 && indent > 0) {
      out.push(atDepth(value, indent, depth));
      return;
    }
    const text = JSON.stringify(value, null, indent) as string | undefined;
    // (undefined only for a top-level value JSON cannot write; a member's is handled by its container.)
    out.push(text === undefined ? "null" : indent > 0 && depth > 0 ? text.replaceAll("\n", newline(indent, depth)) : text);
    return;
  }
  const inner = newline(indent, depth + 1);
  if (Array.isArray(value)) {
    if (value.length === 0) {
      out.push("[]");
      return;
    }
    out.push("[");
    let i = 0;
    while (i < value.length) {
      let n = 0;
      if (levels === 1) while (n < ELEMENTS_PER_PIECE && i + n < value.length && !hasToJson(value[i + n])) n++;
      // Elements i … i + n − 1 whole: the text of an array of them at this depth, without its brackets
      // and the newline before its "]"; fewer where they come to more than PIECE_CHARS (a finding whose
      // sum has many parts lists each part's location).
      let text = n > 1 ? atDepth(value.slice(i, i + n), indent, depth) : "";
      while (n > 1 && text.length > PIECE_CHARS) {
        n = Math.ceil(n / 2);
        text = n > 1 ? atDepth(value.slice(i, i + n), indent, depth) : "";
      }
      if (n > 1) {
        out.push(i === 0 ? "" : ",", text.slice(1, text.length - 1 - newline(indent, depth).length));
        i += n;
        continue;
      }
      out.push(i === 0 ? inner : `,${inner}`);
      if (unwritten(value[i])) out.push("null");
      else jsonPieces(value[i], indent, depth + 1, levels - 1, out);
      i++;
    }
    out.push(newline(indent, depth), "]");
    return;
  }
  const colon = indent > 0 ? ": " : ":";
  let first = true;
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (unwritten(v)) continue;
    out.push(`${first ? "{" : ","}${inner}${JSON.stringify(key)}${colon}`);
    first = false;
    jsonPieces(v, indent, depth + 1, levels - 1, out);
  }
  out.push(first ? "{}" : `${newline(indent, depth)}}`);
}

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
  documentPieces(d) {
    // Two levels deep, as in document(): "\n    " and the document's object, its members indented 6.
    const out = [newline(2, 2)];
    jsonPieces(d, 2, 2, 2, out);
    return out;
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
  documentPieces(d) {
    const out: string[] = [];
    jsonPieces(d, 0, 0, 2, out);
    out.push("\n");
    return out;
  },
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
