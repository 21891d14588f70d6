import type { Amount } from "../model/amount.js";
import { functionClassCode } from "../model/function-classes.js";
import { normaliseName, splitMarker } from "../model/names.js";
import { ABROAD, fundsOwnSanggong, OFFICIAL_CAR, PART_CHANGE, re, rowName, type Para } from "./para.js";
import type { Claim, FunctionItemClaim, ProcurementClaim, SanggongComponent, TableFigure } from "./types.js";
import { mapArray } from "../util/arrays.js";

/**
 * The figures of a 部门预算's written parts that restate a table, in the Ministry of Finance's wording that
 * nearly every province prints (read by the generic reader, generic.ts, in a part no province's reader
 * knows; a 预算 only — a 决算's text states 年初预算 and 决算 side by side):
 *
 *   国家信访局 2026 年收支总预算 50,616.94 万元。                       → the summary table's 收入总计
 *   2026 年本部门收入预算 163,539.07 万元 · 支出预算总计 50,616.94 万元  → its 收入总计 / 支出总计
 *   本年收入预算合计 24,169.74 万元                                      → its 本年收入合计
 *   2026 年财政拨款收支总预算 5,753.07 万元                             → the allocation summary's 收入总计
 *   “三公”经费财政拨款预算数为 112.61 万元。其中：因公出国（境）费 68.50 万元 … → the 三公 table
 *   一般公共预算基本支出 9,880.88 万元，其中：人员经费 7,504.62 万元 … 公用经费 2,376.26 万元
 *                                                                       → the basic expenditure tables
 *   财政拨款基本支出预算 15,844.04 万元。其中：（一）人员经费 13,452.12 万元 …  → the 财政拨款基本支出表
 *
 * and the parts listed under a total (generic.ts `lists`): 其中，一般公共预算拨款收入 a 万元 … 上年结转 c 万元
 * under the 收入 total are the income table's columns, 基本支出 / 项目支出 under the 支出 total the
 * expenditure table's. Each figure is read only in that wording: a figure of another scope (事业收入预算,
 * 基本支出预算, last year's 比上年 figure) is never taken for the table's.
 */

const HAN = /[\u4e00-\u9fff]/;

/**
 * A pattern whose Chinese words may be letter-spaced (国 家 信 访 局 2026 年 一 般 公 共 预 算 当 年 财 政 拨 款:
 * pdftotext -layout puts a space between the characters of a justified line): `\s*` after each Chinese
 * character, and after a class of them ([及和]), outside classes (after its quantifier, if it has one).
 */
function spaced(source: string): string {
  let out = "";
  let inClass = false;
  let classHan = false;
  for (let i = 0; i < source.length; i++) {
    let c = source[i];
    let unit = c;
    if (c === "\\") {
      // An escape: \uXXXX stands for its character (a bundler writing ASCII only turns 收 into \u6536, also
      // inside String.raw); any other escape is kept as it is.
      const hex = /^u([0-9a-fA-F]{4})/.exec(source.slice(i + 1, i + 6));
      unit = c + (hex ? source.slice(i + 1, i + 6) : (source[i + 1] ?? ""));
      c = hex ? String.fromCharCode(parseInt(hex[1], 16)) : "";
      i += unit.length - 1;
    }
    out += unit;
    if (c === "[" && unit === "[") {
      inClass = true;
      classHan = false;
    } else if (inClass && unit === "]") {
      inClass = false;
      // A class of Chinese characters ([及和]) is a character of the word too: spaces may follow it.
      if (classHan && source[i + 1] !== "{") {
        if (i + 1 < source.length && "?*+".includes(source[i + 1])) out += source[++i];
        out += String.raw`\s*`;
      }
    } else if (inClass) classHan ||= HAN.test(c);
    else if (HAN.test(c)) {
      // After the character, or after its quantifier (费?).
      if (i + 1 < source.length && "?*+".includes(source[i + 1])) out += source[++i];
      out += String.raw`\s*`;
    }
  }
  return out;
}
const sre = (source: string, flags = "") => re(spaced(source), flags);

/**
 * What may come right before a department total (收支总预算, 收入预算 …), spaces aside: nothing, punctuation,
 * a year (2026 年度), 部门 / 本部门, 单位 / 本单位 (a 单位预算's own totals: 2025年单位收入预算 X 万元), or the department's
 * own name — not a fund's, a kind's or a purpose's name (财政拨款收入预算, 事业收入预算, 政府采购支出预算总额, 基本支出预算).
 */
const BEFORE_DEPARTMENT = /^[,;:。)\d年度门、]?$|^(?:^|[,;:。)\d年度本、])单位$/;
/**
 * 收支总预算 · 收支预算总额 · 收支预算 · 收入预算总计 · 收入预算合计 · 收入预算总额 · 收入预算 · 收入总计 · 支出预算总计 ·
 * 部门预算收入 · 收入合计 (the total or the 本年 subtotal) …
 * (本年 → the 本年 subtotals: 本年收入预算合计 · 本年收入合计).
 */
const DEPARTMENT_TOTAL = sre(
  String.raw`(?<this>本年)?(?:(?<both>收支)(?:总预算|预算总计|预算总额|预算)|(?<side>收入|支出)(?:预算(?:总计|合计|总额)?|总计|总额|合计)|预算(?<side2>收入|支出)(?:总计|合计|总额)?)\s*(?:数)?\s*(?:为|是)?\s*(?<amount>NUM)\s*万\s*元`,
  "g",
);
/**
 * 财政拨款收支总预算 X 万元 · 财政拨款收支预算总计 / 总额 X 万元 · 财政拨款收、支总预算 X 万元 (江苏) · 财政拨款收入支出预算总计 X 万元 ·
 * 财政拨款收、支总计均为 X 万元 (not 收、支总计各增加 …, a change).
 */
const ALLOCATION_TOTAL = sre(String.raw`财政拨款(?:收、?\s*支|收入、?\s*支出)(?:总预算|预算总计|预算总额|(?:预算)?总计\s*(?:均|各)?(?=\s*(?:为|是)?\s*\d))\s*(?:为|是)?\s*(?<amount>NUM)\s*万\s*元`, "g");
/**
 * 财政拨款支出（预算）总计 X 万元 (安徽: …上年结转125.00万元；财政拨款支出总计3504.62万元) · 财政拨款收入总计 X 万元，支出总计 Y 万元: the
 * 财政拨款收支总表's 支出总计 (group `amount`; `alone`: 支出总计 right after the 收入总计's figure, the 财政拨款's too).
 */
const ALLOCATION_EXPENDITURE = sre(String.raw`(?:财政拨款支出(?:预算)?总计|(?<=财政拨款收入(?:预算)?总计\s*(?:为|是)?\s*(?:NUM)\s*万\s*元\s*,\s*)(?<alone>支出(?:预算)?总计))\s*(?:为|是)?\s*(?<amount>NUM)\s*万\s*元`, "g");
/**
 * The 财政拨款's income 总计 a list of its parts follows (财政拨款收入总计 X 万元，其中：一般公共预算拨款收入 a 万元，上年结转 c 万元):
 * the list's name, up to the department's own words before it.
 */
const ALLOCATION_INCOME_NAME = /^(?:本部门|本单位|部门|单位)?财政拨款收入(?:预算)?(?:总计|总额|合计)?$/;
/** The 财政拨款's 上年结转 as a part of its income names it. */
const ALLOCATION_CARRYOVER_PART = /^上年(?:财政拨款)?结转(?:结余)?(?:资金|收入)?$/;
/** 一般公共预算当年（财政）拨款 X 万元 (not its 收入) · 一般公共预算（财政）拨款支出（预算） X 万元: the 一般公共预算 table's 合计. */
const GENERAL = sre(String.raw`一般公共预算(?:当年(?:财政)?拨款|(?:财政)?拨款(?=支出))(?!收入)\s*(?:支出)?\s*(?:预算)?\s*(?:为|是)?\s*(?<amount>NUM)\s*万\s*元`, "g");
/**
 * A paragraph opening with 一般公共预算支出 X 万元 (2026年一般公共预算支出6150.98万元，比上年…) under a heading of the
 * 一般公共预算支出 (三、一般公共预算支出情况), numbered as a heading of its own or not (（一）2026年一般公共预算支出…), its
 * own heading run in before it or not (the national template's （一）一般公共预算支出规模。2025年一般公共预算支出… · 河南's
 * （一）一般公共预算支出总体情况。2026年…: words without a figure up to their 。 or ：): the 一般公共预算 table's 合计, as GENERAL's.
 */
