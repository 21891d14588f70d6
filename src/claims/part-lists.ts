import type { Amount } from "../model/amount.js";
import { normaliseName } from "../model/names.js";
import { mapArray } from "../util/arrays.js";
import type { FigureAt } from "./generic-figures.js";
import { OFFICIAL_CAR, PART_CHANGE, re, type Para } from "./para.js";
import type { Claim, CompositionClaim } from "./types.js";

/**
 * Lists of a total's parts the generic reader (generic.ts) reads besides its lists of shares — the ones whose parts are
 * all of the total by what they are, or by how the list says it, and the ones that are some of it:
 *
 *   支出预算 T 万元，其中：基本支出 B 万元，占 p%，包括人员经费 a 万元、公用经费 b 万元；项目支出 P 万元 (陕西)
 *   一般公共预算支出 T 万元，其中：基本支出 B 万元（人员经费 a 万元，公用经费 b 万元），项目支出 P 万元 (西藏)
 *     → a list nested in a part (`nestedAt`): 基本支出 = 人员经费 + 公用经费 by what 基本支出 is; other parts' nested
 *       lists (公务用车购置及运行费 c 万元（其中：公务用车购置费 …）) are some of their part, at most it.
 *   分单位看：A 收入预算 a 万元；B 收入预算 b 万元；… (陕西: each unit's share of the total stated before it)
 *   其中：本级收入预算 a 万元，下属单位收入预算 b 万元
 *     → a list by unit (`unitBreakdowns`, `byUnit`): the units' figures add up to the department's.
 *
 * A list whose parts are not said to be all of it (其中 naming one part, 主要包括, a list ending in 等) is never read
 * as a sum that must equal the whole: its parts are at most the whole (`whole: "some"`).
 */

/** Words that open a nested list after a part: 其中 · 包括 · 含 · 主要包括 (主要: some of it). */
const NESTED_WORD = re(String.raw`^\s*(?<main>主要)?(?:其\s*中|包\s*括|含)\s*[:,]?\s*`);
/** A bracket that opens a nested list right after a part's figure (基本支出 B 万元（人员经费 a 万元，…）), its word or not. */
const NESTED_OPEN = re(String.raw`^\s*\(\s*(?:(?<main>主要)?(?:其\s*中|包\s*括|含)\s*[:,]?\s*)?`);
/** One part of a nested list: a label, its figure, then 、 , ; 。 ) or the end (a list ending in 等: some of it). */
const NESTED_PART = re(String.raw`^\s*(?<label>(?:[^\d,;:。%()]|\([^\d,;:。%()]{1,6}\)){1,30}?)\s*(?<amount>NUM)\s*(?<money>万\s*元|元)${PART_CHANGE}\s*(?<etc>等)?\s*(?<sep>[,、;]|。|\)|$)`);
/** A label that is a change on last year (比上年减少 …), not a part. */
export const CHANGE_PART = /^(?:比|较|与)|增加|减少|增长|下降/;

/** The kinds of 基本支出's parts: 人员经费 (人员支出), 公用经费 (公用支出, 日常公用经费), and 对个人和家庭的补助 where it is apart. */
const BASIC_KINDS: [RegExp, string][] = [
  [/^人员(?:经费|支出)$/, "personnel"],
  [/^(?:日常)?公用(?:经费|支出)$/, "public"],
  [/^对个人和家庭的?补助(?:支出)?$/, "individual"],
];
/** A label that is 基本支出 (一般公共预算基本支出, 财政拨款基本支出 …). */
const BASIC = /基本支出(?:预算)?(?:数)?$/;

/**
 * Whether parts are all of a 基本支出 by what it is: 人员经费 and 公用经费 (each once), and 对个人和家庭的补助 where the text
 * names it apart (深圳's 人员支出 + 公用支出 + 对个人和家庭的补助支出), nothing else.
 */
export function basicWhole(label: string, parts: string[]): boolean {
  if (!BASIC.test(normaliseName(label))) return false;
  const seen = new Set<string>();
  for (const p of parts) {
    const kind = BASIC_KINDS.find(([rx]) => rx.test(normaliseName(p)))?.[1];
    if (!kind || seen.has(kind)) return false;
    seen.add(kind);
  }
  return seen.has("personnel") && seen.has("public");
}

