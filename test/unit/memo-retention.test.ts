import { runInNewContext } from "node:vm";
import { setFlagsFromString } from "node:v8";
import { describe, expect, it } from "vitest";
import { normaliseName, ownString } from "../../src/model/names.js";
import { splitProjectName, unitCore } from "../../src/claims/match.js";
import { templateByTitle } from "../../src/templates/index.js";
import { shenzhen } from "../../src/templates/shenzhen.js";

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

  it("ownString keeps the text and drops the string it was cut from", () => {
    const before = heapAfterCollection();
    const kept: string[] = [];
    for (let i = 0; i < 40; i++) kept.push(ownString(nameCutFrom(i, "一般公共服务支出其他支出")));
    expect(kept[7]).toBe("一般公共服务支出其他支出7");
    expect(heapAfterCollection() - before).toBeLessThan(8 * MB);
    expect(ownString("短名")).toBe("短名");
  });
});
