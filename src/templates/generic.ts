import type { ColumnSpec, DocumentTemplate, RoleSpec, TableTemplate } from "./types.js";
import { mapArray } from "../util/arrays.js";
import { basicClassKey, ECONOMIC_CLASSES, economicClassKey, UNREAD_CLASS_KEYS } from "../model/economic-classes.js";
import { normaliseName } from "../model/names.js";

/*
 * Tables known by kind alone: what a document of a template no one has written yet is read with. Titles
 * are matched loosely (any prefix such as 市级部门 / 区级, 预算 or 决算, 总表 or 总体情况表), the first
 * pattern that matches wins (so the narrower kinds come first), and the amount columns are taken from the
 * header: those of the list below that the header names, in the order it prints them.
 */

const amount = (key: string, label: string, leaf: RegExp, group?: RegExp): ColumnSpec => ({ key, kind: "amount", label, leaf, ...(group ? { group } : {}) });

const code: ColumnSpec[] = [
  { key: "code", kind: "text", label: "科目编码", leaf: /编码|^类$/ },
  { key: "name", kind: "text", label: "科目名称", leaf: /名称|^项目$/ },
];

const TOTAL = amount("total", "合计", /^(合计|总计|小计|本年支出合计|本年收入合计|支出合计|收入合计|支出总计|收入总计|金额|预算数?|(\d{4}年)?(预算数|年初预算数)|(\d{4}年度?)?决算数?)$/);

/** Where a province prints a fund's or a source's label, with or without 预算 / 拨款 / 收入 / 资金. */
const FUND = {
  general: /^一般公共预算(拨款|财政拨款)?(收入|资金|支出)?$/,
  fund: /^政府性基金(预算)?(拨款|财政拨款)?(收入|资金|支出)?$/,
  capital: /^国有资本经营(预算)?(拨款|财政拨款)?(收入|资金|支出)?$/,
  special: /^财政专户(管理资金|拨款)?(收入)?$/,
};
const CARRYOVER = /^上年结转(结余|和结余)?(资金)?$/;

/**
 * The amount columns a table read by kind alone may print. A spec with a `group` names a leaf under that
 * spanning label (小计 under 基本支出 is 基本支出); those are tried first.
 */
/** A budget stage's columns under its label: its 小计 (the stage's own key), its 基本支出 and its 项目支出. */
const stageSplit = (key: string, label: string, group: RegExp): ColumnSpec[] => [
  { ...amount(key, label, /^(小计|合计)$/, group), budgetStage: true },
  { ...amount(`${key}-basic`, `${label} 基本支出`, /^基本支出$/, group), budgetStage: true },
  { ...amount(`${key}-project`, `${label} 项目支出`, /^项目支出$/, group), budgetStage: true },
];

