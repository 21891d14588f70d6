import { Decimal } from "decimal.js";
import { makeCount, type Amount } from "../model/amount.js";
import { normaliseName } from "../model/names.js";
import { fundParts, genericFigures, listedClasses, spendingOf, type FigureAt, type ListedTotal } from "./generic-figures.js";
import { ABROAD, OFFICIAL_CAR, paragraphsOf, PART_CHANGE, PERCENT_AFTER, re, type Para } from "./para.js";
import type { JoinedText } from "./text.js";
import type { Claim, CompositionClaim } from "./types.js";
import { assetSplits, headcountSplits, unitKinds, unitLists } from "./splits.js";
import { sanggongCounts } from "./counts.js";
import { sanggongDirections } from "./directions.js";
import { vehicleSplits } from "./vehicles.js";
import { basicWhole, carsWhole, CHANGE_PART, nestedAt, overlapping, nestedClaim, ownAndUnits, spendingWhole, unitBreakdowns, type Nested } from "./part-lists.js";
import { staffing } from "./staffing.js";
import { mapArray } from "../util/arrays.js";

/**
 * The statements of a written part that no province's reader knows (extract.ts reads Shenzhen's parts by
 * number and Shanghai's by title): the ones nearly every 部门预算 and 决算 prints, whatever its province, in
 * the Ministry of Finance's wording —
 *
 *   2026 年国家信访局收入预算总计 50,616.94 万元，其中，一般公共预算拨款收入 16,474.82 万元，占 32.55%；
 *   其他收入 31,888.00 万元，占 63.0%；上年结转 2,254.12 万元，占 4.45%。
 *
 * Each part's 占 P% is its share of the total (a `share` claim). When every part states a share and the
 * shares add up to 100% within their rounding, the text says the parts make the whole: their sum is the
 * total (a `composition` claim). A list whose shares do not add up to 100%, or one without shares, may be
 * partial (其中 names some parts only) and gives no sum; a part whose 占 names another base
 * (占部门支出总额的 …) gives no share of this total.
 */

/**
 * A share's change in points after it, which no identity of the list's figures holds (…占10.61%，占比较上年提高3.23个
 * 百分点 · ，比上年下降1.2个百分点): passed over, the list read on.
 */
const SHARE_CHANGE = String.raw`(?:\s*,\s*(?:占比)?\s*(?:较|比)\s*上\s*年(?:度)?\s*(?:提高|增加|上升|增长|下降|降低|减少)了?\s*NUM\s*个\s*百\s*分\s*点)?`;
/** 占 before a share, or 占比 / 占比为 / 占比重 right before its figure (no base named: group `of` empty). */
const SHARE_WORD = String.raw`占\s*(?:比(?:重|例)?\s*(?:为|是)?(?=\s*\d))?`;
/**
 * What a part is for, said between its share and the next part (辽宁, 广西: 基本支出5931.49万元，占68.34%，主要用于保障人员
 * 工资福利和机构正常运转；项目支出…): words without a figure, up to the part's ； or 。.
 */
const ASIDE = String.raw`(?:\s*,\s*(?:主要)?(?:用于|包括)[^\d;。]{0,80}(?=\s*[;。]|$))?`;

/**
 * A total followed by 其中: `…总计 50,616.94 万元，其中，` (the label is what is printed before it, from the last punctuation),
 * or by 包括 / 分别为 / 主要包括 / 主要项目包括 (group `includes`, `main`).
 */
const TOTAL = re(String.raw`(?<amount>NUM)\s*(?<money>万\s*元|元)\s*,\s*(?:其\s*中|(?<main>主\s*要\s*(?:项\s*目\s*)?)?(?<includes>包\s*括|分\s*别\s*为))\s*[,:]?\s*`, "g");
/**
 * One part of the list: a label without figures (a word in brackets in it: 因公出国（境）费, 一般公共服务（类）支出), the
 * amount, optionally 占 P%, then ; , 、 or the sentence's end.
 */
const PART = re(String.raw`^\s*(?<label>(?:[^\d,;:。%()]|\([^\d,;:。%()]{1,6}\)){1,40}?)\s*(?<amount>NUM)\s*(?<money>万\s*元|元)(?:\s*,\s*${SHARE_WORD}(?<of>[^\d%,;。]*?)的?\s*(?<pct>NUM)\s*%)?${SHARE_CHANGE}${PART_CHANGE}${ASIDE}\s*(?<etc>等)?\s*(?<sep>[;,、]|。|$|(?=\())`);
/** A year in a label (2026年, 2026年度): the name is what follows it. */
const YEAR = /20\d\d年度?/g;
/** A list marker before a label: 一、 (一) 1、 1. */
const MARKER = /^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十\d]+\)|\d+[、.．])/;

/** The label of a figure at `at`: the text before it back to the last , ; : 。 or the paragraph's start. */
function labelBefore(text: string, at: number): string {
  let from = at;
  while (from > 0 && !",;:。".includes(text[from - 1])) from--;
  let label = text.slice(from, at).replace(/\s+/g, "");
  // A heading joined to its first sentence (二、关于部门收入总表的说明2026年…收入预算总计): from the year on,
  const year = [...label.matchAll(YEAR)].pop();
  if (year) {
    // (Unless what comes before the year is an item's path, 一般公共服务支出（类）…（款）行政运行（项）2025年预算数为:
    // then the 项, not 预算数.)
    const path = label.slice(0, year.index).replace(MARKER, "");
    const names = /\((?:类|款|项)\)$/.test(path) ? path.split(/\((?:类|款|项)\)/).filter(Boolean) : [];
    label = names.length ? names[names.length - 1] : label.slice(year.index + year[0].length);
  }
  // …or from the end of a heading's 说明 (三、支出预算情况说明省检察院本年支出预算合计).
  const heading = label.lastIndexOf("说明");
  if (heading >= 0) label = label.slice(heading + 2);
  // …or from an item's list marker after its heading (（三）住房保障支出（类）/ 1．住房改革支出（款）…).
  label = label.replace(/^.*\)\d{1,2}[．.、](?=\D)/, "");
  return label.replace(MARKER, "").replace(/^其中/, "").replace(/(?:为|是)$/, "");
}

/**
 * `stage`: a 预算's figures that restate its tables are read too (generic-figures.ts); a 决算's text states
 * 年初预算 and 决算 side by side, in words that reader does not tell apart. `department`: the document's
 * department, whose name may come right before its totals (国家信访局收入预算总计); `year`: the document's,
 * a figure of another year (2025 年预算数为 …) is not read as this budget's.
 */
