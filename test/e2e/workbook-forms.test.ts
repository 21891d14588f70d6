import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { cli, cliJson, ROOT } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";
import { workbookAsCsv } from "../helpers/workbook.js";

/*
 * The 重庆 预算 of test/fixtures/chongqing-workbook in the forms and shapes of test/fixtures/workbook-forms (gen.mjs):
 * - its worksheets named by their titles alone, no 表N: the national titles are Shenzhen's too (8 of its 12), and it was
 *   read with Shenzhen's template, five of its tables' headers not understood (4 false errors);
 * - with a hidden draft of 表3 and a very hidden sheet of checks: the draft was read as the document's 支出预算总表 (44
 *   false errors) in every workbook form;
 * - as an .xls and an XML spreadsheet, whose sum formulas were not followed: 表6's 合计 10372.70, the sum of its printed
 *   items, was a figure rounded once against 表5's 10372.71 (2 false errors);
 * - with its 项目支出绩效目标表 as 重庆 prints it, a form per project whose 资金 figures stand under their labels: not read.
 */
const DIR = join(ROOT, "test", "fixtures", "workbook-forms");

interface Finding {
  ruleId: string;
  severity: string;
  message: string;
  table?: string;
  location?: { sheet?: string; cell?: string };
}
interface Table {
  id: string;
  kind: string;
  title: string;
  present: boolean;
}
const at = (f: Finding) => `${f.location?.sheet?.split(" ")[0]}!${f.location?.cell}`;
const notInfo = (fs: Finding[]) => fs.filter((f) => f.severity !== "info").map((f) => `${f.ruleId} ${at(f)}: ${f.message}`);
const kinds = (tables: Table[]) => tables.filter((t) => t.present).map((t) => t.kind);

/** The ten kinds the 重庆 workbook prints, read by kind. */
const CHONGQING_KINDS = ["summary", "income", "expenditure", "allocation-summary", "general-function", "general-basic-economic", "sanggong", "gov-fund", "state-capital", "performance"];

describe("a workbook of the national titles whose worksheets print no table number", () => {
  it("is read by kind, as the numbered one is: every table read, no error and no warning", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "national-unnumbered.xlsx")]);
    const doc = report.documents[0];
    expect(doc.template).toBe("generic");
    expect(kinds(doc.tables)).toEqual(CHONGQING_KINDS);
    expect(doc.unknownTables).toEqual([]);
    expect(notInfo(doc.findings)).toEqual([]);
    expect(status).toBe(0);
  });

  it("as a folder of CSV files named by those titles: read by kind, not with Shenzhen's template", { timeout: 60_000 }, async () => {
    const dir = await workbookAsCsv(join(DIR, "national-unnumbered.xlsx"), tempDir("unnumbered-csv"));
    const doc = cliJson([dir]).report.documents[0];
    expect(doc.failure).toBeNull();
    expect(doc.template).toBe("generic");
    expect(kinds(doc.tables)).toEqual(CHONGQING_KINDS);
    // (A CSV file keeps no formula: 表6's 合计 10372.70, the sum of its items, against 表5's 10372.71, as in
    // test/e2e/chongqing-workbook.test.ts.)
    expect(notInfo(doc.findings).map((f) => f.split(" ")[0]).sort()).toEqual(["diagnosis", "rounding-consistency"]);
  });
});