const GENERAL_OPENING = sre(String.raw`^\s*(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))?\s*(?:[^\d,;:。%]{2,30}?[。:]\s*)?(?:20\d\d\s*年度?)?\s*(?:本部门|本单位)?\s*一般公共预算\s*支出\s*(?:预算)?\s*(?:为|是)?\s*(?<amount>NUM)\s*万\s*元`);
const GENERAL_HEADING = /一般公共预算(?:财政拨款)?\s*(?:支出|拨款)/;
/** “三公”经费财政拨款预算数为 X 万元 · 财政拨款安排“三公”经费 X 万元 · “三公”经费预算总额为 X 万元 · “三公”经费（财政拨款）支出预算 X 万元. */
const SANGGONG_TOTAL = sre(String.raw`三公[”"]?\s*经费(?:财政拨款)?(?:支出)?(?:预算)?(?:总额|合计)?(?:数|安排|支出)?\s*(?:为|是)?\s*(?<amount>NUM)\s*万\s*元`, "g");
const SANGGONG_PART = sre(
  String.raw`(?<key>${ABROAD}|因公出国\(境\)|${OFFICIAL_CAR}购置[及和]运行(?:维护)?费|${OFFICIAL_CAR}购置(?:费|支出)|${OFFICIAL_CAR}运行(?:维护)?费|公务接待费)\s*(?:预算)?(?:支出)?(?:预算)?(?:数)?\s*(?:为|是)?\s*(?<amount>NUM)\s*万\s*元`,
  "g",
);
/** A comparison with last year's 决算 (比上年决算 · 较2024年度决算数). */
const ON_LAST_FINAL = /(?:比|较)\s*(?:上\s*一?\s*年\s*度?|20\d\d\s*年\s*度?)\s*(?:的\s*)?决\s*算\s*(?:数)?/g;
/**
 * 会议费 / 培训费 X 万元, read only under a heading that names them (九、一般公共预算“三公”经费、会议费、培训费支出预算情况说明):
 * elsewhere a 会议费 is as likely a project's item.
 */
const MEETING_TRAINING = sre(String.raw`(?<key>会议费|培训费)\s*(?:预算)?\s*(?:支出)?\s*(?:预算)?\s*(?:数)?\s*(?:为|是)?\s*(?<amount>NUM)\s*万\s*元`, "g");
/** 一般公共预算基本支出 X 万元 · 一般公共预算安排（的）基本支出 X 万元 (and its 人员经费 / 公用经费 in the paragraphs after it). */
const GENERAL_BASIC = sre(String.raw`一般公共预算(?:财政拨款)?(?:安排(?:的)?)?基本支出(?:预算)?\s*(?:数)?\s*(?:为|是)?\s*(?<amount>NUM)\s*万\s*元`, "g");
/**
 * 财政拨款基本支出（预算） X 万元 · 财政拨款安排的基本支出 X 万元 (not 一般公共预算财政拨款基本支出, GENERAL_BASIC's): the
 * 财政拨款基本支出表's 合计, with its 人员经费 / 公用经费 in the paragraphs after it.
 */
/**
 * 机关运行经费 (… 预算支出 / 财政拨款预算 / 安排) N 万元: the 合计 of a table of 机关运行经费 by economic code where the
 * document prints one (江苏's 公开11表); a definition (机关运行经费：指…) has no figure after it.
 */
const RUNNING_COST = sre(String.raw`机关运行经费(?:财政拨款)?(?:预算)?(?:支出)?(?:预算|安排)?(?:数)?\s*(?:为|是)?\s*(?<amount>NUM)\s*万\s*元`, "g");
const ALLOCATION_BASIC = sre(String.raw`(?<!一般公共预算\s*)财政拨款(?:安排(?:的)?)?基本支出(?:预算)?\s*(?:数)?\s*(?:为|是)?\s*(?<amount>NUM)\s*万\s*元`, "g");
/**
 * The economic classes 人员经费 and 公用经费 are stated to hold, after 一般公共预算基本支出 (人员经费 X 万元，主要包括工资福利支出
 * Y 万元、对个人和家庭的补助 Z 万元；公用经费 W 万元，主要包括商品和服务支出 …): each the class's row (301, 303, 302) of the
 * 一般公共预算基本支出表.
 */
const BASIC_CLASS = sre(String.raw`(?<key>工资福利支出|对个人和家庭(?:的)?补助(?:支出)?|商品和服务支出)\s*(?:预算)?\s*(?:数)?\s*(?:为|是)?\s*(?<amount>NUM)\s*万\s*元`, "g");
const BASIC_CLASS_FIGURE = (key: string): TableFigure => (key.startsWith("工资") ? "general-wages" : key.startsWith("商品") ? "general-goods" : "general-individual");
const BASIC_PART = sre(String.raw`(?<key>人员经费|人员支出|公用经费|日常公用支出)\s*(?:支出)?\s*(?:预算)?\s*(?:数)?\s*(?:为|是)?\s*(?<amount>NUM)\s*万\s*元`, "g");
/**
 * 财政拨款收入（预算）（总计）X 万元 and 一般公共预算（当年）（拨款）收入（预算）X 万元 stated on their own (江苏's 1．财政拨款收入预算
 * 总计 24,169.74 万元。（1）一般公共预算收入预算 24,169.74 万元): the income table's 财政拨款 and 一般公共预算 columns. Read
 * where nothing but punctuation, a list marker, a year or 其中 comes before them (not 上年财政拨款收入, not a unit's).
 */
const INCOME_FIGURE = sre(
  String.raw`(?<key>财政拨款|一般公共预算(?:当年)?(?:财政)?(?:拨款)?)收入(?:预算)?(?:总计|合计|总额)?\s*(?:数)?\s*(?:为|是)?\s*(?<amount>NUM)\s*万\s*元`,
  "g",
);
const BEFORE_INCOME_FIGURE = /^[,;:。)\d年度中、．.]?$/;
/** Before a fund's expenditure: as before an income figure, or 部门 / 单位 (not 一般公共预算和政府性基金…, a sum of two). */
const BEFORE_FUND = /^[,;:。)\d年度中、．.门位]?$/;
/**
 * …对项目支出全面实施绩效目标管理，涉及预算拨款 X 万元 (国家信访局) · …绩效目标…，涉及项目预算资金 X 万元 · 实行绩效目标管理的
 * 项目 N 个，涉及资金 / 涉及预算金额 X 万元 (浙江, 厦门): the projects that
 * set targets, at most the 项目支出 (all of it where every project does); 四川's `实行绩效目标管理的项目 3 个，涉及一般公共预算当年
 * 拨款 X 万元` is such a figure, not the 一般公共预算当年拨款 of the whole budget. Only in a sentence about 绩效目标: a
 * sentence about an evaluation (绩效评价 …涉及资金) speaks of another year's projects. 河北's words put the count after
 * 涉及 and name the funds 项目支出预算 (本部门2026年预算项目全部实行绩效目标管理，涉及项目16个，项目支出预算 X 万元), as does
 * 纳入绩效目标管理的项目 N 个，涉及项目支出预算 X 万元.
 */
/** The targets named last before the figure are the department's as a whole (部门整体支出绩效目标, 整体绩效目标). */
const WHOLE_DEPARTMENT_GOALS = /整体(?:支出)?绩效目标(?:(?!绩效目标).)*$/;
const PERFORMANCE_FUNDS = String.raw`(?:项目)?(?:(?:一般公共)?预算(?:当年)?(?:财政)?(?:拨款|资金|金额)|资金|金额)|项目支出(?:预算)?(?:资金|金额)?`;
const PERFORMANCE = sre(
  String.raw`绩效目标[^。]*?(?:(?:(?<!级)项目\s*共?\s*(?<projects>\d+)\s*个[^。\d]*?)?涉及(?<funds>${PERFORMANCE_FUNDS})|涉及(?:的)?项目\s*共?\s*(?<projects2>\d+)\s*个\s*,\s*(?<funds2>${PERFORMANCE_FUNDS}))\s*(?:为|是|共计?)?\s*(?<amount>NUM)\s*万\s*元(?:\s*,\s*占(?<of>[^\d%,;。]{0,20}?)的?\s*(?<pct>NUM)\s*%)?`,
  "g",
);
/**
 * Every project sets targets (预算项目全部实行绩效目标管理 · 所有项目), said before the funds, which are the 项目支出 by name
 * (项目支出预算 X 万元): the funds are the 项目支出 itself, not some of it.
 */
const EVERY_PROJECT = /全部|所有/;
/** Funds of one source (一般公共预算当年拨款, 财政拨款), not every fund's. */
const ONE_FUND = /一般公共|拨款|财政/;
/** What a performance figure's share is of: the 项目支出 (占项目支出预算的 100%), the 一般公共预算's where named. */
const PROJECT_BASE = /^(?:本?部门|全部)?(?:一般公共预算(?:财政拨款)?)?项目支出(?:预算)?(?:数|总额|合计|资金)?$/;
/**
 * 政府性基金预算支出 X 万元 · 政府性基金预算（财政）拨款支出 X 万元 · 政府性基金预算安排的支出 X 万元, and 国有资本经营预算… alike:
 * the fund's 支出表's 合计 (its 收入 is the income table's column, INCOME_PART's).
 */
