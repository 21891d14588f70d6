import { Decimal } from "decimal.js";
import { printedAt, sanggongOfLabel } from "../claims/changes.js";
import { claimsOf, claimsOfKind } from "../claims/index.js";
import { matchProject, projectIndex, unitCore } from "../claims/match.js";
import type { Change, ClaimOf, TableFigure, ProjectClaim, SanggongComponent, UnitComponent } from "../claims/types.js";
import type { Msg, Rule, RuleContext, Subject } from "../engine/types.js";
import { decimalString, interval, inUnit, makeCount, type Amount } from "../model/amount.js";
import { amountOf, COUNT_CELL, table, tableName, tableNameEn, type BudgetDocument, type Row, type Table, type TableKind } from "../model/document.js";
import { normaliseName } from "../model/names.js";
import { allocationFigure, codeAcrossUnits, columnLabel, departmentRow, fundBalanceCells, fundIncomeLines, thisYearsRow, unitBlocks } from "../model/queries.js";
import { mapArray } from "../util/arrays.js";

const terms = (as: (Amount | null)[]) => mapArray(as.filter((a): a is Amount => !!a), (amount) => ({ amount }));

/** The unit rows of a classified table (表3, 表7, 表8), by unit. */
function unitRow(doc: BudgetDocument, id: TableKind, unit: string): { row: Row; codes: Row[] } | null {
  const t = table(doc, id);
  if (!t) return null;
  const u = unitBlocks(t).units.find((b) => b.row.unit && unitCore(b.row.unit) === unitCore(unit));
  return u ? { row: u.row, codes: u.codes } : null;
}

/** Where each component of a unit's budget sentence is found in the tables. */
const COMPONENT_SOURCE: Record<UnitComponent, { table: TableKind; code: string | null; key: string; zh: string; en: string }> = {
  personnel: { table: "general-economic", code: "301", key: "total", zh: "301 工资福利支出", en: "301 wages and benefits" },
  public: { table: "general-economic", code: "302", key: "basic", zh: "302 商品和服务支出（基本支出）", en: "302 goods and services (basic)" },
  // (Its basic expenditure: a project's 303 spending — 残疾人两项补贴 — is in the unit's 项目支出 the text states beside it.)
  individual: { table: "general-economic", code: "303", key: "basic", zh: "303 对个人和家庭的补助（基本支出）", en: "303 subsidies to individuals and households (basic)" },
  project: { table: "general-function", code: null, key: "project", zh: "项目支出", en: "project expenditure" },
};

function component(doc: BudgetDocument, ctx: RuleContext, unit: string, c: UnitComponent, label: string, amount: Amount) {
  // A unit's 项目支出 of every fund (its 政府性基金 projects too): the expenditure table's, where it prints the unit.
  const s = c === "project" && unitRow(doc, "expenditure", unit) ? { ...COMPONENT_SOURCE.project, table: "expenditure" as const } : COMPONENT_SOURCE[c];
  const t = table(doc, s.table);
  const u = unitRow(doc, s.table, unit);
  if (!u || !t) return;
  const src = { ...s, zh: `${tableName(t)} ${s.zh}`, en: `${tableNameEn(t)} ${s.en}` };
  const row = src.code ? u.codes.find((r) => r.code === src.code) : u.row;
  const b = inText(t, amountOf(row, src.key));
  if (b) ctx.equal({ table: "text", unit, item: label }, amount, b, { zh: src.zh, en: src.en });
  else if (src.code && row === undefined && !amount.value.isZero())
    ctx.report({ subject: { table: "text", unit, item: label }, location: amount.location, related: [u.row.location], stated: decimalString(amount.value), computed: "0", message: { zh: `${src.zh} 在该单位无此科目（按 0），文中为 ${amount.text}`, en: `${src.en}: the unit has no such code (0), the text says ${amount.text}` } });
}

function units(doc: BudgetDocument, ctx: RuleContext) {
  for (const u of claimsOfKind(doc, "unit-budget")) {
    // The unit's whole budget, every fund: the expenditure table's (支出总表) unit total; the 一般公共预算 table's only
    // where that is not printed (a unit with 政府性基金 or 国有资本经营 money spends more than its 一般公共预算).
    for (const kind of ["expenditure", "general-function"] as const) {
      const r = unitRow(doc, kind, u.unit);
      const t = table(doc, kind)!;
      const b = inText(t, amountOf(r?.row, "total"));
      if (!b) continue;
      ctx.equal({ table: "text", unit: u.unit, item: "单位预算" }, u.amount, b, { zh: `${tableName(t)} 单位支出总计`, en: `${tableNameEn(t)} unit total` });
      break;
    }
    for (const c of u.components) component(doc, ctx, u.unit, c.component, c.label, c.amount);
  }
  for (const c of claimsOfKind(doc, "unit-component")) component(doc, ctx, c.unit, c.component, c.label, c.amount);
}

/** A table's figure in the text's money unit (万元): the written parts state 万元 whatever the tables print. */
const inText = (t: { unit: string | null } | undefined, a: Amount | null) => (a ? inUnit(a, t?.unit, "万元") : null);

function department(doc: BudgetDocument, ctx: RuleContext) {
  const t1 = table(doc, "summary");
  for (const d of claimsOfKind(doc, "department-total")) {
    const role = d.side === "income" ? "income-total" : "expenditure-total";
    const row = t1?.rows.find((r) => r.role === role);
    // A bare 收入预算 X 万元 that is the 本年收入合计, where the summary prints another 总计 (上年结转): the 本年 subtotal.
    const subtotal = d.orSubtotal ? t1?.rows.find((r) => r.role === (d.side === "income" ? "income-subtotal" : "expenditure-subtotal")) : undefined;
    const thisYear = inText(t1, amountOf(subtotal, "amount"));
    if (subtotal && thisYear?.value.eq(d.amount.value) && !inText(t1, amountOf(row, "amount"))?.value.eq(d.amount.value)) {
      ctx.equal({ table: "text", item: d.side === "income" ? "部门预算收入" : "部门预算支出" }, d.amount, thisYear, { zh: `${tableName(t1)} ${subtotal.label ?? ""}`, en: `${tableNameEn(t1)} ${subtotal.label ?? "this year's subtotal"}` });
      continue;
    }
    const inSummary = inText(t1, amountOf(row, "amount"));
    // Where the summary's 总计 row is not read, the income or expenditure table's 合计 (the department's
    // whole income or spending; the 一般公共预算 table's is one fund's only).
    const t = table(doc, d.side === "income" ? "income" : "expenditure");
    const b = inSummary ?? inText(t, amountOf(departmentRow(t), "total"));
    if (!b) continue;
    const where = inSummary
      ? d.side === "income" ? { zh: `${tableName(t1)} 收入总计`, en: `${tableNameEn(t1)} total income` } : { zh: `${tableName(t1)} 支出总计`, en: `${tableNameEn(t1)} total expenditure` }
      : { zh: `${tableName(t)} 合计`, en: `${tableNameEn(t)} total` };
    ctx.equal({ table: "text", item: d.side === "income" ? "部门预算收入" : "部门预算支出" }, d.amount, b, where);
  }
}

/** Σ over the units of a classified table's column, or its department row when printed: in the text's 万元. */
function departmentSum(doc: BudgetDocument, id: TableKind, key: string): Amount[] {
  const t = table(doc, id);
  if (!t) return [];
  const { department, units } = unitBlocks(t);
  const d = inText(t, amountOf(department, key));
  return d ? [d] : mapArray(units, (u) => inText(t, amountOf(u.row, key))).filter((a): a is Amount => !!a);
}

/** Where the procurement table prints the text's kinds of procurement. */
const PROCUREMENT_LABEL = { goods: ["货物", "goods"], works: ["工程", "works"], services: ["服务", "services"] } as const;

function procurement(doc: BudgetDocument, ctx: RuleContext) {
  const t = table(doc, "procurement");
  for (const p of claimsOfKind(doc, "procurement")) {
    const parts = departmentSum(doc, "expenditure", "proc-total");
    if (parts.length) ctx.sum({ subject: { table: "text", item: "政府采购" }, total: p.amount, parts: terms(parts), relation: { zh: `${tableName(table(doc, "expenditure"))} 政府采购小计`, en: `${tableNameEn(table(doc, "expenditure"))} government procurement subtotal` } });
    // The 政府采购预算表 (a 预算's: a 决算's text states the contracts signed, no table's budget): its 合计, printed or
    // as the sum of its units, and each kind the text states where the table prints its column (货物 | 工程 | 服务).
    if (!t || doc.stage === "final") continue;
    const total = departmentSum(doc, "procurement", "total");
    if (total.length) ctx.sum({ subject: { table: "text", item: "政府采购" }, total: p.amount, parts: terms(total), relation: { zh: `${tableName(t)} 合计`, en: `${tableNameEn(t)} total` } });
    for (const c of p.components) {
      const [zh, en] = PROCUREMENT_LABEL[c.component];
      // A table that prints the kinds as rows of its outline (一、货物 A · 三、服务 C, 江苏's 政府采购支出预算表): the row's total.
      const row = t.columns.some((col) => col.key === c.component) ? null : t.rows.find((r) => r.role === c.component);
      if (row) {
        const a = inText(t, amountOf(row, "total"));
        if (a) ctx.sum({ subject: { table: "text", item: c.label }, total: c.amount, parts: terms([a]), relation: { zh: `${tableName(t)} ${row.name ?? zh}`, en: `${tableNameEn(t)} ${en}` } });
        continue;
      }
      if (!t.columns.some((col) => col.key === c.component)) continue;
      const kind = departmentSum(doc, "procurement", c.component);
      if (kind.length) ctx.sum({ subject: { table: "text", item: c.label }, total: c.amount, parts: terms(kind), relation: { zh: `${tableName(t)} ${zh}`, en: `${tableNameEn(t)} ${en}` } });
    }
    // 面向中小企业预留 N 万元: the table's 其中：面向中小企业预留 where it prints one.
    const sme = p.reserved ? departmentSum(doc, "procurement", "proc-sme") : [];
    if (p.reserved && sme.length) ctx.sum({ subject: { table: "text", item: "面向中小企业预留" }, total: p.reserved.sme, parts: terms(sme), relation: { zh: `${tableName(t)} ${columnLabel(t, "proc-sme")}`, en: `${tableNameEn(t)} ${columnLabel(t, "proc-sme")}` } });
  }
}

