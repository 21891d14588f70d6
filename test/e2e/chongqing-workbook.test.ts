import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";
import { workbookAsCsv } from "../helpers/workbook.js";

/*
 * A 重庆 district department's 预算 workbook (test/fixtures/chongqing-workbook): its worksheets named 表1 … 表10 as the
 * national layout numbers its tables (表4 财政拨款收支预算总表, 表5 一般公共预算财政拨款支出预算表, 表7 三公), a hidden helper
 * column of 元 beside 表6, 2025年执行数 | 2026年预算数 | …增长% in 表5, and totals that are SUM formulas over cells of
 * rounded figures. It was read with Shenzhen's template (its 表5 as Shenzhen's 项目支出总表: 14 false errors); read by
 * kind, 表5, 表6 and 表8 were left unread; read, 表6's 合计 (the sum of its printed items, 10372.70) was taken for a
 * figure rounded once against 表5's 10372.71 (a false rounding-consistency error).
 */
const DIR = join(ROOT, "test", "fixtures", "chongqing-workbook");

interface Finding {
  ruleId: string;
  severity: string;
  message: string;
  table?: string;
  withinRounding?: boolean;
  location?: { sheet?: string; cell?: string };
}
const at = (f: Finding) => `${f.location?.sheet?.split(" ")[0]}!${f.location?.cell}`;
const notInfo = (fs: Finding[]) => fs.filter((f) => f.severity !== "info").map((f) => `${f.ruleId} ${at(f)}: ${f.message}`);

describe("a 重庆 预算 workbook numbered as the national layout numbers its tables", () => {
  it("consistent: read by kind, 表5, 表6 and 表8 read too, no error and no warning", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "chongqing-budget.xlsx")]);
    const doc = report.documents[0];
    expect(doc.template).toBe("generic");
    const kinds = new Map(doc.tables.filter((t: { present: boolean }) => t.present).map((t: { kind: string; title: string }) => [t.title, t.kind]));
    expect(kinds.get("一般公共预算财政拨款支出预算表")).toBe("general-function");
    expect(kinds.get("一般公共预算财政拨款基本支出预算表")).toBe("general-basic-economic");
    expect(kinds.get("政府性基金预算支出表")).toBe("gov-fund");
    expect([...kinds.values()]).not.toContain("project-summary");
    expect(notInfo(doc.findings)).toEqual([]);
    expect(status).toBe(0);
    // 表5's 增长% checked as (2026年预算数 − 2025年执行数) ÷ 2025年执行数; the hidden 辅助列 noted, not read.
    const fs: Finding[] = doc.findings;
    expect(fs.filter((f) => f.ruleId === "change-percent").length).toBeGreaterThan(0);
    expect(fs.filter((f) => f.ruleId === "hidden-content").map(at)).toEqual(["表6!F1"]);
    expect(fs.some((f) => f.ruleId === "rounding-consistency")).toBe(false);
  });

  it("its seeded copy: each seed of its cells found at its cell", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "chongqing-budget-seeded.xlsx")]);
    expect(status).toBe(1);
    const errors: Finding[] = report.documents[0].findings.filter((f: Finding) => f.severity === "error");
    const blamed = new Set(errors.filter((f) => f.ruleId === "diagnosis").map(at));
    // 小学教育 基本支出 2386.17 (2368.17); 养老保险缴费 一般公共预算 1076.96 (1067.96); 2026 公务接待费 2.79 (2.97).
    for (const cell of ["表3!D12", "表2!F23", "表7!L6"]) expect(blamed, cell).toContain(cell);
    // 表3's 合计, a formula whose cached value is stale (15519.42 for 15529.42).
    expect(errors.some((f) => f.ruleId === "formula-cache" && at(f) === "表3!C5")).toBe(true);
    // 高中教育's 增长% 3.90 (3.09).
    expect(errors.filter((f) => f.ruleId === "change-percent").map(at)).toEqual(["表5!G13"]);
  });

  it("as a folder of CSV files named as its worksheets (as shown, hidden column left out): read by kind, not as Shenzhen's tables", { timeout: 60_000 }, async () => {
    const dir = await workbookAsCsv(join(DIR, "chongqing-budget.xlsx"), tempDir("chongqing-csv"));
    const { report } = cliJson([dir]);
    const doc = report.documents[0];
    expect(doc.failure).toBeNull();
    expect(doc.template).toBe("generic");
    expect(doc.tables.filter((t: { present: boolean }) => t.present).map((t: { kind: string }) => t.kind)).not.toContain("project-summary");
    // A CSV file keeps no formula: 表6's 合计, the sum of its printed items (10372.70), is a figure rounded once there,
    // which 表5's 10372.71 cannot be (one rounding-consistency error, and its diagnosis). Nothing else.
    const errors: Finding[] = doc.findings.filter((f: Finding) => f.severity !== "info");
    expect(errors.map((f) => f.ruleId).sort()).toEqual(["diagnosis", "rounding-consistency"]);
    expect(errors.find((f) => f.ruleId === "rounding-consistency")!.message).toMatch(/^T6 合计 \[合计\]: the figure printed 10372\.70 /);
  });
});
