import { makeAmount } from "../model/amount.js";
import type { Cell, Row, Table } from "../model/document.js";
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
  const denominator = r.cells[id.denominator]?.amount;
  if (!percent || !numerator || !denominator) return;
  const mistaken = id.mistakenBase ? r.cells[id.mistakenBase.column]?.amount : null;
  ctx.ratio({
    subject: { table: t.id, unit: r.kind === "department" ? null : r.unit, code: r.code, item: r.kind === "unit" ? null : r.name ?? r.label, column: columnLabel(t, id.percent) },
    percent,
    numerator: [{ amount: numerator }],
    denominator: [{ amount: denominator }],
    relation: { zh: id.zh, en: id.en },
    ...(mistaken && id.mistakenBase ? { alternatives: [{ denominator: [{ amount: mistaken }], relation: { zh: id.mistakenBase.zh, en: id.mistakenBase.en } }] } : {}),
  });
}

export const changePercent: Rule = {
  id: "change-percent",
  defaultSeverity: "error",
  description: "Within a row, a table's 增减(%) equals its 增减额 ÷ last year's figure (上年执行数 or 上年预算数; the 扣除中央基建投资后 pair alike), rounded as printed.",
  descriptionZh: "行内增减(%) = 增减额 ÷ 上年数（上年执行数或上年预算数；扣除中央基建投资后的一组同样），按所列位数四舍五入。",
  check(doc, ctx) {
    for (const t of doc.tables) {
      const printed = new Set<string>();
      for (const c of t.columns) printed.add(c.key);
      for (const id of ROW_RATIOS) {
        if (!printed.has(id.percent) || !printed.has(id.numerator) || !printed.has(id.denominator)) continue;
        for (const r of t.rows) if (id.rows.includes(r.kind)) rowRatio(ctx, t, r, id);
      }
    }
  },
};
