import { inUnit, makeAmount, makeCount, type Amount } from "../model/amount.js";
import type { JoinedText } from "./text.js";
import { mapArray } from "../util/arrays.js";

/** A printed number: 9,724 · 1, 197 · 131 · 0.5 (see model/amount.ts parseNumber). */
export const NUM = String.raw`\d{1,3}(?:, ?\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
/**
 * 公务用车 as documents print it in the 三公's names: 公务用车购置费, 公务车购置及运行费, 公务车用车运行费 (上海万里街道 2023).
 * A source fragment, for the patterns of the 三公's components.
 */
export const OFFICIAL_CAR = String.raw`公务(?:用)?车(?:用车)?`;
/** 因公出国（境）费 as documents print it: 费, 经费 or 费用 (brackets full-width or not). */
export const ABROAD = String.raw`因公出国[(（]境[)）](?:经费|费用|费)`;

/**
 * A part's change on last year printed after its amount (and share), which `changes` reads as the part's own (北京:
 * 其中：一般公共预算财政拨款18461.59万元，比2025年减少94.31万元，下降0.51%；政府性基金预算财政拨款…): passed over, the list read on.
 */
export const PART_CHANGE = String.raw`(?:\s*,\s*(?:比|较)\s*(?:上\s*年\s*度?|20\d\d\s*年\s*度?)\s*(?:年\s*初\s*)?(?:预\s*算\s*数?|执\s*行\s*数?)?\s*(?:增\s*加|减\s*少|新\s*增)\s*了?\s*NUM\s*万\s*元(?:\s*,\s*(?:同\s*比\s*)?(?:增\s*幅|减\s*幅|降\s*幅|增\s*长\s*率?|上\s*升|下\s*降|降\s*低)\s*(?:了|为|达)?\s*NUM\s*%)?|\s*,\s*与\s*(?:上\s*年|20\d\d\s*年)\s*度?\s*(?:相\s*比\s*)?持\s*平)?`;
/**
 * A change's percentage after its amount, as departments word it: `，增长 11.11%` · `，同比下降 9.09%` · `（增长 11.11%）` ·
 * `，增长率为 11.11%` · `，下降比例为 9.09%` · `，增幅 8%` · `，降幅 9.09%` · `，下降了 9.09%`; its word in group `pdir` and
 * the figure in `pct` (never 个百分点: a difference of rates, not a ratio).
 */
export const PERCENT_AFTER = String.raw`\s*[,(]?\s*(?:同\s*比\s*)?(?<pdir>增\s*幅|减\s*幅|降\s*幅|增\s*长\s*率?|上\s*升|增\s*加|下\s*降|降\s*低|减\s*少)\s*(?:比\s*例|幅\s*度)?\s*(?:了|为|达)?\s*(?<pct>NUM)\s*%`;
/**
 * A figure read as 万元 (`(?<amount>NUM)\s*万元`, spaces allowed between the characters) is read in 元 too: a county's
 * text states its amounts as its tables print them (基本支出11,834,951.47元). The 元 is caught in a group of the
 * figure's name and `__yuan` (`Para.amount` turns the figure into 万元); 亿元 stays unread.
 */
const IN_WAN = /\(\?<(\w+)>NUM\)((?:\\s\*)*)万((?:\\s\*)*)元/g;
/** The group that says a figure of group `name` was printed in 元. */
const yuanGroup = (name: string) => `${name}__yuan`;

/**
 * A source's Chinese characters as characters: the CLI's bundle is ASCII (scripts/build.mjs), a raw template's
 * 万 in it `\u4e07`, which a regular expression reads as 万 but IN_WAN would not find. (No CJK character is a
 * regular expression's metacharacter.)
 */
const asCharacters = (source: string) => source.replace(/\\u([0-9a-fA-F]{4})/g, (esc, hex: string) => (parseInt(hex, 16) >= 0x3000 ? String.fromCharCode(parseInt(hex, 16)) : esc));

/** A regular expression where `NUM` stands for a printed number; with indices (d) for the figures' columns. */
/** A row named by its levels: the name of the last level it names, the row's (宣传促销 of …（款）宣传促销（项）). */
const LEVELLED = /(?:^|\((?:类|款|项)\))([^()]+)\((?:类|款|项)\)$/;
export const rowName = (name: string) => LEVELLED.exec(name)?.[1] ?? name;

export const re = (source: string, flags = "") =>
  new RegExp(asCharacters(source).replace(IN_WAN, (_, name: string, s1: string, s2: string) => `(?<${name}>NUM)${s1}(?:万${s2}元|(?<${yuanGroup(name)}>(?<!亿)元))`).replace(/NUM/g, `(?:${NUM})`), `d${flags}`);

/** What follows a figure printed as money: 万元, 元, 亿元. */
const MONEY_AFTER = /^\s*(?:亿|万)?元/;
/** An amount printed with decimals (9,101.68万元). */
const DECIMAL_AMOUNT = /\d\.\d+\s*(?:亿|万)?元/;

/** One paragraph of a part, with the figure helpers bound to its offsets. */
export class Para {
  constructor(
    readonly j: JoinedText,
    readonly start: number,
    readonly text: string,
  ) {}

  /**
   * The amount printed in group `name` of a match made on this paragraph's text (offset `base` into it). A
   * zero printed without decimals as an amount (工程采购金额0万元) in a paragraph that prints its amounts with
   * decimals stands for nothing, exactly: a writer with a fraction to print would have printed it as the
   * paragraph's other amounts are (0.30万元). Judged as rounded, it would give a sum half a unit of slack
   * (0.5万元) that hides a mistyped part.
   */
  amount(m: RegExpExecArray, name: string, base = 0, count = false): Amount | null {
    const g = m.groups?.[name];
    const idx = m.indices?.groups?.[name];
    if (!g || !idx) return null;
    const loc = this.j.at(this.start + base + idx[0]);
    if (count) return makeCount(g, loc);
    const printed = makeAmount(g, loc);
    // Printed in 元: the same figure in 万元, four more decimals (its rounding interval stays the printed one). A
    // pattern that reads either unit itself names it in group `money` (generic.ts: 万元 or 元).
    const yuan = m.groups?.[yuanGroup(name)] !== undefined || (name === "amount" && m.groups?.money?.replace(/\s+/g, "") === "元");
    const a = printed && yuan ? inUnit(printed, "元", "万元") : printed;
    if (a && g === "0" && MONEY_AFTER.test(this.text.slice(base + idx[1], base + idx[1] + 4)) && DECIMAL_AMOUNT.test(this.text)) a.exact = true;
    return a;
  }

  count(m: RegExpExecArray, name: string, base = 0): Amount | null {
    return this.amount(m, name, base, true);
  }

  /** The sentence (up to 。) that starts at `from`. */
  sentence(from: number): string {
    const end = this.text.indexOf("。", from);
    return this.text.slice(from, end < 0 ? this.text.length : end);
  }
}

/**
 * Whether a 三公 figure at `at` in a paragraph is stated for a fund's own 三公 (政府性基金预算安排“三公”经费 9.30 万元，其中：
 * 因公出国（境）费 2.00 万元 …; 国有资本经营预算's): the clause of the last “三公” named before it (since the comma or
 * full stop before that word) names 政府性基金 or 国有资本经营. The text's 三公 figures are compared with the 一般公共预算's
 * table (or the department's), never with a fund's: such a figure, or one of funds together (一般公共预算和政府性基金预算
 * 安排的“三公”经费), is left unchecked. (A figure after a clause that only says there is none, 无政府性基金预算安排的
 * “三公”经费，“三公”经费财政拨款预算 77.10 万元, is the 三公's.)
 */
export function fundsOwnSanggong(p: Para, at: number): boolean {
  const before = p.text.slice(0, at).replace(/\s+/g, "");
  const word = before.lastIndexOf("三公");
  if (word < 0) return false;
  return /政府性基金|国有资本经营/.test(before.slice(0, word).split(/[,，;；。]/).pop()!);
}

export function paragraphsOf(j: JoinedText): Para[] {
  return mapArray(j.paragraphs, (r) => new Para(j, r.start, j.text.slice(r.start, r.end)));
}