/**
 * Whether a change the text states can be compared with the 三公 table's last year: a 预算's, on last year's budget (a
 * change on last year's execution, or on another year than the one before, is not the table's).
 */
function onLastYearsBudget(doc: BudgetDocument, c: Change): boolean {
  return doc.stage === "budget" && c.base !== "execution" && !(c.year && doc.year && c.year !== doc.year - 1);
}

function sanggong(doc: BudgetDocument, ctx: RuleContext) {
  const t9 = table(doc, "sanggong");
  if (!t9) return;
  // Each unit's rows; not a 合计 printed over them (深圳市交通运输局合计 | 2024 年 | …), which they sum.
  const total = (r: Row) => /合计$|^合计|^总计$/.test(normaliseName(r.unit ?? ""));
  const units = t9.rows.some((r) => !total(r)) ? t9.rows.filter((r) => !total(r)) : t9.rows;
  const rows = (role: string) => units.filter((r) => r.role === role);
  const figures = (role: string, key: string) => mapArray(rows(role), (r) => inText(t9, amountOf(r, key))).filter((a): a is Amount => !!a);
  // The generic reader states a figure's change as a statement of its own, on the same printed figure.
  const stated = claimsOfKind(doc, "stated-change");
  for (const s of claimsOfKind(doc, "sanggong")) {
    const key: SanggongComponent = s.component; // 表9's column keys are the component names
    const subject: Subject = { table: "text", item: s.label };
    // (A component the table prints no column for — 会议费 and 培训费 beside a table of the 三公 alone — is not 0.)
    if (!t9.columns.some((col) => col.key === key)) continue;
    const cur = mapArray(rows("current-year"), (r) => inText(t9, amountOf(r, key)));
    if (cur.length) ctx.sum({ subject, total: s.amount, parts: terms(cur), relation: { zh: `${tableName(t9)} 本年${s.label}合计`, en: `${tableNameEn(t9)} this year's ${columnLabel(t9, key)}, all units` } });
    const c = s.change ?? stated.find((x) => printedAt(x.amount) === printedAt(s.amount) && sanggongOfLabel(x.label) === key)?.change ?? null;
    if (!c || !c.amount || (c.kind !== "increase" && c.kind !== "decrease") || !onLastYearsBudget(doc, c)) continue;
    const sign: 1 | -1 = c.kind === "decrease" ? -1 : 1;
    const negated = c.kind === "decrease" ? { zh: "（取反）", en: " (negated)" } : { zh: "", en: "" };
    // The change the table prints: its row of changes (增减变化金额, 增减), or for the 三公 itself a column of it beside
    // this year's figures (河北's 比上年增减)…
    const row = figures("change", key);
    const printed = row.length ? row : key === "total" ? figures("current-year", "change") : [];
    if (printed.length) {
      ctx.sum({
        subject: { ...subject, column: row.length ? "增减变化金额" : "比上年增减" },
        total: c.amount,
        parts: mapArray(printed, (amount) => ({ amount, sign })),
        relation: { zh: `${tableName(t9)} ${row.length ? "增减变化金额" : columnLabel(t9, "change")}合计${negated.zh}`, en: `${tableNameEn(t9)} change, all units${negated.en}` },
      });
      continue;
    }
    // …else the difference of the two years it prints (上年预算数 | 本年预算数, a row of each).
    const last = figures("previous-year", key);
    const now = figures("current-year", key);
    if (!last.length || last.length !== now.length) continue;
    ctx.sum({
      subject: { ...subject, column: "增减额" },
      total: c.amount,
      parts: [...mapArray(now, (amount) => ({ amount, sign })), ...mapArray(last, (amount) => ({ amount, sign: -sign as 1 | -1 }))],
      relation: c.kind === "decrease" ? { zh: `${tableName(t9)} 上年预算数 − 本年预算数`, en: `${tableNameEn(t9)} last year's − this year's amount` } : { zh: `${tableName(t9)} 本年预算数 − 上年预算数`, en: `${tableNameEn(t9)} this year's − last year's amount` },
    });
  }
}

/**
 * A 决算's “三公” change on last year (支出决算为 X 万元，比上年决算减少 Y 万元 · 较2023年度增加 Y 万元) against its 三公 table of
 * years (year-stages): the change it prints (增减额), else this year's 决算数 − last year's (上年决算数 | 本年决算数 · 2023年决算数 |
 * 2024年预算数 | 2024年决算数). A change on last year's budget (比上年预算), or on another year than the one before, is not the
 * table's; a table that prints no last year's 决算数 is not judged.
 */
function sanggongFinalChanges(doc: BudgetDocument, ctx: RuleContext) {
  const t7 = table(doc, "sanggong");
  const now = t7 && yearRow(t7, "current-year");
  if (doc.stage !== "final" || !t7 || !now) return;
  const last = yearRow(t7, "previous-year");
  const change = t7.rows.find((r) => r.role === "change") ?? null;
  for (const c of claimsOfKind(doc, "sanggong-final")) {
    const ch = c.change;
    if (!ch || !ch.amount || (ch.kind !== "increase" && ch.kind !== "decrease") || ch.base === "budget" || (ch.year && doc.year && ch.year !== doc.year - 1)) continue;
    if (!t7.columns.some((col) => col.key === c.component)) continue;
    const sign: 1 | -1 = ch.kind === "decrease" ? -1 : 1;
    const subject: Subject = { table: "text", item: c.label, column: "比上年" };
    const printed = change && inText(t7, amountOf(change, c.component));
    if (printed) {
      ctx.sum({ subject, total: ch.amount, parts: [{ amount: printed, sign }], relation: { zh: `${tableName(t7)} ${change!.label}${sign < 0 ? "（取反）" : ""}`, en: `${tableNameEn(t7)} change${sign < 0 ? " (negated)" : ""}` } });
      continue;
    }
    const a = inText(t7, amountOf(now, c.component));
    const b = last && inText(t7, amountOf(last, c.component));
    if (!a || !b) continue;
    ctx.sum({
      subject,
      total: ch.amount,
      parts: [{ amount: a, sign }, { amount: b, sign: -sign as 1 | -1 }],
      relation: sign < 0 ? { zh: `${tableName(t7)} ${last!.label} − ${now.label}`, en: `${tableNameEn(t7)} last year's − this year's final figure` } : { zh: `${tableName(t7)} ${now.label} − ${last!.label}`, en: `${tableNameEn(t7)} this year's − last year's final figure` },
    });
  }
}

/**
 * A 预算's “三公” change on last year's 决算 (预算数为 X 万元，比上年决算增加 Y 万元 · 较2024年决算数减少 Y 万元) against its 三公
 * table's last year's 决算 (year-stages: 2024年决算数 | 2025年预算数, its `previous-final` row): this year's 预算数 − last
 * year's 决算数. A change on another year than the one before is not the table's; a table that prints no last year's
 * 决算 is not judged.
 */
function sanggongBudgetOnFinal(doc: BudgetDocument, ctx: RuleContext) {
  const t9 = table(doc, "sanggong");
  const now = t9 && yearRow(t9, "current-year");
  const last = t9 && yearRow(t9, "previous-final");
  if (doc.stage !== "budget" || !t9 || !now || !last) return;
  for (const c of claimsOfKind(doc, "sanggong-on-final")) {
    const ch = c.change;
    if (!ch.amount || (ch.year && doc.year && ch.year !== doc.year - 1)) continue;
    if (!t9.columns.some((col) => col.key === c.component)) continue;
    const a = inText(t9, amountOf(now, c.component));
    const b = inText(t9, amountOf(last, c.component));
    if (!a || !b) continue;
    const sign: 1 | -1 = ch.kind === "decrease" ? -1 : 1;
    ctx.sum({
      subject: { table: "text", item: c.label, column: "比上年决算" },
      total: ch.amount,
      parts: [{ amount: a, sign }, { amount: b, sign: -sign as 1 | -1 }],
      relation: sign < 0 ? { zh: `${tableName(t9)} ${last.label} − ${now.label}`, en: `${tableNameEn(t9)} last year's final figure − this year's budget` } : { zh: `${tableName(t9)} ${now.label} − ${last.label}`, en: `${tableNameEn(t9)} this year's budget − last year's final figure` },
    });
  }
}

/** The 三公 table's one row of a year (the department's: a 合计's where it prints units under one), or null. */
function yearRow(t: Table, role: "current-year" | "previous-year" | "previous-final"): Row | null {
  const total = (r: Row) => /合计$|^合计|^总计$/.test(normaliseName(r.unit ?? ""));
  const of = t.rows.filter((r) => r.role === role);
  const own = of.filter((r) => !total(r));
  const one = own.length === 1 ? own : of.filter(total);
  return one.length === 1 ? one[0] : null;
}