/**
 * Whether parts are a spending's whole by what they are: 人员经费 (支出), 公用经费 (支出), 对个人和家庭的补助 where named apart, and
 * 项目支出, each once, nothing else (深圳's 单位预算 = 人员支出 + 公用支出 + 对个人和家庭的补助支出 + 项目支出).
 */
export function spendingWhole(parts: string[]): boolean {
  const project = parts.filter((p) => /^项目支出$/.test(normaliseName(p)));
  return project.length === 1 && basicWhole("基本支出", parts.filter((p) => !project.includes(p)));
}

export interface Nested {
  parts: { label: string; amount: Amount }[];
  /** Said to be some of it (主要包括, a list ending in 等). */
  some: boolean;
  /** Where the outer list goes on (after the bracket's close, or after the nested list's last separator). */
  end: number;
  /** The separator that ended the nested list, as the outer list's part's own. */
  sep: string;
}

/**
 * A list nested right after a part's figure at `at` of paragraph q: in brackets (（人员经费 a 万元，公用经费 b 万元） ·
 * （其中：…）), or after `sep` — the part's own separator — , 其中 / 包括 / 含 (，包括人员经费 a 万元、公用经费 b 万元；). An
 * unbracketed nested list runs over 、, and over ， or ； to a part of the parent's own kinds (人员经费 under 基本支出), and
 * ends at 。 or at a ， or ； before anything else: the outer list goes on from there.
 */
export function nestedAt(q: Para, at: number, sep: string, parent: string, figureAt: FigureAt): Nested | null {
  const rest = q.text.slice(at);
  const bracket = sep === "" ? NESTED_OPEN.exec(rest) : null;
  const word = sep === "," ? NESTED_WORD.exec(rest) : null;
  const open = bracket ?? word;
  if (!open) return null;
  let some = !!open.groups!.main;
  const parts: Nested["parts"] = [];
  let pos = at + open[0].length;
  let last = "";
  for (;;) {
    const m = NESTED_PART.exec(q.text.slice(pos));
    const label = m ? normaliseName(m.groups!.label.replace(/\s+/g, "")) : "";
    // Past a ， or ； only to a part of the parent's own kinds (人员经费 under 基本支出, 购置费 under 公务用车购置及运行费): else
    // the nested list ended there, the outer list goes on.
    const goesOn = parts.length === 0 || bracket || last === "、" || childOf(parent, label);
    if (!m || !goesOn || CHANGE_PART.test(label)) {
      if (parts.length && !bracket && (last === "," || last === ";")) break;
      return null;
    }
    const amount = figureAt(q, m, "amount", pos);
    if (!amount) return null;
    parts.push({ label, amount });
    some ||= !!m.groups!.etc;
    pos += m[0].length;
    last = m.groups!.sep;
    if (bracket ? last === ")" : last === "。" || last === "") break;
    if (bracket && (last === ";" || last === "。" || last === "")) return null;
  }
  if (bracket) {
    // The outer list's separator after the bracket.
    const after = /^\s*([;,、]|。|$)/.exec(q.text.slice(pos));
    if (!after) return null;
    return { parts, some, end: pos + after[0].length, sep: after[1] };
  }
  // (Ended by a ， before a part of another kind: the outer list goes on from it, the ， its part's separator.)
  return { parts, some, end: pos, sep: last };
}

/**
 * Whether some of a list's parts may hold others (公务用车购置及运行维护费 beside 公务用车运行维护费 · 人员经费 beside 人员经费中的
 * 工资): their sum is not a sum of parts, not even at most the total.
 */
export function overlapping(labels: string[]): boolean {
  const core = mapArray(labels, (l) => normaliseName(l).replace(/(?:经费|费用|费|支出)$/, ""));
  for (let i = 0; i < core.length; i++)
    for (let j = 0; j < core.length; j++) if (i !== j && core[j].length > 0 && core[i].includes(core[j])) return true;
  return labels.some((l) => CARS_BOTH.test(l)) && labels.some((l) => CARS_PURCHASE.test(l) || CARS_RUNNING.test(l));
}

