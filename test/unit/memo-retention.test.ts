import { runInNewContext } from "node:vm";
import { setFlagsFromString } from "node:v8";
import { describe, expect, it } from "vitest";
import { normaliseName, ownString } from "../../src/model/names.js";
import { mapArray } from "../../src/util/arrays.js";
import { splitProjectName, unitCore } from "../../src/claims/match.js";
import { templateByTitle } from "../../src/templates/index.js";
import { shenzhen } from "../../src/templates/shenzhen.js";
import { parseTables, twoSidedRows } from "../../src/loaders/tables.js";
import { textLine } from "../../src/loaders/raw.js";

// The memos of names outlive the document a name was read from (a batch worker checks thousands).
// V8 makes a substring of 13 or more characters a view into the string it was cut from, so a memo
// that kept the name as cut kept the whole document's text alive: 433 documents' texts (23 MB) in a
// worker after 1,000 documents. These tests cut names from large texts, drop the texts and measure
// the heap after a full collection.

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

function heapAfterCollection(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** A document's text of ~1 MB (two-byte characters) with a name in the middle; returns the name as cut. */
function nameCutFrom(i: number, name: string): string {
  const filler = "项".repeat(250_000);
  const text = `${filler}${name}${i}${filler}`;
  const start = filler.length;
  return text.slice(start, start + name.length + String(i).length);
}

const MB = 1024 * 1024;

describe("memos of names keep no document's text alive", () => {
  it("normaliseName", () => {
    const before = heapAfterCollection();
    for (let i = 0; i < 40; i++) expect(normaliseName(nameCutFrom(i, "深圳市科学技术协会（本级）单位"))).toBe(`深圳市科学技术协会(本级)单位${i}`);
    // 40 texts of 1 MB each if the memo kept them.
    expect(heapAfterCollection() - before).toBeLessThan(8 * MB);
  });

  it("unitCore and splitProjectName", () => {
    const before = heapAfterCollection();
    for (let i = 0; i < 40; i++) {
      unitCore(nameCutFrom(i, "深圳市科学技术协会本级单位"));
      const split = splitProjectName(nameCutFrom(i, "信息化运维项目（市科学技术协会本级）第"));
      expect(split.base).toBe(`信息化运维项目第${i}`);
      expect(split.qualifiers).toEqual(["市科学技术协会本级"]);
    }
    expect(heapAfterCollection() - before).toBeLessThan(8 * MB);
  });

  it("templateByTitle (the titles looked up per template)", () => {
    const before = heapAfterCollection();
    const title = "一般公共预算支出表（按功能分类）";
    for (let i = 0; i < 40; i++) {
      // Lines cut from their documents' texts (a title with a page number after it, a note): remembered, as no title.
      expect(templateByTitle(shenzhen, nameCutFrom(i, title))).toBeUndefined();
      expect(templateByTitle(shenzhen, nameCutFrom(i, "本套报表金额单位转换时可能存在尾数误差"))).toBeUndefined();
    }
    expect(templateByTitle(shenzhen, title)?.kind).toBe("general-function");
    expect(templateByTitle(shenzhen, `## ${title}`)?.kind).toBe("general-function");
    expect(heapAfterCollection() - before).toBeLessThan(8 * MB);
  });

  it("the column maps of the tables' headers", () => {
    const before = heapAfterCollection();
    for (let i = 0; i < 40; i++) {
      // A header line cut from a text of ~1 MB, as a document's lines are; its last label is no column of the template's.
      const header = nameCutFrom(i, ["预算单位", "科目编码", "科目名称", "支出总计", "基本支出", "项目支出", "备注本栏说明资金来源及用途不计入合计"].join("\t"));
      const lines = ["一般公共预算支出表（按经济分类）", header, "\t501\t机关工资福利支出\t10\t10\t0"];
      const { tables } = parseTables(mapArray(lines, (l, n) => textLine("t.md", n + 1, l)), shenzhen);
      expect(tables[0].rows[0].cells.total?.text).toBe("10");
    }
    expect(heapAfterCollection() - before).toBeLessThan(8 * MB);
  });

  it("the roles of two-sided tables' rows, by name", () => {
    const before = heapAfterCollection();
    const T1 = shenzhen.tables.find((t) => t.id === "T1")!;
    for (let i = 0; i < 40; i++) {
      const name = nameCutFrom(i, "上年结转结余资金本年安排部分");
      const label = { text: name, amount: null, location: { file: "t.md", line: 1 } };
      expect(twoSidedRows(T1, [{ cells: { "income-label": label }, loc: { file: "t.md", line: 1 } }])[0].role).toBe("income-carryover");
    }
    expect(heapAfterCollection() - before).toBeLessThan(8 * MB);
  });

  it("ownString keeps the text and drops the string it was cut from", () => {
    const before = heapAfterCollection();
    const kept: string[] = [];
    for (let i = 0; i < 40; i++) kept.push(ownString(nameCutFrom(i, "一般公共服务支出其他支出")));
    expect(kept[7]).toBe("一般公共服务支出其他支出7");
    expect(heapAfterCollection() - before).toBeLessThan(8 * MB);
    expect(ownString("短名")).toBe("短名");
  });
});
