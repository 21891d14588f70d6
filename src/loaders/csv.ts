import { readdirSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { parse } from "csv-parse/sync";
import type { BudgetDocument } from "../model/document.js";
import { resolveItemCodes } from "../model/resolve.js";
import { defaultTemplate, templateByNumber, templateByTitle, type DocumentTemplate } from "../templates/index.js";
import { cellLines, chooseReading, filedAs, readCells } from "./cell-forms.js";
import { noteHeaderMismatches } from "./markdown.js";
import { decodeTextWithEncoding, type EncodingName } from "./decode.js";
import { InputError } from "./errors.js";
import { addTables, finishDocument, settleHeaderErrors } from "./finish.js";
import { parseNarrative } from "./narrative.js";
import { readInputFile } from "./read.js";
import { splitLines, textLine, type RawLine } from "./raw.js";
import { parseTables, type TableMeta } from "./tables.js";
import { mapArray } from "../util/arrays.js";

export function csvLines(file: string, text: string): RawLine[] {
  let records: { record: string[]; info: { lines: number } }[];
  // csv-parse builds (and, relaxed, drops) an Error for every row whose length differs from the first:
  // in a budget table that is most rows, and capturing their stack traces was half the loading time.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    records = parse(text, { relax_column_count: true, relax_quotes: true, skip_empty_lines: false, info: true, bom: true }) as unknown as typeof records;
  } catch (e) {
    const m = /line (\d+)/i.exec((e as Error).message);
    throw new InputError(`not a readable CSV file: ${(e as Error).message.split("\n")[0]}`, { file, line: m ? Number(m[1]) : null });
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  return mapArray(records, ({ record, info }) => ({
    cells: record,
    location: { file, line: info.lines },
    cellLocations: mapArray(record, (_, i) => ({ file, line: info.lines, column: i + 1 })),
  }));
}

/** `表3 支出总表.csv`, `T3.csv`, `03-支出总表.csv` (or a worksheet named so): the table a file holds when its rows carry no title. */
export function tableHint(template: DocumentTemplate, name: string) {
  const { number, title } = filedAs(name);
  const byTitle = templateByTitle(template, title);
  if (byTitle) return byTitle;
  return number ? templateByNumber(template, number) : undefined;
}

/**
 * Loads a CSV package: a folder with one CSV per table (or several pages of one) and an optional narrative
 * .md/.txt. Shenzhen's tables are read by the tab-separated reader (which knows their headers); another
 * province's, or the package read with another template, by the layout reader from the same cells
 * (cell-forms.ts).
 */
export function loadCsvFolder(dir: string, template?: DocumentTemplate, encoding?: EncodingName): BudgetDocument {
  let dirents;
  try {
    dirents = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw new InputError(`the folder cannot be read (${(e as NodeJS.ErrnoException).code ?? "error"})`, { file: dir });
  }
  const entries = mapArray(dirents.filter((e) => e.isFile() || (e.isSymbolicLink() && isFileSafe(join(dir, e.name)))), (e) => e.name).sort();
  const csvs = entries.filter((n) => /\.csv$/i.test(n));
  if (csvs.length === 0) throw new InputError("the folder holds no .csv file; expected one CSV per table", { file: dir });
  const narrativeFile = entries.find((n) => /\.(md|txt)$/i.test(n));
  const encodings = new Map<string, string>();
  let narrative: { file: string; lines: string[] } | null = null;
  if (narrativeFile) {
    const file = join(dir, narrativeFile);
    const { text, encoding: used } = decodeTextWithEncoding(readInputFile(file), file, encoding);
    encodings.set(narrativeFile, used);
    narrative = { file, lines: splitLines(text) };
  }
  const files = mapArray(csvs, (name) => {
    const file = join(dir, name);
    const decoded = decodeTextWithEncoding(readInputFile(file), file, encoding);
    encodings.set(name, decoded.encoding);
    return { name, file, lines: csvLines(file, decoded.text) };
  });
  const laid = () =>
    cellLines([
      ...(narrative ? [{ name: "", location: { file: narrative.file }, lines: mapArray(narrative.lines, (t, i) => textLine(narrative!.file, i + 1, t)) }] : []),
      ...mapArray(files, (f) => ({ name: f.name, location: { file: f.file }, lines: f.lines })),
    ]);
  const shenzhen = () => readFiles(dir, narrative, files, template ?? defaultTemplate);
  let cells: ReturnType<typeof laid> | null = null;
  const doc =
    template && template.name !== defaultTemplate.name
      ? readCells(dir, (cells = laid()).lines, cells.places, template, "csv")
      : template
        ? shenzhen()
        : chooseReading(
            shenzhen,
            () => (cells = laid()).lines,
            (_, tpl) => readCells(dir, cells!.lines, cells!.places, tpl, "csv"),
            csvs,
          );
  doc.encoding = packageEncoding(encodings);
  return doc;
}

/** The CSV files read by the tab-separated reader (tables.ts) with `template`'s headers. */
function readFiles(dir: string, narrativeText: { file: string; lines: string[] } | null, files: { name: string; file: string; lines: RawLine[] }[], template: DocumentTemplate): BudgetDocument {
  const meta: TableMeta = { departments: [], units: [], years: [] };
  const narrative = narrativeText ? parseNarrative(narrativeText.lines, narrativeText.file, template) : null;
  const doc: BudgetDocument = {
    path: dir,
    format: "csv",
    template: template.name,
    stage: "budget",
    department: narrative?.department ?? null,
    year: narrative?.year ?? null,
    moneyUnit: null,
    contents: narrative?.contents ?? [],
    text: narrative?.parts ?? [],
    tables: [],
  };
  const headerErrors: InputError[] = [];
  for (const { name, file, lines } of files) {
    const parsed = parseTables(lines, template, { hint: tableHint(template, basename(name)), hintName: basename(name), docYear: doc.year });
    if (parsed.tables.length === 0 && parsed.unknown.length === 0) throw new InputError(`no standard table found in this CSV; expected a title row (e.g. 支出总表) or a file name such as 表3.csv`, { file });
    addTables(doc, meta, parsed);
    headerErrors.push(...parsed.headerErrors);
  }
  settleHeaderErrors(doc.tables, headerErrors);
  noteHeaderMismatches(doc.tables, headerErrors);
  finishDocument(doc, meta);
  resolveItemCodes(doc);
  return doc;
}

/** One encoding name when every file of the package used it; else the odd files named, the usual one last. */
function packageEncoding(byFile: Map<string, string>): string {
  const counts = new Map<string, number>();
  for (const e of byFile.values()) counts.set(e, (counts.get(e) ?? 0) + 1);
  if (counts.size === 1) return [...counts.keys()][0];
  const usual = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
  const odd = mapArray([...byFile].filter(([, e]) => e !== usual), ([f, e]) => `${e} (${f})`);
  return `${odd.join(", ")}, ${usual} (other files)`;
}

function isFileSafe(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
