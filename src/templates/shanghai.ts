import type { ColumnSpec, DocumentTemplate, RoleSpec, TableTemplate } from "./types.js";

/*
 * Shanghai's templates (上海市区级部门预算 / 单位预算, and 部门决算). Everything the layout loader needs to
 * recognise a table is data here: its title, the columns in the order they are printed (a layout text
 * loses the header's geometry, so the printed order is part of the template), the row roles and the
 * money unit. Rules never see any of it: they ask for kinds (src/templates/kinds.ts).
 */

const code: ColumnSpec[] = [
  { key: "code", kind: "text", label: "科目编码", leaf: /编码|^类$/, required: true },
  { key: "name", kind: "text", label: "科目名称", leaf: /科目名称|^项目$/ },
];

const amount = (key: string, label: string, leaf: RegExp, required = true): ColumnSpec => ({ key, kind: "amount", label, leaf, required });

const basicProject = (total = /^(合计|本年支出合计|小计)$/): ColumnSpec[] => [
  ...code,
  amount("total", "合计", total),
  amount("basic", "基本支出", /^基本支出$/),
  amount("project", "项目支出", /^项目支出$/),
];

/** Income items of a two-sided summary (financial, 财政拨款 and 决算 forms). */
const summaryRoles: RoleSpec[] = [
  { pattern: /^(财政拨款收入|财政拨款)$/, role: "gov-allocation", kind: "item", side: "income" },
  { pattern: /^一般公共预算(资金|拨款|财政拨款|财政拨款收入|拨款收入)?$/, role: "general-public", kind: "item", side: "income", parent: "gov-allocation" },
  { pattern: /^政府性基金(预算)?(资金|拨款|财政拨款|财政拨款收入|拨款收入)?$/, role: "gov-fund", kind: "item", side: "income", parent: "gov-allocation" },
  { pattern: /^国有资本经营(预算)?(资金|拨款|财政拨款|财政拨款收入|拨款收入)?$/, role: "state-capital", kind: "item", side: "income", parent: "gov-allocation" },
  { pattern: /^事业收入$/, role: "business-income", kind: "item", side: "income" },
  { pattern: /^(事业单位)?经营收入$/, role: "operating-income", kind: "item", side: "income" },
  { pattern: /^上级补助收入$/, role: "superior-subsidy", kind: "item", side: "income" },
  { pattern: /^附属单位上缴收入$/, role: "subsidiary-remittance", kind: "item", side: "income" },
  { pattern: /^其他收入$/, role: "other-income", kind: "item", side: "income" },
  { pattern: /^本年收入合计$/, role: "income-subtotal", kind: "total", side: "income" },
  // (A 事业单位's 决算 may print 用事业基金弥补收支差额 there, its own balance spent: a line of 总计 as 使用非财政拨款结余 is.)
  { pattern: /^(上年结转|年初结转和结余|年初财政拨款结转和结余|上年结余|使用非财政拨款结余|用事业基金弥补(收支)?差额)/, role: "income-carryover", kind: "item", side: "income" },
  { pattern: /^(收入总计|总计)$/, role: "income-total", kind: "total", side: "income" },
  { pattern: /^本年支出合计$/, role: "expenditure-subtotal", kind: "total", side: "expenditure" },
  { pattern: /^(结转下年|年末结转和结余|年末财政拨款结转和结余|结余分配)/, role: "expenditure-carryforward", kind: "item", side: "expenditure" },
  { pattern: /^(支出总计|总计)$/, role: "expenditure-total", kind: "total", side: "expenditure" },
];

const twoSided = (amountLeaf: RegExp): ColumnSpec[] => [
  { key: "income-label", kind: "text", label: "收入项目", leaf: /^项目$/ },
  amount("income-amount", "收入预算数", amountLeaf, false),
  { key: "expenditure-label", kind: "text", label: "支出项目", leaf: /^项目$/ },
  amount("expenditure-amount", "支出预算数", amountLeaf, false),
];

/**
 * A 财务收支预算总表 whose expenditure side splits its 合计 by use (the 单位预算's: 合计 | 基本支出 (人员经费 |
 * 公用经费) | 项目支出). Optional: a 部门预算's prints 预算数 alone.
 */
const summaryColumns = (amountLeaf: RegExp): ColumnSpec[] => [
  ...twoSided(amountLeaf),
  amount("basic", "基本支出", /^基本支出$/, false),
  amount("personnel", "人员经费", /^人员经费$/, false),
  amount("public", "公用经费", /^公用经费$/, false),
  amount("project", "项目支出", /^项目支出$/, false),
];

/** 财政拨款收支总表: the expenditure side splits its 合计 by fund (一般公共预算 / 政府性基金 / 国有资本经营). */
const allocationColumns = (amountLeaf: RegExp): ColumnSpec[] => [
  ...twoSided(amountLeaf),
  amount("general-public", "一般公共预算", /一般公共预算/, false),
  amount("gov-fund", "政府性基金预算", /政府性基金/, false),
  amount("state-capital", "国有资本经营预算", /国有资本经营/, false),
];

