import { claimsOfKind } from "../claims/index.js";
import type { Rule } from "../engine/types.js";
import { decimalString, interval, inUnit, type Amount } from "../model/amount.js";
import { amountOf, table, tableName, tableNameEn, type BudgetDocument } from "../model/document.js";
import { thisYearsRow } from "../model/queries.js";
import type { ClaimOf } from "../claims/types.js";
import type { RuleContext, Subject } from "../engine/types.js";
import { mapArray } from "../util/arrays.js";

/** The budget a statement names (年初预算 where it names none, as the national template's wording does). */
const BASIS = {
  initial: { zh: "年初预算", en: "the budget" },
  adjusted: { zh: "调整预算", en: "the adjusted budget" },
  "full-year": { zh: "全年预算", en: "the full-year budget" },
};

const WORD = {
  less: { zh: "决算数小于预算数", en: "the final figure is below the budget" },
  more: { zh: "决算数大于预算数", en: "the final figure is above the budget" },
  equal: { zh: "决算数等于预算数", en: "the final figure equals the budget" },
};

/**
 * A 类's budget and its 项's (1.教育支出（类）。年初预算为 B … / （1）进修及培训（款）培训支出（项）。年初预算为 b₁ …): the 项
 * stated under a 类 are some of it, so B ≥ Σ bᵢ — not B = Σ bᵢ, since a 项 budgeted and left unspent is often not in the
 * 决算's tables nor in its text. A 项's budget is checked by nothing else where it prints no percentage (年初预算为0.00万元
 * … 年初未作预算). The 年初预算 a statement prints before its 调整预算 (年初预算 B0，调整预算 B1，支出决算 X，完成调整预算的 P%) is
 * summed so too, beside the 调整预算 (round 54: 天津's 项 B0 were held by nothing, a typo in one found by nothing).
 */
function classBudgets(executions: ClaimOf<"execution">[], ctx: RuleContext): void {
  const own = executions.filter((e) => e.scope === "item" && e.names);
  for (const lei of own)
    if (lei.names!.length === 1)
      atLeastItems(ctx, lei, own, (e) => e.names!.length >= 2 && e.names![0] === lei.names![0], (b) => ({
        zh: `其下所列各项${b.zh}之和`,
        en: `the Σ of its items' ${b.en.replace(/^the /, "")}s stated under it`,
      }));
}

/**
 * The 一般公共预算财政拨款支出's budget and its items' (一般公共预算财政拨款支出年初预算为 B … / 1.教育支出（类）…（项）：年初预算为
 * b₁ …): the items are 项 (or 类) of it, so B ≥ Σ — each 类 counted once, by its headline's budget where the text prints
 * one, else by its 项's; items under a 政府性基金 or 国有资本经营 chapter are another fund's. A 项 with no budget
 * (年初预算为0.00万元, no percentage) is checked by nothing else.
 */
function wholeBudget(executions: ClaimOf<"execution">[], ctx: RuleContext): void {
  const items = executions.filter((e) => e.scope === "item" && e.names && !e.ofFund);
  const headlines = new Set(mapArray(items.filter((e) => e.names!.length === 1), (e) => e.names![0]));
  const seen = new Set<string>();
  for (const whole of executions.filter((e) => e.scope === "general")) {
    const key = `${whole.basis}|${whole.budget.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    atLeastItems(ctx, whole, items, (e) => e.names!.length === 1 || !headlines.has(e.names![0]), (b) => ({
      zh: `文中所列各项${b.zh}之和`,
      en: `the Σ of the items' ${b.en.replace(/^the /, "")}s the text states`,
    }));
  }
}