const FUND_EXPENDITURE = sre(
  String.raw`(?<fund>政府性基金|国有资本经营)(?:预算)?(?:财政)?(?:拨款)?(?:安排(?:的)?)?支出(?:预算)?(?:总额|合计)?\s*(?:数)?\s*(?:为|是)?\s*(?<amount>NUM)\s*万\s*元`,
  "g",
);
/** 政府采购预算总额 X 万元 · 政府采购安排 X 万元 · 政府采购支出预算总额 X 万元. */
const PROCUREMENT = sre(String.raw`政府采购(?:支出)?(?:预算)?(?:总额|安排|共计|合计)?\s*(?:为|是)?\s*(?<amount>NUM)\s*万\s*元`, "g");
/** Its kinds, in the sentence after it: 政府采购货物预算 a 万元 · 货物类采购预算 a 万元 · 拟采购货物支出 a 万元 · 拟购买服务支出 c 万元. */
const PROCUREMENT_PART = sre(String.raw`(?<kind>货物|工程|服务)类?(?:采购)?(?:支出)?(?:预算)?(?:金额)?\s*(?:为|是)?\s*(?<amount>NUM)\s*万\s*元`, "g");
const PROCUREMENT_KIND = { 货物: "goods", 工程: "works", 服务: "services" } as const;
/** How many paragraphs a sentence is followed over (a line ending in ； ends a paragraph). */
const SENTENCE_PARAGRAPHS = 4;
/** How many paragraphs after 一般公共预算基本支出 X 万元 its 人员经费 and 公用经费 are looked for. */
const BASIC_PARTS_WITHIN = 4;
/**
 * A figure of another year or of a comparison: 比 2025 年 … / 较上年 … / 上年 … before it in its clause (not the
 * adverbs 比较 / 较为: 减少较为明显的项级支出科目为 … is no comparison).
 */
const COMPARED = /比(?!较)|(?<!比)较(?!为)|上年|去年|同期/;
/** A section heading (二、关于部门收入总表的说明 · (三) 机关运行经费情况): what a section's figures stop at. */
const HEADING = /^\s*(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))/;
/** A heading that is a part of the basic expenditure: (一)人员经费 13,452.12 万元. */
const OWN_HEADING = /^\s*(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))\s*(?:人员|公用|日常公用)/;

/**
 * A function-classification item named with its levels marked, and its figure: 一般公共服务（类）支出 13,144.37
 * 万元 · 1.一般公共服务支出（类）信访事务（款）行政运行（项）2026 年预算数为 5,826.21 万元 · 检察（款）行政运行（项）支出
 * 12,268.62 万元 · 林业和草原（款）行政运行（项）：2025 年预算数为 1270.90 万元 (names hold no figure, no punctuation but 、 between them, and no bracket but a word's own:
 * 政府办公厅（室）及相关机构事务（款）).
 */
const FUNCTION_ITEM = re(
  String.raw`(?<names>(?:(?:[^,;:。()\d%“”]|\((?!(?:类|款|项)\))[^,;:。()\d%“”]{1,4}\)){1,30}?\s*\((?:类|款|项)\)\s*){1,3})(?:支出)?\s*:?\s*(?:20\d\d\s*年度?)?\s*(?:预算数?|预算安排|安排)?\s*(?:为|是)?\s*(?<amount>NUM)\s*万\s*元`,
  "g",
);
const LEVEL = /\((类|款|项)\)/g;
/** A level's mark, which every name of FUNCTION_ITEM ends in. */
const LEVEL_MARK = /\((?:类|款|项)\)/;
/**
 * A function-classification item named by its code and name, its figure after them in the clause: 2014099 其他信访事务
 * 支出，2026 年预算数为 3,623.98 万元 (a central department's 项级支出科目). Function codes only (2xx, 3, 5 or 7 digits).
 */
const CODE_ITEM = re(
  String.raw`(?<![\d.,])(?<code>2\d{2}(?:\d{2}){0,2})(?!\d)\s*(?<name>[^\d\s,;:。、()%“”][^\d,;:。、()%“”]{1,29}?)\s*,?\s*(?:(?<year>20\d\d)\s*年度?)?\s*(?:预算数|预算安排|预算)\s*(?:为|是)?\s*(?<amount>NUM)\s*万\s*元`,
  "g",
);
const CODE_LEVEL: Record<number, "类" | "款" | "项"> = { 3: "类", 5: "款", 7: "项" };
/**
 * 按支出功能分类，包括科学技术支出 28.00 万元、社会保障和就业支出 396.67 万元、… · 按支出功能分类科目，2026年一般公共预算财政拨款
 * 支出中：社会保障和就业支出 2057.83 万元，占 11.15%；… (北京) · 按支出功能分类：社会保障和就业支出 50.71 万元；… (a county's
 * 编制说明, the list straight after the colon): the 类 of the function classification, each named as the classification
 * names it (ending in 支出), no level marked; the spending named before 中 (group `intro`) says whose.
 */
const BY_FUNCTION = sre(String.raw`按(?:照)?支出功能分类(?:科目)?\s*(?:[,:]?\s*(?:(?:主要)?包括\s*:?|(?<intro>(?:20\d\d\s*年度?)?[^\d,;:。]{0,30}?支出(?:预算)?中\s*[:,]))|:)`, "g");
/** Whose spending a 类 list's `…支出中：` names: the 一般公共预算's, every fund's of the 财政拨款 (not its table alone), or the department's. */
const introScope = (intro: string): FunctionItemClaim["scope"] =>
  /一\s*般\s*公\s*共\s*预\s*算/.test(intro) ? "general" : /财\s*政\s*拨\s*款/.test(intro) ? "allocation" : scopeOf(intro);
/** 支出包括： after the 财政拨款收支总预算 (in its paragraph, before the next total). */
const SPENT_INCLUDES = sre(String.raw`^[^]*?支出(?:主要)?包括\s*:?`);
const CARRIED_ITEM = re(String.raw`^\s*(?<name>结\s*转\s*下\s*年(?:\s*资\s*金)?)\s*(?:为|是)?\s*(?<amount>NUM)\s*万\s*元\s*(?<sep>[;,、]|。|$)`);
/** A 类 of the list: its name (…支出), its amount, its share, its change on last year (…，占 P%，比上年增加 D 万元，增长 Q%: 山西's). */
const CLASS_ITEM = re(String.raw`^\s*(?<name>[^\d,;:。%、()]{2,24}?支\s*出)\s*(?:预\s*算)?\s*(?:为|是)?\s*(?<amount>NUM)\s*万\s*元\s*(?:,\s*占[^,;。、]{0,12}?%)?${PART_CHANGE}\s*(?<sep>[;,、]|。|$)`);

/**
 * 收入包括： after the 财政拨款收支总预算, in its sentence or the next (收入全部为一般公共预算拨款（无政府性基金…），包括：
 * too: words of the same sentence between 收入 and 包括).
 */
const INCOME_INCLUDES = sre(String.raw`^[^。]*?。?\s*收入(?:[^。;包]{0,60}?,)?\s*(?:主要)?包括\s*:?`);
const INCOME_ITEM = re(String.raw`^\s*(?<label>[^\d,;:。%、()]{2,24}?)\s*(?:为|是)?\s*(?<amount>NUM)\s*万\s*元\s*(?:,\s*占[^,;。、]{0,12}?%)?\s*(?<sep>[;,、]|。|$)`);

/** The income table's column a part of the 收入 total names, and the expenditure table's of the 支出 total. */
const INCOME_PART: [RegExp, TableFigure][] = [
  [/^一般公共预算(?:当年)?(?:拨款|财政拨款)?(?:收入)?$/, "general-public-income"],
  [/^政府性基金(?:预算)?(?:拨款|财政拨款)?(?:收入)?$/, "gov-fund-income"],
  [/^国有资本经营预算(?:拨款|财政拨款)?(?:收入)?$/, "state-capital-income"],
  [/^财政拨款(?:收入)?$/, "allocation-income"],
  [/^财政专户(?:管理资金|拨款)(?:收入)?$/, "special-account-income"],
  [/^事业收入$/, "business-income"],
  [/^(?:事业单位)?经营收入$/, "operating-income"],
  [/^上级补助收入$/, "superior-subsidy"],
  [/^附属单位上缴收入$/, "subsidiary-remittance"],
  [/^其他收入$/, "other-income"],
  [/^上年结转(?:结余)?(?:收入)?$/, "carryover"],
];
const EXPENDITURE_PART: [RegExp, TableFigure][] = [
  [/^基本支出$/, "basic"],
  [/^项目支出$/, "project"],
];

