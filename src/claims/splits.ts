import { type Para, re } from "./para.js";
import type { Claim } from "./types.js";
import { mapArray } from "../util/arrays.js";

/**
 * A total and its parts by categories that cannot overlap, as nearly every 部门概况 and 国有资产占用情况 prints them,
 * whatever the province:
 *
 *   本部门编制人数412人，其中：行政编制118人，事业编制294人；实有人数389人，其中：行政人员112人，事业人员277人。
 *   离退休人员356人，其中：离休人员6人，退休人员350人。
 *   本部门资产总额33791.69万元，其中：流动资产10253.12万元，固定资产21826.70万元，无形资产1410.18万元，其他资产301.68万元。
 *
 * 其中 may name some parts only, so a list is read only when every part before the clause's end (； or 。, or a part
 * that opens a list of its own: …事业编制294人，实有人数389人，其中…) is a category the total is known to be split
 * into, each once: 编制 into 行政 / 事业 / 工勤 / 参公 编制, the staff in post likewise, 离退休 into 离休 and 退休, assets
 * into their classes. A list with a part of another kind (…其中：处级以上干部 20 人) is not read. An aside in brackets
 * (行政编制96人（含政法专项编制10人）) is passed over.
 */

/** A head count before 其中: its label is the text back to the last punctuation. */
const HEADCOUNT = /(?<count>\d+)\s*(?:人|名)\s*,?\s*其\s*中\s*[:,]?\s*/dg;
/** One part of a head count's list: a label without figures, the count, 人 or 名. */
const HEADCOUNT_PART = /^\s*[,、]?\s*(?<label>[^\d,;:。、]{2,16}?)\s*(?:为|是)?\s*(?<count>\d+)\s*(?:人|名)\s*(?<sep>[,、;。]|$)/d;

/** The total's family (what its label says it counts) and how each part's label names its category. */
const STAFF_FAMILIES: { family: RegExp; part: (label: string) => string | null }[] = [
  // 离退休人员 356 人，其中：离休人员 6 人，退休人员 350 人.
  { family: /离退休/, part: (l) => /^离休(?:人员|干部)?(?:人数)?$/.test(l) ? "离休" : /^退休(?:人员|干部|职工)?(?:人数)?$/.test(l) ? "退休" : null },
  // 实有人数 / 实有在职人员 / 在职人员 / 在编人数: 行政人员, 事业人员, 工勤人员 (在编 or not).
  { family: /实有|在职|在编/, part: (l) => category(l, /^(?:实有)?(?:在职|在编)?(?:机关)?(?<c>行政|事业|工勤|参公)(?:单位)?(?:在职|在编)?(?:人员|人数|编制人员|编制人数)$/) },
  // 编制人数 / 核定编制 / 编制数: 行政编制, 事业编制, 工勤（人员）编制.
  { family: /编制/, part: (l) => category(l, /^(?:核定)?(?:机关)?(?<c>行政|事业|工勤|参公)(?:人员|事业)?编制(?:人数|数)?$/) },
];

/**
 * 参公 in its long name or with its 事业（单位）(参照公务员法管理事业编制 · 参照公务员法管理的事业单位编制 · 参照公务员法管理人员 ·
 * 参公事业单位人员, 安徽's wording): the category 参公编制 / 参公人员 names, read as that.
 */
const CANGONG = /(?:参照公务员法?管理|参公(?:管理)?)(?:的)?(?:事业)?(?:单位)?/;
const category = (label: string, pattern: RegExp): string | null => pattern.exec(label.replace(CANGONG, "参公"))?.groups!.c ?? null;

/** An asset total before 其中. */
const ASSETS = re(String.raw`(?<label>资产总额|资产总计|资产合计|总资产)\s*(?:为|是|共计|合计)?\s*(?<amount>NUM)\s*万\s*元\s*,?\s*其\s*中\s*[:,]?\s*`, "g");
/** One part of an asset list: a label without figures, the amount in the total's unit. */
const ASSET_PART = re(String.raw`^\s*[,、]?\s*(?<label>[^\d,;:。、]{2,16}?)\s*(?:为|是)?\s*(?<amount>NUM)\s*万\s*元\s*(?<sep>[,、;。]|$)`);
/**
 * The classes of a government unit's assets (政府会计准则): none includes another, except 非流动资产, which includes all
 * but 流动资产. A class's 净值 / 账面净值 is the class; its 原值 is another measure, and such a list is not read.
 */
