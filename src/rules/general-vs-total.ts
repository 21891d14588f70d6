import { cutOff } from "../model/cutoff.js";
import { amountOf, table, tableName, tableNameEn, type Row } from "../model/document.js";
import { blockKey, codeBlocks, columnLabel, rowByRole, unitBlocks } from "../model/queries.js";
import type { Rule } from "../engine/types.js";

const KEYS = ["total", "basic", "project"];

export const generalVsTotal: Rule = {
  id: "general-vs-total",
  defaultSeverity: "error",
  unitTables: true,
  requires: { tables: [["summary"], ["expenditure"], ["general-function"]] },
  description: "When the whole budget is general public budget (表1 一般公共预算拨款 = 收入总计), 表7 equals 表3 row by row.",
  descriptionZh: "收入全部为一般公共预算拨款时，表7 与表3 逐行相同（各单位、各功能科目的支出总计、基本支出、项目支出）。",
  check(doc, ctx) {
    const t1 = table(doc, "summary");
    const t3 = table(doc, "expenditure");
    const t7 = table(doc, "general-function");
    if (!t1 || !t3 || !t7) return;
    const gp = amountOf(rowByRole(t1, "general-public"), "amount");
    const all = amountOf(rowByRole(t1, "income-total"), "amount");
    if (!gp || !all || !gp.value.eq(all.value)) return;
    const a = unitBlocks(t7);
    const b = unitBlocks(t3);
    const rel = { zh: `${tableName(t3)} 同一行`, en: `the same row of ${tableNameEn(t3)}` };
    // 表7 cut off (the document ends inside it): a row it lacks may just not have been printed.
    const cut = cutOff(doc);
    const cutRelation = cut && {
      zh: `${tableName(t7)} 中无此行（文件在第 ${cut.last.line} 行${tableName(t7)} 中途截断），计为`,
      en: `${tableNameEn(t7)} has no such row (the document is cut off inside ${tableNameEn(t7)} at line ${cut.last.line}), counted as`,
    };
    const compare = (r7: Row, r3: Row | undefined) => {
      for (const key of KEYS) {
        const x = amountOf(r7, key);
        if (!x) continue;
        const y = amountOf(r3, key);
        ctx.sum({
          subject: { table: t7.id, unit: r7.kind === "department" ? null : r7.unit, code: r7.code, item: r7.kind === "code" ? r7.name : null, column: columnLabel(t7, key) },
          total: x,
          parts: y ? [{ amount: y }] : [],
          relation: y ? rel : { zh: `${tableName(t3)} 中无此行，计为`, en: `${tableNameEn(t3)} has no such row, counted as` },
        });
      }
    };
    if (a.department && b.department) compare(a.department, b.department);
    const others = codeBlocks(t3);
    for (const u of codeBlocks(t7)) {
      const other = others.find((x) => blockKey(x.row) === blockKey(u.row));
      // A single-unit department's row stands for its unit; it was compared above.
      const isDepartment = u.row.kind === "department";
      if (!other) {
        if (!isDepartment) compare(u.row, undefined);
        continue;
      }
      if (!isDepartment) compare(u.row, other.row);
      // A 表3 that lists the unit and none of its codes (a 支出总表 by 单位编码 | 单位名称 only) has no rows to compare them with.
      if (!other.codes.length) continue;
      for (const r of u.codes) compare(r, other.codes.find((x) => x.code === r.code));
      // Rows of 表3 missing from 表7.
      for (const r of other.codes)
        if (!u.codes.some((x) => x.code === r.code)) {
          const y = amountOf(r, "total");
          if (y && !y.value.isZero())
            ctx.sum({
              subject: { table: t3.id, unit: r.unit, code: r.code, item: r.name, column: columnLabel(t3, "total") },
              total: y,
              parts: [],
              relation: cut?.table === t7.id && cutRelation ? cutRelation : { zh: `${tableName(t7)} 中无此行，计为`, en: `${tableNameEn(t7)} has no such row, counted as` },
            });
        }
    }
  },
};
