import { Decimal } from "decimal.js";
import { changeStatements, keyParts, printedAt, sanggongOfLabel, type ChangeStatement } from "../claims/changes.js";
import { claimsOfKind, previousOf } from "../claims/index.js";
import { splitProjectName, unitCore } from "../claims/match.js";
import type { Change, ClaimOf, PriorExecutionClaim, SanggongComponent, TableFigure } from "../claims/types.js";
import type { Rule, RuleContext, Term } from "../engine/types.js";
import { decimalString, inUnit, type Amount } from "../model/amount.js";
import { amountOf, table, type BudgetDocument } from "../model/document.js";
import { allocationFigure, departmentRow, unitBlocks } from "../model/queries.js";
import { mapArray } from "../util/arrays.js";

const PREV_BASE = { zh: "增减额 ÷ 上年预算数（本年数 ∓ 增减额）", en: "the change ÷ last year's amount (this year's ∓ the change)" };
const PRINTED_BASE = { zh: "增减额 ÷ 文中所列上年数", en: "the change ÷ last year's amount as printed" };
// (Ending in =: the computed figure follows, and "− this year's 0" read as a zero this year.)
const PRINTED_INCREASE = { zh: "本年数 − 文中所列上年数 =", en: "this year's amount − last year's as printed =" };
const PRINTED_DECREASE = { zh: "文中所列上年数 − 本年数 =", en: "last year's amount as printed − this year's amount =" };
const THIS_YEAR_BASE = { zh: "增减额 ÷ 本年预算数", en: "the change ÷ this year's amount" };
const word = (d: "increase" | "decrease", zh: boolean) => (zh ? (d === "increase" ? "增加" : "减少") : d);

function percentOfNew(s: ChangeStatement, c: Change, ctx: RuleContext) {
  if (!c.percent || c.percent.value.eq(100)) return;
  ctx.report({
    subject: s.subject,
    location: c.percent.location,
    related: [s.amount.location],
    stated: decimalString(c.percent.value),
    computed: "100",
    message: {
      zh: `上年无此项（本年新增），增幅应按 100% 列示，文中为 ${c.percent.text}%`,
      en: `new this year (nothing last year): the increase is printed as 100% by convention, the text says ${c.percent.text}%`,
    },
  });
}

/**
 * An item this year's budget no longer holds, said in words (2026年未安排预算，比2025年预算减少42.00万元，下降P%): its decrease is
 * all of last year's, so P is 100 exactly.
 */
function percentOfNothing(s: ChangeStatement, c: Change, ctx: RuleContext) {
  if (!c.percent || c.percent.value.eq(100)) return;
  ctx.report({
    subject: { ...s.subject, column: "减幅" },
    location: c.percent.location,
    related: [s.amount.location],
    stated: decimalString(c.percent.value),
    computed: "100",
    message: {
      zh: `本年未安排预算（为 0），减少额即上年全部预算，减幅应为 100%，文中为 ${c.percent.text}%`,
      en: `nothing is budgeted this year (0): the decrease is all of last year's amount, so the percentage is 100%, the text says ${c.percent.text}%`,
    },
  });
}

