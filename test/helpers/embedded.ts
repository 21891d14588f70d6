// A Word document whose tables are pasted as Excel objects (选择性粘贴 → Microsoft Excel 工作表 对象), as Word writes one:
// each table replaced by a paragraph holding a w:object (its picture, v:shape, and its o:OLEObject pointing at the
// embedded workbook's part), the workbook holding the table's cells at the same addresses the Word table's cells have.
import { inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { docxLines } from "../../src/loaders/docx.js";
import { zipParts } from "../../src/loaders/zip-limits.js";
import { zip } from "./docx.js";
import { biff8, compoundFile, sheetsOf } from "./xls.js";

export interface EmbedOptions {
  /** The workbook's form: an .xlsx (Excel.Sheet.12, a `package` part) or an Excel 97–2003 workbook (Excel.Sheet.8, `oleObject*.bin`). */
  form: "xlsx" | "xls";
  /** Each workbook sized to its table's cells (its OLE size), with a stray figure outside them that the object does not show. */
  oleSize?: boolean;
  /** A sheet of other figures before the table's, the table's sheet the active one (as the object shows it). */
  otherSheetFirst?: boolean;
  /** The objects shown as icons (DrawAspect="Icon"): nothing of them is printed. */
  icons?: boolean;
}

const column = (letters: string) => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);

/** The tables' cells of a .docx as the reader locates them: for each 表格N, its cells' addresses and texts. */
function tableCells(parts: Map<string, Buffer>): Map<number, { address: string; text: string }[]> {
  const part = (name: string) => parts.get(name)?.toString("utf8") ?? "";
  const read = docxLines("x.docx", { document: part("word/document.xml"), styles: part("word/styles.xml"), numbering: part("word/numbering.xml") });
  const tables = new Map<number, { address: string; text: string }[]>();
  for (const l of read.lines) {
    const place = read.places.get(l.line);
    const n = /^表格(\d+)$/.exec(place?.row.sheet ?? "")?.[1];
    if (!n || !place?.cells || !l.cells) continue;
    if (!tables.has(Number(n))) tables.set(Number(n), []);
    l.cells.forEach((c, i) => {
      if (c.text) tables.get(Number(n))!.push({ address: place.cells![i].cell!, text: c.text });
    });
  }
  return tables;
}

/** The .docx with every table pasted as an Excel object instead. */
export async function withEmbeddedTables(docx: Buffer, opts: EmbedOptions): Promise<Buffer> {
  const listed = zipParts(docx, 10_000);
  if (!Array.isArray(listed)) throw new Error("not a zip");
  const parts = new Map(listed.map((p) => [p.name, p.method === 8 ? inflateRawSync(p.data) : Buffer.from(p.data)]));
  const tables = tableCells(parts);
  const added: { name: string; data: Buffer }[] = [];
  let rels = "";
  for (const [n, cells] of tables) {
    const wb = new ExcelJS.Workbook();
    if (opts.otherSheetFirst) wb.addWorksheet("其他").getCell("B2").value = "999,999.00";
    const ws = wb.addWorksheet("Sheet1");
    for (const c of cells) ws.getCell(c.address).value = c.text;
    const rows = cells.map((c) => Number(/\d+$/.exec(c.address)![0]));
    const cols = cells.map((c) => column(/^[A-Z]+/.exec(c.address)![0]));
    const size = { firstRow: 1, lastRow: Math.max(...rows), firstColumn: 1, lastColumn: Math.max(...cols) };
    // A figure beside the table that the object, sized to the table, does not show.
    if (opts.oleSize) ws.getCell(size.lastRow + 3, size.lastColumn + 2).value = "123,456.00";
    const active = opts.otherSheetFirst ? 1 : 0;
    wb.views = [{ x: 0, y: 0, width: 20000, height: 10000, firstSheet: 0, activeTab: active, visibility: "visible" }];
    let data: Buffer;
    let target: string;
    if (opts.form === "xlsx") {
      let book: Buffer = Buffer.from(await wb.xlsx.writeBuffer());
      if (opts.oleSize) {
        const inner = zipParts(book, 1000) as { name: string; method: number; data: Buffer }[];
        book = zip(
          inner.map((p) => {
            const d = p.method === 8 ? inflateRawSync(p.data) : Buffer.from(p.data);
            const ref = `A1:${String.fromCharCode(64 + size.lastColumn)}${size.lastRow}`;
            return { name: p.name, data: p.name === "xl/workbook.xml" ? Buffer.from(d.toString("utf8").replace("</workbook>", `<oleSize ref="${ref}"/></workbook>`)) : d };
          }),
        );
      }
      data = book;
      target = `embeddings/Microsoft_Excel_Worksheet${n}.xlsx`;
      rels += `<Relationship Id="rIdObj${n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/package" Target="${target}"/>`;
    } else {
      data = compoundFile([{ name: "Workbook", data: biff8(sheetsOf(wb), { activeTab: active, ...(opts.oleSize ? { oleSize: size } : {}) }) }]);
      target = `embeddings/oleObject${n}.bin`;
      rels += `<Relationship Id="rIdObj${n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/oleObject" Target="${target}"/>`;
    }
    added.push({ name: `word/${target}`, data });
    rels += `<Relationship Id="rIdImg${n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image${n}.emf"/>`;
    added.push({ name: `word/media/image${n}.emf`, data: Buffer.from([1, 0, 0, 0]) });
  }
  // Each top-level table, in order, becomes a paragraph holding its object.
  let k = 0;
  const progId = opts.form === "xlsx" ? "Excel.Sheet.12" : "Excel.Sheet.8";
  const document = parts
    .get("word/document.xml")!
    .toString("utf8")
    .replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, () => {
      k++;
      return (
        `<w:p><w:r><w:object w:dxaOrig="9000" w:dyaOrig="3000"><v:shape id="_x0000_i10${k}" type="#_x0000_t75" style="width:450pt;height:150pt" o:ole=""><v:imagedata r:id="rIdImg${k}" o:title=""/></v:shape>` +
        `<o:OLEObject Type="Embed" ProgID="${progId}" ShapeID="_x0000_i10${k}" DrawAspect="${opts.icons ? "Icon" : "Content"}" ObjectID="_14000${k}" r:id="rIdObj${k}"/></w:object></w:r></w:p>`
      );
    })
    .replace(/<w:document\b[^>]*>/, (tag) =>
      // The VML and Office namespaces the object's elements use, where the document does not declare them yet.
      tag.replace(/>$/, `${tag.includes("xmlns:v=") ? "" : ' xmlns:v="urn:schemas-microsoft-com:vml"'}${tag.includes("xmlns:o=") ? "" : ' xmlns:o="urn:schemas-microsoft-com:office:office"'}>`),
    );
  if (k !== tables.size) throw new Error(`${k} tables replaced, ${tables.size} read`);
  const types = parts
    .get("[Content_Types].xml")!
    .toString("utf8")
    .replace(
      "<Default ",
      '<Default Extension="xlsx" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"/><Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.oleObject"/><Default Extension="emf" ContentType="image/x-emf"/><Default ',
    );
  const documentRels = parts.get("word/_rels/document.xml.rels")!.toString("utf8").replace("</Relationships>", `${rels}</Relationships>`);
  return zip([
    ...[...parts].map(([name, data]) => ({
      name,
      data: name === "word/document.xml" ? document : name === "[Content_Types].xml" ? types : name === "word/_rels/document.xml.rels" ? documentRels : data,
    })),
    ...added,
  ]);
}
