import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { rules } from "../../src/rules/index.js";
import { cliJson } from "../helpers/cli.js";
import { pad, padL } from "../helpers/layout.js";
import { tempDir } from "../helpers/tmp.js";

/*
 * The Ministry of Finance's 决算 template prints a 行次 column on each side of its 收入支出决算总表 (项目 | 行次 |
 * 金额), the lines numbered 1 … 40, and a 栏次 line numbering the columns. Read as amounts, those numbers gave every
 * 合计 and 总计 of the table an error (a central department's 决算: 10 false errors on a table that adds up).
 * The sample is laid out as pdftotext -layout writes such a table: by character, each column where it is printed.
 */
const row = (a: string, ra: string, x: string, b = "", rb = "", y = "") => pad(a, 22) + padL(ra, 4) + padL(x, 14) + "   " + pad(b, 18) + padL(rb, 4) + padL(y, 14);
const table = (general = "16,474.82") =>
  [
    "                    国家某局2024年度部门决算",
    "",
    "                    收入支出决算总表",
    "",
    "                                                                   公开01表",
    "部门：国家某局                                                 金额单位：万元",
    "               收入                                        支出",
    row("项目", "行次", "金额", "项目", "行次", "金额"),
    row("栏次", "", "1", "栏次", "", "2"),
    row("一、一般公共预算财政拨款收入", "1", general, "一、一般公共服务支出", "32", "45,179.30"),
    row("二、政府性基金预算财政拨款收入", "2", "0.00", "二、教育支出", "33", "118.01"),
    row("三、国有资本经营预算财政拨款收入", "3", "0.00", "三、社会保障和就业支出", "34", "2,208.19"),
    row("四、事业收入", "4", "0.00", "四、住房保障支出", "35", "1,111.44"),
    row("五、其他收入", "5", "31,888.00"),
    row("本年收入合计", "6", "48,362.82", "本年支出合计", "37", "48,616.94"),
    row("使用非财政拨款结余", "7", "0.00", "结余分配", "38", "0.00"),
    row("年初结转和结余", "8", "2,254.12", "年末结转和结余", "39", "2,000.00"),
    row("总计", "9", "50,616.94", "总计", "40", "50,616.94"),
  ].join("\n") + "\n";

describe("a 决算 summary with 行次 columns", () => {
  it("reads the amounts, not the line numbers, and no 栏次 row", () => {
    const d = loadLayoutText("决算.txt", table());
    const summary = d.tables.find((t) => t.kind === "summary")!;
    const printed = summary.rows.flatMap((r) => Object.values(r.cells).flatMap((c) => (c.amount ? [c.text] : [])));
    expect(printed).toContain("16,474.82");
    expect(printed).toContain("50,616.94");
    for (const n of ["1", "2", "9", "32", "37", "40"]) expect(printed).not.toContain(n);
    expect(summary.rows.some((r) => /栏次/.test(r.name ?? ""))).toBe(false);
  });

  it("passes when the table adds up, fails at the figure retyped (the real CLI)", () => {
    const dir = tempDir("row-numbers");
    writeFileSync(join(dir, "ok.txt"), table());
    writeFileSync(join(dir, "typo.txt"), table("16,747.82"));
    const ok = cliJson([join(dir, "ok.txt")]);
    expect(ok.status).toBe(0);
    expect(ok.report.documents[0].summary.error).toBe(0);
    const typo = cliJson([join(dir, "typo.txt")]).report.documents[0];
    const errors = typo.findings.filter((f: { severity: string }) => f.severity === "error");
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((f: { location: { line: number } }) => f.location.line === 10 || f.location.line === 15)).toBe(true);
    expect(errors.some((f: { location: { line: number }; stated: string }) => f.location.line === 10 && f.stated === "16747.82")).toBe(true);
  });

  it("a table without 行次 keeps a figure that looks like a line number", () => {
    const d = loadLayoutText("决算.txt", table().replace("行次", "    ").replace("行次", "    "));
    const summary = d.tables.find((t) => t.kind === "summary")!;
    expect(runRules(d, rules, { tolerance: { kind: "auto" }, lang: "en" }).some((f) => f.severity === "error")).toBe(true);
    expect(summary.rows.some((r) => Object.values(r.cells).some((c) => c.text === "9"))).toBe(true);
  });
});

describe("a table of codes with a 行次 column", () => {
  const line = (code: string, name: string, n: string, ...xs: string[]) => pad(code, 10) + pad(name, 18) + padL(n, 4) + xs.map((x) => padL(x, 12)).join("");
  // 科目编码 | 科目名称 | 行次 | 本年支出合计 | 基本支出 | 项目支出, a row each.
  const ROWS = [
    ["", "合计", "45,297.31", "8,000.00", "37,297.31"],
    ["201", "一般公共服务支出", "45,179.30", "8,000.00", "37,179.30"],
    ["20114", "信访事务", "45,179.30", "8,000.00", "37,179.30"],
    ["2011401", "行政运行", "8,000.00", "BASIC", "0.00"],
    ["2011499", "其他信访事务支出", "37,179.30", "0.00", "37,179.30"],
    ["205", "教育支出", "118.01", "0.00", "118.01"],
    ["20508", "进修及培训", "118.01", "0.00", "118.01"],
    ["2050803", "培训支出", "118.01", "0.00", "118.01"],
  ];
  const expenditure = (basic = "8,000.00") =>
    [
      "                    国家某局2024年度部门决算",
      "",
      "                         支出决算表",
      "",
      "部门：国家某局                                                 金额单位：万元",
      line("科目编码", "科目名称", "行次", "本年支出合计", "基本支出", "项目支出"),
      ...ROWS.map(([code, name, ...xs], i) => line(code, name, String(i + 1), ...xs.map((x) => (x === "BASIC" ? basic : x)))),
    ].join("\n") + "\n";

  it("is read (it was a header not understood), its line numbers left out", () => {
    const d = loadLayoutText("决算.txt", expenditure());
    const t = d.tables.find((x) => x.kind === "expenditure");
    expect(d.unknownTables ?? []).toEqual([]);
    expect(t?.rows.find((r) => r.code === "2011401")?.cells.basic?.text).toBe("8,000.00");
    expect(runRules(d, rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error")).toEqual([]);
  });

  it("a figure retyped is an error at its line", () => {
    const errors = runRules(loadLayoutText("决算.txt", expenditure("8,100.00")), rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error");
    expect(errors.length).toBeGreaterThan(0);
    // At the retyped row (its 合计 no longer its 基本支出 + 项目支出) and at its 款 (基本支出 no longer Σ its 项).
    expect(errors.map((f) => `${f.location.line} ${f.stated}`).sort()).toEqual(["10 8000", "9 8000"]);
  });
});
