import type { Rule } from "../engine/types.js";

export const itemCode: Rule = {
  id: "item-code",
  defaultSeverity: "warning",
  requires: { tables: [["summary", "allocation-summary"]] },
  description: "Each 表1/表6 expenditure item printed by name resolves to a function code printed elsewhere in the document.",
  descriptionZh: "表1/表6 按名称列示的支出项目应能对应到文中其他表列示的功能分类科目编码。",
  check(doc, ctx) {
    for (const t of doc.tables) {
      if (t.kind !== "summary" && t.kind !== "allocation-summary") continue;
      for (const r of t.rows) {
        if (r.side !== "expenditure" || r.kind !== "item" || r.role || r.code) continue;
        // A line printed without an amount (a 决算 lists every 类) takes part in no check.
        const a = r.cells.amount?.amount;
        if (!a || a.value.isZero()) continue;
        ctx.report({
          subject: { table: t.id, item: r.name, column: "项目" },
          location: r.location,
          message: {
            zh: `支出项目“${r.name}”无法对应到功能分类科目编码（表3/表7 中没有同名科目），不参与核对`,
            en: `expenditure item “${r.name}” matches no function code printed in T3/T7 and is left out of the checks`,
          },
        });
      }
    }
  },
};
