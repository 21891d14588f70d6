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
 * years beside it is not the year's and not read). The indicators' figures are no amounts.
 */

/** A card's project: the cell after 项目名称, the one after 实施单位, the figure after 年度资金总额. */
export interface ProjectCard {
  name: string;
  nameAt: { line: LayoutLine; token: LayoutToken };
  unit: string | null;
  amount: { line: LayoutLine; token: LayoutToken } | null;
}

const NAME_KEY = /^项目名称[:：]?$/;
const UNIT_KEY = /^(实施单位|预算单位|单位名称)[:：]?$/;
/** The year's amount: 年度资金总额, or 资金总额 alone (never 中期资金总额, the years' together). */
const AMOUNT_KEY = /^(年度)?资金总额[:：]?$/;
/** The same label with its figure in one cell (年度资金总额：486,300.00). */
const AMOUNT_GLUED = /^(?:年度)?资金总额[:：]\s*(-?[\d,]+(?:\.\d+)?)$/;
/** The money unit a card's 项目资金 label may carry (项目资金（万元）). */
const FUNDS_LABEL = /^项目资金\((万元|元)\)$/;

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
        cards.push({ name: value.text.trim(), nameAt: { line, token: value }, unit: null, amount: null });
        i++;
      } else if (card && UNIT_KEY.test(key) && value) {
        card.unit ??= value.text.trim();
        i++;
      } else if (AMOUNT_KEY.test(key) || AMOUNT_GLUED.test(key)) {
        const glued = AMOUNT_GLUED.exec(key);
        const figure = glued ? { ...toks[i], text: glued[1] } : value && AMOUNT_TOKEN.test(value.text) ? value : null;
        if (card && figure && !card.amount) card.amount = { line, token: figure };
        // The labels across and their figures on the line under them (重庆: 项目资金 | 年度资金总额 | 其中：财政拨款 | 其他资金).
        else if (card && !figure && !card.amount && (!next || !value)) card.amount = under(lines, k, toks[i]);
      }
    }
  }
  return cards.some((c) => c.amount) ? { cards, moneyUnit } : null;
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
