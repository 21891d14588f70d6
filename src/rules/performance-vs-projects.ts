import { unitCore } from "../claims/match.js";
import type { Rule, RuleContext } from "../engine/types.js";
import { amountOf, table, tableName, tableNameEn, type BudgetDocument, type Row, type Table } from "../model/document.js";
import { normaliseName } from "../model/names.js";
import { columnLabel } from "../model/queries.js";

/** A project's key: its unit (as the tables name it, whatever their brackets) and its name. */
const keyOf = (r: Row) => `${unitCore(r.unit ?? "")}\u0000${normaliseName(r.name ?? "")}`;

/**
 * 项目支出绩效表 (a list of projects with their 金额 and 绩效目标, 杭州's 表11; 北京's 项目支出绩效目标表, a project's cells
 * merged down over its indicators) against the list of projects with their budget (项目支出预算表, 杭州's 表10): the
 * same project, the same amount. Where no list names the projects (北京 prints none), the form's projects are some of
 * the 支出总表's 项目支出: together no more than it.
 */
export const performanceVsProjects: Rule = {
  id: "performance-vs-projects",
  defaultSeverity: "error",
  unitTables: true,
  requires: { tables: [["project-performance"], ["project-summary", "expenditure"]] },
  description: "项目支出绩效表: each project's 金额 equals the 合计 of the same unit's project of that name in the project list (项目支出预算表), and its 合计 the list's; a project the list does not print is noted. With no list naming the projects, their sum is at most the 项目支出 of the 支出总表.",
  descriptionZh: "项目支出绩效表中各项目金额等于项目支出预算表中同一单位同名项目的合计，其合计等于项目支出预算表合计；项目支出预算表未列的项目予以提示。未列示按项目名称的项目支出预算表时，各项目金额之和不超过部门支出总表的项目支出。",
  check(doc, ctx) {
    const perf = table(doc, "project-performance");
    if (!perf) return;
    const list = table(doc, "project-summary");
    // A 项目支出 table by function code (深圳's 表5) names no project: nothing to match, but the sum.
    if (!list || !list.rows.some((r) => r.kind === "item" && r.name) || list.rows.some((r) => r.kind === "code")) {
      withinProjectExpenditure(doc, perf, ctx);
      return;
    }
    const byKey = new Map<string, Row[]>();
    for (const r of list.rows) if (r.kind === "item" && r.name) byKey.set(keyOf(r), [...(byKey.get(keyOf(r)) ?? []), r]);
    const relation = { zh: `${tableName(list)} 同一单位同名项目合计`, en: `${tableNameEn(list)} the same unit's project of that name, 合计` };
    for (const r of perf.rows) {
      const a = amountOf(r, "total");
      if (r.kind !== "item" || !r.name || !a) continue;
      const same = byKey.get(keyOf(r)) ?? [];
      const b = same.length === 1 ? amountOf(same[0], "total") : null;
      if (b) {
        ctx.equal({ table: perf.id, unit: r.unit, item: r.name, column: columnLabel(perf, "total") }, a, b, relation);
        continue;
      }
      // Not found, or printed twice in the list: not compared, said so.
      const where = r.unit ? `${r.unit} ${r.name}` : r.name;
      ctx.report({
        subject: { table: perf.id, unit: r.unit, item: r.name, column: columnLabel(perf, "total") },
        location: a.location,
        informational: true,
        message:
          same.length > 1
            ? { zh: `“${where}”在${tableName(list)}中出现 ${same.length} 次，未核对其金额`, en: `“${where}” is printed ${same.length} times in ${tableNameEn(list)}; its amount is not checked` }
            : { zh: `${tableName(list)}中没有“${where}”，未核对其金额`, en: `${tableNameEn(list)} prints no “${where}”; its amount is not checked` },
      });
    }
    const perfTotal = amountOf(perf.rows.find((r) => r.kind === "department"), "total");
    const listTotal = amountOf(list.rows.find((r) => r.kind === "department"), "total");
    if (perfTotal && listTotal) ctx.equal({ table: perf.id, item: "合计", column: columnLabel(perf, "total") }, perfTotal, listTotal, { zh: `${tableName(list)} 合计`, en: `${tableNameEn(list)} total` });
  },
};

/**
 * The form's projects against the 支出总表's 项目支出 (合计 row): a form may list only some projects (重点项目, those over
 * an amount), never more than the budget spends on projects, so their sum is at most it — not equal. Tables in
 * different money units are not compared.
 */
function withinProjectExpenditure(doc: BudgetDocument, perf: Table, ctx: RuleContext): void {
  const spent = table(doc, "expenditure");
  const total = spent?.rows.find((r) => r.kind === "department");
  const projects = amountOf(total, "project");
  if (!spent || !total || !projects || (perf.unit && spent.unit && perf.unit !== spent.unit)) return;
  const parts = perf.rows.flatMap((r) => {
    const a = r.kind === "item" ? amountOf(r, "total") : null;
    return a ? [{ amount: a }] : [];
  });
  if (!parts.length) return;
  ctx.atLeast({
    subject: { table: spent.id, item: total.name ?? "合计", column: columnLabel(spent, "project") },
    total: projects,
    parts,
    relation: { zh: `${tableName(perf)} 各项目金额之和`, en: `the sum of ${tableNameEn(perf)}'s projects` },
  });
}
