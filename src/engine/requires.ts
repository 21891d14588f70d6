import { claimsOf, type Claim } from "../claims/index.js";
import type { BudgetDocument, TableKind } from "../model/document.js";
import { KINDS } from "../templates/kinds.js";
import { templateByName } from "../templates/index.js";
import type { Lang, Rule } from "./types.js";
import { mapArray } from "../util/arrays.js";

/** A rule that did not run on a document, and why (the report lists them: 0 errors never hides "nothing checked"). */
export interface NotChecked {
  ruleId: string;
  reason: string;
}

const kindNames = (kinds: TableKind[], lang: Lang) => mapArray(kinds, (k) => (lang === "zh" ? KINDS[k].zh : KINDS[k].en)).join(lang === "zh" ? "或" : " or ");

/** Why a rule cannot run on a document (null: it can). Workbook-only rules do not apply to other forms and are not listed. */
export function unmetRequirement(doc: BudgetDocument, rule: Rule, lang: Lang): string | null {
  const req = rule.requires;
  if (!req) return null;
  // A document of written parts alone: one reason for every rule that reads a table.
  if (req.tables?.length && doc.tables.length === 0 && !doc.unknownTables?.length)
    return lang === "zh" ? "文件中没有表格（只核对了文字部分）" : "the document prints no table (only its written parts were checked)";
  for (const group of req.tables ?? []) {
    if (doc.tables.some((t) => group.includes(t.kind) && t.rows.length > 0)) continue;
    // Printed, but not read: said so, with the table (its reason is in the list of tables not read).
    const unread = doc.unknownTables?.find((u) => u.kind && group.includes(u.kind));
    if (unread) {
      // Its title without the reason the reader gave (the list of tables not read has it).
      const title = unread.title.replace(/（[^（）]*）$/, "") || unread.title;
      return lang === "zh" ? `文档列示的${title}未能读取（原因见“未读取”）` : `${title} is printed but was not read (why: the tables not read)`;
    }
    return lang === "zh" ? `文档未列示${kindNames(group, lang)}（或该表无数据）` : `the document prints no ${kindNames(group, lang)} (or it holds no rows)`;
  }
  if (req.text && !readsText(doc, req.text))
    return lang === "zh" ? "文字部分未识别出本规则核对的表述" : "no statement this rule reads was recognised in the written parts";
  return null;
}

/** Has the text a statement the rule reads: one of a province's reader, or of the generic reader's kinds it names? */
function readsText(doc: BudgetDocument, text: true | readonly Claim["kind"][]): boolean {
  const { claims, generic } = claimsOf(doc);
  if (claims.length > generic) return true;
  return text !== true && claims.some((c) => text.includes(c.kind));
}

/**
 * Whether a rule asks for a kind of table the document's template never prints (a Shanghai 预算 has no
 * 财政拨款支出表 by function; only the generic template reads every kind), and the document holds none, read
 * or unread: the rule does not apply to such documents, as a 决算's rule does not to a 预算.
 */
function beyondTemplate(doc: BudgetDocument, rule: Rule): boolean {
  const template = templateByName(doc.template);
  if (!template) return false;
  return (rule.requires?.tables ?? []).some(
    (group) =>
      !template.tables.some((t) => group.includes(t.kind)) &&
      !doc.tables.some((t) => group.includes(t.kind)) &&
      !doc.unknownTables?.some((u) => u.kind && group.includes(u.kind)),
  );
}

/** The enabled rules that cannot run on this document, with the reason. */
export function notCheckedRules(doc: BudgetDocument, rules: Rule[], enabled: (r: Rule) => boolean, lang: Lang): NotChecked[] {
  const out: NotChecked[] = [];
  for (const r of rules) {
    if (!enabled(r) || (r.workbookOnly && doc.format !== "xlsx") || (r.stage && r.stage !== doc.stage) || beyondTemplate(doc, r)) continue;
    const reason = unmetRequirement(doc, r, lang);
    if (reason) out.push({ ruleId: r.id, reason });
  }
  return out;
}
