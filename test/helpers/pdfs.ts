import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import { PDFDocument, rgb, StandardFonts } from "pdf-lib";

/** Where the real documents (PDF and their `pdftotext -layout` text) are: shared/ beside the clone, in CI too. */
export const REAL = join(import.meta.dirname, "..", "..", "..", "shared", "real-documents");

/** A PDF written by hand (objects in order, with an xref table), for structures pdf-lib will not write. */
export function handPdf(objects: string[], trailerExtra = ""): Buffer {
  let out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

const PAGES = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"];

/** A one-page PDF with Latin text lines at the given baselines (pdf-lib's Helvetica). */
export async function textPdf(lines: { text: string; x: number; y: number; size?: number }[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  for (const l of lines) page.drawText(l.text, { x: l.x, y: l.y, size: l.size ?? 10, font });
  return doc.save();
}

/** The bad inputs a user may hand over as `*.pdf`, each written into `dir`; returns their paths by name. */
export async function badPdfs(dir: string): Promise<Record<"scanned" | "encrypted" | "truncated" | "broken" | "notPdf" | "bomb", string>> {
  const paths = {
    scanned: join(dir, "scanned.pdf"),
    encrypted: join(dir, "encrypted.pdf"),
    truncated: join(dir, "truncated.pdf"),
    broken: join(dir, "broken.pdf"),
    notPdf: join(dir, "not-a-pdf.pdf"),
    bomb: join(dir, "bomb.pdf"),
  };
  // A scan: pages with graphics, no text.
  const scan = await PDFDocument.create();
  scan.addPage([595, 842]).drawRectangle({ x: 50, y: 50, width: 400, height: 600, color: rgb(0.6, 0.6, 0.6) });
  writeFileSync(paths.scanned, await scan.save());
  // Standard security handler with a user password (not the empty one).
  const u = "7A".repeat(32);
  writeFileSync(
    paths.encrypted,
    handPdf(
      [...PAGES, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>", `<< /Filter /Standard /V 1 /R 2 /O <${u}> /U <${u}> /P -4 >>`],
      "/Encrypt 4 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>] ",
    ),
  );
  const ok = await textPdf([{ text: "Total 1,234.56", x: 50, y: 700 }]);
  writeFileSync(paths.truncated, ok.subarray(0, Math.floor(ok.length / 2)));
  writeFileSync(paths.broken, `%PDF-1.7\n${"not a pdf object ".repeat(40)}\n%%EOF\n`);
  writeFileSync(paths.notPdf, "科目编码\t科目名称\t合计\n201\t一般公共服务支出\t100.00\n");
  // A content stream of 80 MB of zeros, 80 kB compressed: past the 64 MB a stream may inflate to.
  const bomb = deflateSync(Buffer.alloc(80 * 1024 * 1024));
  writeFileSync(
    paths.bomb,
    handPdf([
      ...PAGES,
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
      `<< /Length ${bomb.length} /Filter /FlateDecode >>\nstream\n${bomb.toString("latin1")}\nendstream`,
    ]),
  );
  return paths;
}
