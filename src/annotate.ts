// Writes the annotated copy of a workbook (--annotate). Imports exceljs through the xlsx loader: this
// module is only reached by a dynamic import() when --annotate is given.
import type ExcelJS from "exceljs";
import type { Finding, Lang } from "./engine/types.js";
import { readWorkbook } from "./loaders/xlsx.js";
import { writeOutputAtomically } from "./output.js";
import { arithmeticText } from "./reporters/words.js";

/** Fill colours (ARGB) by what a finding is: Excel's own "bad", "neutral" and a light blue for rounding. */
export const ANNOTATION_FILLS = { error: "FFFFC7CE", warning: "FFFFEB9C", rounding: "FFDDEBF7", info: "FFE2EFDA" } as const;

function kind(f: Finding): keyof typeof ANNOTATION_FILLS {
  return f.severity === "info" && f.withinRounding ? "rounding" : f.severity;
}

const RANK = { error: 0, warning: 1, rounding: 2, info: 3 } as const;
const LABEL = { zh: { error: "错误", warning: "警告", rounding: "尾差", info: "提示" }, en: { error: "error", warning: "warning", rounding: "rounding", info: "info" } };

/** The cell note for one finding: severity, rule, message and arithmetic. */
export function noteText(f: Finding, lang: Lang): string {
  const arith = arithmeticText(f, lang);
  return `[${LABEL[lang][kind(f)]}] ${f.ruleId}\n${f.message}${arith ? `\n${arith}` : ""}`;
}

/**
 * Copies the workbook `input` to `output` with every finding's cell filled by its worst finding's colour
 * and a note listing the findings printed there. The input is only read. Returns the number of cells annotated.
 */
export async function annotateWorkbook(input: string, output: string, findings: Finding[], lang: Lang): Promise<number> {
  const wb = await readWorkbook(input);
  keepValuesOfExternalFormulas(wb);
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
  // Written whole, then renamed into place: an interrupted run never leaves a truncated workbook.
  writeOutputAtomically(output, [new Uint8Array(await wb.xlsx.writeBuffer())]);
  return byCell.size;
}

/** A reference to another workbook in a formula: `[1]Sheet1!A1`, `'[budget.xlsx]表3'!D8`. */
const EXTERNAL = /\[[^\]]+\][^!]*!/;

/**
 * exceljs does not write a workbook's external links back, so a formula that refers to one would be
 * broken in the copy (#REF! when Excel recalculates). Such a cell keeps its cached value instead:
 * the copy shows what the input showed. Returns how many cells were changed.
 */
export function keepValuesOfExternalFormulas(wb: ExcelJS.Workbook): number {
  let n = 0;
  for (const ws of wb.worksheets)
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const f = cell.formula;
        if (!f || !EXTERNAL.test(f)) return;
        const result = (cell.value as { result?: unknown }).result;
        cell.value = (result === undefined ? null : result) as ExcelJS.CellValue;
        n++;
      }),
    );
  return n;
}
