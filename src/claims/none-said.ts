import { makeCount } from "../model/amount.js";
import { mapArray } from "../util/arrays.js";
import { paragraphsOf, type Para } from "./para.js";
import type { JoinedText } from "./text.js";
import type { Claim, TableFigure } from "./types.js";

/**
 * A 0 said in words, at its 无: exact (no rounding: 无 is no 0.004 rounded down), with the places of a money figure
 * printed to the cent, 0.00, so that a value the tables print (47.91) is one it could have been instead: the diagnosis
 * names the sentence where it, not the tables, is what is wrong (万里街道 2024's note 无“三公”经费 over a table of 47.91).
 * A 0 with no places could only become a whole number, and no single change explained the note's two findings.
 */
function saidZero(at: Parameters<typeof makeCount>[1]) {
  return makeCount("0.00", at);
}

/**
 * A fund the department has none of this year, said in words, as nearly every disclosure says it of the funds it has no
 * money from: 本部门无政府性基金预算支出、国有资本经营预算支出预算 (深圳) · 注：本部门2025年无政府性基金预算财政拨款安排的预算，故本表
 * 为空表 (上海) · 2024年度无政府性基金预算财政拨款收入和支出 (a 决算) · 收入全部为一般公共预算拨款（无政府性基金及国有资本经营预算
 * 拨款收入） · 省检察院无政府性基金预算相关收支项目. Each figure it names is an exact 0, stated at its 无: the fund's 本年 income in
 * the 财政拨款收支总表 (allocation-…-income) where it names 收入 (or 收支), the fund's table's 合计 (…-expenditure) where it names
 * 支出, 预算 or 收支. A copied sentence a department forgot to change, beside a fund table that prints figures, is then a
 * finding of text-vs-table, as any other figure the text states is.
 *
 * Not read so: a clause about what the fund pays for (无政府性基金预算安排的“三公”经费), a condition or an instruction (无政府性
 * 基金预算财政拨款收入支出的，仍保留该表格式 · …的部门，作下述说明 · 如无…), another year's (2024年无… in a 2025 budget), or another
 * unit's (a unit the tables print, named before the 无, that is not the department).
 */
const FUND_NONE = /(?<neg>无|没有|未安排)\s*(?=政府性基金|国有资本经营)(?<clause>[^,;:。()]{1,40})/g;

/** A clause about what the fund pays for, not the fund's own figures (…安排的“三公”经费, …安排的项目). */
const ABOUT_ELSE = /三公|会议|培训|运行经费|(?<!收支)项目|绩效|采购|资产|车辆/;
/** A condition or an instruction before the 无 (如无…, 对于…): no statement of this department. */
const CONDITION = /^(?:如|若|如果|对于|凡)|XX|××/;
/** A fund named with nothing after it but what it is (政府性基金预算财政拨款): its income and its spending both. */
const BARE_FUND = /^(?:政府性基金|国有资本经营)(?:预算)?(?:财政)?(?:拨款)?(?:资金)?$/;

/** What the document says it is: its stage, year, department, and the units its tables print besides the department. */
export interface NoneContext {
  stage: "budget" | "final";
  year: number | null;
  department: string | null;
  otherUnits: string[];
}

/**
 * Whether a match of a 无 (at `m.index`, its clause in group `clause`) states this department's this year: not a relative
 * clause (无…收入支出的，仍保留该表格式 · 无…的部门), a condition or an instruction (如无…, the template's XX), another year's, or
 * a unit's the tables print other than the department's own.
 */
function ofThisDepartment(p: Para, m: RegExpMatchArray, ctx: NoneContext): boolean {
  const clause = m.groups!.clause.replace(/\s+/g, "");
  if (/的$|的(?:部门|单位)/.test(clause)) return false;
  const clauseStart = Math.max(...mapArray([",", ";", ":", "。", "(", ")"], (c) => p.text.lastIndexOf(c, m.index! - 1))) + 1;
  const subject = p.text.slice(clauseStart, m.index).replace(/\s+/g, "");
  if (CONDITION.test(subject)) return false;
  // (Another year's: 2024年无… in a 2025 budget, beside this year's figure.)
  if ([...subject.matchAll(/(20\d\d)年/g)].some((y) => ctx.year !== null && Number(y[1]) !== ctx.year)) return false;
  return !(ctx.otherUnits.some((u) => subject.includes(u)) && !(ctx.department && subject.includes(ctx.department)));
}

