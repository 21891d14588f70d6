import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT, type JsonFinding } from "../helpers/cli.js";

/*
 * A 辽宁 省直部门 2025 部门预算 (test/fixtures/liaoning-budget), as pdftotext -layout prints its PDF: nine tables of the
 * national template in 万元, each titled with its 单位：万元 on the title's own line (before round 51 no title was
 * recognised, so the document printed "no table" and only its written parts were checked); consistent, and seeded.
 */
const DIR = join(ROOT, "test", "fixtures", "liaoning-budget");
type Seed = { id: string; line: number; printed: string; true: string };
const seeds: Seed[] = JSON.parse(readFileSync(join(DIR, "seeds.json"), "utf8"));
type Finding = JsonFinding & { location: { line?: number; page?: number } };
const plain = (s: string) => s.replace(/,/g, "").replace(/\.?0+$/, "");
const seed = (id: string) => seeds.find((s) => s.id === id)!;

describe("a 辽宁 部门预算 whose table titles carry 单位：万元 on their line", () => {
  it("consistent: every table read (表1 … 表9, the empty 表9 too), no error and no warning", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "document.txt")]);
    const doc = report.documents[0];
    expect(doc.findings.filter((f: Finding) => f.severity !== "info").map((f: Finding) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(status).toBe(0);
    expect(doc.unknownTables ?? []).toEqual([]);
    const read = doc.tables.filter((t: { present: boolean }) => t.present).map((t: { printed: string; kind: string; rows: number }) => [t.printed, t.kind, t.rows > 0]);
    expect(read).toEqual([
      ["表1", "summary", true],
      ["表2", "income", true],
      ["表3", "expenditure", true],
      ["表4", "allocation-summary", true],
      ["表5", "general-function", true],
      ["表6", "general-basic-economic", true],
      ["表7", "sanggong", true],
      ["表8", "gov-fund", true],
      ["表9", "state-capital", false],
    ]);
    // Every table rule ran: only those of tables a 预算 of this template does not print are not checked.
    expect(doc.notChecked.map((n: { ruleId: string }) => n.ruleId)).not.toContain("row-total");
    expect(doc.notChecked.map((n: { ruleId: string }) => n.ruleId)).not.toContain("hierarchy-sum");
  });

  it("seeded: each seed an error at its line naming the figure printed, the diagnosis giving the true figure", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "seeded.txt")]);
    expect(status).toBe(1);
    const errors: Finding[] = report.documents[0].findings.filter((f: Finding) => f.severity === "error");
    for (const s of seeds) expect(errors.some((f) => f.location.line === s.line && plain(f.stated) === plain(s.printed)), s.id).toBe(true);
    const blamed = (id: string) => errors.filter((f) => f.ruleId === "diagnosis" && f.location.line === seed(id).line).map((f) => [f.column, plain(f.stated), plain(f.computed)]);
    // S1 表3 合计 (digits swapped), S4 表7 公务用车运行费, S3 the text's 住房保障支出 (its share is of the true figure).
    expect(blamed("S1")).toEqual([["合计", "2741.35", "2714.35"]]);
    expect(blamed("S4")).toEqual([["公务用车运行费", "121.16", "112.16"]]);
    expect(blamed("S3")).toEqual([[null, "835.5", "853.5"]]);
    // S2, a 类 of 表5 whose 小计 and 基本支出 are both mistyped: both named, each with the true figure.
    expect(blamed("S2")).toEqual([
      ["合计", "3771.06", "3717.06"],
      ["基本支出", "3771.06", "3717.06"],
    ]);
    // S6, 30102 津贴补贴 mistyped in both its columns: the 301 sum alone says something is off; the swap back is named
    // first (other 款 could close the sum too, so the message says the identities cannot tell).
    expect(blamed("S6")).toEqual([
      ["合计", "1814.54", "1841.54"],
      ["人员经费", "1814.54", "1841.54"],
    ]);
    // S5, an item's 增长 P%: the change ÷ last year's amount (this year's − the change).
    expect(errors.filter((f) => f.ruleId === "yoy-change" && f.location.line === seed("S5").line).map((f) => [plain(f.stated), plain(f.computed)])).toEqual([["9.69", "9.96"]]);
  });
});
