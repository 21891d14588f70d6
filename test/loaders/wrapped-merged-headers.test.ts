import { describe, expect, it } from "vitest";
import { headerLeaves, nameColumns } from "../../src/loaders/layout/header.js";
import type { LayoutToken } from "../../src/loaders/layout/types.js";
import { generic } from "../../src/templates/generic.js";
import type { TableKind } from "../../src/model/document.js";

/*
 * Headers whose long labels wrap inside their merged cells (test/fixtures/guangdong-pdf, round 46's 广东 probe): 财政拨款
 * over 小计 · 一般公共预算 · 政府性基金预算 · 国有资本经营预 / 算, between 合计 and 财政专户管理资 / 金, each of those merged
 * down both header rows and centred down its cell. The wrapped labels' lines straddle the line under the group label.
 */

const specsOf = (kind: TableKind) => generic.tables.find((t) => t.kind === kind)!.columns;
const leafText = (l: { text: string; groups: string[] }) => [...l.groups, l.text].join("/");
/** A PDF's text run: its left and right edge in points, and its box. */
const run = (text: string, x0: number, x1: number): LayoutToken => ({ text, x0, x1, box: { x: x0, y: 0, width: x1 - x0, height: 10 } });

/** 表2 部门收入总表's header as the PDF's text runs give it, line by line (the 广东 probe's, in points). */
const INCOME_PDF: LayoutToken[][] = [
  [run("财政拨款", 493.2, 529.2)],
  [run("财政专户管理资", 660.1, 723.1)],
  [run("科目编码", 55.1, 91.1), run("科目名称", 181.4, 217.4), run("合计", 321.7, 339.7), run("国有资本经营预", 587.9, 650.9), run("单位资金", 745.8, 781.8)],
  [run("小计", 393.9, 411.9), run("一般公共预算", 448.1, 502.1), run("政府性基金预算", 515.8, 578.8), run("金", 687.1, 696.1)],
  [run("算", 614.9, 623.9)],
];

describe("a group label over a row of labels, beside labels wrapped and merged down both rows", () => {
  it("财政拨款 over 小计 · 一般公共预算 · 政府性基金预算 · 国有资本经营预算, not over 合计 or 财政专户管理资金", () => {
    const leaves = headerLeaves(INCOME_PDF);
    expect(leaves.map(leafText).slice(0, 7)).toEqual(["科目编码", "科目名称", "合计", "财政拨款/小计", "财政拨款/一般公共预算", "财政拨款/政府性基金预算", "财政拨款/国有资本经营预算"]);
    const h = nameColumns(leaves, specsOf("income"));
    expect(h.unnamed).toEqual([]);
    expect(h.specs.map((s) => s.key)).toEqual(["total", "allocation", "general-public", "gov-fund", "state-capital", "special-account", "unit-funds"]);
  });
});
