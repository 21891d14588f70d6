import type { Amount } from "../model/amount.js";
import { normaliseName } from "../model/names.js";
import { ABROAD, OFFICIAL_CAR, type Para, paragraphsOf, PERCENT_AFTER, re, rowName } from "./para.js";
import { assetSplits, headcountSplits, unitKinds, unitLists } from "./splits.js";
import { vehicleSplits } from "./vehicles.js";
import { sanggongCounts } from "./counts.js";
import { sharesMakeTheWhole } from "./generic.js";
import type { JoinedText } from "./text.js";
import type { Change, Claim, ExecutionClaim, FundBalanceClaim, FunctionItemClaim, OperatingCostClaim, ProcurementClaim, SanggongFinalClaim, ShareClaim, TableFigure, TableFigureClaim } from "./types.js";
import { mapArray } from "../util/arrays.js";

/*
 * A 部门决算's 情况说明 (Shanghai's template, and the national 决算 template it follows): the totals of each
 * table restated in 万元, the 一般公共预算财政拨款支出 by 类 and by 类-款-项 with its 年初预算 and 决算, the
 * “三公” 年初预算 and 决算, 机关运行经费 with its change on last year. Statements are read only where their
 * wording is complete: a Word-made PDF's text layer sometimes prints a sentence's lines out of order, and
 * then the figure is not after its words and nothing is read from it (never a figure guessed from order).
 */

/**
 * The figures, each with the paragraph it is read in: a 其中 part (基本支出, 事业收入, 人员经费 …) only beside
 * the whole the template states it under (本年支出合计, 本年收入合计, 一般公共预算财政拨款基本支出) — the same
 * words elsewhere (一般公共预算财政拨款支出…其中：基本支出) describe another scope, not the table's 合计 row.
 */
// (本年收入合计, or 2023年度收入合计 as the national template words it.)
const INCOME_PARA = /(?:本年|\d{4}\s*年度?)收入合计/;
// (Or the department's 收入总计 a list of its sources follows, 江苏's （一）收入总计 X 万元。包括：1．一般公共预算财政拨款收入 …: the
// 收支总表's income rows too — not 财政拨款收入总计, nor under a chapter of the allocations' or a fund's.)
const INCOME_TOTAL_PARA = /(?<!拨款)收入总计/;
const EXPENDITURE_PARA = /(?:本年|\d{4}\s*年度?)支出合计/;
const BASIC_PARA = /一般公共预算财政拨款基本支出/;
const FIGURES: [RegExp, TableFigure, string, RegExp?][] = [
  // (收入支出总计, or 收、支总计（均为） as the national template words it; 收入、支出决算总计均为 too.)
  [re(String.raw`(?<!拨款)(?:收入\s*、?\s*支出|收\s*、?\s*支)(?:决算)?总计\s*(?:均)?\s*(?:为|是)?\s*(?<amount>NUM)\s*万元`, "g"), "grand-total", "收入支出总计"],
  [re(String.raw`财政拨款(?:收入\s*、?\s*支出|收\s*、?\s*支)(?:决算)?总计\s*(?:均)?\s*(?:为|是)?\s*(?<amount>NUM)\s*万元`, "g"), "allocation-grand-total", "财政拨款收入支出总计"],
  // (本年收入合计, or the national template's 2023年度收入合计.)
  [re(String.raw`(?:本年|(?<=\d\s*年度?))收入合计\s*(?:为|是)?\s*(?<amount>NUM)\s*万元`, "g"), "income-subtotal", "本年收入合计"],
  [re(String.raw`(?:本年|(?<=\d\s*年度?))支出合计\s*(?:为|是)?\s*(?<amount>NUM)\s*万元`, "g"), "expenditure-subtotal", "本年支出合计"],
  [re(String.raw`(?<![预算])财政拨款收入\s*(?<amount>NUM)\s*万元`, "g"), "allocation-income", "财政拨款收入", INCOME_PARA],
  // (一、's 使用非财政拨款结余（含专用结余）X 万元 and 结余分配 Y 万元: the 收支总表's rows of those names.)
  [re(String.raw`使用非财政拨款结余\s*(?:\(含专用结余\))?\s*(?:为|是)?\s*(?<amount>NUM)\s*万元`, "g"), "non-allocation-balance-used", "使用非财政拨款结余"],
  [re(String.raw`结余分配\s*(?:为|是)?\s*(?<amount>NUM)\s*万元`, "g"), "balance-distribution", "结余分配"],
  // (四、's 本年财政拨款收入 X 万元；本年财政拨款支出 Y 万元: the 财政拨款收支总表's 本年收入合计 and 本年支出合计.)
  [re(String.raw`本年财政拨款收入\s*(?:合计)?\s*(?:为|是)?\s*(?<amount>NUM)\s*万元`, "g"), "allocation-income-subtotal", "本年财政拨款收入"],
  [re(String.raw`本年财政拨款支出\s*(?:合计)?\s*(?:为|是)?\s*(?<amount>NUM)\s*万元`, "g"), "allocation-expenditure-subtotal", "本年财政拨款支出"],
  // (The national template's 收入决算情况 by fund: 一般公共预算财政拨款收入 X 万元，占 P%；政府性基金预算财政拨款收入 …)
  [re(String.raw`一般公共预算财政拨款收入\s*(?<amount>NUM)\s*万元`, "g"), "general-public-income", "一般公共预算财政拨款收入", INCOME_PARA],
  [re(String.raw`政府性基金预算财政拨款收入\s*(?<amount>NUM)\s*万元`, "g"), "gov-fund-income", "政府性基金预算财政拨款收入", INCOME_PARA],
  [re(String.raw`国有资本经营预算财政拨款收入\s*(?<amount>NUM)\s*万元`, "g"), "state-capital-income", "国有资本经营预算财政拨款收入", INCOME_PARA],
  [re(String.raw`其他收入\s*(?<amount>NUM)\s*万元`, "g"), "other-income", "其他收入", INCOME_PARA],
  [re(String.raw`事业收入\s*(?<amount>NUM)\s*万元`, "g"), "business-income", "事业收入", INCOME_PARA],
  [re(String.raw`(?<![事业单位])经营收入\s*(?<amount>NUM)\s*万元`, "g"), "operating-income", "经营收入", INCOME_PARA],
  [re(String.raw`上级补助收入\s*(?<amount>NUM)\s*万元`, "g"), "superior-subsidy", "上级补助收入", INCOME_PARA],
  [re(String.raw`附属单位上缴收入\s*(?<amount>NUM)\s*万元`, "g"), "subsidiary-remittance", "附属单位上缴收入", INCOME_PARA],
  [re(String.raw`经营支出\s*(?<amount>NUM)\s*万元`, "g"), "operating-expenditure", "经营支出", EXPENDITURE_PARA],
  [re(String.raw`上缴上级支出\s*(?<amount>NUM)\s*万元`, "g"), "remit-superior", "上缴上级支出", EXPENDITURE_PARA],
  [re(String.raw`对附属单位补助支出\s*(?<amount>NUM)\s*万元`, "g"), "subsidiary-subsidy", "对附属单位补助支出", EXPENDITURE_PARA],
  [re(String.raw`(?<![拨款])基本支出\s*(?<amount>NUM)\s*万元`, "g"), "basic", "基本支出", EXPENDITURE_PARA],
  [re(String.raw`(?<![拨款])项目支出\s*(?<amount>NUM)\s*万元`, "g"), "project", "项目支出", EXPENDITURE_PARA],
  [re(String.raw`一般公共预算财政拨款支出\s*(?<amount>NUM)\s*万元`, "g"), "general", "一般公共预算财政拨款支出"],
  [re(String.raw`一般公共预算财政拨款基本支出\s*(?<amount>NUM)\s*万元`, "g"), "general-basic", "一般公共预算财政拨款基本支出"],
  // (八、九: the fund tables' 本年支出, 政府性基金预算财政拨款支出 X 万元，主要用于….)
  [re(String.raw`政府性基金预算财政拨款支出\s*(?<amount>NUM)\s*万元`, "g"), "gov-fund-expenditure", "政府性基金预算财政拨款支出"],
  [re(String.raw`国有资本经营预算财政拨款支出\s*(?<amount>NUM)\s*万元`, "g"), "state-capital-expenditure", "国有资本经营预算财政拨款支出"],
  [re(String.raw`人员经费\s*(?<amount>NUM)\s*万元`, "g"), "personnel", "人员经费", BASIC_PARA],
  [re(String.raw`公用经费\s*(?<amount>NUM)\s*万元`, "g"), "public", "公用经费", BASIC_PARA],
];

/**
 * 与2023年度相比，收入支出总计减少56.95万元，下降1.87% · 比2023年度增加2.55万元，增长1.40% · 与上年相比… · …持平 ·
 * 较上年决算数增加2.55万元 · the percentage first: 比上年增长1.40%，增加2.55万元.
 */
const CHANGE = re(
  String.raw`(?:与\s*(?:(?<year>20\d\d)\s*年度?|上一?年度?)(?:决算)?(?:数)?相比\s*,?(?<named>[^,;。\d]*?)|(?:比|较)\s*(?:(?<year2>20\d\d)\s*年度?|上一?年度?)(?:决算)?(?:数)?|同比\s*)(?:(?<dir>增加|减少)\s*(?<amount>NUM)\s*万元(?:${PERCENT_AFTER})?|(?<same>持平)|(?:同比)?(?<pdir2>增长|上升|下降|降低)\s*了?\s*(?<pct2>NUM)\s*%\s*[,(]\s*(?<dir2>增加|减少)\s*了?\s*(?<amount2>NUM)\s*万元)`,
);
/** Every change of a paragraph (namedChanges). */
const CHANGE_ALL = new RegExp(CHANGE.source, "dg");
/** Each figure's label, as FIGURES names it (its first). */
const FIGURE_LABEL = new Map<TableFigure, string>();
for (const [, figure, label] of FIGURES) if (!FIGURE_LABEL.has(figure)) FIGURE_LABEL.set(figure, label);
/**
 * A sentence that opens with a comparison with last year, nothing named before its change (与上年相比增加 … · 比上年减少 …).
 */
const CHANGE_OPENS = /^\s*,?\s*(?:与\s*(?:20\d\d\s*年度?|上一?年度?)(?:决算)?(?:数)?\s*相比|(?:比|较)\s*(?:20\d\d\s*年度?|上一?年度?)(?:决算)?(?:数)?|同比)\s*,?\s*(?:增加|减少|增长|下降)/;
/**
 * A 类's, 款's or 项's name: words, and a word in brackets that is not its level's (中医（民族）医院（项）). `first`: the
 * first name of a paragraph, which a 、 ends (1、…).
 */
