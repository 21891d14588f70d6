import type { Rule } from "../engine/types.js";
import { amountsInColumn, rowAt, sheetTable } from "../model/workbook.js";

export const hiddenContent: Rule = {
  id: "hidden-content",
  defaultSeverity: "warning",
  description: "Workbooks: a hidden row or column whose amounts a table uses (warning); hidden sheets and other hidden rows and columns are noted (info).",
  descriptionZh: "工作簿：隐藏行或列中的金额参与表格核对（警告）；隐藏的工作表和其他隐藏行、列予以提示。",
  workbookOnly: true,
  check(doc, ctx) {
    const wb = doc.workbook;
    if (!wb) return;
    for (const s of wb.hiddenSheets) {
      ctx.report({
        subject: { table: sheetTable(doc, s.sheet) },
        location: s.location,
        informational: true,
        message: { zh: `工作表“${s.sheet}”被隐藏，其内容仍参与核对`, en: `worksheet “${s.sheet}” is hidden; its contents are still checked` },
      });
    }
    for (const h of wb.hiddenRows) {
      const at = rowAt(doc, h.sheet, h.row);
      const used = !!at && h.hasAmounts && Object.values(at.row.cells).some((c) => c.amount);
      ctx.report({
        subject: { table: at?.table.id ?? sheetTable(doc, h.sheet), unit: at?.row.unit ?? null, code: at?.row.code ?? null, item: at?.row.name ?? null },
        location: h.location,
        informational: !used,
        message: used
          ? { zh: `第 ${h.row} 行被隐藏，但其金额参与表格核对，打印或查看时看不到`, en: `row ${h.row} is hidden but its amounts take part in the table's identities; it does not show when printed or viewed` }
          : { zh: `第 ${h.row} 行被隐藏`, en: `row ${h.row} is hidden` },
      });
    }
    for (const h of wb.hiddenColumns) {
      const used = amountsInColumn(doc, h.sheet, h.column) > 0;
      ctx.report({
        subject: { table: sheetTable(doc, h.sheet) },
        location: h.location,
        informational: !used,
        message: used
          ? { zh: `第 ${h.column} 列被隐藏，但其金额参与表格核对，打印或查看时看不到`, en: `column ${h.column} is hidden but its amounts take part in the table's identities; it does not show when printed or viewed` }
          : { zh: `第 ${h.column} 列被隐藏`, en: `column ${h.column} is hidden` },
      });
    }
  },
};