/** A whole's budget at least the Σ of the items' of its basis that `keep` takes, each item once. */
function atLeastItems(ctx: RuleContext, whole: ClaimOf<"execution">, items: ClaimOf<"execution">[], keep: (e: ClaimOf<"execution">) => boolean, relation: (b: { zh: string; en: string }) => { zh: string; en: string }): void {
  const seen = new Set<string>();
  const parts = items.filter((e) => {
    const key = e.names!.join("-");
    if (!keep(e) || e.basis !== whole.basis || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (!parts.length) return;
  const basis = BASIS[whole.basis ?? "initial"];
  ctx.atLeast({ subject: { table: "text", item: whole.label, column: basis.zh }, total: whole.budget, parts: mapArray(parts, (e) => ({ amount: e.budget })), relation: relation(basis) });
}

/**
 * 年初预算为 B0 万元，年中追加 A 万元，调整后预算为 B1 万元: B1 = B0 + A (追加 · 调增), B0 − A (调减 · 追减); 年中调整 A, its
 * direction not said, is B1 = B0 + A where B1 is not below B0, else B0 − A.
 */
function adjustments(executions: ClaimOf<"execution">[], ctx: RuleContext): void {
  for (const e of executions) {
    const a = e.adjustment;
    if (!a) continue;
    const up = a.direction === "increase" || (a.direction === "either" && e.budget.value.gte(a.initial.value));
    ctx.sum({
      subject: { table: "text", item: e.label, column: "调整后预算" },
      total: e.budget,
      parts: [{ amount: a.initial }, { amount: a.amount, sign: up ? 1 : -1 }],
      relation: up ? { zh: `年初预算数 + ${a.word}数`, en: `the initial budget + the year’s change (${a.word})` } : { zh: `年初预算数 − ${a.word}数`, en: `the initial budget − the year’s change (${a.word})` },
    });
  }
}

/**
 * A percentage of a budget printed 0 (年初预算为0.00万元，支出决算为 F 万元，完成年初预算的 P%): the budget is at most half a unit
 * of its last digit, so the 决算 is at least F⁻ ÷ that of it; a P below is wrong (F printed 0 too: nothing to judge).
 */
function zeroBudget(ctx: RuleContext, e: ClaimOf<"execution">, percent: Amount, column: string, basis: { zh: string; en: string }): void {
  const f = interval(e.final);
  const b = interval(e.budget);
  if (!f.lo.isPositive() || !b.hi.isPositive()) return;
  const least = f.lo.div(b.hi).times(100);
  if (interval(percent).hi.gte(least)) return;
  ctx.report({
    subject: { table: "text", item: e.label, column },
    location: percent.location,
    related: [e.budget.location, e.final.location],
    stated: decimalString(percent.value),
    computed: null,
    message: {
      zh: `${basis.zh}数为 ${e.budget.text}，决算数 ${e.final.text}：预算为零，无从“完成”其 ${percent.text}%（决算数至少为预算数的 ${decimalString(least.toDecimalPlaces(0))}%）`,
      en: `${basis.en} is ${e.budget.text} and the final figure ${e.final.text}: a budget of nothing cannot be ${percent.text}% spent (the final figure is at least ${decimalString(least.toDecimalPlaces(0))}% of it)`,
    },
  });
}

/**
 * A 决算's execution statements (年初预算为 B 万元，支出决算为 F 万元，完成年初预算的 P%。决算数小于预算数的主要原因…):
 * the percentage is F ÷ B, and the wording agrees with the two printed figures. Where the two figures
 * print equal, 小于 / 大于 cannot be judged from them (the amounts behind may differ below the printed
 * digits) and is left alone; 基本持平 is not judged.
 */
export const budgetExecution: Rule = {
  id: "budget-execution",
  defaultSeverity: "error",
  requires: { text: true },
  description: "A 决算's text: 完成年初预算的 P% equals 决算数 ÷ 年初预算数 (a project's self-evaluation's 完成预算的 P%, 执行数 ÷ 全年预算数), 决算数小于 / 大于 / 等于预算数 agrees with the two figures it describes (the 三公's, its table's 预算数 and 决算数), 比年初预算减少 X 万元 is 预算 − 决算 (its percentage X ÷ 预算; 机关运行经费's 预算 is its 决算 ± X), 年初预算 + 年中追加 (− 调减) = 调整后预算 where all three are printed, a percentage of a budget printed 0 is wrong, and a 类's 年初预算 (the 一般公共预算财政拨款支出's) is at least the Σ of the 项's stated under it (in the text).",
  descriptionZh: "决算情况说明：“完成年初预算的 P%”等于决算数 ÷ 年初预算数（项目绩效自评的“完成预算的 P%”等于执行数 ÷ 全年预算数）；“决算数小于 / 大于 / 等于预算数”与所述两数一致（“三公”对其表中预算数与决算数）；“比年初预算减少 X 万元”等于预算数 − 决算数（百分比为其 ÷ 预算数；机关运行经费的预算数为决算数 ± 增减额）；三者均列示时年初预算 + 年中追加（− 调减）= 调整后预算；预算数为 0 时所列完成百分比为错；类（一般公共预算财政拨款支出整体）的年初预算不小于其下（文中）所列各项年初预算之和。",
  check(doc, ctx) {
    // A “三公” component's 完成预算 P%: its 决算 ÷ the 三公 table's 预算数 of that component.
    const t7 = table(doc, "sanggong");
    for (const c of claimsOfKind(doc, "sanggong-final")) {
      const row = thisYearsRow(t7);
      const budget = row ? amountOf(row, `budget-${c.component}`) : null;
      if (!c.completion || !budget || !t7) continue;
      const b = inUnit(budget, t7.unit, "万元");
      if (b.value.isZero()) continue;
      ctx.ratio({
        subject: { table: "text", item: c.label, column: "完成预算%" },
        percent: c.completion,
        numerator: [{ amount: c.amount }],
        denominator: [{ amount: b }],
        relation: { zh: `决算数 ÷ ${tableName(t7)} 预算数`, en: `the final figure ÷ ${tableNameEn(t7)}'s budget` },
      });
    }
    const executions = claimsOfKind(doc, "execution");
    classBudgets(executions, ctx);
    wholeBudget(executions, ctx);
    adjustments(executions, ctx);
    for (const e of executions) {
      const subject = { table: "text" as const, item: e.label };
      const basis = BASIS[e.basis ?? "initial"];
      const column = e.preceding ? "完成年初预算%" : "完成预算%";
      if (e.percent && e.budget.value.isZero()) zeroBudget(ctx, e, e.percent, column, basis);
      else if (e.percent)
        ctx.ratio({
          subject: { ...subject, column },
          percent: e.percent,
          numerator: [{ amount: e.final }],
          denominator: [{ amount: e.budget }],
          relation: e.scope === "project" ? { zh: `执行数 ÷ ${basis.zh}数`, en: `the amount spent ÷ ${basis.en}` } : { zh: `决算数 ÷ ${basis.zh}数`, en: `the final figure ÷ ${basis.en}` },
        });
      if (e.wording) wording(ctx, { ...subject, column: e.preceding ? "决算数与年初预算数" : "决算数与预算数" }, e.wording, e.budget, e.final, basis);
    }
    sanggongAgainstBudget(doc, ctx);
    operatingAgainstBudget(doc, ctx);
    itemsAgainstBudget(doc, ctx);
  },
};

/**
 * An item's 决算 X with its difference D from the budget, the budget unprinted (支出决算为 X 万元，比年初预算增加 D 万元，完成年初预算
 * 的 P%): the budget is X − D (增加) or X + D (减少), P is X ÷ that budget.
 */
function itemsAgainstBudget(doc: BudgetDocument, ctx: RuleContext) {
  for (const c of claimsOfKind(doc, "function-item")) {
    const ch = c.budgetChange;
    if (!ch?.amount || !c.completion || (ch.kind !== "increase" && ch.kind !== "decrease")) continue;
    const decrease = ch.kind === "decrease";
    const budget = c.amount.value.plus(decrease ? ch.amount.value : ch.amount.value.negated());
    if (!budget.isPositive()) continue;
    ctx.ratio({
      subject: { table: "text", item: c.names.join("-"), column: "完成预算%" },
      percent: c.completion,
      numerator: [{ amount: c.amount }],
      denominator: [{ amount: c.amount }, { amount: ch.amount, sign: decrease ? 1 : -1 }],
      relation: decrease ? { zh: "决算数 ÷ 预算数（决算数 + 减少额）", en: "the final figure ÷ the budget (the final figure + the decrease)" } : { zh: "决算数 ÷ 预算数（决算数 − 增加额）", en: "the final figure ÷ the budget (the final figure − the increase)" },
    });
  }
}

/**
 * 机关运行经费支出 X 万元，比年初预算数减少 D 万元，降低 P%: no table prints its budget, which is X + D (减少) or X − D (增加); P is
 * D ÷ that budget.
 */
function operatingAgainstBudget(doc: BudgetDocument, ctx: RuleContext) {
  for (const o of claimsOfKind(doc, "operating-cost")) {
    const ch = o.budgetChange;
    if (!ch?.amount || !ch.percent || (ch.kind !== "increase" && ch.kind !== "decrease")) continue;
    const decrease = ch.kind === "decrease";
    ctx.ratio({
      subject: { table: "text", item: "机关运行经费", column: decrease ? "比预算下降%" : "比预算增长%" },
      percent: ch.percent,
      numerator: [{ amount: ch.amount }],
      denominator: [{ amount: o.amount }, { amount: ch.amount, sign: decrease ? 1 : -1 }],
      relation: decrease ? { zh: "减少额 ÷ 预算数（决算数 + 减少额）", en: "the decrease ÷ the budget (the final figure + the decrease)" } : { zh: "增加额 ÷ 预算数（决算数 − 增加额）", en: "the increase ÷ the budget (the final figure − the increase)" },
    });
  }
}

/**
 * 决算数小于 / 大于 / 等于预算数 against the two figures it describes. Where the two print equal, 小于 / 大于 cannot be
 * judged from them (the amounts behind may differ below the printed digits) and is left alone; 基本持平 is not judged.
 */
function wording(ctx: RuleContext, subject: Subject, w: NonNullable<ClaimOf<"execution">["wording"]>, budget: Amount, final: Amount, basis: { zh: string; en: string }) {
  if (w.relation === "about-equal") return;
  const diff = final.value.minus(budget.value);
  // Beyond the printed figures' rounding (½ unit of the last digit each) for 等于.
  const unit = Math.max(final.decimals, budget.decimals);
  const beyond = diff.abs().gt(`1e-${unit}`);
  const actual = diff.isNegative() ? "less" : diff.isZero() ? "equal" : "more";
  const wrong = (w.relation === "less" && diff.isPositive() && !diff.isZero()) || (w.relation === "more" && diff.isNegative()) || (w.relation === "equal" && beyond);
  if (!wrong) return;
  const money = budget.printedIn ?? "万元";
  ctx.report({
    subject,
    location: w.location,
    related: [budget.location, final.location],
    // The wording is no figure: the report's `stated` holds decimals only (report.schema.json); it is quoted
    // in the message, the difference 决算 − 预算 is the arithmetic.
    stated: null,
    computed: decimalString(diff),
    difference: decimalString(diff),
    message: {
      zh: `文中称“${w.text}”，但${basis.zh} ${budget.text} ${money}、决算 ${final.text} ${money}：${WORD[actual].zh}`,
      en: `the text says “${w.text}” but ${basis.en} is ${budget.text} and the final figure ${final.text} (${money}): ${WORD[actual].en}`,
    },
  });
}

/**
 * A “三公” figure's 决算 against its budget as the text words it (…决算数小于预算数 · 比年初预算减少 X 万元，下降 P%): against
 * the 三公 table's 预算数 and 决算数 of it where the table prints both, else the 预算 and 决算 the text prints for it. The
 * change is 预算 − 决算 (减少) or 决算 − 预算 (增加), its percentage the change ÷ 预算.
 */
function sanggongAgainstBudget(doc: BudgetDocument, ctx: RuleContext) {
  const t7 = table(doc, "sanggong");
  const row = thisYearsRow(t7);
  // (The 三公's wording after a 年初预算 statement is the execution claim's, judged above.)
  const judged = claimsOfKind(doc, "execution").some((e) => e.scope === "sanggong" && e.wording);
  for (const c of claimsOfKind(doc, "sanggong-final")) {
    if (!c.wording && !c.budgetChange) continue;
    const printedBudget = amountOf(row, `budget-${c.component}`);
    const printedFinal = amountOf(row, c.component);
    const fromTable = !!(t7 && printedBudget && printedFinal);
    const budget = fromTable ? inUnit(printedBudget!, t7!.unit, "万元") : c.budget;
    const final = fromTable ? inUnit(printedFinal!, t7!.unit, "万元") : c.amount;
    if (!budget) continue;
    const where = fromTable ? { zh: `${tableName(t7!)} `, en: `${tableNameEn(t7)}'s ` } : { zh: "文中所列", en: "the text's " };
    const subject = { table: "text" as const, item: c.label };
    if (c.wording && !(c.component === "total" && judged))
      wording(ctx, { ...subject, column: "决算数与预算数" }, c.wording, budget, final, { zh: `${where.zh}预算数`, en: `${where.en}budget` });
    const ch = c.budgetChange;
    if (!ch || (ch.kind !== "increase" && ch.kind !== "decrease")) continue;
    const decrease = ch.kind === "decrease";
    // The percentage alone (比年初预算下降 P%): the change the two figures make, ÷ the budget.
    if (!ch.amount) {
      if (ch.percent && !budget.value.isZero())
        ctx.ratio({
          subject: { ...subject, column: decrease ? "比预算下降%" : "比预算增长%" },
          percent: ch.percent,
          numerator: decrease ? [{ amount: budget }, { amount: final, sign: -1 }] : [{ amount: final }, { amount: budget, sign: -1 }],
          denominator: [{ amount: budget }],
          relation: decrease ? { zh: `（预算数 − 决算数）÷ ${where.zh}预算数`, en: `(the budget − the final figure) ÷ ${where.en}budget` } : { zh: `（决算数 − 预算数）÷ ${where.zh}预算数`, en: `(the final figure − the budget) ÷ ${where.en}budget` },
        });
      continue;
    }
    ctx.sum({
      subject: { ...subject, column: decrease ? "比预算减少额" : "比预算增加额" },
      total: ch.amount,
      parts: decrease ? [{ amount: budget }, { amount: final, sign: -1 }] : [{ amount: final }, { amount: budget, sign: -1 }],
      relation: decrease ? { zh: `${where.zh}预算数 − 决算数`, en: `${where.en}budget − the final figure` } : { zh: `${where.zh}决算数 − 预算数`, en: `the final figure − ${where.en}budget` },
    });
    if (ch.percent && !budget.value.isZero())
      ctx.ratio({
        subject: { ...subject, column: decrease ? "比预算下降%" : "比预算增长%" },
        percent: ch.percent,
        numerator: [{ amount: ch.amount }],
        denominator: [{ amount: budget }],
        relation: { zh: `增减额 ÷ ${where.zh}预算数`, en: `the change ÷ ${where.en}budget` },
      });
  }
}
