import { amountOf, table, tableName, tableNameEn, type TableKind } from "../model/document.js";
import { columnLabel, departmentRow, fundIncomeLines, rowByRole } from "../model/queries.js";
import { Decimal } from "decimal.js";
import { halfUnit, type Amount } from "../model/amount.js";
import type { Rule, RuleContext } from "../engine/types.js";
import type { Row, Table } from "../model/document.js";
import { mapArray } from "../util/arrays.js";
import { normaliseName, splitMarker } from "../model/names.js";

/** 表1 items come from 表3 (all funds); 表6 items from 表7 + 表10 + 表11 (government allocations). */
const SOURCES: [TableKind, TableKind[]][] = [
  ["summary", ["expenditure"]],
  ["allocation-summary", ["general-function", "gov-fund", "state-capital"]],
];

/** The columns a summary may split its 预算数 into that the tables by function print too. */
const SPLIT_BY_USE = ["basic", "project"];

export const itemsVsUnits: Rule = {
  id: "items-vs-units",
  defaultSeverity: "error",
  unitTables: true,
  requires: { tables: [["summary", "allocation-summary"], ["expenditure", "general-function", "gov-fund", "state-capital"]] },
  description: "Each 表1 expenditure item equals the sum over budget units of the same code in 表3; each 表6 item the same in 表7 (+ 表10 + 表11).",
  descriptionZh: "表1 各支出功能科目 = 表3 各单位同一科目之和；表6 = 表7（及表10、表11）各单位同一科目之和。",
  check(doc, ctx) {
    for (const [summaryId, ids] of SOURCES) {
      const summary = table(doc, summaryId);
      const sourceIds = summaryId === "summary" && summary ? allFundsSources(doc, summary, ids) : ids;
      const sources = mapArray(sourceIds, (id) => table(doc, id)).filter((t) => !!t);
      if (!summary || sources.length === 0) continue;
      // A source printed but not read (its columns uncertain), of a kind no table read holds: its figures are missing
      // from every sum. (Another printing of a kind read — a 一般公共预算支出表（分单位） beside the 一般公共预算支出表 — is not.)
      if (doc.unknownTables?.some((u) => u.kind && sourceIds.includes(u.kind) && !sources.some((t) => t!.kind === u.kind))) continue;
      const coded = sources.some((t) => t!.rows.some((r) => r.kind === "code"));
      // Tables that print no code at all (杭州: 类 / 款 / 项 told by indentation only) are matched by name.
      const byName = !coded && sources.some((t) => t!.rows.some((r) => r.kind === "item" && r.name)) ? namedRows(summary, sources as Table[]) : null;
      if (!coded && !byName) continue;
      if (summaryId === "allocation-summary" && spendsCarryover(ctx, summary, sources as Table[])) continue;
      // A fund's table the document does not print, whose money the 财政拨款收支总表 shows: its items hold that fund's part,
      // which no table printed gives (天津 without 表八: 207 is 一般公共预算 103,461,031.87 + 政府性基金 5,750,000.00).
      const unsourced = summaryId === "allocation-summary" ? missingFunds(summary, sourceIds.filter((id) => !table(doc, id))) : null;
      let skipped: Amount | null = null;
      // The 预算数 against the sources' 合计; where the summary splits it by use as the sources do (基本支出 |
      // 项目支出), each part against theirs, by code.
      const columns: [string, string][] = [["amount", "total"]];
      if (coded) for (const key of SPLIT_BY_USE) if (summary.columns.some((c) => c.key === key) && sources.every((t) => t!.columns.some((c) => c.key === key))) columns.push([key, key]);
      // Each source's code rows by code, gathered once: looking each item's code up among every row of every source, for
      // each column, was ~1% of a warm document's CPU.
      const byCode = coded ? mapArray(sources as Table[], codeRows) : null;
      for (const r of summary.rows) {
        if (r.side !== "expenditure" || r.kind !== "item" || (coded ? !r.code : !r.name)) continue;
        if (unsourced && (unsourced.all || unsourced.columns.some((k) => heldIn(r, k)))) {
          skipped ??= amountOf(r, "amount");
          continue;
        }
        for (const [key, sourceKey] of columns) {
          const total = amountOf(r, key);
          if (!total) continue;
          const found = coded ? acrossUnits(byCode!, r.code!, sourceKey) : byName!.get(nameKey(r.name!));
          if (!found) continue;
          const parts = mapArray(found, (amount) => ({ amount }));
          ctx.sum({
            subject: { table: summary.id, ...(r.code && { code: r.code }), item: r.name, column: columnLabel(summary, key) },
            total,
            parts,
            relation: {
              zh: `${mapArray(sources, (s) => tableName(s)).join("、")}各单位同一科目合计`,
              en: `sum over units of the same code in ${mapArray(sources, (s) => tableNameEn(s)).join(", ")}`,
            },
          });
        }
      }
      if (skipped && unsourced) {
        const names = mapArray(unsourced.funds, (f) => FUND_NAMES[f]);
        ctx.report({
          informational: true,
          subject: { table: summary.id, column: columnLabel(summary, "amount") },
          location: skipped.location,
          message: {
            zh: `文件中没有${mapArray(names, (n) => n.zh).join("、")}，${tableName(summary)}中含该资金的支出科目未核对`,
            en: `the document prints no ${mapArray(names, (n) => n.en).join(" or ")}: the items of ${tableNameEn(summary)} that hold its money are not checked`,
          },
        });
      }
    }
  },
};

