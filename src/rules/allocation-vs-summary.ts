import { amountOf, table, tableName, tableNameEn } from "../model/document.js";
import { columnLabel, rowByRole } from "../model/queries.js";
import type { Rule } from "../engine/types.js";

const ALLOCATION_ROLES = ["gov-allocation", "general-public", "gov-fund", "state-capital"];
const OTHER_FUNDS = ["special-account", "unit-funds", "income-carryover", "business-income", "operating-income", "superior-subsidy", "subsidiary-remittance", "other-income"];

export const allocationVsSummary: Rule = {
  id: "allocation-vs-summary",
  defaultSeverity: "error",
  unitTables: true,
  requires: { tables: [["summary"], ["allocation-summary"]] },
  description: "表6 repeats 表1's government-allocation side: the same 政府预算拨款 lines, and when all income is government allocation, the same expenditure items and totals.",
  descriptionZh: "表6 与表1 的政府预算拨款部分一致：拨款收入各行相同；收入全部为财政拨款时，各支出项目及总计也相同。",
  check(doc, ctx) {
    const t1 = table(doc, "summary");
    const t6 = table(doc, "allocation-summary");
    if (!t1 || !t6) return;
    const rel = { zh: `${tableName(t1)} 同一行`, en: `the same line of ${tableNameEn(t1)}` };
    for (const role of ALLOCATION_ROLES) {
      const a = rowByRole(t6, role);
      const b = rowByRole(t1, role);
      const x = amountOf(a, "amount");
      const y = amountOf(b, "amount");
      if (x && y) ctx.equal({ table: t6.id, item: a!.name, column: columnLabel(t6, "amount") }, x, y, rel);
    }
    // Only when nothing but government allocations funds the budget must the expenditure sides agree.
    const onlyAllocations = t1.rows.every((r) => {
      if (!r.role || !OTHER_FUNDS.includes(r.role)) return true;
      const a = amountOf(r, "amount");
      return !a || a.value.isZero();
    });
    if (!onlyAllocations) return;
    for (const r of t6.rows) {
      if (r.side !== "expenditure") continue;
      const x = amountOf(r, "amount");
      if (!x) continue;
      const match = r.role ? rowByRole(t1, r.role) : r.code ? t1.rows.find((o) => o.side === "expenditure" && o.code === r.code) : undefined;
      if (r.role === "expenditure-carryforward") continue;
      const y = amountOf(match, "amount");
      if (!y) continue;
      ctx.equal({ table: t6.id, code: r.code, item: r.name, column: columnLabel(t6, "amount") }, x, y, rel);
    }
  },
};