/**
 * The integers k such that k·10^−decimals may be a figure rounded to `decimals` from an amount the printed `a` stands for
 * (any rounding: half up, half to even), from the ends of its interval.
 */
function roundings(a: Amount, decimals: number): { lo: Decimal; hi: Decimal } {
  const { lo, hi } = interval(a);
  const scale = new Decimal(10).pow(decimals);
  return { lo: lo.times(scale).minus(0.5).ceil(), hi: hi.times(scale).plus(0.5).floor() };
}

/**
 * Whether two printed figures certainly differ when rounded to `decimals` (the text's precision, in their unit): printed
 * alike to that precision or finer, they differ where the printed figures do (an amount rounds to one figure); printed
 * finer than the text, where no rounding of the one may meet a rounding of the other.
 */
function differAt(a: Amount, b: Amount, decimals: number): boolean {
  if (a.decimals === b.decimals && a.decimals <= decimals) return !a.value.eq(b.value);
  const d = Math.min(decimals, a.decimals, b.decimals);
  const x = roundings(a, d);
  const y = roundings(b, d);
  return x.hi.lt(y.lo) || y.hi.lt(x.lo);
}

/**
 * A 预算's “三公” change stated by its direction alone (公务接待费比上年减少，主要原因是…) or as 持平 (…0.00万元，与上年持平), against the
 * 三公 table's two years (上年预算数 | 本年预算数, one row each): 增加 is wrong where this year's printed figure is below last
 * year's, 减少 where it is above (printed alike, a lower figure is a lower amount); 持平 where the two differ at the text's
 * precision (its figure's decimals, else 0.01 万元) or the table's, whichever is coarser. 基本持平 is not judged.
 */
function sanggongDirections(doc: BudgetDocument, ctx: RuleContext) {
  const t9 = table(doc, "sanggong");
  const now = t9 && yearRow(t9, "current-year");
  const last = t9 && yearRow(t9, "previous-year");
  if (!t9 || !now || !last) return;
  const said: { component: SanggongComponent; label: string; direction: "increase" | "decrease" | "same"; amount: Amount | null; change: Change }[] = [];
  for (const s of claimsOfKind(doc, "sanggong")) {
    const c = s.change;
    if (c && (c.kind === "same" || ((c.kind === "increase" || c.kind === "decrease") && !c.amount))) said.push({ component: s.component, label: s.label, direction: c.kind, amount: s.amount, change: c });
  }
  for (const d of claimsOfKind(doc, "sanggong-direction"))
    said.push({ ...d, change: { kind: d.direction, amount: null, percent: null, percentDirection: null, year: d.year, ...(d.base && { base: d.base }), location: d.location } });
  const seen = new Set<string>();
  for (const s of said) {
    const where = `${s.change.location.line}:${s.change.location.column}`;
    if (seen.has(where) || !onLastYearsBudget(doc, s.change)) continue;
    seen.add(where);
    const a = inText(t9, amountOf(now, s.component));
    const b = inText(t9, amountOf(last, s.component));
    if (!a || !b) continue;
    const wrong =
      s.direction === "same"
        ? differAt(a, b, s.amount?.decimals ?? 2)
        : a.decimals === b.decimals
          ? s.direction === "increase" ? a.value.lt(b.value) : a.value.gt(b.value)
          : s.direction === "increase" ? interval(a).hi.lt(interval(b).lo) : interval(a).lo.gt(interval(b).hi);
    if (!wrong) continue;
    const word = { increase: ["增加", "a rise"], decrease: ["减少", "a fall"], same: ["持平", "unchanged"] }[s.direction];
    const actual = a.value.eq(b.value) ? ["持平", "unchanged"] : a.value.gt(b.value) ? ["增加", "a rise"] : ["减少", "a fall"];
    ctx.report({
      subject: { table: "text", item: s.label, column: "比上年" },
      location: s.change.location,
      related: [b.location, a.location],
      stated: word[0],
      computed: decimalString(a.value.minus(b.value)),
      message: {
        zh: `文中称${s.label}比上年${word[0]}，但${tableName(t9)}上年 ${b.text}、本年 ${a.text}：${actual[0]}`,
        en: `the text says ${s.label} is ${word[1]} on last year, but ${tableNameEn(t9)} prints last year ${b.text} and this year ${a.text}: ${actual[1]}`,
      },
    });
  }
}

/**
 * 机关运行经费: printed in the 三公 table where the template has the column (Shanghai), else the 本级
 * (administrative) unit's 302 basic expenditure (Shenzhen's 表8).
 */
function operatingCost(doc: BudgetDocument, ctx: RuleContext) {
  const t9 = table(doc, "sanggong");
  const running = t9 ? mapArray(t9.rows, (r) => inText(t9, amountOf(r, "running-cost"))).filter((a): a is Amount => !!a) : [];
  if (t9 && running.length) {
    for (const o of claimsOfKind(doc, "operating-cost"))
      ctx.sum({ subject: { table: "text", item: "机关运行经费" }, total: o.amount, parts: mapArray(running, (amount) => ({ amount })), relation: { zh: `${tableName(t9)} 机关运行经费`, en: `${tableNameEn(t9)} running costs` } });
    return;
  }
  const t8 = table(doc, "general-economic");
  if (!t8) return;
  const blocks = unitBlocks(t8).units;
  const own = blocks.find((b) => b.row.unit?.includes("本级")) ?? blocks[0];
  if (!own?.row.unit) return;
  const staffing = claimsOfKind(doc, "staffing").find((s) => s.unit && unitCore(s.unit) === unitCore(own.row.unit!));
  if (staffing?.counts.admin?.value.isZero()) return; // not an administrative unit
  const b = inText(t8, amountOf(own.codes.find((r) => r.code === "302"), "basic"));
  for (const o of claimsOfKind(doc, "operating-cost"))
    if (b) ctx.equal({ table: "text", unit: own.row.unit, item: "机关运行经费" }, o.amount, b, { zh: `${tableName(t8)} 本级 302 商品和服务支出（基本支出）`, en: `${tableNameEn(t8)} 302 goods and services (basic) of the department's own unit` });
}

function projects(doc: BudgetDocument, ctx: RuleContext) {
  const list = claimsOfKind(doc, "project");
  if (!list.length) return;
  const index = projectIndex(list);
  const compare = (p: ProjectClaim | null, other: Amount, what: Msg) => {
    if (p) ctx.equal({ table: "text", unit: p.unit, item: p.name }, p.amount, other, what);
  };
  // 第七部分's row is the stated figure (reported at its line), 第三部分's project what it should be.
  for (const k of claimsOfKind(doc, "key-project")) {
    const p = matchProject(list, k.name, k.amount, index);
    if (p) ctx.equal({ table: "text", unit: p.unit, item: k.name, column: "第七部分 预算数" }, k.amount, p.amount, { zh: `第三部分「${p.name}」预算`, en: `the project "${p.name}" in part 3` });
  }
  const t12 = table(doc, "performance");
  for (const r of t12?.rows ?? []) {
    if (r.role !== "task" || !r.name) continue;
    const a = inText(t12, amountOf(r, "total"));
    if (a) compare(matchProject(list, r.name, a, index), a, { zh: `${tableName(t12)}「${r.name}」`, en: `${tableNameEn(t12)} "${r.name}"` });
  }
}

