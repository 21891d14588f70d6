import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { cli, cliJson } from "../helpers/cli.js";
import { REAL } from "../helpers/pdfs.js";
import { tempDir } from "../helpers/tmp.js";

/*
 * A PDF whose tables are pages without text — scanned, or printed as pictures — beside a 情况说明 with a text
 * layer. Made here from the real Shanghai 决算 (上海市普陀区财政局 2024) by pdf-lib: its table pages (6–20) put
 * blank in their place. Its written parts are checked (round 32: a 情况说明 without tables), and the report
 * names the pages without text; a PDF with no table and nothing but a cover in text is refused saying so.
 */
const SOURCE = join(REAL, "pdf", "shanghai-putuo_finance-bureau_2024_dept-final-accounts.pdf");
const dir = tempDir("textless-pages");
const TABLE_PAGES = new Set([6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);

/** The source with the pages `blank` keeps (by number) replaced by blank pages of their size. */
async function blanked(blank: (n: number) => boolean): Promise<string> {
  const orig = await PDFDocument.load(readFileSync(SOURCE));
  const doc = await PDFDocument.create();
  const pages = orig.getPages();
  const copied = await doc.copyPages(orig, pages.map((_, i) => i));
  pages.forEach((p, i) => {
    if (blank(i + 1)) doc.addPage([p.getWidth(), p.getHeight()]);
    else doc.addPage(copied[i]);
  });
  const file = join(dir, `blanked-${[...Array(pages.length).keys()].filter((i) => blank(i + 1)).length}.pdf`);
  writeFileSync(file, await doc.save());
  return file;
}

let tablesAsImages = "";
let coverOnly = "";
beforeAll(async () => {
  tablesAsImages = await blanked((n) => TABLE_PAGES.has(n));
  coverOnly = await blanked((n) => n > 1);
});

describe("a PDF whose pages hold no text", () => {
  it("its tables as images: the written parts are checked, and the warning names the pages without text", () => {
    const { status, report } = cliJson([tablesAsImages]);
    const d = report.documents[0];
    expect(d.failure).toBeNull();
    expect(status).toBe(1);
    // The real 决算's wrong share in its text (71.73% for 2106.66 ÷ 2940.05 = 71.65%) is found on its page.
    const errors = d.findings.filter((f: { severity: string }) => f.severity === "error");
    expect(errors.map((f: { ruleId: string; stated: string }) => [f.ruleId, f.stated])).toContainEqual(["text-sum", "71.73"]);
    const warning = d.findings.find((f: { ruleId: string }) => f.ruleId === "table-presence");
    expect(warning.message).toContain("the document prints none of them: only its written parts were checked");
    expect(warning.message).toContain("; pages 6–20 have no text (images, a scan?): if they are the tables, run OCR on them to have them checked");
    expect(cli([tablesAsImages, "--lang", "zh"]).stdout).toContain("第 6–20 页没有文字（图片？扫描件？）");
  });

  it("nothing but the cover in text: refused (exit 2), naming the pages without text", () => {
    const r = cli([coverOnly]);
    expect(r.status).toBe(2);
    const m = /not a budget disclosure as read: (\d+) of its (\d+) pages have no text \(2–(\d+): images, a scan\?\) and the others print no table of a known kind; budget-check reads the PDF's text, so run OCR on those pages first/.exec(r.stderr);
    expect(m, r.stderr).not.toBeNull();
    expect(Number(m![1])).toBe(Number(m![2]) - 1);
    expect(Number(m![3])).toBe(Number(m![2]));
    expect(cli([coverOnly, "--lang", "zh"]).stderr).toContain("请先对这些页做 OCR");
  });
});
