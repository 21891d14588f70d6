import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { discoverPackages, loadPackage } from "../../src/loaders/index.js";
import { ROOT } from "../helpers/cli.js";
import { editDocumentXml } from "../helpers/docx.js";
import { tempDir } from "../helpers/tmp.js";

/*
 * A workbook and its 情况说明 as two files (test/fixtures/beijing-pair): one package when the folder holds the two and
 * nothing else that is read, the document printing no table, the workbook no text of its own, both of one year and
 * stage. Anything else stays two packages, each checked alone as before round 48.
 */
const PAIR = join(ROOT, "test", "fixtures", "beijing-pair", "consistent");
const NAME = "北京市园林绿化局2026年部门预算";
const WORKBOOK = join(PAIR, `${NAME}公开表.xlsx`);
const DOCX = join(PAIR, `${NAME}情况说明.docx`);

/** A folder of the pair's two files (the document given as other bytes, or under another name), and `extra` files. */
function folder(opts: { docx?: Buffer; text?: { name: string; data: string }; workbook?: string; extra?: Record<string, string | Buffer> } = {}): string {
  const dir = tempDir("pair");
  copyFileSync(opts.workbook ?? WORKBOOK, join(dir, basename(opts.workbook ?? WORKBOOK)));
  if (opts.text) writeFileSync(join(dir, opts.text.name), opts.text.data);
  else writeFileSync(join(dir, basename(DOCX)), opts.docx ?? readFileSync(DOCX));
  for (const [name, data] of Object.entries(opts.extra ?? {})) writeFileSync(join(dir, name), data);
  return dir;
}

const kinds = (dir: string) => discoverPackages(dir).packages.map((p) => `${basename(p.path)} ${p.kind}${p.pair ? " pair" : ""}`);
/** The document's paragraphs as the lines of a text file. */
function docxText(): string {
  let xml = "";
  editDocumentXml(readFileSync(DOCX), (x) => (xml = x));
  return [...xml.matchAll(/<w:p>(.*?)<\/w:p>/g)].map((m) => m[1].replace(/<[^>]+>/g, "")).join("\n") + "\n";
}

