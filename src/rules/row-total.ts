import { amountOf, type Row, type Table, type TableKind } from "../model/document.js";
import { columnLabel } from "../model/queries.js";
import { identityApplies, KINDS, type RowIdentity } from "../templates/kinds.js";
import type { Msg, Rule, RuleContext, Term } from "../engine/types.js";
import { mapArray } from "../util/arrays.js";

/** What an identity needs for every row of a table, worked out once per table rather than per row. */
interface Prepared {
  id: RowIdentity;
  column: string;
  relation: Msg;
}

function prepare(t: Table, id: RowIdentity): Prepared {
  // The relation names only the parts this table prints.
  const printed = id.parts.filter((k) => t.columns.some((c) => c.key === k));
  const named = printed.length < id.parts.length && printed.length > 0 && id.rows?.includes("code");
  return {
    id,
    column: columnLabel(t, id.total),
    relation: named && printed.length > 2 ? { zh: mapArray(printed, (k) => columnLabel(t, k)).join(" + "), en: id.labelParts ? mapArray(printed, (k) => columnLabel(t, k)).join(" + ") : printed.join(" + ") } : { zh: id.zh, en: id.en },
  };
}

/** `row[total] = Σ row[parts]` when the total and at least one part are printed. */
function rowSum(ctx: RuleContext, t: Table, r: Row, p: Prepared) {
  const id = p.id;
  const total = amountOf(r, id.total);
  if (!total) return;
  const terms: Term[] = [];
  for (const k of id.parts) {
    const amount = amountOf(r, k);
    if (amount) terms.push({ amount });
  }
  if (terms.length === 0) return;
  for (const k of id.minus ?? []) {
    const a = amountOf(r, k);
    if (a) terms.push({ amount: a, sign: -1 });
  }
  ctx.sum({
    subject: { table: t.id, unit: r.kind === "department" ? null : r.unit, code: r.code, item: r.kind === "unit" ? null : r.kind === "year" ? r.label : r.name, column: p.column },
    total,
    parts: terms,
    relation: p.relation,
  });
}

export const rowTotal: Rule = {
  id: "row-total",
  defaultSeverity: "error",
  unitTables: true,
  // Every kind of table that has identities within a row (src/templates/kinds.ts).
  requires: { tables: [(Object.keys(KINDS) as TableKind[]).filter((k) => KINDS[k].rowIdentities.length > 0)] },
  description: "Within a row, a total equals the sum of its columns: 支出总计 = 基本支出 + 项目支出, 合计 = Σ income sources, 合计 = 人员经费 + 公用经费, 三公 总计 and 小计, 总额 = 财政拨款 + 其他资金.",
  descriptionZh: "行内合计等于各列之和：支出总计 = 基本支出 + 项目支出，收入合计 = 各项收入之和，基本支出合计 = 人员经费 + 公用经费，三公经费总计与小计，绩效目标表总额 = 财政拨款 + 其他资金。",
  check(doc, ctx) {
    for (const t of doc.tables)
      for (const id of KINDS[t.kind].rowIdentities.filter((i) => identityApplies(i, new Set(mapArray(t.columns, (c) => c.key))))) {
        const p = prepare(t, id);
        for (const r of t.rows)
          if (!id.rows || id.rows.includes(r.kind) || (id.orRole && r.role === id.orRole)) rowSum(ctx, t, r, p);
      }
  },
};
