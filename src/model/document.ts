import type { UnreadObjects } from "../util/unread-objects.js";
import type { PageTurn } from "./page-turn.js";
import type { Amount, MalformedReason } from "./amount.js";
import type { Box, SourceLocation } from "./location.js";
import type { WorkbookFacts } from "./workbook.js";

/** A table as printed: `T<n>` for 表n (the number its template gives it, printed or implied by order). */
export type TableId = `T${number}`;

/**
 * What a table holds, whatever a province numbers or titles it (see src/templates/kinds.ts). Rules ask
 * for tables by kind; a 决算 (final accounts) table has the kind of the 预算 table holding the same
 * figures, and the document's `stage` tells them apart.
 */
export type TableKind =
  | "summary" // 收支总表 / 财务收支预算总表 / 收入支出决算总表: income and expenditure side by side
  | "income" // 收入总表 / 收入决算表: by function code × income source
  | "expenditure" // 支出总表 / 支出决算表: by function code × 基本支出 / 项目支出
  | "basic-summary" // 基本支出总表 (by economic code)
  | "project-summary" // 项目支出总表
  | "allocation-summary" // 财政拨款收支总表: the government-allocation side, two-sided
  | "general-function" // 一般公共预算支出 by function code × 基本 / 项目
  | "general-economic" // 一般公共预算支出 by economic code × 基本 / 项目
  | "general-basic-economic" // 一般公共预算基本支出 by economic code × 人员经费 / 公用经费
  | "general-project-economic" // 一般公共预算项目支出 by economic code (广州's 表7)
  | "allocation-function" // 财政拨款支出 by function code: 一般公共预算 + 政府性基金 + 国有资本经营 (江苏's 表5)
  | "allocation-basic-economic" // 财政拨款基本支出 by economic code (江苏's 表6)
  | "running-cost-economic" // 机关运行经费 by economic code (江苏's 一般公共预算机关运行经费支出预算表)
  | "function-economic" // 支出 by function code down the page × economic class (类) across (四川's 财政拨款支出预算表（部门经济分类科目）)
  | "sanggong" // “三公”经费 (and 机关运行经费)
  | "gov-fund-sanggong" // 政府性基金预算“三公”经费 (四川's 表4-1): a fund's own 三公, not the one the text's 三公 figures are compared with
  | "state-capital-sanggong" // 国有资本经营预算“三公”经费
  | "gov-fund" // 政府性基金预算支出
  | "state-capital" // 国有资本经营预算支出
  | "performance" // 部门整体支出绩效目标表
  | "project-performance" // 项目支出绩效(目标)表: the projects again, each with its 金额 and 绩效目标 (杭州's 表11)
  | "procurement"; // 政府采购预算表: the procurement budget by unit or project (合计 | 货物 | 工程 | 服务, or by source)

export type InputFormat = "markdown" | "csv" | "xlsx" | "layout" | "pdf" | "docx";
export type CodeKind = "function" | "economic";

export interface Cell {
  text: string;
  amount: Amount | null;
  location: SourceLocation;
  /**
   * Set when the cell stands in an amount column and its text is an attempt at a number that is not a
   * well-formed amount (`9,7244`, `12.3.4`, `1e400`): why (model/amount.ts classifyAmountText).
   * `amount` is then null, and the amount-format rule reports the cell as an error.
   */
  invalid?: MalformedReason;
}

/**
 * The prefix of a cell that holds a percentage of the row's item as printed (text only, `amount` null): a 三公 table
 * of items as columns and years as rows keeps each item's 增减率 with the change's row as `percent:<item>`.
 */
export const PERCENT_CELL = "percent:";

/**
 * The prefix of a cell that holds a count a 决算's 三公 table prints under its 统计数 (因公出国（境）团组数（个）, 公务用车保有量
 * （辆）, 国内公务接待批次（个） …): `count:<item>` for the 决算数 column, `count:budget-<item>` for the 预算数 one, an exact count
 * (no money: no column of the table, so no identity sums it).
 */
export const COUNT_CELL = "count:";

export interface Column {
  /** Stable key from the table template (e.g. `total`, `basic`, `project`). */
  key: string;
  /** The column's canonical name in messages (支出总计, 基本支出 …), from the template. */
  name?: string;
  /** The header as printed, multi-row headers flattened with `/` (e.g. `2023 年政府采购项目/小计`). */
  label: string;
  kind: "text" | "amount";
}

/**
 * What a row is:
 * - `department`: the department as a whole (部门名称 row), `unit`: one budget unit (预算单位),
 * - `code`: a classification code row (功能分类 / 经济分类),
 * - `item`: a named item (表1/表6 income and expenditure items, 表12 tasks),
 * - `total`: a printed total or subtotal (收入总计, 本年支出合计, 金额合计 …),
 * - `year`: a per-year line (表9: 2022 年, 2023 年, 增减变化金额),
 * - `other`: any other row kept for completeness (表12 indicators).
 */