const ASSET_CLASSES: [RegExp, string][] = [
  [/^流动资产$/, "流动资产"],
  [/^非流动资产$/, "非流动资产"],
  [/^固定资产(?:账面)?(?:净值|净额)?$/, "固定资产"],
  [/^在建工程$/, "在建工程"],
  [/^无形资产(?:账面)?(?:净值|净额)?$/, "无形资产"],
  [/^(?:长期投资|长期股权投资|对外投资)$/, "长期投资"],
  [/^公共基础设施(?:净值)?$/, "公共基础设施"],
  [/^政府储备物资$/, "政府储备物资"],
  [/^文物文化资产$/, "文物文化资产"],
  [/^保障性住房(?:净值)?$/, "保障性住房"],
  [/^(?:其他|其他资产|其他非流动资产)$/, "其他"],
];
const NON_CURRENT = new Set(["固定资产", "在建工程", "无形资产", "长期投资", "公共基础设施", "政府储备物资", "文物文化资产", "保障性住房"]);

/** The clause from `from`: up to its ； or 。 (or the paragraph's end), asides in brackets blanked (same length). */
function clauseFrom(text: string, from: number): string {
  const rest = text.slice(from).replace(/\([^()]*\)/g, (s) => " ".repeat(s.length));
  const end = rest.search(/[;。]/);
  return end < 0 ? rest : rest.slice(0, end + 1);
}

/** The label of a figure at `at`: the text back to the last , ; : 。 or the paragraph's start. */
function labelBefore(text: string, at: number): string {
  let from = at;
  while (from > 0 && !",;:。".includes(text[from - 1])) from--;
  return text.slice(from, at).replace(/\s+/g, "");
}

/**
 * The parts of a list from `from` (after its 其中), by `part`'s pattern; each part's category by `categoryOf`. Null when
 * a part is not of a known category, a category comes twice, or fewer than two parts are listed.
 */
function partsOf<T>(
  p: Para,
  from: number,
  part: RegExp,
  value: (m: RegExpExecArray, base: number) => T | null,
  categoryOf: (label: string) => string | null,
): { label: string; category: string; value: T }[] | null {
  const clause = clauseFrom(p.text, from);
  const out: { label: string; category: string; value: T }[] = [];
  let at = 0;
  for (;;) {
    const m = part.exec(clause.slice(at));
    if (!m) {
      // Only the clause's end (or blank asides) may follow the last part.
      if (clause.slice(at).replace(/[\s;。]/g, "")) return null;
      break;
    }
    const label = m.groups!.label.replace(/\s+/g, "").replace(/^其中/, "");
    const base = from + at;
    at += m[0].length;
    // A part that opens a list of its own (…事业编制294人，实有人数389人，其中…) ends this one before it.
    if (/^\s*其\s*中/.test(clause.slice(at))) break;
    const c = categoryOf(label);
    const v = value(m, base);
    if (!c || v === null || out.some((x) => x.category === c)) return null;
    out.push({ label, category: c, value: v });
    if (m.groups!.sep === ";" || m.groups!.sep === "。") break;
  }
  return out.length >= 2 ? out : null;
}

/** 编制人数 N 人，其中：行政编制 a 人、事业编制 b 人 (and the staff in post, and 离退休): each list of categories. */
export function headcountSplits(p: Para, out: Claim[]): void {
  if (!/其\s*中/.test(p.text) || !/人|名/.test(p.text)) return;
  for (const m of p.text.matchAll(HEADCOUNT)) {
    const label = labelBefore(p.text, m.index);
    const family = STAFF_FAMILIES.find((f) => f.family.test(label));
    const count = family ? p.count(m, "count") : null;
    if (!family || !count) continue;
    const parts = partsOf(p, m.index + m[0].length, HEADCOUNT_PART, (x, base) => p.count(x, "count", base), family.part);
    if (parts) out.push({ kind: "headcount-split", label, count, parts: mapArray(parts, (x) => ({ label: x.label, count: x.value })) });
  }
}

