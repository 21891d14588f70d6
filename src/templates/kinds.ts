import type { RowKind, TableKind } from "../model/document.js";
import { BASIC_CLASS_KEYS, basicClassKey, ECONOMIC_CLASS_KEYS, economicClassKey, UNREAD_CLASS_KEYS } from "../model/economic-classes.js";
import { mapArray } from "../util/arrays.js";

/*
 * What each kind of table holds, whatever province prints it: its name in messages and the identities
 * between the columns of one row. Templates (shenzhen.ts, shanghai.ts …) say how a province prints a
 * kind (title, header, row roles, money unit); the rules read the identities from here, so a new
 * template gets them by naming the kinds of its tables and mapping its headers to these column keys.
 */

/** `row[total] = Σ row[parts]`, for the rows of the given kinds (all rows when absent). */
export interface RowIdentity {
  total: string;
  parts: string[];
  rows?: RowKind[];
  /** Only rows with this role (e.g. `change` for 增减变化). */
  orRole?: string;
  /** Only where the table prints every one of these columns. */
  when?: string[];
  /** Only where the table prints none of these columns (the parts are then printed in their stead). */
  unless?: string[];
  /** Columns subtracted: total = Σ parts − Σ minus (本年支出 = 年初结转和结余 + 本年收入 − 年末结转和结余). */
  minus?: string[];
  /** Where only some parts are printed, the relation names them by their labels in English too (their keys say nothing: `economic-301`). */
  labelParts?: true;
  zh: string;
  en: string;
}

/**
 * `row[percent] = row[numerator] ÷ row[denominator] × 100`, in a table of any kind that prints the three columns:
 * 增减(%) = 增减额 ÷ 上年数 (中央部门's 一般公共预算支出表: 比2025年执行数 增减额 | 增减(%); 上年预算数 | 本年预算数 |
 * 增减额 | 增减率（%）). The percentage is printed as text (`-60.86%`, `4.88`).
 */
export interface RowRatio {
  percent: string;
  numerator: string;
  /** A column the numerator's less (本年预算数 − 上年执行数, where no 增减额 is printed). */
  minus?: string;
  denominator: string;
  /** Only where the table prints no such column (its 增减额 is then the numerator). */
  unless?: string;
  rows: RowKind[];
  /** A base a writer may take by mistake (this year's figure): the message says when it explains the printed one. */
  mistakenBase?: { column: string; zh: string; en: string };
  zh: string;
  en: string;
}

/** The ratios between the columns of one row, whatever the table's kind (the columns say what they hold). */
const RATIO_ROWS: RowKind[] = ["department", "unit", "code", "item", "total"];
const THIS_YEAR = { column: "total", zh: "增减额 ÷ 本年预算数", en: "the change ÷ this year's budget" };
export const ROW_RATIOS: RowRatio[] = [
  { percent: "change-pct", numerator: "change", denominator: "prior", rows: RATIO_ROWS, mistakenBase: THIS_YEAR, zh: "增减额 ÷ 上年执行数", en: "the change ÷ last year's outturn" },
  { percent: "change-pct", numerator: "change", denominator: "prior-budget", rows: RATIO_ROWS, mistakenBase: THIS_YEAR, zh: "增减额 ÷ 上年预算数", en: "the change ÷ last year's budget" },
  // A 增长% printed with no 增减额 beside it (重庆's 2025年执行数 | 2026年预算数 | 2026年预算数比2025年执行数增长%): the change
  // is this year's figure less last year's, each within its rounding.
  {
    percent: "change-pct",
    numerator: "total",
    minus: "prior",
    denominator: "prior",
    unless: "change",
    rows: RATIO_ROWS,
    mistakenBase: { column: "total", zh: "（本年预算数 − 上年执行数）÷ 本年预算数", en: "(this year's budget − last year's outturn) ÷ this year's budget" },
    zh: "（本年预算数 − 上年执行数）÷ 上年执行数",
    en: "(this year's budget − last year's outturn) ÷ last year's outturn",
  },
  {
    percent: "change-pct",
    numerator: "total",
    minus: "prior-budget",
    denominator: "prior-budget",
    unless: "change",
    rows: RATIO_ROWS,
    mistakenBase: { column: "total", zh: "（本年预算数 − 上年预算数）÷ 本年预算数", en: "(this year's budget − last year's budget) ÷ this year's budget" },
    zh: "（本年预算数 − 上年预算数）÷ 上年预算数",
    en: "(this year's budget − last year's budget) ÷ last year's budget",
  },
  {
    percent: "change-pct-adjusted",
    numerator: "change-adjusted",
    denominator: "prior-adjusted",
    rows: RATIO_ROWS,
    mistakenBase: { column: "budget-adjusted", zh: "扣除后增减额 ÷ 扣除后预算数", en: "the adjusted change ÷ this year's adjusted budget" },
    zh: "扣除后增减额 ÷ 扣除后上年执行数",
    en: "the adjusted change ÷ last year's adjusted outturn",
  },
];

