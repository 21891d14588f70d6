import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cli, cliJson } from "../helpers/cli.js";
import { zip } from "../helpers/docx.js";
import { ofdFile, pdfAsOfd } from "../helpers/ofd.js";
import { REAL } from "../helpers/pdfs.js";
import type { FindingLike } from "../helpers/findings.js";
import { tempDir } from "../helpers/tmp.js";

/*
 * OFD (GB/T 33190), the fixed-layout form China's e-government keeps documents in, as PDF does: read as the PDF of
 * the same pages is. Real PDFs (Shanghai's and the central government's, with landscape tables and errors) written as
 * the OFD documents a converter makes of them give the PDFs' findings, on the same pages, lines and boxes.
 */

const dir = tempDir("ofd");
const PDFS = [
  join(REAL, "pdf", "shanghai-putuo_wanli-subdistrict-office_2023_dept-budget.pdf"),
  join(REAL, "pdf", "shanghai-putuo_finance-bureau_2024_dept-final-accounts.pdf"),
  join(REAL, "other-provinces", "pdf", "central_national-public-complaints-and-proposals-admin_2026_dept-budget.pdf"),
];
const ofdOf = (pdf: string) => join(dir, basename(pdf).replace(/\.pdf$/, ".ofd"));

type F = FindingLike;
interface Doc {
  path: string;
  format: string;
  template: string;
  stage: string;
  failure: { message: string } | null;
  findings: F[];
}

/** A finding without its file's name (a diagnosis names the place `…/name.pdf:698`). */
const what = (f: F) => JSON.stringify([f.ruleId, f.severity, f.message.replace(/\S*\/([^/\s:]+)\.(?:pdf|ofd)/g, "$1"), f.stated, f.computed, f.location.page, f.location.line]);

beforeAll(async () => {
  for (const pdf of PDFS) writeFileSync(ofdOf(pdf), await pdfAsOfd(pdf));
}, 60_000);

describe("an OFD document is read as the PDF of the same pages", () => {
  it("three real disclosures: the same findings as their PDFs, on the same pages and lines, boxed where the PDF's are (a table's figure within 0.5 pt; one inside a sentence over the same stretch of its line)", () => {
    const fromPdf = cliJson(PDFS).report.documents as Doc[];
    const r = cliJson(PDFS.map(ofdOf));
    expect(r.stderr).toBe("");
    const fromOfd = r.report.documents as Doc[];
    expect(fromOfd.map((d) => [basename(d.path), d.format, d.template, d.stage, d.failure])).toEqual(fromPdf.map((d) => [basename(ofdOf(d.path)), "pdf", d.template, d.stage, null]));
    let boxes = 0;
    fromPdf.forEach((p, k) => {
      const o = fromOfd[k];
      expect(p.findings.length).toBeGreaterThan(5);
      expect(o.findings.map(what)).toEqual(p.findings.map(what));
      p.findings.forEach((f, i) => {
        const a = f.location.box;
        const b = o.findings[i].location.box;
        expect(!!b).toBe(!!a);
        if (!a || !b) return;
        boxes++;
        if (f.location.column === undefined || f.location.column === null) {
          // A table's figure is a text item of its own in both: boxed alike.
          for (const key of ["x", "y", "width", "height"] as const) expect(Math.abs(a[key] - b[key])).toBeLessThan(0.5);
        } else {
          // A figure inside a sentence is placed by estimated widths in both (from differently cut items): on the
          // same line, over the same stretch of it.
          for (const key of ["y", "height"] as const) expect(Math.abs(a[key] - b[key])).toBeLessThan(1);
          expect(Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)).toBeGreaterThan(0);
        }
      });
    });
    expect(boxes).toBeGreaterThan(30);
    // The Shanghai budget's errors are found in it as OFD too.
    expect(fromOfd[0].findings.filter((f) => f.severity === "error").length).toBeGreaterThan(0);
  });

  it("written a character an object (as some converters write OFD): the same findings, on the same pages", async () => {
    const file = join(dir, "per-character.ofd");
    writeFileSync(file, await pdfAsOfd(PDFS[0], { perCharacter: true }));
    // (Lines may be numbered otherwise; the findings, their figures and pages are the same.)
    const plain = (f: F) => JSON.stringify([f.ruleId, f.severity, f.message.replace(/\S*\/[^/\s:]+\.(?:pdf|ofd)(:\d+)?/g, "FILE").replace(/\blines? \d+(?:–\d+)?/g, "line #"), f.stated, f.computed, f.location.page]);
    const pdf = cliJson([PDFS[0]]).report.documents[0].findings as F[];
    expect((cliJson([file]).report.documents[0].findings as F[]).map(plain)).toEqual(pdf.map(plain));
  }, 60_000);

  it("in a batch folder an .ofd is checked beside the other documents, and the text report names its pages", () => {
    const batch = join(dir, "batch");
    mkdirSync(batch);
    copyFileSync(ofdOf(PDFS[0]), join(batch, "a.ofd"));
    copyFileSync(PDFS[1], join(batch, "b.pdf"));
    const r = cliJson([batch]);
    expect(r.report.documents.map((d: Doc) => [basename(d.path), d.format, !!d.failure])).toEqual([
      ["a.ofd", "pdf", false],
      ["b.pdf", "pdf", false],
    ]);
    const text = cli([join(batch, "a.ofd")]);
    expect(text.stdout).toMatch(/page \d+ · /);
  });
});

