import { describe, expect, it } from "vitest";
import { staffingSum } from "../../src/rules/staffing-sum.js";
import { checkText } from "../helpers/text.js";

const overview = (systemRetired: string, count = "2") => `
## 第一部分 部门概况
### 二、机构设置情况
本系统包括单位A、单位B、共${count}家基层单位。系统行政编制总数15人，实有在编人数11人；事业编制总数25人，实有在编人数21人；离休0人，退休${systemRetired}人。
1. 单位A为本级预算。行政编制总数 15 人，实有在编人数 11 人；事业编制总数 0 人，实有在编人数 0 人；离休 0 人，退休 15 人。
2. 单位B下设综合部。行政编制数 0 人，实有在编人数 0 人；事业编制数 25 人，实有在编

人数 21 人；离休 0 人，退休 21 人。
`;

describe("staffing-sum", () => {
  it("passes when every unit's staffing adds up to the system's (a unit's sentence broken over a page)", () => {
    expect(checkText(staffingSum, overview("36"))).toEqual([]);
  });

  it("reports a system total the units do not make, as an error even when off by one: counts are exact", () => {
    const fs = checkText(staffingSum, overview("37"));
    expect(fs.map((f) => [f.severity, f.item, f.location.line, f.stated, f.computed, f.tolerance])).toEqual([["error", "退休", 3, "37", "36", "0"]]);
  });

  it("reports a number of 基层单位 that differs from the units listed and described", () => {
    const fs = checkText(staffingSum, overview("36", "3"));
    expect(fs.map((f) => [f.severity, f.item, f.stated, f.computed])).toEqual([
      ["error", "基层单位", "3", "2"],
      ["error", "基层单位", "3", "2"],
    ]);
  });
});

describe("staffing-sum: a list of 基层单位 cut short with 等", () => {
  // Three units described, two named before 等共 3 家: the count is at least the names, not equal to them.
  const three = (names: string, count: string) =>
    overview("36")
      .replace("本系统包括单位A、单位B、共2家基层单位", `本系统包括${names}共${count}家基层单位`)
      .concat("3. 单位C下设办公室。行政编制数 0 人，实有在编人数 0 人；事业编制数 0 人，实有在编人数 0 人；离休 0 人，退休 0 人。\n");

  it("passes: 单位A、单位B等共 3 家 with three units described", () => {
    expect(checkText(staffingSum, three("单位A、单位B等", "3"))).toEqual([]);
  });

  it("fails: more names than the count (单位A、单位B、单位C等共 2 家)", () => {
    const fs = checkText(staffingSum, three("单位A、单位B、单位C等", "2"));
    expect(fs.map((f) => [f.severity, f.item, f.stated, f.computed])).toEqual([
      ["error", "基层单位", "2", "3"],
      ["error", "基层单位", "2", "3"],
    ]);
  });
});

describe("staffing-sum: a head count split by category (any province's 部门概况)", () => {
  const part = (total: string, retired = "356") => `
## 第九部分 某局部门概况
截至2025年12月31日，本部门编制人数${total}人，其中：行政编制118人、事业编制294人；离退休人员${retired}人，其中：离休人员6人，退休人员350人。
`;

  it("passes when the categories add up to each count", () => {
    expect(checkText(staffingSum, part("412"))).toEqual([]);
  });

  it("reports a count its categories do not make, at the count, exactly (off by one is an error)", () => {
    const fs = checkText(staffingSum, part("413", "357"));
    expect(fs.map((f) => [f.severity, f.item, f.location.line, f.stated, f.computed, f.tolerance])).toEqual([
      ["error", "本部门编制人数", 2, "413", "412", "0"],
      ["error", "离退休人员", 2, "357", "356", "0"],
    ]);
    expect(fs[0].message).toContain("行政编制 + 事业编制");
  });

  it("reports a count its categories do not make where 参公 is named in full (参照公务员法管理事业编制, 安徽)", () => {
    const anhui = (n: string) => `
## 第九部分 某局部门概况
从人员构成看，本部门2025年末编制人数128人，其中：行政编制86人，参照公务员法管理事业编制${n}人，事业编制18人；实有在职人员121人。
`;
    expect(checkText(staffingSum, anhui("24"))).toEqual([]);
    const fs = checkText(staffingSum, anhui("27"));
    expect(fs.map((f) => [f.severity, f.stated, f.computed])).toEqual([["error", "128", "131"]]);
  });
});

describe("staffing-sum: the units a text counts and lists (预算单位共 N 个，包括：1.… 2.…)", () => {
  const scope = (count: string) => `
## 第九部分 某厅部门概况
纳入某厅2025年度部门决算编制范围的二级预算单位共${count}个，包括：
1.某厅（本级）
2.某中心
`;
  it("passes a count that is the number of units listed", () => {
    expect(checkText(staffingSum, scope("2"))).toEqual([]);
  });
  it("reports a count that is not, at the count, naming the units", () => {
    const fs = checkText(staffingSum, scope("3"));
    expect(fs.map((f) => [f.severity, f.item, f.stated, f.computed])).toEqual([["error", "预算单位", "3", "2"]]);
    expect(fs[0].message).toContain("某厅(本级), 某中心");
  });
});

