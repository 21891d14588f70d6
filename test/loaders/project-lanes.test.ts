import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { laneKinds, type LaneRecord } from "../../src/loaders/layout/lanes.js";
import type { LayoutLine, LayoutToken } from "../../src/loaders/layout/types.js";
import type { BudgetDocument, Row } from "../../src/model/document.js";
import { rules } from "../../src/rules/index.js";
import { layoutTable, pad, padL } from "../helpers/layout.js";

/*
 * The 决算's 一般公共预算财政拨款项目支出决算表 (central departments' 公开07表) by economic code: printed in lanes as the
 * 基本支出决算表 is (科目编码 · 科目名称 · 决算数, two or three times across the page), but of one column, not split by
 * use (人员经费 | 公用经费): a project table has 301 工资福利支出 too. It closes with one 合计 line, its label under the
 * first lane and its figure under the last lane's 决算数, the lanes between blank. Laid out as pdftotext -layout
 * writes it.
 */

const lane = (code: string, name: string, figure: string) => pad(code, 8) + pad(name, 30) + padL(figure, 12) + "  ";
const row3 = (...c: string[]) => [0, 3, 6].map((k) => lane(c[k] ?? "", c[k + 1] ?? "", c[k + 2] ?? "")).join("").trimEnd();
const row2 = (...c: string[]) => [0, 3].map((k) => lane(c[k] ?? "", c[k + 1] ?? "", c[k + 2] ?? "")).join("").trimEnd();

const FIRST = [
  ["301", "工资福利支出", "120.00"],
  ["30101", "基本工资", ""],
  ["30199", "其他工资福利支出", "120.00"],
  ["303", "对个人和家庭的补助", "30.50"],
  ["30305", "生活补助", "30.50"],
];
const SECOND = [
  ["302", "商品和服务支出", "1,250.75"],
  ["30201", "办公费", "200.25"],
  ["30211", "差旅费", "50.50"],
  ["30227", "委托业务费", "1,000.00"],
  ["30299", "其他商品和服务支出", ""],
];
const THIRD = [
  ["310", "资本性支出", "600.00"],
  ["31002", "办公设备购置", "100.00"],
  ["31007", "信息网络及软件购置更新", "500.00"],
  ["399", "其他支出", ""],
  ["39999", "其他支出", ""],
];

const HEADER = [row3("科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数")];

function body(total = "2,001.25", at: Record<string, string> = {}): string[] {
  const fig = (r: string[]) => [r[0], r[1], at[r[0]] ?? r[2]];
  const lines = FIRST.map((_, i) => row3(...fig(FIRST[i]), ...fig(SECOND[i]), ...fig(THIRD[i])));
  // 合计 once: its label under the first lane, its figure under the last lane's 决算数.
  lines.push(lane("", "合计", "") + lane("", "", "") + lane("", "", total));
  return lines;
}

const TITLE = "一般公共预算财政拨款项目支出决算表";
const load = (lines: string[]) =>
  loadLayoutText("final.txt", layoutTable("国家某局2024年度部门决算", TITLE, "部门：国家某局                                         金额单位：万元", lines));
