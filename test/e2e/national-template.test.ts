import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT } from "../helpers/cli.js";

/*
 * Documents printed with the national template's tables (test/fixtures/national-2025): their titles are also
 * Shenzhen's (部门收支总表, 财政拨款收支总表 …), numbered otherwise (表4 财政拨款收支总表 where Shenzhen's is 表6).
 * Read with Shenzhen's column order they gave 6–30 false errors on consistent documents; read by their headers
 * they give none, and the mistakes seeded in their copies are found at the figures that are wrong.
 */
const DIR = join(ROOT, "test", "fixtures", "national-2025");

interface Finding {
  ruleId: string;
  severity: string;
  message: string;
  location?: { line?: number; sheet?: string; cell?: string };
}

const errorsAndWarnings = (doc: { findings: Finding[] }) => doc.findings.filter((f) => f.severity !== "info").map((f) => `${f.ruleId}: ${f.message}`);

/** The places of the figures the diagnosis names as wrong: `line` of a text, `sheet!cell` of a workbook. */
const blamed = (doc: { findings: Finding[] }) =>
  new Set(doc.findings.filter((f) => f.ruleId === "diagnosis").map((f) => (f.location?.cell ? `${f.location.sheet}!${f.location.cell}` : String(f.location?.line))));

describe("a document of the national template's tables", () => {
  for (const name of ["anhui-budget.txt", "henan-budget.txt", "ningbo-workbook.xlsx", "qinghai-budget.txt", "ningxia-budget.txt"])
    it(`${name}: read by its headers, not Shenzhen's; consistent, so no error and no warning`, { timeout: 60_000 }, () => {
      const { status, report } = cliJson([join(DIR, name)]);
      const doc = report.documents[0];
      expect(doc.failure ?? null).toBeNull();
      expect(doc.template).toBe("generic");
      expect(errorsAndWarnings(doc)).toEqual([]);
      expect(status).toBe(0);
    });

  // 安徽 and 宁波 print no 一般公共预算支出表 by economic class, only its 基本支出表: the 三公 figures are checked against it
  // (at least its lines), and hold.
  for (const name of ["anhui-budget.txt", "ningbo-workbook.xlsx"])
    it(`${name}: the 三公 table is checked against the 一般公共预算基本支出表's lines`, { timeout: 60_000 }, () => {
      const doc = cliJson([join(DIR, name)]).report.documents[0];
      expect(doc.notChecked.map((n: { ruleId: string }) => n.ruleId)).not.toContain("sanggong-vs-economic");
      expect(doc.findings.filter((f: Finding) => f.ruleId === "sanggong-vs-economic")).toEqual([]);
    });

  it("henan-budget.txt: the heading over the tables (河南省农业农村厅2025年部门预算公开表, then 表1 and its title) is no table", { timeout: 60_000 }, () => {
    const { report } = cliJson([join(DIR, "henan-budget.txt")]);
    const titles: string[] = report.documents[0].unknownTables.map((u: { title: string }) => u.title);
    expect(titles.filter((t) => t.includes("部门预算公开表"))).toEqual([]);
  });

  it("ningxia-budget.txt: an empty table after its 目录 entry (no page numbers) is no table printed twice", { timeout: 60_000 }, () => {
    const { report } = cliJson([join(DIR, "ningxia-budget.txt")]);
    const doc = report.documents[0];
    const titles: string[] = doc.unknownTables.map((u: { title: string }) => u.title);
    expect(titles.filter((t) => t.includes("printed twice"))).toEqual([]);
    const capital = doc.tables.find((t: { kind: string }) => t.kind === "state-capital");
    expect(capital).toMatchObject({ present: true, page: 14 });
  });

  it("qinghai-budget-seeded.txt: each seeded figure is blamed, the 三公 增减率 and last year's 预算数 too", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "qinghai-budget-seeded.txt")]);
    const doc = report.documents[0];
    expect(status).toBe(1);
    const lines = blamed(doc);
    for (const line of ["116", "125", "207", "239", "294"]) expect(lines, line).toContain(line);
    expect(doc.findings.some((f: Finding) => f.ruleId === "change-percent" && f.severity === "error" && f.location?.line === 362)).toBe(true);
  });

  it("anhui-budget-seeded.txt: each seeded figure is the one blamed", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "anhui-budget-seeded.txt")]);
    const doc = report.documents[0];
    expect(status).toBe(1);
    const lines = blamed(doc);
    // 表3 安徽省图书馆 基本支出, 表5 2070112 合计, 表7 安徽博物院 三公 合计, the text's 公用经费.
    for (const line of ["144", "212", "289", "468"]) expect(lines, line).toContain(line);
    // The text's two percentages, each against its own figures.
    const at = (line: number, rule: string) => doc.findings.some((f: Finding) => f.ruleId === rule && f.location?.line === line);
    expect(at(397, "text-sum")).toBe(true);
    expect(at(485, "yoy-change")).toBe(true);
  });

  it("henan-budget-seeded.txt: each seeded figure is the one blamed, the text's 一般公共预算收入 too", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "henan-budget-seeded.txt")]);
    const doc = report.documents[0];
    expect(status).toBe(1);
    const lines = blamed(doc);
    for (const line of ["53", "123", "189", "216", "297"]) expect(lines, line).toContain(line);
  });

  it("ningbo-workbook-seeded.xlsx: each seeded cell is found", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "ningbo-workbook-seeded.xlsx")]);
    const doc = report.documents[0];
    expect(status).toBe(1);
    const cells = blamed(doc);
    for (const cell of ["表1 收支预算总表!B9", "表7 三公经费!G7", "表10 项目支出!D9"]) expect(cells, cell).toContain(cell);
    // The stale cached 合计 (表2 E13) and the swapped digits (表5 E13): findings at those cells.
    const found = new Set(doc.findings.map((f: Finding) => `${f.location?.sheet}!${f.location?.cell}`));
    expect(found).toContain("表2 收入预算总表!E13");
    expect(found).toContain("表5 一般公共预算支出表!E13");
  });
});