export function genericNotes(j: JoinedText, out: Claim[], stage: "budget" | "final" = "budget", department: string | null = null, year: number | null = null): void {
  const paras = paragraphsOf(j);
  // One Amount per printed figure, whichever statement reads it: the diagnosis takes it for one figure.
  const figures = new Map<number, Amount | null>();
  const figureAt: FigureAt = (p, m, name, base = 0) => {
    const idx = m.indices?.groups?.[name];
    if (!idx) return null;
    const at = p.start + base + idx[0];
    let a = figures.get(at);
    if (a === undefined) figures.set(at, (a = p.amount(m, name, base)));
    return a;
  };
  const listed: ListedTotal[] = [];
  // (The parts a list nested in another's part is of: read there, not again as a list of their own.)
  const nestedTotals = new Set<Amount>();
  for (let k = 0; k < paras.length; k++) {
    if (/其\s*中|包\s*括|分\s*别\s*为/.test(paras[k].text)) lists(paras, k, figureAt, out, listed, nestedTotals);
    if (/[比较]/.test(paras[k].text)) changes(paras[k], figureAt, out);
    // 公务接待费比上年减少，主要原因是… · …0.00万元，与上年持平: a 三公 change by its direction alone (directions.ts).
    if (SANGGONG_LABEL.test(paras[k].text) && /[比较]|持平/.test(paras[k].text)) sanggongDirections(paras[k], figureAt, out);
    if (/未\s*安\s*排|无/.test(paras[k].text)) nothingLeft(paras[k], out, year);
    // 共有车辆 N 辆，其中：机要通信用车 a 辆、… (辽宁, as Shenzhen's and the 决算's readers read it).
    if (/车辆/.test(paras[k].text)) vehicleSplits(paras[k], out);
    // 因公出国（境）团组 N 个、M 人次 · 公务用车保有量 N 辆 · 国内公务接待 N 批次 … (a 决算's 三公 table's 统计数, counts.ts).
    sanggongCounts(paras[k], out);
    // 编制人数 N 人，其中：行政编制 a 人、… and 资产总额 X 万元，其中：流动资产 a 万元、… (splits.ts).
    headcountSplits(paras[k], out);
    assetSplits(paras[k], out);
    unitLists(paras, k, out);
    unitKinds(paras[k], out);
    // 分单位看：A 收入预算 a 万元；B 收入预算 b 万元 … (part-lists.ts).
    if (/[分按]\s*单\s*位/.test(paras[k].text)) unitBreakdowns(paras, k, figureAt, out);
  }
  // 部门概况's staffing: the whole's and its units' (staffing.ts).
  staffing(paras, out, "named");
  if (stage === "budget") genericFigures(paras, listed, figureAt, out, department, year);
  unintroducedShares(paras, figureAt, out);
  namedShares(paras, figureAt, out);
}

/**
 * A figure and its change on last year (比 / 较 / 与 上年 or a year, 相比 or not, or 同比), in one clause: `2026 年预算数为 5,826.21 万元，比 2025 年执行数增加 271.14
 * 万元，增幅 4.88%` / `收入预算 5,876.67 万元，比上年执行数增加 48.92 万元，增长 0.8%` / `基本支出预算数为 15,844.04万元。
 * 与上年相比增加1849.73 万元，增长13.22 %` (a sentence of its own right after the figure, or after what the figure is
 * for: `行政运行（项）2,617.19 万元，主要用于…方面的支出。比上年执行数增加 252.00 万元`); the total restated between
 * (`24,169.74 万元，与上年相比收、支预算总计各增加 2214.39 万元`), but no other subject: the change of a part
 * (其中人员经费增加 …) is not the figure's; an aside in brackets between them is passed over (广州's `公务用车购置及运行维护费
 * 12.88万元（公务用车购置费0万元，…。）比上年减少0.62万元，下降4.6%`). Only with the change and
 * its percentage both printed: the percentage is the change ÷ last year's figure (this year's ∓ the change).
 * Last year's figure may be printed with it (`较2024年的2190万元减少221万元` · `比上年预算数2190万元减少…` · against
 * `上年年初预算`): it is the change's `previous`.
 */
/** A figure, then what it is compared with (its sentence, or the next after what it is for). */
const CHANGE_HEAD = String.raw`(?<amount>NUM)\s*万\s*元\s*(?:(?<aside>\([^()]{1,200}\))\s*[,。]?|(?<sep>[,。]))\s*(?:占[^\d%,;。]{0,20}?NUM\s*%\s*(?<shareSep>[,。])\s*)?(?:主\s*要\s*用\s*于[^\d%。;]{0,80}[。,]\s*)?(?:(?:比|较|与)\s*(?:上\s*年\s*度?|(?<year>20\d\d)\s*年\s*度?)\s*(?:年\s*初\s*)?(?<base>预\s*算\s*数?|执\s*行\s*数?)?\s*(?:的\s*)?(?:(?<last>NUM)\s*万\s*元\s*)?(?:相\s*比|比\s*较)?|同\s*比)`;
const STATED_CHANGE = re(
  String.raw`${CHANGE_HEAD}\s*,?\s*(?<subject>[^\d,。;:%]{0,40}?)\s*各?\s*(?<dir>增\s*加|减\s*少|新\s*增)\s*了?\s*(?<chg>NUM)\s*万\s*元${PERCENT_AFTER}`,
  "g",
);
/** The percentage first, then the change: `比上年增长 11.11%，增加 10.00 万元`. */
const STATED_CHANGE_PERCENT_FIRST = re(
  String.raw`${CHANGE_HEAD}\s*,?\s*(?:同\s*比\s*)?(?<pdir>增\s*长|上\s*升|下\s*降|降\s*低)\s*了?\s*(?<pct>NUM)\s*%\s*[,(]\s*(?<dir>增\s*加|减\s*少)\s*了?\s*(?<chg>NUM)\s*万\s*元`,
  "g",
);

/**
 * A “三公” figure's change without a percentage (四川, 河南, 安徽: 公务用车购置费 25.00 万元，比 2024 年预算增加 25.00 万元，主要原因是…):
 * read for the 三公 and its components only, whose statements name their figure right before the change. Nothing checks
 * its percentage; the increase is at most this year's figure (last year's was never below zero). A 新增 right after any
 * figure likewise (北京: 一般行政管理事务（项）2026年预算数为30.00万元，比2025年新增30.00万元，主要原因是…): what is new this
 * year is at most this year's figure.
 */
const STATED_CHANGE_BARE = re(String.raw`${CHANGE_HEAD}\s*,?\s*(?<dir>增\s*加|减\s*少|新\s*增)\s*了?\s*(?<chg>NUM)\s*万\s*元`, "g");
const SANGGONG_LABEL = /三公|因公出国|公务用?车|公务接待/;

/**
 * A change whose figure a clause names again after its parts (天津: 公务用车购置及运行费21.60万元，其中：公务用车购置费0万元，
 * 公务用车运行费21.60万元，公务用车购置及运行费比上年减少1.20万元，下降5.26%): the subject, then 比上年 and the change with its
 * percentage. It is the change of the figure stated last before it in its sentence under that very name.
 */
