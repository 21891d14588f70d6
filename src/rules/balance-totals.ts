import { amountOf } from "../model/document.js";
import { columnLabel, rowByRole, tablesOf } from "../model/queries.js";
import type { Rule } from "../engine/types.js";
import { mapArray } from "../util/arrays.js";

/** Columns of a two-sided table that are not one fund's expenditure: the sides' own amounts and labels. */
const NOT_FUND = new Set(["amount", "income-amount", "expenditure-amount"]);

export const balanceTotals: Rule = {
  id: "balance-totals",
  defaultSeverity: "error",
  unitTables: true,
  requires: { tables: [["summary", "allocation-summary"]] },
  description: "表1/表6: 本年收入合计 + 上年结余 = 收入总计, 本年支出合计 + 结转下年 = 支出总计, and 收入总计 = 支出总计.",
  descriptionZh: "表1/表6：本年收入合计 + 上年结余结转 = 收入总计；本年支出合计 + 结转下年 = 支出总计；收入总计 = 支出总计。",
  check(doc, ctx) {
    for (const t of tablesOf(doc, ["summary", "allocation-summary"])) {
      const get = (role: string) => rowByRole(t, role);
      for (const [total, sub, carry, zh, en] of [
        ["income-total", "income-subtotal", "income-carryover", "本年收入合计 + 上年结余结转", "income this year + carried over"],
        ["expenditure-total", "expenditure-subtotal", "expenditure-carryforward", "本年支出合计 + 结转下年", "expenditure this year + carried forward"],
      ] as const) {
        const tr = get(total);
        const ta = amountOf(tr, "amount");
        const s = amountOf(get(sub), "amount");
        if (!ta || !s) continue;
        // Every carry-over line (a 决算 prints 使用非财政拨款结余 and 年初结转和结余 apart).
        const carried = mapArray(t.rows.filter((r) => r.role === carry), (r) => amountOf(r, "amount")).filter((a): a is NonNullable<typeof a> => !!a);
        ctx.sum({
          subject: { table: t.id, item: tr!.name, column: columnLabel(t, "amount") },
          total: ta,
          parts: [{ amount: s }, ...mapArray(carried, (amount) => ({ amount }))],
          relation: { zh, en },
        });
      }
      // Each fund column of the expenditure side (一般公共预算 · 政府性基金 · 国有资本经营 …) adds up down the
      // page as the 合计 does: its 总计 = its 本年支出合计 + its 年末结转和结余. Without it, a mistyped fund figure on
      // the 总计 line breaks only that line's own sum, which a sibling fund's figure explains as well.
      const expTotal = get("expenditure-total");
      const expSub = get("expenditure-subtotal");
      const carriedRows = t.rows.filter((r) => r.role === "expenditure-carryforward");
      for (const col of expSub ? t.columns : []) {
        if (col.kind !== "amount" || NOT_FUND.has(col.key)) continue;
        const total = amountOf(expTotal, col.key);
        if (!total) continue;
        const parts = [amountOf(expSub, col.key), ...mapArray(carriedRows, (r) => amountOf(r, col.key))].filter((a): a is NonNullable<typeof a> => !!a);
        if (!parts.length) continue;
        ctx.sum({
          subject: { table: t.id, item: expTotal!.name, column: col.label },
          total,
          parts: mapArray(parts, (amount) => ({ amount })),
          relation: { zh: "本年支出合计 + 结转下年", en: "expenditure this year + carried forward" },
        });
      }
      const inc = amountOf(get("income-total"), "amount");
      const exp = amountOf(get("expenditure-total"), "amount");
      if (inc && exp) ctx.equal({ table: t.id, item: "收入总计", column: columnLabel(t, "amount") }, inc, exp, { zh: "支出总计", en: "total expenditure" });
    }
  },
};
