import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, cliJson } from "../helpers/cli.js";
import { t1, T7 } from "../helpers/text.js";
import { tempDir } from "../helpers/tmp.js";

const year = (y: number, text: string, tables = T7) => `# ${y} 年深圳市甲协会 部门预算\n## 第三部分 部门预算支出具体情况\n### 一、单位A\n${text}\n${tables.replace(/→/g, "\t")}`;

/** This year: 综合管理 30 (+5 on last year, 20%), 课题 10 (持平). Last year as given. */
function files(lastYear: string) {
  const dir = tempDir("prev");
  const cur = join(dir, "2023.md");
  const prev = join(dir, "2022.md");
  writeFileSync(cur, year(2023, "1. 综合管理预算 30 万元，主要包括：办公。较 2022 年预算增加 5 万元，增幅 20%。\n2. 课题预算 10 万元，主要包括：调研。与 2022 年预算持平。"));
  writeFileSync(prev, year(2022, lastYear));
  return { cur, prev };
}

describe("--previous compares the last-year figures the text implies with last year's document", () => {
  it("passes when last year's document printed 25 and 10", () => {
    const { cur, prev } = files("1. 综合管理预算 25 万元，主要包括：办公。\n2. 课题预算 10 万元，主要包括：调研。");
    const { status, report } = cliJson([cur, "--previous", prev]);
    expect(report.documents[0].findings.filter((f: { ruleId: string }) => f.ruleId === "yoy-change")).toEqual([]);
    expect(status).toBe(0);
  });

  it("reports a change that last year's figure contradicts, and a 持平 item that changed, at this year's text", () => {
    const { cur, prev } = files("1. 综合管理预算 35 万元，主要包括：办公。\n2. 课题预算 12 万元，主要包括：调研。");
    const { status, report } = cliJson([cur, "--previous", prev]);
    const fs = report.documents[0].findings.filter((f: { ruleId: string }) => f.ruleId === "yoy-change");
    expect(fs.map((f: { severity: string; item: string; location: { file: string; line: number }; stated: string; computed: string }) => [f.severity, f.item, f.location.file, f.location.line, f.stated, f.computed])).toEqual([
      ["error", "综合管理", cur, 4, "5", "-5"], // 增加 5, but 30 − 35 = −5
      ["error", "课题", cur, 5, "10", "12"], // 持平, but last year printed 12
    ]);
    expect(fs[0].related.some((r: { file: string }) => r.file === prev)).toBe(true);
    expect(status).toBe(1);
  });

  it("fails with one line and exit 2 when last year's document cannot be read, still checking this year's", () => {
    const { cur } = files("");
    const r = cli([cur, "--previous", "/no/such/2022.md"]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^budget-check: \/no\/such\/2022\.md: --previous: .+/)]);
    expect(r.stdout).toContain("2023.md");
  });

  it("falls back on last year's tables when its text does not state the figure (表1 收入总计)", () => {
    const dir = tempDir("prev");
    const cur = join(dir, "2023.md");
    writeFileSync(cur, `# 2023 年深圳市甲协会 部门预算\n## 第二部分 部门预算收支总体情况\n2023 年部门预算收入 150 万元，比 2022 年增加 10 万元，增长 7%。\n${T7.replace(/→/g, "\t")}`);
    const judged = (lastTotal: string) => {
      const prev = join(dir, `2022-${lastTotal}.md`);
      writeFileSync(prev, year(2022, "", t1(lastTotal) + T7));
      return cliJson([cur, "--previous", prev]).report.documents[0].findings.filter((f: { ruleId: string }) => f.ruleId === "yoy-change");
    };
    expect(judged("140")).toEqual([]);
    expect(judged("130").map((f: { severity: string; location: { line: number }; stated: string; computed: string }) => [f.severity, f.location.line, f.stated, f.computed])).toEqual([["error", 3, "10", "20"]]);
  });
});
