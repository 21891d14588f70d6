import type { BudgetDocument } from "../model/document.js";
import type { TableMeta } from "./tables.js";

function mostCommon<T>(xs: T[]): T | null {
  const counts = new Map<T, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best: T | null = null;
  let n = 0;
  for (const [x, c] of counts) if (c > n) [best, n] = [x, c];
  return best;
}

/** Fills what the title did not say from what the tables print (部门名称, 单位, 年度). */
export function finishDocument(doc: BudgetDocument, meta: TableMeta): void {
  doc.department ??= mostCommon(meta.departments);
  doc.moneyUnit ??= mostCommon(doc.tables.map((t) => t.unit).filter((u): u is string => !!u)) ?? mostCommon(meta.units);
  if (doc.year === null) {
    doc.year = mostCommon(meta.years);
    if (doc.year === null) {
      for (const t of doc.tables)
        for (const c of t.columns) {
          const m = /(\d{4})年/.exec(c.label);
          if (m) {
            doc.year = Number(m[1]);
            break;
          }
        }
    }
  }
}