function judge(s: ChangeStatement, ctx: RuleContext) {
  const c = s.change;
  if (!c) return;
  if ((c.kind === "increase" || c.kind === "decrease") && c.percentDirection && c.percentDirection !== c.kind && !c.amount?.value.isZero())
    ctx.report({
      subject: s.subject,
      location: c.percent!.location,
      related: [c.amount?.location ?? c.location],
      message: {
        zh: `文中称${word(c.kind, true)} ${c.amount?.text ?? ""} 万元，百分比却为${word(c.percentDirection, true)}`,
        en: `the text says the amount ${word(c.kind, false)}s by ${c.amount?.text ?? ""} but gives the percentage as a${c.percentDirection === "increase" ? "n increase" : " decrease"}`,
      },
    });
  if (c.kind === "new") {
    if (c.amount) ctx.equal(s.subject, c.amount, s.amount, { zh: "本年预算数（新增项目上年为 0）", en: "this year's amount (a new item had nothing last year)" });
    percentOfNew(s, c, ctx);
    return;
  }
  if ((c.kind !== "increase" && c.kind !== "decrease") || !c.amount) return;
  if (c.kind === "increase" && c.amount.value.eq(s.amount.value) && !s.amount.value.isZero()) {
    percentOfNew(s, c, ctx);
    return;
  }
  // Last year's amount is this year's less the increase, and a budget amount is never below zero: an
  // increase beyond this year's amount is a figure copied from another line (政府性基金拨款支出预算0万元，
  // 比2022年预算增加1421.25万元, the 一般公共预算's increase).
  if (c.kind === "increase")
    ctx.atMost({ subject: { ...s.subject, column: "增加额" }, part: c.amount, whole: s.amount, relation: { zh: "本年数（上年数 = 本年数 − 增加额，不能为负）", en: "this year's amount (last year's = this year's − the increase, never below 0)" } });
  // Last year's figure printed with the change (较2024年的2190万元减少221万元): the change is this year's less it.
  const previous = c.previous;
  if (previous)
    ctx.sum({
      subject: { ...s.subject, column: c.kind === "increase" ? "增加额" : "减少额" },
      total: c.amount,
      parts: c.kind === "increase" ? [{ amount: s.amount }, { amount: previous, sign: -1 }] : [{ amount: previous }, { amount: s.amount, sign: -1 }],
      relation: c.kind === "increase" ? PRINTED_INCREASE : PRINTED_DECREASE,
    });
  if (c.toNothing) {
    percentOfNothing(s, c, ctx);
    return;
  }
  if (!c.percent) return;
  const numerator: Term[] = [{ amount: c.amount }];
  const denominator: Term[] = previous ? [{ amount: previous }] : [{ amount: s.amount }, { amount: c.amount, sign: c.kind === "increase" ? -1 : 1 }];
  ctx.ratio({
    subject: { ...s.subject, column: c.percentDirection === "decrease" ? "减幅" : "增幅" },
    percent: c.percent,
    numerator,
    denominator,
    relation: previous ? PRINTED_BASE : PREV_BASE,
    alternatives: [{ denominator: [{ amount: s.amount }], relation: THIS_YEAR_BASE }],
  });
}

/**
 * Last year's published figure for a statement of this year's text: what last year's text printed for
 * the same item, else its tables (表1 totals, Σ 表9 本年 for a “三公” component, 表12's task of the same
 * project, 表8 302 基本支出 of the 本级 unit for 机关运行经费).
 */
function lastYearFigure(prev: BudgetDocument, byKey: Map<string, ChangeStatement>, s: ChangeStatement): Amount[] | null {
  const text = byKey.get(s.key);
  if (text) return [text.amount];
  const [kind, ...rest] = keyParts(s.key);
  const present = (as: (Amount | null)[]) => {
    const out = as.filter((a): a is Amount => !!a);
    return out.length ? out : null;
  };
  if (kind === "department") {
    const row = table(prev, "summary")?.rows.find((r) => r.role === (rest[0] === "income" ? "income-total" : "expenditure-total"));
    return present([amountOf(row, "amount")]);
  }
  if (kind === "allocation") {
    const b = allocationFigure(prev, rest[0] as "income" | "expenditure", rest[1] as "all" | "general-public" | "gov-fund" | "state-capital");
    return b ? [b.amount] : null;
  }
  if (kind === "sanggong") return present(mapArray(table(prev, "sanggong")?.rows.filter((r) => r.role === "current-year") ?? [], (r) => amountOf(r, rest[0])));
  if (kind === "project") {
    const [unit, base] = rest;
    const tasks = table(prev, "performance")?.rows.filter((r) => r.role === "task" && r.name && splitProjectName(r.name).base === base) ?? [];
    const task = tasks.length === 1 ? tasks[0] : tasks.find((r) => splitProjectName(r.name!).qualifiers.some((q) => unit.includes(unitCore(q))));
    return present([amountOf(task, "total")]);
  }
  if (kind === "operating-cost") {
    // Printed in the 三公 table where the template has the column (Shanghai), else 表8's 302 of the 本级 unit.
    const running = present(mapArray(table(prev, "sanggong")?.rows ?? [], (r) => amountOf(r, "running-cost")));
    if (running) return running;
    const t8 = table(prev, "general-economic");
    const own = t8 ? unitBlocks(t8).units.find((b) => b.row.unit?.includes("本级")) : undefined;
    return present([amountOf(own?.codes.find((r) => r.code === "302"), "basic")]);
  }
  return null;
}

