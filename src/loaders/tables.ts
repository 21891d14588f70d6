import { amountTextKind, isNumber, readAmountCell } from "../model/amount.js";
import { moneyUnitOf, trailingMoneyUnit } from "./money-unit.js";
import type { Cell, Column, Row, Table, TableId, TextLine, UnknownTable } from "../model/document.js";
import { formatLocation, type SourceLocation } from "../model/location.js";
import { asciiDigits, chineseNumeral, normaliseName, ownString, splitMarker } from "../model/names.js";
import { amountName, pushTo } from "../model/queries.js";
import { TABLE_NUMBER_PREFIX, printedTableNumber, templateByNumber, templateByTitle, type DocumentTemplate, type TableTemplate } from "../templates/index.js";
import type { ColumnSpec, RoleSpec } from "../templates/types.js";
import { InputError } from "./errors.js";
import { isTabular, trimmedCells, type RawLine } from "./raw.js";
import { mapArray } from "../util/arrays.js";
import { nameOnlyUnits } from "./name-only-units.js";
import { blanksCollapsed, collapsedHeaderLayouts, placements, printedCells } from "./lost-blanks.js";
import { joinWrapped, noteCodedNames, wordsOnly, type KnownNames, type WrapPage } from "./wrapped-tails.js";

/** Metadata printed around the tables (部门名称：, 单位：, 2023 年度). */
export interface TableMeta {
  departments: string[];
  units: string[];
  years: number[];
}

interface Page {
  template: TableTemplate;
  title: string;
  titleLocation: SourceLocation;
  department: string | null;
  unit: string | null;
  header: RawLine[];
  data: RawLine[];
  /** The number printed with the title (表8, 附表4), where one is. */
  printed?: string;
  /** A note under the title says the table is empty (本表为空表, 本表本年无发生额, 无政府性基金预算支出). */
  emptyNote?: boolean;
  /** Its notes (注：…), as text lines (Table.notes). */
  notes?: TextLine[];
}

/** The table's printed number, from its page, as a Table's optional field. */
const printedOf = (page: Page): { printed?: string } => (page.printed ? { printed: page.printed } : {});