/** A 决算's fund tables: 年初结转和结余, 本年收入, 本年支出 (小计 / 基本 / 项目), 年末结转和结余 by function code. */
const fundFinalColumns: ColumnSpec[] = [
  ...code,
  amount("opening", "年初结转和结余", /年初结转和结余/),
  amount("income", "本年收入", /^本年收入$/),
  amount("total", "本年支出小计", /^小计$/),
  amount("basic", "基本支出", /^基本支出$/),
  amount("project", "项目支出", /^项目支出$/),
  amount("closing", "年末结转和结余", /年末结转和结余/),
];

const t = (number: number, rest: Omit<TableTemplate, "id" | "number">): TableTemplate => ({ id: `T${number}`, number, ...rest });

export const shanghai: DocumentTemplate = {
  name: "shanghai",
  description: "上海市区级部门预算 / 单位预算: 1 财务收支预算总表 … 9 “三公”经费和机关运行经费预算表 (元; 三公 万元)",
  stage: "budget",
  moneyUnit: "元",
  // 部门预算编制说明 and 其他相关情况说明, each read by what its title says.
  titledNotes: true,
  tables: [
    t(1, { kind: "summary", title: "财务收支预算总表", titlePatterns: [/^(部门|单位|预算单位)?财务收支预算总表$/], layout: "two-sided", columns: summaryColumns(/预算数/), roles: summaryRoles }),
    t(2, {
      kind: "income", title: "收入预算总表", titlePatterns: [/^(部门|单位|预算单位)?收入预算总表$/], layout: "classified", codeKind: "function",
      columns: [
        ...code,
        amount("total", "合计", /^合计$/),
        amount("allocation", "财政拨款收入", /^财政拨款收入$/),
        amount("business-income", "事业收入", /^事业收入$/),
        amount("operating-income", "事业单位经营收入", /经营收入$/),
        amount("other-income", "其他收入", /^其他收入$/),
      ],
    }),
    t(3, { kind: "expenditure", title: "支出预算总表", titlePatterns: [/^(部门|单位|预算单位)?支出预算总表$/], layout: "classified", codeKind: "function", columns: basicProject() }),
    t(4, { kind: "allocation-summary", title: "财政拨款收支预算总表", titlePatterns: [/^(部门|单位|预算单位)?财政拨款收支预算总表$/], layout: "two-sided", columns: allocationColumns(/预算数|^合计$/), roles: summaryRoles }),
    t(5, { kind: "general-function", title: "一般公共预算支出功能分类预算表", titlePatterns: [/^(部门|单位|预算单位)?一般公共预算支出功能分类预算表$/], layout: "classified", codeKind: "function", columns: basicProject() }),
    t(6, { kind: "gov-fund", title: "政府性基金预算支出功能分类预算表", titlePatterns: [/^(部门|单位|预算单位)?政府性基金预算支出功能分类预算表$/], layout: "classified", codeKind: "function", columns: basicProject() }),
    t(7, { kind: "state-capital", title: "国有资本经营预算支出功能分类预算表", titlePatterns: [/^(部门|单位|预算单位)?国有资本经营预算支出功能分类预算表$/], layout: "classified", codeKind: "function", columns: basicProject() }),
    t(8, {
      kind: "general-basic-economic", title: "一般公共预算基本支出部门预算经济分类预算表",
      titlePatterns: [/^(部门|单位|预算单位)?一般公共预算基本支出(部门预算)?经济分类预算表$/], layout: "classified", codeKind: "economic",
      columns: [...code, amount("total", "合计", /^合计$/), amount("personnel", "人员经费", /^人员经费$/), amount("public", "公用经费", /^公用经费$/)],
    }),
    t(9, {
      kind: "sanggong", title: "“三公”经费和机关运行经费预算表", titlePatterns: [/^(部门|单位|预算单位)?三公经费和机关运行经费预算表$/], layout: "single-row", moneyUnit: "万元",
      columns: [
        amount("total", "“三公”经费合计", /^合计$/),
        amount("abroad", "因公出国(境)费", /因公出国/),
        amount("reception", "公务接待费", /公务接待费/),
        amount("vehicle", "公务用车购置及运行费小计", /^小计$/),
        amount("vehicle-purchase", "公务用车购置费", /^购置费$/),
        amount("vehicle-operation", "公务用车运行费", /^运行费$/),
        amount("running-cost", "机关运行经费", /机关运行经/),
      ],
    }),
  ],
};

/**
 * The 部门决算's nine tables are the national ones (the same tables and columns in every province); their
 * titles are matched in the wordings provinces print them in (部门收支决算总表, 财政拨款收支决算总表, the national
 * template's own 收入支出决算表 and 财政拨款收入支出决算表 without 总,
 * 一般公共预算支出决算表, “三公”经费支出决算表, 政府性基金决算表, 国有资本经营支出决算表 …).
 */