/** A table's rows of codes (kind "code"), by code, in printed order. */
function codeRows(t: Table): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const r of t.rows) {
    if (r.kind !== "code" || !r.code) continue;
    const rows = out.get(r.code);
    if (rows) rows.push(r);
    else out.set(r.code, [r]);
  }
  return out;
}

/** As codeAcrossUnits over each source in turn (src/model/queries.ts): a code's figures in column `key`, every unit's. */
function acrossUnits(byCode: Map<string, Row[]>[], code: string, key: string): Amount[] {
  const out: Amount[] = [];
  for (const rows of byCode) {
    for (const r of rows.get(code) ?? []) {
      const a = amountOf(r, key);
      if (a) out.push(a);
    }
  }
  return out;
}

/** Whether a row prints a figure other than 0 in column `key`. */
const heldIn = (r: Row, key: string) => {
  const a = amountOf(r, key);
  return !!a && !a.value.isZero();
};

/** The fund each one-fund table by function is of: its column of the 财政拨款收支总表, and its name. */
const FUND_OF: Partial<Record<TableKind, string>> = { "general-function": "general-public", "gov-fund": "gov-fund", "state-capital": "state-capital" };
const FUND_NAMES: Record<string, { zh: string; en: string }> = {
  "general-public": { zh: "一般公共预算支出表", en: "一般公共预算支出表 (general public budget by function)" },
  "gov-fund": { zh: "政府性基金预算支出表", en: "政府性基金预算支出表 (government fund budget)" },
  "state-capital": { zh: "国有资本经营预算支出表", en: "国有资本经营预算支出表 (state capital budget)" },
};

/**
 * The funds of the tables `missing` whose money the 财政拨款收支总表 shows, and how: `columns`, its columns of those funds
 * (an item holding a figure other than 0 in one holds that fund's money); `all`, where it prints no such column but the
 * fund's 本年 income line holds money (which items hold it, it does not say). Null where it shows none of them (their
 * lines and columns 0 or blank, or not printed): the items are compared as they are.
 */
function missingFunds(summary: Table, missing: TableKind[]): { funds: string[]; columns: string[]; all: boolean } | null {
  const funds: string[] = [];
  const columns: string[] = [];
  let all = false;
  for (const kind of missing) {
    const fund = FUND_OF[kind];
    if (!fund) continue;
    const income = amountOf(fundIncomeLines(summary, fund).current, "amount");
    const held = !!income && !income.value.isZero();
    if (summary.columns.some((c) => c.key === fund)) {
      const spent = summary.rows.some((r) => r.side === "expenditure" && r.kind === "item" && heldIn(r, fund));
      if (!spent && !held) continue;
      columns.push(fund);
    } else if (held) all = true;
    else continue;
    funds.push(fund);
  }
  return funds.length ? { funds, columns, all } : null;
}

/**
 * The 收支总表's items by function come from the 支出总表; where that prints no row by function (江苏's, one line of totals)
 * and every yuan of income is government allocation (收入总计 = 财政拨款), from the tables of the allocation:
 * the 财政拨款支出表 by function (every fund together), else the one-fund tables.
 */
function allFundsSources(doc: Parameters<Rule["check"]>[0], summary: Table, ids: TableKind[]): TableKind[] {
  const expenditure = table(doc, "expenditure");
  if (expenditure?.rows.some((r) => r.kind === "code" || (r.kind === "item" && r.name))) return ids;
  const all = amountOf(rowByRole(summary, "income-total"), "amount");
  const allocation = amountOf(rowByRole(summary, "gov-allocation"), "amount") ?? amountOf(rowByRole(summary, "general-public"), "amount");
  if (!all || !allocation || !all.value.eq(allocation.value)) return ids;
  return table(doc, "allocation-function") ? ["allocation-function"] : ["general-function", "gov-fund", "state-capital"];
}

/** A name as the tables print it, without its list marker (一、) and spacing. */
function nameKey(name: string): string {
  return splitMarker(normaliseName(name.replace(/\s+/g, ""))).name;
}

