import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { withoutFontPrograms } from "../../src/loaders/pdf/fonts.js";
import { handPdf, REAL } from "../helpers/pdfs.js";

// The embedded font programs pdfjs would convert for nothing are left out before it reads the text: the
// text must come out the same, item for item, and a font that needs its program must keep it.

const latin1 = (b: Uint8Array) => Buffer.from(b).toString("latin1");

/** A page using one font whose descriptor is object 7 (with a font program, object 8). */
function fontPdf(font: string, flags = 32): Buffer {
  return handPdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
    "<< /Length 33 >>\nstream\nBT /F1 12 Tf 50 700 Td (Hi) Tj ET\nendstream",
    font,
    "<< /Length 10 >>\nstream\n0123456789\nendstream",
    `<< /Type /FontDescriptor /FontName /X /Flags ${flags} /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 /FontFile2 8 0 R >>`,
    "<< /Length 4 >>\nstream\nfont\nendstream",
  ]);
}
const SIMPLE = "<< /Type /Font /Subtype /TrueType /BaseFont /X /FirstChar 32 /LastChar 126 /Widths [500] /FontDescriptor 7 0 R";

describe("font programs left out of the PDF handed to pdfjs", () => {
  it("renames the program of a font mapped by a ToUnicode map or a standard encoding, in place", () => {
    for (const font of [`${SIMPLE} /ToUnicode 6 0 R >>`, `${SIMPLE} /Encoding /WinAnsiEncoding >>`]) {
      const pdf = fontPdf(font);
      const { bytes, stripped } = withoutFontPrograms(new Uint8Array(pdf));
      expect(stripped).toBe(1);
      expect(bytes.length).toBe(pdf.length);
      expect(latin1(bytes)).toContain("/FontFileZ 8 0 R");
      expect(latin1(bytes).replace("/FontFileZ", "/FontFile2")).toBe(pdf.toString("latin1"));
    }
  });

  it("keeps the program of a font whose codes only the program maps (symbolic, or no encoding and no ToUnicode), or without /Widths", () => {
    const noWidths = SIMPLE.replace("/Widths [500] ", "");
    for (const [font, flags] of [
      [`${SIMPLE} /Encoding /WinAnsiEncoding >>`, 4],
      [`${SIMPLE} >>`, 32],
      [`${noWidths} /ToUnicode 6 0 R >>`, 32],
    ] as const) {
      const pdf = fontPdf(font, flags);
      const { bytes, stripped } = withoutFontPrograms(new Uint8Array(pdf));
      expect(stripped).toBe(0);
      expect(latin1(bytes)).toBe(pdf.toString("latin1"));
    }
  });

  const pdfjsItems = async (data: Uint8Array) => {
    const g = globalThis as Record<string, unknown>;
    for (const name of ["DOMMatrix", "ImageData", "Path2D"]) g[name] ??= class {};
    const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const doc = await getDocument({ data, verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false }).promise;
    const out: unknown[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      for (const it of content.items) if ("str" in it) out.push([n, it.str, it.transform, it.width]);
    }
    await doc.destroy();
    return out;
  };

  // Fonts in the open (Word/WPS export, a whole CJK font embedded) and in object streams (an incremental
  // update appended): the same text items, at the same places, of the same widths.
  const real = [
    join(REAL, "pdf", "shanghai-putuo_finance-bureau_2024_dept-final-accounts.pdf"),
    join(REAL, "other-provinces", "pdf", "hangzhou_meteorological-bureau_2026_dept-budget.pdf"),
  ].filter(existsSync);
  for (const file of real)
    it(`gives pdfjs the same text without the programs: ${file.split("/").pop()}`, async () => {
      const original = new Uint8Array(readFileSync(file));
      const { bytes, stripped } = withoutFontPrograms(original);
      expect(stripped).toBeGreaterThan(0);
      expect(await pdfjsItems(bytes)).toEqual(await pdfjsItems(original.slice()));
    }, 60_000);
});
