import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_PDF_LIMITS, PdfProblem } from "../../src/loaders/pdf/guard.js";
import { readPdfText } from "../../src/loaders/pdf/read.js";
import { cli, cliJson, ROOT, SEED } from "../helpers/cli.js";
import { badPdfs, textPdf } from "../helpers/pdfs.js";

const dir = mkdtempSync(join(tmpdir(), "budget-check-pdf-"));
let bad: Awaited<ReturnType<typeof badPdfs>>;
beforeAll(async () => {
  bad = await badPdfs(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a PDF that cannot be checked gets its own one-line error (exit 2, no stack trace)", () => {
  const cases: [keyof typeof bad, RegExp][] = [
    ["scanned", /: no text layer: the pages are images \(a scanned document\?\).*OCR/],
    ["encrypted", /: encrypted PDF: it cannot be opened without a password/],
    ["truncated", /: truncated PDF: the file ends without %%EOF/],
    ["broken", /: broken PDF: /],
    ["notPdf", /: not a PDF: the file does not begin with %PDF- \(it is text\)/],
    ["bomb", /: too large: a stream decompresses to more than 64 MB \(limit; a decompression bomb\?\)/],
  ];
  for (const [name, what] of cases)
    it(name, () => {
      const r = cli([bad[name]]);
      expect(r.status).toBe(2);
      const lines = r.stderr.trimEnd().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0].startsWith(`budget-check: ${bad[name]}: `)).toBe(true);
      expect(lines[0]).toMatch(what);
      expect(r.stderr + r.stdout).not.toMatch(/^\s+at /m);
    });

  it("in a batch folder, each bad PDF is reported and the other documents are still checked", () => {
    const batch = join(dir, "batch");
    mkdirSync(batch);
    for (const name of ["scanned", "encrypted", "notPdf"] as const) copyFileSync(bad[name], join(batch, bad[name].split("/").pop()!));
    copyFileSync(join(ROOT, SEED), join(batch, "seed.md"));
    const { status, report } = cliJson([batch]);
    expect(status).toBe(2);
    const byName = Object.fromEntries(report.documents.map((d: { path: string }) => [d.path.split("/").pop(), d]));
    expect(Object.keys(byName).sort()).toEqual(["encrypted.pdf", "not-a-pdf.pdf", "scanned.pdf", "seed.md"]);
    expect(byName["scanned.pdf"].format).toBe("pdf");
    expect(byName["scanned.pdf"].failure.message).toMatch(/no text layer/);
    expect(byName["encrypted.pdf"].failure.message).toMatch(/encrypted/);
    expect(byName["seed.md"].failure).toBeNull();
    expect(byName["seed.md"].findings.length).toBeGreaterThan(0);
  });
});

describe("bounds: a hostile PDF is refused before it is parsed", () => {
  it("pages", async () => {
    const one = await textPdf([{ text: "1", x: 50, y: 50 }]);
    await expect(readPdfText(one, { ...DEFAULT_PDF_LIMITS, maxPages: 0 })).rejects.toThrow(new PdfProblem("too many pages: 1 (limit 0)"));
  });
  it("objects", async () => {
    const one = await textPdf([{ text: "1", x: 50, y: 50 }]);
    await expect(readPdfText(one, { ...DEFAULT_PDF_LIMITS, maxObjects: 3 })).rejects.toThrow(/^too many objects: more than 3 \(limit\)$/);
  });
  it("decompressed size of one stream and of all together", () => {
    const bytes = new Uint8Array(readFileSync(bad.bomb));
    const limits = { ...DEFAULT_PDF_LIMITS, maxStreamBytes: 1024 * 1024 };
    return Promise.all([
      expect(readPdfText(bytes, limits)).rejects.toThrow(/^too large: a stream decompresses to more than 1 MB/),
      expect(readPdfText(bytes, { ...DEFAULT_PDF_LIMITS, maxTotalStreamBytes: 2 * 1024 * 1024 })).rejects.toThrow(/^too large: its streams decompress to more than 2 MB together/),
    ]);
  });
  it("a text PDF within the bounds is read", async () => {
    const pdf = await textPdf([{ text: "Total 1,234.56", x: 50, y: 700 }]);
    const { pages, lines } = await readPdfText(pdf);
    expect(pages).toBe(1);
    expect(lines.map((l) => l.tokens!.map((t) => t.text))).toEqual([["Total", "1,234.56"]]);
  });
});
