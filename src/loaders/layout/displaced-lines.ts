import type { TextPart } from "../../model/document.js";

/*
 * `pdftotext -layout` orders a page's lines by where it places their baselines, and a line that begins with a
 * figure (its digits set in a Latin font whose metrics differ from the Chinese font's) can be placed a line too
 * high: it comes out before the line it follows.
 *
 *       603.14万元，占20.51%；
 *     本年支出合计2940.05万元，其中：基本支出2336.91万元，占79.49%；项目支出
 *
 * Read in that order, the sentence breaks in two and its figures are lost to the text's checks. Such a line is
 * put back after the next one, in the reading only: every figure keeps its own line and column.
 */

/** A figure with its unit at a line's start: 603.14万元 · 15.16% · 0.94 万元 · 161.62 万 元 (a letter-spaced line). */
const FIGURE_FIRST = /^[-−]?\d[\d,]*(?:\.\d+)?\s*(?:亿 ?元|万 ?元|元|%|％)/;

/**
 * A line that ends where a figure should follow: 占 / 为 / 的 / 增加 / 减少 …, or an item's name (项目支出, 年初预算,
 * 涉及预算金额, 普通教育（款）小学教育（项）). Single spaces between Chinese characters (a letter-spaced line) are left out first.
 */
const EXPECTS_FIGURE = /(?:为|占|的|是|达|约|共|计|增加|减少|增长|下降|增幅|减幅|金额|合计|总计|支出|收入|预算|决算|拨款|经费|资金|安排|费|额|数|其中[:：]|[(（][类款项][)）])$/;

const expectsFigure = (text: string) => EXPECTS_FIGURE.test(text.trim().replace(/(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff])/g, ""));

/**
 * The part's lines with each line placed a line too high put back after the line it precedes: a line that
 * begins with a figure, right above (no blank line between, the same page) a line that ends where a figure
 * should follow, while the line before it does not. A figure that begins a line after one that asks for it
 * (…年初预算为 / 0.94万元。) is where it belongs and stays.
 */
export function restoreDisplacedLines(part: TextPart): void {
  const lines = part.lines;
  for (let i = 0; i + 1 < lines.length; i++) {
    const f = lines[i];
    const n = lines[i + 1];
    if (f.text.includes("\t") || n.text.includes("\t") || !FIGURE_FIRST.test(f.text.trim())) continue;
    if (n.line !== f.line + 1 || (f.page ?? null) !== (n.page ?? null) || FIGURE_FIRST.test(n.text.trim()) || !expectsFigure(n.text)) continue;
    const p = lines[i - 1];
    if (p && expectsFigure(p.text)) continue;
    lines[i] = n;
    lines[i + 1] = f;
    i++;
  }
}