/** --previous: the previous-year figure the text implies (this year's ∓ the change) against last year's document. */
function againstPrevious(s: ChangeStatement, last: Amount[] | null, ctx: RuleContext) {
  const c = s.change;
  if (!c || !last) return;
  const subject = { ...s.subject, column: "上年预算数" };
  const printed = mapArray(last, (a) => a.text).join(" + ");
  const relation = (zh: string, en: string) => ({ zh: `${zh}（上年文件 ${printed}）`, en: `${en} (last year's document: ${printed})` });
  const lastTerms = (sign: 1 | -1): Term[] => mapArray(last, (amount) => ({ amount, sign }));
  if (c.kind === "same") ctx.sum({ subject, total: s.amount, parts: lastTerms(1), relation: relation("上年预算数（持平）", "last year's amount (unchanged)") });
  else if (c.kind === "new")
    ctx.sum({ subject, total: { ...s.amount, value: new Decimal(0), text: "0", location: c.location }, parts: lastTerms(1), relation: relation("上年文件所列数（文中称本年新增）", "last year's figure (the text calls the item new)") });
  else if (c.amount)
    ctx.sum({
      subject: { ...subject, column: c.kind === "increase" ? "增加额" : "减少额" },
      total: c.amount,
      parts: c.kind === "increase" ? [{ amount: s.amount }, ...lastTerms(-1)] : [...lastTerms(1), { amount: s.amount, sign: -1 }],
      relation: c.kind === "increase" ? relation("本年数 − 上年数", "this year's − last year's amount") : relation("上年数 − 本年数", "last year's − this year's amount"),
    });
}

/**
 * 比2023年预算执行数增加 P% (Shanghai's 编制说明): P = |this year's − last year's execution| ÷ last year's
 * execution, the direction word agrees with the two figures, 持平 means equal, and an item with nothing
 * executed last year is +100% by convention.
 */
function priorExecution(c: PriorExecutionClaim, ctx: RuleContext) {
  const subject = { table: "text" as const, item: c.label, column: "比上年预算执行数" };
  // This year's 预算安排 restates the item's own figure printed before it in the paragraph.
  if (c.itemAmount) ctx.equal({ ...subject, column: "本年预算安排" }, c.current, c.itemAmount, { zh: "该科目前文所列预算数", en: "the item's figure stated before" });
  if (c.change === "same") {
    ctx.equal(subject, c.current, c.last, { zh: "上年预算执行数（文中称持平）", en: "last year's execution (the text says unchanged)" });
    return;
  }
  const diff = c.current.value.minus(c.last.value);
  const wrongWay = (c.change === "increase" && diff.isNegative()) || (c.change === "decrease" && diff.isPositive());
  if (wrongWay || (diff.isZero() && !c.last.value.isZero())) {
    ctx.report({
      subject,
      location: c.location,
      related: [c.last.location, c.current.location],
      stated: c.change === "increase" ? "增加" : "减少",
      computed: decimalString(diff),
      difference: decimalString(diff),
      message: {
        zh: `文中称比上年预算执行数${c.change === "increase" ? "增加" : "减少"}，但上年执行数 ${c.last.text} 万元、本年预算 ${c.current.text} 万元：${diff.isZero() ? "持平" : diff.isNegative() ? "减少" : "增加"}`,
        en: `the text says the budget ${c.change === "increase" ? "rises" : "falls"} on last year's execution, but last year's is ${c.last.text} and this year's ${c.current.text}: ${diff.isZero() ? "unchanged" : diff.isNegative() ? "a fall" : "a rise"}`,
      },
    });
    return;
  }
  if (!c.percent) return;
  if (c.last.value.isZero()) {
    if (!c.percent.value.eq(100))
      ctx.report({
        subject,
        location: c.percent.location,
        related: [c.last.location],
        stated: decimalString(c.percent.value),
        computed: "100",
        message: { zh: `上年预算执行数为 0，增幅应按 100% 列示，文中为 ${c.percent.text}%`, en: `nothing was executed last year: the increase is printed as 100% by convention, the text says ${c.percent.text}%` },
      });
    return;
  }
  const sign = c.change === "increase" ? 1 : -1;
  ctx.ratio({
    subject,
    percent: c.percent,
    numerator: [{ amount: c.current, sign }, { amount: c.last, sign: -sign as 1 | -1 }],
    denominator: [{ amount: c.last }],
    relation: { zh: "增减额 ÷ 上年预算执行数", en: "the change ÷ last year's execution" },
  });
}

