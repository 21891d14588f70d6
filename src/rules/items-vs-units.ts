import { amountOf, table, type TableId } from "../model/document.js";
import { codeAcrossUnits } from "../model/queries.js";
import type { Rule } from "../engine/types.js";

/** 表1 items come from 表3 (all funds); 表6 items from 表7 + 表10 + 表11 (government allocations). */
const SOURCES: [TableId, TableId[]][] = [
  ["T1", ["T3"]],
  ["T6", ["T7", "T10", "T11"]],
];

export const itemsVsUnits: Rule = {
  id: "items-vs-units",
  defaultSeverity: "error",
  description: "Each 表1 expenditure item equals the sum over budget units of the same code in 表3; each 表6 item the same in 表7 (+ 表10 + 表11).",
  descriptionZh: "表1 各支出功能科目 = 表3 各单位同一科目之和；表6 = 表7（及表10、表11）各单位同一科目之和。",
  check(doc, ctx) {
    for (const [summaryId, sourceIds] of SOURCES) {
      const summary = table(doc, summaryId);
      const sources = sourceIds.map((id) => table(doc, id)).filter((t) => !!t);
      if (!summary || sources.length === 0 || !sources.some((t) => t!.rows.some((r) => r.kind === "code"))) continue;
      for (const r of summary.rows) {
        if (r.side !== "expenditure" || r.kind !== "item" || !r.code) continue;
        const total = amountOf(r, "amount");
        if (!total) continue;
        const parts = sources.flatMap((t) => codeAcrossUnits(t!, r.code!, "total")).map((amount) => ({ amount }));
        ctx.sum({
          subject: { table: summaryId, code: r.code, item: r.name, column: "预算数" },
          total,
          parts,
          relation: {
            zh: `${sourceIds.map((s) => `表${s.slice(1)}`).join("、")}各单位同一科目合计`,
            en: `sum over units of the same code in ${sourceIds.join(", ")}`,
          },
        });
      }
    }
  },
};
