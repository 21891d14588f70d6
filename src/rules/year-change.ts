import { amountOf } from "../model/document.js";
import { amountColumns, columnLabel, SANGGONG_KINDS, tablesOf } from "../model/queries.js";
import type { Rule } from "../engine/types.js";
import { mapArray } from "../util/arrays.js";

export const yearChange: Rule = {
  id: "year-change",
  defaultSeverity: "error",
  unitTables: true,
  requires: { tables: [SANGGONG_KINDS] },
  description: "表9: each unit's 增减变化金额 equals this year's amount minus last year's, column by column.",
  descriptionZh: "表9 各单位增减变化金额 = 本年预算数 − 上年预算数（逐列）。",
  check(doc, ctx) {
    // (A fund's own 三公 table too: 政府性基金预算“三公”经费支出预算表.)
    for (const t of tablesOf(doc, SANGGONG_KINDS)) {
      const units = [...new Set(mapArray(t.rows, (r) => r.unit))];
      for (const unit of units) {
        const rows = t.rows.filter((r) => r.unit === unit);
        const cur = rows.find((r) => r.role === "current-year");
        const prev = rows.find((r) => r.role === "previous-year");
        const change = rows.find((r) => r.role === "change");
        if (!cur || !prev || !change) continue;
        for (const key of amountColumns(t)) {
          const c = amountOf(change, key);
          const a = amountOf(cur, key);
          const b = amountOf(prev, key);
          if (!c || !a || !b) continue;
          ctx.sum({
            subject: { table: t.id, unit, item: change.label, column: columnLabel(t, key) },
            total: c,
            parts: [{ amount: a }, { amount: b, sign: -1 }],
            relation: { zh: `${cur.label} − ${prev.label}`, en: `${cur.label} − ${prev.label}` },
          });
        }
      }
    }
  },
};