describe("hidden worksheets are working sheets, not published: not read, in every workbook form", () => {
  for (const form of ["xlsx", "xls", "xml"])
    it(`.${form}: the hidden draft of 表3 and the very hidden checks are named, not read; no error`, { timeout: 60_000 }, () => {
      const { status, report } = cliJson([join(DIR, `hidden-sheets.${form}`)]);
      const doc = report.documents[0];
      expect(doc.failure).toBeNull();
      expect(kinds(doc.tables)).toEqual(CHONGQING_KINDS);
      expect(doc.tables.find((t: Table) => t.kind === "expenditure").title).toBe("支出预算总表");
      expect(doc.unknownTables).toEqual([]);
      expect(notInfo(doc.findings)).toEqual([]);
      expect(status).toBe(0);
      const hidden: Finding[] = doc.findings.filter((f: Finding) => f.ruleId === "hidden-content" && /worksheet/.test(f.message));
      expect(hidden.map((f) => [at(f), f.severity, f.message.replace(/^text: /, "")])).toEqual([
        ["支出预算总表（调整前）!A1", "info", "worksheet “支出预算总表（调整前）” is hidden (not published, not read)"],
        ["校验!A1", "info", "worksheet “校验” is hidden (not published, not read)"],
      ]);
    });

  it("a workbook whose every worksheet holding values is hidden: a one-line error naming them, exit 2", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("表3 支出总表");
    ws.addRow(["支出总表"]);
    ws.addRow(["科目编码", "科目名称", "合计", "基本支出", "项目支出"]);
    ws.addRow(["201", "一般公共服务支出", 3, 1, 2]);
    ws.state = "hidden";
    wb.addWorksheet("Sheet2");
    const file = join(tempDir("all-hidden"), "budget.xlsx");
    await wb.xlsx.writeFile(file);
    const r = cli([file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`budget-check: ${file}: every worksheet that holds values is hidden (表3 支出总表); a hidden worksheet is not published and not read\n`);
  });
});

describe("an .xls and an XML spreadsheet follow their sum formulas as an .xlsx does", () => {
  for (const form of ["xls", "xml"])
    it(`.${form}: 表6's 合计, a SUM of rounded figures, agrees with 表5's total rounded once; no error`, { timeout: 60_000 }, () => {
      const { status, report } = cliJson([join(DIR, `formulas.${form}`)]);
      const doc = report.documents[0];
      expect(kinds(doc.tables)).toEqual(CHONGQING_KINDS);
      expect(notInfo(doc.findings)).toEqual([]);
      expect(doc.findings.some((f: Finding) => f.ruleId === "rounding-consistency" || f.ruleId === "formula-cache")).toBe(false);
      expect(status).toBe(0);
    });

  it(".xls of the seeded copy: the stale cached 合计 of 表3 (a shared formula's cell) found by formula-cache, each seed at its cell", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "formulas-seeded.xls")]);
    expect(status).toBe(1);
    const errors: Finding[] = report.documents[0].findings.filter((f: Finding) => f.severity === "error");
    expect(errors.filter((f) => f.ruleId === "formula-cache").map((f) => [at(f), f.message.split(":")[0]])).toEqual([["表3!C5", "T3 =C6+C19+C27+C32+C35"]]);
    const blamed = new Set(errors.filter((f) => f.ruleId === "diagnosis").map(at));
    for (const cell of ["表3!D12", "表2!F23", "表7!L6"]) expect(blamed, cell).toContain(cell);
    expect(errors.filter((f) => f.ruleId === "change-percent").map(at)).toEqual(["表5!G13"]);
  });
});

describe("重庆's 项目支出绩效目标表: a form per project, its 资金 figures on the line under their labels", () => {
  it("each project read with its unit (实施单位) and 年度资金总额; together within 表3's 项目支出; no error", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "project-cards.xlsx")]);
    const doc = report.documents[0];
    expect(kinds(doc.tables)).toEqual([...CHONGQING_KINDS, "project-performance"]);
    expect(doc.tables.find((t: Table & { rows: number }) => t.kind === "project-performance").rows).toBe(3);
    expect(doc.unknownTables).toEqual([]);
    expect(doc.notChecked.map((n: { rule: string }) => n.rule)).not.toContain("performance-vs-projects");
    expect(notInfo(doc.findings)).toEqual([]);
    expect(status).toBe(0);
  });

  it("seeded (its first project's 年度资金总额 4096.20 for 409.62): more than 表3's 项目支出 together, an error", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "project-cards-seeded.xlsx")]);
    expect(status).toBe(1);
    const errors: Finding[] = report.documents[0].findings.filter((f: Finding) => f.severity === "error" && f.ruleId === "performance-vs-projects");
    expect(errors.map((f) => [at(f), f.message])).toEqual([["表3!E5", "T3 合计 [项目支出]: printed 4811.11, not less than the sum of T18's projects 4960.8, short by 149.69 (tolerance 0.03), beyond rounding"]]);
  });
});