function performance(doc: BudgetDocument, ctx: RuleContext) {
  const keyRows = claimsOfKind(doc, "key-project");
  const t12 = table(doc, "performance");
  const tasks = t12?.rows.filter((r) => r.role === "task") ?? [];
  for (const p of claimsOfKind(doc, "performance")) {
    if (p.partial) {
      // Only the projects that set targets: at most the department's 项目支出, every fund (the expenditure table). (Not a
      // 决算's self-evaluation, of last year's projects.)
      const t3 = table(doc, "expenditure");
      const whole = inText(t3, amountOf(departmentRow(t3), "project"));
      const budget = doc.stage !== "final";
      const item = "绩效目标 涉及项目预算资金";
      const relation = t3 && { zh: `${tableName(t3)} 项目支出合计`, en: `${tableNameEn(t3)} total project expenditure` };
      // (Every project's, the text says — 项目全部实行绩效目标管理，…项目支出预算 X 万元: the 项目支出 itself.)
      if (p.amount && whole && relation && budget && p.all) ctx.equal({ table: "text", item: "绩效目标 涉及项目支出预算" }, p.amount, whole, relation);
      else if (p.amount && whole && relation && (!p.share || budget)) ctx.atMost({ subject: { table: "text", item }, part: p.amount, whole, relation });
      // 占 P% of the fund's 项目支出 (a 决算's self-evaluation; a 预算's 占项目支出预算的 100%).
      const kind = p.share?.fund === "general" ? "general-function" : "expenditure";
      const project = p.share ? departmentSum(doc, kind, "project") : [];
      if (p.amount && p.share && project.length) {
        const base = { zh: `${tableName(table(doc, kind))} 项目支出合计`, en: `${tableNameEn(table(doc, kind))} total project expenditure` };
        ctx.ratio({ subject: { table: "text", item: budget ? item : "绩效自评 涉及资金", column: "占比" }, percent: p.share.percent, numerator: [{ amount: p.amount }], denominator: terms(project), relation: { zh: `涉及资金 ÷ ${base.zh}`, en: `the funds ÷ ${base.en}` } });
        // 占…的100%: the text says the funds are all of it, the 项目支出 itself (a figure off by less than ½% of it still
        // rounds to 100%).
        if (!budget && p.share.percent.value.eq(100)) ctx.sum({ subject: { table: "text", item: "绩效自评 涉及资金" }, total: p.amount, parts: terms(project), relation: { zh: `${base.zh}（文中称占 100%）`, en: `${base.en} (the text says 100%)` } });
      }
      if (budget) targetsTable(doc, p, ctx);
      // Some projects' funds of a fund the text names (部门评价 …涉及一般公共预算支出 X 万元): at most its 项目支出.
      if (p.amount && p.of && !p.share) {
        const of = p.of === "general" ? "general-function" : "expenditure";
        const whole = departmentSum(doc, of, "project");
        // (Its 合计 row; a table of units without one is left alone.)
        if (whole.length === 1)
          ctx.atMost({ subject: { table: "text", item: "部门评价 涉及资金" }, part: p.amount, whole: whole[0], relation: { zh: `${tableName(table(doc, of))} 项目支出合计`, en: `${tableNameEn(table(doc, of))} total project expenditure` } });
      }
      continue;
    }
    // Every project's funds: the expenditure table's 项目支出 (every fund), else the 一般公共预算 table's.
    const kind = departmentSum(doc, "expenditure", "project").length ? "expenditure" : "general-function";
    const project = departmentSum(doc, kind, "project");
    if (p.amount && project.length) ctx.sum({ subject: { table: "text", item: "绩效 涉及预算资金" }, total: p.amount, parts: terms(project), relation: { zh: `${tableName(table(doc, kind))} 项目支出合计`, en: `${tableNameEn(table(doc, kind))} total project expenditure` } });
    if (!p.goals) continue;
    const goals = p.goals;
    const count = (n: number, what: Msg) => ctx.equal({ table: "text", item: "项目绩效目标个数" }, goals, makeCount(String(n), goals.location)!, what);
    // The 重点项目 listed in part 7 are some of the projects that set targets, not all of them: no more than those.
    if (keyRows.length)
      ctx.atMost({ subject: { table: "text", item: "第七部分所列重点项目数" }, part: makeCount(String(keyRows.length), keyRows[0].amount.location)!, whole: goals, relation: { zh: "设置绩效目标的项目数", en: "the projects that set targets" } });
    if (tasks.length) count(tasks.length, { zh: `${tableName(t12)} 项目任务数（基本支出以外）`, en: `the ${tableNameEn(t12)} tasks besides basic expenditure` });
  }
}

/**
 * 实行绩效目标管理的项目 N 个，涉及项目预算资金 X 万元 beside a 项目支出绩效目标表 listing projects with their amounts (山东):
 * where it lists N projects, they are all of them and X is their sum. Where it lists fewer, it lists some (天津's 重点项目
 * 绩效目标详见表十: 5 of 32): X is not compared with them — their sum bounds X from below only, and a bound that is no
 * figure of X gave the diagnosis a value X should be (the 5 projects' 3,838.54 for a 6,134.15 typed 6,144.15). (Not where
 * X is one fund's, as 涉及一般公共预算当年拨款 X 万元: the claim then counts no projects.)
 */
function targetsTable(doc: BudgetDocument, p: ClaimOf<"performance">, ctx: RuleContext) {
  const perf = table(doc, "project-performance");
  const rows = perf?.rows.filter((r) => r.kind === "item") ?? [];
  const amounts = mapArray(rows, (r) => inText(perf, amountOf(r, "total")));
  if (!perf || !p.projects || !rows.length) return;
  // The projects it lists are some of the N, each once (a unit's project of one name): N is at least as many. (Counts,
  // exact: no rounding to judge, and no figure printed for the table's count that a diagnosis could correct.)
  const listed = new Set(mapArray(rows, (r) => `${unitCore(r.unit ?? "")}\u0000${normaliseName(r.name ?? "")}`)).size;
  const count = (message: Msg) =>
    ctx.report({ subject: { table: "text", item: "实行绩效目标管理的项目个数" }, location: p.projects!.location, related: [rows[0].location], stated: p.projects!.text, computed: String(listed), message });
  if (p.projects.value.lt(listed))
    count({
      zh: `文中称实行绩效目标管理的项目 ${p.projects.text} 个，${tableName(perf)}却列有 ${listed} 个项目`,
      en: `the text counts ${p.projects.text} projects with performance targets, but ${tableNameEn(perf)} lists ${listed}`,
    });
  if (!p.amount || amounts.some((a) => !a)) return;
  // Fewer listed than the text counts, but their amounts add up to the funds it states for its N (within rounding) and no
  // name comes twice (a project of two units, listed under each, that the text may count once): the table lists every
  // one of them, and N is the number it lists.
  const sum = mapArray(amounts, (a) => interval(a!)).reduce((x, y) => ({ lo: x.lo.plus(y.lo), hi: x.hi.plus(y.hi) }), { lo: new Decimal(0), hi: new Decimal(0) });
  const stated = interval(p.amount);
  const names = new Set(mapArray(rows, (r) => normaliseName(r.name ?? "")));
  if (p.projects.value.gt(listed) && names.size === rows.length && sum.lo.lte(stated.hi) && stated.lo.lte(sum.hi))
    count({
      zh: `文中称实行绩效目标管理的项目 ${p.projects.text} 个，${tableName(perf)}所列 ${listed} 个项目的金额之和已等于文中涉及资金 ${p.amount.text} 万元（表中即全部项目）`,
      en: `the text counts ${p.projects.text} projects with performance targets, but the ${listed} projects ${tableNameEn(perf)} lists already add up to the ${p.amount.text} it states for them (the table lists them all)`,
    });
  const subject = { table: "text" as const, item: "绩效目标 涉及项目预算资金" };
  if (p.projects.value.eq(rows.length))
    ctx.sum({ subject, total: p.amount, parts: terms(amounts), relation: { zh: `${tableName(perf)} 所列 ${rows.length} 个项目金额之和`, en: `the ${rows.length} projects of ${tableNameEn(perf)}` } });
}

const LEVELS = ["类", "款", "项"];

/**
 * “类-款-项”科目 N 万元 (财政拨款支出主要内容): the row of the function table whose 类, 款 and 项 names are those
 * named, in the 一般公共预算 table (else the 政府性基金 / 国有资本经营 ones).
 */
/**
 * A table that prints no codes, only names indented by level (杭州's): the row of a 类-款-项 path named from
 * its 类, found in printed order — the 类's row (by its name, with or without 支出), the first row of the
 * 款's name after it, the first of the 项's name after that. Null unless the 类 is named once in the table.
 */
function byNames(t: Table, names: string[], levels: ("类" | "款" | "项")[]): Row | undefined {
  if (levels[0] !== "类") return undefined;
  const rows = t.rows.filter((r) => r.kind === "item" && r.name);
  const name = (r: Row) => normaliseName(r.name!.replace(/\s+/g, ""));
  const classes = rows.filter((r) => name(r) === names[0] || name(r) === `${names[0]}支出`);
  if (classes.length !== 1) return undefined;
  let at = rows.indexOf(classes[0]);
  for (const n of names.slice(1)) {
    const next = rows.findIndex((r, i) => i > at && name(r) === n);
    if (next < 0) return undefined;
    at = next;
  }
  return rows[at];
}

/** The change on last year's execution the generic reader read after each figure (…比 2025 年执行数增加 D 万元). */
/** The same printed figure, whichever reader made its claim: the same text and place. */
function samePrinted(a: Amount, b: Amount): boolean {
  return a === b || (a.text === b.text && a.location.file === b.location.file && a.location.line === b.location.line && a.location.column === b.location.column);
}

function executionChanges(doc: BudgetDocument): Map<Amount, Change> {
  const out = new Map<Amount, Change>();
  for (const c of claimsOfKind(doc, "stated-change")) if (c.change.base === "execution") out.set(c.amount, c.change);
  return out;
}

/**
 * A change on last year's execution the text states for a figure of a table row, against that row's
 * 比上年执行数增减额 (中央部门's 一般公共预算支出表: 2014001 行政运行 …增加 271.14 万元 / 增减额 271.14): the
 * printed change, signed by its word, is the column's figure (Σ over units). Where the table also prints
 * the change 扣除中央基建投资后 and it differs, the text may state either (国家信访局's 2014099: 增加 2,022.94,
 * the adjusted one, beside −21,519.26): not compared.
 */
function changeAgainstTable(change: Change | undefined, t: Table, column: Amount[], adjusted: Amount[], subject: Subject, ctx: RuleContext) {
  if (!change?.amount || (change.kind !== "increase" && change.kind !== "decrease") || !column.length) return;
  const total = (as: Amount[]) => as.reduce((sum, a) => sum.plus(a.value), new Decimal(0));
  if (adjusted.length && !total(adjusted).eq(total(column))) return;
  const sign = change.kind === "decrease" ? -1 : 1;
  ctx.sum({
    subject: { ...subject, column: "比上年执行数增减额" },
    total: change.amount,
    parts: mapArray(column, (a) => ({ amount: inText(t, a)!, sign })),
    relation: { zh: `${tableName(t)} 比上年执行数增减额${sign < 0 ? "（取反）" : ""}`, en: `${tableNameEn(t)} change on last year's execution${sign < 0 ? " (negated)" : ""}` },
  });
}

/**
 * A 项's name without the words a text leaves off (缴费支出, 缴费, 支出, 费): 机关事业单位基本养老保险缴费支出 and
 * 机关事业单位基本养老保险费 are the same item, 机关事业单位职业年金缴费支出 and 机关事业单位职业年金 too.
 */
