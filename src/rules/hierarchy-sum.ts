import type { Amount } from "../model/amount.js";
import { amountOf, type Row, type Table } from "../model/document.js";
import { amountColumns, CLASSIFIED, codeBlocks, codeChildren, columnLabel, levelTrees, roleParent, rowByRole, SANGGONG_KINDS, tablesOf, unitBlocks } from "../model/queries.js";
import type { Rule, RuleContext } from "../engine/types.js";
import { mapArray } from "../util/arrays.js";

function present(rows: Row[], key: string): { amount: Amount }[] {
  const out: { amount: Amount }[] = [];
  for (const r of rows) {
    const amount = amountOf(r, key);
    if (amount) out.push({ amount });
  }
  return out;
}

// The relations of the classified tables' identities (made once: the rule declares ~800 identities per document).
const SUB_CODES = { zh: "下级科目合计", en: "sum of its sub-codes" };
const TOP_CODES = { zh: "各类级科目合计", en: "sum of its top-level codes" };
const UNITS = { zh: "各预算单位合计", en: "sum of the budget units" };
// The same sums in a table printed by name only (its rows' levels told by indentation).
const SUB_ITEMS = { zh: "下级科目合计", en: "sum of its sub-items" };
const TOP_ITEMS = { zh: "各类级科目合计", en: "sum of its top-level items" };

function classified(t: Table, ctx: RuleContext) {
  const { department, units } = unitBlocks(t);
  // The blocks and their code trees are the same for every column: worked out once.
  const blocks = mapArray(codeBlocks(t), (u) => ({ ...u, children: codeChildren(u.codes), top: u.codes.filter((r) => r.code && r.code.length === 3) }));
  // A table printed by name only, its 类 / 款 / 项 told by indentation: the same sums by the rows' levels.
  const levels = levelTrees(t);
  for (const key of amountColumns(t)) {
    const column = columnLabel(t, key);
    for (const u of blocks) {
      for (const [parent, kids] of u.children) {
        const total = amountOf(parent, key);
        if (!total) continue;
        ctx.sum({
          subject: { table: t.id, unit: u.row.unit, code: parent.code, item: parent.name, column },
          total,
          parts: present(kids, key),
          relation: SUB_CODES,
        });
      }
      const top = u.top;
      const ut = amountOf(u.row, key);
      if (ut && top.length)
        ctx.sum({
          subject: { table: t.id, unit: u.row.unit, item: u.row.kind === "department" ? u.row.name : null, column },
          total: ut,
          parts: present(top, key),
          relation: TOP_CODES,
        });
    }
    for (const tree of levels) {
      for (const [parent, kids] of tree.children) {
        const total = amountOf(parent, key);
        if (total) ctx.sum({ subject: { table: t.id, unit: parent.unit, item: parent.name, column }, total, parts: present(kids, key), relation: SUB_ITEMS });
      }
      const total = amountOf(tree.row, key);
      if (total)
        ctx.sum({
          subject: { table: t.id, unit: tree.row!.kind === "unit" ? tree.row!.unit : null, item: tree.row!.name, column },
          total,
          parts: present(tree.top, key),
          relation: TOP_ITEMS,
        });
    }
    const dt = amountOf(department, key);
    if (dt && units.length)
      ctx.sum({
        subject: { table: t.id, item: department!.name, column },
        total: dt,
        parts: present(mapArray(units, (u) => u.row), key),
        relation: UNITS,
      });
  }
}

/** A two-sided table's expenditure amount columns: its 预算数 (`amount`), then the columns that split it. */
function expenditureColumns(t: Table): string[] {
  const out = ["amount"];
  for (const c of t.columns) if (c.kind === "amount" && c.key !== "amount" && c.key !== "income-amount" && c.key !== "expenditure-amount") out.push(c.key);
  return out;
}