/** Whether a label is of one of a parent's own kinds: 基本支出's 人员经费 / 公用经费, the vehicles' 购置费 / 运行费. */
function childOf(parent: string, label: string): boolean {
  if (BASIC.test(parent)) return BASIC_KINDS.some(([rx]) => rx.test(label));
  return CARS_BOTH.test(parent) && (CARS_PURCHASE.test(label) || CARS_RUNNING.test(label));
}

/** The claim of a nested list under its part: all of a 基本支出 by what it is, else some of the part (at most it). */
export function nestedClaim(parent: { label: string; amount: Amount }, n: Nested): CompositionClaim | null {
  const labels = mapArray(n.parts, (x) => x.label);
  const whole = n.some ? null : basicWhole(parent.label, labels) ? "basic" : carsWhole(parent.label, labels) ? "sanggong" : null;
  if (!whole && overlapping(labels)) return null;
  return { kind: "composition", label: parent.label, total: parent.amount, parts: n.parts, whole: whole ?? "some" };
}

/** 公务用车购置及运行（维护）费 and its two parts, 购置费 and 运行（维护）费, each once: the vehicles' whole by what it is. */
export function carsWhole(label: string, parts: string[]): boolean {
  if (!CARS_BOTH.test(normaliseName(label)) || parts.length !== 2) return false;
  return parts.some((p) => CARS_PURCHASE.test(p)) && parts.some((p) => CARS_RUNNING.test(p));
}
const CARS_BOTH = new RegExp(`^${OFFICIAL_CAR}购置[及和]运行`);
const CARS_PURCHASE = new RegExp(`^${OFFICIAL_CAR}购置(?![及和]运行)`);
const CARS_RUNNING = new RegExp(`^${OFFICIAL_CAR}运行`);