export const shanghaiFinal: DocumentTemplate = {
  name: "shanghai-final",
  description: "上海市部门决算: 收入支出决算总表 … 国有资本经营预算财政拨款收入支出决算表 (万元)",
  stage: "final",
  moneyUnit: "万元",
  // The central departments' 公开07表 (一般公共预算财政拨款项目支出决算表, by economic code), printed by some provinces too.
  alsoByKind: ["general-project-economic"],
  tables: [
    t(1, { kind: "summary", title: "收入支出决算总表", titlePatterns: [/^(部门|单位)?(收入支出|收支)决算总?表$/], layout: "two-sided", columns: twoSided(/决算数/), roles: summaryRoles }),
    t(2, {
      kind: "income", title: "收入决算表", titlePatterns: [/^(部门|单位)?收入决算表$/], layout: "classified", codeKind: "function",
      columns: [
        ...code,
        amount("total", "本年收入合计", /^本年收入合计$/),
        amount("allocation", "财政拨款收入", /^财政拨款收入$/),
        amount("superior-subsidy", "上级补助收入", /^上级补助收入$/),
        amount("business-income", "事业收入", /^事业收入$/),
        amount("operating-income", "经营收入", /^经营收入$/),
        amount("subsidiary-remittance", "附属单位上缴收入", /附属单位上缴收入/),
        amount("other-income", "其他收入", /^其他收入$/),
      ],
    }),
    t(3, {
      kind: "expenditure", title: "支出决算表", titlePatterns: [/^(部门|单位)?支出决算表$/], layout: "classified", codeKind: "function",
      columns: [
        ...code,
        amount("total", "本年支出合计", /^本年支出合计$/),
        amount("basic", "基本支出", /^基本支出$/),
        amount("project", "项目支出", /^项目支出$/),
        amount("remit-superior", "上缴上级支出", /^上缴上级支出$/),
        amount("operating-expenditure", "经营支出", /^经营支出$/),
        amount("subsidiary-subsidy", "对附属单位补助支出", /对附属单位补助支出/),
      ],
    }),
    t(4, {
      kind: "allocation-summary", title: "财政拨款收入支出决算总表", titlePatterns: [/^(部门|单位)?财政拨款(收入支出|收支)决算总?表$/], layout: "two-sided",
      columns: allocationColumns(/决算数|^合计$/), roles: summaryRoles,
    }),
    t(5, { kind: "general-function", title: "一般公共预算财政拨款支出决算表", titlePatterns: [/^(部门|单位)?一般公共预算(财政拨款)?支出决算表$/], layout: "classified", codeKind: "function", columns: basicProject() }),
    t(6, {
      kind: "general-basic-economic", title: "一般公共预算财政拨款基本支出决算表", titlePatterns: [/^(部门|单位)?一般公共预算(财政拨款)?基本支出决算表$/],
      layout: "two-lane", codeKind: "economic",
      // Printed as two lanes (人员经费 | 公用经费), each with its own 决算数 column and 合计 line; no row prints both.
      columns: [...code, amount("personnel", "人员经费", /^人员经费(合计)?$/), amount("public", "公用经费", /^公用经费(合计)?$/)],
    }),
    t(7, {
      kind: "sanggong", title: "财政拨款“三公”经费支出决算表", titlePatterns: [/^(部门|单位)?(一般公共预算)?(财政拨款)?三公经费(财政拨款)?支出决算表$/], layout: "single-row",
      columns: [
        // Printed in pairs: each item's 预算数, then its 决算数 (合计 预算数 决算数 · 因公出国(境)费 预算数 决算数 …).
        amount("budget-total", "预算数合计", /^合计$/),
        amount("total", "决算数合计", /^合计$/),
        amount("budget-abroad", "预算数 因公出国(境)费", /因公出国/),
        amount("abroad", "决算数 因公出国(境)费", /因公出国/),
        amount("budget-vehicle", "预算数 公务用车购置及运行费小计", /^小计$/),
        amount("vehicle", "决算数 公务用车购置及运行费小计", /^小计$/),
        amount("budget-vehicle-purchase", "预算数 公务用车购置费", /购置费$/),
        amount("vehicle-purchase", "决算数 公务用车购置费", /购置费$/),
        amount("budget-vehicle-operation", "预算数 公务用车运行费", /运行费$/),
        amount("vehicle-operation", "决算数 公务用车运行费", /运行费$/),
        amount("budget-reception", "预算数 公务接待费", /公务接待费/),
        amount("reception", "决算数 公务接待费", /公务接待费/),
      ],
    }),
    t(8, {
      kind: "gov-fund", title: "政府性基金预算财政拨款收入支出决算表", titlePatterns: [/^(部门|单位)?政府性基金(预算)?(财政拨款)?(收入)?(支出)?决算表$/], layout: "classified", codeKind: "function",
      columns: fundFinalColumns,
    }),
    t(9, {
      kind: "state-capital", title: "国有资本经营预算财政拨款收入支出决算表", titlePatterns: [/^(部门|单位)?国有资本经营(预算)?(财政拨款)?(收入)?(支出)?决算表$/], layout: "classified", codeKind: "function",
      columns: fundFinalColumns,
    }),
  ],
};
