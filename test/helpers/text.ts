import type { Finding, Rule } from "../../src/engine/types.js";
import { runRules } from "../../src/engine/run.js";
import { doc } from "./docs.js";

/**
 * A small 表7 for documents made of hand-written paragraphs (the loader needs one standard table):
 * two units, 单位A 100 = 60 basic + 40 project, 单位B 50 = 50 basic.
 */
export const T7 = `
表 7
一般公共预算支出表（按功能分类）
单位：万元
预算单位→科目编码→科目名称→支出总计→基本支出→项目支出
部门→→→150→110→40
单位A→→→100→60→40
→206→科学技术支出→100→60→40
单位B→→→50→50→0
→206→科学技术支出→50→50→0
`;

/** The same department's 表3 支出总表 (the expenditure table, every fund): 150 = 110 basic + 40 project. */
export const T3 = T7.replace("表 7\n一般公共预算支出表（按功能分类）", "表 3\n支出总表");

/** Written parts (`## 第三部分 …` headings and paragraphs) followed by `tables` (表7 by default). */
export function textDoc(text: string, tables = T7) {
  return doc(`${text}\n${tables}`);
}

export function checkText(rule: Rule, text: string, tables = T7): Finding[] {
  return runRules(textDoc(text, tables), [rule], { tolerance: { kind: "auto" }, lang: "en" });
}

export const at = (fs: Finding[], severity: string) => fs.filter((f) => f.severity === severity).map((f) => f.location.line);

/**
 * A 表1 收支总表 whose 收入总计 and 支出总计 are `total`; with `thisYear`, 本年收入合计 is that and the rest is
 * 上年结转 (all of it spent this year).
 */
export const t1 = (total: string, thisYear = total) => `
表 1
收支总表
单位：万元
收 入→→支 出→
项 目→2023 年预算数→项 目→2023 年预算数
一、政府预算拨款→${thisYear}→一、科学技术支出→${total}
本年收入合计→${thisYear}→本年支出合计→${total}
${thisYear === total ? "" : `上年结转→${Number(total) - Number(thisYear)}→结转下年→0
`}收入总计→${total}→支出总计→${total}
`;
