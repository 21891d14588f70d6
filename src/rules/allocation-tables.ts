import type { Amount } from "../model/amount.js";
import { amountOf, table, tableName, tableNameEn, type BudgetDocument, type Row, type Table, type TableKind } from "../model/document.js";
import { acrossScope, blockKey, codeBlocks, columnLabel, rowByRole, tablesOf, unitBlocks } from "../model/queries.js";
import type { Msg, RuleContext, Rule } from "../engine/types.js";
import { mapArray } from "../util/arrays.js";

/*
 * A document may print its government allocation (财政拨款) by function code and by economic code for all
 * funds together (江苏's 财政拨款支出预算表（功能科目） and 财政拨款基本支出预算表（经济科目）) beside the same
 * for each fund (一般公共预算支出表, 政府性基金预算支出表, 国有资本经营预算支出表). The all-funds table is the
 * sum of the one-fund tables, row by row; and its 合计 is the 财政拨款收支总表's 支出 (or 基本支出).
 */

/** The funds beside 一般公共预算: the kind of the table printing each, and its role in a 收支总表. */
const OTHER_FUNDS: [kind: TableKind, role: string, name: RegExp][] = [
  ["gov-fund", "gov-fund", /政府性基金/],
  ["state-capital", "state-capital", /国有资本经营/],
];

const nonZero = (a: Amount | null | undefined) => !!a && !a.value.isZero();

/**
 * Whether a fund without a table of its own is known to be nil: no income line of the 财政拨款收支总表 (or,
 * without one, of the 收支总表) for it — this year's or carried over — holds anything. Unknown (false)
 * when neither summary is printed.
 */
function fundIsNil(doc: BudgetDocument, role: string, name: RegExp): boolean {
  const summary = table(doc, "allocation-summary") ?? table(doc, "summary");
  if (!summary) return false;
  return !summary.rows.some((r) => r.side === "income" && (r.role === role || name.test(r.name ?? "")) && nonZero(amountOf(r, "amount")));
}

/** Whether a table of one fund prints anything (an empty table, 此表为空, prints no row). */
const printsAmounts = (t: Table) => t.rows.some((r) => (r.kind === "department" || r.kind === "code") && nonZero(amountOf(r, "total")));

/**
 * The tables whose rows sum to the all-funds table: 一般公共预算's, and each other fund's that is printed;
 * null when a fund without a table may hold something (the sum cannot be made). With `nilOthers`, null
 * too when any other fund holds anything (a fund's 基本支出 by economic code is printed by no table).
 */
function sources(doc: BudgetDocument, general: Table, nilOthers: boolean): Table[] | null {
  const out = [general];
  for (const [kind, role, name] of OTHER_FUNDS) {
    const t = table(doc, kind);
    if (t) {
      if (!printsAmounts(t)) continue;
      if (nilOthers) return null;
      out.push(t);
    } else if (!fundIsNil(doc, role, name)) return null;
  }
  return out;
}

const subjectOf = (t: Table, r: Row, key: string) => ({
  table: t.id,
  unit: r.kind === "department" ? null : r.unit,
  code: r.code,
  item: r.kind === "code" ? r.name : r.kind === "department" ? r.name : null,
  column: columnLabel(t, key),
});

/**
 * The all-funds table `target` = Σ the `parts` tables, row by row (department, unit, code), in each of `keys`. With
 * `printedLevels`, a code the parts print at a level the target prints no code of (its 项, where it stops at 款) is
 * not missing from it.
 */
function compareRows(ctx: RuleContext, target: Table, parts: Table[], keys: string[], printedLevels = false) {
  const names = mapArray(parts, (t) => tableName(t)).join(" + ");
  const ids = mapArray(parts, (t) => tableNameEn(t)).join(" + ");
  const rel: Msg = parts.length > 1 ? { zh: `${names} 同一行之和`, en: `the sum of the same row of ${ids}` } : { zh: `${names} 同一行`, en: `the same row of ${ids}` };
  const none: Msg = { zh: `${names} 中无此行，计为`, en: `${ids} have no such row, counted as` };
  const compare = (r: Row, others: (Row | undefined)[]) => {
    for (const key of keys) {
      const x = amountOf(r, key);
      if (!x) continue;
      const terms: Amount[] = [];
      for (const o of others) {
        const y = amountOf(o, key);
        if (y) terms.push(y);
      }
      // A column the one-fund tables do not print (基本支出 where they print only 合计) is not compared.
      if (!terms.length && others.some((o) => o)) continue;
      ctx.sum({ subject: subjectOf(target, r, key), total: x, parts: mapArray(terms, (amount) => ({ amount })), relation: terms.length ? rel : none });
    }
  };
  const dept = unitBlocks(target).department;
  if (dept) {
    const others = mapArray(parts, (t) => unitBlocks(t).department ?? undefined);
    if (others.some((o) => o)) compare(dept, others);
  }
  const partBlocks = mapArray(parts, (t) => codeBlocks(t));
  const levels = new Set(mapArray(target.rows.filter((r) => r.kind === "code" && r.code), (r) => r.code!.length));
  for (const u of codeBlocks(target)) {
    const key = blockKey(u.row);
    // The department's block (a table of one unit's codes) is the department's whatever each table calls it.
    const same = (b: { row: Row }) => (u.row.kind === "department" ? b.row.kind === "department" : blockKey(b.row) === key);
    const matching = mapArray(partBlocks, (bs) => bs.find(same));
    // A block no one-fund table prints (a unit funded otherwise) is not compared: its absence is no figure.
    if (!matching.some((b) => b)) continue;
    if (u.row.kind !== "department") compare(u.row, mapArray(matching, (b) => b?.row));
    for (const r of u.codes) compare(r, mapArray(matching, (b) => b?.codes.find((x) => x.code === r.code)));
    // Codes a one-fund table prints that the all-funds table lacks.
    for (let i = 0; i < matching.length; i++) {
      const b = matching[i];
      if (!b) continue;
      for (const r of b.codes) {
        if (u.codes.some((x) => x.code === r.code) || (printedLevels && !levels.has(r.code?.length ?? 0))) continue;
        const y = amountOf(r, "total");
        if (!nonZero(y)) continue;
        ctx.sum({
          subject: subjectOf(parts[i], r, "total"),
          total: y!,
          parts: [],
          relation: { zh: `${tableName(target)} 中无此行，计为`, en: `${tableNameEn(target)} has no such row, counted as` },
        });
      }
    }
  }
}

