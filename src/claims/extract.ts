import { makeAmount, makeCount, type Amount } from "../model/amount.js";
import type { BudgetDocument, TextPart } from "../model/document.js";
import { normaliseName } from "../model/names.js";
import { joinPart, type JoinedText } from "./text.js";
import { finalNotes } from "./final.js";
import { genericNotes } from "./generic.js";
import { noneSaid } from "./none-said.js";
import { sanggongOnFinal } from "./sanggong-on-final.js";
import { assetSplits, headcountSplits } from "./splits.js";
import { vehicleSplits } from "./vehicles.js";
import { projectFunds } from "./project-funds.js";
import { staffing } from "./staffing.js";
import { ABROAD, fundsOwnSanggong, OFFICIAL_CAR, Para, paragraphsOf, PERCENT_AFTER, re } from "./para.js";
import type { Change, Claim, Claims, Paragraph, ProcurementClaim, SanggongComponent, TableFigure, UnitComponent } from "./types.js";
import { mapArray } from "../util/arrays.js";
import { templateByName } from "../templates/index.js";

/**
 * The year compared with: 2022年 (its number kept), 2022年度, 上年, 上一年度; with a short note in brackets after it
 * (比2022年（上一年度，下同）预算增加…, 万里街道 2023).
 */
const LAST_YEAR = String.raw`(?:(?<year>20\d\d)\s*年度?|上一?年度?)(?:\s*\([^()]{1,12}\))?`;
const INC_DEC = re(String.raw`(?:较|比)\s*${LAST_YEAR}(?:预算数?)?\s*(?<dir>增加|减少|增长|下降)\s*(?<amount>NUM)\s*万元(?:${PERCENT_AFTER})?`);
/** The percentage first, then the change: 比上年增长 11.11%，增加 10 万元. */
const INC_DEC_PERCENT_FIRST = re(String.raw`(?:较|比)\s*${LAST_YEAR}(?:预算数?)?\s*(?:同比)?(?<pdir>增长|上升|下降|降低)\s*了?\s*(?<pct>NUM)\s*%\s*[,(]\s*(?<dir>增加|减少)\s*了?\s*(?<amount>NUM)\s*万元`);
const SAME = re(String.raw`(?:与|比|较)\s*${LAST_YEAR}(?:预算数?)?\s*持平`);
const NEW = re(String.raw`新增(?:预算)?\s*(?<amount>NUM)\s*万元(?:\s*,\s*(?<pdir>增幅|增长)\s*(?<pct>NUM)\s*%)?`);

/** The patterns of a year-on-year statement, their kind, and the word each needs (null: 较 or 比, which INC_DEC's two begin with). */
const CHANGES = [
  [INC_DEC, null, null],
  [INC_DEC_PERCENT_FIRST, null, null],
  [SAME, "same", "持平"],
  [NEW, "new", "新增"],
] as const;

/** The first year-on-year statement in `p.text` from `from` to `to`, with where it starts. */
function findChange(p: Para, from: number, to = p.text.length): { change: Change; index: number } | null {
  const slice = p.text.slice(from, to);
  let best: { m: RegExpExecArray; kind: Change["kind"] } | null = null;
  // (Each pattern only where the word it cannot match without is printed: most slices hold none of them, and the four
  // patterns tried from every character of each were ~0.8% of a warm document's CPU.)
  const compared = slice.includes("较") || slice.includes("比");
  for (const [rx, kind, needs] of CHANGES) {
    if (needs === null ? !compared : !slice.includes(needs)) continue;
    const m = rx.exec(slice);
    if (m && (!best || m.index < best.m.index)) best = { m, kind: kind ?? (/增/.test(m.groups!.dir) ? "increase" : "decrease") };
  }
  if (!best) return null;
  const { m, kind } = best;
  const pdir = m.groups?.pdir;
  return {
    index: from + m.index,
    change: {
      kind,
      amount: p.amount(m, "amount", from),
      percent: p.amount(m, "pct", from),
      percentDirection: pdir ? (/增|升/.test(pdir) ? "increase" : "decrease") : null,
      year: m.groups?.year ? Number(m.groups.year) : null,
      location: p.j.at(p.start + from + m.index),
    },
  };
}

/** The change stated in the same sentence after a figure (…15 万元，比 2022 年预算增加 0 万元，增长 0%). */
function changeAfter(p: Para, from: number): Change | null {
  return findChange(p, from, from + p.sentence(from).length)?.change ?? null;
}


const COMPONENT_WORDS: [RegExp, UnitComponent][] = [
  [/^人员/, "personnel"],
  [/^公用/, "public"],
  [/^对个人和家庭/, "individual"],
  [/^项目/, "project"],
];
const componentOf = (label: string) => COMPONENT_WORDS.find(([rx]) => rx.test(label))![1];
/**
 * A component by either of its names: 人员支出 or 人员经费, 公用支出 or 公用经费, 对个人和家庭的补助(支出), 项目支出 or
 * 项目经费, its figure right after it or after 预算 / 为.
 */