function itemCore(name: string): string {
  return name.replace(/(?:缴费支出|缴费|支出|费)$/, "");
}

function functionItems(doc: BudgetDocument, ctx: RuleContext) {
  const items = claimsOfKind(doc, "function-item");
  if (!items.length) return;
  const changes = executionChanges(doc);
  const executions = claimsOfKind(doc, "execution").filter((e) => e.scope === "item");
  const inOrder = (kinds: readonly TableKind[]) => mapArray(kinds, (k) => table(doc, k)).filter((t) => !!t);
  // The department's expenditure table stands in for the 一般公共预算 one only where all the department's
  // income is 一般公共预算 (the summary's other income items zero or blank): else its figures are of other funds
  // too (国家信访局's 201 in 部门支出总表 47,179.30, in 一般公共预算支出表 13,144.37).
  const general = inOrder(onlyGeneralIncome(doc) ? ["general-function", "gov-fund", "state-capital", "expenditure"] : ["general-function", "gov-fund", "state-capital"]);
  // An item stated of the department's spending (支出预算总计 … 包括：公共安全（类）支出 …): the expenditure table first.
  const department = inOrder(["expenditure", "general-function", "gov-fund", "state-capital"]);
  // A 类 the 财政拨款收支总预算's 支出包括 lists: the 财政拨款 tables only (its 上年结转 is not in the 一般公共预算 table's).
  const allocation = inOrder(["allocation-function", "allocation-summary"]);
  for (const c of items) {
    const tables = c.scope === "department" ? department : c.scope === "allocation" ? allocation : general;
    let found = false;
    for (const t of tables) {
      const codes = t!.rows.filter((r) => r.kind === "code" && r.code);
      const byCode = new Map(mapArray(codes, (r) => [r.code!, r]));
      const matches = (r: Row, loose: boolean) => {
        // Named by its code: that row, its name agreeing with the printed one (with or without 支出, or as a
        // text shortens it).
        if (c.code) {
          const n = c.names[0];
          const name = r.name ? normaliseName(r.name) : "";
          return r.code === c.code && (n === name || `${n}支出` === name || n === `${name}支出` || (loose && itemCore(n) === itemCore(name)));
        }
        const path: string[] = [];
        for (let code: string | null = r.code; code; code = code.length > 3 ? code.slice(0, code.length - 2) : null) {
          const row = byCode.get(code);
          path.unshift(row?.name ? normaliseName(row.name) : "");
        }
        // (The 类 may be named without its 支出: 一般公共服务（类）财政事务（款）…, the national 决算 template's wording.)
        if (!c.levels) return path.length === c.names.length && path.every((n, i) => n === c.names[i] || (i === 0 && n === `${c.names[0]}支出`));
        // Levels marked: the row is of the last name's level, and the names are its path's last ones (a 类 may
        // be named without its 支出).
        const depth = LEVELS.indexOf(c.levels[c.levels.length - 1]) + 1;
        if (path.length !== depth || c.levels.some((l, i) => LEVELS.indexOf(l) !== depth - c.names.length + i)) return false;
        return c.names.every((n, i) => {
          const name = path[depth - c.names.length + i];
          if (n === name || (c.levels![i] === "类" && `${n}支出` === name)) return true;
          // The last name as the text shortens it (机关事业单位基本养老保险费（项） for 机关事业单位基本养老保险缴费支出).
          return loose && i === c.names.length - 1 && itemCore(n) === itemCore(name);
        });
      };
      // Named exactly; else by the last name's core, when one row only has it.
      const loose = () => {
        const all = codes.filter((r) => matches(r, true));
        return all.length === 1 ? all[0] : undefined;
      };
      const hit = !codes.length && c.levels ? byNames(t!, c.names, c.levels) : (codes.find((r) => matches(r, false)) ?? (c.levels ? loose() : undefined));
      // A row that prints other figures but leaves its 合计 blank (国家信访局's 2101101, only last year's): 0.
      // The 财政拨款收支总表 prints one amount a side (its expenditure item's 预算数); the function tables a 合计.
      const key = t!.kind === "allocation-summary" ? "amount" : "total";
      const blank = !!hit && !amountOf(hit, key) && Object.values(hit.cells).some((cell) => cell.amount);
      const b = inText(t!, amountOf(hit, key)) ?? (blank ? zeroLike(c.amount) : null);
      if (!hit || !b) continue;
      const row = [hit.code, hit.name].filter(Boolean).join(" ");
      const what = { zh: `${tableName(t!)} ${row}${blank ? "（空白，按 0）" : ""}`, en: `${tableNameEn(t)} ${row}${blank ? " (blank: 0)" : ""}` };
      const subject = { table: "text" as const, code: hit.code, item: c.names.join("-") };
      // The generic reader's item is the department's: Σ of the code's rows over the table's budget units (a row
      // found by its names is the one row).
      const across = c.levels && hit.code ? mapArray(codeAcrossUnits(t!, hit.code, key), (a) => inText(t!, a)!) : [];
      if (across.length > 1) ctx.sum({ subject, total: c.amount, parts: terms(across), relation: { zh: `${what.zh}（各单位合计）`, en: `${what.en} (all units)` } });
      else ctx.equal(subject, c.amount, b, what);
      const column = (key: string) => (hit.code ? codeAcrossUnits(t!, hit.code, key) : [amountOf(hit, key)].filter((a): a is Amount => !!a));
      if (c.levels) changeAgainstTable(changes.get(c.amount), t!, column("change"), column("change-adjusted"), subject, ctx);
      // A 决算's item statement (年初预算为 B 万元，支出决算为 X 万元): B against the row's 年初预算数, where the table prints it;
      // a 调整后 (全年) 预算 against its 调整预算数 (年初预算为 B0 万元，调整后预算为 B1 万元，支出决算为 X 万元, 黑龙江's).
      for (const e of executions) {
        if (!samePrinted(e.final, c.amount)) continue;
        const revised = e.basis === "adjusted" || e.basis === "full-year";
        const key = revised ? "budget-revised" : "budget-initial";
        const budgets = t!.columns.some((col) => col.key === key) ? column(key) : [];
        if (!budgets.length) continue;
        const name = revised ? { zh: "调整预算", en: "adjusted budget" } : { zh: "年初预算", en: "initial budget" };
        ctx.sum({ subject: { ...subject, item: `${c.names.join("-")} ${name.zh}` }, total: e.budget, parts: terms(mapArray(budgets, (a) => inText(t!, a))), relation: { zh: `${what.zh} ${name.zh}数`, en: `${what.en} ${name.en}` } });
      }
      found = true;
      break;
    }
    // A document whose tables print no codes (杭州) and an item not named from its 类: nothing to match it by,
    // said by item-code once per table rather than here once per item.
    if (!found && tables.length && (!c.levels || c.levels[0] === "类" || tables.some((t) => t!.rows.some((r) => r.kind === "code" && r.code))))
      ctx.report({
        subject: { table: "text", item: c.names.join("-") },
        location: c.amount.location,
        message: { zh: `科目“${c.names.join("-")}”在功能分类表中找不到（按名称未能对应，未核对）`, en: `no function-classification row is named “${c.names.join("-")}” (not matched by name, not checked)` },
        stated: decimalString(c.amount.value),
        informational: true,
      });
  }
}

/** Every income item of the summary (收支总表) other than 一般公共预算 (and 财政拨款 above it) is zero or blank. */
function onlyGeneralIncome(doc: BudgetDocument): boolean {
  const s = table(doc, "summary");
  if (!s) return false;
  const income = s.rows.filter((r) => r.side === "income" && r.kind === "item");
  if (!income.some((r) => r.role === "general-public" || r.role === "gov-allocation")) return false;
  return income.every((r) => r.role === "general-public" || r.role === "gov-allocation" || !amountOf(r, "amount") || amountOf(r, "amount")!.value.isZero());
}

/**
 * Where a 决算 情况说明 figure is printed in the tables: the table's kind, and the row (by role — and label, where
 * rows of another name share it — or the 合计 row) and column.
 */
type FigureSource = { kind: TableKind; role?: string; label?: RegExp; key: string; code?: string; thisYear?: true };

