import { describe, expect, it } from "vitest";
import { allocationTables } from "../../src/rules/allocation-tables.js";
import { runCases } from "../helpers/cases.js";
import { check, docAsRead } from "../helpers/docs.js";

/*
 * 江苏's form: a 财政拨款收支预算总表 whose expenditure side is by purpose, the 一般公共预算 tables by function and
 * by economic code, and the same for every fund together (财政拨款支出预算表（功能科目）, 财政拨款基本支出预算表（经济科目）).
 * Tables are read by kind (the generic template), as the CLI reads such a text.
 */
const lines = (...ls: string[]) => ls.join("\n");

/** Lines 1–6; 支出合计 on 6 (column 4), 基本支出 on 4. */
const summary = (fund = "", total = "2,417", basic = "1,584", project = "833") =>
  lines("财政拨款收支预算总表", "单位：万元", "收入项目→预算数→支出项目→预算数", `一、一般公共预算→2,417→一、基本支出→${basic}`, `二、政府性基金预算→${fund}→二、项目支出→${project}`, `收入合计→${total}→支出合计→${total}`);

/** A table by function code: title, unit, header, 合计, then 204 / 20404 / 2040401 (`admin`: the 项 alone) and 221 / 22102 / 2210201 (+ extra rows). */
const byFunction = (title: string, total: string, admin: string, housing: string, extra: string[] = []) =>
  lines(title, "单位：万元", "科目编码→科目名称→金额", `→合计→${total}`, "204→公共安全支出→1,848", "20404→检察→1,848", `2040401→行政运行→${admin}`, `221→住房保障支出→${housing}`, `22102→住房改革支出→${housing}`, `2210201→住房公积金→${housing}`, ...extra);

/** A table by economic code: 合计, 301 / 30101, 302 / 30211 (`travel`: the 30211 alone, `goods`: the 302). */
const byEconomic = (title: string, total: string, travel: string, goods = travel) =>
  lines(title, "单位：万元", "科目编码→科目名称→金额", `合计→→${total}`, "301→工资福利支出→1,500", "30101→基本工资→1,500", `302→商品和服务支出→${goods}`, `30211→差旅费→${travel}`);

const GF = (admin = "1,848", housing = "569") => byFunction("一般公共预算支出预算表（功能科目）", "2,417", admin, housing);
const AF = (admin = "1,848", housing = "569", total = "2,417", extra: string[] = []) => byFunction("财政拨款支出预算表（功能科目）", total, admin, housing, extra);
const GB = (travel = "84") => byEconomic("一般公共预算基本支出预算表（经济科目）", "1,584", travel);
const AB = (travel = "84", total = "1,584", goods = "84") => byEconomic("财政拨款基本支出预算表（经济科目）", total, travel, goods);
const FUND = lines("政府性基金预算支出预算表", "单位：万元", "科目编码→科目名称→金额", "→合计→200", "212→城乡社区支出→200", "21208→国有土地使用权出让收入安排的支出→200", "2120899→其他国有土地使用权出让收入安排的支出→200");

// Line numbers: summary 1–6; GF 7–16 (合计 10, 2040401 13, 2210201 16); AF 17–26 (合计 20, 2040401 23,
// 2210201 26); GB 27–34 (合计 30, 30211 34); AB 35–42 (合计 38, 30211 42); a FUND after them 43–49 (212 on 47).
const full = (o: { af?: string; gb?: string; ab?: string; summary?: string } = {}) => lines(o.summary ?? summary(), GF(), o.af ?? AF(), o.gb ?? GB(), o.ab ?? AB());

