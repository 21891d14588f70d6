import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT, type JsonFinding } from "../helpers/cli.js";
import { type LineSeed, pageOfLine } from "../helpers/seeds.js";

/*
 * A 浙江 省级部门's 2024 部门决算 (test/fixtures/zhejiang-final, synthetic) as `pdftotext -layout` prints its PDF: the
 * national template's nine tables (公开01表 … 公开09表) before the 情况说明, portrait and landscape pages; 收入决算表 and
 * 支出决算表 by 类 | 款 | 项 under a four-line header, 支出决算表 running onto a page with no header; 公开05表 on a landscape page
 * with 年初预算数 | 调整预算数 | 决算数 each over 小计 · 基本支出 · 项目支出 (not read before round 52: the document was read by
 * kind alone and the table listed as not understood); 公开06表 in two lanes; 三公 down the page (项目 | 预算数 | 决算数).
 */
const DIR = join(ROOT, "test", "fixtures", "zhejiang-final");
const seeds: LineSeed[] = JSON.parse(readFileSync(join(DIR, "seeds.json"), "utf8"));
type Finding = JsonFinding & { location: { page?: number; line?: number }; diagnosis?: { alternatives: unknown[] } };
const plain = (s: string | null | undefined) => (s ?? "").replace(/,/g, "").replace(/\.?0+$/, "");
const seed = (id: string) => seeds.find((s) => s.id === id)!;

describe("a 浙江 部门决算: the national tables, its 一般公共预算财政拨款支出决算表 with three stages over their splits", () => {
  it("consistent: no error and no warning, the nine tables read with the national 决算 template, numbered as printed", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "document.txt")]);
    const doc = report.documents[0];
    expect(doc.findings.filter((f: Finding) => f.severity !== "info").map((f: Finding) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(status).toBe(0);
    expect(doc.template).toBe("shanghai-final");
    expect(doc.stage).toBe("final");
    expect(doc.unknownTables ?? []).toEqual([]);
    const present = doc.tables.filter((t: { present: boolean }) => t.present);
    expect(present.map((t: { printed: string }) => t.printed)).toEqual(["公开01表", "公开02表", "公开03表", "公开04表", "公开05表", "公开06表", "公开07表", "公开08表", "公开09表"]);
    // Every code of 公开05表 read (its landscape page), and 支出决算表's rows on the page with no header.
    const rows = (printed: string) => present.find((t: { printed: string }) => t.printed === printed).rows;
    expect(rows("公开05表")).toBeGreaterThan(30);
    expect(rows("公开03表")).toBe(rows("公开02表"));
  });

  it("seeded: each seed an error at its line; the table figures and text figures diagnosed with their true value", { timeout: 120_000 }, () => {
    const { status, report } = cliJson([join(DIR, "seeded.txt")]);
    expect(status).toBe(1);
    const page = pageOfLine(join(DIR, "seeded.txt"));
    const errors: Finding[] = report.documents[0].findings.filter((f: Finding) => f.severity === "error");
    for (const s of seeds) expect(errors.some((f) => f.location.line === s.line && plain(f.stated) === plain(s.printed)), s.id).toBe(true);
    const blamed = (id: string) => errors.filter((f) => f.ruleId === "diagnosis" && f.location.line === seed(id).line).map((f) => [plain(f.stated), plain(f.computed), f.location.page]);
    for (const id of ["Z1", "Z2", "Z3", "Z5", "Z6", "Z7", "Z8"]) expect(blamed(id), id).toEqual([[plain(seed(id).printed), plain(seed(id).true), page(seed(id).line)]]);
    // Z3: the 年初预算数's 小计 of its row (its own stage's 基本支出 + 项目支出), the text's 年初预算 right.
    expect(errors.find((f) => f.ruleId === "diagnosis" && f.location.line === seed("Z3").line)!.column).toBe("年初预算数");
    // No alternative, but Z6: a 公用经费 item of the two-lane table is in one sum alone (302), any sibling settling it alike.
    const alternatives = (id: string) => errors.find((f) => f.ruleId === "diagnosis" && f.location.line === seed(id).line)!.diagnosis!.alternatives.length;
    for (const id of ["Z1", "Z2", "Z3", "Z5", "Z7", "Z8"]) expect(alternatives(id), id).toBe(0);
    expect(alternatives("Z6")).toBeGreaterThan(0);
    // Z4: the text's completion percentage, judged as its own figures give it.
    expect(errors.filter((f) => f.ruleId === "budget-execution" && f.location.line === seed("Z4").line).map((f) => [plain(f.stated), plain(f.computed)])).toEqual([["112.95", "121.952"]]);
    // Nothing else blamed.
    expect(errors.filter((f) => f.ruleId === "diagnosis").every((f) => seeds.some((s) => s.line === f.location.line))).toBe(true);
  });
});
