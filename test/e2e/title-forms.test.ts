import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT, SEED } from "../helpers/cli.js";
import { readLikeSeed } from "../helpers/seed-variant.js";
import { tempDir } from "../helpers/tmp.js";

type Finding = { ruleId: string; severity: string; stated: string | null; computed: string | null };
type Table = { id: string; rows: number; title: string };
// Lines move where a title and its number share a line: findings are compared without them.
const said = (fs: Finding[]) => fs.map((f) => `${f.severity} ${f.ruleId} ${f.stated} ${f.computed}`).sort();
const dir = tempDir("title-forms");
const CN = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];

/**
 * The seed prints each table's number on a line of its own (表 1) above its title (## 收支总表). Other
 * converters, and other years' documents, write both on one line (表1：收支总表, 表一、收支总表, 附表1 收支总表)
 * or the number in Chinese (表一). Each form must give the seed's tables and findings: before, a title line
 * with its number was not a title, so every table ran into the one before (825 warnings, 9 errors).
 */
describe("table titles printed with their number", () => {
  const seedText = readFileSync(join(ROOT, SEED), "utf8");
  const seed = cliJson([SEED]);
  const seedDoc = seed.report.documents[0];
  const forms: [string, (n: number) => string][] = [
    ["表1：收支总表", (n) => `表${n}：`],
    ["表 1 收支总表 under ##", (n) => `## 表 ${n} `],
    ["表一、收支总表", (n) => `表${CN[n]}、`],
    ["附表1 收支总表", (n) => `附表${n} `],
    ["表一 on its own line", (n) => `表${CN[n]}\n\n## `],
  ];
  for (const [i, [name, form]] of forms.entries()) {
    it(`reads the seed with its titles as “${name}”: the same tables, rows and findings`, () => {
      const copy = join(dir, `form-${i}.md`);
      const text = seedText.replace(/表 (\d+)\n\n## /g, (_, n: string) => form(Number(n)));
      expect(text).not.toBe(seedText);
      const { doc } = readLikeSeed(copy, text);
      expect(doc.tables.map((t: Table) => t.title)).toEqual(seedDoc.tables.map((t: Table) => t.title));
      expect(said(doc.findings)).toEqual(said(seedDoc.findings));
    });
  }

  it("reads titles printed after the department and year, with no 表 N (## 深圳市科学技术协会2023年支出总表)", () => {
    const text = seedText.replace(/表 (\d+)\n\n## /g, "## 深圳市科学技术协会2023年");
    expect(text).toContain("## 深圳市科学技术协会2023年支出总表");
    const { doc } = readLikeSeed(join(dir, "department-year.md"), text);
    expect(doc.tables.find((t: Table) => t.id === "T3").title).toBe("深圳市科学技术协会2023年支出总表");
    expect(said(doc.findings)).toEqual(said(seedDoc.findings));
  });

  const renamed: [string, (n: number) => string, string][] = [
    ["表7：一般公共预算功能分类支出表", (n) => `表${n}：`, "表7："],
    ["表七 above ## 一般公共预算功能分类支出表", (n) => `表${CN[n]}\n\n## `, "表七\n\n## "],
  ];
  for (const [i, [name, form, t7]] of renamed.entries()) {
    it(`trusts the number where the title is not the template's: ${name} is 表7`, () => {
      const copy = join(dir, `renamed-${i}.md`);
      const text = seedText.replace(/表 (\d+)\n\n## /g, (_, n: string) => form(Number(n))).replaceAll(`${t7}一般公共预算支出表（按功能分类）`, `${t7}一般公共预算功能分类支出表`);
      expect(text).toContain("一般公共预算功能分类支出表");
      writeFileSync(copy, text);
      const doc = cliJson([copy]).report.documents[0];
      const t7Table = doc.tables.find((t: Table) => t.id === "T7");
      expect(t7Table.title).toBe("一般公共预算功能分类支出表");
      expect(t7Table.rows).toBe(seedDoc.tables.find((t: Table) => t.id === "T7").rows);
      expect(said(doc.findings)).toEqual(said(seedDoc.findings));
    });
  }
});
