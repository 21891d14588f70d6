import type { Amount } from "../model/amount.js";
import { amountOf, table, tableName, tableNameEn } from "../model/document.js";
import { blockKey, codeBlocks, columnLabel, unitKey } from "../model/queries.js";
import type { Rule } from "../engine/types.js";
import { mapArray } from "../util/arrays.js";

/** 表9 column → the 表8 economic code that budgets the same spending. */
const CODES: [string, string, string][] = [
  ["abroad", "30212", "因公出国（境）费用"],
  ["reception", "30217", "公务接待费"],
  ["vehicle-operation", "30231", "公务用车运行维护费"],
  ["vehicle-purchase", "31013", "公务用车购置"],
];

export const sanggongVsEconomic: Rule = {
  id: "sanggong-vs-economic",
  defaultSeverity: "error",
  unitTables: true,
  requires: { tables: [["sanggong"], ["general-economic"]] },
  description: "表9 this year's 三公 amounts per unit equal 表8's codes 30212 因公出国（境）费用, 30217 公务接待费, 30231 公务用车运行维护费, 31013 公务用车购置 (0 when the code is absent).",
  descriptionZh: "表9 各单位本年“三公”经费与表8 经济科目一致：30212 因公出国（境）费用、30217 公务接待费、30231 公务用车运行维护费、31013 公务用车购置（无此科目按 0）。",
  check(doc, ctx) {
    const t8 = table(doc, "general-economic");
    const t9 = table(doc, "sanggong");
    if (!t8 || !t9) return;
    const blocks = codeBlocks(t8);
    for (const r of t9.rows) {
      if (r.role !== "current-year") continue;
      const mine = blocks.filter((b) => blockKey(b.row) === unitKey(r.unit));
      if (mine.length === 0) continue;
      const rows8 = mine.flatMap((b) => b.codes);
      for (const [key, code, name] of CODES) {
        const a = amountOf(r, key);
        if (!a) continue;
        const b = mapArray(rows8.filter((x) => x.code === code), (x) => amountOf(x, "total")).filter((x): x is Amount => !!x);
        ctx.sum({
          subject: { table: t9.id, unit: r.unit, item: r.label, column: columnLabel(t9, key) },
          total: a,
          parts: mapArray(b, (amount) => ({ amount })),
          relation: b.length ? { zh: `${tableName(t8)} ${code} ${name}`, en: `${tableNameEn(t8)} ${code} ${name}` } : { zh: `${tableName(t8)} 无 ${code} ${name}，按 0`, en: `${tableNameEn(t8)} has no ${code} ${name}: 0` },
        });
      }
    }
  },
};
