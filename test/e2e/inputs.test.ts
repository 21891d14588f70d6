import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cli, cliJson, ROOT, SEED, SEED_CSV } from "../helpers/cli.js";

// Inputs as people hand them over (issue 11, point 5).
const tmp = mkdtempSync(join(tmpdir(), "budget-check-inputs-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const seedText = readFileSync(join(ROOT, SEED), "utf8");

describe("a folder of documents with a stray CSV among them", () => {
  it("checks each document; the CSV does not turn the folder into one CSV package", () => {
    const dir = join(tmp, "mixed");
    mkdirSync(dir);
    for (let i = 1; i <= 3; i++) writeFileSync(join(dir, `dept${i}.md`), seedText);
    writeFileSync(join(dir, "联系人.csv"), "姓名,电话\n张三,123\n");
    const { status, report } = cliJson([dir]);
    expect(report.documents.map((d: { path: string; format: string }) => [d.path.slice(dir.length + 1), d.format])).toEqual([
      ["dept1.md", "markdown"],
      ["dept2.md", "markdown"],
      ["dept3.md", "markdown"],
    ]);
    expect(report.summary.error).toBe(18);
    expect(status).toBe(1);
  });

  it("a CSV package (its CSVs and one narrative) is still one package", () => {
    const { report } = cliJson([SEED_CSV]);
    expect(report.documents).toHaveLength(1);
    expect(report.documents[0].format).toBe("csv");
  });
});

describe("a disclosure kept as .wps, .xls, .doc or .ofd", () => {
  const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
  const ZIP = Buffer.from("PK\u0003\u0004\u0014\u0000\u0006\u0000", "latin1");

  it("named on the command line: a one-line error saying what the file is and what to give instead, exit 2, the rest checked", () => {
    const dir = join(tmp, "office");
    mkdirSync(dir);
    writeFileSync(join(dir, "部门预算.xls"), OLE2);
    writeFileSync(join(dir, "部门预算.wps"), OLE2);
    writeFileSync(join(dir, "部门预算.ofd"), ZIP);
    // A workbook of Excel 97–2003 under a text name: a binary file, said so (not as a byte GB18030 lacks).
    writeFileSync(join(dir, "表格.txt"), OLE2);
    writeFileSync(join(dir, "seed.md"), seedText);
    const names = ["部门预算.xls", "部门预算.wps", "部门预算.ofd", "表格.txt"];
    const r = cliJson([...names.map((n) => join(dir, n)), join(dir, "seed.md")]);
    expect(r.status).toBe(2);
    // Each in the report as an input that failed, with the same message; the seed checked.
    const docs = r.report.documents as { path: string; failure: { message: string } | null; summary: { error: number } }[];
    expect(docs.map((d) => [d.path.slice(dir.length + 1), d.failure ? "failed" : d.summary.error])).toEqual([...names.map((n) => [n, "failed"]), ["seed.md", 6]]);
    expect(docs[0].failure!.message).toBe("not a readable Excel 97–2003 workbook (not a compound file); save it again from Excel, or as .xlsx, to have it checked");
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(`budget-check: ${join(dir, "部门预算.xls")}: not a readable Excel 97–2003 workbook (not a compound file); save it again from Excel, or as .xlsx, to have it checked`);
    expect(lines[1]).toContain("部门预算.wps: not a readable Word 97–2003 document (not a compound file); save it again from Word, or as .docx or PDF");
    expect(lines[2]).toContain("部门预算.ofd: not a readable OFD document (not a zip archive, or a damaged one); export it again, or as PDF");
    expect(lines[3]).toContain("表格.txt: this is a binary file, not text");
    // In Chinese, each in one line too.
    const zh = cli([join(dir, "部门预算.xls"), join(dir, "部门预算.ofd"), "--lang", "zh"]);
    expect(zh.status).toBe(2);
    expect(zh.stderr.trim().split("\n")).toEqual([
      `budget-check: ${join(dir, "部门预算.xls")}: 不是可读取的 Excel 97–2003 工作簿（不是复合文件）；请用 Excel 重新保存或另存为 .xlsx 后再检查`,
      `budget-check: ${join(dir, "部门预算.ofd")}: 不是可读取的 OFD 文档（不是 zip 压缩包，或已损坏）；请重新导出，或导出为 PDF`,
    ]);
  });

  it("in a batch folder: never passed over without a word — a failure of its own, or a note beside the same document in a form that is read", () => {
    const dir = join(tmp, "office-batch");
    mkdirSync(dir);
    writeFileSync(join(dir, "a.md"), seedText);
    writeFileSync(join(dir, "a.ofd"), ZIP);
    // (A .wps or .doc is read as a Word 97–2003 document, also beside its text: these two are damaged ones.)
    writeFileSync(join(dir, "a.wps"), OLE2);
    writeFileSync(join(dir, "b.doc"), OLE2);
    const r = cliJson([dir]);
    expect(r.status).toBe(2);
    expect(r.report.documents.map((d: { path: string; failure: unknown }) => [d.path.slice(dir.length + 1), !!d.failure])).toEqual([
      ["a.md", false],
      ["a.wps", true],
      ["b.doc", true],
    ]);
    expect(r.stderr).toContain(`${join(dir, "a.ofd")}: skipped: not a readable OFD document (not a zip archive, or a damaged one); the same document as a.md, which is checked`);
    expect(r.stderr).toContain(`${join(dir, "b.doc")}: not a readable Word 97–2003 document (not a compound file); save it again from Word, or as .docx or PDF, to have it checked`);
  });
});

describe("a document cut off in the middle of a table", () => {
  // The seed up to line 540: the first page of 表7, then nothing.
  const cut = join(tmp, "cut.md");
  writeFileSync(cut, seedText.split("\n").slice(0, 540).join("\n"));

  it("says where it ends, and the rows 表7 lacks are said to be cut off, not just absent", () => {
    const r = cli([cut]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/warning +T7: the document ends at line 538, inside T7: it seems cut off — T8, T9, T10, T11, T12, listed in the contents after it, are not there/);
    expect(r.stdout).toMatch(/T7 has no such row \(the document is cut off inside T7 at line 538\), counted as 0/);
    const zh = cli([cut, "--lang", "zh"]);
    expect(zh.stdout).toMatch(/文件在第 538 行（表7 中途）结束，似被截断：目录所列其后的 表8、表9、表10、表11、表12 均未出现/);
    expect(zh.stdout).toMatch(/表7 中无此行（文件在第 538 行表7 中途截断），计为 0，相差/);
    expect(zh.stdout).not.toMatch(/按 0 0/);
  });

  it("the whole seed is not cut off", () => {
    expect(cli([SEED]).stdout).not.toMatch(/cut off/);
  });

  it("a seed whose last tables are printed but not read is not cut off: they are listed as not read", () => {
    // 表10–表12's headers with a label no template knows: the tables are printed after 表9, and not read.
    const lines = seedText.split("\n");
    const at = lines.findIndex((l) => l.trim() === "表 10");
    const unread = join(tmp, "unread-last.md");
    writeFileSync(unread, [...lines.slice(0, at), ...lines.slice(at).map((l) => l.replace(/^预算单位\t科目编码\t科目名称\t支出总计/, "预算单位\t科目编码\t科目名称\t支出甲计").replace(/\t任务名称\t/, "\t任务乙称\t"))].join("\n"));
    const r = cliJson([unread]);
    const doc = r.report.documents[0];
    expect(doc.unknownTables.map((u: { title: string }) => u.title.slice(0, 4))).toEqual(["表10 ", "表11 ", "表12 "]);
    expect(doc.findings.filter((f: { message: string }) => /cut off/.test(f.message))).toEqual([]);
  });
});

describe("--previous given a document of the same year", () => {
  it("warns on stderr, in the run's language", () => {
    const r = cli([SEED, "--previous", SEED]);
    expect(r.stderr.trim()).toBe(`budget-check: warning: --previous ${SEED} is for 2023, the same year as ${SEED}; it should be last year's (2022)`);
    const zh = cli([SEED, "--previous", SEED, "--lang", "zh"]);
    expect(zh.stderr.trim()).toBe(`budget-check: 警告：--previous ${SEED} 是 2023 年的文件，与 ${SEED} 同一年度；应为上一年度（2022 年）的文件`);
  });
});

describe("a numeric tolerance in the configuration", () => {
  it("\"tolerance\": 0.5 is accepted as a number and means what \"0.5\" means", () => {
    const dir = join(tmp, "tol");
    mkdirSync(dir);
    cpSync(join(ROOT, SEED), join(dir, "document.md"));
    const run = (tolerance: unknown) => {
      writeFileSync(join(dir, "budget-check.config.json"), JSON.stringify({ tolerance }));
      return cliJson([join(dir, "document.md")]);
    };
    const asNumber = run(0.5);
    const asString = run("0.5");
    expect(asNumber.stderr).toBe("");
    expect(asNumber.report.summary).toEqual(asString.report.summary);
    expect(asNumber.report.documents[0].findings.find((f: { tolerance: string | null }) => f.tolerance !== null)?.tolerance).toBe("0.5");
  });
});
