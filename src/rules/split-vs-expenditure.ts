import { amountOf, table, tableName, type Row, type TableKind } from "../model/document.js";
import { columnLabel } from "../model/queries.js";
import type { Rule } from "../engine/types.js";

/** The tables that detail one column of the expenditure table: 基本支出总表 its 基本支出, 项目支出总表 its 项目支出. */
const DETAILS: [kind: TableKind, column: string][] = [
  ["basic-summary", "basic"],
  ["project-summary", "project"],
];

/** The expenditure row a detail row stands for: the department's, a unit's, or (in a table by function code) a unit's code. */
function rowKey(r: Row, byFunction: boolean): string | null {
  if (r.kind === "department") return "department";
  if (r.kind === "unit") return `unit\u0000${r.unit}`;
  if (r.kind === "code" && byFunction && r.code) return `code\u0000${r.unit ?? ""}\u0000${r.code}`;
  return null;
}

export const splitVsExpenditure: Rule = {
  id: "split-vs-expenditure",
  defaultSeverity: "error",
  requires: { tables: [["basic-summary", "project-summary"], ["expenditure"]] },
  description: "基本支出总表's totals = 支出总表's 基本支出, and 项目支出总表's = its 项目支出: for the department, each 预算单位 and (by function code) each code.",
  descriptionZh: "基本支出总表的合计等于支出总表的基本支出，项目支出总表的合计等于其项目支出：部门、各预算单位及（按功能科目列示时）各科目。",
  check(doc, ctx) {
    const expenditure = table(doc, "expenditure");
    if (!expenditure) return;
    const spent = new Map<string, Row>();
    for (const r of expenditure.rows) {
      const key = rowKey(r, true);
      if (key && !spent.has(key)) spent.set(key, r);
    }
    for (const [kind, column] of DETAILS) {
      const detail = table(doc, kind);
      if (!detail || !expenditure.columns.some((c) => c.key === column)) continue;
      const byFunction = detail.rows.some((r) => r.kind === "code" && r.codeKind === "function");
      const rel = { zh: `${tableName(expenditure)} 同一行的${columnLabel(expenditure, column)}`, en: `${columnLabel(expenditure, column)} of the same line of ${expenditure.id}` };
      for (const r of detail.rows) {
        const key = rowKey(r, byFunction);
        const stated = amountOf(r, "total");
        const computed = key ? amountOf(spent.get(key), column) : undefined;
        if (!stated || !computed) continue;
        ctx.equal({ table: detail.id, unit: r.kind === "department" ? null : r.unit, code: r.code, item: r.kind === "code" ? r.name : r.kind === "department" ? r.name : null, column: columnLabel(detail, "total") }, stated, computed, rel);
      }
    }
  },
};
