import { claimsOfKind } from "../claims/index.js";
import { unitCore } from "../claims/match.js";
import type { SanggongClaim, SanggongFinalClaim } from "../claims/types.js";
import type { Rule, RuleContext } from "../engine/types.js";
import type { Amount } from "../model/amount.js";
import type { BudgetDocument } from "../model/document.js";
import { mapArray } from "../util/arrays.js";

const PLUS = (labels: string[]) => labels.join(" + ");
/** Why a composition's parts make its total, in a message. */
const COMPOSED = {
  shares: "the sum of the parts listed (their shares make 100%)",
  sanggong: "the sum of the “三公”'s components listed",
  "basic-project": "basic + project expenditure",
  basic: "personnel + public expenses (基本支出 is their sum)",
  units: "the sum of the units' figures listed",
  listed: "the sum of the parts it includes (包括)",
} as const;

function units(doc: BudgetDocument, ctx: RuleContext) {
  const budgets = claimsOfKind(doc, "unit-budget");
  const projects = claimsOfKind(doc, "project");
  for (const u of budgets) {
    if (u.components.length && u.complete)
      ctx.sum({
        subject: { table: "text", unit: u.unit, item: "单位预算" },
        total: u.amount,
        parts: mapArray(u.components, (c) => ({ amount: c.amount })),
        relation: { zh: PLUS(mapArray(u.components, (c) => c.label)), en: "the sum of its components" },
      });
    const project = u.components.find((c) => c.component === "project");
    const own = projects.filter((p) => unitCore(p.unit) === unitCore(u.unit));
    if (project && own.length)
      ctx.sum({
        subject: { table: "text", unit: u.unit, item: "项目支出" },
        total: project.amount,
        parts: mapArray(own, (p) => ({ amount: p.amount })),
        relation: { zh: "所列各项目预算之和", en: "the sum of the projects listed" },
      });
  }
  for (const c of claimsOfKind(doc, "unit-component")) {
    const u = budgets.find((b) => unitCore(b.unit) === unitCore(c.unit));
    const first = u?.components.find((x) => x.component === c.component);
    if (first) ctx.equal({ table: "text", unit: c.unit, item: c.label }, c.amount, first.amount, { zh: "单位预算段落所列数", en: "the figure in the unit's budget sentence" });
  }
  for (const p of projects) {
    if (p.items.length)
      ctx.sum({
        subject: { table: "text", unit: p.unit, item: p.name },
        total: p.amount,
        parts: mapArray(p.items, (i) => ({ amount: i.amount })),
        relation: { zh: "所列各分项之和", en: "the sum of its sub-items" },
      });
    for (const r of p.restated) ctx.equal({ table: "text", unit: p.unit, item: p.name }, r, p.amount, { zh: "项目标题所列预算", en: "the project's own amount" });
  }
  for (const d of claimsOfKind(doc, "department-total"))
    if (d.side === "expenditure" && budgets.length)
      ctx.sum({
        subject: { table: "text", item: "部门预算支出" },
        total: d.amount,
        parts: mapArray(budgets, (b) => ({ amount: b.amount })),
        relation: { zh: "各单位预算之和", en: "the sum of the unit budgets" },
      });
}

/** Where a figure is printed, as a key: the same figure read by two readers is one. */
const placeKey = (a: Amount) => `${a.location.file}:${a.location.line}:${a.location.column}`;