const FIGURE_SOURCE: Record<TableFigure, FigureSource> = {
  "grand-total": { kind: "summary", role: "income-total", key: "amount" },
  "income-subtotal": { kind: "summary", role: "income-subtotal", key: "amount" },
  "expenditure-subtotal": { kind: "summary", role: "expenditure-subtotal", key: "amount" },
  "non-allocation-balance-used": { kind: "summary", role: "income-carryover", label: /^使用非财政拨款结余/, key: "amount" },
  "balance-distribution": { kind: "summary", role: "expenditure-carryforward", label: /^结余分配/, key: "amount" },
  "allocation-income-subtotal": { kind: "allocation-summary", role: "income-subtotal", key: "amount" },
  "allocation-expenditure-subtotal": { kind: "allocation-summary", role: "expenditure-subtotal", key: "amount" },
  "allocation-income": { kind: "income", key: "allocation" },
  "general-public-income": { kind: "income", key: "general-public" },
  "gov-fund-income": { kind: "income", key: "gov-fund" },
  "state-capital-income": { kind: "income", key: "state-capital" },
  carryover: { kind: "income", key: "carryover" },
  "other-income": { kind: "income", key: "other-income" },
  "special-account-income": { kind: "income", key: "special-account" },
  "business-income": { kind: "income", key: "business-income" },
  "operating-income": { kind: "income", key: "operating-income" },
  "superior-subsidy": { kind: "income", key: "superior-subsidy" },
  "subsidiary-remittance": { kind: "income", key: "subsidiary-remittance" },
  "operating-expenditure": { kind: "expenditure", key: "operating-expenditure" },
  "remit-superior": { kind: "expenditure", key: "remit-superior" },
  "subsidiary-subsidy": { kind: "expenditure", key: "subsidiary-subsidy" },
  basic: { kind: "expenditure", key: "basic" },
  project: { kind: "expenditure", key: "project" },
  "allocation-grand-total": { kind: "allocation-summary", role: "income-total", key: "amount" },
  // The 财政拨款收入总计's parts (安徽: 其中：一般公共预算拨款收入 a 万元，上年结转 c 万元): its 上年结转 row, and each fund's row of the
  // 本年收入 (before the 上年结转: the rows under it are the funds' carry-over).
  "allocation-carryover": { kind: "allocation-summary", role: "income-carryover", key: "amount" },
  // 结转下年 (the 收支总表's, and the 财政拨款收支总表's under its 支出包括).
  carryforward: { kind: "summary", role: "expenditure-carryforward", label: /结转下年/, key: "amount" },
  "allocation-carryforward": { kind: "allocation-summary", role: "expenditure-carryforward", label: /结转下年/, key: "amount" },
  "allocation-general-public-income": { kind: "allocation-summary", role: "general-public", key: "amount", thisYear: true },
  "allocation-gov-fund-income": { kind: "allocation-summary", role: "gov-fund", key: "amount", thisYear: true },
  "allocation-state-capital-income": { kind: "allocation-summary", role: "state-capital", key: "amount", thisYear: true },
  // A fund's part of the 财政拨款收支总预算: its column of the 支出总计 (or its 本年 income row, allocationFund).
  "allocation-general-public": { kind: "allocation-summary", role: "expenditure-total", key: "general-public" },
  "allocation-gov-fund": { kind: "allocation-summary", role: "expenditure-total", key: "gov-fund" },
  "allocation-state-capital": { kind: "allocation-summary", role: "expenditure-total", key: "state-capital" },
  "general-project": { kind: "general-function", key: "project" },
  "expenditure-total": { kind: "summary", role: "expenditure-total", key: "amount" },
  "allocation-expenditure-total": { kind: "allocation-summary", role: "expenditure-total", key: "amount" },
  // (年初结转和结余, not the 使用非财政拨款结余 printed in the same role above it.)
  opening: { kind: "summary", role: "income-carryover", label: /^年初结转和结余/, key: "amount" },
  closing: { kind: "summary", role: "expenditure-carryforward", label: /^年末结转和结余/, key: "amount" },
  "allocation-opening": { kind: "allocation-summary", role: "income-carryover", label: /^年初财政拨款结转和结余/, key: "amount" },
  "allocation-closing": { kind: "allocation-summary", role: "expenditure-carryforward", label: /^年末财政拨款结转和结余/, key: "amount" },
  general: { kind: "general-function", key: "total" },
  "gov-fund-expenditure": { kind: "gov-fund", key: "total" },
  "state-capital-expenditure": { kind: "state-capital", key: "total" },
  "general-basic": { kind: "general-function", key: "basic" },
  personnel: { kind: "general-basic-economic", key: "personnel" },
  public: { kind: "general-basic-economic", key: "public" },
  "allocation-basic": { kind: "allocation-basic-economic", key: "total" },
  "allocation-personnel": { kind: "allocation-basic-economic", key: "personnel" },
  "allocation-public": { kind: "allocation-basic-economic", key: "public" },
  "running-cost": { kind: "running-cost-economic", key: "total" },
  // An economic class's row of the 一般公共预算基本支出表 (its 合计): the department's, or each unit's.
  "general-wages": { kind: "general-basic-economic", key: "total", code: "301" },
  "general-goods": { kind: "general-basic-economic", key: "total", code: "302" },
  "general-individual": { kind: "general-basic-economic", key: "total", code: "303" },
};

/**
 * 人员经费 and 公用经费 by economic class, where a basic expenditure table prints 合计 only (江苏's): 人员经费 is
 * 工资福利支出 (301) and 对个人和家庭的补助 (303), 公用经费 the basic expenditure's other classes (302 商品和服务支出,
 * 310 资本性支出 …), as the Ministry of Finance defines them (部门决算 名词解释) and every table printing both columns
 * splits them.
 */
const PERSONNEL_CLASSES = new Set(["301", "303"]);
function byClasses(t: Table, key: "personnel" | "public"): Amount[] {
  return classRows(t, (code) => PERSONNEL_CLASSES.has(code) === (key === "personnel"));
}

/** The 合计 of the class rows (3-digit economic codes) `which` takes: the department's own, where it prints them; else each unit's. */
function classRows(t: Table, which: (code: string) => boolean): Amount[] {
  const out: Amount[] = [];
  const blocks = unitBlocks(t);
  const isClass = (r: Row) => r.code?.length === 3;
  const rows = blocks.loose.some(isClass) ? blocks.loose : blocks.units.flatMap((u) => u.codes);
  for (const r of rows) {
    if (!isClass(r) || !which(r.code!)) continue;
    const a = inText(t, amountOf(r, "total"));
    if (a) out.push(a);
  }
  return out;
}

/**
 * Where a figure is printed when its first source does not print its column: 一般公共预算基本支出 is the
 * 合计 of the 一般公共预算基本支出表 where the function table prints no 基本支出 column (江苏's prints 合计 only);
 * 财政拨款收入 and 一般公共预算收入 are the summary's income rows where no 收入总表 prints them (江苏's 收入预算总表
 * lists projects).
 */
const FIGURE_FALLBACK: Partial<Record<TableFigure, FigureSource>> = {
  "general-basic": { kind: "general-basic-economic", key: "total" },
  "allocation-income": { kind: "summary", role: "gov-allocation", key: "amount" },
  "general-public-income": { kind: "summary", role: "general-public", key: "amount" },
  "gov-fund-income": { kind: "summary", role: "gov-fund", key: "amount" },
  "state-capital-income": { kind: "summary", role: "state-capital", key: "amount" },
  "special-account-income": { kind: "summary", role: "special-account", key: "amount" },
};

/**
 * The 一般公共预算财政拨款支出's execution statement (一般公共预算财政拨款支出年初预算为 B 万元，支出决算为 X 万元, X the figure
 * read): B against the table's 合计 年初预算数, where it prints one — as each item's against its row (functionItems). Each
 * statement once (the part states X more than once).
 */
function generalBudget(doc: BudgetDocument, final: Amount, t: Table, row: Row, ctx: RuleContext, done: Set<ClaimOf<"execution">>) {
  for (const e of claimsOfKind(doc, "execution")) {
    if (e.scope !== "general" || done.has(e) || !samePrinted(e.final, final)) continue;
    // (A 调整后 or 全年 预算 against the 合计's 调整预算数, where the table prints one.)
    const revised = e.basis === "adjusted" || e.basis === "full-year";
    const key = revised ? "budget-revised" : "budget-initial";
    const budget = inText(t, amountOf(row, key));
    if (!budget) continue;
    done.add(e);
    ctx.equal({ table: "text", item: `${e.label} ${revised ? "调整预算" : "年初预算"}` }, e.budget, budget, { zh: `${tableName(t)} 合计 ${columnLabel(t, key)}`, en: `${tableNameEn(t)} total ${columnLabel(t, key)}` });
  }
}