const levelName = (first = false) => String.raw`(?:[^,;:。()\d${first ? "、" : ""}]|\((?!(?:类|款|项)\))[^,;:。()\d]{1,6}\))+?`;
/** 第一个（类）名（款）名（项）名 of an item paragraph: 一般公共服务支出(类)财政事务(款)行政运行(项). */
const ITEM = re(String.raw`(?<lei>${levelName(true)})\s*\(类\)\s*(?:(?<kuan>${levelName()})\s*\(款\)\s*(?:(?<xiang>${levelName()})\s*\(项\))?)?`);
/**
 * A 项 named by its 款 and 项 only (（1）财政事务（款）行政运行（项）。年初预算为 …), under a 类 headline that names its 类
 * (1.一般公共服务支出（类）。年初预算为 …): at the paragraph's start, after its list number.
 */
const KUAN_ITEM = re(String.raw`^\s*(?:\(\d+\)|\d+\s*[、.．])?\s*(?<kuan>${levelName(true)})\s*\(款\)\s*(?<xiang>${levelName()})\s*\(项\)`);
/**
 * A 类 headline: the 类 alone at the paragraph's start, after its list number (1.教育支出（类）。年初预算为 …), not a
 * 类 of the structure paragraph with its figure (教育（类）支出 35.50 万元).
 */
const LEI_HEADLINE = re(String.raw`^\s*(?:\(\d+\)|\d+\s*[、.．])?\s*(?<lei>[^,;:。()\d、]+?)\s*\(类\)(?!\s*[^,;:。()\d]+?\s*\(款\)|\s*(?:支出)?\s*\d)`);
/** A 类 line of the structure paragraph: 一般公共服务支出(类)2106.66万元 · 一般公共服务（类）支出 2106.66 万元 (the national template's). */
const LEI_FIGURE = re(String.raw`(?<name>[^,;:。()\d、]+?)\s*\(类\)\s*(?<spent>支出)?\s*(?<amount>NUM)\s*万元`, "g");
/**
 * A 类 of the structure paragraph named without its level (云南: 一般公共预算财政拨款支出 X 万元，主要用于以下方面：一般公共服务
 * 支出 4417.98 万元，占 72.47%；教育支出 …): a name ending in 支出 right after the list's start or a part's ；, its figure
 * and a share. Read only under the 结构情况 heading or after 主要用于以下方面.
 */
const LEI_PLAIN = re(String.raw`(?:^|[:;])\s*(?<name>[^,;:。()\d、%]{2,24}?支出)\s*(?<amount>NUM)\s*万元\s*(?=,\s*占)`, "g");
/** A section (or paragraph) about the department's 支出总计, not 财政拨款's. */
const DEPARTMENT_SPENDING = /(?<!拨款)支出总计/;
/** Parts of a total that are no 类: 基本支出, 项目支出 … */
const NOT_LEI = /^(?:基本|项目|上缴上级|经营|对附属单位补助)支出$/;
/**
 * The 决算 as a percentage of the budget, as 决算s word it: 完成年初预算的 P% · 完成全年预算的 P% · 完成预算的 P% ·
 * 预算完成率为 P% · 为年初预算的 P% · 占预算的 P% · 决算数为年初预算数的 P% (the words of the tables' column 决算数为全年
 * 预算数的%).
 */
const COMPLETION = String.raw`\s*,?\s*(?:完成(?<which>年初|全年|调整后?)?预算(?:数)?的?|(?<which2>年初|全年)?预算完成率为?|(?:(?:支出)?决算(?:数)?)?(?:为|占)(?<which3>年初|全年|调整后?)?预算(?:数)?的?)\s*(?<pct>NUM)\s*%`;
const COMPLETED = `(?:${COMPLETION})?`;
/** A second percentage right after the first: 完成年初预算的 P%，完成调整预算的 Q%. */
const ANOTHER_COMPLETION = re(`^${COMPLETION}`);
/** The 年初预算 printed before a 调整预算 in one statement: 年初预算 B0 万元，调整预算 B1 万元，支出决算 X 万元. */
const INITIAL_BEFORE = re(String.raw`年初预算(?:数)?为?\s*(?<budget>NUM)\s*万元\s*,?\s*$`);
type Basis = ExecutionClaim["basis"];
/**
 * All the 财政拨款's (or one other fund's) statement, its subject alone since the last punctuation (2025年度财政拨款支出年初预算为 … ·
 * 其中：…；政府性基金预算财政拨款支出年初预算为 …): not “三公”经费财政拨款支出, nor another whole's.
 */
const STATEMENT_SUBJECT = /^(?:\d{4}年度?)?(?:本部门|本单位)?(?<fund>政府性基金预算|国有资本经营预算)?财政拨款支出(?:决算)?$/;
/** The table figure an execution statement's 决算 is, by its scope. */
const FINAL_FIGURE: Partial<Record<ExecutionClaim["scope"], TableFigure>> = {
  general: "general",
  allocations: "allocation-expenditure-subtotal",
  "gov-fund": "gov-fund-expenditure",
  "state-capital": "state-capital-expenditure",
};
/** Which budget a completion or wording names: 年初 · 调整 · 全年, or none. */
const basisOf = (word: string | undefined): Basis => (!word ? null : word === "年初" ? "initial" : word === "全年" ? "full-year" : "adjusted");
const whichOf = (m: RegExpExecArray) => basisOf(m.groups!.which ?? m.groups!.which2 ?? m.groups!.which3);
/** Between the parts of a statement: a comma, a semicolon (…调整后预算为 B1 万元；支出决算为 F 万元), or nothing. */
const SEP = String.raw`\s*[,;]?\s*`;
/**
 * The year's change to the budget printed after it (年初预算为 B 万元，年中追加 A 万元，…): 追加 · 调增 · 调减 · 追减, or 调整
 * said of the year (年中调整预算 A 万元) — not 调整预算 B1 alone, which is the adjusted budget itself (河北's 年初预算 B0，调整预算
 * B1，支出决算 F).
 */
const ADJUSTMENT = String.raw`(?:(?<adjWord>(?:年中|年度中)(?:追加|调增|调减|追减|调整)|追加|调增|调减|追减)(?:预算)?(?:数)?(?:资金)?为?\s*(?<adjustment>NUM)\s*万元${SEP})?`;
/** The budget after the change (调整后预算为 B1 万元 · 调整预算数 B1 万元 · 全年预算数为 B1 万元), before the 决算. */
const AFTER_BUDGET = String.raw`(?:(?<after>调整后?|全年)的?预算(?:数)?为?\s*(?<afterBudget>NUM)\s*万元${SEP})?`;
/**
 * 年初预算为 B 万元，支出决算为 X 万元，完成年初预算的 P% · 全年预算数为 B 万元，决算数为 X 万元，完成全年预算的 P% · 预算数为 B
 * 万元，决算数为 X 万元 (group `initial`: the budget named 年初预算) · with the year's change and the budget after it between
 * (年初预算为 B0 万元，年中调整预算 A 万元，调整后预算为 B1 万元；支出决算为 X 万元 · 年初预算 B0，调整预算 B1，支出决算 X).
 */
const EXECUTION = re(
  String.raw`(?:(?<initial>年初)|(?<full>全年)|(?<adjusted>调整后?))?预算(?:数)?为?\s*(?<budget>NUM)\s*万元${SEP}${ADJUSTMENT}${AFTER_BUDGET}(?:支出)?决算(?:数)?为?\s*(?<final>NUM)\s*万元${COMPLETED}`,
  "g",
);
/**
 * A fund's (or all the 财政拨款's) statement with its 决算 first and its budget after (2024年度政府性基金预算财政拨款支出 X 万元，
 * 年初预算为 B 万元，完成年初预算的 P%): read only with its percentage, which ties the two figures.
 */
const FINAL_FIRST = re(
  String.raw`(?<subject>(?:一般公共预算|政府性基金预算|国有资本经营预算)?财政拨款支出)\s*(?:决算)?(?:数)?\s*(?:为|是)?\s*(?<final>NUM)\s*万元\s*,?\s*(?:(?<initial>年初)|(?<full>全年)|(?<adjusted>调整后?))预算(?:数)?为?\s*(?<budget>NUM)\s*万元${COMPLETION}`,
  "g",
);
const WORDING_SOURCE = String.raw`决算数?\s*(?:(?<w>略?小于|略?大于|等于)\s*(?<which>年初|全年|调整后?)?(?:预算数?)?|与(?<which3>年初|全年|调整后?)?预算数?\s*(?<about>基本)?(?<same>持平|一致|相等))`;
const WORDING = re(WORDING_SOURCE);
/**
 * 预算绩效管理情况: `对2025年度一般公共预算项目支出全面开展绩效自评，共涉及项目15个，涉及资金17251.69万元，占一般公共预算项目支出
 * 总额的93.42%` — the projects self-evaluated, some of the fund's 项目支出 (base group: the fund named, or every fund).
 */
const SELF_EVALUATION = re(
  String.raw`自\s*评[^。]*?涉\s*及\s*(?:项\s*目\s*(?:\d+\s*个\s*,\s*(?:涉\s*及\s*)?)?)?(?:预\s*算\s*)?资\s*金\s*(?<amount>NUM)\s*万元\s*,?\s*占\s*(?:全\s*(?:部|年)\s*)?(?<general>一\s*般\s*公\s*共\s*预\s*算\s*(?:财\s*政\s*拨\s*款\s*)?)?项\s*目\s*支\s*出\s*(?:决\s*算\s*)?(?:总\s*额|总\s*数|数)?\s*的?\s*(?<pct>NUM)\s*%`,
  "g",
);
/**
 * The national template's 部门评价: 组织对“…”“…”等 N 个项目开展了部门评价，涉及一般公共预算支出 X 万元 — some projects' funds, of the
 * fund named (group `general`), or of every fund; not a 部门整体支出 evaluation (the whole spending, not projects).
 */
const DEPARTMENT_EVALUATION = re(
  String.raw`项\s*目[^。]*?开\s*展\s*了?\s*部\s*门\s*(?:绩\s*效\s*)?评\s*价\s*(?:工\s*作)?\s*,?\s*(?:共\s*)?涉\s*及\s*(?<general>一\s*般\s*公\s*共\s*预\s*算\s*(?:财\s*政\s*拨\s*款\s*)?)?(?:项\s*目\s*)?(?:支\s*出|资\s*金)\s*(?<amount>NUM)\s*万元`,
  "g",
);
const OPERATING = re(String.raw`机关运行经费(?:支出)?\s*(?<amount>NUM)\s*万元`);
/**
 * A project's self-evaluation as the national template words it under 部门决算中项目绩效自评结果 (XX项目绩效自评综述：根据年初设定
 * 的绩效目标，项目自评得分为 91.3 分。全年预算数为 B 万元，执行数为 X 万元，完成预算的 P%), or the department's whole spending
 * (…执行率 P%): the 执行数 as a percentage of the 全年预算数.
 */
