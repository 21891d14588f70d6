import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { claimsOf, claimsOfKind, forgetClaims } from "../../src/claims/index.js";
import type { Change } from "../../src/claims/types.js";
import { loadMarkdown } from "../../src/loaders/markdown.js";
import type { Amount } from "../../src/model/amount.js";
import { defaultTemplate } from "../../src/templates/index.js";
import { ROOT, SEED } from "../helpers/cli.js";

/*
 * Every kind of claim the seed's written parts make, as a reader finds them in
 * fixtures/shenzhen-sast-2023/document.md (values and the line each figure is printed on).
 */
const seed = loadMarkdown(SEED, readFileSync(join(ROOT, SEED), "utf8"), defaultTemplate);
const v = (a: Amount | null | undefined) => (a ? `${a.value.toFixed()}@${a.location.line}` : null);
const ch = (c: Change | null) => (c ? [c.kind, v(c.amount), c.percentDirection, v(c.percent)] : null);

describe("claims read from the seed's written parts", () => {
  it("第二部分: income and expenditure 9,724, +714, 增长 8% (line 72)", () => {
    expect(claimsOfKind(seed, "department-total").map((c) => [c.side, v(c.amount), ch(c.change)])).toEqual([
      ["income", "9724@72", ["increase", "714@72", "increase", "8@72"]],
      ["expenditure", "9724@72", ["increase", "714@72", "increase", "8@72"]],
    ]);
  });

  it("第三部分: the three unit budgets with their four components, including 中心's garbled 人员：支出", () => {
    expect(claimsOfKind(seed, "unit-budget").map((u) => [u.unit, v(u.amount), ...u.components.map((c) => `${c.component}=${v(c.amount)}`)])).toEqual([
      ["深圳市科学技术协会(本级)", "5473@82", "personnel=873@82", "public=131@82", "individual=166@82", "project=4302@82"],
      ["深圳市科技交流服务中心", "1931@118", "personnel=1168@118", "public=73@118", "individual=180@118", "project=510@118"],
      ["深圳市科学馆", "2320@140", "personnel=964@140", "public=275@140", "individual=144@140", "project=937@140"],
    ]);
    expect(claimsOfKind(seed, "unit-component").map((c) => `${c.component}=${v(c.amount)}`)).toEqual([
      "personnel=873@84", "public=131@86", "individual=166@88", "project=4302@90",
      "personnel=1168@120", "public=73@122", "individual=180@124", "project=510@126",
      "personnel=964@142", "public=275@144", "individual=144@146", "project=937@148",
    ]);
  });

  it("第三部分: the 17 projects with amount, sub-items and year-on-year statement", () => {
    const projects = claimsOfKind(seed, "project").map((p) => [p.number, p.name, v(p.amount), p.items.map((i) => v(i.amount)).join(" "), ch(p.change)]);
    expect(projects).toEqual([
      [1, "综合管理", "5@92", "5@92", ["increase", "5@92", "increase", "100@92"]],
      [2, "信息化系统运行维护", "36@96", "5@96 28@96 3@96", ["increase", "3@96", "increase", "8@96"]],
      [3, "学会能力提升和学术交流促进项目", "2247@98", "289@98 94@98 108@98 900@98 10@98 70@98 196@98 118@98 391@98 72@98", ["increase", "327@98", "increase", "15@98"]],
      [4, "科协组织建设与事业发展", "659@100", "148@100 20@100 400@100 10@100 33@102 49@102", ["decrease", "59@102", "decrease", "9@102"]],
      [5, "信息化新建项目(非政府投资项目)", "10@104", "", ["decrease", "10@104", null, null]],
      [6, "信息化运维项目", "20@106", "", ["new", "20@106", null, null]],
      [7, "预算准备金", "45@108", "", ["same", null, null, null]],
      [8, "科普能力提升项目", "1197@110", "48@110 170@110 30@110 300@110 49@110 600@110", ["increase", "427@110", "increase", "36@110"]],
      [9, "课题调研活动", "82@112", "", ["decrease", "48@112", "decrease", "59@112"]],
      [1, "综合管理", "7@128", "", ["same", null, null, null]],
      [2, "信息化运维项目", "14@130", "", ["increase", "7@130", "increase", "100@130"]],
      [3, "科技创新与交流", "408@132", "243@132 47@132 59@134 59@134", ["decrease", "127@134", "decrease", "24@134"]],
      [4, "科技智库与交流", "81@136", "70@136 11@136", ["decrease", "87@136", "decrease", "52@136"]],
      [1, "小型工程类项目(非政府投资项目)", "12@150", "12@150", ["new", "12@150", "increase", "100@150"]],
      [2, "办公设备采购", "1@152", "1@152", ["decrease", "8@152", "decrease", "80@152"]],
      [3, "科技馆免费开放补助资金", "420@154", "420@154", ["new", "420@154", "increase", "100@154"]],
      [4, "科普能力提升项目", "504@156", "35@156 88@158 45@158 88@158 247@158", ["decrease", "221@158", "decrease", "30@158"]],
    ]);
    const units = claimsOfKind(seed, "project").map((p) => p.unit);
    expect(units.filter((u) => u === "深圳市科学技术协会(本级)")).toHaveLength(9);
    expect(units.filter((u) => u === "深圳市科技交流服务中心")).toHaveLength(4);
    expect(units.filter((u) => u === "深圳市科学馆")).toHaveLength(4);
    // 科学馆's 科普能力提升项目 prints its own header twice (line 156); the second is a restatement, not a sub-item.
    expect(claimsOfKind(seed, "project")[16].restated.map(v)).toEqual(["504@156"]);
  });

  it("第四部分: 政府采购 171 = 货物 13 + 工程 0 + 服务 158 (line 162)", () => {
    expect(claimsOfKind(seed, "procurement").map((p) => [v(p.amount), ...p.components.map((c) => `${c.component}=${v(c.amount)}`)])).toEqual([
      ["171@162", "goods=13@162", "works=0@162", "services=158@162"],
    ]);
  });

  it("第五部分: 三公 15 (+0, 0%), 出国 0 printed four times, 接待 4, 公务用车 11 = 购置 0 + 运行 11, 保有量 3 辆 twice", () => {
    expect(claimsOfKind(seed, "sanggong").map((s) => [s.component, v(s.amount), ch(s.change)])).toEqual([
      ["total", "15@166", ["increase", "0@166", "increase", "0@166"]],
      ["abroad", "0@166", null],
      ["abroad", "0@168", null],
      ["abroad", "0@170", null],
      ["abroad", "0@170", null],
      ["reception", "4@172", ["increase", "0@172", null, null]],
      ["vehicle", "11@174", null],
      ["vehicle-purchase", "0@176", ["increase", "0@176", null, null]],
      ["vehicle-operation", "11@178", ["increase", "0@178", null, null]],
    ]);
    expect(claimsOfKind(seed, "vehicle-count").map((c) => [v(c.count), c.count.exact, c.unchanged])).toEqual([
      ["3@168", true, true],
      ["3@178", true, true],
    ]);
  });

  it("第六部分: 5,749 万元 and 17 project goals (line 188); 3 基层单位 (line 184)", () => {
    expect(claimsOfKind(seed, "performance").map((p) => [v(p.amount), v(p.goals)])).toEqual([["5749@188", "17@188"]]);
  });

  it("第七部分: the 17 rows of the key-project table, amounts like `1, 197` read as 1197", () => {
    expect(claimsOfKind(seed, "key-project").map((k) => `${k.name}=${v(k.amount)}`)).toEqual([
      "科协组织建设与事业发展=659@195",
      "科普能力提升项目（市科学技术协会本级）=1197@196",
      "学会能力提升和学术交流促进项目=2247@197",
      "课题调研活动=82@200",
      "信息化运维项目 (市科学技术协会本级)=20@201",
      "信息化新建项目 (非政府投资项目) (市科学技术协会本级)=10@202",
      "信息化系统运行维护 (市科学技术协会本级)=36@203",
      "预算准备金=45@206",
      "综合管理（市科学技术协会本级）=5@207",
      "科技创新与交流=408@208",
      "科技智库与交流=81@209",
      "信息化运维项目（市科技交流服务中心）=14@210",
      "综合管理（市科技交流服务中心）=7@211",
      "科技馆免费开放补助资金 (市科学馆)=420@213",
      "科普能力提升项目(市科学馆)=504@214",
      "小型工程类项目(非政府投资)=12@215",
      "办公设备采购=1@216",
    ]);
  });

  it("第八部分: 机关运行经费 131 (line 224), +13, 增长 10% (line 226); 国有资产 车辆 3, 通用设备 1, 专用设备 0, nothing planned", () => {
    expect(claimsOfKind(seed, "operating-cost").map((o) => [v(o.amount), ch(o.change)])).toEqual([["131@224", ["increase", "13@226", "increase", "10@226"]]]);
    expect(claimsOfKind(seed, "assets").map((a) => [a.item, a.planned, v(a.count)])).toEqual([
      ["vehicles", false, "3@230"],
      ["general-equipment", false, "1@230"],
      ["special-equipment", false, "0@230"],
      ["vehicles", true, "0@232"],
      ["general-equipment", true, "0@232"],
      ["special-equipment", true, "0@232"],
    ]);
  });

  it("第一部分: staffing of the system and of each unit, and 3 基层单位 named", () => {
    const s = claimsOfKind(seed, "staffing").map((c) => [c.unit, ...(["admin", "adminActual", "service", "serviceActual", "retiredCadres", "retired"] as const).map((f) => v(c.counts[f]))]);
    expect(s).toEqual([
      [null, "15@44", "11@44", "47@44", "42@44", "0@44", "53@44"],
      ["深圳市科学技术协会(本级)", "15@48", "11@48", "0@48", "0@48", "0@48", "15@48"],
      ["深圳市科技交流服务中心", "0@50", "0@50", "25@50", "21@50", "0@50", "21@50"],
      ["深圳市科学馆", "0@52", "0@52", "22@52", "21@52", "0@52", "17@52"],
    ]);
    expect(claimsOfKind(seed, "base-units").map((b) => [v(b.count), b.names.length])).toEqual([
      ["3@44", 3],
      ["3@184", 3],
    ]);
  });

  it("keeps the paragraphs, with the repeated list item broken over a page (lines 62–64) as one", () => {
    const p = claimsOf(seed).paragraphs.find((x) => x.location.line === 62);
    expect(p?.lines).toEqual([62, 64]);
    expect(p?.text).toBe("3.全面加强深圳科普能力建设,加快“全域科普”试点工作实施,促进全民科学素质普遍提高,深圳科普月、深圳科技影视周等品牌活动效果突出;");
  });
});

describe("the claims memo", () => {
  it("extracts a document's claims once, and again only after forgetClaims (checkPackage forgets a checked document)", () => {
    const doc = loadMarkdown(SEED, readFileSync(join(ROOT, SEED), "utf8"), defaultTemplate);
    const first = claimsOf(doc);
    expect(claimsOf(doc)).toBe(first);
    forgetClaims(doc);
    const again = claimsOf(doc);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});