const COMPONENT = String.raw`(?<label>人员\s*:?\s*(?:支出|经费)|公用(?:支出|经费)|对个人和家庭的?补助(?:支出)?|项目(?:支出|经费))\s*(?:预算)?\s*(?:数)?\s*(?:为|是)?\s*(?<amount>NUM)\s*万元`;
/** Every component of a unit's budget (matchAll works on a copy: its lastIndex stays 0). */
const COMPONENTS = re(COMPONENT, "g");
const UNIT_BUDGET = re(String.raw`^(?:#+\s*)?(?<unit>[^\d\s#(][^,。]*?)预算\s*(?:为|是)?\s*(?<amount>NUM)\s*万元\s*,\s*(?:包括|其中)`);
/** The year and 部门 or 单位 a unit's name may carry before 预算 (深圳市科学馆 2023 年部门预算 …): not the unit's name. */
const UNIT_NAME_TAIL = /\s*(?:\d{4}\s*年度?)?\s*(?:部门|单位)?\s*$/;
const UNIT_COMPONENT = re(String.raw`^\((?:一|二|三|四)\)\s*` + COMPONENT);
/**
 * A project's paragraph: `1. 综合管理预算 5 万元` · `1、…预算数为 5 万元` · `(1) 综合管理：预算 5 万元` · `1. 综合管理项目 5 万元`
 * (a name ending in 项目, its figure right after it).
 */
