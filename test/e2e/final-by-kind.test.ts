import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cliJson, ROOT, type JsonFinding as Finding } from "../helpers/cli.js";

/*
 * A 山西 决算 (test/fixtures/final-by-kind). Round 43: the generic template is a 预算's, and the document was checked as
 * a 预算 — 收入 = 支出 required of a 决算 whose carry-over makes them differ (4 false errors). Round 46: its 公开05表 and
 * 公开09表 print their group label (决算数, 本年支出) at the left of its merged cell, over the first of its columns;
 * both tables were 'header not understood' and not read.
 */
const FILE = join(ROOT, "test", "fixtures", "final-by-kind", "shanxi-final.txt");
const text = readFileSync(FILE, "utf8");
const tmp = mkdtempSync(join(tmpdir(), "budget-check-shanxi-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface TableEntry {
  id: string;
  kind: string;
  present: boolean;
  rows: number;
}
const notInfo = (fs: Finding[]) => fs.filter((f) => f.severity !== "info").map((f) => `${f.ruleId}: ${f.message}`);

describe("a 决算 whose tables are read by kind alone", () => {
  it("is a 决算 (stage final), as its title says: no error and no warning on a consistent document", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([FILE]);
    const doc = report.documents[0];
    // Every table of it read, its nine tables are the national 决算's (shanghai-final); read by kind alone before,
    // because its 公开05表's header was not understood.
    expect(doc).toMatchObject({ template: "shanghai-final", stage: "final", year: 2024, unknownTables: [] });
    expect(notInfo(doc.findings)).toEqual([]);
    expect(status).toBe(0);
  });

  it("both tables whose group label is printed at the left of its cell are read and checked, also by kind alone", { timeout: 60_000 }, () => {
    for (const args of [[FILE], [FILE, "--template", "generic"]]) {
      const doc = cliJson(args).report.documents[0];
      expect(doc.unknownTables, args.join(" ")).toEqual([]);
      const present = (kind: string) => doc.tables.find((t: TableEntry) => t.kind === kind && t.present)?.rows;
      expect([present("general-function"), present("state-capital")], args.join(" ")).toEqual([22, 4]);
      expect(doc.notChecked.filter((n: { reason: string }) => /not read/.test(n.reason)), args.join(" ")).toEqual([]);
      expect(notInfo(doc.findings), args.join(" ")).toEqual([]);
    }
  });

  /** The document with line `line`'s last `from` replaced by `to`, as a file of its own. */
  function retyped(name: string, edits: [line: number, from: string, to: string][]): string {
    const lines = text.split("\n");
    for (const [line, from, to] of edits) {
      const l = lines[line - 1];
      const i = l.lastIndexOf(from);
      expect(i, `${line}: ${from}`).toBeGreaterThan(0);
      lines[line - 1] = l.slice(0, i) + to + l.slice(i + from.length);
    }
    const file = join(tmp, `${name}.txt`);
    writeFileSync(file, lines.join("\n"));
    return file;
  }

  it("fails: a retyped 基本支出 of 公开05表 and 项目支出 of 公开09表 are errors at those cells", { timeout: 60_000 }, () => {
    // 档案馆's 基本支出 624.91 typed 642.91; 其他解决历史遗留问题及改革成本支出's 项目支出 12.50 typed 12.05 (its 合计 12.50
    // stays: the figure under 项目支出 is the one that disagrees, 基本支出 blank).
    const file = retyped("retyped", [
      [305, "624.91", "642.91"],
      [382, "12.50", "12.05"],
    ]);
    const { status, report } = cliJson([file]);
    expect(status).toBe(1);
    const errors: Finding[] = report.documents[0].findings.filter((f: Finding) => f.severity === "error");
    expect(errors.map((f) => [f.ruleId, f.location.line, f.column, f.stated])).toEqual([
      ["hierarchy-sum", 302, "基本支出", "1761.19"],
      ["row-total", 305, "合计", "967.58"],
      ["diagnosis", 305, "基本支出", "642.91"],
      ["hierarchy-sum", 381, "项目支出", "12.5"],
      ["row-total", 382, "合计", "12.5"],
      ["diagnosis", 382, "项目支出", "12.05"],
    ]);
  });
});
