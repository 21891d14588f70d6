import { describe, expect, it } from "vitest";
import { contentsHeader, tableEntry, titlesTable } from "../../src/loaders/contents-tables.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { SMALL_SUMMARY } from "../helpers/layout.js";

/*
 * A 目录 that lists the tables by their numbers in Chinese numerals (天津's cover sheet: 表一 部门收支总表 … 表十
 * 项目支出绩效目标表, a row each, 序号 | 表名 | 页码 over them). Before round 49 only 一、… / 1. / （一） numbering and
 * dot leaders were read as entries: the 目录 ended at its header row, and a table it listed that the document does
 * not print was never said to be missing.
 */
describe("a 目录's entries that list tables by number", () => {
  it("表一 … 表十二, 附表一, 表8, 附表3 followed by a title; not 表一般…, a bare 表八 or a sentence", () => {
    for (const t of ["表一 部门收支总表", "表八    政府性基金预算支出表    8", "表十二 项目支出绩效目标表", "附表一 部门收支总表", "表8 政府性基金预算支出表", "附表3 一般公共预算支出表", "表十、项目支出绩效目标表"])
      expect(tableEntry(t), t).toBe(true);
    for (const t of ["表一般公共预算支出", "表八", "表8", "收支总表", "一、部门收支总表"]) expect(tableEntry(t), t).toBe(false);
  });

  it("the header row of a 目录 printed as a table", () => {
    for (const t of ["序号 表名 页码", "序号    表名    页码", "编号 表格名称 页次", "表名"]) expect(contentsHeader(t), t).toBe(true);
    for (const t of ["序号 表名 页码 备注说明", "项目 预算数"]) expect(contentsHeader(t), t).toBe(false);
  });

  it("a table's own title is no entry: its money unit's line follows it (not 编报单位：…)", () => {
    const lines = ["表一", "某局2026年部门收支总表", "预算单位：某局    单位：元", "编报单位：某局 编报日期：2026年2月"];
    expect(titlesTable((k) => lines[k], 0)).toBe(true);
    expect(titlesTable((k) => ["表九 国有资本经营预算支出表", "表十 项目支出绩效目标表", lines[3]][k], 0)).toBe(false);
  });

  const doc = (entries: string[]) =>
    loadLayoutText(
      "contents.txt",
      ["某局2026年部门预算", "", "目录", ...entries, "编报单位：某局        编报日期：2026年2月", "", "第一部分 概况", "某局是市政府工作部门，主要职责是：贯彻落实有关方针政策。", "", "表一", SMALL_SUMMARY].join("\n"),
    );

  it("fails: a 目录 in Chinese-numbered rows under 序号 | 表名 | 页码 lists its tables, 表八 among them", () => {
    const entries = ["序号        表名                      页码", "表一        部门收支总表                 1", "表八        政府性基金预算支出表         8"];
    const d = doc(entries);
    expect(d.contents.map((e) => [e.kind, e.tableId, e.title])).toEqual([
      ["table", d.tables[0].id, "部门收支总表"],
      ["table", "T9", "政府性基金预算支出表"],
    ]);
    // The table printed after the body is still read under its title (表一 above it, its 单位 line below).
    expect(d.tables.map((t) => t.kind)).toEqual(["summary"]);
  });
});
