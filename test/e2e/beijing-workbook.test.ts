import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { cliJson, ROOT, type JsonFinding } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

/*
 * A 北京 预算 workbook (test/fixtures/beijing-workbook): 单位资金 over its 上年结转结余 and sources in the 收入总表, the
 * funds named `…预算财政拨款` in the 财政拨款收支总表 and the 政府性基金 table's group label. Before round 46 the
 * consistent workbook had 18 false errors and an unread table.
 */
const DIR = join(ROOT, "test", "fixtures", "beijing-workbook");
const tmp = mkdtempSync(join(tmpdir(), "budget-check-beijing-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Finding = JsonFinding & { location: { sheet?: string; cell?: string }; related: { sheet?: string; cell?: string }[] };
const at = (f: Finding) => `${f.location.sheet}!${f.location.cell}`;

describe("a 北京 预算 workbook", () => {
  it("consistent: the 收入总表, 财政拨款收支总表 and 政府性基金 table read, no error and no warning", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "beijing-budget.xlsx")]);
    const doc = report.documents[0];
    expect(doc.findings.filter((f: Finding) => f.severity !== "info").map((f: Finding) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    const unread = (doc.unknownTables ?? []).map((u: { title: string }) => u.title).join("\n");
    expect(unread).not.toMatch(/政府性基金/);
    expect(doc.tables.map((t: { kind: string }) => t.kind)).toEqual(expect.arrayContaining(["income", "allocation-summary", "gov-fund"]));
    // 11项目支出绩效目标表 (each project's cells merged down over its three indicator rows) is read: its 14 projects,
    // once each, together the 支出总表's 项目支出 (151,024,441.00). So is the 政府采购预算表 (since round 47): 合计 and 5 units.
    expect(doc.tables.find((t: { kind: string }) => t.kind === "project-performance")).toMatchObject({ present: true, rows: 14 });
    expect(doc.tables.find((t: { kind: string }) => t.kind === "procurement")).toMatchObject({ present: true, rows: 6 });
    expect(unread).toBe("");
    expect(doc.notChecked.map((n: { ruleId: string }) => n.ruleId)).not.toContain("performance-vs-projects");
    expect(status).toBe(0);
  });

  it("a project's 预算金额 retyped in 11项目支出绩效目标表 (248,673 as 284,673): more than the 支出总表's 项目支出", { timeout: 60_000 }, async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(DIR, "beijing-budget.xlsx"));
    wb.getWorksheet("11项目支出绩效目标表")!.getCell("C7").value = 284673;
    const copy = join(tempDir("beijing-performance"), "beijing-budget.xlsx");
    await wb.xlsx.writeFile(copy);
    const { status, report } = cliJson([copy]);
    const errors: Finding[] = report.documents[0].findings.filter((f: Finding) => f.severity === "error" && f.ruleId === "performance-vs-projects");
    // No list names the projects (北京 prints none): the form may list only some, so only their sum is checked, at
    // most the 项目支出; the retyped cell is among the figures the finding names.
    expect(errors.map((f) => [at(f), f.stated, f.computed])).toEqual([["3支出总表!E5", "151024441", "151060441"]]);
    expect(errors[0].related.map((r) => `${r.sheet}!${r.cell}`)).toContain("11项目支出绩效目标表!C7");
    expect(status).toBe(1);
  });

  it("seeded: the table seeds blamed at their cells, the text's at their paragraphs", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "beijing-budget-seeded.xlsx")]);
    expect(status).toBe(1);
    const errors: Finding[] = report.documents[0].findings.filter((f: Finding) => f.severity === "error");
    const blamed = new Set(errors.filter((f) => f.ruleId === "diagnosis").map(at));
    for (const cell of ["5一般公共预算财政拨款支出表!G22", "6一般公共预算财政拨款基本支出表!E25", "3支出总表!D5", "9一般公共预算“三公”经费财政拨款支出表!G5"]) expect(blamed, cell).toContain(cell);
    expect(errors.some((f) => f.ruleId === "formula-cache" && at(f) === "9一般公共预算“三公”经费财政拨款支出表!G5")).toBe(true);
    // S6 and S7, in the text; S5 through the text's 三公 and 公务接待费.
    expect(errors.filter((f) => f.location.sheet === "部门预算情况说明").map((f) => f.stated)).toEqual(expect.arrayContaining(["11415.89", "79.06", "141.9", "6.3"]));
    // The 三公 table's column as printed, not the key it is read as (`T7 this year's reception` before round 46).
    expect(errors.find((f) => f.ruleId === "text-vs-table" && f.stated === "6.3")?.message).toContain("this year's 公务接待费, all units");
  });

  it("without its sheet of text: the department named by the tables' 部门：… rows, the year by their titles", { timeout: 60_000 }, async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(DIR, "beijing-budget.xlsx"));
    wb.removeWorksheet(wb.getWorksheet("部门预算情况说明")!.id);
    const file = join(tmp, "tables-only.xlsx");
    await wb.xlsx.writeFile(file);
    const { status, report } = cliJson([file]);
    expect([report.documents[0].department, report.documents[0].year]).toEqual(["北京市园林绿化局", 2026]);
    expect(status).toBe(0);
  });

  it("the text retyped: the 财政拨款's funds, 基本支出 / 项目支出, the 类, a 新增, the 运行费's change and the 绩效 share checked", { timeout: 60_000 }, async () => {
    // Each statement the reader left unchecked before round 46's r46-budget-text, one figure of each retyped wrong.
    const wrong: Record<string, [string, string]> = {
      A15: ["政府性基金预算财政拨款8718.40万元", "政府性基金预算财政拨款8718.77万元"],
      A18: ["项目支出6340.43万元", "项目支出6340.80万元"],
      A20: ["卫生健康支出804.13万元", "卫生健康支出804.50万元"],
      A30: ["新增30.00万元", "新增30.37万元"],
      A49: ["下降2.56%", "下降2.93%"],
      A57: ["占项目支出预算的100%", "占项目支出预算的90%"],
    };
    const retyped = async (name: string, edit: boolean) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(DIR, "beijing-budget.xlsx"));
      const sheet = wb.getWorksheet("部门预算情况说明")!;
      for (const [cell, [from, to]] of Object.entries(wrong)) {
        const text = String(sheet.getCell(cell).value);
        expect(text, cell).toContain(from);
        sheet.getCell(cell).value = edit ? text.replace(from, to) : text;
      }
      const out = join(tempDir("beijing"), name);
      await wb.xlsx.writeFile(out);
      return cliJson([out]).report.documents[0].findings as Finding[];
    };
    // The same text written again: nothing but info.
    expect((await retyped("same.xlsx", false)).filter((f) => f.severity !== "info").map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    const found = (await retyped("wrong.xlsx", true)).filter((f) => f.severity === "error" && f.location.sheet === "部门预算情况说明");
    const at = (cell: string, rule: string) => found.filter((f) => f.location.cell === cell && f.ruleId === rule).map((f) => f.item);
    expect(at("A15", "text-vs-table")).toContain("政府性基金预算财政拨款");
    expect(at("A18", "text-vs-table")).toContain("一般公共预算项目支出");
    expect(at("A20", "text-vs-table").some((item) => /卫生健康支出/.test(item ?? ""))).toBe(true);
    expect(at("A30", "yoy-change")).toContain("一般行政管理事务");
    expect(at("A49", "yoy-change")).toContain("公务用车运行费");
    expect(at("A57", "text-vs-table")).toContain("绩效目标 涉及项目预算资金");
  });
});
