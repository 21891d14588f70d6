import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT, type JsonFinding } from "../helpers/cli.js";

/*
 * A 海南 省级 2024 部门决算 (test/fixtures/hainan-final), as pdftotext -layout prints its PDF: the national 决算 template's
 * nine tables (公开05表 with 年初预算数 | 调整预算数 | 决算数, 公开06表 in three lanes, 栏次 numbered), the title block
 * repeated on each page a table runs over, and a 情况说明 ordered as 海南's are (七 政府性基金, 八 国有资本经营, 九 三公,
 * 十 预算绩效 with the projects' self-evaluations, 十一 其他重要事项). Consistent, and seeded (seeds.json): S7–S9 are
 * statements nothing read before round 51.
 */
const DIR = join(ROOT, "test", "fixtures", "hainan-final");
type Seed = { id: string; line: number; printed: string; true: string };
const seeds: Seed[] = JSON.parse(readFileSync(join(DIR, "seeds.json"), "utf8"));
type Finding = JsonFinding & { location: { line?: number; page?: number } };
const plain = (s: string | null) => (s ?? "").replace(/,/g, "").replace(/\.?0+$/, "");
const seed = (id: string) => seeds.find((s) => s.id === id)!;

describe("a 海南 部门决算 of the national template", () => {
  it("consistent: the nine tables read, no error and no warning", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "document.txt")]);
    const doc = report.documents[0];
    expect(doc.findings.filter((f: Finding) => f.severity !== "info").map((f: Finding) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(status).toBe(0);
    expect(doc.stage).toBe("final");
    expect(doc.unknownTables ?? []).toEqual([]);
    expect(doc.notChecked.map((n: { ruleId: string }) => n.ruleId)).toEqual([]);
    expect(doc.tables.filter((t: { present: boolean }) => t.present).map((t: { title: string }) => t.title)).toEqual([
      "收入支出决算总表",
      "收入决算表",
      "支出决算表",
      "财政拨款收入支出决算总表",
      "一般公共预算财政拨款支出决算表",
      "一般公共预算财政拨款基本支出决算表",
      "财政拨款“三公”经费支出决算表",
      "政府性基金预算财政拨款收入支出决算表",
      "国有资本经营预算财政拨款支出决算表",
    ]);
  });

  it("seeded: every seed an error at its line naming the figure printed", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "seeded.txt")]);
    expect(status).toBe(1);
    const errors: Finding[] = report.documents[0].findings.filter((f: Finding) => f.severity === "error");
    for (const s of seeds) expect(errors.some((f) => f.location.line === s.line && plain(f.stated) === plain(s.printed)), s.id).toBe(true);
    const blamed = (id: string) => errors.filter((f) => f.ruleId === "diagnosis" && f.location.line === seed(id).line).map((f) => [f.column, plain(f.stated), plain(f.computed)]);
    // Table figures: the one seeded named, with the true figure.
    expect(blamed("S1")).toEqual([["本年支出合计", "3901.95", "3910.95"]]);
    expect(blamed("S2")).toEqual([
      ["本年支出合计", "415.44", "451.44"],
      ["基本支出", "415.44", "451.44"],
    ]);
    expect(blamed("S4")).toEqual([["公务用车运行费", "31.72", "31.27"]]);
    // Text figures against the tables: the text's, not the table's.
    expect(blamed("S3")).toEqual([[null, "2310.12", "2301.12"]]);
    expect(blamed("S8")).toEqual([[null, "29.51", "25.91"]]);
    // Percentages: each the ratio its own figures give.
    const ratio = (id: string, rule: string) => errors.filter((f) => f.ruleId === rule && f.location.line === seed(id).line).map((f) => [plain(f.stated), plain(f.computed)]);
    expect(ratio("S5", "budget-execution")).toEqual([["106.28", "116.279"]]);
    expect(ratio("S6", "yoy-change")).toEqual([["4.37", "4.187"]]);
    // A project's self-evaluation (全年预算数 / 执行数 / 完成预算的 P%) and a fund's 决算 stated before its budget.
    expect(ratio("S7", "budget-execution")).toEqual([["99.01", "90.909"]]);
    expect(ratio("S9", "budget-execution")).toEqual([["112.95", "121.947"]]);
  });
});
