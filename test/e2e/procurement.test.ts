import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT, type JsonFinding } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

/*
 * The 政府采购预算表 of four documents, in three forms (round 47): 北京's workbook (单位编码 | 单位名称 | 合计 | 采购品目 over
 * 货物 · 工程 · 服务, merged cells), 福建's PDF (by project: 单位名称 | 项目名称 | 采购品目 | 采购类别 | 合计 | 资金来源 over
 * 一般公共预算 · 政府性基金预算 · 其他资金 | 其中：面向中小企业预留), 陕西's layout text (by unit: 合计 | 货物类 | 工程类 |
 * 服务类) and 宁夏's (项目 | 品目 | 金额). Each was listed as not read, with no reason. Each document is consistent, and
 * its text's 政府采购预算 (and its kinds, and 福建's 面向中小企业预留) agrees with the table.
 */
type Doc = { tables: { kind: string; rows: number; present: boolean }[]; unknownTables?: { title: string }[]; findings: JsonFinding[] };
const procurementRows = (d: Doc) => d.tables.find((t) => t.kind === "procurement" && t.present)?.rows;
const notInfo = (d: Doc) => d.findings.filter((f) => f.severity !== "info").map((f) => `${f.ruleId}: ${f.message}`);
const unread = (d: Doc) => (d.unknownTables ?? []).map((u) => u.title).filter((t) => /采购/.test(t));

describe("政府采购预算表 read in each form, the text's procurement checked against it", () => {
  it.each([
    ["北京's workbook", "test/fixtures/beijing-workbook/beijing-budget.xlsx", 6],
    ["福建's PDF", "test/fixtures/libreoffice-pdf/fujian-style-budget.pdf", 8],
    ["陕西's layout text", "test/fixtures/ministry-titles/document.txt", 5],
    ["宁夏's list of purchases", "test/fixtures/national-2025/ningxia-budget.txt", 7],
  ])("%s: read, no error or warning", { timeout: 60_000 }, (_, file, rows) => {
    const { status, report } = cliJson([join(ROOT, file)]);
    const d: Doc = report.documents[0];
    expect(procurementRows(d)).toBe(rows);
    expect(unread(d)).toEqual([]);
    expect(notInfo(d)).toEqual([]);
    expect(status).toBe(0);
  });

  it("陕西: the text's 政府采购预算 and its 货物类 retyped are errors against the table's 合计 and 货物", { timeout: 60_000 }, () => {
    const text = readFileSync(join(ROOT, "test/fixtures/ministry-titles/document.txt"), "utf8");
    const copy = join(tempDir("procurement-sx"), "document.txt");
    writeFileSync(copy, text.replace("政府采购预算1497.13万元", "政府采购预算1479.13万元").replace("货物类228.01万元", "货物类282.01万元"));
    const { status, report } = cliJson([copy]);
    const errors: JsonFinding[] = report.documents[0].findings.filter((f: JsonFinding) => f.severity === "error" && f.ruleId === "text-vs-table");
    expect(errors.map((f) => [f.item, f.stated, f.computed])).toEqual([
      ["政府采购", "1479.13", "1497.13"],
      ["货物采购", "282.01", "228.01"],
    ]);
    expect(status).toBe(1);
  });

  it("北京: a unit's 合计 retyped in the workbook (422,000 as 442,000) is blamed at its cell", { timeout: 60_000 }, async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(ROOT, "test/fixtures/beijing-workbook/beijing-budget.xlsx"));
    wb.getWorksheet("10政府采购预算表")!.getCell("C7").value = 442000;
    const copy = join(tempDir("procurement-bj"), "beijing-budget.xlsx");
    await wb.xlsx.writeFile(copy);
    const { status, report } = cliJson([copy]);
    const errors = report.documents[0].findings.filter((f: JsonFinding) => f.severity === "error") as (JsonFinding & { location: { sheet?: string; cell?: string } })[];
    expect(errors.filter((f) => f.ruleId === "row-total").map((f) => [f.unit, f.stated, f.computed])).toEqual([["北京市园林绿化资源保护中心", "442000", "422000"]]);
    expect(errors.some((f) => f.ruleId === "hierarchy-sum" && f.location.cell === "C5")).toBe(true);
    expect(errors.some((f) => f.ruleId === "diagnosis" && f.location.sheet === "10政府采购预算表" && f.location.cell === "C7")).toBe(true);
    expect(status).toBe(1);
  });
});
