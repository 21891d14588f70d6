import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import type { BudgetDocument, Row } from "../../src/model/document.js";
import { rules } from "../../src/rules/index.js";
import { layoutTable, pad, padL } from "../helpers/layout.js";

/*
 * The national 决算 template's 一般公共预算财政拨款基本支出决算表 (central departments' 公开06表, and the provinces'
 * that follow it), read by kind alone: three lanes side by side, 人员经费 in the first, 公用经费 in the other two
 * (302 in the second; 307 · 310 · 399 in the third), each lane 科目编码 · 科目名称 · 决算数 with 款 codes printed
 * whole (30101), closed by 人员经费合计 under the first lane and 公用经费合计 spanning the other two, its figure
 * under the third lane's 决算数. Laid out as pdftotext -layout writes it; no bundled document prints it.
 */

const lane = (code: string, name: string, figure: string) => pad(code, 8) + pad(name, 30) + padL(figure, 10) + "  ";
const row = (...cells: string[]) => [0, 3, 6].map((k) => lane(cells[k] ?? "", cells[k + 1] ?? "", cells[k + 2] ?? "")).join("").trimEnd();

const PERSONNEL = [
  ["301", "工资福利支出", "2,082.85"],
  ["30101", "基本工资", "262.33"],
  ["30102", "津贴补贴", "1,238.58"],
  ["30107", "绩效工资", "501.56"],
  ["30108", "机关事业单位基本养老保险缴费", "80.38"],
  ["303", "对个人和家庭的补助", "12.00"],
  ["30302", "退休费", "12.00"],
];
const PUBLIC = [
  ["302", "商品和服务支出", "171.07"],
  ["30201", "办公费", "21.21"],
  ["30202", "印刷费", "7.61"],
  ["30211", "差旅费", "42.25"],
  ["30299", "其他商品和服务支出", "100.00"],
];
const PUBLIC_MORE = [
  ["307", "债务利息及费用支出", ""],
  ["30701", "国内债务付息", "-"],
  ["310", "资本性支出", "5.00"],
  ["31002", "办公设备购置", "5.00"],
  ["399", "其他支出", ""],
];

const HEADER = [
  "                     人员经费                                                           公用经费",
  row("科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数"),
];

function body(personnelTotal = "2,094.85", publicTotal = "176.07"): string[] {
  const lines: string[] = [];
  for (let i = 0; i < PERSONNEL.length; i++) lines.push(row(...(PERSONNEL[i] ?? []), ...(PUBLIC[i] ?? ["", "", ""]), ...(PUBLIC_MORE[i] ?? [])));
  // 公用经费合计 spans the second and third lanes: its label under the second, its figure under the third's 决算数.
  lines.push(lane("", "人员经费合计", personnelTotal) + lane("", "公用经费合计", "") + lane("", "", publicTotal));
  return lines;
}

const TITLE = "一般公共预算财政拨款基本支出决算表";
const load = (lines: string[]) =>
  loadLayoutText("final.txt", layoutTable("国家某局2024年度部门决算", TITLE, "部门：国家某局                                         金额单位：万元", lines));
