import type { BudgetDocument, Table, UnitBudget } from "./document.js";
import { normaliseName } from "./names.js";

/**
 * A 部门预算 may print, after the department's tables, each budget unit's own set (江西's 第五部分 单位预算表: 一、某局（局机关）
 * 2026年单位预算, 单位名称：某局（局机关）, 表1 收支总表 … 表10; 二、某中心2026年单位预算 …). Those tables are the unit's, not the
 * department's printed again: what tells them is said here, for every loader's reading of the lines between tables.
 *
 * - `unit`: the tables that follow are this unit's (its heading: 二、某中心2026年单位预算; a table's 单位名称：某中心 or its
 *   title 某中心2026年收支总表, where the name is not the department's);
 * - `units`: the units' part begins, no unit named yet (第五部分 2026年单位预算表);
 * - `department`: the department's tables again (第四部分 2026年部门预算表, 部门名称：某局, another part 第六部分 …).
 */
export type UnitMarker = { unit: string } | { units: true } | { department: true };

/** A heading's list mark or part number: 二、 · 2. · （二） · 第五部分. */
const NUMBERING = /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|\d{1,2}[、.．](?!\d)|[(（][一二三四五六七八九十\d]{1,3}[)）])/;
/** A heading naming a unit's budget: 某中心2026年单位预算, 2026年单位预算表, 某中心单位预算公开. */
const UNIT_BUDGET = /^(.*?)(?:(?:19|20)\d\d年度?)?(?:(?:省|市|区|县)级)?(?:单位预算|预算单位预算)(?:表|公开表?)?$/;
const DEPARTMENT_BUDGET = /部门预算(?:表|公开表?)?$/;
/** A sentence, or a label and its value: no heading. */
const NOT_HEADING = /[，,。；;：:]/;

/**
 * A name that can be a budget unit's: three characters or more of words, no figure, not a place's name alone (上海市普陀区
 * before 2025年区级单位预算) and not a word for units in general (所属单位, 预算单位).
 */
export function unitLike(name: string): boolean {
  const n = normaliseName(name);
  if (n.length < 3 || /\d/.test(n) || !/[\u4e00-\u9fa5]/.test(n)) return false;
  if (/[省市区县州盟旗镇乡]$/.test(n)) return false;
  return !/^(?:本|各|所属|下属|基层)?(?:部门|单位|预算单位|二级单位|基层单位)$/.test(n);
}

/** Two names of one organisation: the same once normalised, or one the other with its place before it (农业农村局, 崇义县农业农村局). */
export function sameOrganisation(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  const x = normaliseName(a);
  const y = normaliseName(b);
  return x === y || x.endsWith(y) || y.endsWith(x);
}

/**
 * What a line between tables says of whose tables follow (see UnitMarker), or null: a short line alone, no sentence,
 * naming a unit's budget (二、某中心2026年单位预算), the units' part (第五部分 2026年单位预算表), the department's tables
 * (第四部分 2026年部门预算表), or another part (第六部分 附件: the units' part has ended). A unit's heading naming the
 * department itself (某局2026年单位预算: its own unit's budget, or a department that is its only unit) is a unit's too: its
 * tables are no department's to compare the units with.
 */
