import { claimsOf, claimsOfKind } from "../claims/index.js";
import { matchProject, unitCore } from "../claims/match.js";
import type { ProjectClaim, SanggongComponent, UnitComponent } from "../claims/types.js";
import type { Msg, Rule, RuleContext, Subject } from "../engine/types.js";
import { decimalString, makeCount, type Amount } from "../model/amount.js";
import { amountOf, table, type BudgetDocument, type Row, type TableId } from "../model/document.js";
import { departmentRow, unitBlocks } from "../model/queries.js";

const terms = (as: (Amount | null)[]) => as.filter((a): a is Amount => !!a).map((amount) => ({ amount }));

/** The unit rows of a classified table (表3, 表7, 表8), by unit. */
function unitRow(doc: BudgetDocument, id: TableId, unit: string): { row: Row; codes: Row[] } | null {
  const t = table(doc, id);
  if (!t) return null;
  const u = unitBlocks(t).units.find((b) => b.row.unit && unitCore(b.row.unit) === unitCore(unit));
  return u ? { row: u.row, codes: u.codes } : null;
}

/** Where each component of a unit's budget sentence is found in the tables. */
const COMPONENT_SOURCE: Record<UnitComponent, { table: TableId; code: string | null; key: string; zh: string; en: string }> = {
  personnel: { table: "T8", code: "301", key: "total", zh: "表8 301 工资福利支出", en: "T8 301 wages and benefits" },
  public: { table: "T8", code: "302", key: "basic", zh: "表8 302 商品和服务支出（基本支出）", en: "T8 302 goods and services (basic)" },
  individual: { table: "T8", code: "303", key: "total", zh: "表8 303 对个人和家庭的补助", en: "T8 303 subsidies to individuals and households" },
  project: { table: "T7", code: null, key: "project", zh: "表7 项目支出", en: "T7 project expenditure" },
};

function component(doc: BudgetDocument, ctx: RuleContext, unit: string, c: UnitComponent, label: string, amount: Amount) {
  const src = COMPONENT_SOURCE[c];
  const u = unitRow(doc, src.table, unit);
  if (!u) return;
  const row = src.code ? u.codes.find((r) => r.code === src.code) : u.row;
  const b = amountOf(row, src.key);
  if (b) ctx.equal({ table: "text", unit, item: label }, amount, b, { zh: src.zh, en: src.en });
  else if (src.code && row === undefined && !amount.value.isZero())
    ctx.report({ subject: { table: "text", unit, item: label }, location: amount.location, related: [u.row.location], stated: decimalString(amount.value), computed: "0", message: { zh: `${src.zh} 在该单位无此科目（按 0），文中为 ${amount.text}`, en: `${src.en}: the unit has no such code (0), the text says ${amount.text}` } });
}

function units(doc: BudgetDocument, ctx: RuleContext) {
  for (const u of claimsOfKind(doc, "unit-budget")) {
    for (const id of ["T3", "T7"] as const) {
      const r = unitRow(doc, id, u.unit);
      const b = amountOf(r?.row, "total");
      if (b) ctx.equal({ table: "text", unit: u.unit, item: "单位预算" }, u.amount, b, { zh: `表${id.slice(1)} 单位支出总计`, en: `${id} unit total` });
    }
    for (const c of u.components) component(doc, ctx, u.unit, c.component, c.label, c.amount);
  }
  for (const c of claimsOfKind(doc, "unit-component")) component(doc, ctx, c.unit, c.component, c.label, c.amount);
}

function department(doc: BudgetDocument, ctx: RuleContext) {
  const t1 = table(doc, "T1");
  for (const d of claimsOfKind(doc, "department-total")) {
    const role = d.side === "income" ? "income-total" : "expenditure-total";
    const row = t1?.rows.find((r) => r.role === role);
    const b = amountOf(row, "amount") ?? (d.side === "expenditure" ? amountOf(departmentRow(table(doc, "T7")), "total") : null);
    if (b) ctx.equal({ table: "text", item: d.side === "income" ? "部门预算收入" : "部门预算支出" }, d.amount, b, d.side === "income" ? { zh: "表1 收入总计", en: "T1 total income" } : { zh: "表1 支出总计", en: "T1 total expenditure" });
  }
}

/** Σ over the units of a classified table's column, or its department row when printed. */
function departmentSum(doc: BudgetDocument, id: TableId, key: string): Amount[] {
  const t = table(doc, id);
  if (!t) return [];
  const { department, units } = unitBlocks(t);
  const d = amountOf(department, key);
  return d ? [d] : units.map((u) => amountOf(u.row, key)).filter((a): a is Amount => !!a);
}

function procurement(doc: BudgetDocument, ctx: RuleContext) {
  for (const p of claimsOfKind(doc, "procurement")) {
    const parts = departmentSum(doc, "T3", "proc-total");
    if (parts.length) ctx.sum({ subject: { table: "text", item: "政府采购" }, total: p.amount, parts: terms(parts), relation: { zh: "表3 政府采购小计", en: "T3 government procurement subtotal" } });
  }
}

