import { describe, expect, it } from "vitest";
import { classifiedRows, type Item } from "../../src/loaders/tables.js";
import { shenzhen } from "../../src/templates/shenzhen.js";

/*
 * A 功能 or 经济 code printed with its name in one cell (2060701 机构运行, 30101基本工资): in the name's cell with no
 * code cell, or in the code's cell with no name. Before round 58 such a row was no code row: its table's sums went
 * unchecked and the text's figures were said to have no such code in the table.
 */
const T7 = shenzhen.tables.find((t) => t.number === 7)!;
const item = (code: string, name: string): Item => ({
  cells: { code: { text: code, amount: null, location: { file: "t.md", line: 1 } }, name: { text: name, amount: null, location: { file: "t.md", line: 1 } } },
  loc: { file: "t.md", line: 1 },
});
const read = (code: string, name: string) => {
  const [r] = classifiedRows(T7, [item(code, name)], null);
  return { kind: r.kind, code: r.code, name: r.name };
};

describe("a code and its name in one cell", () => {
  it.each([
    ["", "2060701 机构运行", "2060701", "机构运行"],
    ["", "206 科学技术支出", "206", "科学技术支出"],
    ["", "30101基本工资", "30101", "基本工资"],
    ["", "2060701\u3000机构运行", "2060701", "机构运行"],
    ["2060701 机构运行", "", "2060701", "机构运行"],
    ["２０６０７０１ 机构运行", "", "2060701", "机构运行"],
    ["2060701", "2060701 机构运行", "2060701", "机构运行"],
  ])("code cell %j, name cell %j: the code %s, the name %s", (codeCell, nameCell, code, name) => {
    expect(read(codeCell, nameCell)).toEqual({ kind: "code", code, name });
  });

  it.each([
    ["", "2023年预算数"],
    ["", "100万元以上项目"],
    ["", "300人次培训"],
    ["", "1234 某项"],
    ["", "206"],
  ])("code cell %j, name cell %j: no code is read from the name", (codeCell, nameCell) => {
    expect(read(codeCell, nameCell).code).toBeNull();
  });

  it("a code cell that prints a code leaves a name cell's own digits alone", () => {
    expect(read("2060701", "301 会议")).toEqual({ kind: "code", code: "2060701", name: "301 会议" });
  });
});