export function headingMarker(text: string): UnitMarker | null {
  const t = text.replace(/[#*\s\u3000]/g, "");
  if (!t || t.length > 60 || NOT_HEADING.test(t)) return null;
  const part = /^第[一二三四五六七八九十]+部分/.test(t);
  const rest = t.replace(NUMBERING, "");
  const m = UNIT_BUDGET.exec(rest);
  if (m) {
    const name = m[1];
    return name && unitLike(name) ? { unit: name } : { units: true };
  }
  if (DEPARTMENT_BUDGET.test(rest)) return { department: true };
  // Another part, or an annex, after the units' tables: theirs end (a part naming a unit, 某中心单位预算情况说明, does not end them).
  if ((part && !/单位/.test(rest)) || /^附件\d*$/.test(t)) return { department: true };
  return null;
}

const DEPARTMENT_LABEL = /^(?:部门名称|预算部门|预算主管部门|主管部门|编制部门|部门)$/;

/**
 * What a table's own label says of whose it is (部门名称：某局 · 单位名称：某中心 · 编制单位：某中心), or null. A unit's
 * label naming the department (编制单位：某局, as some print on every table) says nothing of the unit.
 */
export function labelMarker(label: string, value: string, department: string | null): UnitMarker | null {
  const v = value.trim();
  if (DEPARTMENT_LABEL.test(label)) return !v || !department || sameOrganisation(v, department) ? { department: true } : null;
  if (!v || sameOrganisation(v, department)) return null;
  return unitLike(v) ? { unit: v } : null;
}

/** A title's organisation before its year (某中心2026年收支总表) when the rest is still a title of the table (`isTitle`). */
const BEFORE_YEAR = /^(.{3,40}?)(?:19|20)\d\d年度?(?=.)/;
/** Where an organisation's name may end (中心, 局, 办公室 …), a title's kind after it. */
const ORGANISATION_END = /(?:委员会|办公室|中心|厅|局|委|院|会|部|署|所|馆|站|队|校|处|社|府|园|学)(?:[(（][^()（）]{1,8}[)）])?(?=.)/g;

/**
 * Whose a title says its table is, where it prints an organisation's name before the table's (某中心2026年收支总表,
 * 某中心收支总表): a unit (not the department), the department (某局2026年部门收支总表), or null when it prints none.
 * `isTitle`: whether the rest is a title of the same table.
 */
export function titleMarker(title: string, department: string | null, isTitle: (rest: string) => boolean): UnitMarker | null {
  // (The name as printed, brackets and all: only spaces, quotes and markup left out.)
  const n = title.replace(/[#*\s\u3000“”"]/g, "").replace(NUMBERING, "");
  let name: string | null = null;
  let rest = "";
  const y = BEFORE_YEAR.exec(n);
  if (y && isTitle(n.slice(y[0].length))) {
    name = y[1];
    rest = n.slice(y[0].length);
  } else
    for (const m of n.matchAll(ORGANISATION_END)) {
      const at = m.index + m[0].length;
      if (at < 4 || at > 40 || !isTitle(n.slice(at))) continue;
      name = n.slice(0, at);
      rest = n.slice(at);
      break;
    }
  if (!name) return null;
  if (/^(?:本)?部门/.test(rest) || sameOrganisation(name, department)) return { department: true };
  return unitLike(name) ? { unit: name } : null;
}

/**
 * Whether two tables print the same figures, row by row and cell by cell (a reprint: the same table printed twice),
 * rather than other figures under the same title (a unit's table, or another year's).
 */
export function sameFigures(a: Table, b: Table): boolean {
  if (a.rows.length !== b.rows.length) return false;
  for (let i = 0; i < a.rows.length; i++) {
    const x = a.rows[i].cells;
    const y = b.rows[i].cells;
    for (const key of new Set([...Object.keys(x), ...Object.keys(y)])) {
      const p = x[key]?.amount ?? null;
      const q = y[key]?.amount ?? null;
      if (!p !== !q || (p && q && !p.value.eq(q.value))) return false;
    }
  }
  return true;
}

/** The department's tables, then each unit's (UnitBudget), in document order of the units. */
export function allTables(doc: BudgetDocument): Table[] {
  if (!doc.units?.length) return doc.tables;
  const out = [...doc.tables];
  for (const u of doc.units) out.push(...u.tables);
  return out;
}

/**
 * One unit's tables as a document of their own (its name for the department's; no written parts, no 目录): what the
 * rules that hold within a table set see of the unit (engine/run.ts).
 */
export function unitDocument(doc: BudgetDocument, unit: UnitBudget): BudgetDocument {
  return { ...doc, department: unit.name, contents: [], text: [], tables: unit.tables, unknownTables: unit.unknownTables ?? [], units: undefined, workbook: undefined };
}
