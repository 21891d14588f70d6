import { describe, expect, it } from "vitest";
import { claimsOf } from "../../src/claims/index.js";
import { textDoc } from "../helpers/text.js";

/*
 * A total and its parts by category (src/claims/splits.ts), in a part no province's reader knows (the generic reader)
 * and in Shenzhen's 部门概况: 编制人数 / 实有人数 / 离退休人员 by category, 资产总额 by asset class.
 */
const read = (text: string, heading = "## 第九部分 某局部门概况") =>
  claimsOf(textDoc(`${heading}\n${text}`))
    .claims.map((c) =>
      c.kind === "headcount-split"
        ? `${c.label} ${c.count.text} = ${c.parts.map((x) => `${x.label} ${x.count.text}`).join(" + ")}`
        : c.kind === "base-units"
          ? `${c.label} ${c.count.text}: ${c.names.join(" | ")}${c.abbreviated ? " (at least)" : ""}${c.own === undefined ? "" : c.own ? " with 本级" : " without 本级"}`
          : c.kind === "asset-split"
          ? `${c.label} ${c.total.text} ${c.whole ? "=" : "≥"} ${c.parts.map((x) => `${x.label} ${x.amount.text}`).join(" + ")}`
          : null,
    )
    .filter((s) => s !== null);

describe("head counts split by category", () => {
  it("reads 编制, 实有 and 离退休, each list to its clause's end, separated by ，or 、, an aside in brackets passed over", () => {
    expect(read("截至2025年12月31日，本部门编制人数412人，其中：行政编制118人（含政法专项编制10人），事业编制294人；实有人数389人，其中：行政人员112人、事业人员277人。离退休人员356人，其中：离休人员6人，退休人员350人。")).toEqual([
      "本部门编制人数 412 = 行政编制 118 + 事业编制 294",
      "实有人数 389 = 行政人员 112 + 事业人员 277",
      "离退休人员 356 = 离休人员 6 + 退休人员 350",
    ]);
  });

  it("reads 参公 in its long name (安徽: 参照公务员法管理事业编制 · 参照公务员法管理人员) as the category 参公编制 names", () => {
    expect(read("从人员构成看，本部门2025年末编制人数128人，其中：行政编制86人，参照公务员法管理事业编制24人，事业编制18人；实有在职人员121人，其中：行政人员80人，参照公务员法管理人员23人，事业人员18人。")).toEqual([
      "本部门2025年末编制人数 128 = 行政编制 86 + 参照公务员法管理事业编制 24 + 事业编制 18",
      "实有在职人员 121 = 行政人员 80 + 参照公务员法管理人员 23 + 事业人员 18",
    ]);
    expect(read("本部门编制人数128人，其中：行政编制86人，参照公务员法管理的事业单位编制24人，事业编制18人。")).toEqual(["本部门编制人数 128 = 行政编制 86 + 参照公务员法管理的事业单位编制 24 + 事业编制 18"]);
    // (Named twice, long and short: a category twice, not read.)
    expect(read("本部门编制人数128人，其中：参公编制24人，参照公务员法管理事业编制24人，事业编制18人。")).toEqual([]);
  });

  it("ends a list at a part that opens a list of its own (…事业编制294人，实有人数389人，其中…)", () => {
    expect(read("本部门编制人数412人，其中：行政编制118人，事业编制294人，实有人数389人，其中：行政人员112人，事业人员277人。")).toEqual([
      "本部门编制人数 412 = 行政编制 118 + 事业编制 294",
      "实有人数 389 = 行政人员 112 + 事业人员 277",
    ]);
  });

  it("does not read a list that may name some parts only: a part of another kind, one part, a category twice", () => {
    expect(read("本部门编制人数412人，其中：行政编制118人，处级以上干部20人。")).toEqual([]);
    expect(read("本部门编制人数412人，其中：行政编制118人。")).toEqual([]);
    expect(read("本部门编制人数412人，其中：行政编制118人，行政编制294人。")).toEqual([]);
    expect(read("实有人数389人，其中：在职人员300人，离退休人员89人。")).toEqual([]);
    expect(read("本部门编制人数412人，其中：行政编制118人，事业编制294人，另有编外人员20人。")).toEqual([]);
  });
});