export type RowKind = "department" | "unit" | "code" | "item" | "total" | "year" | "other";

export interface Row {
  kind: RowKind;
  /** Budget unit the row belongs to; null for the department as a whole. */
  unit: string | null;
  /** Classification code (206 / 20607 / 2060701, 301 / 30101), resolved from names where only a name is printed. */
  code: string | null;
  codeKind: CodeKind | null;
  /** 科目名称 or item name without its list marker. */
  name: string | null;
  /** The row's label as printed. */
  label: string;
  /** Two-sided tables (表1, 表6): which side the item stands on. */
  side: "income" | "expenditure" | null;
  /** Semantic role from the template (e.g. `income-total`, `gov-allocation`, `basic`, `current-year`). */
  role: string | null;
  /**
   * Hierarchy level of a named item: 1 = 类 / top level, 2 = 款 / sub-item, 3 = 项. In an outline table (`Table.outline`),
   * the label column its name is printed in (1 = the first: 采购品目大类; 4 = 采购物品名称), whatever the input form.
   */
  level: number | null;
  cells: Record<string, Cell>;
  location: SourceLocation;
}

export interface Table {
  /** `T<n>`: the number the table is printed with (or its place in the template's order). */
  id: TableId;
  /** What the table holds. */
  kind: TableKind;
  title: string;
  /**
   * The number printed with the title (表8, 公开07表, 附表4), as printed, where one is: a document read by kind
   * has its tables under the kinds' numbers (`id`), so its 表8 may be `T9`.
   */
  printed?: string;
  /** Money unit printed on the table (单位：万元 / 元). */
  unit: string | null;
  department: string | null;
  columns: Column[];
  rows: Row[];
  location: SourceLocation;
  /** How many printed pages the table was split over. */
  pages: number;
  /**
   * The rows are an outline of items over several label columns (江苏's 政府采购支出预算表: 采购品目大类 | 专项名称 | 经济科目 |
   * 采购物品名称): each item row's `level` is its name's column, a row with a figure sums the rows with figures of deeper
   * levels under it up to the next row at its level or above, a row with none is a heading (model/queries.ts levelTrees).
   */
  outline?: true;
  /** Cells printed past the header's last column: no column to read them into (reported by beyond-header). */
  beyondHeader?: Cell[];
  /**
   * The budget unit (预算单位) whose own table set the table is printed in: a 部门预算 that prints, after the
   * department's tables, each unit's 单位预算 (江西's 第五部分 单位预算表: 一、某中心2026年单位预算, 单位名称：某中心). Absent for
   * the department's tables; set on the document's own tables too where they are printed under a unit's heading (a
   * document whose first set is one unit's: units-sum does not take them for the department's). model/units.ts.
   */
  budgetUnit?: string;
  /**
   * Notes printed with the table (注：本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表), as text lines: what they state
   * of a fund the department has none of is read as the written parts' is (claims/none-said.ts).
   */
  notes?: TextLine[];
}

/**
 * One budget unit's own tables, printed after the department's (model/units.ts): checked by the rules that
 * hold within a table set as within the department's (the engine runs them again on each unit), and against
 * the department's tables figure by figure (units-sum).
 */
export interface UnitBudget {
  /** The unit's name as its heading or its tables print it. */
  name: string;
  /** Where its first table (or its heading) is printed. */
  location: SourceLocation;
  /** Its tables, in the template's order; each has `budgetUnit` set to `name`. */
  tables: Table[];
  /** Its tables printed but not read (also in the document's list, named with the unit). */
  unknownTables?: UnknownTable[];
}

export interface TextLine {
  line: number;
  text: string;
  /** The printed page, where the input has pages. */
  page?: number | null;
  /**
   * Where the line is printed, where its part's file and `line` do not say it: a worksheet's or a CSV
   * folder's row of text read by the layout reader (its sheet and cell, or its file and line).
   */
  place?: SourceLocation;
  /**
   * The file's column where the line's first character stands, when its characters follow one for one from
   * there (a web page's paragraph without a tag or an entity inside): a figure's column is counted from it.
   */
  columnStart?: number;
  /**
   * Where the line's characters stand in the file, where they do not follow one for one from one column (a web
   * page's paragraph whose runs of spaces a browser shows as one, or with an entity or a tag inside): runs, each from
   * the line's character `at` (0-based) on at the file's `column`, one for one up to the next run. Set instead of
   * `columnStart`; read with `fileColumnOf` and `lineIndexAt` (model/text-columns.ts).
   */
  columnRuns?: ColumnRun[];
}

/** A run of a written line's characters that stand one for one in the file: from the line's `at` at `column`. */
export interface ColumnRun {
  at: number;
  column: number;
}

