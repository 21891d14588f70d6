import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join, relative } from "node:path";
import type { BudgetDocument } from "../model/document.js";
import { defaultTemplate, type DocumentTemplate } from "../templates/index.js";
import { loadCsvFolder } from "./csv.js";
import { decodeText, type EncodingName } from "./decode.js";
import { InputError } from "./errors.js";
import { loadLayoutText } from "./layout/index.js";
import { loadMarkdown } from "./markdown.js";

export { InputError } from "./errors.js";
export type { EncodingName } from "./decode.js";

export interface LoadOptions {
  encoding?: EncodingName;
  /** --template: the template to read the document with (default: recognised from the document). */
  template?: DocumentTemplate;
}

/**
 * A text file is either the tab-separated form (a table row per line, cells split by tabs) or the layout
 * form that `pdftotext -layout` writes (cells aligned with spaces, pages split by form feeds): tables
 * printed with tabs make it the first.
 */
export function isTabSeparated(text: string): boolean {
  // pdftotext never writes a tab: one line of tab-separated cells is enough.
  return /\S\t+\S/.test(text);
}

/** One input to check: a document file, a CSV folder, or a workbook. */
export interface Package {
  path: string;
  kind: "markdown" | "csv" | "xlsx";
}

const TEXT_EXT = new Set([".md", ".txt", ".markdown"]);

/** The package kind that reads a document of this form again (a layout-text document is a text file). */
export function packageKind(format: BudgetDocument["format"]): Package["kind"] {
  return format === "layout" ? "markdown" : (format as Package["kind"]);
}

/**
 * Expands a command-line input into packages: a file is one; a folder of CSVs is one; any other folder
 * is a batch, every package below it in path order.
 */
export function findPackages(input: string): Package[] {
  let st;
  try {
    st = statSync(input);
  } catch {
    throw new InputError("no such file or folder; expected a document (.md/.txt), a CSV folder or an .xlsx workbook", { file: input });
  }
  if (st.isFile()) {
    const ext = extname(input).toLowerCase();
    if (ext === ".xlsx") return [{ path: input, kind: "xlsx" }];
    if (ext === ".csv") throw new InputError("a single CSV is one table; pass the folder that holds the package's CSV files", { file: input });
    return [{ path: input, kind: "markdown" }];
  }
  if (!st.isDirectory()) throw new InputError("not a file or folder", { file: input });
  const entries = readdirSync(input, { withFileTypes: true });
  if (entries.some((e) => e.isFile() && /\.csv$/i.test(e.name))) return [{ path: input, kind: "csv" }];
  const out: Package[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (e.name.startsWith(".") || e.name === "node_modules") continue;
    const p = join(input, e.name);
    if (e.isDirectory()) out.push(...findPackages(p));
    else if (e.isFile()) {
      const ext = extname(e.name).toLowerCase();
      if (ext === ".xlsx" && !e.name.startsWith("~$")) out.push({ path: p, kind: "xlsx" });
      else if (TEXT_EXT.has(ext) && !/^readme/i.test(e.name)) out.push({ path: p, kind: "markdown" });
    }
  }
  if (out.length === 0) throw new InputError(`the folder holds no document, CSV package or workbook (looked in ${relative(process.cwd(), input) || "."})`, { file: input });
  return out;
}

export async function loadPackage(pkg: Package, options: LoadOptions = {}): Promise<BudgetDocument> {
  switch (pkg.kind) {
    case "markdown": {
      let bytes: Buffer;
      try {
        bytes = readFileSync(pkg.path);
      } catch (e) {
        throw new InputError(`cannot be read (${(e as NodeJS.ErrnoException).code ?? "error"})`, { file: pkg.path });
      }
      const text = decodeText(bytes, pkg.path, options.encoding);
      if (isTabSeparated(text) && (!options.template || options.template.name === "shenzhen")) return loadMarkdown(pkg.path, text, options.template ?? defaultTemplate);
      return loadLayoutText(pkg.path, text, { template: options.template });
    }
    case "csv":
      return loadCsvFolder(pkg.path, defaultTemplate, options.encoding);
    case "xlsx": {
      // exceljs is large: loaded only when an input is a workbook.
      const { loadXlsx } = await import("./xlsx.js");
      return loadXlsx(pkg.path, defaultTemplate);
    }
  }
}
