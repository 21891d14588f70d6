import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { rules } from "../../src/rules/index.js";
import { generic } from "../../src/templates/generic.js";
import { templateByTitle } from "../../src/templates/index.js";
import { layoutTable, pad, padL } from "../helpers/layout.js";

/*
 * A 部门预算's 政府采购预算表 (round 47): by unit (单位编码 | 单位名称 | 合计 | 货物 | 工程 | 服务, 陕西's and 北京's, 北京's
 * with 采购品目 over the three kinds), by project (单位名称 | 项目名称 | 采购品目 | 采购类别 | 合计 | its sources |
 * 其中：面向中小企业预留, 福建's) or as a list of purchases (项目 | 品目 | 金额, 宁夏's). Before, every one was listed as not
 * read, with no reason.
 */
const load = (text: string) => loadLayoutText("预算.txt", text);
const findings = (text: string) => runRules(load(text), rules, { tolerance: { kind: "auto" }, lang: "en" });
const errors = (text: string) => findings(text).filter((f) => f.severity === "error");
const DEPT = "陕西省某局2025年部门预算";
const UNIT_LINE = "单位名称：陕西省某局                                                             单位：万元";

const unitRow = (code: string, name: string, xs: string[]) => `${pad(code, 10)}${pad(name, 30)}${xs.map((x) => padL(x, 12)).join("")}`;
const byUnit = (header: string[], { unit = "46.91", total = "1497.12", goods = "12.35" } = {}) =>
  layoutTable(DEPT, "陕西省某局2025年部门政府采购预算表", UNIT_LINE, [
    ...header,
    unitRow("", "合计", [total, "228.01", "0.00", "1269.11"]),
    unitRow("353001", "陕西省某局机关", ["1111.10", "123.45", "0.00", "987.65"]),
    unitRow("353002", "陕西省某局数据中心", ["322.21", "87.65", "0.00", "234.56"]),
    unitRow("353003", "陕西省某研究所", [unit, goods, "0.00", "34.56"]),
    unitRow("353004", "陕西省某宣传中心", ["16.90", "4.56", "0.00", "12.34"]),
  ]);
const ONE_LINE = [unitRow("单位编码", "单位名称", ["合计", "货物类", "工程类", "服务类"])];
// 采购品目 over 货物 | 工程 | 服务 (北京's merged cells).
const UNDER_GROUP = [unitRow("", "", ["", "", "采购品目", ""]), unitRow("单位编码", "单位名称", ["合计", "货物", "工程", "服务"])];

describe("政府采购预算表: recognised by its title", () => {
  it.each([
    "北京市园林绿化局2026年政府采购预算表",
    "2025年政府采购预算表",
    "陕西省统计局2025年部门政府采购预算表",
    "政府采购支出预算表",
    "表10 政府采购预算表",
    "2026年部门政府采购预算表（续表）",
  ])("%s", (title) => expect(templateByTitle(generic, title)?.kind).toBe("procurement"));

  it.each(["政府性基金预算支出表", "部门支出总表", "项目支出预算表"])("not %s", (title) => expect(templateByTitle(generic, title)?.kind).not.toBe("procurement"));
});

describe("政府采购预算表 by unit: 合计 | 货物 | 工程 | 服务", () => {
  it.each([
    ["on one line", ONE_LINE],
    ["采购品目 over the kinds", UNDER_GROUP],
  ])("is read (%s): a row per unit under the 合计, no error", (_, header) => {
    const d = load(byUnit(header));
    expect(d.unknownTables ?? []).toEqual([]);
    const t = d.tables.find((x) => x.kind === "procurement")!;
    expect(t.columns.filter((c) => c.kind === "amount").map((c) => c.key)).toEqual(["total", "goods", "works", "services"]);
    expect(t.rows.map((r) => `${r.kind} ${r.name} ${r.cells.total?.text} ${r.cells.goods?.text} ${r.cells.works?.text} ${r.cells.services?.text}`)).toEqual([
      "department 合计 1497.12 228.01 0.00 1269.11",
      "unit 陕西省某局机关 1111.10 123.45 0.00 987.65",
      "unit 陕西省某局数据中心 322.21 87.65 0.00 234.56",
      "unit 陕西省某研究所 46.91 12.35 0.00 34.56",
      "unit 陕西省某宣传中心 16.90 4.56 0.00 12.34",
    ]);
    expect(errors(byUnit(header))).toEqual([]);
  });

  it("fails: a unit's 合计 that its 货物 + 工程 + 服务 do not make (row-total), and a 合计 its units do not make (hierarchy-sum)", () => {
    const rowTotal = errors(byUnit(ONE_LINE, { unit: "64.91", total: "1515.12" })).filter((f) => f.ruleId === "row-total");
    expect(rowTotal.map((f) => [f.table, f.unit, f.stated, f.computed])).toEqual([
      ["T20", null, "1515.12", "1497.12"],
      ["T20", "陕西省某研究所", "64.91", "46.91"],
    ]);
    const sums = errors(byUnit(ONE_LINE, { total: "1479.12" })).filter((f) => f.ruleId === "hierarchy-sum" || f.ruleId === "row-total");
    expect(sums.map((f) => [f.ruleId, f.item, f.stated, f.computed])).toEqual(
      expect.arrayContaining([
        ["hierarchy-sum", "合计", "1479.12", "1497.12"],
        ["row-total", "合计", "1479.12", "1497.12"],
      ]),
    );
  });

  it("a 合计 | 货物 | 服务 table (no 工程 column) is read, its 合计 not judged against two kinds", () => {
    const two = byUnit(ONE_LINE).replace(/^(.*?)(\s+\S+)(\s+\S+)(\s+\S+)$/gm, (line, a: string, b: string, c: string, d: string) => (/工程|0\.00/.test(c) ? `${a}${b}${d}` : line));
    expect(two).not.toContain("工程类");
    const d = load(two);
    expect(d.tables.find((x) => x.kind === "procurement")?.columns.map((c) => c.key)).toEqual(["code", "name", "total", "goods", "services"]);
    expect(errors(two)).toEqual([]);
  });

  it("a column the kind does not know (数量, whose counts are no money) leaves the table listed, with no finding", () => {
    const qty = byUnit(ONE_LINE).replace("服务类", "服务类        数量").replace(/^(\s*353\d{3}.*)$/gm, "$1           3");
    const d = load(qty);
    expect(d.tables.find((x) => x.kind === "procurement")).toBeUndefined();
    expect((d.unknownTables ?? []).map((u) => u.title)).toEqual([expect.stringMatching(/政府采购预算表（表头未能识别 header not understood: .*数量/)]);
    expect(findings(qty).filter((f) => f.severity !== "info")).toEqual([]);
  });
});

