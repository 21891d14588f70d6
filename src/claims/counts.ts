import { type Para, re } from "./para.js";
import type { Claim, SanggongCountItem } from "./types.js";

/**
 * The counts a “三公” statement states, as a 决算's 三公 table prints them under its 统计数 (the national form's rows): the
 * groups abroad and their people, the official vehicles bought and held, the receptions and their guests.
 *
 *   全年安排因公出国（境）团组2个，累计7人次 · 因公出国（境）团组729个，总计2143人次
 *   本年度使用一般公共预算财政拨款购置公务用车1辆 · 截至12月31日，公务用车保有量为31辆
 *   国内公务接待68批次，512人次（不包括陪同人员） · 国内公务接待批次为520个，接待人次为4200人 · 外事接待0批次、0人次
 *   国内公务接待共30批次（其中外事接待26批次），579人次
 *   (in a 公务接待 statement) 共接待国内来访团组26批次，230人次 · 接待来访团组12批次 · 接待外宾团组3个
 *
 * A count is read only where its words say what it counts, right before it: not 更新购置救助专用车辆1辆 (a vehicle, not
 * said to be an official one), not a plan or another year's (计划 · 预算 · 拟 · 年初 · 上年 in its clause: 年初预算安排购置
 * 公务用车3辆), not a vehicle bought with other money than the allocation (单位自有资金购置公务用车1辆, which the table's
 * 一般公共预算财政拨款 counts leave out), and not a 国内 reception said to leave its 外事 ones out (…（不含外事接待）: the table's
 * 国内 count holds them). 公务接待 N 批次 without 国内 or 国（境）外 is the 国内 receptions or all of them: at least the
 * 国内 count.
 */

/** Words that make a clause's count a plan, a budget or another year's, not the year's own. */
const NOT_THIS_YEARS = /计划|预算|拟|年初|上年|去年|上一年|同期/;
/** Money other than the allocation the table counts (a vehicle bought with it is not in 公务用车购置数). */
const OTHER_MONEY = /自有资金|单位资金|其他资金|非财政|事业收入|经营收入|上级补助|政府性基金|社会捐赠/;
/** An aside that leaves the 外事 receptions out of the 国内 ones (the table's 国内 count holds them). */
const WITHOUT_FOREIGN = /不\s*(?:含|包括)\s*(?:外事|外宾)/;

const ABROAD = re(
  String.raw`因公出国\(境\)\s*(?:(?:团组|团)\s*(?:数)?\s*(?:为|是|共|共计|合计)?\s*(?<groups>\d+)\s*个(?:\s*团组)?|(?:共|共计|累计)?\s*(?<groups2>\d+)\s*个\s*(?:团组|团))(?:\s*[,、]?\s*(?:累计|共计|总计|合计|共)?\s*(?:出国|出访)?\s*(?:人次数|人数|人次)?\s*(?:为|是)?\s*(?<people>\d+)\s*(?:人次|人))?`,
  "g",
);
const VEHICLES_HELD = re(String.raw`公务用车保有(?:量|数)\s*(?:为|是|共|共计|合计)?\s*(?<count>\d+)\s*辆`, "g");
const VEHICLES_BOUGHT = re(String.raw`购置(?:了)?\s*公务用?车\s*(?<count>\d+)\s*辆|公务用车购置(?:数量?)\s*(?:为|是)?\s*(?<count2>\d+)\s*辆`, "g");
const RECEPTION = re(
  String.raw`(?<who>国内公务|国内|国\(境\)外公务|国\(境\)外|外事|外宾|公务)接待\s*(?:批次)?\s*(?:共|共计|累计|合计)?\s*(?:为|是)?\s*(?<batches>\d+)\s*(?:个批次|批次|批|个)(?<aside>\s*\([^()]{0,40}\))?(?:\s*[,、]?\s*(?:共|共计|累计|合计)?\s*(?:接待)?\s*(?:人次数|人数|人次)?\s*(?:为|是)?\s*(?<people>\d+)\s*(?:人次|人))?`,
  "g",
);

/**
 * The receptions said by the groups received (共接待国内来访团组26批次 · 接待来访团组12批次，160人次 · 接待外宾团组3个): read only in
 * a 公务接待 statement (RECEIVED_IN), the groups' words saying whose (国内 · 外宾 / 外事; none: 公务接待 without 国内, at
 * least the 国内 count; 境外 · 外国 · 港澳台 …: not read, the form's kinds not said).
 */
const RECEIVED = re(
  String.raw`(?<who>国内公务|国内|外事|外宾|国\(境\)外公务|国\(境\)外)?接待\s*(?<whose>[^,;:。\d]{0,12}?)\s*(?:团组|团队|代表团|考察团)\s*(?:数)?\s*(?:共|共计|累计|合计)?\s*(?:为|是)?\s*(?<batches>\d+)\s*(?:个批次|批次|批|个)(?<aside>\s*\([^()]{0,40}\))?(?:\s*[,、]?\s*(?:共|共计|累计|合计)?\s*(?:接待|来访)?\s*(?:人员)?\s*(?:人次数|人数|人次)?\s*(?:为|是)?\s*(?<people>\d+)\s*(?:人次|人))?`,
  "g",
);
/** A 三公 kind named in a statement: the last before a reception's groups must be 公务接待 (RECEIVED_IN). */
const SANGGONG_KIND = /因公出国|公务用?车|公务接待|会议费|培训费|三公/g;