const PROJECT = re(String.raw`^(?:(?<n>\d+)\s*[.、]|\(\s*(?<n2>\d+)\s*\))\s*(?<name>.+?)(?:[,:]?\s*预算(?:数)?|(?<=项目))\s*(?:为|是)?\s*(?<amount>NUM)\s*万元`);
const ITEM = re(String.raw`(?<amount>NUM)\s*万元`, "g");
/** A unit's heading: `### 一、深圳市科学馆`, or the same line printed plain (a short line without punctuation or figures). */
const UNIT_HEADING = /^(?:#+\s*)?(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))\s*([^,。;:\d]{2,30}?)\s*$/;

/** 第三部分: unit budgets with their components, restated components, projects with sub-items and changes. */
function expenditure(j: JoinedText, out: Claim[]) {
  let unit: string | null = null;
  for (const p of paragraphsOf(j)) {
    const heading = UNIT_HEADING.exec(p.text);
    if (heading) {
      unit = heading[1].replace(/\*/g, "");
      continue;
    }
    // UNIT_BUDGET, UNIT_COMPONENT and PROJECT each end in a figure in 元 (万元, or 元 read as 万元): a paragraph that
    // prints no 元 is none of them, found by one plain test (PROJECT's name ran to the end of every numbered one).
    if (!p.text.includes("元")) continue;
    let m = UNIT_BUDGET.exec(p.text);
    if (m) {
      unit = m.groups!.unit.replace(UNIT_NAME_TAIL, "").trim() || m.groups!.unit.trim();
      const components = [];
      // The list runs from 包括 / 其中 to the sentence's end: every figure in 万元 there is one of the parts.
      const listStart = m.index + m[0].length;
      const list = p.sentence(listStart);
      for (const c of list.matchAll(COMPONENTS)) {
        const amount = p.amount(c, "amount", listStart);
        if (amount) components.push({ component: componentOf(c.groups!.label), label: c.groups!.label.replace(/[\s:]/g, ""), amount });
      }
      const listed = [...list.matchAll(ITEM)].length;
      out.push({ kind: "unit-budget", unit, amount: p.amount(m, "amount")!, components, complete: listed === components.length });
      continue;
    }
    m = UNIT_COMPONENT.exec(p.text);
    if (m && unit) {
      out.push({ kind: "unit-component", unit, component: componentOf(m.groups!.label), label: m.groups!.label, amount: p.amount(m, "amount")! });
      continue;
    }
    m = PROJECT.exec(p.text);
    if (m && unit) {
      const name = m.groups!.name.trim();
      const headerEnd = m.index + m[0].length;
      const found = findChange(p, headerEnd);
      const end = found ? found.index : p.text.length;
      const items: { label: string; amount: Amount }[] = [];
      const restated: Amount[] = [];
      const region = p.text.slice(headerEnd, end);
      const own = normaliseName(`${name}预算`);
      // The pattern's own exec from the region's start, not matchAll, which copies the pattern for every project
      // (nothing in the loop runs ITEM; a match holds a figure, never empty).
      ITEM.lastIndex = 0;
      for (let it = ITEM.exec(region); it; it = ITEM.exec(region)) {
        const amount = p.amount(it, "amount", headerEnd);
        if (!amount) continue;
        // The label: what is printed since the last , ; : or 。 before the figure (searched back from it,
        // not in a copy of the text before it: a paragraph of many items cost its length squared).
        const at = it.index;
        const cut = at === 0 ? -1 : Math.max(region.lastIndexOf(",", at - 1), region.lastIndexOf(";", at - 1), region.lastIndexOf(":", at - 1), region.lastIndexOf("。", at - 1));
        const label = region.slice(cut + 1, at).replace(/^\s*(主要包括|其中|用于)\s*/, "").trim();
        if (normaliseName(label) === own) restated.push(amount);
        else items.push({ label, amount });
      }
      out.push({ kind: "project", unit, number: Number(m.groups!.n ?? m.groups!.n2), name, amount: p.amount(m, "amount")!, restated, items, change: found?.change ?? null });
    }
  }
}

/** 部门预算收入 N 万元 · 部门预算支出总额为 N 万元 · 本部门 2023 年收入预算 N 万元. */
const DEPARTMENT = re(String.raw`部门\s*(?:20\d\d\s*年度?\s*)?(?:预算)?(?<side>收入|支出)(?:预算)?(?:总额|合计|总计)?\s*(?:为|是)?\s*(?<amount>NUM)\s*万元`, "g");
/** Both sides at once: 部门预算收支总额均为 N 万元 · 部门收支预算均为 N 万元. */
const DEPARTMENT_BOTH = re(String.raw`部门\s*(?:20\d\d\s*年度?\s*)?(?:预算)?收\s*、?\s*支(?:预算)?(?:总额|合计|总计)?\s*均\s*(?:为|是)?\s*(?<amount>NUM)\s*万元`, "g");
/** The other side in the next clause, its 部门 left unsaid: …收入预算 N 万元，比上年…；支出预算 N 万元. */
const OTHER_SIDE = re(String.raw`^[^。]*?[;。]\s*(?:20\d\d\s*年度?\s*)?(?:预算)?(?<side>收入|支出)(?:预算)?(?:总额|合计|总计)?\s*(?:为|是)?\s*(?<amount>NUM)\s*万元`);

function totals(j: JoinedText, out: Claim[]) {
  for (const p of paragraphsOf(j)) {
    const sides = new Set<string>();
    let end = -1;
    const push = (m: RegExpExecArray, side: "income" | "expenditure", base = 0, change = true) => {
      const amount = p.amount(m, "amount", base);
      if (!amount) return;
      sides.add(side);
      out.push({ kind: "department-total", side, amount, change: change ? changeAfter(p, base + m.index + m[0].length) : null });
    };
    for (const m of p.text.matchAll(DEPARTMENT)) {
      push(m, m.groups!.side === "收入" ? "income" : "expenditure");
      end = m.index + m[0].length;
    }
    // (One figure, one change: judged once, as the income's.)
    for (const m of p.text.matchAll(DEPARTMENT_BOTH)) {
      push(m, "income");
      push(m, "expenditure", 0, false);
    }
    // One side stated with 部门, the other in the next clause without it.
    if (sides.size === 1 && end >= 0) {
      const o = OTHER_SIDE.exec(p.text.slice(end));
      const side = o && (o.groups!.side === "收入" ? "income" : "expenditure");
      if (o && side && !sides.has(side)) push(o, side, end);
    }
  }
}

/**
 * 政府采购项目纳入 2023 年部门预算共计 X 万元 · 政府采购预算总额 X 万元 · 政府采购预算（共）X 万元; its kinds after it
 * (货物采购 a 万元 · 货物类 a 万元 · 政府采购货物预算 a 万元 · 货物采购预算 a 万元).
 */
const PROCUREMENT = re(String.raw`政府采购[^。]*?(?:共计|总额|合计|总计|预算\s*共?)\s*(?:为|是)?\s*(?<amount>NUM)\s*万元`);
const PROCUREMENT_PART = re(String.raw`(?:政府采购)?(?<label>货物|工程|服务)(?:类|采购)\s*(?:预算)?\s*(?:为)?\s*(?<amount>NUM)\s*万元|政府采购(?<label2>货物|工程|服务)预算\s*(?:为)?\s*(?<amount2>NUM)\s*万元`, "g");
const PROCUREMENT_KIND = { 货物: "goods", 工程: "works", 服务: "services" } as const;

function procurement(j: JoinedText, out: Claim[]) {
  for (const p of paragraphsOf(j)) {
    const m = PROCUREMENT.exec(p.text);
    if (!m) continue;
    const from = m.index + m[0].length;
    const components = [];
    for (const c of p.sentence(from).matchAll(PROCUREMENT_PART)) {
      const label = (c.groups!.label ?? c.groups!.label2) as keyof typeof PROCUREMENT_KIND;
      components.push({ component: PROCUREMENT_KIND[label], label: `${label}采购`, amount: p.amount(c, c.groups!.label ? "amount" : "amount2", from)! });
    }
    out.push({ kind: "procurement", amount: p.amount(m, "amount")!, components });
  }
}

const SANGGONG_KEY = new RegExp(String.raw`${OFFICIAL_CAR}购置[和及]运行(?:维护)?费|${OFFICIAL_CAR}购置费|${OFFICIAL_CAR}运行(?:维护)?费|公务接待费|因公出国\(境\)|三公”?\s*经费`, "g");
const SANGGONG_FIGURE = re(String.raw`预算(?:数|总额|总计)?\s*(?:为|是)?\s*(?<amount>NUM)\s*万元`, "g");
/** A component's figure right after its name, no 预算 between (其中：因公出国（境）费 0 万元，公务接待费 4 万元…). */
const SANGGONG_NAMED = re(String.raw`(?:${OFFICIAL_CAR}购置[和及]运行(?:维护)?费|${OFFICIAL_CAR}购置费|${OFFICIAL_CAR}运行(?:维护)?费|公务接待费|因公出国\(境\)(?:经费|费用|费)?)\s*(?:支出)?\s*(?:为|是)?\s*(?<amount>NUM)\s*万元`, "g");
const VEHICLE_COUNT = re(String.raw`公务用车保有量共?\s*(?<count>NUM)\s*辆`, "g");

function sanggongComponent(key: string): SanggongComponent {
  if (/购置[和及]运行/.test(key)) return "vehicle";
  if (/购置费/.test(key)) return "vehicle-purchase";
  if (/运行/.test(key)) return "vehicle-operation";
  if (/接待/.test(key)) return "reception";
  if (/出国/.test(key)) return "abroad";
  return "total";
}

/** 第五部分: every printed “三公” figure belongs to the nearest component named before it in its paragraph. */
function sanggong(j: JoinedText, out: Claim[]) {
  for (const p of paragraphsOf(j)) {
    const keys = [...p.text.matchAll(SANGGONG_KEY)];
    // Figures after 预算, and figures right after a component's name (each figure once, in printed order).
    const figures = [...p.text.matchAll(SANGGONG_FIGURE)];
    const at = new Set(mapArray(figures, (m) => m.indices!.groups!.amount[0]));
    for (const m of p.text.matchAll(SANGGONG_NAMED)) if (!at.has(m.indices!.groups!.amount[0])) figures.push(m);
    figures.sort((a, b) => a.indices!.groups!.amount[0] - b.indices!.groups!.amount[0]);
    for (const m of figures) {
      const key = keys.filter((k) => k.index < m.indices!.groups!.amount[0]).pop();
      const amount = p.amount(m, "amount");
      if (!key || !amount || fundsOwnSanggong(p, m.index + m[0].length)) continue;
      const component = sanggongComponent(key[0]);
      const label = component === "total" ? "“三公”经费" : key[0];
      out.push({ kind: "sanggong", component, label, amount, change: changeAfter(p, m.index + m[0].length) });
    }
    for (const m of p.text.matchAll(VEHICLE_COUNT)) {
      const count = p.count(m, "count");
      if (count) out.push({ kind: "vehicle-count", count, unchanged: /与上年持平/.test(p.sentence(m.index)) || /^,?\s*公务用车保有量与上年持平/.test(p.text.slice(m.index + m[0].length)) });
    }
  }
}

const OPERATING = re(String.raw`机关运行经费[^。]*?(?:预算|安排)(?:数|总额)?\s*(?:为|是)?\s*(?<amount>NUM)\s*万元`);
const ASSETS: [RegExp, "vehicles" | "general-equipment" | "special-equipment"][] = [
  [re(String.raw`车辆\s*(?<count>NUM)\s*辆`, "g"), "vehicles"],
  [re(String.raw`万元以上通用设备\s*(?<count>NUM)\s*台`, "g"), "general-equipment"],
  [re(String.raw`万元以上专用设备\s*(?<count>NUM)\s*台`, "g"), "special-equipment"],
];

function other(j: JoinedText, out: Claim[]) {
  for (const p of paragraphsOf(j)) {
    assetSplits(p, out);
    const m = OPERATING.exec(p.text);
    if (m) out.push({ kind: "operating-cost", amount: p.amount(m, "amount")!, change: changeAfter(p, m.index + m[0].length) });
    for (const [rx, item] of ASSETS)
      for (const a of p.text.matchAll(rx)) {
        const count = p.count(a, "count");
        if (count) out.push({ kind: "assets", item, planned: /计划新增|新增/.test(p.text.slice(0, a.index).split(/[;。]/).pop() ?? ""), count });
      }
  }
}

/** 涉及预算资金 X 万元 · 涉及预算金额 X 万元. */
const PERF_AMOUNT = re(String.raw`涉及预算(?:资金|金额)\s*(?:为|共)?\s*(?<amount>NUM)\s*万元`);
/** 17 个项目绩效目标 · 17 个项目的绩效目标 · 项目绩效目标 17 个 · 纳入绩效目标管理的项目共 17 个. */
const PERF_GOALS = re(String.raw`(?<count>NUM)\s*个项目的?绩效目标|项目绩效目标\s*(?:共)?\s*(?<count2>NUM)\s*个|绩效目标管理的项目\s*共?\s*(?<count3>NUM)\s*个`);

function performance(j: JoinedText, out: Claim[]) {
  for (const p of paragraphsOf(j)) {
    const a = PERF_AMOUNT.exec(p.text);
    const g = PERF_GOALS.exec(p.text);
    const goals = g ? p.count(g, g.groups!.count ? "count" : g.groups!.count2 ? "count2" : "count3") : null;
    if (a || g) out.push({ kind: "performance", amount: a ? p.amount(a, "amount") : null, goals });
  }
}

/** 第七部分: the tab-separated table of key projects (项目名称 / 预算数（万元） / 绩效目标). */
function keyProjects(j: JoinedText, out: Claim[]) {
  for (const r of j.rows) {
    const [name, amountCell] = r.cells;
    if (!name?.text || !amountCell) continue;
    const amount = makeAmount(amountCell.text, j.place(r.line, amountCell.column));
    if (amount) out.push({ kind: "key-project", name: name.text, amount });
  }
}

const BASE_UNITS = re(String.raw`共\s*(?<count>NUM)\s*家基层单位`, "g");
/** 部门概况 (and 第六部分's unit scope): staffing per unit and for the system, and the number of 基层单位. */
function overview(j: JoinedText, out: Claim[]) {
  const paras = paragraphsOf(j);
  for (const p of paras) {
    for (const m of p.text.matchAll(BASE_UNITS)) {
      const before = p.text.slice(0, m.index).split(/[。;]/).pop() ?? "";
      const list = before.replace(/^.*?包括:?/, "");
      // (…、深圳市科学馆等共 3 家基层单位: the names are some of them.)
      const abbreviated = /等\s*$/.test(list);
      const names = mapArray(list.replace(/等\s*$/, "").split("、"), (s) => s.trim()).filter(Boolean);
      out.push({ kind: "base-units", count: p.count(m, "count")!, names, ...(abbreviated && { abbreviated: true as const }) });
    }
    headcountSplits(p, out);
  }
  staffing(paras, out, "posts");
}

/*
 * Templates that title their written parts instead of numbering them (Shanghai's 部门预算编制说明 and
 * 其他相关情况说明): what each part states, recognised by its title.
 */

/** 收入预算9,101.68万元 / 支出预算9,101.68万元: the department's totals (not 财政拨款收入 / …支出预算). */
const NOTE_TOTAL = re(String.raw`(?<![拨款金资本营])(?<side>收入|支出)预算\s*(?<amount>NUM)\s*万元`, "g");
/** “类-款-项”科目1,202.95万元. */
const NOTE_FUNCTION = re(String.raw`[“"](?<names>[^”"]{2,80}?)[”"]\s*(?:科目)?\s*(?<amount>NUM)\s*万元`, "g");

/** 2023年当年预算执行数为 L 万元，2024年预算安排 C 万元，比2023年预算执行数减少 P% / 持平. */
const PRIOR_EXECUTION = re(
  String.raw`20\d\d\s*年(?:当年)?预算执行数为?\s*(?<last>NUM)\s*万元\s*,?\s*20\d\d\s*年预算安排\s*(?<current>NUM)\s*万元\s*,?\s*比\s*20\d\d\s*年(?:当年)?预算执行数\s*(?:(?<dir>增加|增长|减少|下降)\s*(?<pct>NUM)\s*%|(?<same>持平))`,
  "g",
);

/** 财政拨款收入 N 万元 / 财政拨款支出预算 N 万元 / 一般公共预算拨款支出预算 N 万元 …, each with the change after it. */
const ALLOCATION = re(
  String.raw`(?<label>(?<![预算])财政拨款收入|财政拨款支出预算|一般公共预算(?:财政)?拨款支出预算|政府性基金(?:预算)?拨款支出预算|国有资本经营预算拨款支出预算)\s*(?:为)?\s*(?<amount>NUM)\s*万元`,
  "g",
);
const ALLOCATION_FUND: [RegExp, AllocationFund][] = [
  [/^一般公共预算/, "general-public"],
  [/^政府性基金/, "gov-fund"],
  [/^国有资本经营/, "state-capital"],
];
type AllocationFund = "all" | "general-public" | "gov-fund" | "state-capital";

const INCOME_LINES: [RegExp, TableFigure, string][] = [
  [re(String.raw`(?<![单位])事业收入\s*(?<amount>NUM)\s*万元`, "g"), "business-income", "事业收入"],
  [re(String.raw`(?:事业单位)?经营收入\s*(?<amount>NUM)\s*万元`, "g"), "operating-income", "事业单位经营收入"],
  [re(String.raw`其他收入\s*(?<amount>NUM)\s*万元`, "g"), "other-income", "其他收入"],
];

function budgetNotes(j: JoinedText, out: Claim[]) {
  for (const p of paragraphsOf(j)) {
    // 其中：财政拨款收入 …；事业收入0万元；事业单位经营收入0万元；其他收入0万元 — the income table's 合计 row.
    if (/收入预算/.test(p.text))
      for (const [rx, figure, label] of INCOME_LINES)
        for (const m of p.text.matchAll(rx)) {
          const amount = p.amount(m, "amount");
          if (amount) out.push({ kind: "table-figure", figure, label, amount, change: null });
        }
    for (const m of p.text.matchAll(ALLOCATION)) {
      const amount = p.amount(m, "amount");
      if (!amount) continue;
      const label = m.groups!.label;
      const fund = ALLOCATION_FUND.find(([rx]) => rx.test(label))?.[1] ?? "all";
      const end = m.index + m[0].length;
      // The change belongs to this figure only up to the end of its clause (；or 。).
      const clause = p.text.slice(end).search(/[;。]/);
      const change = findChange(p, end, clause < 0 ? p.text.length : end + clause)?.change ?? null;
      out.push({ kind: "allocation", side: /收入/.test(label) ? "income" : "expenditure", fund, label, amount, change });
    }
    for (const m of p.text.matchAll(NOTE_TOTAL)) {
      const amount = p.amount(m, "amount");
      const side = m.groups!.side === "收入" ? "income" : "expenditure";
      if (amount && !out.some((c) => c.kind === "department-total" && c.side === side)) out.push({ kind: "department-total", side, amount, change: null });
    }
    const items: { index: number; amount: Amount }[] = [];
    for (const m of p.text.matchAll(NOTE_FUNCTION)) {
      const amount = p.amount(m, "amount");
      // 类-款-项, or 类(类)款(款)项(项).
      const names = mapArray(m.groups!.names.split(/[-－—]|\((?:类|款|项)\)/), (s) => normaliseName(s)).filter(Boolean);
      if (amount && names.length) {
        out.push({ kind: "function-item", names, amount });
        items.push({ index: m.index, amount });
      }
    }
    for (const m of p.text.matchAll(PRIOR_EXECUTION)) {
      const last = p.amount(m, "last");
      const current = p.amount(m, "current");
      if (!last || !current) continue;
      const g = m.groups!;
      // The item the paragraph opens with (1. “类-款-项”N万元), else what precedes the sentence; its figure is
      // the same Amount the function-item claim holds (one printed figure is one figure for the diagnosis).
      const item = /[“"](?<names>[^”"]{2,80}?)[”"]/.exec(p.text.slice(0, m.index));
      const label = item ? item.groups!.names.replace(/\s+/g, "") : "预算执行数";
      const own = items.filter((x) => x.index < m.index).pop();
      const word = m.indices!.groups![g.same ? "same" : "dir"][0];
      out.push({
        kind: "prior-execution",
        label,
        last,
        current,
        change: g.same ? "same" : /增/.test(g.dir) ? "increase" : "decrease",
        percent: p.amount(m, "pct"),
        location: p.j.at(p.start + word),
        itemAmount: own?.amount ?? null,
      });
    }
  }
}

const NOTE_SANGGONG = re(String.raw`(?<key>“?三公”?经费预算数?为?|${ABROAD}|${OFFICIAL_CAR}购置及运行费|${OFFICIAL_CAR}购置费|${OFFICIAL_CAR}运行(?:维护)?费|公务接待费)\s*(?<amount>NUM)\s*万元`, "g");
const NOTE_OPERATING = re(String.raw`机关运行经费[^。]*?预算(?:数)?为?\s*(?<amount>NUM)\s*万元`);
const NOTE_PROCUREMENT = re(String.raw`政府采购预算\s*(?<amount>NUM)\s*万元`);
const NOTE_PROCUREMENT_PART = re(String.raw`政府采购(?<label>货物|工程|服务)预算\s*(?<amount>NUM)\s*万元`, "g");
const NOTE_PERFORMANCE = re(String.raw`涉及项目预算资金\s*(?<amount>NUM)\s*万元`);
/** 面向中小企业预留政府采购项目预算金额 N 万元，其中，预留给小型和微型企业的政府采购项目预算为 M 万元. */
const NOTE_RESERVED_SME = re(String.raw`面向中小企业预留(?:的)?政府采购项目预算(?:金额)?\s*(?:为)?\s*(?<amount>NUM)\s*万元`);
const NOTE_RESERVED_MICRO = re(String.raw`(?:预留给小型和微型企业的?|面向小微企业预留(?:的)?)政府采购项目预算(?:金额)?\s*(?:为)?\s*(?<amount>NUM)\s*万元`);

function otherNotes(j: JoinedText, out: Claim[]) {
  let procurement: ProcurementClaim | null = null;
  for (const p of paragraphsOf(j)) {
    // Its 绩效目标 “涉及项目预算资金 N 万元” is not the 项目支出 total: projects below the threshold need no targets
    // (the real documents print 15 to 3,229 万元 less). It is at most that total.
    const funds = NOTE_PERFORMANCE.exec(p.text);
    const fundsAmount = funds && p.amount(funds, "amount");
    if (fundsAmount) out.push({ kind: "performance", amount: fundsAmount, goals: null, partial: true });
    vehicleSplits(p, out);
    headcountSplits(p, out);
    assetSplits(p, out);
    for (const m of p.text.matchAll(NOTE_SANGGONG)) {
      const amount = p.amount(m, "amount");
      if (!amount || fundsOwnSanggong(p, m.index + m[0].length)) continue;
      const component = /三公/.test(m.groups!.key) ? "total" : sanggongComponent(m.groups!.key.replace(/购置及运行/, "购置和运行"));
      out.push({ kind: "sanggong", component, label: component === "total" ? "“三公”经费" : m.groups!.key, amount, change: changeAfter(p, m.index + m[0].length) });
    }
    const o = NOTE_OPERATING.exec(p.text);
    if (o) out.push({ kind: "operating-cost", amount: p.amount(o, "amount")!, change: changeAfter(p, o.index + o[0].length) });
    const pr = NOTE_PROCUREMENT.exec(p.text);
    if (pr) {
      const components = mapArray([...p.text.matchAll(NOTE_PROCUREMENT_PART)], (m) => ({
        component: PROCUREMENT_KIND[m.groups!.label as keyof typeof PROCUREMENT_KIND],
        label: `政府采购${m.groups!.label}`,
        amount: p.amount(m, "amount")!,
      }));
      procurement = { kind: "procurement", amount: p.amount(pr, "amount")!, components };
      out.push(procurement);
    }
    // The part reserved for small enterprises, stated after the procurement (its paragraph or the next).
    const sme = NOTE_RESERVED_SME.exec(p.text);
    const smeAmount = sme && p.amount(sme, "amount");
    if (procurement && !procurement.reserved && smeAmount) {
      const micro = NOTE_RESERVED_MICRO.exec(p.text.slice(sme.index + sme[0].length));
      procurement.reserved = { sme: smeAmount, micro: micro ? p.amount(micro, "amount", sme.index + sme[0].length) : null };
    }
  }
}

/** Readers by a part's title; `titled`: only in a document whose template titles its written parts so (titledNotes). */
const BY_TITLE: [RegExp, ((j: JoinedText, out: Claim[]) => void)[], titled?: true][] = [
  // (部门编制说明 in Shanghai's budget system, a sheet of its workbook.)
  [/编制说明$/, [budgetNotes], true],
  [/其他相关情况说明$/, [otherNotes]],
  // A 部门决算's 情况说明 (its title may wrap: …部门决算情况 / 说明), numbered 第三部分 or not.
  [/决算情况(说明)?$/, [finalNotes]],
];

/** Titles the written parts of a 决算 carry whether or not they are numbered (第三部分 …决算情况说明). */
const TITLED_EVEN_IF_NUMBERED = /决算情况(说明)?$/;

/** What each written part (by its number, 第N部分) states. */
const BY_PART: Record<number, ((j: JoinedText, out: Claim[]) => void)[]> = {
  1: [overview],
  2: [totals],
  3: [expenditure],
  4: [procurement],
  5: [sanggong],
  6: [performance, overview],
  7: [keyProjects],
  8: [other],
};

/**
 * 预算 or 决算, for the generic reader: the template's stage, or 决算 when the document calls a part or a
 * table of its own so (a province whose 决算 the templates do not know is read with the generic template,
 * whose stage is 预算).
 */
function statedStage(doc: BudgetDocument): "budget" | "final" {
  if (doc.stage === "final") return "final";
  const titles = [...mapArray(doc.text, (p) => p.title), ...mapArray(doc.contents, (c) => c.title), ...mapArray(doc.tables, (t) => t.title)];
  // (预决算 names both: a web page's path 信息公开 > 财政预决算 above a 预算.)
  return titles.some((t) => /(?<!预)决算/.test(t)) ? "final" : "budget";
}

/** A section's heading within a part: 一、 · （一） · 1. · （1）. */
const SUBSECTION_TITLE = /^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十\d]+\)|\d+[.．、])/;