const project = (doc: BudgetDocument) => doc.tables.find((t) => t.kind === "general-project-economic");
const read = (r: Row) => `${r.code || r.name} ${Object.entries(r.cells).filter(([, c]) => c.amount).map(([k, c]) => `${k}=${c.text}`).join(" ")}`.trim();
const errors = (doc: BudgetDocument) => runRules(doc, rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error");
/** The layout line of body line `i` (the document's title, a blank, the title, a blank and the 单位 line come first). */
const lineOf = (i: number) => 6 + HEADER.length + i;

describe("a table of one column printed in lanes (the 决算's 项目支出决算表 by economic code)", () => {
  it("reads every lane into its one column, 决算数; 合计 takes the figure printed under the last lane", () => {
    const doc = load([...HEADER, ...body()]);
    expect(doc.unknownTables ?? []).toEqual([]);
    const t = project(doc)!;
    expect(t.columns.map((c) => `${c.key}:${c.label}`)).toEqual(["code:科目编码", "name:科目名称", "total:决算数"]);
    expect(t.rows.map(read)).toEqual([
      "301 total=120.00",
      "30101",
      "30199 total=120.00",
      "303 total=30.50",
      "30305 total=30.50",
      "302 total=1,250.75",
      "30201 total=200.25",
      "30211 total=50.50",
      "30227 total=1,000.00",
      "30299",
      "310 total=600.00",
      "31002 total=100.00",
      "31007 total=500.00",
      "399",
      "39999",
      "合计 total=2,001.25",
    ]);
    expect(t.rows.at(-1)!.kind).toBe("department");
    expect(errors(doc)).toEqual([]);
  });

  it("a class total that is not the sum of its items is an error at the class's figure", () => {
    const found = errors(load([...HEADER, ...body("2,001.25", { "302": "1,205.75" })])).filter((f) => f.ruleId === "hierarchy-sum");
    // 302 ≠ Σ its items, and 合计 ≠ Σ the classes (302 among them): both at their own figures.
    expect(found.map((f) => [f.location.line, f.code ?? f.item, f.stated])).toEqual([
      [lineOf(0), "302", "1205.75"],
      [lineOf(5), "合计", "2001.25"],
    ]);
  });

  it("a mistyped 合计 is an error at its figure (under the last lane), with the sum of the classes", () => {
    const found = errors(load([...HEADER, ...body("2,010.25")])).filter((f) => f.ruleId === "hierarchy-sum");
    expect(found.map((f) => [f.location.line, f.stated, f.computed])).toEqual([[lineOf(5), "2010.25", "2001.25"]]);
  });

  it("an item's figure mistyped breaks its class's sum, found at that class", () => {
    const found = errors(load([...HEADER, ...body("2,001.25", { "31002": "110.00" })])).filter((f) => f.ruleId === "hierarchy-sum");
    expect(found.map((f) => [f.location.line, f.code, f.stated, f.computed])).toEqual([[lineOf(0), "310", "600", "610"]]);
  });

  it("two lanes are read the same way", () => {
    const lines = [
      row2("科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数"),
      row2("301", "工资福利支出", "100.00", "302", "商品和服务支出", "40.00"),
      row2("30101", "基本工资", "100.00", "30201", "办公费", "30.00"),
      row2("", "", "", "30202", "印刷费", "10.00"),
      lane("", "合计", "") + lane("", "", "140.00"),
    ];
    const doc = load(lines);
    expect(project(doc)!.rows.map(read)).toEqual(["301 total=100.00", "30101 total=100.00", "302 total=40.00", "30201 total=30.00", "30202 total=10.00", "合计 total=140.00"]);
    expect(errors(doc)).toEqual([]);
  });

  it("its 合计 is the function table's 项目支出 (economic-vs-function): agree, then one retyped", () => {
    const fn = [
      `                    一般公共预算财政拨款支出决算表`,
      "",
      "部门：国家某局                                         金额单位：万元",
      pad("科目编码", 10) + pad("科目名称", 24) + padL("合计", 12) + padL("基本支出", 12) + padL("项目支出", 12),
      pad("207", 10) + pad("文化旅游体育与传媒支出", 24) + padL("2,101.25", 12) + padL("100.00", 12) + padL("2,001.25", 12),
      pad("", 10) + pad("合计", 24) + padL("2,101.25", 12) + padL("100.00", 12) + padL("2,001.25", 12),
      "",
    ];
    const doc = (total: string, classes: Record<string, string> = {}) =>
      loadLayoutText("final.txt", [...fn, `                    ${TITLE}`, "", "金额单位：万元", ...HEADER, ...body(total, classes)].join("\n") + "\n");
    const ok = doc("2,001.25");
    expect(ok.tables.map((t) => t.kind)).toEqual(["general-function", "general-project-economic"]);
    expect(errors(ok)).toEqual([]);
    // 合计 and a class retyped alike (合计 = Σ the classes holds): only the function table tells.
    const found = errors(doc("2,010.25", { "310": "609.00" })).filter((f) => f.ruleId === "economic-vs-function");
    expect(found.map((f) => [f.stated, f.computed])).toEqual([["2010.25", "2001.25"]]);
  });

  it("a 基本支出 table in lanes is still split by use where its header names neither 人员经费 nor 公用经费", () => {
    const doc = loadLayoutText(
      "final.txt",
      layoutTable("国家某局2024年度部门决算", "一般公共预算财政拨款基本支出决算表", "金额单位：万元", [
        row2("科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数"),
        row2("301", "工资福利支出", "100.00", "302", "商品和服务支出", "40.00"),
        row2("30101", "基本工资", "100.00", "30201", "办公费", "40.00"),
      ]),
    );
    const t = doc.tables.find((x) => x.kind === "general-basic-economic")!;
    expect(t.rows.map(read)).toEqual(["301 personnel=100.00", "30101 personnel=100.00", "302 public=40.00", "30201 public=40.00"]);
  });

  it("in a 基本支出 table, a 合计 of every lane printed across an empty lane is no lane's 合计 (人员经费's)", () => {
    const doc = loadLayoutText(
      "final.txt",
      layoutTable("国家某局2024年度部门决算", "一般公共预算财政拨款基本支出决算表", "金额单位：万元", [
        row3("科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数"),
        row3("301", "工资福利支出", "100.00", "302", "商品和服务支出", "40.00", "310", "资本性支出", "5.00"),
        row3("30101", "基本工资", "100.00", "30201", "办公费", "40.00", "31002", "办公设备购置", "5.00"),
        lane("", "合计", "") + lane("", "", "") + lane("", "", "145.00"),
      ]),
    );
    const t = doc.tables.find((x) => x.kind === "general-basic-economic");
    expect(t?.rows.find((r) => r.name === "合计")?.cells.personnel?.text ?? "").not.toBe("145.00");
    expect(errors(doc)).toEqual([]);
  });
});

describe("laneKinds", () => {
  const tok = { text: "x", x0: 0, x1: 1 } as LayoutToken;
  const rec = (lane: number, code: string | null, footer: LaneRecord["footer"] = null): LaneRecord => ({
    lane,
    code,
    name: "",
    line: { line: 1, text: "", page: 1 } as unknown as LayoutLine,
    labelToken: tok,
    nameToken: null,
    amount: null,
    footer,
  });

  it("not split by use: every lane holds the table's one column", () => {
    expect(laneKinds([rec(0, "301"), rec(1, "302"), rec(2, "310"), rec(0, null, "total")], 3, false)).toEqual(["total", "total", "total"]);
  });

  it("split by use (the default): by the classes, 301 · 303 人员经费", () => {
    expect(laneKinds([rec(0, "301"), rec(1, "302"), rec(2, "310")], 3)).toEqual(["personnel", "public", "public"]);
  });

  it("not split, yet a lane's 合计 line names 人员经费: the lanes are split as their 合计 lines say", () => {
    expect(laneKinds([rec(0, "301"), rec(1, "302"), rec(0, null, "personnel")], 2, false)).toEqual(["personnel", "public"]);
  });
});
