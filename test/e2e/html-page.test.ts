import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cli, cliJson, SEED } from "../helpers/cli.js";
import iconv from "iconv-lite";
import { asHtmlPage, asWordPage } from "../helpers/html-page.js";
import { tempDir } from "../helpers/tmp.js";
import { expectReadAlike, READ_ALIKE_FIXTURES, said, tabTextOf, type ReportedFinding } from "../helpers/read-alike.js";

/*
 * A disclosure saved from the web (`.html`): headings and paragraphs in tags, the tables as HTML tables, a <head>
 * with styles and scripts. Until round 32 such a page was refused ("not a budget disclosure": its titles were
 * inside tags). It is read as the same document in the tab-separated form is, every figure located at its line
 * and column of the page — also when the whole page is written on one line.
 */

type Finding = ReportedFinding;

const FIXTURES = READ_ALIKE_FIXTURES;

const dir = tempDir("html-page");
const forms = new Map<string, { tab: string; page: string; oneLine: string }>();
beforeAll(() => {
  for (const f of FIXTURES) {
    const tabText = tabTextOf(f);
    const stem = basename(f).replace(/\.(txt|md)$/, "") + (f === SEED ? "-seed" : "");
    const tab = join(dir, `${stem}.md`);
    writeFileSync(tab, tabText);
    writeFileSync(join(dir, `${stem}.html`), asHtmlPage(tabText));
    writeFileSync(join(dir, `${stem}-1.html`), asHtmlPage(tabText, true));
    forms.set(f, { tab, page: join(dir, `${stem}.html`), oneLine: join(dir, `${stem}-1.html`) });
  }
});

describe("a saved web page is read as the same document in the tab-separated form is", () => {
  for (const f of FIXTURES)
    for (const form of ["page", "oneLine"] as const)
      it(`${basename(f)} as ${form === "page" ? "a page" : "a page on one line"}: the same template, tables and errors, warnings`, () => {
        const { tab, [form]: copy } = forms.get(f)!;
        expectReadAlike(copy, tab);
      });

  it("a page that sets each table's title and unit line in its first rows, across every column, reads the same", () => {
    const f = "fixtures/shanghai/shanghai-putuo_wanli-subdistrict-office_2023_dept-budget.txt";
    const { tab } = forms.get(f)!;
    const page = join(dir, "titles-in-tables.html");
    writeFileSync(page, asHtmlPage(readFileSync(tab, "utf8"), false, true));
    expect(readFileSync(page, "utf8")).toMatch(/<tr><td colspan="\d+"><b>[^<]*财务收支预算总表<\/b><\/td><\/tr>/);
    const expected = cliJson([tab]).report.documents[0];
    const got = cliJson([page]).report.documents[0];
    expect(got.tables.filter((t: { present: boolean }) => t.present).length).toBe(9);
    expect(said(got.findings)).toEqual(said(expected.findings));
  });

  it("a page saved by Word (GB18030, Mso markup, its source wrapped inside Chinese text) reads as its text does", () => {
    for (const f of [SEED, "fixtures/shanghai/shanghai-putuo_wanli-subdistrict-office_2023_dept-budget.txt"]) {
      const { tab } = forms.get(f)!;
      const page = join(dir, `${basename(f)}-word.htm`);
      writeFileSync(page, iconv.encode(asWordPage(readFileSync(tab, "utf8")), "gb18030"));
      const expected = cliJson([tab]).report.documents[0];
      const got = cliJson([page]).report.documents[0];
      expect(got.encoding).toBe("gb18030");
      expect(said(got.findings).length).toBeGreaterThan(0);
      expect(said(got.findings)).toEqual(said(expected.findings));
    }
  });

  it("on one line, each figure is located at its own column, and quoted by its own sentence or row", () => {
    const { oneLine } = forms.get(SEED)!;
    const line = readFileSync(oneLine, "utf8");
    expect(line).not.toContain("\n");
    const findings = (cliJson([oneLine]).report.documents[0].findings as Finding[]).filter((f) => f.stated !== null && f.location.column);
    // The seed's six wrong percentages of its text (yoy-change) and its tables' rounding notes, at least.
    expect(findings.filter((f) => f.ruleId === "yoy-change" && f.severity === "error").length).toBe(6);
    expect(findings.length).toBeGreaterThan(20);
    for (const f of findings) {
      expect(f.location.line, f.message).toBe(1);
      const at = [...line].slice(f.location.column! - 1).join("");
      expect(at.replace(/,/g, "").startsWith(f.stated!.replace(/\.?0+$/, "")) || at.startsWith(f.stated!), `${f.message} at ${f.location.column}: ${at.slice(0, 20)}`).toBe(true);
      expect(f.quote, f.message).toBeTruthy();
      expect(f.quote!.length, f.message).toBeLessThan(400);
    }
  });

  it("on one line, a figure of a paragraph whose runs of spaces the browser shows as one is located at its own column too", () => {
    // (Until round 52 such a paragraph — 项目资金总额    10,903,043.00 年度资金申请总额    10,903,043.00, a project card
    // printed as text — was located at the page's line alone: its characters do not follow one for one in the file.)
    const wanli = "fixtures/shanghai/shanghai-putuo_wanli-subdistrict-office_2023_dept-budget.txt";
    const jiangsu = "fixtures/other-provinces/jiangsu_provincial-procuratorate_2019_dept-budget.txt";
    for (const f of [wanli, jiangsu]) {
      const { oneLine } = forms.get(f)!;
      const line = readFileSync(oneLine, "utf8");
      const findings = (cliJson([oneLine]).report.documents[0].findings as Finding[]).filter((x) => x.stated !== null);
      expect(findings.length, f).toBeGreaterThan(0);
      for (const x of findings) {
        expect(x.location.column, `${f}: ${x.message}`).toBeTruthy();
        const at = [...line].slice(x.location.column! - 1).join("");
        expect(at.replace(/,/g, "").startsWith(x.stated!.replace(/\.?0+$/, "")) || at.startsWith(x.stated!), `${x.message} at ${x.location.column}: ${at.slice(0, 20)}`).toBe(true);
      }
    }
    const card = (cliJson([forms.get(wanli)!.oneLine]).report.documents[0].findings as Finding[]).find((x) => x.ruleId === "text-sum" && x.stated === "10903043");
    expect(card?.quote).toBe("项目资金总额 10,903,043.00 年度资金申请总额 »10,903,043.00«");
  });

  it("on many lines, each figure of the written parts and the tables is located at its own line and column", () => {
    // (Until round 33 a written line was located at the line the reading's line of that number was at: the
    // seed's 机关运行经费 增长 10%, printed at line 141, was said to be at line 152.)
    const { page } = forms.get(SEED)!;
    const lines = readFileSync(page, "utf8").split("\n");
    const findings = (cliJson([page]).report.documents[0].findings as Finding[]).filter((f) => f.stated !== null && f.location.column);
    expect(findings.filter((f) => f.ruleId === "yoy-change" && f.severity === "error").length).toBe(6);
    expect(new Set(findings.map((f) => f.location.line)).size).toBeGreaterThan(10);
    for (const f of findings) {
      const at = [...lines[f.location.line! - 1]].slice(f.location.column! - 1).join("");
      expect(at.replace(/,/g, "").startsWith(f.stated!.replace(/\.?0+$/, "")) || at.startsWith(f.stated!), `${f.message} at ${f.location.line}:${f.location.column}: ${at.slice(0, 20)}`).toBe(true);
    }
  });
});

