import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import type { BudgetDocument, Row } from "../../src/model/document.js";
import { rules } from "../../src/rules/index.js";
import { shanghaiFinal } from "../../src/templates/shanghai.js";

/*
 * The 决算's 一般公共预算财政拨款基本支出决算表: two classified lanes side by side (人员经费 | 公用经费), each
 * row's figure printed on its code line or a line above or below it, the 款 code of the right lane on the
 * line under its 类 code. Synthetic pages in the shapes the real exports take (pdftotext's text puts a tall
 * row's figure above its code line; a PDF's baselines put it beside the name under it).
 */

const HEADER = [
  "                    一般公共预算财政拨款基本支出决算表",
  "                                                                 单位：万元",
  "",
  "    经济分类                                   经济分类",
  "    科目编码                                   科目编码",
  "                   科目名称      决算数                         科目名称        决算数",
  "        款                                      款",
  "类                                      类",
  "",
];

// Figures above their code lines (as pdftotext prints the real document), 款 of the right lane underneath.
const ABOVE = [
  "301                           130.00   302                            40.00",
  "            工资福利支出                                 商品和服务支出",
  "",
  "                               100.00                                   30.00",
  "301    01                              302",
  "            基本工资                              01   办公费",
  "",
  "                                30.00",
  "                                                                        10.00",
  "301    02                              302",
  "            津贴补贴                              02   印刷费",
  "",
  "                               130.00                                   40.00",
  "           人员经费合计                              公用经费合计",
];

// Figures beside the name, a line under the code (a PDF's baselines); a tie between two code lines.
const BELOW = [
  "301                           130.00   302                            40.00",
  "            工资福利支出                                 商品和服务支出",
  "301    01                              302",
  "            基本工资           100.00              01   办公费             30.00",
  "301    02                              302",
  "            津贴补贴            30.00              02   印刷费             10.00",
  "                               130.00                                   40.00",
  "           人员经费合计                              公用经费合计",
];

const load = (body: string[]) => loadLayoutText("final.txt", [...HEADER, ...body].join("\n"), { template: shanghaiFinal });
const basic = (doc: BudgetDocument) => doc.tables.find((t) => t.kind === "general-basic-economic");
const read = (r: Row) => `${r.code ?? r.name} ${r.name ?? ""} ${Object.entries(r.cells).filter(([, c]) => c.amount).map(([k, c]) => `${k}=${c.text}`).join(" ")}`.trim();

const EXPECTED = [
  "301 工资福利支出 personnel=130.00",
  "30101 基本工资 personnel=100.00",
  "30102 津贴补贴 personnel=30.00",
  "302 商品和服务支出 public=40.00",
  "30201 办公费 public=30.00",
  "30202 印刷费 public=10.00",
  "合计 合计 personnel=130.00 public=40.00",
];

describe("the two-lane 基本支出决算表", () => {
  it("figures above their code lines: each lane read, 款 codes joined, the lanes' 合计 as the 合计 row", () => {
    const doc = load(ABOVE);
    expect(doc.unknownTables).toEqual([]);
    expect(basic(doc)!.rows.map(read)).toEqual(EXPECTED);
    expect(basic(doc)!.columns.map((c) => c.key)).toEqual(["code", "name", "personnel", "public"]);
  });

  it("figures a line under their code lines (a figure midway between two codes goes where the sums hold)", () => {
    const doc = load(BELOW);
    expect(doc.unknownTables).toEqual([]);
    expect(basic(doc)!.rows.map(read)).toEqual(EXPECTED);
  });

  it("a figure keeps the line it is printed on", () => {
    const t = basic(load(ABOVE))!;
    const wages = t.rows.find((r) => r.code === "30101")!;
    expect(wages.cells.personnel.location.line).toBe(HEADER.length + 4);
    expect(wages.location.line).toBe(HEADER.length + 5);
  });

  it("the lanes' sums are checked: a 款 figure off by 3 breaks 类 = Σ 款", () => {
    const body = [...ABOVE];
    body[7] = body[7].replace("30.00", "33.00");
    const findings = runRules(load(body), rules, { tolerance: { kind: "auto" }, lang: "en" });
    const errors = findings.filter((f) => f.severity === "error" && f.ruleId === "hierarchy-sum");
    expect(errors.map((f) => `${(f as unknown as { code: string }).code} ${f.location.line}`)).toEqual(["301 10"]);
  });

  it("two figures beside one code: the table is listed as not read, never guessed", () => {
    const body = [...ABOVE];
    body[2] = "                                 5.00";
    const doc = load(body);
    expect(basic(doc)).toBeUndefined();
    expect((doc.unknownTables ?? []).map((u) => u.title)).toEqual(["一般公共预算财政拨款基本支出决算表（列位置不确定 columns uncertain: two figures beside 301 (130.00 and 5.00)）"]);
  });

  it("printed in one lane (科目编码 | 科目名称 | 人员经费 | 公用经费, a workbook made from its figures): read as a classified table", () => {
    const lines = [
      HEADER[0],
      HEADER[1],
      "",
      "科目编码      科目名称              人员经费        公用经费",
      "301           工资福利支出            130.00",
      "30101         基本工资                100.00",
      "30102         津贴补贴                 30.00",
      "302           商品和服务支出                           40.00",
      "30201         办公费                                   30.00",
      "30202         印刷费                                   10.00",
      "              合计                    130.00           41.00",
    ];
    const doc = loadLayoutText("final.txt", lines.join("\n"), { template: shanghaiFinal });
    expect(doc.unknownTables ?? []).toEqual([]);
    expect(basic(doc)!.rows.map(read)).toEqual([...EXPECTED.slice(0, -1), "合计 合计 personnel=130.00 public=41.00"]);
    const errors = runRules(doc, rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error" && f.ruleId === "hierarchy-sum");
    expect(errors.map((f) => f.location.line)).toEqual([11]);
  });

  it("the table's title in a list of the tables' titles before it (湖南's 第二部分): the entry is no table left unread", () => {
    const list = ["第二部分 2025年度部门决算表", "", "公开05表  一般公共预算财政拨款支出决算表", "公开06表  一般公共预算财政拨款基本支出决算表", "公开07表  一般公共预算财政拨款“三公”经费支出决算表", "", ""];
    const doc = loadLayoutText("final.txt", [...list, ...HEADER, ...ABOVE].join("\n"), { template: shanghaiFinal });
    expect(doc.unknownTables?.map((u) => u.title) ?? []).not.toContainEqual(expect.stringMatching(/基本支出/));
    expect(basic(doc)!.rows.map(read)).toEqual(EXPECTED);
  });

  it("a header that does not print two lanes: listed (lanes not found)", () => {
    const header = [HEADER[0], HEADER[1], "", "    经济分类科目编码          科目名称      决算数", "类      款", ""];
    const doc = loadLayoutText("final.txt", [...header, ...ABOVE].join("\n"), { template: shanghaiFinal });
    expect(basic(doc)).toBeUndefined();
    expect(doc.unknownTables?.[0]?.title).toMatch(/两栏未能识别 lanes not found/);
  });
});
