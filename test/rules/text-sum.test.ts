import { describe, expect, it } from "vitest";
import { sortFindings } from "../../src/report.js";
import { textSum } from "../../src/rules/text-sum.js";
import { at, checkText } from "../helpers/text.js";

const unit = (personnel: string, text = "") => `
## 第三部分 部门预算支出具体情况
### 一、单位A
单位A预算 100 万元，包括人员支出 ${personnel} 万元、公用支出 10 万元、对个人和家庭的补助支出 0 万元、项目支出 40 万元。
${text}`;

describe("text-sum", () => {
  it("passes a unit whose components add up, and its projects adding up to its 项目支出", () => {
    const fs = checkText(textSum, unit("50", "1. 综合管理预算 30 万元，主要包括：用于办公 20 万元，用于会议 10 万元。\n2. 课题预算 10 万元，主要包括：课题研究。"));
    expect(fs).toEqual([]);
  });

  it("reports a unit total that its components do not make, at the total's line", () => {
    const fs = checkText(textSum, unit("60"));
    expect(at(fs, "error")).toEqual([3]);
    expect(fs[0]).toMatchObject({ table: "text", unit: "单位A", stated: "100", computed: "110", difference: "-10" });
  });

  it("is info when only rounding separates them (the seed's 5,473 vs 5,472)", () => {
    const fs = checkText(textSum, unit("49"));
    expect(fs.map((f) => [f.severity, f.withinRounding, f.tolerance])).toEqual([["info", true, "2.5"]]);
  });

  it("adds the sub-items of a project whose sentence runs over a page break", () => {
    const text = unit("50", "1. 综合管理预算 40 万元，主要包括：用于办公 20 万元，用于会\n\n议 30 万元。较 2022 年预算持平。");
    const fs = checkText(textSum, text);
    // 20 + 30 = 50 ≠ 40: the project; and 40 = Σ projects holds.
    expect(fs.map((f) => [f.severity, f.item, f.location.line, f.computed])).toEqual([["error", "综合管理", 4, "50"]]);
    expect(fs[0].related.map((r) => r.line)).toEqual([4, 6]);
  });

  it("checks 政府采购 and 三公 splits and figures restated later in the text", () => {
    const fs = checkText(
      textSum,
      `
## 第四部分 政府采购预算情况
政府采购项目纳入 2023 年部门预算共计 171 万元，其中货物采购 13 万元、工程采购 0 万元、服务采购 148 万元。
## 第五部分 一般公共预算“三公”经费预算情况
2023 年“三公”经费预算 15 万元，比 2022 年预算增加 0 万元，增长 0%。
1. 因公出国（境）费用。2023 年预算数 0 万元。
2. 公务接待费。2023 年预算数 4 万元。
3. 公务用车购置和运行维护费。2023 年预算数 11 万元，其中：
公务用车购置费 2023 年预算数 0 万元；
公务用车运行维护费 2023 年预算数 21 万元。
因此各单位因公出国（境）经费预算数为 10 万元。
`,
    );
    expect(sortFindings(fs).filter((f) => f.severity === "error").map((f) => [f.item, f.location.line, f.stated, f.computed])).toEqual([
      ["政府采购", 2, "171", "161"],
      ["公务用车购置和运行维护费", 7, "11", "21"],
      ["因公出国(境)", 10, "10", "0"],
    ]);
  });

  it("reads 政府采购 in other departments' wording (预算总额 · 预算共 · 货物类 · 政府采购货物预算 · 货物采购预算)", () => {
    const worded = (sentence: string) => checkText(textSum, `\n## 第四部分 政府采购预算情况\n${sentence}\n`).filter((f) => f.severity === "error").map((f) => [f.item, f.stated, f.computed]);
    for (const [head, kinds] of [
      ["2023 年政府采购预算总额 171 万元，其中：", "货物类 13 万元、工程类 0 万元、服务类 X 万元。"],
      ["2023 年政府采购预算 171 万元，其中：", "政府采购货物预算 13 万元，政府采购工程预算 0 万元，政府采购服务预算 X 万元。"],
      ["2023年本部门政府采购预算共171万元，其中：", "货物采购预算13万元，工程采购预算0万元，服务采购预算X万元。"],
    ]) {
      expect(worded(head + kinds.replace("X", "158")), head).toEqual([]);
      expect(worded(head + kinds.replace("X", "148")), head).toEqual([["政府采购", "171", "161"]]);
    }
  });

  it("reads the 三公's components listed by name after 其中, no 预算 between (其他部门的写法), and sums them", () => {
    const text = (vehicle: string) => `
## 第五部分 一般公共预算“三公”经费预算情况
2023年“三公”经费预算为15万元，其中：因公出国（境）费0万元，公务接待费4万元，公务用车购置及运行维护费${vehicle}万元。
`;
    expect(checkText(textSum, text("11")).filter((f) => f.severity === "error")).toEqual([]);
    const fs = checkText(textSum, text("21")).filter((f) => f.severity === "error");
    expect(fs.map((f) => [f.item, f.location.line, f.stated, f.computed])).toEqual([["“三公”经费", 2, "15", "25"]]);
  });

  describe("a zero printed without decimals (工程采购金额0万元) beside amounts printed with them", () => {
    const procurement = (total: string, goods: string, services: string) => `
## 第四部分 政府采购预算情况
政府采购项目纳入 2023 年部门预算共计 ${total} 万元，其中货物采购 ${goods} 万元、工程采购 0 万元、服务采购 ${services} 万元。`;

    it("stands for nothing, exactly: the parts' rounding alone is the slack (171.26 for 171.25, a note)", () => {
      const fs = checkText(textSum, procurement("171.25", "13.50", "157.76"));
      expect(fs.map((f) => [f.severity, f.stated, f.computed, f.tolerance])).toEqual([["info", "171.25", "171.26", "0.015"]]);
    });

    it("fails: a part mistyped by 0.40 is an error, not hidden in half a 万元 of slack", () => {
      const fs = checkText(textSum, procurement("171.25", "13.10", "157.76"));
      expect(fs.map((f) => [f.severity, f.item, f.location.line, f.stated, f.computed, f.tolerance])).toEqual([["error", "政府采购", 2, "171.25", "170.86", "0.015"]]);
    });

    it("a zero among amounts printed in whole 万元 is rounded like them: 0 for up to 0.5", () => {
      const fs = checkText(textSum, procurement("171", "13", "157"));
      expect(fs.map((f) => [f.severity, f.stated, f.computed, f.tolerance])).toEqual([["info", "171", "170", "2"]]);
    });
  });

  describe("a share (占 P%) in a 决算's 情况说明", () => {
    const final = (pct: string) => `
## 第三部分 某局2024年度部门决算情况说明
本年支出合计2940.05万元，其中：基本支出2336.91万元，占${pct}%；项目支出603.14万元，占20.51%。`;

    it("passes a share that is the figure ÷ the total stated before it", () => {
      expect(checkText(textSum, final("79.49"))).toEqual([]);
    });

    it("reports a share that is not, at the percentage, with the arithmetic", () => {
      const fs = checkText(textSum, final("71.73"));
      expect(at(fs, "error")).toEqual([2]);
      expect(fs[0]).toMatchObject({ table: "text", item: "基本支出", column: "占比", stated: "71.73", computed: "79.485" });
    });
  });
});