describe("a saved web page in a batch folder", () => {
  it("is checked; the page's _files folder and an html report of budget-check are skipped, with a note", () => {
    const batch = tempDir("html-batch");
    writeFileSync(join(batch, "部门预算.html"), readFileSync(forms.get(SEED)!.page));
    mkdirSync(join(batch, "部门预算_files"));
    writeFileSync(join(batch, "部门预算_files", "frame.htm"), "<html><body><p>导航</p></body></html>");
    cli([join(batch, "部门预算.html"), "--format", "html", "--output", join(batch, "report.html")]);
    const r = cliJson([batch]);
    expect(r.report.documents.map((d: { path: string }) => basename(d.path))).toEqual(["部门预算.html"]);
    expect(r.report.documents[0].failure).toBeNull();
    expect(r.stderr).toContain("report.html: skipped: an html report of budget-check, not a document");
    expect(r.stderr).toContain("部门预算_files: skipped: the files of the saved web page 部门预算.html, not documents");
  });

  it("a report of budget-check given back to it is refused (exit 2), not read as a 情况说明 without tables", () => {
    const out = tempDir("own-report");
    for (const format of ["html", "markdown", "text"]) {
      const report = join(out, `report.${format === "markdown" ? "md" : format === "text" ? "txt" : "html"}`);
      cli([forms.get(SEED)!.page, "--format", format, "--no-color", "--output", report]);
      const r = cli([report]);
      expect(r.status, format).toBe(2);
      expect(r.stderr, format).toContain(`: a${format === "html" ? "n" : ""} ${format} report of budget-check, not a document; give the disclosure it was made from`);
    }
  });
});
