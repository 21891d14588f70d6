import { makeAmount } from "../model/amount.js";
import { PERCENT_CELL, type Cell, type Row, type Table } from "../model/document.js";
import { columnLabel } from "../model/queries.js";
import { ROW_RATIOS, type RowRatio } from "../templates/kinds.js";
import type { Rule, RuleContext } from "../engine/types.js";

/** A percentage as a table prints it (`-60.86%`, `4.88`, `－5.22％`): its figure; null for a blank, a dash or text. */
function percentOf(cell: Cell | undefined) {
  if (!cell) return null;
  const text = cell.text.trim().replace(/\s*[%％]$/, "").replace(/^[−－]/, "-");
  return /^-?\d/.test(text) ? makeAmount(text, cell.location, false) : null;
}

function rowRatio(ctx: RuleContext, t: Table, r: Row, id: RowRatio) {
  const percent = percentOf(r.cells[id.percent]);
  const numerator = r.cells[id.numerator]?.amount;
  const less = id.minus ? r.cells[id.minus]?.amount : null;
  const denominator = r.cells[id.denominator]?.amount;
  if (!percent || !numerator || !denominator || (id.minus && !less)) return;
  const mistaken = id.mistakenBase ? r.cells[id.mistakenBase.column]?.amount : null;
  ctx.ratio({
    subject: { table: t.id, unit: r.kind === "department" ? null : r.unit, code: r.code, item: r.kind === "unit" ? null : r.name ?? r.label, column: columnLabel(t, id.percent) },
    percent,
    numerator: less ? [{ amount: numerator }, { amount: less, sign: -1 as const }] : [{ amount: numerator }],
    denominator: [{ amount: denominator }],
    relation: { zh: id.zh, en: id.en },
    ...(mistaken && id.mistakenBase ? { alternatives: [{ denominator: [{ amount: mistaken }], relation: { zh: id.mistakenBase.zh, en: id.mistakenBase.en } }] } : {}),
  });
}

/**
 * A table of items as columns and years as rows (a 三公 table: 2024年预算数 | 2025年预算数 | 增减额 | 增减率 printed
 * down the page, one line an item): each item's 增减率, kept with the change's row, = its change ÷ last year's.
 */
function columnRatios(ctx: RuleContext, t: Table) {
  const change = t.rows.find((r) => r.role === "change");
  const previous = t.rows.find((r) => r.role === "previous-year");
  const current = t.rows.find((r) => r.role === "current-year");
  if (!change || !previous) return;
  for (const [k, c] of Object.entries(change.cells)) {
    if (!k.startsWith(PERCENT_CELL)) continue;
    const key = k.slice(PERCENT_CELL.length);
    const percent = percentOf(c);
    const last = previous.cells[key]?.amount;
    const now = current?.cells[key]?.amount;
    const printedChange = change.cells[key]?.amount;
    if (!percent || !last || (!now && !printedChange)) continue;
    // The change as the two years' figures make it (this year's − last year's, each within its rounding): a 增减额
    // printed as the difference of the printed figures and a 增减率 of the true amounts both hold. (The printed
    // 增减额 is checked against them by the table's own identity.)
    const numerator = now ? [{ amount: now }, { amount: last, sign: -1 as const }] : [{ amount: printedChange! }];
    ctx.ratio({
      subject: { table: t.id, unit: null, code: null, item: columnLabel(t, key), column: "增减率" },
      percent,
      numerator,
      denominator: [{ amount: last }],
      relation: now ? { zh: "（本年预算数 − 上年预算数）÷ 上年预算数", en: "(this year's − last year's budget) ÷ last year's budget" } : { zh: "增减额 ÷ 上年预算数", en: "change ÷ last year's budget" },
    });
  }
}

export const changePercent: Rule = {
  id: "change-percent",
  defaultSeverity: "error",
  unitTables: true,
  description: "Within a row, a table's 增减(%) equals its 增减额 ÷ last year's figure (上年执行数 or 上年预算数; the 扣除中央基建投资后 pair alike; where no 增减额 is printed, this year's − last year's), rounded as printed.",
  descriptionZh: "行内增减(%) = 增减额 ÷ 上年数（上年执行数或上年预算数；扣除中央基建投资后的一组同样；未列增减额时为本年数 − 上年数），按所列位数四舍五入。",
  check(doc, ctx) {
    for (const t of doc.tables) {
      columnRatios(ctx, t);
      const printed = new Set<string>();
      for (const c of t.columns) printed.add(c.key);
      for (const id of ROW_RATIOS) {
        if (!printed.has(id.percent) || !printed.has(id.numerator) || !printed.has(id.denominator) || (id.unless && printed.has(id.unless))) continue;
        for (const r of t.rows) if (id.rows.includes(r.kind)) rowRatio(ctx, t, r, id);
      }
    }
  },
};
