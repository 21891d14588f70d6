/**
 * A 目录's entries that list the tables by their numbers, as a workbook's cover sheet prints them (天津: a worksheet
 * 目录 of rows `序号 | 表名 | 页码` · `表一 | 部门收支总表 | 1` … `表十 | 项目支出绩效目标表 | 10`, or one cell
 * `表八 政府性基金预算支出表`): 表一 … 表十二 and 附表一 … in Chinese numerals, 表8 / 附表3 in figures, each followed by
 * its title; and the header row of a 目录 printed as a table.
 */

/** 表八 / 表十二 / 附表一 / 表 8 / 附表3, then the title (a space, a colon or a 、 between when the number is in words). */
const TABLE_NUMBER = /^附?\s*表\s*(?:[一二三四五六七八九十]+(?=[\s：:.．、])|\d+(?!\d))/;

/** The header row of a 目录 printed as a table: 序号 | 表名 | 页码 (also 编号, 表格名称 / 报表名称 / 名称, 页次). */
const HEADER = /^(?:序号|编号)?(?:表名|表格名称|报表名称|名称)(?:页码|页次)?$/;

/** A line that lists a table by its number and title (its page number after it or not). */
export const tableEntry = (t: string): boolean => TABLE_NUMBER.test(t.trim()) && /[\u4e00-\u9fff]{2,}/.test(t.trim().replace(TABLE_NUMBER, ""));

/** The header row of a 目录 printed as a table (its cells' words, spaces aside). */
export const contentsHeader = (t: string): boolean => HEADER.test(t.replace(/\s+/g, ""));

/**
 * Whether a line that lists a table by its number is the table's own title instead: its money unit's line (单位：元 ·
 * 预算单位：… 单位：万元; not 编报单位：某局) within the next three lines, as a table prints under its title and a 目录
 * never does.
 */
export function titlesTable(texts: (i: number) => string | undefined, i: number): boolean {
  for (let k = i + 1; k <= i + 3; k++) {
    const t = texts(k);
    if (t === undefined) return false;
    if (/单\s*位\s*[:：]\s*(?:人\s*民\s*币\s*)?(?:[千万亿]\s*)?元/.test(t)) return true;
  }
  return false;
}
