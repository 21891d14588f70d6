import { amountTextKind } from "../model/amount.js";
import { economicClassCode } from "../model/economic-classes.js";
import { functionClassCode } from "../model/function-classes.js";
import { normaliseName, splitMarker } from "../model/names.js";
import type { TableTemplate } from "../templates/index.js";
import type { ColumnSpec } from "../templates/types.js";
import type { RawLine } from "./raw.js";

/*
 * Table cells wrapped onto a line of their own. A converter that reads a PDF by its text lines writes a cell whose
 * text took two lines in its box as two rows: the row with its figures and the text's first part, and under it a
 * line that prints only the text's tail, under its column, every other cell blank —
 *
 *     2. 政府性基金预算拨款 | 0 | 其他科技条件 | 81
 *                          |   | 与服务支出   |
 *     二、财政专户         | 0 | 机构运行     | 1,260
 *     管理资金             |   |              |
 *
 * Read as rows, the names are cut (a 科目名称 in two, a budget unit under a name no other table prints) and every
 * check that matches rows by name fails. But a line of words without figures is also a real row whose figures are
 * blank (blank cells mean zero: 上年结余、结转 | | 结转下年 |, a budget unit with nothing in a table): the line is joined to
 * the row above only where it prints words alone, each under a cell of the row above that prints words, in a text
 * column, and what is printed says that a cell of it is a tail and of none that it is rather a row. Each cell, in
 * this order —
 * - a tail, whatever it could be alone: a 部门整体支出绩效目标表's 主要内容 on a line that names no task (a task is a row
 *   by its name); the name joined is a row label of the template's and the cell above or the tail alone is not
 *   (财政专户管理资金, 本年支出合计, 增减变化金额); the tail cannot begin a cell (it begins with 、 or a closing bracket),
 *   or the cell above cannot end one (it ends with an opening bracket, 、 or 和 / 与 / 及 / 的, or is a list marker
 *   alone), or the tail closes a bracket the cell above opened;
 * - a row: a cell that begins with a list marker (二、) or a code, is a row label of the template's (合计, 国有资本经营预算
 *   拨款), a 类's name or a 科目名称 the tables by code print, the department's or a budget unit's name;
 * - a tail: a 科目名称's tail under a row that prints its code, in a table by code (every row of it prints a code,
 *   and the line prints none); the name joined is one the document knows: a 类's name in the classification, a
 *   科目名称 its tables by code print (其他科技条件与服务支出 of a 收支总表, by 2060599 in its 支出总表), the department's
 *   name or a budget unit's the tables print whole, a name its written parts print (深圳市科技交流服务中心).
 * Where nothing says so, the line is read as it was before: a row of its own (a line of one cell, no row). Under a
 * 部门整体支出绩效目标表's total (its 绩效指标, under columns the header names for the tasks) no tail is looked for.
 */

/** The column map of a page, as far as the joining reads it (tables.ts's ColumnMap). */
export interface WrapColumns {
  width: number;
  index: Map<string, number>;
  specs: (ColumnSpec | null)[];
  codeParts?: number[];
}

/** What a document says about its names (each worked out when first asked), by their normalised text (normaliseName). */
export interface KnownNames {
  /** Whether the written parts print it. */
  printed(name: string): boolean;
  /** Whether it is the department's name, or a budget unit's the tables print whole. */
  unit(name: string): boolean;
  /** Whether it is a 科目名称 the document's tables by code print with its code (joined where wrapped). */
  coded(name: string): boolean;
}

