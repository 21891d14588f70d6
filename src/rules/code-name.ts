import type { TableId } from "../model/document.js";
import type { SourceLocation } from "../model/location.js";
import { normaliseName } from "../model/names.js";
import { pushTo } from "../model/queries.js";
import type { Rule, RuleContext } from "../engine/types.js";
import { economicClassCode } from "../model/economic-classes.js";
import { functionClassCode } from "../model/function-classes.js";
import { mapArray } from "../util/arrays.js";

const MAX_RELATED = 20;

/** A printing of a code: its name, and where the name and the code are printed. */
type Use = { name: string; table: TableId; unit: string | null; location: SourceLocation; codeAt: SourceLocation };

/**
 * A 类 printed under another 类's name (352 商品和服务支出: the name is 302's; 291 一般公共服务支出: 201's). A 类
 * code mistyped changes no sum (its 款 are summed by their own codes), so only its name shows it.
 */
function classNames(kind: "function" | "economic", seen: Map<string, Use[]>, ctx: RuleContext) {
  const classOf = kind === "economic" ? economicClassCode : functionClassCode;
  const [zh, en] = kind === "economic" ? ["经济分类", "economic"] : ["功能分类", "function"];
  for (const [code, uses] of seen) {
    if (code.length !== 3) continue;
    for (const u of uses) {
      const own = classOf(u.name);
      if (!own || own === code) continue;
      ctx.report({
        subject: { table: u.table, unit: u.unit, code, item: u.name, column: "科目编码" },
        location: u.codeAt,
        related: [u.location],
        message: { zh: `科目名称“${u.name}”是${zh} ${own} 的名称，编码却为 ${code}：编码是否录错？`, en: `“${u.name}” is the name of ${own} in the ${en} classification, printed with the code ${code}: a mistyped code?` },
      });
    }
  }
}

export const codeName: Rule = {
  id: "code-name",
  defaultSeverity: "warning",
  unitTables: true,
  requires: { tables: [["income", "expenditure", "basic-summary", "project-summary", "general-function", "general-economic", "general-basic-economic", "gov-fund", "state-capital"]] },
  description: "One classification code bears one name everywhere in the document; a 类 is not printed under another 类's name.",
  descriptionZh: "同一科目编码在全文各表中应使用同一科目名称；类级科目不应使用另一类的名称。",
  check(doc, ctx) {
    for (const kind of ["function", "economic"] as const) {
      const seen = new Map<string, Use[]>();
      for (const t of doc.tables)
        for (const r of t.rows)
          if (r.kind === "code" && r.codeKind === kind && r.code && r.name)
            // Where the name is printed: its 科目名称 cell, or the row when the name is not a cell of its own.
            pushTo(seen, r.code, { name: r.name, table: t.id, unit: r.unit, location: r.cells.name?.location ?? r.location, codeAt: r.cells.code?.location ?? r.location });
      classNames(kind, seen, ctx);
      for (const [code, uses] of seen) {
        const counts = new Map<string, number>();
        for (const u of uses) counts.set(normaliseName(u.name), (counts.get(normaliseName(u.name)) ?? 0) + 1);
        if (counts.size < 2) continue;
        // Ties by the names' characters, not localeCompare: the same usual name in every locale (a Chinese
        // one ordered them by pinyin), and no ICU collator to build (~10 ms of a one-document run).
        const [usual] = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0];
        const usualAt = mapArray(
          uses.filter((u) => normaliseName(u.name) === usual),
          (u) => u.location,
        );
        // One finding per odd use; each names a few places of the usual name, not all of them (a code
        // used on 50,000 rows would otherwise repeat 50,000 locations in every finding).
        usualAt.length = Math.min(usualAt.length, MAX_RELATED);
        for (const u of uses) {
          if (normaliseName(u.name) === usual) continue;
          ctx.report({
            subject: { table: u.table, unit: u.unit, code, item: u.name, column: "科目名称" },
            location: u.location,
            related: usualAt,
            message: { zh: `科目名称“${u.name}”与其他各处的“${usual}”不一致`, en: `the name “${u.name}” differs from “${usual}” used elsewhere for this code` },
          });
        }
      }
    }
  },
};