const RESTATED_CHANGE = re(
  String.raw`(?<=(?:^|[,;:。])\s*)(?<subject>[^\d,;:。%()]{2,40}?)\s*(?:比|较)\s*(?:上\s*年\s*度?|(?<year>20\d\d)\s*年\s*度?)\s*(?:年\s*初\s*)?(?<base>预\s*算\s*数?|执\s*行\s*数?)?\s*(?:相\s*比)?\s*,?\s*(?<dir>增\s*加|减\s*少)\s*了?\s*(?<chg>NUM)\s*万\s*元${PERCENT_AFTER}`,
  "g",
);
/** Every figure in 万元 (for the one a restated subject names). */
const WAN_FIGURE = re(String.raw`(?<amount>NUM)\s*万\s*元`, "g");

/**
 * A figure inside a list of what a total includes (主要包括：用于 A a 万元，…，B b 万元，较 2022 年预算增加 D 万元; 主要用于 A a
 * 万元、B b 万元。比上年增加 D 万元): the
 * change printed after the list's last figure may be the total's (深圳's 项目 paragraphs), not that figure's.
 */
function inList(text: string, at: number, label: string, clause = false): boolean {
  // (`clause`: from the last ； too — a “三公” component's clause after another's 主要用于….)
  const sentence = text.slice(Math.max(text.lastIndexOf("。", at - 1), clause ? text.lastIndexOf(";", at - 1) : -1) + 1, at);
  return /包\s*括|主\s*要\s*用\s*于/.test(sentence) || /^用于/.test(label);
}

/**
 * Whether the words between the comparison and its change name the figure's own subject: none, the total restated
 * (收、支预算总计各增加), or the figure's label again (…一般公共预算支出 X 万元，占本年支出合计的 P%。与 2025 年相比，一般公共预算
 * 支出增加 …, the national template's). After the figure's share and its 。 (`shareEnds`), its label only: the sentence
 * after a list's last part and share states the list's total's change, or another's (其中：…项目支出 b 万元，占 Q%。与上年相比增加 …).
 */
function ownSubject(subject: string | undefined, label: string, shareEnds: boolean): boolean {
  const s = normaliseName((subject ?? "").replace(/\s+/g, ""));
  if (s === normaliseName(label)) return true;
  return !shareEnds && (s === "" || /(?:总计|合计|总预算)$/.test(s));
}

/**
 * An item this year's budget no longer holds, said in words, and its decrease (安徽: 其他司法支出（项）2026年未安排预算，比2025年
 * 预算减少42.00万元，下降100% · 2026年无此项预算，较上年减少…): this year's figure is nothing (an exact 0), the decrease all of
 * last year's. A year printed before it must be the document's (`year`); a 新增 or 增加 is not read so.
 */
const STATED_NOTHING = re(
  String.raw`(?<none>(?:(?<own>20\d\d)\s*年\s*度?|本\s*年\s*度?)\s*(?:预\s*算\s*)?(?:未\s*安\s*排|无)\s*(?:此\s*项|该\s*项|该\s*科\s*目)?\s*(?:预\s*算|支\s*出|资\s*金)?\s*(?:数)?)\s*,\s*(?:比|较)\s*(?:上\s*年\s*度?|(?<year>20\d\d)\s*年\s*度?)\s*(?:年\s*初\s*)?(?<base>预\s*算\s*数?|执\s*行\s*数?)?\s*(?:的\s*)?(?:(?<last>NUM)\s*万\s*元\s*)?(?:相\s*比|比\s*较)?\s*,?\s*(?<dir>减\s*少)\s*了?\s*(?<chg>NUM)\s*万\s*元(?:${PERCENT_AFTER})?`,
  "g",
);

function nothingLeft(p: Para, out: Claim[], year: number | null): void {
  for (const m of p.text.matchAll(STATED_NOTHING)) {
    const g = m.groups!;
    // (Another year's 未安排 — last year's, beside this year's figure — is no statement of this budget.)
    if (g.own && (year === null || Number(g.own) !== year)) continue;
    if (g.year && year !== null && Number(g.year) >= year) continue;
    // (The item's name before the year: its path's last name, 其他司法支出（项）.)
    const before = labelBefore(p.text, m.index);
    const names = /\((?:类|款|项)\)$/.test(before) ? before.split(/\((?:类|款|项)\)/).filter(Boolean) : [];
    const label = (names.length ? names[names.length - 1] : before) || g.none.replace(/\s+/g, "");
    const change = p.amount(m, "chg");
    const zero = makeCount("0", p.j.at(p.start + m.index + g.none.search(/未|无/)));
    if (!label || !change || !zero || inList(p.text, m.index, label)) continue;
    out.push({
      kind: "stated-change",
      label: normaliseName(label),
      amount: zero,
      change: {
        kind: "decrease",
        amount: change,
        ...(g.last && { previous: p.amount(m, "last")! }),
        percent: p.amount(m, "pct"),
        percentDirection: g.pdir ? (/增|升/.test(g.pdir) ? "increase" : "decrease") : null,
        year: g.year ? Number(g.year) : null,
        ...(g.base && { base: g.base.startsWith("执") ? ("execution" as const) : ("budget" as const) }),
        toNothing: true,
        location: p.j.at(p.start + m.indices!.groups!.dir[0]),
      },
    });
  }
}

/**
 * The figure a restated subject names: the last before `at` in its sentence whose label is that subject — none where
 * that one's clause names a year or compares (2025年项目支出 X 万元，2026年项目支出比上年…: X is last year's).
 */
function namedBefore(p: Para, at: number, subject: string, figureAt: FigureAt): Amount | null {
  const from = p.text.lastIndexOf("。", at - 1) + 1;
  let found: Amount | null = null;
  for (const f of p.text.slice(from, at).matchAll(WAN_FIGURE)) {
    const label = normaliseName(labelBefore(p.text, from + f.index));
    if (label !== subject) continue;
    let c = from + f.index;
    while (c > 0 && !",;:。".includes(p.text[c - 1])) c--;
    found = /20\d\d\s*年|比|较|上\s*年/.test(p.text.slice(c, from + f.index)) ? null : figureAt(p, f, "amount", from);
  }
  return found;
}

/**
 * The item whose increase a change states is new this year, said right after it (四川, 河南: …（项）2025年预算数为 X 万元，比2024年
 * 预算增加 D 万元，为新增科目 · …，为新增项目): it had nothing last year, so its increase is all of this year's amount (D = X,
 * yoy-change) — read with or without a percentage.
 */
const NEW_ITEM = /^\s*[,。]?\s*(?:为|系|属)\s*(?:20\d\d\s*年\s*度?\s*)?新\s*增\s*(?:的\s*)?(?:预\s*算\s*)?(?:科\s*目|项\s*目)/;
const newItem = (text: string, m: RegExpExecArray): boolean => /增\s*加/.test(m.groups!.dir) && NEW_ITEM.test(text.slice(m.index + m[0].length, m.index + m[0].length + 24));