export interface KindSpec {
  zh: string;
  en: string;
  rowIdentities: RowIdentity[];
}

/** Rows of a classified table; `item`: a row named but not coded (read by kind alone). */
const CLASSIFIED_ROWS: RowKind[] = ["department", "unit", "code", "item"];

/** Rows of a two-sided summary: its items and totals (本年支出合计, 支出总计). */
const TWO_SIDED_ROWS: RowKind[] = ["item", "total"];

/** 基本支出 + 项目支出 (+ the 决算's 上缴上级支出, 经营支出, 对附属单位补助支出 where printed). */
const basicPlusProject: RowIdentity = {
  total: "total",
  parts: ["basic", "project", "remit-superior", "operating-expenditure", "subsidiary-subsidy", "reserve", "carry-forward"],
  rows: CLASSIFIED_ROWS,
  zh: "基本支出 + 项目支出",
  en: "basic + project",
};

/** A 决算's budget stage printed over its own split (年初预算数 over 小计 · 基本支出 · 项目支出): its 小计 their sum. */
const stageSplit: RowIdentity[] = mapArray(["budget-initial", "budget-revised"] as const, (k) => ({
  total: k,
  parts: [`${k}-basic`, `${k}-project`],
  rows: CLASSIFIED_ROWS,
  when: [`${k}-basic`],
  zh: k === "budget-initial" ? "年初预算数 基本支出 + 项目支出" : "调整预算数 基本支出 + 项目支出",
  en: k === "budget-initial" ? "initial budget: basic + project" : "revised budget: basic + project",
}));

/** The same where 基本支出 is printed only as 人员经费 | 公用经费 (no 基本支出 column of its own). */
const basicSplit: RowIdentity[] = [
  { ...basicPlusProject, when: ["basic"] },
  { ...basicPlusProject, unless: ["basic", "personnel"] },
  {
    ...basicPlusProject,
    parts: ["personnel", "public", ...basicPlusProject.parts.filter((p) => p !== "basic")],
    when: ["personnel"],
    unless: ["basic"],
    zh: "人员经费 + 公用经费 + 项目支出",
    en: "personnel + public + project",
  },
  { total: "basic", parts: ["personnel", "public"], rows: CLASSIFIED_ROWS, zh: "人员经费 + 公用经费", en: "personnel + public" },
  // 基本支出 by economic class under it (小计 · 工资福利支出 · 商品和服务支出 · …): the 小计 is their sum.
  { total: "basic", parts: [...BASIC_CLASS_KEYS], rows: CLASSIFIED_ROWS, when: ["basic", basicClassKey("301")], labelParts: true, zh: "基本支出各经济分类之和", en: "sum of the basic expenditure's economic classes" },
  // This year's budget beside last year's outturn: 预算数 = 上年执行数 + 增减额 (and the adjusted pair).
  { total: "total", parts: ["prior", "change"], rows: CLASSIFIED_ROWS, when: ["prior", "change"], zh: "上年执行数 + 增减额", en: "last year's outturn + change" },
  // …or beside last year's budget: 预算数 = 上年预算数 + 增减额.
  { total: "total", parts: ["prior-budget", "change"], rows: CLASSIFIED_ROWS, when: ["prior-budget", "change"], zh: "上年预算数 + 增减额", en: "last year's budget + change" },
  { total: "budget-adjusted", parts: ["prior-adjusted", "change-adjusted"], rows: CLASSIFIED_ROWS, when: ["prior-adjusted", "change-adjusted"], zh: "扣除后上年执行数 + 扣除后增减额", en: "adjusted outturn + adjusted change" },
  ...stageSplit,
];