const PROJECT_EXECUTION = re(
  String.raw`全年预算(?:数)?为?\s*(?<budget>NUM)\s*万元\s*,?\s*(?:实际)?执行数?为?\s*(?<final>NUM)\s*万元\s*,?\s*(?:完成(?:全年)?预算(?:数)?的?|(?:预算)?执行率为?)\s*(?<pct>NUM)\s*%`,
  "g",
);
/** The project a self-evaluation's paragraph names before its figures (1.旅游宣传推广项目绩效自评综述：…). */
const EVALUATED_PROJECT = /(?:^|[。;:])\s*(?:\d+\s*[.．、]|\(\d+\))?\s*(?<name>[^\d。;:,、]{2,30}?项目)\s*(?:绩效)?\s*自评(?:综述|情况|结果)?/g;
/**
 * 因公出国（境）费决算为 X 万元，完成预算的 P% · 公务接待费支出决算为 X 万元 … · its budget first, as the national template
 * words it: 因公出国（境）费支出预算为 B 万元，支出决算为 X 万元，完成预算的 P%.
 */
// (公务用车购置支出 X 万元 too, the vehicles' purchase named without its 费 before 支出.)
const SANGGONG_LABEL = String.raw`${ABROAD}|${OFFICIAL_CAR}购置费?[及和]运行(?:维护)?费|${OFFICIAL_CAR}购置(?:费|(?=\s*支出))|${OFFICIAL_CAR}运行(?:维护)?费|公务接待费|“?三公”?\s*经费(?:财政拨款)?`;
const SANGGONG_PART = re(
  String.raw`(?<label>${SANGGONG_LABEL})(?:支出)?(?:(?:年初|全年|调整后?)?预算(?:数)?为?\s*(?<budget>NUM)\s*万元\s*,?\s*(?:支出)?(?=决算))?(?:决算)?(?:为|共计|合计)?\s*(?<amount>NUM)\s*万元${COMPLETED}`,
  "g",
);
const sanggongKey = (label: string): SanggongFinalClaim["component"] =>
  /出国/.test(label) ? "abroad" : /接待/.test(label) ? "reception" : /三公/.test(label) ? "total" : /购置费?[及和]运行/.test(label) ? "vehicle" : /购置/.test(label) ? "vehicle-purchase" : "vehicle-operation";
/**
 * A “三公” figure's share after it: ，占 29.45% · ，占比 29.45% · ，占比为 29.45% · ，占“三公”经费的 29.45% (group `of`: the
 * base it names, if any).
 */
const SANGGONG_SHARE = re(String.raw`^\s*,?\s*占\s*(?:比(?:重|例)?|(?<of>[^\d%,;。]*?)的?(?:比(?:重|例))?)\s*(?:为|是)?\s*(?<pct>NUM)\s*%`);
/**
 * The 决算 against its own budget: 比年初预算减少 X 万元，下降 P% · 较预算数增加 X 万元 · 比预算节约 X 万元 · the percentage
 * alone, 比年初预算下降 P% (never 比 2023 年预算 or
 * 比上年预算: a year between is last year's budget; nor 比调整预算: the 三公 table prints the 年初预算).
 */
const AGAINST_BUDGET = String.raw`(?:比|较)\s*(?:年初)?\s*预算(?:数)?\s*(?:(?<dir>增加|减少|节约|节支|超支)\s*了?\s*(?<amount>NUM)\s*万元(?:${PERCENT_AFTER})?|(?<dir2>增长|增加|上升|下降|降低|减少|节约|超支)\s*了?\s*(?<pct2>NUM)\s*%)`;
/**
 * An item's 决算 stated with its difference from the budget, the budget itself unprinted (the national template as
 * townships word it: 1.一般公共服务支出（类）…（款）行政运行（项）：支出决算为 X 万元，比年初预算增加 D 万元，完成年初预算的 P%): right
 * after the item's names.
 */
const ITEM_FINAL = re(String.raw`^\s*[:,]?\s*(?:支出)?决算(?:数)?为?\s*(?<final>NUM)\s*万元`);
/** …right after a figure, in its statement (no other figure between). */
const BUDGET_CHANGE_AFTER = re(String.raw`^[^。;\d]*?${AGAINST_BUDGET}`);
/** …in a sentence of its own naming the 三公 or a component: 2024年度“三公”经费支出决算比年初预算减少 X 万元. */
const BUDGET_CHANGE_NAMED = re(String.raw`(?<label>${SANGGONG_LABEL})\s*(?:支出)?\s*决算(?:数)?\s*${AGAINST_BUDGET}`, "g");
/**
 * A component's (or the 三公's) change on last year stated after the comparison, without its figure (天津, 内蒙古: 2024年度
 * “三公”经费财政拨款支出决算与2023年度相比，减少1.92万元，下降8.28%。其中：因公出国（境）费增加3.21万元，增长33.34%；…).
 */
const YOY_NAMED = re(String.raw`(?<label>${SANGGONG_LABEL})\s*(?:支出)?\s*(?:决算)?(?:数)?\s*(?<dir>增加|减少)\s*了?\s*(?<amount>NUM)\s*万元(?:${PERCENT_AFTER})?`, "g");
/**
 * A component (or the 三公) named, its comparison with last year next, in a sentence after its figure's (公务用车购置及运行维护费支出与
 * 2024年度相比增加 26.88 万元 · 公务接待费比上年减少 …).
 */
const SANGGONG_COMPARED = re(String.raw`(?<label>${SANGGONG_LABEL})\s*(?:支出)?\s*(?:决算)?(?:数)?(?=\s*(?:与|比|较)\s*(?:20\d\d|上))`, "g");
/** The 三公 named, its comparison with last year next (“三公”经费财政拨款支出决算与2023年度相比 · …决算数比2023年度). */
const SANGGONG_NAMED_ONLY = re(String.raw`“?三公”?\s*经费(?:财政拨款)?\s*(?:支出)?\s*(?:决算)?(?:数)?(?=\s*(?:与|比|较)\s*(?:20\d\d|上))`, "g");
/** The comparison with last year those statements follow: 与2023年度相比 · 比2023年度 · 较上年 (group `year`). */
const LAST_YEAR_COMPARED = /(?:与\s*(?:(?<year>20\d\d)\s*年度?|上一?年度?)(?:决算)?(?:数)?\s*相比|(?:比|较)\s*(?:(?<year2>20\d\d)\s*年度?|上一?年度?)(?!\s*预算))/g;
/** A comparison with the budget, after which a change is the 决算's on its budget, not on last year. */
const BUDGET_COMPARED = /预算/;
/** 2024年度“三公”经费支出决算数小于预算数的主要原因… (the wording's subject named right before it). */
const SANGGONG_WORDING = re(String.raw`(?<label>${SANGGONG_LABEL})\s*(?:支出)?\s*${WORDING_SOURCE}`, "g");
/**
 * 公务接待费's split after its figure (其中：国内公务接待支出 a 万元，…；外事接待支出 b 万元 · 国（境）外公务接待支出 b 万元, the
 * national template's words): the 国内 part, printed 万元, 元, or
 * 万 alone before a bracket (上海's template: 国内公务接待支出 a 万（含外宾接待支出 b 万元）); the 外事 part beside it; the
 * 外宾接待 the 国内 one includes, in brackets right after it.
 */
const DOMESTIC_RECEPTION = re(String.raw`国内(?:公务)?接待(?:费)?\s*(?:支出)?\s*(?:决算)?\s*(?:为)?\s*(?:(?<amount>NUM)\s*万元|(?<bare>NUM)\s*万(?=\s*\(\s*(?:含|其中)))`);
const FOREIGN_SOURCE = String.raw`(?:外事|国\s*\(\s*境\s*\)\s*外(?:公务)?)接待(?:费)?\s*(?:支出)?\s*(?:决算)?\s*(?:为)?\s*(?<amount>NUM)\s*万元`;
const FOREIGN_RECEPTION = re(FOREIGN_SOURCE);
/** …opening a paragraph. */
const FOREIGN_OPENS = re(String.raw`^\s*${FOREIGN_SOURCE}`);
const INCLUDED_FOREIGN = re(String.raw`^\s*\(\s*(?:含|其中\s*:?)\s*外宾接待(?:费)?\s*(?:支出)?\s*(?:为)?\s*(?<amount>NUM)\s*万元\s*\)`);
/** What opens the split: 。其中： · ，其中 (nothing else between the figure and it but its share or completion). */
const SPLIT_OPENS = /^\s*(?:,?\s*(?:完成|占)[^。;,]*?%)?\s*[,。]?\s*其中\s*:?\s*/;

/** 公务接待费's split, in the rest of its paragraph after `from` (or the next paragraph, where this one ends at 其中：). */
function receptionSplit(p: Para, from: number, next: Para | undefined): SanggongFinalClaim["split"] {
  const opens = SPLIT_OPENS.exec(p.text.slice(from));
  if (!opens) return undefined;
  const start = from + opens[0].length;
  const [q, at] = start >= p.text.length && next ? [next, 0] : [p, start];
  const d = DOMESTIC_RECEPTION.exec(q.text.slice(at));
  const domestic = d && q.amount(d, d.groups!.amount ? "amount" : "bare", at);
  if (!d || !domestic) return undefined;
  const after = at + d.index + d[0].length;
  const included = INCLUDED_FOREIGN.exec(q.text.slice(after));
  const f = included ? null : FOREIGN_RECEPTION.exec(q.text.slice(after));
  // (Or opening the next paragraph, where the text reader ended this one at a line's ；: …国内公务接待 63 批次、487 人次；/
  // 外事接待支出 1.64 万元 — the list runs on.)
  const runOn = !included && !f && q === p && next && /;\s*$/.test(p.text) ? FOREIGN_OPENS.exec(next.text) : null;
  const foreign = included ? q.amount(included, "amount", after) : f ? q.amount(f, "amount", after) : runOn ? next!.amount(runOn, "amount") : null;
  return { domestic, foreign, foreignIncluded: !!included };
}

/**
 * An item's 决算 with no budget printed (ITEM_FINAL): the 决算 a figure of the item (its table row), and its difference from
 * the budget with the completion after it (比年初预算增加 D 万元，完成年初预算的 P%: P = X ÷ (X ∓ D)).
 */
function itemFinal(p: Para, named: { end: number; names: string[] }, out: Claim[]): void {
  const m = ITEM_FINAL.exec(p.text.slice(named.end));
  const amount = m && p.amount(m, "final", named.end);
  if (!m || !amount) return;
  const claim: FunctionItemClaim = { kind: "function-item", names: named.names, amount };
  const from = named.end + m.index + m[0].length;
  const sentence = p.sentence(from);
  const against = BUDGET_CHANGE_AFTER.exec(sentence);
  const budgetChange = against ? budgetChangeOf(p, against, from) : undefined;
  if (budgetChange?.amount && !budgetChange.percent) {
    const after = from + against!.index + against![0].length;
    const c = ANOTHER_COMPLETION.exec(p.text.slice(after, from + sentence.length));
    claim.budgetChange = budgetChange;
    claim.completion = c ? p.amount(c, "pct", after) : null;
  }
  out.push(claim);
}

