import { cellSubject } from "../model/queries.js";
import { MALFORMED_REASONS } from "../model/amount.js";
import type { Rule } from "../engine/types.js";

/**
 * A cell of an amount column whose text is an attempt at a number but not a well-formed amount
 * (`9,7244`, `12.3.4`, `1e400`, `NaN`): the loaders mark it (Cell.invalid) instead of reading it as
 * empty, and this rule reports it, so a mistyped figure cannot silently drop out of every sum.
 */
export const amountFormat: Rule = {
  id: "amount-format",
  defaultSeverity: "error",
  unitTables: true,
  description: "A cell of an amount column holds a malformed number (9,7244 · 12.3.4 · 1e400 · NaN); its sums cannot be checked.",
  descriptionZh: "金额列的单元格数字格式有误（如 9,7244、12.3.4、1e400、NaN），其所在的合计无法核对。",
  check(doc, ctx) {
    for (const t of doc.tables)
      for (const r of t.rows)
        for (const key in r.cells) {
          const cell = r.cells[key];
          if (!cell.invalid) continue;
          const why = MALFORMED_REASONS[cell.invalid];
          const text = cell.text.trim();
          ctx.report({
            subject: cellSubject(t, r, key),
            location: cell.location,
            message: {
              zh: `金额“${text}”格式有误（${why.zh}），该数未计入任何合计，相关核对无法进行`,
              en: `the amount “${text}” is malformed (${why.en}); it is left out of every sum it belongs to, so they cannot be checked`,
            },
          });
        }
  },
};
