import { normaliseName } from "../model/names.js";
import type { Rule } from "../engine/types.js";
import { cutOff } from "../model/cutoff.js";
import { mapArray } from "../util/arrays.js";

export const tablePresence: Rule = {
  id: "table-presence",
  defaultSeverity: "warning",
  description: "Every table the 目录 lists is present in the document.",
  descriptionZh: "目录所列的每张表均应在文件中出现。",
  check(doc, ctx) {
    // A document cut off inside a table: say where it ends, at its last row (the missing tables follow).
    const cut = cutOff(doc);
    if (cut) {
      const n = (id: string) => id.slice(1);
      const names = mapArray(cut.missing, (id) => `表${n(id)}`).join("、");
      ctx.report({
        subject: { table: cut.table },
        location: cut.last,
        message: {
          zh: `文件在第 ${cut.last.line} 行（表${n(cut.table)} 中途）结束，似被截断：目录所列其后的 ${names} 均未出现，表${n(cut.table)} 也可能不完整`,
          en: `the document ends at line ${cut.last.line}, inside ${cut.table}: it seems cut off — ${cut.missing.join(", ")}, listed in the contents after it, are not there, and ${cut.table} may be incomplete`,
        },
      });
    }
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
