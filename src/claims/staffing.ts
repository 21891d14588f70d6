import type { Amount } from "../model/amount.js";
import { mapArray } from "../util/arrays.js";
import { type Para, re } from "./para.js";
import type { Claim, StaffingClaim, StaffingField } from "./types.js";

/*
 * 部门概况's staffing: the whole department's (系统 / 全系统 …) and each unit's, in a numbered paragraph of its own, in
 * the forms documents print —
 *
 *   系统行政编制总数15人，实有在编人数11人；事业编制总数47人，实有在编人数42人；离休0人，退休53人。     (深圳)
 *   1. 深圳市科学技术协会（本级）为本级预算。…行政编制总数 15 人，实有在编人数 11 人；事业编制总数 0 人，…
 *   1.某县农业农村局（局机关），行政单位，…核定行政编制18名，实有在职人员16人，退休人员9人。                (江西)
 *   2.某县农业技术推广中心，事业单位，核定事业编制24名，实有在职人员22人，退休人员14人。
 *   全系统核定编制70名，其中：行政编制18名、事业编制52名；实有在职人员64人，退休人员44人。
 *
 * A unit's 编制 may be stated by kind only (行政编制 or 事业编制, the other none), as a total (核定编制 N 名), or not at all.
 * The units are read only as a whole list: numbered 1, 2, … n in order, each with a figure, and no numbered paragraph
 * among them or right after them (n + 1) that names a unit without one — a unit left unread would make any sum of
 * theirs short, which is no evidence against the system's total.
 */

const STAFF: [StaffingField, RegExp][] = [
  // 行政编制总数15人, also 行政编制15名 / 行政编制数为15人; 离休人员0人.
  ["admin", re(String.raw`行政编制(?:总?数)?\s*(?:为)?\s*(?<count>NUM)\s*[人名]`)],
  // (Not 参照公务员法管理事业编制 · 参公事业编制: 参公's, another kind.)
  ["service", re(String.raw`(?<!管理的?|参公)事业编制(?:总?数)?\s*(?:为)?\s*(?<count>NUM)\s*[人名]`)],
  // 核定编制70名 · 编制人数412人 · 编制数为24名: all kinds together (not 行政编制, 事业编制, 事业单位编制, 政法专项编制 …).
  ["posts", re(String.raw`(?:^|(?<=[,;:。、(]|核定|批复|下达|系统|部门|本单位|本级|共有?|合计|总计))\s*编制(?:总?数|人数)?\s*(?:为|共)?\s*(?<count>NUM)\s*[人名]`)],
  // 实有在职人员16人 · 在职人员22人 · 实有人员64人 (not Shenzhen's 实有在编人数 after a kind's 编制: adminActual / serviceActual).
  ["inService", re(String.raw`(?:实有(?:在职)?(?:人员|人数)|在职(?:人员|职工)(?:人数)?)\s*(?:为|共)?\s*(?<count>NUM)\s*[人名]`)],
  ["retiredCadres", re(String.raw`离休(?:人员)?\s*(?<count>NUM)\s*[人名]`)],
  ["retired", re(String.raw`(?<!离)退休(?:人员)?\s*(?<count>NUM)\s*[人名]`)],
];
/** A word one of STAFF's patterns needs: 编制 (行政编制, 事业编制, 编制), 实有 or 在职, 离休, 退休. */
const STAFF_WORDS = /编制|在职|实有|退休|离休/;
/** 实有在编人数 N 人 after a kind's 编制 (深圳): that kind's staff in post. */
const ACTUAL = re(String.raw`^[^;。]*?实有(?:在编)?人数\s*(?:为)?\s*(?<count>NUM)\s*[人名]`);
/** Every 编制 figure of a paragraph, whatever its kind. */
const ANY_POSTS = re(String.raw`编制(?:总?数|人数)?\s*(?:为|共)?\s*NUM\s*[人名]`, "g");
/** Kinds of 编制 a unit's posts by kind would leave out (参公, 工勤, 政法专项 …): its 编制 are not known to be its 行政 and 事业 ones. */
const OTHER_POSTS = /参照公务员法|参公|工勤|专项编制|周转编制|机关后勤/;
/** A unit's paragraph: its list number, then its name up to 为 / 下设 / a comma (1.某局（本级）为… · 2.某中心，事业单位，…). */
const UNIT = /^\s*(?:(?<n>\d+)\s*[.、．]|\((?<p>\d+)\))\s*(?<name>.+?)(?:为|下设|,)/;
/** What a unit's name ends in: an office, a centre, a station … (a numbered paragraph about something else does not). */
const ORGANISATION = /(?:局|厅|委员会|委|办公室|办|中心|站|所|院|馆|处|队|学校|校|协会|学会|会|室|部|社|场|园|团|台|机关|本级|单位)(?:\([^()]*\))?$/;
/** The whole department named before its staffing (全系统核定编制… · 本部门编制人数… · 系统行政编制总数…). */
const WHOLE = /全?系统|本部门|全部门|全局|全委|全厅|全院|合计|共计|总计|汇总/;