/** A 决算's fund tables: what was spent this year is what there was (carried over + received) less what is carried on. */
const fundBalance: RowIdentity = {
  total: "total",
  parts: ["opening", "income"],
  minus: ["closing"],
  rows: CLASSIFIED_ROWS,
  when: ["opening", "income", "closing"],
  zh: "年初结转和结余 + 本年收入 − 年末结转和结余",
  en: "opening balance + income − closing balance",
};

/**
 * The sources 单位资金 (Shenzhen's 收入总表, Hangzhou's 项目支出表) sums: printed as its parts, as one column, or both;
 * its carry-over among them where the header prints it under 单位资金 (北京's 收入总表).
 */
const UNIT_FUND_PARTS = ["business-income", "operating-income", "superior-subsidy", "subsidiary-remittance", "other-income", "unit-funds-carryover"];

/**
 * An identity over the income sources, in the two forms a table may print them: where 单位资金 is
 * printed, it stands for its parts (which it sums, below), and they are not counted again; where it is
 * not, its parts are the terms (the unit's carry-over with them where the identity counts the carry-over).
 */
function byUnitFunds(ids: RowIdentity[]): RowIdentity[] {
  return ids.flatMap((id) => [
    {
      ...id,
      parts: [...id.parts.filter((k) => k !== "unit-funds"), ...(id.parts.includes("carryover") && !id.parts.includes("unit-funds-carryover") ? ["unit-funds-carryover"] : [])],
      unless: [...(id.unless ?? []), "unit-funds"],
    },
    { ...id, parts: [...id.parts.filter((k) => !UNIT_FUND_PARTS.includes(k) && k !== "unit-funds"), "unit-funds"], when: [...(id.when ?? []), "unit-funds"] },
  ]);
}

/** The carry-over by source, which 上年结转结余 sums where both are printed. */
const CARRYOVER_PARTS = ["carryover-general-public", "carryover-gov-fund", "carryover-state-capital", "carryover-special-account", "carryover-unit-funds"];

/**
 * An identity over the sources of an expenditure, with the carry-over spent this year among them where the
 * header prints it (甘肃's 项目支出表: 合计 | 本年拨款 (一般公共预算 · … · 单位资金) | 上年结转结余): 上年结转结余 where
 * printed, else its sources.
 */
function withCarryover(ids: RowIdentity[]): RowIdentity[] {
  return ids.flatMap((id) => [
    { ...id, parts: [...id.parts, "carryover"], when: [...(id.when ?? []), "carryover"] },
    { ...id, parts: [...id.parts, ...CARRYOVER_PARTS], unless: [...(id.unless ?? []), "carryover"] },
  ]);
}

/**
 * An expenditure table split by source (广州's 基本支出 / 项目支出 tables: 总计 = 财政拨款 (合计 · 一般公共预算 ·
 * 政府性基金预算 · 国有资本经营预算) + 财政专户拨款 + 其他资金 (+ 上年结转结余)).
 */
const bySource: RowIdentity[] = [
  // (The other funds as their sources, where the header prints them: 事业收入 | 其他收入 …, 陕西's 项目支出预算表.)
  ...withCarryover(byUnitFunds([
    { total: "total", parts: ["allocation", "special-account", "other-funds", "unit-funds", ...UNIT_FUND_PARTS], rows: CLASSIFIED_ROWS, when: ["allocation"], zh: "财政拨款 + 财政专户 + 其他资金", en: "government allocation + special account + other funds" },
    { total: "total", parts: ["general-public", "gov-fund", "state-capital", "special-account", "other-funds", "unit-funds", ...UNIT_FUND_PARTS], rows: CLASSIFIED_ROWS, when: ["general-public"], unless: ["allocation"], zh: "一般公共预算 + 政府性基金预算 + 国有资本经营预算 + 财政专户 + 其他资金", en: "general public + fund + state capital + special account + other funds" },
  ])),
  { total: "allocation", parts: ["general-public", "gov-fund", "state-capital"], rows: CLASSIFIED_ROWS, zh: "一般公共预算 + 政府性基金预算 + 国有资本经营预算", en: "general public + fund + state capital" },
];

/**
 * The 三公 items' identities, in a table of them whatever its fund: the 一般公共预算's (or the department's) and a
 * fund's own (政府性基金预算“三公”经费支出预算表, 四川's 表4-1).
 */