/** A change of the 决算 on its budget, from a match of AGAINST_BUDGET (at `base` into the paragraph). */
function budgetChangeOf(p: Para, m: RegExpExecArray, base: number): Change | undefined {
  const amount = p.amount(m, "amount", base);
  const g = m.groups!;
  // (The percentage alone: 比年初预算下降 P%.)
  const percent = amount ? p.amount(m, "pct", base) : p.amount(m, "pct2", base);
  if (!amount && !percent) return undefined;
  const dir = g.dir ?? g.dir2;
  const pdir = amount ? g.pdir : g.dir2;
  return {
    kind: /增|超支|升/.test(dir) ? "increase" : "decrease",
    amount,
    percent,
    percentDirection: pdir ? (/增|升|超支/.test(pdir) ? "increase" : "decrease") : null,
    year: null,
    location: p.j.at(p.start + base + m.indices!.groups![g.dir ? "dir" : "dir2"][0]),
  };
}

/**
 * 政府采购金额（以合同签订为准）为 X 万元，其中：货物采购金额 a 万元、工程采购金额 b 万元、服务采购金额 c 万元 · the national
 * template's 政府采购支出总额 X 万元，其中：政府采购货物支出 a 万元、政府采购工程支出 b 万元、政府采购服务支出 c 万元.
 */
const PROCUREMENT = re(String.raw`政府采购(?:金额|支出总额)(?:\([^)]*\))?为?\s*(?<amount>NUM)\s*万元`);
const PROCUREMENT_PART = re(String.raw`(?:(?<label>货物|工程|服务)采购金额|政府采购(?<label2>货物|工程|服务)支出)为?\s*(?<amount>NUM)\s*万元`, "g");
const PROCUREMENT_KIND = { 货物: "goods", 工程: "works", 服务: "services" } as const;
/**
 * The national template's 授予中小企业合同金额 N 万元，占政府采购支出总额的 P%，其中：授予小微企业合同金额 M 万元，占政府采购支出
 * 总额的 Q% (or 占授予中小企业合同金额的 Q%): the share's base in group `of`.
 */
const AWARDED = (who: string) =>
  re(String.raw`授予${who}(?:的)?合同(?:金额)?\s*(?:为|共计)?\s*(?<amount>NUM)\s*万元(?:\s*,?\s*占(?<of>[^\d%,;。]{0,16}?)的?\s*(?<pct>NUM)\s*%)?`);
const AWARDED_SME = AWARDED("中小企业");
const AWARDED_MICRO = AWARDED("小微企业");

/**
 * The totals stated apart (河北's wording): 2024年度收入总计 X 万元，支出总计 Y 万元。与2023年度相比，收、支总计各增加 … ·
 * 财政拨款收入总计 X 万元，支出总计 Y 万元 (group `alloc`).
 */
const TOTALS = re(String.raw`(?<alloc>财政拨款)?收入总计\s*(?:为|是)?\s*(?<income>NUM)\s*万元\s*,?\s*支出总计\s*(?:为|是)?\s*(?<spent>NUM)\s*万元`, "g");

function totalsApart(p: Para, out: Claim[], next?: Para): void {
  for (const m of p.text.matchAll(TOTALS)) {
    const income = p.amount(m, "income");
    const spent = p.amount(m, "spent");
    if (!income || !spent) continue;
    const alloc = !!m.groups!.alloc;
    const end = m.index + m[0].length;
    // The change after them (收、支总计各增加 …) is of both: stated once, read for the income side. It may open the next
    // paragraph, when the totals' sentence ends a line (…支出总计 Y 万元。 / 与2023年度相比，收入总计和支出总计各增加 …).
    const after = /^\s*。?\s*$/.test(p.text.slice(end)) && next && /^\s*与/.test(next.text) ? changeIn(next, 0, next.sentence(0).length) : null;
    out.push({ kind: "table-figure", figure: alloc ? "allocation-grand-total" : "grand-total", label: alloc ? "财政拨款收入总计" : "收入总计", amount: income, change: changeIn(p, end, p.text.length) ?? after });
    out.push({ kind: "table-figure", figure: alloc ? "allocation-expenditure-total" : "expenditure-total", label: alloc ? "财政拨款支出总计" : "支出总计", amount: spent, change: null });
  }
}

/**
 * One side's 总计 stated alone at the start of a sentence, as the head of a list of its parts (江苏's （一）收入总计 X 万元。包括：…
 * / （二）支出总计 Y 万元。包括：…): the 收支总表's 总计 of that side. Not 财政拨款收入总计, nor the 收入总计 of 河北's wording
 * with its 支出总计 beside it (TOTALS). Its change only in its own sentence: the list's parts after it state theirs.
 */
const TOTAL_ALONE = re(
  String.raw`(?:^|[。;])\s*(?:\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+\s*、|\d+\s*[、.．])?\s*(?:本部门|本单位)?\s*(?:\d{4}\s*年度?)?\s*(?<side>收入|支出)总计\s*(?:为|是)?\s*(?<amount>NUM)\s*万元(?!\s*,?\s*支出总计)`,
  "g",
);

function totalsAlone(p: Para, out: Claim[]): void {
  for (const m of p.text.matchAll(TOTAL_ALONE)) {
    const amount = p.amount(m, "amount");
    if (!amount) continue;
    const end = m.index + m[0].length;
    const income = m.groups!.side === "收入";
    out.push({ kind: "table-figure", figure: income ? "grand-total" : "expenditure-total", label: income ? "收入总计" : "支出总计", amount, change: changeIn(p, end, end + p.sentence(end).length) });
  }
}

/** A fund's 支出 (八、九's 政府性基金 / 国有资本经营预算财政拨款支出 X 万元), which a 其中 list of its table's rows may follow. */
const FUND_SPENT = re(String.raw`(?<fund>政府性基金|国有资本经营)预算财政拨款支出\s*(?:决算)?\s*(?:为|是)?\s*(?<amount>NUM)\s*万元`, "g");
/** The 其中 that opens the list. */
const OPENS_LIST = /其中\s*:?\s*/g;
/**
 * One part of the list: a name (words only, or a row named by its levels: 文化旅游体育与传媒支出（类）旅游发展基金支出（款）宣传促销
 * （项）, or 行业规划（项） after it) and its figure, after the list's opening or a separator.
 */
const LIST_PART = re(String.raw`(?<name>(?:[^,;:。、\d()%“”]|\((?:类|款|项)\)){2,80}?)\s*(?<amount>NUM)\s*万元\s*(?:[,;、]\s*|(?=。|$))`, "y");

/**
 * The rows of a fund's table a 其中 list names after the fund's 支出, in its section (…政府性基金预算财政拨款支出 X 万元。与上年相比
 * 增加 D 万元…。主要原因是…。其中：A 项 a 万元，B 项 b 万元): only where nothing but the change is figured between the 支出 and
 * the 其中 (no other whole the list could be of), each part named as its row is (the rule finds it by that name).
 */
function fundItems(p: Para, out: Claim[]): void {
  for (const m of p.text.matchAll(FUND_SPENT)) {
    const end = m.index + m[0].length;
    OPENS_LIST.lastIndex = end;
    const opens = OPENS_LIST.exec(p.text);
    if (!opens) continue;
    const between = p.text.slice(end, opens.index);
    const change = CHANGE.exec(between);
    if (/\d/.test(change ? between.replace(change[0], "") : between)) continue;
    const fund = m.groups!.fund === "政府性基金" ? "gov-fund" : "state-capital";
    LIST_PART.lastIndex = opens.index + opens[0].length;
    for (let part = LIST_PART.exec(p.text); part; part = LIST_PART.exec(p.text)) {
      const amount = p.amount(part, "amount");
      const name = normaliseName(rowName(part.groups!.name.trim()));
      if (amount && name) out.push({ kind: "fund-item", fund, name, amount });
    }
  }
}

/** A fund's allocation named before its balance (政府性基金预算财政拨款年初结转和结余 …, 国有资本经营预算财政拨款收入支出决算中，…). */
const FUND_BALANCE = re(String.raw`(?<fund>政府性基金|国有资本经营)预算(?:财政)?拨款(?:收入支出)?(?:决算)?(?:中)?\s*,?\s*(?=年初|本年|年末)`, "g");
/**
 * …or its 支出 first, the balance's parts after it (广西's: 政府性基金预算财政拨款支出 C 万元，年初结转和结余 A 万元，本年收入 B 万元，
 * 年末结转和结余 D 万元): read only where a 年初 or 年末 part follows right after, else the 本年收入 after the fund's 支出 is
 * not known to be its own.
 */
const FUND_SPENT_FIRST = re(String.raw`(?<fund>政府性基金|国有资本经营)预算(?:财政)?拨款支出\s*(?:为|是)?\s*(?<amount>NUM)\s*万元\s*[,;]\s*(?=年初|年末)`, "g");
/** One part of its balance, in turn: 年初结转和结余 A 万元 · 本年收入 B 万元 · 本年支出 C 万元 · 年末结转和结余 D 万元. */
const BALANCE_PART = re(String.raw`(?<part>年初(?:财政拨款)?结转和?结余|本年(?:财政拨款)?收入|本年(?:财政拨款)?支出|年末(?:财政拨款)?结转和?结余)\s*(?:为|是)?\s*(?<amount>NUM)\s*万元\s*(?:[,;、]\s*)?`, "y");
const BALANCE_PARTS: [RegExp, FundBalanceClaim["part"]][] = [
  [/^年初/, "opening"],
  [/^本年.*收入$/, "income"],
  [/^本年.*支出$/, "spent"],
  [/^年末/, "closing"],
];

/**
 * A fund's balance as the fund's section states it, its parts right after the fund's name, one after another, each once
 * (政府性基金预算财政拨款年初结转和结余 135.62 万元，本年收入 947.38 万元，本年支出 994.53 万元，年末结转和结余 88.47 万元).
 */
function fundBalance(p: Para, out: Claim[]): void {
  for (const m of p.text.matchAll(FUND_BALANCE)) balanceParts(p, m, new Set<string>(), out);
  for (const m of p.text.matchAll(FUND_SPENT_FIRST)) {
    const amount = p.amount(m, "amount");
    if (!amount) continue;
    const fund = m.groups!.fund === "政府性基金" ? "gov-fund" : "state-capital";
    out.push({ kind: "fund-balance", fund, part: "spent", label: `${m.groups!.fund}预算财政拨款支出`, amount });
    balanceParts(p, m, new Set<string>(["spent"]), out);
  }
}

