import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, cliJson, SEED } from "../helpers/cli.js";
import { withoutLocation, type FindingLike } from "../helpers/findings.js";
import { editedSeed, SEED_XLSX, valuesOnly } from "../helpers/workbook.js";
import { tempDir } from "../helpers/tmp.js";

type F = FindingLike;
const find = (fs: F[], p: Partial<F>) => fs.filter((f) => Object.entries(p).every(([k, v]) => (f as unknown as Record<string, unknown>)[k] === v));

describe("the seed as a workbook (scripts/make-xlsx-fixture.mjs)", () => {
  const { status, report } = cliJson([SEED_XLSX]);
  const d = report.documents[0];
  const text = cliJson([SEED]).report.documents[0];

  it("gives the same findings as the text form, but for what its sum formulas print (a sum of rounded figures)", async () => {
    expect(status).toBe(1); // the seed's text: 6 wrong year-on-year percentages (yoy-change)
    expect(d.failure).toBeNull();
    expect(d).toMatchObject({ format: "xlsx", department: "深圳市科学技术协会", year: 2023, moneyUnit: "万元" });
    expect(d.findings.length).toBe(text.findings.length);
    expect(d.tables).toEqual(text.tables);
    // Its cells' values alone (each formula's result in its stead) read as the text does.
    const values = cliJson([await valuesOnly(SEED_XLSX)]).report.documents[0];
    expect(withoutLocation(values.findings)).toEqual(withoutLocation(text.findings));
    // The workbook's 表3 D8 =SUM(E8:F8) and D9 =E9+F9 add two whole 万元 each: each stands for ±1, not ±0.5, so the
    // two sums over T3's units that count them allow half a unit more (docs/cli.md, "Rounding semantics").
    const textSaid = new Set(withoutLocation(text.findings));
    const wider = d.findings.filter((f: F) => !textSaid.has(withoutLocation([f])[0]));
    expect(wider.map((f: F) => [f.ruleId, f.code, f.tolerance, f.withinRounding])).toEqual([
      ["items-vs-units", "206", "2.5", true],
      ["items-vs-units", "20607", "2", true],
    ]);
  });

  it("locates every finding by worksheet and A1 cell, never by line", () => {
    for (const f of d.findings as F[]) {
      expect(f.location.file).toBe(SEED_XLSX);
      expect(f.location.sheet).toBeTruthy();
      expect(f.location.cell).toMatch(/^[A-Z]+[0-9]+$/);
      expect(f.location.line ?? null).toBeNull();
      for (const r of f.related) expect(r.cell).toMatch(/^[A-Z]+[0-9]+$/);
    }
  });

  it("places 表8 301 工资福利支出 (873 vs 872) at 表8!D8 with its sub-codes D9…D17 (表8.csv rows 8–17)", () => {
    const [f] = find(d.findings, { ruleId: "hierarchy-sum", table: "T8", code: "301", column: "支出总计" });
    expect(f).toMatchObject({ stated: "873", computed: "872", tolerance: "5", location: { sheet: "表8", cell: "D8" } });
    expect(f.related.map((r) => r.cell)).toEqual(["D9", "D10", "D11", "D12", "D13", "D14", "D15", "D16", "D17"]);
  });

  it("reads amounts stored as text (表1 keeps `8,099` as text) at their cell", () => {
    const [f] = find(d.findings, { ruleId: "items-vs-units", table: "T1", code: "206" });
    expect(f).toMatchObject({ stated: "8099", computed: "8100", location: { sheet: "表1", cell: "D7" } });
  });

  it("locates the 目录 entries of the written-parts worksheet (table-presence) by row", () => {
    expect(find(d.findings, { ruleId: "table-presence" }).map((f) => f.location.cell)).toEqual(["A22", "A24", "A25"]);
  });

  it("raises no formula-cache finding: the fixture's SUM(E8:F8) and E9+F9 in 表3 cache their true sums", () => {
    expect(find(d.findings, { ruleId: "formula-cache" })).toEqual([]);
  });
});