/**
 * 资产总额 X 万元，其中：流动资产 a 万元，固定资产 b 万元，…: the classes listed. They are the whole when the list ends
 * with 其他 (资产) or is 流动资产 and 非流动资产; else some classes, at most the total.
 */
export function assetSplits(p: Para, out: Claim[]): void {
  if (!/资产/.test(p.text)) return;
  for (const m of p.text.matchAll(ASSETS)) {
    const total = p.amount(m, "amount");
    if (!total) continue;
    const classOf = (label: string) => ASSET_CLASSES.find(([r]) => r.test(label))?.[1] ?? null;
    const parts = partsOf(p, m.index + m[0].length, ASSET_PART, (x, base) => p.amount(x, "amount", base), classOf);
    if (!parts) continue;
    const classes = new Set(mapArray(parts, (x) => x.category));
    // 非流动资产 with one of its own classes beside it counts them twice.
    if (classes.has("非流动资产") && [...classes].some((c) => NON_CURRENT.has(c))) continue;
    const whole = classes.has("其他") || (classes.size === 2 && classes.has("流动资产") && classes.has("非流动资产"));
    out.push({ kind: "asset-split", label: m.groups!.label, total, parts: mapArray(parts, (x) => ({ label: x.label, amount: x.value })), whole });
  }
}

/** 预算单位共 N 个（家），包括： — the units listed after it, in the paragraph or as numbered paragraphs after it. */
const UNIT_COUNT = /(?<label>(?:预\s*算|基\s*层)?\s*单\s*位)\s*共\s*(?:计|有)?\s*(?<count>\d+)\s*(?:个|家)\s*,?\s*(?:具\s*体\s*)?包\s*括\s*[:：]?\s*/dg;
/** A list item's number: 1. 1、 1． (1) （1）. */
const ITEM_NUMBER = /^\s*(?:\((?<p>\d+)\)|(?<n>\d+)\s*[.、．])/;
const itemNumber = (text: string): number | null => {
  const m = ITEM_NUMBER.exec(text);
  return m ? Number(m.groups!.p ?? m.groups!.n) : null;
};
/** …本级 (预算) 及所属 2 家事业单位 · 厅本级和 5 个所属事业单位: the 本级 and a count of the units besides it. */
const OWN_AND_SUBORDINATES = /^[^,;。、]*?本\s*级\s*(?:预\s*算)?\s*(?:和|及|以\s*及)\s*(?:所\s*属\s*(?:的\s*)?\d+\s*(?:个|家)|\d+\s*(?:个|家)\s*所\s*属)/;

/**
 * A list of units' names separated by 、 (…等 at its end dropped). `abbreviated` where the names may be fewer than the
 * units: …等 (A、B等3个单位), or two names joined by 和 / 及 that may be one name (广西壮族自治区文化和旅游厅).
 */
function unitNames(list: string): { names: string[]; abbreviated: boolean } {
  const etc = /等\s*$/.test(list);
  const names = mapArray(list.replace(/等\s*$/, "").split("、"), (s) => s.replace(ITEM_NUMBER, "").trim()).filter(Boolean);
  return { names, abbreviated: etc || names.some((n) => /和|及/.test(n)) };
}

/**
 * `纳入…部门预算编制范围的预算单位共 5 个，包括：` then the units: numbered paragraphs (1.贵州省农业农村厅（本级） / 2.…), or
 * one list separated by 、 up to its first ，；or 。 (江苏省人民检察院本级、南京铁路运输检察院、徐州铁路运输检察院。). Read as the 基层单位 count and its
 * names (a `base-units` claim, as Shenzhen's `共 N 家基层单位`). A list that sums some units up (…等 8 家直属事业单位), or
 * joins two names with 和 or 及, is read as `abbreviated` (the count at least its names); one of fewer than two names is
 * not read. `包括：厅机关本级及所属 2 家事业单位` is read as the whole count, the 本级 among it, and the 2 besides it.
 */
