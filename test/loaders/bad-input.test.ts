import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, cliJson, ROOT, SEED } from "../helpers/cli.js";
import { asDocx } from "../helpers/docx.js";
import { tempDir } from "../helpers/tmp.js";

const dir = tempDir("bad");
const file = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

const MISSING = join(dir, "no-such-document.md");
const EMPTY = file("empty.md", "");
// Empty files of the other forms: said to be empty, not a damaged zip or a PDF that is text.
const EMPTY_XLSX = file("empty.xlsx", "");
const EMPTY_PDF = file("empty.pdf", "");
const EMPTY_DOCX = file("empty.docx", "");
// A Word document given a workbook's name.
const DOCX_AS_XLSX = file("word.xlsx", asDocx("# 某局2025年部门预算\n一、部门职责\n"));
const BINARY = file("binary.md", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00, 0x06, 0x00]));
const PROSE = file("prose.md", "# 一篇文章\n\n今天天气很好，我们去公园散步。\n");
// 表7 whose header prints 合计金额 where the template expects 支出总计 (line 4).
const HEADER = file(
  "header.md",
  "表 7\n一般公共预算支出表（按功能分类）\n单位：万元\n预算单位\t科目编码\t科目名称\t合计金额\t基本支出\t项目支出\n甲单位\t\t\t10\t4\t6\n",
);

// A Shanghai document as plain pdftotext (without -layout) writes it: every cell on a line of its own.
const CELLS = file(
  "one-cell-per-line.txt",
  readFileSync(join(ROOT, "fixtures/shanghai/shanghai-putuo_wanli-subdistrict-office_2025_dept-budget.txt"), "utf8")
    .split("\n")
    .flatMap((l) => (l.trim() ? l.trim().split(/\s{2,}/) : [""]))
    .join("\n"),
);

// The Shanghai 决算 with its rows kept whole but its cells one space apart, as `pdftotext -raw` writes them: a
// blank cell leaves no gap, so no figure's column can be told (read anyway, it gave 40 false errors).
const ONE_SPACE = file(
  "one-space-apart.txt",
  readFileSync(join(ROOT, "fixtures/shanghai/shanghai-putuo_finance-bureau_2024_dept-final-accounts.txt"), "utf8")
    .split("\n")
    .map((l) => l.trim().replace(/ {2,}/g, " "))
    .join("\n"),
);

const STACK_FRAME = /^\s+at /m;

/** The CLI's one line for a bad input: `budget-check: <file>[:<line>]: <what was wrong; what was expected>`. */
function expectOneLineError(stderr: string, path: string, line: number | null, what: RegExp) {
  const lines = stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(stderr).not.toMatch(STACK_FRAME);
  expect(lines[0].startsWith(`budget-check: ${path}${line ? `:${line}` : ""}: `)).toBe(true);
  expect(lines[0]).toMatch(what);
}

