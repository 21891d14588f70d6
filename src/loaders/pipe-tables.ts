import { splitString } from "../util/arrays.js";

/*
 * Markdown pipe tables (`| 科目编码 | 科目名称 | 合计 |`, what some PDF-to-Markdown converters write) as the
 * tab-separated rows the text readers read. Each `|` becomes a tab and the delimiter row (`|---|:--:|`) a
 * blank line, so every character keeps its column and every row its line: a finding points at the file as
 * it is. The outer pipes leave an empty first cell on every row of a table alike.
 */

const ROW = /^\s*\|.*\|\s*$/;
const DELIMITER = /^\s*\|(\s*:?-{3,}:?\s*\|)+\s*$/;

/** Whether the text holds a pipe table: a delimiter row right below a row. */
export function hasPipeTable(text: string): boolean {
  // Most texts have none: two plain searches spare them the pattern (a twentieth of the cost on the seed).
  if (!text.includes("---") || !text.includes("|")) return false;
  return /^\s*\|.*\|\s*\r?\n\s*\|(\s*:?-{3,}:?\s*\|)+\s*$/m.test(text);
}

/** The text with its pipe tables' rows tab-separated (an escaped `\|` stays a character of its cell). */
export function pipeTablesAsTabs(text: string): string {
  const lines = splitString(text, "\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!ROW.test(line)) continue;
    if (DELIMITER.test(line)) {
      lines[i] = line.endsWith("\r") ? "\r" : "";
      continue;
    }
    lines[i] = line.replace(/(?<!\\)\|/g, "\t");
  }
  return lines.join("\n");
}
