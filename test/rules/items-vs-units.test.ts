import { itemsVsUnits } from "../../src/rules/items-vs-units.js";
import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { runCases } from "../helpers/cases.js";
import { doc as read } from "../helpers/docs.js";
import { classified, pages, twoSided } from "../helpers/tables.js";

// Two units' code rows, each 206 / 20607 / 2060701 with the same amount: they name the codes of 表1's items.
const units = (a: number, b: number) =>
  [`甲单位→→→${a}→${a}→0`, `→206→科学技术支出→${a}→${a}→0`, `→20607→科学技术普及→${a}→${a}→0`, `→2060701→机构运行→${a}→${a}→0`,
   `乙单位→→→${b}→${b}→0`, `→206→科学技术支出→${b}→${b}→0`, `→20607→科学技术普及→${b}→${b}→0`, `→2060701→机构运行→${b}→${b}→0`].join("\n");

// 表1 or 表6 on lines 1–8 (科学技术支出 on 6, 科学技术普及 on 7, 机构运行 on 8), then 表3 or 表7 from line 9:
// 甲单位's 2060701 on line 16, 乙单位's on line 20.
const doc = (summary: 1 | 6, jigou: string, source: 3 | 7 = 3) =>
  pages(
    twoSided(summary, `一、政府预算拨款→30→一、科学技术支出→30\n1. 一般公共预算拨款→30→科学技术普及→30\n→→机构运行→${jigou}`),
    classified(source, units(10, 20)),
  );

runCases(itemsVsUnits, {
  accept: [
    { name: "表1 each item = Σ units of 表3 for its code (30 = 10 + 20)", text: doc(1, "30") },
    { name: "表6 each item = Σ units of 表7", text: doc(6, "30", 7) },
    { name: "表1 alone: no unit table to compare with", text: twoSided(1, "一、政府预算拨款→30→一、科学技术支出→30") },
  ],
  reject: [
    {
      // 31 vs 10 + 20: ½ + ½ + ½.
      name: "表1 机构运行 31 ≠ 10 + 20, within rounding",
      text: doc(1, "31"),
      findings: [{ severity: "info", stated: "31", computed: "30", difference: "1", tolerance: "1.5", line: 8, table: "T1", code: "2060701", item: "机构运行", column: "预算数", related: [16, 20] }],
    },
    {
      name: "表1 机构运行 35 ≠ 10 + 20, beyond rounding",
      text: doc(1, "35"),
      findings: [{ severity: "error", stated: "35", computed: "30", difference: "5", tolerance: "1.5", line: 8, code: "2060701" }],
    },
    {
      name: "表6 机构运行 28 ≠ 表7's 10 + 20, beyond rounding",
      text: doc(6, "28", 7),
      findings: [{ severity: "error", stated: "28", computed: "30", difference: "-2", tolerance: "1.5", line: 8, table: "T6", code: "2060701", related: [16, 20] }],
    },
  ],
});

describe("items-vs-units where a source table is printed but was not read", () => {
  // (四川's PDF: its 政府性基金预算支出表's columns uncertain. 表6's 35 holds the fund's 5 too; 表7's units, 30.)
  const text = pages(
    twoSided(6, "一、政府预算拨款→35→一、科学技术支出→35\n1. 一般公共预算拨款→30→科学技术普及→35\n2. 政府性基金预算拨款→5→机构运行→35"),
    classified(7, units(10, 20)),
  );
  const run = (unread: boolean) => {
    const d = read(text);
    if (unread) d.unknownTables = [{ title: "政府性基金预算支出表（列位置不确定 columns uncertain）", kind: "gov-fund", location: { file: "case.md", line: 21 } }];
    return runRules(d, [itemsVsUnits], { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error");
  };

  it("does not compare 表6 with the tables that were read: the unread one's figures are missing from the sum", () => {
    expect(run(true)).toEqual([]);
  });

  it("fails: an unread second printing of a kind that was read (表7 by unit) does not stop the comparison", () => {
    // (No 政府性基金 money in 表6 here: its items are compared.)
    const d = read(text.replace("政府性基金预算拨款→5", "政府性基金预算拨款→0").replace("一般公共预算拨款→30", "一般公共预算拨款→35"));
    d.unknownTables = [{ title: "一般公共预算支出表（分单位）（表头未能识别）", kind: "general-function", location: { file: "case.md", line: 21 } }];
    expect(runRules(d, [itemsVsUnits], { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error")).toHaveLength(3);
  });

  it("with no 政府性基金 table printed where 表6 shows its money (its 政府性基金预算拨款 5): not checked, and said so", () => {
    const d = read(text);
    const fs = runRules(d, [itemsVsUnits], { tolerance: { kind: "auto" }, lang: "en" });
    expect(fs.filter((f) => f.severity !== "info")).toEqual([]);
    expect(fs.filter((f) => /not checked/.test(f.message)).map((f) => [f.severity, f.table, f.message])).toEqual([
      ["info", "T6", "T6 [预算数]: the document prints no 政府性基金预算支出表 (government fund budget): the items of T6 that hold its money are not checked"],
    ]);
  });

  it("fails: with no 政府性基金 table printed and none of its money in 表6, 表6's 35 against 表7's 30 is an error", () => {
    const none = pages(
      twoSided(6, "一、政府预算拨款→35→一、科学技术支出→35\n1. 一般公共预算拨款→35→科学技术普及→35\n2. 政府性基金预算拨款→0→机构运行→35"),
      classified(7, units(10, 20)),
    );
    expect(runRules(read(none), [itemsVsUnits], { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error").map((f) => [f.code, f.stated, f.computed])).toEqual([
      ["206", "35", "30"],
      ["20607", "35", "30"],
      ["2060701", "35", "30"],
    ]);
  });
});