describe("bad input, checked by the real CLI", () => {
  const cases: [string, string, number | null, RegExp][] = [
    ["a missing path", MISSING, null, /no such file.*expected a document/],
    ["an empty file", EMPTY, null, /empty.*expected a budget document/],
    ["an empty .xlsx", EMPTY_XLSX, null, /: the file is empty; expected a budget document$/],
    ["an empty .pdf", EMPTY_PDF, null, /: the file is empty; expected a budget document$/],
    ["an empty .docx", EMPTY_DOCX, null, /: the file is empty; expected a budget document$/],
    ["a binary file", BINARY, null, /binary.*expected a budget document/],
    ["a Word document named .xlsx", DOCX_AS_XLSX, null, /not an Excel workbook: the archive holds no xl\/workbook\.xml \(it is a Word document: name it \.docx\)$/],
    ["a text that is not a budget document", PROSE, null, /not a budget disclosure.*expected tables under titles.*tab-separated/],
    ["a table whose header cannot be matched", HEADER, 4, /表7.*header cannot be matched: expected 支出总计; found .*合计金额/],
    ["tables whose cells stand one per line", CELLS, null, /the tables are not laid out: \d+ of their \d+ lines with a figure hold nothing else.*pdftotext -layout/],
    ["tables whose cells stand one space apart", ONE_SPACE, null, /the tables are not laid out: \d+ of their \d+ lines with a figure set their cells one space apart.*pdftotext -raw.*pdftotext -layout/],
  ];
  for (const [name, path, line, what] of cases)
    it(`${name}: one line naming the file${line ? " and line" : ""} and what was expected, exit 2`, () => {
      const r = cli([path]);
      expect(r.status).toBe(2);
      expectOneLineError(r.stderr, path, line, what);
    });

  // The same inputs with --lang zh (or a Chinese LANG): the reason in Chinese, the same one line.
  const zhCases: [string, string, number | null, RegExp][] = [
    ["a missing path", MISSING, null, /^文件或文件夹不存在；应为文件（\.md\/\.txt\/\.html\/\.pdf\/\.docx\/\.doc）、CSV 文件夹或工作簿（\.xlsx\/\.xls）$/],
    ["an empty file", EMPTY, null, /^文件为空；应为预算公开文件$/],
    ["a binary file", BINARY, null, /^这是二进制文件而非文本；/],
    ["a text that is not a budget document", PROSE, null, /^不是预算公开文件：未找到可识别类型的表格/],
    ["a table whose header cannot be matched", HEADER, 4, /^表7 一般公共预算支出表（按功能分类）：表头无法识别：应有 支出总计；实际为 .*合计金额/],
    ["tables whose cells stand one per line", CELLS, null, /^表格未按版面排列：含数字的 \d+ 行中有 \d+ 行只有这一个数字/],
    ["tables whose cells stand one space apart", ONE_SPACE, null, /^表格未按版面排列：含数字的 \d+ 行中有 \d+ 行各格之间只隔一个空格/],
  ];
  for (const [name, path, line, what] of zhCases)
    it(`in Chinese: ${name}`, () => {
      for (const r of [cli([path, "--lang", "zh"]), cli([path], { env: { LANG: "zh_CN.UTF-8" } })]) {
        expect(r.status).toBe(2);
        expectOneLineError(r.stderr, path, line, /./);
        const reason = r.stderr.trimEnd().slice(`budget-check: ${path}${line ? `:${line}` : ""}: `.length);
        expect(reason).toMatch(what);
      }
    });

  it("the JSON report carries the failure with its location and no findings", () => {
    const { status, report } = cliJson([HEADER]);
    expect(status).toBe(2);
    expect(report.documents[0]).toMatchObject({ path: HEADER, findings: [], failure: { location: { file: HEADER, line: 4 } } });
    expect(report.documents[0].failure.message).toMatch(/header cannot be matched/);
  });

  it("in a run over several inputs the good document is still checked and reported", () => {
    const { status, stderr, report } = cliJson([SEED, HEADER, MISSING]);
    expect(status).toBe(2);
    expect(report.summary.documents).toBe(3);
    const [good, header, missing] = report.documents;
    expect(good).toMatchObject({ path: SEED, failure: null, department: "深圳市科学技术协会" });
    // The seed's own result: its text's 6 wrong year-on-year percentages, the 3 missing tables and the
    // 2060704 name as warnings.
    expect(good.summary).toMatchObject({ error: 6, warning: 4 });
    expect(good.findings.length).toBeGreaterThan(30);
    expect(header).toMatchObject({ findings: [], failure: { location: { line: 4 } } });
    expect(missing.failure.message).toMatch(/no such file/);
    // One line per bad input on stderr, none for the good one.
    expect(stderr.trimEnd().split("\n")).toHaveLength(2);
    expect(stderr).not.toMatch(STACK_FRAME);
  });

  it("a batch folder with a good and a bad document reports both", () => {
    const batch = join(dir, "batch");
    mkdirSync(batch, { recursive: true });
    copyFileSync(join(ROOT, SEED), join(batch, "a-good.md"));
    copyFileSync(PROSE, join(batch, "b-prose.md"));
    const { status, report } = cliJson([batch]);
    expect(status).toBe(2);
    expect(report.documents.map((d: { path: string; failure: unknown }) => [d.path, d.failure === null])).toEqual([
      [join(batch, "a-good.md"), true],
      [join(batch, "b-prose.md"), false],
    ]);
    expect(report.documents[0].summary.warning).toBe(4);
  });

  it("the text report names the unreadable input and still prints the good document's findings", () => {
    const r = cli([SEED, EMPTY]);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain("T8 一般公共预算支出表（按经济分类）");
    expect(r.stdout).toMatch(new RegExp(`unreadable .*empty`));
    expect(r.stdout.trim().split("\n").pop()).toMatch(/in 2 documents, 1 unreadable$/);
  });
});
