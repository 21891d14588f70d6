import { describe, expect, it } from "vitest";
import { emptyRow } from "../../src/loaders/tables.js";
import { levelsByIndent } from "../../src/model/indent-levels.js";
import type { Row } from "../../src/model/document.js";

/**
 * Rows as the layout reader leaves a classified table read by kind alone whose rows are named, not coded:
 * each `[indent, name]`, 合计 the department's row, a name starting with 单位 a budget unit's.
 */
function rows(...spec: [number, string][]): { rows: Row[]; indent: (r: Row) => number | null } {
  const at = new Map<Row, number>();
  const rs = spec.map(([x, n], i) => {
    const r = emptyRow(n, { file: "t.txt", line: i + 1 });
    if (n === "合计") Object.assign(r, { kind: "department", name: n });
    else if (n.startsWith("单位")) Object.assign(r, { kind: "unit", name: n, unit: n });
    else Object.assign(r, { kind: "item", name: n });
    at.set(r, x);
    return r;
  });
  return { rows: rs, indent: (r) => at.get(r) ?? null };
}
const levels = (rs: Row[]) => rs.map((r) => r.level);

describe("类 / 款 / 项 told by indentation alone (杭州's tables by name)", () => {
  it("gives each row its level where the indentations make a tree of known 类", () => {
    const { rows: rs, indent } = rows([1, "合计"], [1, "科学技术支出"], [2, "技术研究与开发"], [3, "机构运行"], [3, "科技成果转化与扩散"], [1, "卫生健康支出"], [2, "行政事业单位医疗"], [3, "行政单位医疗"]);
    expect(levelsByIndent(rs, "function", indent, 0.5)).toBe(true);
    expect(levels(rs)).toEqual([null, 1, 2, 3, 3, 1, 2, 3]);
    // 行政运行 as a 项, under its 款: a tree.
    const b = rows([1, "一般公共服务支出"], [2, "政府办公厅（室）及相关机构事务"], [3, "行政运行"], [3, "一般行政管理事务"]);
    expect(levelsByIndent(b.rows, "function", b.indent, 0.5)).toBe(true);
    expect(levels(b.rows)).toEqual([1, 2, 3, 3]);
  });

  it("reads PDF points within the tolerance, and two levels of an economic table", () => {
    const { rows: rs, indent } = rows([43.5, "合计"], [43.95, "工资福利支出"], [53.95, "基本工资"], [54.1, "津贴补贴"], [43.5, "商品和服务支出"], [53.5, "办公费"]);
    expect(levelsByIndent(rs, "economic", indent, 2)).toBe(true);
    expect(levels(rs)).toEqual([null, 1, 2, 2, 1, 2]);
  });

  it("starts each budget unit's tree at the margin again", () => {
    const { rows: rs, indent } = rows([0, "单位甲"], [0, "工资福利支出"], [2, "基本工资"], [0, "单位乙"], [0, "商品和服务支出"], [2, "办公费"]);
    expect(levelsByIndent(rs, "economic", indent, 0.5)).toBe(true);
    expect(levels(rs)).toEqual([null, 1, 2, null, 1, 2]);
  });

  const untouched: [string, [number, string][], "function" | "economic", number][] = [
    // A list of projects, indented under their groups: no 类 at the margin.
    ["rows at the margin that are no 类 (a list of projects)", [[1, "基础研究计划"], [3, "重点实验室"], [1, "企业创新计划"], [3, "高新技术企业"]], "function", 0.5],
    // Names centred in their cells start wherever their length puts them.
    ["names centred in their cells (many starts)", [[10, "科学技术支出"], [9, "技术研究与开发"], [11, "机构运行"], [8, "科技成果转化与扩散"]], "function", 0.5],
    ["a row two levels below the one before it", [[1, "科学技术支出"], [3, "机构运行"], [2, "技术研究与开发"]], "function", 0.5],
    ["a first row that is not at the margin", [[2, "技术研究与开发"], [1, "科学技术支出"], [2, "基础研究"]], "function", 0.5],
    ["steps of uneven width (1, then 6 columns)", [[1, "科学技术支出"], [2, "技术研究与开发"], [8, "机构运行"]], "function", 0.5],
    ["one indentation only", [[1, "科学技术支出"], [1, "卫生健康支出"]], "function", 0.5],
    ["a 类 of the other classification at the margin", [[1, "工资福利支出"], [2, "基本工资"]], "function", 0.5],
    // 款 and 项 at one indentation: 类 = Σ of them would count each 项 twice.
    ["a 项 right under its 类 (行政运行 where a 款 should be)", [[1, "一般公共服务支出"], [2, "政府办公厅（室）及相关机构事务"], [2, "行政运行"], [2, "一般行政管理事务"]], "function", 0.5],
  ];
  for (const [name, spec, kind, tolerance] of untouched)
    it(`leaves every level null: ${name}`, () => {
      const { rows: rs, indent } = rows(...spec);
      expect(levelsByIndent(rs, kind, indent, tolerance)).toBe(false);
      expect(levels(rs).every((l) => l === null)).toBe(true);
    });

  it("leaves a table alone that prints codes, or whose classification is not known", () => {
    const a = rows([1, "科学技术支出"], [2, "技术研究与开发"]);
    Object.assign(a.rows[0], { kind: "code", code: "206" });
    expect(levelsByIndent(a.rows, "function", a.indent, 0.5)).toBe(false);
    const b = rows([1, "科学技术支出"], [2, "技术研究与开发"]);
    expect(levelsByIndent(b.rows, null, b.indent, 0.5)).toBe(false);
    const c = rows([1, "科学技术支出"], [2, "技术研究与开发"]);
    expect(levelsByIndent(c.rows, "function", (r) => (r === c.rows[1] ? null : 1), 0.5)).toBe(false);
    expect(levels(c.rows)).toEqual([null, null]);
  });
});