/** The readers of a part: by its title (a 决算's 情况说明, Shanghai's 说明s), else by its number (Shenzhen's 第N部分). */
function readersOf(part: TextPart, titledNotes: boolean): ((j: JoinedText, out: Claim[]) => void)[] {
  const title = normaliseName(part.title);
  const titled = part.number === null || TITLED_EVEN_IF_NUMBERED.test(title);
  const byTitle = titled ? BY_TITLE.filter(([rx, , own]) => rx.test(title) && (!own || titledNotes)).flatMap(([, fs]) => fs) : [];
  // A numbered part read by its title is a 决算's: the 预算 readers by number (Shenzhen's 第三部分 …) do not apply.
  const byPart = part.number !== null && byTitle.length ? [] : BY_PART[part.number ?? 0] ?? [];
  return [...byPart, ...byTitle];
}

/**
 * The parts as their readers read them: a part whose heading is one of its sections' (一、收入支出决算总体情况说明 ·
 * （一）…), with no reader of its own or the same readers as the part before it (二、收入决算情况说明, a 决算's section
 * the 决算's reader reads), goes on with the part before it when a province's reader reads that one, its heading a
 * paragraph of it. A Word document's heading styles make every section's heading a part's (the 决算's 情况说明 in
 * nine pieces, all but the first read by the generic reader, or each by the 决算's reader without what the sections
 * before it stated); printed as text, they are paragraphs.
 */
