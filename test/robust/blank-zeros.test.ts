import { readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

/*
 * The same document with its zeros left blank. One department prints 0.00 in every empty cell, the next
 * leaves the cell blank (the Shanghai 区政府办公室's 公务用车 cells, 广州's other departments perhaps): the
 * figures then stand fewer than the columns, and the reader must place them by position and arithmetic. Each
 * text below has every 0 / 0.00 of its table lines (three figures or more) replaced by spaces, and must give
 * the same findings and read the same tables (but for a table whose only line was a line of zeros, which is
 * then empty).
 *
 * Found this way (round 23): 广州's 项目支出及其他支出预算表 with no line printing every column kept its
 * 绩效目标's words in its projects' names, took them for units, and gave 12 false errors; its 三公 table (items
 * as rows, funds as columns) was listed as columns uncertain.
 */

const AMOUNT = /(?<=\s)(-?\d{1,3}(,\d{3})+(\.\d+)?|-?\d+(\.\d+)?)(?=\s|$)/g;

/** The text with the zeros of its table lines (three amounts or more) left blank. */
export function blankZeros(text: string): string {
  return text
    .split("\n")
    .map((line) => {
      const padded = ` ${line}`;
      if ((padded.match(AMOUNT) ?? []).length < 3) return line;
      return padded.replace(AMOUNT, (m) => (/^0(\.0+)?$/.test(m) ? " ".repeat(m.length) : m)).slice(1);
    })
    .join("\n");
}

type Doc = { tables: { id: string; present: boolean; rows: number }[]; unknownTables: { title: string }[]; findings: { severity: string; ruleId: string; stated: string | null; computed: string | null }[] };
const shape = (d: Doc) => ({
  tables: d.tables.filter((t) => t.present && t.rows > 1).map((t) => `${t.id} ${t.rows}`),
  unknown: d.unknownTables.map((u) => u.title),
  findings: d.findings.map((f) => `${f.severity} ${f.ruleId} ${f.stated} ${f.computed}`).sort(),
});

const files = [
  "fixtures/other-provinces/guangzhou_science-and-technology-bureau_2026_dept-budget.txt",
  "fixtures/other-provinces/central_national-public-complaints-and-proposals-admin_2026_dept-budget.txt",
  "fixtures/other-provinces/hangzhou_meteorological-bureau_2026_dept-budget.txt",
  "fixtures/shanghai/shanghai-putuo_wanli-subdistrict-office_2024_dept-budget.txt",
  "fixtures/shanghai/shanghai-putuo_wanli-subdistrict-office_2025_dept-budget.txt",
];

describe("a document with its zeros left blank: the same tables and findings", () => {
  const dir = tempDir("blank-zeros");
  const copies = files.map((f) => {
    const copy = join(dir, `blank-${basename(f)}`);
    writeFileSync(copy, blankZeros(readFileSync(join(ROOT, f), "utf8")));
    return copy;
  });
  let before: Doc[] = [];
  let after: Doc[] = [];

  it("blanks the zeros of table lines only", () => {
    expect(blankZeros("合计  10.00  0.00  10.00  0\n比上年增长0.00%，持平 0")).toBe("合计  10.00        10.00   \n比上年增长0.00%，持平 0");
    // Each copy has zeros blanked (广州's 0.00 cells by the hundred).
    expect(readFileSync(copies[0], "utf8").match(/ 0\.00 /g)?.length ?? 0).toBeLessThan((readFileSync(join(ROOT, files[0]), "utf8").match(/ 0\.00 /g) ?? []).length / 4);
  });

  for (const [i, file] of files.entries())
    it(basename(file), () => {
      if (!before.length) before = cliJson(files.map((f) => join(ROOT, f))).report.documents;
      if (!after.length) after = cliJson(copies).report.documents;
      expect(shape(after[i])).toEqual(shape(before[i]));
    });
});