const SANGGONG_IDENTITIES: RowIdentity[] = [
  { total: "total", parts: ["abroad", "reception", "vehicle"], rows: ["year", "other"], orRole: "change", zh: "因公出国(境)费 + 公务接待费 + 公务用车购置及运行维护费", en: "abroad + reception + vehicles" },
  { total: "vehicle", parts: ["vehicle-purchase", "vehicle-operation"], rows: ["year", "other"], orRole: "change", zh: "公务用车购置费 + 公务用车运行维护费", en: "vehicle purchase + vehicle operation" },
  // A table of 三公 with 会议费 and 培训费 beside it (合计 over all five).
  { total: "grand-total", parts: ["total", "meeting", "training"], rows: ["year", "other"], orRole: "change", zh: "“三公”经费 + 会议费 + 培训费", en: "three public expenses + meetings + training" },
  // A 决算's 三公 table prints the 预算数 beside each 决算数.
  { total: "budget-total", parts: ["budget-abroad", "budget-reception", "budget-vehicle"], rows: ["year", "other"], zh: "预算数：因公出国(境)费 + 公务接待费 + 公务用车购置及运行费", en: "budget: abroad + reception + vehicles" },
  { total: "budget-vehicle", parts: ["budget-vehicle-purchase", "budget-vehicle-operation"], rows: ["year", "other"], zh: "预算数：公务用车购置费 + 公务用车运行费", en: "budget: vehicle purchase + vehicle operation" },
  // …and its 公务接待费 split into 国内接待费 and 国（境）外接待费, where it prints both (one left blank: nothing).
  { total: "reception", parts: ["reception-domestic", "reception-foreign"], rows: ["year", "other"], when: ["reception-domestic", "reception-foreign"], zh: "国内接待费 + 国(境)外接待费", en: "domestic + abroad receptions" },
  { total: "budget-reception", parts: ["budget-reception-domestic", "budget-reception-foreign"], rows: ["year", "other"], when: ["budget-reception-domestic", "budget-reception-foreign"], zh: "预算数：国内接待费 + 国(境)外接待费", en: "budget: domestic + abroad receptions" },
];