describe("staffing-sum: the units a text counts by kind after their names (云南: …具体包括：A、B、C。其中：行政单位 1 个，公益一类…)", () => {
  const scope = (second: string) => `
## 第九部分 某厅部门概况
纳入某厅2025年度部门决算编制范围的预算单位共3个，具体包括：某厅（本级）、某福利院、某学校。其中：行政单位1个，公益一类事业单位1个，公益二类事业单位${second}个。
`;
  it("passes kinds that add up to the count the names make", () => {
    expect(checkText(staffingSum, scope("1"))).toEqual([]);
  });
  it("reports kinds that do not, at the count (exactly: off by one is an error)", () => {
    const fs = checkText(staffingSum, scope("2"));
    expect(fs.map((f) => [f.severity, f.item, f.stated, f.computed, f.tolerance])).toEqual([["error", "预算单位", "3", "4", "0"]]);
  });
});

/*
 * 江西's 部门概况 (any province's text, read by kind): each unit named, then its kind, its 编制 by kind only (核定行政编制 ·
 * 核定事业编制) or as a total or not at all, its 在职 and 退休; the whole system after them. Before round 49 a unit was read
 * only where its paragraph printed 行政编制 (the 局机关's alone): 退休 44 = 9 + 14 + 17 + 4 was reported as 44 against 9.
 */
describe("staffing-sum: each unit's paragraph in the forms documents print (江西)", () => {
  const overview = (retired = "44", third = "3.某县畜牧兽医中心，事业单位，核定事业编制20名，实有在职人员19人，退休人员17人。") => `
## 第九部分 部门概况
纳入2026年部门预算编制范围的预算单位共4个，包括：某县农业农村局（局机关）、某县农业技术推广中心、某县畜牧兽医中心、某县农业机械化服务中心。

1.某县农业农村局（局机关），行政单位，内设办公室等6个股室，核定行政编制18名，实有在职人员16人，退休人员9人。

2.某县农业技术推广中心，事业单位，核定事业编制24名，实有在职人员22人，退休人员14人。

${third}

4.某县农业机械化服务中心，事业单位，核定编制8名，实有在职人员7人，退休人员4人。

全系统核定编制70名，其中：行政编制18名、事业编制52名；实有在职人员64人，退休人员${retired}人。
`;

  it("passes: every unit read, whatever it states of its 编制; the system's 核定编制, 在职 and 退休 are theirs", () => {
    expect(checkText(staffingSum, overview())).toEqual([]);
  });

  it("reports the system's 退休, 核定编制 or 在职 that the units do not make", () => {
    const fs = checkText(staffingSum, overview("45"));
    expect(fs.map((f) => [f.severity, f.item, f.stated, f.computed])).toEqual([["error", "退休", "45", "44"]]);
    const posts = checkText(staffingSum, overview().replace("全系统核定编制70名", "全系统核定编制71名"));
    expect(posts.map((f) => [f.item, f.stated, f.computed]).sort()).toEqual([
      ["全系统核定编制", "71", "70"],
      ["核定编制", "71", "70"],
    ]);
    const inService = checkText(staffingSum, overview().replace("实有在职人员64人", "实有在职人员65人"));
    expect(inService.map((f) => [f.item, f.stated, f.computed])).toEqual([["在职人员", "65", "64"]]);
  });

  it("a unit whose figures are not read (or not stated) leaves the sums unjudged: an incomplete sum is no evidence", () => {
    // (The system's 退休 45 is wrong, but the units' are not all known.)
    expect(checkText(staffingSum, overview("45", "3.某县畜牧兽医中心，事业单位，人员情况详见附表。"))).toEqual([]);
    // …nor where the text counts more units than are described.
    const five = overview("45").replace("预算单位共4个，包括：", "预算单位共5个，包括：某县农业综合执法大队、");
    expect(checkText(staffingSum, five)).toEqual([]);
  });

  it("a system naming 参公 编制 beside its 事业编制: the units' 事业编制 (which may hold them) are not summed against it; 核定编制 is", () => {
    const text = (total: string) => overview().replace("行政编制18名、事业编制52名", "行政编制18名、参照公务员法管理事业编制6名、事业编制46名").replace("全系统核定编制70名", `全系统核定编制${total}名`);
    expect(checkText(staffingSum, text("70"))).toEqual([]);
    expect(checkText(staffingSum, text("71")).map((f) => [f.item, f.stated, f.computed]).sort()).toEqual([
      ["全系统核定编制", "71", "70"],
      ["核定编制", "71", "70"],
    ]);
  });
});

describe("staffing-sum: 深圳's 部门概况, a unit stating its 事业编制 alone", () => {
  it("is read (before round 49 only a unit stating 行政编制 was: the system's 退休 was summed over the others)", () => {
    const text = `
## 第一部分 部门概况
### 二、机构设置情况
本系统包括单位A、单位B、共2家基层单位。系统行政编制总数15人，实有在编人数11人；事业编制总数25人，实有在编人数21人；离休0人，退休36人。
1. 单位A为本级预算。行政编制总数 15 人，实有在编人数 11 人；离休 0 人，退休 15 人。
2. 单位B下设综合部。事业编制数 25 人，实有在编人数 21 人；离休 0 人，退休 21 人。
`;
    expect(checkText(staffingSum, text)).toEqual([]);
    const fs = checkText(staffingSum, text.replace("退休36人", "退休37人"));
    expect(fs.map((f) => [f.item, f.stated, f.computed])).toEqual([["退休", "37", "36"]]);
  });
});
