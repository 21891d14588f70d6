import type { Rule } from "../engine/types.js";

/**
 * A value printed past the last column of its table's header has no column to be read into, so no
 * check sees it: said, instead of dropped without a word (a row shifted right by a stray cell, a figure
 * typed one column too far).
 */
export const beyondHeader: Rule = {
  id: "beyond-header",
  defaultSeverity: "warning",
  unitTables: true,
  description: "A value is printed past the last column of its table's header: it is not read, so no check sees it.",
  descriptionZh: "表格表头最后一列之后还列有内容：该内容未被读取，任何核对都不包括它。",
  check(doc, ctx) {
    for (const t of doc.tables)
      for (const cell of t.beyondHeader ?? [])
        ctx.report({
          subject: { table: t.id },
          location: cell.location,
          message: {
            zh: `“${cell.text}”列在表头最后一列（共 ${t.columns.length} 列）之后，未被读取，相关核对未包括该内容`,
            en: `“${cell.text}” is printed past the last column of the header; it is not read, so no check includes it`,
          },
        });
  },
};
