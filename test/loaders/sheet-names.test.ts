import { describe, expect, it } from "vitest";
import { numberedOtherwise } from "../../src/loaders/cell-forms.js";
import { shenzhen } from "../../src/templates/shenzhen.js";

/*
 * Worksheets (or CSV files) named as another layout numbers its tables — 表4 财政拨款收支预算总表, 表5 一般公共预算财政拨款
 * 支出预算表, 表7 三公, as 重庆's are — are not Shenzhen's, whatever kinds Shenzhen's reader finds in them (it read 重庆's
 * 表5 as its 项目支出总表: 10 false errors). The layout reader's numberedOtherwise, for the names.
 */
describe("worksheets or files named as another layout numbers its tables", () => {
  const CHONGQING = ["表1 收支预算总表", "表2 收入预算总表", "表3 支出预算总表", "表4 财政拨款收支预算总表", "表5 一般公共预算财政拨款支出预算表", "表6 一般公共预算财政拨款基本支出预算表", "表7 一般公共预算“三公”经费支出预算表", "表8 政府性基金预算支出表", "表9 国有资本经营预算支出表", "表10 部门整体支出绩效目标表"];

  it("are numbered otherwise than Shenzhen's: its titles under other numbers, other kinds under its numbers", () => {
    expect(numberedOtherwise(CHONGQING, shenzhen)).toBe(true);
    expect(numberedOtherwise(CHONGQING.map((n) => `${n}.csv`), shenzhen)).toBe(true);
  });

  it("fails: Shenzhen's own names, bare numbers, and two titles numbered otherwise beside three as its own", () => {
    const own = ["表1 收支总表", "表2 收入总表", "表3 支出总表", "表4 基本支出总表", "表5 项目支出总表", "表6 政府预算拨款收支总表", "表7 一般公共预算支出表（按功能分类）", "表9 一般公共预算“三公”经费支出表"];
    expect(numberedOtherwise(own, shenzhen)).toBe(false);
    expect(numberedOtherwise(["表1", "表2", "表3", "表4", "表5", "表6"], shenzhen)).toBe(false);
    expect(numberedOtherwise(["表1 收支总表", "表2 收入总表", "表3 支出总表", "表4 财政拨款收支总表", "表7 一般公共预算“三公”经费支出表"], shenzhen)).toBe(false);
  });
});
