import { amountOf, table, tableName, type TableKind } from "../model/document.js";
import { codeAcrossUnits, columnLabel } from "../model/queries.js";
import type { Rule } from "../engine/types.js";

/** 表1 items come from 表3 (all funds); 表6 items from 表7 + 表10 + 表11 (government allocations). */
const SOURCES: [TableKind, TableKind[]][] = [
  ["summary", ["expenditure"]],
  ["allocation-summary", ["general-function", "gov-fund", "state-capital"]],
];

export const itemsVsUnits: Rule = {
  id: "items-vs-units",
  defaultSeverity: "error",
  requires: { tables: [["summary", "allocation-summary"], ["expenditure", "general-function", "gov-fund", "state-capital"]] },
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
          subject: { table: summary.id, code: r.code, item: r.name, column: columnLabel(summary, "amount") },
          total,
          parts,
          relation: {
            zh: `${sources.map((s) => tableName(s)).join("、")}各单位同一科目合计`,
            en: `sum over units of the same code in ${sources.map((s) => s!.id).join(", ")}`,
          },
        });
      }
    }
  },
};