describe("a workbook and its 情况说明 in one folder", () => {
  it("are one package: the folder, read as a workbook, with the two files", () => {
    const d = discoverPackages(PAIR);
    expect(d.problems).toEqual([]);
    expect(d.packages).toEqual([{ path: PAIR, kind: "xlsx", pair: { workbook: WORKBOOK, text: DOCX } }]);
  });

  it("read as one document: the workbook's tables, the document's written parts located in it, the title's department and year", async () => {
    const doc = await loadPackage(discoverPackages(PAIR).packages[0]);
    expect([doc.path, doc.format, doc.department, doc.year]).toEqual([PAIR, "xlsx", "北京市园林绿化局", 2026]);
    expect(doc.tables.length).toBeGreaterThanOrEqual(10);
    expect(doc.text.flatMap((p) => p.lines).length).toBeGreaterThan(50);
    expect(doc.text.every((p) => p.location.file === DOCX)).toBe(true);
    expect(doc.unreadObjects).toBeUndefined();
  });

  it("a lock file, a README and a report of this tool beside them change nothing", () => {
    const dir = folder({ extra: { [`~$${NAME}情况说明.docx`]: "lock", "README.md": "# notes", "report.md": "## budget-check 0.1.0\n" } });
    expect(kinds(dir)).toEqual([`${basename(dir)} xlsx pair`]);
  });

  it("a text file of the written parts pairs as a Word document does", () => {
    const dir = folder({ text: { name: `${NAME}情况说明.txt`, data: docxText() } });
    const [pkg] = discoverPackages(dir).packages;
    expect(pkg.pair?.text).toBe(join(dir, `${NAME}情况说明.txt`));
  });

  it("a PDF of the whole disclosure beside the workbook: both print tables, two packages", () => {
    const pdf = readFileSync(join(ROOT, "test", "fixtures", "guangdong-pdf", "budget.pdf"));
    const dir = tempDir("pair-pdf");
    copyFileSync(WORKBOOK, join(dir, "公开表.xlsx"));
    writeFileSync(join(dir, "部门预算.pdf"), pdf);
    expect(kinds(dir)).toEqual(["公开表.xlsx xlsx", "部门预算.pdf pdf"]);
    // With the 情况说明 too: a batch of three.
    writeFileSync(join(dir, "情况说明.docx"), readFileSync(DOCX));
    expect(kinds(dir)).toEqual(["公开表.xlsx xlsx", "情况说明.docx docx", "部门预算.pdf pdf"]);
  });

  it("more documents, or a folder beside them: a batch", () => {
    expect(kinds(folder({ extra: { "其他说明.docx": readFileSync(DOCX) } }))).toHaveLength(3);
    const dir = folder();
    mkdirSync(join(dir, "附件"));
    copyFileSync(DOCX, join(dir, "附件", "情况说明.docx"));
    expect(kinds(dir)).toHaveLength(3);
  });

  it("a file the search reports as not read (an RTF) beside them: a batch, the RTF its failure", () => {
    const d = discoverPackages(folder({ extra: { "说明.rtf": "{\\rtf1\\ansi 说明}" } }));
    expect(d.packages.map((p) => p.kind)).toEqual(["xlsx", "docx"]);
    expect(d.problems.map((p) => basename(p.location.file))).toEqual(["说明.rtf"]);
  });

  it("a document that prints a table (a Word table in its body) is checked alone", () => {
    const table = `<w:tbl><w:tr><w:tc><w:p><w:r><w:t>项目</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>金额</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`;
    const docx = editDocumentXml(readFileSync(DOCX), (x) => x.replace("<w:sectPr>", `${table}<w:sectPr>`));
    expect(kinds(folder({ docx }))).toEqual([`${NAME}公开表.xlsx xlsx`, `${NAME}情况说明.docx docx`]);
  });

  it("a workbook with a sheet of written parts of its own stays alone", () => {
    const dir = folder({ workbook: join(ROOT, "test", "fixtures", "beijing-workbook", "beijing-budget.xlsx") });
    expect(kinds(dir)).toEqual(["beijing-budget.xlsx xlsx", `${NAME}情况说明.docx docx`]);
  });

  it("a document of another year or stage than the tables' titles is no pair", () => {
    const of = (edit: (x: string) => string) => kinds(folder({ docx: editDocumentXml(readFileSync(DOCX), edit) }));
    expect(of((x) => x.replace(`${NAME}情况说明`, "北京市园林绿化局2025年部门预算情况说明"))).toHaveLength(2);
    expect(of((x) => x.replace(`${NAME}情况说明`, "北京市园林绿化局2026年部门决算情况说明"))).toHaveLength(2);
    // The same document written again: still a pair.
    expect(of((x) => x)).toHaveLength(1);
  });

  it("a text file of tab-separated rows (a table) is no written parts alone", () => {
    const rows = ["北京市园林绿化局2026年部门预算", "收支总表", "项目\t预算数", "一般公共预算拨款收入\t184,615,900.00", "合计\t184,615,900.00"].join("\n");
    expect(kinds(folder({ text: { name: "部门预算.txt", data: `${docxText()}${rows}\n` } }))).toHaveLength(2);
  });

  it("a Word 97–2003 document of the written parts pairs too (the seed's, beside its workbook without the 文字部分 sheet)", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(ROOT, "fixtures", "shenzhen-sast-2023", "workbook.xlsx"));
    const dir = tempDir("pair-doc");
    copyFileSync(join(ROOT, "test", "fixtures", "doc", "numbered.doc"), join(dir, "情况说明.doc"));
    // With its own sheet of text the workbook stays alone; without it, the two are one package.
    await wb.xlsx.writeFile(join(dir, "公开表.xlsx"));
    expect(kinds(dir)).toEqual(["公开表.xlsx xlsx", "情况说明.doc docx"]);
    wb.removeWorksheet(wb.getWorksheet("文字部分")!.id);
    await wb.xlsx.writeFile(join(dir, "公开表.xlsx"));
    const [pkg] = discoverPackages(dir).packages;
    expect(pkg.pair).toEqual({ workbook: join(dir, "公开表.xlsx"), text: join(dir, "情况说明.doc") });
    const doc = await loadPackage(pkg);
    expect([doc.format, doc.department, doc.year, doc.template]).toEqual(["xlsx", "深圳市科学技术协会", 2023, "shenzhen"]);
    expect(doc.text.every((p) => p.location.file === join(dir, "情况说明.doc"))).toBe(true);
  });
});
