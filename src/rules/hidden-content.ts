import type { Rule } from "../engine/types.js";
import { sheetTable, tableAround } from "../model/workbook.js";

export const hiddenContent: Rule = {
  id: "hidden-content",
  defaultSeverity: "warning",
  description: "Workbooks: hidden worksheets, rows and columns are not read (the tables are checked as printed); a hidden row or column holding amounts inside a table is a warning; hidden worksheets and other hidden rows and columns are noted (info).",
  descriptionZh: "工作簿：隐藏的工作表、行、列不读取（表格按打印所见核对）；位于表格之内且含金额的隐藏行列为警告；隐藏的工作表和其他隐藏行、列予以提示。",
  workbookOnly: true,
  check(doc, ctx) {
    const wb = doc.workbook;
    if (!wb) return;
    for (const s of wb.hiddenSheets) {
      ctx.report({
        subject: { table: sheetTable(doc, s.sheet) },
        location: s.location,
        informational: true,
        message: { zh: `工作表“${s.sheet}”被隐藏（不公开，不读取）`, en: `worksheet “${s.sheet}” is hidden (not published, not read)` },
      });
    }
    // A hidden row or column is not printed and not read (loaders/sheets.ts): the tables are checked as printed.
    // One that holds amounts inside a table (between its rows, or its columns of amounts) is a warning: a total
    // may count figures that do not show.
    for (const h of wb.hiddenRows) {
      const around = h.hasAmounts ? tableAround(doc, h.sheet, { row: h.row }) : null;
      ctx.report({
        subject: { table: around?.id ?? sheetTable(doc, h.sheet) },
        location: h.location,
        informational: !around,
        message: around
          ? { zh: `第 ${h.row} 行被隐藏，位于表格各行之间且含金额：隐藏行不打印，也不读取，表格按打印所见核对，合计可能计入了看不到的数字`, en: `row ${h.row} is hidden and holds amounts among the table's rows: a hidden row does not print and is not read, so the table is checked as printed, and a total may count figures that do not show` }
          : { zh: `第 ${h.row} 行被隐藏（不打印，不读取）`, en: `row ${h.row} is hidden (not printed, not read)` },
      });
    }
    for (const h of wb.hiddenColumns) {
      const around = h.hasAmounts ? tableAround(doc, h.sheet, { column: h.column }) : null;
      ctx.report({
        subject: { table: around?.id ?? sheetTable(doc, h.sheet) },
        location: h.location,
        informational: !around,
        message: around
          ? { zh: `第 ${h.column} 列被隐藏，位于表格金额列之间且含金额：隐藏列不打印，也不读取，表格按打印所见核对`, en: `column ${h.column} is hidden and holds amounts between the table's columns of amounts: a hidden column does not print and is not read, so the table is checked as printed` }
          : { zh: `第 ${h.column} 列被隐藏（不打印，不读取）`, en: `column ${h.column} is hidden (not printed, not read)` },
      });
    }
  },
};