function twoSided(t: Table, ctx: RuleContext, template: string) {
  const items = t.rows.filter((r) => r.kind === "item");
  const subject = (r: Row, key = "amount") => ({ table: t.id, code: r.code, item: r.name, column: columnLabel(t, key) });
  // Expenditure: 类 = Σ 款, 款 = Σ 项 (codes resolved from the names), 本年支出合计 = Σ 类, in its 预算数 and in
  // each column it is split into (by fund: 一般公共预算 …; by use: 人员经费 | 公用经费 | 项目支出).
  const exp = items.filter((r) => r.side === "expenditure" && !r.role);
  const expSub = rowByRole(t, "expenditure-subtotal");
  const lei = exp.filter((r) => (r.code ? r.code.length === 3 : r.level === 1));
  for (const key of expenditureColumns(t)) {
    for (const parent of exp) {
      if (!parent.code || parent.code.length === 7) continue;
      const kids = exp.filter((r) => r.code && r.code.length === parent.code!.length + 2 && r.code.startsWith(parent.code!));
      const total = amountOf(parent, key);
      if (total && kids.length) ctx.sum({ subject: subject(parent, key), total, parts: present(kids, key), relation: { zh: "下级科目合计", en: "sum of its sub-items" } });
    }
    const expTotal = amountOf(expSub, key);
    if (expTotal && lei.length) ctx.sum({ subject: subject(expSub!, key), total: expTotal, parts: present(lei, key), relation: { zh: "各类级支出合计", en: "sum of the top-level items" } });
    else if (!expSub) {
      // No 本年支出合计 printed (Shanghai's 财务收支预算总表): 支出总计 = Σ top-level items + 结转下年.
      const tr = rowByRole(t, "expenditure-total");
      const ta = amountOf(tr, key);
      const carry = items.filter((r) => r.side === "expenditure" && r.role === "expenditure-carryforward");
      if (ta && lei.length) ctx.sum({ subject: subject(tr!, key), total: ta, parts: present([...lei, ...carry], key), relation: { zh: "各类级支出合计", en: "sum of the top-level items" } });
    }
  }
  // Income: 政府预算拨款 = Σ its three kinds, 单位资金 = Σ its kinds, 本年收入合计 = Σ top-level items.
  // This year's income items: those printed before the carry-over lines (a 决算 lists the carry-over's
  // own 一般公共预算财政拨款 … under 年初结转和结余, after 本年收入合计).
  const firstCarry = t.rows.findIndex((r) => r.side === "income" && r.role === "income-carryover");
  const inc = items.filter((r) => r.side === "income" && r.role !== "income-carryover" && (firstCarry < 0 || t.rows.indexOf(r) < firstCarry));
  // A parent is printed above its parts (一、… 五、单位资金收入 / 1.事业收入 …): one printed below them is not theirs.
  const above = (parent: Row, r: Row) => t.rows.indexOf(parent) < t.rows.indexOf(r);
  for (const parent of inc) {
    if (!parent.role) continue;
    const kids = inc.filter((r) => r.role && roleParent(t.kind, r.role, template) === parent.role && above(parent, r));
    const total = amountOf(parent, "amount");
    if (total && kids.length) ctx.sum({ subject: subject(parent), total, parts: present(kids, "amount"), relation: { zh: "所属明细合计", en: "sum of its sub-items" } });
  }
  const incSub = rowByRole(t, "income-subtotal");
  const incTotal = amountOf(incSub, "amount");
  // Top level: items whose parent item the table does not print (一般公共预算财政拨款收入 in a 决算 that
  // prints no 财政拨款收入 line above it).
  const topIncome = inc.filter((r) => {
    if (!r.role) return r.level === 1;
    const p = roleParent(t.kind, r.role, template);
    return p === null || !inc.some((x) => x.role === p && above(x, r));
  });
  if (incTotal && topIncome.length)
    ctx.sum({ subject: subject(incSub!), total: incTotal, parts: present(topIncome, "amount"), relation: { zh: "各项收入合计", en: "sum of the income items" } });
  else if (!incSub) {
    // No 本年收入合计 printed: 收入总计 = Σ top-level income items + 上年结转.
    const tr = rowByRole(t, "income-total");
    const ta = amountOf(tr, "amount");
    const carry = items.filter((r) => r.side === "income" && r.role === "income-carryover");
    // Top level: items whose parent item this table does not print (一般公共预算资金 when no 财政拨款收入 line).
    const top = inc.filter((r) => {
      if (r.kind !== "item" || r.role === "income-carryover") return false;
      if (!r.role) return r.level === 1;
      const p = roleParent(t.kind, r.role, template);
      return p === null || !inc.some((x) => x.role === p && above(x, r));
    });
    if (ta && top.length) ctx.sum({ subject: subject(tr!), total: ta, parts: present([...top, ...carry], "amount"), relation: { zh: "各项收入合计", en: "sum of the income items" } });
  }
  carryoverFunds(t, ctx);
}

/** The funds a 财政拨款 carry-over is printed by, under its line. */
const CARRYOVER_FUNDS = new Set(["general-public", "gov-fund", "state-capital"]);

/**
 * 上年结转 (年初结转和结余) = Σ the funds printed under it: （一）一般公共预算拨款 （二）政府性基金预算拨款
 * （三）国有资本经营预算拨款 — the income lines right after it that name a fund, two or more of them (one alone,
 * or a line worded 其中, may be a part only).
 */
function carryoverFunds(t: Table, ctx: RuleContext) {
  const income = t.rows.filter((r) => r.side === "income");
  for (let i = 0; i < income.length; i++) {
    const carry = income[i];
    if (carry.role !== "income-carryover") continue;
    const kids: Row[] = [];
    for (let k = i + 1; k < income.length && income[k].kind === "item" && CARRYOVER_FUNDS.has(income[k].role ?? ""); k++) kids.push(income[k]);
    const total = amountOf(carry, "amount");
    if (!total || kids.length < 2 || kids.some((r) => /其中/.test(r.label ?? r.name ?? ""))) continue;
    ctx.sum({ subject: { table: t.id, code: carry.code, item: carry.name, column: columnLabel(t, "amount") }, total, parts: present(kids, "amount"), relation: { zh: "所属明细合计", en: "sum of its sub-items" } });
  }
}

const FUNDS = { zh: "各资金来源合计", en: "sum of the funds" };

