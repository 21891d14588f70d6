import { describe, expect, it } from "vitest";
import { printedTableNumber } from "../../src/templates/index.js";

/*
 * The number a table's title is printed with, kept as printed (the report's tables[].printed): a document read
 * by kind has its tables under the kinds' numbers, so the number the officer looks for is this one.
 */
describe("printedTableNumber", () => {
  it("reads the forms provinces print before a title, without their spaces", () => {
    expect(printedTableNumber("表8 政府性基金预算支出表")).toBe("表8");
    expect(printedTableNumber("表 8：政府性基金预算支出表")).toBe("表8");
    expect(printedTableNumber("表八、政府性基金预算支出表")).toBe("表八");
    expect(printedTableNumber("附表4 一般公共预算支出表")).toBe("附表4");
    expect(printedTableNumber("附表1-2 部门收入总表")).toBe("附表1-2");
    expect(printedTableNumber("部门公开表4")).toBe("部门公开表4");
    expect(printedTableNumber("公开07表 一般公共预算财政拨款项目支出决算表")).toBe("公开07表");
    expect(printedTableNumber("粤财预04表")).toBe("粤财预04表");
    expect(printedTableNumber("## 表10")).toBe("表10");
  });

  it("finds none in a title without a number, a year or a sentence", () => {
    expect(printedTableNumber("政府性基金预算支出表")).toBeNull();
    expect(printedTableNumber("表2026年部门收支总表")).toBeNull();
    expect(printedTableNumber("2026年部门收支总表")).toBeNull();
    expect(printedTableNumber("表七一般公共预算支出表")).toBeNull();
    expect(printedTableNumber("表格说明")).toBeNull();
  });
});
