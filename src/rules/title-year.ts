import type { Rule } from "../engine/types.js";
import type { TableId } from "../model/document.js";
import type { SourceLocation } from "../model/location.js";

/** A year a title names (2024年, 2024 年度), unless it bounds a range of years (2024—2026年, 2024年至2026年). */
const YEAR = /(?<![\d\-—–~～至到])(20\d\d)\s*年(?!\s*(?:[-—–~～至到]|\d))/g;

export const titleYear: Rule = {
  id: "title-year",
  defaultSeverity: "warning",
  description: "A table's title, a written part's heading or a 目录 entry names the document's own year (a 2025 budget's 2024年部门收支预算总表 was copied from last year's).",
  descriptionZh: "表格标题、文字部分标题及目录条目所列年份与文件年份一致（2025 年预算中出现“2024年部门收支预算总表”，疑为沿用上年文件）。",
  check(doc, ctx) {
    const year = doc.year;
    if (year === null) return;
    const stage = doc.stage === "final" ? { zh: "决算", en: "final accounts (决算)" } : { zh: "预算", en: "budget (预算)" };
    const seen = new Set<string>();
    const title = (location: SourceLocation, text: string, table: TableId | "text") => {
      for (const m of text.matchAll(YEAR)) {
        const named = Number(m[1]);
        const key = `${location.file}:${location.line ?? ""}:${location.sheet ?? ""}`;
        if (named === year || seen.has(key)) continue;
        seen.add(key);
        const shown = text.replace(/\s+/g, " ").trim();
        ctx.report({
          subject: { table },
          location,
          message: { zh: `标题“${shown}”所列年份 ${named} 年与文件年份 ${year} 年（${stage.zh}）不一致`, en: `the title “${shown}” names ${named}; the document is the ${year} ${stage.en}` },
        });
      }
    };
    for (const c of doc.contents) title(c.location, c.title, "text");
    for (const p of doc.text) title(p.location, p.title, "text");
    for (const t of doc.tables) if (t.location.line !== undefined || t.location.sheet) title(t.location, t.title, t.id);
  },
};