/**
 * Whose spending a total is, as the reader read it: the 一般公共预算's (一般公共预算当年拨款 / 一般公共预算支出), the
 * 财政拨款's (财政拨款收支总预算, 财政拨款支出总计) or the department's (支出预算 / 支出总计); undefined for any other figure.
 */
export function spendingOf(total: Amount, claims: Claim[]): FunctionItemClaim["scope"] {
  for (const c of claims) {
    if (c.kind === "department-total" && c.amount === total) return c.side === "expenditure" ? "department" : undefined;
    if (c.kind !== "table-figure" || c.amount !== total) continue;
    if (c.figure === "general") return "general";
    if (c.figure === "allocation-grand-total" || c.figure === "allocation-expenditure-total") return "allocation";
    if (c.figure === "expenditure-subtotal") return "department";
  }
  return undefined;
}

/**
 * The parts of a list under a total whose spending the text has told (spendingOf) that name a 类 by its whole name
 * (文化旅游体育与传媒支出 a 万元，占 P%; 一般公共服务（类）支出 too): each that 类 of that spending — unless a reader has read
 * the figure as an item already. (天津's 一般公共预算当年拨款结构情况 under its 一般公共预算当年拨款.)
 */
export function listedClasses(parts: { label: string; amount: Amount }[], scope: FunctionItemClaim["scope"], out: Claim[]): void {
  if (!scope) return;
  const items = new Set<Amount>();
  for (const c of out) if (c.kind === "function-item") items.add(c.amount);
  for (const x of parts) {
    const name = normaliseName(x.label.replace(/\s+/g, "").replace(/\((?:类)\)/, ""));
    if (!items.has(x.amount) && functionClassCode(name)) out.push({ kind: "function-item", names: [name], amount: x.amount, levels: ["类"], scope });
  }
}

/** A total and the parts listed under it (generic.ts `lists`). */
export interface ListedTotal {
  total: Amount;
  /** The total's name, as printed before it (year left out). */
  label: string;
  parts: { label: string; amount: Amount }[];
}

/**
 * The fund of the 财政拨款 a part's label names (一般公共预算财政拨款 · 政府性基金预算拨款 · 国有资本经营预算财政拨款收入 …), or
 * null.
 */
const FUND_NAME: [RegExp, "general-public" | "gov-fund" | "state-capital"][] = [
  [/^一般公共预算(?:当年)?(?:财政)?(?:拨款)?(?:收入)?$/, "general-public"],
  [/^政府性基金(?:预算)?(?:当年)?(?:财政)?(?:拨款)?(?:收入)?$/, "gov-fund"],
  [/^国有资本经营预算(?:当年)?(?:财政)?(?:拨款)?(?:收入)?$/, "state-capital"],
];
const fundOf = (label: string) => FUND_NAME.find(([rx]) => rx.test(label))?.[1] ?? null;
/** A fund's spending (一般公共预算支出 · 政府性基金预算财政拨款支出 · 国有资本经营预算支出): a fund named, not a 类. */
const FUND_SPENDING: [RegExp, "general-public" | "gov-fund" | "state-capital"][] = [
  [/^一般公共预算(?:当年)?(?:财政)?(?:拨款)?支出$/, "general-public"],
  [/^政府性基金(?:预算)?(?:财政)?(?:拨款)?支出$/, "gov-fund"],
  [/^国有资本经营(?:预算)?(?:财政)?(?:拨款)?支出$/, "state-capital"],
];

/** Whether labels name funds of the 财政拨款 only, two at least, each once. */
export function fundParts(labels: string[]): boolean {
  const funds = mapArray(labels, fundOf);
  return funds.length >= 2 && funds.every((f) => f !== null) && new Set(funds).size === funds.length;
}

/** A fund's 本年 income under the 财政拨款收入总计, as the table figure it restates. */
const ALLOCATION_FUND_INCOME: Record<"general-public" | "gov-fund" | "state-capital", TableFigure> = {
  "general-public": "allocation-general-public-income",
  "gov-fund": "allocation-gov-fund-income",
  "state-capital": "allocation-state-capital-income",
};

/**
 * The lists under a 财政拨款收入（总计）whose parts, up to the other side's (…；财政拨款支出总计 …), are the 财政拨款's funds and its
 * 上年结转, each once, the 上年结转 among them: the total is then the 财政拨款收支总表's 收入总计 (本年 and 上年结转), each fund's figure
 * its 本年 income. By the total's figure, the parts read.
 */
function allocationIncomeLists(lists: ListedTotal[]): Map<Amount, ListedTotal["parts"]> {
  const out = new Map<Amount, ListedTotal["parts"]>();
  for (const l of lists) {
    if (!ALLOCATION_INCOME_NAME.test(l.label)) continue;
    const end = l.parts.findIndex((x) => /支出/.test(x.label));
    const parts = end < 0 ? l.parts : l.parts.slice(0, end);
    const kinds = mapArray(parts, (x) => fundOf(x.label) ?? (ALLOCATION_CARRYOVER_PART.test(x.label) ? "carryover" : null));
    if (kinds.includes("carryover") && kinds.every((x) => x !== null) && new Set(kinds).size === kinds.length) out.set(l.total, parts);
  }
  return out;
}

/** A fund's part of the 财政拨款收支总预算, as the table figure it restates. */
const ALLOCATION_FUND: Record<"general-public" | "gov-fund" | "state-capital", TableFigure> = {
  "general-public": "allocation-general-public",
  "gov-fund": "allocation-gov-fund",
  "state-capital": "allocation-state-capital",
};

/** The figure a paragraph prints in group `name` of `m`: one Amount per printed figure, whoever reads it. */
export type FigureAt = (p: Para, m: RegExpExecArray, name: string, base?: number) => Amount | null;

/** Is the match at `at` inside a clause that compares (比上年 …)? */
type Compared = (p: Para, at: number) => boolean;

/**
 * `compared` for a document of `year`: a clause that compares (比上年 …), or that names another year than the
 * document's (2025 年预算数为 …), states another year's figure.
 */
function comparedIn(year: number | null): Compared {
  return (p, at) => {
    let from = at;
    while (from > 0 && !",;:。".includes(p.text[from - 1])) from--;
    const clause = p.text.slice(from, at);
    if (COMPARED.test(clause)) return true;
    if (year === null) return false;
    for (const y of clause.matchAll(/(20\d\d)\s*年/g)) if (Number(y[1]) !== year) return true;
    return false;
  };
}

/** A numbered line without a figure (3.一般公共预算当年拨款具体使用情况。) heads the items after it, as 一、 and (一) do. */
const NUMBERED_HEADING = /^\s*\d+\s*[.、．](?!\d)/;
/** Which table a function item's section speaks of: the 一般公共预算 (or 财政拨款) one, or the department's spending. */
function scopeOf(text: string): "general" | "department" | undefined {
  if (/一\s*般\s*公\s*共\s*预\s*算|财\s*政\s*拨\s*款/.test(text)) return "general";
  if (/部\s*门\s*支\s*出|支\s*出\s*预\s*算|支\s*出\s*总\s*表|收\s*支\s*总/.test(text)) return "department";
  return undefined;
}

