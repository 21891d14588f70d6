import { amountOf, table, tableName, tableNameEn, type Row, type Table } from "../model/document.js";
import { ECONOMIC_CLASSES, economicClassKey } from "../model/economic-classes.js";
import { acrossScope, codeBlocks, columnLabel, tablesOf, unitBlocks, unitKey } from "../model/queries.js";
import type { Rule, RuleContext } from "../engine/types.js";
import { mapArray } from "../util/arrays.js";

export const economicVsFunction: Rule = {
  id: "economic-vs-function",
  defaultSeverity: "error",
  unitTables: true,
  requires: { tables: [["general-function"], ["general-economic", "general-basic-economic", "general-project-economic"]] },
  description: "Per budget unit and for the department, the economic-classification table equals the function-classification one: 支出总计 / 基本支出 / 项目支出 (Shenzhen 表8 = 表7), or the basic-expenditure 合计 (or, where no 合计 is printed, 人员经费合计 + 公用经费合计) = the 基本支出 of the general public budget by function (Shanghai 表8 = 表5); a table of the 项目支出 by economic code: its 合计 = the 项目支出 by function; a table by function code × economic class: each class ≥ the 基本支出 of that class.",
  descriptionZh: "各预算单位及部门合计：表8（按经济分类）的支出总计、基本支出、项目支出与表7（按功能分类）相同；只列基本支出的经济分类表，其合计（未列合计时为人员经费合计 + 公用经费合计）等于功能分类表的基本支出；只列项目支出的经济分类表，其合计等于功能分类表的项目支出；功能科目×经济分类表的各经济分类不小于基本支出表的同类。",
  check(doc, ctx) {
    const t7 = table(doc, "general-function");
    // The economic table is either the whole general public budget (总计 / 基本 / 项目, Shenzhen's 表8) or
    // only its basic expenditure (合计 = 人员经费 + 公用经费, Shanghai's 表8): then its 合计 is the function table's 基本支出.
    // A table of its project expenditure by economic code (广州's 表7) has its 合计 in the 项目支出 column.
    const economic = [table(doc, "general-economic") ?? table(doc, "general-basic-economic"), table(doc, "general-project-economic")];
    // A table of function codes × economic classes holds 基本 and 项目 together: each class is at least the 基本支出 of
    // that class in a table of the same money or of less (一般公共预算's within 财政拨款's).
    for (const across of tablesOf(doc, ["function-economic"])) {
      const scope = acrossScope(across);
      const basic = scope === "allocation" ? (table(doc, "allocation-basic-economic") ?? table(doc, "general-basic-economic")) : scope === "general-public" ? table(doc, "general-basic-economic") : undefined;
      if (basic) classesAtLeastBasic(ctx, across, basic);
    }
    if (!t7) return;
    for (const t8 of economic) if (t8) compare(ctx, t7, t8);
  },
};

/**
 * Per budget unit (or for the department, where the 基本支出 table prints it alone), each class the matrix prints ≥ that
 * class's 合计 in the 基本支出 table (its 301 row …). Only where both print a figure: a blank is no reading of a cell.
 */
function classesAtLeastBasic(ctx: RuleContext, across: Table, basic: Table): void {
  const blocks = codeBlocks(basic);
  const { department, units } = unitBlocks(across);
  const rows = [...(department ? [department] : []), ...mapArray(units, (u) => u.row)];
  for (const r of rows) {
    const b = blocks.find((x) => (r.kind === "department" ? x.row.kind === "department" : x.row.kind === "unit" && unitKey(x.row.unit) === unitKey(r.unit)));
    if (!b) continue;
    for (const [code, name] of ECONOMIC_CLASSES) {
      const x = amountOf(r, economicClassKey(code));
      const y = amountOf(b.codes.find((c) => c.code === code), "total");
      if (x && y)
        ctx.atLeast({
          subject: { table: across.id, unit: r.kind === "department" ? null : r.unit, item: r.kind === "department" ? r.name : null, column: name },
          total: x,
          parts: [{ amount: y }],
          relation: { zh: `${tableName(basic)} 同一单位「${code} ${name}」的基本支出（本表另含项目支出）`, en: `the basic expenditure on ${code} ${name} in ${tableNameEn(basic)} (this table holds project expenditure too)` },
        });
    }
  }
}

/** One economic table against the function table, unit by unit and for the department. */
function compare(ctx: RuleContext, t7: Table, t8: Table): void {
  const keys: [string, string][] = t8.kind === "general-economic" ? [["total", "total"], ["basic", "basic"], ["project", "project"]] : t8.kind === "general-project-economic" ? [["total", "project"]] : [["total", "basic"]];
  const a = unitBlocks(t8);
  const b = unitBlocks(t7);
  const pairs: [Row, Row | undefined][] = [];
  if (a.department) pairs.push([a.department, b.department ?? undefined]);
  for (const u of a.units) pairs.push([u.row, b.units.find((x) => unitKey(x.row.unit) === unitKey(u.row.unit))?.row]);
  for (const [r8, r7] of pairs) {
    if (!r7) continue;
    const personnel = amountOf(r8, "personnel");
    const pub = amountOf(r8, "public");
    const basic7 = amountOf(r7, "basic");
    if (t8.kind === "general-basic-economic" && !amountOf(r8, "total") && personnel && pub && basic7) {
      // No 合计 printed (the 决算's two lanes close with 人员经费合计 | 公用经费合计): their sum is the 基本支出.
      ctx.sum({
        subject: { table: t7.id, unit: r7.kind === "department" ? null : r7.unit, item: r7.kind === "department" ? r7.name : null, column: columnLabel(t7, "basic") },
        total: basic7,
        parts: [{ amount: personnel }, { amount: pub }],
        relation: { zh: `${tableName(t8)} 人员经费合计 + 公用经费合计`, en: `${tableNameEn(t8)} personnel + public totals` },
      });
      continue;
    }
    for (const [key, key7] of keys) {
      const x = amountOf(r8, key);
      const y = amountOf(r7, key7);
      if (x && y)
        ctx.equal(
          { table: t8.id, unit: r8.kind === "department" ? null : r8.unit, item: r8.kind === "department" ? r8.name : null, column: columnLabel(t8, key) },
          x,
          y,
          key === key7 ? { zh: `${tableName(t7)} 同一单位`, en: `the same unit in ${tableNameEn(t7)}` } : { zh: `${tableName(t7)} 同一单位${columnLabel(t7, key7)}`, en: `the same unit's ${columnLabel(t7, key7)} in ${tableNameEn(t7)}` },
        );
    }
  }
}
