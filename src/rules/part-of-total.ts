import { amountOf } from "../model/document.js";
import { columnLabel, tablesOf } from "../model/queries.js";
import type { Rule } from "../engine/types.js";
import type { TableKind } from "../model/document.js";

/**
 * `其中` columns: part ≤ whole. 小型、微型企业 ⊂ 中小企业 ⊂ 政府采购小计 (the 支出总表's procurement columns), or ⊂ the
 * 政府采购预算表's 合计 (福建's 其中：面向中小企业预留).
 */
const PAIRS: Partial<Record<TableKind, [string, string][]>> = {
  expenditure: [
    ["proc-sme", "proc-total"],
    ["proc-micro", "proc-sme"],
  ],
  procurement: [
    ["proc-sme", "total"],
    ["proc-micro", "proc-sme"],
  ],
};

export const partOfTotal: Rule = {
  id: "part-of-total",
  defaultSeverity: "error",
  requires: { tables: [["expenditure", "procurement"]] },
  description: "A 其中 column never exceeds the column it is part of (表3 政府采购: 小微企业 ≤ 中小企业 ≤ 小计; 政府采购预算表: 面向中小企业预留 ≤ 合计).",
  descriptionZh: "“其中”列不大于其所属列（表3 政府采购：面向小微企业 ≤ 面向中小企业 ≤ 小计；政府采购预算表：面向中小企业预留 ≤ 合计）。",
  check(doc, ctx) {
    for (const t of tablesOf(doc, ["expenditure", "procurement"]))
      for (const r of t.rows)
        for (const [part, whole] of PAIRS[t.kind] ?? []) {
          const p = amountOf(r, part);
          const w = amountOf(r, whole);
          if (p && w)
            ctx.atMost({
              subject: { table: t.id, unit: r.kind === "department" ? null : r.unit, code: r.code, item: r.kind === "code" || (t.kind === "procurement" && r.kind === "item") ? r.name : null, column: columnLabel(t, part) },
              part: p,
              whole: w,
              relation: { zh: columnLabel(t, whole), en: columnLabel(t, whole) },
            });
        }
  },
};
