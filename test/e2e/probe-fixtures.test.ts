import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT, type JsonFinding } from "../helpers/cli.js";
import { type LineSeed, statedOf } from "../helpers/seeds.js";

type Finding = JsonFinding & { location: { line?: number; column?: number } };
type Seed = LineSeed & { column: number };

/**
 * A synthetic document of a kind no other fixture covers: consistent, it has no error and no warning and every table
 * printed is read as the kind listed (printed number and kind, in order); its `seeded.txt` has each seed of `seeds.json`
 * diagnosed at its line and column with its true value, and no other diagnosis.
 */
function probe(name: string, tables: string[]) {
  const dir = join(ROOT, "test", "fixtures", name);
  const seeds: Seed[] = JSON.parse(readFileSync(join(dir, "seeds.json"), "utf8"));
  it("consistent: no error and no warning, every table read", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(dir, "document.txt")]);
    const doc = report.documents[0];
    expect(doc.findings.filter((f: Finding) => f.severity !== "info").map((f: Finding) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(status).toBe(0);
    expect(doc.unknownTables ?? []).toEqual([]);
    expect(doc.tables.filter((t: { present: boolean }) => t.present).map((t: { printed: string; kind: string }) => `${t.printed} ${t.kind}`)).toEqual(tables);
    expect(doc.moneyUnit).toBe("万元");
    expect(doc.stage).toBe("budget");
  });
  it("seeded: each typo diagnosed at its line and column with its true value", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(dir, "seeded.txt")]);
    expect(status).toBe(1);
    const diagnoses = report.documents[0].findings.filter((f: Finding) => f.severity === "error" && f.ruleId === "diagnosis");
    const at = (s: Seed) => diagnoses.filter((f: Finding) => f.location.line === s.line && f.location.column === s.column).map((f: Finding) => [f.stated, f.computed]);
    for (const s of seeds) expect(at(s), s.id).toEqual([[statedOf(s.printed), statedOf(s.true)]]);
    expect(diagnoses).toHaveLength(seeds.length);
  });
}

/*
 * A 公立医院's own 单位预算 (test/fixtures/hospital-budget: 湖南省第二人民医院 2026, under 湖南省卫生健康委员会), its money mostly
 * 事业收入: a 收支总表 of income by source (事业收入, 事业单位经营收入, 上级补助收入, 附属单位上缴收入, then 用事业基金弥补收支差额 and
 * 上年结转结余 after 本年收入合计) and expenditure by use (基本支出, 项目支出, 事业单位经营支出, 上缴上级支出, 对附属单位补助支出,
 * 结转下年); a 收入总表 by those sources, 用事业基金弥补收支差额 a column of them; a 支出总表 with 经营支出 · 上缴上级 · 对附属单位补助
 * beside 基本 / 项目. Before round 55 the 收入总表 was listed (header not understood) and the 收支总表's 收入总计 reported 1200.00
 * short (用事业基金弥补收支差额 a line of no role).
 */
describe("a 公立医院's 单位预算, its money mostly 事业收入", () => {
  probe("hospital-budget", [
    "表1 summary", "表2 income", "表3 expenditure", "表4 allocation-summary", "表5 general-function",
    "表6 general-basic-economic", "表7 sanggong", "表8 gov-fund",
  ]);
});

/*
 * A 湖北 地市 department's 2026 部门预算 (test/fixtures/hubei-city-2026: 宜昌市自然资源和规划局, 局机关 and one 事业单位), its tables
 * numbered 表一 … 表九 at the left above the title, 部门：… and 单位：万元 on the line under it; the 2026 功能分类 of a 自然资源
 * department (220 01 自然资源事务, 212 08 国有土地使用权出让收入安排的支出); its 一般公共预算支出表 compares this year's budget with
 * last year's budget (2025年预算数 | 2026年预算数 over 小计 · 基本支出 · 项目支出 | 2026年预算数比2025年预算数 over 增减额 · 增减率).
 * Before round 55 that table was listed (表头未能识别) and nothing checked its figures.
 */
describe("a 湖北 地市's 2026 部门预算", () => {
  probe("hubei-city-2026", [
    "表一 summary", "表二 income", "表三 expenditure", "表四 allocation-summary", "表五 general-function",
    "表六 general-basic-economic", "表七 sanggong", "表八 gov-fund", "表九 state-capital",
  ]);
});
