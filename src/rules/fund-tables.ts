import type { Amount } from "../model/amount.js";
import { amountOf, table, type TableId } from "../model/document.js";
import { rowByRole, unitBlocks } from "../model/queries.js";
import type { Rule } from "../engine/types.js";

const FUNDS: [TableId, string, string][] = [
  ["T10", "gov-fund", "政府性基金预算拨款"],
  ["T11", "state-capital", "国有资本经营预算拨款"],
];

export const fundTables: Rule = {
  id: "fund-tables",
  defaultSeverity: "error",
  description: "表10 total equals 表1's 政府性基金预算拨款 and 表11 total equals 表1's 国有资本经营预算拨款.",
  descriptionZh: "表10 合计 = 表1 政府性基金预算拨款；表11 合计 = 表1 国有资本经营预算拨款。",
  check(doc, ctx) {
    const t1 = table(doc, "T1");
    if (!t1) return;
    for (const [id, role, name] of FUNDS) {
      const t = table(doc, id);
      const line = amountOf(rowByRole(t1, role), "amount");
      if (!t || !line) continue;
      const { department, units } = unitBlocks(t);
      const dept = amountOf(department, "total");
      const parts: Amount[] = dept ? [dept] : units.map((u) => amountOf(u.row, "total")).filter((a): a is Amount => !!a);
      if (!dept && parts.length === 0) continue;
      ctx.sum({
        subject: { table: "T1", item: name, column: "预算数" },
        total: line,
        parts: parts.map((amount) => ({ amount })),
        relation: dept ? { zh: `表${id.slice(1)} 合计`, en: `${id} total` } : { zh: `表${id.slice(1)} 各单位合计`, en: `${id} sum of units` },
      });
    }
  },
};