/** What a name says once its year, its fund, its stage and the words every such name has are left out: 部门收入预算 → 收入. */
export const measureOf = (s: string) =>
  normaliseName(s)
    .replace(/[“”"‘’]/g, "")
    .replace(/20\d\d\s*年度?|本年|一般公共预算|预算数?|总额|合计|总计|的/g, "")
    .replace(/^(?:本?部门|本单位)/, "");

/** A label as a unit's name and the measure after it (陕西省统计局机关收入预算 → 陕西省统计局机关 · 收入), for the measure `of`. */
export function unitAndMeasure(label: string, of: string): string | null {
  const name = normaliseName(label).replace(/[“”"‘’]/g, "");
  for (let i = 1; i < name.length; i++) if (measureOf(name.slice(i)) === of) return name.slice(0, i);
  return null;
}

/** The department's own and its units' (本级 · 机关本级 · 下属单位 · 所属事业单位): the two are all of it. */
const OWN = /^(?:机关)?本级$/;
const SUBORDINATE = /^(?:下属|所属)(?:事业|预算)?单位$/;

/** Whether a list's labels are the department's own and its units' figure of its total's measure, once each (本级收入预算 · 下属单位收入预算). */
export function ownAndUnits(total: string, labels: string[]): boolean {
  const of = measureOf(total);
  if (!of || labels.length !== 2) return false;
  const units = mapArray(labels, (l) => unitAndMeasure(l, of));
  return units.some((u) => u !== null && OWN.test(u)) && units.some((u) => u !== null && SUBORDINATE.test(u));
}

/** 分单位看： · 分单位情况： · 按单位分： — a list of the units' figures follows. */
const BY_UNIT = /(?:分\s*单\s*位|按\s*单\s*位)\s*(?:情\s*况|来)?\s*(?:看|分|划分)?\s*[:,]\s*/g;
/** One unit's figure: its name and measure, the figure, then ； , 、 。 or the end (a list ending in 等: some of them). */
const UNIT_PART = re(String.raw`^\s*(?<label>[^\d,;:。%]{2,60}?)\s*(?<amount>NUM)\s*(?<money>万\s*元|元)\s*(?<etc>等)?\s*(?<sep>[;,、]|。|$)`);
/** Every figure in money, for the total a list of units' figures is of. */
const ANY_FIGURE = re(String.raw`(?<amount>NUM)\s*(?<money>万\s*元|元)`, "g");
/** How many paragraphs before a list of units' figures its total is looked for in. */
const TOTAL_WITHIN = 4;
/** A section's heading: the total is not looked for before it. */
const HEADING = /^\s*(?:[一二三四五六七八九十]+\s*、|\([一二三四五六七八九十]+\))/;

/** The label of a figure at `at`: the text before it back to the last , ; : 。 or the paragraph's start. */
function labelAt(text: string, at: number): string {
  let from = at;
  while (from > 0 && !",;:。".includes(text[from - 1])) from--;
  // (From its year on: 2025年部门收入预算 → 部门收入预算.)
  return normaliseName(text.slice(from, at).replace(/\s+/g, "")).replace(/^.*20\d\d年度?/, "");
}

/**
 * 分单位看：陕西省统计局机关收入预算 5854.16 万元；陕西省统计局数据管理中心收入预算 1049.63 万元；… (陕西): each unit's figure of
 * a measure (收入预算, “三公”经费 …) the department's total stated before it has (2025年部门收入预算 7777.60 万元, in its paragraph
 * or up to TOTAL_WITHIN paragraphs back, not past a section's heading): the units' figures add up to it. Said to be
 * some of them (主要单位, a list ending in 等), at most it. A list whose labels are not units' names before the total's
 * measure, or whose total is not stated, is not read.
 */
export function unitBreakdowns(paras: Para[], k: number, figureAt: FigureAt, out: Claim[]): void {
  const p = paras[k];
  for (const open of p.text.matchAll(BY_UNIT)) {
    const parts: { label: string; amount: Amount; unit: string }[] = [];
    let some = /主\s*要/.test(p.text.slice(Math.max(0, open.index - 4), open.index));
    let at = open.index + open[0].length;
    for (;;) {
      const m = UNIT_PART.exec(p.text.slice(at));
      if (!m) break;
      const amount = figureAt(p, m, "amount", at);
      if (!amount) break;
      const unit = m.groups!.money.replace(/\s+/g, "");
      if (parts.length && unit !== parts[0].unit) break;
      parts.push({ label: normaliseName(m.groups!.label.replace(/\s+/g, "")), amount, unit });
      at += m[0].length;
      some ||= !!m.groups!.etc;
      if (m.groups!.sep === "。" || m.groups!.sep === "") break;
    }
    if (parts.length < 2) continue;
    const total = unitsTotal(paras, k, open.index, parts, figureAt);
    if (!total) continue;
    out.push({ kind: "composition", label: total.label, total: total.amount, parts: mapArray(parts, (x) => ({ label: x.label, amount: x.amount })), whole: some ? "some" : "units" });
  }
}

/** The total a list of units' figures is of: the nearest figure before it, in the list's money, whose measure every label ends in after a unit's name. */
function unitsTotal(paras: Para[], k: number, upTo: number, parts: { label: string; unit: string }[], figureAt: FigureAt): { amount: Amount; label: string } | null {
  for (let qi = k; qi >= 0 && k - qi <= TOTAL_WITHIN; qi--) {
    const q = paras[qi];
    const found = [...q.text.slice(0, qi === k ? upTo : q.text.length).matchAll(ANY_FIGURE)];
    for (let i = found.length - 1; i >= 0; i--) {
      const f = found[i];
      if (f.groups!.money.replace(/\s+/g, "") !== parts[0].unit) continue;
      const label = labelAt(q.text, f.index);
      const of = measureOf(label);
      if (!of) continue;
      const units = mapArray(parts, (x) => unitAndMeasure(x.label, of));
      if (units.some((u) => !u) || new Set(units).size !== units.length) continue;
      const amount = figureAt(q, f, "amount");
      if (amount) return { amount, label };
    }
    if (HEADING.test(q.text)) break;
  }
  return null;
}