runCases(
  allocationTables,
  {
    accept: [
      { name: "the all-funds tables are the 一般公共预算 tables again (no other fund), their 合计 the summary's", text: full() },
      // A 政府性基金 of 200: 财政拨款支出 = 一般公共预算 + 政府性基金, code by code; the 基本支出 by economic code
      // is not compared (no table prints the fund's), so an all-funds 基本支出 table above the general one is no error.
      {
        name: "with a 政府性基金 table: its rows count, and the 基本支出 by economic code is left alone",
        text: lines(summary("200", "2,617", "1,604", "1,013"), GF(), AF("1,848", "569", "2,617", ["212→城乡社区支出→200", "21208→国有土地使用权出让收入安排的支出→200", "2120899→其他国有土地使用权出让收入安排的支出→200"]), GB(), AB("104", "1,604", "104"), FUND),
      },
      // The summary says a 政府性基金 of 200 but no fund table is printed: what the fund holds by code is unknown.
      { name: "a fund with money and no table of its own: the row sums are not made", text: lines(summary("200", "2,617"), GF(), AF("1,848", "769", "2,617"), GB(), AB()) },
    ],
    reject: [
      {
        name: "财政拨款支出 2040401 1,884 (two digits transposed) against the general table's 1,848",
        text: full({ af: AF("1,884") }),
        findings: [{ severity: "error", stated: "1884", computed: "1848", difference: "36", tolerance: "1", line: 23, table: "T14", code: "2040401", item: "行政运行", column: "合计", related: [13] }],
      },
      {
        name: "财政拨款支出's 合计 2,471 against the summary's 支出合计 and the general table's 合计 (2,417)",
        text: full({ af: AF("1,848", "569", "2,471") }),
        findings: [
          { severity: "error", stated: "2471", computed: "2417", difference: "54", tolerance: "1", line: 20, table: "T14", unit: null, column: "合计", related: [6] },
          { severity: "error", stated: "2471", computed: "2417", difference: "54", tolerance: "1", line: 20, table: "T14", unit: null, column: "合计", related: [10] },
        ],
      },
      {
        name: "财政拨款基本支出 30211 48 against the general 基本支出 table's 84",
        text: full({ ab: AB("48") }),
        findings: [{ severity: "error", stated: "48", computed: "84", difference: "-36", tolerance: "1", line: 42, table: "T13", code: "30211", item: "差旅费", column: "合计", related: [34] }],
      },
      {
        name: "财政拨款基本支出's 合计 1,548 against the summary's 基本支出 and the general table's 合计 1,584",
        text: full({ ab: AB("84", "1,548") }),
        findings: [
          { severity: "error", stated: "1548", computed: "1584", difference: "-36", tolerance: "1", line: 38, table: "T13", unit: null, column: "合计", related: [4] },
          { severity: "error", stated: "1548", computed: "1584", difference: "-36", tolerance: "1", line: 38, table: "T13", unit: null, column: "合计", related: [30] },
        ],
      },
      {
        // The fund's 212 is missing from the all-funds table, whose 合计 still says 2,617: the fund table's rows
        // are reported ("no such row, counted as 0").
        name: "a 政府性基金 code the all-funds table does not print",
        text: lines(summary("200", "2,617"), GF(), AF("1,848", "569", "2,617"), GB(), AB(), FUND),
        findings: [
          { severity: "error", stated: "200", computed: "0", difference: "200", tolerance: "0.5", line: 47, table: "T9", code: "212", column: "合计" },
          { severity: "error", stated: "200", computed: "0", difference: "200", tolerance: "0.5", line: 48, table: "T9", code: "21208", column: "合计" },
          { severity: "error", stated: "200", computed: "0", difference: "200", tolerance: "0.5", line: 49, table: "T9", code: "2120899", column: "合计" },
        ],
      },
    ],
  },
  docAsRead,
);

describe("allocation-tables: messages", () => {
  it("names every one-fund table a row is the sum of, and a single one as that table's row", () => {
    const fund = lines(summary("200", "2,617", "1,604", "1,013"), GF(), AF("1,848", "569", "2,617", ["212→城乡社区支出→250", "21208→国有土地使用权出让收入安排的支出→200", "2120899→其他国有土地使用权出让收入安排的支出→200"]), GB(), AB("104", "1,604", "104"), FUND);
    const f = check(allocationTables, fund, "en", docAsRead).find((x) => x.code === "212")!;
    expect(f.message).toContain("the sum of the same row of T5 + T9");
    const one = check(allocationTables, full({ af: AF("1,884") }), "zh", docAsRead)[0];
    expect(one.message).toContain("表5 同一行 1848");
  });
});

describe("allocation-tables: what the tables are read as", () => {
  it("reads 江苏's titles as the all-funds kinds, not as the 一般公共预算 ones", () => {
    const d = docAsRead(full());
    expect(d.template).toBe("generic");
    expect(d.tables.map((t) => [t.title, t.kind])).toEqual(
      expect.arrayContaining([
        ["财政拨款支出预算表（功能科目）", "allocation-function"],
        ["财政拨款基本支出预算表（经济科目）", "allocation-basic-economic"],
        ["一般公共预算支出预算表（功能科目）", "general-function"],
        ["一般公共预算基本支出预算表（经济科目）", "general-basic-economic"],
      ]),
    );
  });
});
