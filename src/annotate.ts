// Writes the annotated copy of a workbook (--annotate). Imports exceljs through the xlsx loader: this
// module is only reached by a dynamic import() when --annotate is given.
import type ExcelJS from "exceljs";
import type { Finding, Lang } from "./engine/types.js";
import { readWorkbook } from "./loaders/xlsx.js";
import { NOTE_RANK as RANK, noteKind as kind, noteText } from "./reporters/note.js";

export { noteText } from "./reporters/note.js";

/** Fill colours (ARGB) by what a finding is: Excel's own "bad", "neutral" and a light blue for rounding. */
export const ANNOTATION_FILLS = { error: "FFFFC7CE", warning: "FFFFEB9C", rounding: "FFDDEBF7", info: "FFE2EFDA" } as const;

/**
 * Copies the workbook `input` to `output` with every finding's cell filled by its worst finding's colour
 * and a note listing the findings printed there. The input is only read. Returns the number of cells annotated.
 */
export async function annotateWorkbook(input: string, output: string, findings: Finding[], lang: Lang): Promise<number> {
  const wb = await readWorkbook(input);
  const byCell = new Map<string, { sheet: string; cell: string; findings: Finding[] }>();
  for (const f of findings) {
    const { file, sheet, cell } = f.location;
    if (file !== input || !sheet || !cell) continue;
    const key = `${sheet}!${cell}`;
    const entry = byCell.get(key) ?? { sheet, cell, findings: [] };
    entry.findings.push(f);
    byCell.set(key, entry);
  }
  for (const { sheet, cell, findings: fs } of byCell.values()) {
    const ws: ExcelJS.Worksheet | undefined = wb.getWorksheet(sheet);
    if (!ws) continue;
    const c = ws.getCell(cell);
    const worst = fs.map(kind).sort((a, b) => RANK[a] - RANK[b])[0];
    // A new style object: exceljs shares style objects between cells, so assigning c.fill could colour others.
    c.style = { ...c.style, fill: { type: "pattern", pattern: "solid", fgColor: { argb: ANNOTATION_FILLS[worst] } } };
    c.note = fs.map((f) => noteText(f, lang)).join("\n\n");
  }
  await wb.xlsx.writeFile(output);
  return byCell.size;
}
