/**
 * A table's money-unit line as departments print it, spaces removed: 单位：万元 · 金额单位：元 · 单位:元 ·
 * （单位：元） · 单位：人民币元 · 计量单位：万元 · （万元）. The unit (万元, 元, 千元, 亿元) is group `unit`.
 * A unit line not understood leaves the table in its template's unit: in 元 read as 万元, every figure is
 * ten thousand times off and every identity between it and the text fails.
 */
export const MONEY_UNIT_LINE = /^[(（]?(?:(?:金额|计量|货币)?单位[:：]?(?:人民币)?|人民币)?(?<unit>万元|元|千元|亿元)[)）]?$/;

/** The money unit a line (or a cell) states, or null; spaces are ignored. */
export function moneyUnitOf(text: string): string | null {
  const t = text.replace(/\s+/g, "");
  // A bare unit is a unit line only in brackets: a cell that says 元 or 万元 alone is a header's word.
  if (!/单位|人民币/.test(t) && !/^[(（].*[)）]$/.test(t)) return null;
  const m = MONEY_UNIT_LINE.exec(t);
  return m ? m.groups!.unit : null;
}

/**
 * A money-unit statement at the end of a piece, after other words (group 1: the words; 2: the statement); its
 * words may be letter-spaced as a table's head often sets them (单 位：元, 金 额 单 位：万 元).
 */
const TRAILING_UNIT = /^(.*?\S)\s*([(（]?(?:金\s*额|计\s*量|货\s*币)?\s*单\s*位\s*[:：]\s*(?:人\s*民\s*币)?\s*(?:万\s*元|元|千\s*元|亿\s*元)\s*[)）]?)\s*$/;

/**
 * A department line and the unit line printed as one piece (编制部门：某局 单位：元, a single space or none
 * between, as a web page, a Word document or a PDF that sets them in one run joins them): the words before
 * the unit and the unit; else the text as it is and null.
 */
export function trailingMoneyUnit(text: string): { before: string; unit: string | null } {
  const m = TRAILING_UNIT.exec(text);
  const unit = m ? moneyUnitOf(m[2]) : null;
  return unit ? { before: m![1], unit } : { before: text, unit: null };
}
