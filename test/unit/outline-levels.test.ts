import { describe, expect, it } from "vitest";
import { emptyRow } from "../../src/loaders/tables.js";
import { cellsOfColumn, placeTokens, type OutlinePiece } from "../../src/loaders/layout/outline.js";
import type { LayoutLine, LayoutToken } from "../../src/loaders/layout/types.js";
import { makeAmount } from "../../src/model/amount.js";
import type { Row, Table } from "../../src/model/document.js";
import { levelTrees } from "../../src/model/queries.js";

/** An outline's rows: each `[level, name, figure]` (level 0: the 合计 row), as the readers leave them. */
function outline(spec: [number, string, string | null][], isOutline = true): Table {
  const rows: Row[] = spec.map(([level, name, figure], i) => {
    const r = emptyRow(name, { file: "t.txt", line: i + 1 });
    Object.assign(r, level ? { kind: "item", name, level } : { kind: "department", name });
    if (figure) r.cells.total = { text: figure, amount: makeAmount(figure, { file: "t.txt", line: i + 1 }), location: { file: "t.txt", line: i + 1 } };
    return r;
  });
  return { id: "T20", kind: "procurement", title: "政府采购支出预算表", unit: "万元", department: null, columns: [], rows, location: { file: "t.txt" }, pages: 1, ...(isOutline ? { outline: true as const } : {}) };
}
const names = (rs: Row[] | undefined) => (rs ?? []).map((r) => r.name);

describe("an outline's levels (label columns) and its sums", () => {
  const t = outline([
    [0, "合计", "2744.84"],
    [1, "货物", "303.40"],
    [3, "信息网络及软件购置更新", "100.00"], // a project and its economic item on one row: the item's level
    [4, "路由器", "25.00"],
    [4, "计算机软件", "75.00"],
    [3, "专用设备购置", "203.40"], // the same project's next economic item: not under the row before
    [4, "其他专用设备", "203.40"],
    [1, "服务", "2441.44"],
    [2, "物业管理", null], // a heading: its rows are the category's
    [4, "物业管理服务", "2441.44"],
  ]);

  it("puts a row under the nearest row above it at a lower level that prints a figure", () => {
    const [tree] = levelTrees(t);
    expect(tree.row?.name).toBe("合计");
    expect(names(tree.top)).toEqual(["货物", "服务"]);
    const byName = (n: string) => t.rows.find((r) => r.name === n)!;
    expect(names(tree.children.get(byName("货物")))).toEqual(["信息网络及软件购置更新", "专用设备购置"]);
    expect(names(tree.children.get(byName("信息网络及软件购置更新")))).toEqual(["路由器", "计算机软件"]);
    expect(names(tree.children.get(byName("专用设备购置")))).toEqual(["其他专用设备"]);
    // The heading is listed (no figure: no part of the sum) and is no parent: its item is the category's.
    expect(names(tree.children.get(byName("服务")))).toEqual(["物业管理", "物业管理服务"]);
    expect(tree.children.get(byName("物业管理"))).toBeUndefined();
  });

  it("leaves a table by indentation as it was: a row's parent is one level above it", () => {
    const u = outline([[1, "科学技术支出", "10"], [2, "技术研究与开发", null], [3, "机构运行", "10"]], false);
    const [tree] = levelTrees(u);
    expect(names(tree.children.get(u.rows[1]))).toEqual(["机构运行"]);
    expect(names(tree.children.get(u.rows[0]))).toEqual(["技术研究与开发"]);
  });
});

const tok = (text: string, x0: number, cell?: number): LayoutToken => ({ text, x0, x1: x0 + text.length, ...(cell !== undefined ? { cell } : {}) });
const line = (n: number, page = 1): LayoutLine => ({ page, line: n, text: "" });

describe("an outline as a layout prints it (layout/outline.ts)", () => {
  const columns = [{ x0: 0, x1: 5 }, { x0: 11, x1: 15 }, { x0: 25, x1: 29 }, { x0: 33, x1: 39 }, { x0: 46, x1: 52 }];

  it("places a page's words in the header's columns, a continuation page printed further left too", () => {
    // The header's page: a project at 10, its economic item at 20 and 24, items at 32, 采购组织形式 at 45.
    expect(placeTokens([tok("一、货物 A", 0), tok("办公设备购置", 10), tok("办公设备购置", 24), tok("办公设备购置", 20), tok("复印机", 32), tok("部门集中采购", 45)], columns)).toEqual([0, 1, 2, 2, 3, 4]);
    // A page nine characters further left: 检察教育培训 is a project, 培训费 an economic item (not both projects).
    expect(placeTokens([tok("检察教育培训", 6), tok("培训费", 15), tok("物业管理服务", 24), tok("分散自行组织", 34)], columns)).toEqual([1, 2, 3, 4]);
    // In cells, by the cell.
    expect(placeTokens([tok("复印机", 60, 3), tok("合计", 0, 0)], columns.map((c, i) => ({ ...c, cell: i })))).toEqual([3, 0]);
  });

  it("gives each wrapped label the line of figures it is centred on", () => {
    const piece = (n: number, text: string): OutlinePiece => ({ line: line(n), token: tok(text, 32), column: 3 });
    // 台式计算机（20 / 万以下） around 673, 便携式计算机（20 / 万以下） around 677, 复印机 on 684.
    const cells = cellsOfColumn([piece(672, "台式计算机（20"), piece(674, "万以下）"), piece(676, "便携式计算机（20"), piece(678, "万以下）"), piece(684, "复印机")], [669, 673, 677, 684]);
    expect(cells.map((c) => [c.figure, c.pieces.map((p) => p.token.text).join("")])).toEqual([
      [673, "台式计算机（20万以下）"],
      [677, "便携式计算机（20万以下）"],
      [684, "复印机"],
    ]);
    // A project wrapped over seven lines (blank lines between) around its row's figure, the next row's figure after it.
    const project = cellsOfColumn([piece(690, "网络、电子检"), piece(692, "务、实验室、机"), piece(694, "要通道、档案数"), piece(696, "字化系统运行"), piece(698, "维护费")], [694, 700]);
    expect(project.map((c) => c.figure)).toEqual([694]);
    // Words near no line of figures: a heading of their own.
    expect(cellsOfColumn([piece(650, "一般公共预算资金")], [660]).map((c) => c.figure)).toEqual([null]);
  });
});
