// OFD documents (GB/T 33190) written for the tests, as an OFD producer writes them: OFD.xml naming Doc_0/Document.xml,
// which lists the pages (Pages/Page_N/Content.xml) and template pages; each page a layer of text objects, each placed by
// its Boundary (millimetres from the page's top-left) and its TextCode (X, Y of the baseline inside the boundary, the
// characters' advances in DeltaX, runs of one advance compressed as `g N v`).
import { readFileSync } from "node:fs";
import { zip } from "./docx.js";

/** Points a millimetre. */
const MM = 72 / 25.4;

/** One text object: its characters from `x` on the baseline `baseline` (mm from the page's top-left), `size` mm. */
export interface OfdText {
  text: string;
  x: number;
  baseline: number;
  size: number;
  /** The advance from each character to the next (one fewer than the characters): by default 1 em for CJK, ½ for others. */
  advances?: number[];
  /** The text's width (mm) as its Boundary gives it (by default its advances and the last character's estimated width). */
  width?: number;
  /** A CTM of its own (the text then drawn in the object's frame, scaled or turned); the Boundary's origin stays at (x, top). */
  ctm?: [number, number, number, number, number, number];
  hidden?: boolean;
}

export interface OfdPage {
  width: number;
  height: number;
  texts: OfdText[];
  /** Template pages (by their ID in `OfdOptions.templates`) the page prints over. */
  templates?: string[];
}

export interface OfdOptions {
  templates?: Record<string, OfdText[]>;
  /** The namespace prefix of the elements ("ofd:" as most producers write; "" for none). */
  prefix?: string;
  /** Each page's size in its own Area (as some producers write) rather than once in the document's PageArea. */
  pageAreas?: boolean;
  /** OFD.xml's DocRoot as written (default `Doc_0/Document.xml`; some producers write it from the root, `/Doc_0/Document.xml`). */
  docRoot?: string;
  /** The pages' BaseLoc written from the archive's root without a leading slash (`Doc_0/Pages/…`, as some producers do). */
  rootedPages?: boolean;
  /** Parts stored, not deflated (for a fuzzer's damage to reach the XML). */
  stored?: boolean;
  /** Leave the given part out (a damaged archive). */
  without?: string;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const round = (n: number) => String(Math.round(n * 1000) / 1000);
const natural = (ch: string) => (/[\u2E80-\uFFEF]/.test(ch) ? 1 : 0.5);

/** A DeltaX list with runs of one value written `g N v`. */
export function deltaList(values: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < values.length; ) {
    let j = i;
    while (j + 1 < values.length && round(values[j + 1]) === round(values[i])) j++;
    if (j > i) out.push(`g ${j - i + 1} ${round(values[i])}`);
    else out.push(round(values[i]));
    i = j + 1;
  }
  return out.join(" ");
}

function layer(texts: OfdText[], p: string, ids: { next: number }): string {
  let xml = `<${p}Layer ID="${ids.next++}">`;
  for (const t of texts) {
    const chars = Array.from(t.text);
    const advances = t.advances ?? chars.slice(0, -1).map((c) => natural(c) * t.size);
    const width = t.width ?? advances.reduce((s, v) => s + v, 0) + (chars.length ? natural(chars[chars.length - 1]) * t.size : 0);
    const top = t.baseline - t.size;
    const ctm = t.ctm ? ` CTM="${t.ctm.map(round).join(" ")}"` : "";
    xml += `<${p}TextObject ID="${ids.next++}" Boundary="${round(t.x)} ${round(top)} ${round(width)} ${round(t.size * 1.2)}"${ctm} Font="3" Size="${round(t.size)}"${t.hidden ? ' Visible="false"' : ""}>`;
    xml += `<${p}FillColor Value="0 0 0"/>`;
    xml += `<${p}TextCode X="0" Y="${round(t.size)}"${advances.length ? ` DeltaX="${deltaList(advances)}"` : ""}>${esc(t.text)}</${p}TextCode>`;
    xml += `</${p}TextObject>`;
  }
  return `${xml}</${p}Layer>`;
}

