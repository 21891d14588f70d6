import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cli, cliJson } from "../helpers/cli.js";
import { REAL } from "../helpers/pdfs.js";

// The real CLI on a real PDF: findings by page and box in every format, the annotated copy read back.
const PDF = join(REAL, "pdf", "shanghai-putuo_wanli-subdistrict-office_2025_dept-budget.pdf");
const dir = mkdtempSync(join(tmpdir(), "budget-check-pdf-e2e-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Loc {
  page?: number;
  box?: { x: number; y: number; width: number; height: number };
}

describe.skipIf(!existsSync(PDF))("a real PDF checked by the real CLI", () => {
  const out = join(dir, "annotated.pdf");
  const before = existsSync(PDF) ? createHash("sha256").update(readFileSync(PDF)).digest("hex") : "";
  const run = existsSync(PDF) ? cliJson([PDF, "--lang", "zh", "--annotate", out]) : null;

  it("reads it as a pdf document, every finding with its page and box", () => {
    const d = run!.report.documents[0];
    expect(run!.status).toBe(0); // rounding notes only
    expect(d.format).toBe("pdf");
    expect(d.failure).toBeNull();
    expect(d.findings.length).toBeGreaterThan(0);
    for (const f of d.findings as { location: Loc }[]) {
      expect(f.location.page).toBeGreaterThanOrEqual(1);
      expect(f.location.box!.width).toBeGreaterThan(0);
    }
  });

  it("--annotate: the copy opens in pdf.js with one box per finding on the finding's page, the input untouched", async () => {
    expect(createHash("sha256").update(readFileSync(PDF)).digest("hex")).toBe(before);
    const findings = run!.report.documents[0].findings as { location: Loc; message: string }[];
    const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const doc = await getDocument({ data: new Uint8Array(readFileSync(out)), verbosity: 0 }).promise;
    const boxes: { page: number; contents: string; rect: number[] }[] = [];
    for (let n = 1; n <= doc.numPages; n++)
      for (const a of await (await doc.getPage(n)).getAnnotations())
        if (a.titleObj?.str === "budget-check" && !a.contentsObj.str.startsWith("相关数字")) boxes.push({ page: n, contents: a.contentsObj.str, rect: a.rect });
    expect(boxes).toHaveLength(findings.length);
    for (const f of findings) {
      const b = boxes.find((x) => x.page === f.location.page && x.contents.includes(f.message));
      expect(b, f.message).toBeDefined();
      expect(b!.rect[0]).toBeLessThanOrEqual(f.location.box!.x);
      expect(b!.rect[2]).toBeGreaterThanOrEqual(f.location.box!.x + f.location.box!.width);
    }
    const outline = (await doc.getOutline())!;
    expect(outline[0].title).toMatch(/^budget-check: \d+ 尾差/);
    expect(outline[0].items).toHaveLength(findings.length);
    await doc.destroy();
  });

  it("text names each figure by page; HTML draws the pages that findings are on", () => {
    const text = cli([PDF, "--lang", "zh", "--show-rounding"]).stdout;
    expect(text).toMatch(/第12页 · 表2 · [^\n]* · \S+wanli-subdistrict-office_2025_dept-budget\.pdf\n/);
    expect(text).not.toMatch(/dept-budget\.pdf:\d/);
    const html = cli([PDF, "--lang", "zh", "--format", "html"]).stdout;
    const pages = [...html.matchAll(/<figure class="pdfpage" data-page="(\d+)">/g)].map((m) => Number(m[1]));
    const expected = [...new Set((run!.report.documents[0].findings as { location: Loc }[]).map((f) => f.location.page!))].sort((a, b) => a - b);
    expect(pages).toEqual(expected);
    expect(html).toMatch(/<div class="pbox marked k-rounding" tabindex="0" style="left:[\d.]+px;top:[\d.]+px;/);
  });

  it("--annotate of a PDF must be a .pdf and never the input", () => {
    expect(cli([PDF, "--annotate", join(dir, "x.xlsx")]).stderr).toMatch(/the annotated copy of a \.pdf input must be a \.pdf file/);
    const r = cli([PDF, "--annotate", PDF]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/that is the input PDF; choose another file/);
  });
});
