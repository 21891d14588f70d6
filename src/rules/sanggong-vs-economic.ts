import { inUnit, type Amount } from "../model/amount.js";
import { amountOf, table, tableName, tableNameEn, type Row, type Table } from "../model/document.js";
import { normaliseName } from "../model/names.js";
import { blockKey, codeBlocks, columnLabel, unitBlocks, unitKey } from "../model/queries.js";
import type { Rule } from "../engine/types.js";
import { mapArray } from "../util/arrays.js";

/** 表9 column → the 表8 economic code that budgets the same spending. */
const CODES: [string, string, string][] = [
  ["abroad", "30212", "因公出国（境）费用"],
  ["reception", "30217", "公务接待费"],
  ["vehicle-operation", "30231", "公务用车运行维护费"],
  ["vehicle-purchase", "31013", "公务用车购置"],
];

/** A 三公 row of the whole department: no unit named, or its 合计 (总计). */
const WHOLE = /^(?:合计|总计)$|合计$/;

/**
 * The code rows of the economic table that a 三公 row's figures are compared with: its unit's (or, for a department that
 * is its own only budget unit, the codes under its department row); for the basic expenditure table, a 三公 row of the
 * whole department also against the department's codes (those printed under its 合计 row, else every unit's).
 */
function codesOf(t: Table, r: Row, wholeDepartment: boolean): Row[] | null {
  const mine = codeBlocks(t).filter((b) => blockKey(b.row) === unitKey(r.unit));
  if (mine.length) return mine.flatMap((b) => b.codes);
  if (!wholeDepartment || (r.unit && !WHOLE.test(normaliseName(r.unit)))) return null;
  const { loose, units } = unitBlocks(t);
  const codes = loose.length ? loose : units.flatMap((u) => u.codes);
  return codes.length ? codes : null;
}

export const sanggongVsEconomic: Rule = {
  id: "sanggong-vs-economic",
  defaultSeverity: "error",
  unitTables: true,
  requires: { tables: [["sanggong"], ["general-economic", "general-basic-economic"]] },
  description: "表9 this year's 三公 amounts per unit equal 表8's codes 30212 因公出国（境）费用, 30217 公务接待费, 30231 公务用车运行维护费, 31013 公务用车购置 (0 when the code is absent); where only the 一般公共预算基本支出表 prints codes, each is at least that table's line (basic expenditure only).",
  descriptionZh: "表9 各单位本年“三公”经费与表8 经济科目一致：30212 因公出国（境）费用、30217 公务接待费、30231 公务用车运行维护费、31013 公务用车购置（无此科目按 0）；只列一般公共预算基本支出表时，各项不小于该表同一科目（仅基本支出）。",
  check(doc, ctx) {
    const t9 = table(doc, "sanggong");
    const t8 = table(doc, "general-economic");
    // Without the 一般公共预算 by economic class (basic and project), its 基本支出 by economic class: a 三公 figure (every
    // 一般公共预算 line, basic and project) is at least its basic expenditure's line, never necessarily equal.
    const basic = t8 ? undefined : table(doc, "general-basic-economic");
    const tc = t8 ?? basic;
    if (!tc || !t9) return;
    for (const r of t9.rows) {
      if (r.role !== "current-year") continue;
      const rows8 = codesOf(tc, r, !!basic);
      if (!rows8) continue;
      for (const [key, code, name] of CODES) {
        const a = amountOf(r, key);
        if (!a) continue;
        const b = mapArray(rows8.filter((x) => x.code === code), (x) => amountOf(x, "total")).filter((x): x is Amount => !!x);
        const subject = { table: t9.id, unit: r.unit, item: r.label, column: columnLabel(t9, key) };
        const parts = mapArray(b, (amount) => ({ amount }));
        if (basic) {
          // (A code the basic table does not print says nothing: the spending may all be the projects'. Each figure in the
          // 三公 table's money unit: 上海's basic table prints 元, its 三公 table 万元.)
          const to = t9.unit ?? doc.moneyUnit;
          const inSanggong = to ? mapArray(b, (amount) => ({ amount: inUnit(amount, basic.unit ?? doc.moneyUnit, to) })) : parts;
          if (b.length)
            ctx.atLeast({ subject, total: a, parts: inSanggong, relation: { zh: `${tableName(basic)} ${code} ${name}（仅基本支出；“三公”含项目支出，不小于它）`, en: `${tableNameEn(basic)} ${code} ${name} (basic expenditure only: the 三公 figure, projects' too, is at least it)` } });
          continue;
        }
        ctx.sum({
          subject,
          total: a,
          parts,
          relation: b.length ? { zh: `${tableName(tc)} ${code} ${name}`, en: `${tableNameEn(tc)} ${code} ${name}` } : { zh: `${tableName(tc)} 无 ${code} ${name}，按 0`, en: `${tableNameEn(tc)} has no ${code} ${name}: 0` },
        });
      }
    }
  },
};
