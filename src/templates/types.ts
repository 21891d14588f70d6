import type { CodeKind, RowKind, TableId, TableKind } from "../model/document.js";

/** One column the template expects; matched against the flattened printed header. */
export interface ColumnSpec {
  key: string;
  kind: "text" | "amount";
  /** Canonical label used in messages (the printed one is kept on the table). */
  label: string;
  /** Matched against the last segment of the flattened header (spaces removed). */
  leaf: RegExp;
  /** When set, also matched against the whole flattened header (`parent/leaf`). */
  group?: RegExp;
  required?: boolean;
  /** Amounts in this column cannot be negative (default true for amount columns). */
  nonNegative?: boolean;
  /**
   * A 决算's 预算数 column, printed under a spanning 预算数 (the national 三公 决算表: 预算数 | 决算数, each over the
   * same items). Where a kind has such columns, a label under 预算数 names only one of them, and they name only such
   * a label.
   */
  budgetStage?: true;
  /**
   * Set by the header reader, never in a template: the column is last year's budget printed beside this year's,
   * over the same items (上年预算数 | 本年预算数 spanning them), read into the table's row of last year's figures.
   */
  lastYear?: true;
  /** Set by the header reader, never in a template: the column is the change between those two years (增减 spanning the same items). */
  change?: true;
}

/** A label that gives a row a semantic role (e.g. 本年收入合计 → income-subtotal). */
export interface RoleSpec {
  pattern: RegExp;
  role: string;
  kind: RowKind;
  side?: "income" | "expenditure";
  /** Role of the item this one is a part of (一般公共预算拨款 ⊂ 政府预算拨款). */
  parent?: string;
}

/**
 * How rows are keyed:
 * - `classified`: 预算单位 / 科目编码 / 科目名称 + amounts; unit rows, then code rows under them (表3, 表7, 表8, 表10, 表11);
 * - `two-sided`: income items on the left, expenditure items on the right, named not coded (表1, 表6);
 * - `unit-year`: per budget unit, one row per year and one for the change (表9);
 * - `tasks`: named tasks with amounts, a total row, then indicator rows (表12);
 * - `single-row`: one row of amounts under a multi-row header (Shanghai's 三公 table);
 * - `two-lane`: two classified tables side by side (Shanghai 决算's 基本支出 by economic code: 人员经费 | 公用经费).
 */
export type Layout = "classified" | "two-sided" | "unit-year" | "tasks" | "single-row" | "two-lane";

export interface TableTemplate {
  /** `T<number>`: how findings name the table. */
  id: TableId;
  /** What the table holds: rules ask for kinds, never for numbers. */
  kind: TableKind;
  number: number;
  title: string;
  /** Matched against the printed title with spaces removed and any leading year (2023 年) dropped. */
  titlePatterns: RegExp[];
  layout: Layout;
  codeKind?: CodeKind;
  /** The money unit when it differs from the template's (a 三公 table in 万元 among tables in 元). */
  moneyUnit?: string;
  columns: ColumnSpec[];
  roles?: RoleSpec[];
}

export interface DocumentTemplate {
  name: string;
  /** One line for `budget-check templates`. */
  description: string;
  stage: "budget" | "final";
  /** The money unit its tables print (单位：元 / 万元) when a table does not say. */
  moneyUnit: string;
  /**
   * The amount columns are those of each table's list that the printed header names, in the order it
   * prints them (the generic template); otherwise every column of the list, in the list's order.
   */
  columnsFromHeader?: boolean;
  tables: TableTemplate[];
  /**
   * Kinds of table the template's documents may print beyond its own tables (the central departments' 决算
   * prints the national template's nine and its 一般公共预算财政拨款项目支出决算表): read by kind alone, as the generic
   * template reads them, under the generic template's number, only where printed.
   */
  alsoByKind?: TableKind[];
  /**
   * Its written parts are titled, not numbered (上海's 部门预算编制说明, then 其他相关情况说明 with the 三公, 机关运行经费 …):
   * a part titled …编制说明 is read as that template's (src/claims/extract.ts). In a document of any other template such a
   * part is its whole written explanation (a county's 部门预算编制说明 in sections 一 … 八), read by the generic reader.
   */
  titledNotes?: true;
}