/**
 * A 三公 table that prints 合计 above a row per budget unit (杭州), or per fund (广州's items as rows, funds as
 * columns: 一般公共预算 | 政府性基金预算 | 国有资本经营预算): 合计 = Σ the units (the funds), column by column.
 */
function sanggongUnits(t: Table, ctx: RuleContext) {
  const total = t.rows.find((r) => r.role === "current-year");
  if (!total) return;
  for (const [role, relation] of [["unit", UNITS], ["fund", FUNDS]] as const) {
    const parts = t.rows.filter((r) => r.role === role);
    if (!parts.length) continue;
    for (const key of amountColumns(t)) {
      const a = amountOf(total, key);
      if (a) ctx.sum({ subject: { table: t.id, item: total.name, column: columnLabel(t, key) }, total: a, parts: present(parts, key), relation });
    }
  }
}

const PROJECTS = { zh: "各项目合计", en: "sum of the projects" };

/**
 * A list of projects (项目支出预算表 as 单位名称 | 项目名称 | amounts, 杭州): 合计 = Σ the projects, or, where the
 * list prints each unit's subtotal line above its projects, unit = Σ its projects (合计 = Σ units is the
 * classified tables' check), in each column. Not a table of codes, which sums by them (above).
 */
function projects(t: Table, ctx: RuleContext) {
  const total = t.rows.find((r) => r.kind === "department");
  // (An outline's rows sum by their levels, above: its items are not a flat list of the 合计's parts.)
  if (t.rows.some((r) => r.kind === "code") || t.outline) return;
  const units = t.rows.filter((r) => r.kind === "unit");
  const items = t.rows.filter((r) => r.kind === "item");
  // Each project named with its unit, or under its unit's line: a row with neither may be anything. (A 政府采购预算表
  // that names no unit at all lists the department's purchases: 项目 | 品目 | 金额, 宁夏's.)
  const purchases = t.kind === "procurement" && !units.length && items.every((r) => !r.unit);
  if (items.length === 0 || (items.some((r) => !r.unit) && !purchases)) return;
  const groups: [Row, Row[]][] = units.length ? mapArray(units, (u) => [u, items.filter((r) => r.unit === u.unit && t.rows.indexOf(r) > t.rows.indexOf(u))] as [Row, Row[]]) : total && items.length > 1 ? [[total, items]] : [];
  for (const key of amountColumns(t))
    for (const [parent, kids] of groups) {
      const a = amountOf(parent, key);
      if (a && kids.length) ctx.sum({ subject: { table: t.id, unit: parent.kind === "unit" ? parent.unit : null, item: parent.name, column: columnLabel(t, key) }, total: a, parts: present(kids, key), relation: PROJECTS });
    }
}

function tasks(t: Table, ctx: RuleContext) {
  const total = t.rows.find((r) => r.role === "tasks-total");
  if (!total) return;
  const items = t.rows.filter((r) => r.kind === "item");
  for (const key of amountColumns(t)) {
    const a = amountOf(total, key);
    if (a && items.length)
      ctx.sum({ subject: { table: t.id, item: total.name, column: columnLabel(t, key) }, total: a, parts: present(items, key), relation: { zh: "各项任务合计", en: "sum of the tasks" } });
  }
}

export const hierarchySum: Rule = {
  id: "hierarchy-sum",
  defaultSeverity: "error",
  unitTables: true,
  requires: { tables: [["income", "expenditure", "basic-summary", "project-summary", "general-function", "general-economic", "general-basic-economic", "running-cost-economic", "gov-fund", "state-capital", "summary", "allocation-summary", "performance", "project-performance", "general-project-economic", ...SANGGONG_KINDS, "function-economic", "procurement"]] },
  description: "A parent equals the sum of its children: codes (类 = Σ 款 = Σ 项, 301 = Σ 301xx), unit = Σ its codes, department = Σ units (also a 三公 table's 合计 over its unit rows, and a 政府采购预算表's), 表1/表6 items and totals, 表12 金额合计, a list of projects' 合计 (also a 政府采购预算表 by project).",
  descriptionZh: "上级等于下级之和：科目编码逐级汇总，单位 = 所属科目之和，部门 = 各单位之和（含“三公”经费表合计行与各单位行、政府采购预算表），表1/表6 各项目及合计，表12 金额合计，项目支出表合计 = 各项目之和（含按项目列示的政府采购预算表）。",
  check(doc, ctx) {
    // A 政府采购预算表 by unit (合计 = Σ units) or by project (合计 = Σ projects, unit = Σ its projects).
    for (const t of tablesOf(doc, [...CLASSIFIED, "procurement"])) classified(t, ctx);
    for (const t of tablesOf(doc, ["summary", "allocation-summary"])) twoSided(t, ctx, doc.template);
    for (const t of tablesOf(doc, ["performance"])) tasks(t, ctx);
    for (const t of tablesOf(doc, SANGGONG_KINDS)) sanggongUnits(t, ctx);
    for (const t of tablesOf(doc, ["project-summary", "project-performance", "general-project-economic", "procurement"])) projects(t, ctx);
  },
};
