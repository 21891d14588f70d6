import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT } from "../helpers/cli.js";

/*
 * A 四川 department's 部门预算 (test/fixtures/sichuan-2025): its 一般公共预算 tables print a band 当年财政拨款安排 over
 * all their amount columns, and its 三公 table wraps 因公出国 / （境）费 in its cell. Those tables were not read (the band
 * glued to the labels under it, the wrap taken for two labels); read, the consistent document gives no error and no
 * warning, and the mistakes seeded in them are found at their lines.
 */
const DIR = join(ROOT, "test", "fixtures", "sichuan-2025");

interface Finding {
  ruleId: string;
  severity: string;
  location?: { line?: number };
}

describe("a 四川 部门预算 with a band over its amount columns and a label wrapped in its cell", () => {
  it("chengdu-sport-budget.txt: 表2-2, 表2-3 and 表3 read; consistent, so no error and no warning", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "chengdu-sport-budget.txt")]);
    const doc = report.documents[0];
    expect(doc.failure ?? null).toBeNull();
    expect(doc.findings.filter((f: Finding) => f.severity !== "info")).toEqual([]);
    const unread: string[] = doc.unknownTables.map((u: { title: string }) => u.title);
    expect(unread.filter((t) => /^一般公共预算/.test(t))).toEqual([]);
    // 表2-1, the 财政拨款 by function code × economic class, read by its header (合计 | 工资福利支出 | …, wrapped).
    expect(unread.filter((t) => /部门经济分类科目/.test(t))).toEqual([]);
    expect(status).toBe(0);
  });

  it("chengdu-sport-budget-seeded.txt: each seed in a table that reads is blamed at its line", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "chengdu-sport-budget-seeded.txt")]);
    const doc = report.documents[0];
    expect(status).toBe(1);
    const blamed = new Set(doc.findings.filter((f: Finding) => f.ruleId === "diagnosis").map((f: Finding) => f.location?.line));
    // S1 表1-2, S2 表2-2 (under the band), S3 表1-1, S4 the text, S6 表3 (under the band, beside the wrapped label),
    // S7 表2-1 (economic classes across): 本级's 商品和服务支出.
    for (const line of [292, 456, 238, 128, 575, 369]) expect(blamed, String(line)).toContain(line);
    const s7 = doc.findings.find((f: Finding & { column?: string; stated?: string; computed?: string }) => f.ruleId === "diagnosis" && f.location?.line === 369);
    expect([s7.column, s7.stated, s7.computed]).toEqual(["商品和服务支出", "1374.92", "1347.92"]);
    // S5: the text's percentage.
    expect(doc.findings.some((f: Finding) => f.ruleId === "text-sum" && f.severity === "error" && f.location?.line === 74)).toBe(true);
  });
});
