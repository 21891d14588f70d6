import { readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT, type JsonFinding } from "../helpers/cli.js";
import { type LineSeed, pageOfLine } from "../helpers/seeds.js";

/*
 * A 四川 township's 2024年度部门决算 (test/fixtures/township-final, synthetic) as `pdftotext -layout` prints its PDF: one budget
 * unit, the national 公开01表 … 公开09表 in 元 while the 情况说明 states 万元, 公开07表 and 公开08表 empty with their sentences,
 * 公开06表 the 明细表 in two lanes, 公开09表 三公 across the page; each 项 stated as 支出决算为 X 万元，比年初预算增加 D 万元，
 * 完成年初预算的 P% (before round 53 unread: neither X nor P checked).
 */
const DIR = join(ROOT, "test", "fixtures", "township-final");
const seeds: LineSeed[] = JSON.parse(readFileSync(join(DIR, "seeds.json"), "utf8"));
type Finding = JsonFinding & { location: { page?: number; line?: number }; diagnosis?: { alternatives: unknown[] } };
const plain = (s: string | null | undefined) => {
  const t = (s ?? "").replace(/,/g, "");
  return t.includes(".") ? t.replace(/\.?0+$/, "") : t;
};
const seed = (id: string) => seeds.find((s) => s.id === id)!;

describe("a township's 部门决算: tables in 元, text in 万元, empty fund tables, items against their budget", () => {
  it("consistent: no error and no warning, the nine tables read by their kind", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "document.txt")]);
    const doc = report.documents[0];
    expect(doc.findings.filter((f: Finding) => f.severity !== "info").map((f: Finding) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(status).toBe(0);
    expect(doc.stage).toBe("final");
    expect(doc.moneyUnit).toBe("元");
    expect(doc.unknownTables ?? []).toEqual([]);
    expect(doc.notChecked ?? []).toEqual([]);
    const present = doc.tables.filter((t: { present: boolean }) => t.present);
    expect(present.map((t: { printed: string; kind: string }) => `${t.printed} ${t.kind}`).sort()).toEqual([
      "公开01表 summary", "公开02表 income", "公开03表 expenditure", "公开04表 allocation-summary", "公开05表 general-function",
      "公开06表 general-basic-economic", "公开07表 gov-fund", "公开08表 state-capital", "公开09表 sanggong",
    ]);
  });

  it("the text's items: a 项's 决算 off its row, or its completion off X ÷ (X ∓ D), is an error at its place", { timeout: 60_000 }, () => {
    const text = readFileSync(join(DIR, "document.txt"), "utf8");
    const lines = text.split("\n");
    const at = lines.findIndex((l) => l.includes("支出决算为101.73万元"));
    const wrong = [...lines];
    wrong[at] = wrong[at].replace("完成年初预算的97.09%", "完成年初预算的99.07%");
    const out = join(ROOT, "test", "fixtures", "township-final", ".item.tmp.txt");
    writeFileSync(out, wrong.join("\n"));
    try {
      const errors: Finding[] = cliJson([out]).report.documents[0].findings.filter((f: Finding) => f.severity === "error" && f.ruleId === "budget-execution");
      expect(errors.map((f) => [f.location.line, plain(f.stated)])).toEqual([[at + 1, "99.07"]]);
    } finally {
      unlinkSync(out);
    }
  });

  it("seeded: each seed an error at its line, diagnosed with its true value and no alternative; no other figure blamed", { timeout: 120_000 }, () => {
    const { status, report } = cliJson([join(DIR, "seeded.txt")]);
    expect(status).toBe(1);
    const page = pageOfLine(join(DIR, "seeded.txt"));
    const errors: Finding[] = report.documents[0].findings.filter((f: Finding) => f.severity === "error");
    const blamed = (id: string) => errors.filter((f) => f.ruleId === "diagnosis" && f.location.line === seed(id).line).map((f) => [plain(f.stated), plain(f.computed), f.location.page, f.diagnosis!.alternatives.length]);
    for (const s of seeds) expect(blamed(s.id), s.id).toEqual([[plain(s.printed), plain(s.true) || "0", page(s.line), 0]]);
    expect(errors.filter((f) => f.ruleId === "diagnosis").length).toBe(seeds.length);
    // T2: the text's 人员经费 (万元) against 公开06表's (元).
    expect(errors.filter((f) => f.ruleId === "text-vs-table" && f.location.line === seed("T2").line).map((f) => [plain(f.stated), plain(f.computed)])).toEqual([["696.99", "699.9631"]]);
  });
});