/**
 * Whether the groups received at `at` are said in a 公务接待 statement: the last 三公 kind the paragraph names before them is
 * 公务接待 (公务接待费支出决算为 X 万元，…，共接待国内来访团组26批次), not another kind or none (接待考察团组 in a paragraph on the
 * department's work).
 */
function receivedIn(text: string, at: number): boolean {
  let last: string | null = null;
  for (const m of text.slice(0, at).matchAll(SANGGONG_KIND)) last = m[0];
  return last === "公务接待";
}

/** The clause a match at `at` stands in, back to the last , ; : or 。 before it. */
function clauseBefore(text: string, at: number): string {
  let from = at;
  while (from > 0 && !",;:。".includes(text[from - 1])) from--;
  return text.slice(from, at);
}

export function sanggongCounts(p: Para, out: Claim[]): void {
  if (!/出国|公务用?车|接待/.test(p.text)) return;
  // (In printed order.)
  const read: { at: number; claim: Claim }[] = [];
  const push = (item: SanggongCountItem, label: string, m: RegExpExecArray, group: string, atLeast = false) => {
    const count = p.count(m, group);
    if (count) read.push({ at: m.indices!.groups![group][0], claim: { kind: "sanggong-count", item, label, count, ...(atLeast && { atLeast: true as const }) } });
  };
  // (一般公共预算 names the allocation the count is of, not a budget: 使用一般公共预算财政拨款购置公务用车1辆.)
  const own = (m: RegExpExecArray) => !NOT_THIS_YEARS.test(clauseBefore(p.text, m.index).replace(/一般公共预算|政府性基金预算|国有资本经营预算/g, ""));
  for (const m of p.text.matchAll(ABROAD)) {
    if (!own(m)) continue;
    push("abroad-groups", "因公出国（境）团组数", m, m.groups!.groups ? "groups" : "groups2");
    if (m.groups!.people) push("abroad-people", "因公出国（境）人次数", m, "people");
  }
  for (const m of p.text.matchAll(VEHICLES_HELD)) if (own(m)) push("vehicles-held", "公务用车保有量", m, "count");
  for (const m of p.text.matchAll(VEHICLES_BOUGHT)) if (own(m) && !OTHER_MONEY.test(clauseBefore(p.text, m.index))) push("vehicles-bought", "公务用车购置数", m, m.groups!.count ? "count" : "count2");
  for (const m of p.text.matchAll(RECEPTION)) {
    const g = m.groups!;
    const after = p.text.slice(m.index + m[0].length, m.index + m[0].length + 16);
    if (!own(m) || WITHOUT_FOREIGN.test((g.aside ?? "") + after)) continue;
    const who = g.who.replace(/公务$/, "");
    const [batches, people, label, atLeast] =
      who === "国内"
        ? (["reception-batches", "reception-people", "国内公务接待", false] as const)
        : who === "外事" || who === "外宾"
          ? (["reception-foreign-guests-batches", "reception-foreign-guests-people", `${who}接待`, false] as const)
          : who === "国(境)外"
            ? (["reception-foreign-batches", "reception-foreign-people", "国（境）外公务接待", false] as const)
            : (["reception-batches", "reception-people", "公务接待", true] as const);
    push(batches, `${label}批次`, m, "batches", atLeast);
    if (g.people) push(people, `${label}人次`, m, "people", atLeast);
  }
  for (const m of p.text.matchAll(RECEIVED)) {
    const g = m.groups!;
    const after = p.text.slice(m.index + m[0].length, m.index + m[0].length + 16);
    if (!own(m) || !receivedIn(p.text, m.index) || WITHOUT_FOREIGN.test((g.aside ?? "") + after)) continue;
    // (Whose groups by their words: 国内 · 外宾 / 外事; 来访, 上级, 考察 … say none; any other place is not the form's kinds.)
    const whose = ((g.who ?? "") + g.whose).replace(/公务|来访|来宾|上级|各级|各类|检查|调研|考察|交流|学习|工作|等|的|共|累计|共计|全年/g, "");
    const [batches, people, label, atLeast] =
      /^国内$/.test(whose)
        ? (["reception-batches", "reception-people", "国内公务接待", false] as const)
        : /^(外宾|外事)$/.test(whose)
          ? (["reception-foreign-guests-batches", "reception-foreign-guests-people", `${whose}接待`, false] as const)
          : whose === ""
            ? (["reception-batches", "reception-people", "公务接待", true] as const)
            : [null, null, "", false];
    if (!batches) continue;
    push(batches, `${label}批次`, m, "batches", atLeast);
    if (g.people) push(people, `${label}人次`, m, "people", atLeast);
  }
  for (const r of read.sort((a, b) => a.at - b.at)) out.push(r.claim);
}
