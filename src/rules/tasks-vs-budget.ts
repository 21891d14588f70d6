import { amountOf, table, tableName, tableNameEn } from "../model/document.js";
import { unitBlocks } from "../model/queries.js";
import type { Rule } from "../engine/types.js";
import { mapArray } from "../util/arrays.js";

export const tasksVsBudget: Rule = {
  id: "tasks-vs-budget",
  defaultSeverity: "error",
  unitTables: true,
  requires: { tables: [["performance"], ["general-function"]] },
  description: "表12: the tasks (基本支出 and projects) sum to 表7's department total, 金额合计 equals it, and the 基本支出 line equals 表7's 基本支出.",
  descriptionZh: "表12 各任务（基本支出及各项目）之和、金额合计均等于表7 部门支出总计；基本支出行等于表7 基本支出。",
  check(doc, ctx) {
    const t7 = table(doc, "general-function");
    const t12 = table(doc, "performance");
    // Without a department row, a 表7 of one budget unit: that unit is the department.
    const blocks = t7 ? unitBlocks(t7) : null;
    const dept = blocks?.department ?? (blocks?.units.length === 1 ? blocks.units[0].row : null);
    if (!t12 || !dept) return;
    const total7 = amountOf(dept, "total");
    const basic7 = amountOf(dept, "basic");
    const tasks = t12.rows.filter((r) => r.kind === "item");
    if (total7 && tasks.length)
      ctx.sum({
        subject: { table: t7!.id, item: dept.name, column: "支出总计" },
        total: total7,
        parts: mapArray(mapArray(tasks, (r) => amountOf(r, "total")).filter((a) => !!a), (amount) => ({ amount: amount! })),
        relation: { zh: `${tableName(t12)} 各任务总额合计`, en: `sum of the ${tableNameEn(t12)} tasks` },
      });
    const sum12 = amountOf(t12.rows.find((r) => r.role === "tasks-total"), "total");
    if (total7 && sum12) ctx.equal({ table: t12.id, item: "金额合计", column: "总额" }, sum12, total7, { zh: `${tableName(t7)} 部门支出总计`, en: `${tableNameEn(t7)} department total` });
    const basic12 = amountOf(t12.rows.find((r) => r.role === "basic"), "total");
    if (basic7 && basic12) ctx.equal({ table: t12.id, item: "基本支出", column: "总额" }, basic12, basic7, { zh: `${tableName(t7)} 部门基本支出`, en: `${tableNameEn(t7)} department basic expenditure` });
  },
};
