import { describe, expect, it } from "vitest";
import { claimsOf } from "../../src/claims/index.js";
import { textSum } from "../../src/rules/text-sum.js";
import { checkText, textDoc } from "../helpers/text.js";

/*
 * Lists of a total's parts read by the generic reader beyond its lists of shares (src/claims/part-lists.ts): a list
 * nested in a part, the units' figures, 包括 lists, and lists that are some of their total (Σ parts ≤ whole).
 */
const part = (...paragraphs: string[]) => `## 第九部分 某局部门预算情况说明\n${paragraphs.join("\n")}`;
const compositions = (...paragraphs: string[]) =>
  claimsOf(textDoc(part(...paragraphs)))
    .claims.filter((c) => c.kind === "composition")
    .map((c) => `${c.whole} ${c.label} ${c.total.text} = ${c.parts.map((x) => `${x.label} ${x.amount.text}`).join(" + ")}`);
const errors = (...paragraphs: string[]) =>
  checkText(textSum, part(...paragraphs))
    .filter((f) => f.severity === "error")
    .map((f) => [f.item, `${f.location.line}:${f.location.column}`, f.stated, f.computed]);

describe("a list nested in a part of a list", () => {
  const shaanxi = (a: string) => `2025年部门支出预算7777.60万元，其中：基本支出4508.53万元，占57.97%，包括人员经费${a}万元、公用经费597.60万元；项目支出3269.06万元，占42.03%。`;
  it("基本支出 B，包括人员经费 a、公用经费 b; 项目支出 P (陕西): the nested pair sums to B, the outer list's shares to the total", () => {
    expect(compositions(shaanxi("3910.94"))).toEqual([
      "basic 基本支出 4508.53 = 人员经费 3910.94 + 公用经费 597.60",
      "shares 部门支出预算 7777.60 = 基本支出 4508.53 + 项目支出 3269.06",
    ]);
    expect(errors(shaanxi("3910.94"))).toEqual([]);
    // 人员经费 typed 4910.94: 基本支出 at line 2, column 29, stated 4508.53, computed 5508.54.
    expect(errors(shaanxi("4910.94"))).toEqual([["基本支出", "2:29", "4508.53", "5508.54"]]);
  });

  const xizang = (b: string) => `2025年一般公共预算支出584.67万元，其中：基本支出406.95万元（人员经费378.68万元，公用经费${b}万元），项目支出177.72万元。`;
  it("in brackets (西藏: 基本支出 B（人员经费 a，公用经费 b），项目支出 P), its word or not", () => {
    // (The outer pair is at most the 一般公共预算支出 here; where the reader of the figures knows the 一般公共预算 table's total, all of it.)
    expect(compositions(xizang("28.27"))).toEqual(["basic 基本支出 406.95 = 人员经费 378.68 + 公用经费 28.27", "some 一般公共预算支出 584.67 = 基本支出 406.95 + 项目支出 177.72"]);
    expect(compositions(xizang("28.27").replace("（人员", "（其中：人员"))[0]).toBe("basic 基本支出 406.95 = 人员经费 378.68 + 公用经费 28.27");
    expect(compositions(xizang("28.27").replace("（人员", "（含人员"))[0]).toBe("basic 基本支出 406.95 = 人员经费 378.68 + 公用经费 28.27");
    expect(errors(xizang("28.27"))).toEqual([]);
    expect(errors(xizang("38.27"))).toEqual([["基本支出", "2:30", "406.95", "416.95"]]);
  });

  it("a nested list of other parts, or said to be some (主要包括 · …等), is at most its part", () => {
    const cars = (a: string) => `2025年“三公”经费预算8.00万元，其中：因公出国（境）费0万元；公务接待费2.00万元，包括外事接待${a}万元；公务用车购置及运行费6.00万元。`;
    expect(compositions(cars("1.00"))).toContain("some 公务接待费 2.00 = 外事接待 1.00");
    expect(errors(cars("1.00"))).toEqual([]);
    // More than its part: an error; less is what "some" allows.
    expect(errors(cars("3.00")).map((e) => e[0])).toEqual(["公务接待费"]);
    const mainly = `2025年一般公共预算基本支出100.00万元，其中：人员经费80.00万元，主要包括工资福利支出70.00万元、对个人和家庭的补助5.00万元；公用经费20.00万元。`;
    expect(compositions(mainly)).toEqual(["some 人员经费 80.00 = 工资福利支出 70.00 + 对个人和家庭的补助 5.00", "basic 一般公共预算基本支出 100.00 = 人员经费 80.00 + 公用经费 20.00"]);
    expect(errors(mainly)).toEqual([]);
  });
});