function sanggong(doc: BudgetDocument, ctx: RuleContext) {
  const all = claimsOfKind(doc, "sanggong");
  const first = new Map<string, SanggongClaim>();
  for (const s of all) {
    const f = first.get(s.component);
    if (!f) first.set(s.component, s);
    else ctx.equal({ table: "text", item: s.label }, s.amount, f.amount, { zh: "前文所列数", en: "the figure stated before" });
  }
  const sumOf = (total: string, parts: string[]) => {
    const t = first.get(total);
    const ps = mapArray(parts, (p) => first.get(p)).filter((p): p is SanggongClaim => !!p);
    if (t && ps.length === parts.length)
      ctx.sum({ subject: { table: "text", item: t.label }, total: t.amount, parts: mapArray(ps, (p) => ({ amount: p.amount })), relation: { zh: PLUS(mapArray(ps, (p) => p.label)), en: PLUS(parts) } });
  };
  sumOf("total", ["abroad", "reception", "vehicle"]);
  sumOf("vehicle", ["vehicle-purchase", "vehicle-operation"]);
  // A 决算's: the 三公's 决算 and its three components' (each the first stated).
  const final = new Map<string, SanggongFinalClaim>();
  for (const s of claimsOfKind(doc, "sanggong-final")) if (!final.has(s.component)) final.set(s.component, s);
  const total = final.get("total");
  const parts = mapArray(["abroad", "reception", "vehicle"], (k) => final.get(k)).filter((p): p is SanggongFinalClaim => !!p);
  if (total && parts.length === 3)
    ctx.sum({ subject: { table: "text", item: `${total.label} 决算` }, total: total.amount, parts: mapArray(parts, (p) => ({ amount: p.amount })), relation: { zh: PLUS(mapArray(parts, (p) => p.label)), en: "abroad + reception + vehicle" } });
  // 公务接待费's split: 国内 + 外事 = the 公务接待费 (each the first stated); the 国内 alone at most it, and the 外宾接待 it
  // includes (国内公务接待支出 a 万（含外宾接待支出 b 万元）) at most the 国内.
  const reception = claimsOfKind(doc, "sanggong-final").find((s) => s.component === "reception" && s.split);
  const split = reception?.split;
  if (reception && split) {
    const item = { table: "text" as const, item: reception.label };
    if (split.foreign && !split.foreignIncluded)
      ctx.sum({ subject: item, total: reception.amount, parts: [{ amount: split.domestic }, { amount: split.foreign }], relation: { zh: "国内公务接待支出 + 外事接待支出", en: "domestic + foreign receptions" } });
    else ctx.atMost({ subject: { ...item, column: "国内公务接待支出" }, part: split.domestic, whole: reception.amount, relation: { zh: reception.label, en: "the reception expenses" } });
    if (split.foreign && split.foreignIncluded)
      ctx.atMost({ subject: { ...item, column: "外宾接待支出" }, part: split.foreign, whole: split.domestic, relation: { zh: "国内公务接待支出（含外宾接待）", en: "the domestic receptions (foreign guests included)" } });
  }
  const counts = claimsOfKind(doc, "vehicle-count");
  for (const c of counts.slice(1)) ctx.equal({ table: "text", item: "公务用车保有量" }, c.count, counts[0].count, { zh: "前文所列数", en: "the figure stated before" });
  const held = claimsOfKind(doc, "assets").find((a) => a.item === "vehicles" && !a.planned);
  if (held && counts.length) ctx.equal({ table: "text", item: "国有资产 车辆" }, held.count, counts[0].count, { zh: "公务用车保有量", en: "the official vehicles held (公务用车保有量)" });
}

