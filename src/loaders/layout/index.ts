import type { BudgetDocument, Cell, Column, ContentsEntry, Row, Table, TextLine, TextPart, UnitBudget, UnknownTable } from "../../model/document.js";
import { moneyUnitOf, trailingMoneyUnit } from "../money-unit.js";
import type { SourceLocation } from "../../model/location.js";
import { codeEconomicClasses, ECONOMIC_CLASS_KEYS, ECONOMIC_CLASSES } from "../../model/economic-classes.js";
import { amountName, SANGGONG_KINDS } from "../../model/queries.js";
import { levelsByIndent } from "../../model/indent-levels.js";
import { chineseNumeral, normaliseName, splitMarker } from "../../model/names.js";
import { resolveItemCodes } from "../../model/resolve.js";
import { contentsExtent, entryTitle, LEADER, numberedAsShenzhen, parseNarrative } from "../narrative.js";
import { restoreDisplacedLines } from "./displaced-lines.js";
import { contentsHeader } from "../contents-tables.js";
import { generic } from "../../templates/generic.js";
import { afterDepartment, defaultTemplate, normaliseTitle, templates, withoutQualifier } from "../../templates/index.js";
import { headingMarker, labelMarker, sameFigures, sameOrganisation, titleMarker, unitDocument, type UnitMarker } from "../../model/units.js";
import type { ColumnSpec, DocumentTemplate, TableTemplate } from "../../templates/types.js";
import { InputError } from "../errors.js";
import { nameOnlyUnits } from "../name-only-units.js";
import { amountCell, classifiedRows, emptyRow, taskRows, twoSidedRows, unitYearRows, type Item } from "../tables.js";
import { Decimal } from "decimal.js";
import { makeCount, parseNumber } from "../../model/amount.js";
import type { TableKind } from "../../model/document.js";
import { identityApplies, KINDS, type RowIdentity } from "../../templates/kinds.js";
import { assignColumns, placementCost, placements } from "./columns.js";
import { holdsButForOneFigure, identitiesHold, settleByColumnSums, type PlacementChoice } from "./column-sums.js";
import { AMOUNT_TOKEN, DASH_TOKEN, isFigureToken, layoutLines, PAGE_NUMBER, tokensOf } from "./tokens.js";
import { COUNT_CELL, PERCENT_CELL } from "../../model/document.js";
import { completeCodeSegments, lastCode } from "./codes.js";
import { fundsBox, projectCards } from "./cards.js";
import { atColumns, clusteredColumns, headerLeaves, LABEL_COLUMN, labelStartColumns, nameColumns, rightEdge, underLabels, wordsColumn, type HeaderColumns, type HeaderLeaf } from "./header.js";
import { withoutPageBreakRepeats, withoutRunningLines } from "./repeats.js";
import { isLaneHeader, laneGeometry, printsLanes, readLanes } from "./lanes.js";
import { cellsOfColumn, placeTokens, type OutlineColumn, type OutlinePiece } from "./outline.js";
import type { LayoutLine, LayoutToken } from "./types.js";
import { displayWidth } from "./width.js";
import { acrossCountKey, countKey, splitCountColumns, type LineCount } from "./count-columns.js";
import { ownStage, yearPlaces } from "./year-stages.js";
import { mapArray } from "../../util/arrays.js";

export type { LayoutLine, LayoutToken } from "./types.js";

/*
 * The layout form: a document as laid out on its pages (`pdftotext -layout` text, or a PDF's positioned
 * text). Tables are found by their titles, read by the template that recognises most of them (or by
 * kind alone, with the generic template), their rows typed as in the other forms; what is not a table is
 * the written parts. Every figure keeps its page and line, and its box when the input is a PDF.
 */

export interface LayoutOptions {
  /** --template: read with this template instead of recognising one. */
  template?: DocumentTemplate;
  /**
   * `template` was recognised by the caller (a web page's or a Word document's reading), not given with
   * --template: a document of written parts alone is read as such, and a refusal does not name the template.
   */
  recognised?: boolean;
}

/** Reads `pdftotext -layout` text (columns aligned with spaces, pages split by form feeds). */
export function loadLayoutText(file: string, text: string, opts: LayoutOptions = {}): BudgetDocument {
  return layoutDocument(file, layoutLines(text), "layout", opts);
}

const CONTENTS = /^目\s*录$/;
const META = /^(编制部门|编制单位|预算主管部门|部门名称|单位名称|预算单位|预算部门|部门)\s*[:：]\s*(.*)$/;
const NOTE = /^(注|备注|说明)\s*[:：]/;
/**
 * A table's form number (公开01表, 财决01表, 部门公开表 2), with a province's or a department's short name before
 * it (粤财决公开01表, 粤决01表).
 */
const FORM_NUMBER = String.raw`([\u4e00-\u9fa5]{1,2})?(公开|财决|财预|财决公开|财预公开|决公开|预公开|决|预)\s*\d+\s*表`;
const TITLE_PREFIX = new RegExp(String.raw`^(表\s*\d+|表\s*[一二三四五六七八九十]+(?=[\s：:.．、])|${FORM_NUMBER}|(部门)?公开表\s*\d+|附表\s*(?:\d+|[一二三四五六七八九十]+(?=[\s：:.．、]))|\d+\s*[.．、]|[一二三四五六七八九十]+\s*、)\s*`);
const CODE_ROW = /^(\d{3})(?:\s+(\d{1,2}))?(?:\s+(\d{1,2}))?(?:\s+|$)(.*)$/;
const BRACKET_CODE = /^\s*[[［【](\d{3}|\d{5}|\d{7})[\]］】]\s*/;
const GLUED_CODE = /^(\d{3}|\d{5}|\d{7})(?![\d,.])\s*(.*)$/;

interface TitleHit {
  index: number;
  tpl: TableTemplate;
  title: string;
  /** A table title whose kind no template knows: it ends the table before it and is listed. */
  unknown?: boolean;
  /**
   * A title the document's template does not print, read as the template's table of the kind it names
   * (部门收支决算总表 for 收入支出决算总表): not counted when the template is chosen.
   */
  byKind?: boolean;
  /** The number printed with the title (表4, 公开04表), where one is. */
  printed?: string;
  /** The money unit printed on the title's line (表一 · 收支预算总表 · 单位：万元, 部门收支总表 … 单位：万元), where one is. */
  unit?: string;
}

/**
 * A line's words as a table's title: the line itself, or, where the title shares its line with cells of its own, the
 * title without them. A PDF whose table head sets them on one baseline prints them so: a money unit at its right end
 * (收支预算总表 … 单位：万元, 福建's and 辽宁's), a form number there (收入支出决算总表 … 公开01表), a table's number at its
 * left (表一 … 收支预算总表), the number and the title then one space apart. The unit and a number at the right end are
 * the table's. `single`: the line holds one title (with its number) and nothing else.
 */
function titleWords(l: LayoutLine): { text: string; unit: string | null; number: string | null; single: boolean } {
  const toks = tokensOf(l);
  if (toks.length < 2) return { text: text(l), unit: null, number: null, single: toks.length === 1 };
  if (amountsOf(l).length) return { text: text(l), unit: null, number: null, single: false };
  let end = toks.length;
  let unit: string | null = null;
  let number: string | null = null;
  // (Two marks at most, after words of a title: a line of header labels is no title with marks.)
  while (end > 1 && toks.length - end < 2) {
    const t = toks[end - 1].text;
    const u = moneyUnitOf(t);
    if (u && unit === null) unit = u;
    else if (number === null && TRAILING_NUMBER.test(t.replace(/\s+/g, ""))) number = t.replace(/\s+/g, "");
    else break;
    end--;
  }
  const words = toks.slice(0, end);
  if (words.length === 1) return { text: words[0].text, unit, number, single: true };
  if (words.length === 2 && (/^(?:附\s*)?表\s*\d+$/.test(words[0].text) || TABLE_NUMBER.test(words[0].text)))
    return { text: `${words[0].text} ${words[1].text}`, unit, number, single: true };
  if (end === toks.length) return { text: text(l), unit: null, number: null, single: false };
  return { text: text(withTokens(l, words)), unit, number, single: false };
}

/**
 * A line that titles a table of a kind no template knows (部门预算项目支出及其他支出预算表): short, alone on its
 * line, ending in 表, with the table's 单位： line right below. It ends the table before it, and is listed.
 */
function unknownTitle(lines: LayoutLine[], i: number): boolean {
  const words = titleWords(lines[i]);
  const t = words.text;
  if (!t || t.length > 40 || LEADER.test(t) || !words.single || /[。，；]/.test(t)) return false;
  // (A part's heading, 第四部分 附表 · 第四部分 某局2025年部门预算表, titles the tables after it, none of its own.)
  if (!/表(\s*[（(][^）)]*[）)])?$/.test(t) || PART_HEADING.test(t)) return false;
  // (Its 单位： printed on its own line, at its right end.)
  if (words.unit) return true;
  let seen = 0;
  for (let k = i + 1; k < lines.length && seen < 4; k++) {
    const n = text(lines[k]);
    if (!n || PAGE_NUMBER.test(n)) continue;
    seen++;
    if (/单位\s*[:：]/.test(n)) return true;
    // Another title between them (not a form number such as 公开08表, printed by its own title): the 单位： line is
    // that table's, and this line heads the tables (河南省某厅2025年部门预算公开表 / 表1 / 2025年部门收支总表 / 单位：万元).
    const marker = NUMBER_BEFORE_TITLE.exec(n);
    if (!(marker && marker[0].trim().length === n.length) && /表(\s*[（(][^）)]*[）)])?$/.test(n) && tokensOf(lines[k]).length === 1) return false;
  }
  return false;
}

const text = (l: LayoutLine) => l.text.trim();
const AMOUNT_LIKE = /^-?\d[\d,.]*$/;
const amountsOf = (l: LayoutLine) => tokensOf(l).filter((t) => AMOUNT_TOKEN.test(t.text));

/** A table's number printed right of its title: 表1, 附表4, 公开01表, 部门公开表2. */
const TRAILING_NUMBER = new RegExp(String.raw`^(附)?表\d{1,2}$|^(部门)?公开表\d{1,2}$|^${FORM_NUMBER}$`);

/** The table a short line titles, in this template (its prefix 表3 / 3. / 一、 and any year dropped). */
function titleIn(tpl: DocumentTemplate, l: LayoutLine): TableTemplate | undefined {
  const t = titleWords(l).text;
  if (!t || t.length > 60 || LEADER.test(t) || amountsOf(l).length) return undefined;
  const n = normaliseTitle(t.replace(TITLE_PREFIX, "").replace(/^[：:.．\s]+/, ""));
  const found = titleOfKind(tpl, n);
  if (found) return found;
  // A qualifier that says nothing of the kind (部门支出总表（续表）, …（2026年）): the title before it.
  const unqualified = withoutQualifier(n);
  return unqualified ? titleOfKind(tpl, unqualified) : undefined;
}

function titleOfKind(tpl: DocumentTemplate, n: string): TableTemplate | undefined {
  const bare = n.replace(/^[^\d]*?\d{4}年(度)?/, "");
  // Read by kind alone, a title must read as one (…表): a sentence of the text naming a table is not one.
  if (tpl.columnsFromHeader && !/表(\(.*\))?$/.test(n)) return undefined;
  const match = (x: string) => tpl.tables.find((tt) => tt.titlePatterns.some((p) => p.test(x)));
  return tpl.tables.find((tt) => tt.titlePatterns.some((p) => p.test(n) || p.test(bare))) ?? afterDepartment(n, match);
}

/** A printed title without its number (表1 / 表1： / 表1. / 公开01表). */
const bareTitle = (l: LayoutLine) => titleWords(l).text.replace(TITLE_PREFIX, "").replace(/^[：:.．、]\s*/, "");

function findTitles(lines: LayoutLine[], tpl: DocumentTemplate, from: number): TitleHit[] {
  const hits: TitleHit[] = [];
  for (let i = from; i < lines.length; i++) {
    const tt = titleIn(tpl, lines[i]);
    // Only a line that stands as a table's title (its 单位： line below): a 目录's entries the template's
    // titles do not match are no tables.
    const byKind = tt || tpl === generic || !unknownTitle(lines, i) ? undefined : ofKindIn(tpl, lines[i]);
    if (tt) hits.push({ index: i, tpl: tt, title: bareTitle(lines[i]) });
    else if (byKind) hits.push({ index: i, tpl: byKind, title: bareTitle(lines[i]), byKind: true });
    else if (hits.length && unknownTitle(lines, i) && bareTitle(lines[i]).trim()) hits.push({ index: i, tpl: hits[0].tpl, title: bareTitle(lines[i]), unknown: true });
  }
  // A table the template finds under its own title is not also read under another.
  const own = new Set(mapArray(hits.filter((h) => !h.byKind && !h.unknown), (h) => h.tpl));
  const kept = hits.filter((h) => !h.byKind || !own.has(h.tpl));
  for (const h of kept) {
    const printed = h.unknown ? null : printedMarker(lines, h.index);
    if (printed) h.printed = printed;
    const unit = titleWords(lines[h.index]).unit;
    if (unit) h.unit = unit;
  }
  return kept;
}

/**
 * The template's table of the kind a title it does not print names, as the tables read by kind alone are
 * named (a province's 决算 printing the national tables under their other titles: 部门收支决算总表,
 * 财政拨款收支决算总表, 一般公共预算财政拨款“三公”经费支出决算表); none when the template prints no table of
 * that kind, or more than one. A kind the template reads by kind alone (alsoByKind): the generic template's table.
 */
function ofKindIn(tpl: DocumentTemplate, l: LayoutLine): TableTemplate | undefined {
  const g = titleIn(generic, l);
  if (!g) return undefined;
  const same = tpl.tables.filter((tt) => tt.kind === g.kind);
  if (same.length === 0 && tpl.alsoByKind?.includes(g.kind)) return g;
  return same.length === 1 ? same[0] : undefined;
}

/** The 目录: its title's line and its last entry's (contentsExtent); -1, -1 where there is none in the first 80 lines. */
function contentsEnd(lines: LayoutLine[]): { start: number; end: number } {
  const start = lines.findIndex((l, i) => i < 80 && CONTENTS.test(text(l).replace(/\s+/g, " ")) || (i < 80 && /^目\s+录$/.test(text(l))));
  if (start < 0) return { start: -1, end: -1 };
  // (A Markdown list item's mark is not in its text: the line as in the file tells it.)
  const lineAt = (i: number) => ({ text: text(lines[i]), heading: lines[i].heading, item: /^\s*[-*+•]\s/.test(lines[i].raw ?? "") });
  return { start, end: contentsExtent(lineAt, start, Math.min(lines.length, start + 120)).end };
}

/** The template whose tables these lines print (generic when no province's is recognised). */
export function recogniseTemplate(lines: LayoutLine[]): DocumentTemplate {
  return chooseTemplate(lines, contentsEnd(lines).end + 1).tpl;
}

/** How many of a template's tables are printed under its own titles. */
const ownTitles = (hits: TitleHit[]): number => new Set(mapArray(hits.filter((h) => !h.byKind), (h) => h.tpl.id)).size;

function chooseTemplate(lines: LayoutLine[], from: number): { tpl: DocumentTemplate; hits: TitleHit[] } {
  let best: { tpl: DocumentTemplate; hits: TitleHit[] } | null = null;
  for (const tpl of templates) {
    if (tpl === generic) continue;
    const hits = findTitles(lines, tpl, from).filter((h) => !h.unknown);
    // A template is the document's when most of its tables are printed under its titles; else the tables
    // are read by kind alone (generic), not with another province's column order.
    const kinds = ownTitles(hits);
    if (kinds >= Math.max(3, Math.ceil(tpl.tables.length * 0.6)) && (!best || kinds > ownTitles(best.hits)) && !numberedOtherwise(lines, hits)) best = { tpl, hits };
  }
  return best ?? { tpl: generic, hits: findTitles(lines, generic, from) };
}

/**
 * The number printed with a table's title: on its line (表4 财政拨款收支总表, 公开04表 …), alone on a line right above
 * it (部门公开表4 / 表4, a page number or a blank line between) or right below it (公开01表 under the title); null when none is.
 */
function printedNumber(lines: LayoutLine[], i: number): number | null {
  const m = numberMatch(lines, i);
  return m ? (m[4] ? chineseNumeral(m[4]) : Number(m[1] ?? m[2] ?? m[3])) : null;
}

/** The number printed with the title of line i, as printed without its spaces (表4, 公开04表), else null. */
function printedMarker(lines: LayoutLine[], i: number): string | null {
  const m = numberMatch(lines, i);
  return m ? m[0].replace(/\s+/g, "") : null;
}

function numberMatch(lines: LayoutLine[], i: number): RegExpExecArray | null {
  const own = NUMBER_BEFORE_TITLE.exec(text(lines[i]));
  if (own) return own;
  // …or right of it on its line (收入支出决算总表 … 公开01表).
  const after = titleWords(lines[i]).number;
  if (after) return NUMBER_BEFORE_TITLE.exec(after);
  for (let k = i - 1, seen = 0; k >= 0 && seen < 3; k--) {
    const t = text(lines[k]);
    if (!t || PAGE_NUMBER.test(t)) continue;
    seen++;
    const m = NUMBER_BEFORE_TITLE.exec(t);
    if (m && m[0].trim().length === t.length) return m;
    // A line of the title itself (2025年部门收支总表 over 部 门 收 支 总 表): looked past.
    if (t.length > 30 || amountsOf(lines[k]).length) break;
  }
  // …or alone on the line right below it (the title centred, 公开01表 right-set under it, then 部门：… 单位：万元: 广西's, 贵州's).
  const below = lines.slice(i + 1, i + 3).find((l) => text(l));
  const m = below && NUMBER_BEFORE_TITLE.exec(text(below));
  return m && m[0].trim().length === text(below).length ? m : null;
}

/** A table's number as printed before its title: 表4, 附表4, 部门公开表4, 公开04表, 粤财预04表; 表四 (group 4). */
const NUMBER_BEFORE_TITLE = new RegExp(String.raw`^(?:附\s*)?表\s*(\d{1,2})(?!\d)|^(?:部门)?公开表\s*(\d{1,2})(?!\d)|^(?:[\u4e00-\u9fa5]{1,2})?(?:公开|财决|财预|财决公开|财预公开|决公开|预公开|决|预)\s*(\d{1,2})\s*表|^(?:附\s*)?表\s*([一二三四五六七八九十]{1,3})(?=[\s：:.．、]|$)`);

/**
 * Whether a template's titles are printed under other numbers than its own: a province's titles are the
 * Ministry's too (部门收支总表 … 财政拨款收支总表), and a document that numbers them as another layout does
 * (表4 财政拨款收支总表 where Shenzhen's is 表6) is not that province's. Two titles or more numbered otherwise,
 * and more than are numbered as the template numbers them.
 */
function numberedOtherwise(lines: LayoutLine[], hits: TitleHit[]): boolean {
  let agree = 0;
  let disagree = 0;
  for (const h of hits) {
    if (h.byKind || h.unknown) continue;
    const n = printedNumber(lines, h.index);
    if (n === null) continue;
    if (n === h.tpl.number) agree++;
    else disagree++;
  }
  return disagree >= 2 && disagree > agree;
}

/** A line's line in the file (an HTML table's rows, written on one line, have positions of their own). */
const fileLine = (l: LayoutLine): number => l.at ?? l.line;

/** A line's page for a location: none where the form has no pages (page 0). */
const pageOf = (l: LayoutLine): { page?: number } => (l.page ? { page: l.page } : {});

function locationOf(file: string, l: LayoutLine, tok?: LayoutToken): SourceLocation {
  const loc: SourceLocation = { file, line: tok?.line ?? fileLine(l), ...pageOf(l) };
  if (tok) {
    if (tok.box) loc.box = tok.box;
    else if (tok.column) loc.column = tok.column;
    else loc.column = Math.round(tok.x0) + 1 + (l.columnOffset ?? 0);
  }
  return loc;
}

interface Block {
  hit: TitleHit;
  /** Amount columns from the header (generic template) rather than the template's list. */
  fromHeader: boolean;
  lines: LayoutLine[];
  /** Lines after the table's end up to the next title: the written parts. */
  after: LayoutLine[];
  /** A continuation page's: the last function code the table's page before printed (its rows' segments take their 类 and 款 from it). */
  codesBefore?: string | null;
}

const headerWords = /项目|科目|编码|名称|合计|总计|小计|预算数|决算数|支出|收入|经费|^类$|^款$|^项$|类\s+款|单位[:：]|部门[:：]/;

const STRONG_HEADER = /科目(编码|名称)|^类款(项)?$|^项目$|(预算|决算)数$/;

/** A header line printed again on a continuation page (not a wrapped name, not a 合计 row). */
function isRepeatedHeader(l: LayoutLine): boolean {
  const n = normaliseName(text(l));
  if (/^(合计|总计)$/.test(n)) return false;
  const toks = mapArray(tokensOf(l), (t) => normaliseName(t.text));
  if (toks.some((t) => /^([一二三四五六七八九十]+、|\d+[.．、])/.test(t))) return false; // numbered items of a two-sided table
  if (toks.some((t) => STRONG_HEADER.test(t))) return true;
  if (toks.length > 1 && toks.every((t) => /^(本年)?(收入|支出)$/.test(t))) return true;
  // A header's labels are no sentences: a line whose words run on in one (a task's name wrapped beside its
  // content, 信息化新建项目（非政 | 内控管理系统改造升级，) is a row's, whatever words it holds.
  if (toks.some((t) => /[，。；]/.test(t))) return false;
  return toks.length > 1 && headerWords.test(text(l));
}

/** A line of a table block that is neither header, data, metadata nor note: prose, so the table has ended. */
function isProse(l: LayoutLine): boolean {
  const t = text(l);
  const toks = tokensOf(l);
  if (toks.length !== 1) return false;
  if (CODE_ROW.test(t) || GLUED_CODE.test(t) || META.test(t) || moneyUnitOf(t) !== null || NOTE.test(t)) return false;
  return /[。；，]/.test(t) || t.length > 24 || /情况说明|名词解释|其他相关|^第[一二三四五六七八九十]+部分/.test(t);
}

/**
 * How long a heading may be: 30 characters, or 60 for a part's (第三部分 广东省人大常委会办公厅2024年度部门决算情况说明:
 * a long department's name in it).
 */
const PART_HEADING = /^第[一二三四五六七八九十]+部分/;
const headingLength = (t: string) => (PART_HEADING.test(t) ? 60 : 30);

/** A written part's heading: short, alone, set in (or 第N部分), no figure, naming a 说明 / 情况 / 概况 / 解释. */
function isSectionHeading(l: LayoutLine): boolean {
  const t = text(l);
  if (!t || t.length > headingLength(t) || /[。；，,]/.test(t) || amountsOf(l).length) return false;
  const setIn = l.heading || l.text.length - l.text.trimStart().length >= 8 || /^第[一二三四五六七八九十]+部分/.test(t);
  return setIn && /(说明|情况|概况|解释)$/.test(t.replace(/\s+/g, ""));
}

/** Cuts the document into table blocks, each from its title to the first prose line or the next title. */
function blocks(lines: LayoutLine[], hits: TitleHit[]): Block[] {
  const out: Block[] = [];
  hits.forEach((hit, k) => {
    const end = k + 1 < hits.length ? hits[k + 1].index : lines.length;
    const body = lines.slice(hit.index + 1, end);
    let cut = body.length;
    let seenData = false;
    // A table printing a column of words after its amounts (广州's 绩效目标): its lines of words are no prose.
    let remarks = false;
    let amountsStart = Infinity;
    // Where the rows' words start (a task table's content column stands right of it).
    let labelsStart = Infinity;
    // A task table's content wrapped over lines of its own (Shenzhen's 表12 from a PDF: 主要内容 beside a task's
    // name, its figures a line or more below): lines of words right of where the rows start, more of the
    // table's figures following within six lines, are the table's.
    // (However many lines it takes: a 主要内容 of twenty lines, its cell centred, prints its task's figures ten lines
    // down, or up. As far as a line of prose at the rows' margin, or the page's end.)
    const inTasks = (i: number) => {
      if (hit.tpl.layout !== "tasks" || (tokensOf(body[i])[0]?.x0 ?? -Infinity) <= labelsStart + 1) return false;
      // (Or above it: the content's lines below its figures.)
      const reaches = (step: 1 | -1) => {
        for (let j = i + step; j >= 0 && j < body.length && body[j].page === body[i].page; j += step) {
          const x = body[j];
          if (amountsOf(x).length > 0 && tokensOf(x).length > 1) return true;
          if (isProse(x) && (tokensOf(x)[0]?.x0 ?? -Infinity) <= labelsStart + 1) return false;
        }
        return false;
      };
      return reaches(1) || reaches(-1);
    };
    for (let i = 0; i < body.length; i++) {
      const l = body[i];
      const amounts = amountsOf(l);
      if (amounts.length || CODE_ROW.test(text(l))) seenData = true;
      if (amounts.length && tokensOf(l)[0] !== amounts[0]) labelsStart = Math.min(labelsStart, tokensOf(l)[0].x0);
      else if (!seenData) {
        const toks = tokensOf(l);
        if (toks.length > 1 && wordsColumn(normaliseName(toks[toks.length - 1].text), hit.tpl.kind === "project-performance")) remarks = true;
      }
      for (const a of amounts) amountsStart = Math.min(amountsStart, a.x0);
      // …its words stand right of the amounts (a page may be laid out narrower than the one before), prose
      // after the table at the margin.
      const words = remarks && seenData && (tokensOf(l)[0]?.x0 ?? -Infinity) > amountsStart && !isSectionHeading(l) && !/情况说明|名词解释|其他相关/.test(text(l));
      // A part heading (第三部分 …) always ends the table before it, even a table with no data rows.
      if ((isProse(l) && !words && (seenData || i > 12) && !(seenData && inTasks(i))) || /^第[一二三四五六七八九十]+部分/.test(text(l))) {
        cut = i;
        break;
      }
    }
    // The heading of the written part that follows (2024年部门预算编制说明, centred above its first
    // paragraph) belongs to the text, not to the table's last rows.
    while (cut > 0 && cut < body.length && isSectionHeading(body[cut - 1])) cut--;
    out.push({ hit, fromHeader: false, lines: body.slice(0, cut), after: body.slice(cut) });
  });
  return out;
}

interface ParsedBlock {
  table: Table | null;
  unknown?: UnknownTable;
  department: string | null;
}

/** A data line's label part (code and name) and its amounts. */
interface DataLine {
  line: LayoutLine;
  label: LayoutToken[];
  amounts: LayoutToken[];
}

/** A budget unit's code (单位编码): six digits or more, no separator. */
const UNIT_CODE = /^\d{6,12}$/;

/**
 * A table's body lines, each as its label and amounts (splitLine). A line that begins with a department's code and
 * name (164 黑龙江省文化和旅游厅, between the 合计 and the units 164001 …, 164002 …) is a label: its code is no figure,
 * though three digits that no classification uses as a 类 (CLASS_CODE) are read as one elsewhere. It is told by the
 * units' codes that follow within a few lines and begin with it. So is a unit's code with figures after it, its name
 * wrapped onto the lines around (广东省农业农村厅干部学校（广东省农业农村干 / 139005 28.30 … / 部培训中心）): it starts where
 * the other units' codes, each printed before its name, start (within a character).
 */
function splitBody(body: LayoutLine[]): DataLine[] {
  // Where the units' codes stand: the first token of a line that prints a unit's code and then its name.
  const unitCodes = body.flatMap((l) => {
    const [t, next] = tokensOf(l);
    return t && next && UNIT_CODE.test(t.text) && !AMOUNT_LIKE.test(next.text) ? [t] : [];
  });
  return mapArray(body, (l, i) => {
    const toks = tokensOf(l);
    const code = toks[0]?.text ?? "";
    if (UNIT_CODE.test(code) && unitCodes.some((u) => Math.abs(u.x0 - toks[0].x0) < (u.x1 - u.x0) / u.text.length)) return splitLine(l, true, true);
    if (!/^\d{2,5}$/.test(code) || !toks[1] || AMOUNT_LIKE.test(toks[1].text) || !/[\u4e00-\u9fff]/.test(toks[1].text)) return splitLine(l, true);
    const units = body.slice(i + 1, i + 4).some((n) => {
      const first = tokensOf(n)[0]?.text ?? "";
      return UNIT_CODE.test(first) && first.startsWith(code) && first.length > code.length;
    });
    return splitLine(l, true, units);
  });
}

/**
 * A line's label and amounts; `codes` false in a table that prints no codes. `department`: its first token is a
 * department's or a unit's code (splitBody).
 */
function splitLine(l: LayoutLine, codes: boolean, department = false): DataLine {
  const toks = tokensOf(l);
  const label: LayoutToken[] = [];
  const amounts: LayoutToken[] = [];
  toks.forEach((t, i) => {
    // Anything shaped like a number stands in an amount column; a malformed one (9,7244) is classified
    // there and reported (amount-format), never read as a name. In a table that prints no codes (`codes`
    // false), a line's first figure of three digits (420) is no 类 code either. A line's first token of six
    // digits or more, a name after it, is a budget unit's code (单位编码 | 单位名称: 301001 四川省…（本级）).
    if (AMOUNT_LIKE.test(t.text) && !(codes && amounts.length === 0 && (isCodeToken(t.text, label) || (i === 0 && (department || (UNIT_CODE.test(t.text) && !!toks[1] && !AMOUNT_LIKE.test(toks[1].text))))))) amounts.push(t);
    // A dash (- — －) after the row's label is a nil printed in an amount column: it holds that column (a
    // blank cell), it is no part of the next label (二、财政专户拨款   -   二、外交支出   -).
    else if (label.length && DASH_TOKEN.test(t.text)) amounts.push(t);
    else if (amounts.length === 0) label.push(t);
    else amounts.push(t); // text after amounts: kept in order (two-sided lines)
  });
  // A code printed in brackets before its name ([2060101]行政运行, 广州): the code, then the name.
  if (label[0] && BRACKET_CODE.test(label[0].text)) label[0] = { ...label[0], text: label[0].text.replace(BRACKET_CODE, "$1 ") };
  return { line: l, label, amounts };
}

/** A name's end, then one space and a figure: 机关事业单位基本养老保险缴费支出 79 · 维修（护）费 38. */
const GLUED_FIGURE = /^(.*[\u4e00-\u9fff)）])\s+(-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?)$/;

/**
 * A label printed so close to the figure after it that one token holds both (机关事业单位基本养老保险缴费支出 79: a
 * long name filling its cell, the figure at the next one's edge, one space between): the label and the figure, each
 * a token. The figure's right edge is the token's (figures stand right-aligned in their columns); on a PDF page its
 * box is the token's right part, in proportion to the characters' printed widths. Null when the token is no such.
 */
