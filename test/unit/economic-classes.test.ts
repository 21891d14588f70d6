import { describe, expect, it } from "vitest";
import { emptyRow } from "../../src/loaders/tables.js";
import { codeEconomicClasses, economicClassCode } from "../../src/model/economic-classes.js";
import type { Row } from "../../src/model/document.js";

/** Rows as the layout reader leaves a table read by kind alone whose rows are named, not coded. */
const rows = (...names: string[]): Row[] =>
  names.map((n, i) => {
    const r = emptyRow(n, { file: "t.txt", line: i + 1 });
    if (n === "合计") Object.assign(r, { kind: "department", name: n });
    else Object.assign(r, { kind: "item", name: n });
    return r;
  });
const shape = (rs: Row[]) => rs.map((r) => [r.kind, r.unit, r.code, r.name]);

describe("经济分类 类 printed by name (广州's 部门预算基本支出预算表)", () => {
  it("knows the 类 by their names, brackets full-width or not", () => {
    expect(economicClassCode("工资福利支出")).toBe("301");
    expect(economicClassCode("对个人和家庭的补助")).toBe("303");
    expect(economicClassCode("资本性支出（基本建设）")).toBe("309");
    expect(economicClassCode("资本性支出(基本建设)")).toBe("309");
    expect(economicClassCode("办公费")).toBeNull();
  });

  it("each unit, then its 类: the units become unit rows, the 类 their codes", () => {
    const rs = rows("合计", "甲局（本级）", "工资福利支出", "商品和服务支出", "乙中心", "工资福利支出");
    codeEconomicClasses(rs);
    expect(shape(rs)).toEqual([
      ["department", null, null, "合计"],
      ["unit", "甲局（本级）", null, "甲局（本级）"],
      ["code", "甲局（本级）", "301", "工资福利支出"],
      ["code", "甲局（本级）", "302", "商品和服务支出"],
      ["unit", "乙中心", null, "乙中心"],
      ["code", "乙中心", "301", "工资福利支出"],
    ]);
  });

  it("a department's 类 alone: codes of no unit", () => {
    const rs = rows("合计", "工资福利支出", "对个人和家庭的补助");
    codeEconomicClasses(rs);
    expect(shape(rs)).toEqual([
      ["department", null, null, "合计"],
      ["code", null, "301", "工资福利支出"],
      ["code", null, "303", "对个人和家庭的补助"],
    ]);
  });

  it("a row that is neither a 类 nor followed by one (a project, a 款): the table is left as it was", () => {
    for (const names of [
      ["合计", "甲局", "工资福利支出", "基础研究计划"],
      ["合计", "甲局", "基本工资", "津贴补贴"],
      ["合计", "基础研究计划", "企业创新计划"],
    ]) {
      const rs = rows(...names);
      const before = shape(rs);
      codeEconomicClasses(rs);
      expect(shape(rs)).toEqual(before);
    }
  });
});
