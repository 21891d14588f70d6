import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cliJson, ROOT, type JsonFinding } from "../helpers/cli.js";

/*
 * A fund's own 三公 table (round 48): 四川's 表4-1 政府性基金预算“三公”经费支出预算表 had no kind and was listed as not read.
 * test/fixtures/sichuan-2025/chengdu-sport-fund-sanggong.txt is the 四川 document with its 表4-1 printing figures (合计 and
 * two units, 因公出国（境）费 · 公务用车购置及运行费 (小计 · 购置费 · 运行费) · 公务接待费) and its text stating them
 * (政府性基金预算安排“三公”经费 9.30 万元，其中：…) beside the 一般公共预算's 77.10 万元. The table is read as a 三公 table of
 * that fund (kind gov-fund-sanggong, T21) and its identities checked; neither it nor the text's fund figures are compared
 * with the 一般公共预算's 三公, which the text's other 三公 figures still are.
 */
const DIR = join(ROOT, "test", "fixtures", "sichuan-2025");
const FILE = join(DIR, "chengdu-sport-fund-sanggong.txt");
const tmp = mkdtempSync(join(tmpdir(), "budget-check-fund-sanggong-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface TableEntry {
  id: string;
  kind: string;
  title: string;
  present: boolean;
  rows: number;
}
type Finding = JsonFinding & { tableKind: string | null; table: string };

/** The fixture with `edit` applied, written to a file of its own; and the 1-based line of `marker` in it. */
function edited(name: string, edit: (t: string) => string, marker: string): { file: string; line: number } {
  const text = edit(readFileSync(FILE, "utf8"));
  const file = join(tmp, name);
  writeFileSync(file, text);
  return { file, line: text.split("\n").findIndex((l) => l.includes(marker)) + 1 };
}

describe("a fund's own 三公 table (政府性基金预算“三公”经费支出预算表)", () => {
  it("is read as a 三公 table of that fund; consistent, and the text's fund figures are not compared with the 一般公共预算's: no error, no warning", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([FILE]);
    const doc = report.documents[0];
    expect(doc.unknownTables).toEqual([]);
    const fund = (doc.tables as TableEntry[]).find((t) => t.kind === "gov-fund-sanggong")!;
    expect([fund.id, fund.present, fund.rows]).toEqual(["T21", true, 3]);
    expect((doc.tables as TableEntry[]).find((t) => t.kind === "sanggong")!.present).toBe(true);
    expect(doc.findings.filter((f: Finding) => f.severity !== "info")).toEqual([]);
    // Its identities are checked (the 合计 = Σ units and the rows' sums hold within rounding or exactly: no finding).
    expect(status).toBe(0);
  });

  it("the 四川 document that prints 表4-1 empty lists no table as not read", { timeout: 60_000 }, () => {
    const doc = cliJson([join(DIR, "chengdu-sport-budget.txt")]).report.documents[0];
    expect(doc.unknownTables).toEqual([]);
    expect((doc.tables as TableEntry[]).find((t) => t.kind === "gov-fund-sanggong")!.present).toBe(true);
  });

  it("fails: a misprinted figure in it is an error at its line, in the fund's table", { timeout: 60_000 }, () => {
    const row = "160001    成都市体育局（本级）                            5.50          2.00          3.00                        3.00          0.50";
    const { file, line } = edited("seeded-table.txt", (t) => t.replace(row, row.replace(/3\.00(\s+0\.50)$/, "3.60$1")), "5.50          2.00");
    const { status, report } = cliJson([file]);
    const errors = report.documents[0].findings.filter((f: Finding) => f.severity === "error");
    expect(status).toBe(1);
    expect(errors.length).toBeGreaterThan(0);
    // (The identities it breaks, 合计 = Σ units on the 合计's line among them, each in the fund's table; the figure blamed.)
    expect(errors.every((f: Finding) => f.table === "T21" && f.tableKind === "gov-fund-sanggong")).toBe(true);
    const blamed = errors.filter((f: Finding) => f.ruleId === "diagnosis");
    expect(blamed.map((f: Finding) => [f.location.line, f.column, f.stated, f.computed])).toEqual([[line, "公务用车运行费", "3.6", "3"]]);
  });

  it("fails: the text's 一般公共预算 三公 figure mistyped is still an error against the 一般公共预算's table", { timeout: 60_000 }, () => {
    const { file, line } = edited("seeded-text.txt", (t) => t.replace("“三公”经费财政拨款预算77.10万元", "“三公”经费财政拨款预算71.10万元"), "预算71.10万元");
    const errors = cliJson([file]).report.documents[0].findings.filter((f: Finding) => f.severity === "error");
    expect(errors.some((f: Finding) => f.location.line === line && f.stated === "71.1")).toBe(true);
  });
});