describe("the units' figures of a total", () => {
  const units = (b: string, open = "分单位看：") =>
    [`2025年部门收入预算7777.60万元，其中：一般公共预算拨款7717.10万元。`, `${open}陕西省统计局机关收入预算5854.16万元；陕西省统计局数据管理中心收入预算${b}万元；陕西省统计科学研究所收入预算515.89万元；陕西省统计宣传教育中心收入预算357.92万元。`];
  it("分单位看：A 收入预算 a；B 收入预算 b … (陕西) add up to the department's 收入预算", () => {
    expect(compositions(...units("1049.63"))).toContain(
      "units 部门收入预算 7777.60 = 陕西省统计局机关收入预算 5854.16 + 陕西省统计局数据管理中心收入预算 1049.63 + 陕西省统计科学研究所收入预算 515.89 + 陕西省统计宣传教育中心收入预算 357.92",
    );
    expect(errors(...units("1049.63"))).toEqual([]);
    expect(errors(...units("2049.63"))).toEqual([["部门收入预算", "2:12", "7777.6", "8777.6"]]);
    expect(errors(...units("2049.63", "按单位分："))).toEqual([["部门收入预算", "2:12", "7777.6", "8777.6"]]);
  });

  it("the 三公 by unit, in the 三公's paragraph (分单位看：A“三公”经费 a 万元；…)", () => {
    const p = (c: string) => `2025年本部门一般公共预算“三公”经费预算81.65万元，较上年减少35.20万元。分单位看：某局机关“三公”经费71.70万元；某中心“三公”经费${c}万元；某研究所“三公”经费4.25万元。`;
    expect(errors(p("5.70"))).toEqual([]);
    expect(errors(p("6.70")).map((e) => [e[0], e[2], e[3]])).toEqual([["本部门一般公共预算三公经费预算", "81.65", "82.65"]]);
  });

  it("本级 and 下属单位 under 其中 are all of it; units said to be some (主要单位 …等) at most it; a list without its total is not read", () => {
    const own = (b: string) => `2025年收入预算500.00万元，其中：本级收入预算300.00万元，下属单位收入预算${b}万元。`;
    expect(compositions(own("200.00"))).toEqual(["units 收入预算 500.00 = 本级收入预算 300.00 + 下属单位收入预算 200.00"]);
    expect(errors(own("190.00")).map((e) => e[2])).toEqual(["500"]);
    const some = (b: string) => `2025年支出预算500.00万元。分单位看：A中心支出预算300.00万元，B所支出预算${b}万元等。`;
    expect(errors(some("100.00"))).toEqual([]);
    expect(errors(some("300.00")).map((e) => e[2])).toEqual(["500"]);
    expect(compositions(`2025年项目支出500.00万元。分单位看：A中心收入预算300.00万元，B所收入预算200.00万元。`)).toEqual([]);
  });
});

describe("包括 lists, and lists that are some of their total", () => {
  const unit = (d: string, open = "包括") => `深圳市科学馆预算 2,320 万元，${open}人员支出 964 万元、公用支出 275 万元、对个人和家庭的补助支出 144 万元、项目支出 ${d} 万元。`;
  it("X 预算 N 万元，包括人员支出 a、公用支出 b、对个人和家庭的补助支出 c、项目支出 d (深圳): all of it, by what they are", () => {
    expect(compositions(unit("937"))).toEqual(["basic-project 深圳市科学馆预算 2,320 = 人员支出 964 + 公用支出 275 + 对个人和家庭的补助支出 144 + 项目支出 937"]);
    expect(errors(unit("937"))).toEqual([]);
    expect(errors(unit("1,937"))).toEqual([["深圳市科学馆预算", "2:10", "2320", "3320"]]);
    expect(errors(unit("1,937", "其中："))).toEqual([["深圳市科学馆预算", "2:10", "2320", "3320"]]);
  });

  it("包括 / 分别为 other parts: all of them; 主要包括 and 其中: at most the total", () => {
    const items = (open: string, b: string) => `政府采购预算100.00万元，${open}办公设备60.00万元、信息系统${b}万元。`;
    expect(errors(items("包括", "40.00"))).toEqual([]);
    expect(errors(items("分别为", "30.00")).map((e) => [e[2], e[3]])).toEqual([["100", "90"]]);
    expect(errors(items("主要包括", "30.00"))).toEqual([]);
    expect(errors(items("其中", "30.00"))).toEqual([]);
    expect(errors(items("主要包括", "50.00")).map((e) => [e[2], e[3]])).toEqual([["100", "110"]]);
    // 其中 naming one part: at most the total.
    expect(errors(`2025年本部门项目支出3269.06万元，其中一般公共预算拨款安排3208.56万元。`)).toEqual([]);
    expect(errors(`2025年本部门项目支出3269.06万元，其中一般公共预算拨款安排4208.56万元。`).map((e) => [e[2], e[3]])).toEqual([["3269.06", "4208.56"]]);
  });

  it("a change on last year is no part: 比上年增加 D 万元，其中：… reads no total, and a list ends before a change", () => {
    expect(compositions(`2025年收入预算500.00万元，比上年增加50.00万元，其中：一般公共预算拨款400.00万元。`)).toEqual([]);
    expect(compositions(`2025年收入预算500.00万元，其中：一般公共预算拨款400.00万元，事业收入90.00万元，比上年增加50.00万元。`)).toEqual(["some 收入预算 500.00 = 一般公共预算拨款 400.00 + 事业收入 90.00"]);
  });
});
