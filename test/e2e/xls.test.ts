import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, cliJson, ROOT, SEED } from "../helpers/cli.js";
import { asWorkbook } from "../helpers/cell-forms.js";
import { tempDir } from "../helpers/tmp.js";
import { changeSeed, editedSeed, SEED_XLSX } from "../helpers/workbook.js";
import { asXls, biff8, compoundFile } from "../helpers/xls.js";
import { expectReadAsWorkbook, refusalTests, tabTextOf } from "../helpers/read-alike.js";

/*
 * An Excel 97–2003 workbook (.xls, BIFF8): the form finance systems export budget tables in more than any other.
 * Until round 34 it was refused ("save it as .xlsx"). It is read as the .xlsx of the same cells is, every finding
 * at the same sheet and cell: LibreOffice's .xls of the seed's workbook, and the tests' own writer's .xls of the
 * seed's, a changed seed's and Shanghai's workbooks.
 */

const dir = tempDir("xls");
type Doc = Awaited<ReturnType<typeof expectReadAsWorkbook>>;

describe("an Excel 97–2003 workbook is read as the .xlsx of the same cells", () => {
  it("LibreOffice's .xls of the seed's workbook: the same findings at the same sheets and cells, no note", async () => {
    const xls = "fixtures/shenzhen-sast-2023/workbook.xls";
    expect(readFileSync(join(ROOT, xls)).subarray(0, 4).toString("hex")).toBe("d0cf11e0");
    await expectReadAsWorkbook(xls, SEED_XLSX);
    expect(cli([xls]).stderr).toBe("");
  });

  it("the tests' own .xls of the seed's workbook (RK, MULRK, NUMBER, LABEL, strings across CONTINUE records), as .xls and as WPS's .et", async () => {
    const bytes = await asXls(SEED_XLSX);
    for (const name of ["部门预算.xls", "部门预算.et"]) {
      const file = join(dir, name);
      writeFileSync(file, bytes);
      await expectReadAsWorkbook(file, SEED_XLSX);
    }
  });

  it("a changed figure, a hidden row holding amounts, a hidden column and a hidden sheet: found as in the .xlsx, at the same cells", { timeout: 60_000 }, async () => {
    const edited = await editedSeed(changeSeed);
    const xls = join(dir, "edited.xls");
    writeFileSync(xls, await asXls(edited));
    const got = await expectReadAsWorkbook(xls, edited);
    const clean = cliJson([SEED_XLSX]).report.documents[0] as Doc;
    expect(got.findings.filter((f) => f.severity === "error").length).toBeGreaterThan(clean.findings.filter((f) => f.severity === "error").length);
    expect(got.findings.some((f) => /hidden/i.test(f.message) && f.location.sheet === "表3")).toBe(true);
  });

  it("Shanghai's budget as a workbook, then as an .xls: read with Shanghai's template, as the .xlsx is", async () => {
    const xlsx = await asWorkbook(tabTextOf("fixtures/shanghai/shanghai-putuo_wanli-subdistrict-office_2023_dept-budget.txt"), dir, "shanghai.xlsx");
    const xls = join(dir, "shanghai.xls");
    writeFileSync(xls, await asXls(xlsx));
    expect((await expectReadAsWorkbook(xls, xlsx)).template).toBe("shanghai");
  });

  it("in a batch folder an .xls is checked beside the other documents", async () => {
    const batch = join(dir, "batch");
    mkdirSync(batch);
    copyFileSync(join(ROOT, "fixtures/shenzhen-sast-2023/workbook.xls"), join(batch, "a.xls"));
    copyFileSync(join(ROOT, SEED), join(batch, "b.md"));
    const r = cliJson([batch]);
    expect(r.report.documents.map((d: { path: string; format: string; failure: unknown }) => [d.path.slice(batch.length + 1), d.format, d.failure])).toEqual([
      ["a.xls", "xlsx", null],
      ["b.md", "markdown", null],
    ]);
  });
});

describe("an .xls that cannot be read: a one-line error saying what it is (in Chinese too), exit 2, the others checked", () => {
  const sheet = [{ name: "表1", rows: [{ r: 0, cells: [{ c: 0, v: "收支总表" }] }] }];
  const cases: [string, () => Buffer, string, string][] = [
    ["password.xls", () => compoundFile([{ name: "Workbook", data: biff8(sheet, { password: true }) }]), "a workbook saved with a password is not read; save it again without a password to have it checked", "设置了密码的工作簿不读取"],
    ["excel95.xls", () => compoundFile([{ name: "Book", data: biff8(sheet, { biff5: true }) }]), "an Excel 5.0/95 workbook (BIFF5) is not read; save it as an Excel workbook (.xlsx) to have it checked", "不读取 Excel 5.0/95 工作簿（BIFF5）"],
    ["word.xls", () => compoundFile([{ name: "WordDocument", data: Buffer.alloc(100) }]), "not an Excel workbook but a Word 97–2003 document under the name; save it as .docx or PDF to have it checked", "不是 Excel 工作簿，而是改名的 Word 97–2003 文档"],
    ["cut.xls", () => readFileSync(join(ROOT, "fixtures/shenzhen-sast-2023/workbook.xls")).subarray(0, 20_000), "not a readable Excel 97–2003 workbook (a sector lies past the end of the file); save it again from Excel, or as .xlsx, to have it checked", "不是可读取的 Excel 97–2003 工作簿"],
    ["encrypted.xlsx", () => compoundFile([{ name: "EncryptionInfo", data: Buffer.alloc(200) }, { name: "EncryptedPackage", data: Buffer.alloc(5000) }]), "a workbook saved with a password is not read; save it again without a password to have it checked", "设置了密码的工作簿不读取"],
  ];
  refusalTests(dir, cases);
});
