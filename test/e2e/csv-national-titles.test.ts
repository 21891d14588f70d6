import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cliJson, ROOT } from "../helpers/cli.js";

/*
 * A CSV folder whose twelve tables carry the national titles, which Shenzhen's template prints too
 * (test/fixtures/csv-national-titles): it was taken for Shenzhen's, whose reader refused a table of another title,
 * and the whole folder was unreadable (exit 2). It is read by kind.
 */
const DIR = join(ROOT, "test", "fixtures", "csv-national-titles", "document");
const tmp = mkdtempSync(join(tmpdir(), "budget-check-national-csv-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Finding {
  ruleId: string;
  severity: string;
  code: string | null;
  stated: string;
  computed: string;
  location: { file: string; line?: number };
}

describe("a CSV folder of the national titles", () => {
  it("is read by kind on the default template: every table of the amounts read, no input error", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([DIR]);
    expect(status).not.toBe(2);
    const doc = report.documents[0];
    expect(doc.failure ?? null).toBeNull();
    expect(doc.template).toBe("generic");
    const kinds = new Set(doc.tables.map((t: { kind: string }) => t.kind));
    for (const k of ["summary", "income", "expenditure", "allocation-summary", "general-function", "general-basic-economic", "sanggong", "project-summary"]) expect(kinds, k).toContain(k);
    // Consistent: no error and no warning (its 单位资金, blank cells, 本年拨款 group and 会议费 each gave false errors).
    expect(doc.findings.filter((f: Finding & { message: string }) => f.severity !== "info").map((f: Finding & { message: string }) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(status).toBe(0);
  });

  it("its text's 会议费 and 培训费, which its 三公 table prints no column for, are not compared with that table as 0", { timeout: 60_000 }, () => {
    const { report } = cliJson([DIR]);
    const doc = report.documents[0];
    expect(doc.tables.some((t: { kind: string }) => t.kind === "sanggong")).toBe(true);
    const printed = new TextDecoder("gbk").decode(readFileSync(join(DIR, "07一般公共预算“三公”经费支出表.csv")));
    expect(printed).toContain("公务接待费");
    expect(printed).not.toMatch(/会议费|培训费/);
    const onText = doc.findings.filter((f: Finding & { item: string | null }) => f.severity !== "info" && f.location.file.endsWith(".txt") && /会议费|培训费/.test(f.item ?? ""));
    expect(onText).toEqual([]);
  });

  it("fails: a 项 of its 一般公共预算支出表 retyped is an error of its 款, at that CSV file's line", { timeout: 60_000 }, () => {
    const folder = join(tmp, "seeded");
    cpSync(DIR, folder, { recursive: true });
    const file = join(folder, "05一般公共预算支出表.csv");
    // (GBK: the figures and commas are ASCII, so the bytes are replaced as they are.)
    const bytes = readFileSync(file, "latin1");
    const lines = bytes.split("\r\n");
    const at = lines.findIndex((l) => l.startsWith("2050101,"));
    expect(at).toBeGreaterThan(0);
    const before = lines[at];
    lines[at] = before.replace('"2,202,174.15","2,202,174.15"', '"2,202,714.15","2,202,714.15"');
    expect(lines[at]).not.toBe(before);
    writeFileSync(file, lines.join("\r\n"), "latin1");
    const { status, report } = cliJson([folder]);
    expect(status).toBe(1);
    const errors = report.documents[0].findings.filter((f: Finding) => f.severity === "error" && f.location.file.endsWith("05一般公共预算支出表.csv"));
    // (Its 款 20501, the line above, no longer holds the 项 under it: its 合计 and 基本支出 with the retyped figure summed.)
    expect(errors.filter((f: Finding) => f.ruleId === "hierarchy-sum").map((f: Finding & { column: string }) => [f.code, f.column, f.location.line, f.stated, f.computed])).toEqual([
      ["20501", "合计", at, "5068474.15", "5069014.15"],
      ["20501", "基本支出", at, "2202174.15", "2202714.15"],
    ]);
  });
  it("fails: a 三公 change stated by its direction alone the table's two years do not show (公务接待费…比上年增加), at the word", { timeout: 60_000 }, () => {
    const folder = join(tmp, "direction");
    cpSync(DIR, folder, { recursive: true });
    const name = "兰州市城关区教育局2026年部门预算公开说明.txt";
    const text = readFileSync(join(folder, name), "utf8");
    const edited = text.replace("公务接待费3.05万元，比上年减少0.68万元，下降18.23%", "公务接待费3.05万元，比上年增加");
    expect(edited).not.toBe(text);
    writeFileSync(join(folder, name), edited);
    const { status, report } = cliJson([folder]);
    expect(status).toBe(1);
    const errors = report.documents[0].findings.filter((f: Finding) => f.severity === "error");
    expect(errors.map((f: Finding & { ruleId: string; column: string | null }) => [f.ruleId, f.column, f.location.line, f.stated, f.computed])).toEqual([["text-vs-table", "比上年", 57, "增加", "-0.68"]]);
  });
});
