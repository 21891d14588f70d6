import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, cliJson, ROOT, type JsonFinding } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";
import { readBook } from "../helpers/workbook.js";

/*
 * A department's disclosure as two files before it is published: the tables in a workbook, the 情况说明 in a Word
 * document (test/fixtures/beijing-pair, made by its gen.mjs from test/fixtures/beijing-workbook). Until round 48 a folder
 * of the two was a batch of two packages: the text was never compared with the tables, and the document got a
 * table-presence warning. A folder of exactly these two is now one package.
 */
const FIXTURE = join(ROOT, "test", "fixtures", "beijing-pair");
const NAME = "北京市园林绿化局2026年部门预算";
const files = (folder: string) => [join(FIXTURE, folder, `${NAME}公开表.xlsx`), join(FIXTURE, folder, `${NAME}情况说明.docx`)];

type Finding = JsonFinding & { location: { file: string; line?: number; column?: number; sheet?: string; cell?: string } };
const notInfo = (d: { findings: Finding[] }) => d.findings.filter((f) => f.severity !== "info");

/** A folder holding a copy of `paths` (under their names), in `root`. */
function copyInto(root: string, name: string, paths: string[]): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const p of paths) copyFileSync(p, join(dir, basename(p)));
  return dir;
}

describe("a workbook and its 情况说明 in one folder", () => {
  it("consistent: one document, the folder's, with no error or warning (no table-presence), its text checked against the tables", { timeout: 60_000 }, () => {
    const dir = join(FIXTURE, "consistent");
    const { status, report } = cliJson([dir]);
    expect(report.documents).toHaveLength(1);
    const d = report.documents[0];
    expect([d.path, d.format, d.department, d.year, d.failure]).toEqual([dir, "xlsx", "北京市园林绿化局", 2026, null]);
    expect(notInfo(d).map((f: Finding) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    // The text's rounding notes are in the document, the tables' in the workbook.
    const [workbook, docx] = files("consistent");
    expect(d.findings.some((f: Finding) => f.location.file === docx && f.ruleId === "text-vs-table")).toBe(true);
    expect(d.findings.every((f: Finding) => f.location.file === docx || f.location.file === workbook)).toBe(true);
    const notChecked = d.notChecked.map((n: { ruleId: string }) => n.ruleId);
    for (const id of ["text-sum", "text-vs-table", "table-presence"]) expect(notChecked).not.toContain(id);
    expect(status).toBe(0);
  });

  it("seeded: the text's 人员经费 against the 基本支出 table, found at the document's paragraph", { timeout: 60_000 }, () => {
    const dir = join(FIXTURE, "seeded");
    const { status, report } = cliJson([dir]);
    const [, docx] = files("seeded");
    const errors = notInfo(report.documents[0]);
    expect(errors.map((f: Finding) => [f.ruleId, f.location.file, f.location.line, f.location.column, f.stated])).toEqual([
      ["diagnosis", docx, 40, 38, "11415.89"],
      ["text-vs-table", docx, 40, 38, "11415.89"],
    ]);
    expect(errors[1].message).toContain("T6 合计 人员经费 11451.887822");
    expect(status).toBe(1);
    // The text report names the document's paragraph; the HTML report draws the workbook's tables (the folder read again).
    expect(cli([dir]).stdout).toContain(`${docx}:40:38`);
    expect(cli([dir, "--format", "html"]).stdout).toMatch(/<td[^>]*>30213<\/td>/);
  });

  it("balance: a balanced copy of the folder's workbook, the figures its text cites locked", { timeout: 60_000 }, () => {
    const out = join(tempDir("pair-balance"), "balanced.xlsx");
    const r = cli(["balance", join(FIXTURE, "consistent"), "--output", out]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/locked: \d+ cited by the text/);
    expect(existsSync(out)).toBe(true);
    expect(r.status).toBe(0);
  });

  it("the two files given one by one are two packages: the text is not compared with the tables (the form of before)", { timeout: 60_000 }, () => {
    const { status, report } = cliJson(files("seeded"));
    expect(report.documents.map((d: { format: string }) => d.format)).toEqual(["xlsx", "docx"]);
    expect(notInfo(report.documents[1]).map((f: Finding) => f.ruleId)).toEqual(["table-presence"]);
    expect(status).toBe(0);
  });

  it("a batch of departments' folders, each a pair, and a folder of a workbook and a PDF (not paired: both print tables)", { timeout: 120_000 }, () => {
    const root = tempDir("pair-batch");
    copyInto(root, "01", files("consistent"));
    copyInto(root, "02", files("seeded"));
    copyInto(root, "03", files("consistent"));
    copyInto(root, "04", [files("consistent")[0], join(ROOT, "test", "fixtures", "guangdong-pdf", "budget.pdf")]);
    const { status, report } = cliJson([root]);
    const docs = report.documents.map((d: { path: string; format: string; summary: { error: number }; findings: Finding[] }) => [d.path.slice(root.length + 1), d.format, d.summary.error]);
    expect(docs.slice(0, 3)).toEqual([
      ["01", "xlsx", 0],
      ["02", "xlsx", 2],
      ["03", "xlsx", 0],
    ]);
    expect(docs.slice(3).map((d: unknown[]) => d.slice(0, 2))).toEqual([
      ["04/budget.pdf", "pdf"],
      [`04/${NAME}公开表.xlsx`, "xlsx"],
    ]);
    expect(status).toBe(1);
  });
  it("--annotate: a copy of the folder's workbook, the tables' findings on their cells, the text's listed", { timeout: 60_000 }, async () => {
    // The consistent pair with one 项's figure in the workbook made wrong: its cell is marked, the text is not touched.
    const dir = copyInto(tempDir("pair-annotate"), "dept", files("consistent"));
    const workbook = join(dir, `${NAME}公开表.xlsx`);
    const book = await readBook(workbook);
    const sheet = book.worksheets.find((w) => w.name.includes("一般公共预算财政拨款支出表"))!;
    let typo = "";
    sheet.eachRow((row) => {
      const code = String(row.getCell(1).value ?? "");
      const cell = row.getCell(3);
      if (!typo && /^\d{7}$/.test(code) && typeof cell.value === "number" && cell.value > 100) {
        cell.value = cell.value + 100;
        typo = cell.address;
      }
    });
    expect(typo).not.toBe("");
    await book.xlsx.writeFile(workbook);
    const out = join(tempDir("pair-annotate-out"), "annotated.xlsx");
    const { status, report, stderr } = cliJson([dir, "--annotate", out, "--lang", "en"]);
    expect(report.documents).toHaveLength(1);
    expect(status).toBe(1);
    expect(stderr).toMatch(/wrote the annotated copy to .*annotated\.xlsx \([1-9]\d* cells marked/);
    const findings: Finding[] = report.documents[0].findings;
    const inWorkbook = findings.filter((f) => f.location.file === workbook && f.location.cell);
    expect(inWorkbook.some((f) => f.location.sheet === sheet.name && f.location.cell === typo && f.severity === "error")).toBe(true);
    const copy = await readBook(out);
    const marked = copy.getWorksheet(sheet.name)!.getCell(typo);
    const note = typeof marked.note === "string" ? marked.note : (marked.note?.texts ?? []).map((t) => t.text).join("");
    expect(note).toContain("error");
    // The first sheet lists every finding, the text's at the document's paragraph.
    const list = copy.worksheets.reduce((a, w) => ((w as unknown as { orderNo: number }).orderNo < (a as unknown as { orderNo: number }).orderNo ? w : a));
    const listed: string[] = [];
    list.eachRow((row) => listed.push(row.values ? String((row.values as unknown[])[2] ?? "") : ""));
    expect(listed.length - 1).toBe(findings.length);
    const [, docx] = [workbook, join(dir, `${NAME}情况说明.docx`)];
    expect(findings.some((f) => f.location.file === docx)).toBe(true);
  });

  it("--annotate refuses a folder that is not one pair, saying what it takes", () => {
    const r = cli([FIXTURE, "--annotate", join(tempDir("pair-annotate-refused"), "x.xlsx")]);
    expect(r.stderr).toMatch(/^budget-check: --annotate .*x\.xlsx: needs exactly one \.xlsx workbook or \.pdf document as input, or a folder of an \.xlsx workbook and its 情况说明/);
    expect(r.status).toBe(2);
  });
});
