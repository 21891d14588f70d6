import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { layoutLines } from "../../src/loaders/layout/tokens.js";
import { cliJson, ROOT } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

type Finding = { severity: string; ruleId: string; stated: string | null; computed: string | null; location: { page?: number; line?: number } };
type Doc = { template: string; tables: { id: string; present: boolean; rows: number }[]; findings: Finding[] };
const said = (d: Doc) => d.findings.map((f) => `${f.severity} ${f.ruleId} ${f.stated} ${f.computed} ${f.location.line}`).sort();
const tables = (d: Doc) => d.tables.filter((t) => t.present).map((t) => `${t.id} ${t.rows}`);

/*
 * `pdftotext -layout -nopgbrk` writes no form feeds, and a copy of the text may lose them. The layout reader
 * reads each page's columns on their own (a table continued on a page laid out at another width); with the
 * whole text one page, the central department's 部门支出总表 (two pages, the second's figures further right)
 * had its second page's figures put in the wrong columns: five false errors. The pages are now found at
 * the page numbers printed at their foot.
 */
describe("a layout text without form feeds", () => {
  const dir = tempDir("no-form-feeds");
  const file = "fixtures/other-provinces/central_national-public-complaints-and-proposals-admin_2026_dept-budget.txt";
  const text = readFileSync(join(ROOT, file), "utf8");

  it("is read page by page at its printed page numbers: the same tables and findings as with form feeds", () => {
    const copy = join(dir, "central-nopgbrk.txt");
    writeFileSync(copy, text.replaceAll("\f", ""));
    const r = cliJson([file, copy]);
    const [withFf, without] = r.report.documents as Doc[];
    expect(tables(without)).toEqual(tables(withFf));
    expect(said(without)).toEqual(said(withFf));
    // The document's own: 31.35%, the 18,728.91 of its text (18,728.94), its diagnosis, and the rounding-consistency
    // error that figure makes beside the 类 the same paragraph lists.
    expect(without.findings.filter((f) => f.severity === "error").length).toBe(4);
    // Each page is the number printed at its foot: one less than its place in the PDF, whose cover is unnumbered.
    const page = (d: Doc) => d.findings.filter((f) => f.severity === "error").map((f) => f.location.page);
    expect(page(without)).toEqual(page(withFf).map((p) => p! - 1));
  });

  it("its page numbers printed in words (第 4 页 共 40 页, 第4页/共40页, 4/40, 共40页 第4页) count as well", () => {
    const forms = [(n: string) => `第 ${n} 页 共 40 页`, (n: string) => `第${n}页/共40页`, (n: string) => `${n}/40`, (n: string) => `共40页 第${n}页`];
    const copies = forms.map((form, i) => {
      const copy = join(dir, `central-nopgbrk-words-${i}.txt`);
      writeFileSync(copy, text.replaceAll("\f", "").replace(/^( {8,})(\d{1,3})[ \t]*$/gm, (_, pad: string, n: string) => `${pad}${form(n)}`));
      return copy;
    });
    const [withFf, ...others] = cliJson([file, ...copies]).report.documents as Doc[];
    for (const d of others) {
      expect(tables(d)).toEqual(tables(withFf));
      expect(said(d)).toEqual(said(withFf));
    }
  });

  it("takes a run of three page numbers or more counting up by one, never a lone figure on a line", () => {
    const page = (n: number) => [`项目${n}      1,000.00`, "", `                 ${n}`];
    const three = [...page(1), ...page(2), ...page(3), "尾页  5.00"].join("\n");
    expect(layoutLines(three).map((l) => l.page)).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 3, 4]);
    // Two numbers, or numbers that do not count up, are not pages: one page, as before.
    expect(new Set(layoutLines([...page(1), ...page(2)].join("\n")).map((l) => l.page))).toEqual(new Set([1]));
    expect(new Set(layoutLines([...page(3), ...page(1), ...page(7)].join("\n")).map((l) => l.page))).toEqual(new Set([1]));
    // Form feeds, where there are any, decide.
    expect(layoutLines(`${page(1).join("\n")}\n\f${page(2).join("\n")}\n\f${page(3).join("\n")}`).map((l) => l.page)).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 3]);
  });
});