describe("assets split by class", () => {
  it("reads the classes; with 其他资产 (or 流动 + 非流动) they are the whole, else some of it", () => {
    expect(read("截至2025年12月31日，本部门资产总额33791.69万元，其中：流动资产10253.12万元，固定资产21826.70万元，无形资产1410.18万元，其他资产301.68万元。", "## 第九部分 其他重要事项的情况说明")).toEqual([
      "资产总额 33791.69 = 流动资产 10253.12 + 固定资产 21826.70 + 无形资产 1410.18 + 其他资产 301.68",
    ]);
    expect(read("本部门资产总额500.00万元，其中：流动资产200.00万元，非流动资产300.00万元。")).toEqual(["资产总额 500.00 = 流动资产 200.00 + 非流动资产 300.00"]);
    expect(read("本部门资产总额500.00万元，其中：流动资产200.00万元，固定资产250.00万元。")).toEqual(["资产总额 500.00 ≥ 流动资产 200.00 + 固定资产 250.00"]);
  });

  it("does not read 原值 (another measure), a class inside another, or a part of another kind", () => {
    expect(read("本部门资产总额500.00万元，其中：流动资产200.00万元，固定资产原值400.00万元。")).toEqual([]);
    expect(read("本部门资产总额500.00万元，其中：非流动资产300.00万元，固定资产250.00万元，流动资产200.00万元。")).toEqual([]);
    expect(read("本部门资产总额500.00万元，其中：流动资产200.00万元，车辆30.00万元。")).toEqual([]);
  });
});

describe("the units counted and listed (纳入…编制范围的预算单位共 N 个，包括：)", () => {
  it("reads numbered paragraphs after it, or one list up to its 。", () => {
    expect(read("纳入某厅2025年度部门决算编制范围的二级预算单位共3个，包括：\n1.某厅（本级）\n2.某中心\n3.某站\n三、人员构成情况")).toEqual(["预算单位 3: 某厅(本级) | 某中心 | 某站"]);
    expect(read("纳入本部门2019年部门预算编制范围的预算单位共计3家，具体包括：某院本级、南京某院、徐州某院。")).toEqual(["预算单位 3: 某院本级 | 南京某院 | 徐州某院"]);
    // (What follows the names after their ，is about them, not more of them: 陕西省统计局's — the kinds of the units counted.)
    expect(read("预算单位共4个，包括：某局机关、某中心、某所、某宣传中心，其中行政单位1个，财政全额拨款事业单位2个，财政差额拨款事业单位1个。")).toEqual([
      "预算单位 4: 某局机关 | 某中心 | 某所 | 某宣传中心",
      "预算单位 4 = 行政单位 1 + 财政全额拨款事业单位 2 + 财政差额拨款事业单位 1",
    ]);
  });

  it("does not read a list that sums some units up after a ，(某局本级，甲中心、乙中心等8家); one joining names with 和 is read as abbreviated", () => {
    expect(read("纳入本部门决算编制范围的预算单位共9家，包括：某局本级，甲中心、乙中心等8家直属事业单位。")).toEqual([]);
    // (Two names joined by 和 may be one — 某省文化和旅游厅 — so the count is at least the names, not equal to them.)
    expect(read("纳入本部门预算编制范围的预算单位共3家，包括：某院本级、南京某院和徐州某院。")).toEqual(["预算单位 3: 某院本级 | 南京某院和徐州某院 (at least)"]);
  });

  it("reads a count after its names (A、B和C等 3 个单位) and one besides the 本级 (本级和所属 A、B 等 2 个单位预算, 本级预算和 4 个所属单位预算)", () => {
    expect(read("纳入本部门2026年部门预算编制范围的二级预算单位包括：甲院、乙站和丙中心等3个单位。")).toEqual(["单位 3: 甲院 | 乙站和丙中心 (at least)"]);
    expect(read("本部门预算由本级和所属甲院、乙站等2个单位预算组成。")).toEqual(["所属单位 2: 甲院 | 乙站 (at least) without 本级"]);
    expect(read("本部门2026年部门预算由厅本级预算和4个所属单位预算组成。")).toEqual(["所属单位 4:  without 本级"]);
    expect(read("本部门预算包括：局本级预算(行政单位)和所属甲校、乙校等2家事业单位预算，共3家预算单位。")).toEqual(["所属单位 2: 甲校 | 乙校 (at least) without 本级", "预算单位 3:  with 本级"]);
    expect(read("纳入部门预算编制范围的单位共3个，包括：厅机关本级及所属2家事业单位。")).toEqual(["所属单位 2:  without 本级", "单位 3:  with 本级"]);
    // (下属 N 个 may count the 本级: 成都市体育局下属3个预算单位，其中：行政单位1个 — not read as besides it.)
    expect(read("成都市某局下属3个预算单位，分别是某局本级、甲校、乙中心。")).toEqual([]);
  });
});

