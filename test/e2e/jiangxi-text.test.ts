import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

/*
 * A 江西 county department's 部门预算 in the seed's form (test/fixtures/jiangxi-text: Markdown headings, tab-separated
 * rows). Round 49: its 目录 as list items (the seed's markup) ran on into the body's 第一部分 and its first section, and
 * the parts after it, numbered 第N部分, were read by Shenzhen's readers of their numbers: no statement of the written
 * parts was recognised. Its 目录 as headings left them read, but 部门概况's units were read only where a unit printed
 * 行政编制 (a false staffing-sum error: 退休 44 against the 局机关's 9). Its 项目支出绩效目标表, 预算金额 over 合计 | 财政拨款 |
 * 其他资金, was not read (header not understood).
 */
const DIR = join(ROOT, "test", "fixtures", "jiangxi-text");

interface Finding {
  ruleId: string;
  severity: string;
  item?: string | null;
  stated?: string;
  computed?: string;
  location?: { line?: number };
}

const run = (file: string) => {
  const { status, report } = cliJson([file]);
  return { status, doc: report.documents[0] };
};
const TEXT_RULES = ["text-sum", "text-vs-table", "yoy-change", "staffing-sum"];

describe("a 江西 部门预算: its 目录 in any markup, its units' staffing, its 项目支出绩效目标表", () => {
  for (const name of ["consistent.md", "consistent-tocheadings.md"])
    it(`${name}: the written parts read (every text rule checked), the 项目支出绩效目标表 read; consistent, so no error and no warning`, { timeout: 60_000 }, () => {
      const { status, doc } = run(join(DIR, name));
      expect(doc.failure ?? null).toBeNull();
      expect(doc.findings.filter((f: Finding) => f.severity !== "info")).toEqual([]);
      const notChecked: string[] = doc.notChecked.map((n: { ruleId: string }) => n.ruleId);
      for (const rule of [...TEXT_RULES, "performance-vs-projects"]) expect(notChecked, rule).not.toContain(rule);
      expect(doc.unknownTables.map((u: { title: string }) => u.title).filter((t: string) => /表头未能识别/.test(t))).toEqual([]);
      expect(doc.tables.some((t: { kind: string; present: boolean }) => t.kind === "project-performance" && t.present)).toBe(true);
      expect(status).toBe(0);
    });

  it("seeded.md: the seeds of the text (S3, S4) are found, and those of the department's tables", { timeout: 60_000 }, () => {
    const { status, doc } = run(join(DIR, "seeded.md"));
    expect(status).toBe(1);
    const errors = doc.findings.filter((f: Finding) => f.severity === "error");
    const at = (rule: string, line: number) => errors.some((f: Finding) => f.ruleId === rule && f.location?.line === line);
    // S3: 五（三） 行政运行（项） 347.17 (346.17), against 表5; S4: 一般公共预算拨款收入 占99.00% (99.81%).
    expect(at("text-vs-table", 88)).toBe(true);
    expect(at("text-sum", 52)).toBe(true);
    // S2 表3 事业运行 552.40 (its row), S7 表6 住房公积金 92.54 (its 类 301 on line 335), S5 表7 公务接待费 7.21 (its change).
    expect(at("row-total", 251)).toBe(true);
    expect(at("hierarchy-sum", 335)).toBe(true);
    expect(at("year-change", 379)).toBe(true);
  });

  it("the system's staffing against its units' (核定编制, 在职, 退休), and a project's amount mistyped, are reported", { timeout: 60_000 }, () => {
    const dir = tempDir("jiangxi");
    const text = readFileSync(join(DIR, "consistent.md"), "utf8");
    const file = join(dir, "mistyped.md");
    writeFileSync(file, text.replace("退休人员44人。", "退休人员45人。").replace("农业产业发展扶持资金\t185.67\t185.67", "农业产业发展扶持资金\t158.67\t185.67"));
    const { doc } = run(file);
    const errors = doc.findings.filter((f: Finding) => f.severity === "error" && f.ruleId !== "diagnosis");
    expect(errors.filter((f: Finding) => f.ruleId === "staffing-sum").map((f: Finding) => [f.item, f.stated, f.computed, f.location?.line])).toEqual([["退休", "45", "44", 42]]);
    expect(errors.filter((f: Finding) => f.location?.line === 421).map((f: Finding) => [f.ruleId, f.stated, f.computed])).toEqual([["row-total", "158.67", "185.67"]]);
  });
});
