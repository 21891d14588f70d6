import { amountOf, table, type Row } from "../model/document.js";
import { columnLabel, unitBlocks, unitKey } from "../model/queries.js";
import type { Rule } from "../engine/types.js";

export const economicVsFunction: Rule = {
  id: "economic-vs-function",
  defaultSeverity: "error",
  description: "Per budget unit and for the department, 表8 (economic classification) 支出总计 / 基本支出 / 项目支出 equal 表7's (function classification).",
  descriptionZh: "各预算单位及部门合计：表8（按经济分类）的支出总计、基本支出、项目支出与表7（按功能分类）相同。",
  check(doc, ctx) {
    const t7 = table(doc, "T7");
    const t8 = table(doc, "T8");
    if (!t7 || !t8) return;
    const a = unitBlocks(t8);
    const b = unitBlocks(t7);
    const pairs: [Row, Row | undefined][] = [];
    if (a.department) pairs.push([a.department, b.department ?? undefined]);
    for (const u of a.units) pairs.push([u.row, b.units.find((x) => unitKey(x.row.unit) === unitKey(u.row.unit))?.row]);
    for (const [r8, r7] of pairs) {
      if (!r7) continue;
      for (const key of ["total", "basic", "project"]) {
        const x = amountOf(r8, key);
        const y = amountOf(r7, key);
        if (x && y)
          ctx.equal(
            { table: "T8", unit: r8.kind === "department" ? null : r8.unit, item: r8.kind === "department" ? r8.name : null, column: columnLabel("T8", key) },
            x,
            y,
            { zh: "表7 同一单位", en: "the same unit in T7" },
          );
      }
    }
  },
};
