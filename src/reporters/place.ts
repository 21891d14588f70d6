import type { Finding, Lang } from "../engine/types.js";
import { formatLocation, type SourceLocation } from "../model/location.js";
import { rowWords } from "../model/names.js";
import { tableLabel } from "./words.js";

/**
 * Where a finding is, as an officer looks for it in the printed document: the page when the input has
 * pages, the table and row in words, the column, then file:line:column (or sheet!cell) for tools.
 *   en: `page 5 · T8 · row 深圳市科学馆 301 工资福利支出 · column 支出总计 · document.md:636:14`
 *   zh: `第5页 · 表8 · 行「深圳市科学馆 301 工资福利支出」· 列「支出总计」· document.md:636:14`
 * The table as printed where its number is not its id's (a document read by kind: `T9 (表8)`, zh `表8`, or
 * `T7 (公开07表)`): `printed`, the number printed with its title (the report's `tables[].printed`).
 */
export function placeText(f: Finding, lang: Lang, printed?: string | null): string {
  const zh = lang === "zh";
  const parts: string[] = [];
  const page = f.location.page;
  if (page) parts.push(zh ? `第${page}页` : `page ${page}`);
  if (f.table === "text") parts.push(zh ? "文字部分" : "written parts");
  else parts.push(tableLabel(f.table, lang, printed));
  const row = rowWords(f.unit, f.code, f.item);
  if (row) parts.push(zh ? `行「${row}」` : `row ${row}`);
  if (f.column) parts.push(zh ? `列「${f.column}」` : `column ${f.column}`);
  parts.push(toolPlace(f.location));
  return parts.join(" · ");
}

/** A printed page as a reader names it: `第3页`, `page 3`. */
export function pageText(page: number, lang: Lang): string {
  return lang === "zh" ? `第${page}页` : `page ${page}`;
}

/**
 * file:line for tools, except a PDF figure's: the line of the text rebuilt from a PDF is no line of the
 * file, so a PDF figure (it has a box) is named by its file alone, its page said beside it.
 */
function toolPlace(loc: SourceLocation): string {
  return loc.box ? loc.file : formatLocation(loc);
}

/** Where a located figure is (a related figure, a table): its page when it has one, then file:line. */
export function locationText(loc: SourceLocation, lang: Lang): string {
  return loc.page ? `${pageText(loc.page, lang)} · ${toolPlace(loc)}` : formatLocation(loc);
}

/** The number printed with a table's title (`tables[].printed`), by the table's id; undefined where none is. */
export function printedOf(tables: readonly { id: string; printed?: string }[], table: string): string | undefined {
  for (const t of tables) if (t.id === table) return t.printed;
  return undefined;
}