/** What a part (or a table's notes) says the department has none of: a fund's figures, the “三公”. */
export function noneSaid(j: JoinedText, out: Claim[], ctx: NoneContext): void {
  for (const p of paragraphsOf(j)) {
    if (!/无|没有|未安排/.test(p.text)) continue;
    if (/政府性基金|国有资本经营/.test(p.text)) fundsNone(p, out, ctx);
    if (/三公/.test(p.text)) sanggongNone(p, out, ctx);
  }
}

/**
 * The “三公” said to be none this year: 2024年度无“三公”经费财政拨款支出 (a 决算) · 注：本部门2024年无“三公”经费和机关运行经费预算，
 * 故本表为空表 (上海's 预算, under its 三公 table) · 本单位2025年无“三公”经费预算. Its total is an exact 0 at the 无: in a 预算 the
 * 三公 table's 本年预算数 (a sanggong claim), in a 决算 its 决算数 (sanggong-final), as a figure stated for it would be. Not a fund's
 * own 三公 (无政府性基金预算安排的“三公”经费 names the fund first, and is no match), nor a component's.
 */
const SANGGONG_NONE = /(?<neg>无|没有|未安排)\s*(?:使用)?\s*(?:财政拨款|一般公共预算(?:财政拨款)?)?\s*(?:安排的)?\s*(?<clause>["“”]?\s*三\s*公\s*["“”]?\s*经\s*费[^,;:。()]{0,24})/g;

function sanggongNone(p: Para, out: Claim[], ctx: NoneContext): void {
  for (const m of p.text.matchAll(SANGGONG_NONE)) {
    if (!ofThisDepartment(p, m, ctx)) continue;
    // (三公经费以外的… · …三公经费的比例: something else.)
    if (/以外|之外|比例|比重/.test(m.groups!.clause)) continue;
    const zero = saidZero(p.j.at(p.start + m.index));
    if (!zero) continue;
    const label = "“三公”经费（无）";
    if (ctx.stage === "final") out.push({ kind: "sanggong-final", component: "total", label, amount: zero, completion: null });
    else out.push({ kind: "sanggong", component: "total", label, amount: zero, change: null });
  }
}

function fundsNone(p: Para, out: Claim[], ctx: NoneContext): void {
  for (const m of p.text.matchAll(FUND_NONE)) {
    const clause = m.groups!.clause.replace(/\s+/g, "");
    // (A clause of something the fund pays for.)
    if (ABOUT_ELSE.test(clause) || !ofThisDepartment(p, m, ctx)) continue;
    const zero = saidZero(p.j.at(p.start + m.index));
    if (!zero) continue;
    // Its items (A收入、支出及结转结余 · A支出、B支出预算 · A及B拨款收入): each names a fund or goes on with the last one named, and
    // says what of it there is none of; a fund named bare before another's (A及B拨款收入) takes what the next one says.
    const items = mapArray(clause.split(/、|及|和|与|或/), (text) => ({
      fund: /政府性基金/.test(text) ? ("gov-fund" as const) : /国有资本经营/.test(text) ? ("state-capital" as const) : null,
      text,
    }));
    const said = new Map<"gov-fund" | "state-capital", { income: boolean; spending: boolean }>();
    let fund: "gov-fund" | "state-capital" | null = null;
    let waiting: ("gov-fund" | "state-capital")[] = [];
    for (let k = 0; k < items.length; k++) {
      const it = items[k];
      if (it.fund) fund = it.fund;
      if (!fund) continue;
      const rest = it.text.replace(/^.*?(?:政府性基金|国有资本经营)(?:预算)?/, "");
      const income = /收入|收支/.test(rest);
      const spending = /支出|收支|预算$|安排/.test(rest);
      const bare = it.fund !== null && BARE_FUND.test(it.text);
      if (bare && k < items.length - 1 && items[k + 1].fund) {
        waiting.push(fund);
        continue;
      }
      const what = bare ? { income: true, spending: true } : { income, spending };
      if (!what.income && !what.spending) continue;
      for (const f of [...waiting, fund]) {
        const was = said.get(f) ?? { income: false, spending: false };
        said.set(f, { income: was.income || what.income, spending: was.spending || what.spending });
      }
      waiting = [];
    }
    for (const [f, what] of said) {
      const name = f === "gov-fund" ? "政府性基金预算" : "国有资本经营预算";
      const figures: [TableFigure, string][] = [];
      if (what.income) figures.push([`allocation-${f}-income`, `${name}拨款收入（无）`]);
      if (what.spending) figures.push([`${f}-expenditure`, `${name}拨款支出（无）`]);
      for (const [figure, label] of figures) out.push({ kind: "table-figure", figure, label, amount: zero, change: null });
    }
  }
}
