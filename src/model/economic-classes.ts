import type { Row } from "./document.js";
import { codesByName } from "./names.js";
import { mapArray } from "../util/arrays.js";

/*
 * The 类 of the government economic classification of department expenditure (部门预算支出经济分类科目, 2018
 * onward): a table that prints them by name only (广州's 部门预算基本支出预算表: each unit, then its 工资福利支出,
 * 商品和服务支出 …) is read as the same codes a coded table prints.
 */
export const ECONOMIC_CLASSES: readonly (readonly [code: string, name: string])[] = [
  ["301", "工资福利支出"],
  ["302", "商品和服务支出"],
  ["303", "对个人和家庭的补助"],
  ["307", "债务利息及费用支出"],
  ["309", "资本性支出（基本建设）"],
  ["310", "资本性支出"],
  ["311", "对企业补助（基本建设）"],
  ["312", "对企业补助"],
  ["313", "对社会保障基金补助"],
  ["399", "其他支出"],
];

/** The 类 code of an economic class printed by name, or null. */
export const economicClassCode = codesByName(ECONOMIC_CLASSES);

/**
 * In a table by economic code whose rows are named, not coded (read by kind alone): the rows named as a 类
 * become that code's rows, and a row between them that is not a 类 — followed by one — is the budget unit
 * whose 类 follow. Left as they are unless every named row is one or the other (a table of projects, or of
 * 款 names, is not guessed at).
 */
export function codeEconomicClasses(rows: Row[]): void {
  let classes = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.kind !== "item") continue;
    if (economicClassCode(r.name)) classes++;
    else if (!(rows[i + 1]?.kind === "item" && economicClassCode(rows[i + 1].name))) return;
  }
  if (!classes) return;
  let unit: string | null = null;
  for (const r of rows) {
    if (r.kind === "department") unit = null;
    if (r.kind !== "item") continue;
    const code = economicClassCode(r.name);
    if (code) Object.assign(r, { kind: "code", code, codeKind: "economic", unit });
    else {
      unit = r.name;
      Object.assign(r, { kind: "unit", unit: r.name });
    }
  }
}

/** The column key of an economic class printed across a table (工资福利支出 → `economic-301`). */
export const economicClassKey = (code: string) => `economic-${code}`;

/** The column keys of the classes, in the classification's order. */
export const ECONOMIC_CLASS_KEYS: readonly string[] = mapArray(ECONOMIC_CLASSES, ([code]) => economicClassKey(code));

/**
 * The column key of an economic class printed under 基本支出 in a table by function code (吉林's 部门支出总表: 基本支出 over
 * 小计 · 工资福利支出 · 商品和服务支出 · 对个人和家庭的补助 · 资本性支出): the basic spending of that class.
 */
export const basicClassKey = (code: string) => `basic-economic-${code}`;

/** Those keys, in the classification's order. */
export const BASIC_CLASS_KEYS: readonly string[] = mapArray(ECONOMIC_CLASSES, ([code]) => basicClassKey(code));

/**
 * Columns of a table of classes across whose label names no class (a label clipped at the page's edge, 对企业, or
 * wrapped past reading): read down the page like any column, but no row's 合计 is judged against the classes.
 */
export const UNREAD_CLASS_KEYS: readonly string[] = ["economic-unread-1", "economic-unread-2", "economic-unread-3"];