/** A 决算's 情况说明 figures against the tables they restate (收入支出总计 → 表1 总计 …). */
function tableFigures(doc: BudgetDocument, ctx: RuleContext) {
  const budgetsDone = new Set<ClaimOf<"execution">>();
  for (const c of claimsOfKind(doc, "table-figure")) {
    let src: FigureSource = FIGURE_SOURCE[c.figure];
    let t = table(doc, src.kind);
    const fallback = FIGURE_FALLBACK[c.figure];
    if (fallback && !t?.columns.some((col) => col.key === src.key)) {
      src = fallback;
      t = table(doc, src.kind);
    }
    // No 财政拨款基本支出表, and no allocation but the 一般公共预算's: the 一般公共预算基本支出表 holds the same figures.
    if (!t && src.kind === "allocation-basic-economic" && onlyGeneralIncome(doc)) t = table(doc, "general-basic-economic");
    if (!t) continue;
    if ((src.key === "personnel" || src.key === "public") && !t.columns.some((col) => col.key === src.key)) {
      const parts = byClasses(t, src.key);
      const name = src.key === "personnel" ? "301 工资福利支出 + 303 对个人和家庭的补助" : "301、303 以外各类";
      if (parts.length) ctx.sum({ subject: { table: "text", item: c.label }, total: c.amount, parts: terms(parts), relation: { zh: `${tableName(t)} ${name}之和`, en: `${tableNameEn(t)} Σ of the ${src.key === "personnel" ? "301 and 303" : "other"} classes` } });
      continue;
    }
    if (src.code) {
      // Not checked where the table prints no row of the class (its rows by 款 only).
      const parts = classRows(t, (code) => code === src.code);
      if (parts.length) ctx.sum({ subject: { table: "text", item: c.label }, total: c.amount, parts: terms(parts), relation: { zh: `${tableName(t)} ${src.code} ${c.label}`, en: `${tableNameEn(t)} ${src.code} ${c.label}` } });
      continue;
    }
    const row = src.role ? roleRow(t, src) : departmentRow(t);
    if (src.label && !row) continue;
    if (!row && !src.role) {
      // No 合计 row (国家信访局's 表5 starts at its first 类): the column's Σ over the 类 rows, of every unit.
      const classes = mapArray(t.rows.filter((r) => r.kind === "code" && r.code?.length === 3), (r) => inText(t, amountOf(r, src.key))).filter((a): a is Amount => !!a);
      if (classes.length) ctx.sum({ subject: { table: "text", item: c.label }, total: c.amount, parts: terms(classes), relation: { zh: `${tableName(t)} 各类 ${columnLabel(t, src.key)}之和`, en: `${tableNameEn(t)} Σ of the 类 rows, ${columnLabel(t, src.key)}` } });
      continue;
    }
    const printed = inText(t, amountOf(row ?? undefined, src.key));
    // A column the table prints, left blank on a 合计 row that prints figures: nothing, 0. So is a 收支总表's item left blank
    // on its side (三、国有资本经营预算财政拨款收入 with its 行次 and no figure), where other items of the side print theirs.
    const blank =
      !printed &&
      !!row &&
      t.columns.some((col) => col.key === src.key) &&
      (Object.values(row.cells).some((cell) => cell.amount) || (!!row.side && src.key in row.cells && t.rows.some((r) => r.side === row.side && amountOf(r, src.key))));
    const b = printed ?? (blank ? zeroLike(c.amount) : null);
    if (src.kind === "allocation-summary" && FUND_FIGURES.has(c.figure)) {
      allocationFund(t, src.key, c.label, c.amount, b, ctx);
      continue;
    }
    if (!b) continue;
    // 财政拨款收入总计 stated without what tells its scope (orTotal): this year's 财政拨款, or the 财政拨款收支总表's 收入总计 with its
    // 上年结转 — that one where the figure is it and not this year's.
    const whole = c.orTotal ? allocationIncomeTotal(doc) : null;
    if (whole && agree(whole.amount, c.amount) && !agree(b, c.amount)) {
      ctx.equal({ table: "text", item: c.label }, c.amount, whole.amount, { zh: `${tableName(whole.table)} 收入总计`, en: `${tableNameEn(whole.table)} total income` });
      continue;
    }
    if (c.figure === "general" && row) {
      const present = (key: string) => [amountOf(row, key)].filter((a): a is Amount => !!a);
      changeAgainstTable(executionChanges(doc).get(c.amount), t, present("change"), present("change-adjusted"), { table: "text", item: c.label }, ctx);
      generalBudget(doc, c.amount, t, row, ctx, budgetsDone);
    }
    const where = row?.role ? (row.label ?? "") : "合计";
    const zh = `${tableName(t)} ${where} ${columnLabel(t, src.key)}${blank ? "（空白，按 0）" : ""}`.replace(/\s+$/, "");
    ctx.equal({ table: "text", item: c.label }, c.amount, b, { zh, en: `${tableNameEn(t)} ${where} ${columnLabel(t, src.key)}${blank ? " (blank: 0)" : ""}` });
  }
  // The “三公” 年初预算 and 决算 against the 三公 table's 预算数 and 决算数 合计.
  const t7 = table(doc, "sanggong");
  const row = thisYearsRow(t7);
  for (const e of claimsOfKind(doc, "execution")) {
    if (e.scope !== "sanggong" || !t7) continue;
    const budget = inText(t7, amountOf(row, "budget-total"));
    const final = inText(t7, amountOf(row, "total")) ?? (budget ? zeroLike(e.final) : null);
    if (budget) ctx.equal({ table: "text", item: `${e.label} 年初预算` }, e.budget, budget, { zh: `${tableName(t7)} 预算数合计`, en: `${tableNameEn(t7)} budget total` });
    if (final) ctx.equal({ table: "text", item: `${e.label} 决算` }, e.final, final, { zh: `${tableName(t7)} 决算数合计${amountOf(row, "total") ? "" : "（空白，按 0）"}`, en: `${tableNameEn(t7)} final total${amountOf(row, "total") ? "" : " (blank: 0)"}` });
  }
}

/** The 财政拨款收支总表's 收入总计, in the text's 万元. */
function allocationIncomeTotal(doc: BudgetDocument): { amount: Amount; table: Table } | null {
  const t = table(doc, "allocation-summary");
  const a = inText(t, amountOf(t?.rows.find((r) => r.role === "income-total"), "amount"));
  return t && a ? { amount: a, table: t } : null;
}

const FUND_FIGURES = new Set<TableFigure>(["allocation-general-public", "allocation-gov-fund", "allocation-state-capital"]);

/** Whether two figures' rounding intervals meet: the same amount, as far as their printing tells. */
const agree = (a: Amount, b: Amount) => {
  const x = interval(a);
  const y = interval(b);
  return x.lo.lte(y.hi) && y.lo.lte(x.hi);
};

/**
 * A fund's part of the 财政拨款收支总预算 (其中：一般公共预算财政拨款 a 万元 …) against the 财政拨款收支总表: the fund's column of
 * the 支出总计 (`spent`, what the fund pays for, its 上年结转 included) — or its 本年 income row, where the text states
 * that instead (this year's allocation, its 上年结转 apart or left out). Without the column, the 本年 row where the
 * table carries nothing of the fund over (else it is not known which the text means).
 */
function allocationFund(t: Table, fund: string, label: string, amount: Amount, spent: Amount | null, ctx: RuleContext) {
  const lines = fundIncomeLines(t, fund);
  const own = lines.current;
  const thisYear = inText(t, amountOf(own, "amount"));
  const carried = lines.carryover ? inText(t, amountOf(lines.opening, "amount")) : null;
  const subject = { table: "text" as const, item: label };
  if (spent && !(thisYear && agree(thisYear, amount) && !agree(spent, amount)))
    ctx.equal(subject, amount, spent, { zh: `${tableName(t)} 支出总计 ${columnLabel(t, fund)}`, en: `${tableNameEn(t)} total expenditure, ${columnLabel(t, fund)}` });
  else if (thisYear && own && (spent || !carried || carried.value.isZero()))
    ctx.equal(subject, amount, thisYear, { zh: `${tableName(t)} 本年收入 ${normaliseName(own.label ?? "")}`, en: `${tableNameEn(t)} this year's income, ${normaliseName(own.label ?? "")}` });
}

/** 财政拨款收入 / 财政拨款支出预算 (in all or by fund) of the 编制说明 against the tables. */
function allocations(doc: BudgetDocument, ctx: RuleContext) {
  for (const c of claimsOfKind(doc, "allocation")) {
    const b = allocationFigure(doc, c.side, c.fund);
    if (!b) continue;
    const where = c.side === "income" ? "财政拨款收入" : c.fund === "all" ? "支出总计" : `支出总计 ${columnLabel(b.table, c.fund)}`;
    ctx.equal({ table: "text", item: c.label }, c.amount, b.amount, { zh: `${tableName(b.table)} ${where}`, en: `${tableNameEn(b.table)} ${where}` });
  }
}

/** A 决算's “三公” components: the 决算 against the 三公 table's 决算数 (blank = 0). */
function sanggongFinal(doc: BudgetDocument, ctx: RuleContext) {
  const t7 = table(doc, "sanggong");
  const row = thisYearsRow(t7);
  // (A table of its 决算数: one printing its 预算数 beside them, or a table of years whose this year's row is its 决算数.)
  if (!t7 || !row || !(t7.columns.some((c) => c.key.startsWith("budget-")) || (row.role === "current-year" && /决算/.test(row.name ?? "")))) return;
  for (const c of claimsOfKind(doc, "sanggong-final")) {
    const printed = amountOf(row, c.component);
    const b = inText(t7, printed) ?? zeroLike(c.amount);
    ctx.equal({ table: "text", item: `${c.label} 决算` }, c.amount, b, { zh: `${tableName(t7)} 决算数 ${columnLabel(t7, c.component)}${printed ? "" : "（空白，按 0）"}`, en: `${tableNameEn(t7)} final ${c.component}${printed ? "" : " (blank: 0)"}` });
    // …and its 预算 printed before it (支出预算为 B 万元，支出决算为 X 万元): the table's 预算数.
    const key = `budget-${c.component}`;
    if (!c.budget || !t7.columns.some((col) => col.key === key)) continue;
    const budget = amountOf(row, key);
    ctx.equal({ table: "text", item: `${c.label} 预算` }, c.budget, inText(t7, budget) ?? zeroLike(c.budget), {
      zh: `${tableName(t7)} 预算数 ${columnLabel(t7, key)}${budget ? "" : "（空白，按 0）"}`,
      en: `${tableNameEn(t7)} budget ${c.component}${budget ? "" : " (blank: 0)"}`,
    });
  }
}

/**
 * The counts a “三公” statement states (因公出国（境）团组 2 个，累计 7 人次 · 公务用车保有量为 31 辆 · 国内公务接待 68 批次，512 人次)
 * against those the 三公 table prints under its 统计数 (its 决算数 column): equal, exactly (counts, never rounded); a 公务接待
 * not said to be 国内 is at least the 国内 count (it is that or all the receptions). A count the table leaves blank or
 * does not print is not judged. In a table of years, the counts of its this year's row (the latest or 本年), as its money.
 */
