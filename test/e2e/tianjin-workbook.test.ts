import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

/*
 * A 天津 预算 workbook (test/fixtures/tianjin-workbook): a 目录 cover sheet of rows `表一 | 部门收支总表 | 1`, the written
 * parts in a 说明 sheet in 万元, the tables in 元. Round 49's probe found its wording of several statements unchecked:
 * the 收支总体情况's 收入包括 / 支出包括 before the 收支总预算, the 类 of the 一般公共预算当年拨款结构情况, a 三公 change after a
 * 其中 clause, and a missing 表八 the 目录 lists; and a 绩效 figure told it should be the sum of the 5 重点项目 表十 lists.
 */
const DIR = join(ROOT, "test", "fixtures", "tianjin-workbook");

interface Finding {
  ruleId: string;
  severity: string;
  message: string;
  item?: string;
  stated?: string;
  location?: { sheet?: string; cell?: string };
}
const at = (f: Finding) => `${f.location?.sheet}!${f.location?.cell}`;
const findings = (file: string): Finding[] => cliJson([file]).report.documents[0].findings;

describe("a 天津 预算 workbook", () => {
  it("consistent: no error and no warning, the text's new figures checked (within rounding)", { timeout: 60_000 }, () => {
    const fs = findings(join(DIR, "consistent.xlsx"));
    expect(fs.filter((f) => f.severity !== "info").map((f) => `${f.ruleId} ${at(f)} ${f.message}`)).toEqual([]);
  });

  it("its text seeds (S8–S11): each found, and the diagnosis blames the changed figure", { timeout: 60_000 }, () => {
    const fs = findings(join(DIR, "seeded-text.xlsx"));
    const errors = fs.filter((f) => f.severity === "error");
    const blamed = (cell: string) => errors.filter((f) => f.ruleId === "diagnosis" && at(f) === `说明!${cell}`).map((f) => f.message);
    // S8: 事业收入 315.00 in 收入包括 (表二 305.00).
    expect(errors.filter((f) => f.ruleId === "text-vs-table" && at(f) === "说明!A9").map((f) => [f.item, f.stated])).toEqual([["事业收入", "315"]]);
    expect(blamed("A9")[0]).toContain("printed 315.00, the figures around it say 305.00");
    // S9: 社会保障和就业支出 2,425.82 in the 结构情况 (表五 208: 2,415.82) — blamed on itself, not on 10,346.10.
    expect(errors.filter((f) => f.ruleId === "text-vs-table" && at(f) === "说明!A20").map((f) => [f.item, f.stated])).toEqual([["社会保障和就业支出", "2425.82"]]);
    expect(blamed("A20")).toHaveLength(1);
    expect(blamed("A20")[0]).toContain("printed 2,425.82, the figures around it say 2,415.82");
    expect(blamed("A20")[0]).not.toContain("equally small");
    // S10: 下降6.26% after the 其中 clause (1.20 ÷ 22.80 = 5.26%).
    expect(errors.filter((f) => f.ruleId === "yoy-change").map((f) => [at(f), f.item, f.stated])).toEqual([["说明!A35", "公务用车购置及运行费", "6.26"]]);
    // S11: 6,144.15 above the 项目支出 6,134.15; not told to be the 5 listed projects' 3,838.54.
    expect(blamed("A49")).toHaveLength(1);
    expect(blamed("A49")[0]).not.toContain("3,838.54");
  });

  it("the probe's seeds (S1–S7): each cell or text figure seeded is blamed", { timeout: 60_000 }, () => {
    const fs = findings(join(DIR, "seeded.xlsx"));
    const blamed = new Set(fs.filter((f) => f.severity === "error" && f.ruleId === "diagnosis").map(at));
    for (const cell of ["表五 一般公共预算支出表!E12", "表二 部门收入总表!E5", "表一 部门收支总表!D24", "说明!A30", "说明!A38"]) expect(blamed, cell).toContain(cell);
    // S4 (公务接待费 56,000.00, 合计 a formula) and S6 (基本支出 占60.18%): found, at the text that states them.
    expect(fs.some((f) => f.severity === "error" && f.ruleId === "text-vs-table" && f.item === "公务接待费")).toBe(true);
    expect(fs.some((f) => f.severity === "error" && f.ruleId === "text-sum" && at(f) === "说明!A13")).toBe(true);
  });

  const withoutTable8 = (fs: Finding[]) => ({
    presence: fs.filter((f) => f.ruleId === "table-presence").map((f) => [f.severity, at(f), f.message]),
    units: fs.filter((f) => f.ruleId === "items-vs-units" && f.severity !== "info").map((f) => f.message),
    unchecked: fs.filter((f) => f.ruleId === "items-vs-units" && /not checked/.test(f.message)).map((f) => [f.severity, at(f)]),
  });

  it("fails: 表八 missing, listed in the 目录 sheet as `表八 | 政府性基金预算支出表 | 8`: a warning; 表四's 207 (its 政府性基金 5,750,000.00) not checked, said once", { timeout: 60_000 }, () => {
    expect(withoutTable8(findings(join(DIR, "no-table-8.xlsx")))).toEqual({
      presence: [["warning", "目录!A12", "T9 政府性基金预算支出表: the contents list “政府性基金预算支出表” but the document has no such table"]],
      units: [],
      unchecked: [["info", "表四 财政拨款收支总表!D13"]],
    });
  });

  it("fails: the same with the 目录's entries in one cell each (`表八 政府性基金预算支出表`)", { timeout: 60_000 }, async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(DIR, "no-table-8.xlsx"));
    const ws = wb.getWorksheet("目录")!;
    ws.eachRow((row) => {
      const a = row.getCell(1);
      if (typeof a.value === "string" && /^表[一二三四五六七八九十]+$/.test(a.value)) {
        a.value = `${a.value} ${row.getCell(2).text}`;
        row.getCell(2).value = null;
        row.getCell(3).value = null;
      }
    });
    const file = join(tempDir("tianjin-toc"), "one-cell.xlsx");
    await wb.xlsx.writeFile(file);
    expect(withoutTable8(findings(file)).presence).toEqual([["warning", "目录!A12", "T9 政府性基金预算支出表: the contents list “政府性基金预算支出表” but the document has no such table"]]);
  });
});