export function unitLists(paras: Para[], k: number, out: Claim[]): void {
  const p = paras[k];
  unitsBesidesOwn(p, out);
  if (!/包\s*括/.test(p.text)) return;
  for (const m of p.text.matchAll(UNIT_COUNT)) {
    const count = p.count(m, "count");
    if (!count) continue;
    const label = m.groups!.label.replace(/\s+/g, "");
    const rest = p.text.slice(m.index + m[0].length);
    let names: string[] = [];
    let abbreviated = false;
    if (!rest.trim()) {
      // Numbered paragraphs 1, 2, 3 … right after it.
      for (let i = k + 1; i < paras.length && itemNumber(paras[i].text) === names.length + 1; i++) names.push(paras[i].text.replace(ITEM_NUMBER, "").replace(/[;。,]\s*$/, "").trim());
    } else {
      // The names up to the first , ; or 。 (what follows is about them: …研究所、…中心，其中行政单位1个，…).
      const list = rest.slice(0, rest.search(/[,;。]|$/));
      const own = OWN_AND_SUBORDINATES.exec(list);
      if (own) {
        // 单位共 3 个，包括：厅机关本级及所属 2 家事业单位: the 3 with the 本级 (the 2 besides it: unitsBesidesOwn).
        out.push({ kind: "base-units", count, names: [], label, own: true });
        continue;
      }
      ({ names, abbreviated } = unitNames(list));
    }
    if (names.length >= 2) out.push({ kind: "base-units", count, names, label, ...(abbreviated && { abbreviated: true as const }) });
  }
  // 包括：A、B和C等 3 个单位 · 包括：A、B、C共 3 家基层单位: the count after its names.
  for (const m of p.text.matchAll(LISTED_THEN_COUNTED)) {
    const count = p.count(m, "count");
    const { names, abbreviated } = unitNames(m.groups!.list + (m.groups!.etc ?? ""));
    // (Not …本级预算和所属 A、B 等 2 个单位: the units besides the 本级, unitsBesidesOwn's.)
    if (count && names.length >= 2 && !/(?:和|及)\s*所\s*属/.test(m.groups!.list))
      out.push({ kind: "base-units", count, names, label: m.groups!.label.replace(/\s+/g, ""), ...(abbreviated && { abbreviated: true as const }) });
  }
}

/** 包括：A、B和C等 3 个单位 · 包括：A、B、C共 3 家基层单位 — names up to the count (none of , ; 。 between). */
const LISTED_THEN_COUNTED = /包\s*括\s*[:：]?\s*(?<list>[^,;:：。\d]+?)\s*(?:(?<etc>等)|共)\s*(?<count>\d+)\s*(?:个|家)\s*(?<label>(?:预\s*算|基\s*层|二\s*级\s*预\s*算|所\s*属|下\s*属|事\s*业)?\s*单\s*位)/dg;

/**
 * The units besides the department's own, counted with the 本级 named apart (…部门预算由厅本级预算和 4 个所属单位预算组成 ·
 * 由局本级和所属 4 家事业单位的预算组成 · 本级预算和所属 A、B 等 2 个单位预算, and 共 5 家预算单位 after it, the whole):
 * `own: false`, with the names listed; the whole after it `own: true`. (Not 下属 N 个单位: 成都市体育局下属 3 个预算单位
 * counts its own.)
 */
const BESIDES_OWN = /本\s*级\s*(?:预\s*算)?\s*(?:\([^()]*\))?\s*(?:和|及|以\s*及)\s*(?:所\s*属\s*(?:的\s*)?(?<list>[^,;:：。\d]*?)\s*(?<etc>等)?\s*(?<count>\d+)\s*(?:个|家)|(?<count2>\d+)\s*(?:个|家)\s*所\s*属)\s*(?:的\s*)?[^,;:：。\d]{0,8}?单\s*位/dg;
const WHOLE_AFTER = /^[^。;]*?共\s*(?<count>\d+)\s*(?:个|家)\s*(?:预\s*算\s*)?单\s*位/d;

function unitsBesidesOwn(p: Para, out: Claim[]): void {
  if (!/本\s*级/.test(p.text)) return;
  for (const m of p.text.matchAll(BESIDES_OWN)) {
    const count = p.count(m, m.groups!.count ? "count" : "count2");
    if (!count) continue;
    const { names, abbreviated } = m.groups!.list?.trim() ? unitNames(m.groups!.list + (m.groups!.etc ?? "")) : { names: [], abbreviated: false };
    out.push({ kind: "base-units", count, names, label: "所属单位", own: false, ...(abbreviated && { abbreviated: true as const }) });
    const end = m.index + m[0].length;
    const whole = WHOLE_AFTER.exec(p.text.slice(end));
    const total = whole && p.count(whole, "count", end);
    if (total) out.push({ kind: "base-units", count: total, names: [], label: "预算单位", own: true });
  }
}