/**
 * Read by name: for each expenditure item the summary prints once, the 合计 of the sources' rows of that name
 * (one per budget unit and table). A name printed twice in the summary, or twice for one unit of a source
 * (行政运行 under two 款), is not matched: which row it is cannot be told.
 */
function namedRows(summary: Table, sources: Table[]): Map<string, Amount[]> {
  const count = new Map<string, number>();
  for (const r of summary.rows) if (r.side === "expenditure" && r.kind === "item" && r.name) count.set(nameKey(r.name), (count.get(nameKey(r.name)) ?? 0) + 1);
  const out = new Map<string, Amount[]>();
  const ambiguous = new Set<string>();
  for (const t of sources) {
    const seen = new Set<string>();
    for (const r of t.rows) {
      if (r.kind !== "item" || !r.name) continue;
      const key = nameKey(r.name);
      if (count.get(key) !== 1) continue;
      const once = `${r.unit ?? ""}\u0000${key}`;
      if (seen.has(once)) ambiguous.add(key);
      seen.add(once);
      const a = amountOf(r, "total");
      if (a) out.set(key, [...(out.get(key) ?? []), a]);
    }
  }
  for (const key of ambiguous) out.delete(key);
  return out;
}

/**
 * A 财政拨款收支总表 that spends last year's carry-over (上年结转) beside tables that print this year's budget
 * only (a central department's 一般公共预算支出表: 年初预算数): its items cannot be matched code by code, as
 * the carry-over is not split by code. Then 本年支出 = the tables' 合计 + 上年结转 is checked instead, and a
 * note says why the items were not. False (items compared as usual) when the tables' 合计 already make up
 * 本年支出, or no carry-over is printed.
 */
function spendsCarryover(ctx: RuleContext, summary: Table, sources: Table[]): boolean {
  const carry = amountOf(rowByRole(summary, "income-carryover"), "amount");
  const sub = rowByRole(summary, "expenditure-subtotal");
  const spent = amountOf(sub, "amount");
  const totals = mapArray(sources, (t) => amountOf(departmentRow(t), "total")).filter((a): a is Amount => !!a);
  if (!carry || carry.value.isZero() || !spent || totals.length === 0) return false;
  // Half a unit of the last printed digit of each figure.
  const tolerance = [spent, carry, ...totals].reduce((s, a) => s.plus(halfUnit(a)), new Decimal(0));
  const thisYear = totals.reduce((s, a) => s.plus(a.value), new Decimal(0));
  // The tables' 合计 already make up 本年支出, or come nearer to it than with the carry-over (a figure of it
  // mistyped, not the carry-over spent): the items are compared one by one.
  const off = spent.value.minus(thisYear).abs();
  if (off.lte(tolerance) || off.lt(spent.value.minus(thisYear).minus(carry.value).abs())) return false;
  // Nor where it is farther from the totals plus the carry-over than the carry-over itself, unless 本年支出 reckoned from
  // the table's other figures is not (支出总计 − 年末结转和结余): a 本年支出 mistyped by more than the carry-over (26278.88
  // for 16278.88, beside 253.73) is no carry-over spent, and an identity of that form would keep its true value from
  // settling anything.
  const withCarry = (v: Decimal) => {
    const off = v.minus(thisYear).minus(carry.value).abs();
    return off.lt(v.minus(thisYear).abs()) && off.lte(Decimal.max(tolerance, carry.value.abs()));
  };
  const total = amountOf(rowByRole(summary, "expenditure-total"), "amount");
  const forward = amountOf(rowByRole(summary, "expenditure-carryforward"), "amount");
  const reckoned = total && forward ? total.value.minus(forward.value) : null;
  if (!withCarry(spent.value) && !(reckoned && withCarry(reckoned))) return false;
  ctx.sum({
    subject: { table: summary.id, item: sub!.name, column: columnLabel(summary, "amount") },
    total: spent,
    parts: mapArray([...totals, carry], (amount) => ({ amount })),
    relation: { zh: `${mapArray(sources, (s) => tableName(s)).join("、")}合计 + 上年结转`, en: `total of ${mapArray(sources, (s) => tableNameEn(s)).join(", ")} + carry-over` },
  });
  ctx.report({
    informational: true,
    subject: { table: summary.id, item: sub!.name, column: columnLabel(summary, "amount") },
    location: spent.location,
    message: {
      zh: `${tableName(summary)} 支出含上年结转 ${carry.text}，而 ${mapArray(sources, (s) => tableName(s)).join("、")} 只列本年预算：各功能科目无法逐项核对，已核对本年支出合计`,
      en: `${tableNameEn(summary)} spends the carry-over ${carry.text} as well, while ${mapArray(sources, (s) => tableNameEn(s)).join(", ")} print this year's budget only: its items are not compared code by code; its 本年支出 is checked against their totals plus the carry-over`,
    },
  });
  return true;
}
