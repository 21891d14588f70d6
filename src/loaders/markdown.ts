import type { BudgetDocument } from "../model/document.js";
import { resolveItemCodes } from "../model/resolve.js";
import type { DocumentTemplate } from "../templates/index.js";
import { InputError } from "./errors.js";
import { finishDocument } from "./finish.js";
import { parseNarrative } from "./narrative.js";
import { textLine } from "./raw.js";
import { parseTables, titleTemplate } from "./tables.js";

const MARKER = /^[#*\s]*表\s*\d+\s*[*]*$/;

/** Loads the published document as text (`*.md`, `*.txt`): the form a PDF converts to. */
export function loadMarkdown(file: string, text: string, template: DocumentTemplate): BudgetDocument {
  const lines = text.split(/\r\n|\r|\n/);
  const raw = lines.map((l, i) => textLine(file, i + 1, l));
  const narrative = parseNarrative(lines, file, template);
  // The tables start at the first 表 N marker or table title after the 目录.
  let tableStart = lines.length;
  for (let i = narrative.bodyStart; i < lines.length; i++) {
    if (!lines[i].includes("\t") && (MARKER.test(lines[i]) || titleTemplate(template, raw[i]))) {
      tableStart = i;
      break;
    }
  }
  const { parts } = parseNarrative(lines, file, template, tableStart);
  const { tables, meta } = parseTables(raw.slice(tableStart), template, { docYear: narrative.year });
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
  };
  finishDocument(doc, meta);
  resolveItemCodes(doc);
  return doc;
}