const basic = (doc: BudgetDocument) => doc.tables.find((t) => t.kind === "general-basic-economic");
const read = (r: Row) => `${r.code || r.name} ${Object.entries(r.cells).filter(([, c]) => c.amount).map(([k, c]) => `${k}=${c.text}`).join(" ")}`.trim();
const errors = (doc: BudgetDocument) => runRules(doc, rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error");

describe("the national template's three-lane 基本支出决算表, read by kind alone", () => {
  it("reads each lane's codes, names and figures; the third lane is 公用经费's; 公用经费合计 takes the figure printed under the third lane", () => {
    const doc = load([...HEADER, ...body()]);
    expect(doc.unknownTables ?? []).toEqual([]);
    const t = basic(doc)!;
    expect(t.columns.map((c) => c.key)).toEqual(["code", "name", "personnel", "public"]);
    expect(t.rows.map(read)).toEqual([
      "301 personnel=2,082.85",
      "30101 personnel=262.33",
      "30102 personnel=1,238.58",
      "30107 personnel=501.56",
      "30108 personnel=80.38",
      "303 personnel=12.00",
      "30302 personnel=12.00",
      "302 public=171.07",
      "30201 public=21.21",
      "30202 public=7.61",
      "30211 public=42.25",
      "30299 public=100.00",
      "307",
      "30701",
      "310 public=5.00",
      "31002 public=5.00",
      "399",
      "合计 personnel=2,094.85 public=176.07",
    ]);
    expect(t.rows.find((r) => r.code === "30108")!.name).toBe("机关事业单位基本养老保险缴费");
    expect(errors(doc)).toEqual([]);
  });

  it("a mistyped 人员经费合计 is an error at its cell, with the sum it should be", () => {
    const doc = load([...HEADER, ...body("2,094.58")]);
    const found = errors(doc).filter((f) => f.ruleId === "hierarchy-sum");
    expect(found).toHaveLength(1);
    const f = found[0] as unknown as { location: { line: number }; stated: string; computed: string };
    expect(f.location.line).toBe(6 + HEADER.length + PERSONNEL.length);
    expect([f.stated, f.computed]).toEqual(["2094.58", "2094.85"]);
  });

  it("a 公用经费 figure of the third lane that does not add up is an error there", () => {
    const lines = [...HEADER, ...body()];
    lines[HEADER.length + 3] = lines[HEADER.length + 3].replace(/5\.00$/, "6.00");
    const found = errors(load(lines)).filter((f) => f.ruleId === "hierarchy-sum");
    expect(found.map((f) => f.location.line)).toEqual([6 + HEADER.length + 2]);
  });

  it("continued on a second page (its page number, the title with （续） and the header again): one table, each figure on its page", () => {
    const rows = body("2,094.58");
    const lines = [...HEADER, ...rows.slice(0, 3), "                                   - 1 -", `\f                    ${TITLE}（续）`, ...HEADER, ...rows.slice(3)];
    const doc = load(lines);
    expect(doc.unknownTables ?? []).toEqual([]);
    const t = basic(doc)!;
    // Every code read once (a page's lanes one after another: the rows of page 2 follow those of page 1).
    expect(t.rows.filter((r) => r.code).map((r) => r.code).sort()).toEqual(["301", "30101", "30102", "30107", "30108", "303", "30302", "302", "30201", "30202", "30211", "30299", "307", "30701", "310", "31002", "399"].sort());
    const found = errors(doc).filter((f) => f.ruleId === "hierarchy-sum");
    expect(found.map((f) => [f.location.page, f.stated])).toEqual([[2, "2094.58"]]);
  });

  it("without 合计 lines, the lanes are told apart by their economic classes (301 · 303 are 人员经费)", () => {
    const lines = [...HEADER, ...body()].slice(0, -1);
    const t = basic(load(lines))!;
    expect(t.rows.find((r) => r.code === "303")!.cells.personnel.text).toBe("12.00");
    expect(t.rows.find((r) => r.code === "310")!.cells.public.text).toBe("5.00");
  });

  it("two lanes under a kind-alone reading (人员经费 | 公用经费) are read the same way", () => {
    const two = (...c: string[]) => [0, 3].map((k) => lane(c[k] ?? "", c[k + 1] ?? "", c[k + 2] ?? "")).join("").trimEnd();
    const lines = [
      two("科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数"),
      two("301", "工资福利支出", "100.00", "302", "商品和服务支出", "40.00"),
      two("30101", "基本工资", "100.00", "30201", "办公费", "30.00"),
      two("", "", "", "30202", "印刷费", "10.00"),
      two("", "人员经费合计", "100.00", "", "公用经费合计", "41.00"),
    ];
    const doc = load(lines);
    expect(basic(doc)!.rows.map(read)).toEqual(["301 personnel=100.00", "30101 personnel=100.00", "302 public=40.00", "30201 public=30.00", "30202 public=10.00", "合计 personnel=100.00 public=41.00"]);
    expect(errors(doc).filter((f) => f.ruleId === "hierarchy-sum").map((f) => f.location.line)).toEqual([6 + 4]);
  });

  it("the lanes' 合计s together are the function table's 基本支出 (economic-vs-function): agree, then one retyped", () => {
    const fn = (basicTotal: string) => [
      `                    一般公共预算财政拨款支出决算表`,
      "",
      "部门：国家某局                                         金额单位：万元",
      pad("科目编码", 10) + pad("科目名称", 24) + padL("合计", 12) + padL("基本支出", 12) + padL("项目支出", 12),
      pad("201", 10) + pad("一般公共服务支出", 24) + padL("2,370.92", 12) + padL(basicTotal, 12) + padL("100.00", 12),
      pad("", 10) + pad("合计", 24) + padL("2,370.92", 12) + padL(basicTotal, 12) + padL("100.00", 12),
      "",
    ];
    const doc = (basicTotal: string) =>
      loadLayoutText("final.txt", [...fn(basicTotal), `                    ${TITLE}`, "", "金额单位：万元", ...HEADER, ...body()].join("\n") + "\n");
    const ok = doc("2,270.92");
    expect(ok.tables.map((t) => t.kind)).toEqual(["general-function", "general-basic-economic"]);
    expect(errors(ok)).toEqual([]);
    const found = errors(doc("2,207.92")).filter((f) => f.ruleId === "economic-vs-function");
    expect(found).toHaveLength(1);
    expect(found[0].message).toMatch(/2,?207\.92/);
  });

  it("a one-lane table with 人员经费 and 公用经费 columns is still read as one classified table", () => {
    const lines = [
      pad("科目编码", 8) + pad("科目名称", 30) + padL("合计", 10) + padL("人员经费", 12) + padL("公用经费", 12),
      pad("301", 8) + pad("工资福利支出", 30) + padL("100.00", 10) + padL("100.00", 12) + padL("", 12),
      pad("302", 8) + pad("商品和服务支出", 30) + padL("40.00", 10) + padL("", 12) + padL("40.00", 12),
      pad("", 8) + pad("合计", 30) + padL("140.00", 10) + padL("100.00", 12) + padL("40.00", 12),
    ];
    const t = basic(load(lines))!;
    expect(t.rows.map(read)).toEqual(["301 total=100.00 personnel=100.00", "302 total=40.00 public=40.00", "合计 total=140.00 personnel=100.00 public=40.00"]);
  });
});