function sanggongCounts(doc: BudgetDocument, ctx: RuleContext) {
  const t7 = table(doc, "sanggong");
  if (!t7) return;
  for (const c of claimsOfKind(doc, "sanggong-count")) {
    const key = `${COUNT_CELL}${c.item}`;
    // (This year's row: a table of years keeps last year's counts in last year's, as its money.)
    const row = t7.rows.find((r) => r.role === "current-year" && r.cells[key]?.amount);
    const printed = row?.cells[key].amount;
    if (!printed) continue;
    const subject = { table: "text" as const, item: c.label, column: "统计数" };
    const relation = { zh: `${tableName(t7)} 统计数「${c.label}」`, en: `${tableNameEn(t7)}'s count (统计数) of ${c.label}` };
    if (c.atLeast) ctx.atLeast({ subject, total: c.count, parts: [{ amount: printed }], relation: { zh: `${relation.zh}（国内）`, en: `${relation.en} (domestic)` } });
    else ctx.equal(subject, c.count, printed, relation);
  }
}

/**
 * A 决算's 政府性基金 / 国有资本经营 spending by its table's rows (其中：A 项 a 万元，B 项 b 万元): each the 本年支出 of the row
 * of its name (with or without 支出) in that fund's table — where one row has it, or all that have it print the same.
 */
function fundItems(doc: BudgetDocument, ctx: RuleContext) {
  for (const c of claimsOfKind(doc, "fund-item")) {
    const t = table(doc, c.fund);
    if (!t) continue;
    const rows = t.rows.filter((r) => {
      const name = r.kind === "code" && r.code && r.name ? normaliseName(r.name) : null;
      return !!name && (name === c.name || name === `${c.name}支出` || c.name === `${name}支出`);
    });
    const spent = mapArray(rows, (r) => inText(t, amountOf(r, "total")));
    const b = spent[0];
    if (!b || spent.some((a) => !a || !a.value.eq(b.value))) continue;
    const row = `${rows[0].code} ${rows[0].name}`;
    ctx.equal({ table: "text", code: rows[0].code, item: c.name }, c.amount, b, { zh: `${tableName(t)} ${row} ${columnLabel(t, "total")}`, en: `${tableNameEn(t)} ${row} ${columnLabel(t, "total")}` });
  }
}

/**
 * A 决算's statement of a fund's balance (政府性基金预算财政拨款年初结转和结余 A 万元，本年收入 B 万元，本年支出 C 万元，年末结转和结余
 * D 万元): each part against the fund's table's 合计 and the 财政拨款收入支出决算表's line or column of that fund, where they print
 * it (a cell left blank on a row of figures: 0).
 */
function fundBalances(doc: BudgetDocument, ctx: RuleContext) {
  for (const c of claimsOfKind(doc, "fund-balance")) {
    const { own, summary } = fundBalanceCells(doc, c.fund, c.part);
    for (const at of [own, summary]) {
      if (!at) continue;
      const b = at.blank ? zeroLike(c.amount) : inText(at.table, amountOf(at.row, at.key))!;
      const row = at.table.kind === "allocation-summary" ? normaliseName(at.row.label ?? at.row.name ?? "") : "合计";
      const column = at.key === "amount" ? "" : ` ${columnLabel(at.table, at.key)}`;
      ctx.equal({ table: "text", item: c.label }, c.amount, b, {
        zh: `${tableName(at.table)} ${row}${column}${at.blank ? "（空白，按 0）" : ""}`,
        en: `${tableNameEn(at.table)} ${row}${column}${at.blank ? " (blank: 0)" : ""}`,
      });
    }
  }
}

/**
 * The row of a figure's role (and label, where rows of another name share it); of the income side's 本年 rows only (those
 * before its 上年结转) where the source says `thisYear`.
 */
function roleRow(t: Table, src: FigureSource): Row | undefined {
  let rows = t.rows;
  if (src.thisYear) {
    const income = rows.some((r) => r.side) ? rows.filter((r) => r.side === "income") : rows;
    const at = income.findIndex((r) => r.role === "income-carryover");
    rows = at < 0 ? income : income.slice(0, at);
  }
  return rows.find((r) => r.role === src.role && (!src.label || src.label.test(normaliseName(r.label ?? ""))));
}

/** 0 printed the way `like` is (a blank 决算数 where the 预算数 is printed: nothing was spent). */
const zeroLike = (like: Amount): Amount => makeCount("0", like.location)!;

/** A unit that is the department's own (本级): …本级 · …（本级）· 厅机关 · the department's own name. */
function ownUnit(name: string, department: string | null): boolean {
  const n = normaliseName(name).replace(/(\([^()]*\))+$/, "");
  return /本级/.test(name) || /机关$/.test(n) || (!!department && unitCore(n) === unitCore(department));
}

/**
 * Whether a count of units includes the department's own: as its words say (本级和所属 N 个单位: not; 包括：本级及所属…: it
 * does), else as its names do (a 本级 among them; a full list of N names without one: not); undefined where they do not
 * tell (A、B等 3 个单位, the 本级 perhaps among those unnamed).
 */
function countsOwn(b: ClaimOf<"base-units">, department: string | null): boolean | undefined {
  if (b.own !== undefined) return b.own;
  if (b.names.some((n) => n.split(/和|及/).some((x) => ownUnit(x, department)))) return true;
  return !b.abbreviated && b.count.value.eq(b.names.length) ? false : undefined;
}

function baseUnits(doc: BudgetDocument, ctx: RuleContext) {
  // The units a table prints: the expenditure table's, else the income table's (every unit has income); the 一般公共预算
  // table's only where no expenditure table is printed (a unit without 一般公共预算 money is not in it).
  const expenditure = table(doc, "expenditure");
  const t = [expenditure, table(doc, "income")].find((x) => x && unitBlocks(x).units.length) ?? (expenditure ? undefined : table(doc, "general-function"));
  if (!t) return;
  const units = mapArray(unitBlocks(t).units, (b) => b.row.unit ?? "");
  const n = units.length;
  if (!n) return;
  const own = units.filter((u) => ownUnit(u, doc.department)).length;
  for (const b of claimsOfKind(doc, "base-units")) {
    const withOwn = countsOwn(b, doc.department);
    if (withOwn) ctx.equal({ table: "text", item: b.label ?? "基层单位" }, b.count, makeCount(String(n), b.count.location)!, { zh: `${tableName(t)} 预算单位数`, en: `the budget units of ${tableNameEn(t)}` });
    // (The units besides the 本级: the table's but its one 本级.)
    else if (withOwn === false && own === 1)
      ctx.equal({ table: "text", item: b.label ?? "基层单位" }, b.count, makeCount(String(n - 1), b.count.location)!, { zh: `${tableName(t)} 预算单位数（本级除外）`, en: `the budget units of ${tableNameEn(t)} besides the department's own` });
  }
}

export const textVsTable: Rule = {
  id: "text-vs-table",
  defaultSeverity: "error",
  requires: { text: ["department-total", "table-figure", "sanggong", "function-item", "performance", "procurement", "fund-balance", "sanggong-count", "sanggong-direction", "sanggong-on-final"] },
  description: "Text: each figure the text states equals the table figure it describes (totals vs 表1/表3/表7, 人员/公用/对个人和家庭 vs 表8, 三公 vs 表9, 采购 vs 表3, 机关运行经费, projects vs 第七部分 and 表12, 绩效, 基层单位; a 决算's 情况说明 totals, 类 and 类-款-项 决算 figures, a fund's spending by its table's rows and its balance (年初结转和结余, 本年收入, 本年支出, 年末结转和结余) vs its table and the 财政拨款收入支出决算表, 人员经费/公用经费, 三公 (and its counts: 团组, 保有量, 接待批次 … vs the 三公 table's 统计数) and 绩效自评 / 部门评价 funds vs its tables; other provinces' 情况说明: 收支总预算, 支出预算总计 and its 基本支出/项目支出, 财政拨款收支总预算 and 财政拨款收入总计 (its funds and 上年结转) / 支出总计, 一般公共预算基本支出 and 财政拨款基本支出, 人员经费/公用经费, 三公 (a change stated by its direction alone, or 持平, vs the table's two years) and 机关运行经费 vs the tables of those kinds; 政府采购预算总额 and its kinds vs the 政府采购预算表).",
  descriptionZh: "文字部分所列数字与其对应表格数字一致（总额与表1/表3/表7、人员/公用/对个人和家庭补助与表8、“三公”与表9、采购与表3、机关运行经费、项目与第七部分及表12、绩效资金与项目数、基层单位数；决算情况说明的各项总额、类及类-款-项决算数、某项资金按其表中各行列举的支出及其结转结余情况（与该资金决算表和财政拨款收入支出决算表）、人员经费/公用经费、“三公”经费（及团组、保有量、接待批次等数量与“三公”表统计数）及绩效自评 / 部门评价资金与决算表；其他省份情况说明的收支总预算、支出预算总计及其基本支出/项目支出、财政拨款收支总预算及财政拨款收入总计（各项资金与上年结转）/ 支出总计、一般公共预算基本支出与财政拨款基本支出、人员经费/公用经费、“三公”经费（只写增减方向或“持平”的变化与表中两年数）、机关运行经费与同类表格；政府采购预算总额及其分类与政府采购预算表）。",
  check(doc, ctx) {
    if (!claimsOf(doc).claims.length) return;
    department(doc, ctx);
    units(doc, ctx);
    procurement(doc, ctx);
    sanggong(doc, ctx);
    sanggongDirections(doc, ctx);
    operatingCost(doc, ctx);
    projects(doc, ctx);
    performance(doc, ctx);
    baseUnits(doc, ctx);
    functionItems(doc, ctx);
    tableFigures(doc, ctx);
    allocations(doc, ctx);
    sanggongFinal(doc, ctx);
    sanggongFinalChanges(doc, ctx);
    sanggongBudgetOnFinal(doc, ctx);
    sanggongCounts(doc, ctx);
    fundItems(doc, ctx);
    fundBalances(doc, ctx);
  },
};