describe("workbook cells", () => {
  it("prints a number as its format shows it: 431.6 under #,##0 is 432, so 表8 301 then adds up exactly", async () => {
    const path = await editedSeed((wb) => {
      const c = wb.getWorksheet("表8")!.getCell("D9");
      c.value = 431.6;
      c.numFmt = "#,##0";
    });
    const fs: F[] = cliJson([path]).report.documents[0].findings;
    // 873 = 432 + 170 + 81 + 52 + … : the rounding note of the seed (873 vs 872) is gone.
    expect(find(fs, { ruleId: "hierarchy-sum", table: "T8", code: "301", column: "支出总计" })).toEqual([]);
  });

  it("reports a stale cached value: 表3 D8 =SUM(E8:F8) cached as 4,966 while E8+F8 = 663 + 4,302 = 4,965", async () => {
    const path = await editedSeed((wb) => {
      const c = wb.getWorksheet("表3")!.getCell("D8");
      c.value = { formula: "SUM(E8:F8)", result: 4966 };
    });
    const { status, report } = cliJson([path]);
    const fs: F[] = report.documents[0].findings;
    const [f] = find(fs, { ruleId: "formula-cache" });
    expect(f).toMatchObject({ severity: "error", table: "T3", item: "=SUM(E8:F8)", stated: "4966", computed: "4965", difference: "1", tolerance: "0" });
    expect(f.location).toMatchObject({ sheet: "表3", cell: "D8" });
    expect(f.related.map((r) => r.cell)).toEqual(["E8", "F8"]);
    expect(status).toBe(1);
  });

  it("recomputes A1−B1 formulas and ignores float noise (0.1 + 0.2 cached as 0.30000000000000004)", async () => {
    const path = await editedSeed((wb) => {
      const ws = wb.addWorksheet("草稿");
      ws.getCell("A1").value = 0.1;
      ws.getCell("A2").value = 0.2;
      ws.getCell("A3").value = { formula: "A1+A2", result: 0.1 + 0.2 };
      ws.getCell("B1").value = 10;
      ws.getCell("B2").value = 3;
      ws.getCell("B3").value = { formula: "B1-B2", result: 8 };
    });
    const fs = find(cliJson([path]).report.documents[0].findings, { ruleId: "formula-cache" });
    expect(fs.map((f) => [f.location.cell, f.stated, f.computed])).toEqual([["B3", "8", "7"]]);
  });

  it("reads hidden rows, columns and worksheets not at all (not printed); a row or column holding amounts inside a table is a warning, the rest notes", async () => {
    const path = await editedSeed((wb) => {
      const t8 = wb.getWorksheet("表8")!;
      t8.getRow(9).hidden = true; // 30101 基本工资 431: among the table's rows
      t8.getRow(1).hidden = true; // the 表 8 marker: no amounts
      // A helper column of 元 right of the table (its header too), hidden: no column of the table.
      t8.getCell("G5").value = "辅助列（元）";
      t8.getCell("G6").value = 97240000;
      t8.getColumn("G").hidden = true;
      wb.getWorksheet("表3")!.getColumn("H").hidden = true; // 其中：面向中小企业: amounts between 小计 and 小微
      wb.getWorksheet("表12")!.state = "hidden";
    });
    const { report } = cliJson([path]);
    const doc = report.documents[0];
    const fs = find(doc.findings, { ruleId: "hidden-content" });
    expect(fs.map((f) => [f.location.sheet, f.location.cell, f.severity, f.table])).toEqual([
      ["表3", "H1", "warning", "T3"],
      ["表8", "A1", "info", "T8"],
      ["表8", "G1", "info", "T8"],
      ["表8", "A9", "warning", "T8"],
      ["表12", "A1", "info", "text"],
    ]);
    // The hidden worksheet (a working sheet, not published) is not read: 表12 is not among the tables printed.
    expect(doc.tables.find((t: { id: string }) => t.id === "T12")).toMatchObject({ present: false });
    expect(fs.at(-1)!.message).toMatch(/worksheet “表12” is hidden \(not published, not read\)$/);
    // 表8 is read without its hidden helper column and row: 301 工资福利支出 no longer adds up to the 项 that show
    // (873 against 872 − 431); 表3 without its 中小企业 column.
    expect(doc.tables.find((t: { id: string }) => t.id === "T8")).toMatchObject({ present: true });
    const [sum] = find(doc.findings, { ruleId: "hierarchy-sum", table: "T8", code: "301", column: "支出总计" });
    expect(sum).toMatchObject({ severity: "error", stated: "873", computed: "441" });
    expect(find(doc.findings, { ruleId: "hierarchy-sum", table: "T3" }).filter((f) => /中小企业/.test(f.column ?? ""))).toEqual([]);
  });

  it("rejects a file that is not a workbook in one line naming it, exit 2", () => {
    const dir = tempDir("xlsx-bad");
    const bad = join(dir, "budget.xlsx");
    writeFileSync(bad, "this is not a zip file\n");
    const r = cli([bad]);
    expect(r.status).toBe(2);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(bad);
    expect(lines[0]).toMatch(/not a readable \.xlsx workbook/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
