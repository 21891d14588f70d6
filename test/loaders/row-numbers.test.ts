import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { rules } from "../../src/rules/index.js";
import { cliJson } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

/*
 * The Ministry of Finance's 决算 template prints a 行次 column on each side of its 收入支出决算总表 (项目 | 行次 |
 * 金额), the lines numbered 1 … 40, and a 栏次 line numbering the columns. Read as amounts, those numbers gave every
 * 合计 and 总计 of the table an error (a central department's 决算: 10 false errors on a table that adds up).
 * The sample is laid out as pdftotext -layout writes such a table: by character, each column where it is printed.
 */
const pad = (s: string, n: number) => s + " ".repeat(Math.max(1, n - [...s].length));
const padL = (s: string, n: number) => " ".repeat(Math.max(1, n - [...s].length)) + s;
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