function splitGluedToken(last: LayoutToken): [LayoutToken, LayoutToken] | null {
  const m = GLUED_FIGURE.exec(last.text);
  if (!m || last.column !== undefined) return null;
  // A token's characters' printed widths (a Chinese character two, layout/width.ts): the figure's share, and the space's.
  const units = displayWidth(last.text);
  const share = displayWidth(m[2]) / units;
  const width = (last.x1 - last.x0) * share;
  const space = (last.x1 - last.x0) / units;
  const figure: LayoutToken = { text: m[2], x0: last.x1 - width, x1: last.x1 };
  const name: LayoutToken = { ...last, text: m[1], x1: last.x1 - width - space };
  if (last.box) {
    const w = last.box.width * share;
    figure.box = { ...last.box, x: last.box.x + last.box.width - w, width: w };
    name.box = { ...last.box, width: last.box.width - w - last.box.width / units };
  }
  if (last.line !== undefined) figure.line = last.line;
  return [name, figure];
}

/** A code row whose name holds its first figure (splitGluedToken), where the row prints fewer figures than the table has columns. */
function splitGluedFigure(d: DataLine, columns: number): DataLine {
  if (d.amounts.length >= columns || !d.label.length || !hasCode(d)) return d;
  const split = splitGluedToken(d.label[d.label.length - 1]);
  return split ? { ...d, label: [...d.label.slice(0, -1), split[0]], amounts: [split[1], ...d.amounts] } : d;
}

/** A two-sided table's line with each label that holds the figure after it (splitGluedToken) as the two. */
function withGluedFiguresSplit(toks: LayoutToken[]): LayoutToken[] {
  if (!toks.some((t) => GLUED_FIGURE.test(t.text))) return toks;
  return toks.flatMap((t) => splitGluedToken(t) ?? [t]);
}

/** 201 / 03 / 01 printed as numbers in the code columns are codes, not amounts. */
/**
 * The 类 a three-digit code may be: of the function classification (2xx, 201–234 so far, room left to 239), the
 * economic ones (3xx, the departments' and 5xx, the government's) or the income classification (101–110). Any
 * other three digits (100, 420) are a figure, as on a line of figures whose row's name is wrapped around it.
 */
const CLASS_CODE = /^(?:2[0-3]\d|[35]\d\d|10[1-9]|110)$/;

function isCodeToken(s: string, before: LayoutToken[]): boolean {
  if (before.length === 0) return CLASS_CODE.test(s) || /^\d{5}$/.test(s) || /^\d{7}$/.test(s);
  const prev = mapArray(before, (t) => t.text).join(" ");
  // A 款 or 项 code, sometimes misprinted with one digit (`301   2` for 30102).
  return /^\d{1,2}$/.test(s) && /^\d{3}(\s+\d{1,2})?$/.test(prev);
}

/**
 * The header's labels. A label spaced out to fill its cell (合   计) is one label: single characters a
 * few columns apart on a line are joined.
 */
function headerTokens(header: LayoutLine[]): LayoutToken[] {
  return header.flatMap((l) => {
    const toks = tokensOf(l).filter((t) => !META.test(t.text) && moneyUnitOf(t.text) === null);
    const out: LayoutToken[] = [];
    for (const t of toks) {
      const prev = out[out.length - 1];
      const single = (x: LayoutToken) => [...x.text.replace(/\s+/g, "")].length === 1 && /[\u4e00-\u9fff]/.test(x.text);
      if (prev && single(prev) && [...t.text].length <= 2 && t.x0 - prev.x1 <= (t.box ? 30 : 5)) out[out.length - 1] = { ...prev, text: prev.text + t.text, x1: t.x1, ...(prev.box && t.box ? { box: { ...prev.box, width: t.box.x + t.box.width - prev.box.x } } : {}) };
      else out.push(t);
    }
    return out;
  });
}

/**
 * Each amount column's label in the header: matched by the column's pattern, or (a label cut by a line
 * break: 本年收入合 / 计) by the first characters of the column's name. Null where the header prints none.
 */
