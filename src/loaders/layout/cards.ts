import { normaliseName } from "../../model/names.js";
import { AMOUNT_TOKEN, tokensOf } from "./tokens.js";
import type { LayoutLine, LayoutToken } from "./types.js";

/*
 * A 项目支出绩效目标表 printed as one card per project (the 项目支出绩效目标申报表's form, 甘肃): no row per project, but
 * a block of labelled cells —
 *
 *   项目名称 | 教育系统安全稳定及综合管理经费
 *   主管部门 | 兰州市城关区教育局 | 实施单位 | 兰州市城关区教育局（本级）
 *   项目资金 | 年度资金总额 | 486,300.00
 *            | 其中：财政拨款 | 486,300.00
 *            | 其他资金 | 0.00
 *   年度目标 | …
 *   绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值, then a row per indicator.
 *
 * Each card gives one project: its name, its unit (实施单位), and its year's amount (年度资金总额; a 中期资金总额 over the
 * years beside it is not the year's and not read), and the sources printed under that amount (其中：财政拨款 · 其中：一般公共预算,
 * 上年结转, 其他资金: the form's 年度资金总额 = Σ them, 其他资金 being whatever the named sources are not). The indicators'
 * figures are no amounts.
 */

/** A card's project: the cell after 项目名称, the one after 实施单位, the figure after 年度资金总额. */
export interface ProjectCard {
  name: string;
  nameAt: { line: LayoutLine; token: LayoutToken };
  unit: string | null;
  amount: { line: LayoutLine; token: LayoutToken } | null;
  /**
   * The sources printed under the amount, each with its figure (null: printed blank, `-`), where the card prints them as
   * its form does: one 其中 source (财政拨款 or 一般公共预算), 其他资金, and 上年结转 where the form has that row, each once, each
   * label followed by its figure. Empty where the card prints them otherwise (a source twice, as a card with a 中期资金总额
   * beside the year's prints them; no 其他资金; a figure not beside its label): what they sum to is not known.
   */
  sources: CardSource[];
}

/** A card's source of funds, as the generic template's columns name it. */
export type CardSourceKey = "allocation" | "general-public" | "carryover" | "other-funds";

export interface CardSource {
  key: CardSourceKey;
  at: { line: LayoutLine; token: LayoutToken } | null;
}

const NAME_KEY = /^项目名称[:：]?$/;
const UNIT_KEY = /^(实施单位|预算单位|单位名称)[:：]?$/;
/** The year's amount: 年度资金总额, or 资金总额 alone (never 中期资金总额, the years' together). */
const AMOUNT_KEY = /^(年度)?资金总额[:：]?$/;
/** The same label with its figure in one cell (年度资金总额：486,300.00). */
const AMOUNT_GLUED = /^(?:年度)?资金总额[:：]\s*(-?[\d,]+(?:\.\d+)?)$/;
/** The money unit a card's 项目资金 label may carry (项目资金（万元）). */
const FUNDS_LABEL = /^项目资金\((万元|元)\)$/;

/** A source's label under the year's amount (其中：财政拨款 · 一般公共预算拨款 · 上年结转资金 · 其他资金). */
const SOURCE_KEYS: [RegExp, CardSourceKey][] = [
  [/^(其中[:：]?)?(当年)?财政拨款(资金)?$/, "allocation"],
  [/^(其中[:：]?)?一般公共预算(拨款|资金)?$/, "general-public"],
  [/^(其中[:：]?)?上年结转(资金)?$/, "carryover"],
  [/^其他资金$/, "other-funds"],
];
const sourceKey = (label: string): CardSourceKey | null => SOURCE_KEYS.find(([re]) => re.test(label))?.[1] ?? null;
/** How many lines under the year's amount its sources may be printed on. */
const SOURCE_LINES = 4;

/** Labels of a card that are never a value: the next cell after a key that is one of them leaves the key empty. */
const CARD_LABEL = /^(项目名称|主管部门|实施单位|预算单位|单位名称|项目资金|年度资金总额|资金总额|中期资金总额|其中[:：]?财政拨款|财政拨款|其他资金|年度(绩效)?目标|绩效指标|[一二三]级指标|指标值)[:：]?(\((万元|元)\))?$/;

/**
 * The cards of a table printed as cards, in printed order; null when it is not (no line names a project by
 * 项目名称 with its name beside it and a 资金总额 under it). `isLabel`: a label of a header of a row per project (项目名称
 * | 预算金额 | 年度绩效目标 …), never a card's value.
 */
