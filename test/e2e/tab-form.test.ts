import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { cli, cliJson, ROOT, SEED } from "../helpers/cli.js";
import { asHtmlTables, asPipeTables, asTabForm } from "../helpers/tab-form.js";
import { tempDir } from "../helpers/tmp.js";

/*
 * A document of any province in the tab-separated form a PDF-to-text converter writes (the seed's form) is
 * read as its layout text is: the same template, the same tables, the same findings. The tab-separated
 * copies are made from the bundled layout texts (test/helpers/tab-form.ts): each table's header and rows
 * as tab-separated cells, the text as printed, centred headings as Markdown headings.
 */

type Finding = { ruleId: string; severity: string; message: string; table?: string };
/**
 * What a finding says, without line numbers (the copy prints no page numbers, so its lines are others), also
 * in a place a message names (`…/name.txt:1109`, the copy in another folder).
 */
// (A place named in a message, file:line or file:line:column, as file:N: the two forms number lines and columns apart.)
const said = (fs: Finding[]) =>
  fs.map((f) => `${f.severity} ${f.ruleId} ${f.message}`.replace(/(lines?|行) ?\d+(–\d+)?/g, "$1 N").replace(/\S*\/([^/\s:]+):\d+(?::\d+)?/g, "$1:N")).sort();
const atLeast = (fs: Finding[], severities: string[]) => said(fs.filter((f) => severities.includes(f.severity)));

const dir = tempDir("tab-form");
const fixtures = [
  ...readdirSync(join(ROOT, "fixtures/shanghai")).filter((f) => f.endsWith(".txt") && !f.startsWith("TEMPLATE")).map((f) => `fixtures/shanghai/${f}`),
  ...readdirSync(join(ROOT, "fixtures/other-provinces")).filter((f) => f.endsWith(".txt")).map((f) => `fixtures/other-provinces/${f}`),
];
const copies = new Map<string, string>();
for (const f of fixtures) {
  const text = readFileSync(join(ROOT, f), "utf8");
  const copy = join(dir, basename(f));
  writeFileSync(copy, asTabForm(text, loadLayoutText(f, text)));
  copies.set(f, copy);
}

/**
 * Where the test's converter loses what a table's header says (a two-level header flattened to its leaves:
 * 江苏's 三公 table, whose 合计 is the total of 三公, 会议费 and 培训费), that table is not read from the
 * copy; every other finding is the same.
 */
const HEADER_FLATTENED: Record<string, string[]> = {
  "jiangsu_provincial-procuratorate_2019_dept-budget.txt": ["warning table-presence"],
};

/** Tables whose two-level header the test's converter writes as labels the reader cannot match: not read from a copy. */
const UNREAD_IN_COPY: Record<string, string[]> = {
  "guangzhou_science-and-technology-bureau_2026_dept-budget.txt": ["T2"],
};
/** A document's findings but those on the tables its copies lose. */
const readInCopy = (f: string, findings: Finding[]) => findings.filter((x) => !(UNREAD_IN_COPY[basename(f)] ?? []).includes(x.table ?? ""));