/**
 * 预算单位共 N 个，其中： · 下属 N 个预算单位，其中： — the units counted by kind after it; or after the list of their names
 * (单位共 N 个，具体包括：A、B、C。其中： · …包括：A、B、C，其中…), the 其中 opening the clause or sentence right after it.
 */
const UNIT_KINDS_HEAD =
  /(?:(?<label>(?:预\s*算|基\s*层)?\s*单\s*位)\s*共\s*(?:计|有)?\s*(?<count>\d+)\s*(?:个|家)|下\s*属\s*(?<count2>\d+)\s*(?:个|家)\s*(?<label2>(?:预\s*算\s*)?单\s*位))\s*,?\s*(?:(?:具\s*体\s*)?包\s*括\s*[:：]?[^。]*?[,;。]\s*)?其\s*中\s*[:：]?/dg;
/** A count of units in the sentence, with the words before it. */
const UNITS_COUNTED = /(?<label>[^\d,;:。、()]{0,14}?)\s*(?<count>\d+)\s*(?:个|家)/dg;
/**
 * The kinds of units a department's units split into: 行政单位, 事业单位 (or its kinds: 参公, 公益一类 / 二类 / 三类, or by
 * funding 全额 / 差额拨款 and 自收自支), 企业, 其他单位.
 */
const UNIT_KIND =
  /^(?:其中)?(?<kind>行政单位|参照公务员法管理(?:的)?事业单位|参公(?:管理)?事业单位|公益[一二三]类事业单位|(?:财政)?(?:全额|差额)(?:拨款)?事业单位|自收自支事业单位|事业单位|企业|其他单位)$/;
/** Which way a kind divides the 事业单位 (kinds of two ways may overlap: a 参公 unit is funded in full). */
const kindScheme = (kind: string): "whole" | "role" | "funding" | null =>
  kind === "事业单位" ? "whole" : /参|公益/.test(kind) ? "role" : /全额|差额|自收自支/.test(kind) ? "funding" : null;

/**
 * `预算单位共 3 个，其中：行政单位 1 个，为…（本级）；事业单位 2 个，分别为…`: the kinds add up to the count (a `headcount-split`
 * of units). Read only when every count of the sentence after 其中 is of a kind of unit, each kind once, and the 事业单位's
 * kinds are of one way of dividing them (事业单位 beside 参公事业单位 or 公益一类事业单位 may hold it; 全额拨款事业单位 beside
 * 参公事业单位 may be it: not read), whatever the words between them (the units' names).
 */
export function unitKinds(p: Para, out: Claim[]): void {
  if (!/其\s*中/.test(p.text)) return;
  for (const m of p.text.matchAll(UNIT_KINDS_HEAD)) {
    const count = p.count(m, m.groups!.count ? "count" : "count2");
    if (!count) continue;
    const from = m.index + m[0].length;
    const end = p.text.indexOf("。", from);
    const sentence = p.text.slice(from, end < 0 ? p.text.length : end).replace(/\([^()]*\)/g, (s) => " ".repeat(s.length));
    const parts: { label: string; count: NonNullable<ReturnType<Para["count"]>> }[] = [];
    let ok = true;
    for (const c of sentence.matchAll(UNITS_COUNTED)) {
      const kind = UNIT_KIND.exec(c.groups!.label.replace(/\s+/g, ""))?.groups!.kind;
      const n = kind ? p.count(c, "count", from) : null;
      if (!kind || !n || parts.some((x) => x.label === kind)) ok = false;
      else parts.push({ label: kind, count: n });
    }
    const schemes = new Set(mapArray(parts, (x) => kindScheme(x.label)).filter((x) => x));
    if (ok && parts.length >= 2 && schemes.size <= 1) out.push({ kind: "headcount-split", label: (m.groups!.label ?? m.groups!.label2).replace(/\s+/g, ""), count, parts });
  }
}