export const textSum: Rule = {
  id: "text-sum",
  defaultSeverity: "error",
  requires: { text: ["share", "composition", "procurement", "sanggong", "project-funds", "vehicle-split", "asset-split"] },
  description: "Text: components sum to the stated total (unit budgets, unit 项目支出 = its projects, project sub-items, 政府采购 split, 三公, 公务接待费 = 国内 + 外事接待, a project form's funding, 共有车辆 by category, 资产总额 by asset class), a figure stated twice is the same, and a share (占 P%) is the figure ÷ the total it is a share of (a 三公 component's, of the 三公).",
  descriptionZh: "文字部分：各组成部分之和等于所列合计（单位预算、项目支出与各项目、项目分项、政府采购分类、“三公”经费、公务接待费 = 国内公务接待 + 外事接待、项目绩效目标表的资金来源、按类别列示的车辆数、按类别列示的资产总额），同一数字前后表述一致，所列占比（占 P%）等于该数 ÷ 其所占的合计（“三公”各项为占“三公”经费的比例）。",
  check(doc, ctx) {
    units(doc, ctx);
    for (const p of claimsOfKind(doc, "procurement")) {
      if (p.components.length)
        ctx.sum({ subject: { table: "text", item: "政府采购" }, total: p.amount, parts: mapArray(p.components, (c) => ({ amount: c.amount })), relation: { zh: PLUS(mapArray(p.components, (c) => c.label)), en: "goods + works + services" } });
      // What is reserved for small and medium enterprises is part of the procurement, and the small and micro
      // enterprises' share part of that.
      if (p.reserved) {
        ctx.atMost({ subject: { table: "text", item: "面向中小企业预留" }, part: p.reserved.sme, whole: p.amount, relation: { zh: "政府采购预算", en: "the procurement budget" } });
        if (p.reserved.micro) ctx.atMost({ subject: { table: "text", item: "预留给小型和微型企业" }, part: p.reserved.micro, whole: p.reserved.sme, relation: { zh: "面向中小企业预留", en: "the part reserved for small and medium enterprises" } });
      }
      // A 决算's contracts awarded to small and medium enterprises, and of them to small and micro ones, alike.
      if (p.awarded) {
        ctx.atMost({ subject: { table: "text", item: "授予中小企业合同金额" }, part: p.awarded.sme, whole: p.amount, relation: { zh: "政府采购支出总额", en: "the procurement's total" } });
        if (p.awarded.micro) ctx.atMost({ subject: { table: "text", item: "授予小微企业合同金额" }, part: p.awarded.micro, whole: p.awarded.sme, relation: { zh: "授予中小企业合同金额", en: "the contracts awarded to small and medium enterprises" } });
      }
    }
    sanggong(doc, ctx);
    // 共有车辆 N 辆，其中：… (and 购置车辆): the categories add up to the count.
    for (const v of claimsOfKind(doc, "vehicle-split"))
      ctx.sum({
        subject: { table: "text", item: v.planned ? "购置车辆" : "共有车辆" },
        total: v.count,
        parts: mapArray(v.parts, (x) => ({ amount: x.count })),
        relation: { zh: PLUS(mapArray(v.parts, (x) => x.label)), en: "the sum of the categories" },
      });
    // 资产总额 X 万元，其中：流动资产 a 万元，…: classes that are all of it (the list ends with 其他) add up to it; some
    // of them, at most it.
    for (const a of claimsOfKind(doc, "asset-split")) {
      const identity = {
        subject: { table: "text", item: a.label },
        total: a.total,
        parts: mapArray(a.parts, (x) => ({ amount: x.amount })),
        relation: a.whole
          ? { zh: PLUS(mapArray(a.parts, (x) => x.label)), en: "the sum of the asset classes listed" }
          : { zh: `所列资产类别之和（${PLUS(mapArray(a.parts, (x) => x.label))}）`, en: "the sum of the asset classes listed (some of them: no 其他)" },
      } as const;
      if (a.whole) ctx.sum(identity);
      else ctx.atLeast(identity);
    }
    // A project's performance form: each funding total is the sum of its sources (项目资金总额 = 财政资金 + 其他资金 …).
    for (const f of claimsOfKind(doc, "project-funds"))
      ctx.sum({
        subject: { table: "text", item: f.project ? `${f.project} ${f.label}` : f.label },
        total: f.total,
        parts: mapArray(f.parts, (x) => ({ amount: x.amount })),
        relation: { zh: `绩效目标表 ${PLUS(mapArray(f.parts, (x) => x.label))}`, en: `the performance form's ${PLUS(mapArray(f.parts, (x) => x.label))}` },
      });
    // …总计 X，其中 A a，占 p%；B b，占 q% with shares that make 100%, or a 三公 total listing its three components:
    // the parts add up to the total (generic.ts). A 三公 total the 三公 statements above already sum is not summed again.
    // 基本支出 and 项目支出 under the 一般公共预算's spending are its whole too; the 财政拨款's funds under its 收支总预算 are
    // some or all of it (a fund's figure may hold its 上年结转 or not): at most it.
    // (The vehicles' 购置及运行费 too, which the 三公 statements sum of its 购置费 and 运行费.)
    const summed = new Set(mapArray(claimsOfKind(doc, "sanggong").filter((s) => s.component === "total" || s.component === "vehicle"), (s) => placeKey(s.amount)));
    for (const c of claimsOfKind(doc, "composition")) {
      if (c.whole === "sanggong" && summed.has(placeKey(c.total))) continue;
      const identity = {
        subject: { table: "text", item: c.label },
        total: c.total,
        parts: mapArray(c.parts, (x) => ({ amount: x.amount })),
        relation:
          c.whole === "funds"
            ? { zh: `所列各项资金之和（${PLUS(mapArray(c.parts, (x) => x.label))}）`, en: "the sum of the funds listed (some or all of it)" }
            : c.whole === "some"
              ? { zh: `所列各项之和（${PLUS(mapArray(c.parts, (x) => x.label))}，部分列示）`, en: "the sum of the parts listed (some of it)" }
              : { zh: PLUS(mapArray(c.parts, (x) => x.label)), en: COMPOSED[c.whole] },
      } as const;
      if (c.whole === "funds" || c.whole === "some") ctx.atLeast(identity);
      else ctx.sum(identity);
    }
    // 占 P%: a figure's share of the total the text states for it (a 决算's 情况说明, and any part's 其中 list).
    // A total the text never prints is the sum of the list's parts (their shares make 100%).
    for (const c of claimsOfKind(doc, "share"))
      if (c.baseParts || (c.base && !c.base.value.isZero()))
        ctx.ratio({
          subject: { table: "text", item: c.label, column: "占比" },
          percent: c.percent,
          numerator: [{ amount: c.amount }],
          denominator: c.baseParts ? mapArray(c.baseParts, (amount) => ({ amount })) : [{ amount: c.base! }],
          relation: c.balanced
            ? { zh: `${c.label} ÷ ${c.baseLabel}（各项占比合计 100%，允许尾差调整）`, en: `${c.label} ÷ ${c.baseLabel} (shares printed to add up to 100%, balancing allowed)` }
            : { zh: `${c.label} ÷ ${c.baseLabel}`, en: `${c.label} ÷ ${c.baseLabel}` },
          balanced: c.balanced,
        });
  },
};
