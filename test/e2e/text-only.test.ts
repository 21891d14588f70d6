import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, cliJson, ROOT } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";
import { asDocx, editDocumentXml } from "../helpers/docx.js";
import { asHtmlPage } from "../helpers/html-page.js";
import { said } from "../helpers/read-alike.js";

/*
 * A disclosure's written parts alone: the 情况说明 published as a web page or a document of its own, its tables
 * in an attachment (or printed as images). Until round 32 such a text was refused as "not a budget disclosure"
 * (exit 2) and none of its own statements was checked. It is now read as a document without tables: its
 * statements are checked against each other, one table-presence warning says the tables were not, and every
 * rule that reads a table is listed as not checked for that one reason.
 */

type Finding = { ruleId: string; severity: string; message: string; stated: string | null; location: { line?: number } };

/** The real Shanghai 决算 (上海市普陀区财政局 2024) without its tables: cover, 目录 and 概况, then 第三部分 on. */
function shanghaiWithoutTables(edit: (text: string) => string = (t) => t): string {
  const lines = readFileSync(join(ROOT, "fixtures/shanghai/shanghai-putuo_finance-bureau_2024_dept-final-accounts.txt"), "utf8").split("\n");
  const start = lines.findIndex((l, i) => i > 100 && /第二部分/.test(l));
  const end = lines.findIndex((l, i) => i > start && /第三部分/.test(l));
  expect(start).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  const file = join(tempDir("text-only"), "final-text.txt");
  writeFileSync(file, edit([...lines.slice(0, start), ...lines.slice(end)].join("\n")));
  return file;
}

const lineOf = (file: string, needle: string) => readFileSync(file, "utf8").split("\n").findIndex((l) => l.includes(needle)) + 1;