describe("a document in the tab-separated form is read as its layout text is", () => {
  for (const f of fixtures) {
    const name = basename(f);
    it(`${name}: read, with the same template, tables and errors`, () => {
      const layout = cliJson([f]).report.documents[0];
      const tab = cliJson([copies.get(f)!]).report.documents[0];
      expect(tab.failure).toBeNull();
      expect(tab.format).toBe("markdown");
      expect(tab.template).toBe(layout.template);
      for (const k of ["department", "year", "moneyUnit"]) expect(tab[k]).toEqual(layout[k]);
      expect(atLeast(tab.findings, ["error"])).toEqual(atLeast(layout.findings, ["error"]));
      const lost = HEADER_FLATTENED[name] ?? [];
      const warnings = atLeast(tab.findings, ["warning"]).filter((w) => !lost.some((l) => w.startsWith(l)));
      expect(warnings).toEqual(atLeast(layout.findings, ["warning"]));
    });
  }

  // Where the copy keeps the tables' headers as printed (the test's converter writes a header from the
  // columns' names, which for a two-level header of 广州's 收入 and 三公 tables are not the printed labels):
  // every finding, the rounding notes too, and every table with as many rows.
  // The findings on such a table (广州's 收入总体情况表, 合计 = Σ units within rounding) are left out.
  const table = (t: { id: string; kind: string; title: string; present: boolean; rows: number }) => [t.id, t.kind, t.title, t.present, t.rows];
  for (const f of fixtures.filter((x) => /shanghai-putuo_(district|wanli)|guangzhou/.test(x)))
    it(`${basename(f)}: every finding the same, rounding notes too`, () => {
      const layout = cliJson([f]).report.documents[0];
      const tab = cliJson([copies.get(f)!]).report.documents[0];
      expect(said(tab.findings)).toEqual(said(readInCopy(f, layout.findings)));
      if (!f.includes("guangzhou")) expect(tab.tables.map(table)).toEqual(layout.tables.map(table));
    });

  it("points a finding at the line and the character column of its cell in the tab-separated file", () => {
    const f = "fixtures/shanghai/shanghai-putuo_finance-bureau_2024_dept-final-accounts.txt";
    const copy = copies.get(f)!;
    const tab = cliJson([copy]).report.documents[0];
    const lines = readFileSync(copy, "utf8").split("\n");
    type Placed = { table: string; stated: string | null; location: { line: number; column?: number; page?: number } };
    const figures = tab.findings.filter((x: Placed) => x.table !== "text" && x.stated !== null && x.location.column);
    expect(figures.length).toBeGreaterThan(0);
    for (const x of figures as Placed[]) {
      // The figure a finding is about is printed in the cell its location names.
      const cell = [...lines[x.location.line - 1]].slice(x.location.column! - 1).join("").split("\t")[0];
      expect(cell.replace(/,/g, "")).toBe(x.stated);
    }
    // The form has no pages: no finding names one.
    expect(tab.findings.filter((x: Placed) => x.location.page !== undefined)).toEqual([]);
  });

  it("points a finding of the written text at the figure's column in the file, Markdown emphasis and all", () => {
    const f = "fixtures/shanghai/shanghai-putuo_finance-bureau_2024_dept-final-accounts.txt";
    type Placed = { ruleId: string; table: string; stated: string | null; location: { line: number; column: number } };
    const figureAt = (lines: string[], x: Placed) => /^[\d,.]+/.exec([...lines[x.location.line - 1]].slice(x.location.column - 1).join(""))?.[0].replace(/,/g, "");
    const plain = readFileSync(copies.get(f)!, "utf8").split("\n");
    const first = (cliJson([copies.get(f)!]).report.documents[0].findings as Placed[]).find((x) => x.table === "text" && x.stated !== null)!;
    expect(figureAt(plain, first)).toBe(first.stated);
    // The same paragraph set in bold, as a converter may write it: the figure is two characters further on.
    const bold = [...plain];
    bold[first.location.line - 1] = `**${bold[first.location.line - 1]}**`;
    const copy = join(dir, "bold.txt");
    writeFileSync(copy, bold.join("\n"));
    const again = (cliJson([copy]).report.documents[0].findings as Placed[]).find((x) => x.ruleId === first.ruleId && x.location.line === first.location.line)!;
    expect(again.location.column).toBe(first.location.column + 2);
    expect(figureAt(bold, again)).toBe(first.stated);
  });

  /**
   * A document converted to another form a converter writes: read with the same template, every finding
   * the same, and each table figure located at the line and column where it stands in the converted file
   * (the figure's text up to the first character that cannot be part of it).
   */
  function sameInForm(source: string, text: string, form: string, convert: (t: string) => string) {
    const converted = join(dir, `${form}-${basename(source)}`);
    writeFileSync(converted, convert(text));
    const before = cliJson([source]).report.documents[0];
    const after = cliJson([converted]).report.documents[0];
    expect(after.failure).toBeNull();
    expect(after.template).toBe(before.template);
    expect(said(after.findings)).toEqual(said(readInCopy(source, before.findings)));
    const lines = readFileSync(converted, "utf8").split("\n");
    type Placed = { table: string; stated: string | null; location: { line: number; column?: number } };
    const figures = (after.findings as Placed[]).filter((x) => x.table !== "text" && x.stated !== null && x.location.column);
    expect(figures.length).toBeGreaterThan(0);
    // (A finding states 144,814.30 as 144814.3: the printed figure without its separators and trailing zeros.)
    const plain = (x: string) => x.replace(/,/g, "").replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");
    for (const f of figures) expect(plain(/^[\d,.-]*/.exec([...lines[f.location.line - 1]].slice(f.location.column! - 1).join(""))![0])).toBe(f.stated);
  }
  const WANLI = "fixtures/shanghai/shanghai-putuo_wanli-subdistrict-office_2025_dept-budget.txt";
  const GUANGZHOU = "fixtures/other-provinces/guangzhou_science-and-technology-bureau_2026_dept-budget.txt";
  const seedText = () => readFileSync(join(ROOT, SEED), "utf8");

  it("reads Markdown pipe tables (| a | b |, a delimiter row under the first) as it reads tab-separated rows", () => {
    sameInForm(SEED, seedText(), "piped", asPipeTables);
    sameInForm(WANLI, readFileSync(copies.get(WANLI)!, "utf8"), "piped", asPipeTables);
  });

  it("reads HTML tables (each a line of <table><tr><td>…, merged cells as colspan / rowspan) as it reads their rows", () => {
    // The seed's HTML is read by the layout reader with the Shenzhen template: the same findings, each
    // budget unit's rows kept with it across its table's pages.
    sameInForm(SEED, seedText(), "html", (t) => asHtmlTables(t, true));
    sameInForm(WANLI, readFileSync(copies.get(WANLI)!, "utf8"), "html", (t) => asHtmlTables(t, true));
    sameInForm(GUANGZHOU, readFileSync(copies.get(GUANGZHOU)!, "utf8"), "html", (t) => asHtmlTables(t, true));
  });

  it("a mention of <table> in the text does not take a tab-separated document off the tab-separated reader", () => {
    // A Shenzhen table whose header that reader cannot match: its error, whatever the prose says of HTML.
    const mention = join(dir, "mention.md");
    writeFileSync(mention, "网页上的表格写作 <table> 标签。\n表 7\n一般公共预算支出表（按功能分类）\n单位：万元\n预算单位\t科目编码\t科目名称\t合计金额\t基本支出\t项目支出\n甲单位\t\t\t10\t4\t6\n");
    const r = cli([mention]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/header cannot be matched: expected 支出总计/);
  });

  it("keeps reading the Shenzhen seed with the Shenzhen template", () => {
    const r = cliJson([SEED]).report.documents[0];
    expect(r.template).toBe("shenzhen");
    expect(r.failure).toBeNull();
  });

  it("says the Shenzhen reader's error for a tab-separated file that no reader can read", () => {
    const bad = join(dir, "not-a-budget.txt");
    writeFileSync(bad, "名称\t数量\n苹果\t3\n梨\t4\n");
    const r = cli([bad]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${bad}: not a budget disclosure`);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});