describe("text-sum: 资产总额 by asset class (国有资产占用情况)", () => {
  const assets = (total: string, other = "，其他资产301.68万元") => `
## 第八部分 其他重要事项的情况说明
截至2025年12月31日，本部门资产总额${total}万元，其中：流动资产10253.12万元，固定资产21826.70万元，无形资产1410.18万元${other}。
`;

  it("passes classes that add up to the total, within their rounding (33791.68 printed as 33791.69)", () => {
    expect(checkText(textSum, assets("33791.69")).filter((f) => f.severity !== "info")).toEqual([]);
  });

  it("reports a total the classes do not make when the list ends with 其他资产, at the total", () => {
    const fs = checkText(textSum, assets("33719.69"));
    expect(fs.map((f) => [f.severity, f.item, f.location.line, f.stated, f.computed])).toEqual([["error", "资产总额", 2, "33719.69", "33791.68"]]);
  });

  it("without 其他 the classes are some of it: a total above their sum passes, one below is an error", () => {
    expect(checkText(textSum, assets("35000.00", "")).filter((f) => f.severity !== "info")).toEqual([]);
    const fs = checkText(textSum, assets("33000.00", ""));
    expect(fs.map((f) => [f.severity, f.item, f.stated, f.computed])).toEqual([["error", "资产总额", "33000", "33490"]]);
  });
});