function changes(p: Para, figureAt: FigureAt, out: Claim[]): void {
  const withPercent = [...p.text.matchAll(STATED_CHANGE), ...p.text.matchAll(STATED_CHANGE_PERCENT_FIRST)];
  const read = new Set(mapArray(withPercent, (m) => m.index));
  const bare = [...p.text.matchAll(STATED_CHANGE_BARE)].filter((m) => !read.has(m.index) && (SANGGONG_LABEL.test(labelBefore(p.text, m.index)) || /新/.test(m.groups!.dir) || newItem(p.text, m)));
  const stated = new Set<number>();
  for (const m of [...withPercent, ...bare]) stated.add(m.index + m[0].length);
  const restated: { m: RegExpExecArray; amount: Amount; label: string }[] = [];
  for (const m of p.text.matchAll(RESTATED_CHANGE)) {
    const subject = normaliseName(m.groups!.subject.replace(/\s+/g, ""));
    const amount = stated.has(m.index + m[0].length) ? null : namedBefore(p, m.index, subject, figureAt);
    if (amount) restated.push({ m, amount, label: subject });
  }
  for (const { m, amount, label } of restated) {
    const g = m.groups!;
    out.push({
      kind: "stated-change",
      label,
      amount,
      change: {
        kind: /增/.test(g.dir) ? "increase" : "decrease",
        amount: p.amount(m, "chg"),
        percent: p.amount(m, "pct"),
        percentDirection: g.pdir ? (/增|升/.test(g.pdir) ? "increase" : "decrease") : null,
        year: g.year ? Number(g.year) : null,
        ...(g.base && { base: g.base.startsWith("执") ? ("execution" as const) : ("budget" as const) }),
        location: p.j.at(p.start + m.indices!.groups!.dir[0]),
      },
    });
  }
  for (const m of [...withPercent, ...bare]) {
    const amount = figureAt(p, m, "amount");
    const label = labelBefore(p.text, m.index);
    const g = m.groups!;
    // (A “三公” component's change is looked for from its clause's ； too: 公务用车购置费…，主要用于…；公务用车运行费 87.60 万元，比…下降 2.56%.)
    if (!amount || !label || inList(p.text, m.index, label, !read.has(m.index) || SANGGONG_LABEL.test(label))) continue;
    if (!ownSubject(g.subject, label, g.shareSep === "。")) continue;
    const at = m.indices!.groups!.dir[0];
    out.push({
      kind: "stated-change",
      label: normaliseName(label),
      amount,
      change: {
        kind: /增/.test(g.dir) ? (newItem(p.text, m) ? "new" : "increase") : "decrease",
        amount: p.amount(m, "chg"),
        ...(g.last && { previous: p.amount(m, "last")! }),
        percent: p.amount(m, "pct"),
        percentDirection: g.pdir ? (/增|升/.test(g.pdir) ? "increase" : "decrease") : null,
        year: g.year ? Number(g.year) : null,
        ...(g.base && { base: g.base.startsWith("执") ? ("execution" as const) : ("budget" as const) }),
        location: p.j.at(p.start + at),
      },
    });
  }
}

/** A line that is only a page number (or blank), printed inside a list that a page break cuts. */
const PAGE_NUMBER = /^\s*\d{0,4}\s*$/;
/** At most this many paragraphs after the total's are read for its list: one per part (a part may end its line with ;). */
const MAX_LIST_PARAGRAPHS = 20;

const unitOf = (m: RegExpExecArray) => m.groups!.money.replace(/\s+/g, "");

/** A section heading's number: 三、 / 第三部分. */
const SECTION = /^\s*(?:[一二三四五六七八九十]+\s*、|第[一二三四五六七八九十]+部分)/;
/**
 * 其中： opening a sentence (or a paragraph) whose total the sentence before states: …5,876.67 万元，…持平。其中：… — or
 * after a clause of words that says what the parts are of, no figure in it (河南: …财政拨款收支总预算 X 万元，比…。收入全部为
 * 本年拨款收入，其中：一般公共预算拨款收入 a 万元，…).
 */
