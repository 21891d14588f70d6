import type { ColumnSpec, DocumentTemplate, RoleSpec, TableTemplate } from "./types.js";

/*
 * The Shenzhen 部门预算 template: 12 standard tables. Everything a loader needs to recognise a table
 * (title, header columns, row roles) is data here; rules refer to column keys and roles only.
 */

const classifiedColumns = (total: RegExp = /^(支出总计|合计|总计)$/): ColumnSpec[] => [
  { key: "unit", kind: "text", label: "预算单位", leaf: /^(预算单位|单位名称|部门\(单位\)名称|单位)$/ },
  { key: "code", kind: "text", label: "科目编码", leaf: /^(科目编码|功能分类科目编码|经济分类科目编码|编码)$/, required: true },
  { key: "name", kind: "text", label: "科目名称", leaf: /^(科目名称|功能分类科目名称|经济分类科目名称|名称)$/, required: true },
  { key: "total", kind: "amount", label: "支出总计", leaf: total, required: true },
  { key: "basic", kind: "amount", label: "基本支出", leaf: /^基本支出$/, required: true },
  { key: "project", kind: "amount", label: "项目支出", leaf: /^项目支出$/, required: true },
];

const incomeRoles: RoleSpec[] = [
  { pattern: /^(政府预算拨款|财政拨款|财政拨款收入)$/, role: "gov-allocation", kind: "item", side: "income" },
  { pattern: /^一般公共预算(拨款|资金|拨款收入)?$/, role: "general-public", kind: "item", side: "income", parent: "gov-allocation" },
  { pattern: /^政府性基金(预算)?(拨款|资金|拨款收入)?$/, role: "gov-fund", kind: "item", side: "income", parent: "gov-allocation" },
  { pattern: /^国有资本经营预算(拨款|资金|拨款收入)?$/, role: "state-capital", kind: "item", side: "income", parent: "gov-allocation" },
  { pattern: /^财政专户管理资金(收入)?$/, role: "special-account", kind: "item", side: "income" },
  { pattern: /^单位资金$/, role: "unit-funds", kind: "item", side: "income" },
  { pattern: /^事业收入$/, role: "business-income", kind: "item", side: "income", parent: "unit-funds" },
  { pattern: /^事业单位经营收入$/, role: "operating-income", kind: "item", side: "income", parent: "unit-funds" },
  { pattern: /^上级补助收入$/, role: "superior-subsidy", kind: "item", side: "income", parent: "unit-funds" },
  { pattern: /^附属单位上缴收入$/, role: "subsidiary-remittance", kind: "item", side: "income", parent: "unit-funds" },
  { pattern: /^其他收入$/, role: "other-income", kind: "item", side: "income", parent: "unit-funds" },
  { pattern: /^本年收入合计$/, role: "income-subtotal", kind: "total", side: "income" },
  { pattern: /^上年结[余转]/, role: "income-carryover", kind: "item", side: "income" },
  { pattern: /^收入总计$/, role: "income-total", kind: "total", side: "income" },
  { pattern: /^本年支出合计$/, role: "expenditure-subtotal", kind: "total", side: "expenditure" },
  { pattern: /^(结转下年|年末结转和结余)/, role: "expenditure-carryforward", kind: "item", side: "expenditure" },
  { pattern: /^支出总计$/, role: "expenditure-total", kind: "total", side: "expenditure" },
];

const twoSidedColumns: ColumnSpec[] = [
  { key: "income-label", kind: "text", label: "收入项目", leaf: /^项目$/, group: /^收入/, required: true },
  { key: "income-amount", kind: "amount", label: "收入预算数", leaf: /预算数|金额|合计/, group: /^收入/, required: true },
  { key: "expenditure-label", kind: "text", label: "支出项目", leaf: /^项目$/, group: /^支出/, required: true },
  { key: "expenditure-amount", kind: "amount", label: "支出预算数", leaf: /预算数|金额|合计/, group: /^支出/, required: true },
];

