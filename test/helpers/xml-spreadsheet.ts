import { toR1C1 } from "./formulas.js";
import { readBook } from "./read-book.js";

/*
 * An .xlsx workbook written again as an Excel 2003 XML spreadsheet (SpreadsheetML 2003), as a finance system's
 * "export to Excel" writes one: the same cells at the same addresses, numbers stored with the workbook's number
 * formats as styles (`0.00` and `#,##0.00` by their SpreadsheetML names, `Fixed` and `Standard`), merged cells as
 * `ss:MergeAcross` / `ss:MergeDown`, `ss:Index` only where a row or cell does not follow the one before, hidden
 * rows, columns and sheets, formulas (in R1C1, as Excel writes them) with their cached values, and a comment on the first figure of each sheet (not
 * printed, so not read).
 */

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/\n/g, "&#10;");
const NAMED: Record<string, string> = { "0.00": "Fixed", "#,##0.00": "Standard" };

function colOf(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

export async function asXmlSpreadsheet(xlsxPath: string): Promise<string> {
  const wb = await readBook(xlsxPath);
  const styles = new Map<string, string>();
  const styleOf = (numFmt: string | undefined) => {
    if (!numFmt) return "";
    if (!styles.has(numFmt)) styles.set(numFmt, `s${styles.size + 62}`);
    return ` ss:StyleID="${styles.get(numFmt)}"`;
  };
  const sheets: string[] = [];
  for (const ws of wb.worksheets) {
    // Merged ranges by their first cell: how many columns across and rows down.
    const merges = new Map<string, { across: number; down: number }>();
    const covered = new Set<string>();
    for (const range of (ws.model as { merges?: string[] }).merges ?? []) {
      const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
      if (!m) continue;
      const [c1, r1, c2, r2] = [colOf(m[1]), Number(m[2]), colOf(m[3]), Number(m[4])];
      merges.set(`${c1}:${r1}`, { across: c2 - c1, down: r2 - r1 });
      for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) if (r !== r1 || c !== c1) covered.add(`${c}:${r}`);
    }
    const out: string[] = [`<Worksheet ss:Name="${esc(ws.name)}"><Table>`];
    for (let c = 1; c <= ws.columnCount; c++) if (ws.getColumn(c).hidden) out.push(`<Column ss:Index="${c}" ss:Hidden="1" ss:Width="60"/>`);
    let lastRow = 0;
    let first = true;
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const cells: string[] = [];
      let lastCol = 0;
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (covered.has(`${c}:${r}`)) return;
        const raw = cell.value as unknown;
        const formula = raw && typeof raw === "object" && ("formula" in (raw as object) || "sharedFormula" in (raw as object)) ? { formula: cell.formula, result: (raw as { result?: unknown }).result } : null;
        const v = formula ? formula.result : raw;
        let data = "";
        if (typeof v === "number") data = `<Data ss:Type="Number">${String(v)}</Data>`;
        else if (typeof v === "string") data = `<Data ss:Type="String">${esc(v)}</Data>`;
        else if (v && typeof v === "object" && "richText" in (v as object))
          data = `<ss:Data ss:Type="String" xmlns="http://www.w3.org/TR/REC-html40">${(v as { richText: { text: string }[] }).richText.map((t) => `<B>${esc(t.text)}</B>`).join("")}</ss:Data>`;
        else if (v === null || v === undefined) return;
        else data = `<Data ss:Type="String">${esc(String(v))}</Data>`;
        const merge = merges.get(`${c}:${r}`);
        const attrs = [
          c !== lastCol + 1 ? ` ss:Index="${c}"` : "",
          merge?.across ? ` ss:MergeAcross="${merge.across}"` : "",
          merge?.down ? ` ss:MergeDown="${merge.down}"` : "",
          typeof v === "number" ? styleOf(cell.numFmt) : "",
          formula ? ` ss:Formula="=${esc(toR1C1(formula.formula, r, c))}"` : "",
        ].join("");
        const comment = first && typeof v === "number" ? '<Comment ss:Author="审核"><ss:Data xmlns="http://www.w3.org/TR/REC-html40"><B>备注：</B>核对 9999</ss:Data></Comment>' : "";
        if (typeof v === "number") first = false;
        cells.push(`<Cell${attrs}>${data}${comment}</Cell>`);
        lastCol = c + (merge?.across ?? 0);
      });
      if (!cells.length) return;
      out.push(`<Row${r !== lastRow + 1 ? ` ss:Index="${r}"` : ""}${row.hidden ? ' ss:Hidden="1"' : ""}>${cells.join("")}</Row>`);
      lastRow = r;
    });
    out.push("</Table>");
    out.push(`<WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel">${ws.state === "hidden" ? "<Visible>SheetHidden</Visible>" : ws.state === "veryHidden" ? "<Visible>SheetVeryHidden</Visible>" : ""}<ProtectObjects>False</ProtectObjects></WorksheetOptions>`);
    out.push("</Worksheet>");
    sheets.push(out.join("\n"));
  }
  const styleXml = [...styles].map(([fmt, id]) => `<Style ss:ID="${id}" ss:Parent="Default"><NumberFormat ss:Format="${esc(NAMED[fmt] ?? fmt)}"/></Style>`);
  return [
    '<?xml version="1.0"?>',
    '<?mso-application progid="Excel.Sheet"?>',
    '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:html="http://www.w3.org/TR/REC-html40">',
    '<DocumentProperties xmlns="urn:schemas-microsoft-com:office:office"><Author>预算管理一体化系统</Author></DocumentProperties>',
    `<Styles><Style ss:ID="Default" ss:Name="Normal"><Alignment ss:Vertical="Center"/><Font ss:FontName="宋体" x:CharSet="134" ss:Size="11"/></Style>${styleXml.join("")}</Styles>`,
    ...sheets,
    "</Workbook>",
  ].join("\n");
}
