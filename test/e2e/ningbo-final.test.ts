import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT, type JsonFinding } from "../helpers/cli.js";
import { type LineSeed, pageOfLine } from "../helpers/seeds.js";

/*
 * A 计划单列市 department's 2024年度部门决算 (test/fixtures/ningbo-final, 宁波市水利局, synthetic) as `pdftotext -layout` prints
 * its PDF: 附表1 … 附表9 at the left margin above titles naming the department and year, tables in 万元 by code segment
 * (类 | 款 | 项), 附表7 三公 down the page (预算数 | 决算数), the 情况说明 numbered （一） … （十三）, each 项 worded 年初预算为 B
 * 万元，支出决算为 X 万元，完成年初预算的 P%, the 结构情况's 类 as 社会保障和就业支出（类）支出 X 万元 (before round 54 read as
 * …支出支出, matched to no row).
 */
const DIR = join(ROOT, "test", "fixtures", "ningbo-final");
const seeds: LineSeed[] = JSON.parse(readFileSync(join(DIR, "seeds.json"), "utf8"));
type Finding = JsonFinding & { location: { page?: number; line?: number }; diagnosis?: { alternatives: unknown[] } };
const plain = (s: string | null | undefined) => {
  const t = (s ?? "").replace(/,/g, "");
  return t.includes(".") ? t.replace(/\.?0+$/, "") : t;
};
const seed = (id: string) => seeds.find((s) => s.id === id)!;

describe("a 宁波 department's 部门决算: 附表1 … 附表9, 三公 down the page, items against their budget", () => {
  it("consistent: no finding but rounding notes, the nine tables read by their kind, every rule checked", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "document.txt")]);
    const doc = report.documents[0];
    expect(doc.findings.filter((f: Finding) => f.severity !== "info" || f.ruleId === "text-vs-table").map((f: Finding) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(status).toBe(0);
    expect(doc.stage).toBe("final");
    expect(doc.moneyUnit).toBe("万元");
    expect(doc.unknownTables ?? []).toEqual([]);
    expect(doc.notChecked ?? []).toEqual([]);
    const present = doc.tables.filter((t: { present: boolean }) => t.present);
    expect(present.map((t: { printed: string; kind: string }) => `${t.printed} ${t.kind}`)).toEqual([
      "附表1 summary", "附表2 income", "附表3 expenditure", "附表4 allocation-summary", "附表5 general-function",
      "附表6 general-basic-economic", "附表7 sanggong", "附表8 gov-fund", "附表9 state-capital",
    ]);
  });

  it("seeded: each seed an error at its line, diagnosed with its true value and no alternative; no other figure blamed", { timeout: 120_000 }, () => {
    const { status, report } = cliJson([join(DIR, "seeded.txt")]);
    expect(status).toBe(1);
    const page = pageOfLine(join(DIR, "seeded.txt"));
    const errors: Finding[] = report.documents[0].findings.filter((f: Finding) => f.severity === "error");
    const blamed = (id: string) => errors.filter((f) => f.ruleId === "diagnosis" && f.location.line === seed(id).line).map((f) => [plain(f.stated), plain(f.computed), f.location.page, f.diagnosis!.alternatives.length]);
    const diagnosed = seeds.filter((s) => s.id !== "B5");
    for (const s of diagnosed) expect(blamed(s.id), s.id).toEqual([[plain(s.printed), plain(s.true), page(s.line), 0]]);
    expect(errors.filter((f) => f.ruleId === "diagnosis").length).toBe(diagnosed.length);
    // B3: the text's 决算 against 附表5's row, and its completion against it.
    expect(errors.filter((f) => f.location.line === seed("B3").line && f.ruleId !== "diagnosis").map((f) => [f.ruleId, plain(f.stated)]).sort()).toEqual([
      ["budget-execution", "106.38"],
      ["text-vs-table", "1775.47"],
    ]);
    // B5: the share alone, at its line (its figures 56.94 and 7272.69 right in the tables).
    expect(errors.filter((f) => f.location.line === seed("B5").line).map((f) => [f.ruleId, plain(f.stated)])).toEqual([["text-sum", "0.87"]]);
  });
});