const T1: TableTemplate = {
  id: "T1", kind: "summary", number: 1, title: "收支总表", titlePatterns: [/^(部门)?收支(预算)?总表$/],
  layout: "two-sided", columns: twoSidedColumns, roles: incomeRoles,
};
const T2: TableTemplate = {
  id: "T2", kind: "income", number: 2, title: "收入总表", titlePatterns: [/^(部门)?收入(预算)?总表$/],
  layout: "classified", codeKind: "function",
  columns: [
    ...classifiedColumns().slice(0, 3),
    { key: "total", kind: "amount", label: "合计", leaf: /^(合计|收入总计|总计)$/, required: true },
    // The sources, where the header prints them (the 收支总表's income side, by code): each in the
    // income identities of src/templates/kinds.ts; a source the header does not print is not read.
    { key: "current-income", kind: "amount", label: "本年收入合计", leaf: /^(本年收入(合计)?|小计|合计)$/, group: /^本年收入/ },
    { key: "allocation", kind: "amount", label: "政府预算拨款", leaf: /^(小计|合计|政府预算拨款|财政拨款)$/, group: /^(政府预算拨款|财政拨款)/ },
    { key: "general-public", kind: "amount", label: "一般公共预算拨款", leaf: /^一般公共预算(拨款)?(收入)?$/ },
    { key: "gov-fund", kind: "amount", label: "政府性基金预算拨款", leaf: /^政府性基金(预算)?(拨款)?(收入)?$/ },
    { key: "state-capital", kind: "amount", label: "国有资本经营预算拨款", leaf: /^国有资本经营(预算)?(拨款)?(收入)?$/ },
    { key: "special-account", kind: "amount", label: "财政专户管理资金", leaf: /^财政专户管理资金(收入)?$/ },
    { key: "unit-funds", kind: "amount", label: "单位资金", leaf: /^(小计|合计|单位资金)$/, group: /^单位资金/ },
    { key: "business-income", kind: "amount", label: "事业收入", leaf: /^事业收入$/ },
    { key: "operating-income", kind: "amount", label: "事业单位经营收入", leaf: /^事业单位经营收入$/ },
    { key: "superior-subsidy", kind: "amount", label: "上级补助收入", leaf: /^上级补助收入$/ },
    { key: "subsidiary-remittance", kind: "amount", label: "附属单位上缴收入", leaf: /^附属单位上缴收入$/ },
    { key: "other-income", kind: "amount", label: "其他收入", leaf: /^其他收入$/ },
    { key: "carryover", kind: "amount", label: "上年结余、结转", leaf: /^上年结[余转]/ },
  ],
};
const T3: TableTemplate = {
  id: "T3", kind: "expenditure", number: 3, title: "支出总表", titlePatterns: [/^(部门)?支出(预算)?总表$/],
  layout: "classified", codeKind: "function",
  columns: [
    ...classifiedColumns(),
    { key: "proc-total", kind: "amount", label: "政府采购小计", leaf: /^(小计|合计)$/, group: /政府采购/ },
    { key: "proc-sme", kind: "amount", label: "其中：面向中小企业政府采购项目", leaf: /中小企业/, group: /政府采购/ },
    { key: "proc-micro", kind: "amount", label: "其中：面向小型、微型企业政府采购项目", leaf: /小型.?微型|小微/, group: /政府采购/ },
  ],
};
const T4: TableTemplate = {
  id: "T4", kind: "basic-summary", number: 4, title: "基本支出总表", titlePatterns: [/^(部门)?基本支出(预算)?总表$/],
  layout: "classified", codeKind: "economic",
  columns: [
    ...classifiedColumns().slice(0, 3),
    { key: "total", kind: "amount", label: "合计", leaf: /^(合计|支出总计|总计|基本支出)$/, required: true },
    { key: "personnel", kind: "amount", label: "人员经费", leaf: /^人员(经费|支出)$/ },
    { key: "public", kind: "amount", label: "公用经费", leaf: /^(日常)?公用(经费|支出)$/ },
  ],
};
const T5: TableTemplate = {
  id: "T5", kind: "project-summary", number: 5, title: "项目支出总表", titlePatterns: [/^(部门)?项目支出(预算)?总表$/],
  layout: "classified", codeKind: "function",
  columns: [
    ...classifiedColumns().slice(0, 3),
    { key: "total", kind: "amount", label: "合计", leaf: /^(合计|支出总计|总计|项目支出)$/, required: true },
  ],
};
const T6: TableTemplate = {
  id: "T6", kind: "allocation-summary", number: 6, title: "政府预算拨款收支总表", titlePatterns: [/^(政府预算拨款|财政拨款)收支(预算)?总表$/],
  layout: "two-sided", columns: twoSidedColumns, roles: incomeRoles,
};
const T7: TableTemplate = {
  id: "T7", kind: "general-function", number: 7, title: "一般公共预算支出表（按功能分类）", titlePatterns: [/^一般公共预算支出(预算)?表\(按功能分类\)$/],
  layout: "classified", codeKind: "function", columns: classifiedColumns(),
};
const T8: TableTemplate = {
  id: "T8", kind: "general-economic", number: 8, title: "一般公共预算支出表（按经济分类）", titlePatterns: [/^一般公共预算支出(预算)?表\(按经济分类\)$/],
  layout: "classified", codeKind: "economic", columns: classifiedColumns(),
};
const T9: TableTemplate = {
  id: "T9", kind: "sanggong", number: 9, title: "一般公共预算“三公”经费支出表", titlePatterns: [/^一般公共预算三公经费支出(预算)?表$/],
  layout: "unit-year",
  columns: [
    { key: "unit", kind: "text", label: "预算单位", leaf: /^(预算单位|单位名称)$/, required: true },
    { key: "year", kind: "text", label: "年度", leaf: /^年度$/, required: true },
    { key: "total", kind: "amount", label: "总计", leaf: /^(总计|合计)$/, required: true },
    { key: "abroad", kind: "amount", label: "因公出国(境)费", leaf: /^因公出国\(境\)费(用)?$/, required: true },
    { key: "reception", kind: "amount", label: "公务接待费", leaf: /^公务接待费$/, required: true },
    { key: "vehicle", kind: "amount", label: "公务用车购置及运行维护费小计", leaf: /^小计$/, group: /公务用车/, required: true },
    { key: "vehicle-purchase", kind: "amount", label: "公务用车购置费", leaf: /^公务用车购置费$/, required: true },
    { key: "vehicle-operation", kind: "amount", label: "公务用车运行维护费", leaf: /^公务用车运行(维护)?费$/, required: true },
  ],
  roles: [
    { pattern: /^增减变化(金额)?$|^增减$/, role: "change", kind: "year" },
  ],
};
const T10: TableTemplate = {
  id: "T10", kind: "gov-fund", number: 10, title: "政府性基金预算支出表", titlePatterns: [/^政府性基金预算支出(预算)?表$/],
  layout: "classified", codeKind: "function", columns: classifiedColumns(),
};
const T11: TableTemplate = {
  id: "T11", kind: "state-capital", number: 11, title: "国有资本经营预算支出表", titlePatterns: [/^国有资本经营预算支出(预算)?表$/],
  layout: "classified", codeKind: "function", columns: classifiedColumns(),
};
const T12: TableTemplate = {
  id: "T12", kind: "performance", number: 12, title: "部门整体支出绩效目标表", titlePatterns: [/^部门整体支出绩效目标表$/],
  layout: "tasks",
  columns: [
    { key: "group", kind: "text", label: "年度主要任务", leaf: /^年度主要任务$/ },
    { key: "name", kind: "text", label: "任务名称", leaf: /^任务名称$/, required: true },
    { key: "content", kind: "text", label: "主要内容", leaf: /^主要内容$/ },
    { key: "total", kind: "amount", label: "总额", leaf: /^(总额|合计)$/, required: true },
    { key: "fiscal", kind: "amount", label: "财政拨款", leaf: /财政拨款/, required: true },
    { key: "other", kind: "amount", label: "其他资金", leaf: /其他资金/ },
  ],
  roles: [
    { pattern: /^基本支出$/, role: "basic", kind: "item" },
    { pattern: /^(金额合计|合计|总计)$/, role: "tasks-total", kind: "total" },
  ],
};

export const shenzhen: DocumentTemplate = {
  name: "shenzhen",
  description: "深圳市部门预算: 表1 收支总表 … 表12 部门整体支出绩效目标表 (万元)",
  stage: "budget",
  moneyUnit: "万元",
  tables: [T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12],
};