export function genericFigures(paras: Para[], lists: ListedTotal[], figureAt: FigureAt, out: Claim[], department: string | null = null, year: number | null = null): void {
  const last = department ? department.replace(/\s+/g, "").slice(-1) : null;
  const compared = comparedIn(year);
  // The heading the paragraphs are under (二、… / (三) 一般公共预算当年拨款具体使用情况 / 3.…情况。).
  let heading = "";
  // The 一般公共预算支出 a paragraph opened with under its heading (GENERAL_OPENING), until the next heading without a
  // figure: what the 类 listed after it are shares of.
  let generalBase: Amount | null = null;
  // The heading before the current one: what a heading that opens with a figure of its own is under.
  let outer = "";

  // The totals the lists are printed under: their parts are the income or expenditure table's columns.
  const sides = new Map<Amount, "income" | "expenditure">();
  // The 财政拨款收支总预算 and the 一般公共预算's spending: the funds listed under the one, 基本支出 and 项目支出 under the other.
  const allocationTotals = new Set<Amount>();
  const generalTotals = new Set<Amount>();
  // A fund's spending (政府性基金预算拨款支出 X 万元): the rows of its table a 其中 list after it names.
  const fundTotals = new Map<Amount, "gov-fund" | "state-capital">();
  // The figures read as a table's already (a list's parts, 收入包括：'s funds): not read again on their own.
  const read = new Set<Amount>();
  for (const l of lists) for (const part of l.parts) read.add(part.amount);
  // The 财政拨款's income totals whose lists name its 上年结转 beside its funds: the 财政拨款收支总表's 收入总计, not this year's.
  const allocationIncome = allocationIncomeLists(lists);
  for (let k = 0; k < paras.length; k++) {
    const p = paras[k];
    if (HEADING.test(p.text) || (NUMBERED_HEADING.test(p.text) && !/\d\s*万\s*元/.test(p.text))) {
      outer = heading;
      heading = p.text;
      // (A heading that is an item with its figure, （一）教育支出（类）X 万元, does not end the section; nor does one of
      // the 一般公共预算支出 again: （二）一般公共预算支出按功能分类科目的情况：)
      if (!/\d\s*万\s*元/.test(p.text) && !GENERAL_HEADING.test(p.text)) generalBase = null;
    }
    // A paragraph that speaks of a 决算 states another year's figures or the execution, not this budget's — but for its
    // 三公 where its only 决算 is last year's that it compares with (预算数为 X 万元，比上年决算增加 Y 万元: X is this
    // budget's; the clauses that compare are left, as everywhere).
    if (/决算/.test(p.text)) {
      if (!/决算/.test(p.text.replace(ON_LAST_FINAL, ""))) sanggong(p, figureAt, compared, out);
      continue;
    }
    // Every pattern below that ends in a figure ends in 元 (万元 or 元): tried only where the paragraph prints one. Most
    // paragraphs print none, and the dozen patterns (each copied by matchAll) tried on each were ~1% of a warm document.
    const money = p.text.includes("元");
    // 财政拨款支出总计 X 万元 (and 财政拨款收入总计 X 万元，支出总计 Y 万元): the 财政拨款收支总表's, not the department's.
    const allocationSpent = new Set<Amount>();
    for (const m of money ? p.text.matchAll(ALLOCATION_EXPENDITURE) : []) {
      const amount = figureAt(p, m, "amount");
      const before = p.text.slice(0, m.index).replace(/\s+/g, "").slice(-1);
      if (!amount || compared(p, m.index) || (!m.groups!.alone && !BEFORE_FUND.test(before))) continue;
      allocationSpent.add(amount);
      out.push({ kind: "table-figure", figure: "allocation-expenditure-total", label: "财政拨款支出总计", amount, change: null });
    }
    // Whether the paragraph states the department's own total (收支总预算 …), before or after the lists it holds.
    let departmentHere = false;
    for (const m of money ? p.text.matchAll(DEPARTMENT_TOTAL) : []) {
      const amount = figureAt(p, m, "amount");
      if (amount && allocationSpent.has(amount)) continue;
      // The last character before it but spaces (a letter-spaced line: 机 关 运 行 经 费 预 算 支 出).
      const ahead = p.text.slice(0, m.index).replace(/\s+/g, "");
      const before = ahead.slice(-1);
      // 单位 by itself or as 本单位, not 事业单位 / 附属单位 / 预算单位 (a kind's or the units' figure).
      if (!amount || compared(p, m.index) || !(BEFORE_DEPARTMENT.test(before === "位" ? ahead.slice(-3) : before) || before === last)) continue;
      const g = m.groups!;
      const side = g.both || /收/.test(g.side ?? g.side2 ?? "") ? "income" : "expenditure";
      const label = m[0].slice(0, m.indices!.groups!.amount[0] - m.index).replace(/[\s为是]+$/, "").replace(/\s+/g, "");
      if (g.this) out.push({ kind: "table-figure", figure: side === "income" ? "income-subtotal" : "expenditure-subtotal", label, amount, change: null });
      // (收入合计 / 支出合计 without 本年 or 预算: the 本年 subtotal in the national 收支总表, or its total where nothing is
      // carried over; 收入预算 and 收支预算 alone likewise.)
      else out.push({ kind: "department-total", side, amount, change: null, ...((g.both ? !/总/.test(label) : !/总|合计/.test(m[0]) || /^(?:收入|支出)合计/.test(label)) && { orSubtotal: true as const }) });
      sides.set(amount, side);
      departmentHere = true;
    }
    let allocationHere = false;
    for (const m of money ? p.text.matchAll(ALLOCATION_TOTAL) : []) {
      const amount = figureAt(p, m, "amount");
      if (!amount || compared(p, m.index)) continue;
      out.push({ kind: "table-figure", figure: "allocation-grand-total", label: "财政拨款收支总预算", amount, change: null });
      allocationTotals.add(amount);
      allocationHere = true;
      // …。收入包括：一般公共预算收入 5,753.07 万元。: its funds, as the income table prints them.
      const received = INCOME_INCLUDES.exec(p.text.slice(m.index + m[0].length));
      if (received) incomeList(p, m.index + m[0].length + received.index + received[0].length, figureAt, compared, out, read);
      // …。支出包括：一般公共服务支出 15,291.3 万元，占 81.65%；…: its 类, in the paragraph (and the ones its ； runs on to).
      const spent = SPENT_INCLUDES.exec(p.text.slice(m.index + m[0].length));
      if (spent) classList(paras, k, m.index + m[0].length + spent.index + spent[0].length, "allocation", figureAt, compared, out);
    }
    // 收入包括：… / 支出包括：… in a paragraph of the department's own total, no 财政拨款收支总预算 before them (天津).
    if (!allocationHere) departmentIncludes(p, departmentHere, figureAt, compared, out, read);
    for (const m of money ? p.text.matchAll(INCOME_FIGURE) : []) {
      const amount = figureAt(p, m, "amount");
      const before = p.text.slice(0, m.index).trimEnd().slice(-1);
      if (!amount || read.has(amount) || compared(p, m.index) || !BEFORE_INCOME_FIGURE.test(before)) continue;
      read.add(amount);
      const allocation = m.groups!.key.startsWith("财");
      // 财政拨款收入总计 X 万元 with its 上年结转 listed under it, or its 支出总计 beside it in the sentence: the 财政拨款收支总表's
      // 收入总计. (Else 总计 may be this year's whole 财政拨款, 江苏's 财政拨款收入预算总计: the income table's, or either.)
      const summed = /总\s*计/.test(m[0]);
      const end = m.index + m[0].length;
      if (allocation && (allocationIncome.has(amount) || (summed && /^\s*,\s*(?:财\s*政\s*拨\s*款\s*)?支\s*出\s*(?:预\s*算\s*)?总\s*计/.test(p.text.slice(end, end + 24))))) {
        out.push({ kind: "table-figure", figure: "allocation-grand-total", label: "财政拨款收入总计", amount, change: null });
        continue;
      }
      out.push({ kind: "table-figure", figure: allocation ? "allocation-income" : "general-public-income", label: allocation ? "财政拨款收入" : "一般公共预算收入", amount, change: null, ...(allocation && summed && { orTotal: true as const }) });
    }
    for (const m of money ? p.text.matchAll(FUND_EXPENDITURE) : []) {
      const amount = figureAt(p, m, "amount");
      const before = p.text.slice(0, m.index).trimEnd().slice(-1);
      if (!amount || read.has(amount) || compared(p, m.index) || !BEFORE_FUND.test(before)) continue;
      const gov = m.groups!.fund.startsWith("政");
      out.push({ kind: "table-figure", figure: gov ? "gov-fund-expenditure" : "state-capital-expenditure", label: gov ? "政府性基金预算支出" : "国有资本经营预算支出", amount, change: null });
      fundTotals.set(amount, gov ? "gov-fund" : "state-capital");
    }
    for (const m of money ? p.text.matchAll(GENERAL) : []) {
      // …项目 3 个，涉及一般公共预算当年拨款 X 万元: the projects' share of it (PERFORMANCE), not the whole.
      if (/涉\s*及\s*$/.test(p.text.slice(Math.max(0, m.index - 4), m.index))) continue;
      const amount = figureAt(p, m, "amount");
      if (!amount || compared(p, m.index)) continue;
      out.push({ kind: "table-figure", figure: "general", label: "一般公共预算当年拨款", amount, change: null });
      generalTotals.add(amount);
    }
    const opening = money && GENERAL_HEADING.test(heading !== p.text ? heading : outer) ? GENERAL_OPENING.exec(p.text) : null;
    if (opening) {
      const amount = figureAt(p, opening, "amount");
      if (amount && !compared(p, opening.index)) {
        out.push({ kind: "table-figure", figure: "general", label: "一般公共预算支出", amount, change: null });
        generalBase = amount;
        generalTotals.add(amount);
      }
    }
    sanggong(p, figureAt, compared, out);
    if (heading !== p.text && /会\s*议\s*费|培\s*训\s*费/.test(heading))
      for (const m of money ? p.text.matchAll(MEETING_TRAINING) : []) {
        const amount = figureAt(p, m, "amount");
        const key = m.groups!.key.replace(/\s+/g, "");
        if (amount && !compared(p, m.index)) out.push({ kind: "sanggong", component: key === "会议费" ? "meeting" : "training", label: key, amount, change: null });
      }
    procurement(paras, k, figureAt, compared, out);
    functionItems(p, heading === p.text ? p.text : heading + p.text, figureAt, compared, out, generalBase);
    namedClassItem(p, heading === p.text ? p.text : heading + p.text, figureAt, compared, out, generalBase);
    codeItems(p, heading === p.text ? p.text : heading + p.text, year, figureAt, compared, out);
    const scope = scopeOf(heading === p.text ? p.text : heading + p.text);
    for (const m of p.text.matchAll(BY_FUNCTION)) {
      // (2026年一般公共预算财政拨款支出中: this year's, of the spending it names; not another year's.)
      const intro = m.groups!.intro ?? "";
      const y = /(20\d\d)/.exec(intro);
      if (COMPARED.test(intro) || (y && year !== null && Number(y[1]) !== year)) continue;
      classList(paras, k, m.index + m[0].length, (intro && introScope(intro)) || scope, figureAt, compared, out);
    }
    for (const m of money ? p.text.matchAll(GENERAL_BASIC) : []) {
      const amount = figureAt(p, m, "amount");
      if (!amount || compared(p, m.index)) continue;
      out.push({ kind: "table-figure", figure: "general-basic", label: "一般公共预算基本支出", amount, change: null });
      basicParts(paras, k, m.index + m[0].length, "general", figureAt, compared, out);
    }
    for (const m of money ? p.text.matchAll(ALLOCATION_BASIC) : []) {
      const amount = figureAt(p, m, "amount");
      if (!amount || compared(p, m.index)) continue;
      out.push({ kind: "table-figure", figure: "allocation-basic", label: "财政拨款基本支出", amount, change: null });
      basicParts(paras, k, m.index + m[0].length, "allocation", figureAt, compared, out);
    }
    for (const m of money ? p.text.matchAll(PERFORMANCE) : []) {
      const amount = figureAt(p, m, "amount");
      // (部门整体支出绩效目标，涉及预算资金 X 万元: the whole department's budget, not its projects'.)
      if (WHOLE_DEPARTMENT_GOALS.test(p.text.slice(0, m.indices!.groups!.amount[0]))) continue;
      if (!amount || compared(p, m.indices!.groups!.amount[0])) continue;
      // …，占项目支出预算的 100%: the figure ÷ the 项目支出 (the 一般公共预算's where the share or the funds name it).
      const of = (m.groups!.of ?? "").replace(/\s+/g, "");
      const pct = PROJECT_BASE.test(of) ? p.amount(m, "pct") : null;
      const funds = m.groups!.funds ?? m.groups!.funds2;
      const fund = /一般公共/.test(of + funds) ? ("general" as const) : ("all" as const);
      // 实行绩效目标管理的项目 N 个，涉及项目预算资金 X 万元: how many projects, where the funds are every fund's.
      const projects = ONE_FUND.test(funds) ? null : p.count(m, m.groups!.projects2 ? "projects2" : "projects");
      // (项目全部实行绩效目标管理 … 项目支出预算 X 万元: all of the 项目支出, in the sentence of the figure.)
      const sentence = p.text.slice(p.text.lastIndexOf("。", m.index) + 1, m.indices!.groups!.amount[0]);
      const all = /^\s*项目支出/.test(funds) && !ONE_FUND.test(funds) && EVERY_PROJECT.test(sentence);
      out.push({ kind: "performance", amount, goals: null, partial: true, ...(pct && { share: { percent: pct, fund } }), ...(projects && { projects }), ...(all && { all: true as const }) });
    }
    for (const m of money ? p.text.matchAll(RUNNING_COST) : []) {
      const amount = figureAt(p, m, "amount");
      if (amount && !compared(p, m.index)) out.push({ kind: "table-figure", figure: "running-cost", label: "机关运行经费", amount, change: null });
    }
  }
  for (const l of lists) {
    // The rows of a fund's table named under its spending (政府性基金预算拨款支出 X 万元，比上年…。其中：国家重大水利工程建设基金安排
    // 的支出 a 万元，…, 吉林's): each the 本年 figure of the row of that name, as a 决算's are (fund-item).
    const fund = fundTotals.get(l.total);
    if (fund) {
      for (const part of l.parts) {
        const name = normaliseName(rowName(normaliseName(part.label.replace(/\s+/g, ""))));
        if (name) out.push({ kind: "fund-item", fund, name, amount: part.amount });
      }
      continue;
    }
    // 类 under a spending's total (一般公共预算当年拨款 X 万元，其中：教育支出 a 万元，…): that spending's 类.
    listedClasses(l.parts, generalTotals.has(l.total) ? "general" : allocationTotals.has(l.total) ? "allocation" : sides.get(l.total) === "expenditure" ? "department" : undefined, out);
    // 财政拨款收入总计 X 万元，其中：一般公共预算拨款收入 a 万元，上年结转 c 万元 (安徽): each fund's 本年 income and the 上年结转, as
    // the 财政拨款收支总表 prints them.
    const income = allocationIncome.get(l.total);
    if (income) {
      for (const part of income) {
        const fund = fundOf(part.label);
        out.push({ kind: "table-figure", figure: fund ? ALLOCATION_FUND_INCOME[fund] : "allocation-carryover", label: part.label, amount: part.amount, change: null });
      }
      continue;
    }
    const side = sides.get(l.total);
    if (side)
      for (const part of l.parts) {
        const figure = (side === "income" ? INCOME_PART : EXPENDITURE_PART).find(([rx]) => rx.test(part.label))?.[1];
        if (figure) out.push({ kind: "table-figure", figure, label: part.label, amount: part.amount, change: null });
      }
    // 财政拨款收支预算总计 X 万元…。其中：一般公共预算财政拨款 a 万元…；政府性基金预算财政拨款 b 万元… (北京): each fund's part of it,
    // as the 财政拨款收支总表 prints it.
    else if (allocationTotals.has(l.total) && fundParts(mapArray(l.parts, (x) => x.label)))
      for (const part of l.parts) out.push({ kind: "table-figure", figure: ALLOCATION_FUND[fundOf(part.label)!], label: part.label, amount: part.amount, change: null });
    // 一般公共预算财政拨款支出预算 X 万元，比…。其中：基本支出 a 万元，项目支出 b 万元 (北京): the 一般公共预算 table's 基本支出 and
    // 项目支出, which make its whole.
    else if (generalTotals.has(l.total) && l.parts.every((x) => /^(?:基本|项目)支出$/.test(x.label))) {
      const kinds = new Set(mapArray(l.parts, (x) => x.label));
      if (kinds.size !== l.parts.length) continue;
      for (const part of l.parts) out.push({ kind: "table-figure", figure: part.label === "基本支出" ? "general-basic" : "general-project", label: `一般公共预算${part.label}`, amount: part.amount, change: null });
      // (A list the reader found some of its total, at most it, is all of it here: read as such instead.)
      const some = out.findIndex((c) => c.kind === "composition" && c.total === l.total && c.whole === "some");
      if (kinds.size === 2 && some >= 0) out.splice(some, 1);
      const composed = out.some((c) => c.kind === "composition" && c.total === l.total);
      if (kinds.size === 2 && !composed) out.push({ kind: "composition", label: l.label, total: l.total, parts: l.parts, whole: "basic-project" });
    }
  }
}

