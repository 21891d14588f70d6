import type { Finding, Lang } from "../engine/types.js";
import { formatLocation } from "../model/location.js";

/**
 * Where a finding is, as an officer looks for it in the printed document: the page when the input has
 * pages, the table and row in words, the column, then file:line:column (or sheet!cell) for tools.
 *   en: `page 5 · T8 · row 深圳市科学馆 301 工资福利支出 · column 支出总计 · document.md:636:14`
 *   zh: `第5页 · 表8 · 行「深圳市科学馆 301 工资福利支出」· 列「支出总计」· document.md:636:14`
 */
export function placeText(f: Finding, lang: Lang): string {
  const zh = lang === "zh";
  const parts: string[] = [];
  const page = f.location.page;
  if (page) parts.push(zh ? `第${page}页` : `page ${page}`);
  if (f.table === "text") parts.push(zh ? "文字部分" : "written parts");
  else parts.push(zh ? `表${f.table.slice(1)}` : f.table);
  const row = [f.unit, f.code, f.item].filter((x): x is string => !!x).join(" ");
  if (row) parts.push(zh ? `行「${row}」` : `row ${row}`);
  if (f.column) parts.push(zh ? `列「${f.column}」` : `column ${f.column}`);
  parts.push(formatLocation(f.location));
  return parts.join(" · ");
}
