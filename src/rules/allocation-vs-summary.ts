import { amountOf, table } from "../model/document.js";
import { rowByRole } from "../model/queries.js";
import type { Rule } from "../engine/types.js";

const ALLOCATION_ROLES = ["gov-allocation", "general-public", "gov-fund", "state-capital"];
const OTHER_FUNDS = ["special-account", "unit-funds", "income-carryover"];

export const allocationVsSummary: Rule = {
  id: "allocation-vs-summary",
  defaultSeverity: "error",
  description: "表6 repeats 表1's government-allocation side: the same 政府预算拨款 lines, and when all income is government allocation, the same expenditure items and totals.",
  descriptionZh: "表6 与表1 的政府预算拨款部分一致：拨款收入各行相同；收入全部为财政拨款时，各支出项目及总计也相同。",
  check(doc, ctx) {
    const t1 = table(doc, "T1");
    const t6 = table(doc, "T6");
    if (!t1 || !t6) return;
    const rel = { zh: "表1 同一行", en: "the same line of T1" };
    for (const role of ALLOCATION_ROLES) {
      const a = rowByRole(t6, role);
      const b = rowByRole(t1, role);
      const x = amountOf(a, "amount");
      const y = amountOf(b, "amount");
      if (x && y) ctx.equal({ table: "T6", item: a!.name, column: "预算数" }, x, y, rel);
    }
    // Only when nothing but government allocations funds the budget must the expenditure sides agree.
    const onlyAllocations = OTHER_FUNDS.every((role) => {
      const a = amountOf(rowByRole(t1, role), "amount");
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
      ctx.equal({ table: "T6", code: r.code, item: r.name, column: "预算数" }, x, y, rel);
    }
  },
};
