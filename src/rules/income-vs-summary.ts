import { amountOf, table, tableName, tableNameEn, type Row, type Table } from "../model/document.js";
import { columnLabel, rowByRole } from "../model/queries.js";
import type { Rule } from "../engine/types.js";

/** An income table's source column and the 收支总表 income line of the same source (its row role). */
const SOURCES: [column: string, role: string][] = [
  ["allocation", "gov-allocation"],
  ["general-public", "general-public"],
  ["gov-fund", "gov-fund"],
  ["state-capital", "state-capital"],
  ["special-account", "special-account"],
  ["unit-funds", "unit-funds"],
  ["business-income", "business-income"],
  ["operating-income", "operating-income"],
  ["superior-subsidy", "superior-subsidy"],
  ["subsidiary-remittance", "subsidiary-remittance"],
  ["other-income", "other-income"],
];

/** A summary's line of a balance spent this year, beside the carry-over: the income table's `unused-balance` column. */
const BALANCE_USED = /^(使用非财政拨款结余|用事业基金弥补(收支)?差额)/;

/** The columns that hold last year's carry-over, in an income table that prints it beside this year's income. */
const CARRYOVER_COLUMNS = ["carryover", "carryover-general-public", "carryover-gov-fund", "carryover-state-capital", "carryover-special-account", "carryover-unit-funds", "unit-funds-carryover"];

/**
 * The summary line the income table's 合计 repeats: 收入总计 where the income table prints the carry-over
 * (or the summary has no 本年收入合计), else 本年收入合计 (a 决算's 收入决算表 leaves the 年初结转和结余 out).
 */
function totalLine(income: Table, summary: Table): Row | undefined {
  const carried = income.columns.some((c) => CARRYOVER_COLUMNS.includes(c.key));
  if (carried) return rowByRole(summary, "income-total");
  const subtotal = rowByRole(summary, "income-subtotal");
  if (subtotal) return subtotal;
  // No 本年收入合计 to compare with, and a carry-over the income table may or may not hold: not compared.
  const carriedOver = summary.rows.some((r) => r.role === "income-carryover" && !!amountOf(r, "amount") && !amountOf(r, "amount")!.value.isZero());
  return carriedOver ? undefined : rowByRole(summary, "income-total");
}

export const incomeVsSummary: Rule = {
  id: "income-vs-summary",
  defaultSeverity: "error",
  unitTables: true,
  requires: { tables: [["income"], ["summary"]] },
  description: "收入总表's 合计 row repeats 收支总表's income side: its total, and each source it prints (一般公共预算拨款, 事业收入, 上年结转 …) line by line.",
  descriptionZh: "收入总表的合计行与收支总表的收入方一致：收入合计，以及所列各项收入来源（一般公共预算拨款、事业收入、上年结转等）逐项相同。",
  check(doc, ctx) {
    const income = table(doc, "income");
    const summary = table(doc, "summary");
    if (!income || !summary) return;
    const top = income.rows.find((r) => r.kind === "department");
    if (!top) return;
    const rel = { zh: `${tableName(summary)} 同一收入项`, en: `the same income line of ${tableNameEn(summary)}` };
    const pairs: [string, Row | undefined][] = [["total", totalLine(income, summary)]];
    for (const [column, role] of SOURCES) pairs.push([column, rowByRole(summary, role)]);
    // The carry-over, where the summary prints it on one line (a 决算 splits it in two); the balance spent (使用非财政拨款结余,
    // a 事业单位's 用事业基金弥补收支差额) beside it, a line of its own, is the income table's column of that name.
    const carried = summary.rows.filter((r) => r.role === "income-carryover");
    const balance = carried.filter((r) => BALANCE_USED.test(r.name ?? ""));
    const carry = carried.filter((r) => !BALANCE_USED.test(r.name ?? ""));
    if (carry.length === 1 && (balance.length === 0 || income.columns.some((c) => c.key === "unused-balance"))) pairs.push(["carryover", carry[0]]);
    if (balance.length === 1) pairs.push(["unused-balance", balance[0]]);
    for (const [column, line] of pairs) {
      const stated = amountOf(top, column);
      const printed = amountOf(line, "amount");
      if (!stated || !printed) continue;
      ctx.equal({ table: income.id, unit: null, item: top.name, column: columnLabel(income, column) }, stated, printed, rel);
    }
  },
};
