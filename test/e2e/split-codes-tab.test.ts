import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT, type JsonFinding } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

/*
 * Round 59 (test/fixtures/split-codes-tab, 某市某局, synthetic): a tab-separated document (a PDF converted to text, tables
 * as rows of cells) of a template other than Shenzhen's or Shanghai's, whose code tables print the national header of
 * three rows: 项目 over 支出功能分类科目编码 (over 类 | 款 | 项) and 科目名称. The cells stack those labels in the first
 * column (项目 / 支出功能分类科目编码 / 类), which the reader by kind did not take for the code's: before, the document was
 * refused whole (`unreadable …: 表2 收入总表: the header cannot be matched`), although it holds four tables.
 */
const FILE = join(ROOT, "test", "fixtures", "split-codes-tab", "document.md");
type Doc = { failure: unknown; template: string; tables: { id: string; kind: string; present: boolean; rows: number }[]; unknownTables?: unknown[]; findings: (JsonFinding & { location: { line?: number } })[] };
const run = (file: string) => {
  const { status, report } = cliJson([file, "--format", "json"]);
  return { status, doc: report.documents[0] as Doc };
};

describe("a tab-separated document whose code columns are 类 | 款 | 项 under a three-row header", () => {
  it("every table read, each code row with its code; consistent, no finding", () => {
    const { status, doc } = run(FILE);
    expect(doc.failure).toBeNull();
    expect(status).toBe(0);
    expect(doc.unknownTables ?? []).toEqual([]);
    expect(doc.tables.filter((t) => t.present).map((t) => `${t.kind} ${t.rows}`)).toEqual(["summary 10", "income 8", "expenditure 8", "general-function 8"]);
    expect(doc.findings).toEqual([]);
  });

  it("a 项 row mistyped is caught where it is printed, by the sums of its 款 and of its row", () => {
    const text = readFileSync(FILE, "utf8");
    const lines = text.split("\n");
    // 一般公共预算支出表's 2010301 行政运行: 100.00 = 100.00 basic → 110.00 in its 合计.
    const at = lines.map((l, i) => (l.startsWith("201\t03\t01\t行政运行\t") ? i : -1)).reduce((a, b) => Math.max(a, b), -1);
    expect(at).toBeGreaterThan(0);
    lines[at] = lines[at].replace("\t100.00\t100.00\t", "\t110.00\t100.00\t");
    const file = join(tempDir("split-codes-tab"), "typo.md");
    writeFileSync(file, lines.join("\n"));
    const { status, doc } = run(file);
    expect(status).toBe(1);
    const errors = doc.findings.filter((f) => f.severity === "error");
    const here = errors.filter((f) => f.location.line === at + 1).map((f) => f.ruleId);
    expect(here).toContain("row-total");
    expect(errors.some((f) => f.ruleId === "hierarchy-sum" && /20103/.test(f.message))).toBe(true);
  });

  it("headers the reader cannot understand in three of its tables: the rest read, those listed as not read, not the whole document refused", () => {
    // 科目代号 is no label the readers know: none of the three code tables can be read.
    const file = join(tempDir("split-codes-tab"), "unknown-label.md");
    writeFileSync(file, readFileSync(FILE, "utf8").replaceAll("支出功能分类科目编码", "支出功能分类科目代号"));
    const { status, doc } = run(file);
    expect(doc.failure).toBeNull();
    expect(status).toBe(0);
    expect(doc.tables.filter((t) => t.present).map((t) => `${t.kind} ${t.rows}`)).toEqual(["summary 10"]);
    const unread = (doc.unknownTables ?? []) as { title: string; location: { line: number } }[];
    expect(unread.map((u) => [u.title.replace(/（.*/, ""), u.location.line])).toEqual([["部门收入总表", 26], ["部门支出总表", 44], ["一般公共预算支出表", 62]]);
    for (const u of unread) expect(u.title).toMatch(/表头未能识别 header not understood: 项目支出功能分类科目代号类/);
  });

  it("the national titles Shenzhen prints too, over headers that are not Shenzhen's (收入项目 | 预算数 in one row): read by kind, not refused", () => {
    // national-titles.md: the same department with the summary's header in one row and the rest of the national set
    // (财政拨款收支总表, 三公, the two funds' empty tables, 一般公共预算基本支出表, 部门整体支出绩效目标表), enough of Shenzhen's
    // titles to be taken for Shenzhen's. Before, Shenzhen's reader refused it whole (表1 收支总表: the header cannot be
    // matched) and no other reading was tried.
    const { status, doc } = run(join(ROOT, "test", "fixtures", "split-codes-tab", "national-titles.md"));
    expect(doc.failure).toBeNull();
    expect(status).toBe(0);
    expect(doc.template).toBe("generic");
    expect(doc.tables.filter((t) => t.present && t.rows > 0).map((t) => t.kind)).toEqual(expect.arrayContaining(["summary", "income", "expenditure", "general-function", "allocation-summary", "sanggong", "general-basic-economic"]));
    expect(doc.findings).toEqual([]);
  });
});
