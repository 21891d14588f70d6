import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT } from "../helpers/cli.js";

/*
 * A 预算 workbook whose headers go three levels deep (本年收入 over 财政拨款收入 over its funds) and whose 三公 table
 * prints 上年预算数 beside 本年预算数 (test/fixtures/xinjiang-workbook): both tables were "header not understood",
 * and a mistyped 三公 component went unreported.
 */
const DIR = join(ROOT, "test", "fixtures", "xinjiang-workbook");

interface Finding {
  ruleId: string;
  severity: string;
  location?: { sheet?: string; cell?: string };
}
const at = (f: Finding) => `${f.location?.sheet}!${f.location?.cell}`;

describe("a 新疆 预算 workbook with headers of three levels and a 三公 table of two years", () => {
  it("consistent: every table read, no error and no warning", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "xinjiang-budget.xlsx")]);
    const doc = report.documents[0];
    expect(doc.unknownTables ?? []).toEqual([]);
    expect(doc.findings.filter((f: Finding) => f.severity !== "info").map((f: Finding & { message: string }) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(status).toBe(0);
  });

  it("its seeded copy: each seed found at its cell, the 三公 component's among them", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "xinjiang-budget-seeded.xlsx")]);
    expect(status).toBe(1);
    const errors = report.documents[0].findings.filter((f: Finding) => f.severity === "error");
    const blamed = new Set(errors.filter((f: Finding) => f.ruleId === "diagnosis").map(at));
    for (const cell of ["表五 一般公共预算支出表!G19", "表三 部门支出总表!F33", "表一 部门收支总表!D29", "部门预算情况说明!A44", "表七 一般公共预算“三公”经费支出表!K6"]) expect(blamed, cell).toContain(cell);
    expect(errors.some((f: Finding) => f.ruleId === "text-sum" && at(f) === "部门预算情况说明!A21")).toBe(true);
  });
});