/** Where a figure is printed. */
const placeOf = (a: Amount) => `${a.location.file}:${a.location.line}:${a.location.column}`;

/**
 * The staffing figures of a paragraph, by field. A figure a head count's list read already (其中：行政编制18名、…,
 * splits.ts) is that one Amount: the diagnosis takes one printed figure for one figure.
 */
function countsOf(p: Para, read: Map<string, Amount>): Partial<Record<StaffingField, Amount>> {
  const counts: Partial<Record<StaffingField, Amount>> = {};
  // Every pattern of STAFF holds one of STAFF_WORDS: a paragraph without any (nearly every one) has no figure to
  // read, found by one plain test instead of six patterns with look-behinds tried at each character (0.8% of a
  // warm document's samples; docs/performance.md, "Sixteenth pass").
  if (!STAFF_WORDS.test(p.text)) return counts;
  const figure = (a: Amount | null) => (a ? read.get(placeOf(a)) ?? a : a);
  for (const [field, rx] of STAFF) {
    const m = rx.exec(p.text);
    if (!m) continue;
    counts[field] = figure(p.count(m, "count"))!;
    if (field === "admin" || field === "service") {
      const from = m.index + m[0].length;
      const a = ACTUAL.exec(p.text.slice(from));
      if (a) counts[field === "admin" ? "adminActual" : "serviceActual"] = figure(p.count(a, "count", from))!;
    }
  }
  return counts;
}

/** Every 编制 of the paragraph is its 行政编制 or its 事业编制, and no total is stated: the kind it does not state is none. */
function postsByKind(p: Para, counts: Partial<Record<StaffingField, Amount>>): boolean {
  if (counts.posts || !(counts.admin || counts.service) || OTHER_POSTS.test(p.text)) return false;
  return [...p.text.matchAll(ANY_POSTS)].length === (counts.admin ? 1 : 0) + (counts.service ? 1 : 0);
}

/**
 * The staffing of a part's paragraphs: a `staffing` claim for the whole (`unit: null`) and one per unit, the units
 * only where their list is whole. `system`: which paragraph not numbered is the whole's — `named`, one that names the
 * whole before its figures (any province's text); `posts`, any that states a 行政编制 (深圳's 部门概况, where it is the
 * only one).
 */
export function staffing(paras: Para[], out: Claim[], system: "named" | "posts"): void {
  const read = new Map<string, Amount>();
  for (const c of out) if (c.kind === "headcount-split") for (const a of [c.count, ...mapArray(c.parts, (x) => x.count)]) read.set(placeOf(a), a);
  const units: StaffingClaim[] = [];
  // The numbered paragraphs, in order: a unit's with its figures, or one naming a unit without any (null).
  const numbered: { n: number; claim: StaffingClaim | null }[] = [];
  for (const p of paras) {
    const unit = UNIT.exec(p.text);
    const counts = countsOf(p, read);
    const stated = Object.keys(counts).length > 0;
    const byKind = { ...(postsByKind(p, counts) && { byKind: true as const }), ...(stated && OTHER_POSTS.test(p.text) && { otherPosts: true as const }) };
    if (unit) {
      const n = Number(unit.groups!.n ?? unit.groups!.p);
      const name = unit.groups!.name.trim();
      const claim: StaffingClaim | null = stated ? { kind: "staffing", unit: name, item: n, counts, ...byKind } : null;
      if (claim) units.push(claim);
      if (claim || ORGANISATION.test(name)) numbered.push({ n, claim });
      continue;
    }
    // (The words of its sentence before its first figure name the whole.)
    const at = p.text.search(STAFF_WORDS);
    const whole = system === "posts" ? /行政编制/.test(p.text) : at >= 0 && WHOLE.test(p.text.slice(p.text.lastIndexOf("。", at) + 1, at));
    if (stated && whole) out.push({ kind: "staffing", unit: null, counts, ...byKind });
  }
  // The list: from the first unit read to the numbered paragraph after the last (n + 1 naming a unit unread: one more).
  const from = numbered.findIndex((x) => x.claim);
  if (from < 0) return;
  let to = numbered.length - 1;
  while (!numbered[to].claim) to--;
  const list = numbered.slice(from, to + 2);
  const next = list.length > to - from + 1 ? list.pop()! : null;
  const whole = list.every((x, i) => x.claim && x.n === i + 1) && !(next && next.n === list.length + 1);
  if (whole) out.push(...units);
}