/** One written part (第一部分 部门概况 …) with its lines as printed. */
export interface TextPart {
  number: number | null;
  title: string;
  location: SourceLocation;
  lines: TextLine[];
}

/** An entry of the 目录: a written part or a table the document says it contains. */
export interface ContentsEntry {
  kind: "text" | "table";
  number: number | null;
  tableId: TableId | null;
  title: string;
  location: SourceLocation;
}

/** A table-like block the loader found but whose kind it does not know: listed, not checked. */
export interface UnknownTable {
  title: string;
  location: SourceLocation;
  /** The kind of a table found by its title but not read (its header or columns not understood); none for a title of no known kind. */
  kind?: TableKind;
}

export interface BudgetDocument {
  path: string;
  format: InputFormat;
  /** Template the tables were recognised with (`shenzhen`, `shanghai`, `shanghai-final`, or `generic`). */
  template: string;
  /** 预算 (budget) or 决算 (final accounts). */
  stage: "budget" | "final";
  department: string | null;
  year: number | null;
  /** Money unit of the document (of its tables, when all agree). */
  moneyUnit: string | null;
  contents: ContentsEntry[];
  text: TextPart[];
  tables: Table[];
  /** Tables printed but not recognised (an unknown title or header): listed in the report. */
  unknownTables?: UnknownTable[];
  /**
   * The budget units whose own table sets the document prints after the department's tables (model/units.ts);
   * absent when it prints none. `tables` holds the department's alone.
   */
  units?: UnitBudget[];
  /** What only a workbook has (formulas, hidden rows and sheets); absent for text and CSV. */
  workbook?: WorkbookFacts;
  /**
   * The encoding the text files were read as (`utf-8`, `gb18030`, `utf-16le`, `utf-16be`); for a CSV
   * package whose files differ, each with its file (`gb18030 (表3.csv), utf-8 (其他)`); absent for workbooks.
   */
  encoding?: string;
  /** A PDF's pages as printed (PDF input only): for the HTML report's page view. */
  pages?: PrintedPage[];
  /** A PDF's pages with no text at all (images: scanned, or blank), by number (PDF input only). */
  textlessPages?: number[];
  /** What a Word document's body holds that is not read (a table pasted as a picture or an Excel object). */
  unreadObjects?: UnreadObjects;
}

/** One PDF page: its view box ([x0, y0, x1, y1], PDF points) and its text layer, token by token. */
export interface PrintedPage {
  number: number;
  view: [number, number, number, number];
  /** Shown turned by its /Rotate (boxes are in the page's own coordinates, the page drawn as shown). */
  turn?: PageTurn;
  tokens: { text: string; box: Box }[];
}

/** The (first) table of a kind. */
export function table(doc: BudgetDocument, kind: TableKind): Table | undefined {
  return doc.tables.find((t) => t.kind === kind);
}

/** The tables of any of these kinds, in document order. */
export function tablesOf(doc: BudgetDocument, kinds: TableKind[]): Table[] {
  return doc.tables.filter((t) => kinds.includes(t.kind));
}

/** The table printed as `T<n>`. */
export function tableById(doc: BudgetDocument, id: TableId | "text"): Table | undefined {
  return doc.tables.find((t) => t.id === id);
}

/**
 * A table as the reader finds it: `表8` / `T8`; where the number printed with its title is not its id's (a
 * document read by kind, whose 表8 is `T9`), that number: `表8` / `T9 (表8)`, `公开07表` / `T7 (公开07表)`.
 * Messages, place lines and headings all name a table so (reporters/words.ts, engine/run.ts).
 */
export function tableLabel(id: string, lang: "zh" | "en", printed?: string | null): string {
  const own = `表${id.slice(1)}`;
  const other = printed && printed !== own ? printed : null;
  return lang === "zh" ? (other ?? own) : other ? `${id} (${other})` : id;
}

/**
 * How a table is named in a Chinese message: as printed (tableLabel: 表7, or 部门公开表08 for a document read by
 * kind whose 部门公开表08 is `T9`). `fallback` when there is no table.
 */
export function tableName(t: Table | undefined, fallback = ""): string {
  if (!t) return fallback;
  return tableLabel(t.id, "zh", t.printed);
}

/** How a table is named in an English message: its id, and the number printed with it where that is another (`T9 (表8)`). */
export function tableNameEn(t: Table | undefined, fallback = ""): string {
  if (!t) return fallback;
  return tableLabel(t.id, "en", t.printed);
}

/** A table named by its id in a message of the document, in the language given (tableLabel, the document's printed number). */
export function tableLabelIn(doc: Pick<BudgetDocument, "tables">, id: string, lang: "zh" | "en"): string {
  for (const t of doc.tables) if (t.id === id) return tableLabel(id, lang, t.printed);
  return tableLabel(id, lang);
}

export function amountOf(row: Row | null | undefined, key: string): Amount | null {
  return row?.cells[key]?.amount ?? null;
}