const projectRow = (unit: string, project: string, item: string, kind: string, xs: string[]) =>
  `${pad(unit, 22)}${pad(project, 20)}${pad(item, 18)}${pad(kind, 6)}${xs.map((x) => padL(x, 14)).join("")}`;
const byProject = ({ total = "6599288.00", sme = "2939600.00" } = {}) =>
  layoutTable("福建省某局2025年部门预算", "2025年政府采购预算表", "                                                                                   单位：元", [
    projectRow("单位名称", "项目名称", "采购品目", "采购类别", ["合计", "一般公共预算", "政府性基金预算", "其他资金", "其中：面向中小企业预留"]),
    projectRow("", "合计", "", "", ["12738489.00", "12738489.00", "0.00", "0.00", "9538888.00"]),
    projectRow("福建省某局（本级）", "森林资源监测", "监测服务", "服务", [total, "6599288.00", "0.00", "0.00", "6599288.00"]),
    projectRow("福建省某局（本级）", "有害生物防治", "防治药剂", "货物", ["5879201.00", "5879201.00", "0.00", "0.00", sme]),
    projectRow("福建省某研究院", "仪器设备购置", "监测仪器", "货物", ["260000.00", "260000.00", "0.00", "0.00", "0.00"]),
  ]);

describe("政府采购预算表 by project: its words (采购品目, 采购类别), 合计, sources and 面向中小企业预留", () => {
  it("is read: a row per project with its unit, no error", () => {
    const d = load(byProject());
    expect(d.unknownTables ?? []).toEqual([]);
    const t = d.tables.find((x) => x.kind === "procurement")!;
    expect(t.columns.filter((c) => c.kind === "amount").map((c) => c.key)).toEqual(["total", "general-public", "gov-fund", "other-funds", "proc-sme"]);
    expect(t.rows.map((r) => [r.kind, r.unit, r.cells.total?.text])).toEqual([
      ["department", null, "12738489.00"],
      ["item", "福建省某局（本级）", "6599288.00"],
      ["item", "福建省某局（本级）", "5879201.00"],
      ["item", "福建省某研究院", "260000.00"],
    ]);
    expect(errors(byProject())).toEqual([]);
  });

  it("fails: a project's 合计 its sources do not make, and a 面向中小企业预留 above the 合计 (part-of-total)", () => {
    const rowTotal = errors(byProject({ total: "6599828.00" })).filter((f) => f.ruleId === "row-total");
    expect(rowTotal.map((f) => [f.unit, f.stated, f.computed])).toEqual([["福建省某局（本级）", "6599828", "6599288"]]);
    const part = errors(byProject({ sme: "5897201.00" })).filter((f) => f.ruleId === "part-of-total");
    expect(part.map((f) => [f.unit, f.column, f.stated, f.computed])).toEqual([["福建省某局（本级）", "其中：面向中小企业预留", "5897201", "5879201"]]);
  });
});

describe("the text's 政府采购 against the 政府采购预算表 (text-vs-table)", () => {
  const text = (total: string, goods: string, services: string) =>
    `                    ${DEPT}\n\n第一部分 部门预算情况说明\n十、政府采购预算情况\n  2025年本部门政府采购预算${total}万元，其中：货物类${goods}万元，\n工程类0.00万元，服务类${services}万元。\n\n`;
  const doc = (t: string) => t + byUnit(ONE_LINE).split("\n").slice(1).join("\n");
  const textErrors = (t: string) => errors(doc(t)).filter((f) => f.ruleId === "text-vs-table");

  it("agrees: no finding", () => expect(errors(doc(text("1497.12", "228.01", "1269.11")))).toEqual([]));

  it("fails: a total and kinds the table does not print", () => {
    expect(textErrors(text("1479.12", "228.01", "1251.11")).map((f) => [f.item, f.stated, f.computed])).toEqual([
      ["政府采购", "1479.12", "1497.12"],
      ["服务采购", "1251.11", "1269.11"],
    ]);
    expect(textErrors(text("1497.12", "282.01", "1215.11")).map((f) => [f.item, f.stated, f.computed])).toEqual([
      ["货物采购", "282.01", "228.01"],
      ["服务采购", "1215.11", "1269.11"],
    ]);
  });
});
