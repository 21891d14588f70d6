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