describe("a 决算's written parts without its tables", () => {
  it("checks its statements against each other: the real 71.73% share (2106.66 ÷ 2940.05 = 71.65%) is an error", () => {
    const file = shanghaiWithoutTables();
    const { status, report } = cliJson([file]);
    expect(status).toBe(1);
    const d = report.documents[0];
    expect(d.failure).toBeNull();
    expect(d.stage).toBe("final");
    expect(d.year).toBe(2024);
    expect(d.department).toBe("上海市普陀区财政局");
    const errors = d.findings.filter((f: Finding) => f.severity === "error");
    expect(errors.map((f: Finding) => [f.ruleId, f.location.line])).toEqual([["text-sum", lineOf(file, "占71.73%")]]);
    expect(errors[0].stated).toBe("71.73");
    // One warning: the 目录 lists nine tables and none is printed (at the 目录's first table), not nine warnings.
    const warnings = d.findings.filter((f: Finding) => f.severity === "warning");
    expect(warnings).toHaveLength(1);
    expect(warnings[0].ruleId).toBe("table-presence");
    expect(warnings[0].message).toContain("the contents list 9 tables and the document prints none of them: only its written parts were checked");
    expect(warnings[0].location.line).toBe(lineOf(file, "一、收入支出决算总表"));
    expect(d.tables.every((t: { present: boolean }) => !t.present)).toBe(true);
    // Every rule that reads a table is not checked, for the one reason.
    const reasons = new Map(d.notChecked.map((n: { ruleId: string; reason: string }) => [n.ruleId, n.reason]));
    for (const id of ["row-total", "hierarchy-sum", "balance-totals", "general-vs-total"]) expect(reasons.get(id)).toBe("the document prints no table (only its written parts were checked)");
    expect(reasons.has("text-sum")).toBe(false);
  });

  it("passes (exit 0, the warning alone) once the share is printed right; the text report lists the rules not checked once", () => {
    const file = shanghaiWithoutTables((t) => t.replace("占71.73%", "占71.65%"));
    const { status, report } = cliJson([file]);
    expect(status).toBe(0);
    expect(report.documents[0].findings.filter((f: Finding) => f.severity !== "info").map((f: Finding) => f.ruleId)).toEqual(["table-presence"]);
    const text = cli([file]).stdout;
    expect(text).toMatch(/not checked, 18 rules: row-total, year-change, balance-totals, .*, item-code \(the document prints no table \(only its written parts were checked\)\)/);
    expect(text.match(/the document prints no table/g)).toHaveLength(1);
    // In Chinese too.
    expect(cli([file, "--lang", "zh"]).stdout).toContain("目录列有 9 张表，文件中一张也没有：只核对了文字部分");
  });

  it("a 情况说明 of a few lines, without a 目录: its shares and sums are checked", () => {
    const file = join(tempDir("text-only"), "note.txt");
    writeFileSync(
      file,
      [
        "某市幼儿园2017年度部门决算公开",
        "一、收入决算情况",
        "2017年度，本单位收入为1687.45万元，其中：财政拨款收入1516.64万元，占89.88%；事业收入170.81万元，占10.12%；经营收入0万元，占0%；其他收入0万元，占0%。",
        "二、支出决算情况",
        "2017年度，本单位支出为1942.57万元。其中：基本支出1121.09万元，占57.17%；项目支出821.48万元，占42.29%；经营支出0万元，占0%。",
        "三、财政拨款收入决算情况",
        "2017年度，本单位财政拨款收入总计1516.64万元，其中：一般公共预算财政拨款收入1486.64万元，政府性基金预算财政拨款收入30万元。",
        "",
      ].join("\n"),
    );
    const { status, report } = cliJson([file]);
    expect(status).toBe(1);
    const d = report.documents[0];
    // 基本支出 1121.09 of 1942.57 is 57.71%, printed 57.17%.
    expect(d.findings.filter((f: Finding) => f.severity === "error").map((f: Finding) => [f.ruleId, f.location.line, f.stated])).toEqual([["text-sum", 5, "57.17"]]);
    const warning = d.findings.find((f: Finding) => f.ruleId === "table-presence");
    expect(warning.message).toBe("text: the document prints no table: only its written parts were checked; if the tables are published apart (an attachment, images), check them too");
  });

  it("the seed's written parts alone, in the tab-separated form (its 第七部分 table of key projects among them): checked, its six wrong percentages found", () => {
    // Until round 33 the tab-separated form was refused ("no standard table …"): the reading of its text alone
    // was made but not taken.
    const seed = readFileSync(join(ROOT, "fixtures/shenzhen-sast-2023/document.md"), "utf8");
    const written = join(tempDir("text-only-seed"), "情况说明.md");
    writeFileSync(written, seed.slice(0, seed.lastIndexOf("## 二、表格部分")));
    const r = cliJson([written]);
    const doc = r.report.documents[0];
    expect(doc.failure).toBeNull();
    expect(r.status).toBe(1);
    const f = doc.findings as { ruleId: string; severity: string; message: string }[];
    expect(f.filter((x) => x.severity === "error").map((x) => x.ruleId)).toEqual(Array(6).fill("yoy-change"));
    expect(f.filter((x) => x.ruleId === "table-presence").map((x) => x.message)).toEqual([
      "text: the contents list 12 tables and the document prints none of them: only its written parts were checked; if the tables are published apart (an attachment, images), check them too",
    ]);
  });

  it("…and as a web page and a Word document (their 目录 without list marks): the same findings, its parts read as Shenzhen's", () => {
    // Until round 33 a page or a Word document of them was refused; read, its parts (第三部分's projects) were
    // not Shenzhen's without tables to recognise the template by: one of the six percentages was found.
    const seed = readFileSync(join(ROOT, "fixtures/shenzhen-sast-2023/document.md"), "utf8");
    const text = seed.slice(0, seed.lastIndexOf("## 二、表格部分"));
    const dir = tempDir("text-only-forms");
    writeFileSync(join(dir, "a.md"), text);
    writeFileSync(join(dir, "b.html"), asHtmlPage(text));
    writeFileSync(join(dir, "c.docx"), asDocx(text));
    const [md, page, word] = cliJson([join(dir, "a.md"), join(dir, "b.html"), join(dir, "c.docx")]).report.documents;
    expect(said(md.findings).filter((m: string) => m.startsWith("error"))).toHaveLength(6);
    expect(said(page.findings)).toEqual(said(md.findings));
    expect(said(word.findings)).toEqual(said(md.findings));
  });

  it("a text that is no disclosure is still refused (exit 2), though it names a budget and states amounts", () => {
    const file = join(tempDir("text-only"), "notes.txt");
    writeFileSync(file, "会议纪要\n\n讨论了实验室2024年的经费预算。\n合计300元，其中差旅100元，餐费200元。\n另有纸张50元，笔20元。\n最终：370元，已批准。\n");
    const r = cli([file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("not a budget disclosure: no table of a known kind was found");
  });

  it("parts known by their titles (一、部门基本情况 … 十、政府采购预算情况 … 十三、名词解释) are not Shenzhen's: their statements are checked", () => {
    // Three such titles are Shenzhen's parts 1, 4 and 9 by name: until round 48 the text was read as Shenzhen's parts,
    // the whole body one 部门概况, and none of its statements was checked (no finding at all).
    const docx = readFileSync(join(ROOT, "test/fixtures/beijing-pair/consistent/北京市园林绿化局2026年部门预算情况说明.docx"));
    const file = join(tempDir("text-only"), "情况说明.docx");
    writeFileSync(file, editDocumentXml(docx, (x) => x.replace("农林水支出14696.24万元，占79.60%", "农林水支出14696.24万元，占79.06%")));
    const { status, report } = cliJson([file]);
    const errors = report.documents[0].findings.filter((f: Finding) => f.severity === "error");
    expect(errors.map((f: Finding) => [f.ruleId, f.location.line, f.stated])).toEqual([["text-sum", 20, "79.06"]]);
    expect(status).toBe(1);
  });
});
