import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import iconv from "iconv-lite";
import { cli, cliJson } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";
import { changeSeed, editedSeed, SEED_XLSX } from "../helpers/workbook.js";
import { asXmlSpreadsheet } from "../helpers/xml-spreadsheet.js";
import { expectReadAsWorkbook, expectRefusedBesideSeed } from "../helpers/read-alike.js";

/*
 * An Excel 2003 XML spreadsheet (SpreadsheetML 2003), the form many finance and OA systems write when they "export to
 * Excel" under an .xls name, and Excel's own "XML Spreadsheet 2003 (*.xml)": read as the workbook of the same
 * cells is, every finding at the same sheet and cell. Until now it was refused as an Excel 97–2003 workbook.
 */

const dir = tempDir("xml-spreadsheet");
type Doc = Awaited<ReturnType<typeof expectReadAsWorkbook>>;

let seedXml = "";
beforeAll(async () => {
  seedXml = await asXmlSpreadsheet(SEED_XLSX);
});

describe("an Excel 2003 XML spreadsheet is read as the workbook of the same cells", () => {
  it("the seed's workbook as an XML spreadsheet named .xls: the same findings at the same sheets and cells, and a note", async () => {
    const xls = join(dir, "部门预算.xls");
    writeFileSync(xls, seedXml);
    // The helper writes what such an export holds: named number formats, merges, comments, omitted indexes.
    expect(seedXml).toMatch(/ss:MergeAcross="\d+"/);
    expect(seedXml).toMatch(/<Comment /);
    expect(seedXml).toMatch(/<Cell ss:StyleID=|<Cell>/);
    await expectReadAsWorkbook(xls, SEED_XLSX);
    const r = cli([xls]);
    expect(r.stderr).toBe(`budget-check: ${xls}: note: an Excel 2003 XML spreadsheet named .xls: read as such\n`);
  });

  it("named .xml, as Excel saves it, on the command line and in a batch folder (where another XML file is not a document)", async () => {
    const batch = join(dir, "batch");
    const xml = join(batch, "部门预算.xml");
    mkdirSync(batch, { recursive: true });
    writeFileSync(xml, seedXml);
    writeFileSync(join(batch, "配置.xml"), '<?xml version="1.0"?><config><item>1</item></config>');
    await expectReadAsWorkbook(xml, SEED_XLSX);
    expect(cli([xml]).stderr).toBe("");
    const r = cliJson([batch]);
    expect(r.report.documents.map((d: { path: string }) => d.path)).toEqual([xml]);
  });

  it("in GB18030 with its encoding declared, and in UTF-16 with a byte-order mark: the same reading", async () => {
    const gb = join(dir, "gb.xls");
    writeFileSync(gb, iconv.encode(seedXml.replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="GB2312"?>'), "gb18030"));
    await expectReadAsWorkbook(gb, SEED_XLSX);
    const u16 = join(dir, "u16.xls");
    writeFileSync(u16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seedXml.replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>'), "utf16le")]));
    await expectReadAsWorkbook(u16, SEED_XLSX);
  });

  it("a changed figure, a hidden row holding amounts and a hidden sheet: found as in the workbook, at the same cells", { timeout: 60_000 }, async () => {
    const edited = await editedSeed(changeSeed);
    const xml = join(dir, "edited.xls");
    writeFileSync(xml, await asXmlSpreadsheet(edited));
    const got = await expectReadAsWorkbook(xml, edited);
    const clean = cliJson([SEED_XLSX]).report.documents[0] as Doc;
    expect(got.findings.filter((f) => f.severity === "error").length).toBeGreaterThan(clean.findings.filter((f) => f.severity === "error").length);
    expect(got.findings.some((f) => /hidden/i.test(f.message) && f.location.sheet === "表3")).toBe(true);
  });
});

describe("an XML spreadsheet that cannot be read: a one-line error, exit 2, the other inputs checked", () => {
  it("no worksheet holds a value; and a file cut off in the middle of its first worksheet", () => {
    const empty = join(dir, "empty.xls");
    writeFileSync(empty, '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Sheet1"><Table/></Worksheet></Workbook>');
    expectRefusedBesideSeed(empty, "no standard table found in any worksheet; expected one worksheet per table, named 表N or titled (e.g. 支出总表)");
    const cut = join(dir, "cut.xls");
    writeFileSync(cut, seedXml.slice(0, seedXml.indexOf("<Row", seedXml.indexOf('ss:Name="表1"')) + 300));
    const c = cli([cut]);
    expect(c.status).toBe(2);
    expect(c.stderr.trim().split("\n").at(-1)).toMatch(new RegExp(`^budget-check: ${cut}: `));
    expect(c.stderr).not.toMatch(/\n\s+at /);
  });
});