describe("an OFD under another name, and a file named .ofd that is none", () => {
  it("an OFD named .doc, a PDF named .ofd: read as what they hold, with a note", () => {
    const named = join(dir, "named");
    mkdirSync(named);
    copyFileSync(ofdOf(PDFS[2]), join(named, "预算.doc"));
    copyFileSync(PDFS[2], join(named, "预算.ofd"));
    const r = cliJson([join(named, "预算.doc"), join(named, "预算.ofd")]);
    expect(r.status).toBe(1);
    expect(r.report.documents.map((d: Doc) => [basename(d.path), d.format, d.failure])).toEqual([
      ["预算.doc", "pdf", null],
      ["预算.ofd", "pdf", null],
    ]);
    expect(r.stderr.trim().split("\n")).toEqual([
      `budget-check: ${join(named, "预算.doc")}: note: an OFD document (.ofd) named .doc: read as such`,
      `budget-check: ${join(named, "预算.ofd")}: note: a PDF document named .ofd: read as such`,
    ]);
    expect(r.report.documents[0].findings.map(what)).toEqual(r.report.documents[1].findings.map(what));
    // In Chinese with --lang zh.
    const zh = cli([join(named, "预算.doc"), join(named, "预算.ofd"), "--lang", "zh", "--format", "json"]);
    expect(zh.stderr.trim().split("\n")).toEqual([
      `budget-check: ${join(named, "预算.doc")}: 说明：实为 OFD 文档（.ofd），以 .doc 命名：按其实际格式读取`,
      `budget-check: ${join(named, "预算.ofd")}: 说明：实为 PDF 文档，以 .ofd 命名：按其实际格式读取`,
    ]);
  });

  it("damaged, not an OFD, a scan: each a one-line error naming the file, exit 2, the rest checked; in Chinese too", () => {
    const bad = join(dir, "bad");
    mkdirSync(bad);
    const good = ofdFile([{ width: 210, height: 297, texts: [{ text: "部门预算", x: 20, baseline: 20, size: 4 }] }]);
    writeFileSync(join(bad, "1-cut.ofd"), good.subarray(0, 200));
    writeFileSync(join(bad, "2-other.ofd"), zip([{ name: "content.xml", data: "<a/>" }]));
    writeFileSync(join(bad, "3-scan.ofd"), ofdFile([{ width: 210, height: 297, texts: [] }]));
    copyFileSync(ofdOf(PDFS[0]), join(bad, "4-good.ofd"));
    const r = cliJson([bad]);
    expect(r.status).toBe(2);
    // (Files refused on sight are listed after those read.)
    expect(r.report.documents.map((d: Doc) => [basename(d.path), d.failure?.message ?? "checked"]).sort()).toEqual([
      ["1-cut.ofd", "not a readable OFD document (not a zip archive, or a damaged one); export it again, or as PDF"],
      ["2-other.ofd", "not an OFD document: the archive holds no OFD.xml; export it again, or as PDF"],
      ["3-scan.ofd", "no text: the OFD's pages hold no text (images: a scanned document?); budget-check reads the OFD's text, so run OCR on it first"],
      ["4-good.ofd", "checked"],
    ]);
    const lines = r.stderr.trim().split("\n").sort();
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(`budget-check: ${join(bad, "1-cut.ofd")}: not a readable OFD document (not a zip archive, or a damaged one); export it again, or as PDF`);
    const zh = cli([join(bad, "1-cut.ofd"), join(bad, "2-other.ofd"), join(bad, "3-scan.ofd"), "--lang", "zh"]);
    expect(zh.status).toBe(2);
    expect(zh.stderr.trim().split("\n").sort()).toEqual([
      `budget-check: ${join(bad, "1-cut.ofd")}: 不是可读取的 OFD 文档（不是 zip 压缩包，或已损坏）；请重新导出，或导出为 PDF`,
      `budget-check: ${join(bad, "2-other.ofd")}: 不是 OFD 文档：压缩包中没有 OFD.xml；请重新导出，或导出为 PDF`,
      `budget-check: ${join(bad, "3-scan.ofd")}: OFD 没有文字：页面只有图像（扫描件？）；budget-check 读取 OFD 中的文字，请先做文字识别（OCR）`,
    ]);
  });

  it("--annotate is for a workbook or a PDF: an OFD input is a usage error, nothing written", () => {
    const out = join(dir, "annotated.ofd");
    const r = cli([ofdOf(PDFS[0]), "--annotate", out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--annotate");
    expect(r.stderr).toContain("needs exactly one .xlsx workbook or .pdf document as input");
  });
});
