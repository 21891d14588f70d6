import { describe, expect, it } from "vitest";
import { claimsOf } from "../../src/claims/index.js";
import { textDoc } from "../helpers/text.js";

/*
 * A fund the department has none of, said in words (src/claims/none-said.ts): each figure the sentence names is an exact
 * 0 at its 无, a table-figure claim text-vs-table compares with the tables. The sentences are the real documents' and the
 * province probes' (fixtures/, test/fixtures/); the ones left unread are conditions, instructions, what a fund pays for, and
 * another year's or another unit's.
 */
const read = (paragraph: string, tables?: string) =>
  claimsOf(textDoc(`2025年某局部门预算\n\n## 第九部分 某局2025年部门预算情况说明\n${paragraph}`, tables))
    .claims.flatMap((c) => (c.kind === "table-figure" && /（无）$/.test(c.label) ? [`${c.figure} ${c.amount.text}${c.amount.exact ? " exact" : ""}`] : []));
/** The “三公” said to be none: its claims, by kind and component, in a 预算 (or with `final`, a 决算). */
const sanggong = (paragraph: string, final = false) =>
  claimsOf(textDoc(`2025年某局部门${final ? "决算" : "预算"}\n\n## 第九部分 某局2025年部门${final ? "决算" : "预算"}情况说明\n${paragraph}`))
    .claims.flatMap((c) => ((c.kind === "sanggong" || c.kind === "sanggong-final") && /（无）$/.test(c.label) ? [`${c.kind} ${c.component} ${c.amount.text}${c.amount.exact ? " exact" : ""}`] : []));

describe("a fund said to be none", () => {
  it("each fund a list names, with what of it: its spending, its income, or both", () => {
    expect(read("本部门无政府性基金预算支出、国有资本经营预算支出预算。")).toEqual(["gov-fund-expenditure 0.00 exact", "state-capital-expenditure 0.00 exact"]);
    expect(read("上海市普陀区财政局2025年度无政府性基金预算财政拨款收入和支出。")).toEqual(["allocation-gov-fund-income 0.00 exact", "gov-fund-expenditure 0.00 exact"]);
    // (A fund named bare before another takes what the other's words say; 结转和结余 is no figure of this.)
    expect(read("收入全部为一般公共预算拨款（无政府性基金及国有资本经营预算拨款收入）。")).toEqual(["allocation-gov-fund-income 0.00 exact", "allocation-state-capital-income 0.00 exact"]);
    expect(read("2025年度本部门无国有资本经营预算财政拨款收入、支出及结转和结余。")).toEqual(["allocation-state-capital-income 0.00 exact", "state-capital-expenditure 0.00 exact"]);
    expect(read("本部门2025年无国有资本经营预算拨款安排的支出，表九为空表。")).toEqual(["state-capital-expenditure 0.00 exact"]);
    expect(read("省检察院无政府性基金预算相关收支项目。")).toEqual(["allocation-gov-fund-income 0.00 exact", "gov-fund-expenditure 0.00 exact"]);
    expect(read("本部门2025年没有政府性基金预算拨款。")).toEqual(["allocation-gov-fund-income 0.00 exact", "gov-fund-expenditure 0.00 exact"]);
  });

  it("not a statement of the department's funds: conditions, instructions, what a fund pays for, another year's or unit's", () => {
    // The 决算 template's instructions (fixtures/shanghai/TEMPLATE_…).
    expect(read("无政府性基金预算财政拨款收入支出的，仍保留该表格式，并在本表下方作下述说明：")).toEqual([]);
    expect(read("无政府性基金预算财政拨款收入支出的部门，作下述说明：")).toEqual([]);
    expect(read("如无政府性基金预算支出，应说明。")).toEqual([]);
    expect(read("说明：上海市 XX 局本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。")).toEqual([]);
    expect(read("本部门无政府性基金预算安排的“三公”经费。")).toEqual([]);
    expect(read("本部门无政府性基金预算安排的政府采购项目。")).toEqual([]);
    expect(read("本部门2024年无政府性基金预算支出，2025年新增国家重大水利工程建设基金安排的支出。")).toEqual([]);
    expect(read("本部门无使用政府性基金预算拨款安排的支出。")).toEqual([]);
  });

  it("a unit the tables print, named before the 无, is not the department", () => {
    // (test/helpers/text.ts's 表7 prints 单位A and 单位B.)
    expect(read("单位B无政府性基金预算支出。")).toEqual([]);
    expect(read("本部门无政府性基金预算支出。")).toEqual(["gov-fund-expenditure 0.00 exact"]);
  });
});

describe("the “三公” said to be none", () => {
  it("its total an exact 0: the 预算's (sanggong) or the 决算's (sanggong-final)", () => {
    // 上海's 预算, under its 三公 table (万里街道 2024, whose table prints 47.91: test/e2e/templates).
    expect(sanggong("注:本部门2025年无“三公”经费和机关运行经费预算，故本表为空表。")).toEqual(["sanggong total 0.00 exact"]);
    expect(sanggong("本单位2025年无“三公”经费预算。")).toEqual(["sanggong total 0.00 exact"]);
    // A 决算 (上海市普陀区财政局 2024).
    expect(sanggong("上海市普陀区财政局2025年度无“三公”经费财政拨款支出。", true)).toEqual(["sanggong-final total 0.00 exact"]);
  });

  it("not the department's 三公: a fund's, a condition, another year's, what is beside it", () => {
    expect(sanggong("本部门无政府性基金预算安排的“三公”经费。")).toEqual([]);
    expect(sanggong("无“三公”经费财政拨款支出的部门，作下述说明：", true)).toEqual([]);
    expect(sanggong("上海市 XX 局 2025 年度无“三公”经费财政拨款支出。", true)).toEqual([]);
    expect(sanggong("2024年无“三公”经费预算，2025年新增公务接待费。")).toEqual([]);
    expect(sanggong("本部门无“三公”经费以外的其他接待支出。")).toEqual([]);
  });
});