function sanggong(doc: BudgetDocument, ctx: RuleContext) {
  const t9 = table(doc, "T9");
  if (!t9) return;
  const rows = (role: string) => t9.rows.filter((r) => r.role === role);
  for (const s of claimsOfKind(doc, "sanggong")) {
    const key: SanggongComponent = s.component; // 表9's column keys are the component names
    const subject: Subject = { table: "text", item: s.label };
    const cur = rows("current-year").map((r) => amountOf(r, key));
    if (cur.length) ctx.sum({ subject, total: s.amount, parts: terms(cur), relation: { zh: `表9 本年${s.label}合计`, en: `T9 this year's ${key}, all units` } });
    const c = s.change;
    if (c && c.amount && (c.kind === "increase" || c.kind === "decrease")) {
      const chg = rows("change").map((r) => amountOf(r, key)).filter((a): a is Amount => !!a);
      if (chg.length)
        ctx.sum({
          subject: { ...subject, column: "增减变化金额" },
          total: c.amount,
          parts: chg.map((amount) => ({ amount, sign: c.kind === "decrease" ? -1 : 1 })),
          relation: { zh: `表9 增减变化金额合计${c.kind === "decrease" ? "（取反）" : ""}`, en: `T9 change, all units${c.kind === "decrease" ? " (negated)" : ""}` },
        });
    }
  }
}

/** 机关运行经费 is the 本级 (administrative) unit's 302 basic expenditure. */
function operatingCost(doc: BudgetDocument, ctx: RuleContext) {
  const t8 = table(doc, "T8");
  if (!t8) return;
  const blocks = unitBlocks(t8).units;
  const own = blocks.find((b) => b.row.unit?.includes("本级")) ?? blocks[0];
  if (!own?.row.unit) return;
  const staffing = claimsOfKind(doc, "staffing").find((s) => s.unit && unitCore(s.unit) === unitCore(own.row.unit!));
  if (staffing?.counts.admin?.value.isZero()) return; // not an administrative unit
  const b = amountOf(own.codes.find((r) => r.code === "302"), "basic");
  for (const o of claimsOfKind(doc, "operating-cost"))
    if (b) ctx.equal({ table: "text", unit: own.row.unit, item: "机关运行经费" }, o.amount, b, { zh: "表8 本级 302 商品和服务支出（基本支出）", en: "T8 302 goods and services (basic) of the department's own unit" });
}

function projects(doc: BudgetDocument, ctx: RuleContext) {
  const list = claimsOfKind(doc, "project");
  if (!list.length) return;
  const compare = (p: ProjectClaim | null, other: Amount, what: Msg) => {
    if (p) ctx.equal({ table: "text", unit: p.unit, item: p.name }, p.amount, other, what);
  };
  // 第七部分's row is the stated figure (reported at its line), 第三部分's project what it should be.
  for (const k of claimsOfKind(doc, "key-project")) {
    const p = matchProject(list, k.name, k.amount);
    if (p) ctx.equal({ table: "text", unit: p.unit, item: k.name, column: "第七部分 预算数" }, k.amount, p.amount, { zh: `第三部分「${p.name}」预算`, en: `the project "${p.name}" in part 3` });
  }
  const t12 = table(doc, "T12");
  for (const r of t12?.rows ?? []) {
    if (r.role !== "task" || !r.name) continue;
    const a = amountOf(r, "total");
    if (a) compare(matchProject(list, r.name, a), a, { zh: `表12「${r.name}」`, en: `T12 "${r.name}"` });
  }
}

function performance(doc: BudgetDocument, ctx: RuleContext) {
  const keyRows = claimsOfKind(doc, "key-project");
  const t12 = table(doc, "T12");
  const tasks = t12?.rows.filter((r) => r.role === "task") ?? [];
  for (const p of claimsOfKind(doc, "performance")) {
    const project = departmentSum(doc, "T7", "project");
    if (p.amount && project.length) ctx.sum({ subject: { table: "text", item: "绩效 涉及预算资金" }, total: p.amount, parts: terms(project), relation: { zh: "表7 项目支出合计", en: "T7 total project expenditure" } });
    if (!p.goals) continue;
    const goals = p.goals;
    const count = (n: number, what: Msg) => ctx.equal({ table: "text", item: "项目绩效目标个数" }, goals, makeCount(String(n), goals.location)!, what);
    if (keyRows.length) count(keyRows.length, { zh: "第七部分所列项目数", en: "the projects listed in part 7" });
    if (tasks.length) count(tasks.length, { zh: "表12 项目任务数（基本支出以外）", en: "the T12 tasks besides basic expenditure" });
  }
}

function baseUnits(doc: BudgetDocument, ctx: RuleContext) {
  const t = table(doc, "T3") ?? table(doc, "T7");
  if (!t) return;
  const n = unitBlocks(t).units.length;
  if (n) for (const b of claimsOfKind(doc, "base-units")) ctx.equal({ table: "text", item: "基层单位" }, b.count, makeCount(String(n), b.count.location)!, { zh: `表${t.id.slice(1)} 预算单位数`, en: `the budget units of ${t.id}` });
}

export const textVsTable: Rule = {
  id: "text-vs-table",
  defaultSeverity: "error",
  description: "Text: each figure the text states equals the table figure it describes (totals vs 表1/表3/表7, 人员/公用/对个人和家庭 vs 表8, 三公 vs 表9, 采购 vs 表3, 机关运行经费, projects vs 第七部分 and 表12, 绩效, 基层单位).",
  descriptionZh: "文字部分所列数字与其对应表格数字一致（总额与表1/表3/表7、人员/公用/对个人和家庭补助与表8、“三公”与表9、采购与表3、机关运行经费、项目与第七部分及表12、绩效资金与项目数、基层单位数）。",
  check(doc, ctx) {
    if (!claimsOf(doc).claims.length) return;
    department(doc, ctx);
    units(doc, ctx);
    procurement(doc, ctx);
    sanggong(doc, ctx);
    operatingCost(doc, ctx);
    projects(doc, ctx);
    performance(doc, ctx);
    baseUnits(doc, ctx);
  },
};