/** The balance's parts right after `m` (the fund's name, or its 支出), each once (`seen`: the parts read already). */
function balanceParts(p: Para, m: RegExpExecArray, seen: Set<string>, out: Claim[]): void {
  const fund = m.groups!.fund === "政府性基金" ? "gov-fund" : "state-capital";
  BALANCE_PART.lastIndex = m.index + m[0].length;
  for (let part = BALANCE_PART.exec(p.text); part; part = BALANCE_PART.exec(p.text)) {
    const which = BALANCE_PARTS.find(([rx]) => rx.test(part!.groups!.part))![1];
    const amount = p.amount(part, "amount");
    if (seen.has(which) || !amount) break;
    seen.add(which);
    out.push({ kind: "fund-balance", fund, part: which, label: `${m.groups!.fund}预算财政拨款${part.groups!.part}`, amount });
  }
}

/**
 * Figures of the department's (or all its allocations') 收支总表 rows: not read in a fund's section or sentence
 * (七、政府性基金预算财政拨款收入支出决算情况说明: 本年财政拨款收入 X 万元 is the fund's).
 */
const DEPARTMENT_ONLY = new Set<TableFigure>(["non-allocation-balance-used", "balance-distribution", "allocation-income-subtotal", "allocation-expenditure-subtotal"]);
function ofAFund(text: string, at: number, section: string): boolean {
  const sentence = text.slice(Math.max(text.lastIndexOf("。", at), text.lastIndexOf(";", at)) + 1, at);
  return FUND_WORDS.test(sentence) || /政府性基金|国有资本/.test(section);
}

/** 年初结转和结余 X 万元 · 年末财政拨款结转和结余 X 万元 (the 财政拨款's in group `alloc`). */
const CARRY = re(String.raw`(?<which>年初|年末)(?<alloc>财政拨款)?结转和结余\s*(?:为|是)?\s*(?<amount>NUM)\s*万元`, "g");
/** Words of one fund's balance (政府性基金预算财政拨款年初结转和结余 …), not the department's or all allocations'. */
const FUND_WORDS = /政府性基金|国有资本|一般公共预算/;

/**
 * The 年初 and 年末 结转和结余 the 收入支出决算总体情况 states (the 收支总表's rows), and the 财政拨款 ones the 财政拨款收入支出
 * 决算总体情况 states (the 财政拨款收支总表's): not a fund's (政府性基金预算财政拨款年初结转和结余 …), nor the department's
 * where the section speaks of the allocations only.
 */
function carryovers(p: Para, section: string, out: Claim[]): void {
  for (const m of p.text.matchAll(CARRY)) {
    // The sentence (or its part since a ；) before it names no fund; the words right before it (since the last comma)
    // no 财政拨款.
    const sentence = p.text.slice(Math.max(p.text.lastIndexOf("。", m.index), p.text.lastIndexOf(";", m.index)) + 1, m.index);
    const words = sentence.slice(Math.max(...mapArray([",", ";", ":"], (c) => sentence.lastIndexOf(c))) + 1);
    const alloc = !!m.groups!.alloc;
    if (FUND_WORDS.test(sentence) || (!alloc && (/财政拨款/.test(words) || /财政拨款|政府性基金|国有资本|一般公共预算/.test(section)))) continue;
    const amount = p.amount(m, "amount");
    if (!amount) continue;
    const opening = m.groups!.which === "年初";
    const figure: TableFigure = alloc ? (opening ? "allocation-opening" : "allocation-closing") : opening ? "opening" : "closing";
    out.push({ kind: "table-figure", figure, label: `${m.groups!.which}${alloc ? "财政拨款" : ""}结转和结余`, amount, change: null });
  }
}

/** A change read at `from` into a paragraph: the match of CHANGE (in the paragraph's text from `from`) as a Change. */
function changeOf(p: Para, m: RegExpExecArray, from: number): Change {
  const g = m.groups!;
  const year = g.year ?? g.year2;
  const first = !!g.dir2;
  const pdir = first ? g.pdir2 : g.pdir;
  return {
    kind: g.same ? "same" : (first ? g.dir2 : g.dir) === "增加" ? "increase" : "decrease",
    amount: p.amount(m, first ? "amount2" : "amount", from),
    percent: p.amount(m, first ? "pct2" : "pct", from),
    percentDirection: pdir ? (/增|升/.test(pdir) ? "increase" : "decrease") : null,
    year: year ? Number(year) : null,
    location: p.j.at(p.start + from + m.index),
  };
}

/**
 * The first change in a paragraph's text from `from` to `to`. Given its `owner` (the figure read before it), not a change
 * whose clause names another subject (…其他收入 X 万元，占 P%。与2024年度相比，本年收入合计增加 D 万元 · …。本年收入合计比2024年度
 * 增加 D 万元): that one is the subject's (namedChanges), or, a subject not known, nobody's.
 */
function changeIn(p: Para, from: number, to: number, owner?: { figure: TableFigure; label: string }): Change | null {
  const slice = p.text.slice(from, to);
  const m = CHANGE.exec(slice);
  if (!m) return null;
  if (owner && !ofOwner(subjectOf(slice, m), owner)) return null;
  return changeOf(p, m, from);
}

/**
 * The subject a comparison's clause names, its filler words aside: after 与…相比 (与2024年度相比，本年收入合计增加 …), else before
 * the comparison in its clause (本年收入合计比2024年度增加 … · 公务用车购置及运行维护费支出与2024年度相比增加 …); "" where it names
 * none (…万元。与2024年度相比增加 … · …万元，比上年减少 …) or what stands there holds a figure (not a name).
 */
function subjectOf(text: string, m: RegExpExecArray): string {
  // (A year before the subject is no figure: 2025年度本年收入合计比2024年度增加 ….)
  const words = (m.groups!.named || text.slice(0, m.index).split(/[,;。:]/).pop()!).replace(/^\s*\d{4}\s*年度?/, "");
  if (/\d/.test(words)) return "";
  return normaliseName(words)
    .replace(/^(?:本部门|本单位|其中|同时|全年)+/, "")
    .replace(/(?:决算数?|数|各|均|分别|共|总额|同比)+$/, "");
}

/**
 * Subjects a comparison names, by the figure they are (a 决算's totals and the figures the part states): the words
 * FIGURES reads each by, the figure's amount left out.
 */
const BOTH_TOTALS = String.raw`(?:收入、?支出|收、?支|收入和支出)(?:决算)?总计|收入总计和支出总计`;
const SUBJECTS: [RegExp, TableFigure][] = [
  [new RegExp(`^财政拨款(?:${BOTH_TOTALS})$`), "allocation-grand-total"],
  [new RegExp(`^(?:${BOTH_TOTALS})$`), "grand-total"],
  [/^(?:本年度?)?收入(?:决算)?合计$/, "income-subtotal"],
  [/^(?:本年度?)?支出(?:决算)?合计$/, "expenditure-subtotal"],
  ...mapArray(
    FIGURES.filter(([, figure]) => !["grand-total", "allocation-grand-total", "income-subtotal", "expenditure-subtotal"].includes(figure)),
    ([, figure, label]): [RegExp, TableFigure] => [new RegExp(`^${label}$`), figure],
  ),
];
const subjectFigure = (subject: string): TableFigure | null => SUBJECTS.find(([rx]) => rx.test(subject))?.[1] ?? null;

/** Whether a comparison's subject is its owner's: none named, the owner's figure named, or words of its label. */
function ofOwner(subject: string, owner: { figure: TableFigure; label: string }): boolean {
  if (!subject) return true;
  const figure = subjectFigure(subject);
  if (figure) return figure === owner.figure;
  const label = normaliseName(owner.label);
  return subject.includes(label) || label.includes(subject);
}

/**
 * Figures a named change is checked against where no figure of the subject stands before it in its paragraph (与2024年度相比，
 * 本年收入合计增加 D 万元 as a paragraph of its own): the totals the tables print (text-vs-table's sources).
 */
const NAMED_TOTALS = new Set<TableFigure>(["grand-total", "income-subtotal", "expenditure-subtotal", "allocation-grand-total", "general"]);

/**
 * The changes of a paragraph whose clause names their subject (与2024年度相比，本年收入合计增加 D 万元，增长 P%): to the subject's figure
 * stated last before it in the paragraph, where no reader gave the change to a figure already (this paragraph's, or the one
 * before it whose totals a change opening this one follows: totalsApart); with no figure of it before, a total the tables
 * print is named (a named-change: yoy-change takes the table's figure), another subject is not judged.
 */
function namedChanges(p: Para, figures: { claim: TableFigureClaim; index: number }[], out: Claim[]): void {
  let taken: Set<string> | null = null;
  const at = (c: Change) => `${c.location.line}:${c.location.column}`;
  for (const m of p.text.matchAll(CHANGE_ALL)) {
    const figure = subjectFigure(subjectOf(p.text, m));
    if (!figure) continue;
    const change = changeOf(p, m, 0);
    taken ??= new Set(out.flatMap((c) => ("change" in c && c.change && typeof c.change === "object" ? [at(c.change)] : [])));
    if (taken.has(at(change))) continue;
    const subject = figures.filter((f) => f.claim.figure === figure && f.index < m.index).pop();
    if (subject) {
      if (!subject.claim.change) subject.claim.change = change;
    } else if (NAMED_TOTALS.has(figure)) out.push({ kind: "named-change", figure, label: FIGURE_LABEL.get(figure) ?? figure, change });
  }
}

/**
 * The contracts awarded to small and medium enterprises, and of them to small and micro ones, stated after the
 * procurement (in its paragraph, or the next): parts of it, and each 占 P% a share of the base it names (the
 * procurement's total, or the SME contracts).
 */
function awarded(procurement: ProcurementClaim, paras: (Para | undefined)[], out: Claim[]): void {
  for (const q of paras) {
    if (!q) continue;
    const sme = AWARDED_SME.exec(q.text);
    const smeAmount = sme && q.amount(sme, "amount");
    if (!sme || !smeAmount) continue;
    const rest = sme.index + sme[0].length;
    const micro = AWARDED_MICRO.exec(q.text.slice(rest));
    const microAmount = micro ? q.amount(micro, "amount", rest) : null;
    procurement.awarded = { sme: smeAmount, micro: microAmount };
    const share = (m: RegExpExecArray, amount: Amount, label: string, base = 0) => {
      const percent = q.amount(m, "pct", base);
      const of = normaliseName(m.groups!.of ?? "");
      const [baseLabel, baseAmount] = /中小企业/.test(of) ? ["授予中小企业合同金额", smeAmount] : !of || /政府采购/.test(of) ? ["政府采购支出总额", procurement.amount] : [null, null];
      if (percent && baseLabel && baseAmount) out.push({ kind: "share", label, amount, percent, baseLabel, base: baseAmount });
    };
    share(sme, smeAmount, "授予中小企业合同金额");
    if (micro && microAmount) share(micro, microAmount, "授予小微企业合同金额", rest);
    return;
  }
}

