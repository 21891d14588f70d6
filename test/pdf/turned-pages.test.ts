import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { degrees, PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import type { Box } from "../../src/model/location.js";
import { cli, cliJson } from "../helpers/cli.js";
import { REAL } from "../helpers/pdfs.js";
import { tempDir } from "../helpers/tmp.js";

/*
 * A PDF whose pages are shown turned: each page's content drawn turned the other way and the page given a
 * /Rotate, so a reader sees it upright (as a wide table printed to PDF on a portrait sheet is). Until round 31
 * every line of such a page was left out as "rotated text", and a document of them was refused as a scan.
 * Made here from a real 决算 by pdf-lib: the same pages as drawn upright (turn 0), then turned 90, 180, 270.
 */
const SOURCE = join(REAL, "pdf", "shanghai-putuo_finance-bureau_2024_dept-final-accounts.pdf");
const dir = tempDir("turned-pages");
const copies = new Map<number, string>();
/** Each page's size as drawn upright [width, height], by page number. */
const sizes: [number, number][] = [];

/** The pages of `src` drawn turned by `turn` and shown turned back. */
async function turned(src: Uint8Array, turn: 0 | 90 | 180 | 270): Promise<Uint8Array> {
  const orig = await PDFDocument.load(src);
  const doc = await PDFDocument.create();
  const pages = orig.getPages();
  const drawn = await doc.embedPages(pages);
  pages.forEach((p, i) => {
    const { width: w, height: h } = p.getSize();
    const page = doc.addPage(turn === 90 || turn === 270 ? [h, w] : [w, h]);
    // Drawn anticlockwise by the turn, shown clockwise by it (/Rotate).
    const at = { 0: { x: 0, y: 0 }, 90: { x: h, y: 0 }, 180: { x: w, y: h }, 270: { x: 0, y: w } }[turn];
    page.drawPage(drawn[i], { ...at, rotate: degrees(turn) });
    if (turn) page.setRotation(degrees(turn));
  });
  return doc.save();
}

/** Where a box of the upright page is on the page turned by `turn` (its own coordinates). */
function boxTurned(b: Box, [w, h]: [number, number], turn: 90 | 180 | 270): Box {
  if (turn === 90) return { x: h - b.y - b.height, y: b.x, width: b.height, height: b.width };
  if (turn === 180) return { x: w - b.x - b.width, y: h - b.y - b.height, width: b.width, height: b.height };
  return { x: b.y, y: w - b.x - b.width, width: b.height, height: b.width };
}

type F = { ruleId: string; severity: string; message: string; location: { page?: number; box?: Box } };
const said = (fs: F[]) => fs.map((f) => `${f.severity} ${f.ruleId} ${f.message.replace(/turned-\d+\.pdf/g, "X.pdf")}`);
/** The pages drawn in the HTML report (the PDF's text layer), without the file's name. */
const pagesHtml = (html: string) => html.slice(html.indexOf('<section class="pages">'), html.indexOf("</section>", html.indexOf('<section class="pages">')));

describe.skipIf(!existsSync(SOURCE))("a PDF whose pages are shown turned (/Rotate) is read as it is shown", () => {
  beforeAll(async () => {
    const src = new Uint8Array(readFileSync(SOURCE));
    for (const p of (await PDFDocument.load(src)).getPages()) sizes.push([p.getWidth(), p.getHeight()]);
    for (const t of [0, 90, 180, 270] as const) {
      const path = join(dir, `turned-${t}.pdf`);
      writeFileSync(path, await turned(src, t));
      copies.set(t, path);
    }
  });

  for (const turn of [90, 180, 270] as const)
    it(`turned ${turn}: the same findings as upright, each box around the same figure on the page turned`, () => {
      const upright = cliJson([copies.get(0)!]).report.documents[0].findings as F[];
      const run = cliJson([copies.get(turn)!]);
      const got = run.report.documents[0].findings as F[];
      expect(run.report.documents[0].failure).toBeNull();
      expect(upright.filter((f) => f.severity === "error").length).toBeGreaterThan(0);
      expect(said(got)).toEqual(said(upright));
      const boxed = upright.filter((f) => f.location.box);
      expect(boxed.length).toBeGreaterThan(0);
      upright.forEach((f, i) => {
        const { page, box } = f.location;
        if (!box) return;
        expect(got[i].location.page).toBe(page);
        const want = boxTurned(box, sizes[page! - 1], turn);
        for (const k of ["x", "y", "width", "height"] as const) expect(got[i].location.box![k], `${f.message} ${k}`).toBeCloseTo(want[k], 1);
      });
    });

  // (Three CLI runs, each drawing the pages in HTML: more than the default 30 s on a loaded machine.)
  it("the HTML report draws a turned page as it is shown: the same as the upright page's", { timeout: 120_000 }, () => {
    const upright = cli([copies.get(0)!, "--format", "html"]).stdout;
    expect(pagesHtml(upright)).toContain('class="tok"');
    for (const turn of [90, 270]) expect(pagesHtml(cli([copies.get(turn)!, "--format", "html"]).stdout)).toBe(pagesHtml(upright));
  });
});
