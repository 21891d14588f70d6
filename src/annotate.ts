// Writes the annotated copy of a workbook (--annotate). Imports exceljs through the xlsx loader: this
// module is only reached by a dynamic import() when --annotate is given.
import type ExcelJS from "exceljs";
import type { Finding, Lang } from "./engine/types.js";
import { readWorkbook } from "./loaders/xlsx.js";
import { formatLocation } from "./model/location.js";
import { placeText } from "./reporters/place.js";
import { acceptedText, bySeverity } from "./reporters/present.js";
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
  addFindingsSheet(wb, input, findings, lang);
  // Written whole, then renamed into place: an interrupted run never leaves a truncated workbook.
  writeOutputAtomically(output, [new Uint8Array(await wb.xlsx.writeBuffer())]);
  return byCell.size;
}

/** The name of the sheet of findings, made unique against the workbook's own sheets. */
function sheetName(wb: ExcelJS.Workbook, lang: Lang): string {
  const base = lang === "zh" ? "核对问题清单" : "budget-check findings";
  let name = base;
  for (let i = 2; wb.getWorksheet(name); i++) name = `${base} ${i}`;
  return name;
}

/**
 * The copy's first sheet: every finding, errors first, with a link to the cell it is about (or its
 * sheet), its place in words, its message and arithmetic.
 */
function addFindingsSheet(wb: ExcelJS.Workbook, input: string, findings: Finding[], lang: Lang): void {
  const zh = lang === "zh";
  const ws = wb.addWorksheet(sheetName(wb, lang));
  // Before every sheet of the workbook: exceljs writes sheets by their orderNo, which its types omit.
  const order = (w: ExcelJS.Worksheet) => w as unknown as { orderNo: number };
  order(ws).orderNo = Math.min(0, ...wb.worksheets.filter((w) => w !== ws).map((w) => order(w).orderNo)) - 1;
  ws.columns = [
    { header: zh ? "级别" : "level", key: "level", width: 9 },
    { header: zh ? "单元格" : "cell", key: "cell", width: 16 },
    { header: zh ? "位置" : "where", key: "where", width: 40 },
    { header: zh ? "规则" : "rule", key: "rule", width: 22 },
    { header: zh ? "说明" : "finding", key: "message", width: 90 },
    { header: zh ? "列示" : "stated", key: "stated", width: 10 },
    { header: zh ? "计算" : "computed", key: "computed", width: 10 },
    { header: zh ? "差额" : "difference", key: "difference", width: 10 },
    { header: zh ? "容差" : "tolerance", key: "tolerance", width: 10 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: "frozen", ySplit: 1 }];
  for (const f of bySeverity(findings)) {
    const { file, sheet, cell } = f.location;
    const target = file === input && sheet ? `${sheet}${cell ? `!${cell}` : ""}` : null;
    const row = ws.addRow({
      level: LABEL[lang][kind(f)],
      cell: target ? { text: target, hyperlink: `#'${sheet!.replace(/'/g, "''")}'!${cell ?? "A1"}` } : formatLocation(f.location),
      where: placeText(f, lang),
      rule: f.ruleId,
      message: f.message + (f.accepted ? ` — ${acceptedText(f, lang)}` : ""),
      stated: f.stated ?? "",
      computed: f.computed ?? "",
      difference: f.difference ?? "",
      tolerance: f.tolerance ?? "",
    });
    row.getCell("level").fill = { type: "pattern", pattern: "solid", fgColor: { argb: ANNOTATION_FILLS[kind(f)] } };
    if (target) row.getCell("cell").font = { color: { argb: "FF0563C1" }, underline: true };
  }
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