/** An OFD archive of the pages. */
export function ofdFile(pages: OfdPage[], opts: OfdOptions = {}): Buffer {
  const p = opts.prefix ?? "ofd:";
  const ns = `xmlns${p ? `:${p.slice(0, -1)}` : ""}="http://www.ofdspec.org/2016"`;
  const ids = { next: 1 };
  const first = pages[0] ?? { width: 210, height: 297 };
  const templates = Object.entries(opts.templates ?? {});
  const entries: { name: string; data: string }[] = [
    {
      name: "OFD.xml",
      data: `<?xml version="1.0" encoding="UTF-8"?>\n<${p}OFD ${ns} Version="1.0" DocType="OFD"><${p}DocBody><${p}DocInfo><${p}DocID>0123456789abcdef</${p}DocID><${p}Creator>budget-check tests</${p}Creator></${p}DocInfo><${p}DocRoot>${opts.docRoot ?? "Doc_0/Document.xml"}</${p}DocRoot></${p}DocBody></${p}OFD>`,
    },
  ];
  let doc = `<?xml version="1.0" encoding="UTF-8"?>\n<${p}Document ${ns}><${p}CommonData><${p}MaxUnitID>0</${p}MaxUnitID>`;
  if (!opts.pageAreas) doc += `<${p}PageArea><${p}PhysicalBox>0 0 ${round(first.width)} ${round(first.height)}</${p}PhysicalBox></${p}PageArea>`;
  doc += `<${p}PublicRes>PublicRes.xml</${p}PublicRes>`;
  for (const [id] of templates) doc += `<${p}TemplatePage ID="${id}" BaseLoc="Tpls/Tpl_${id}/Content.xml"/>`;
  doc += `</${p}CommonData><${p}Pages>`;
  pages.forEach((_, i) => (doc += `<${p}Page ID="${1000 + i}" BaseLoc="${opts.rootedPages ? "Doc_0/" : ""}Pages/Page_${i}/Content.xml"/>`));
  doc += `</${p}Pages></${p}Document>`;
  entries.push({ name: "Doc_0/Document.xml", data: doc });
  entries.push({
    name: "Doc_0/PublicRes.xml",
    data: `<?xml version="1.0" encoding="UTF-8"?>\n<${p}Res ${ns} BaseLoc="Res"><${p}Fonts><${p}Font ID="3" FontName="宋体" FamilyName="宋体"/></${p}Fonts></${p}Res>`,
  });
  for (const [id, texts] of templates)
    entries.push({ name: `Doc_0/Tpls/Tpl_${id}/Content.xml`, data: `<?xml version="1.0" encoding="UTF-8"?>\n<${p}Page ${ns}><${p}Content>${layer(texts, p, ids)}</${p}Content></${p}Page>` });
  pages.forEach((page, i) => {
    // A page of another size than the document's (a landscape table) has its own Area, as producers write it.
    const area = opts.pageAreas || page.width !== first.width || page.height !== first.height ? `<${p}Area><${p}PhysicalBox>0 0 ${round(page.width)} ${round(page.height)}</${p}PhysicalBox></${p}Area>` : "";
    const tpl = (page.templates ?? []).map((id) => `<${p}Template TemplateID="${id}" ZOrder="Background"/>`).join("");
    entries.push({ name: `Doc_0/Pages/Page_${i}/Content.xml`, data: `<?xml version="1.0" encoding="UTF-8"?>\n<${p}Page ${ns}>${area}${tpl}<${p}Content>${layer(page.texts, p, ids)}</${p}Content></${p}Page>` });
  });
  return zip(
    entries.filter((e) => e.name !== opts.without),
    { stored: opts.stored },
  );
}

/**
 * A real PDF's text written as the OFD document an OFD converter makes of it: each of pdfjs's text items a text
 * object at the same place (millimetres from the page's top-left), its characters' advances shared out by their
 * widths (a CJK character one em, others half, as the PDF reader places them). Text drawn turned (a stamp) is
 * written turned, by its CTM. `perCharacter`: each character a text object of its own (as some converters write).
 */
export async function pdfAsOfd(pdfPath: string, opts: { perCharacter?: boolean } = {}): Promise<Buffer> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await getDocument({ data: new Uint8Array(readFileSync(pdfPath)), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false }).promise;
  const pages: OfdPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [x0, y0, x1, y1] = page.view as number[];
    const texts: OfdText[] = [];
    for (const it of (await page.getTextContent()).items) {
      if (!("str" in it) || !it.str) continue;
      const [a, b, c, d, e, f] = it.transform as number[];
      const size = (Math.abs(d) || it.height || 10) / MM;
      const chars = Array.from(it.str);
      const total = chars.reduce((s, ch) => s + natural(ch), 0);
      const scale = total ? it.width / MM / total : 0;
      const advances = chars.slice(0, -1).map((ch) => natural(ch) * scale);
      const x = (e - x0) / MM;
      const baseline = (y1 - f) / MM;
      // Turned text: the object's own frame turned by its CTM (sin, cos of the PDF's matrix).
      const turned = Math.abs(b) > 1e-3 * Math.abs(a);
      const len = Math.hypot(a, b) || 1;
      // (Its Boundary as wide as the PDF's text: a converter bounds the text it draws.)
      const width = it.width / MM;
      if (opts.perCharacter && !turned) {
        // Each character a text object of its own, as some converters write them (no spaces: a space is a gap).
        let at = x;
        chars.forEach((ch, k) => {
          const w = k < advances.length ? advances[k] : width - (at - x);
          if (ch.trim()) texts.push({ text: ch, x: at, baseline, size, width: Math.max(0, w) });
          at += w;
        });
        continue;
      }
      texts.push(turned ? { text: it.str, x, baseline, size, advances, width, ctm: [a / len, -b / len, -c / len, d / len, 0, 0] } : { text: it.str, x, baseline, size, advances, width });
    }
    pages.push({ width: (x1 - x0) / MM, height: (y1 - y0) / MM, texts });
  }
  await doc.destroy();
  return ofdFile(pages);
}
