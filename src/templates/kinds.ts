import type { RowKind, TableKind } from "../model/document.js";

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
  zh: string;
  en: string;
}

export interface KindSpec {
  zh: string;
  en: string;
  rowIdentities: RowIdentity[];
}

const CLASSIFIED_ROWS: RowKind[] = ["department", "unit", "code"];

/** 基本支出 + 项目支出 (+ the 决算's 上缴上级支出, 经营支出, 对附属单位补助支出 where printed). */
const basicPlusProject: RowIdentity = {
  total: "total",
  parts: ["basic", "project", "remit-superior", "operating-expenditure", "subsidiary-subsidy"],
  rows: CLASSIFIED_ROWS,
  zh: "基本支出 + 项目支出",
  en: "basic + project",
};

export const KINDS: Record<TableKind, KindSpec> = {
  summary: { zh: "收支总表", en: "income and expenditure summary", rowIdentities: [] },
  income: {
    zh: "收入总表",
    en: "income by function",
    rowIdentities: [
      {
        total: "total",
        parts: ["carryover", "allocation", "special-account", "business-income", "operating-income", "superior-subsidy", "subsidiary-remittance", "other-income"],
        rows: CLASSIFIED_ROWS,
        zh: "各项收入之和",
        en: "sum of the income sources",
      },
      { total: "allocation", parts: ["general-public", "gov-fund", "state-capital"], rows: CLASSIFIED_ROWS, zh: "一般公共预算 + 政府性基金 + 国有资本经营预算", en: "general public + fund + state capital" },
    ],
  },
  expenditure: { zh: "支出总表", en: "expenditure by function", rowIdentities: [basicPlusProject] },
  "basic-summary": { zh: "基本支出总表", en: "basic expenditure summary", rowIdentities: [] },
  "project-summary": { zh: "项目支出总表", en: "project expenditure summary", rowIdentities: [] },
  "allocation-summary": {
    zh: "财政拨款收支总表",
    en: "government allocation summary",
    // Where the expenditure side splits its 合计 by fund (Shanghai's 表4, the 决算's 财政拨款收入支出决算总表).
    rowIdentities: [{ total: "amount", parts: ["general-public", "gov-fund", "state-capital"], rows: ["item", "total"], zh: "一般公共预算 + 政府性基金预算 + 国有资本经营预算", en: "general public + fund + state capital" }],
  },
  "general-function": { zh: "一般公共预算支出表（按功能分类）", en: "general public budget by function", rowIdentities: [basicPlusProject] },
  "general-economic": { zh: "一般公共预算支出表（按经济分类）", en: "general public budget by economic code", rowIdentities: [basicPlusProject] },
  "general-basic-economic": {
    zh: "一般公共预算基本支出表（按经济分类）",
    en: "general public basic expenditure by economic code",
    rowIdentities: [{ total: "total", parts: ["personnel", "public"], rows: CLASSIFIED_ROWS, zh: "人员经费 + 公用经费", en: "personnel + public" }],
  },
  sanggong: {
    zh: "“三公”经费表",
    en: "three public expenses",
    rowIdentities: [
      { total: "total", parts: ["abroad", "reception", "vehicle"], rows: ["year", "other"], orRole: "change", zh: "因公出国(境)费 + 公务接待费 + 公务用车购置及运行维护费", en: "abroad + reception + vehicles" },
      { total: "vehicle", parts: ["vehicle-purchase", "vehicle-operation"], rows: ["year", "other"], orRole: "change", zh: "公务用车购置费 + 公务用车运行维护费", en: "vehicle purchase + vehicle operation" },
      // A 决算's 三公 table prints the 预算数 beside each 决算数.
      { total: "budget-total", parts: ["budget-abroad", "budget-reception", "budget-vehicle"], rows: ["year", "other"], zh: "预算数：因公出国(境)费 + 公务接待费 + 公务用车购置及运行费", en: "budget: abroad + reception + vehicles" },
      { total: "budget-vehicle", parts: ["budget-vehicle-purchase", "budget-vehicle-operation"], rows: ["year", "other"], zh: "预算数：公务用车购置费 + 公务用车运行费", en: "budget: vehicle purchase + vehicle operation" },
    ],
  },
  "gov-fund": { zh: "政府性基金预算支出表", en: "government fund budget", rowIdentities: [basicPlusProject] },
  "state-capital": { zh: "国有资本经营预算支出表", en: "state capital budget", rowIdentities: [basicPlusProject] },
  performance: {
    zh: "部门整体支出绩效目标表",
    en: "performance targets",
    rowIdentities: [{ total: "total", parts: ["fiscal", "other"], rows: ["item", "total"], zh: "财政拨款 + 其他资金", en: "fiscal + other funds" }],
  },
};