/** The end of the statement a figure at `at` belongs to: the next figure's words, or the paragraph's end. */
function statementEnd(p: Para, at: number, starts: number[]): number {
  const next = starts.filter((s) => s > at).sort((a, b) => a - b)[0];
  return next ?? p.text.length;
}

function wordingIn(p: Para, from: number, upTo = p.text.length): ExecutionClaim["wording"] {
  const w = WORDING.exec(p.text.slice(from, upTo));
  return w && wordingOf(p, w, from + w.index, from + w.index + w[0].length);
}

/** The wording a match of WORDING_SOURCE states, printed from `at` to `end` of the paragraph. */
function wordingOf(p: Para, w: RegExpExecArray, at: number, end: number): NonNullable<ExecutionClaim["wording"]> {
  return {
    basis: whichOf(w),
    relation: /小于/.test(w.groups!.w ?? "") ? "less" : /大于/.test(w.groups!.w ?? "") ? "more" : w.groups!.about ? "about-equal" : "equal",
    text: p.text.slice(at, end).replace(/\s+/g, ""),
    location: p.j.at(p.start + at),
  };
}

// (A list number before the 类's name: 1、 or 1. — the pattern's name starts after its digits, at the 、 or .)
// (The names it has: a headline's 类 alone, a 项 under it by its 款 and 项.)
const itemNames = (m: RegExpExecArray) =>
  mapArray(
    [m.groups!.lei, m.groups!.kuan, m.groups!.xiang].filter((n): n is string => n !== undefined),
    (n) => normaliseName(n.replace(/^\d*\s*[、.．]\s*/, "")),
  );

/** A section's heading: 七、… · （二）… (full-width brackets are ASCII by now). */
const SECTION_HEADING = /^\s*(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))/;
/** A heading's words: a paragraph's text up to its first 。 (the text after, where the heading runs on, is not the heading's). */
const headingOf = (text: string) => text.replace(/。[\s\S]*$/, "");

/** 占79.49% / 占本年支出合计的100.00% right after a figure's 万元. */
const SHARE = re(String.raw`^\s*,?\s*占(?<of>[^\d%,;。]*?)的?\s*(?<pct>NUM)\s*%`);
/** The totals a share is of, when the text does not name it: the last of these stated before it in the paragraph. */
const SHARE_BASES = new Set(["本年收入合计", "本年支出合计", "一般公共预算财政拨款支出", "一般公共预算财政拨款基本支出"]);

/** Shares stated after the figures of a paragraph (in printed order), of the total they name or the last total before them. */
function shares(
  p: Para,
  figures: { label: string; amount: Amount; end: number }[],
  stated: Map<string, Amount>,
  out: Claim[],
  carried: { label: string; amount: Amount } | null = null,
  sectionTotals: { label: string; amount: Amount }[] = [],
): { label: string; amount: Amount } | null {
  let lastTotal: { label: string; amount: Amount } | null = carried;
  /** The last total of the section named by `of` (its label ends with it), in this paragraph or one before. */
  const inSection = (of: string) => {
    for (let i = sectionTotals.length - 1; i >= 0; i--) if (sectionTotals[i].label.endsWith(of)) return sectionTotals[i];
    return null;
  };
  for (const f of [...figures].sort((a, b) => a.end - b.end)) {
    const m = SHARE.exec(p.text.slice(f.end));
    if (m) {
      const percent = p.amount(m, "pct", f.end);
      const of = normaliseName(m.groups!.of ?? "");
      // A base named short (占基本支出的 P%) after a total of its kind in the paragraph (一般公共预算财政拨款基本支出 X，其中：
      // 人员经费 Y，占基本支出的 P%) is that total's, not the 基本支出 of all funds stated elsewhere; so is one after such a
      // total in the section, the parts each a paragraph of their own (…基本支出 X，其中： / 人员经费 Y，占基本支出的 P%，… / 公用经费 …).
      const named = of ? (lastTotal && lastTotal.label.endsWith(of) ? lastTotal : inSection(of)) : null;
      const base: { label: string; amount: Amount } | null = of ? (named ?? (stated.has(of) ? { label: of, amount: stated.get(of)! } : null)) : lastTotal;
      if (percent && base && base.amount !== f.amount) out.push({ kind: "share", label: f.label, amount: f.amount, percent, baseLabel: base.label, base: base.amount });
    }
    if (SHARE_BASES.has(f.label)) {
      lastTotal = { label: f.label, amount: f.amount };
      sectionTotals.push(lastTotal);
    }
    stated.set(f.label, f.amount);
  }
  return lastTotal;
}

/** What the part has read of the “三公” so far: the first claim of each component, and the last 三公 total stated. */
interface SanggongRead {
  first: Map<SanggongFinalClaim["component"], SanggongFinalClaim>;
  total: Amount | null;
}

/** The three components a 三公 total is the sum of. */
const SANGGONG_COMPONENTS = ["abroad", "vehicle", "reception"] as const;

/**
 * The “三公” and its components in a paragraph: their 决算 (to the 三公 table) and 完成预算 P% (to its 预算数) — in the
 * sentence that states the 三公 execution, or one of its own (“三公”经费财政拨款支出决算为 X 万元，完成预算的 P%, the
 * national template's wording); after a component, 占 P% (its share of the 三公), 比年初预算减少 X 万元 (its 决算 on its
 * budget) and, after 公务接待费, its 国内 / 外事 split; and the sentences of their own that compare a 决算 with its budget
 * (…决算数小于预算数 · …决算比年初预算减少 X 万元).
 */
function sanggongIn(p: Para, next: Para | undefined, read: SanggongRead, out: Claim[], underSanggong: boolean): void {
  const shares: { component: SanggongFinalClaim["component"]; label: string; amount: Amount; percent: Amount }[] = [];
  // (The paragraph's own figures, each where it stands.)
  const own: { claim: SanggongFinalClaim; index: number }[] = [];
  const parts = [...p.text.matchAll(SANGGONG_PART)];
  for (const m of parts) {
    const amount = p.amount(m, "amount");
    if (!amount) continue;
    const label = m.groups!.label;
    const component = sanggongKey(label);
    // Its change on last year's, in its sentence (，较上年减少 7.03 万元，下降 16.65%), or for the 三公 itself in the next
    // sentence that names it (…完成预算的84.98%。与2023年度相比，“三公”经费支出增加34.39万元，增长64.71%).
    const end = m.index + m[0].length;
    const stop = end + p.sentence(end).length;
    let change = changeIn(p, end, stop);
    const following = p.sentence(stop + 1);
    if (!change && component === "total" && /^\s*与[^。]*?相比[^。]*?三公/.test(following)) change = changeIn(p, stop + 1, stop + 1 + following.length);
    // …or, for the one figure its sentence states, in the next sentence opened by a bare comparison (2．公务用车购置及运行费预算为
    // 40.00万元，支出决算为37.40万元，完成预算的93.50%。与上年相比增加15.48万元，增长70.62%) — not after a list of them, whose
    // next sentence may speak of their whole.
    const from = p.text.lastIndexOf("。", m.index) + 1;
    if (!change && CHANGE_OPENS.test(following) && parts.filter((x) => x.index >= from && x.index < stop).length === 1) change = changeIn(p, stop + 1, stop + 1 + following.length);
    const claim: SanggongFinalClaim = { kind: "sanggong-final", component, label: component === "total" ? "“三公”经费" : label, amount, completion: p.amount(m, "pct"), budget: p.amount(m, "budget"), change };
    const against = BUDGET_CHANGE_AFTER.exec(p.text.slice(end));
    const budgetChange = against ? budgetChangeOf(p, against, end) : undefined;
    if (budgetChange) {
      claim.budgetChange = budgetChange;
      // (完成预算的 P% after the change: 决算为 X 万元，比年初预算减少 D 万元，下降 Q%，完成预算的 P%.)
      const after = end + against!.index + against![0].length;
      const completed = claim.completion ? null : ANOTHER_COMPLETION.exec(p.text.slice(after));
      if (completed && (whichOf(completed) ?? "initial") === "initial") claim.completion = p.amount(completed, "pct", after);
    }
    if (component === "reception") {
      const split = receptionSplit(p, end, next);
      if (split) claim.split = split;
    }
    out.push(claim);
    own.push({ claim, index: m.index });
    if (!read.first.has(component)) read.first.set(component, claim);
    if (component === "total") read.total = amount;
    // (Only a share of the 三公: 占 with no base named, or the 三公 named; a 公务用车购置费's 占 may be of the vehicles'.)
    const share = SANGGONG_SHARE.exec(p.text.slice(end));
    const percent = share && p.amount(share, "pct", end);
    // (And in a 三公 statement: under its heading, or after the 三公 is named — not a 公用经费 item's 公务接待费 …，占 P%.)
    const ofSanggong = underSanggong || /三公/.test(p.text.slice(0, m.index));
    if (share && percent && ofSanggong && (SANGGONG_COMPONENTS as readonly string[]).includes(component) && (!share.groups!.of || /三公/.test(share.groups!.of)))
      shares.push({ component, label: claim.label, amount, percent });
  }
  // Each share is of the 三公 total stated before in the part; else, where the list names the three components once
  // each, of their sum (the 三公 by what it is).
  const whole = SANGGONG_COMPONENTS.every((c) => shares.filter((x) => x.component === c).length === 1);
  // (Three shares printed to add up to exactly 100% may have been balanced, 尾差调整: one moved by a unit.)
  const balanced = whole && sharesMakeTheWhole(mapArray(shares, (x) => ({ percent: x.percent, of: "" }))) === "exactly";
  for (const x of shares) {
    const share: ShareClaim = read.total
      ? { kind: "share", label: x.label, amount: x.amount, percent: x.percent, baseLabel: "“三公”经费", base: read.total }
      : { kind: "share", label: x.label, amount: x.amount, percent: x.percent, baseLabel: "“三公”经费（各项之和）", base: null, baseParts: mapArray(shares, (y) => y.amount) };
    if (balanced) share.balanced = true;
    if (read.total || (whole && shares.some((y) => !y.amount.value.isZero()))) out.push(share);
  }
  // Sentences of their own about a 决算 against its budget, said of the component (or the 三公) stated before.
  for (const m of p.text.matchAll(BUDGET_CHANGE_NAMED)) {
    const claim = read.first.get(sanggongKey(m.groups!.label));
    const change = claim && !claim.budgetChange ? budgetChangeOf(p, m, 0) : undefined;
    if (claim && change) claim.budgetChange = change;
  }
  // Changes on last year said of a component (or the 三公) stated before, after a comparison with last year in the
  // paragraph (no mention of the budget between): 与2023年度相比，“三公”经费…减少1.92万元 · 其中：因公出国（境）费增加3.21万元.
  const compared = [...p.text.matchAll(LAST_YEAR_COMPARED)];
  for (const m of p.text.matchAll(YOY_NAMED)) {
    const c = compared.filter((x) => x.index < m.index).pop();
    if (!c || BUDGET_COMPARED.test(p.text.slice(c.index, m.index))) continue;
    const claim = read.first.get(sanggongKey(m.groups!.label));
    const amount = p.amount(m, "amount");
    if (!claim || claim.change || !amount) continue;
    const year = c.groups!.year ?? c.groups!.year2;
    const pdir = m.groups!.pdir;
    claim.change = {
      kind: m.groups!.dir === "增加" ? "increase" : "decrease",
      amount,
      percent: p.amount(m, "pct"),
      percentDirection: pdir ? (/增|升/.test(pdir) ? "increase" : "decrease") : null,
      year: year ? Number(year) : null,
      location: p.j.at(p.start + m.indices!.groups!.dir[0]),
    };
  }
  // …and the 三公's own, its comparison right after its name (“三公”经费财政拨款支出决算与2023年度相比，减少1.92万元).
  const total = read.first.get("total");
  if (total && !total.change)
    for (const m of p.text.matchAll(SANGGONG_NAMED_ONLY)) {
      const from = m.index + m[0].length;
      const change = changeIn(p, from, from + p.sentence(from).length);
      if (change && change.amount) {
        total.change = change;
        break;
      }
    }
  // …and a component's, named right before its comparison in a sentence after its figure's (2.公务用车购置及运行维护费支出 104.57 万元。
  // 其中：…。公务用车购置及运行维护费支出与2024年度相比增加 26.88 万元): the figure's, where the paragraph states the component at one
  // amount only, before the comparison.
  for (const m of p.text.matchAll(SANGGONG_COMPARED)) {
    const component = sanggongKey(m.groups!.label);
    const stated = own.filter((x) => x.claim.component === component);
    const claim = stated.find((x) => x.index < m.index)?.claim;
    if (component === "total" || !claim || claim.change || stated.some((x) => x.claim.amount.text !== claim.amount.text)) continue;
    const from = m.index + m[0].length;
    const change = changeIn(p, from, from + p.sentence(from).length);
    if (change?.amount) claim.change = change;
  }
  for (const m of p.text.matchAll(SANGGONG_WORDING)) {
    const claim = read.first.get(sanggongKey(m.groups!.label));
    const at = m.index + m[0].search(/决算/);
    if (claim && !claim.wording && at >= m.index) claim.wording = wordingOf(p, m, at, m.index + m[0].length);
  }
}

