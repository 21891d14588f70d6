import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT, SEED } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

type Finding = { severity: string; ruleId: string; table: string | null; stated: string | null; computed: string | null };
type Table = { id: string; present: boolean; rows: number };

// The seed's 表10 and 表11 print a row of zeros per unit. A department with no 政府性基金 or 国有资本经营
// budget may print only the table's title and a note that it is empty: the table is printed, with no rows,
// not missing (a table-presence warning said the document lacked it).
const ZEROS = ["预算单位\t科目编码\t科目名称\t支出总计\t基本支出\t项目支出", "深圳市科学技术协会\t\t\t0\t0\t0", "深圳市科学技术协会(本级)\t\t\t0\t0\t0", "深圳市科技交流服务中心\t\t\t0\t0\t0", "深圳市科学馆\t\t\t0\t0\t0", "", "注：本表本年无发生额。"].join("\n");

describe("a table printed as its title and a note that it is empty", () => {
  const dir = tempDir("empty-table");
  const seedText = readFileSync(join(ROOT, SEED), "utf8");
  const seed = cliJson([SEED]).report.documents[0];
  const errors = (fs: Finding[]) => fs.filter((f) => f.severity !== "info").map((f) => `${f.severity} ${f.ruleId} ${f.table} ${f.stated} ${f.computed}`).sort();
  const run = (name: string, replacement: string) => {
    expect(seedText.split(ZEROS).length).toBe(3); // 表10 and 表11
    const copy = join(dir, name);
    writeFileSync(copy, seedText.replaceAll(ZEROS, replacement));
    return cliJson([copy]).report.documents[0];
  };

  it("is printed with no rows: no warning that the document lacks it, the seed's other findings", () => {
    const doc = run("note.md", "本部门2023年无此项预算支出，故本表为空表。");
    expect(doc.tables.filter((t: Table) => ["T10", "T11"].includes(t.id))).toEqual([expect.objectContaining({ id: "T10", present: true, rows: 0 }), expect.objectContaining({ id: "T11", present: true, rows: 0 })]);
    expect(errors(doc.findings)).toEqual(errors(seed.findings));
  });

  it("fails: a title with nothing under it (a table the conversion lost) is still a table the document lacks", () => {
    const doc = run("lost.md", "");
    const presence = (doc.findings as Finding[]).filter((f) => f.ruleId === "table-presence" && ["T10", "T11"].includes(f.table ?? ""));
    expect(presence.map((f) => [f.severity, f.table])).toEqual([["warning", "T10"], ["warning", "T11"]]);
  });
});
