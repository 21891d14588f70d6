import { normaliseName } from "../model/names.js";
import type { Rule } from "../engine/types.js";

export const tablePresence: Rule = {
  id: "table-presence",
  defaultSeverity: "warning",
  description: "Every table the 目录 lists is present in the document.",
  descriptionZh: "目录所列的每张表均应在文件中出现。",
  check(doc, ctx) {
    for (const e of doc.contents) {
      if (e.kind !== "table" || !e.tableId) continue;
      if (doc.tables.some((t) => t.id === e.tableId)) continue;
      // Printed, but in a layout this version cannot read: listed among the unknown tables instead.
      if (doc.unknownTables?.some((u) => normaliseName(u.title).includes(normaliseName(e.title).replace(/^\d{4}年度?/, "")))) continue;
      ctx.report({
        subject: { table: e.tableId, item: e.title },
        location: e.location,
        message: { zh: `目录列有“${e.title}”，但文件中没有这张表`, en: `the contents list “${e.title}” but the document has no such table` },
      });
    }
  },
};