const classifiedAmounts: ColumnSpec[] = [
  // Under a spanning label.
  amount("basic", "基本支出", /^小计$/, /^基本支出$/),
  // 基本支出 by economic class beside its 小计 (吉林's 部门支出总表: 小计 · 工资福利支出 · 商品和服务支出 · 对个人和家庭的补助 ·
  // 资本性支出), each class's basic spending; 小计 = their sum (kinds.ts).
  ...mapArray([...ECONOMIC_CLASSES], ([c, name]) => amount(basicClassKey(c), `基本支出 ${name}`, new RegExp(`^(${c})?${normaliseName(name).replace(/[()]/g, "\\$&")}$`), /^基本支出$/)),
  amount("current-income", "本年收入小计", /^(小计|合计)$/, /^本年收入$/),
  amount("allocation", "财政拨款小计", /^(小计|合计)$/, /^财政拨款(收入|资金)?$/),
  amount("carryover", "上年结转结余", /^(小计|合计)$/, CARRYOVER),
  amount("carryover-general-public", "上年结转 一般公共预算", FUND.general, CARRYOVER),
  amount("carryover-gov-fund", "上年结转 政府性基金预算", FUND.fund, CARRYOVER),
  amount("carryover-state-capital", "上年结转 国有资本经营预算", FUND.capital, CARRYOVER),
  amount("carryover-special-account", "上年结转 财政专户管理资金", FUND.special, CARRYOVER),
  amount("carryover-unit-funds", "上年结转 单位资金", /^单位资金$/, CARRYOVER),
  // 单位资金 over its 小计 and its sources (宁波's 收入预算总表: 小计 | 事业收入 | 事业单位经营收入 | 其他收入).
  amount("unit-funds", "单位资金小计", /^(小计|合计)$/, /^单位资金$/),
  // Its carry-over among its sources (北京's 收入总表: 单位资金 over 小计 | 上年结转结余 | 事业收入 | …): the unit's own.
  amount("unit-funds-carryover", "单位资金 上年结转结余", CARRYOVER, /^单位资金$/),
  amount("business-income", "事业收入", /^金额$/, /^事业收入$/),
  amount("education-fees", "其中：教育收费", /教育收费$/, /^事业收入$/),
  amount("special-education", "财政专户 教育收费", /教育收费$/, /^财政专户/),
  amount("special-other", "财政专户 其他专户收入拨款", /^其他(专户)?(收入)?(拨款)?$/, /^财政专户/),
  // The government procurement within the expenditure (深圳: 2023年政府采购项目 over 小计 and 其中 面向中小企业 /
  // 小型、微型企业): read, in no row identity of the kind.
  amount("proc-total", "政府采购小计", /^(小计|合计)$/, /政府采购/),
  amount("proc-sme", "其中：面向中小企业政府采购项目", /中小企业/, /政府采购/),
  amount("proc-micro", "其中：面向小型、微型企业政府采购项目", /小型.?微型|小微/, /政府采购/),
  // Alone.
  TOTAL,
  amount("carryover", "上年结转", CARRYOVER),
  amount("allocation", "财政拨款", /^财政拨款(收入|合计|小计)?$/),
  amount("general-public", "一般公共预算", FUND.general),
  amount("gov-fund", "政府性基金预算", FUND.fund),
  amount("state-capital", "国有资本经营预算", FUND.capital),
  amount("special-account", "财政专户管理资金", FUND.special),
  amount("business-income", "事业收入", /^事业收入$/),
  amount("operating-income", "事业单位经营收入", /^(事业单位)?经营收入$/),
  amount("superior-subsidy", "上级补助收入", /^上级补助收入$/),
  amount("subsidiary-remittance", "附属单位上缴收入", /附属单位上缴(收入)?$/),
  amount("other-income", "其他收入", /^其他收入$/),
  amount("unit-funds", "单位资金", /^单位资金$/),
  amount("other-funds", "其他资金", /^其他资金$/),
  // …or worded as a 事业单位's own balance spent (a 公立医院's or 高校's 收入总表: 用事业基金弥补收支差额, the line the central
  // form counts in 使用非财政拨款结余（含用事业基金弥补收支差额）).
  amount("unused-balance", "使用非财政拨款结余", /^使用非财政拨款结余(\(含用事业基金弥补收支差额\))?$|^用事业基金弥补(收支)?差额$/),
  amount("basic", "基本支出", /^基本支出(合计)?$/),
  amount("project", "项目支出", /^项目支出(合计)?$/),
  amount("personnel", "人员经费", /^人员(经费支出|经费|支出)$/),
  amount("public", "公用经费", /^(日常)?公用(经费支出|经费|支出)$/),
  amount("operating-expenditure", "事业单位经营支出", /^(事业单位)?经营支出$/),
  amount("remit-superior", "上缴上级支出", /^上缴上级支出$/),
  amount("subsidiary-subsidy", "对附属单位补助支出", /^对附属单位补助(支出)?$/),
  amount("reserve", "单位预留机动经费", /^单位预留机动经费$/),
  amount("carry-forward", "结转下年资金", /^结转下年(资金)?$/),
  // Last year's outturn beside this year's budget, and the change (中央部门's 一般公共预算支出表); an
  // adjusted pair (扣除中央基建投资后) beside the plain one.
  amount("prior", "上年执行数", /^执行数$/, /^\d{4}年(度)?执行数$/),
  // …or printed alone, merged down the header beside this year's (重庆's 2025年执行数 | 2026年预算数 over 小计 · 基本支出 ·
  // 项目支出 | 2026年预算数比2025年执行数增长%): an earlier year's outturn than the year the header prints its 预算数 of is
  // named 上年执行数 by the layout reader (header.ts).
  amount("prior", "上年执行数", /^上年(度)?执行数$/),
  amount("prior-adjusted", "扣除后上年执行数", /^扣除.*后执行数$/),
  amount("budget-adjusted", "扣除后预算数", /^扣除.*后预算数$/),
  { ...amount("change-adjusted", "扣除后增减额", /^增减额$/, /比\d{4}年(度)?执行数\(扣除/), nonNegative: false },
  { key: "change-pct-adjusted", kind: "text", label: "扣除后增减(%)", leaf: /^增减(\(%\)|%|率)$/, group: /比\d{4}年(度)?执行数\(扣除/ },
  { ...amount("change", "增减额", /^增减额$/, /比\d{4}年(度)?执行数$/), nonNegative: false },
  { key: "change-pct", kind: "text", label: "增减(%)", leaf: /^增减(\(%\)|%|率)$/, group: /比\d{4}年(度)?执行数$/ },
  // Last year's budget beside this year's, and the change, under no spanning label (2024年预算数 | 2025年预算数 |
  // 增减额 | 增减率（%）: the earlier year's is named 上年预算数 by the layout reader).
  amount("prior-budget", "上年预算数", /^上年(度)?预算数?$/),
  // A 决算's budget beside its outturn (一般公共预算财政拨款支出决算表: 年初预算数 | 调整预算数 | 决算数 over 合计 ·
  // 基本支出 · 项目支出): read only in a header that prints 决算数 (header.ts, nameColumns), in no row identity.
  { ...amount("budget-initial", "年初预算数", /^(年初)?预算数?$/), budgetStage: true },
  { ...amount("budget-revised", "调整预算数", /^(调整(后)?|全年)预算数?$/), budgetStage: true },
  // …or each stage over its own split (年初预算数 | 调整预算数 | 决算数, each over 小计 · 基本支出 · 项目支出: 浙江's, printed on a
  // landscape page): a budget's 小计 is that budget, its 基本支出 and 项目支出 columns of their own (summed by the kind).
  ...stageSplit("budget-initial", "年初预算数", /^(年初)?预算数?$/),
  ...stageSplit("budget-revised", "调整预算数", /^(调整(后)?|全年)预算数?$/),
  // …and the 决算数 as a percentage of it (决算数为全年预算数的%, 完成率): printed, in no identity.
  { key: "execution-pct", kind: "text", label: "决算数为预算数的%", leaf: /^决算数?为.{0,6}预算数?的?([(（]?%[)）]?)?$|^(预算)?完成率([(（]?%[)）]?)?$/ },
  { ...amount("change", "增减额", /^增减(额|金额)$/), nonNegative: false },
  // (Also worded as what it compares: 2026年预算数比2025年执行数增长%, 比上年增长(%).)
  {
    key: "change-pct",
    kind: "text",
    label: "增减(%)",
    leaf: /^(增减|增长)(率|幅度)?(\(%\)|%)$|^(增减|增长)率$|^((\d{4}年(度)?|本年)预算数?)?比(\d{4}年(度)?|上年(度)?)(执行数|预算数?)?(增减|增长)(率|幅度)?(\(%\)|%)?$/,
  },
];

const roles: RoleSpec[] = [
  { pattern: /^(财政拨款收入|财政拨款|政府预算拨款)$/, role: "gov-allocation", kind: "item", side: "income" },
  { pattern: /^一般公共预算(资金|拨款|财政拨款|财政拨款收入|拨款收入)?$/, role: "general-public", kind: "item", side: "income", parent: "gov-allocation" },
  { pattern: /^政府性基金(预算)?(资金|拨款|财政拨款|财政拨款收入|拨款收入)?$/, role: "gov-fund", kind: "item", side: "income", parent: "gov-allocation" },
  { pattern: /^国有资本经营(预算)?(资金|拨款|财政拨款|财政拨款收入|拨款收入)?$/, role: "state-capital", kind: "item", side: "income", parent: "gov-allocation" },
  { pattern: /^财政专户(管理资金|拨款)(收入)?$/, role: "special-account", kind: "item", side: "income" },
  // 单位资金 (江苏: 五、单位资金收入 over 1.事业收入 · 2.其他收入) is the sum of the unit's own income listed under it;
  // where no 单位资金 line is printed above them, those are top-level items (hierarchy-sum).
  { pattern: /^单位资金(收入)?$/, role: "unit-funds", kind: "item", side: "income" },
  { pattern: /^事业收入$/, role: "business-income", kind: "item", side: "income", parent: "unit-funds" },
  { pattern: /^(事业单位)?经营收入$/, role: "operating-income", kind: "item", side: "income", parent: "unit-funds" },
  { pattern: /^上级补助收入$/, role: "superior-subsidy", kind: "item", side: "income", parent: "unit-funds" },
  { pattern: /^附属单位上缴收入$/, role: "subsidiary-remittance", kind: "item", side: "income", parent: "unit-funds" },
  { pattern: /^其他(资金|收入)$/, role: "other-income", kind: "item", side: "income", parent: "unit-funds" },
  { pattern: /^(本年|当年)收入(合计|小计)?$/, role: "income-subtotal", kind: "total", side: "income" },
  // A 决算's wordings too (the national tables): 年初财政拨款结转和结余, 使用非财政拨款结余.
  // A 事业单位's 用事业基金弥补收支差额 (a 公立医院's, a 高校's) is such a line too: its own balance spent this year, after
  // 本年收入合计, counted into 收入总计 as the central form's 使用非财政拨款结余（含用事业基金弥补收支差额） is.
  { pattern: /^(上年结转|年初结转和结余|年初财政拨款结转和结余|上年结余|使用非财政拨款结余|用事业基金弥补(收支)?差额)/, role: "income-carryover", kind: "item", side: "income" },
  { pattern: /^(收入总计|收\s*入\s*总\s*计|收入合计|总计)$/, role: "income-total", kind: "total", side: "income" },
  { pattern: /^(本年|当年)支出(合计|小计)?$/, role: "expenditure-subtotal", kind: "total", side: "expenditure" },
  { pattern: /^(结转下年|结转结余下年|下年结转|年末结转和结余|年末财政拨款结转和结余|年终结转结余|结余分配)/, role: "expenditure-carryforward", kind: "item", side: "expenditure" },
  { pattern: /^(支出总计|支\s*出\s*总\s*计|支出合计|总计)$/, role: "expenditure-total", kind: "total", side: "expenditure" },
];

const twoSided: ColumnSpec[] = [
  { key: "income-label", kind: "text", label: "收入项目", leaf: /项目/ },
  amount("income-amount", "收入预算数", /预算数|决算数|金额|合计/),
  { key: "expenditure-label", kind: "text", label: "支出项目", leaf: /项目/ },
  amount("expenditure-amount", "支出预算数", /预算数|决算数|金额|合计/),
];

/**
 * 财政拨款收支总表's: the expenditure side may split its 合计 by fund (北京, 四川: 合计 | 一般公共预算 | 政府性基金预算 |
 * 国有资本经营预算), each row's 合计 their sum (the kind's identity).
 */
const allocationTwoSided: ColumnSpec[] = [
  ...twoSided,
  amount("general-public", "一般公共预算", FUND.general),
  amount("gov-fund", "政府性基金预算", FUND.fund),
  amount("state-capital", "国有资本经营预算", FUND.capital),
];

/**
 * A 政府采购预算表's: its 合计 (采购金额, 采购预算 …), by kind (货物 | 工程 | 服务, 采购品目 over them in 北京's) and by source
 * (资金来源 over 一般公共预算 | 政府性基金预算 | 其他资金 in 福建's; 财政拨款 | 其他资金 …), with the part reserved for small and
 * medium enterprises (其中：面向中小企业预留) and of it for small and micro ones. A column of words (采购品目, 采购类别,
 * 采购方式) is a label column (header.ts); a label none of these names leaves the table listed as not read.
 */
const PROCUREMENT_SOURCES = ["allocation", "carryover", "general-public", "gov-fund", "state-capital", "special-account", "business-income", "operating-income", "superior-subsidy", "subsidiary-remittance", "other-income", "unit-funds", "other-funds"];
const procurementColumns: ColumnSpec[] = [
  ...code,
  amount("total", "合计", /^(合计|总计|小计|金额|预算数?|(政府)?采购(预算)?(金额|总额|预算数?)?|预算金额)$/),
  amount("goods", "货物", /^(政府采购)?货物(类|采购)?(预算)?$/),
  amount("works", "工程", /^(政府采购)?工程(类|采购)?(预算)?$/),
  amount("services", "服务", /^(政府采购)?服务(类|采购)?(预算)?$/),
  ...classifiedAmounts.filter((c) => PROCUREMENT_SOURCES.includes(c.key)),
  amount("proc-sme", "其中：面向中小企业预留", /中小企业/),
  amount("proc-micro", "其中：面向小型、微型企业预留", /小型.?微型|小微/),
];

/** 公务接待费's split under a 公务接待费 spanning it, as `prefix` (budget-: the 预算数's) names its columns. */
const receptionSplit = (prefix: "" | "budget-"): ColumnSpec[] => {
  const stage = prefix ? "预算数 " : "";
  const under = /^公务接待(费|支出)?$/;
  return [
    amount(`${prefix}reception-domestic`, `${stage}国内接待费`, /^国内(公务)?接待(费|支出)?$/, under),
    amount(`${prefix}reception-foreign-guests`, `${stage}其中：外事接待费`, /^外事接待(费|支出)?$/, under),
    amount(`${prefix}reception-foreign`, `${stage}国(境)外接待费`, /^国\(境\)外(公务)?接待(费|支出)?$/, under),
  ];
};

const g = (number: number, rest: Omit<TableTemplate, "id" | "number">): TableTemplate => ({ id: `T${number}`, number, ...rest });
const classified = (codeKind: "function" | "economic") => ({ layout: "classified" as const, codeKind, columns: [...code, ...classifiedAmounts] });
/**
 * A fund's table, also as a 决算 prints it (政府性基金预算财政拨款收入支出决算表: 年初结转和结余 | 本年收入 | 本年支出 over
 * 小计 · 基本支出 · 项目支出 | 年末结转和结余), its balance checked by the kind's identity.
 */
const fundColumns = {
  layout: "classified" as const,
  codeKind: "function" as const,
  columns: [
    ...code,
    ...classifiedAmounts,
    // After the others: a 合计 a tab-separated header prints under 本年支出 stays the kind's 合计.
    amount("total", "本年支出小计", /^(小计|合计)$/, /^本年支出$/),
    amount("opening", "年初结转和结余", /^年初(财政拨款)?结转和结余$/),
    amount("income", "本年收入", /^本年收入$/),
    amount("closing", "年末结转和结余", /^年末(财政拨款)?结转和结余$/),
  ],
};

/**
 * A table of function codes down the page and the economic classes across (四川's 财政拨款支出预算表（部门经济分类科目）:
 * 合计 | 工资福利支出 | 商品和服务支出 | …, the labels wrapped over two lines; elsewhere `301 工资福利支出`). Each class is a
 * column of its own; a label of a class's words but no class's name (clipped at the page's edge: 对企业, 对社会保障) is
 * a column not understood, read down the page but never in a row's 合计 (kinds.ts). No percentage or change is one.
 */
const classesAcross: ColumnSpec[] = [
  ...code,
  amount("total", "合计", /^(合计|总计|小计|支出合计|支出总计)$/),
  ...mapArray([...ECONOMIC_CLASSES], ([c, name]) => amount(economicClassKey(c), name, new RegExp(`^(${c})?${normaliseName(name).replace(/[()]/g, "\\$&")}$`))),
  ...mapArray([...UNREAD_CLASS_KEYS], (key) => amount(key, "未识别的经济分类", /^(?!.*(%|率|增减|上年|执行|预算数|决算数|合计|小计|总计))(对|资本|工资|商品|债务|其他).*$|\uFFFD/)),
];

/** The 三公 items as columns, in a table of them whatever its fund (the 一般公共预算's, or a fund's own). */
const sanggongColumns: ColumnSpec[] = [
  amount("total", "“三公”经费合计", /^(小计|合计)$/, /^三公经费$/),
  amount("vehicle", "公务用车购置及运行费", /^小计$/, /^公务用车购置及运行(维护)?费$/),
  amount("total", "“三公”经费合计", /^(三公经费)?(合计|总计)$/),
  amount("grand-total", "合计", /^(合计|总计)$/),
  amount("abroad", "因公出国(境)费", /因公出国/),
  amount("vehicle", "公务用车购置及运行费", /^(小计|公务用车购置及运行(维护)?费)$/),
  amount("vehicle-purchase", "公务用车购置费", /购置费?$/),
  amount("vehicle-operation", "公务用车运行费", /运行(维护)?费$/),
  amount("reception", "公务接待费", /公务接待(费|支出)?$/),
  // 公务接待费's split (a 决算's, the national form printing its items down the page: （1）国内接待费, 其中：外事接待费,
  // （2）国（境）外接待费): in a header, only under a 公务接待费 spanning them.
  ...receptionSplit(""),
  amount("meeting", "会议费", /^会议费$/),
  amount("training", "培训费", /^培训费$/),
  amount("running-cost", "机关运行经费", /机关运行经/),
  amount("admin-cost", "行政经费", /^行政经费$/),
  // The change on last year's 三公 printed beside this year's (比上年增减, 增减额): read as printed, in no row identity;
  // negative where the 三公 fell.
  { ...amount("change", "比上年增减", /^(比上年|较上年|与上年相比)?增减(额|金额|数)?$/), nonNegative: false },
  // A 决算's table prints its 预算数 beside its 决算数, each over the same items (预算数 | 决算数 spanning them):
  // the columns under 预算数 are these, the ones under 决算数 the table's others.
  ...mapArray(
    [
      amount("budget-total", "预算数 “三公”经费合计", /^(三公经费)?(合计|总计)$/),
      amount("budget-abroad", "预算数 因公出国(境)费", /因公出国/),
      amount("budget-vehicle", "预算数 公务用车购置及运行费", /^小计$/, /^公务用车购置及运行(维护)?费$/),
      amount("budget-vehicle", "预算数 公务用车购置及运行费", /^(小计|公务用车购置及运行(维护)?费)$/),
      amount("budget-vehicle-purchase", "预算数 公务用车购置费", /购置费?$/),
      amount("budget-vehicle-operation", "预算数 公务用车运行费", /运行(维护)?费$/),
      amount("budget-reception", "预算数 公务接待费", /公务接待(费|支出)?$/),
      ...receptionSplit("budget-"),
    ],
    (c): ColumnSpec => ({ ...c, budgetStage: true }),
  ),
];

export const generic: DocumentTemplate = {
  name: "generic",
  description: "any other template: tables recognised by what their titles and headers say they hold",
  stage: "budget",
  moneyUnit: "万元",
  columnsFromHeader: true,
  tables: [
    g(4, { kind: "allocation-summary", title: "财政拨款收支总表", titlePatterns: [/(财政拨款|政府预算拨款)收入?支出?(预算|决算)?总(体情况)?表$/, /^(部门|单位)?财政拨款(收入支出|收支)决算表$/], layout: "two-sided", columns: allocationTwoSided, roles }),
    // Before the others: 政府采购支出预算表 names no other kind.
    g(20, { kind: "procurement", title: "政府采购预算表", titlePatterns: [/^(部门|单位)?政府采购(支出)?(预算|决算)?(明细|情况)?表$/], layout: "classified", codeKind: "function", columns: procurementColumns }),
    g(1, { kind: "summary", title: "收支总表", titlePatterns: [/收入?支出?(预算|决算)?总(体情况)?表$/, /^(部门|单位)?(收入支出|收支)决算表$/], layout: "two-sided", columns: twoSided, roles }),
    g(2, { kind: "income", title: "收入总表", titlePatterns: [/收入(预算|决算)?总(体情况)?表$|^(部门|单位)?收入(预算|决算)表$/], ...classified("function") }),
    g(6, { kind: "general-basic-economic", title: "一般公共预算基本支出表", titlePatterns: [/一般公共预算(财政拨款)?基本支出/], ...classified("economic") }),
    g(17, { kind: "general-project-economic", title: "一般公共预算项目支出表（按经济分类）", titlePatterns: [/一般公共预算(财政拨款)?项目支出(预算|决算)?(情况)?表(\((按)?经济(分类)?(科目)?\))?$/], ...classified("economic") }),
    g(8, { kind: "general-economic", title: "一般公共预算支出表（按经济分类）", titlePatterns: [/一般公共预算(支出|财政拨款支出)(预算|决算)?(情况)?表?.*经济分类/], ...classified("economic") }),
    // 机关运行经费 by economic code (江苏's 公开11表), one column; a title naming 三公 too is the 三公 table's (上海).
    g(11, {
      kind: "running-cost-economic", title: "机关运行经费支出表", titlePatterns: [/^(部门|单位)?(一般公共预算)?(财政拨款)?机关运行经费(支出)?(预算|决算)?(情况|明细)?表(\((按)?经济(分类)?(科目)?\))?$/],
      layout: "classified", codeKind: "economic", columns: [...code, amount("total", "机关运行经费", /^机关运行经费(支出)?(预算数?|决算数?)?$/), ...classifiedAmounts],
    }),
    g(7, {
      // (Not a fund's own 三公: 四川's 表4-1 政府性基金预算“三公”经费支出预算表 is another table than the 一般公共预算's, below.)
      kind: "sanggong", title: "“三公”经费表", titlePatterns: [/^(?!.*(政府性基金|国有资本经营)).*三公/], layout: "single-row", columns: sanggongColumns,
    }),
    // A fund's own 三公 table (四川's 表4-1 政府性基金预算“三公”经费支出预算表): read as a 三公 table of that fund, its identities
    // checked, never compared with the text's 三公 figures (the 一般公共预算's). A title naming the 一般公共预算 too, or both
    // funds, is a table of more than one fund: neither.
    g(21, { kind: "gov-fund-sanggong", title: "政府性基金预算“三公”经费表", titlePatterns: [/^(?!.*(一般公共|国有资本经营)).*政府性基金.*三公/], layout: "single-row", columns: sanggongColumns }),
    g(22, { kind: "state-capital-sanggong", title: "国有资本经营预算“三公”经费表", titlePatterns: [/^(?!.*(一般公共|政府性基金)).*国有资本经营.*三公/], layout: "single-row", columns: sanggongColumns }),
    // (A fund's own 三公 table is neither the fund's table nor the 一般公共预算's 三公: its own kind, above.)
    g(9, { kind: "gov-fund", title: "政府性基金预算支出表", titlePatterns: [/^(?!.*三公).*政府性基金/], ...fundColumns }),
    g(10, { kind: "state-capital", title: "国有资本经营预算支出表", titlePatterns: [/^(?!.*三公).*国有资本经营/], ...fundColumns }),
    g(5, { kind: "general-function", title: "一般公共预算支出表", titlePatterns: [/一般公共预算(财政拨款)?支出(预算|决算)?(功能分类)?(预算|情况)?表(\((按)?功能(分类)?(科目)?\))?$/], ...classified("function") }),
    // 财政拨款 by fund together (江苏's 财政拨款支出预算表（功能科目） and 财政拨款基本支出预算表（经济科目）): after the
    // tables of one fund, whose titles also say 财政拨款 (一般公共预算财政拨款支出决算表 is general-function).
    g(13, { kind: "allocation-basic-economic", title: "财政拨款基本支出表", titlePatterns: [/^(部门|单位)?财政拨款基本支出(预算|决算)?(情况)?表(\((按)?经济(分类)?(科目)?\))?$/], ...classified("economic") }),
    g(14, { kind: "allocation-function", title: "财政拨款支出表", titlePatterns: [/^(部门|单位)?财政拨款支出(预算|决算)?(情况)?表(\((按)?功能(分类)?(科目)?\))?$/], ...classified("function") }),
    // A list of projects (单位名称 | 项目名称, 杭州) or 项目支出 by function code (深圳's 表5): the function codes'.
    g(16, { kind: "project-summary", title: "项目支出预算表", titlePatterns: [/^([省市区县]级)?(部门|单位)?(预算)?项目支出(及其他支出)?(预算|决算)?(总)?表(\((按)?功能(分类)?(科目)?\))?$/], ...classified("function") }),
    g(15, { kind: "basic-summary", title: "基本支出预算表", titlePatterns: [/^(部门|单位)?(预算)?基本支出(预算|决算)?(总)?表$/], ...classified("economic") }),
    g(3, { kind: "expenditure", title: "支出总表", titlePatterns: [/(本年)?支出(预算|决算)?总(体情况)?表(\((按)?功能(分类)?(科目)?\))?$|^(部门|单位)?支出(预算|决算)表(\((按)?功能(分类)?(科目)?\))?$/], ...classified("function") }),
    // The projects again with their 绩效目标 (杭州's 表11 项目支出绩效表: 单位名称 | 项目名称 | 金额 | 绩效目标), or with their
    // targets and indicators (北京's 项目支出绩效目标表: 单位名称 | 项目名称 | 预算金额 | 年度绩效目标 | 一级指标 | … | 指标值,
    // a project's cells merged down over its indicator rows). Its amount under any of the names forms give it (金额 and
    // 预算数 as every kind's 合计): the year's (a 中期资金总额 over the years, or a 项目总额, is no year's budget and not read).
    g(18, {
      kind: "project-performance",
      title: "项目支出绩效表",
      titlePatterns: [/^([省市区县]级)?(部门|单位)?(预算)?项目支出绩效(目标)?表$/],
      ...classified("function"),
      columns: [...code, ...classifiedAmounts, amount("total", "项目金额", /^(本年|年度|项目)?(预算|项目|资金|财政)?(金额|资金总额|预算数|预算)$|^(年度)?资金总额$/)],
    }),
    // Read by its header alone, never by its title (layout/index.ts, classesAcross): no title pattern.
    g(19, { kind: "function-economic", title: "支出表（功能分类 × 经济分类）", titlePatterns: [], layout: "classified", codeKind: "function", columns: classesAcross }),
    g(12, { kind: "performance", title: "部门整体支出绩效目标表", titlePatterns: [/整体支出绩效目标表$/], layout: "tasks", columns: [] }),
  ],
};
