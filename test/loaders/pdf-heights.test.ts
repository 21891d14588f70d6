import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { layoutDocument } from "../../src/loaders/layout/index.js";
import type { LayoutLine } from "../../src/loaders/layout/types.js";
import { rules } from "../../src/rules/index.js";
import { templateByName } from "../../src/templates/index.js";

/*
 * A PDF page's lines as the PDF reader gives them (each piece with its box), where a table's cells set their
 * words to the top, the middle or the bottom (a spreadsheet's default) and a narrow column wraps a name: the
 * rows part where the gap between lines is widest (a cell's padding), so a name's lines above its figures
 * (bottom) or below them (top) are that row's. Built here piece by piece: no font is needed.
 */
const LINE = 10; // between a cell's lines
const ROW = 14; // between two rows (padding and border)

type Piece = [x: number, text: string];
type Row = { gap: number; pieces: Piece[] };

/** Lines from the top of page 1 down: each a list of [x, text] pieces, `gap` above it. */
function page(rows: Row[]): LayoutLine[] {
  let y = 800;
  return rows.map((r, i) => {
    y -= r.gap;
    const tokens = r.pieces.map(([x, text]) => ({ text, x0: x, x1: x + 8 * [...text].length, box: { x, y, width: 8 * [...text].length, height: 8.8 } }));
    return { page: 1, line: i + 1, text: r.pieces.map(([, t]) => t).join("    "), tokens };
  });
}

const shenzhen = templateByName("shenzhen")!;
const errors = (lines: LayoutLine[]) => runRules(layoutDocument("p.pdf", lines, "pdf", { template: shenzhen }), rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error");

const head = (title: string, header: Piece[]): Row[] => [
  { gap: 0, pieces: [[200, title]] },
  { gap: ROW, pieces: [[10, "单位：万元"]] },
  { gap: ROW, pieces: header },
];

describe("a PDF table whose names wrap in cells set to the top or the bottom", () => {
  // 表12: task name | content | 总额 | 财政拨款; a two-line name, its figures on its last line (bottom) or first (top).
  const TASKS: Piece[] = [[10, "年度主要任务"], [60, "任务名称"], [150, "主要内容"], [400, "总额"], [450, "其中：财政拨款"]];
  // A name over two or three lines: its figures on its last line (bottom) or its first (top).
  const task = (name: string[], content: string, total: string, at: "top" | "bottom"): Row[] => {
    const own: Piece[] = [[150, content], [400, total], [450, total]];
    const lines: Row[] = name.map((n, k) => ({ gap: k ? LINE : ROW, pieces: [[60, n]] }));
    lines[at === "bottom" ? lines.length - 1 : 0].pieces.push(...own);
    return lines;
  };
  for (const at of ["top", "bottom"] as const)
    it(`表12, names set to the ${at}: each task's name whole, the tasks adding up to 金额合计`, () => {
      const lines = page([
        ...head("部门整体支出绩效目标表", TASKS),
        { gap: ROW, pieces: [[60, "基本支出"], [150, "人员和公用经费"], [400, "300"], [450, "300"]] },
        ...task(["科协组织建设", "与事业发展"], "科普活动运行管理", "60", at),
        ...task(["信息化新建项", "目（非政府投", "资项目）"], "内控系统改造", "10", at),
        { gap: ROW, pieces: [[60, "金额合计"], [400, "370"], [450, "370"]] },
      ]);
      const doc = layoutDocument("p.pdf", lines, "pdf", { template: shenzhen });
      const tasks = doc.tables.find((t) => t.kind === "performance")!.rows.filter((r) => r.kind === "item");
      expect(tasks.map((r) => r.name)).toEqual(["基本支出", "科协组织建设与事业发展", "信息化新建项目（非政府投资项目）"]);
      expect(errors(lines).map((f) => f.message)).toEqual([]);
    });

  // 支出总表 by 预算单位 | 科目编码 | 科目名称 | amounts: a unit's name over two lines, set to the top or the bottom.
  const UNITS: Piece[] = [[10, "预算单位"], [90, "科目编码"], [150, "科目名称"], [320, "支出总计"], [380, "基本支出"], [440, "项目支出"]];
  const figures = (...a: string[]): Piece[] => a.map((t, k) => [320 + 60 * k, t]);
  const unit = (name: [string, string], total: string[], at: "top" | "bottom"): Row[] =>
    at === "bottom"
      ? [{ gap: ROW, pieces: [[10, name[0]]] }, { gap: LINE, pieces: [[10, name[1]], ...figures(...total)] }]
      : [{ gap: ROW, pieces: [[10, name[0]], ...figures(...total)] }, { gap: LINE, pieces: [[10, name[1]]] }];
  for (const at of ["top", "bottom"] as const)
    it(`支出总表, units' names set to the ${at}: each unit's row its own, its sums holding`, () => {
      const lines = page([
        ...head("支出总表", UNITS),
        { gap: ROW, pieces: [[10, "深圳市某局"], ...figures("150", "100", "50")] },
        ...unit(["深圳市某局", "(本级)"], ["120", "80", "40"], at),
        { gap: ROW, pieces: [[90, "206"], [150, "科学技术支出"], ...figures("120", "80", "40")] },
        { gap: ROW, pieces: [[90, "2060701"], [150, "机构运行"], ...figures("120", "80", "40")] },
        ...unit(["深圳市某服务", "中心"], ["30", "20", "10"], at),
        { gap: ROW, pieces: [[90, "206"], [150, "科学技术支出"], ...figures("30", "20", "10")] },
        { gap: ROW, pieces: [[90, "2060701"], [150, "机构运行"], ...figures("30", "20", "10")] },
      ]);
      const doc = layoutDocument("p.pdf", lines, "pdf", { template: shenzhen });
      const table = doc.tables.find((t) => t.kind === "expenditure")!;
      expect(table.rows.filter((r) => r.kind === "unit").map((r) => r.unit)).toEqual(["深圳市某局(本级)", "深圳市某服务中心"]);
      expect(errors(lines).map((f) => f.message)).toEqual([]);
    });

  it("支出总表, a 科目名称 set to the bottom on the first row under the header: that code's name, not a header line", () => {
    const lines = page([
      ...head("支出总表", UNITS),
      { gap: ROW, pieces: [[150, "机关事业单位职业年"]] },
      { gap: LINE, pieces: [[90, "2080506"], [150, "金缴费支出"], ...figures("25", "25", "0")] },
      { gap: ROW, pieces: [[90, "2080505"], [150, "机关事业单位基本养老保险缴费支出"], ...figures("52", "52", "0")] },
    ]);
    const rows = layoutDocument("p.pdf", lines, "pdf", { template: shenzhen }).tables.find((t) => t.kind === "expenditure")!.rows;
    expect(rows.map((r) => [r.code, r.name])).toEqual([
      ["2080506", "机关事业单位职业年金缴费支出"],
      ["2080505", "机关事业单位基本养老保险缴费支出"],
    ]);
  });
});