export const KINDS: Record<TableKind, KindSpec> = {
  summary: {
    zh: "收支总表",
    en: "income and expenditure summary",
    // Where the expenditure side splits its 预算数 by use (Shanghai's 单位预算: 合计 | 人员经费 | 公用经费 | 项目支出).
    rowIdentities: [
      { total: "amount", parts: ["basic", "project"], rows: TWO_SIDED_ROWS, when: ["basic"], zh: "基本支出 + 项目支出", en: "basic + project" },
      { total: "amount", parts: ["personnel", "public", "project"], rows: TWO_SIDED_ROWS, when: ["personnel"], unless: ["basic"], zh: "人员经费 + 公用经费 + 项目支出", en: "personnel + public + project" },
      { total: "basic", parts: ["personnel", "public"], rows: TWO_SIDED_ROWS, zh: "人员经费 + 公用经费", en: "personnel + public" },
    ],
  },
  income: {
    zh: "收入总表",
    en: "income by function",
    rowIdentities: [
      ...byUnitFunds([
        {
          total: "total",
          parts: ["carryover", "allocation", "special-account", "business-income", "operating-income", "superior-subsidy", "subsidiary-remittance", "other-income", "unused-balance"],
          rows: CLASSIFIED_ROWS,
          unless: ["current-income", "general-public"],
          zh: "各项收入之和",
          en: "sum of the income sources",
        },
        {
          total: "total",
          parts: ["carryover", "allocation", "special-account", "business-income", "operating-income", "superior-subsidy", "subsidiary-remittance", "other-income", "unused-balance"],
          rows: CLASSIFIED_ROWS,
          when: ["allocation", "general-public"],
          unless: ["current-income"],
          zh: "各项收入之和",
          en: "sum of the income sources",
        },
        // 财政拨款 printed only by fund (一般公共预算拨款收入 | 政府性基金预算拨款收入 | …), no 财政拨款 column.
        {
          total: "total",
          parts: ["carryover", "general-public", "gov-fund", "state-capital", "special-account", "business-income", "operating-income", "superior-subsidy", "subsidiary-remittance", "other-income", "unused-balance"],
          rows: CLASSIFIED_ROWS,
          when: ["general-public"],
          unless: ["allocation", "current-income", "special-education", "special-other"],
          zh: "各项收入之和",
          en: "sum of the income sources",
        },
        // The same with 财政专户 printed only by its parts (教育收费 | 其他专户收入拨款).
        {
          total: "total",
          parts: ["carryover", "general-public", "gov-fund", "state-capital", "special-education", "special-other", "business-income", "operating-income", "superior-subsidy", "subsidiary-remittance", "other-income", "unused-balance"],
          rows: CLASSIFIED_ROWS,
          when: ["general-public", "special-education"],
          unless: ["allocation", "current-income", "special-account"],
          zh: "各项收入之和",
          en: "sum of the income sources",
        },
        {
          total: "current-income",
          parts: ["allocation", "special-account", "business-income", "operating-income", "superior-subsidy", "subsidiary-remittance", "other-income", "unit-funds"],
          rows: CLASSIFIED_ROWS,
          unless: ["general-public"],
          zh: "本年收入各项之和",
          en: "sum of this year's income sources",
        },
        {
          total: "current-income",
          parts: ["general-public", "gov-fund", "state-capital", "special-account", "business-income", "operating-income", "superior-subsidy", "subsidiary-remittance", "other-income", "unit-funds"],
          rows: CLASSIFIED_ROWS,
          when: ["general-public"],
          unless: ["allocation"],
          zh: "本年收入各项之和",
          en: "sum of this year's income sources",
        },
      ]),
      // 总计 = 本年收入 + 上年结转结余, each split by source. 本年收入 is the whole of this year's income: a 单位资金
      // column beside it is one of its sources (本年收入 over 小计 · 一般公共预算 · … · 单位资金, the national 部门收入总表),
      // not added again.
      { total: "total", parts: ["current-income", "carryover"], rows: CLASSIFIED_ROWS, when: ["current-income"], zh: "本年收入 + 上年结转结余", en: "this year's income + carry-over" },
      { total: "unit-funds", parts: UNIT_FUND_PARTS, rows: CLASSIFIED_ROWS, zh: "单位资金各项之和", en: "sum of the unit's own funds" },
      {
        total: "carryover",
        parts: CARRYOVER_PARTS,
        rows: CLASSIFIED_ROWS,
        zh: "上年结转结余各项之和",
        en: "sum of the carry-over by source",
      },
      { total: "allocation", parts: ["general-public", "gov-fund", "state-capital"], rows: CLASSIFIED_ROWS, zh: "一般公共预算 + 政府性基金 + 国有资本经营预算", en: "general public + fund + state capital" },
    ],
  },
  expenditure: { zh: "支出总表", en: "expenditure by function", rowIdentities: basicSplit },
  "basic-summary": {
    zh: "基本支出总表",
    en: "basic expenditure summary",
    rowIdentities: [{ total: "total", parts: ["personnel", "public"], rows: CLASSIFIED_ROWS, zh: "人员经费 + 公用经费", en: "personnel + public" }, ...bySource],
  },
  "project-summary": { zh: "项目支出总表", en: "project expenditure summary", rowIdentities: bySource },
  "allocation-summary": {
    zh: "财政拨款收支总表",
    en: "government allocation summary",
    // Where the expenditure side splits its 合计 by fund (Shanghai's 表4, the 决算's 财政拨款收入支出决算总表).
    rowIdentities: [{ total: "amount", parts: ["general-public", "gov-fund", "state-capital"], rows: TWO_SIDED_ROWS, zh: "一般公共预算 + 政府性基金预算 + 国有资本经营预算", en: "general public + fund + state capital" }],
  },
  "general-function": { zh: "一般公共预算支出表（按功能分类）", en: "general public budget by function", rowIdentities: basicSplit },
  "general-economic": { zh: "一般公共预算支出表（按经济分类）", en: "general public budget by economic code", rowIdentities: [basicPlusProject] },
  "general-basic-economic": {
    zh: "一般公共预算基本支出表（按经济分类）",
    en: "general public basic expenditure by economic code",
    rowIdentities: [{ total: "total", parts: ["personnel", "public"], rows: CLASSIFIED_ROWS, zh: "人员经费 + 公用经费", en: "personnel + public" }],
  },
  "general-project-economic": { zh: "一般公共预算项目支出表（按经济分类）", en: "general public project expenditure by economic code", rowIdentities: [] },
  "allocation-function": {
    zh: "财政拨款支出表（按功能分类）",
    en: "government allocation by function",
    rowIdentities: [
      ...basicSplit,
      { total: "total", parts: ["general-public", "gov-fund", "state-capital"], rows: CLASSIFIED_ROWS, when: ["general-public"], zh: "一般公共预算 + 政府性基金预算 + 国有资本经营预算", en: "general public + fund + state capital" },
    ],
  },
  "allocation-basic-economic": {
    zh: "财政拨款基本支出表（按经济分类）",
    en: "government allocation's basic expenditure by economic code",
    rowIdentities: [{ total: "total", parts: ["personnel", "public"], rows: CLASSIFIED_ROWS, zh: "人员经费 + 公用经费", en: "personnel + public" }],
  },
  // One column (机关运行经费支出): its 合计 and codes summed by hierarchy-sum, the text's 机关运行经费 against its 合计.
  "running-cost-economic": { zh: "机关运行经费支出表（按经济分类）", en: "running costs by economic code", rowIdentities: [] },
  // 合计 = Σ the classes, only where every column is understood (none unread) and the header is seen to its end (其他支出, the
  // classification's last class): a class clipped off the page's edge would leave a 合计 greater than its printed parts.
  "function-economic": {
    zh: "支出表（功能分类 × 经济分类）",
    en: "expenditure by function × economic class",
    rowIdentities: [
      { total: "total", parts: [...ECONOMIC_CLASS_KEYS], rows: CLASSIFIED_ROWS, when: [economicClassKey("399")], unless: [...UNREAD_CLASS_KEYS], labelParts: true, zh: "各经济分类之和", en: "sum of the economic classes" },
    ],
  },
  sanggong: { zh: "“三公”经费表", en: "three public expenses", rowIdentities: SANGGONG_IDENTITIES },
  // A fund's own 三公 table: the same items and identities, never the table the text's 三公 figures are compared with.
  "gov-fund-sanggong": { zh: "政府性基金预算“三公”经费表", en: "government fund's three public expenses", rowIdentities: SANGGONG_IDENTITIES },
  "state-capital-sanggong": { zh: "国有资本经营预算“三公”经费表", en: "state capital budget's three public expenses", rowIdentities: SANGGONG_IDENTITIES },
  "gov-fund": { zh: "政府性基金预算支出表", en: "government fund budget", rowIdentities: [...basicSplit, fundBalance] },
  "state-capital": { zh: "国有资本经营预算支出表", en: "state capital budget", rowIdentities: [...basicSplit, fundBalance] },
  // The procurement budget (政府采购预算表), by unit or by project: each row's 合计 its kinds (货物 | 工程 | 服务, where the
  // three are printed: a table printing two of them says nothing of the third) and its sources where printed (福建's
  // 资金来源: 一般公共预算 | 政府性基金预算 | 其他资金). The 合计 row = Σ units, or Σ projects (hierarchy-sum); in an outline
  // (江苏's 政府采购支出预算表: 一、货物 A over projects over items bought, `Table.outline`) each row with a figure = Σ the rows
  // under it by their levels, 合计 = Σ the categories (hierarchy-sum, model/queries.ts levelTrees).
  procurement: {
    zh: "政府采购预算表",
    en: "government procurement budget",
    rowIdentities: [
      { total: "total", parts: ["goods", "works", "services"], rows: CLASSIFIED_ROWS, when: ["goods", "works", "services"], zh: "货物 + 工程 + 服务", en: "goods + works + services" },
      ...bySource,
    ],
  },
  // A list of projects with their amounts and targets, each project's 金额 against the project list (performance-vs-projects);
  // where it prints the amount's sources (江西's 预算金额 over 合计 | 财政拨款 | 其他资金), 合计 = Σ the sources.
  "project-performance": { zh: "项目支出绩效表", en: "project performance targets", rowIdentities: bySource },
  performance: {
    zh: "部门整体支出绩效目标表",
    en: "performance targets",
    rowIdentities: [{ total: "total", parts: ["fiscal", "other"], rows: ["item", "total"], zh: "财政拨款 + 其他资金", en: "fiscal + other funds" }],
  },
};

/** Whether an identity applies to a table printing these columns (its `when` and `unless`). */
export function identityApplies(id: RowIdentity, printed: Set<string>): boolean {
  return (id.when ?? []).every((k) => printed.has(k)) && !(id.unless ?? []).some((k) => printed.has(k));
}
