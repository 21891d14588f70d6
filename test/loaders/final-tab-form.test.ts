import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadTabSeparated } from "../../src/loaders/index.js";
import type { BudgetDocument } from "../../src/model/document.js";
import { rules } from "../../src/rules/index.js";
import { cliJson } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

/*
 * A central department's 决算 in the tab-separated form (the seed's: a converter writes each table row as
 * tab-separated cells, empty cells kept): 收入支出决算总表 with its 行次 columns, 一般公共预算财政拨款支出决算表 and the
 * three-lane 一般公共预算财政拨款基本支出决算表. The form lays every row of the document on one grid, column k as
 * wide as its widest cell anywhere: the lanes' long 科目名称 widen the column the summary prints 行次 in, and a
 * lane's figures stand at their column's right edge, next to the following lane's codes. Where a token stands
 * alone then misplaces it (a line number read as an amount, a figure given to the next lane); its cell does not.
 */
const row = (...cells: string[]) => cells.join("\t");

function summary(general = "2,370.92"): string[] {
  return [
    "收入支出决算总表",
    "",
    "公开01表",
    row("部门：国家某局", "", "", "", "", "金额单位：万元"),
    row("收入", "", "", "支出", "", ""),
    row("项目", "行次", "金额", "项目", "行次", "金额"),
    row("栏次", "", "1", "栏次", "", "2"),
    row("一、一般公共预算财政拨款收入", "1", general, "一、一般公共服务支出", "32", "2,370.92"),
    row("二、政府性基金预算财政拨款收入", "2", "0.00", "", "", ""),
    row("本年收入合计", "3", "2,370.92", "本年支出合计", "33", "2,370.92"),
    row("年初结转和结余", "4", "0.00", "年末结转和结余", "34", "0.00"),
    row("总计", "5", "2,370.92", "总计", "35", "2,370.92"),
    "",
  ];
}

function functionTable(): string[] {
  return [
    "一般公共预算财政拨款支出决算表",
    "",
    "公开05表",
    row("部门：国家某局", "", "", "", "金额单位：万元"),
    row("科目编码", "科目名称", "合计", "基本支出", "项目支出"),
    row("201", "一般公共服务支出", "2,370.92", "2,270.92", "100.00"),
    row("", "合计", "2,370.92", "2,270.92", "100.00"),
    "",
  ];
}

function lanes(personnelTotal = "2,094.85"): string[] {
  const P = [["301", "工资福利支出", "2,082.85"], ["30101", "基本工资", "262.33"], ["30102", "津贴补贴", "1,238.58"], ["30107", "绩效工资", "501.56"], ["30108", "机关事业单位基本养老保险缴费", "80.38"], ["303", "对个人和家庭的补助", "12.00"], ["30302", "退休费", "12.00"]];
  const Q = [["302", "商品和服务支出", "171.07"], ["30201", "办公费", "21.21"], ["30202", "印刷费", "7.61"], ["30211", "差旅费", "42.25"], ["30299", "其他商品和服务支出", "100.00"]];
  const R = [["307", "债务利息及费用支出", ""], ["30701", "国内债务付息", ""], ["310", "资本性支出", "5.00"], ["31002", "办公设备购置", "5.00"], ["399", "其他支出", ""]];
  const blank = ["", "", ""];
  return [
    "一般公共预算财政拨款基本支出决算表",
    "",
    "公开06表",
    row("部门：国家某局", "", "", "", "", "", "", "", "金额单位：万元"),
    row("人员经费", "", "", "公用经费", "", "", "", "", ""),
    row("科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数"),
    ...P.map((p, i) => row(...p, ...(Q[i] ?? blank), ...(R[i] ?? blank))),
    row("人员经费合计", "", personnelTotal, "公用经费合计", "", "", "", "", "176.07"),
  ];
}

const documentText = (opts: { general?: string; personnelTotal?: string } = {}) =>
  ["# 国家某局2024年度部门决算", "", ...summary(opts.general), ...functionTable(), ...lanes(opts.personnelTotal)].join("\n") + "\n";
const load = (text: string) => loadTabSeparated("决算.md", text, undefined);
const errors = (doc: BudgetDocument) => runRules(doc, rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error");

describe("a national-template 决算 in the tab-separated form", () => {
  it("reads the summary's amounts, not its line numbers, though the lanes widen the 行次 column", () => {
    const doc = load(documentText());
    const t = doc.tables.find((x) => x.kind === "summary")!;
    const printed = t.rows.flatMap((r) => Object.values(r.cells).flatMap((c) => (c.amount ? [c.text] : [])));
    expect(printed).toContain("2,370.92");
    for (const n of ["1", "3", "5", "32", "35"]) expect(printed).not.toContain(n);
  });

  it("reads the three lanes by their cells: each figure in its own lane", () => {
    const doc = load(documentText());
    expect(doc.unknownTables ?? []).toEqual([]);
    const t = doc.tables.find((x) => x.kind === "general-basic-economic")!;
    const at = (code: string) => Object.entries(t.rows.find((r) => r.code === code)!.cells).filter(([, c]) => c.amount).map(([k, c]) => `${k}=${c.text}`);
    expect(at("30201")).toEqual(["public=21.21"]);
    expect(at("30701")).toEqual([]);
    expect(at("310")).toEqual(["public=5.00"]);
    const total = t.rows.find((r) => !r.code && r.name === "合计")!;
    expect([total.cells.personnel.text, total.cells.public.text]).toEqual(["2,094.85", "176.07"]);
    expect(errors(doc)).toEqual([]);
  });

  it("passes when every table adds up, fails at each retyped figure (the real CLI)", () => {
    const dir = tempDir("final-tab-form");
    writeFileSync(join(dir, "ok.md"), documentText());
    writeFileSync(join(dir, "typo.md"), documentText({ general: "2,730.92", personnelTotal: "2,094.58" }));
    const ok = cliJson([join(dir, "ok.md")]);
    expect(ok.status).toBe(0);
    expect(ok.report.documents[0].summary.error).toBe(0);
    const typo = cliJson([join(dir, "typo.md")]);
    expect(typo.status).toBe(1);
    // The diagnosis names each retyped figure, where it is printed and what it should be.
    const named = typo.report.documents[0].findings
      .filter((f: { ruleId: string }) => f.ruleId === "diagnosis")
      .map((f: { stated: string; computed: string; location: { line: number } }) => `${f.location.line} ${f.stated} → ${f.computed}`);
    expect(named.sort()).toEqual(["10 2730.92 → 2370.92", "37 2094.58 → 2094.85"]);
  });
});
