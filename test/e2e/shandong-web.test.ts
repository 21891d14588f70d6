import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT, type JsonFinding } from "../helpers/cli.js";

/*
 * A 山东 department's 部门预算 as a portal web page (test/fixtures/shandong-web): the site's frame around the article,
 * the tables as Word-pasted HTML tables with merged header cells, 表10 项目支出绩效目标表 titled after the department's
 * name and listing its projects by name alone; the same page as a browser's MHTML. Consistent, and a seeded copy.
 */
const DIR = join(ROOT, "test", "fixtures", "shandong-web");
const seeds: { id: string; line: number; printed: string }[] = JSON.parse(readFileSync(join(DIR, "seeds.json"), "utf8"));
const number = (s: string | null | undefined) => Number(String(s ?? "").replace(/,|%/g, ""));

describe("a 山东 预算 as a web page", () => {
  for (const file of ["budget.html", "budget.mhtml"])
    it(`${file}: every table read, no error and no warning`, { timeout: 60_000 }, () => {
      const { status, report } = cliJson([join(DIR, file)]);
      const doc = report.documents[0];
      expect(doc.findings.filter((f: JsonFinding) => f.severity !== "info").map((f: JsonFinding) => `${f.ruleId}: ${f.message}`)).toEqual([]);
      expect(doc.unknownTables).toEqual([]);
      // 表10, titled 山东省自然资源厅项目支出绩效目标表 (项目名称 | 预算金额 | 年度绩效目标): read, its four projects.
      const perf = doc.tables.find((t: { kind: string }) => t.kind === "project-performance");
      expect([perf.present, perf.rows]).toEqual([true, 4]);
      expect(status).toBe(0);
    });

  it("budget-seeded.html: each seed an error at its line naming the figure printed", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(DIR, "budget-seeded.html")]);
    expect(status).toBe(1);
    const errors: JsonFinding[] = report.documents[0].findings.filter((f: JsonFinding) => f.severity === "error");
    for (const s of seeds) {
      // The diagnosis names the seed (the share, S5, is text-sum's own finding).
      const found = errors.filter((f) => f.location.line === s.line && number(f.stated) === number(s.printed));
      expect(found.map((f) => f.ruleId), s.id).toContain(s.id === "S5" ? "text-sum" : "diagnosis");
    }
    // S6 and S7 by the checks round 47 added: the 三公 components' changes, the 绩效 funds against 表10's projects.
    expect(errors.some((f) => f.ruleId === "yoy-change" && f.item === "一般公共预算三公经费支出" && f.location.line === 62)).toBe(true);
    expect(errors.some((f) => f.ruleId === "text-vs-table" && f.item === "绩效目标 涉及项目预算资金" && f.location.line === 74)).toBe(true);
  });
});
