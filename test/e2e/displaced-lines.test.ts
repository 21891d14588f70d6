import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

/*
 * The Shanghai 决算 of fixtures/shanghai as pdftotext -layout wrote it: five lines that begin with a figure are
 * placed a line too high (`603.14万元，占20.51%；` above `本年支出合计…项目支出`). Read after the line they follow,
 * their figures are checked: typed wrong, each is an error at its own line and column.
 */
const FIXTURE = join(ROOT, "fixtures", "shanghai", "shanghai-putuo_finance-bureau_2024_dept-final-accounts.txt");

interface Finding {
  ruleId: string;
  severity: string;
  stated: string;
  computed: string;
  location: { line: number; column: number };
}

describe("lines placed a line too high by pdftotext", () => {
  const lines = readFileSync(FIXTURE, "utf8").split("\n");
  const dir = tempDir("displaced-lines");
  const edit = (line: number, from: string, to: string) => {
    const copy = [...lines];
    expect(copy[line - 1]).toContain(from);
    copy[line - 1] = copy[line - 1].replace(from, to);
    const file = join(dir, `typo-${line}.txt`);
    writeFileSync(file, copy.join("\n"));
    return file;
  };
  const base = (cliJson([FIXTURE]).report.documents[0].findings as Finding[]).filter((f) => f.severity === "error");

  it("the clean document keeps its findings", () => {
    expect(base.map((f) => [f.ruleId, f.location.line])).toEqual([
      ["diagnosis", 548],
      ["text-vs-table", 548],
      ["text-sum", 565],
    ]);
  });

  it.each([
    // 本年支出合计2940.05万元，其中：…项目支出 / 603.14万元，占20.51%；
    [542, "占20.51%", "占20.81%", "text-sum", 11, "20.81"],
    // …年初预算为450.52万元，支出决算为 / 449.52万元。
    [590, "449.52万元", "449.82万元", "text-vs-table", 1, "449.82"],
    // …年初预算为 / 161.62万元，支出决算为160.75万元。
    [601, "160.75万元", "160.45万元", "text-vs-table", 15, "160.45"],
  ] as [number, string, string, string, number, string][])("line %i typed wrong: %s → %s is found at its line and column", (line, from, to, rule, column, stated) => {
    const findings = (cliJson([edit(line, from, to)]).report.documents[0].findings as Finding[]).filter((f) => f.severity === "error");
    const added = findings.filter((f) => f.ruleId !== "diagnosis" && !base.some((b) => b.ruleId === f.ruleId && b.location.line === f.location.line));
    expect(added.map((f) => [f.ruleId, f.location.line, f.location.column, f.stated])).toEqual([[rule, line, column, stated]]);
  });
});
