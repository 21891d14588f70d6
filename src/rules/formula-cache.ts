import type { Rule } from "../engine/types.js";
import { sheetTable } from "../model/workbook.js";

export const formulaCache: Rule = {
  id: "formula-cache",
  defaultSeverity: "error",
  description: "Workbooks: a plain sum formula (SUM(…), A1+B1−C1) holds the cached value its cells add up to.",
  descriptionZh: "工作簿：简单求和公式（SUM(…)、A1+B1−C1）保存的计算结果应等于其引用单元格之和。",
  workbookOnly: true,
  check(doc, ctx) {
    for (const f of doc.workbook?.formulas ?? []) {
      ctx.sum({
        subject: { table: sheetTable(doc, f.location.sheet!), item: `=${f.formula}` },
        total: f.cached,
        parts: f.parts,
        relation: { zh: `按公式 =${f.formula} 重新计算为`, en: `recomputing =${f.formula} gives` },
      });
    }
  },
};
