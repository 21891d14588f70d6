import { amountOf, table, tableName, tableNameEn, type Row, type TableKind } from "../model/document.js";
import { columnLabel } from "../model/queries.js";
import type { Rule } from "../engine/types.js";
import type { Amount } from "../model/amount.js";
import { mapArray } from "../util/arrays.js";

/** The tables that detail one column of the expenditure table: 基本支出总表 its 基本支出, 项目支出总表 its 项目支出. */
const DETAILS: [kind: TableKind, column: string][] = [
  ["basic-summary", "basic"],
  ["project-summary", "project"],
];

/** The expenditure table's columns of spending that is neither 基本支出 nor 项目支出. */
const OTHER_SPENDING = ["operating-expenditure", "remit-superior", "subsidiary-subsidy"];

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
  unitTables: true,
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
      const rel = { zh: `${tableName(expenditure)} 同一行的${columnLabel(expenditure, column)}`, en: `${columnLabel(expenditure, column)} of the same line of ${tableNameEn(expenditure)}` };
      // 广州's 项目支出及其他支出预算表: its 合计 is the 项目支出 and the other spending beside it (经营支出, 上缴上级,
      // 对附属单位补助) of the same line.
      const others = kind === "project-summary" && /其他支出/.test(detail.title) ? OTHER_SPENDING.filter((k) => expenditure.columns.some((c) => c.key === k)) : [];
      const summed = mapArray([column, ...others], (k) => columnLabel(expenditure, k)).join(" + ");
      const relOthers = others.length ? { zh: `${tableName(expenditure)} 同一行的${summed}`, en: `${summed} of the same line of ${tableNameEn(expenditure)}` } : rel;
      for (const r of detail.rows) {
        const key = rowKey(r, byFunction);
        const stated = amountOf(r, "total");
        const line = key ? spent.get(key) : undefined;
        const computed = amountOf(line, column);
        if (!stated || !computed) continue;
        const subject = { table: detail.id, unit: r.kind === "department" ? null : r.unit, code: r.code, item: r.kind === "code" ? r.name : r.kind === "department" ? r.name : null, column: columnLabel(detail, "total") };
        const parts: { amount: Amount }[] = [{ amount: computed }];
        for (const k of others) {
          const a = amountOf(line, k);
          if (a) parts.push({ amount: a });
        }
        if (parts.length > 1) ctx.sum({ subject, total: stated, parts, relation: relOthers });
        else ctx.equal(subject, stated, computed, rel);
      }
    }
  },
};
