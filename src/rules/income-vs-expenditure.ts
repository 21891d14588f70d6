import { amountOf, table, tableName, tableNameEn, type Row } from "../model/document.js";
import { columnLabel, rowByRole } from "../model/queries.js";
import type { Rule } from "../engine/types.js";

/** What identifies a row across the two tables: its kind, budget unit and code (a row named but not coded by its name). */
function rowKey(r: Row): string {
  return `${r.kind}\u0000${r.kind === "department" ? "" : (r.unit ?? "")}\u0000${r.code ?? ""}\u0000${r.kind === "item" ? r.name : ""}`;
}

export const incomeVsExpenditure: Rule = {
  id: "income-vs-expenditure",
  defaultSeverity: "error",
  unitTables: true,
  stage: "budget",
  requires: { tables: [["income"], ["expenditure"]] },
  description: "In a 预算, 收入总表 and 支出总表 balance line by line: the same 合计 for the department, each 预算单位 and each function code both print.",
  descriptionZh: "部门预算中收入总表与支出总表逐行平衡：部门、各预算单位及两表共有的各功能科目，收入合计等于支出合计。",
  check(doc, ctx) {
    const income = table(doc, "income");
    const expenditure = table(doc, "expenditure");
    if (!income || !expenditure || doc.stage !== "budget") return;
    // A budget that carries money forward to next year spends less than it receives: then the two need not agree.
    const summary = table(doc, "summary");
    const forward = amountOf(rowByRole(summary, "expenditure-carryforward"), "amount");
    if (forward && !forward.value.isZero() && !expenditure.columns.some((c) => c.key === "carry-forward")) return;
    const spent = new Map<string, Row>();
    for (const r of expenditure.rows) if (!spent.has(rowKey(r))) spent.set(rowKey(r), r);
    const rel = { zh: `${tableName(expenditure)} 同一行的合计`, en: `the total of the same line of ${tableNameEn(expenditure)}` };
    for (const r of income.rows) {
      const other = spent.get(rowKey(r));
      const stated = amountOf(r, "total");
      const computed = amountOf(other, "total");
      if (!stated || !computed) continue;
      ctx.equal({ table: income.id, unit: r.kind === "department" ? null : r.unit, code: r.code, item: r.kind === "unit" ? null : r.name, column: columnLabel(income, "total") }, stated, computed, rel);
    }
  },
};
