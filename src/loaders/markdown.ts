import type { BudgetDocument, TextPart } from "../model/document.js";
import { resolveItemCodes } from "../model/resolve.js";
import type { DocumentTemplate } from "../templates/index.js";
import { InputError } from "./errors.js";
import { finishDocument, settleHeaderErrors } from "./finish.js";
import { narrativeHead, narrativeParts } from "./narrative.js";
import { splitLines, textLine, type RawLine } from "./raw.js";
import { parseTables, titleOfText } from "./tables.js";

const MARKER = /^[#*\s]*(?:附\s*)?表\s*(?:\d+|[一二三四五六七八九十]+)\s*[*]*$/;

/** The header errors of the tables a reading listed as not read (see settleHeaderErrors), by its tables. */
const mismatched = new WeakMap<object, InputError[]>();

/** The errors of the tables whose header the tab-separated reader could not match, in a document it read. */
export function headerMismatches(doc: BudgetDocument): InputError[] {
  return mismatched.get(doc.tables) ?? [];
}

/** Notes the header errors of a reading's tables (a workbook's, a CSV folder's, a text's), for `headerMismatches`. */
export function noteHeaderMismatches(tables: BudgetDocument["tables"], errors: InputError[]): void {
  if (errors.length) mismatched.set(tables, errors);
}

/** The written parts' lines as one text. */
function partsText(parts: TextPart[]): string {
  const out: string[] = [];
  for (const p of parts) for (const l of p.lines) out.push(l.text);
  return out.join("\n");
}

/** Loads the published document as text (`*.md`, `*.txt`): the form a PDF converts to. */
export function loadMarkdown(file: string, text: string, template: DocumentTemplate): BudgetDocument {
  const lines = splitLines(text);
  const narrative = narrativeHead(lines, file, template);
  // The tables start at the first 表 N marker or table title after the 目录.
  let tableStart = lines.length;
  for (let i = narrative.bodyStart; i < lines.length; i++) {
    if (!lines[i].includes("\t") && (MARKER.test(lines[i]) || titleOfText(template, lines[i]))) {
      tableStart = i;
      break;
    }
  }
  // The parts are the body before the tables (the body starts where it did: narrativeHead).
  const parts = narrativeParts(lines, file, narrative.bodyStart, tableStart);
  const raw: RawLine[] = new Array(lines.length - tableStart);
  for (let i = tableStart; i < lines.length; i++) raw[i - tableStart] = textLine(file, i + 1, lines[i]);
  // (The written parts tell names a converter wrapped in their cells onto lines of their own: wrapped-tails.ts.)
  const wrapped = { text: partsText(parts), department: narrative.department };
  const { tables, meta, unknown, headerErrors } = parseTables(raw, template, { docYear: narrative.year, wrapped });
  settleHeaderErrors(tables, headerErrors);
  noteHeaderMismatches(tables, headerErrors);
  if (tables.length === 0) {
    throw new InputError(
      `not a budget disclosure: no standard table (表1 收支总表 … 表12 部门整体支出绩效目标表) was found; expected tab-separated tables under their titles`,
      { file },
    );
  }
  const doc: BudgetDocument = {
    path: file,
    format: "markdown",
    template: template.name,
    stage: "budget",
    department: narrative.department,
    year: narrative.year,
    moneyUnit: null,
    contents: narrative.contents,
    text: parts,
    tables,
    ...(unknown.length ? { unknownTables: unknown } : {}),
  };
  finishDocument(doc, meta);
  resolveItemCodes(doc);
  return doc;
}