describe("the units counted by kind (预算单位共 N 个，其中：行政单位 a 个…；事业单位 b 个…)", () => {
  it("reads the kinds, whatever the names between them", () => {
    expect(read("纳入某厅2024年度部门决算编制范围的预算单位共3个，其中：行政单位1个，为某厅（本级）；事业单位2个，分别为某中心（公益一类）和某所（公益二类）。")).toEqual([
      "预算单位 3 = 行政单位 1 + 事业单位 2",
    ]);
  });
  it("does not read a sentence that counts anything else, or 参公 beside 事业单位 (maybe inside it)", () => {
    expect(read("纳入某厅部门决算编制范围的预算单位共3个，其中：行政单位1个，事业单位2个，下设处室13个。")).toEqual([]);
    expect(read("纳入某厅部门决算编制范围的预算单位共3个，其中：行政单位1个，事业单位2个，参公事业单位1个。")).toEqual([]);
  });
  it("reads the kinds after the list of names (…具体包括：A、B、C。其中：; …包括：A、B、C，其中… above), and 下属 N 个预算单位，其中：", () => {
    expect(read("纳入某厅2025年度部门决算编制范围的预算单位共5个，具体包括：某厅（本级）、甲院、乙院、丙站、丁校。其中：行政单位1个，公益一类事业单位2个，公益二类事业单位2个。")).toEqual([
      "预算单位 5: 某厅(本级) | 甲院 | 乙院 | 丙站 | 丁校",
      "预算单位 5 = 行政单位 1 + 公益一类事业单位 2 + 公益二类事业单位 2",
    ]);
    expect(read("某市体育局下属3个预算单位，其中：行政单位1个，事业单位2个。")).toEqual(["预算单位 3 = 行政单位 1 + 事业单位 2"]);
    expect(read("纳入本部门预算编制范围的预算单位共5个，其中行政单位1个、事业单位4个。")).toEqual(["预算单位 5 = 行政单位 1 + 事业单位 4"]);
  });
  it("does not read kinds that may overlap: 事业单位 beside 公益一类事业单位, 全额拨款事业单位 beside 参公事业单位; nor a 其中 of another sentence", () => {
    expect(read("纳入某厅部门决算编制范围的预算单位共4个，其中：行政单位1个，事业单位2个，公益一类事业单位1个。")).toEqual([]);
    expect(read("纳入某厅部门决算编制范围的预算单位共3个，其中：参公事业单位1个，全额拨款事业单位2个。")).toEqual([]);
    expect(read("纳入某厅部门决算编制范围的预算单位共5个，具体包括：某厅（本级）、甲院、乙院、丙站、丁校。本部门编制人数468人，其中：行政编制112人，事业编制356人。").filter((s) => /单位/.test(s))).toEqual([
      "预算单位 5: 某厅(本级) | 甲院 | 乙院 | 丙站 | 丁校",
    ]);
  });
});
