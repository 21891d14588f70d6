import { amountOf } from "../model/document.js";
import { columnLabel, tablesOf } from "../model/queries.js";
import type { Rule } from "../engine/types.js";
import type { TableKind } from "../model/document.js";

/**
 * `其中` columns: part ≤ whole. 小型、微型企业 ⊂ 中小企业 ⊂ 政府采购小计 (the 支出总表's procurement columns), or ⊂ the
 * 政府采购预算表's 合计 (福建's 其中：面向中小企业预留).
 */
const PAIRS: Partial<Record<TableKind, [string, string][]>> = {
  // A 决算's 三公 table: （1）国内接待费's 其中：外事接待费 (foreign guests received at home), in each of 预算数 and 决算数.
  sanggong: [
    ["reception-foreign-guests", "reception-domestic"],
    ["budget-reception-foreign-guests", "budget-reception-domestic"],
  ],
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
  unitTables: true,
  // (A 决算's 三公 table is read where its 支出决算表 is: its 外事接待费 is checked with the others, the rule's requirement unchanged.)
  requires: { tables: [["expenditure", "procurement"]] },
  description: "A 其中 column never exceeds the column it is part of (表3 政府采购: 小微企业 ≤ 中小企业 ≤ 小计; 政府采购预算表: 面向中小企业预留 ≤ 合计; a 决算's 三公 table: 外事接待费 ≤ 国内接待费).",
  descriptionZh: "“其中”列不大于其所属列（表3 政府采购：面向小微企业 ≤ 面向中小企业 ≤ 小计；政府采购预算表：面向中小企业预留 ≤ 合计；决算“三公”经费表：外事接待费 ≤ 国内接待费）。",
  check(doc, ctx) {
    for (const t of tablesOf(doc, ["expenditure", "procurement", "sanggong"]))
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