function readingParts(parts: TextPart[], titledNotes: boolean): TextPart[] {
  const out: TextPart[] = [];
  let read: ReturnType<typeof readersOf> = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    const readers = readersOf(part, titledNotes);
    const same = readers.length === read.length && readers.every((f, i) => f === read[i]);
    if (last && read.length && (!readers.length || same) && part.number === null && SUBSECTION_TITLE.test(normaliseName(part.title))) {
      const heading = { line: part.location.line ?? part.lines[0]?.line ?? 0, text: part.title, ...(part.location.page != null ? { page: part.location.page } : {}) };
      out[out.length - 1] = { ...last, lines: [...last.lines, heading, ...part.lines] };
      continue;
    }
    out.push(part);
    read = readers;
  }
  return out;
}

/** Reads every claim of the document's written parts, in printed order. */
/**
 * The units the tables' rows print, in order of first print, other than the department and its own 本级 / 机关. In one
 * loop over the rows: a flatMap of every table's rows into one array, then a Set of it, was ~1% of a warm document's CPU.
 */
function unitsBesides(doc: BudgetDocument): string[] {
  const seen = new Set<string>();
  for (const t of doc.tables) for (const r of t.rows) if (r.unit) seen.add(r.unit);
  const out: string[] = [];
  for (const u of seen) if (!/本级|机关$/.test(u) && u !== doc.department) out.push(u);
  return out;
}

