import { copyFileSync, mkdirSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createDeflateRaw } from "node:zlib";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { cli, cliJson, ROOT } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

const SEED_XLSX = "fixtures/shenzhen-sast-2023/workbook.xlsx";

/** A zip holding one part `name` whose content is `mb` MiB of spaces, deflated as it is made (a few hundred KB). */
async function zipBomb(name: string, mb: number): Promise<Buffer> {
  const z = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  z.on("data", (c: Buffer) => out.push(c));
  const done = new Promise((r) => z.on("end", r));
  const chunk = Buffer.alloc(1 << 20, 32);
  for (let i = 0; i < mb; i++) if (!z.write(chunk)) await new Promise((r) => z.once("drain", r));
  z.end();
  await done;
  const data = Buffer.concat(out);
  const fname = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(1000, 22); // a declared size that lies: the check must not trust it
  local.writeUInt16LE(fname.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(1000, 24);
  central.writeUInt16LE(fname.length, 28);
  central.writeUInt32LE(0, 42);
  const cdOffset = local.length + fname.length + data.length;
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(central.length + fname.length, 12);
  eocd.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, fname, data, central, fname, eocd]);
}

// Issue 12, defect 4 (and 11: a 600 MB file, jszip's wording): bounded before read, one line naming the file.
describe("what is read is bounded before it is read", () => {
  const tmp = tempDir("limits");

  it("a workbook whose rows each hold a value in column XFD is one line naming the cell (was: minutes, then an OOM abort)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("表3");
    ws.getCell("A1").value = "支出总表";
    for (let r = 2; r < 300; r++) {
      ws.getCell(`A${r}`).value = r;
      ws.getCell(`XFD${r}`).value = 1;
    }
    const file = join(tmp, "xfd.xlsx");
    await wb.xlsx.writeFile(file);
    const t = performance.now();
    const r = cli([file]);
    expect(performance.now() - t).toBeLessThan(30_000);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(`budget-check: ${file}[表3]!XFD2: a value in column XFD; a budget worksheet is read up to column ALL (1000 columns)`);
  });

  it("one styled, empty cell at XFD1 changes nothing: the seed workbook gives the same findings", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(ROOT, SEED_XLSX));
    wb.worksheets[0].getCell("XFD1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } };
    const file = join(tmp, "styled.xlsx");
    await wb.xlsx.writeFile(file);
    const a = cliJson([SEED_XLSX]).report.documents[0].summary;
    expect(cliJson([file]).report.documents[0].summary).toEqual(a);
  });

  it("a zip that inflates past 256 MB (declaring 1000 bytes) is refused in one line, not an out-of-memory abort", { timeout: 60_000 }, async () => {
    const file = join(tmp, "bomb.xlsx");
    writeFileSync(file, await zipBomb("xl/worksheets/sheet1.xml", 300));
    const r = cli([file]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(`budget-check: ${file}: inflates to more than 256 MB (at xl/worksheets/sheet1.xml); not read (a budget workbook is a few MB)`);
    const prev = cli(["fixtures/shenzhen-sast-2023/document.md", "--previous", file]);
    expect(prev.status).toBe(2);
    expect(prev.stderr).toMatch(/--previous: inflates to more than 256 MB/);
  });

  it("a damaged workbook is told in our words, not jszip's (no 'see https://…')", () => {
    const file = join(tmp, "damaged.xlsx");
    writeFileSync(file, Buffer.from("PK\u0003\u0004 not really a zip"));
    const r = cli([file]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(`budget-check: ${file}: not a readable .xlsx workbook (not a zip archive, or a damaged one); expected an Excel workbook with one worksheet per table`);
  });

  it("a 600 MB text file is refused by its size, naming it (was: an internal error that did not)", () => {
    mkdirSync(join(tmp, "big"));
    const file = join(tmp, "big", "document.md");
    copyFileSync(join(ROOT, "fixtures/shenzhen-sast-2023/document.md"), file);
    truncateSync(file, 600 * 1024 * 1024); // sparse: no disk used
    const r = cli([file]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(`budget-check: ${file}: the file is 600 MB; a text document or CSV file is at most 200 MB`);
  });
});