function headerLabels(specs: ColumnSpec[], header: LayoutLine[]): (LayoutToken | null)[] {
  const toks = headerTokens(header);
  const used = new Set<LayoutToken>();
  return mapArray(specs, (s) => {
    let t = toks.find((x) => !used.has(x) && s.leaf.test(normaliseName(x.text)));
    if (!t) {
      const name = s.label.replace(/^[“"]/, "");
      t = toks.find((x) => {
        const n = normaliseName(x.text);
        return !used.has(x) && n.length >= 3 && name.startsWith(n);
      });
    }
    if (!t) return null;
    used.add(t);
    return t;
  });
}

/** Where each amount column ends, as far as the header says (its label's right edge). */
function headerRights(specs: ColumnSpec[], header: LayoutLine[]): (number | null)[] {
  return mapArray(headerLabels(specs, header), (t) => (t ? rightEdge(t) : null));
}

/** The line a token moved onto another row was printed on (a 决算's figure a line above its code). */
const printedOn = new WeakMap<LayoutToken, LayoutLine>();

function cell(file: string, l: LayoutLine, tok: LayoutToken | undefined, spec: ColumnSpec | undefined): Cell {
  const location = locationOf(file, (tok && printedOn.get(tok)) ?? l, tok);
  // An amount column's text is classified as the other forms classify it: an amount, or why not (amount-format).
  return amountCell(tok?.text ?? "", location, spec?.kind === "amount", spec?.nonNegative ?? true);
}

/**
 * The amounts of a line in their columns: by count when every column is printed; else the placement that
 * makes the most of the table's row identities hold (合计 = 基本支出 + 项目支出 …), and among those the one
 * nearest to where the amounts stand. The text of a layout loses a header's geometry in ways no position
 * alone can undo (a wrapped label, a label wider than its column); the arithmetic of the row cannot lie
 * about which column a figure is in when only one placement adds up.
 */
function placeAmounts(amounts: LayoutToken[], specs: ColumnSpec[], offsets: number[] | null, kind?: TableKind, doubt?: Doubt, margin = 1 / 3, page = 0, final = true, centred: number[] | null = null, totalFirst = false): (LayoutToken | undefined)[] {
  const out: (LayoutToken | undefined)[] = mapArray(specs, () => undefined);
  if (amounts.length === 0) return out;
  if (amounts.length >= specs.length) {
    amounts.slice(0, specs.length).forEach((a, i) => (out[i] = a));
    if (doubt) {
      anchor(doubt, page, amounts, mapArray(specs, (_, j) => j));
      anchor(doubt, page, amounts, mapArray(specs, (_, j) => j), doubt.sure);
    }
    return out;
  }
  const positions = mapArray(amounts, (a) => a.x1 - amounts[0].x1);
  // Where the header's labels are centred over their columns, the figures may be centred under them too: a
  // placement is as near as the nearer of the two ways of standing under the labels.
  const centres = centred ? mapArray(amounts, (a) => (a.x0 + a.x1 - amounts[0].x0 - amounts[0].x1) / 2) : null;
  const identities = kind ? indexIdentities(KINDS[kind].rowIdentities.filter((id) => identityApplies(id, new Set(mapArray(specs, (s) => s.key)))), specs) : [];
  const options = placements(amounts.length, specs.length);
  const figures = identities.length && options.length ? gridFigures(amounts) : [];
  const byColumn: (GridFigure | null)[] = mapArray(specs, () => null);
  let best: { cols: number[]; held: number; cost: number; failed: number } | null = null;
  let second: { held: number; cost: number } | null = null;
  // Whether some placement breaks none of the row's identities: if none does, the row is misprinted.
  let addsUp = false;
  const tally = { failed: 0 };
  for (const cols of options) {
    tally.failed = 0;
    const held = identities.length ? identitiesHeld(identities, cols, figures, byColumn, tally) : 0;
    if (tally.failed === 0) addsUp = true;
    const cost = centres ? Math.min(placementCost(positions, offsets, cols), placementCost(centres, centred, cols)) : placementCost(positions, offsets, cols);
    // (Where asked, of placements the arithmetic weighs alike, one that fills the first column — the line's 合计 —
    // goes before one that leaves it blank, however near: a 决算's 总计 line with a fund's figure mistyped breaks
    // its identity in both.)
    const first = totalFirst && best && held === best.held ? Number(cols[0] === 0) - Number(best.cols[0] === 0) : 0;
    if (!best || held > best.held || (held === best.held && (first > 0 || (first === 0 && cost < best.cost)))) {
      second = best;
      best = { cols, held, cost, failed: tally.failed };
    } else if (!second || held > second.held || (held === second.held && cost < second.cost)) second = { held, cost };
  }
  const pitch = columnPitch(offsets);
  // A row that adds up in no placement is misprinted whatever its columns: its identities will report it,
  // and its figures go where the table's rows that add up put figures standing where they stand. Listing the
  // table instead would drop every check of it because of the one mistake they are there to find (杭州's
  // 支出预算总表 with one 总计 mistyped); placing them by their distances from each other alone may put
  // them a column off (the first figure's column is then a guess).
  if (doubt && !addsUp && options.length) {
    const anchored = anchoredPlacement(amounts, options, expectedColumns(doubt.anchors.get(page), offsets));
    if (anchored) {
      if (anchored.margin < pitch * margin) doubt.misprinted++;
      anchored.cols.forEach((c, i) => (out[c] = amounts[i]));
      return out;
    }
    // No row of the page placed for certain yet: the caller places this one again once the page's are.
    if (!final) {
      doubt.unanchored = true;
      const idx = best ? best.cols : assignColumns(positions, offsets ?? mapArray(specs, (_, j) => j));
      idx.forEach((c, i) => (out[c] = amounts[i]));
      return out;
    }
  }
  // Neither the arithmetic nor the position tells two placements apart: the caller may not trust the table.
  // (A table of more than 16 columns, whose rows were placed by position alone before their identities were
  // tried, keeps the nearest placement: its unit-funds columns sit a few characters apart, and a figure that
  // any of them could hold in arithmetic would have listed the whole table.)
  const tied = !!best && !!second && second.held === best.held && second.cost - best.cost < pitch * margin;
  if (doubt && specs.length <= 16 && tied) {
    if (addsUp) {
      // Where the page's rows placed beyond doubt end their figures may still tell the tied placements apart.
      const equal = options.filter((cols) => identitiesHeld(identities, cols, figures, byColumn, { failed: 0 }) === best!.held);
      const resolved = anchoredPlacement(amounts, equal, expectedColumns(doubt.sure.get(page), offsets));
      if (resolved && resolved.margin >= pitch * margin) {
        anchor(doubt, page, amounts, resolved.cols);
        resolved.cols.forEach((c, i) => (out[c] = amounts[i]));
        return out;
      }
      if (!final) doubt.unanchored = true;
      else if (doubt.settleTies) doubt.tied = true;
      else doubt.ambiguous = true;
    } else doubt.misprinted++;
  }
  // A row that adds up: where its figures stand is where the table's columns end, for the rows that add up
  // in no placement (a misprinted figure printed right under its column's others goes where they went); and,
  // placed beyond doubt, for the rows two placements fit alike.
  if (doubt && best && best.held > 0 && best.failed === 0) {
    anchor(doubt, page, amounts, best.cols);
    if (!tied) anchor(doubt, page, amounts, best.cols, doubt.sure);
  }
  const idx = best ? best.cols : assignColumns(positions, offsets ?? mapArray(specs, (_, j) => j));
  idx.forEach((c, i) => (out[c] = amounts[i]));
  return out;
}

/** The usual distance between two neighbouring columns: the median of the offsets' gaps (1 without offsets). */
function columnPitch(offsets: number[] | null): number {
  const gaps = mapArray((offsets ?? []).slice(1), (o, i) => o - offsets![i]).filter((g) => g > 0).sort((a, b) => a - b);
  return gaps.length ? gaps[Math.floor(gaps.length / 2)] : 1;
}

/**
 * Another placement of a row's figures as good as the one it was read with, by every measure a layout text gives:
 * it keeps as many of the row's identities and breaks as many (a misprinted row breaks one wherever its figures go),
 * and its figures stand less than half a column further from their columns. `pdftotext -layout` shortens a long blank stretch of a row, so a figure
 * after blank cells may stand between two columns (广东's 483.14 under 单位资金, five characters from 财政专户管理资金's
 * figures and six from 单位资金's): the table's column sums settle the two (column-sums.ts). Null when there is none.
 */
function nearAlternative(amounts: LayoutToken[], specs: ColumnSpec[], offsets: number[] | null, kind: TableKind | undefined, chosen: number[]): number[] | null {
  if (!kind || !offsets || amounts.length < 2 || amounts.length >= specs.length) return null;
  const identities = indexIdentities(KINDS[kind].rowIdentities.filter((id) => identityApplies(id, new Set(mapArray(specs, (s) => s.key)))), specs);
  const options = placements(amounts.length, specs.length);
  if (!identities.length || !options.length) return null;
  const figures = gridFigures(amounts);
  const byColumn: (GridFigure | null)[] = mapArray(specs, () => null);
  const tally = { failed: 0 };
  const heldBy = (cols: number[]) => {
    byColumn.fill(null);
    tally.failed = 0;
    return identitiesHeld(identities, cols, figures, byColumn, tally);
  };
  const held = heldBy(chosen);
  const failed = tally.failed;
  if (held === 0 && failed === 0) return null;
  const positions = mapArray(amounts, (a) => a.x1 - amounts[0].x1);
  const cost = placementCost(positions, offsets, chosen);
  const limit = columnPitch(offsets) / 2;
  let best: { cols: number[]; cost: number } | null = null;
  for (const cols of options) {
    if (cols.every((c, i) => c === chosen[i])) continue;
    const c = placementCost(positions, offsets, cols);
    if (c - cost >= limit || (best && c >= best.cost)) continue;
    if (heldBy(cols) === held && tally.failed === failed) best = { cols, cost: c };
  }
  return best ? best.cols : null;
}

/** A title with nothing printed under it before the next title but a page number: an entry of a list of the tables. */
const titleOnly = (b: Block) => !b.lines.some((l) => text(l) && !PAGE_NUMBER.test(text(l)));

/** A block whose table is listed as not read, and why (列位置不确定 columns uncertain …). */
function listedBlock(file: string, b: Block, why: string): ParsedBlock {
  return { table: null, unknown: { title: `${b.hit.title}（${why}）`, location: { file, line: b.lines[0] ? fileLine(b.lines[0]) : null } }, department: null };
}

/** Records where the figures of a row placed for certain stand: column j's right edges on the page. */
function anchor(doubt: Doubt, page: number, amounts: LayoutToken[], cols: number[], into = doubt.anchors): void {
  let at = into.get(page);
  if (!at) into.set(page, (at = []));
  cols.forEach((c, i) => (at[c] ??= []).push(amounts[i].x1));
}

/**
 * Where each column's figures end on a page, from the rows placed for certain there: the median of its own,
 * or, for a column no such row printed, the nearest such column's moved by the columns' offsets. Null when
 * no row of the page was placed for certain.
 */
function expectedColumns(at: number[][] | undefined, offsets: number[] | null): (number | null)[] | null {
  if (!at || !at.some((xs) => xs?.length)) return null;
  const width = Math.max(at.length, offsets?.length ?? 0);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const known: (number | null)[] = [];
  for (let j = 0; j < width; j++) known.push(at[j]?.length ? median(at[j]) : null);
  if (!offsets) return known;
  return mapArray(known, (x, j) => {
    if (x !== null) return x;
    let k = -1;
    for (let i = 0; i < known.length; i++) if (known[i] !== null && (k < 0 || Math.abs(i - j) < Math.abs(k - j))) k = i;
    return known[k]! + offsets[j] - offsets[k];
  });
}

/**
 * The placement whose figures end nearest to where their columns' figures end on the page, and how much
 * nearer it is than the next; null when a column it needs has no known position.
 */
function anchoredPlacement(amounts: LayoutToken[], options: number[][], expected: (number | null)[] | null): { cols: number[]; margin: number } | null {
  if (!expected) return null;
  let best: { cols: number[]; cost: number } | null = null;
  let second = Infinity;
  for (const cols of options) {
    let cost = 0;
    for (let i = 0; i < cols.length && cost < Infinity; i++) {
      const x = expected[cols[i]];
      cost += x === null || x === undefined ? Infinity : Math.abs(amounts[i].x1 - x);
    }
    if (!best || cost < best.cost) {
      if (best) second = best.cost;
      best = { cols, cost };
    } else if (cost < second) second = cost;
  }
  return best && best.cost < Infinity ? { cols: best.cols, margin: second - best.cost } : null;
}

/**
 * What the placement of a table's rows left in doubt: a row whose figures two placements fit equally well
 * (`ambiguous`), and the rows that add up in no placement and were placed by position (`misprinted`).
 */
interface Doubt {
  ambiguous: boolean;
  misprinted: number;
  /** Per page, per amount column, the right edges of the figures of the rows that add up. */
  anchors: Map<number, number[][]>;
  /** The same, of the rows placed beyond doubt (one placement adds up best, or stands clearly nearest). */
  sure: Map<number, number[][]>;
  /** Set when a row that adds up in no placement was placed before any row of its page was placed for certain. */
  unanchored?: boolean;
  /**
   * Set by a caller that settles rows two placements fit alike by its table's column sums (column-sums.ts): such a
   * row then sets `tied` instead of `ambiguous`, and the caller lists the table only if the sums do not settle it.
   */
  settleTies?: boolean;
  tied?: boolean;
}

/**
 * Most rows of a table that add up in no placement: more than a few such rows say the table's columns are
 * not what its identities take them for, rather than that its figures are misprinted.
 */
const MAX_MISPRINTED_ROWS = 2;

/** Whether a table's columns are too uncertain to read: listed, not guessed. */
function uncertain(doubt: Doubt): boolean {
  return doubt.ambiguous || doubt.misprinted > MAX_MISPRINTED_ROWS;
}

/** A row's figure on one grid for the row: its value and its rounding's half-unit, in 10^-(decimals + 1). */
interface GridFigure {
  v: bigint;
  slack: bigint;
}

/** The row's figures on one exact integer grid (parsed once for all the placements tried). */
function gridFigures(amounts: LayoutToken[]): (GridFigure | null)[] {
  const parsed = mapArray(amounts, (a) => parseNumber(a.text));
  let decimals = 0;
  for (const p of parsed) if (p && p.decimals > decimals) decimals = p.decimals;
  const scale = new Decimal(10).pow(decimals + 1);
  return mapArray(parsed, (p) => (p ? { v: BigInt(p.value.times(scale).toFixed(0)), slack: 5n * 10n ** BigInt(decimals - p.decimals) } : null));
}

/** The row identities a placement is judged by, as indexes of the table's amount columns. */
interface IndexedIdentity {
  total: number;
  parts: number[];
  minus: number[];
}

function indexIdentities(identities: RowIdentity[], specs: ColumnSpec[]): IndexedIdentity[] {
  const at = new Map<string, number>();
  specs.forEach((s, i) => at.set(s.key, i));
  const out: IndexedIdentity[] = [];
  const indexes = (keys: readonly string[]) => {
    const xs: number[] = [];
    for (const k of keys) {
      const i = at.get(k);
      if (i !== undefined) xs.push(i);
    }
    return xs;
  };
  for (const id of identities) {
    const total = at.get(id.total);
    const parts = indexes(id.parts);
    if (total === undefined || parts.length === 0) continue;
    out.push({ total, parts, minus: indexes(id.minus ?? []) });
  }
  return out;
}

/**
 * How many of the row identities hold (within the rounding of the printed figures) for a placement: each
 * identity whose total or a part is placed counts one if it holds, minus one if not. `byColumn` is a
 * scratch array as long as the table's amount columns, all null, and left so.
 */
function identitiesHeld(identities: IndexedIdentity[], cols: number[], figures: (GridFigure | null)[], byColumn: (GridFigure | null)[], tally: { failed: number }): number {
  for (let i = 0; i < cols.length; i++) byColumn[cols[i]] = figures[i];
  let held = 0;
  for (const id of identities) {
    const total = byColumn[id.total];
    let sum = 0n;
    let slack = total ? total.slack : 0n;
    let placed = false;
    for (const p of id.parts) {
      const f = byColumn[p];
      if (!f) continue;
      placed = true;
      sum += f.v;
      slack += f.slack;
    }
    if (!total && !placed) continue;
    for (const p of id.minus) {
      const f = byColumn[p];
      if (!f) continue;
      sum -= f.v;
      slack += f.slack;
    }
    const diff = (total ? total.v : 0n) - sum;
    if ((diff < 0n ? -diff : diff) <= slack) held++;
    else {
      held -= 1;
      tally.failed++;
    }
  }
  for (const c of cols) byColumn[c] = null;
  return held;
}

/**
 * Offsets of each amount column's right edge from the first one's: measured on the lines that print every
 * column, else from the header's labels.
 */
function columnOffsets(data: DataLine[], specs: ColumnSpec[], header: LayoutLine[], printedRights?: number[]): number[] | null {
  const full = data.filter((d) => d.amounts.length === specs.length);
  if (full.length) {
    return mapArray(specs, (_, j) => {
      const ds = mapArray(full, (d) => d.amounts[j].x1 - d.amounts[0].x1).sort((a, b) => a - b);
      return ds[Math.floor(ds.length / 2)];
    });
  }
  return offsetsFrom(printedRights ?? headerRights(specs, header));
}

/**
 * Offsets of each amount column's centre from the first one's, from the centres of the header's labels: for
 * a table whose figures stand centred under centred labels (Shanghai's 三公 table), where the right edges of
 * labels of unequal widths say less. Null where a line prints every column (its positions say it all).
 */
function centreOffsets(data: DataLine[], specs: ColumnSpec[], header: LayoutLine[], labels?: LayoutToken[]): number[] | null {
  if (data.some((d) => d.amounts.length === specs.length)) return null;
  return offsetsFrom(mapArray(labels ?? headerLabels(specs, header), (t) => (t ? (t.x0 + rightEdge(t)) / 2 : null)));
}

/** A header line printing only 预算数 and 决算数 (or 执行数), one over each amount column. */
const STAGE_LABEL = /^(预算数?|决算数?|执行数|年初预算数?)$/;
const BUDGET_STAGE = /预算/;

/**
 * A table printing each figure's 预算数 beside its 决算数 (a 决算's 三公 table) says on its last header line
 * which column is which: Shanghai prints the two under each item (合计 预算数 决算数, 因公出国 预算数 决算数 …),
 * another template may print all the 预算数 first. The template's columns keep their order within each stage
 * (its `budget-` columns are the 预算数) and take the places the line gives them, at its labels' positions.
 */
function stageLabels(tpl: TableTemplate, header: LayoutLine[]): { specs: ColumnSpec[]; rights: number[]; labels: LayoutToken[] } | null {
  const specs = tpl.columns.filter((c) => c.kind === "amount");
  const budget = specs.filter((c) => c.key.startsWith("budget-"));
  const outturn = specs.filter((c) => !c.key.startsWith("budget-"));
  if (!budget.length || budget.length !== outturn.length) return null;
  for (let i = header.length - 1; i >= 0; i--) {
    const toks = tokensOf(header[i]);
    if (toks.length !== specs.length || !toks.every((t) => STAGE_LABEL.test(normaliseName(t.text)))) continue;
    const isBudget = mapArray(toks, (t) => BUDGET_STAGE.test(t.text));
    if (isBudget.filter(Boolean).length !== budget.length) return null;
    let b = 0;
    let o = 0;
    return { specs: mapArray(isBudget, (x) => (x ? budget[b++] : outturn[o++])), rights: mapArray(toks, rightEdge), labels: toks };
  }
  return null;
}

/** Offsets from the first column's of where each column stands; columns the header does not name sit between their neighbours. */
function offsetsFrom(edges: (number | null)[]): number[] | null {
  if (edges[0] === null) return null;
  const known = mapArray(edges, (c, j) => (c === null ? null : [j, c - edges[0]!] as const)).filter((x): x is readonly [number, number] => !!x);
  if (known.length < 2) return null;
  return mapArray(edges, (_, j) => {
    const exact = known.find(([k]) => k === j);
    if (exact) return exact[1];
    const lo = [...known].reverse().find(([k]) => k < j);
    const hi = known.find(([k]) => k > j);
    if (lo && hi) return lo[1] + ((hi[1] - lo[1]) * (j - lo[0])) / (hi[0] - lo[0]);
    const step = (known[known.length - 1][1] - known[0][1]) / Math.max(1, known[known.length - 1][0] - known[0][0]);
    return (lo ?? known[0])[1] + step * (j - (lo ?? known[0])[0]);
  });
}

function columnsOf(tpl: TableTemplate, keys: Set<string>): Column[] {
  // The generic template may name one column by two specs (小计 under 基本支出, or 基本支出 alone): the first.
  return mapArray(tpl.columns.filter((c, i, all) => keys.has(c.key) && all.findIndex((x) => x.key === c.key) === i), (c) => ({ key: c.key, name: c.label, label: c.label, kind: c.kind }));
}

/**
 * A line printing a header line's text again where that line stands: a header repeated on a continuation
 * page. The same text elsewhere is a row's (a label wrapped onto a line of its own, 款 under
 * 二、政府性基金预算财政拨, is not the 款 of a header's 财政拨款 printed one character a line).
 * A layout text lays each page out on a grid of its own (pdftotext squeezes or widens a page's lines by its
 * glyphs: 财政拨款 at 67 on a table's first page, at 61 on the next), and may wrap a label in its cell on one page and
 * not on the other (财政专户管理资 / 金). There, before any row of its page (`top.page`), a line each of whose pieces
 * is a piece of the header an earlier page printed (within one of its lines) or a whole label of the table's columns
 * (`isLabel`) is the header's, wherever it stands: of four characters or more, or of fewer right under a header line
 * of its page (a label's last characters, 算). A row's words at a page's top are a name's, no header's pieces.
 */
function repeatsHeader(
  headerTexts: Map<string, { x: number; page: number }[]>,
  l: LayoutLine,
  top: { page: boolean; underHeader: boolean },
  isLabel: (label: string) => boolean,
): boolean {
  const key = text(l).replace(/\s+/g, "");
  const toks = tokensOf(l);
  if (!toks.length) return false;
  const near = toks[0].box ? 24 : 4;
  if (headerTexts.get(key)?.some((h) => Math.abs(h.x - toks[0].x0) <= near)) return true;
  if (!top.page || toks[0].box || (key.length < 4 && !top.underHeader)) return false;
  const earlier = mapArray([...headerTexts].filter(([, at]) => at.some((h) => h.page < l.page)), ([k]) => k);
  return earlier.length > 0 && toks.every((t) => earlier.some((k) => k.includes(t.text.replace(/\s+/g, ""))) || isLabel(normaliseName(t.text)));
}

/**
 * The labels a 项目支出绩效目标表's header prints: its name columns, its amount's, its targets' and indicators' (and
 * 绩效指标 over these). A line of other words under such a header is a row's (产出指标 · 数量指标 · 项目完成率).
 */
function targetsLabel(tpl: TableTemplate, label: string): boolean {
  return wordsColumn(label, true) || LABEL_COLUMN.test(label) || tpl.columns.some((c) => c.kind === "amount" && c.leaf.test(label));
}

/** A label numbered as an item of a list (一、 · （一） · 1.): no header's label. */
const LIST_MARKED = /^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d+[.．、])\S/;

/** Splits a block into its metadata, header lines and data lines. */
function sections(file: string, b: Block) {
  let department: string | null = null;
  // (A unit printed on the title's line is the table's, unless a line of the table's head says another.)
  let unit: string | null = b.hit.unit ?? null;
  const header: LayoutLine[] = [];
  const body: LayoutLine[] = [];
  // Each header line's text, with where it starts.
  const headerTexts = new Map<string, { x: number; page: number }[]>();
  // The last page a row's line was read on (a header repeated on a page comes before its rows).
  let bodyPage: number | null = null;
  const isLabel = (label: string) => LABEL_COLUMN.test(label) || b.hit.tpl.columns.some((c) => c.kind === "amount" && c.leaf.test(label));
  let remarks = false;
  let amountsStart = Infinity;
  // A 项目支出绩效目标表's targets and indicators (年度绩效目标 · 一级指标 · … · 指标值): where their first label starts.
  const perf = b.hit.tpl.kind === "project-performance";
  let wordsAt = Infinity;
  // A budget unit's name wrapped around the figures of the table's first row (深圳市某局 / figures / (本级)):
  // the line of words right above that line of figures — one piece, no header's word, left of them — is the
  // row's, not a header line.
  const startsRow = (k: number) => {
    const [l, next] = [b.lines[k], b.lines[k + 1]];
    if (!next || next.page !== l.page || next.line - l.line !== 1) return false;
    const toks = tokensOf(l);
    // (The figures right of it: a code left of it, 2080506, is no figure of the row's.)
    const figures = amountsOf(next).filter((f) => f.x0 > toks[0]?.x0);
    if (toks.length !== 1 || headerWords.test(toks[0].text) || !figures.length || toks[0].x1 >= figures[0].x0) return false;
    // Its figures alone below it, or, on a PDF's page (a name printed to the bottom of its cell, as a
    // spreadsheet's default sets it), the name's last line with them (after its code, if any), starting where
    // it starts, nearer to it by height than the header line above it is.
    const first = tokensOf(next)[0];
    if (first === figures[0]) return true;
    // A code's row whose name is wrapped around it (机关事业单位职业年金缴费支 / 2080506 … 25 … / 出, its cell centred):
    // the code line prints no name, the words above start where names start, right of the code.
    const rest = tokensOf(next).slice(1);
    if (/^(?:\d{3}|\d{5}|\d{7})$/.test(first.text) && rest.length && rest.every((t) => isFigureToken(t.text)) && toks[0].x0 > first.x1) return true;
    const name = tokensOf(next).find((t) => !/^\d+$/.test(t.text)) ?? first;
    const prev = b.lines[k - 1];
    const [y, yn, yp] = [toks[0].box?.y, name.box?.y, prev ? tokensOf(prev)[0]?.box?.y : undefined];
    if (y === undefined || yn === undefined || yp === undefined) return false;
    return Math.abs(name.x0 - toks[0].x0) <= 6 && Math.abs(y - yn) + 0.5 < Math.abs(yp - y);
  };
  // A list-marked label alone on its line, right above the table's first line of figures: the first part of the first
  // row's label, wrapped around its figures (一、文化旅游体育与 / 一、本年收入 19870.44 … 12599.73 / 传媒支出), not a header
  // line (a header numbers no item).
  // Both sides' labels wrapped so (一、一般公共预算财政拨 | 一、一般公共服务支 / 2,327.75 … 1,821.74 / 款 | 出): each
  // piece list-marked.
  const firstItemWrapped = (k: number) => {
    const [l, next] = [b.lines[k], b.lines[k + 1]];
    if (!next || next.page !== l.page || next.line - l.line !== 1) return false;
    const toks = tokensOf(l);
    return toks.length >= 1 && toks.length <= 2 && toks.every((t) => LIST_MARKED.test(t.text)) && amountsOf(next).length > 0;
  };
  // The last pieces of list-marked labels wrapped around their row's figures (二、政府性基金预算财政 | 二、社会保障和就业 /
  // 285.68 … / 拨款 | 支出): words without a figure, each starting where a marked label of a line just above starts, on
  // the same page. They are the row's, whatever header words they make (拨款 · 支出).
  const endsWrappedLabels = (k: number) => {
    const l = b.lines[k];
    const toks = tokensOf(l);
    if (!toks.length || amountsOf(l).length) return false;
    const near = toks[0].box ? 3 : 1;
    for (let j = k - 1; j >= 0 && j >= k - 2; j--) {
      const above = b.lines[j];
      if (above.page !== l.page || l.line - above.line > 2) return false;
      const labels = tokensOf(above).filter((t) => !isFigureToken(t.text));
      if (labels.length !== toks.length) continue;
      if (toks.every((t, i) => LIST_MARKED.test(labels[i].text) && !LIST_MARKED.test(t.text) && Math.abs(labels[i].x0 - t.x0) <= near)) return body.includes(above) || firstItemWrapped(j);
    }
    return false;
  };
  for (const [k, l] of b.lines.entries()) {
    const t = text(l);
    // Page numbers, notes, and the 表 N marker a continuation page repeats.
    if (!t || PAGE_NUMBER.test(t) || NOTE.test(t) || /^[#*\s]*表\s*\d+\s*[*]*$/.test(t) || TABLE_NUMBER.test(t)) continue;
    let meta = false;
    for (const tok of tokensOf(l)) {
      const m = META.exec(tok.text);
      const u = moneyUnitOf(tok.text);
      if (m) {
        // 编制部门：某局 单位：元 as one piece: the unit is no part of the department's name.
        const joined = trailingMoneyUnit(m[2]);
        department = joined.before.trim() || department;
        if (joined.unit) unit = joined.unit;
        meta = true;
      } else if (u) {
        unit = u;
        meta = true;
      } else {
        // 部门： 某院 单位：万元 in one piece (a web page collapses the gap between them).
        const joined = /[:：]/.test(tok.text) ? trailingMoneyUnit(tok.text) : null;
        if (joined?.unit && /[:：]/.test(joined.before)) {
          unit = joined.unit;
          meta = true;
        }
      }
    }
    if (meta && !amountsOf(l).length) continue;
    // A repeated title on a continuation page.
    if (titleIn({ ...generic, tables: [b.hit.tpl] }, l)) continue;
    const amounts = amountsOf(l);
    const dataLike = amounts.length > 0 || CODE_ROW.test(t) || GLUED_CODE.test(t);
    for (const a of amounts) amountsStart = Math.min(amountsStart, a.x0);
    // Under a header that ends in a column of words (绩效目标), the first project's words may come before its
    // figures' line (杭州's 项目支出绩效表): prose in every piece, no label of a header. They are the body's, for
    // withoutRemarks to take off.
    if (!dataLike && body.length === 0 && remarks && tokensOf(l).every((x) => /[。；，]/.test(x.text) || x.text.length > 24)) body.push(l);
    // (A 项目支出绩效目标表's first indicator rows, before its first project's figures as a merged cell centres them:
    // the rows' words, not the header's labels.)
    else if (!dataLike && body.length === 0 && perf && remarks && !tokensOf(l).every((x) => targetsLabel(b.hit.tpl, normaliseName(x.text)))) body.push(l);
    else if (!dataLike && endsWrappedLabels(k)) body.push(l);
    else if (!dataLike && body.length === 0 && !startsRow(k) && !firstItemWrapped(k)) {
      header.push(l);
      const key = t.replace(/\s+/g, "");
      headerTexts.set(key, [...(headerTexts.get(key) ?? []), { x: tokensOf(l)[0]?.x0 ?? 0, page: l.page }]);
      const toks = tokensOf(l);
      if (toks.length > 1 && wordsColumn(normaliseName(toks[toks.length - 1].text), perf)) {
        remarks = true;
        let k = toks.length;
        while (perf && k > 0 && wordsColumn(normaliseName(toks[k - 1].text), true)) k--;
        if (perf) wordsAt = Math.min(wordsAt, toks[k].x0);
      }
    } else if (!dataLike && repeatsHeader(headerTexts, l, { page: bodyPage !== l.page, underHeader: header[header.length - 1]?.page === l.page }, isLabel)) header.push(l); // a header repeated on the next page (in part: 财政拨款 over its funds)
    // …judged without the words of a column printed after the amounts (a name's last line 升工作经费 beside
    // a project's targets is no header for their 经费 or 项目; a 项目支出绩效目标表's indicators, 项目完成率).
    else if (!dataLike && isRepeatedHeader(remarks ? withTokens(l, tokensOf(l).filter((x) => x.x0 <= amountsStart && x.x0 < wordsAt)) : l)) header.push(l);
    else body.push(l);
    if (body[body.length - 1] === l) bodyPage = l.page;
  }
  void file;
  return { department, unit, header, body };
}

/** The amount columns of a table: the template's, or (generic) those its header names, in printed order. */
function amountSpecs(tpl: TableTemplate, header: LayoutLine[], fromHeader: boolean, exclude: string[] = [], wrapped = false): ColumnSpec[] {
  const specs = tpl.columns.filter((c) => c.kind === "amount" && !exclude.includes(c.key));
  if (!fromHeader) return specs;
  const toks = headerTokens(header);
  const used = new Set<LayoutToken>();
  const found: { s: ColumnSpec; x: number }[] = [];
  for (const s of specs) {
    const t = toks.find((x) => !used.has(x) && s.leaf.test(normaliseName(x.text)));
    if (!t) continue;
    used.add(t);
    found.push({ s, x: (t.x0 + t.x1) / 2 });
  }
  // With `wrapped`, a column no one label names may be named by a label wrapped in its cell, its pieces read together
  // (a two-sided 财政拨款收支总表's 一般公共 / 预算 · 政府性 / 基金预算 · 国有资本 / 经营预算), where no column found stands under it.
  if (wrapped) {
    const taken = new Set<HeaderLeaf>();
    const leaves = headerLeaves(mapArray(header, (l) => headerTokens([l])));
    for (const s of specs) {
      if (found.some((f) => f.s.key === s.key)) continue;
      const l = leaves.find((x) => !taken.has(x) && s.leaf.test(x.text) && !found.some((f) => f.x >= x.x0 && f.x <= x.x1));
      if (!l) continue;
      taken.add(l);
      found.push({ s, x: (l.x0 + l.x1) / 2 });
    }
  }
  if (found.length === 0) return specs.slice(0, 1);
  return mapArray(found.sort((a, b) => a.x - b.x), (f) => f.s);
}

const isTotalLabel = (d: DataLine) => /^(合计|总计)$/.test(normaliseName(mapArray(d.label, (t) => t.text).join("")));
const hasCode = (d: DataLine) => {
  const t = mapArray(d.label, (x) => x.text).join(" ");
  return CODE_ROW.test(t) || GLUED_CODE.test(t);
};

/**
 * A line of figures with no label whose next code line (within three lines; or the next line of figures, a unit's row
 * whose name wraps too) prints figures of its own, as
 * many as the columns hold together with these: no figures of that line's but a row of its own whose name is
 * wrapped around it, its cells centred vertically (a budget unit's 深圳市科学技术协会 / figures / (本级) above its
 * 类). It takes the lines of words right above and below it (no code, no figure) as its name.
 */
function namedFloatingRows(data: DataLine[], columns: number): DataLine[] {
  if (!Number.isFinite(columns)) return data;
  const words = (d: DataLine | undefined, f: DataLine) => !!d && d.amounts.length === 0 && d.label.length > 0 && !hasCode(d) && d.line.page === f.line.page && Math.abs(d.line.line - f.line.line) === 1;
  const taken = new Set<DataLine>();
  const named = new Map<DataLine, DataLine>();
  data.forEach((f, i) => {
    if (f.label.length || !f.amounts.length) return;
    // The next code line: within three lines of the table's, and six of the file's (pdftotext -layout may print
    // blank lines between a table's rows).
    const near = (k: number) => k - i <= 3 && data[k].line.line - f.line.line <= 6;
    // (Or the next line of figures without a code: the next unit's row, its name wrapped around it as well.)
    let k = i + 1;
    while (k < data.length && !hasCode(data[k]) && !isTotalLabel(data[k]) && !data[k].amounts.length && near(k)) k++;
    const next = data[k];
    if (!next || !near(k) || !next.amounts.length || next.amounts.length + f.amounts.length <= columns) return;
    const around = [data[i - 1], data[i + 1]].filter((d) => words(d, f) && !taken.has(d!)) as DataLine[];
    if (!around.length) return;
    around.forEach((d) => taken.add(d));
    const toks = around.flatMap((d) => d.label);
    named.set(f, { ...f, label: [{ ...toks[0], text: mapArray(toks, (t) => t.text).join("") }] });
  });
  if (!named.size) return data;
  return mapArray(
    data.filter((d) => !taken.has(d)),
    (d) => named.get(d) ?? d,
  );
}

/**
 * Amounts printed on a line of their own belong to a row printed next to them: a 决算 exported from a
 * spreadsheet centres a row's cells vertically, so some of its figures stand a line above (or below) its
 * code and name. They join the next code or 合计 line within three lines, else the previous one.
 */
function mergeFloatingAmounts(data_: DataLine[], columns = Infinity): DataLine[] {
  const data = namedFloatingRows(data_, columns);
  const out: DataLine[] = [];
  let pending: DataLine | null = null;
  const join = (into: DataLine, from: DataLine) => {
    for (const a of from.amounts) if (!printedOn.has(a)) printedOn.set(a, from.line);
    into.amounts = [...into.amounts, ...from.amounts].sort((a, b) => a.x0 - b.x0);
  };
  for (const d of data) {
    // A header's last line may share its baseline with a row's floating figures (类 款 项 … 2,336.91 in a PDF).
    if (d.amounts.length > 0 && d.label.length > 0 && STRONG_HEADER.test(normaliseName(mapArray(d.label, (t) => t.text).join("")))) d.label = [];
    const floating = d.label.length === 0 && d.amounts.length > 0;
    if (floating) {
      // Two lines of floating amounts in a row stand beside the same label (a tall 合计 cell).
      if (pending && d.line.line - pending.line.line <= 2) join(pending, d);
      else {
        if (pending) {
          const prev = out.filter((x) => hasCode(x) || isTotalLabel(x)).pop();
          if (prev) join(prev, pending);
        }
        pending = { ...d, amounts: [...d.amounts] };
      }
      continue;
    }
    if (pending && (hasCode(d) || isTotalLabel(d)) && d.line.line - pending.line.line <= 3) {
      join(d, pending);
      pending = null;
    }
    out.push(d);
  }
  if (pending) {
    const prev = out.filter((x) => hasCode(x) || isTotalLabel(x)).pop();
    if (prev) join(prev, pending);
  }
  return out;
}

/**
 * The lines of a cell printed around line i, its cells centred vertically: the `piece` lines right above and
 * below it (within four lines); between it and another line that `wants` them, the nearer half. Lines
 * already `taken` by the line before are not taken again.
 */
function linesAround(data: DataLine[], i: number, piece: (d: DataLine) => boolean, wants: (d: DataLine) => boolean, taken: Set<DataLine>): DataLine[] {
  const d = data[i];
  const above: DataLine[] = [];
  for (let k = i - 1; k >= 0 && piece(data[k]) && d.line.line - data[k].line.line <= 4; k--) above.unshift(data[k]);
  const below: DataLine[] = [];
  for (let k = i + 1; k < data.length && piece(data[k]) && data[k].line.line - d.line.line <= 4; k++) below.push(data[k]);
  const prevWants = i - above.length - 1 >= 0 && wants(data[i - above.length - 1]);
  const nextWants = i + below.length + 1 < data.length && wants(data[i + below.length + 1]);
  return [...(prevWants ? above.slice(Math.floor(above.length / 2)) : above), ...(nextWants ? below.slice(0, Math.floor(below.length / 2)) : below)].filter((x) => !taken.has(x));
}

/**
 * A table without codes whose cells are centred vertically (杭州's 单位名称 wrapped over four lines): a line of
 * figures with no label takes the label lines around it. Between two such lines, the first takes the
 * nearer half of the label lines, the second the rest; before the first and after the last, all of them.
 */
function joinCentredLabels(data: DataLine[]): DataLine[] {
  // (Or with no label but a unit's code, its name wrapped around it: splitBody.)
  const code = (d: DataLine) => d.label.length === 1 && UNIT_CODE.test(d.label[0].text);
  const floating = (d: DataLine) => (d.label.length === 0 || code(d)) && d.amounts.length > 0;
  const labelOnly = (d: DataLine) => d.amounts.length === 0 && d.label.length > 0;
  const own = new Map<DataLine, DataLine[]>();
  const taken = new Set<DataLine>();
  data.forEach((d, i) => {
    if (!floating(d)) return;
    const mine = linesAround(data, i, labelOnly, floating, taken);
    if (mine.length === 0) return;
    mine.forEach((x) => taken.add(x));
    own.set(d, mine);
  });
  const out: DataLine[] = [];
  for (const d of data) {
    if (taken.has(d)) continue;
    const mine = own.get(d);
    if (!mine) out.push(d);
    else {
      const first = mine[0].label[0];
      const text_ = mine.flatMap((x) => mapArray(x.label, (t) => t.text)).join("");
      out.push({ ...d, label: [...(code(d) ? d.label : []), { ...first, text: text_ }] });
    }
  }
  return out;
}

/** The label of a column of budget units (a list of projects by unit: 单位名称 | 项目名称 | amounts; a list of units). */
const UNIT_LABEL = /^(单位名称|预算单位(名称)?|单位)$/;
const ITEM_LABEL = /^项目(名称)?$/;
/** One label column for units and their projects (单位名称（项目）, 湖北; 单位名称、项目名称, 四川): a unit at the margin, its projects indented. */
const UNIT_PROJECT_LABEL = /^(单位名称|预算单位(名称)?|单位)(\(项目(名称)?\)|[、/]项目(名称)?)$/;

/**
 * Read by kind alone, a table whose only label column names budget units (单位名称 | 合计 | sources …, 广州's and
 * 杭州's 收入总表) and that prints no code lists the units under its 合计: each named row is a unit's. Where
 * units stand indented under a line at the margin, that line groups them (杭州: 杭州市气象局 above its 本级 and
 * 气象服务中心) and is the department's; so is a first line whose name the list prints again (the same list
 * without its indentation). Left as it is when any row is a code or a unit already.
 */
function unitList(rows: Row[], starts: (number | null)[]): void {
  if (rows.some((r) => r.kind === "code" || r.kind === "unit")) return;
  const items = rows.filter((r) => r.kind === "item" && r.name);
  if (!items.length) return;
  const xs = mapArray(items, (r) => starts[rows.indexOf(r)]).filter((x): x is number => x !== null);
  const margin = Math.min(...xs);
  const indented = xs.length === items.length && xs.some((x) => x > margin + 1) && xs.some((x) => x <= margin + 0.5);
  const key = (r: Row) => normaliseName(r.name!);
  items.forEach((r, i) => {
    const group = indented ? starts[rows.indexOf(r)]! <= margin + 0.5 : i === 0 && items.slice(1).some((o) => key(o) === key(r));
    if (group) Object.assign(r, { kind: "department", unit: null });
    else Object.assign(r, { kind: "unit", unit: r.name });
  });
}

/**
 * A table listing projects by budget unit (杭州's 项目支出预算表: 单位名称 | 项目名称 | amounts): each row's unit
 * and project, told apart by where they start (left or right of halfway between the two labels). A unit's
 * name wrapped around its row's line (杭州市气象服务中心（杭州市预警 / … 专业系统维护及科普 146.69 … / 信息发布中心）)
 * is that row's whole unit name: between two such rows, each takes the nearer half of the lines, as
 * joinCentredLabels does. Null for any other table; `consumed` are the lines read as parts of names.
 */
function unitProjectNames(data: DataLine[], cols: HeaderColumns | null, performance = false): { names: Map<DataLine, { unit: string; item: string }>; consumed: Set<DataLine> } | null {
  const boundary = unitItemBoundary(data, cols);
  if (boundary === null) return null;
  const unitOf = (d: DataLine) => d.label.filter((t) => t.x0 < boundary);
  const itemOf = (d: DataLine) => d.label.filter((t) => t.x0 >= boundary);
  const joined = (ts: LayoutToken[]) => mapArray(ts, (t) => t.text).join("");
  const piece = (d: DataLine) => d.amounts.length === 0 && d.label.length > 0 && itemOf(d).length === 0;
  const needs = (d: DataLine) => d.amounts.length > 0 && unitOf(d).length === 0 && itemOf(d).length > 0 && !isTotalLabel(d);
  const names = new Map<DataLine, { unit: string; item: string }>();
  const consumed = new Set<DataLine>();
  data.forEach((d, i) => {
    if (!d.amounts.length) return;
    // (A 项目支出绩效目标表's 合计 merged over both columns, wherever its words stand: no unit's.)
    if (performance && isTotalLabel(d)) return void names.set(d, { unit: "", item: joined(d.label) });
    let unit = joined(unitOf(d));
    if (needs(d)) {
      const mine = linesAround(data, i, piece, needs, consumed);
      mine.forEach((x) => consumed.add(x));
      unit = mapArray(mine, (x) => joined(x.label)).join("");
    }
    names.set(d, { unit, item: joined(itemOf(d)) });
  });
  return { names, consumed };
}

/**
 * Where a table listing projects by budget unit (单位名称 | 项目名称) parts a row's unit from its project: halfway
 * between the two labels, or where a line printing both names starts its project's, if nearer the left (a label
 * centred over a wide 项目名称 column stands right of where the names start). Null for any other table.
 */
function unitItemBoundary(data: DataLine[], cols: HeaderColumns | null): number | null {
  if (!cols) return null;
  const u = cols.labels.findIndex((l) => UNIT_LABEL.test(l));
  const p = cols.labels.findIndex((l) => ITEM_LABEL.test(l));
  if (u < 0 || p < 0 || cols.labelLefts[u] >= cols.labelLefts[p]) return null;
  let boundary = (cols.labelLefts[u] + cols.labelLefts[p]) / 2;
  for (const d of data) if (d.label.length === 2 && d.label[1].x0 > cols.labelLefts[u]) boundary = Math.min(boundary, d.label[1].x0);
  return boundary;
}

/**
 * Whether a 项目支出绩效目标表 sets its merged cells' words at the top: the first row under its header (a 合计 aside)
 * prints its project's figures, left of the targets' words at `words` (centred, the figures stand on a later row).
 */
function topSet(body: LayoutLine[], words: number): boolean {
  const first = body.find((l) => !isTotalLabel(splitBody([l])[0]));
  return !!first && splitBody(leftOf([first], words)).some((d) => d.amounts.length > 0);
}

/**
 * A 项目支出绩效目标表's projects (its targets and indicators taken off): each project's cells merged down over its
 * indicator rows, its unit and name wrapped in them. The figures' line reads the words of its cells, each column's
 * joined into one piece: its unit's (left of `boundary`, where the table prints units) and its project's. Where the
 * merged cells set their words at the top (`top`: the table's first row prints its figures), a project's words are
 * those of its figures' line and the lines below it up to the next project's; where they centre them, the words
 * around its figures' line (withNamePieces).
 */
function withProjectPieces(lines: DataLine[], boundary: number | null, top: boolean): DataLine[] {
  // In a table of cells (a web page's, a workbook's: each cell holds its words whole), a line outside every cell (the
  // page's 【打印本页】 【关闭窗口】 after the table) is no piece of a project's name.
  const inCell = (d: DataLine) => d.label.some((t) => t.cell !== undefined) || d.amounts.some((t) => t.cell !== undefined);
  const data = lines.some(inCell) ? lines.filter(inCell) : lines;
  const piece = (ts: LayoutToken[]) => (ts.length ? [{ ...ts[0], text: mapArray(ts, (t) => t.text).join("") }] : []);
  const out: DataLine[] = [];
  // (A 合计 line takes no name's words: the projects between two such lines are read on their own.)
  let run: DataLine[] = [];
  const fromTop = (lines: DataLine[]) => {
    const groups: { d: DataLine; parts: DataLine[] }[] = [];
    let before: DataLine[] = [];
    for (const d of lines)
      if (d.amounts.length) {
        groups.push({ d, parts: [...before, d] });
        before = [];
      } else if (groups.length) groups[groups.length - 1].parts.push(d);
      else before.push(d);
    return groups.length ? groups : mapArray(lines, (d) => ({ d, parts: [d] }));
  };
  const flush = () => {
    for (const { d, parts } of top ? fromTop(run) : withNamePieces(run)) {
      const toks = parts.flatMap((x) => x.label);
      out.push(parts.length === 1 ? d : { ...d, label: boundary === null ? piece(toks) : [...piece(toks.filter((t) => t.x0 < boundary)), ...piece(toks.filter((t) => t.x0 >= boundary))] });
    }
    run = [];
  };
  for (const d of data)
    if (isTotalLabel(d)) {
      flush();
      out.push(d);
    } else run.push(d);
  flush();
  return out;
}

/** A PDF line's baseline (its first piece's box), or null (a line of text has none). */
function baselineOf(d: DataLine | null): number | null {
  const t = d ? (d.label[0] ?? d.amounts[0]) : undefined;
  return t?.box ? t.box.y : null;
}

/**
 * A list whose names wrap around their figures' line (cells centred vertically, 广州's projects): each line of
 * words alone goes to the nearest line of figures on its page, within four lines — the one below when
 * nearer, or as near and printing no name of its own (`printsName`); else the one above. Each line of data in
 * printed order, with the lines whose words it takes (above it, itself, below it); the lines taken are left out.
 */
function withNamePieces(data: DataLine[], printsName: (d: DataLine) => boolean = (d) => d.label.length > 0): { d: DataLine; parts: DataLine[] }[] {
  const isPiece = (d: DataLine) => d.amounts.length === 0 && d.label.length > 0;
  const above = new Map<DataLine, DataLine[]>();
  const below = new Map<DataLine, DataLine[]>();
  const taken = new Set<DataLine>();
  const figuresAfter = (i: number) => {
    for (let k = i + 1; k < data.length; k++) if (data[k].amounts.length) return k;
    return -1;
  };
  const figuresBefore = (i: number) => {
    for (let k = i - 1; k >= 0; k--) if (data[k].amounts.length) return k;
    return -1;
  };
  const lines = (a: DataLine, b: DataLine) => (a.line.page === b.line.page ? Math.abs(a.line.line - b.line.line) : Infinity);
  data.forEach((d, i) => {
    if (!isPiece(d)) return;
    const [u, n] = [figuresBefore(i), figuresAfter(i)];
    const up = u >= 0 ? data[u] : null;
    const down = n >= 0 ? data[n] : null;
    const du = up ? lines(up, d) : Infinity;
    const dd = down ? lines(down, d) : Infinity;
    // As near by lines, on a PDF's page: the nearer by height (a cell's lines stand closer together than two
    // rows, which its padding parts). Else the one below where it prints no name of its own.
    const [yd, yu, yp] = [baselineOf(down), baselineOf(up), baselineOf(d)];
    const byHeight = dd === du && yd !== null && yu !== null && yp !== null && Math.abs(Math.abs(yu - yp) - Math.abs(yp - yd)) > 0.5 ? (Math.abs(yp - yd) < Math.abs(yu - yp) ? down : up) : null;
    const to = byHeight ?? (dd < du || (dd === du && down && !printsName(down)) ? down : up);
    if (!to || Math.min(du, dd) > 4) return;
    taken.add(d);
    const into = to === down ? above : below;
    into.set(to, [...(into.get(to) ?? []), d]);
  });
  return mapArray(
    data.filter((d) => !taken.has(d)),
    (d) => ({ d, parts: [...(above.get(d) ?? []), d, ...(below.get(d) ?? [])] }),
  );
}

/**
 * Lines of words between lines of figures on a PDF's page, by where the rows part: between two lines of
 * figures, the widest gap between consecutive lines is the rows' border (a cell's own lines stand closer
 * together than two rows, which its padding parts), whether the cells set their text to the top, the middle
 * or the bottom. The words above the first line of figures are its own, those after the last its own. Null
 * where no gap stands out (then the lines are read by how near they are: withNamePieces).
 */
function piecesByHeight(data: DataLine[]): { d: DataLine; parts: DataLine[] }[] | null {
  const figures = data.filter((d) => d.amounts.length > 0);
  if (!figures.length || data.some((d) => baselineOf(d) === null)) return null;
  const at = (d: DataLine) => data.indexOf(d);
  const above = new Map<DataLine, DataLine[]>([[figures[0], data.slice(0, at(figures[0])).filter((x) => x.line.page === figures[0].line.page)]]);
  const below = new Map<DataLine, DataLine[]>();
  for (let k = 0; k + 1 < figures.length; k++) {
    const [u, n] = [figures[k], figures[k + 1]];
    const run = data.slice(at(u) + 1, at(n));
    if (!run.length) continue;
    if (u.line.page !== n.line.page) {
      below.set(u, run.filter((x) => x.line.page === u.line.page));
      above.set(n, run.filter((x) => x.line.page !== u.line.page));
      continue;
    }
    const seq = [u, ...run, n];
    const gaps = mapArray(seq.slice(1), (x, j) => Math.abs(baselineOf(seq[j])! - baselineOf(x)!));
    const widest = Math.max(...gaps);
    if (widest - Math.min(...gaps) <= 1) return null;
    const b = gaps.indexOf(widest);
    below.set(u, run.slice(0, b));
    above.set(n, run.slice(b));
  }
  const last = figures[figures.length - 1];
  below.set(last, data.slice(at(last) + 1).filter((x) => x.line.page === last.line.page));
  return mapArray(figures, (d) => ({ d, parts: [...(above.get(d) ?? []), d, ...(below.get(d) ?? [])] }));
}

/**
 * Lines of words between lines of figures as the cells of a table centred vertically print them, read from a
 * text (no heights to tell where a cell ends): a line of figures has as many lines of its cell below it as
 * above it, so the words between two lines of figures are the upper one's up to as many as it took above, the
 * lower one's for the rest; those before the first line of figures are its own, those after the last its own.
 * A page break parts them by page. Each line of figures with the lines whose words it takes, in printed order.
 */
function centredPieces(data: DataLine[]): { d: DataLine; parts: DataLine[] }[] {
  const figures = data.filter((d) => d.amounts.length > 0);
  if (!figures.length) return mapArray(data, (d) => ({ d, parts: [d] }));
  const above = new Map<DataLine, DataLine[]>();
  const below = new Map<DataLine, DataLine[]>();
  const at = (d: DataLine) => data.indexOf(d);
  // Before the first line of figures: its words, on its page.
  above.set(figures[0], data.slice(0, at(figures[0])).filter((x) => x.line.page === figures[0].line.page));
  let took = above.get(figures[0])!.length;
  for (let k = 0; k + 1 < figures.length; k++) {
    const [u, n] = [figures[k], figures[k + 1]];
    const run = data.slice(at(u) + 1, at(n));
    const mine = run.filter((x) => x.line.page === u.line.page);
    const theirs = run.filter((x) => x.line.page !== u.line.page);
    const b = u.line.page === n.line.page ? Math.min(took, run.length) : mine.length;
    below.set(u, u.line.page === n.line.page ? run.slice(0, b) : mine);
    above.set(n, u.line.page === n.line.page ? run.slice(b) : theirs);
    took = above.get(n)!.length;
  }
  const last = figures[figures.length - 1];
  below.set(last, data.slice(at(last) + 1).filter((x) => x.line.page === last.line.page));
  return mapArray(figures, (d) => ({ d, parts: [...(above.get(d) ?? []), d, ...(below.get(d) ?? [])] }));
}

/**
 * A list whose names wrap around their figures' line (cells centred vertically, 广州's projects): the figures'
 * line reads the words above it, its own, and those below it, and starts where the first of them starts.
 */
function attachNamePieces(data: DataLine[]): DataLine[] {
  return mapArray(withNamePieces(data), ({ d, parts }) => {
    if (parts.length === 1) return d;
    // (A unit's code on its figures' line, left of its name's lines wrapped around it — 139005 under 广东省农业农村厅干部学校（…干
    // and over 部培训中心）: the code stays a piece of its own ahead of the name, not a piece of the name.)
    const all = parts.flatMap((x) => x.label);
    const lead = d.label[0];
    const code = all.length > 1 && lead && /^\d{3,}$/.test(lead.text) && all.every((t) => t === lead || t.x0 > lead.x1) ? lead : null;
    const name = code ? all.filter((t) => t !== code) : all;
    return { ...d, label: [...(code ? [code] : []), ...(name.length ? [{ ...name[0], text: mapArray(name, (t) => t.text).join("") }] : [])] };
  });
}

/** A unit's name as other tables may print it: without a bracketed qualifier at its end (（本级）). */
const unitKey = (name: string) => normaliseName(name).replace(/[（(][^（()）]*[)）]$/, "");

/**
 * A list of projects in one name column whose units' lines the page did not set apart (a form that keeps no
 * indentation: tab-separated cells, an HTML table): a row named as a budget unit another table of the
 * document names (广州市科学技术局 for its 基本支出 table's 广州市科学技术局（本级）) is that unit's line, and
 * the projects under it are its own. Only where no row is a unit yet and each unit so named has projects.
 */
function unitsByName(tables: Table[]): void {
  const known = new Set<string>();
  for (const t of tables) for (const r of t.rows) if (r.kind === "unit" && t.kind !== "project-summary" && (r.unit ?? r.name)) known.add(unitKey((r.unit ?? r.name)!));
  if (!known.size) return;
  for (const t of tables) {
    if (t.kind !== "project-summary" || t.rows.some((r) => r.kind === "unit" || r.kind === "code" || (r.kind === "item" && r.unit))) continue;
    const units = t.rows.filter((r) => r.kind === "item" && known.has(unitKey(r.name ?? "")));
    if (!units.length || t.rows[t.rows.findIndex((r) => r.kind === "item")] !== units[0]) continue;
    let current: string | null = null;
    for (const r of t.rows) {
      if (r.kind !== "item") continue;
      if (units.includes(r)) {
        current = r.name;
        Object.assign(r, { kind: "unit", unit: current });
      } else r.unit = current;
    }
  }
}

/** The row that numbers the columns under a header (栏次 / ** 1 2 3 4 5): not data. */
function isNumberingRow(d: DataLine): boolean {
  const label = mapArray(d.label, (t) => t.text).join("");
  if (/^(栏次|序号|\*+|行次)$/.test(label)) return true;
  // (1 2 3 …, or 1.00 2.00 3.00 … in a sheet whose cells all print two decimals.)
  return d.label.length === 0 && d.amounts.length >= 3 && d.amounts.every((a, i) => a.text.replace(/\.0+$/, "") === String(i + 1));
}

/**
 * A table read by kind alone (no template for it) whose header does not name a column for every figure
 * its rows print, or no 合计: its columns cannot be told apart with confidence. It is listed, not checked:
 * a guessed column would be a false error.
 */
function headerNotUnderstood(b: Block, specs: ColumnSpec[], data: DataLine[], unnamed: string[] = []): ParsedBlock | null {
  if (!b.fromHeader) return null;
  const most = Math.max(0, ...mapArray(data, (d) => d.amounts.length));
  if (unnamed.length === 0 && specs.length > 0 && most <= specs.length) return null;
  // A table that prints no figure (此表为空): nothing can be put in a wrong column.
  if (most === 0) return null;
  const why = unnamed.length ? `: ${unnamed.join("、")}` : "";
  return { table: null, unknown: { title: `${b.hit.title}（表头未能识别 header not understood${why}）`, location: { file: "", line: b.lines[0] ? fileLine(b.lines[0]) : null } }, department: null };
}

/**
 * The row that numbers the columns (** 1 2 3 …, 栏次) marks where each amount column stands: when it numbers
 * exactly the amount columns, each number is centred in its column, so the column (whose figures are
 * right-aligned) ends halfway to the next number, the last one half a gap after its own. Their offsets from
 * the first column's end are the columns' offsets. (The numbers' own right edges put a figure at the end of
 * a wide column nearer the next number than its own: 杭州's 单位资金 under 6, not 5.)
 */
function numberingOffsets(body: LayoutLine[], columns: number): number[] | null {
  const row = splitBody(body).find(isNumberingRow);
  const numbers = row?.amounts.filter((a) => /^\d+$/.test(a.text)) ?? [];
  if (numbers.length !== columns || columns < 2) return null;
  const centres = mapArray(numbers, (n) => (n.x0 + n.x1) / 2);
  const ends = mapArray(centres, (c, j) => (j + 1 < centres.length ? (c + centres[j + 1]) / 2 : c + (c - centres[j - 1]) / 2));
  return mapArray(ends, (e) => e - ends[0]);
}

/**
 * A 科目名称 wrapped over two lines whose first part stands on the line above its code's, read as the end of the
 * row above (2010350 事业运行 / 其他政府办公厅（室）及相关机 / 2010399 构事务支出, as 江苏's 支出总表 prints it): put
 * back where the document prints each of the two codes' names whole elsewhere (其他政府办公厅（室）及相关机构事务支出
 * for 2010399, 事业运行 for 2010350, in another table). A row's name is changed only then: the document's own
 * names say where the line belongs.
 */
function rejoinWrappedNames(tables: Table[]): void {
  const known = new Map<string, Set<string>>();
  for (const t of tables)
    for (const r of t.rows)
      if (r.kind === "code" && r.code && r.name) {
        let set = known.get(r.code);
        if (!set) known.set(r.code, (set = new Set()));
        set.add(normaliseName(r.name));
      }
  for (const t of tables)
    for (let i = 1; i < t.rows.length; i++) {
      const [above, r] = [t.rows[i - 1], t.rows[i]];
      if (r.kind !== "code" || above.kind !== "code" || !r.code || !above.code || !r.name || !above.name) continue;
      const mine = normaliseName(r.name);
      for (const whole of known.get(r.code) ?? []) {
        if (whole === mine || !whole.endsWith(mine)) continue;
        const piece = whole.slice(0, whole.length - mine.length);
        const printed = above.name;
        // Where the row above's printed name ends in that piece, and what it is without it is its code's name.
        let cut = -1;
        for (let k = printed.length - 1; k > 0 && cut < 0; k--)
          if (normaliseName(printed.slice(k)) === piece && known.get(above.code)?.has(normaliseName(printed.slice(0, k)))) cut = k;
        if (cut < 0) continue;
        const rename = (row: Row, name: string) => {
          if (row.label === row.name) row.label = name;
          if (row.cells.name?.text === row.name) row.cells.name.text = name;
          row.name = name;
        };
        const moved = printed.slice(cut);
        rename(above, printed.slice(0, cut).trimEnd());
        rename(r, moved.trimStart() + r.name);
        break;
      }
    }
}

/** The number of the next table printed above its title (部门公开表 2, 公开 03 表, 财决01表, 附表4, 表十一): not a row. */
const TABLE_NUMBER = new RegExp(String.raw`^(部门)?公开表\s*\d+$|^${FORM_NUMBER}$|^附表\s*\d+$|^(附)?表\s*[一二三四五六七八九十]+$`);

/** Lines a table's block may hold that are not its header: a note, the table's number, "no data". */
const NOT_HEADER = new RegExp(String.raw`^[（(]?(注|备注|说明)\s*[:：]|^${FORM_NUMBER}$|^部门公开表\s*\d+$|^(附)?表\s*\d+$|此表为空|本表(本年)?无|无数据`);

/**
 * A table of a template that prints its columns in a fixed order (the order is part of the template: a layout
 * text keeps no header geometry) whose header names them otherwise: read by its header, with the columns of
 * its kind (the generic template's), under its own title and number. Shanghai's 决算 template carries the
 * national tables' titles, which every province prints, in Shanghai's column order; other provinces print
 * the 三公 决算表 with 预算数 over its six items and then 决算数 over them (Shanghai: 预算数 | 决算数 under each
 * item), or its items down the page (项目 | 预算数 | 决算数); 一般公共预算财政拨款支出决算表 with 年初预算数 and 调整预算数
 * before 决算数's 合计 · 基本支出 · 项目支出; the 基本支出 table's codes in one column (决算数) rather than two lanes.
 * Read in the template's order, every row of such a table would put its figures in wrong columns. Null where
 * the header is read as the template's (or not understood by its kind either: the template's order stands).
 */
function readByHeader(file: string, b: Block): TableTemplate | null {
  const own = b.hit.tpl;
  if (b.hit.unknown || (own.layout !== "classified" && own.layout !== "single-row" && own.layout !== "two-lane" && own.layout !== "unit-year")) return null;
  const kind = generic.tables.find((t) => t.kind === own.kind);
  if (!kind || (kind.layout !== own.layout && own.layout !== "two-lane" && own.layout !== "unit-year")) return null;
  const parts = sections(file, b);
  const byKind: TableTemplate = { ...own, layout: kind.layout, columns: kind.columns };
  // A 三公 table of a row per unit and year (Shenzhen's: 预算单位 | 年度 | …) printed without the 年度 column (湖南's
  // 单位名称 | 合计 | 因公出国（境）费 | …, one year): the kind's, its columns by its header.
  if (own.layout === "unit-year") {
    const labels = mapArray(headerTokens(parts.header), (t) => normaliseName(t.text));
    return labels.some((l) => /年度|年份/.test(l)) ? null : byKind;
  }
  // A 三公 table's items down the page, one a row (two of its items at least name rows of figures).
  if (own.layout === "single-row") {
    const items = new Set(mapArray(splitBody(parts.body).filter((d) => d.amounts.length), (d) => sanggongItem(d)).filter((k) => k));
    if (items.size >= 2 && headerLeaves(mapArray(parts.header, (l) => tokensOf(l))).some((l) => /^项目(名称)?$/.test(l.text))) return byKind;
  }
  // A table printed in lanes is the template's.
  if (own.layout === "two-lane" && (printsLanes(parts.header) || laneGeometry(parts.header))) return null;
  const { header, body } = figureColumns(parts.header, parts.body);
  const named = genericColumns(kind, header, body);
  if (named.unnamed.length || !named.specs.length) return null;
  // …and names a column for each figure a line prints (two lanes under one 决算数 label are not one column).
  if (splitBody(completeCodeSegments(body, header, b.codesBefore)).some((d) => d.amounts.length > named.specs.length)) return null;
  const fixed = own.columns.filter((c) => c.kind === "amount");
  return own.layout === "two-lane" || named.specs.some((s, i) => fixed[i]?.key !== s.key) ? byKind : null;
}

/**
 * The first two characters of each economic class's name (工资, 商品, 对个 …: a label wrapped after them keeps them), but
 * 其他, which many a header prints (其他收入).
 */
const CLASS_STEMS = [...new Set(mapArray([...ECONOMIC_CLASSES], ([, name]) => name.slice(0, 2)))].filter((x) => x !== "其他");

/** The generic template's table of function codes × economic classes: read by its header alone, never by its title. */
const FUNCTION_ECONOMIC = generic.tables.find((t) => t.kind === "function-economic")!;

/**
 * The function × economic-class table, where a block's header names it: 合计 and three economic classes at least
 * (工资福利支出 | 商品和服务支出 | 对个人和家庭的补助 …), every amount column named by it (a class's words that name no
 * class are a column not understood, generic.ts). Tried on a table under a title no template knows, and on one read
 * by kind as a classified table (一般公共预算支出预算表 over 301 | 302 | 303 columns), whose own columns the header
 * does not name: a table its kind reads is left to it.
 */
function classesAcross(file: string, b: Block): TableTemplate | null {
  if (!b.hit.unknown && !(b.fromHeader && b.hit.tpl.layout === "classified")) return null;
  const parts = sections(file, b);
  // (Cheaply first: the header's words begin three classes' names at least.)
  const words = normaliseName(mapArray(parts.header, (l) => l.text).join(""));
  if (CLASS_STEMS.filter((x) => words.includes(x)).length < 3) return null;
  const { header, body } = figureColumns(parts.header, parts.body);
  if (!b.hit.unknown && !genericColumns(b.hit.tpl, header, body).unnamed.length) return null;
  const named = genericColumns(FUNCTION_ECONOMIC, header, body);
  if (named.unnamed.length || !named.specs.some((s) => s.key === "total")) return null;
  return named.specs.filter((s) => ECONOMIC_CLASS_KEYS.includes(s.key)).length >= 3 ? FUNCTION_ECONOMIC : null;
}

/**
 * How many of a province's tables print more figures on a row than its template lists amount columns (a 一般公共预算
 * 支出表 of 合计 | 基本支出 小计 | 人员经费 | 公用经费 | 项目支出 where Shenzhen's lists 支出总计 | 基本支出 | 项目支出), and whose
 * header the kind's columns do not name either: read by the template's list in order, their figures would land in
 * other columns.
 */
function misfits(file: string, bs: Block[]): number {
  let n = 0;
  for (const b of bs) {
    const own = b.hit.tpl;
    if (b.hit.unknown || own.layout !== "classified") continue;
    const parts = sections(file, b);
    const { header, body } = figureColumns(parts.header, parts.body);
    const columns = own.columns.filter((c) => c.kind === "amount").length;
    const widest = Math.max(0, ...mapArray(splitBody(completeCodeSegments(body, header, b.codesBefore)), (d) => d.amounts.length));
    if (widest <= columns) continue;
    const byHeader = readByHeader(file, b);
    // Read by its header, a table splitting its figures into amount columns the template's table has not (人员经费 |
    // 公用经费 beside Shenzhen's 支出总计 | 基本支出 | 项目支出) is no more the province's. (A 决算's 年初预算数 beside them is
    // no split: another stage's figure.)
    const ownKeys = new Set(mapArray(own.columns, (c) => c.key));
    if (!byHeader || genericColumns(byHeader, header, body).specs.some((s) => s.kind === "amount" && !s.budgetStage && !ownKeys.has(s.key))) n++;
  }
  return n;
}

/** Generic template: the amount columns its header names (wrapped and grouped labels read as printed). */
function genericColumns(tpl: TableTemplate, header: LayoutLine[], body: LayoutLine[]): HeaderColumns {
  // The header printed above the first row (a continuation page repeats it: once is enough).
  const first = body[0]?.line ?? Infinity;
  const lines = mapArray(header.filter((l) => l.line < first && !NOT_HEADER.test(text(l))), (l) => tokensOf(l).filter((t) => !META.test(t.text) && moneyUnitOf(t.text) === null));
  // (A 三公 table has a row for last year's figures: last year's budget printed beside this year's is read into it.)
  const lastYearRow = tpl.layout === "single-row" && SANGGONG_KINDS.includes(tpl.kind);
  const targets = tpl.kind === "project-performance";
  const named = nameColumns(headerLeaves(lines), tpl.columns, lastYearRow, targets);
  if (!named.unnamed.length) return named;
  // A label alone over all the amount columns is a band naming the table's fund or scope (当年财政拨款安排), or the
  // first line of a label wrapped in its cell (header.ts, bandOf): it is left out as a band when, so read, the
  // header names every amount column and, joined to the labels under it, it does not.
  // The same for a label wrapped in its cell with its next line set off its first's centre (因公出国 / （境）费): read so
  // only when the header read otherwise leaves columns unnamed, and kept only when it names them all. And for a group
  // label printed at the left of its merged cell (决算数 over 合计 · 基本支出 · 项目支出, beside 年初预算数 spanning both lines).
  for (const options of [{ band: "drop" }, { wrapped: "in-cell" }, { band: "drop", wrapped: "in-cell" }, { groups: "left-set" }] as const) {
    const again = nameColumns(headerLeaves(lines, options), tpl.columns, lastYearRow, targets);
    if (!again.unnamed.length && again.specs.length) return again;
  }
  return named;
}

/** The lines with only their tokens that start left of `x`; a line left empty is dropped. */
function leftOf(lines: LayoutLine[], x: number): LayoutLine[] {
  const out: LayoutLine[] = [];
  for (const l of lines) {
    const toks = tokensOf(l);
    const kept = toks.filter((t) => t.x0 < x);
    if (kept.length === toks.length) out.push(l);
    else if (kept.length) out.push(withTokens(l, kept));
  }
  return out;
}

/** A line with only some of its tokens (its text theirs). */
const withTokens = (l: LayoutLine, tokens: LayoutToken[]): LayoutLine => ({ ...l, tokens, text: mapArray(tokens, (t) => t.text).join("  ") });

/**
 * A table's lines without the words of a column printed after its amounts (广州's 绩效目标: a project's
 * targets over several lines beside its figures, some on the figures' own line): whatever starts right of
 * where the lines printing every amount column end (or of the column's label, where none does). Lines left
 * empty are dropped: they were the words' alone.
 */
function withoutRemarks(body: LayoutLine[], columns: number, label: number): LayoutLine[] {
  // (No amount column, a 项目支出绩效目标表 that prints none: nothing to tell its figures' end by.)
  if (columns === 0) return body;
  // Where the last amount column ends, page by page (pages may be laid out at different widths): the median
  // of the lines printing every column (a number among the words would stretch a maximum); on a page with
  // none (every line leaves a cell blank), the furthest end of a line's figures before its first word.
  const ends = new Map<number, number[]>();
  const furthest = new Map<number, number>();
  for (const l of body) {
    const toks = tokensOf(l);
    const amounts = toks.filter((t) => AMOUNT_TOKEN.test(t.text) || DASH_TOKEN.test(t.text));
    if (amounts.length >= columns) ends.set(l.page, [...(ends.get(l.page) ?? []), amounts[columns - 1].x1]);
    let end = -Infinity;
    for (const t of toks.slice(toks.indexOf(amounts[0]))) {
      if (!(AMOUNT_TOKEN.test(t.text) || DASH_TOKEN.test(t.text))) break;
      end = t.x1;
    }
    if (amounts.length >= 2 && end > (furthest.get(l.page) ?? -Infinity)) furthest.set(l.page, end);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const all = [...ends.values()].flat();
  const out: LayoutLine[] = [];
  for (const l of body) {
    const toks = tokensOf(l);
    // A line printing every column ends at its last amount, wherever the words after it stand.
    const amounts = toks.filter((t) => AMOUNT_TOKEN.test(t.text) || DASH_TOKEN.test(t.text));
    const here = ends.get(l.page);
    const cut = amounts.length >= columns ? amounts[columns - 1].x1 : here ? median(here) : (furthest.get(l.page) ?? (all.length ? median(all) : label));
    const kept = toks.filter((t) => t.x0 <= cut);
    if (kept.length) out.push(withTokens(l, kept));
  }
  return out;
}

/**
 * A layout text's table whose header squeezes its amount labels together (header.ts, labelStartColumns): each line's
 * figures in their columns by where its page's own header labels start. Null unless every page that prints figures
 * prints the header too, naming the same columns, and every line of figures is so placed. `apart` (asked with
 * `apart`): on some page the columns' figures do not end together, and the caller must settle that no line stands
 * moved.
 */
function labelStartPlacement(tpl: TableTemplate, header: LayoutLine[], data: DataLine[], named: HeaderColumns, apart: boolean): { at: Map<DataLine, number[]>; apart: boolean } | null {
  const out = new Map<DataLine, number[]>();
  let anyApart = false;
  const lines = data.filter((d) => d.amounts.length);
  for (const page of new Set(mapArray(lines, (d) => d.line.page))) {
    const own = lines.filter((d) => d.line.page === page);
    const pageHeader = header.filter((l) => l.page === page && l.line < own[0].line.line);
    if (!pageHeader.length) return null;
    const cols = genericColumns(tpl, pageHeader, mapArray(own, (d) => d.line));
    if (cols.unnamed.length || cols.specs.length !== named.specs.length || cols.specs.some((s, j) => s.key !== named.specs[j].key)) return null;
    const placed = labelStartColumns(mapArray(own, (d) => ({ amounts: d.amounts, page })), cols, apart);
    if (!placed) return null;
    anyApart ||= placed.apart;
    own.forEach((d, i) => out.set(d, placed.at[i]));
  }
  return out.size ? { at: out, apart: anyApart } : null;
}

/**
 * `apart`: whether a squeezed header's placement whose columns' figures do not end together may be tried (kept only
 * where the table's identities bear it out, else the table is read again without it).
 */
function parseClassified(file: string, b: Block, tpl: TableTemplate, apart = true): ParsedBlock {
  const parts = sections(file, b);
  const { department, unit } = parts;
  const { header, body: printed } = figureColumns(parts.header, parts.body);
  const named = b.fromHeader ? genericColumns(tpl, header, printed) : null;
  const amountSpecs_ = named ? named.specs : amountSpecs(tpl, header, b.fromHeader);
  // (A 项目支出绩效目标表's targets and indicators first, wherever their figures stand: an indicator's 指标值 or 权重 of 80
  // is no amount of the row's.)
  const body = named?.remark != null ? withoutRemarks(tpl.kind === "project-performance" ? leftOf(printed, named.remark) : printed, amountSpecs_.length, named.remark) : printed;
  let lines_ = splitBody(completeCodeSegments(body, header, b.codesBefore)).filter((d) => !isNumberingRow(d));
  // A list of projects in one name column (广州's 支出项目类别（资金使用单位）): each name wrapped around its figures'
  // line as its cell centres it, the words of a cell taken by the nearest line of figures.
  // (Or a list of a fund's projects whose one label column names both: 一般公共预算项目支出预算表 | 单位名称（项目）.)
  const projectList = !!named && (tpl.kind === "project-summary" || named.labels.some((l) => UNIT_PROJECT_LABEL.test(l))) && !lines_.some(hasCode) && !named.labels.some((l) => ITEM_LABEL.test(l));
  if (projectList) lines_ = attachNamePieces(lines_);
  else if (named && tpl.kind === "project-performance" && !lines_.some(hasCode))
    lines_ = withProjectPieces(lines_, unitItemBoundary(lines_, named), topSet(printed, named.remark ?? Infinity));
  else if (named && !lines_.some(hasCode)) lines_ = joinCentredLabels(lines_);
  // Read by kind alone, a table whose one line of figures prints no label (部门收入总表 as one row under its
  // header: 合计 | 上年结转 | …) holds the department's total: not a figure floating beside a code.
  const figures = lines_.filter((d) => d.amounts.length);
  const lone = !!named && figures.length === 1 && figures[0].label.length === 0;
  const data = lone ? lines_ : mapArray(mergeFloatingAmounts(lines_, amountSpecs_.length), (d) => splitGluedFigure(d, amountSpecs_.length));
  // A table whose rows are an outline of items over several label columns (江苏's 政府采购支出预算表): read by its columns.
  const outline = named ? parseOutline(file, b, tpl, header, printed, named, unit, department) : null;
  if (outline) return outline;
  const unclear = headerNotUnderstood(b, amountSpecs_, data, named?.unnamed);
  if (unclear) return unclear;
  // Rows named 项目 with no code, function or unit column: a list of items (收入预算总表 as 项目名称 | 金额), not
  // a table of this kind's rows.
  // (A 项目支出绩效表 lists its projects by name: that is its kind's rows. A 政府采购预算表 lists its purchases so:
  // 项目 | 品目 | 金额, 宁夏's.)
  if (named && tpl.kind !== "project-performance" && tpl.kind !== "procurement" && named.labels.some((l) => /^项目(名称)?$/.test(l)) && !named.labels.some((l) => /科目|编码|代码|单位/.test(l)) && !data.some(hasCode))
    return { table: null, unknown: { title: `${b.hit.title}（按项目列示 rows are items, not codes）`, location: { file, line: b.lines[0] ? fileLine(b.lines[0]) : null } }, department: null };
  const doubt: Doubt = { ambiguous: false, misprinted: 0, anchors: new Map(), sure: new Map(), settleTies: true };
  const hasUnitColumn = tpl.columns.some((c) => c.key === "unit");
  const offsets = (named && numberingOffsets(body, amountSpecs_.length)) || columnOffsets(data, amountSpecs_, header, named?.rights);
  // Read by kind alone, each page's columns where its figures show them (pages may differ in width).
  // Where a page's figures end in exactly as many places as there are columns, each figure is in the column
  // it ends at: no arithmetic or guess is needed (and a misprinted figure stays where it is printed).
  const pageColumns = new Map<number, { at: number[]; tolerance: number } | null>();
  // In a table of cells (a CSV file, a worksheet, a Word or web page's table: each token knows its cell), each
  // figure is in the column whose label stands in its own cell, as the file says: a column left blank in every
  // row (基本支出 of a 政府性基金 table spent on projects alone) leaves no figure to show where it ends, and the
  // row's arithmetic cannot tell which of two columns a figure beside the blank one is in.
  const byCell = named ? cellColumns(data, named, header) : null;
  const starts = named && !byCell ? labelStartPlacement(tpl, header, data, named, apart) : null;
  const byStarts = starts?.at;
  if (named)
    for (const page of new Set(mapArray(data, (d) => d.line.page))) {
      const amounts = data.filter((d) => d.line.page === page).flatMap((d) => d.amounts);
      const tolerance = amounts.some((a) => a.box) ? 6 : 2;
      const at = clusteredColumns(mapArray(amounts, (a) => a.x1), amountSpecs_.length, tolerance, mapArray(amounts, (a) => a.x0));
      pageColumns.set(page, at && { at, tolerance });
    }
  const items: Item[] = [];
  const replace: (() => void)[] = [];
  const alternatives = new Map<Item, Record<string, Cell> | null>();
  const tied = new Set<Item>();
  // (own: how many characters of its name the row prints on its own line.)
  let lastCodeItem: { item: Item; nameX: number | null; prefixX?: number | null; line: number; own?: number } | null = null;
  // Where names start: the median start of the name of the rows that print a code and a name.
  const nameStarts = mapArray(mapArray(data, (d) => (CODE_ROW.test(mapArray(d.label, (t) => t.text).join(" ")) ? d.label.find((t) => !/^\d+$/.test(t.text)) : undefined))
    .filter((t): t is LayoutToken => !!t), (t) => t.x0)
    .sort((a, b) => a - b);
  const nameCol = nameStarts.length ? nameStarts[Math.floor(nameStarts.length / 2)] : 0;
  // A name wrapped around its code line (机关事业单位基本养老保险缴 / 2080505 … / 费支出), its cell centred: the part
  // right above a code line that prints no name starts that row's name, not the previous row's.
  const prefix = new Map<DataLine, string>();
  const prefixLines = new Set<DataLine>();
  // Where such a part starts: the rest of the name, on the line under the code's, starts there too.
  const prefixX = new Map<DataLine, number>();
  data.forEach((d, i) => {
      const next = data[i + 1];
      const nextLabel = next ? mapArray(next.label, (t) => t.text).join(" ").trim() : "";
      const bareCode = /^\d{3}(\s+\d{1,2}){0,2}$|^\d{5}$|^\d{7}$/.test(nextLabel);
      if (d.amounts.length === 0 && d.label.length && !hasCode(d) && next && bareCode && next.line.line - d.line.line <= 1) {
        prefix.set(next, mapArray(d.label, (t) => t.text).join(""));
        prefixX.set(next, d.label[0].x0);
        prefixLines.add(d);
      }
    });
  // A name's first part printed as the first line of a page's rows, by the row it begins (below).
  const lead = new Map<DataLine, string>();
  const byUnit = unitProjectNames(data, named, tpl.kind === "project-performance");
  const unitOfItem = new Map<Item, string>();
  const startOf = new Map<Item, number>();
  // Where each row's name starts, its indentation in its cell included (the levels of a table by name only).
  const nameStart = new Map<Item, number>();
  for (const d of data) {
    if (prefixLines.has(d) || byUnit?.consumed.has(d)) continue;
    const projectRow = byUnit?.names.get(d);
    const labelText = projectRow ? projectRow.item : mapArray(d.label, (t) => t.text).join(" ").trim() || (lone && d.amounts.length ? "合计" : "");
    const m = CODE_ROW.exec(labelText) ?? GLUED_CODE.exec(labelText);
    const pad = (x: string | undefined) => (x ? x.padStart(2, "0") : "");
    const codeText = m ? (m.length === 5 ? [m[1], pad(m[2]), pad(m[3])].join("") : m[1]) : "";
    // (A budget unit's code before its name, 301001 四川省…（本级）: the name.)
    let nameText = (lead.get(d) ?? "") + ((m ? m[m.length - 1] : labelText.replace(/^\d{6,12}\s+(?=\D)/, "")).trim() || (prefix.get(d) ?? ""));
    // Read by kind alone, the total row's label as one word (合   计 in a text, 合 计 in a PDF).
    if (named && /^(合计|总计)$/.test(normaliseName(nameText))) nameText = normaliseName(nameText);
    if (!d.amounts.length && !codeText) {
      // On a PDF's page, the first lines of a name printed to the bottom of its cell, as a spreadsheet sets it
      // by default (深圳市科技交流 / 服务中心 1,931 …; 机关事业单位基本养老保险缴 / 2080505 费支出 52 …): nearer by
      // height to the row's line below than to the row above, and where its name starts, they start that name.
      const i = data.indexOf(d);
      const below = data[i + 1];
      const [yd, yb] = [baselineOf(d), baselineOf(below ?? null)];
      const prevLine = lastCodeItem ? data.find((x) => x.line.line === lastCodeItem!.line) : undefined;
      const yp = baselineOf(prevLine ?? null);
      const target = below?.label.find((t) => !/^\d+$/.test(t.text));
      if (below && target && below.amounts.length && below.line.line - d.line.line === 1 && yd !== null && yb !== null && (yp === null || Math.abs(yd - yb) + 0.5 < Math.abs(yp - yd)) && Math.abs(target.x0 - (d.label[0]?.x0 ?? 0)) <= 6) {
        const k = below.label.indexOf(target);
        below.label = [...below.label.slice(0, k), { ...target, text: `${mapArray(d.label, (t) => t.text).join("")}${target.text}` }, ...below.label.slice(k + 1)];
        continue;
      }
      // A name wrapped onto the next line (机关事业单位基本养老保险缴费支 / 出): printed where names start,
      // right under the row it continues.
      const x = d.label[0]?.x0 ?? 0;
      // (Or where the part above the code line starts, a name printed indented by its level.)
      const slack = d.label[0]?.box ? 12 : 3;
      const near =
        lastCodeItem &&
        d.line.line - lastCodeItem.line <= 2 &&
        (Math.abs(x - (lastCodeItem.nameX ?? nameCol)) <= slack || (lastCodeItem.prefixX != null && Math.abs(x - lastCodeItem.prefixX) <= slack));
      // Unless it is longer than the name the row above prints on its own line, and a code's row with figures follows
      // right under it: a cell's text wraps only when it fills the cell, so the row above, which had room left, is whole,
      // and this line begins the next row's name, printed to the bottom of its cell as a spreadsheet sets it by default
      // (事业单位离退休 / 机关事业单位基本养老保险缴 / 2080505 费支出 …, and again for the row after: 机关事业单位职业年金缴费支 /
      // 2080506 出 …). Read as the row above's end, each name would run into the next one's.
      const next = data[data.indexOf(d) + 1];
      const leadsNext =
        next && next.amounts.length && hasCode(next) && next.line.line - d.line.line === 1 && lastCodeItem?.own !== undefined && normaliseName(nameText).length > lastCodeItem.own;
      if (lastCodeItem && near && leadsNext && !/^(合计|总计)$/.test(normaliseName(nameText))) {
        lead.set(next, `${lead.get(next) ?? ""}${nameText}`);
        continue;
      }
      if (lastCodeItem && near && nameText && !/^(合计|总计)$/.test(normaliseName(nameText)) && nameText.length <= 30) {
        // A budget unit's row continues its unit's name (深圳市科学技术协会 / (本级)), a code's row its 科目名称.
        const c = lastCodeItem.item.cells.unit ?? lastCodeItem.item.cells.name;
        c.text = `${c.text}${nameText}`;
        lastCodeItem.line = d.line.line;
        continue;
      }
      // The first line of a page's rows, a name's first part over its code's line (a page turned inside a wrapped
      // name's row: 公开03表（续） / header / 机关事业单位基本养老保险缴费 / 2080505 支出 …): that row's name begins here.
      // It continues no row: the row above is on the page before.
      const firstOfPage = !data.slice(0, data.indexOf(d)).some((x) => x.line.page === d.line.page && x.amounts.length > 0);
      if (firstOfPage && next && next.amounts.length && hasCode(next) && next.line.line - d.line.line === 1 && nameText && !/^(合计|总计)$/.test(normaliseName(nameText)) && x >= nameCol - slack) {
        lead.set(next, `${lead.get(next) ?? ""}${nameText}`);
        continue;
      }
      if (!/^(合计|总计)$/.test(normaliseName(nameText))) continue;
    }
    const cells: Record<string, Cell> = {};
    const rowLoc = locationOf(file, d.line);
    const firstLabel = d.label[0];
    // A budget unit's row (预算单位 column) in a template that prints one: its name, then its amounts.
    if (!codeText && nameText && hasUnitColumn && !/^(合计|总计)$/.test(normaliseName(nameText)))
      cells.unit = { text: nameText, amount: null, location: locationOf(file, d.line, firstLabel) };
    // (A budget unit's code, kept as its row's code: the row is the unit's, tables.ts.)
    const unitCode = codeText ? null : /^(\d{6,12})\s+(?=\D)/.exec(labelText);
    cells.code = { text: unitCode ? unitCode[1] : codeText, amount: null, location: locationOf(file, d.line, firstLabel) };
    const nameTok = d.label.find((t) => !/^\d+$/.test(t.text)) ?? firstLabel;
    cells.name = { text: cells.unit ? "" : nameText, amount: null, location: locationOf(file, d.line, nameTok) };
    const page = pageColumns.get(d.line.page);
    const direct = byCell?.get(d) ?? (page ? atColumns(d.amounts, page.at, page.tolerance) : null) ?? byStarts?.get(d) ?? null;
    const rowOffsets = page ? mapArray(page.at, (x) => x - page.at[0]) : offsets;
    doubt.unanchored = false;
    // (Where a second placement fits the row as well, its cells: the table's column sums may settle the two.)
    const alternative = (placed: (LayoutToken | undefined)[]) => {
      const cols = nearAlternative(d.amounts, amountSpecs_, rowOffsets, tpl.kind, mapArray(d.amounts, (a) => placed.indexOf(a)));
      if (!cols) return null;
      const o: Record<string, Cell> = {};
      amountSpecs_.forEach((s, j) => (o[s.key] = cell(file, d.line, d.amounts[cols.indexOf(j)], s)));
      return o;
    };
    const placed = direct ? mapArray(amountSpecs_, (_, j) => d.amounts[direct.indexOf(j)]) : placeAmounts(d.amounts, amountSpecs_, rowOffsets, tpl.kind, doubt, undefined, d.line.page, false);
    amountSpecs_.forEach((s, i) => (cells[s.key] = cell(file, d.line, placed[i], s)));
    const item = { cells, loc: rowLoc };
    if (!direct) alternatives.set(item, alternative(placed));
    if (doubt.unanchored) replace.push(() => {
      doubt.tied = false;
      const again = placeAmounts(d.amounts, amountSpecs_, rowOffsets, tpl.kind, doubt, undefined, d.line.page);
      amountSpecs_.forEach((s, i) => (cells[s.key] = cell(file, d.line, again[i], s)));
      alternatives.set(item, alternative(again));
      // Two placements its figures fit alike by their places and the row's identities: the column sums must settle it.
      if (doubt.tied) tied.add(item);
    });
    items.push(item);
    if (d.label[0]) startOf.set(item, d.label[0].x0);
    if (nameTok) nameStart.set(item, nameTok.x0 + (nameTok.indent ?? 0));
    if (projectRow?.unit) unitOfItem.set(item, projectRow.unit);
    const hasName = !!nameTok && !/^\d+$/.test(nameTok.text);
    const own = hasName ? normaliseName(mapArray(d.label.filter((t) => !/^\d+$/.test(t.text)), (t) => t.text).join("")).length : undefined;
    lastCodeItem = codeText || nameText ? { item, nameX: hasName ? nameTok!.x0 : null, prefixX: prefixX.get(d) ?? null, line: d.line.line, own } : lastCodeItem;
  }
  // A misprinted row met before any row of its page was placed for certain: placed now that they are.
  for (const f of replace) f();
  // Read by kind alone, a table whose figures could stand in either of two columns is listed, not guessed.
  if (b.fromHeader && uncertain(doubt))
    return listedBlock(file, b, "列位置不确定 columns uncertain");
  const rows = classifiedRows(tpl, items, department);
  // A list of projects in one name column: a unit's line at the margin, its projects indented under it.
  if (projectList) {
    const xs = mapArray(items, (it) => (it.cells.name?.text && !/^(合计|总计)$/.test(it.cells.name.text) ? (startOf.get(it) ?? null) : null));
    const known = xs.filter((x): x is number => x !== null);
    const margin = Math.min(...known);
    // (A layout text sets names on whole characters: one character in is an indentation where every row not at the
    // margin stands there, as 广西's 项目支出预算表 prints its projects under their unit's line. Names centred in their
    // cells start wherever their length puts them, not all at one place.)
    const indented = known.filter((x) => x > margin + 0.5);
    const oneCharacter = !items.some((it) => it.cells.name?.location.box) && indented.length > 0 && indented.every((x) => x === margin + 1);
    if ((oneCharacter || known.some((x) => x > margin + 1)) && known.some((x) => x <= margin + 0.5)) {
      let current: string | null = null;
      items.forEach((it, i) => {
        const x = xs[i];
        const r = rows[i];
        if (x === null || r.kind === "department") return;
        if (x <= margin + 0.5) {
          current = r.name ?? r.label;
          Object.assign(r, { kind: "unit", unit: current, name: current });
        } else if (current) r.unit = current;
      });
    }
  }
  // A project's budget unit (单位名称 | 项目名称): the row is the project's, an item of its unit. A line naming a
  // unit and no project is the unit's subtotal: the projects under it that name no unit are its own.
  let current: string | null = null;
  items.forEach((it, i) => {
    const r = rows[i];
    if (!byUnit || r.kind === "department") return;
    const u = unitOfItem.get(it) ?? null;
    if (u && !(it.cells.name?.text ?? "").trim()) {
      Object.assign(r, { kind: "unit", unit: u, name: u, label: u });
      current = u;
    } else if (u || current) r.unit = u ?? current;
  });
  // Read by kind alone, a row named but not coded (杭州: 类 / 款 / 项 told by indentation only) is an item of
  // the table: its row identities are checked like a coded row's.
  if (named)
    for (const r of rows)
      if (r.kind === "other" && r.label && Object.values(r.cells).some((c) => c.amount)) {
        r.kind = "item";
        r.name ??= r.label;
      }
  if (named && tpl.codeKind === "economic") codeEconomicClasses(rows);
  // Read by kind alone, a table's 类 / 款 / 项 told by indentation only (杭州): each row's level from where its
  // name starts (model/indent-levels.ts).
  if (named) {
    const startOfRow = new Map<Row, number>();
    items.forEach((it, i) => {
      const x = nameStart.get(it);
      if (x !== undefined) startOfRow.set(rows[i], x);
    });
    const inPoints = items.some((it) => it.cells.name?.location.box);
    levelsByIndent(rows, tpl.codeKind, (r) => startOfRow.get(r) ?? null, inPoints ? 2 : 0.5);
  }
  if (named && tpl.kind !== "project-summary" && named.labels.some((l) => UNIT_LABEL.test(l)) && !named.labels.some((l) => /科目|编码|代码|项目/.test(l)))
    unitList(rows, mapArray(items, (it) => startOf.get(it) ?? null));
  // A template's table printed by budget unit instead of by code (重庆's 收入决算表 / 支出决算表: 项目 over 单位名称, a
  // unit's name and figures a row): each named row is a unit's, checked as one.
  if (!named && !rows.some((r) => r.kind === "code" || r.kind === "unit") && headerTokens(header).some((t) => UNIT_LABEL.test(normaliseName(t.text)))) {
    for (const r of rows)
      if (r.kind === "other" && r.label && Object.values(r.cells).some((c) => c.amount)) {
        r.kind = "item";
        r.name ??= r.label;
      }
    unitList(rows, mapArray(items, (it) => startOf.get(it) ?? null));
  }
  const keys = new Set([...(hasUnitColumn ? ["unit"] : []), "code", "name", ...mapArray(amountSpecs_, (s) => s.key)]);
  const table = makeTable(b, tpl, unit, department, columnsOf(tpl, keys), tpl.kind === "project-performance" ? onePerProject(rows) : rows);
  const unsettled = new Set<Row>();
  if (alternatives.size && tpl.kind !== "project-performance") {
    const choices: PlacementChoice[] = [];
    items.forEach((it, i) => {
      const other = alternatives.get(it);
      if (!other) return;
      const current: Record<string, Cell> = {};
      for (const s of amountSpecs_) if (it.cells[s.key]) current[s.key] = it.cells[s.key];
      choices.push({ row: rows[i], options: [current, other] });
    });
    for (const r of settleByColumnSums(table, choices)) unsettled.add(r);
  }
  // Read by kind alone, a row that neither its figures' places nor its identities nor the column sums place lists the table.
  if (b.fromHeader && items.some((it, i) => tied.has(it) && (!alternatives.get(it) || unsettled.has(rows[i]))))
    return listedBlock(file, b, "列位置不确定 columns uncertain");
  // Placed by where its labels start though its columns' figures do not end together: kept where the table's identities
  // show no line moved into other columns, else read again by position and identities, row by row. Where that reading
  // cannot place its rows either, a table whose identities all hold but for one figure is kept as placed: that figure is
  // a misprint the checks name (a line moved leaves two columns' sums off), not a reason to leave the table unread.
  if (starts?.apart) {
    const identities = KINDS[tpl.kind].rowIdentities.filter((id) => identityApplies(id, new Set(mapArray(amountSpecs_, (s) => s.key))));
    if (!identitiesHold(table, identities)) {
      const again = parseClassified(file, b, tpl, false);
      return again.table || !holdsButForOneFigure(table, identities) ? again : { table, department };
    }
  }
  return { table, department };
}

/** A 项目支出绩效目标表 printed as a card per project (cards.ts): a row per card, its unit, name and 年度资金总额. */
/** A column of words beside an outline's labels (采购组织形式, 采购方式): an attribute of its row, never a level of it. */
const OUTLINE_WORDS = /^(政府)?采购(组织)?(方式|形式)$|^组织形式$/;
/** A label column that is no level of an outline: a code, a unit, a row number. */
const NOT_OUTLINE = /编码|代码|^(类|款|项|科目编|码)$|单位|^\*+$|^\d+$|栏次|行次|序号/;
/** An outline's category of procurement, named by its row (一、货物 A · 二、工程 B · 三、服务 C): the row's role. */
const PROCUREMENT_KINDS: [RegExp, string][] = [
  [/^货物(类)?[A-Z]?$/, "goods"],
  [/^工程(类)?[A-Z]?$/, "works"],
  [/^服务(类)?[A-Z]?$/, "services"],
];

/**
 * A table whose rows are an outline over two label columns or more (layout/outline.ts): each row's labels read from
 * the lines around its line of figures, its level the label column of its name (the rightmost it prints: a row that
 * prints a project and its economic item is the item's), its words columns kept as words. Null when the table is not
 * such an outline (one label column, a code or unit column, every row at one level, or rows that fill the first
 * column each): it is read as the kind's rows are. Listed as not read where a line's figures cannot be placed.
 */
function parseOutline(file: string, b: Block, tpl: TableTemplate, header: LayoutLine[], body: LayoutLine[], named: HeaderColumns, unit: string | null, department: string | null): ParsedBlock | null {
  if (named.unnamed.length || !named.specs.length || named.labels.length < 2 || named.labels.some((l) => NOT_OUTLINE.test(l))) return null;
  const levels = named.labels.filter((l) => !OUTLINE_WORDS.test(l));
  if (levels.length < 2) return null;
  // Where each label column's label is printed (and its cell, in a grid).
  const first = body[0]?.line ?? Infinity;
  const heads = headerTokens(header.filter((l) => l.line < first));
  const columns: OutlineColumn[] = mapArray(named.labelLefts, (x0) => {
    const at = heads.reduce<LayoutToken | null>((a, t) => (!a || Math.abs(t.x0 - x0) < Math.abs(a.x0 - x0) ? t : a), null);
    return { x0, x1: at?.x1 ?? x0, ...(at?.cell !== undefined ? { cell: at.cell } : {}) };
  });
  const lines = body.filter((l) => tokensOf(l).length && !PAGE_NUMBER.test(text(l)) && !NOT_HEADER.test(text(l)) && !NOTE.test(text(l)));
  // Rows of codes are a classified table's, whatever its labels.
  if (lines.some((l) => CODE_ROW.test(text(l)) || GLUED_CODE.test(text(l)))) return null;
  // Each line's figures (the run of figures it ends with) and its words. (A line whose figures cannot be placed
  // leaves an outline listed; a table that is no outline is read as before.)
  let uncertain = false;
  const figures = new Map<LayoutLine, LayoutToken[]>();
  const words = new Map<LayoutLine, LayoutToken[]>();
  for (const l of lines) {
    const toks = tokensOf(l);
    let k = toks.length;
    while (k > 0 && isFigureToken(toks[k - 1].text)) k--;
    const amounts = toks.slice(k);
    if ((amounts.length && amounts.length !== named.specs.length && named.specs.length > 1) || amounts.length > named.specs.length) uncertain = true;
    if (amounts.length) figures.set(l, amounts.slice(0, named.specs.length));
    if (k) words.set(l, toks.slice(0, k));
  }
  // The pieces of each column, page by page.
  const byColumn: OutlinePiece[][] = mapArray(columns, () => []);
  for (const page of new Set(mapArray(lines, (l) => l.page))) {
    const onPage = lines.filter((l) => l.page === page && words.has(l));
    const toks = onPage.flatMap((l) => words.get(l)!);
    const at = placeTokens(toks, columns);
    if (!at) return null;
    let n = 0;
    for (const l of onPage) {
      const pieces = new Map<number, OutlinePiece>();
      for (const t of words.get(l)!) {
        const j = at[n++];
        const p = pieces.get(j);
        pieces.set(j, p ? { ...p, token: { ...p.token, text: p.token.text + t.text, x1: t.x1 } } : { line: l, token: t, column: j });
      }
      for (const [j, p] of pieces) byColumn[j].push(p);
    }
  }
  const figureLines = mapArray([...figures.keys()], (l) => l.line);
  type Anchor = { line: LayoutLine | null; at: number; labels: Map<number, OutlinePiece[]> };
  const anchors = new Map<number, Anchor>();
  for (const l of figures.keys()) anchors.set(l.line, { line: l, at: l.line, labels: new Map() });
  const headings: Anchor[] = [];
  byColumn.forEach((pieces, j) => {
    for (const c of cellsOfColumn(pieces, figureLines)) {
      if (c.figure === null) headings.push({ line: null, at: c.pieces[0].line.line, labels: new Map([[j, c.pieces]]) });
      else anchors.get(c.figure)!.labels.set(j, c.pieces);
    }
  });
  const levelColumns = mapArray(named.labels, (l) => !OUTLINE_WORDS.test(l));
  const rows: Row[] = [];
  const specOf = (k: number) => named.specs[k];
  const ordered = [...anchors.values(), ...headings].sort((x, y) => x.at - y.at);
  for (const a of ordered) {
    const textOf = (j: number) => normaliseName(mapArray(a.labels.get(j) ?? [], (p) => p.token.text).join(""));
    const filled = named.labels.flatMap((_, j) => (levelColumns[j] && textOf(j) ? [j] : []));
    if (!filled.length) {
      // Figures with no label (a line of figures alone): not an outline this reader can place.
      if (a.line) return null;
      continue;
    }
    const own = filled[filled.length - 1];
    const firstPiece = a.labels.get(filled[0])![0];
    const location = locationOf(file, firstPiece.line, firstPiece.token);
    const name = splitMarker(textOf(own)).name;
    const label = mapArray(filled, (j) => textOf(j)).join(" ");
    const row = emptyRow(label, location);
    named.labels.forEach((l, j) => {
      const ps = a.labels.get(j);
      if (ps) row.cells[`outline-${j + 1}`] = { text: textOf(j), amount: null, location: locationOf(file, ps[0].line, ps[0].token) };
    });
    if (a.line) {
      const amounts = figures.get(a.line)!;
      amounts.forEach((t, k) => (row.cells[specOf(k).key] = cell(file, a.line!, t, specOf(k))));
    }
    if (/^(合计|总计)$/.test(name) && own === 0) Object.assign(row, { kind: "department", name, label: name });
    else Object.assign(row, { kind: "item", name, level: own + 1, role: PROCUREMENT_KINDS.find(([re]) => tpl.kind === "procurement" && own === 0 && re.test(name.replace(/\s+/g, "")))?.[1] ?? null });
    rows.push(row);
  }
  // An outline: rows at two levels or more, and some leaving the first label column blank.
  const items = rows.filter((r) => r.kind === "item");
  if (new Set(mapArray(items, (r) => r.level)).size < 2 || !items.some((r) => !r.cells["outline-1"])) return null;
  if (uncertain) return listedBlock(file, b, "列位置不确定 columns uncertain");
  const columnsOut: Column[] = [
    ...mapArray(named.labels, (l, j) => ({ key: `outline-${j + 1}`, label: l, kind: "text" as const })),
    ...mapArray(named.specs, (s) => ({ key: s.key, name: s.label, label: s.label, kind: "amount" as const })),
  ];
  const table = makeTable(b, tpl, unit, department, columnsOut, rows);
  table.outline = true;
  return { table, department };
}

function parseCards(file: string, b: Block, tpl: TableTemplate): ParsedBlock | null {
  const read = projectCards(b.lines, (label) => targetsLabel(tpl, label));
  if (!read) return null;
  const { department, unit } = sections(file, b);
  const total = tpl.columns.find((c) => c.key === "total")!;
  // The cards' sources (其中：财政拨款 … 其他资金, cards.ts), as the table's columns: the row identity 年度资金总额 = Σ sources
  // (kinds.ts, bySource) checks them. Cards naming their 其中 source differently (财政拨款 on some, 一般公共预算 on others)
  // would print one column under two keys, summed by neither identity as the cards mean: their sources are not read.
  const named = new Set(read.cards.flatMap((c) => mapArray(c.sources.filter((s) => s.key === "allocation" || s.key === "general-public"), (s) => s.key)));
  const sourcesRead = named.size === 1;
  const keys = new Set(["name", "total"]);
  const rows: Row[] = [];
  for (const card of read.cards) {
    if (!card.amount) continue;
    const row = emptyRow(card.name, locationOf(file, card.nameAt.line));
    Object.assign(row, { kind: "item", unit: card.unit, name: card.name });
    row.cells = {
      name: { text: card.name, amount: null, location: locationOf(file, card.nameAt.line, card.nameAt.token) },
      total: cell(file, card.amount.line, card.amount.token, total),
    };
    if (sourcesRead)
      for (const s of card.sources) {
        keys.add(s.key);
        if (s.at) row.cells[s.key] = cell(file, s.at.line, s.at.token, tpl.columns.find((c) => c.key === s.key));
      }
    rows.push(row);
  }
  return { table: makeTable(b, tpl, read.moneyUnit ?? unit, department, columnsOf(tpl, keys), rows), department };
}

/**
 * A 项目支出绩效目标表 whose merged cells were filled down (each indicator row printing its project's unit, name and
 * amount again, as a sheet unmerged and filled, or its CSV, prints them): each project once, its first row. A row
 * is another project's where its unit, name or any figure differs.
 */
function onePerProject(rows: Row[]): Row[] {
  const out: Row[] = [];
  let last: Row | null = null;
  const same = (a: Row, b: Row) =>
    a.unit === b.unit && a.name === b.name && Object.keys(a.cells).length === Object.keys(b.cells).length && Object.entries(a.cells).every(([k, c]) => (c.amount ? c.text === b.cells[k]?.text : !b.cells[k]?.amount));
  for (const r of rows) {
    if (r.kind === "item" && last && same(last, r)) continue;
    out.push(r);
    if (r.kind === "item") last = r;
  }
  return out;
}

function makeTable(b: Block, tpl: TableTemplate, unit: string | null, department: string | null, columns: Column[], rows: Row[]): Table {
  const pages = new Set(mapArray(b.lines, (l) => l.page));
  pages.add(0);
  const titleLine = (b.hit as TitleHit & { line?: LayoutLine }).line;
  return {
    id: tpl.id,
    kind: tpl.kind,
    title: b.hit.title,
    ...(b.hit.printed ? { printed: b.hit.printed } : {}),
    unit: unit ?? tpl.moneyUnit ?? null,
    department,
    columns,
    rows,
    location: titleLine ? { file: "", line: fileLine(titleLine), ...pageOf(titleLine) } : { file: "" },
    pages: Math.max(1, pages.size - 1),
  };
}

/**
 * A role's label spaced out so far over its cell that it reads as two (收   入        总   计): joined when
 * neither half is a label of the table and together they are one (收入总计).
 */
function joinSpacedRoles(toks: LayoutToken[], tpl: TableTemplate): LayoutToken[] {
  const isRole = (t: string) => !!tpl.roles?.some((r) => r.pattern.test(splitMarker(normaliseName(t)).name));
  const out: LayoutToken[] = [];
  for (const t of toks) {
    const prev = out[out.length - 1];
    // A spaced-out fragment may be a role of its own (总计 of 收 入 总 计): it is joined all the same.
    const short = (x: string) => [...normaliseName(x)].length <= 2;
    if (prev && !isFigureToken(prev.text) && !isFigureToken(t.text) && short(prev.text) && !isRole(prev.text) && (short(t.text) || !isRole(t.text)) && isRole(prev.text + t.text))
      out[out.length - 1] = { ...prev, text: normaliseName(prev.text + t.text), x1: t.x1, ...(prev.box && t.box ? { box: { ...prev.box, width: t.box.x + t.box.width - prev.box.x } } : {}) };
    else out.push(t);
  }
  return out;
}

/**
 * The expenditure side's amount columns, from the header right of its 项目 (支出项目; the income side's 预算数 is not
 * its): its 预算数 — the 合计 where one is printed, 预算数 then spanning 合计 and the split of it — and whatever
 * split the header prints (by fund: 一般公共预算 | 政府性基金 …; by use: 基本支出 (人员经费 | 公用经费) |
 * 项目支出). 基本支出 printed on a line above both 人员经费 and 公用经费 heads them and has no figures of its own.
 */
function expenditureSpecs(tpl: TableTemplate, header: LayoutLine[], fromHeader: boolean): ColumnSpec[] {
  const items = headerTokens(header).filter((t) => /^(收入|支出)?项目(名称)?$/.test(normaliseName(t.text)));
  const side = items.length >= 2 ? mapArray(header, (l) => ({ ...l, tokens: tokensOf(l).filter((t) => t.x0 >= items[1].x0) })) : header;
  const total = headerTokens(side).some((t) => normaliseName(t.text) === "合计");
  const own = total ? { ...tpl, columns: mapArray(tpl.columns, (c) => (c.key === "expenditure-amount" ? { ...c, leaf: /^合计$/ } : c)) } : tpl;
  // A template's table too takes the order its header prints (a converter may print 预算数 after its split);
  // where the header does not name the 预算数, the template's order.
  const named = amountSpecs(own, side, true, ["income-amount"], true);
  const specs = fromHeader || named.some((s) => s.key === "expenditure-amount") ? named : amountSpecs(tpl, header, false, ["income-amount"]);
  const restored = mapArray(specs, (s) => (s.key === "expenditure-amount" ? tpl.columns.find((c) => c.key === s.key)! : s));
  const has = (k: string) => restored.some((s) => s.key === k);
  if (!has("basic") || !has("personnel") || !has("public")) return restored;
  const lineOf = (leaf: RegExp) => side.find((l) => headerTokens([l]).some((t) => leaf.test(normaliseName(t.text))))?.line ?? 0;
  const [basic, personnel, publicSpec] = mapArray(["basic", "personnel", "public"], (k) => restored.find((s) => s.key === k)!);
  return lineOf(basic.leaf) < Math.min(lineOf(personnel.leaf), lineOf(publicSpec.leaf)) ? restored.filter((s) => s !== basic) : restored;
}

/** A line number printed in a 行次 column (1 … 99, no decimals): not a figure of the table. */
const ROW_NUMBER = /^\d{1,3}$/;
/** A row number as a worksheet formatted for amounts shows it (1.00 under 行次, in a sheet whose cells all print two decimals). */
const ROW_NUMBER_AS_AMOUNT = /^\d{1,3}(?:\.0+)?$/;

/**
 * A table whose header prints 行次 (the Ministry of Finance's 决算 template: 项目 | 行次 | 金额 on each side of
 * 收入支出决算总表, lines numbered 1 … 40; a table of codes may print one after the names): the numbers printed
 * under each 行次 are the lines' numbers, not amounts, and are left out, as is the 栏次 line that numbers the
 * columns. Read as amounts, every 合计 would be compared with a sum of line numbers.
 */
/** A classified table's header and body with only its labels and figures: no 行次, no project's code (below). */
function figureColumns(header: LayoutLine[], body: LayoutLine[]): { header: LayoutLine[]; body: LayoutLine[] } {
  const plain = withoutRowNumbers(header, body);
  return { header: plain.header, body: withoutProjectCodes(plain.header, plain.body) };
}

/** A header's label of a code column (科目编码, 功能科目编码, 支出功能分类科目编码) and of a project's name. */
const CODE_LABEL = /^((支出)?(功能|经济)(分类)?)?科目(编码|代码)$/;
const PROJECT_LABEL = /^项目(名称)?$/;
/** A classification code as a column prints it: 3, 5 or 7 digits. */
const CODE_TOKEN = /^\d{3}(?:\d{2}){0,2}$/;

/**
 * A list of projects printing each project's function code after its name (项目名称 | 功能科目编码 | 合计 | 一般公共预算
 * …, as 海南's and 宁波's 项目支出表 do): the code under its label is no figure, and is left out. The rows are the
 * projects, read by name; their codes repeat and name no row of a code tree the identities could sum.
 */
function withoutProjectCodes(header: LayoutLine[], body: LayoutLine[]): LayoutLine[] {
  const labels = headerTokens(header);
  const code = labels.find((t) => CODE_LABEL.test(normaliseName(t.text)));
  const project = labels.find((t) => PROJECT_LABEL.test(normaliseName(t.text)));
  if (!code || !project || code.x0 <= project.x1) return body;
  const width = code.x1 - code.x0;
  const under = (t: LayoutToken) => (code.cell !== undefined && t.cell !== undefined ? t.cell === code.cell : t.x1 >= code.x0 - width && t.x0 <= code.x1 + width);
  return body.flatMap((l) => {
    const toks = tokensOf(l);
    const kept = toks.filter((t) => !(CODE_TOKEN.test(t.text) && under(t)));
    if (kept.length === toks.length) return [l];
    return kept.length ? [withTokens(l, kept)] : [];
  });
}

function withoutRowNumbers(header: LayoutLine[], body: LayoutLine[]): { header: LayoutLine[]; body: LayoutLine[] } {
  const columns = headerTokens(header).filter((t) => normaliseName(t.text) === "行次");
  if (!columns.length) return { header, body };
  // Under the label: in its cell where the form has cells (a tab-separated row: the label centred in a column
  // another table's long names widen, the numbers at its right edge), else overlapping it, give or take its own
  // width (a number centred under it may stand wider).
  const under = (t: LayoutToken) =>
    columns.some((c) => (c.cell !== undefined && t.cell !== undefined ? t.cell === c.cell : t.x1 >= c.x0 - (c.x1 - c.x0) && t.x0 <= c.x1 + (c.x1 - c.x0)));
  const kept = mapArray(body, (l) => ({ ...l, tokens: tokensOf(l).filter((t) => !(ROW_NUMBER_AS_AMOUNT.test(t.text) && under(t))) }));
  // (The column numbering row: 栏次 | 1 | 2 …, or 1.00 | 2.00 … beside its 栏次 where the sheet prints two decimals;
  // a line of whole figures alone is a row's figures printed apart from its label.)
  // (Its label may be spaced out to fill its cell, 栏        次, as 项        目 is: its characters are read together.)
  const numbering = (l: LayoutLine) => {
    const toks = tokensOf(l);
    const words = toks.filter((t) => !ROW_NUMBER_AS_AMOUNT.test(t.text) && !ROW_NUMBER.test(t.text));
    const marked = words.length > 0 && /^((栏|行)次)+$/.test(mapArray(words, (t) => normaliseName(t.text)).join(""));
    return marked ? toks.every((t) => words.includes(t) || ROW_NUMBER_AS_AMOUNT.test(t.text)) : toks.every((t) => ROW_NUMBER.test(t.text));
  };
  return {
    header: mapArray(header, (l) => ({ ...l, tokens: tokensOf(l).filter((t) => normaliseName(t.text) !== "行次") })),
    body: kept.filter((l) => tokensOf(l).length > 0 && !numbering(l)),
  };
}

/** Income label + amount | expenditure label + amount(s), a lone label placed by where it starts. */
/** One or two digits alone: a 行次 (row number) left in a line as often as an amount; the wrapped-label moves leave it. */
const SHORT_NUMBER = /^\d{1,2}$/;

function parseTwoSided(file: string, b: Block, tpl: TableTemplate, codeNames: Set<string> = new Set()): ParsedBlock {
  const parts = sections(file, b);
  const { department, unit } = parts;
  let { header, body } = parts;
  // Read by kind alone, a summary with a third side (收入 | 支出 by function | 支出 by use, 江苏's 收支预算总表):
  // the third side (基本支出 · 项目支出 · 单位预留机动经费, which the 财政拨款收支总表 and the 支出总表 print again) is
  // left out, the first two read as a two-sided table's. Listed when the third side cannot be told apart.
  const names = headerTokens(header.filter((l) => l.line < (body[0]?.line ?? Infinity))).filter((t) => /^(项目(名称)?|(功能|经济)?(分类)?科目名称)$/.test(normaliseName(t.text))).sort((x, y) => x.x0 - y.x0);
  if (b.fromHeader && names.length >= 3) {
    const third = names[2];
    // The third side starts halfway between the second side's amount label and the third side's name label
    // (its item names are printed left of their label, the second side's figures right of theirs).
    const amountLabel = headerTokens(header).filter((t) => /^(金额|预算数|决算数)$/.test(normaliseName(t.text)) && t.x0 > names[1].x1 && t.x1 <= third.x0).sort((x, y) => y.x1 - x.x1)[0];
    const cut = amountLabel ? (amountLabel.x1 + third.x0) / 2 : null;
    if (names.length > 3 || cut === null)
      return { table: null, unknown: { title: `${b.hit.title}（三栏表 three item columns: not read）`, location: { file, line: b.lines[0] ? fileLine(b.lines[0]) : null } }, department: null };
    const isSpanningRole = (t: LayoutToken) => !!tpl.roles?.some((r) => r.side === "expenditure" && r.pattern.test(splitMarker(normaliseName(t.text)).name));
    const leftOf = (l: LayoutLine): LayoutLine => {
      const toks = tokensOf(l);
      const left = toks.filter((t) => t.x0 < cut);
      const right = toks.filter((t) => t.x0 >= cut);
      // The expenditure side's totals and carry-forward span its two parts (当年支出小计 … 24,169.74 printed under
      // the third side's 金额): the figure of such a line, where the third side prints no label, is its.
      const last = left[left.length - 1];
      const keep = last && !isFigureToken(last.text) && isSpanningRole(last) && right.length > 0 && right.every((t) => isFigureToken(t.text));
      return { ...l, tokens: keep ? toks : left };
    };
    header = mapArray(header, (l) => ({ ...l, tokens: tokensOf(l).filter((t) => t.x0 < cut) }));
    body = mapArray(body, leftOf).filter((l) => tokensOf(l).length > 0);
  }
  ({ header, body } = withoutRowNumbers(header, body));
  const expSpecs = expenditureSpecs(tpl, header, b.fromHeader);
  // The expenditure side's amount columns: 支出预算数 / 合计, then any split by fund.
  const data = mapArray(body, (l) => ({ line: l, toks: withGluedFiguresSplit(tokensOf(l)) }));
  const firstLabelX = mapArray(data, (d) => d.toks.find((t) => !isFigureToken(t.text))?.x0).filter((x): x is number => x !== undefined);
  const margin = firstLabelX.length ? Math.min(...firstLabelX) : 0;
  const lines2: { line: LayoutLine; inc: LayoutToken[]; exp: LayoutToken[] }[] = [];
  const isMarked = (t: LayoutToken) => /^([一二三四五六七八九十]+、|\d+[.．、]|[（(][一二三四五六七八九十\d]+[)）])/.test(t.text);
  const isRole = (t: LayoutToken) => !!tpl.roles?.some((r) => r.pattern.test(splitMarker(normaliseName(t.text)).name));
  let pending: LayoutToken[] = [];
  // Where the expenditure side's labels start: the second label of the lines that print both sides.
  const expStarts = data.flatMap((d) => {
    const labels = d.toks.filter((t) => !isFigureToken(t.text));
    return labels.length >= 2 ? [labels[1].x0] : [];
  });
  const expX = expStarts.length ? Math.min(...expStarts) : null;
  // The next line starts a new item of its own (a list marker or a known role such as 本年收入合计) and
  // prints no amount: floating amounts just above it are its (a 决算's vertically centred cells).
  const nextStartsItem = (k: number): boolean => {
    const n = data[k + 1];
    if (!n || n.line.line - data[k].line.line > 2) return false;
    const labels = n.toks.filter((t) => !isFigureToken(t.text));
    return labels.length > n.toks.length - labels.length && labels.some((t) => isMarked(t) || isRole(t));
  };
  for (let k = 0; k < data.length; k++) {
    const d = data[k];
    const groups: LayoutToken[][] = [];
    for (const t of joinSpacedRoles(d.toks, tpl)) {
      if (!isFigureToken(t.text) || groups.length === 0) groups.push([t]);
      else groups[groups.length - 1].push(t);
    }
    const labelled = groups.filter((g) => !isFigureToken(g[0].text));
    const prev = lines2[lines2.length - 1];
    if (groups.length && labelled.length === 0) {
      // Amounts printed apart from their label (a wrapped label, or a 决算 line above its label): they
      // belong to the label just before that has none, else to the next label.
      const amounts = groups.flat();
      // Each stays located where it is printed, whichever line's row it joins.
      for (const a of amounts) if (!printedOn.has(a)) printedOn.set(a, d.line);
      // Between two lines that each print a label on both sides, wrapped around it (（一）一般公共预算 | 二、社会保障和就业 /
      // 14391.92 … 1133.92 … / 拨款 | 支出: a spreadsheet's cells centred vertically): each side's figures are its label's.
      const next = data[k + 1];
      const continued = !next || next.line.line - d.line.line > 1 || !next.toks.some((t) => !isFigureToken(t.text) && isMarked(t));
      if (prev && d.line.line - prev.line.line <= 2 && continued && expX !== null && prev.inc.length === 1 && prev.exp.length === 1) {
        const left = amounts.filter((a) => a.x0 < expX);
        const right = amounts.filter((a) => a.x0 >= expX);
        if (left.length && right.length && !amounts.some((a) => SHORT_NUMBER.test(a.text))) {
          prev.inc.push(...left);
          prev.exp.push(...right);
          continue;
        }
      }
      const open = prev && (prev.exp.length === 1 ? prev.exp : prev.inc.length === 1 ? prev.inc : null);
      if (open && d.line.line - prev.line.line <= 2 && !nextStartsItem(k)) open.push(...amounts);
      else pending = amounts;
      continue;
    }
    // Figures before the line's first label, on the income side (（一）一般公共预 / 21,705.01 二、社会保障和就业支出 … /
    // 算拨款): the income amount of the label printed around them, whose first part is on the line above.
    // (A short figure too, 0, where it stands right of that label's end: a row's number stands under the labels.)
    // (Left of expX, or left of a line's first label where that label is the expenditure side's: an amount column
    // printed after a wrapped income label's first part sits as far right, in characters, as the expenditure side's
    // names on a line where a Chinese label stands before them.)
    if (expX !== null && labelled.length && isFigureToken(groups[0][0].text) && (groups[0].every((a) => a.x0 < expX) || labelled[0][0].x0 >= expX)) {
      const openInc = lines2.slice(-2).reverse().find((x) => x.inc.length === 1 && d.line.line - x.line.line <= 2);
      if (openInc && groups[0].every((a) => !SHORT_NUMBER.test(a.text) || a.x0 > openInc.inc[0].x1)) {
        for (const a of groups[0]) if (!printedOn.has(a)) printedOn.set(a, d.line);
        openInc.inc.push(...groups.shift()!);
      }
    }
    let inc: LayoutToken[] = [];
    let exp: LayoutToken[] = [];
    if (labelled.length >= 2) {
      inc = labelled[0];
      exp = labelled.slice(1).flat();
    } else if (labelled.length === 1) {
      const g = labelled[0];
      // A label alone on its line: an income item by its role, an expenditure item by its name (a function
      // class, 款 or 项 the document's tables print, or …支出), else by where it starts.
      const name = splitMarker(normaliseName(g[0].text)).name;
      const role = tpl.roles?.find((r) => r.pattern.test(name));
      // An income role's words printed in the expenditure side's column are an expenditure item's
      // (二十一、国有资本经营预算 / 支出, wrapped).
      const far =
        role?.side === "income" ? expX !== null && g[0].x0 >= expX - (g[0].box ? 24 : 4)
        : role?.side === "expenditure" || codeNames.has(name) || /支出$/.test(name) ? true
        : g[0].x0 - margin > (g[0].box ? 60 : 10);
      // A label without a list marker or known role right under a marked one is the rest of a wrapped label.
      const side = far ? "exp" : "inc";
      // The nearest line above with a label on that side (the other side may print lines between: 江苏's
      // 2.政府性基金预 / 三、国防支出 / 算).
      // Lines between count only when their labels stand in another column (a label in the piece's own column,
      // whichever side it was taken for, is the one the piece continues: 二十一、国有资本经营预算 / 支出).
      let above = prev;
      const apart = (t: LayoutToken | undefined) => !t || t.x0 > g[0].x1 || t.x1 < g[0].x0;
      for (let j = lines2.length - 1; j >= 0 && d.line.line - lines2[j].line.line <= 3; j--) {
        if (lines2[j][side].length) {
          above = lines2[j];
          break;
        }
        if (!apart(lines2[j].inc[0]) || !apart(lines2[j].exp[0])) break;
      }
      const before = above?.[side];
      // (Or the two make a role's name, neither marked: 年末财政拨款结转和 / 年初财政拨款结转和结余 / 结余, a role's cell
      // wrapped beside the other side's one-line label.)
      // (Or the label above took its figures from a line between the two: its cell's words centred around them, an
      // unmarked label too: 一般公共预算拨 / 9,724 科技条件与服务 81 / 款.)
      const around = () => !!before && before.length >= 2 && before.slice(1).every((a) => { const at = printedOn.get(a)?.line; return at !== undefined && at > above.line.line && at < d.line.line && d.line.line - at === 1; });
      const makesRole = () => !!before?.length && before.length === 1 && !isRole(before[0]) && isRole({ ...before[0], text: before[0].text + g[0].text });
      if (g.length === 1 && before?.length && !isMarked(g[0]) && !isRole(g[0]) && d.line.line - above.line.line <= 3 && (isMarked(before[0]) || makesRole() || around())) {
        before[0] = { ...before[0], text: before[0].text + g[0].text };
        continue;
      }
      if (far) exp = g;
      else inc = g;
    }
    // An income label's line whose other figures stand in the expenditure side's columns, that side's label printed
    // around it (一、文化旅游体育与 / 一、本年收入 19870.44 … 12599.73 12599.73 / 传媒支出): they are that label's.
    if (expX !== null && inc.length > 2 && exp.length === 0) {
      const cross = inc.slice(1).filter((a) => isFigureToken(a.text) && a.x0 >= expX);
      const openExp = lines2.slice(-2).reverse().find((x) => x.exp.length === 1 && d.line.line - x.line.line <= 2);
      if (cross.length && openExp && cross.length < inc.length - 1) {
        for (const a of cross) if (!printedOn.has(a)) printedOn.set(a, d.line);
        openExp.exp.push(...cross);
        inc = inc.filter((a) => !cross.includes(a));
      }
    }
    // Both labels' last parts on one line (拨款 | 支出, under （一）一般公共预算 | 二、社会保障和就业): each joins its side's
    // label above, a marked one within two lines.
    if (inc.length === 1 && exp.length === 1 && !isMarked(inc[0]) && !isRole(inc[0]) && !isMarked(exp[0]) && !isRole(exp[0])) {
      const above = lines2.slice(-2).reverse().find((x) => x.inc.length && x.exp.length && d.line.line - x.line.line <= 2);
      if (above && isMarked(above.inc[0]) && isMarked(above.exp[0])) {
        above.inc[0] = { ...above.inc[0], text: above.inc[0].text + inc[0].text };
        above.exp[0] = { ...above.exp[0], text: above.exp[0].text + exp[0].text };
        continue;
      }
    }
    if (pending.length) {
      // Amounts that stood above a line with both sides: each goes to the side it stands on, when that
      // side's label printed none.
      if (inc.length && exp.length) {
        const split = exp[0].x0;
        const left = pending.filter((a) => a.x1 <= split);
        const right = pending.filter((a) => a.x1 > split);
        if (left.length && inc.length === 1) inc.push(...left);
        if (right.length && exp.length === 1) exp.push(...right);
        // A side whose line prints some of its figures and the line above the others, in other columns (a
        // 决算's 本年支出合计: 合计 above, 一般公共预算 on its line): all of them, in the order they stand.
        else if (right.length && !right.some((a) => exp.slice(1).some((b) => a.x0 < b.x1 && b.x0 < a.x1))) exp.splice(1, exp.length - 1, ...[...exp.slice(1), ...right].sort((a, b) => a.x0 - b.x0));
      } else {
        const target = exp.length === 1 ? exp : inc.length === 1 ? inc : null;
        if (target) target.push(...pending);
      }
      pending = [];
    }
    lines2.push({ line: d.line, inc, exp });
  }
  const expData = mapArray(lines2.filter((x) => x.exp.length > 1), (x) => ({ line: x.line, label: [x.exp[0]], amounts: x.exp.slice(1) }));
  // The expenditure side's header: right of the second 项目 (the first is the income side's).
  const items_ = headerTokens(header).filter((t) => /^项目$/.test(normaliseName(t.text)));
  const split = items_.length >= 2 ? items_[1].x0 : null;
  const expHeader = split === null ? header : mapArray(header, (l) => ({ ...l, tokens: tokensOf(l).filter((t) => t.x0 >= split) }));
  const offsets = expSpecs.length > 1 ? columnOffsets(expData, expSpecs, expHeader) : null;
  const items: Item[] = [];
  const specOf = (k: string) => tpl.columns.find((c) => c.key === k);
  // The kind's row identities name the expenditure side's total `amount` (the rows' column, twoSidedRows): the
  // placement weighs them under that name (a 决算's 本年支出合计 printing 合计, 一般公共预算 and 政府性基金 of four
  // columns, which positions alone put one column to the right).
  const placing = mapArray(expSpecs, (s) => (s.key === "expenditure-amount" ? { ...s, key: "amount" } : s));
  // In a table of cells (a CSV file, a worksheet, a Word table), a figure is in the column whose label is in its own
  // cell, whatever cells left blank before it (（五）其他支出 | 600,000.00 | (blank) | 600,000.00: the fund's figure
  // after a blank 一般公共预算).
  const labelCells = mapArray(headerLabels(expSpecs, expHeader), (t) => t?.cell);
  for (const x of lines2) {
    const cells: Record<string, Cell> = {};
    if (x.inc.length) {
      cells["income-label"] = cell(file, x.line, x.inc[0], specOf("income-label"));
      cells["income-amount"] = cell(file, x.line, x.inc[1], specOf("income-amount"));
    }
    if (x.exp.length) {
      cells["expenditure-label"] = cell(file, x.line, x.exp[0], specOf("expenditure-label"));
      const byCell = expSpecs.length > 1 ? inLabelCells(x.exp.slice(1), labelCells) : null;
      const placed = byCell
        ? mapArray(expSpecs, (_, i) => (byCell.includes(i) ? x.exp[1 + byCell.indexOf(i)] : undefined))
        : placeAmounts(x.exp.slice(1), placing, offsets, tpl.kind, undefined, undefined, undefined, undefined, undefined, true);
      expSpecs.forEach((s, i) => (cells[s.key] = cell(file, x.line, placed[i], s)));
    }
    items.push({ cells, loc: locationOf(file, x.line) });
  }
  const rows = twoSidedRows(tpl, items);
  const printedAs = amountName(mapArray(headerTokens(header), (t) => normaliseName(t.text)).find((t) => /^(预算数|决算数)$/.test(t)), b.hit.title);
  // The expenditure side's split columns are listed only where printed: the rules' identities go by them.
  const printed = new Set([...mapArray(tpl.columns.filter((c) => c.kind !== "amount" || c.key === "income-amount"), (c) => c.key), ...mapArray(expSpecs, (s) => s.key)]);
  const columns: Column[] = [...columnsOf(tpl, printed), { key: "amount", name: printedAs, label: printedAs, kind: "amount" }];
  return { table: makeTable(b, tpl, unit, department, columns, rows), department };
}

/** A 三公 table's items printed as rows (广州: 项目 | 合计 | 一般公共预算 | …), each named by its label. */
const SANGGONG_ITEMS: [RegExp, string][] = [
  // (The total as printed: 合计, “三公”经费合计, 一、“三公”经费支出合计, 支出合计.)
  [/^(三公经费)?(支出)?(合计|总计)$|^三公经费$/, "total"],
  [/^因公出国/, "abroad"],
  // (公务用车购置及运行（维护）费, or 公务用车费 as some forms name it; its parts with or without 公务用车 and 费, as the
  // across form's labels are: 购置费 · 运行费.)
  [/^公务用车购置及运行|^公务用车(经)?费(用)?$/, "vehicle"],
  [/^(公务用车)?购置(费)?$/, "vehicle-purchase"],
  [/^(公务用车)?运行(维护)?费$/, "vehicle-operation"],
  [/^公务接待(费)?(支出)?$/, "reception"],
  // A 决算's 公务接待费 split as the national form prints it: （1）国内接待费 (其中：外事接待费) and （2）国（境）外接待费.
  [/^国内(公务)?接待(费|支出)?$/, "reception-domestic"],
  [/^外事接待(费|支出)?$/, "reception-foreign-guests"],
  [/^国\(境\)外(公务)?接待(费|支出)?$/, "reception-foreign"],
  [/^行政经费$/, "admin-cost"],
  [/^机关运行经费$/, "running-cost"],
];

/**
 * The counts a 决算's 三公 table prints under its 统计数 (the national form's rows after the money: 因公出国（境）团组数（个） ·
 * 因公出国（境）人次数（人） · 公务用车购置数（辆） · 公务用车保有量（辆） · 国内公务接待批次（个） · 其中：外事接待批次（个） ·
 * 国内公务接待人次（人） · …), each by its label without its unit.
 */
const SANGGONG_COUNTS: [RegExp, string][] = [
  [/^因公出国\(境\)团组数?$/, "abroad-groups"],
  [/^因公出国\(境\)人(次)?数$/, "abroad-people"],
  [/^公务用车购置数(量)?$/, "vehicles-bought"],
  [/^公务用车保有(量|数)$/, "vehicles-held"],
  [/^国内公务接待批次$/, "reception-batches"],
  [/^国内公务接待人次$/, "reception-people"],
  [/^外事接待批次$/, "reception-foreign-guests-batches"],
  [/^外事接待人次$/, "reception-foreign-guests-people"],
  [/^国\(境\)外公务接待批次$/, "reception-foreign-batches"],
  [/^国\(境\)外公务接待人次$/, "reception-foreign-people"],
];
/** The line that opens a 三公 table's counts (统计数, its cells a dash). */
const STATISTICS = /^统计数(据)?$/;
/** A count's unit printed after its label: （个） · （人） · （辆） · （人次）. */
const COUNT_UNIT = /\((个|人|辆|人次|批次|次|台)\)$/;

/** A line's label as a 三公 item's (其中, a list number and a marker dropped). */
const itemLabel = (d: DataLine): string =>
  splitMarker(normaliseName(mapArray(d.label, (t) => t.text).join("")).replace(/^其中[:：]?/, "")).name.replace(/^[（(][一二三四五六七八九十\d]+[)）]|^\d+[.．、]/, "");
/** The 三公 item a line of figures names (因公出国（境）费 → abroad), if any. */
const sanggongItem = (d: DataLine): string | undefined => SANGGONG_ITEMS.find(([re]) => re.test(itemLabel(d)))?.[1];

/**
 * Read by kind alone, a 三公 table printed with its items as rows and the funds as columns (项目 | 合计 |
 * 一般公共预算 | 政府性基金预算 | 国有资本经营预算): one row per column (合计 this year's, then each fund's),
 * each figure at the line of its item. Null when it is not such a table; listed when an item or a column is
 * not known, or a line does not print a figure in every column.
 */
function parseSanggongItems(file: string, b: Block, tpl: TableTemplate, header: LayoutLine[], body: LayoutLine[], unit: string | null, department: string | null, stage: "budget" | "final"): ParsedBlock | null {
  const first = body[0]?.line ?? Infinity;
  let leaves = headerLeaves(mapArray(header.filter((l) => l.line < first), (l) => tokensOf(l)));
  if (!leaves.some((l) => /^项目(名称)?$/.test(l.text))) return null;
  // A 决算's counts in a lane of their own right of the money (项目 | 预算数 | 决算数 | 项目 | 统计数): each line's tokens from
  // the second 项目 on are a count's label and figure, read as the counts printed after the money are.
  const lane = leaves.findIndex((l, i) => i > 0 && /^项目(名称)?$/.test(l.text) && leaves.slice(i + 1).length > 0 && leaves.slice(i + 1).every((o) => STATISTICS.test(o.text)));
  if (lane > 0) {
    const cut = leaves[lane].x0 - (leaves[lane].x0 - leaves[lane - 1].x1) / 2;
    const half = (l: LayoutLine, right: boolean): LayoutLine => {
      const tokens = tokensOf(l).filter((t) => (t.x0 >= cut) === right);
      return { ...l, text: mapArray(tokens, (t) => t.text).join(" "), tokens };
    };
    body = [...mapArray(body, (l) => half(l, false)), ...mapArray(body, (l) => half(l, true))].filter((l) => tokensOf(l).length > 0);
    leaves = leaves.slice(0, lane);
  }
  // Columns of counts beside the money (项目 | 预算数 | 决算数 | 车辆数（辆） | 批次 | 人次, or left of it, or between its
  // columns): taken out of each line before its money is read, each figure kept as a count of the item on its line and
  // of the money column it is of (count-columns.ts).
  const countColumns = splitCountColumns(leaves, headerTokens(header.filter((l) => l.line < first)), body, (t) => /^项目(名称)?$/.test(t));
  if (countColumns) ({ leaves, body } = countColumns);
  const listed = (why: string): ParsedBlock => listedBlock(file, b, why);
  const columns = mapArray(leaves.filter((l) => !/^项目(名称)?$/.test(l.text)), (l) => l.text.replace(/^其中[:：]?/, ""));
  const FUND: [RegExp, string][] = [[/^(合计|小计|金额|预算数?)$/, "合计"], [/^一般公共预算/, "一般公共预算"], [/^政府性基金/, "政府性基金预算"], [/^国有资本经营/, "国有资本经营预算"]];
  // A 决算's: 预算数 | 决算数 (年初预算数 | 决算数), each item's budget and outturn on its line.
  const staged = columns.length === 2 && /^(年初|全年|调整(后)?)?预算数?$/.test(columns[0]) && /^决算数?$/.test(columns[1]) && tpl.columns.some((c) => c.budgetStage);
  // Or a table of years: last year's budget beside this year's, and the change (上年预算数 | 本年预算数 | 增减额 | 增减率（%）),
  // or a 决算's years and stages (2023年决算数 | 2024年预算数 | 2024年决算数): each column's row and cells' prefix (year-stages.ts).
  const years = staged ? null : yearPlaces(columns, stage, tpl.columns.some((c) => c.budgetStage));
  const lines = splitBody(body).filter((d) => d.amounts.length && !isNumberingRow(d));
  // Rows named by years (2024年预算 | 2025年预算, or a 决算's 2023年决算数 | 2024年预算数 | 2024年决算数, under the items'
  // header): the template's rows, not items.
  if (lines.length && yearPlaces(mapArray(lines, itemLabel), stage, true)) return null;
  const funds: (string | undefined)[] = staged ? ["预算数", "决算数"] : years ? mapArray(years, (p) => p.role) : mapArray(columns, (c) => FUND.find(([re]) => re.test(c))?.[1]);
  if ((funds[0] !== "合计" && !staged && !years) || funds.some((f) => !f)) return listed(`表头未能识别 header not understood: ${columns.filter((_, i) => !funds[i]).join("、")}`);
  const items: { key: string; d: DataLine; at: (LayoutToken | undefined)[] }[] = [];
  // A 决算's items printed with no figure (（2）国（境）外接待费 left blank), and the counts under its 统计数.
  const blank = new Set<string>();
  const counts: { key: string; d: DataLine }[] = [];
  let counting = false;
  // Where each column's figures end, on the lines that print all of them.
  const rights = columnRights(lines.filter((d) => d.amounts.length === funds.length && !STATISTICS.test(itemLabel(d))), funds.length);
  // A line leaving a fund's cell blank: its figures go where the labels' starts put them, the line's first
  // figure in its first column, when one placement is clearly nearest (else the table stays listed).
  const fundLeaves = leaves.filter((l) => !/^项目(名称)?$/.test(l.text));
  const offsets = mapArray(fundLeaves, (l) => l.x0 - fundLeaves[0].x0);
  const gaps = mapArray(offsets.slice(1), (o, i) => o - offsets[i]).sort((a, b) => a - b);
  const pitch = gaps.length ? gaps[Math.floor(gaps.length / 2)] : 1;
  // In a table of cells, the fund whose label is in the figure's own cell, whatever a blank cell leaves.
  const labels = headerTokens(header.filter((l) => l.line < first));
  const lefts = mapArray(fundLeaves, (l) => l.x0);
  const columnCounts: { key: string; d: DataLine; count: LineCount }[] = [];
  for (const d of splitBody(body).filter((d) => !isNumberingRow(d))) {
    const label = itemLabel(d);
    // The counts after 统计数 (or a label ending in its unit: 公务用车保有量（辆）) are no money: kept as counts, an unknown
    // one left (a count is in no identity).
    if (staged && (STATISTICS.test(label) || counting || COUNT_UNIT.test(label))) {
      counting ||= STATISTICS.test(label);
      const key = SANGGONG_COUNTS.find(([re]) => re.test(label.replace(COUNT_UNIT, "")))?.[1];
      if (key && d.amounts.length) counts.push({ key, d });
      continue;
    }
    const key = sanggongItem(d);
    for (const count of (key && countColumns?.counts.get(d.line.line)) || []) columnCounts.push({ key: key!, d, count });
    if (!d.amounts.length) {
      if (key) blank.add(key);
      continue;
    }
    if (!key) return listed(`项目未能识别 item not understood: ${label}`);
    const at: (LayoutToken | undefined)[] = mapArray(funds, () => undefined);
    const byCell = underCells(d.amounts, lefts, labels);
    if (byCell) byCell.forEach((j, i) => (at[j] = d.amounts[i]));
    else if (d.amounts.length === funds.length) d.amounts.forEach((a, j) => (at[j] = a));
    else if (staged && d.amounts.length === 1) {
      // (A 决算's item printing one of its 预算数 and 决算数: in the column whose figures it ends with.)
      const j = nearestColumn(d.amounts[0], rights);
      if (j === null) return listed("列位置不确定 columns uncertain");
      at[j] = d.amounts[0];
    } else {
      if (d.amounts.length > funds.length) return listed("列位置不确定 columns uncertain");
      const positions = mapArray(d.amounts, (a) => a.x1 - d.amounts[0].x1);
      const ranked = mapArray(placements(d.amounts.length, funds.length).filter((cols) => cols[0] === 0), (cols) => ({ cols, cost: placementCost(positions, offsets, cols) })).sort((x, y) => x.cost - y.cost);
      if (!ranked.length || (ranked.length > 1 && ranked[1].cost - ranked[0].cost < pitch / 3)) return listed("列位置不确定 columns uncertain");
      ranked[0].cols.forEach((c, i) => (at[c] = d.amounts[i]));
    }
    items.push({ key, d, at });
  }
  const specOf = (k: string) => tpl.columns.find((c) => c.key === k);
  // The counts of the count columns, into the row of this year's figures (a count is no money: in no column, no sum).
  const split = [...mapArray(items, (i) => i.key), ...blank].some((k) => /^reception-/.test(k));
  // `prefix`: by the money column a count is of (its index among the columns; null: the table's own), its cell's prefix in
  // this row ("" or "budget-"), or null where it is not this row's.
  const putCounts = (row: Row, prefix: (owner: number | null) => string | null) => {
    for (const { key, d, count } of columnCounts) {
      const item = countKey(key, count.kind, split);
      const at = prefix(count.owner);
      const location = locationOf(file, printedOn.get(count.tok) ?? d.line, count.tok);
      const amount = item && at !== null ? makeCount(count.tok.text, location) : null;
      const name = `${COUNT_CELL}${at}${item}`;
      if (amount && !row.cells[name]) row.cells[name] = { text: count.tok.text, amount, location };
    }
  };
  if (staged) {
    // One row, as the template's 三公 决算表 prints it: each item's 决算数, and its 预算数 beside it.
    const row = emptyRow(b.hit.title, locationOf(file, items[0]?.d.line ?? b.lines[0]));
    const keys = new Set<string>();
    for (const { key, d, at } of items) {
      row.cells[key] = cell(file, d.line, at[1], specOf(key));
      keys.add(key);
      const budget = specOf(`budget-${key}`);
      if (budget) {
        row.cells[budget.key] = cell(file, d.line, at[0], budget);
        keys.add(budget.key);
      }
    }
    // An item printed blank is a column the table prints (the 公务接待费 split's identity holds where both parts are).
    for (const key of blank) for (const k of [key, `budget-${key}`]) if (specOf(k)) keys.add(k);
    stagedCounts(file, counts, rights, row);
    // (A count of the 预算数 column's is its `count:budget-`; of the 决算数's, or the table's own, its `count:`.)
    putCounts(row, (owner) => (owner === 0 ? "budget-" : ""));
    row.role = "current-year";
    return { table: makeTable(b, tpl, unit, department, columnsOf(tpl, keys), [row]), department };
  }
  if (years) {
    // A row a column, as the tables of a unit and its years are (Shenzhen's 三公 table): this year's, last year's,
    // the change (its figures may be negative); the percentage's column is no row. A 决算's budget of a year is in that
    // year's row, in its `budget-` cells (as the 预算数 | 决算数 table's one row holds it).
    const rows: Row[] = [];
    const byRole = new Map<string, Row>();
    const keys = new Set<string>();
    years.forEach((place, j) => {
      if (place.role === "percent") return;
      let row = byRole.get(place.role);
      if (!row) {
        row = emptyRow(columns[j], locationOf(file, items[0]?.d.line ?? b.lines[0]));
        row.name = columns[j];
        row.role = place.role;
        byRole.set(place.role, row);
        rows.push(row);
      }
      // (The row is named by its figures of the table's own stage: 2024年决算数, not 2024年预算数.)
      if (place.prefix === "") row.label = row.name = columns[j];
      for (const { key, d, at } of items) {
        const spec = specOf(`${place.prefix}${key}`);
        if (place.prefix && !spec) continue;
        row.cells[`${place.prefix}${key}`] = cell(file, d.line, at[j], spec);
        keys.add(`${place.prefix}${key}`);
      }
      if (place.role === "change") {
        for (const c of Object.values(row.cells)) if (c.amount) c.amount.nonNegative = false;
      }
      // The counts of this column (or the table's own: this year's, as its money is) in its row, as the single year's
      // are in its one (a 决算's budget's as `count:budget-`).
      else putCounts(row, (owner) => (owner === j ? place.prefix : owner === null && place.role === "current-year" && place.prefix === "" ? "" : null));
    });
    // The percentage of each item's change, kept with the change's row as text (no amount: no identity sums it),
    // under `percent:<item>`, for change-percent.
    const pct = years.findIndex((p) => p.role === "percent");
    const change = rows.find((r) => r.role === "change");
    if (pct >= 0 && change)
      for (const { key, d, at } of items) {
        const tok = at[pct];
        if (tok) change.cells[`${PERCENT_CELL}${key}`] = { text: tok.text, amount: null, location: locationOf(file, (printedOn.get(tok) ?? d.line), tok) };
      }
    return { table: makeTable(b, tpl, unit, department, columnsOf(tpl, keys), rows), department };
  }
  const rows: Row[] = mapArray(funds, (fund, j) => {
    const row = emptyRow(fund!, locationOf(file, items[0]?.d.line ?? b.lines[0]));
    for (const { key, d, at } of items) row.cells[key] = cell(file, d.line, at[j], specOf(key));
    row.name = fund!;
    // 合计 is this year's; each fund's row is a part of it (hierarchy-sum: 合计 = Σ the funds, item by item).
    row.role = j === 0 ? "current-year" : "fund";
    if (j === 0) putCounts(row, (owner) => (owner === null || owner === 0 ? "" : null));
    return row;
  });
  return { table: makeTable(b, tpl, unit, department, columnsOf(tpl, new Set(mapArray(items, (i) => i.key))), rows), department };
}

/** Where each of `n` columns' figures end: the median of their right edges on `lines` (null for a column none prints). */
function columnRights(lines: DataLine[], n: number): (number | null)[] {
  return mapArray(Array.from({ length: n }, (_, j) => j), (j) => {
    const xs = mapArray(lines, (d) => d.amounts[j].x1).sort((a, b) => a - b);
    return xs.length ? xs[Math.floor(xs.length / 2)] : null;
  });
}

/** The column a lone figure stands in: the one whose figures end nearest to where it ends, when clearly nearer than any other. */
function nearestColumn(tok: LayoutToken, rights: (number | null)[]): number | null {
  if (rights.some((r) => r === null)) return null;
  const ranked = mapArray(rights, (r, j) => ({ j, d: Math.abs(r! - tok.x1) })).sort((a, b) => a.d - b.d);
  const pitch = Math.min(...mapArray(rights.slice(1), (r, j) => Math.abs(r! - rights[j]!)));
  return ranked.length === 1 || ranked[1].d - ranked[0].d >= pitch / 3 ? ranked[0].j : null;
}

/**
 * The counts under a 决算's 三公 table's 统计数 into its row (`count:<item>`, `count:budget-<item>`): a line printing both
 * columns' figures, each in its own; a line printing one, in the column whose figures end nearest to where it ends (the
 * 决算数 one, as the national form prints them) — when clearly nearer; else left.
 */
function stagedCounts(file: string, counts: { key: string; d: DataLine }[], rights: (number | null)[], row: Row) {
  for (const { key, d } of counts) {
    const at: (LayoutToken | undefined)[] = [undefined, undefined];
    if (d.amounts.length === 2) [at[0], at[1]] = d.amounts;
    else if (d.amounts.length === 1) {
      const j = nearestColumn(d.amounts[0], rights);
      if (j !== null) at[j] = d.amounts[0];
    }
    at.forEach((tok, j) => {
      const location = tok && locationOf(file, printedOn.get(tok) ?? d.line, tok);
      const count = tok && location ? makeCount(tok.text, location) : null;
      if (count) row.cells[`${COUNT_CELL}${j === 0 ? "budget-" : ""}${key}`] = { text: tok!.text, amount: count, location: count.location };
    });
  }
}

/**
 * In a table of cells (a Word table, a worksheet, a web page's table: each token knows its cell), each figure's
 * amount column: the one whose label stands in the figure's own cell. The cells are laid out on a grid shared by
 * the whole document, so a column that another table's long names widen may put a figure nearer the next
 * column's label than its own (a blank 公务用车购置费 cell beside 公务用车运行费 in a Word 三公 table). Null when
 * any figure or label has no cell, or a figure's cell has no label or more than one.
 */
function underCells(amounts: LayoutToken[], lefts: number[], header: LayoutToken[]): number[] | null {
  const cellOf = mapArray(lefts, (x0) => {
    const cells = new Set(mapArray(header.filter((t) => t.x0 === x0), (t) => t.cell));
    return cells.size === 1 ? [...cells][0] : undefined;
  });
  return inLabelCells(amounts, cellOf);
}

/**
 * Each figure's column: the one whose label's cell (`cellOf`, a column's label cell index) is the figure's own.
 * Null when a column's label has no cell or shares one, or a figure has no cell, a cell no label is in, or
 * stands before the figure left of it.
 */
function inLabelCells(amounts: LayoutToken[], cellOf: (number | undefined)[]): number[] | null {
  if (cellOf.some((c) => c === undefined) || new Set(cellOf).size !== cellOf.length) return null;
  const out: number[] = [];
  for (const a of amounts) {
    const j = a.cell === undefined ? -1 : cellOf.indexOf(a.cell);
    if (j < 0 || (out.length && j <= out[out.length - 1])) return null;
    out.push(j);
  }
  return out;
}

/**
 * A table of cells' lines of figures, each with its figures' amount columns by their cells (underCells); null
 * unless every line's are known so.
 */
function cellColumns(data: DataLine[], cols: HeaderColumns, header: LayoutLine[]): Map<DataLine, number[]> | null {
  const lines = data.filter((d) => d.amounts.length);
  if (!lines.length) return null;
  const labels = headerTokens(header);
  const out = new Map<DataLine, number[]>();
  for (const d of lines) {
    const at = underCells(d.amounts, cols.lefts, labels);
    if (!at) return null;
    out.set(d, at);
  }
  return out;
}

/** One row of amounts under the header (三公 and 机关运行经费). */
function parseSingleRow(file: string, b: Block, tpl: TableTemplate, docStage: "budget" | "final" | null = null): ParsedBlock {
  const { department, unit } = sections(file, b);
  let { header, body } = sections(file, b);
  if (b.fromHeader && SANGGONG_KINDS.includes(tpl.kind)) {
    const byItems = parseSanggongItems(file, b, tpl, header, body, unit, department, ownStage(b.hit.title, docStage));
    if (byItems) return byItems;
  }
  // A 三公 table across the page (its items the columns, a row a year and stage or a unit) printing columns of counts
  // beside its money (因公出国（境）团组数 · 公务用车保有量 · 国内公务接待批次 …): their labels out of the header and their
  // figures out of each line before the money is read (count-columns.ts), each kept as a count of its row.
  const countColumns = b.fromHeader && SANGGONG_KINDS.includes(tpl.kind) ? acrossCountColumns(header, body) : null;
  if (countColumns) ({ header, body } = countColumns);
  const named = b.fromHeader ? genericColumns(tpl, header, body) : null;
  const stages = named ? null : stageLabels(tpl, header);
  const specs = named ? named.specs : stages ? stages.specs : amountSpecs(tpl, header, b.fromHeader);
  const lines_ = splitBody(body);
  // A row per budget unit (杭州), a unit's name wrapped around its figures' line: the name is whole again.
  const perRow = lines_.some((d) => d.label.length > 0 && d.amounts.length > 0 && !isNumberingRow(d));
  const data = (perRow ? joinCentredLabels(lines_) : lines_).filter((d) => d.amounts.length && !isNumberingRow(d));
  const unclear = headerNotUnderstood(b, specs, data, named?.unnamed);
  if (unclear) return unclear;
  const numbered = named ? numberingOffsets(body, specs.length) : null;
  // Every figure plainly under one label (centred under it in a PDF, flush left with it in a text): there. In
  // a table of cells (a Word table, a worksheet), the label of the figure's own cell.
  const byCell = !numbered && named && data.length ? mapArray(data, (d) => underCells(d.amounts, named.lefts, headerTokens(header))) : null;
  const under = byCell && byCell.every((u) => u !== null) ? byCell : !numbered && named && data.length ? mapArray(data, (d) => underLabels(d.amounts, named)) : null;
  const direct = under && under.every((u) => u !== null) && data.some((d) => d.amounts.length > 1) ? (under as number[][]) : null;
  const offsets = numbered ?? columnOffsets(data, specs, header, named?.rights ?? stages?.rights);
  // A template's single row with a blank cell: placed by its labels' centres as well as their right edges.
  const centred = !numbered && !named && offsets ? centreOffsets(data, specs, header, stages?.labels) : null;
  const doubt: Doubt = { ambiguous: false, misprinted: 0, anchors: new Map(), sure: new Map() };
  // Read by kind alone, two placements the row's identities cannot tell apart must stand half a column apart.
  const margin = 1 / 2;
  const rows: Row[] = data.flatMap((d, k) => {
    const label = mapArray(d.label, (t) => t.text).join(" ");
    const row = emptyRow(label || tpl.title, locationOf(file, d.line));
    const placed: (LayoutToken | undefined)[] = direct ? mapArray(specs, () => undefined) : placeAmounts(d.amounts, specs, offsets, tpl.kind, named ? doubt : undefined, named ? margin : 1 / 3, d.line.page, true, centred);
    if (direct) direct[k].forEach((c, i) => (placed[c] = d.amounts[i]));
    // Last year's budget printed beside this year's, over the same items (上年预算数 | 本年预算数): a row of its own.
    const previous = specs.some((s) => s.lastYear) ? emptyRow(label || tpl.title, locationOf(file, d.line)) : null;
    // …and the change between the two years under 增减 beside them: a row of its own too.
    const change = previous && specs.some((s) => s.change) ? emptyRow(label || tpl.title, locationOf(file, d.line)) : null;
    specs.forEach((s, i) => ((s.lastYear ? previous! : s.change ? change! : row).cells[s.key] = cell(file, d.line, placed[i], s)));
    // (The line's counts, by their columns' labels: `count:<item>`; never money, in no column and no sum.)
    for (const count of countColumns?.counts.get(d.line.line) ?? []) {
      const item = acrossCountKey(count.column, count.kind, specs.some((s) => /^reception-/.test(s.key)));
      const location = locationOf(file, printedOn.get(count.tok) ?? d.line, count.tok);
      const amount = item ? makeCount(count.tok.text, location) : null;
      if (amount && !row.cells[`${COUNT_CELL}${item}`]) row.cells[`${COUNT_CELL}${item}`] = { text: count.tok.text, amount, location };
    }
    row.name = label || null;
    // The 三公 table prints this year's budget (or 决算) on its one row.
    if (SANGGONG_KINDS.includes(tpl.kind)) row.role = "current-year";
    if (!previous) return [row];
    previous.name = row.name;
    previous.role = "previous-year";
    if (!change) return [previous, row];
    change.name = row.name;
    change.role = "change";
    for (const c of Object.values(change.cells)) if (c.amount) c.amount.nonNegative = false;
    return [previous, row, change];
  });
  // …or on a 合计 row above a row per budget unit (杭州): the 合计 row is the department's, the others its units'.
  const isTotal = (r: Row) => /^(合计|总计)$/.test(normaliseName((r.name ?? "").replace(/\s+/g, "")));
  if (SANGGONG_KINDS.includes(tpl.kind) && rows.length > 1 && rows.some(isTotal))
    for (const r of rows)
      if (!isTotal(r)) {
        r.role = "unit";
        r.unit = r.name;
      }
  // …or a row a year (2024年预算 / 2025年预算, and 增减): this year's is the latest, last year's the one before it; a 决算's
  // years and stages (2023年决算数 · 2024年预算数 · 2024年决算数), each row's figures where year-stages.ts places them: a
  // 决算's budget of a year in that year's row, as its `budget-` cells; the change's percentage kept as text with the change.
  const keys = new Set(mapArray(specs, (s) => s.key));
  const places = SANGGONG_KINDS.includes(tpl.kind) && rows.length > 1 ? yearPlaces(mapArray(rows, (r) => normaliseName(r.name ?? "")), ownStage(b.hit.title, docStage), tpl.columns.some((c) => c.budgetStage)) : null;
  if (places) {
    const byRole = new Map<string, Row>();
    rows.forEach((r, i) => {
      if (places[i].prefix || places[i].role === "percent") return;
      r.role = places[i].role;
      if (r.role === "change") for (const c of Object.values(r.cells)) if (c.amount) c.amount.nonNegative = false;
      byRole.set(r.role, r);
    });
    rows.forEach((r, i) => {
      const { role, prefix } = places[i];
      if (!prefix) return;
      let into = byRole.get(role);
      if (!into) {
        into = { ...r, cells: {}, role };
        byRole.set(role, into);
      }
      for (const [k, c] of Object.entries(r.cells)) {
        // (A count of a year's budget row, as the 预算数 | 决算数 table's: `count:budget-<item>`.)
        if (k.startsWith(COUNT_CELL)) {
          into.cells[`${COUNT_CELL}${prefix}${k.slice(COUNT_CELL.length)}`] = c;
          continue;
        }
        const spec = tpl.columns.find((col) => col.key === `${prefix}${k}`);
        if (!spec) continue;
        into.cells[spec.key] = c;
        keys.add(spec.key);
      }
    });
    const change = byRole.get("change");
    rows.forEach((r, i) => {
      if (places[i].role !== "percent" || !change) return;
      for (const [k, c] of Object.entries(r.cells)) if (!k.startsWith(COUNT_CELL)) change.cells[`${PERCENT_CELL}${k}`] = { text: c.text, amount: null, location: c.location };
    });
    const kept = new Set(byRole.values());
    const ordered = [...rows.filter((r) => kept.has(r)), ...[...kept].filter((r) => !rows.includes(r))];
    rows.splice(0, rows.length, ...ordered);
  }
  // Read by kind alone, one row whose figures could stand in either of two columns: listed, not guessed.
  if (uncertain(doubt))
    return listedBlock(file, b, "列位置不确定 columns uncertain");
  return { table: makeTable(b, tpl, unit, department, columnsOf(tpl, keys), rows), department };
}

/**
 * A 三公 table across the page whose header prints columns of counts (count-columns.ts, countKind) among its money: the
 * header without their labels (each a leaf's pieces, and a group over count columns alone), the body without their
 * figures, and the figures by line, each with its column. Null where the header prints no count column.
 */
function acrossCountColumns(header: LayoutLine[], body: LayoutLine[]): { header: LayoutLine[]; body: LayoutLine[]; counts: Map<number, LineCount[]> } | null {
  const first = body[0]?.line ?? Infinity;
  const above = header.filter((l) => l.line < first);
  const leaves = headerLeaves(mapArray(above, (l) => tokensOf(l)));
  const split = splitCountColumns(leaves, headerTokens(above), body, (t) => LABEL_COLUMN.test(t), true);
  if (!split) return null;
  const counted = leaves.filter((l) => !split.leaves.includes(l));
  const kept = split.leaves.filter((l) => !LABEL_COLUMN.test(l.text));
  // A header token within the count columns' cells, and over none of the money's, is theirs.
  const within = (t: LayoutToken, l: HeaderLeaf) => t.x0 >= l.x0 && rightEdge(t) <= l.x1 + 1;
  const over = (t: LayoutToken, l: HeaderLeaf) => t.x0 < l.x1 && rightEdge(t) > l.x0;
  const theirs = (t: LayoutToken) => counted.some((l) => within(t, l) || over(t, l)) && !kept.some((l) => over(t, l));
  const out = mapArray(header, (l) => (l.line < first && tokensOf(l).some(theirs) ? withTokens(l, tokensOf(l).filter((t) => !theirs(t))) : l)).filter((l) => tokensOf(l).length > 0);
  return { header: out, body: split.body, counts: split.counts };
}

/** Per budget unit, a row per year and one for the change (Shenzhen's 三公 table): 单位 | 年度 | amounts. */
function parseUnitYear(file: string, b: Block, tpl: TableTemplate, docYear: number | null): ParsedBlock {
  const { department, unit, header, body } = sections(file, b);
  const specs = amountSpecs(tpl, header, b.fromHeader);
  const data = splitBody(body).filter((d) => d.amounts.length && !isNumberingRow(d));
  const offsets = columnOffsets(data, specs, header);
  const specOf = (k: string) => tpl.columns.find((c) => c.key === k);
  const items: Item[] = mapArray(data, (d) => {
    const cells: Record<string, Cell> = {};
    const labels = d.label;
    const year = labels[labels.length - 1];
    if (labels.length >= 2) cells.unit = cell(file, d.line, labels[0], specOf("unit"));
    cells.year = cell(file, d.line, year, specOf("year"));
    const placed = placeAmounts(d.amounts, specs, offsets, tpl.kind);
    specs.forEach((s, i) => (cells[s.key] = cell(file, d.line, placed[i], s)));
    return { cells, loc: locationOf(file, d.line) };
  });
  const rows = unitYearRows(tpl, items, docYear);
  const keys = new Set(["unit", "year", ...mapArray(specs, (s) => s.key)]);
  return { table: makeTable(b, tpl, unit, department, columnsOf(tpl, keys), rows), department };
}

/** Named tasks with their content and amounts, a 合计 row, then indicator rows (Shenzhen's 表12). */
function parseTasks(file: string, b: Block, tpl: TableTemplate): ParsedBlock {
  const { department, unit, header, body } = sections(file, b);
  const specs = amountSpecs(tpl, header, b.fromHeader);
  // A task table prints no codes.
  const data = wordsLeftOfFigures(mapArray(body, (l) => splitLine(l, false)).filter((d) => !isNumberingRow(d)));
  const offsets = columnOffsets(data.filter((d) => d.amounts.length), specs, header);
  const specOf = (k: string) => tpl.columns.find((c) => c.key === k);
  const items: Item[] = mapArray(taskLines(data), ({ d, name, content }) => {
    const cells: Record<string, Cell> = {};
    if (name) cells.name = cell(file, d.line, name, specOf("name"));
    if (content) cells.content = cell(file, d.line, content, specOf("content"));
    const amounts = d.amounts.filter((a) => AMOUNT_TOKEN.test(a.text));
    const placed = placeAmounts(amounts, specs, offsets, tpl.kind);
    specs.forEach((s, i) => (cells[s.key] = cell(file, d.line, placed[i], s)));
    return { cells, loc: locationOf(file, d.line) };
  });
  const rows = taskRows(tpl, items);
  const keys = new Set(["name", "content", ...mapArray(specs, (s) => s.key)]);
  const box = specs.length ? null : fundsBoxRow(file, body);
  const columns = columnsOf(tpl, keys);
  if (box) {
    rows.unshift(box.row);
    columns.push(...box.columns);
  }
  return { table: makeTable(b, tpl, unit, department, columns, rows), department };
}

/**
 * A 部门整体支出绩效目标表 whose header names no amount column, printing its funding as a box of labels and figures down
 * its lines (cards.ts, fundsBox: 资金总额 X / 其中：一般公共预算拨款 a / 其他资金 b): a row of its own (kind total, named
 * 资金总额) with the total and its sources as the kind's columns (总额, 财政拨款, 其他资金), which the kind's row identity sums
 * (kinds.ts: 总额 = 财政拨款 + 其他资金). Its figures were read by nothing before. A box with 上年结转 among its sources has no
 * such column: not read.
 */
function fundsBoxRow(file: string, body: LayoutLine[]): { row: Row; columns: Column[] } | null {
  const box = fundsBox(body);
  if (!box || box.sources.some((s) => s.key === "carryover")) return null;
  // (Read from the box's lines, never matched against a header: a leaf that matches no label.)
  const spec = (key: string, label: string): ColumnSpec => ({ key, kind: "amount", label, leaf: /(?!)/ });
  const row = emptyRow("资金总额", locationOf(file, box.line));
  Object.assign(row, { kind: "total", name: "资金总额" });
  const columns: Column[] = [{ key: "total", name: "资金总额", label: "资金总额", kind: "amount" }];
  row.cells = { total: cell(file, box.line, box.token, spec("total", "资金总额")) };
  for (const s of box.sources) {
    const key = s.key === "other-funds" ? "other" : "fiscal";
    const label = s.key === "other-funds" ? "其他资金" : s.key === "general-public" ? "一般公共预算" : "财政拨款";
    columns.push({ key, name: label, label, kind: "amount" });
    if (s.at) row.cells[key] = cell(file, s.at.line, s.at.token, spec(key, label));
  }
  return { row, columns };
}

/**
 * A number ending a line of a task's 主要内容 (`…举办高层次人才活动 2` / `场。`: the content wrapped in its cell) is a
 * word of the content, not a figure: it stands left of every amount column. Those columns start where the lines
 * printing two figures or more (a task's 总额 and its 财政拨款 …) print their first; a figure ending before that, with
 * words before it on its line, is moved to the line's words.
 */
function wordsLeftOfFigures(data: DataLine[]): DataLine[] {
  let left = Infinity;
  let full = 0;
  for (const d of data)
    if (d.amounts.length >= 2 && d.amounts.every((t) => AMOUNT_TOKEN.test(t.text))) {
      full++;
      left = Math.min(left, d.amounts[0].x0);
    }
  if (full < 2) return data;
  return mapArray(data, (d) => {
    const words = d.amounts.filter((t) => t.x1 < left);
    if (!words.length || !d.label.length) return d;
    return { ...d, label: [...d.label, ...words], amounts: d.amounts.filter((t) => !words.includes(t)) };
  });
}

/**
 * A task table's lines as its rows (任务名称 | 主要内容 | figures): each row's name and content. Where the
 * content column starts is where most lines printing both start their second piece; a piece left of it is
 * the name's, the rest the content's. A name or content wrapped over lines around its figures' line (its
 * cells centred vertically, as a PDF of the table prints them) is joined to that line as withNamePieces
 * reads a list (a line of figures whose name is wrapped above and below it, with no word of its own, is the
 * task's: its figures count in the table's sums), the name's words and the content's apart.
 */
function taskLines(data: DataLine[]): { d: DataLine; name: LayoutToken | null; content: LayoutToken | null }[] {
  const asPrinted = (ds: DataLine[]) => mapArray(ds, (d) => ({ d, name: d.label[0] ?? null, content: d.label[1] ?? null }));
  // The tasks end at 金额合计: what follows (年度总体目标, the indicators) is read as printed.
  const end = data.findIndex((d) => d.amounts.length > 0 && /^(金额合计|合计|总计)$/.test(normaliseName(d.label[0]?.text ?? "")));
  const [tasks, rest] = end < 0 ? [data, []] : [data.slice(0, end), data.slice(end)];
  // Where the content column starts: where lines printing both a name and a content start the second piece,
  // page by page (a page of a PDF may set its columns apart otherwise) — when most of them agree (a grid).
  const startOf = (ds: DataLine[]) => {
    const seconds = mapArray(
      ds.filter((d) => d.label.length >= 2),
      (d) => Math.round(d.label[1].x0),
    );
    const n = new Map<number, number>();
    for (const x of seconds) n.set(x, (n.get(x) ?? 0) + 1);
    const best = [...n].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
    if (!best) return null;
    const agree = seconds.filter((x) => Math.abs(x - best[0]) <= 1).length;
    return agree >= Math.max(2, 0.7 * seconds.length) ? best[0] - 1.5 : null;
  };
  const pages = new Map<number, number | null>();
  for (const d of tasks) if (!pages.has(d.line.page)) pages.set(d.line.page, startOf(tasks.filter((x) => x.line.page === d.line.page)) ?? startOf(tasks));
  // Without a grid, each line's first piece is its name and the rest its content.
  const grid = ![...pages.values()].some((x) => x === null);
  // A line printing two pieces or more: its first the name (where the lines' columns differ, as under a
  // 年度主要任务 cell spanning some of the rows). One piece alone: the name's or the content's by where it starts.
  const namesOf = (x: DataLine) => (grid && x.label.length === 1 ? x.label.filter((t) => t.x0 < pages.get(x.line.page)!) : x.label.slice(0, 1));
  const joined = (toks: LayoutToken[]) => (toks.length ? { ...toks[0], text: mapArray(toks, (t) => t.text).join("") } : null);
  // On a PDF's page the heights tell where a cell ends (withNamePieces); in a text, the cells' centring does.
  const heights = tasks.some((d) => baselineOf(d) !== null);
  const pieces = heights ? (piecesByHeight(tasks) ?? withNamePieces(tasks, (d) => namesOf(d).length > 0)) : centredPieces(tasks);
  const read = mapArray(pieces, ({ d, parts }) => {
    const names = parts.flatMap(namesOf);
    const content = joined(parts.flatMap((x) => x.label).filter((t) => !names.includes(t)));
    // A line of figures whose name no piece gives: named by its content, so that its figures count as a task's.
    return names.length ? { d, name: joined(names), content } : { d, name: content, content: null };
  });
  return [...read, ...asPrinted(rest)];
}

/** Tables of the 基本支出 by economic code: their lanes are split by use (人员经费 | 公用经费). */
const BASIC_KINDS = new Set(["general-basic-economic", "allocation-basic-economic", "basic-summary"]);

/**
 * Classified lanes side by side (人员经费 | 公用经费, two or three lanes, see lanes.ts): one table of economic codes
 * whose rows carry their figure in their lane's column (人员经费 or 公用经费), and a 合计 row with the lanes'
 * 合计 figures. A table not of the 基本支出 whose header names neither 人员经费 nor 公用经费 (the 决算's
 * 项目支出决算表 in three lanes of 科目编码 · 科目名称 · 决算数) is one column, its 合计 that of every lane.
 */
function parseLanes(file: string, b: Block, tpl: TableTemplate): ParsedBlock {
  // A title with nothing under it is an entry of a list of the tables' titles (湖南's 第二部分 lists 公开01表 …
  // 公开09表 before the tables): no lanes to find, and no table left unread — the table printed under its title
  // is read there.
  if (titleOnly(b)) return { table: null, department: null };
  const { department, unit, header, body } = sections(file, b);
  const listed = (why: string): ParsedBlock => listedBlock(file, b, why);
  const g = laneGeometry(header);
  if (!g) return listed("两栏未能识别 lanes not found");
  // The body as printed: a lane's code alone on its line (310) is not a page number, and the lanes' 合计
  // lines read like a repeated header (人员经费合计 …) but close the lanes. A page number is the last or
  // first printed line of its page.
  const start = body[0]?.line ?? Infinity;
  const printed = b.lines.filter((l) => text(l));
  const pageEdge = (l: LayoutLine) => {
    const k = printed.indexOf(l);
    return printed[k - 1]?.page !== l.page || printed[k + 1]?.page !== l.page;
  };
  const laneBody = printed.filter((l) => l.line >= start && !isLaneHeader(l) && !(PAGE_NUMBER.test(text(l)) && pageEdge(l)) && !NOTE.test(text(l)));
  const labels = mapArray(headerTokens(header), (t) => normaliseName(t.text));
  const split = BASIC_KINDS.has(tpl.kind) || labels.some((l) => /^(人员|公用)经费/.test(l));
  const { records, kinds, uncertain } = readLanes(laneBody, g, split);
  if (uncertain) return listed(`列位置不确定 columns uncertain: ${uncertain}`);
  if (!records.some((r) => r.amount)) return { table: null, unknown: { title: b.hit.title, location: { file, line: b.lines[0] ? fileLine(b.lines[0]) : null } }, department: null };
  const specs = new Map(mapArray(tpl.columns, (c) => [c.key, c]));
  const items: Item[] = [];
  const footers = records.filter((r) => r.footer);
  for (const r of records.filter((x) => !x.footer)) {
    const key = kinds[r.lane];
    const cells: Record<string, Cell> = {
      code: { text: r.code!, amount: null, location: locationOf(file, r.line, r.labelToken) },
      name: { text: r.name, amount: null, location: locationOf(file, r.line, r.nameToken ?? r.labelToken) },
    };
    if (r.amount) printedOn.set(r.amount.token, r.amount.line);
    cells[key] = cell(file, r.line, r.amount?.token, specs.get(key));
    items.push({ cells, loc: locationOf(file, r.line) });
  }
  if (footers.length) {
    // The lanes' 合计 lines, as the table's 合计 row (人员经费合计 | 公用经费合计); two for one kind are not guessed at.
    const f0 = footers[0];
    const cells: Record<string, Cell> = { code: { text: "", amount: null, location: locationOf(file, f0.line, f0.labelToken) }, name: { text: "合计", amount: null, location: locationOf(file, f0.line, f0.labelToken) } };
    for (const f of footers) {
      const key = f.footer === "total" ? kinds[f.lane] : f.footer!;
      if (cells[key]) return listed(`列位置不确定 columns uncertain: two 合计 lines${key === "total" ? "" : ` of ${key === "personnel" ? "人员经费" : "公用经费"}`}`);
      if (f.amount) printedOn.set(f.amount.token, f.amount.line);
      cells[key] = cell(file, f.line, f.amount?.token, specs.get(key));
    }
    items.push({ cells, loc: locationOf(file, f0.line) });
  }
  const rows = classifiedRows(tpl, items, department);
  // One column: named as the lanes' figure label prints it (决算数).
  const figureLabel = labels.find((l) => /^(决算数|预算数|金额)$/.test(l));
  const columns = mapArray(columnsOf(tpl, new Set(["code", "name", ...(kinds.every((k) => k === "total") ? ["total"] : ["personnel", "public"])])), (c) => (c.key === "total" && figureLabel ? { ...c, name: figureLabel, label: figureLabel } : c));
  return { table: makeTable(b, tpl, unit, department, columns, rows), department };
}

/**
 * Whether a table's figures stand one per line: three or more lines holding a figure, and fewer than one in
 * five of them holding anything else (a name, another cell). A laid-out table prints a row's name and
 * figures on one line.
 */
function cellsOnePerLine(lines: LayoutLine[]): boolean {
  let figures = 0;
  let inRows = 0;
  for (const l of lines) {
    const tokens = tokensOf(l);
    if (!tokens.some((t) => AMOUNT_TOKEN.test(t.text))) continue;
    figures++;
    if (tokens.length >= 2) inRows++;
  }
  return figures >= 3 && inRows * 5 < figures;
}

function parseBlock(file: string, b: Block, docYear: number | null = null, codeNames: Set<string> = new Set(), docStage: "budget" | "final" | null = null): ParsedBlock {
  const tpl = b.hit.tpl;
  // Read by kind alone, a title with nothing under it before the next title is an entry of a list of the
  // tables (杭州's 预算公开表 list in the text): not a table, and not an unknown one.
  if (b.fromHeader && titleOnly(b)) return { table: null, department: null };
  // A table of the economic classes across, under any title (its words a function table's, an economic one's, or none known).
  const across = classesAcross(file, b);
  if (across) return parseClassified(file, { ...b, hit: { ...b.hit, tpl: across, unknown: false }, fromHeader: true }, across);
  if (b.hit.unknown) return { table: null, unknown: { title: b.hit.title, location: { file, line: b.lines[0] ? fileLine(b.lines[0]) : null } }, department: null };
  // A table whose cells stand one per line (copied from a web page, or a converter that writes each cell
  // as a paragraph) in a document whose other tables are laid out: its rows are lost, and read, its
  // figures would land in wrong rows and columns. It is listed as not read, with why.
  if (cellsOnePerLine(b.lines))
    return { table: null, unknown: { title: `${b.hit.title}（每格一行，行列已失 one cell per line）`, location: { file, line: b.lines[0] ? fileLine(b.lines[0]) : null } }, department: null };
  switch (tpl.layout) {
    case "classified":
      // A 项目支出绩效目标表 printed as a card per project (项目名称 | …, 年度资金总额 | …).
      if (tpl.kind === "project-performance") {
        const cards = parseCards(file, b, tpl);
        if (cards) return cards;
      }
      // Read by kind alone, a table of economic codes printed in lanes (人员经费 | 公用经费 …, the 决算's 基本支出 table).
      if (b.fromHeader && tpl.codeKind === "economic" && printsLanes(sections(file, b).header)) return parseLanes(file, b, tpl);
      return parseClassified(file, b, tpl);
    case "two-sided":
      return parseTwoSided(file, b, tpl, codeNames);
    case "single-row":
      return parseSingleRow(file, b, tpl, docStage);
    case "unit-year":
      return parseUnitYear(file, b, tpl, docYear);
    case "tasks":
      return parseTasks(file, b, tpl);
    case "two-lane":
      // A table the template prints in lanes, printed here as one (科目编码 | 科目名称 | 人员经费 | 公用经费, a
      // workbook or text made from its figures): read as the classified table it is.
      const { header, body } = sections(file, b);
      // The labels printed above the first row (a lane's 人员经费合计 line below is no label of a header).
      const labels = mapArray(headerTokens(header.filter((l) => l.line < (body[0]?.line ?? Infinity))), (t) => normaliseName(t.text));
      if (!laneGeometry(header) && labels.some((l) => /^人员经费(合计)?$/.test(l)) && labels.some((l) => /^公用经费(合计)?$/.test(l))) {
        const one = parseClassified(file, b, { ...tpl, layout: "classified" });
        if (one.table) return one;
      }
      return parseLanes(file, b, tpl);
    default:
      // Layouts the layout form cannot read yet (two-lane 决算 economic table): listed, not checked.
      return { table: null, unknown: { title: b.hit.title, location: { file, line: b.lines[0] ? fileLine(b.lines[0]) : null } }, department: null };
  }
}

const TITLE_YEAR = /(\d{4})\s*年度?\s*(区级|市级|省级|县级)?\s*(部门|单位)?\s*(预算|决算)/;

/** 决算 when most of the tables' titles say so (收入支出决算表 …), 预算 when most say 预算; else null. */
function stageOfTitles(hits: TitleHit[]): "budget" | "final" | null {
  const finals = hits.filter((h) => /(?<!预)决算/.test(h.title)).length;
  const budgets = hits.filter((h) => /预算(?:表|总表)/.test(h.title) && !/决算/.test(h.title)).length;
  return finals > hits.length / 2 ? "final" : budgets > hits.length / 2 ? "budget" : null;
}

/** A line of two cells or more of a worksheet's or a CSV file's row (tab-separated input). */
function inCells(l: LayoutLine): boolean {
  const first = l.tokens?.find((t) => t.cell !== undefined)?.cell;
  return first !== undefined && l.tokens!.some((t) => t.cell !== undefined && t.cell !== first);
}

function titleFacts(lines: LayoutLine[]): { year: number | null; department: string | null; stage: "budget" | "final" | null } {
  let year: number | null = null;
  let department: string | null = null;
  let stage: "budget" | "final" | null = null;
  // (Once 部门名称：某局 has named the department, a unit's table under it, 单位名称：某中心, does not rename it.)
  let byDepartmentLabel = false;
  const head = lines.slice(0, 40);
  head.forEach((l, i) => {
    const t = text(l);
    // 2023 年深圳市科学技术协会部门预算: the year, then the department, then 部门预算.
    const named = /^[#*\s]*(\d{4})\s*年(?!度?\s*(?:部门|单位))度?\s*(\S.*?)\s*(?:部门|单位)(?:预算|决算)/.exec(t);
    if (named && year === null) {
      year = Number(named[1]);
      stage = /决算/.test(t.slice(named.index + named[0].length - 2)) ? "final" : "budget";
      department ??= named[2].replace(/[#*]/g, "").trim() || null;
      return;
    }
    // (A row of a table's cells is no title either: a 三公 table's header 2025年预算数 | 2026年预算数 names two years.)
    const y = inCells(l) ? null : TITLE_YEAR.exec(t);
    // (A sentence stating an amount is no title: its 比2023年预算减少… names last year.)
    if (y && year === null && !/^第[一二三四五六七八九十]+部分|^[一二三四五六七八九十]+、/.test(t) && !STATED_AMOUNT.test(t)) {
      year = Number(y[1]);
      stage = y[4] === "决算" ? "final" : "budget";
      const before = t.slice(0, y.index).trim();
      // The department on the title line (…局2024年度部门决算), else on the line above it, unless that is
      // only the place (上海市普陀区).
      const above = mapArray(head.slice(0, i), text).filter(Boolean).pop() ?? "";
      const name = before || (above.length <= 30 && !/\d/.test(above) ? above : "");
      if (name && !/^\S{2,3}(省|市)(\S{1,4}(区|县|市))?$/.test(name)) department ??= name;
    }
    // A cover that prints the year on a line of its own, the title under it (广州's “2026年” / 广州市科学技术局部门预算).
    const alone = /^(\d{4})\s*年度?$/.exec(t.replace(/\s+/g, ""));
    const next = alone && year === null ? mapArray(head.slice(i + 1, i + 4), text).find(Boolean) ?? "" : "";
    const titled = /^(\S.*?)\s*(?:部门|单位)(?:预算|决算)$/.exec(next.replace(/\s+/g, ""));
    if (alone && titled && year === null) {
      year = Number(alone[1]);
      stage = /决算$/.test(next.replace(/\s+/g, "")) ? "final" : "budget";
      department ??= titled[1] || null;
    }
    const m = META.exec(t.replace(/\s+/g, ""));
    // (部门名称：某局 … 单位：万元 on one line: the unit is no part of the department's name.)
    const metaName = m ? trailingMoneyUnit(m[2]).before.trim() : "";
    if (metaName && !(byDepartmentLabel && UNIT_LABEL_META.test(m![1]))) department = metaName;
    if (metaName && /部门/.test(m![1])) byDepartmentLabel = true;
  });
  return { year, department, stage };
}

/** A table's label of a budget unit (单位名称：某中心), not of the department. */
const UNIT_LABEL_META = /^(?:单位名称|预算单位|编制单位)$/;

/** An amount stated in a sentence: 1,687.45万元, 434.72 元. */
const STATED_AMOUNT = /\d(?:[\d,，]*\d)?(?:\.\d+)?\s*(?:万\s*元|元)/;
/** A disclosure's title: 某局2024年部门预算, 2023年度单位决算公开, 部门预算情况说明. */
const DISCLOSURE_TITLE = /(?:部门|单位)(?:预算|决算)|(?:预算|决算)(?:公开|情况说明|说明)/;

/**
 * A document of written parts alone: a title naming a 预算 or 决算 in its first lines, and three sentences
 * at least that state amounts (a 情况说明 whose tables are published apart, or printed as images).
 */
function writtenPartsOnly(lines: LayoutLine[], from: number): boolean {
  const titled = lines.slice(0, 40).some((l) => {
    const t = text(l).replace(/\s+/g, "");
    return t.length <= 60 && DISCLOSURE_TITLE.test(t);
  });
  if (!titled) return false;
  let stated = 0;
  for (const l of lines.slice(from)) {
    const t = text(l);
    if (/[。；，：]/.test(t) && STATED_AMOUNT.test(t) && ++stated >= 3) return true;
  }
  return false;
}

function contentsOf(file: string, lines: LayoutLine[], range: { start: number; end: number }, tpl: DocumentTemplate): ContentsEntry[] {
  const out: ContentsEntry[] = [];
  if (range.start < 0) return out;
  for (let i = range.start + 1; i <= range.end; i++) {
    const t = entryTitle(text(lines[i]));
    if (!t || contentsHeader(t)) continue;
    // A table listed as (一) 收支总表 (Shenzhen's 目录): its title after the number in brackets.
    const probe: LayoutLine = { ...lines[i], text: t.replace(/^[(（]\s*[一二三四五六七八九十\d]+\s*[)）]\s*/, ""), tokens: undefined };
    const tt = titleIn(tpl, probe);
    const location = { file, line: lines[i].line, ...pageOf(lines[i]) };
    if (tt) out.push({ kind: "table", number: tt.number, tableId: tt.id, title: probe.text.replace(TITLE_PREFIX, ""), location });
    else out.push({ kind: "text", number: null, tableId: null, title: splitMarker(t).name, location });
  }
  return out;
}

/** Two cells set apart: a gap of two spaces or more (or a tab) between two printed characters. */
const COLUMN_GAP = /\S(?: {2,}|\t)\S/;

/** The written parts: the lines outside tables, a part per heading. */
/**
 * A written part's heading numbered 一、 …, at the margin, naming the department's or unit's 预算 or 决算 it explains
 * (二、部门决算情况说明) — not a section of a part (  一、2025年“三公”经费预算情况说明, set in, under 其他相关情况说明).
 */
const NUMBERED_PART = /^[一二三四五六七八九十]+、\s*\S{0,16}?(?:部门|单位)(?:预算|决算)情况说明$/;

/** A section's number at a heading's start: 一、 · （一）. */
const SECTION_NUMBER = /^\s*(?:[一二三四五六七八九十]+\s*、|[(（]\s*[一二三四五六七八九十]+\s*[)）])/;

/**
 * Where a laid-out line's first character stands in the file, where that is not column 1: after a form feed that
 * began its page (pdftotext's, at the start of each page's first line), which its text leaves out. A figure of a
 * written line is then placed at its column in the file, as a table's cells are (LayoutToken columns).
 */
function startOf(l: LayoutLine): { columnStart?: number } {
  return l.columnOffset && l.raw === undefined ? { columnStart: l.columnOffset + 1 } : {};
}

function textParts(file: string, lines: LayoutLine[]): TextPart[] {
  const parts: TextPart[] = [];
  let current: TextPart | null = null;
  for (const l of lines) {
    const t = text(l);
    if (!t || PAGE_NUMBER.test(t)) continue;
    // A heading: marked as one (a Markdown heading), or short, without punctuation or figures, and set in.
    // (Or at the margin, numbered as a part: 二、部门决算情况说明, 重庆's.)
    // (A year in it, 2024年度 or 2024 年度 as a PDF prints a year set in a Latin font, is no figure.)
    const heading = l.heading || (t.length <= headingLength(t) && !/[。；，,]/.test(t) && !/\d{2,}/.test(t.replace(/\d{4}\s*年/, "")) && (l.text.length - l.text.trimStart().length >= 8 || /^第[一二三四五六七八九十]+部分/.test(t) || (NUMBERED_PART.test(t) && l.text === l.text.trimStart())));
    // A heading wrapped onto the next line (…部门决算情况 / 说明): one title — not a section's heading right under the
    // part's (第三部分 …部门决算情况说明 / 一、收入支出决算总体情况说明, each a Word heading of its own), which no wrap starts.
    if (heading && current && current.lines.length === 0 && /^第[一二三四五六七八九十]+部分/.test(current.title) && !/^第[一二三四五六七八九十]+部分/.test(t) && !SECTION_NUMBER.test(t)) {
      current.title += t;
      continue;
    }
    if (heading || !current) {
      current = { number: null, title: t, location: { file, line: l.line, ...pageOf(l) }, lines: [] };
      parts.push(current);
      if (heading) continue;
    }
    current.lines.push({ line: l.line, text: l.raw ?? l.text, ...pageOf(l), ...startOf(l) });
  }
  return parts;
}

/** A table's notes (注：… · 备注：… · 说明：…), as text lines: each note line of its block, where it is printed. */
function notesOf(b: Block): TextLine[] {
  return mapArray(b.lines.filter((l) => NOTE.test(text(l))), (l) => ({ line: l.line, text: l.raw ?? l.text, ...pageOf(l), ...startOf(l) }));
}

/** Turns laid-out lines into the document model. */
export function layoutDocument(file: string, printedLines: LayoutLine[], format: "layout" | "pdf" | "markdown", opts: LayoutOptions = {}): BudgetDocument {
  const lines = withoutPageBreakRepeats(withoutRunningLines(printedLines));
  const contents = contentsEnd(lines);
  const from = contents.end + 1;
  let chosen = opts.template ? { tpl: opts.template, hits: findTitles(lines, opts.template, from) } : chooseTemplate(lines, from);
  // A province's titles are the Ministry's too (部门收支总表, 财政拨款收支总表 …): a document printing them with
  // columns the province's tables do not have is not that province's, and is read by its headers (generic).
  if (!opts.template && !chosen.tpl.columnsFromHeader && misfits(file, blocks(lines, chosen.hits)) >= 1) chosen = { tpl: generic, hits: findTitles(lines, generic, from) };
  const tpl = chosen.tpl;
  const hits = chosen.hits.length && chosen.hits.every((h) => !h.unknown) ? findTitles(lines, tpl, from) : chosen.hits;
  for (const h of hits) (h as TitleHit & { line?: LayoutLine }).line = lines[h.index];
  // The written parts alone (表 published apart, or printed as images): no table's title anywhere after the
  // 目录, a title naming a 预算 or 决算, and sentences stating amounts. Their own statements are checked; the
  // report says the tables were not (table-presence).
  const given = opts.recognised ? undefined : opts.template;
  const textOnly = hits.length === 0 && !given && writtenPartsOnly(lines, from);
  if (!textOnly && !hits.some((h) => !h.byKind && !h.unknown)) {
    throw new InputError(
      given
        ? `not a budget disclosure of the ${given.name} template: none of its table titles (${mapArray(given.tables, (t) => t.title).join("、")}) was found`
        : "not a budget disclosure: no table of a known kind was found; expected tables under titles such as 收支总表, 收入总表, 支出总表, 财政拨款收支总表, 一般公共预算支出表 (tab-separated, or aligned with spaces as pdftotext -layout writes them)",
      { file },
    );
  }
  const bs = blocks(lines, hits);
  // Tables whose cells stand one per line (plain `pdftotext` without -layout, or a converter that writes
  // each cell as a paragraph) have lost their rows: read, every figure would land in a wrong row and the
  // identities would report nonsense. Such a text is refused with what to give instead.
  const figureLines = bs.flatMap((b) => b.lines).filter((l) => amountsOf(l).length > 0);
  const inRows = figureLines.filter((l) => tokensOf(l).length >= 2).length;
  if (figureLines.length >= 10 && inRows * 5 < figureLines.length)
    throw new InputError(
      `the tables are not laid out: ${figureLines.length - inRows} of their ${figureLines.length} lines with a figure hold nothing else (one cell per line, as pdftotext without -layout writes); expected the PDF itself, \`pdftotext -layout\` text, or tab-separated rows`,
      { file },
    );
  // Rows kept whole but their cells run together, one space apart (`pdftotext -raw`, or a converter that
  // writes a row's cells in reading order): a blank cell leaves no gap, so a figure's column cannot be
  // told and every row with a blank would be read into wrong columns. Laid-out text sets its columns apart
  // by two spaces or more on nearly every row with a figure (79–100% of them in the bundled documents, at
  // any spacing); such a text has none.
  if (format === "layout" && figureLines.length >= 10) {
    const aligned = figureLines.filter((l) => COLUMN_GAP.test(l.text)).length;
    if (aligned * 5 < figureLines.length)
      throw new InputError(
        `the tables are not laid out: ${figureLines.length - aligned} of their ${figureLines.length} lines with a figure set their cells one space apart, so a blank cell leaves no trace (as pdftotext -raw writes); expected the PDF itself, \`pdftotext -layout\` text, or tab-separated rows`,
        { file },
      );
  }
  // A table's next page under its title again, rows printing their codes by segment (16 农村水利 under 213 | 03 the page
  // before ended in): its segments continue that page's codes.
  bs.forEach((b, i) => {
    const prev = bs[i - 1];
    if (!prev || b.hit.unknown || prev.hit.tpl !== b.hit.tpl || prev.after.some((l) => text(l) && !PAGE_NUMBER.test(text(l)))) return;
    const s = sections(file, prev);
    b.codesBefore = lastCode(s.body, s.header, prev.codesBefore);
  });
  // A table the template reads by kind alone (alsoByKind) is read as the generic template reads it: by its header.
  for (const b of bs) b.fromHeader = !!tpl.columnsFromHeader || (!b.hit.unknown && generic.tables.includes(b.hit.tpl));
  if (!tpl.columnsFromHeader)
    for (const b of bs) {
      if (b.fromHeader) continue;
      const byKind = readByHeader(file, b);
      if (byKind) {
        b.hit = { ...b.hit, tpl: byKind };
        b.fromHeader = true;
      }
    }
  const tables: Table[] = [];
  const unknownTables: UnknownTable[] = [];
  const departments: string[] = [];
  let last: Table | null = null;
  const facts = titleFacts(lines);
  // The document's stage as its title says it (else its tables' titles, else the template's): a table of years is read by
  // the stage of its own figures (year-stages.ts).
  const docStage = facts.stage ?? stageOfTitles(hits) ?? tpl.stage;
  // Two-sided tables last: their expenditure items are told from income items by the names the other
  // tables print for their codes.
  const codeNames = new Set<string>();
  const parsed = new Map<Block, ParsedBlock>();
  for (const b of bs)
    if (b.hit.unknown || b.hit.tpl.layout !== "two-sided") {
      const p = parseBlock(file, b, facts.year, undefined, docStage);
      parsed.set(b, p);
      for (const r of p.table?.rows ?? []) if (r.kind === "code" && r.name) codeNames.add(normaliseName(r.name));
    }
  for (const b of bs) if (!parsed.has(b)) parsed.set(b, parseBlock(file, b, facts.year, codeNames, docStage));
  // Whose tables follow (model/units.ts): the department's, or a budget unit's own set printed after them.
  const whose = unitScopes(lines, bs, from, facts.department ?? parsed.get(bs[0])?.department ?? null, tpl);
  const unitSets = new Map<string, UnitBudget>();
  // Whose the document's first tables are (undefined before the first): a document whose first tables are under a unit's
  // heading prints them as its own (they are the document's, marked with the unit), up to the next unit's.
  let first: string | null | undefined;
  let pastFirst = false;
  for (const [k, b] of bs.entries()) {
    const p = parsed.get(b)!;
    if (p.department) departments.push(p.department);
    const unitName = whose[k];
    if (first === undefined && p.table) first = unitName;
    else if (first !== undefined && unitName !== first) pastFirst = true;
    // A unit's set, once the document's own tables are behind.
    const unit = unitName && (pastFirst || (first !== undefined && unitName !== first)) ? (unitSets.get(unitName) ?? newUnit(unitSets, unitName, file, b)) : null;
    const set = unit ? unit.tables : tables;
    const named = (title: string) => (unit && !title.includes(unit.name) ? `${unit.name}：${title}` : title);
    // An unread table's continuation pages (its title printed again on each) are listed once.
    if (p.unknown && !unknownTables.some((u) => u.title === named(p.unknown!.title))) {
      const entry = { ...p.unknown, title: named(p.unknown.title), location: { ...p.unknown.location, file }, ...(!b.hit.unknown && { kind: b.hit.tpl.kind }) };
      unknownTables.push(entry);
      if (unit) (unit.unknownTables ??= []).push({ ...entry, title: p.unknown.title });
    }
    if (!p.table) {
      // A table of the template's left unread under its title, after a list of the tables' titles (a 目录 in the body,
      // 河南's 附件 list) made it an empty table: that entry is the printed table's, where it stands (not the list's line).
      const listed = p.unknown && !b.hit.unknown ? set.find((t) => t.id === b.hit.tpl.id && t.rows.length === 0) : undefined;
      const titleLine = (b.hit as TitleHit & { line?: LayoutLine }).line ?? b.lines[0];
      if (listed && titleLine) listed.location = { file, line: fileLine(titleLine), ...pageOf(titleLine) };
      last = null;
      continue;
    }
    p.table.location.file = file;
    if (unitName) p.table.budgetUnit = unitName;
    const notes = notesOf(b);
    if (notes.length) p.table.notes = notes;
    const existing = set.find((t) => t.id === p.table!.id);
    if (existing && existing.rows.length === 0 && (p.table.rows.length > 0 || existing !== last)) {
      // A list of the tables' titles (a second 目录 in the body, or one without page numbers) came first: the table
      // itself replaces it, an empty one too (宁夏's 表9 国有资本经营预算支出表 under its 目录 entry, 本表为空表).
      set[set.indexOf(existing)] = p.table;
      last = p.table;
    } else if (existing && existing === last) {
      // The same title right after its table: a continuation page printed with its title. Its first rows
      // are still the budget unit's the page before ended in (its 预算单位 is printed once, above them).
      const before = existing.rows[existing.rows.length - 1];
      const unit = before && (before.kind === "unit" || before.kind === "code") ? before.unit : null;
      if (unit)
        for (const r of p.table.rows) {
          if (r.kind !== "code" || r.unit !== null) break;
          r.unit = unit;
        }
      existing.rows.push(...p.table.rows);
      existing.pages += p.table.pages;
      if (notes.length) existing.notes = [...(existing.notes ?? []), ...notes];
    } else if (existing) {
      // The same table printed again elsewhere (its figures not counted twice; listed): the same figures, a reprint;
      // other figures under no unit's name, a table this reading cannot say whose it is.
      const again = sameFigures(existing, p.table) ? "重复列示 printed twice" : "再次列示，数字不同 printed again with other figures";
      unknownTables.push({ title: named(`${p.table.title}（${again}）`), location: p.table.location });
      // (The same title right after it is this printing's next page, not the first printing's.)
      last = null;
    } else {
      set.push(p.table);
      last = p.table;
    }
    // Written text after the table ends it: the same title after that is the table printed again.
    if (b.after.some((l) => text(l) && !PAGE_NUMBER.test(text(l)))) last = null;
  }
  // A classified table's units printed by name with no code, read once its pages are one table (name-only-units.ts).
  const classified = (t: Table) => tpl.tables.find((x) => x.id === t.id)?.layout === "classified";
  for (const t of [...tables, ...[...unitSets.values()].flatMap((u) => u.tables)]) if (classified(t)) nameOnlyUnits(t.rows, t.department ?? null);
  for (const u of unitSets.values()) {
    u.tables.sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)));
    unitsByName(u.tables);
    rejoinWrappedNames(u.tables);
  }
  tables.sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)));
  unitsByName(tables);
  rejoinWrappedNames(tables);
  const tablesStart = hits.length ? hits[0].index : lines.length;
  const narrativeLines = [
    ...lines.slice(contents.end + 1, tablesStart),
    ...bs.flatMap((b) => b.after),
  ];
  // Written parts numbered 第一部分 … before the tables (Shenzhen's form): read as the text loader reads them,
  // with their 目录; each line keeps its page.
  const before = mapArray(lines.slice(0, tablesStart), (l) => l.raw ?? l.text);
  let numbered = parseNarrative(before, file, tpl);
  // Another province's parts headed 第N部分 are not Shenzhen's (江西's 第二部分 2026年部门预算情况说明 is no
  // 部门预算收支总体情况): numbered, they would be read by Shenzhen's readers of its part N, which find nothing
  // there. They are so numbered only when they carry the titles Shenzhen's have.
  const shenzhen = tpl.name === defaultTemplate.name;
  let useNumbered = numbered.parts.some((p) => p.number !== null) && numbered.contents.length > 0 && (shenzhen || numberedAsShenzhen(numbered.parts, before));
  if (!useNumbered && (shenzhen || textOnly)) {
    // A 目录 without list marks (a PDF's, a web page's) is read by the layout reader; the body's parts of a
    // Shenzhen document are Shenzhen's when three or more are headed 第N部分 with the title its part N has
    // (another province's parts so titled are read by the generic reader). Written parts alone have no
    // tables to tell their template by: their parts so headed are Shenzhen's too.
    const body = contents.start >= 0 ? mapArray(before, (t, i) => (i >= contents.start && i <= contents.end ? "" : t)) : before;
    const again = parseNarrative(body, file, tpl);
    if (numberedAsShenzhen(again.parts, body)) {
      numbered = again;
      useNumbered = true;
    }
  }
  // parseNarrative numbers the lines it is given from 1: their lines in the file (a running head left out
  // shifts them).
  const lineByNumber = new Map(mapArray(lines, (l) => [l.line, l]));
  if (useNumbered) {
    const lineOf = (n: number | null | undefined) => (n ? lines[n - 1]?.line ?? n : n);
    for (const p of numbered.parts) {
      p.location.line = lineOf(p.location.line);
      for (const l of p.lines) l.line = lineOf(l.line)!;
    }
    for (const c of numbered.contents) c.location.line = lineOf(c.location.line);
  }
  // A line that followed a form feed in the file: its characters stand one column further right (startOf).
  if (useNumbered)
    for (const p of numbered.parts)
      for (const l of p.lines) {
        const printed = lineByNumber.get(l.line);
        if (printed && (printed.raw ?? printed.text) === l.text) Object.assign(l, startOf(printed));
      }
  const pageByLine = new Map(mapArray(lines, (l) => [l.line, l.page]));
  if (useNumbered && lines.some((l) => l.page))
    for (const p of numbered.parts) {
      p.location.page = pageByLine.get(p.location.line ?? 0) ?? null;
      for (const l of p.lines) l.page = pageByLine.get(l.line) ?? null;
    }
  const units = mapArray(tables, (t) => t.unit).filter((u): u is string => !!u);
  const doc: BudgetDocument = {
    path: file,
    format,
    template: tpl.name,
    // Without tables, or read by kind alone, the template is no province's: the title says which it is (山西's
    // 2024年度部门决算 whose 05表 prints 年初预算数 beside 决算数, read by its headers), else the tables' titles.
    stage: textOnly || tpl.columnsFromHeader ? (facts.stage ?? stageOfTitles(hits) ?? tpl.stage) : tpl.stage,
    department: facts.department ?? departments[0] ?? null,
    // The title page may print the year on a line of its own: then the tables' titles say it.
    year: facts.year ?? (mapArray(hits, (h) => /(20\d\d)\s*年/.exec(h.title)).find((m) => m) ? Number(mapArray(hits, (h) => /(20\d\d)\s*年/.exec(h.title)).find((m) => m)![1]) : null),
    moneyUnit: mostCommon(units) ?? tpl.moneyUnit,
    contents: useNumbered && numbered.contents.length ? numbered.contents : contentsOf(file, lines, contents, tpl),
    text: useNumbered ? [...numbered.parts, ...textParts(file, bs.flatMap((b) => b.after))] : textParts(file, narrativeLines),
    tables,
    unknownTables,
    // (Units whose set holds no table, only tables not read, are said in the list of tables not read.)
    ...(unitSets.size && [...unitSets.values()].some((u) => u.tables.length) ? { units: [...unitSets.values()].filter((u) => u.tables.length) } : {}),
  };
  // Else a written part's title that names the year's 预算 or 决算 (第三部分 某局2024年度部门决算情况说明: a CSV
  // package's text file, whose first line is no document title).
  for (const p of doc.text) {
    if (doc.year !== null) break;
    const m = PART_YEAR.exec(p.title);
    if (m) doc.year = Number(m[1]);
  }
  // pdftotext's lines that begin with a figure, placed a line too high: read after the line they follow.
  if (format === "layout") for (const p of doc.text) restoreDisplacedLines(p);
  resolveItemCodes(doc);
  for (const u of doc.units ?? []) resolveItemCodes(unitDocument(doc, u));
  return doc;
}

/** A unit's set, made where its first table (or its first table not read) is printed. */
function newUnit(sets: Map<string, UnitBudget>, name: string, file: string, b: Block): UnitBudget {
  const line = (b.hit as TitleHit & { line?: LayoutLine }).line ?? b.lines[0];
  const unit: UnitBudget = { name, location: line ? { file, line: fileLine(line), ...pageOf(line) } : { file, line: null }, tables: [] };
  sets.set(name, unit);
  return unit;
}

/**
 * Whose each block's table is (model/units.ts): null for the department's, else the budget unit's name. The lines
 * before a block's title (after the table before it) may set it for the tables that follow: a unit's heading
 * (二、某中心2026年单位预算), the units' part (第五部分 单位预算表), the department's tables (第四部分 部门预算表). A table's own
 * label or title (单位名称：某中心, 某中心2026年收支总表) names its unit where it repeats a table the department's set
 * has, or inside the units' part; 部门名称：某局 makes it the department's again. A run of several units' headings with no
 * table between them is a list of them (a 目录 in the body), and sets nothing.
 */
function unitScopes(lines: LayoutLine[], bs: Block[], from: number, department: string | null, tpl: DocumentTemplate): (string | null)[] {
  const out: (string | null)[] = [];
  let unit: string | null = null;
  let part = false;
  const kinds = new Set<string>();
  let prev = from - 1;
  for (const b of bs) {
    const markers: UnitMarker[] = [];
    for (let i = Math.max(prev + 1, from); i < b.hit.index; i++) {
      const m = headingMarker(lines[i].text);
      if (m) markers.push(m);
    }
    prev = b.hit.index;
    const listed = new Set(mapArray(markers.filter((m) => "unit" in m), (m) => (m as { unit: string }).unit)).size > 1;
    for (const m of markers) {
      if ("unit" in m) {
        if (!listed) [unit, part] = [m.unit, true];
      } else if ("units" in m) part = true;
      else [unit, part] = [null, false];
    }
    const own = ownMarker(b, department, tpl);
    const id = b.hit.unknown ? null : b.hit.tpl.id;
    const repeat = id !== null && kinds.has(id);
    if (own && "department" in own) [unit, part] = [null, false];
    else if (own && "unit" in own && !(unit && sameOrganisation(unit, own.unit)) && (unit || part || repeat)) [unit, part] = [own.unit, true];
    out.push(unit);
    if (id !== null && !unit) kinds.add(id);
  }
  return out;
}

/** What a table's own label (部门名称 / 单位名称：…, before its first row) or title says of whose it is. */
function ownMarker(b: Block, department: string | null, tpl: DocumentTemplate): UnitMarker | null {
  for (const l of b.lines.slice(0, 8)) {
    if (amountsOf(l).length) break;
    for (const tok of tokensOf(l)) {
      const m = META.exec(tok.text);
      const said = m ? labelMarker(m[1], trailingMoneyUnit(m[2]).before, department) : null;
      if (said) return said;
    }
  }
  if (b.hit.unknown) return null;
  const kind = b.hit.tpl.kind;
  return titleMarker(b.hit.title, department, (rest) => (titleOfKind(tpl, normaliseTitle(rest)) ?? titleOfKind(generic, normaliseTitle(rest)))?.kind === kind);
}

/** A part's title naming its year's 预算 or 决算: 2024年度部门决算情况说明. */
const PART_YEAR = /(20\d\d)\s*年度?\s*(?:部门|单位)?\s*(?:预算|决算)/;

function mostCommon(xs: string[]): string | null {
  const n = new Map<string, number>();
  for (const x of xs) n.set(x, (n.get(x) ?? 0) + 1);
  let best: string | null = null;
  for (const [x, c] of n) if (best === null || c > n.get(best)!) best = x;
  return best;
}
