import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { LayoutToken } from "../../src/loaders/layout/types.js";
import type { Box } from "../../src/model/location.js";
import { readPdfText } from "../../src/loaders/pdf/read.js";
import { cliJson, ROOT } from "../helpers/cli.js";
import { REAL } from "../helpers/pdfs.js";

// Every real PDF against its `pdftotext -layout` twin: the same findings, each PDF finding on the page the
// text puts it on, with a box around the figure. Needs the layout loader (src/loaders/layout/index.ts),
// which reads both forms; until it is in, the test is reported as skipped.
const LAYOUT_LOADER = existsSync(join(ROOT, "src", "loaders", "layout", "index.ts"));
const pdfs = [join(REAL, "pdf"), join(REAL, "other-provinces", "pdf")]
  .filter(existsSync)
  .flatMap((d) => readdirSync(d).filter((f) => f.endsWith(".pdf")).map((f) => join(d, f)));

interface F {
  ruleId: string;
  severity: string;
  message: string;
  item?: string | null;
  stated: string | null;
  computed: string | null;
  difference: string | null;
  location: { file: string; line?: number; page?: number | null; box?: Box | null };
  related: unknown[];
}

/**
 * A finding without where it is printed (the two forms number their lines differently, also in messages:
 * `line 12`, and a place `…/name.pdf:698:97` that the diagnosis names, in another folder than the text's).
 */
const what = (f: F) =>
  JSON.stringify({
    r: f.ruleId,
    s: f.severity,
    m: f.message
      .replace(/\.pdf|\.txt/g, "")
      .replace(/\b(lines?) \d+(?:[–-]\d+)?/g, "$1 #")
      // (file:line, or file:line:column as the diagnosis names a figure: the two forms number them apart.)
      .replace(/\S*\/([^/\s:]+):\d+(?::\d+)?/g, "$1:#"),
    st: f.stated,
    c: f.computed,
    d: f.difference,
  });

const inside = (b: Box, t: Box) => {
  const cx = t.x + t.width / 2;
  const cy = t.y + t.height / 2;
  return cx >= b.x && cx <= b.x + b.width && cy >= b.y && cy <= b.y + b.height;
};
/**
 * The text of a token under a box: all of it when its centre is inside; the characters whose centres
 * are inside when the box is a figure within a sentence (a figure of the written parts: characters
 * placed by their widths, CJK one em and others half, as the PDF loader estimates them).
 */
function textUnder(b: Box, t: LayoutToken): string {
  const tb = t.box!;
  if (tb.y + tb.height / 2 < b.y || tb.y + tb.height / 2 > b.y + b.height) return "";
  if (inside(b, tb) && tb.width <= b.width + 1) return t.text;
  const chars = [...t.text];
  const w = (c: string) => (/[\u2E80-\uFFEF]/.test(c) ? 1 : 0.5);
  const scale = tb.width / chars.reduce((s, c) => s + w(c), 0);
  let x = tb.x;
  let out = "";
  for (const c of chars) {
    const mid = x + (w(c) * scale) / 2;
    if (mid >= b.x && mid <= b.x + b.width) out += c;
    x += w(c) * scale;
  }
  return out;
}
const digits = (s: string) => s.replace(/[^\d.-]/g, "").replace(/\.0+$|(\.\d*?)0+$/, "$1");

/**
 * Documents whose PDF is not yet read with the findings of its layout text, and why. Each is expected to
 * fail (it.fails): when a fix makes the two agree, the test says so and the entry goes.
 * (None at present: the blank 决算 template's written parts now break alike, and the central department's
 * letter-spaced 收 入 总 计 is read as 收入总计 in either form, with 一、本年收入 / 一、本年支出 as the
 * subtotals over their (一) items, so its hierarchy holds.)
 */
const KNOWN_DIFFERENCES = new Set<string>([]);

describe.skipIf(!LAYOUT_LOADER || pdfs.length === 0)("PDF and layout text give the same findings for every PDF in shared/real-documents", () => {
  for (const pdf of pdfs) {
    const txt = pdf.replace(/\/pdf\/([^/]+)\.pdf$/, "/$1.txt");
    const name = pdf.split("/").pop()!;
    (KNOWN_DIFFERENCES.has(name) ? it.fails : it)(name, async () => {
      const fromPdf = cliJson([pdf]).report.documents[0];
      const fromText = cliJson([txt]).report.documents[0];
      expect(fromPdf.failure).toBeNull();
      expect(fromText.failure).toBeNull();
      expect(fromPdf.findings.map(what).sort()).toEqual(fromText.findings.map(what).sort());
      // Each finding on the page the text puts it on; a finding about a figure has the figure's box,
      // and the text under that box is the printed figure.
      const byWhat = new Map<string, F[]>();
      for (const f of fromText.findings as F[]) byWhat.set(what(f), [...(byWhat.get(what(f)) ?? []), f]);
      const { lines } = await readPdfText(new Uint8Array(readFileSync(pdf)));
      for (const f of fromPdf.findings as F[]) {
        const twin = byWhat.get(what(f))!.shift()!;
        expect(f.location.page, `${f.message}`).toBe(twin.location.page);
        // (A 0 said in words, 无“三公”经费: its box is the 无's, no digits under it.)
        if (!f.location.box || f.stated === null || /（无）$/.test(f.item ?? "")) continue;
        const under = lines
          .filter((l) => l.page === f.location.page)
          .flatMap((l) => l.tokens!)
          .map((t) => textUnder(f.location.box!, t))
          .join("");
        expect(digits(under), `${f.message}: the figure under its box on page ${f.location.page}`).toBe(digits(f.stated));
      }
    });
  }
});
