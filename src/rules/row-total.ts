import { amountOf, type Row, type TableId } from "../model/document.js";
import { columnLabel, COMPONENT_TABLES, tablesOf } from "../model/queries.js";
import type { Rule, RuleContext, Term } from "../engine/types.js";

/** `row[total] = Σ row[parts]` when all are printed. */
function rowSum(ctx: RuleContext, table: TableId, r: Row, total: string, parts: string[], zh: string, en: string) {
  const t = amountOf(r, total);
  if (!t) return;
  const terms: Term[] = parts.map((k) => amountOf(r, k)).filter((a) => !!a).map((amount) => ({ amount: amount! }));
  if (terms.length === 0) return;
  ctx.sum({
    subject: { table, unit: r.kind === "department" ? null : r.unit, code: r.code, item: r.kind === "unit" ? null : r.kind === "year" ? r.label : r.name, column: columnLabel(table, total) },
    total: t,
    parts: terms,
    relation: { zh, en },
  });
}

export const rowTotal: Rule = {
  id: "row-total",
  defaultSeverity: "error",
  description: "Within a row, a total equals the sum of its columns: 支出总计 = 基本支出 + 项目支出 (表3/7/8/10/11), 三公 总计 and 小计 (表9), 总额 = 财政拨款 + 其他资金 (表12).",
  descriptionZh: "行内合计等于各列之和：支出总计 = 基本支出 + 项目支出，三公经费总计与小计，绩效目标表总额 = 财政拨款 + 其他资金。",
  check(doc, ctx) {
    for (const t of tablesOf(doc, COMPONENT_TABLES))
      for (const r of t.rows)
        if (r.kind === "department" || r.kind === "unit" || r.kind === "code")
          rowSum(ctx, t.id, r, "total", ["basic", "project"], "基本支出 + 项目支出", "basic + project");
    for (const t of tablesOf(doc, ["T9"]))
      for (const r of t.rows) {
        if (r.kind !== "year" && r.role !== "change") continue;
        rowSum(ctx, t.id, r, "total", ["abroad", "reception", "vehicle"], "因公出国(境)费 + 公务接待费 + 公务用车购置及运行维护费", "abroad + reception + vehicles");
        rowSum(ctx, t.id, r, "vehicle", ["vehicle-purchase", "vehicle-operation"], "公务用车购置费 + 公务用车运行维护费", "vehicle purchase + vehicle operation");
      }
    for (const t of tablesOf(doc, ["T12"]))
      for (const r of t.rows)
        if (r.kind === "item" || r.kind === "total") rowSum(ctx, t.id, r, "total", ["fiscal", "other"], "财政拨款 + 其他资金", "fiscal + other funds");
  },
};