const FUNDS = ["general-public", "gov-fund", "state-capital"] as const;

/** A change as a signed term (增加 / 新增 +, 减少 −); null for 持平 (0); undefined where no amount is printed. */
function signedChange(amount: Amount, ch: Change): Term | null | undefined {
  if (ch.kind === "same") return null;
  const a = ch.kind === "new" ? (ch.amount ?? amount) : ch.amount;
  return a ? { amount: a, sign: ch.kind === "decrease" ? -1 : 1 } : undefined;
}

/**
 * `whole`'s change = Σ `parts`' changes, each with its direction: declared seen from the whole's direction (a
 * decrease of the whole turns each part's sign); a whole 持平 is an exact 0.
 */
function changeSum(ctx: RuleContext, item: string, whole: { amount: Amount; change: Change }, parts: { amount: Amount; change: Change }[], relation: { zh: string; en: string }) {
  const total = signedChange(whole.amount, whole.change);
  const terms = mapArray(parts, (p) => signedChange(p.amount, p.change));
  if (total === undefined || terms.some((t) => t === undefined)) return;
  const flip = total?.sign === -1 ? -1 : 1;
  const printed = terms.filter((t): t is Term => !!t);
  ctx.sum({
    subject: { table: "text", item, column: "增减额" },
    total: total ? total.amount : { ...whole.amount, value: new Decimal(0), text: "0", decimals: 0, exact: true, location: whole.change.location },
    parts: mapArray(printed, (t) => ({ amount: t.amount, sign: ((t.sign ?? 1) * flip) as 1 | -1 })),
    relation,
  });
}

/**
 * 财政拨款's change is its funds' changes together: 财政拨款支出预算 … 比上年增加 C; 其中一般公共预算 … 增加 a；政府性
 * 基金 … 增加 b；国有资本经营预算 … 持平 — C = a + b + 0, on each side whose text states the change of all three
 * funds (a fund left unstated leaves the side unchecked).
 */
function fundChanges(doc: BudgetDocument, ctx: RuleContext) {
  const claims = claimsOfKind(doc, "allocation");
  for (const side of ["income", "expenditure"] as const) {
    const all = claims.find((c) => c.side === side && c.fund === "all" && c.change);
    const parts = mapArray(FUNDS, (f) => claims.find((c) => c.side === side && c.fund === f && c.change));
    if (!all || parts.some((p) => !p)) continue;
    changeSum(ctx, all.label, { amount: all.amount, change: all.change! }, mapArray(parts, (p) => ({ amount: p!.amount, change: p!.change! })), {
      zh: "一般公共预算、政府性基金、国有资本经营预算拨款增减额之和",
      en: "the changes of its general public budget, fund and state capital allocations",
    });
  }
}

/**
 * A 决算's “三公” change on last year is its three components' changes together (2024年度“三公”经费…减少1.92万元。其中：
 * 因公出国（境）费增加3.21万元；公务用车购置及运行维护费减少3.31万元；公务接待费减少1.83万元): each the first stated.
 */
