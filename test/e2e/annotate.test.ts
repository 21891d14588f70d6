import { createHash } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, cliJson, ROOT, SEED } from "../helpers/cli.js";
import type { FindingLike } from "../helpers/findings.js";
import { readBook, SEED_XLSX } from "../helpers/workbook.js";
import { tempDir } from "../helpers/tmp.js";

const sha = (p: string) => createHash("sha256").update(readFileSync(join(ROOT, p))).digest("hex");
const tmp = () => tempDir("annotate");
// Excel's fills: light red for errors, light yellow for warnings, light blue for rounding notes.
const FILL = { error: "FFFFC7CE", warning: "FFFFEB9C", rounding: "FFDDEBF7" };

describe("--annotate <out.xlsx>", () => {
  it("writes a copy with a note and a fill on every finding's cell, and never touches the input", async () => {
    const before = sha(SEED_XLSX);
    const out = join(tmp(), "annotated.xlsx");
    const { status, report } = cliJson([SEED_XLSX, "--annotate", out, "--lang", "en"]);
    expect(status).toBe(1); // the seed's text: 6 wrong year-on-year percentages (yoy-change)
    expect(sha(SEED_XLSX)).toBe(before);
    const findings: FindingLike[] = report.documents[0].findings;
    expect(findings.length).toBeGreaterThan(60);
    const wb = await readBook(out);
    for (const f of findings) {
      const cell = wb.getWorksheet(f.location.sheet!)!.getCell(f.location.cell!);
      const note = typeof cell.note === "string" ? cell.note : (cell.note?.texts ?? []).map((t) => t.text).join("");
      expect(note, `${f.location.sheet}!${f.location.cell}`).toContain(f.ruleId);
      expect(note).toContain(f.message);
      if (f.stated !== null && f.computed !== null) expect(note).toContain(`stated ${f.stated}  computed ${f.computed}  difference ${f.difference}  tolerance ${f.tolerance}`);
    }
    const fill = (sheet: string, cell: string) => (wb.getWorksheet(sheet)!.getCell(cell).fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb;
    // 表8 301 (873 vs 872): a rounding note; 表7 2060704 named 学术交流活动的: a warning on its 科目名称 cell.
    expect(fill("表8", "D8")).toBe(FILL.rounding);
    expect(fill("表7", "C13")).toBe(FILL.warning);
    // A cell without a finding keeps no fill and no note: 表8 E9 (30101 基本支出 431).
    expect(fill("表8", "E9")).toBeUndefined();
    expect(wb.getWorksheet("表8")!.getCell("E9").note).toBeUndefined();
    // The copy is still the workbook: values kept.
    expect(wb.getWorksheet("表8")!.getCell("D9").value).toBe(431);
  });

  it("says where it wrote the copy, whose first sheet lists the findings, errors first, linked to their cells", async () => {
    const dir = tmp();
    try {
      const out = join(dir, "annotated.xlsx");
      const r = cli([SEED_XLSX, "--annotate", out, "--lang", "en", "--format", "json"]);
      expect(r.status).toBe(1);
      const findings: FindingLike[] = JSON.parse(r.stdout).documents[0].findings;
      expect(r.stderr.trim()).toMatch(new RegExp(`^budget-check: wrote the annotated copy to ${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\(\\d+ cells marked; its first sheet lists the findings\\)$`));
      const wb = await readBook(out);
      const list = wb.worksheets[0];
      expect(list.name).toBe("budget-check findings");
      expect(wb.worksheets[1].name).not.toBe("budget-check findings");
      expect(list.rowCount).toBe(findings.length + 1);
      expect(list.getRow(2).getCell(1).value).toBe("error");
      // A rounding note on 表8 D8 (301, 873 vs 872) links to its cell.
      const rows = Array.from({ length: list.rowCount - 1 }, (_, i) => list.getRow(i + 2));
      const d8 = rows.find((row) => (row.getCell(2).value as { text?: string } | null)?.text === "表8!D8");
      expect(d8).toBeDefined();
      expect((d8!.getCell(2).value as { hyperlink: string }).hyperlink).toBe("#'表8'!D8");
      expect(String(d8!.getCell(3).value)).toMatch(/^T8 · row .*301 工资福利支出/);
      // In Chinese, the sheet and the message are Chinese too.
      const zhOut = join(dir, "zh.xlsx");
      const zh = cli([SEED_XLSX, "--annotate", zhOut, "--lang", "zh"]);
      expect(zh.stderr.trim()).toMatch(/^budget-check: 已写出标注副本 .*zh\.xlsx（\d+ 个单元格标注，首个工作表为问题清单）$/);
      expect((await readBook(zhOut)).worksheets[0].name).toBe("核对问题清单");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("colours an error red", async () => {
    const out = join(tmp(), "annotated.xlsx");
    const { editedSeed } = await import("../helpers/workbook.js");
    const input = await editedSeed((wb) => {
      wb.getWorksheet("表8")!.getCell("D9").value = 531; // 30101 基本工资: 531 ≠ 431 + 0
    });
    const r = cli([input, "--annotate", out]);
    expect(r.status).toBe(1);
    const wb = await readBook(out);
    expect((wb.getWorksheet("表8")!.getCell("D9").fill as { fgColor: { argb: string } }).fgColor.argb).toBe(FILL.error);
  });

  it("refuses to write over the input workbook: exit 2, one line, input unchanged", () => {
    const before = sha(SEED_XLSX);
    const r = cli([SEED_XLSX, "--annotate", SEED_XLSX]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/--annotate .*workbook\.xlsx: that is the input workbook/);
    expect(r.stdout).toBe("");
    expect(sha(SEED_XLSX)).toBe(before);
    // The same file by another spelling of its path is refused too.
    expect(cli([SEED_XLSX, "--annotate", `./${SEED_XLSX}`]).status).toBe(2);
  });

  it("needs one .xlsx or .pdf input: a text document with --annotate is exit 2 with a clear line", () => {
    const r = cli([SEED, "--annotate", join(tmp(), "out.xlsx")]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(/^budget-check: --annotate .*out\.xlsx: needs exactly one \.xlsx workbook or \.pdf document as input, or a folder of an \.xlsx workbook and its 情况说明 \(got fixtures\/shenzhen-sast-2023\/document\.md\)$/);
  });
});
