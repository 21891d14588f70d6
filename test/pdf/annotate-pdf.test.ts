import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { annotatePdf } from "../../src/annotate-pdf.js";
import type { Finding } from "../../src/engine/types.js";
import type { LayoutToken } from "../../src/loaders/layout/types.js";
import { readPdfText } from "../../src/loaders/pdf/read.js";
import { REAL } from "../helpers/pdfs.js";

const PDF = join(REAL, "pdf", "shanghai-putuo_wanli-subdistrict-office_2025_dept-budget.pdf");
const dir = mkdtempSync(join(tmpdir(), "budget-check-annotate-pdf-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sha = (p: string) => createHash("sha256").update(readFileSync(p)).digest("hex");

function finding(severity: Finding["severity"], withinRounding: boolean, message: string, at: { page: number; line: number; token: LayoutToken }, related: typeof at[] = []): Finding {
  const loc = (a: typeof at) => ({ file: PDF, line: a.line, page: a.page, box: a.token.box! });
  return {
    ruleId: "hierarchy-sum",
    severity,
    withinRounding,
    message,
    table: "T3",
    unit: null,
    code: null,
    item: null,
    column: null,
    stated: "2,413,577",
    computed: "2,413,580",
    difference: "-3",
    tolerance: "0",
    location: loc(at),
    related: related.map(loc),
  };
}

// pdfjs reads the copy back: the annotations it finds, and the outline, as a reader would show them.
async function readBack(file: string) {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
  const annotations: { page: number; title: string; subtype: string; contents: string; rect: number[] }[] = [];
  for (let n = 1; n <= doc.numPages; n++)
    for (const a of await (await doc.getPage(n)).getAnnotations())
      annotations.push({ page: n, title: a.titleObj?.str ?? "", subtype: a.subtype, contents: a.contentsObj?.str ?? "", rect: a.rect });
  const outline = (await doc.getOutline()) ?? [];
  const destPage = async (dest: unknown) => (Array.isArray(dest) ? (await doc.getPageIndex(dest[0])) + 1 : null);
  const items = [];
  for (const top of outline) items.push({ title: top.title, children: await Promise.all(top.items.map(async (i) => ({ title: i.title, page: await destPage(i.dest) }))) });
  await doc.destroy();
  return { annotations, outline: items };
}

describe.skipIf(!existsSync(PDF))("--annotate for a PDF: the copy opens in a PDF reader with every finding boxed", () => {
  it("one annotation per finding on its page, a note with the arithmetic, related figures outlined, the outline listing errors first", async () => {
    const { lines } = await readPdfText(new Uint8Array(readFileSync(PDF)));
    const figure = (page: number, text: string) => {
      const l = lines.find((x) => x.page === page && x.tokens!.some((t) => t.text === text))!;
      return { page, line: l.line, token: l.tokens!.find((t) => t.text === text)! };
    };
    const a = figure(12, "2,413,577");
    const b = figure(12, "582,800");
    const c = figure(13, "0");
    const findings = [
      finding("warning", false, "一个警告", b),
      finding("error", false, "合计不等于各项之和", a, [b]),
      finding("info", true, "尾差", c),
    ];
    const out = join(dir, "annotated.pdf");
    const before = sha(PDF);
    const result = await annotatePdf(PDF, out, findings, "zh");
    expect(sha(PDF)).toBe(before);
    expect(result).toEqual({ boxed: 3, related: 1, listed: 3 });

    const { annotations, outline } = await readBack(out);
    const ours = annotations.filter((x) => x.title === "budget-check");
    expect(ours.map((x) => [x.page, x.subtype, x.contents.split("\n")[0]]).sort()).toEqual([
      [12, "Square", "[警告] hierarchy-sum"],
      [12, "Square", "[错误] hierarchy-sum"],
      [12, "Square", "相关数字: 合计不等于各项之和"],
      [13, "Square", "[尾差] hierarchy-sum"],
    ]);
    const error = ours.find((x) => x.contents.startsWith("[错误]"))!;
    expect(error.contents).toContain("[错误] hierarchy-sum");
    expect(error.contents).toContain("合计不等于各项之和");
    expect(error.contents).toMatch(/2,413,577.*2,413,580/s);
    // The box drawn contains the figure's box.
    const box = a.token.box!;
    expect(error.rect[0]).toBeLessThanOrEqual(box.x);
    expect(error.rect[1]).toBeLessThanOrEqual(box.y);
    expect(error.rect[2]).toBeGreaterThanOrEqual(box.x + box.width);
    expect(error.rect[3]).toBeGreaterThanOrEqual(box.y + box.height);

    expect(outline).toHaveLength(1);
    expect(outline[0].title).toBe("budget-check: 1 错误，1 警告，1 尾差");
    expect(outline[0].children).toEqual([
      { title: "第12页 [错误] 合计不等于各项之和", page: 12 },
      { title: "第12页 [警告] 一个警告", page: 12 },
      { title: "第13页 [尾差] 尾差", page: 13 },
    ]);
  });
});