function sanggongChanges(doc: BudgetDocument, ctx: RuleContext) {
  const first = new Map<string, ClaimOf<"sanggong-final">>();
  for (const c of claimsOfKind(doc, "sanggong-final")) if (!first.has(c.component)) first.set(c.component, c);
  const total = first.get("total");
  const parts = mapArray(["abroad", "vehicle", "reception"], (k) => first.get(k));
  if (!total?.change || parts.some((p) => !p?.change)) return;
  changeSum(ctx, `${total.label} 决算`, { amount: total.amount, change: total.change }, mapArray(parts, (p) => ({ amount: p!.amount, change: p!.change! })), {
    zh: "因公出国（境）费、公务用车购置及运行维护费、公务接待费增减额之和",
    en: "the changes of its three components",
  });
}

/** How many lines after the “三公”'s own its components' changes are looked for. */
const SANGGONG_WITHIN = 6;

/**
 * A 预算's “三公” change alike (…“三公”经费支出 152.70 万元，比2025年预算增加 58.62 万元…。其中：因公出国（境）费 18.60 万元，
 * 比2025年预算减少 7.40 万元；公务用车购置及运行费 …，比2025年预算增加 68.58 万元；公务接待费 …减少 2.57 万元): the first change
 * of each component stated after the 三公's (within a few lines, before another 三公 figure), compared with the same year
 * and base; the vehicles' as one, or as their purchase's and operation's.
 */
function budgetSanggongChanges(doc: BudgetDocument, ctx: RuleContext) {
  if (doc.stage !== "budget") return;
  type Entry = { component: SanggongComponent; label: string; amount: Amount; change: Change };
  const entries: Entry[] = [];
  const seen = new Set<string>();
  const add = (component: SanggongComponent | undefined, label: string, amount: Amount, change: Change | null) => {
    if (!component || !change || seen.has(printedAt(amount))) return;
    seen.add(printedAt(amount));
    entries.push({ component, label, amount, change });
  };
  for (const c of claimsOfKind(doc, "sanggong")) add(c.component, c.label, c.amount, c.change);
  for (const c of claimsOfKind(doc, "stated-change")) add(sanggongOfLabel(c.label), c.label, c.amount, c.change);
  const line = (e: Entry) => e.amount.location.line ?? 0;
  entries.sort((a, b) => line(a) - line(b) || (a.amount.location.column ?? 0) - (b.amount.location.column ?? 0));
  const t = entries.findIndex((e) => e.component === "total");
  if (t < 0) return;
  const total = entries[t];
  const first = new Map<SanggongComponent, Entry>();
  for (const e of entries.slice(t + 1)) {
    if (e.component === "total" || line(e) > line(total) + SANGGONG_WITHIN) break;
    // (Compared with another year or base than the 三公's: not its part.)
    if ((e.change.year && total.change.year && e.change.year !== total.change.year) || (e.change.base && total.change.base && e.change.base !== total.change.base)) continue;
    if (!first.has(e.component)) first.set(e.component, e);
  }
  const vehicle = first.get("vehicle") ? [first.get("vehicle")] : [first.get("vehicle-purchase"), first.get("vehicle-operation")];
  const parts = [first.get("abroad"), ...vehicle, first.get("reception")];
  if (parts.some((p) => !p)) return;
  changeSum(ctx, total.label, total, mapArray(parts, (p) => p!), {
    zh: "因公出国（境）费、公务用车购置及运行费、公务接待费增减额之和",
    en: "the changes of its three components",
  });
}

/**
 * A 预算 balances, this year and last (收入 = 支出): where the text states this year's 收入 and 支出 (the
 * department's, or 财政拨款's) at the same amount, their changes on last year are the same too.
 */