const LEADING = /(?:^|。)\s*(?:[^\d,;:。%]{0,24}?(?:收\s*入|支\s*出)[^\d,;:。%]{0,24}?,\s*)?其\s*中\s*[:,]?\s*/g;
/** The first figure of a sentence, and the unit it is in. */
const FIGURE = re(String.raw`(?<amount>NUM)\s*(?<money>万\s*元|元)`);
/** What a total stated a sentence before its 其中 may be called: the department's 收入 / 支出 (预算) (总计 …). */
const LEADING_TOTAL = /(?:收入|支出|收支)(?:预算)?(?:总计|合计|总额)?$|总预算$|三公[”"]?\s*经费(?:财政拨款)?(?:支出)?(?:预算|决算)?(?:数)?$/;

function lists(paras: Para[], k: number, figureAt: FigureAt, out: Claim[], listed: ListedTotal[], nestedTotals: Set<Amount>): void {
  const p = paras[k];
  for (const t of p.text.matchAll(TOTAL)) {
    const total = figureAt(p, t, "amount");
    const label = labelBefore(p.text, t.index);
    const opener = t.groups!.includes ? (t.groups!.main ? "mainly" : "includes") : "among";
    if (total && label && !nestedTotals.has(total)) list(paras, k, t.index + t[0].length, { total, label, unit: unitOf(t), opener }, figureAt, out, listed, nestedTotals);
  }
  // 其中 after the sentence that states the total (杭州: 2026 年收入预算 5,876.67 万元，比上年…持平。/ 其中：一般公共
  // 预算拨款收入 5,753.07 万元，占 97.9%；…): the total is that sentence's first figure, when it is named as one.
  for (const l of p.text.matchAll(LEADING)) {
    const before = l.index > 0 || l[0].startsWith("。") ? { q: p, end: l.index } : k > 0 ? { q: paras[k - 1], end: paras[k - 1].text.replace(/[。\s]+$/, "").length } : null;
    if (!before) continue;
    const from = before.q.text.lastIndexOf("。", before.end - 1) + 1;
    const f = FIGURE.exec(before.q.text.slice(from, before.end));
    if (!f) continue;
    const label = labelBefore(before.q.text, from + f.index);
    const total = figureAt(before.q, f, "amount", from);
    if (total && label && LEADING_TOTAL.test(label)) list(paras, k, l.index + l[0].length, { total, label, unit: unitOf(f), opener: "after" }, figureAt, out, listed, nestedTotals);
  }
}

/** How a paragraph is numbered: （一） · 一、 · 1、 / 1. — or not. */
const numbering = (text: string): string | null => {
  const m = MARKER.exec(text.trimStart());
  return m ? (m[0].startsWith("(") ? "(" : /^\d/.test(m[0]) ? "1" : "一") : null;
};
/** Whether paragraph qi, after the total's paragraph k, is numbered (（一） 1、) and so is the next one, alike. */
const nextNumbered = (paras: Para[], k: number, qi: number): boolean => {
  const n = qi > k && qi + 1 < paras.length ? numbering(paras[qi].text) : null;
  return n !== null && numbering(paras[qi + 1].text) === n;
};

/**
 * A list of paragraphs, one part each with its share and words after it, unnumbered (江苏: 基本支出2,353.83万元，
 * 占80.89%。主要用于保障… / 项目支出556.00万元，占19.11%。主要用于…): the part in paragraph qi is followed by the next
 * one when the words after it state no amount, the shares so far make less than 100%, and the next paragraph
 * (past a page number) opens with a part of the same unit and its share.
 */
function nextShare(paras: Para[], qi: number, rest: string, parts: { percent: Amount | null; of: string }[], unit: string): boolean {
  if (/\d\s*(万\s*)?元/.test(rest) || parts.some((x) => !x.percent || x.of.trim())) return false;
  const sum = parts.reduce((acc, x) => acc.plus(x.percent!.value), new Decimal(0));
  if (sum.gte(100)) return false;
  let i = qi + 1;
  while (i < paras.length && i - qi <= 2 && PAGE_NUMBER.test(paras[i].text)) i++;
  if (i >= paras.length || i - qi > 2) return false;
  const m = PART.exec(paras[i].text);
  return !!m && !!m.groups!.pct && !m.groups!.of?.trim() && unitOf(m) === unit && !SECTION.test(m.groups!.label);
}

/** What a total's name says once its year, fund, stage and the words every such name has are left out: “三公”经费预算 → 三公. */
const totalCore = (s: string) =>
  normaliseName(s)
    .replace(/[“”"‘’]/g, "")
    .replace(/20\d\d\s*年度?|本年|财政拨款|一般公共预算|预算数?|决算数?|支出|经费|总额|合计|总计|的/g, "");

/** Whether a share's 占 … 的 names the list's own total (占“三公”经费预算的 under 2025年“三公”经费预算 N 万元). */
const namesTotal = (of: string, label: string) => {
  const core = totalCore(of);
  return core.length > 0 && core === totalCore(label);
};

/** The parts listed from `at` in paragraph k on, under `head`'s total: shares, and the sum when they make 100%. */
/**
 * How a list is opened: 其中 (`among`: some or all of the total), 包括 / 分别为 (`includes`: all of it), 主要包括 (`mainly`:
 * some of it); `after`: 其中 opening the sentence after the total's, whose total is told less surely (the sentence's first
 * figure): no sum but of parts that are all of it.
 */
type Opener = "among" | "includes" | "mainly" | "after";
/** A part's name that is a total's (财政拨款支出总计 after the 收入总计's parts): no part. */
const ANOTHER_TOTAL = /总计|合计|总额|总预算/;
/** A total's name that is a change (比上年增加 D 万元，其中：…): its parts are not the list's. */
const CHANGE_LABEL = /增加|减少|增长|下降|[比较]上?年/;

function list(paras: Para[], k: number, at: number, head: { total: Amount; label: string; unit: string; opener: Opener }, figureAt: FigureAt, out: Claim[], listed: ListedTotal[], nestedTotals: Set<Amount>): void {
  const { total, label } = head;
  const parts: { label: string; amount: Amount; percent: Amount | null; of: string }[] = [];
  const nests: { parent: { label: string; amount: Amount }; nest: Nested }[] = [];
  let etc = false;
  let firstSep: string | undefined;
  // The list runs on after the paragraph's end when a line ends with 其中： or a part's ； (the text
  // reader ends a paragraph there), across a page break's page number too.
  let q = paras[k];
  let qi = k;
  // Only a list cut where the text reader ends a paragraph within it: right after 其中： or after a part's ；.
  let runsOn = true;
  // A part whose paragraph goes on in words after its 。, the next part opening the next paragraph (nextShare).
  let sharesRun = false;
  for (;;) {
    if (!q.text.slice(at).trim()) {
      if (!runsOn) break;
      do qi++;
      while (qi < paras.length && qi - k <= MAX_LIST_PARAGRAPHS && PAGE_NUMBER.test(paras[qi].text));
      if (qi >= paras.length || qi - k > MAX_LIST_PARAGRAPHS) break;
      q = paras[qi];
      at = 0;
    }
    const m = PART.exec(q.text.slice(at));
    // A list of numbered paragraphs, one part each, words after it or not ((一)文化旅游体育与传媒支出（类）20,902.31 万元，
    // 占88.02%，主要用于…。 / (二)…): the next paragraph's part, when it is numbered too.
    if (!m && at > 0 && (nextNumbered(paras, k, qi) || (sharesRun && nextShare(paras, qi, q.text.slice(at), parts, head.unit)))) {
      do qi++;
      while (qi < paras.length && PAGE_NUMBER.test(paras[qi].text));
      q = paras[qi];
      at = 0;
      continue;
    }
    // A section heading (三、支出决算情况说明) joined to the figure after it is not a part: the list ended before it
    // (a Word-made PDF can print 603.14万元，占20.51%； of the next section right after its heading).
    if (!m || unitOf(m) !== head.unit || SECTION.test(m.groups!.label)) break;
    const amount = figureAt(q, m, "amount", at);
    if (!amount) break;
    const partLabel = normaliseName(m.groups!.label.replace(/\s+/g, "").replace(MARKER, ""));
    // (A change on last year read as a part, …，比上年预算减少 18.00 万元, or another total, …；财政拨款支出总计 X 万元: the list
    // ended before it.)
    if (CHANGE_PART.test(partLabel) || ANOTHER_TOTAL.test(partLabel)) break;
    let sep = m.groups!.sep;
    let next = at + m[0].length;
    // A list nested in the part (基本支出 B 万元，包括人员经费 a 万元、公用经费 b 万元； · 基本支出 B 万元（人员经费 a 万元，…）):
    // its own claim, the outer list read on after it (part-lists.ts). A bracket after the figure that opens none ends the list.
    const bracketed = sep === "" && /^\s*\(/.test(q.text.slice(next));
    const nest = sep === "," || bracketed ? nestedAt(q, next, bracketed ? "" : ",", partLabel, figureAt) : null;
    if (bracketed && !nest) break;
    if (nest) {
      nestedTotals.add(amount);
      nests.push({ parent: { label: partLabel, amount }, nest });
      next = nest.end;
      sep = nest.sep;
    }
    // A share of the total named again (…839.00万元，占“三公”经费预算的96.71% under 2025年“三公”经费预算867.50万元): the total's.
    const of = m.groups!.of ?? "";
    parts.push({ label: partLabel, amount, percent: q.amount(m, "pct", at), of: namesTotal(of, label) ? "" : of });
    at = next;
    etc ||= !!m.groups!.etc;
    // A list 包括 opens whose parts a 、 or ， parts ends at a ；: what follows is the outer list's (…包括人员经费 a 万元、公用经费 b
    // 万元；项目支出 P 万元).
    firstSep ??= sep;
    if ((head.opener === "includes" || head.opener === "mainly") && sep === ";" && firstSep !== ";") break;
    sharesRun = sep === "。" && !nextNumbered(paras, k, qi) && nextShare(paras, qi, q.text.slice(at), parts, head.unit);
    if (sep === "。" && !nextNumbered(paras, k, qi) && !sharesRun) break;
    runsOn = sep === ";" || (sep === "。" && (nextNumbered(paras, k, qi) || sharesRun));
  }
  for (const n of nests) {
    const c = nestedClaim(n.parent, n.nest);
    if (c) out.push(c);
  }
  const whole = sharesMakeTheWhole(parts);
  // A list of one part is read only when it states the whole (其中：一般公共预算收入 24,169.74 万元，占 100%):
  // a single part without 100% is 其中 naming one part of several — at most the total.
  if (parts.length < 2 && !(parts.length === 1 && whole === "exactly")) {
    if (parts.length === 1 && head.opener !== "after" && !CHANGE_LABEL.test(label) && !overlapping([label, parts[0].label])) out.push({ kind: "composition", label: normaliseName(label), total, parts: [{ label: parts[0].label, amount: parts[0].amount }], whole: "some" });
    return;
  }
  const name = normaliseName(label);
  listed.push({ total, label: name, parts: mapArray(parts, (x) => ({ label: x.label, amount: x.amount })) });
  // Shares printed to add up to exactly 100% may have been balanced (尾差调整): one moved by a unit.
  const balanced = whole === "exactly" || undefined;
  for (const x of parts)
    if (x.percent && !x.of.trim()) out.push({ kind: "share", label: x.label, amount: x.amount, percent: x.percent, baseLabel: name, base: total, ...(balanced && { balanced }) });
  // Or the parts are the “三公”'s components, under a 三公 total: its whole by what the 三公 is, shares printed or not
  // (“三公”经费支出决算为12.5万元，其中：因公出国（境）费0万元，公务用车购置及运行维护费8.3万元，公务接待费4.2万元).
  const components = /三公/.test(name) && sanggongPartition(mapArray(parts, (x) => x.label));
  // Or the 财政拨款's funds under its 收支总预算 (北京: 财政拨款收支预算总计 X 万元，比…。其中：一般公共预算财政拨款 a 万元，比…；政府性
  // 基金预算财政拨款 b 万元，比…；国有资本经营预算财政拨款 c 万元): some or all of it, so at most it — a fund's figure may hold its
  // 上年结转 or not, and a 上年结转 may go unnamed.
  const funds = !whole && ALLOCATION_TOTAL_NAME.test(name) && fundParts(mapArray(parts, (x) => x.label));
  // Or 人员经费 and 公用经费 under a 基本支出 (一般公共预算基本支出 B 万元，其中：人员经费 a 万元，公用经费 b 万元): its whole by what
  // 基本支出 is (part-lists.ts).
  const basic = !whole && !components && basicWhole(name, mapArray(parts, (x) => x.label));
  // Or the department's own and its units' (其中：本级收入预算 a 万元，下属单位收入预算 b 万元): all of it.
  const units = !whole && !components && !basic && ownAndUnits(name, mapArray(parts, (x) => x.label));
  // Or 人员经费 (支出), 公用经费 (支出) and 项目支出 listed under a budget (深圳市科学馆预算 2,320 万元，包括人员支出 964 万元、公用支出
  // 275 万元、对个人和家庭的补助支出 144 万元、项目支出 937 万元): its whole by what they are.
  const spending = !whole && !components && !basic && !units && spendingWhole(mapArray(parts, (x) => x.label));
  // Or 公务用车购置及运行费 X 万元，其中：公务用车购置费 a 万元，公务用车运行费 b 万元: its whole by what it is.
  const cars = !whole && !components && carsWhole(name, mapArray(parts, (x) => x.label));
  // Or parts 包括 / 分别为 opens, none said to be some (主要包括, …等): all of it; else some of it, at most it (其中 names some
  // parts or all).
  const listedWhole = whole ? "shares" : components || cars ? "sanggong" : basic ? "basic" : units ? "units" : spending ? "basic-project" : funds ? "funds" : head.opener === "includes" && !etc ? "listed" : "some";
  // (Parts that may hold one another give no sum, nor one at most the total.)
  const overlap = (listedWhole === "some" || listedWhole === "listed") && overlapping(mapArray(parts, (x) => x.label));
  if (!overlap && (listedWhole !== "some" || (head.opener !== "after" && !CHANGE_LABEL.test(label))))
    out.push({ kind: "composition", label: name, total, parts: mapArray(parts, (x) => ({ label: x.label, amount: x.amount })), whole: listedWhole } satisfies CompositionClaim);
}

/** The name of the 财政拨款's total (财政拨款收支总预算, 财政拨款收支预算总计, 财政拨款收、支总计). */
const ALLOCATION_TOTAL_NAME = /财政拨款收、?支/;

const CAR_BOTH = new RegExp(`^${OFFICIAL_CAR}购置[及和]运行`);
const CAR_PURCHASE = new RegExp(`^${OFFICIAL_CAR}购置(?![及和]运行)`);
const CAR_RUNNING = new RegExp(`^${OFFICIAL_CAR}运行`);

/**
 * Whether labels name the “三公”'s components once each, and nothing else: 因公出国（境）费, 公务接待费, and the
 * vehicles either as one (公务用车购置及运行费) or as its two parts (公务用车购置费, 公务用车运行费), never both.
 */
function sanggongPartition(labels: string[]): boolean {
  const n = { abroad: 0, reception: 0, both: 0, purchase: 0, running: 0 };
  for (const l of labels) {
    if (SANGGONG_PARTS[0].test(l)) n.abroad++;
    else if (SANGGONG_PARTS[2].test(l)) n.reception++;
    else if (CAR_BOTH.test(l)) n.both++;
    else if (CAR_PURCHASE.test(l)) n.purchase++;
    else if (CAR_RUNNING.test(l)) n.running++;
    else return false;
  }
  const cars = (n.both === 1 && n.purchase + n.running === 0) || (n.both === 0 && n.purchase === 1 && n.running === 1);
  return n.abroad === 1 && n.reception === 1 && cars;
}

/**
 * Every part states its share of this total, and the printed shares add up to 100 within their rounding
 * (each printed percentage stands for one within half its last digit of it): the list is the whole.
 * Exact, on integers: Σ p_i·10^(D−d_i) against 100·10^D, within Σ 5·10^(D−d_i−1). "exactly" when the
 * printed shares add up to 100 to the last digit, null when they are not the whole.
 */
export function sharesMakeTheWhole(parts: { percent: Amount | null; of: string }[]): "exactly" | "within rounding" | null {
  let D = 0;
  for (const x of parts) {
    if (!x.percent || x.of.trim()) return null;
    D = Math.max(D, x.percent.decimals);
  }
  let sum = 0n;
  let slack = 0n;
  for (const x of parts) {
    const a = x.percent!;
    const scale = 10n ** BigInt(D - a.decimals);
    sum += BigInt(a.value.times(10 ** a.decimals).toFixed(0)) * scale * 10n;
    slack += 5n * scale;
  }
  const whole = 100n * 10n ** BigInt(D + 1);
  const off = sum - whole;
  if (off === 0n) return "exactly";
  return (off < 0n ? -off : off) <= slack ? "within rounding" : null;
}

/**
 * One part of a list of shares that no 其中 introduces: a label (its level marked or not: 一般公共服务（类）支出,
 * 人员支出), the amount, 占 P% of no named base, its change on last year passed over (…，占 P%，比上年增加 D 万元，增长 Q%: 山西's
 * 类), then ; , 、 or the sentence's end.
 */
const SHARE_PART = re(String.raw`^\s*(?<label>[^\d,;:。%]{1,40}?)\s*(?<amount>NUM)\s*(?<money>万\s*元|元)\s*,\s*${SHARE_WORD}(?<of>[^\d%,;。]{0,16}?)的?\s*(?<pct>NUM)\s*%${SHARE_CHANGE}${PART_CHANGE}${ASIDE}\s*(?<sep>[;,、]|。|$)`);
/** What may open a list's first label: 包括 / 支出包括 / 主要包括 (按支出用途分类，包括人员支出 …). */
const INCLUDES = /^(?:收入|支出)?(?:主要)?包括/;
/** The sum of labels, as a base's name when the text names none. */
const PLUS = (labels: string[]) => labels.join(" + ");
/** Where a list may start: a paragraph's start or right after punctuation. */
const LIST_START = /[,;:。、]/g;
/** Every figure in money, for the total a list's shares are of. */
const ANY_FIGURE = re(String.raw`(?<amount>NUM)\s*(?<money>万\s*元|元)`, "g");
/** How many paragraphs before a list its total is looked for in (a heading or two, the sentence that states it). */
const BASE_WITHIN = 8;
const HUNDRED = new Decimal(100);

/**
 * Lists of shares the text prints without 其中, their total stated before them — the Ministry of Finance's
 * wording for a total's structure, in nearly every province's 预算 and 决算:
 *
 *   2026 年一般公共预算当年拨款 5,753.07 万元，比上年执行数增加 13.59 万元…
 *   2.一般公共预算当年拨款结构情况。
 *   科学技术（类）支出 28.00 万元，占 0.5%；社会保障和就业（类）支出 396.67 万元，占 6.9%；…
 *
 *   财政拨款收支总预算 18,728.91 万元。…支出包括：一般公共服务支出 15,291.3 万元，占 81.65%；教育支出 …
 *
 * The total is the nearest figure before the list (in its sentence, or up to BASE_WITHIN paragraphs back)
 * that at least half of the list's shares hold against, within their rounding: a list whose total cannot be
 * told is not read (never a share of a guessed total). Each part is then a `share` of that total, and,
 * when the printed shares add up to 100%, the parts its `composition`. A list some 其中 introduces is read by
 * `lists` and not again.
 */
function unintroducedShares(paras: Para[], figureAt: FigureAt, out: Claim[]): void {
  const claimed = new Set<Amount>();
  for (const c of out) if (c.kind === "share") claimed.add(c.amount);
  let skipTo = { k: 0, at: 0 };
  for (let k = 0; k < paras.length; k++) {
    const text = paras[k].text;
    if (!text.includes("占")) continue;
    const starts = [0];
    for (const m of text.matchAll(LIST_START)) starts.push(m.index + 1);
    for (const start of starts) {
      if (k < skipTo.k || (k === skipTo.k && start < skipTo.at)) continue;
      // A list 其中 introduces is `lists`'s, whether or not that read it (a total it cannot name is no total).
      if (/其\s*中\s*[:,]?\s*$/.test(text.slice(Math.max(0, start - 6), start))) continue;
      const run = shareRun(paras, k, start, figureAt);
      if (run.parts.length < 2) continue;
      skipTo = run.end;
      if (run.parts.some((x) => claimed.has(x.amount))) continue;
      const whole = sharesMakeTheWhole(mapArray(run.parts, (x) => ({ percent: x.percent, of: "" })));
      const balanced = whole === "exactly" || undefined;
      const base = baseOf(paras, k, start, run.parts, figureAt);
      if (!base) {
        // No figure before it is the total, but the shares make 100%, or the parts are the “三公”'s three
        // components, each a share of the 三公: the parts are the whole of a total the text does not print
        // (占“三公”经费的 …), each share their part of the parts' sum. (A share typed wrong no longer makes 100%;
        // the three components are still the whole.)
        if (!whole && !sanggongWhole(run.parts)) continue;
        const baseParts = mapArray(run.parts, (x) => x.amount);
        const baseLabel = run.parts[0].of || PLUS(mapArray(run.parts, (x) => x.label));
        for (const x of run.parts) out.push({ kind: "share", label: x.label, amount: x.amount, percent: x.percent, baseLabel, base: null, baseParts, ...(balanced && { balanced }) });
        continue;
      }
      for (const x of run.parts) out.push({ kind: "share", label: x.label, amount: x.amount, percent: x.percent, baseLabel: base.label, base: base.amount, ...(balanced && { balanced }) });
      if (whole) out.push({ kind: "composition", label: base.label, total: base.amount, parts: mapArray(run.parts, (x) => ({ label: x.label, amount: x.amount })), whole: "shares" } satisfies CompositionClaim);
      // (The 类 of a spending the text has told: 一般公共预算当年拨款结构情况's under its 一般公共预算当年拨款, 天津.)
      listedClasses(run.parts, spendingOf(base.amount, out), out);
    }
  }
}

type SharePart = { label: string; amount: Amount; percent: Amount; unit: string; of: string };

/** The “三公”'s components as a share's label names them (因公出国（境）费支出, 公务用车购置及运行费, 公务接待费). */
const SANGGONG_PARTS = [new RegExp(`^(?:${ABROAD}|因公出国\\(境\\))`), new RegExp(`^${OFFICIAL_CAR}(?:购置|运行)`), /^公务接待/];

/**
 * A list of shares of the “三公” (占“三公”经费的 P%) whose parts are its components, each of the three named: they
 * are the whole of the 三公 by what the 三公 is, whatever the printed shares add up to.
 */
function sanggongWhole(parts: SharePart[]): boolean {
  if (!parts.every((x) => x.of.includes("三公"))) return false;
  const seen = new Set<number>();
  for (const x of parts) {
    const k = SANGGONG_PARTS.findIndex((r) => r.test(x.label));
    if (k < 0) return false;
    seen.add(k);
  }
  return seen.size === SANGGONG_PARTS.length;
}

/** The parts of a list of shares from `at` in paragraph k on (across a paragraph the text reader ends at a part's ；). */
function shareRun(paras: Para[], k: number, at: number, figureAt: FigureAt): { parts: SharePart[]; end: { k: number; at: number } } {
  const parts: SharePart[] = [];
  let qi = k;
  let q = paras[k];
  for (;;) {
    if (!q.text.slice(at).trim()) {
      // Only a list cut where the text reader ends a paragraph after a part (its ； or ，), never before the first.
      if (parts.length === 0) break;
      let next = qi + 1;
      while (next < paras.length && next - qi <= 3 && PAGE_NUMBER.test(paras[next].text)) next++;
      if (next >= paras.length || next - qi > 3) break;
      qi = next;
      q = paras[qi];
      at = 0;
    }
    const m = SHARE_PART.exec(q.text.slice(at));
    if (!m || SECTION.test(m.groups!.label)) break;
    const unit = unitOf(m);
    // The base a share names (占“三公”经费的 …), the same for every part of a list.
    const of = normaliseName((m.groups!.of ?? "").replace(/[\s“”"'‘’]/g, ""));
    if (parts.length > 0 && (unit !== parts[0].unit || of !== parts[0].of)) break;
    const amount = figureAt(q, m, "amount", at);
    const percent = q.amount(m, "pct", at);
    if (!amount || !percent) break;
    parts.push({ label: normaliseName(m.groups!.label.replace(/\s+/g, "").replace(MARKER, "").replace(INCLUDES, "")), amount, percent, unit, of });
    at += m[0].length;
    if (m.groups!.sep === "。" || m.groups!.sep === "") break;
  }
  return { parts, end: { k: qi, at } };
}

/** Whether `p`% is `a` ÷ `base` within the rounding of the three (a printed share balanced by a unit too). */
function shareHolds(a: Amount, p: Amount, base: Amount): boolean {
  const unit = (x: Amount) => new Decimal(1).div(new Decimal(10).pow(x.decimals));
  const share = a.value.times(HUNDRED).div(base.value);
  // The amounts' halves moved into the percentage, and three halves of the printed share's last digit.
  const slack = unit(a).div(2).times(HUNDRED).div(base.value).plus(share.times(unit(base).div(2)).div(base.value)).plus(unit(p).times(1.5));
  return share.minus(p.value).abs().lte(slack);
}

/**
 * The total a list's shares are of: the nearest figure in the list's unit before it that is larger than each
 * part and that at least half of the shares hold against; its label as printed before it, or its figure.
 */
function baseOf(paras: Para[], k: number, start: number, parts: SharePart[], figureAt: FigureAt): { amount: Amount; label: string } | null {
  const largest = parts.reduce((m, x) => (x.amount.value.gt(m) ? x.amount.value : m), parts[0].amount.value);
  const needed = Math.ceil(parts.length / 2);
  for (let qi = k; qi >= 0 && k - qi <= BASE_WITHIN; qi--) {
    const q = paras[qi];
    const upTo = qi === k ? start : q.text.length;
    const found = [...q.text.slice(0, upTo).matchAll(ANY_FIGURE)];
    for (let i = found.length - 1; i >= 0; i--) {
      const f = found[i];
      if (unitOf(f) !== parts[0].unit) continue;
      const amount = figureAt(q, f, "amount");
      if (!amount || amount.value.isZero()) continue;
      let holding = 0;
      for (const x of parts) if (shareHolds(x.amount, x.percent, amount)) holding++;
      if (holding < needed) continue;
      // Larger than each part — but one part, its share not holding, may be a typo that made it exceed its total (农林水支出
      // 6143.18 万元，占 87.95% of 5,848.10): the total still, the part then found wrong against it.
      if (amount.value.lte(largest)) {
        const over = parts.filter((x) => x.amount.value.gte(amount.value));
        if (over.length > 1 || parts.length < 3 || shareHolds(over[0].amount, over[0].percent, amount)) continue;
      }
      const label = normaliseName(labelBefore(q.text, f.index).replace(/^.*[:：]/, ""));
      return { amount, label: label || `${amount.text}${parts[0].unit}` };
    }
  }
  return null;
}

/** A share right after a figure, of the base it names: `，占本年支出合计的 80.49%`. */
const SHARE_NAMED = re(String.raw`^\s*,\s*占\s*(?<of>[^\d%,;。]{1,20}?)\s*的?\s*(?<pct>NUM)\s*%`);
/**
 * A base that is the department's total of a side, as the national template names it: 本年支出合计 / 本年收入合计 (group
 * `subtotal`: the 本年 subtotal), 支出总预算 · 支出预算总计 (the 总计). Not another name (部门支出总额 may be any total).
 */
const DEPARTMENT_BASE = /^(?:(?<subtotal>本年)(?<side>收入|支出)合计|(?<side2>收入|支出)(?:总预算|预算总计))$/;

/**
 * A figure's share of the department's total of a side, the total named (the national template's 2026年一般公共预算支出
 * 37010.28万元，占本年支出合计的80.49% · 占支出总预算的 P%): a share of the 收入 or 支出 total the text stated last before
 * it (generic-figures.ts's `department-total`, or the 本年 subtotal). A 本年…合计 only of a total that may be it (a bare
 * 支出预算 X 万元, or 本年支出合计 X 万元), never of a 总计 that may hold what is carried over. Not when the text states no
 * such total before it (no share of a guessed total), nor for a figure some list has read with its share already.
 */
function namedShares(paras: Para[], figureAt: FigureAt, out: Claim[]): void {
  const totals = new Map<Amount, { side: "income" | "expenditure"; subtotal: boolean; label: string }>();
  for (const c of out) {
    if (c.kind === "department-total") totals.set(c.amount, { side: c.side, subtotal: !!c.orSubtotal, label: c.side === "income" ? "收入预算" : "支出预算" });
    else if (c.kind === "table-figure" && (c.figure === "income-subtotal" || c.figure === "expenditure-subtotal"))
      totals.set(c.amount, { side: c.figure === "income-subtotal" ? "income" : "expenditure", subtotal: true, label: c.label });
  }
  if (!totals.size) return;
  const shared = new Set<Amount>();
  for (const c of out) if (c.kind === "share") shared.add(c.amount);
  const last: { income?: Amount; expenditure?: Amount } = {};
  for (const p of paras) {
    for (const f of p.text.matchAll(ANY_FIGURE)) {
      const amount = figureAt(p, f, "amount");
      if (!amount) continue;
      const total = totals.get(amount);
      if (total) {
        last[total.side] = amount;
        continue;
      }
      const m = SHARE_NAMED.exec(p.text.slice(f.index + f[0].length));
      const base = m && DEPARTMENT_BASE.exec(normaliseName(m.groups!.of.replace(/\s+/g, "")));
      if (!m || !base || shared.has(amount)) continue;
      const side = (base.groups!.side ?? base.groups!.side2) === "收入" ? "income" : "expenditure";
      const of = last[side];
      const percent = p.amount(m, "pct", f.index + f[0].length);
      const label = normaliseName(labelBefore(p.text, f.index));
      if (!of || !percent || !label || (base.groups!.subtotal && !totals.get(of)!.subtotal)) continue;
      out.push({ kind: "share", label, amount, percent, baseLabel: totals.get(of)!.label, base: of });
      shared.add(amount);
    }
  }
}