export function extractClaims(doc: BudgetDocument): Claims {
  const claims: Claim[] = [];
  const paragraphs: Paragraph[] = [];
  let generic = 0;
  const stage = statedStage(doc);
  // (The units the tables print besides the department: a 无 said of one of them is not the department's. Not a getter
  // that gathers them when first asked: a getter made for each document, its closure holding the document, kept each
  // checked document alive into the next one's scavenge — docs/performance.md, "Seventeenth pass".)
  const none = { stage, year: doc.year, department: doc.department, otherUnits: unitsBesides(doc) };
  // (A document read under a template's name that no longer exists, or none: as by kind alone.)
  const titledNotes = templateByName(doc.template)?.titledNotes === true;
  for (const part of readingParts(doc.text, titledNotes)) {
    const j = joinPart(part, part.location.file);
    const readers = readersOf(part, titledNotes);
    for (const f of readers) f(j, claims);
    // A fund the department has none of, said in words in any part (none-said.ts): as the generic reader's, what every
    // province says (a rule that reads a province's statements only is not run for it).
    const beforeNone = claims.length;
    noneSaid(j, claims, none);
    // A 预算's 三公 change on last year's 决算 (比上年决算增加 X 万元), in any part: no province's reader reads it.
    if (stage === "budget") sanggongOnFinal(j, claims);
    generic += claims.length - beforeNone;
    // A part no province's reader knows: the statements every province prints (generic.ts).
    if (!readers.length) {
      const before = claims.length;
      genericNotes(j, claims, stage, doc.department, doc.year);
      generic += claims.length - before;
    }
    // Paragraphs and lines are both in printed order: one pass over the lines for all paragraphs
    // (scanning every line for each paragraph made n lines cost n²).
    let li = 0;
    for (const r of j.paragraphs) {
      const text = j.text.slice(r.start, r.end).replace(/\s+/g, "");
      const [first, last] = [j.lineAt(r.start), j.lineAt(Math.max(r.start, r.end - 1))];
      const lines = [];
      while (li < part.lines.length && part.lines[li].line < first) li++;
      // (Each line by its line in the file: a web page's lines are numbered apart from it.)
      for (let k = li; k < part.lines.length && part.lines[k].line <= last; k++) if (!part.lines[k].text.includes("\t")) lines.push(part.lines[k].place?.line ?? part.lines[k].line);
      if (text) paragraphs.push({ part: part.number, text, location: j.place(first), lines });
    }
  }
  // A table's notes (注：本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表), for a fund the department has none of, as the
  // written parts' (the department's tables only: a unit's own table set speaks of the unit).
  for (const t of doc.tables) {
    if (!t.notes?.length || t.budgetUnit) continue;
    const j = joinPart({ number: null, title: t.title, location: t.location, lines: t.notes }, t.location.file);
    const beforeNotes = claims.length;
    noneSaid(j, claims, none);
    generic += claims.length - beforeNotes;
  }
  // The funding boxes of the projects' performance forms, read from the printed lines across parts: the
  // generic reader's as the rest that no province's reader reads (a rule asking for them names the kind).
  const before = claims.length;
  projectFunds(doc, claims);
  generic += claims.length - before;
  return { claims, paragraphs, generic };
}