function balancedChanges(doc: BudgetDocument, ctx: RuleContext) {
  if (doc.stage !== "budget") return;
  // The generic reader states a department total's change as a statement of its own, on the same figure.
  const stated = claimsOfKind(doc, "stated-change");
  const department = mapArray(claimsOfKind(doc, "department-total"), (c) => (c.change ? c : { ...c, change: stated.find((x) => printedAt(x.amount) === printedAt(c.amount))?.change ?? null }));
  const allocation = claimsOfKind(doc, "allocation").filter((c) => c.fund === "all");
  for (const [income, expenditure, item] of [
    [department.find((c) => c.side === "income" && c.change), department.find((c) => c.side === "expenditure" && c.change), "部门预算支出"],
    [allocation.find((c) => c.side === "income" && c.change), allocation.find((c) => c.side === "expenditure" && c.change), null],
  ] as const) {
    if (!income || !expenditure || !income.amount.value.eq(expenditure.amount.value)) continue;
    changeSum(ctx, item ?? (expenditure as { label: string }).label, { amount: expenditure.amount, change: expenditure.change! }, [{ amount: income.amount, change: income.change! }], {
      zh: "收入的增减额（收支平衡）",
      en: "the income's change (a budget balances)",
    });
  }
}

/** Where the tables print the totals a 决算's text names in a change without their figure (named-change): table kind, row role, column. */
const NAMED_TOTAL: Partial<Record<TableFigure, { kind: "summary" | "allocation-summary" | "general-function"; role?: string; key: string }>> = {
  "grand-total": { kind: "summary", role: "income-total", key: "amount" },
  "income-subtotal": { kind: "summary", role: "income-subtotal", key: "amount" },
  "expenditure-subtotal": { kind: "summary", role: "expenditure-subtotal", key: "amount" },
  "allocation-grand-total": { kind: "allocation-summary", role: "income-total", key: "amount" },
  general: { kind: "general-function", key: "total" },
};

/**
 * A change the text states of a total without its figure (与2024年度相比，本年收入合计增加 D 万元，增长 P% in a paragraph of its own):
 * judged as any change, with the total the table prints as this year's amount (in the text's 万元). Not judged where the table
 * prints none.
 */
function namedChange(doc: BudgetDocument, c: ClaimOf<"named-change">, ctx: RuleContext) {
  const src = NAMED_TOTAL[c.figure];
  const t = src && table(doc, src.kind);
  if (!src || !t) return;
  const row = src.role ? t.rows.find((r) => r.role === src.role) : departmentRow(t);
  const amount = amountOf(row ?? undefined, src.key);
  if (amount) judge({ key: "", subject: { table: "text", item: c.label }, amount: inUnit(amount, t.unit, "万元"), change: c.change }, ctx);
}

export const yoyChange: Rule = {
  id: "yoy-change",
  defaultSeverity: "error",
  requires: { text: ["stated-change", "named-change"] },
  description: "Text: a year-on-year change and its percentage agree with the stated amounts (percentage = change ÷ last year's amount, or ÷ last year's execution where the text compares with 上年预算执行数; 新增 = 100%, and a decrease to nothing stated in words (未安排预算) 100%; direction words match; an increase at most this year's amount; 财政拨款's change = its funds' changes; a 三公 change = its components'; in a 预算, 支出's change = 收入's); with --previous, the implied last-year figures match last year's document.",
  descriptionZh: "文字部分：同比增减额、增减幅与所列金额一致（增幅 = 增减额 ÷ 上年数，与上年预算执行数比较时除以上年预算执行数；新增项目为 100%，本年未安排（减至 0）的减幅为 100%；增减方向一致；增加额不大于本年数；财政拨款增减额 = 各项资金增减额之和；“三公”经费增减额 = 其三项增减额之和；预算中支出增减额 = 收入增减额）；指定 --previous 时，推算的上年数与上年文件一致。",
  check(doc, ctx) {
    const prev = previousOf(doc);
    const byKey = prev ? new Map(mapArray(changeStatements(prev), (s) => [s.key, s])) : null;
    for (const s of changeStatements(doc)) {
      judge(s, ctx);
      if (prev && byKey) againstPrevious(s, lastYearFigure(prev, byKey, s), ctx);
    }
    for (const c of claimsOfKind(doc, "named-change")) namedChange(doc, c, ctx);
    for (const c of claimsOfKind(doc, "prior-execution")) priorExecution(c, ctx);
    fundChanges(doc, ctx);
    sanggongChanges(doc, ctx);
    budgetSanggongChanges(doc, ctx);
    balancedChanges(doc, ctx);
  },
};
