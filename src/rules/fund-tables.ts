import type { Amount } from "../model/amount.js";
import { amountOf, table, tableName, tableNameEn, type BudgetDocument, type TableKind } from "../model/document.js";
import { normaliseName } from "../model/names.js";
import { columnLabel, fundBalanceCells, rowByRole, unitBlocks } from "../model/queries.js";
import type { Rule, RuleContext } from "../engine/types.js";
import { mapArray } from "../util/arrays.js";

const FUNDS: [TableKind, string, string][] = [
  ["gov-fund", "gov-fund", "政府性基金预算拨款"],
  ["state-capital", "state-capital", "国有资本经营预算拨款"],
];

/**
 * A 决算's fund table of its balance (年初结转和结余 | 本年收入 | 本年支出 | 年末结转和结余): its 合计's 年初结转和结余 is the
 * 财政拨款收入支出决算表's line of that fund under 年初财政拨款结转和结余, its 本年支出 and 年末结转和结余 that table's column of the
 * fund on its 本年支出合计 and 年末财政拨款结转和结余 rows (its 本年收入 is 表1's line, below).
 */
function balanceLines(doc: BudgetDocument, ctx: RuleContext) {
  if (doc.stage !== "final") return;
  for (const [kind] of FUNDS) {
    if (!table(doc, kind)?.columns.some((c) => c.key === "income")) continue;
    for (const part of ["opening", "spent", "closing"] as const) {
      const { own, summary } = fundBalanceCells(doc, kind as "gov-fund" | "state-capital", part);
      // (Both printed: a cell left blank is compared by neither.)
      const mine = own && !own.blank ? amountOf(own.row, own.key) : null;
      const total = summary && !summary.blank ? amountOf(summary.row, summary.key) : null;
      if (!own || !summary || !mine || !total) continue;
      ctx.equal(
        { table: summary.table.id, item: normaliseName(summary.row.label ?? summary.row.name ?? ""), column: columnLabel(summary.table, summary.key) },
        total,
        mine,
        { zh: `${tableName(own.table)} 合计 ${columnLabel(own.table, own.key)}`, en: `${tableNameEn(own.table)} total ${columnLabel(own.table, own.key)}` },
      );
    }
  }
}

export const fundTables: Rule = {
  id: "fund-tables",
  defaultSeverity: "error",
  unitTables: true,
  requires: { tables: [["summary"], ["gov-fund", "state-capital"]] },
  description: "表10 total equals 表1's 政府性基金预算拨款 and 表11 total equals 表1's 国有资本经营预算拨款 (a 决算's: their 本年收入; a 决算's table of 本年支出 only: the 财政拨款收入支出决算表's 本年支出合计 of that fund; a 决算's table of its balance: its 年初结转和结余, 本年支出 and 年末结转和结余 = the 财政拨款收入支出决算表's lines and column of that fund).",
  descriptionZh: "表10 合计 = 表1 政府性基金预算拨款；表11 合计 = 表1 国有资本经营预算拨款（决算：其本年收入；只列本年支出的决算表：财政拨款收入支出决算表该资金的本年支出合计；列有结转结余的决算表：其年初结转和结余、本年支出、年末结转和结余 = 财政拨款收入支出决算表该资金的行和列）。",
  check(doc, ctx) {
    balanceLines(doc, ctx);
    const t1 = table(doc, "summary");
    if (!t1) return;
    for (const [kind, role, name] of FUNDS) {
      const t = table(doc, kind);
      const line = amountOf(rowByRole(t1, role), "amount");
      if (!t || !line) continue;
      // A 决算's fund table prints the year's income beside its spending (年初结转和结余 | 本年收入 | 本年支出 | 年末结转和
      // 结余): 表1's income is its 本年收入, which differs from the spending by what was carried over.
      const key = t.columns.some((c) => c.key === "income") ? "income" : "total";
      const { department, units } = unitBlocks(t);
      const dept = amountOf(department, key);
      const parts: Amount[] = dept ? [dept] : mapArray(units, (u) => amountOf(u.row, key)).filter((a): a is Amount => !!a);
      if (!dept && parts.length === 0) continue;
      const column = key === "income" ? ` ${columnLabel(t, key)}` : "";
      const relation = dept ? { zh: `${tableName(t)} 合计${column}`, en: `${tableNameEn(t)} total${column}` } : { zh: `${tableName(t)} 各单位合计${column}`, en: `${tableNameEn(t)} sum of units${column}` };
      if (doc.stage === "final" && key === "total") {
        // A 决算's fund table of 本年支出 only (公开09表): the year's income differs from it by what is carried over to next
        // year, so it is the 财政拨款收入支出决算表's 本年支出合计 in that fund's column that it restates.
        const t4 = table(doc, "allocation-summary");
        const spent = amountOf(rowByRole(t4, "expenditure-subtotal"), role);
        if (t4 && spent)
          ctx.sum({ subject: { table: t4.id, item: rowByRole(t4, "expenditure-subtotal")!.name, column: columnLabel(t4, role) }, total: spent, parts: mapArray(parts, (amount) => ({ amount })), relation });
        continue;
      }
      ctx.sum({
        subject: { table: t1.id, item: name, column: columnLabel(t1, "amount") },
        total: line,
        parts: mapArray(parts, (amount) => ({ amount })),
        relation,
      });
    }
  },
};