/** The expenditure line of a 财政拨款收支总表 printed by purpose (江苏: 一、基本支出 二、项目支出 …). */
const purposeRow = (t: Table, name: RegExp) => t.rows.find((r) => r.side === "expenditure" && r.kind === "item" && !r.code && name.test(r.name ?? ""));

export const allocationTables: Rule = {
  id: "allocation-tables",
  defaultSeverity: "error",
  unitTables: true,
  requires: { tables: [["allocation-function", "allocation-basic-economic", "function-economic"]] },
  description:
    "财政拨款支出表 = 一般公共预算支出表 + 政府性基金 + 国有资本经营预算支出表 row by row, 财政拨款基本支出表 = 一般公共预算基本支出表; their 合计 = 财政拨款收支总表's 支出合计 and 基本支出; a table by function code × economic class: its 合计 = the function table of the same money, row by row.",
  descriptionZh:
    "财政拨款支出表（功能科目）逐行等于一般公共预算、政府性基金、国有资本经营预算支出表之和，财政拨款基本支出表（经济科目）逐行等于一般公共预算基本支出表；其合计等于财政拨款收支总表的支出合计、基本支出；功能科目×经济分类表的合计逐行等于同一资金的功能科目表。",
  check(doc, ctx) {
    const summary = table(doc, "allocation-summary");
    const byFunction = table(doc, "allocation-function");
    const byEconomic = table(doc, "allocation-basic-economic");
    // The totals against the 财政拨款收支总表.
    if (summary) {
      const rel = (t: Table, line: Row): Msg => ({ zh: `${tableName(summary)}「${line.name}」`, en: `${tableNameEn(summary)} line “${line.name}”` });
      const carried = nonZero(amountOf(rowByRole(summary, "expenditure-carryforward"), "amount"));
      const spent = rowByRole(summary, "expenditure-subtotal") ?? (carried ? undefined : rowByRole(summary, "expenditure-total"));
      const lines: [Table | undefined, Row | undefined][] = [
        [byFunction, spent],
        // (A table of 财政拨款 by function code × economic class, where no 财政拨款 table by function code is printed.)
        ...mapArray(byFunction ? [] : tablesOf(doc, ["function-economic"]).filter((t) => acrossScope(t) === "allocation"), (t): [Table, Row | undefined] => [t, spent]),
        [byEconomic, purposeRow(summary, /^基本支出(合计)?$/)],
      ];
      for (const [t, line] of lines) {
        const dept = t && unitBlocks(t).department;
        const x = amountOf(dept ?? undefined, "total");
        const y = amountOf(line, "amount");
        if (t && dept && line && x && y) ctx.equal(subjectOf(t, dept, "total"), x, y, rel(t, line));
      }
    }
    // Row by row against the one-fund tables.
    const general = table(doc, "general-function");
    const parts = byFunction && general && sources(doc, general, false);
    if (byFunction && parts) compareRows(ctx, byFunction, parts, ["total", "basic", "project"]);
    // A table of function codes × economic classes (四川's 表2-1): its 合计, row by row, is the function table's of the
    // same money — 财政拨款's (the all-funds table, or the one-fund tables' sum), or 一般公共预算's. Its classes are 基本 and
    // 项目 together: no table by economic code holds the same money, and none is compared. (It may stop at 款: the codes
    // below are not missing from it.)
    for (const across of tablesOf(doc, ["function-economic"])) {
      const scope = acrossScope(across);
      const same = scope === "general-public" ? general && [general] : scope === "allocation" ? (byFunction ? [byFunction] : general && sources(doc, general, false)) : null;
      if (same) compareRows(ctx, across, same, ["total"], true);
    }
    const generalBasic = table(doc, "general-basic-economic");
    if (byEconomic && generalBasic && sources(doc, generalBasic, true)) compareRows(ctx, byEconomic, [generalBasic], ["total", "personnel", "public"]);
  },
};
