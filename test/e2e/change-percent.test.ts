import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

/*
 * The central department's 一般公共预算支出表 (fixtures/other-provinces, layout text) prints 增减额 | 增减(%) against
 * 2025年执行数, and again 扣除中央基建投资后: every printed percentage holds, and one typed wrong is an error at its
 * line and column.
 */
const FIXTURE = join(ROOT, "fixtures", "other-provinces", "central_national-public-complaints-and-proposals-admin_2026_dept-budget.txt");

interface Finding {
  ruleId: string;
  severity: string;
  stated: string;
  computed: string;
  column: string;
  location: { line: number; column: number };
}

describe("change-percent on a central department's 一般公共预算支出表", () => {
  const lines = readFileSync(FIXTURE, "utf8").split("\n");
  const dir = tempDir("change-percent");

  it("every 增减(%) of the printed table holds: no finding", () => {
    const findings = cliJson([FIXTURE]).report.documents[0].findings as Finding[];
    expect(findings.filter((f) => f.ruleId === "change-percent")).toEqual([]);
  });

  it("two percentages typed wrong are errors at their line and column, against 执行数 and against 扣除后执行数", () => {
    // 20140 信访事务: -20,442.30 ÷ 33,586.67 = -60.86%; 3,099.90 ÷ 10,044.47 = 30.86%.
    const at = lines.findIndex((l) => /^20140\s+信访事务.*-60\.86%\s+3,099\.90\s+30\.86%\s*$/.test(l));
    expect(at).toBeGreaterThan(0);
    const copy = [...lines];
    copy[at] = copy[at].replace("-60.86%", "-60.96%").replace(/30\.86%(\s*)$/, "30.56%$1");
    const file = join(dir, "typo.txt");
    writeFileSync(file, copy.join("\n"));
    const findings = (cliJson([file]).report.documents[0].findings as Finding[]).filter((f) => f.ruleId === "change-percent");
    expect(findings.map((f) => [f.severity, f.column, f.stated, f.computed, f.location.line, f.location.column])).toEqual([
      ["error", "增减(%)", "-60.96", "-60.864", at + 1, lines[at].indexOf("-60.86%") + 1],
      ["error", "扣除后增减(%)", "30.56", "30.862", at + 1, lines[at].lastIndexOf("30.86%") + 1],
    ]);
  });
});
