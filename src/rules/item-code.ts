import type { Rule } from "../engine/types.js";
import { tableName, tableNameEn } from "../model/document.js";
import { mapArray } from "../util/arrays.js";

/**
 * Expenditure lines by purpose, not by function (江苏's 财政拨款收支预算总表 prints 支出用途: 一、基本支出 二、项目支出
 * 三、单位预留机动经费): no function code is theirs to match.
 */
const PURPOSE = /^(基本支出|项目支出|人员经费|公用经费|单位预留机动经费|预留机动经费|(事业单位)?经营支出|上缴上级支出|对附属单位补助支出)(合计)?$/;

/** Tables whose rows carry function codes (类 / 款 / 项). */
const CODED = new Set(["income", "expenditure", "general-function", "gov-fund", "state-capital"]);

export const itemCode: Rule = {
  id: "item-code",
  defaultSeverity: "warning",
  unitTables: true,
  requires: { tables: [["summary", "allocation-summary"]] },
  description: "Each 表1/表6 expenditure item printed by name resolves to a function code printed elsewhere in the document.",
  descriptionZh: "表1/表6 按名称列示的支出项目应能对应到文中其他表列示的功能分类科目编码。",
  check(doc, ctx) {
    // A document that prints no function code anywhere (杭州's tables name their 科目 without codes): its
    // items cannot be matched by code at all — said once per table, as a note, not once per item.
    const printsCodes = doc.tables.some((t) => CODED.has(t.kind) && t.rows.some((r) => r.kind === "code" && r.code));
    for (const t of doc.tables) {
      if (t.kind !== "summary" && t.kind !== "allocation-summary") continue;
      const unmatched = t.rows.filter((r) => {
        if (r.side !== "expenditure" || r.kind !== "item" || r.role || r.code || PURPOSE.test(r.name ?? "")) return false;
        // A line printed without an amount (a 决算 lists every 类) takes part in no check.
        const a = r.cells.amount?.amount;
        return !!a && !a.value.isZero();
      });
      if (!printsCodes) {
        if (unmatched.length)
          ctx.report({
            subject: { table: t.id, column: "项目" },
            location: unmatched[0].location,
            related: mapArray(unmatched.slice(1), (r) => r.location),
            informational: true,
            message: {
              zh: `${tableName(t)} 的 ${unmatched.length} 个支出项目按名称列示，而文中各表均未列示功能分类科目编码：无法按科目核对`,
              en: `${unmatched.length} expenditure items of ${tableNameEn(t)} are printed by name and no table of the document prints function codes: they cannot be checked code by code`,
            },
          });
        continue;
      }
      for (const r of unmatched)
        ctx.report({
          subject: { table: t.id, item: r.name, column: "项目" },
          location: r.location,
          message: {
            zh: `支出项目“${r.name}”无法对应到功能分类科目编码（其他表中没有同名科目），不参与核对`,
            en: `expenditure item “${r.name}” matches no function code printed in the other tables and is left out of the checks`,
          },
        });
    }
  },
};
