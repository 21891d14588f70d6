import { describe, expect, it } from "vitest";
import { itemCode } from "../../src/rules/item-code.js";
import { runCases } from "../helpers/cases.js";
import { check } from "../helpers/docs.js";
import { classified, pages, twoSided } from "../helpers/tables.js";

// 表1 on lines 1–8 (its third expenditure item on line 8); 表7 from line 9 names 206, 20607 and 2060702.
const doc = (item: string) =>
  pages(
    twoSided(1, `一、政府预算拨款→10→一、科学技术支出→10\n1. 一般公共预算拨款→10→科学技术普及→10\n→→${item}→10`),
    classified(7, "甲单位→→→10→0→10\n→206→科学技术支出→10→0→10\n→20607→科学技术普及→10→0→10\n→2060702→科普活动→10→0→10"),
  );

runCases(itemCode, {
  accept: [
    { name: "every 表1 expenditure item is the name of a code printed in 表7", text: doc("科普活动") },
    // 江苏's 财政拨款收支预算总表 prints its expenditure by purpose (支出用途): no function code is theirs.
    { name: "an expenditure line by purpose (基本支出, 项目支出, 单位预留机动经费) is no function item", text: doc("基本支出") },
    { name: "单位预留机动经费 is no function item either", text: doc("单位预留机动经费") },
  ],
  reject: [
    {
      name: "科普讲座活动 is the name of no code",
      text: doc("科普讲座活动"),
      findings: [{ severity: "warning", withinRounding: false, stated: null, computed: null, difference: null, tolerance: null, line: 8, table: "T1", code: null, item: "科普讲座活动", column: "项目" }],
    },
  ],
});

describe("item-code on a document that prints no function code at all", () => {
  const noCodes = (item: string) =>
    pages(
      twoSided(1, `一、政府预算拨款→10→一、科学技术支出→10\n1. 一般公共预算拨款→10→科学技术普及→10\n→→${item}→10`),
      classified(7, "甲单位→→→10→0→10"),
    );

  it("says once per table, as a note, that its named items cannot be checked code by code", () => {
    const fs = check(itemCode, noCodes("科普活动"));
    expect(fs.map((f) => [f.severity, f.table])).toEqual([["info", "T1"]]);
    expect(fs[0].message).toMatch(/^T1 \[项目\]: 3 expenditure items of T1 are printed by name and no table of the document prints function codes/);
  });
});