/** A cell's text that cannot begin a cell: punctuation that ends or joins, a closing bracket. */
const CANNOT_BEGIN = /^[、，,。．；;：:）)】］\]」』》〉！？!?％%]/;
/** A name's text that cannot end a cell: an opening bracket, a comma or 、, a word that joins two. */
const CANNOT_END = /[（(【［\[「『《〈、，,和与及的]$/;
/** A code printed at the start of a name's cell: [2010501]行政运行, 2060701 机构运行, 30101基本工资. */
const LEADS_WITH_CODE = /^\s*(?:[[【［]\s*\d{3,7}\s*[\]】］]|\d{3}(?:\d{2}){0,2}(?:\s|[\u4e00-\u9fff]))/;
const CODE = /^\d{3,12}$/;
const TOTAL = /^(合计|总计)$/;

const blank = (c: string | undefined): boolean => c === undefined || c.trim() === "";

/** How far a text leaves brackets open: + for each opening one, − for each closing one. */
function bracketBalance(s: string): { open: number; closesFirst: boolean } {
  let depth = 0;
  let closesFirst = false;
  for (const ch of s) {
    if (ch === "（" || ch === "(") depth++;
    else if (ch === "）" || ch === ")") {
      depth--;
      if (depth < 0) closesFirst = true;
    }
  }
  return { open: depth, closesFirst };
}

/** Whether a label's cell of its own would begin a row: a list marker, a row label of the template's, a total. */
function beginsRow(tpl: TableTemplate, text: string, side: "income" | "expenditure" | null): boolean {
  const { marker, name } = splitMarker(text);
  if (marker) return true;
  const n = normaliseName(name);
  if (TOTAL.test(n)) return true;
  return !!tpl.roles?.some((r) => r.pattern.test(n) && (!r.side || !side || r.side === side));
}

/** The role of the template a label names (as tables.ts's roleOf finds it), or null. */
function knownRole(tpl: TableTemplate, text: string, side: "income" | "expenditure" | null): string | null {
  const n = normaliseName(splitMarker(text).name);
  return tpl.roles?.find((r) => r.pattern.test(n) && (!r.side || !side || r.side === side))?.role ?? null;
}

/** A name of the classification or of the document's tables by code (a 类's name, a 科目名称 printed with its code). */
function knownItem(names: KnownNames, text: string): boolean {
  const n = normaliseName(splitMarker(text).name);
  return functionClassCode(n) !== null || economicClassCode(n) !== null || names.coded(n);
}

export interface WrapPage {
  tpl: TableTemplate;
  map: WrapColumns;
  /** How far a row is shifted right (tables.ts's shiftOf): a row that lost its leading blank cells. */
  shiftOf: (l: RawLine) => number;
}

/**
 * A page's data lines with each wrapped cell's tail joined to the row above (a line of its own), where the evidence
 * says it is one; `lone` are lines that print one cell only (a text's line `管理资金\t\t\t`, read as no row), kept
 * only where they are joined. Returns null where nothing is joined and no lone line was given.
 */
export function joinWrapped(data: readonly RawLine[], page: WrapPage, names: KnownNames, lone: ReadonlySet<RawLine>): RawLine[] | null {
  const { tpl } = page;
  const out: RawLine[] = [];
  let changed = false;
  // The last row kept, as printed (its cells are replaced as tails are joined), and its shift (worked out when a
  // line may be a tail of it).
  let above: RawLine | null = null;
  let aboveShift: number | null = null;
  let tasksDone = false;
  for (const l of data) {
    // Under a 部门整体支出绩效目标表's total, the 绩效指标 rows: their cells stand under columns the header names for the
    // tasks (三级指标 under 总额), where no tail is looked for.
    if (tasksDone) {
      if (lone.has(l)) changed = true;
      else out.push(l);
      continue;
    }
    if (above && wordsOnly(l)) {
      aboveShift ??= page.shiftOf(above);
      const joined = joinedLine(above, aboveShift, l, page, names);
      if (joined) {
        out[out.length - 1] = joined;
        above = joined;
        changed = true;
        continue;
      }
    }
    if (lone.has(l)) {
      // A line of one cell that continues no row: read as before (not a row).
      changed = true;
      continue;
    }
    out.push(l);
    above = l;
    aboveShift = null;
    if (tpl.layout === "tasks") tasksDone = isTasksTotal(tpl, l);
  }
  return changed ? out : null;
}

/** The tasks' total (金额合计): its name is the row's first or second cell that prints words (the first may be 年度主要任务's). */
function isTasksTotal(tpl: TableTemplate, l: RawLine): boolean {
  let seen = 0;
  for (const c of l.cells) {
    if (blank(c)) continue;
    if (knownRole(tpl, c, null) === "tasks-total") return true;
    if (++seen === 2) return false;
  }
  return false;
}

/** A line that prints words and nothing else: no figure, no dash, something (a tail may be one). */
export function wordsOnly(l: RawLine): boolean {
  let any = false;
  // From the end: a row's figures stand after its words.
  for (let i = l.cells.length - 1; i >= 0; i--) {
    const t = l.cells[i].trim();
    if (!t) continue;
    const kind = amountTextKind(t);
    if (kind === "amount" || kind === "dash" || kind === "malformed") return false;
    any = true;
  }
  return any;
}

/** The 科目名称 a page's rows print with their code, normalised, into `into` (KnownNames.coded). */
export function noteCodedNames(lines: readonly RawLine[], page: WrapPage, into: Set<string>): void {
  for (const l of lines) {
    const shift = page.shiftOf(l);
    const at = (key: string) => {
      const i = page.map.index.get(key);
      return i === undefined ? "" : (l.cells[i - shift] ?? "").trim();
    };
    const name = at("name");
    if (!name) continue;
    const code = at("code").replace(/\s+/g, "");
    if (CODE.test(code) || LEADS_WITH_CODE.test(name)) into.add(normaliseName(name.replace(LEADS_WITH_CODE, "").replace(/^[^\u4e00-\u9fff]*/, "")));
  }
}

/**
 * The row above with the line's cells joined to its own, where the line is its cells' wrapped tails; else null.
 * The line prints no figure and no code, only words, each under a cell of the row above that prints words too
 * (a tail stands alone under its column), each with evidence of its own (the module's comment).
 */
function joinedLine(above: RawLine, shift: number, l: RawLine, page: WrapPage, names: KnownNames): RawLine | null {
  const { tpl, map } = page;
  const filled: number[] = [];
  for (let j = 0; j < l.cells.length; j++) {
    if (blank(l.cells[j])) continue;
    const spec = map.specs[j + shift];
    if (!spec || spec.kind !== "text" || spec.key === "code" || map.codeParts?.includes(j + shift)) return null;
    if (blank(above.cells[j])) return null;
    filled.push(j);
  }
  if (filled.length === 0) return null;
  // A line is a row or the tails of the row above, all of it: joined where a cell of it is a tail by the evidence
  // and none could begin a row.
  let tail = false;
  for (const j of filled) {
    const reading = readingOf(above, shift, l, j, page, names);
    if (reading === "row") return null;
    if (reading === "tail") tail = true;
  }
  if (!tail) return null;
  const cells = above.cells.slice();
  for (const j of filled) cells[j] = joinText(cells[j].trim(), l.cells[j].trim());
  return { cells, location: above.location, cellLocations: above.cellLocations };
}

/** Two parts of a cell's text: one word where letters or digits meet (a line break stood for a space there). */
function joinText(head: string, tail: string): string {
  return /[A-Za-z0-9]$/.test(head) && /^[A-Za-z0-9]/.test(tail) ? `${head} ${tail}` : `${head}${tail}`;
}

/**
 * What cell j of the line is, by what is printed (the module's comment): the tail of cell j of the row above
 * ("tail"), a cell that could begin a row of its own ("row"), or neither said.
 */
function readingOf(above: RawLine, shift: number, l: RawLine, j: number, page: WrapPage, names: KnownNames): "tail" | "row" | null {
  const { tpl, map } = page;
  const key = map.specs[j + shift]!.key;
  const head = above.cells[j].trim();
  const tail = l.cells[j].trim();
  const whole = joinText(head, tail);
  // A task's 主要内容 on a line that names no task (a task is a row by its name; the tasks' total ends the lines read).
  if (tpl.layout === "tasks" && key === "content") return "tail";
  const side = key === "income-label" ? "income" : key === "expenditure-label" ? "expenditure" : null;
  // A row label of the template's, cut (本年支出 / 合计, 增减变化金 / 额, 政府性基金 / 预算拨款): the row with the figures is
  // no such label without the tail, or the tail alone is none.
  if (knownRole(tpl, whole, side) && (!knownRole(tpl, head, side) || !knownRole(tpl, tail, side))) return "tail";
  // What is printed: a tail that cannot begin a cell, a head that cannot end one (a list marker alone, 二、), a
  // bracket opened and closed.
  if (CANNOT_BEGIN.test(tail) || CANNOT_END.test(head)) return "tail";
  if (bracketBalance(head).open > 0 && bracketBalance(tail).closesFirst) return "tail";
  // A tail that could be a row of its own is one.
  if (beginsRow(tpl, tail, side) || knownItem(names, tail) || names.unit(normaliseName(tail)) || LEADS_WITH_CODE.test(tail)) return "row";
  // A 科目名称's tail under a row that prints its code, in a table by code: every row of it prints one.
  if (tpl.layout === "classified" && key === "name") {
    const codeAt = map.codeParts?.[0] ?? map.index.get("code");
    const code = codeAt === undefined ? "" : (above.cells[codeAt - shift] ?? "").replace(/\s+/g, "");
    if (CODE.test(code) || LEADS_WITH_CODE.test(head)) return "tail";
  }
  // The name joined is one the document knows, and the tail alone is not (above).
  if ((side || key === "name") && knownItem(names, whole)) return "tail";
  if (key === "unit" && names.unit(normaliseName(whole))) return "tail";
  return whole.length >= 4 && names.printed(normaliseName(whole)) ? "tail" : null;
}