/** A note printed with a table: 注：… · 备注：… · 说明：…. */
const NOTE = /^[（(]?(注|备注|说明)\s*[:：]/;

/** A note that says its table holds nothing this year. */
const EMPTY_NOTE = /为空表|(本|此|该)表(为空|无数据|本年无|无)|无数据|无发生额|不涉及|无[^，,。；;]{0,20}(预算|支出|收入|经费|安排)[^，,。；;]{0,6}[，,；;]\s*(故|因此|所以)/;

/** A line that is only a table's number: 表 1, 表一, 附表1. */
const MARKER = /^(?:附\s*)?表\s*(\d+|[一二三四五六七八九十]+)\s*$/;
const DEPARTMENT = /^(部门名称|编制部门|编制单位|单位名称)\s*[:：]\s*(.*)$/;
const YEAR_LINE = /^(\d{4})\s*年度?$/;

/** The N of a `表 N` marker line (its text), else null. */
function markerOfText(text: string): number | null {
  const m = MARKER.exec(text.replace(/[#*]/g, "").trim());
  return m ? chineseNumeral(m[1]) : null;
}

/** A title line that carries its number (表7：一般公共预算支出表): the number and the title after it, else null. */
function numberedTitle(text: string): { number: number; title: string } | null {
  const plain = text.replace(/[#*]/g, "").trim();
  const m = TABLE_NUMBER_PREFIX.exec(plain);
  if (!m || m[0].length === plain.length) return null;
  const number = chineseNumeral(m[1]);
  return number === null ? null : { number, title: plain.slice(m[0].length) };
}

/** The standard table whose printed title is this line's text (a line that is not a table row), if any. */
export function titleOfText(template: DocumentTemplate, text: string): TableTemplate | undefined {
  const t = text.trim();
  if (t.length > 60) return undefined;
  return templateByTitle(template, t);
}

function hasAmount(l: RawLine): boolean {
  return l.cells.some((c) => isNumber(c) || isDash(c));
}

/**
 * A cell that is a dash standing for "none" (`-`, `—`, `－`, `/`: model/amount.ts): a figure's place, as a 0 is. A
 * table whose rows print only dashes (政府性基金预算支出表 of a department with no such funds: 某中心 | | | - | - | -)
 * has data rows, not a header of many rows. No header's label is a dash alone.
 */
function isDash(c: string): boolean {
  const t = c.trim();
  return t.length > 0 && t.length <= 2 && amountTextKind(t) === "dash";
}

/**
 * Cuts the lines of the table part into pages: a page starts at a `表 N` marker or a table title,
 * carries 部门名称 / 单位 lines, header rows (rows without amounts before the first data row) and data rows.
 */
function splitPages(lines: RawLine[], template: DocumentTemplate, hint: TableTemplate | undefined, meta: TableMeta, unknown: UnknownTable[], hintPrinted: string | null = null, lone: Set<RawLine> | null = null): Page[] {
  const pages: Page[] = [];
  let current: Page | null = hint
    ? { template: hint, title: hint.title, titleLocation: lines[0]?.location ?? { file: "" }, department: null, unit: null, header: [], data: [], ...(hintPrinted ? { printed: hintPrinted } : {}) }
    : null;
  let pendingNumber: number | null = null;
  let pendingLocation: SourceLocation | null = null;
  // The 表 N printed on the line above a title, as printed.
  let pendingMarker: string | null = null;
  const start = (tpl: TableTemplate, title: string, loc: SourceLocation) => {
    if (current) pages.push(current);
    // (A sheet's or file's table printing no number above its title has the one its name gives: 表1.csv.)
    const printed = printedTableNumber(title) ?? pendingMarker ?? (tpl === hint ? hintPrinted : null);
    current = { template: tpl, title, titleLocation: loc, department: null, unit: null, header: [], data: [], ...(printed ? { printed } : {}) };
    pendingMarker = null;
  };
  for (const l of lines) {
    const tabular = isTabular(l);
    // A line that is not a row has its text in its first cell (the others are blank): that cell, trimmed,
    // is the line's text (lineText) — worked out once, without copying the cells.
    let text = tabular ? "" : l.cells[0].trim();
    if (!tabular && text === "") continue;
    const n = tabular ? null : markerOfText(text);
    if (n !== null) {
      pendingNumber = n;
      pendingLocation = l.location;
      pendingMarker = printedTableNumber(text);
      continue;
    }
    if (!tabular) {
      const byTitle = titleOfText(template, text);
      if (byTitle) {
        start(byTitle, text.replace(/[#*]/g, "").trim(), l.location);
        pendingNumber = null;
        continue;
      }
      // 表7：一般公共预算支出表 on one line, its title not the template's: read as its 表 N marker and title.
      const numbered: { number: number; title: string } | null = pendingNumber === null ? numberedTitle(text) : null;
      if (numbered) {
        pendingNumber = numbered.number;
        pendingLocation = l.location;
        pendingMarker = printedTableNumber(text);
        text = numbered.title;
      }
      if (pendingNumber !== null) {
        const byNumber = templateByNumber(template, pendingNumber);
        if (!byNumber) {
          // A table the template does not print (表13 项目支出绩效目标表): listed, its rows not read; each of
          // its pages says so again.
          const title = `表${pendingNumber} ${text.replace(/[#*]/g, "").trim()}`;
          if (!unknown.some((u) => u.title === title)) unknown.push({ title, location: pendingLocation ?? l.location });
          if (current) pages.push(current);
          current = null;
          pendingNumber = null;
          pendingMarker = null;
          continue;
        }
        // A title that does not read like the template's: trust the number, keep the printed title.
        start(byNumber, text.replace(/[#*]/g, "").trim(), l.location);
        pendingNumber = null;
        continue;
      }
      const page: Page | null = current;
      if (!page) continue;
      const plain = text.replace(/[#*]/g, "").trim();
      let m = DEPARTMENT.exec(plain);
      if (m) {
        // 编制部门：某局 单位：万元 as one line: the unit is no part of the department's name.
        const joined = trailingMoneyUnit(m[2]);
        page.department = joined.before.trim() || null;
        if (page.department) meta.departments.push(page.department);
        if (joined.unit) {
          page.unit = joined.unit;
          meta.units.push(joined.unit);
        }
        continue;
      }
      const unit = moneyUnitOf(plain);
      if (unit) {
        page.unit = unit;
        meta.units.push(unit);
        continue;
      }
      m = YEAR_LINE.exec(plain);
      if (m) {
        meta.years.push(Number(m[1]));
        continue;
      }
      // 注：…, 本套报表金额单位转换时可能存在尾数误差, 备注: notes, not data.
      if (EMPTY_NOTE.test(plain)) page.emptyNote = true;
      if (NOTE.test(plain)) (page.notes ??= []).push({ line: l.location.line ?? 0, text: plain, ...(l.location.page != null ? { page: l.location.page } : {}), ...(l.location.sheet !== undefined ? { place: l.location } : {}) });
      // A line among a table's rows that prints its first cell only, its other cells blank (管理资金\t\t\t): no row
      // (a row prints more than one cell), but maybe the tail of a cell of the row above, wrapped onto a line of its
      // own (wrapped-tails.ts): kept with the rows, to be joined or left out.
      else if (lone && page.data.length > 0 && l.cells.length > 1 && !EMPTY_NOTE.test(plain)) {
        page.data.push(l);
        lone.add(l);
      }
      continue;
    }
    let page: Page | null = current;
    if (!page) {
      if (pendingNumber !== null) throw new InputError(`表 ${pendingNumber}: a table row comes before the table's title`, l.location);
      continue; // tab rows outside any table (e.g. inside the written parts) are not table data
    }
    if (pendingNumber !== null && pendingNumber === page.template.number) {
      // A continuation page that repeats only its 表 N marker: a new page, so its header rows are read as header.
      start(page.template, page.title, pendingLocation ?? l.location);
      pendingNumber = null;
      page = current as Page | null;
      if (!page) continue;
    }
    // 部门名称：某局 in one cell, 单位：万元 in another (a workbook's second row): metadata, not a header row.
    if (page.data.length === 0 && metaRow(l, page, meta)) continue;
    if (page.data.length === 0 && !hasAmount(l)) page.header.push(l);
    else page.data.push(l);
  }
  if (current) pages.push(current);
  return pages;
}

/**
 * A row of cells that each state a table's metadata (部门名称：某局 · 单位：万元 · 编制单位：某局 单位：元), and at least
 * one that names the department: recorded on the page as a line of its own is. Else false (a header row).
 */
function metaRow(l: RawLine, page: Page, meta: TableMeta): boolean {
  const cells = trimmedCells(l).filter(Boolean);
  let department: string | null = null;
  let unit: string | null = null;
  for (const c of cells) {
    const plain = c.replace(/[#*]/g, "").trim();
    const m = DEPARTMENT.exec(plain);
    if (m) {
      const joined = trailingMoneyUnit(m[2]);
      department = joined.before.trim() || department;
      unit = joined.unit ?? unit;
    } else {
      const u = moneyUnitOf(plain);
      if (!u) return false;
      unit = u;
    }
  }
  if (!department) return false;
  page.department = department;
  meta.departments.push(department);
  if (unit) {
    page.unit = unit;
    meta.units.push(unit);
  }
  return true;
}

/**
 * The money unit a header's label ends in (支出总计（万元）, 金额(元), 2023年预算数（单位：万元）), as normaliseName
 * leaves it: what the column holds is the label before it; the table's unit is its 单位 line's.
 */
const LABEL_MONEY_UNIT = /\((?:金额|计量|货币)?(?:单位:?)?(?:人民币)?(?:万元|元|千元|亿元)\)$/;

/** Flattens multi-row headers: upper rows carry a label rightwards over empty (merged) cells. */
export function flattenHeader(rows: string[][]): string[] {
  const width = Math.max(0, ...mapArray(rows, (r) => r.length));
  const filled = mapArray(rows, (r, ri) => {
    const out: string[] = [];
    let carry = "";
    for (let i = 0; i < width; i++) {
      const n = normaliseName(r[i] ?? "");
      const v = n.endsWith("元)") ? n.replace(LABEL_MONEY_UNIT, "") : n;
      if (v) carry = v;
      out.push(v || (ri < rows.length - 1 ? carry : ""));
    }
    return out;
  });
  const labels: string[] = [];
  for (let i = 0; i < width; i++) {
    const segs: string[] = [];
    for (const r of filled) if (r[i] && segs[segs.length - 1] !== r[i]) segs.push(r[i]);
    labels.push(segs.join("/"));
  }
  return labels;
}

interface ColumnMap {
  width: number;
  index: Map<string, number>;
  labels: string[];
  specs: (ColumnSpec | null)[];
  /** The template's columns the header has, in the template's order, with where each is printed. */
  present: { spec: ColumnSpec; at: number; isAmount: boolean; nonNegative: boolean }[];
  /** Where the code is printed split over 类 | 款 | 项 columns (or 类 | 款): their places, left to right. */
  codeParts?: number[];
}

/**
 * A code printed over 类 / 款 / 项 columns (206 | 07 | 01), as many provinces print it: the places of those
 * columns where the header's labels are 类, 款 and optionally 项, side by side; else null.
 */
function splitCodeColumns(leaves: string[]): number[] | null {
  const leaf = (i: number) => normaliseName(leaves[i] ?? "");
  for (let i = 0; i + 1 < leaves.length; i++)
    if (leaf(i) === "类" && leaf(i + 1) === "款") return leaf(i + 2) === "项" ? [i, i + 1, i + 2] : [i, i + 1];
  return null;
}

/** The code of a row printed over 类 / 款 / 项 cells: 206 + 07 + 01, a one-digit 款 or 项 with its zero (7 → 07). */
function joinedCode(parts: string[]): string {
  let code = "";
  for (const [k, p] of parts.entries()) {
    const t = p.replace(/\s+/g, "");
    if (!t) break;
    code += k > 0 && /^\d$/.test(t) ? `0${t}` : t;
  }
  return code;
}

function matchColumns(tpl: TableTemplate, page: Page, collapsed = false): ColumnMap {
  const headerRows = headerRowsOf(page);
  // A two-row header whose blank cells were lost (a run of tabs written as one: lost-blanks.ts) no longer says which
  // lower labels stand under which upper one: read only where one grouping alone fits the template's columns.
  if (collapsed && headerRows.length === 2 && printedCells(headerRows[0].cells) !== printedCells(headerRows[1].cells)) return collapsedHeaderColumns(tpl, page, headerRows);
  const labels = flattenHeader(mapArray(headerRows, (r) => r.cells));
  const found = columnsOfLabels(tpl, labels);
  if ("missing" in found) {
    const loc = page.header[0]?.location ?? page.data[0]?.location ?? page.titleLocation;
    const seen = labels.filter(Boolean).join(" | ") || "no header row";
    throw new InputError(
      `表${tpl.number} ${tpl.title}: the header cannot be matched: expected ${mapArray(found.missing, (m) => m.label).join("、")}; found ${seen}`,
      loc,
    );
  }
  return found;
}

/** A page's header rows: a 部门名称 / 主管部门 line printed inside the header block is metadata, not a column header. */
function headerRowsOf(page: Page): RawLine[] {
  return page.header.filter((r) => !/^(部门名称|主管部门|编制部门|单位名称)[:：]?$/.test(normaliseName(trimmedCells(r).find(Boolean) ?? "")));
}

/**
 * The tables read as having lost their blank cells (lost-blanks.ts): a page none of whose lines has a blank cell
 * inside it may be a table printed with no blanks, or one whose rows end early because its writer left out the tabs
 * at their ends; it is taken to have lost them only in a document where a two-row header shows it (its rows of
 * unequal lengths, neither with a blank inside: merged labels printed with their blanks have some), and then every
 * table all of whose pages show no blank inside a line is.
 */
function tablesWithLostBlanks(pages: Page[], lone: ReadonlySet<RawLine> | null): Set<TableId> {
  const out = new Set<TableId>();
  const mixed = new Set<TableId>();
  let shown = false;
  for (const page of pages) {
    const id = page.template.id;
    if (!(blanksCollapsed(page.header) && blanksCollapsed(lone?.size ? page.data.filter((l) => !lone.has(l)) : page.data))) {
      mixed.add(id);
      continue;
    }
    out.add(id);
    const rows = headerRowsOf(page);
    if (rows.length === 2 && printedCells(rows[0].cells) !== printedCells(rows[1].cells)) shown = true;
  }
  if (!shown) return new Set();
  for (const id of mixed) out.delete(id);
  return out;
}

/** The message's words for a header refused because its blank cells were lost. */
const LOST_HEADER = "its blank cells were lost (runs of tabs written as one tab)";

/**
 * The columns of a two-row header that lost its blank cells: the grouping of its labels (collapsedHeaderLayouts)
 * in which the template's required columns are all found, where there is exactly one such reading of the columns;
 * else the table's header cannot be matched, and the error says why.
 */
function collapsedHeaderColumns(tpl: TableTemplate, page: Page, rows: RawLine[]): ColumnMap {
  let minWidth = 0;
  for (const l of page.data) minWidth = Math.max(minWidth, printedCells(l.cells));
  const layouts = collapsedHeaderLayouts(rows[0].cells, rows[1].cells, minWidth);
  const fits: ColumnMap[] = [];
  const seen = new Set<string>();
  for (const labels of layouts ?? []) {
    const found = columnsOfLabels(tpl, labels);
    if ("missing" in found) continue;
    // Two groupings that read the template's columns from the same places are one reading.
    const key = `${found.width}:${mapArray(tpl.columns, (c) => found.index.get(c.key) ?? -1).join(",")}`;
    if (seen.has(key)) continue;
    seen.add(key);
    fits.push(found);
  }
  if (fits.length === 1) return fits[0];
  const loc = rows[0].location;
  const printed = mapArray(rows, (r) => trimmedCells(r).filter(Boolean).join(" | ")).join(" / ");
  const why = layouts === null ? "too many ways to group its labels to try" : fits.length === 0 ? "no grouping of its labels gives the template's columns" : `its labels can be grouped into the template's columns in ${fits.length} ways`;
  throw new InputError(`表${tpl.number} ${tpl.title}: the header cannot be matched: ${LOST_HEADER}, and ${why}; found ${printed}`, loc);
}

/** The template's columns found among a header's flattened labels: the column map, or the required ones missing. */
function columnsOfLabels(tpl: TableTemplate, labels: string[]): ColumnMap | { missing: ColumnSpec[] } {
  const index = new Map<string, number>();
  const used = new Set<number>();
  const missing: ColumnSpec[] = [];
  // Each label's last segment, worked out once for all the template's columns.
  const leaves = mapArray(labels, (label) => label.slice(label.lastIndexOf("/") + 1));
  const codeParts = tpl.columns.some((c) => c.key === "code") ? splitCodeColumns(leaves) : null;
  if (codeParts) for (const i of codeParts) used.add(i);
  for (const spec of tpl.columns) {
    let found = -1;
    for (let i = 0; i < labels.length; i++) {
      if (used.has(i) || !labels[i]) continue;
      if (spec.leaf.test(leaves[i]) && (!spec.group || spec.group.test(labels[i]))) {
        found = i;
        break;
      }
    }
    // No 科目编码 column, but 类 | 款 | 项: the code is read from those.
    if (found < 0 && spec.key === "code" && codeParts) found = codeParts[0];
    if (found >= 0) {
      index.set(spec.key, found);
      used.add(found);
    } else if (spec.required) missing.push(spec);
  }
  if (missing.length) return { missing };
  const specs: (ColumnSpec | null)[] = mapArray(labels, () => null);
  for (const spec of tpl.columns) {
    const i = index.get(spec.key);
    if (i !== undefined) specs[i] = spec;
  }
  const split = codeParts && index.get("code") === codeParts[0] ? codeParts : undefined;
  // Each part of a split code is where a code's digits stand (a row shifted at a page break keeps them there).
  if (split) for (const i of split) specs[i] = specs[split[0]];
  const present: ColumnMap["present"] = [];
  for (const spec of tpl.columns) {
    const at = index.get(spec.key);
    if (at !== undefined) present.push({ spec, at, isAmount: spec.kind === "amount", nonNegative: spec.nonNegative ?? true });
  }
  return { width: labels.length, index, labels, specs, present, ...(split ? { codeParts: split } : {}) };
}

/**
 * Column maps already worked out, per template table, with the header rows' cells they were worked out from: a table
 * prints its header again on each page, and alike in every document of a batch (108 headers in 2,600 pages of 100
 * synthetic documents). matchColumns was ~1.7% of a warm document. It reads nothing but the table's template and
 * those cells; a header it cannot match throws, and is not kept. The cells are compared as they are (no key text to
 * build and hash per page: that was a third of the saving); the last used first, at most COLUMN_MAPS_MAX a table.
 * What is kept are strings of their own, not views into a document's text (test/unit/memo-retention.test.ts).
 */
const columnMaps = new WeakMap<TableTemplate, { rows: string[][]; map: ColumnMap }[]>();
const COLUMN_MAPS_MAX = 16;

function columnMapOf(tpl: TableTemplate, page: Page, collapsed: boolean): ColumnMap {
  // A header that lost its blank cells is read with its page's rows (how wide they are): not kept.
  if (collapsed) return matchColumns(tpl, page, true);
  let known = columnMaps.get(tpl);
  if (!known) columnMaps.set(tpl, (known = []));
  for (let k = 0; k < known.length; k++) {
    if (!sameCells(known[k].rows, page.header)) continue;
    const hit = known[k];
    if (k > 0) {
      known.splice(k, 1);
      known.unshift(hit);
    }
    return hit.map;
  }
  const map = matchColumns(tpl, page);
  if (known.length >= COLUMN_MAPS_MAX) known.pop();
  known.unshift({ rows: mapArray(page.header, (r) => mapArray(r.cells, ownString)), map: { ...map, labels: mapArray(map.labels, ownString) } });
  return map;
}

/** The same rows of the same cells, as printed. */
function sameCells(rows: string[][], lines: RawLine[]): boolean {
  if (rows.length !== lines.length) return false;
  for (let r = 0; r < rows.length; r++) {
    const a = rows[r];
    const b = lines[r].cells;
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  }
  return true;
}

/**
 * A row that lost its leading empty cells at a page break (表12) is shifted right until its amounts
 * stand in amount columns and its text in text columns: how many columns (0: it stands where printed).
 * Cell i of the row as read is then `l.cells[i − shift]` (empty left of the printed cells) — an offset,
 * not a shifted copy of the row's cells and locations (cellText, cellLocation).
 */
function shiftOf(l: RawLine, map: ColumnMap): number {
  const raw = l.cells;
  // The cells without the empty ones at the end.
  let filled = raw.length;
  while (filled > 0 && raw[filled - 1].trim() === "") filled--;
  if (filled >= map.width || filled === 0) return 0;
  const trimmed = new Array<string>(filled);
  for (let i = 0; i < filled; i++) trimmed[i] = raw[i].trim();
  // Amounts must land in amount columns, text in text columns (a code such as 206 reads as a number).
  // A mistyped amount (9,7244) is first taken as an amount, so that it stays in its column and is
  // reported as malformed rather than shifting the row; only if no shift fits is it allowed to be text.
  const kinds = mapArray(trimmed, (c) => (c ? amountTextKind(c) : "blank"));
  const fits = (k: number, malformedIsAmount: boolean) => {
    for (let i = 0; i < filled; i++) {
      if (!trimmed[i]) continue;
      const spec = map.specs[i + k];
      if (!spec) return false;
      const cls = kinds[i];
      const amountLike = cls === "amount" || (malformedIsAmount && cls === "malformed");
      if (amountLike ? !(spec.kind === "amount" || spec.key === "code") : !(spec.kind === "text" || cls === "malformed")) return false;
    }
    return true;
  };
  for (const strict of [true, false]) {
    if (fits(0, strict)) return 0;
    for (let k = 1; k + filled <= map.width; k++) if (fits(k, strict)) return k;
  }
  return 0;
}

/** A row that lost its blank cells, its cells set in the columns a placement gives (the others blank). */
function placedLine(l: RawLine, placement: { cell: number; column: number }[], width: number): RawLine {
  const cells = new Array<string>(width).fill("");
  const cellLocations = new Array<SourceLocation>(width).fill(l.location);
  for (const { cell, column } of placement) {
    cells[column] = l.cells[cell];
    cellLocations[column] = l.cellLocations[cell] ?? l.location;
  }
  return { cells, location: l.location, cellLocations };
}

/** Why a table whose rows lost their blank cells is not read: the first rows that cannot be placed, and how many. */
function unplacedReason(rows: { line: RawLine; ways: number }[], width: number): string {
  const where = (l: RawLine) => (l.location.line != null && l.location.sheet === undefined ? `line ${l.location.line}` : formatLocation(l.location));
  const shown = mapArray(rows.slice(0, 3), ({ line, ways }) => `${where(line)} (${printedCells(line.cells)} cells for ${width} columns: ${ways === 0 ? "no placement fits" : "more than one placement fits"})`);
  const more = rows.length > shown.length ? `, and ${rows.length - shown.length} more` : "";
  return `行的空白单元格已丢失，无法确定其列 blank cells lost (runs of tabs written as one tab), cells not placed: ${shown.join("; ")}${more}`;
}

/** Cell `i` of a row shifted by `shift` (shiftOf), trimmed; "" left of the printed cells and past them. */
function cellText(l: RawLine, shift: number, i: number): string {
  const j = i - shift;
  return j >= 0 && j < l.cells.length ? l.cells[j].trim() : "";
}

/** Where cell `i` of a row shifted by `shift` is printed: the row's place left of the printed cells and past them. */
function cellLocation(l: RawLine, shift: number, i: number): SourceLocation {
  const j = i - shift;
  return (j >= 0 && j < l.cellLocations.length ? l.cellLocations[j] : undefined) ?? l.location;
}

/**
 * Roles already found, per template table and side (none, income, expenditure), by the row's name as printed: the
 * names of a 收支总表's rows are alike in every document, and each was normalised and tried against every role's
 * pattern (~0.5% of a warm document). Names longer than ROLE_NAME_MAX (a 绩效目标表's tasks, each its own) are
 * not kept. Emptied when full; the names kept are strings of their own, not views into a document's text.
 */
const rolesByName = new WeakMap<TableTemplate, Map<string, RoleSpec | null>[]>();
const ROLES_MAX = 1_024;
const ROLE_NAME_MAX = 64;

function roleOf(tpl: TableTemplate, name: string, side: "income" | "expenditure" | null): RoleSpec | undefined {
  if (!tpl.roles) return undefined;
  if (name.length > ROLE_NAME_MAX) return findRole(tpl.roles, name, side);
  let bySide = rolesByName.get(tpl);
  if (!bySide) rolesByName.set(tpl, (bySide = [new Map(), new Map(), new Map()]));
  const memo = bySide[side === null ? 0 : side === "income" ? 1 : 2];
  let role = memo.get(name);
  if (role === undefined) {
    role = findRole(tpl.roles, name, side) ?? null;
    if (memo.size >= ROLES_MAX) memo.clear();
    memo.set(ownString(name), role);
  }
  return role ?? undefined;
}

function findRole(roles: RoleSpec[], name: string, side: "income" | "expenditure" | null): RoleSpec | undefined {
  const n = normaliseName(name);
  return roles.find((r) => r.pattern.test(n) && (!r.side || !side || r.side === side));
}

function buildCells(map: ColumnMap, l: RawLine, shift: number): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  for (const { spec, at, isAmount, nonNegative } of map.present) out[spec.key] = amountCell(cellText(l, shift, at), cellLocation(l, shift, at), isAmount, nonNegative);
  if (map.codeParts) {
    const parts = mapArray(map.codeParts, (i) => cellText(l, shift, i));
    out.code = { text: joinedCode(parts), amount: null, location: cellLocation(l, shift, map.codeParts[0]) };
  }
  return out;
}

/** A cell; in an amount column its text is classified once (model/amount.ts): an amount, or why not. */
export function amountCell(text: string, location: SourceLocation, isAmount: boolean, nonNegative: boolean): Cell {
  if (!isAmount) return { text, amount: null, location };
  const c = readAmountCell(text, location, nonNegative);
  if (!("kind" in c)) return { text, amount: c, location };
  if (c.kind === "malformed") return { text, amount: null, location, invalid: c.reason };
  return { text, amount: null, location };
}

export function emptyRow(label: string, location: SourceLocation): Row {
  return { kind: "other", unit: null, code: null, codeKind: null, name: null, label, side: null, role: null, level: null, cells: {}, location };
}

/** A 科目名称 cell that starts with its code in brackets: [2010501]行政运行, 【201】一般公共服务支出. */
const BRACKETED_CODE = /^\s*[[【［]\s*(\d{3,7})\s*[\]】］]\s*(\S.*)$/;

/**
 * A cell that prints a 功能 or 经济 code and then its name, apart by a space or not: 2060701 机构运行, 30101基本工资
 * (a 科目编码及名称 column, or the code printed in the name's cell or the name in the code's). The code has 3, 5 or 7
 * digits and a name follows, not a unit of measure (100万元以上, 300人): a year (2023年) has 4.
 */
const LEADING_CODE = /^\s*(\d{3}|\d{5}|\d{7})(?:\s+|(?=[\u4e00-\u9fff]))(?![年月日万元个人次项])(\S.*)$/;

const ALL_DIGITS = /^\d+$/;

/** Whether a name's cell could start with a code (a digit, or spaces first): most start with a 汉字, and no pattern is run. */
function mayLeadWithCode(s: string): boolean {
  const c = s.charCodeAt(0);
  return (c >= 0x30 && c <= 0x39) || c === 0x20 || c === 0x3000 || c === 0x09;
}

/** A budget unit's code printed in a code column (单位编码): six digits or more, where 功能 and 经济 codes have 3, 5 or 7. */
const UNIT_CODE = /^(\d{6}|\d{8,12})$/;

/** The code of the next coded item after item i, when it is a unit's. */
function unitCodeAfter(items: Item[], i: number): string | null {
  for (let k = i + 1; k < items.length && k <= i + 3; k++) {
    const c = asciiDigits(withoutSpaces(items[k].cells.code?.text ?? ""));
    if (c) return UNIT_CODE.test(c) ? c : null;
  }
  return null;
}

/**
 * A classified row's kind, unit, name and label (its label the name unless given), set on the row emptyRow made: its
 * properties are all there already (not an object made per row to be copied in by Object.assign).
 */
function typed(row: Row, kind: Row["kind"], unit: string | null, name: string | null, label: string = name ?? ""): void {
  row.kind = kind;
  row.unit = unit;
  row.name = name;
  row.label = label;
}

/** Whitespace characters: \s, the pattern withoutSpaces replaces. */
const SPACES = /\s+/g;

/**
 * The text without its whitespace, as `.replace(/\s+/g, "")` gives it: the text itself, without running the pattern,
 * when no character could be one \s matches (a code's digits, asked of every classified row). Every character \s
 * matches is at most U+0020, U+00A0, U+1680, from U+2000 to U+3000, or U+FEFF; any such character leaves it to the pattern.
 */
export function withoutSpaces(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x3000) || c === 0xfeff) return s.replace(SPACES, "");
  }
  return s;
}

export function classifiedRows(tpl: TableTemplate, items: Item[], department: string | null): Row[] {
  const rows: Row[] = [];
  let unit: string | null = null;
  const dept = department ? normaliseName(department) : null;
  items.forEach((it, i) => {
    const unitText = it.cells.unit?.text ?? "";
    // (A code typed full-width, ３０１, in a workbook's or CSV's cell is the code 301: a text's are made ASCII when read.)
    let printedCode = asciiDigits(withoutSpaces(it.cells.code?.text ?? ""));
    let nameText = it.cells.name?.text ?? "";
    // The code's cell printing the name too (2060701 机构运行), the name's cell empty: the code, and the name after it.
    if (!nameText.trim() && printedCode && !ALL_DIGITS.test(printedCode)) {
      const both = LEADING_CODE.exec(asciiDigits(it.cells.code?.text ?? ""));
      if (both) [printedCode, nameText] = [both[1], both[2]];
    }
    // A name printed after its code in brackets, as budget systems export it ([2010501]行政运行), or after its code
    // where no code cell prints one (2060701 机构运行): the name is what follows, the code the one before it where no
    // code cell says otherwise.
    const bracketed = BRACKETED_CODE.exec(nameText) ?? (mayLeadWithCode(nameText) ? LEADING_CODE.exec(nameText) : null);
    const code = printedCode || (bracketed?.[1] ?? "");
    const name = bracketed && (!printedCode || bracketed[1] === printedCode) ? bracketed[2] : nameText;
    const row = emptyRow(unitText || code || name, it.loc);
    row.cells = it.cells;
    // A budget unit printed in the code column by its own code (单位编码, six digits or more: 164001 黑龙江省文化和旅游厅
    // （本级）), its 类/款/项 under it; the department by the code its units' codes begin with (164 黑龙江省文化和旅游厅).
    if (!unitText && name && UNIT_CODE.test(code)) {
      unit = name;
      typed(row, "unit", name, name);
    } else if (!unitText && name && /^\d{2,5}$/.test(code) && unitCodeAfter(items, i)?.startsWith(code)) {
      typed(row, "department", null, name);
    } else if (code && /^\d{3,7}$/.test(code)) {
      typed(row, "code", unit, name || null, name || code);
      row.code = code;
      row.codeKind = tpl.codeKind ?? null;
    } else if (/^(合计|总计)$/.test(normaliseName(unitText || name))) {
      typed(row, "department", null, unitText || name);
    } else if (unitText && !code) {
      const nextIsUnit = (() => {
        const n = items[i + 1];
        return !!n && !!n.cells.unit?.text && !(n.cells.code?.text ?? "").trim();
      })();
      const isDept = (dept !== null && normaliseName(unitText) === dept) || (i === 0 && nextIsUnit && dept === null);
      if (isDept) typed(row, "department", null, unitText);
      else {
        unit = unitText;
        typed(row, "unit", unitText, unitText);
      }
    }
    rows.push(row);
  });
  return rows;
}

const SIDES = [
  { side: "income", label: "income-label", amount: "income-amount" },
  { side: "expenditure", label: "expenditure-label", amount: "expenditure-amount" },
] as const;

const SIDE_KEYS = new Set(["income-label", "income-amount", "expenditure-label", "expenditure-amount"]);

export function twoSidedRows(tpl: TableTemplate, items: Item[]): Row[] {
  const rows: Row[] = [];
  for (const it of items) {
    for (const { side, label: labelKey, amount: amountKey } of SIDES) {
      const labelCell = it.cells[labelKey];
      const amountCell = it.cells[amountKey];
      const label = labelCell?.text ?? "";
      if (!label && !amountCell?.text) continue;
      const { level, name } = splitMarker(label);
      const role = roleOf(tpl, name, side);
      const row = emptyRow(label, labelCell?.location ?? it.loc);
      row.location = it.loc;
      Object.assign(row, {
        kind: role?.kind ?? "item",
        side,
        role: role?.role ?? null,
        name,
        level: role ? (role.parent ? 2 : 1) : level,
        cells: amountCell ? { amount: amountCell } : {},
      });
      // What the expenditure side splits its 预算数 into (by fund, by use) stays on its row.
      if (side === "expenditure")
        for (const key in it.cells) if (!SIDE_KEYS.has(key) && it.cells[key]?.text && tpl.columns.some((c) => c.key === key && c.kind === "amount")) row.cells[key] = it.cells[key];
      rows.push(row);
    }
  }
  return rows;
}

export function unitYearRows(tpl: TableTemplate, items: Item[], docYear: number | null): Row[] {
  const rows: Row[] = [];
  let unit: string | null = null;
  for (const it of items) {
    const u = it.cells.unit?.text ?? "";
    if (u) unit = u;
    const yearText = it.cells.year?.text ?? "";
    const row = emptyRow(yearText, it.loc);
    row.cells = it.cells;
    row.unit = unit;
    row.name = yearText;
    const y = /^(\d{4})\s*年?/.exec(yearText.trim());
    const role = roleOf(tpl, yearText, null);
    if (y) {
      row.kind = "year";
      row.role = `year:${y[1]}`;
    } else if (role) {
      row.kind = role.kind;
      row.role = role.role;
    }
    // 增减变化金额 is a difference between years: it can be below zero (a printed 0 stands for [−½, ½]).
    if (row.role === "change") for (const c of Object.values(row.cells)) if (c.amount) c.amount.nonNegative = false;
    rows.push(row);
  }
  // Per unit, the latest year is the current one and the one before it the previous.
  const byUnit = new Map<string | null, Row[]>();
  for (const r of rows) if (r.role?.startsWith("year:")) pushTo(byUnit, r.unit, r);
  for (const list of byUnit.values()) {
    const years = mapArray(list, (r) => Number(r.role!.slice(5))).sort((a, b) => b - a);
    const current = docYear && years.includes(docYear) ? docYear : years[0];
    for (const r of list) {
      const y = Number(r.role!.slice(5));
      r.role = y === current ? "current-year" : y === current - 1 ? "previous-year" : r.role;
    }
  }
  return rows;
}

/**
 * A 部门整体支出绩效目标表's 年度预算申请 box (湖南's: 资金总额 X · 基本支出 a · 项目支出 b, a line each) is the budget's
 * split, not tasks: its lines are neither tasks nor the tasks' total (a line's name may run on into the next
 * label's words: 项目支出年度绩效目标).
 */
const BUDGET_BOX = /资金总额|年度预算申请/;
const BUDGET_BOX_LINE = /^(基本支出|项目支出|人员经费|公用经费|其中|财政拨款|一般公共预算|政府性基金|其他资金|其他收入|事业收入)/;

export function taskRows(tpl: TableTemplate, items: Item[]): Row[] {
  const rows: Row[] = [];
  let done = false;
  let inBox = false;
  for (const it of items) {
    const name = it.cells.name?.text || it.cells.group?.text || "";
    const row = emptyRow(name, it.loc);
    row.cells = it.cells;
    row.name = name || null;
    inBox = BUDGET_BOX.test(name) || (inBox && BUDGET_BOX_LINE.test(name.replace(/\s+/g, "")));
    if (inBox) {
      rows.push(row);
      continue;
    }
    const role = roleOf(tpl, name, null);
    const hasAmounts = tpl.columns.some((c) => c.kind === "amount" && it.cells[c.key]?.amount);
    if (!done && role?.role === "tasks-total") {
      Object.assign(row, { kind: "total", role: role.role });
      done = true;
    } else if (!done && hasAmounts && name) {
      Object.assign(row, { kind: "item", role: role?.role ?? "task" });
    }
    rows.push(row);
  }
  return rows;
}

/** A data row with its cells mapped to the template's column keys. */
export interface Item {
  cells: Record<string, Cell>;
  loc: SourceLocation;
}

export interface ParsedTables {
  tables: Table[];
  meta: TableMeta;
  /** Tables the template does not print, by their 表 N marker and title: listed, not read. */
  unknown: UnknownTable[];
  /**
   * Why a table of the template was not read: its header names no column the template requires (the
   * table is listed in `unknown` with the reason; the caller decides whether the rest is the document).
   */
  headerErrors: InputError[];
}

/** What a text form of a document says beside its tables, for reading cells wrapped onto lines of their own. */
export interface WrappedText {
  /** The written parts' text. */
  text: string;
  /** The department's name, where the document says it. */
  department: string | null;
}

/**
 * The pages' data lines with the tails of wrapped cells joined to their rows (wrapped-tails.ts), by page; every page
 * whose lines change is in the map (the lines that print one cell only are left out of every other page's rows). Only
 * pages with a line that may be a tail are joined, the tables by code first: the 科目名称 they print, whole, tell a
 * 收支总表's wrapped names. A page whose header cannot be matched, or whose blank cells were lost, is not joined. What
 * the evidence reads — each page's column map, the names known — is worked out when first asked.
 */
function joinedPages(pages: Page[], mayWrap: Set<Page>, lostBlanks: Set<TableId>, lone: Set<RawLine>, meta: TableMeta, wrapped: WrappedText): Map<Page, RawLine[]> {
  const out = new Map<Page, RawLine[]>();
  // Each page's column map, as the main loop finds it: its header's, or the table's page above's (a page without a header).
  const source = new Map<Page, Page>();
  let lastSource: Page | null = null;
  for (const page of pages) {
    const id = page.template.id;
    if (lostBlanks.has(id)) lastSource = null;
    else if (page.header.length === 0 && lastSource?.template.id === id) source.set(page, lastSource);
    else if (page.data.length > 0) source.set(page, (lastSource = page));
    else lastSource = null;
  }
  const maps = new Map<Page, WrapPage | null>();
  const wrapOf = (page: Page): WrapPage | null => {
    const from = source.get(page);
    if (!from) return null;
    let w = maps.get(from);
    if (w === undefined) {
      w = null;
      try {
        const map = columnMapOf(from.template, from, false);
        w = { tpl: from.template, map, shiftOf: (l) => shiftOf(l, map) };
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
      }
      maps.set(from, w);
    }
    return w;
  };
  let text: string | null = null;
  let units: Set<string> | null = null;
  let coded: Set<string> | null = null;
  let codedReady = false;
  const names: KnownNames = {
    printed: (name) => (text ??= normaliseName(wrapped.text)).includes(name),
    unit: (name) => (units ??= unitNames(pages, lone, meta, wrapped, wrapOf)).has(name),
    // (Not while the tables by code are joined: their names are known once they are.)
    coded: (name) => {
      if (!codedReady) return false;
      if (!coded) {
        coded = new Set();
        for (const page of pages) {
          const w = page.template.layout === "classified" ? wrapOf(page) : null;
          if (w) noteCodedNames(out.get(page) ?? page.data, w, coded);
        }
      }
      return coded.has(name);
    },
  };
  const join = (page: Page) => {
    const w = mayWrap.has(page) ? wrapOf(page) : null;
    const lines = w ? joinWrapped(page.data, w, names, lone) : null;
    if (lines) out.set(page, lines);
  };
  for (const page of pages) if (page.template.layout === "classified") join(page);
  codedReady = true;
  for (const page of pages) if (page.template.layout !== "classified") join(page);
  // Lines of one cell on a page not joined are no rows, as before.
  if (lone.size) for (const page of pages) if (!out.has(page) && page.data.some((l) => lone.has(l))) out.set(page, page.data.filter((l) => !lone.has(l)));
  return out;
}

/** The department's name and the budget units' names the tables print whole, on a row with figures (normalised). */
function unitNames(pages: Page[], lone: Set<RawLine>, meta: TableMeta, wrapped: WrappedText, wrapOf: (page: Page) => WrapPage | null): Set<string> {
  const units = new Set<string>();
  for (const d of meta.departments) units.add(normaliseName(d));
  if (wrapped.department) units.add(normaliseName(wrapped.department));
  for (const page of pages) {
    const w = wrapOf(page);
    const at = w?.map.index.get("unit");
    if (!w || at === undefined) continue;
    for (const l of page.data) {
      if (lone.has(l) || !hasAmount(l)) continue;
      const u = l.cells[at - w.shiftOf(l)]?.trim();
      if (u) units.add(normaliseName(u));
    }
  }
  return units;
}

/**
 * Recognises the standard tables in a sequence of printed lines (text, CSV or worksheet rows),
 * merging a table's pages and typing its rows by the template's layout.
 * `hint` names the table when the lines carry no title (a CSV file named after its table).
 */
export function parseTables(lines: RawLine[], template: DocumentTemplate, opts: { hint?: TableTemplate; hintName?: string; docYear?: number | null; wrapped?: WrappedText } = {}): ParsedTables {
  const meta: TableMeta = { departments: [], units: [], years: [] };
  const unknown: UnknownTable[] = [];
  // (Lines that print one cell only, kept with the rows where cells may be wrapped: wrapped-tails.ts.)
  const lone = opts.wrapped ? new Set<RawLine>() : null;
  const pages = splitPages(lines, template, opts.hint, meta, unknown, opts.hint && opts.hintName ? printedTableNumber(opts.hintName) : null, lone);
  const tables: Table[] = [];
  const itemsOf = new Map<TableId, Item[]>();
  let lastMap: ColumnMap | null = null;
  let lastId: TableId | null = null;
  const firstRows = new Map<TableId, RawLine>();
  const headerErrors: InputError[] = [];
  // Tables whose header could not be matched: none of their pages is read (part of a table would be read as all of it).
  const unread = new Set<TableId>();
  const lostBlanks = tablesWithLostBlanks(pages, lone);
  // (Only pages with a line that may be a tail are joined: a line of one cell, or one of words only under a row.)
  const mayWrap = lone ? pages.filter((p) => p.data.some((l, i) => lone.has(l) || (i > 0 && wordsOnly(l)))) : [];
  const joined = opts.wrapped && lone && mayWrap.length ? joinedPages(pages, new Set(mayWrap), lostBlanks, lone, meta, opts.wrapped) : null;
  for (const page of pages) {
    const tpl = page.template;
    if (unread.has(tpl.id)) continue;
    let map: ColumnMap;
    // A page whose rows show that their blank cells were lost (lost-blanks.ts): its header and short rows are read
    // only where what is printed leaves one reading.
    const collapsed = lostBlanks.has(tpl.id);
    if (page.header.length === 0 && lastId === tpl.id && lastMap) map = lastMap;
    else if (page.header.length === 0 && page.data.length === 0) {
      // Only its title and a note that it is empty (本部门无政府性基金预算支出，故本表为空表): printed, with no rows.
      if (page.emptyNote && !tables.some((x) => x.id === tpl.id))
        tables.push({ id: tpl.id, kind: tpl.kind, title: page.title.replace(TABLE_NUMBER_PREFIX, "") || tpl.title, ...printedOf(page), unit: page.unit, department: page.department, columns: [], rows: [], location: page.titleLocation, pages: 1, ...(page.notes && { notes: page.notes }) });
      continue;
    }
    else {
      try {
        map = columnMapOf(tpl, page, collapsed);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        headerErrors.push(e);
        unread.add(tpl.id);
        const reason = e.message.slice(e.message.indexOf("the header cannot be matched: ") + "the header cannot be matched: ".length);
        unknown.push({ title: `表${tpl.number} ${page.title.replace(TABLE_NUMBER_PREFIX, "") || tpl.title}（表头未能识别 header not understood: ${reason}）`, location: e.location ?? page.titleLocation, kind: tpl.kind });
        // Pages of it read before this one are dropped with it.
        const at = tables.findIndex((x) => x.id === tpl.id);
        if (at >= 0) tables.splice(at, 1);
        itemsOf.delete(tpl.id);
        lastId = null;
        continue;
      }
    }
    lastMap = map;
    lastId = tpl.id;
    const beyond: Cell[] = [];
    // Rows of a page that lost its blank cells, whose cells cannot be placed in its columns without a guess.
    const unplaced: { line: RawLine; ways: number }[] = [];
    const data = joined?.get(page) ?? page.data;
    const items = mapArray(data, (l) => {
      if (collapsed && !map.codeParts) {
        const n = printedCells(l.cells);
        if (n > 0 && n < map.width) {
          const found = placements(l.cells, map.specs, 2);
          if (found.length === 1) return { cells: buildCells(map, placedLine(l, found[0], map.width), 0), loc: l.location };
          unplaced.push({ line: l, ways: found.length });
          return { cells: {}, loc: l.location };
        }
      }
      const shift = shiftOf(l, map);
      // What is printed past the header's last column has no column to be read into: kept to be reported.
      for (let i = map.width; i < l.cells.length + shift; i++) {
        const text = cellText(l, shift, i);
        if (text) beyond.push({ text, amount: null, location: cellLocation(l, shift, i) });
      }
      return { cells: buildCells(map, l, shift), loc: l.location };
    });
    if (unplaced.length) {
      // Read in part, the table would be read as all of it (a unit's rows under another unit, a code's figures
      // in another column): not read, and the report says which rows and why.
      unread.add(tpl.id);
      unknown.push({ title: `表${tpl.number} ${page.title.replace(TABLE_NUMBER_PREFIX, "") || tpl.title}（${unplacedReason(unplaced, map.width)}）`, location: unplaced[0].line.location, kind: tpl.kind });
      const at = tables.findIndex((x) => x.id === tpl.id);
      if (at >= 0) tables.splice(at, 1);
      itemsOf.delete(tpl.id);
      lastId = null;
      continue;
    }
    const first = data[0];
    const earlier = first ? firstRows.get(tpl.id) : undefined;
    if (first && earlier && rowText(earlier) === rowText(first)) throw printedTwice(tpl, earlier.location, first.location);
    if (first && !earlier) firstRows.set(tpl.id, first);
    let t = tables.find((x) => x.id === tpl.id);
    if (!t) {
      const columns: Column[] = mapArray(
        tpl.columns.filter((c) => map.index.has(c.key)),
        (c) => ({ key: c.key, name: c.label, label: map.labels[map.index.get(c.key)!] || c.label, kind: c.kind }),
      );
      const title = page.title.replace(TABLE_NUMBER_PREFIX, "") || tpl.title;
      if (tpl.layout === "two-sided") columns.push({ key: "amount", label: map.labels[map.index.get("income-amount")!] ?? amountName(null, title), kind: "amount" });
      t = { id: tpl.id, kind: tpl.kind, title, ...printedOf(page), unit: page.unit, department: page.department, columns, rows: [], location: page.titleLocation, pages: 0 };
      tables.push(t);
    }
    t.pages++;
    if (beyond.length) (t.beyondHeader ??= []).push(...beyond);
    if (page.notes) (t.notes ??= []).push(...page.notes);
    t.unit ??= page.unit;
    t.department ??= page.department;
    const list = itemsOf.get(t.id);
    if (list) for (const it of items) list.push(it); // in place: a copy per page made many pages cost pages²
    else itemsOf.set(t.id, items);
  }
  for (const t of tables) {
    const tpl = template.tables.find((x) => x.id === t.id)!;
    const items = itemsOf.get(t.id) ?? [];
    switch (tpl.layout) {
      case "classified":
        t.rows = classifiedRows(tpl, items, t.department ?? meta.departments[0] ?? null);
        nameOnlyUnits(t.rows, t.department ?? meta.departments[0] ?? null);
        break;
      case "two-sided":
        t.rows = twoSidedRows(tpl, items);
        break;
      case "unit-year":
        t.rows = unitYearRows(tpl, items, opts.docYear ?? null);
        break;
      case "tasks":
        t.rows = taskRows(tpl, items);
        break;
    }
  }
  return { tables, meta, unknown, headerErrors };
}

const rowText = (l: RawLine) => trimmedCells(l).join("\t");

/**
 * A table printed a second time (its first row printed again on a later page) is not a continuation:
 * merged, every sum would count it twice (two printed 表3 gave 37 arithmetic errors and no word of why).
 */
export function printedTwice(tpl: { number: number; title: string }, first: SourceLocation, again: SourceLocation): InputError {
  return new PrintedTwice(
    `表${tpl.number} ${tpl.title} is printed twice: its first row (${formatLocation(first)}) is printed again here; expected each table once (a continuation page repeats the title and header, not the rows)`,
    again,
  );
}

/** printedTwice's error: a reader that can tell a unit's table from a reprint may read the document instead. */
class PrintedTwice extends InputError {}

export function printedTwiceError(e: InputError): boolean {
  return e instanceof PrintedTwice;
}