export function projectCards(lines: LayoutLine[], isLabel: (label: string) => boolean): { cards: ProjectCard[]; moneyUnit: string | null } | null {
  const cards: ProjectCard[] = [];
  let moneyUnit: string | null = null;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    const toks = tokensOf(line);
    for (let i = 0; i < toks.length; i++) {
      const key = normaliseName(toks[i].text);
      const next = toks[i + 1];
      const label = next ? normaliseName(next.text) : "";
      const value = next && !CARD_LABEL.test(label) && !isLabel(label) ? next : null;
      const funds = FUNDS_LABEL.exec(key);
      if (funds) moneyUnit = funds[1];
      const card = cards[cards.length - 1];
      if (NAME_KEY.test(key) && value && !AMOUNT_TOKEN.test(value.text)) {
        cards.push({ name: value.text.trim(), nameAt: { line, token: value }, unit: null, amount: null, sources: [] });
        i++;
      } else if (card && UNIT_KEY.test(key) && value) {
        card.unit ??= value.text.trim();
        i++;
      } else if (AMOUNT_KEY.test(key) || AMOUNT_GLUED.test(key)) {
        const glued = AMOUNT_GLUED.exec(key);
        const figure = glued ? { ...toks[i], text: glued[1] } : value && AMOUNT_TOKEN.test(value.text) ? value : null;
        if (card && figure && !card.amount) {
          card.amount = { line, token: figure };
          card.sources = sourcesUnder(lines, k);
        }
        // The labels across and their figures on the line under them (重庆: 项目资金 | 年度资金总额 | 其中：财政拨款 | 其他资金).
        else if (card && !figure && !card.amount && (!next || !value)) card.amount = under(lines, k, toks[i]);
      }
    }
  }
  return cards.some((c) => c.amount) ? { cards, moneyUnit } : null;
}

/**
 * The sources printed on the lines under a card's year's amount (`lines[k]`), a label and its figure each (a blank `-`
 * too): the lines that print a source's label, up to the first that prints none. Empty unless they are as the form
 * prints them (SOURCE_KEYS): 其他资金 and one of 财政拨款 / 一般公共预算, 上年结转 at most, each once, each label followed by its
 * figure and nothing after it; words before a source's label are the pieces of the box's own label (项目资金 / （万元） ·
 * 年度部门整体 / 支出预算, a merged cell's words wrapped beside the sources), never a figure.
 */
export function sourcesUnder(lines: LayoutLine[], k: number): CardSource[] {
  const out: CardSource[] = [];
  for (const line of lines.slice(k + 1, k + 1 + SOURCE_LINES)) {
    const toks = tokensOf(line);
    const first = toks.findIndex((t) => sourceKey(normaliseName(t.text)));
    if (first < 0) break;
    if (toks.slice(0, first).some((t) => /\d/.test(t.text))) return [];
    for (let i = first; i < toks.length; i += 2) {
      const key = sourceKey(normaliseName(toks[i].text));
      const value = toks[i + 1]?.text.trim();
      if (!key || value === undefined || !(AMOUNT_TOKEN.test(value) || /^[-—–]$/.test(value))) return [];
      out.push({ key, at: AMOUNT_TOKEN.test(value) ? { line, token: toks[i + 1] } : null });
    }
  }
  const count = (key: CardSourceKey) => out.filter((s) => s.key === key).length;
  if (count("other-funds") !== 1 || count("allocation") + count("general-public") !== 1 || count("carryover") > 1) return [];
  return out;
}

/**
 * A 部门整体支出绩效目标表's funding box, where the form prints it as labels and figures down its lines (资金总额 X /
 * 其中：一般公共预算拨款 a / 其他资金 b · 资金总额 X / 财政拨款 a / 其他资金 b, beside the box's label 年度预算资金 · 预算资金（万元）·
 * 年度部门整体支出预算): the total and its sources (sourcesUnder), or null where no line prints 资金总额 with its figure, or
 * its sources are not as the form prints them. The first such box.
 */
export function fundsBox(lines: LayoutLine[]): { line: LayoutLine; token: LayoutToken; sources: CardSource[] } | null {
  for (let k = 0; k < lines.length; k++) {
    const toks = tokensOf(lines[k]);
    const i = toks.findIndex((t) => AMOUNT_KEY.test(normaliseName(t.text)));
    if (i < 0) continue;
    const figure = toks[i + 1];
    if (!figure || !AMOUNT_TOKEN.test(figure.text.trim()) || toks.length > i + 2) return null;
    const sources = sourcesUnder(lines, k);
    return sources.length ? { line: lines[k], token: figure, sources } : null;
  }
  return null;
}

/**
 * The figure printed under a label (`lines[k]`'s `label`) on one of the next two lines: in its cell's column where the
 * cells are numbered (a worksheet's, a CSV file's), else overlapping it across; null where a line names another
 * project first, or none is.
 */
function under(lines: LayoutLine[], k: number, label: LayoutToken): { line: LayoutLine; token: LayoutToken } | null {
  for (const line of lines.slice(k + 1, k + 3)) {
    const toks = tokensOf(line);
    if (toks.some((t) => NAME_KEY.test(normaliseName(t.text)))) return null;
    const token = toks.find((t) => (label.cell !== undefined && t.cell !== undefined ? t.cell === label.cell : t.x0 < label.x1 && t.x1 > label.x0));
    if (token && AMOUNT_TOKEN.test(token.text.trim())) return { line, token };
  }
  return null;
}
