import { cellSubject } from "../model/queries.js";
import { decimalString } from "../model/amount.js";
import { scaledOf } from "../engine/grid.js";
import type { Rule } from "../engine/types.js";

export const negativeAmount: Rule = {
  id: "negative-amount",
  defaultSeverity: "error",
  unitTables: true,
  description: "A budget amount that cannot be negative is printed negative.",
  descriptionZh: "不应为负数的预算金额列示为负数。",
  check(doc, ctx) {
    for (const t of doc.tables)
      for (const r of t.rows)
        for (const key in r.cells) {
          const cell = r.cells[key];
          const a = cell.amount;
          // Below zero (not a printed −0): read on the integer grid, so no figure's decimal is made here.
          if (!a || !a.nonNegative || !(scaledOf(a) < 0)) continue;
          ctx.report({
            subject: cellSubject(t, r, key),
            location: a.location,
            message: { zh: `金额 ${a.text} 为负数，预算金额不应小于 0`, en: `amount ${a.text} is negative; a budget amount cannot be below 0` },
            stated: decimalString(a.value),
          });
        }
  },
};