function sanggongComponent(key: string): SanggongComponent {
  if (/购置[及和]运行/.test(key)) return "vehicle";
  if (/购置/.test(key)) return "vehicle-purchase";
  if (/运行/.test(key)) return "vehicle-operation";
  if (/接待/.test(key)) return "reception";
  return "abroad";
}

/**
 * A budget unit's own “三公” figure, not the department's: after 分单位看 (分单位情况) in its paragraph, or right after a
 * unit's name (陕西省统计局机关“三公”经费 71.70 万元 · 数据管理中心“三公”经费 5.70 万元).
 */
const BY_UNIT = /分单位/;
const UNIT_NAMED = /(?:机关|中心|研究所|研究院|学院|学校|医院|站|队|馆|所|院)\s*[“"]?$/;
const unitsOwn = (p: Para, at: number) => {
  const before = p.text.slice(Math.max(0, at - 12), at).split(/[,;:。]/).pop()!;
  // (本所 · 本中心: the document's own unit.)
  return BY_UNIT.test(p.text.slice(0, at)) || (UNIT_NAMED.test(before) && !/本/.test(before));
};

function sanggong(p: Para, figureAt: FigureAt, compared: Compared, out: Claim[]): void {
  for (const m of p.text.matchAll(SANGGONG_TOTAL)) {
    const amount = figureAt(p, m, "amount");
    if (amount && !compared(p, m.index) && !unitsOwn(p, m.index) && !fundsOwnSanggong(p, m.index + m[0].length)) out.push({ kind: "sanggong", component: "total", label: "“三公”经费", amount, change: null });
  }
  for (const m of p.text.matchAll(SANGGONG_PART)) {
    const amount = figureAt(p, m, "amount");
    const key = m.groups!.key.replace(/\s+/g, "");
    if (amount && !compared(p, m.index) && !unitsOwn(p, m.index) && !fundsOwnSanggong(p, m.index + m[0].length)) out.push({ kind: "sanggong", component: sanggongComponent(key), label: normaliseName(key), amount, change: null });
  }
}

/**
 * 人员经费 / 公用经费 after 一般公共预算基本支出 (`general`) or 财政拨款基本支出 X 万元 (`allocation`): in its paragraph
 * and the next few, up to a heading.
 */
function basicParts(paras: Para[], k: number, from: number, scope: "general" | "allocation", figureAt: FigureAt, compared: Compared, out: Claim[]): void {
  const seen = new Set<string>();
  for (let i = k; i < paras.length && i <= k + BASIC_PARTS_WITHIN; i++) {
    const p = paras[i];
    // A heading ends the section, unless it is the part's own (（一）人员经费 X 万元).
    if (i > k && HEADING.test(p.text) && !OWN_HEADING.test(p.text)) break;
    const base = i === k ? from : 0;
    for (const m of p.text.slice(base).matchAll(BASIC_PART)) {
      const key = m.groups!.key.replace(/\s+/g, "");
      const personnel = /人员/.test(key);
      const figure = scope === "general" ? (personnel ? "personnel" : "public") : personnel ? "allocation-personnel" : "allocation-public";
      const amount = figureAt(p, m, "amount", base);
      if (!amount || seen.has(figure) || compared(p, base + m.index)) continue;
      seen.add(figure);
      out.push({ kind: "table-figure", figure, label: key, amount, change: null });
    }
    // The classes of the 一般公共预算's, each once.
    if (scope !== "general") continue;
    for (const m of p.text.slice(base).matchAll(BASIC_CLASS)) {
      const key = m.groups!.key.replace(/\s+/g, "");
      const figure = BASIC_CLASS_FIGURE(key);
      const amount = figureAt(p, m, "amount", base);
      if (!amount || seen.has(figure) || compared(p, base + m.index)) continue;
      seen.add(figure);
      out.push({ kind: "table-figure", figure, label: key, amount, change: null });
    }
  }
}

/** `context`: the section's heading and the paragraph, for the table the items are of (scopeOf). */
function functionItems(p: Para, context: string, figureAt: FigureAt, compared: Compared, out: Claim[], base: Amount | null): void {
  // FUNCTION_ITEM's names end in a level's mark, (类), (款) or (项): a paragraph without one (most) holds no item. One
  // plain test instead of the pattern tried from each of its characters (1% of a warm document's samples;
  // docs/performance.md, "Sixteenth pass").
  if (!LEVEL_MARK.test(p.text)) return;
  const scope = scopeOf(context);
  for (const m of p.text.matchAll(FUNCTION_ITEM)) {
    const amount = figureAt(p, m, "amount");
    if (!amount || compared(p, m.index)) continue;
    const names: string[] = [];
    const levels: ("类" | "款" | "项")[] = [];
    let from = 0;
    const text = m.groups!.names;
    for (const l of text.matchAll(LEVEL)) {
      // (The first name without its list number: （一）教育支出（类） names 教育支出.)
      const name = normaliseName(text.slice(from, l.index).replace(/\s+/g, "").replace(/^[.．、]+/, ""));
      names.push(names.length ? name : splitMarker(name).name);
      levels.push(l[1] as "类" | "款" | "项");
      from = l.index + l[0].length;
    }
    // In order and each named: 类 before 款 before 项.
    const order = "类款项";
    if (names.some((n) => !n) || levels.some((l, i) => i > 0 && order.indexOf(l) <= order.indexOf(levels[i - 1]))) continue;
    out.push({ kind: "function-item", names, amount, levels, ...(scope && { scope }) });
    if (levels.length === 1 && levels[0] === "类") classShare(p, m, names[0], amount, base, figureAt, out);
  }
}

/**
 * A numbered item of a list that names a 类 of the function classification as the classification names it,
 * without its level marked, and its figure, under a heading that says which table's (scopeOf): 2．社会保障和就业
 * 支出1890.27万元。 · 3、住房保障支出 5686.35万元 (江苏, under （二）支出预算总计 … 包括：). Only a name that is a
 * 类's whole name: a 款 or a project is not known by name.
 */
const NAMED_CLASS_ITEM = re(String.raw`^\s*(?:\d+\s*[.．、]|\([一二三四五六七八九十]+\))\s*(?<name>[^\d,;:。%、()“”]{2,24}?支\s*出)\s*(?:预\s*算)?\s*(?:为|是)?\s*(?<amount>NUM)\s*万\s*元`);
function namedClassItem(p: Para, context: string, figureAt: FigureAt, compared: Compared, out: Claim[], base: Amount | null): void {
  const m = NAMED_CLASS_ITEM.exec(p.text);
  if (!m) return;
  const name = normaliseName(m.groups!.name.replace(/\s+/g, ""));
  const amount = figureAt(p, m, "amount");
  // (Of the table its section names only: an item under no such heading may be of any.)
  const scope = scopeOf(context);
  if (!amount || !scope || !functionClassCode(name) || compared(p, m.index)) return;
  out.push({ kind: "function-item", names: [name], amount, levels: ["类"], scope });
  classShare(p, m, name, amount, base, figureAt, out);
}

/** ，占 P% right after a figure. */
const SHARE_AFTER = re(String.raw`^\s*,?\s*占\s*(?:一\s*般\s*公\s*共\s*预\s*算\s*(?:财\s*政\s*拨\s*款\s*)?(?:支\s*出\s*)?(?:预\s*算\s*)?(?:总\s*额|合\s*计)?\s*的?)?\s*(?:比)?\s*(?:为)?\s*(?<pct>NUM)\s*%`);

/**
 * A 类's share right after its figure (（一）教育支出（类）4675.48万元，占76.01%。 · 占一般公共预算支出的11.01%), under a
 * paragraph that opened with the 一般公共预算支出 it is a share of (GENERAL_OPENING).
 */
function classShare(p: Para, m: RegExpExecArray, name: string, amount: Amount, base: Amount | null, figureAt: FigureAt, out: Claim[]): void {
  if (!base) return;
  const end = m.index + m[0].length;
  const s = SHARE_AFTER.exec(p.text.slice(end));
  const percent = s ? figureAt(p, s, "pct", end) : null;
  if (percent) out.push({ kind: "share", label: name, amount, percent, baseLabel: "一般公共预算支出", base });
}

/** Items named by code and name (CODE_ITEM), of this year (a year printed before the figure is the document's). */
function codeItems(p: Para, context: string, year: number | null, figureAt: FigureAt, compared: Compared, out: Claim[]): void {
  const scope = scopeOf(context);
  for (const m of p.text.matchAll(CODE_ITEM)) {
    const amount = figureAt(p, m, "amount");
    const g = m.groups!;
    if (!amount || compared(p, m.index) || (g.year && year !== null && Number(g.year) !== year)) continue;
    const name = normaliseName(g.name.replace(/\s+/g, ""));
    out.push({ kind: "function-item", names: [name], amount, levels: [CODE_LEVEL[g.code.length]], code: g.code, ...(scope && { scope }) });
  }
}

/**
 * The 类 a list names from `at` in paragraph k (按支出功能分类，包括 … · 支出包括：…), up to its sentence's end and
 * across the paragraphs a part's ； or ， ends: function items of the 类 level, of `scope`'s tables.
 */
function classList(paras: Para[], k: number, at: number, scope: FunctionItemClaim["scope"], figureAt: FigureAt, compared: Compared, out: Claim[]): void {
  let p = paras[k];
  let read = 0;
  for (let hops = 0; ; ) {
    if (!p.text.slice(at).trim()) {
      // The list runs on only after a part that ends its paragraph with ； or ，, over a page number — or after its
      // 包括： when a line ends there (the text reader ends a paragraph at a line's ：; 河南's …；支出包括： / 一般公共预算支出 …).
      let next = paras.indexOf(p) + 1;
      while (next < paras.length && /^\s*\d{0,4}\s*$/.test(paras[next].text)) next++;
      if ((read === 0 && !/:\s*$/.test(p.text)) || next >= paras.length || ++hops > 3) break;
      p = paras[next];
      at = 0;
    }
    // (结转下年 c 万元 among the 财政拨款's: its 结转下年, the 财政拨款收支总表's.)
    const carried = scope === "allocation" ? CARRIED_ITEM.exec(p.text.slice(at)) : null;
    const carriedAmount = carried && figureAt(p, carried, "amount", at);
    if (carried) {
      if (carriedAmount && !compared(p, at + carried.indices!.groups!.amount[0])) out.push({ kind: "table-figure", figure: "allocation-carryforward", label: "结转下年", amount: carriedAmount, change: null });
      read++;
      at += carried[0].length;
      if (carried.groups!.sep === "。" || carried.groups!.sep === "") break;
      continue;
    }
    const c = CLASS_ITEM.exec(p.text.slice(at));
    if (!c) break;
    const amount = figureAt(p, c, "amount", at);
    const name = normaliseName(c.groups!.name.replace(/\s+/g, ""));
    // A fund's spending in the 财政拨款's list (支出包括：一般公共预算支出 a 万元，政府性基金预算支出 b 万元 …, 河南): no 类, but
    // the fund's column of the 财政拨款收支总表, as a fund listed under the 财政拨款收支总预算 is.
    const fund = scope === "allocation" ? FUND_SPENDING.find(([rx]) => rx.test(name))?.[1] : undefined;
    if (amount && !compared(p, at + c.indices!.groups!.amount[0]))
      out.push(fund ? { kind: "table-figure", figure: ALLOCATION_FUND[fund], label: name, amount, change: null } : { kind: "function-item", names: [name], amount, levels: ["类"], ...(scope && { scope }) });
    read++;
    at += c[0].length;
    if (c.groups!.sep === "。" || c.groups!.sep === "") break;
  }
}

/**
 * The funds a 财政拨款收支总预算's 收入包括： lists, up to its sentence's end: each that names an income table's fund
 * column (一般公共预算收入, 政府性基金预算收入 …) is that column's 合计. Its 上年结转 is the 财政拨款's only, not the
 * income table's 上年结转 (which holds every source's): the 财政拨款收支总表's 上年结转.
 */
const ALLOCATION_FUNDS = new Set<TableFigure>(["general-public-income", "gov-fund-income", "state-capital-income"]);
function incomeList(p: Para, at: number, figureAt: FigureAt, compared: Compared, out: Claim[], read: Set<Amount>): void {
  for (;;) {
    const c = INCOME_ITEM.exec(p.text.slice(at));
    if (!c) break;
    const label = c.groups!.label.replace(/\s+/g, "");
    const part = INCOME_PART.find(([rx]) => rx.test(label))?.[1];
    const figure = part === "carryover" ? "allocation-carryover" : part;
    const amount = figureAt(p, c, "amount", at);
    // (上年结转's 上年 names the part, no comparison.)
    const own = figure === "allocation-carryover" || !compared(p, at + c.indices!.groups!.amount[0]);
    if (figure && (ALLOCATION_FUNDS.has(figure) || figure === "allocation-carryover") && amount && !read.has(amount) && own) {
      read.add(amount);
      out.push({ kind: "table-figure", figure, label, amount, change: null });
    }
    at += c[0].length;
    if (c.groups!.sep === "。" || c.groups!.sep === "") break;
  }
}

/**
 * 收入包括：… and 支出包括：… that no 财政拨款收支总预算 comes before, in a paragraph of the department's own (天津: 按照综合预算的
 * 原则，某局所有收入和支出均纳入部门预算管理。收入包括：一般公共预算拨款收入 a 万元、…、事业收入 b 万元…；上年结转 c 万元。支出包括：
 * 文化旅游体育与传媒支出 d 万元…；结转下年 e 万元。2026年收支总预算 X 万元): whose parts they list, the paragraph says — it states the
 * department's total (收支总预算, 收入预算 …, before the lists or after them) or that every income and spending is in the 部门预算,
 * and names no fund or 财政拨款 before its first list. Each source of income is then the income table's column of it (上年结转
 * its 上年结转), 基本支出 / 项目支出 the expenditure table's columns, a 类 the department's spending by function, 结转下年 the
 * 收支总表's. A list a heading words so, without these words in its paragraph, is not read: the heading is no sentence.
 */
const DEPARTMENT_WORDS = /纳\s*入\s*部\s*门\s*预\s*算|所\s*有\s*收\s*入/;
const FUND_WORDS = /财\s*政\s*拨\s*款|一\s*般\s*公\s*共\s*预\s*算|政\s*府\s*性\s*基\s*金|国\s*有\s*资\s*本/;
/** 收入包括： / 支出主要包括： opening a sentence or a clause (not 基本支出包括：, a part's). */
const INCLUDES_AT = sre(String.raw`(?<=(?:^|[,;:。])\s*)(?<side>收入|支出)(?:主要)?包括\s*:`, "g");
const CARRYFORWARD = /^结转下年(?:资金)?$/;
function departmentIncludes(p: Para, departmentHere: boolean, figureAt: FigureAt, compared: Compared, out: Claim[], read: Set<Amount>): void {
  const lists = [...p.text.matchAll(INCLUDES_AT)];
  if (!lists.length) return;
  const lead = p.text.slice(0, lists[0].index);
  if (FUND_WORDS.test(lead) || !(departmentHere || DEPARTMENT_WORDS.test(lead))) return;
  for (const m of lists) {
    const income = m.groups!.side.startsWith("收");
    for (let at = m.index + m[0].length; ; ) {
      const c = INCOME_ITEM.exec(p.text.slice(at));
      if (!c) break;
      const label = normaliseName(c.groups!.label.replace(/\s+/g, ""));
      const amount = figureAt(p, c, "amount", at);
      const figure = income
        ? INCOME_PART.find(([rx]) => rx.test(label))?.[1]
        : (EXPENDITURE_PART.find(([rx]) => rx.test(label))?.[1] ?? (CARRYFORWARD.test(label) ? "carryforward" : undefined));
      // (上年结转's 上年 names the part, no comparison.)
      if (amount && !read.has(amount) && (figure === "carryover" || !compared(p, at + c.indices!.groups!.amount[0]))) {
        if (figure) {
          read.add(amount);
          out.push({ kind: "table-figure", figure, label, amount, change: null });
        } else if (!income && functionClassCode(label)) out.push({ kind: "function-item", names: [label], amount, levels: ["类"], scope: "department" });
      }
      at += c[0].length;
      if (c.groups!.sep === "。" || c.groups!.sep === "") break;
    }
  }
}

/**
 * 政府采购预算总额 X 万元，其中：货物 a 万元、工程 b 万元、服务 c 万元。: the total and its kinds, in the sentence
 * after the total (across the paragraphs a ； ends), each kind once. Two kinds at least: a single one named is
 * no split of the total.
 */
function procurement(paras: Para[], k: number, figureAt: FigureAt, compared: Compared, out: Claim[]): void {
  const p = paras[k];
  for (const m of p.text.matchAll(PROCUREMENT)) {
    const amount = figureAt(p, m, "amount");
    if (!amount || compared(p, m.index)) continue;
    const components: { component: "goods" | "works" | "services"; label: string; amount: Amount }[] = [];
    let from = m.index + m[0].length;
    done: for (let i = k; i < paras.length && i <= k + SENTENCE_PARAGRAPHS; i++) {
      const q = paras[i];
      const base = i === k ? from : 0;
      const end = q.text.indexOf("。", base);
      const sentence = q.text.slice(base, end < 0 ? q.text.length : end);
      for (const c of sentence.matchAll(PROCUREMENT_PART)) {
        const component = PROCUREMENT_KIND[c.groups!.kind.replace(/\s+/g, "") as keyof typeof PROCUREMENT_KIND];
        const a = figureAt(q, c, "amount", base);
        if (a && !components.some((x) => x.component === component)) components.push({ component, label: `${c.groups!.kind.replace(/\s+/g, "")}采购`, amount: a });
      }
      if (end >= 0) break done;
      from = 0;
    }
    if (components.length < 2) continue;
    const claim: ProcurementClaim = { kind: "procurement", amount, components };
    out.push(claim);
    // 面向中小企业预留政府采购项目预算金额 N 万元，占政府采购预算总额的 P% (山东, 福建), in its paragraph or the next two: the part
    // reserved for small and medium enterprises, and its share of the procurement.
    for (let i = k; i < paras.length && i <= k + SENTENCE_PARAGRAPHS; i++) {
      const q = paras[i];
      const r = RESERVED_SME.exec(q.text);
      const sme = r && figureAt(q, r, "amount");
      if (!r || !sme) continue;
      claim.reserved = { sme, micro: null };
      const pct = r.groups!.pct ? q.amount(r, "pct") : null;
      if (pct && /政府采购/.test(r.groups!.of ?? "")) out.push({ kind: "share", label: "面向中小企业预留", amount: sme, percent: pct, baseLabel: "政府采购预算总额", base: amount });
      break;
    }
  }
}

/** 面向中小企业预留政府采购项目预算金额 N 万元，占政府采购预算总额的 P%. */
const RESERVED_SME = sre(String.raw`面向中小企业预留(?:的)?政府采购(?:项目)?预算(?:金额)?\s*(?:为)?\s*(?<amount>NUM)\s*万\s*元(?:\s*,\s*占(?<of>[^\d%,;。]*?)的?\s*(?<pct>NUM)\s*%)?`);