export function finalNotes(j: JoinedText, out: Claim[]): void {
  // The figures stated so far in the part, by label (占本年支出合计的 P% names one stated before).
  const stated = new Map<string, Amount>();
  let runOnTotal: { label: string; amount: Amount } | null = null;
  const paras = paragraphsOf(j);
  // The item a numbered paragraph names (1、…(类)…(款)…(项)。主要用于：), for the execution sentence that may
  // follow in the next paragraph; forgotten once its figures are read or another item starts.
  let lastItem: string[] | null = null;
  // Under a heading that names the “三公” (（二）“三公”经费财政拨款支出决算具体情况说明), until the next heading: its
  // components' paragraphs need not name it (1.因公出国（境）经费支出 8.64 万元…, the national template's).
  let underSanggong = false;
  const sanggong: SanggongRead = { first: new Map(), total: null };
  let section = "";
  // The chapter (一、…) the section is in, and whether it speaks of the allocations or a fund (四、财政拨款收入支出决算总体
  // 情况说明 …): its 收入总计 and 支出总计 are not the department's.
  let chapter = "";
  // The 类 of the last 类 headline (1.教育支出（类）。年初预算为 …), until the next one or a section's heading: the 类
  // of the 项 numbered under it by their 款 and 项 only (（1）进修及培训（款）培训支出（项）。年初预算为 …).
  let headlineLei: string | null = null;
  // The totals a share may name stated in the section so far (a short name, 占基本支出的, is the last of them it ends).
  let sectionTotals: { label: string; amount: Amount }[] = [];
  for (const [k, p] of paras.entries()) {
    if (SECTION_HEADING.test(p.text)) {
      underSanggong = /三公/.test(p.text);
      // The heading alone, not the text a heading run on in its paragraph opens ((一)收入决算情况。本年收入合计 …，其中：一般公共预算
      // 财政拨款收入 …: 广西's; its funds' names are no scope of the section's).
      section = headingOf(p.text);
      if (/^\s*[一二三四五六七八九十]+、/.test(p.text)) chapter = section;
      headlineLei = null;
      sectionTotals = [];
    }
    carryovers(p, section, out);
    totalsApart(p, out, paras[k + 1]);
    const ofAllocations = /财政拨款|政府性基金|国有资本|一般公共预算/.test(chapter);
    if (!ofAllocations) totalsAlone(p, out);
    const found: { figure: TableFigure; label: string; m: RegExpExecArray }[] = [];
    // A paragraph a list runs on into (the text reader ends one at a line's ；: 本年收入合计 X，其中：…；/ 事业收入 Y，占 P%；…):
    // the scope of its figures and the total of its shares are those of the paragraphs it continues.
    let scopeText = p.text;
    for (let i = k - 1; i >= 0 && /;\s*$/.test(paras[i].text); i--) scopeText = paras[i].text + scopeText;
    if (!/;\s*$/.test(paras[k - 1]?.text ?? "")) runOnTotal = null;
    // (Or of its section: 六、一般公共预算财政拨款基本支出决算情况说明 over 人员经费 X，主要包括：…。 / 公用经费 Y，… — the parts each
    // a paragraph of their own, after the total's paragraph ending 其中：.)
    for (const [rx, figure, label, scope] of FIGURES)
      if (!scope || scope.test(scopeText) || scope.test(section) || (scope === INCOME_PARA && !ofAllocations && (INCOME_TOTAL_PARA.test(scopeText) || INCOME_TOTAL_PARA.test(section))))
        for (const m of p.text.matchAll(rx)) if (!DEPARTMENT_ONLY.has(figure) || !ofAFund(p.text, m.index, section)) found.push({ figure, label, m });
    const starts = mapArray(found, (f) => f.m.index);
    const figures: { label: string; amount: Amount; end: number }[] = [];
    const ownFigures: { claim: TableFigureClaim; index: number }[] = [];
    for (const { figure, label, m } of found) {
      const amount = p.amount(m, "amount");
      if (!amount) continue;
      const end = m.index + m[0].length;
      figures.push({ label, amount, end });
      const claim: TableFigureClaim = { kind: "table-figure", figure, label, amount, change: changeIn(p, end, statementEnd(p, m.index, starts), { figure, label }) };
      ownFigures.push({ claim, index: m.index });
      out.push(claim);
    }
    const o = OPERATING.exec(p.text);
    if (o) {
      const end = o.index + o[0].length;
      const claim: OperatingCostClaim = { kind: "operating-cost", amount: p.amount(o, "amount")!, change: changeIn(p, end, p.sentence(end).length + end) };
      // (…比年初预算数减少 X 万元，降低 P%: against its budget, right after it.)
      const against = BUDGET_CHANGE_AFTER.exec(p.text.slice(end));
      const budgetChange = against ? budgetChangeOf(p, against, end) : undefined;
      if (budgetChange) claim.budgetChange = budgetChange;
      out.push(claim);
    }
    namedChanges(p, ownFigures, out);
    for (const m of p.text.matchAll(SELF_EVALUATION)) {
      const amount = p.amount(m, "amount");
      const percent = p.amount(m, "pct");
      if (amount && percent) out.push({ kind: "performance", amount, goals: null, partial: true, share: { percent, fund: m.groups!.general ? "general" : "all" } });
    }
    for (const m of p.text.matchAll(PROJECT_EXECUTION)) {
      const budget = p.amount(m, "budget");
      const final = p.amount(m, "final");
      if (!budget || !final) continue;
      const named = [...p.text.slice(0, m.index).matchAll(EVALUATED_PROJECT)].pop();
      const label = named ? normaliseName(named.groups!.name) : /整体/.test(p.text.slice(0, m.index)) ? "部门整体支出" : "项目";
      out.push({ kind: "execution", scope: "project", names: null, label, budget, basis: "full-year", final, percent: p.amount(m, "pct"), wording: null });
    }
    for (const m of p.text.matchAll(DEPARTMENT_EVALUATION)) {
      const amount = p.amount(m, "amount");
      if (amount && !/整体/.test(m[0])) out.push({ kind: "performance", amount, goals: null, partial: true, of: m.groups!.general ? "general" : "all" });
    }
    if (/政府性基金|国有资本/.test(section + chapter)) fundItems(p, out);
    fundBalance(p, out);
    // The “三公” and its components: their 决算 (to the 三公 table) and 完成预算 P% (to its 预算数) — in the
    // sentence that states the 三公 execution, or one of its own (“三公”经费财政拨款支出决算为 X 万元，完成预算的 P%,
    // the national template's wording); a 占 P% after one is a share of the 三公 total.
    if (underSanggong || /三公/.test(p.text)) sanggongIn(p, paras[k + 1], sanggong, out, underSanggong);
    vehicleSplits(p, out);
    sanggongCounts(p, out);
    headcountSplits(p, out);
    assetSplits(p, out);
    unitLists(paras, k, out);
    unitKinds(p, out);
    const pr = PROCUREMENT.exec(p.text);
    if (pr) {
      const from = pr.index + pr[0].length;
      const components = mapArray([...p.text.slice(from).matchAll(PROCUREMENT_PART)], (m) => ({
        component: PROCUREMENT_KIND[(m.groups!.label ?? m.groups!.label2) as keyof typeof PROCUREMENT_KIND],
        label: `${m.groups!.label ?? m.groups!.label2}采购`,
        amount: p.amount(m, "amount", from)!,
      }));
      const procurement: ProcurementClaim = { kind: "procurement", amount: p.amount(pr, "amount")!, components };
      out.push(procurement);
      awarded(procurement, [p, paras[k + 1]], out);
    }
    const item = ITEM.exec(p.text);
    const headline = LEI_HEADLINE.exec(p.text);
    if (headline) headlineLei = itemNames(headline)[0];
    // The item this paragraph names: its whole path, the 类 of its headline, or a 项 under a headline by its 款 and
    // 项 (the headline's 类 completing its path).
    const kuanItem = !item && headlineLei ? KUAN_ITEM.exec(p.text) : null;
    const named: { index: number; end: number; names: string[] } | null =
      item && item.groups!.xiang
        ? { index: item.index, end: item.index + item[0].length, names: itemNames(item) }
        : headline
          ? { index: headline.index, end: headline.index + headline[0].length, names: [headlineLei!] }
          : kuanItem
            ? { index: kuanItem.index, end: kuanItem.index + kuanItem[0].length, names: [headlineLei!, ...itemNames(kuanItem)] }
            : null;
    if (named && named.names.length > 1) lastItem = named.names;
    else if (item) lastItem = null;
    const isItem = (text: string) => ITEM.test(text) || (!!headlineLei && KUAN_ITEM.test(text));
    const executions = [...p.text.matchAll(EXECUTION)];
    if (!executions.length) {
      // The structure paragraph: each 类 with its 决算 figure.
      let marked = false;
      // (Under the department's 支出总计, 江苏's （二）支出总计 X 万元。包括：1．卫生健康（类）支出 Y 万元，…。与上年相比增加 D 万元: the
      // 类's spending of every fund, the 支出决算表's row, each with its change on last year in its statement.)
      const ofDepartment = !ofAllocations && (DEPARTMENT_SPENDING.test(section) || DEPARTMENT_SPENDING.test(scopeText));
      const leis = [...p.text.matchAll(LEI_FIGURE)];
      for (const [i, m] of leis.entries()) {
        const amount = p.amount(m, "amount");
        // (一般公共服务（类）支出: the 类's name is 一般公共服务支出, as its table row prints it; after a list's number, 1．. A name
        // printed whole before its mark, 一般公共服务支出（类）支出, takes no second 支出.)
        const bare = m.groups!.name.replace(/^.*[:：]/, "").replace(/^\s*[.．]\s*/, "");
        const name = normaliseName(/支出\s*$/.test(bare) ? bare : bare + (m.groups!.spent ?? ""));
        if (amount && name) {
          marked = true;
          out.push(ofDepartment ? { kind: "function-item", names: [name], amount, scope: "department" } : { kind: "function-item", names: [name], amount });
          const end = m.index + m[0].length;
          figures.push({ label: `${name}（类）`, amount, end });
          const change = ofDepartment ? changeIn(p, end, leis[i + 1]?.index ?? p.text.length) : null;
          if (change) out.push({ kind: "stated-change", label: `${name}（类）`, amount, change });
        }
      }
      if (!marked && (/结构/.test(section) || /主要用于以下方面/.test(p.text)))
        for (const m of p.text.matchAll(LEI_PLAIN)) {
          const amount = p.amount(m, "amount");
          const name = normaliseName(m.groups!.name);
          if (!amount || NOT_LEI.test(name) || /一般公共预算|财政拨款|合计|总计/.test(name)) continue;
          out.push({ kind: "function-item", names: [name], amount });
          figures.push({ label: `${name}（类）`, amount, end: m.index + m[0].length });
        }
    }
    runOnTotal = shares(p, figures, stated, out, runOnTotal, sectionTotals);
    for (const m of p.text.matchAll(FINAL_FIRST)) {
      const budget = p.amount(m, "budget");
      const final = p.amount(m, "final");
      const percent = p.amount(m, "pct");
      // (Not the “三公”'s: its components' reader's.)
      if (!budget || !final || !percent || /三公/.test(p.text.slice(0, m.index).split(/[。;]/).pop() ?? "")) continue;
      const g = m.groups!;
      const subject = g.subject.replace(/\s+/g, "");
      const [scope, label]: [ExecutionClaim["scope"], string] = subject.startsWith("一般公共预算")
        ? ["general", "一般公共预算财政拨款支出"]
        : subject.startsWith("政府性基金")
          ? ["gov-fund", "政府性基金预算财政拨款支出"]
          : subject.startsWith("国有资本")
            ? ["state-capital", "国有资本经营预算财政拨款支出"]
            : ["allocations", "财政拨款支出"];
      const basis: Basis = g.initial ? "initial" : g.adjusted ? "adjusted" : "full-year";
      const named = whichOf(m);
      // (A percentage that names another budget than the one printed is not of it.)
      if (named !== null && (named === "initial") !== (basis === "initial")) continue;
      const end = m.index + m[0].length;
      const wording = wordingIn(p, end, p.text.indexOf("。", end) < 0 ? p.text.length : p.text.indexOf("。", end) + 1);
      out.push({ kind: "execution", scope, names: null, label, budget, basis, final, percent, wording: wording && (wording.basis === null || (wording.basis === "initial") === (basis === "initial")) ? wording : null });
    }
    if (!executions.length && named && named.names.length === 3) itemFinal(p, named, out);
    if (!executions.length) continue;
    for (const [i, m] of executions.entries()) {
      const first = p.amount(m, "budget");
      const final = p.amount(m, "final");
      if (!first || !final) continue;
      const before = p.text.slice(0, m.index);
      // 年初预算 B0，（年中追加 A，）调整后预算 B1，支出决算 X: the statement's budget is B1, B0 the one printed before it (not
      // where the first is itself a 调整 or 全年 budget: then the one after is not known to be another).
      const g = m.groups!;
      const afterBudget = g.afterBudget && !g.adjusted && !g.full ? p.amount(m, "afterBudget") : null;
      const budget = afterBudget ?? first;
      // 年初预算 B0，调整预算 B1，支出决算 X: B0 printed right before the statement of B1.
      const b0 = !afterBudget && (g.adjusted || g.full) ? INITIAL_BEFORE.exec(before) : null;
      const initial = afterBudget ? first : p.amount(b0 ?? m, "budget");
      const namesInitial = !!g.initial || !!b0;
      // (B0 of the statement's own claim for what names 年初: printed before it, or first in it where named 年初.)
      const preceding = b0 ?? (afterBudget && g.initial ? m : null);
      // Whose execution: the item this paragraph names (all three of 类, 款, 项), the “三公” expenses, the
      // whole 一般公共预算财政拨款支出, all the 财政拨款 or one other fund's.
      let scope: ExecutionClaim["scope"] | null = null;
      let names: string[] | null = null;
      let label = "";
      // (A headline's 类: the statement right after it, nothing but words between.)
      if (named && named.index < m.index && (named.names.length > 1 || !/万元|\(/.test(p.text.slice(named.end, m.index)))) {
        names = named.names;
        scope = "item";
        label = names.join("-");
      } else if (!item && !kuanItem && lastItem && namesInitial && !/三公|一般公共预算财政拨款支出/.test(before.replace(/\s+/g, ""))) {
        // (An item's paragraph that goes on in the next: only in the 年初预算 wording the item paragraphs use, not a
        // 预算为 … 决算为 of whatever the text turns to next.)
        names = lastItem;
        scope = "item";
        label = names.join("-");
      } else if (/三公/.test(before.replace(/\s+/g, "")) && namesInitial) {
        // (The 三公's 预算为 B，支出决算为 X of the national template: its components' reader's, SANGGONG_PART.)
        scope = "sanggong";
        label = "“三公”经费财政拨款支出";
      } else if (/一般公共预算财政拨款支出\s*$/.test(before.replace(/\s+/g, "")) || /一般公共预算财政拨款支出/.test(before.split(/[。;]/).pop() ?? "")) {
        scope = "general";
        label = "一般公共预算财政拨款支出";
      } else {
        // (The subject right before the budget: 2025年度财政拨款支出年初预算为 … · 其中：…；政府性基金预算财政拨款支出年初预算为 ….)
        const subject = STATEMENT_SUBJECT.exec(before.replace(/\s+/g, "").split(/[。;:,]/).pop() ?? "");
        const fund = subject?.groups!.fund;
        if (subject) [scope, label] = fund === "政府性基金预算" ? ["gov-fund", "政府性基金预算财政拨款支出"] : fund ? ["state-capital", "国有资本经营预算财政拨款支出"] : ["allocations", "财政拨款支出"];
      }
      if (!scope) continue;
      if (scope === "item") lastItem = null;
      // The wording after the figures, before the paragraph's next statement; after its last, to the paragraph's end or at
      // the start of the next paragraph (before any figure) — but not after a list of statements (…。其中：A …；B …。决算数
      // 大于年初预算数的主要原因…): whether it speaks of the whole or of the last part is not known.
      const next = paras[k + 1];
      const nextFigure = next ? next.text.search(/\d/) : -1;
      const following = executions[i + 1];
      const listed = !following && i > 0 && /其中/.test(p.text.slice(executions[0].index, m.index));
      const wording = listed
        ? null
        : (wordingIn(p, m.index + m[0].length, following?.index) ??
          (!following && next && !isItem(next.text) ? wordingIn(next, 0, nextFigure < 0 ? next.text.length : nextFigure) : null));
      const basis: Basis = afterBudget ? basisOf(g.after) : g.initial ? "initial" : g.adjusted ? "adjusted" : g.full ? "full-year" : null;
      // The percentages after the figures (one, or 完成年初预算的 P%，完成调整预算的 Q%), each with the budget it names.
      const completions: { basis: Basis; percent: Amount | null }[] = [];
      if (m.groups!.pct) {
        completions.push({ basis: whichOf(m), percent: p.amount(m, "pct") });
        const end = m.index + m[0].length;
        const again = ANOTHER_COMPLETION.exec(p.text.slice(end));
        if (again) completions.push({ basis: whichOf(again), percent: p.amount(again, "pct", end) });
      }
      // A percentage or wording naming 年初 is of the 年初预算: B0 when printed before, else the statement's budget
      // unless the text calls that another (调整预算); one naming 调整 or 全年 is not of a 年初预算; one naming none is
      // of the statement's budget.
      const group = (b: Basis) => (b === "full-year" ? "adjusted" : b);
      const of = (named: Basis, own: Basis, preceding: boolean) =>
        preceding ? named === "initial" : named === null || own === null || group(named) === group(own);
      const percentOf = (preceding: boolean) => completions.find((c) => of(c.basis, basis, preceding))?.percent ?? null;
      const wordingOf = (preceding: boolean) => (wording && of(wording.basis, basis, preceding) ? wording : null);
      const claim: ExecutionClaim = { kind: "execution", scope, names, label, budget, basis, final, percent: percentOf(false), wording: wordingOf(false) };
      const adjustment = afterBudget ? p.amount(m, "adjustment") : null;
      if (adjustment) {
        const word = g.adjWord.replace(/\s+/g, "");
        claim.adjustment = { initial: first, amount: adjustment, direction: /追加|调增/.test(word) ? "increase" : /调减|追减/.test(word) ? "decrease" : "either", word };
      }
      if (scope === "item" && /政府性基金|国有资本/.test(chapter)) claim.ofFund = true;
      out.push(claim);
      if (preceding && initial && scope !== "sanggong")
        out.push({ kind: "execution", scope, names, label, budget: initial, basis: "initial", preceding: true, final, percent: percentOf(true), wording: wordingOf(true) });
      if (scope === "item" && names) out.push({ kind: "function-item", names, amount: final });
      // (The 决算 against its table: the 一般公共预算财政拨款支出决算表's 合计, the 财政拨款收入支出决算总表's 本年支出合计, a fund's
      // table's 本年支出.)
      const figure = FINAL_FIGURE[scope];
      if (figure) out.push({ kind: "table-figure", figure, label, amount: final, change: null });
    }
  }
}
