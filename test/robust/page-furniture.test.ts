import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import type { Finding } from "../../src/engine/types.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { withoutRunningLines } from "../../src/loaders/layout/repeats.js";
import { layoutLines, PAGE_NUMBER } from "../../src/loaders/layout/tokens.js";
import type { BudgetDocument } from "../../src/model/document.js";
import { rules } from "../../src/rules/index.js";
import { ROOT } from "../helpers/cli.js";

/*
 * What a PDF prints on every page besides its content — a running head (the document's title) and a foot
 * with the page's number in words (第 3 页 共 30 页) — is no row of the table a page continues and no sentence
 * of a paragraph. Read, a running head became an item of every two-sided table it fell in and split the
 * paragraph it fell in: 万里街道's 2023 and 2024 texts lost 3 of their 4 real errors, 江苏's gained a false one.
 */
const FILES = [
  "shanghai/shanghai-putuo_wanli-subdistrict-office_2023_dept-budget.txt",
  "shanghai/shanghai-putuo_finance-bureau_2024_dept-final-accounts.txt",
  "other-provinces/guangzhou_science-and-technology-bureau_2026_dept-budget.txt",
  "other-provinces/jiangsu_provincial-procuratorate_2019_dept-budget.txt",
];

/** The text with each page ending in `foot(n)` and the next starting with `head`. */
function furnished(text: string, head: string | null, foot: ((n: number) => string) | null): string {
  let n = 0;
  return text.replace(/\f/g, () => `${foot ? `${" ".repeat(30)}${foot(++n)}\n` : ""}\f${head ? `${" ".repeat(20)}${head}\n` : ""}`);
}

const tables = (d: BudgetDocument) => d.tables.map((t) => `${t.id}:${t.rows.length}`);
/** What a finding says, without where (the pages' extra lines move every line). */
const said = (fs: Finding[]) => fs.map((f) => `${f.severity} ${f.ruleId} ${f.table ?? ""} ${f.item ?? ""} ${f.stated ?? ""} ${f.computed ?? ""}`).sort();
const check = (d: BudgetDocument) => runRules(d, rules, { tolerance: { kind: "auto" }, lang: "en" });

describe("page furniture: a running head and a numbered foot on every page", () => {
  for (const file of FILES)
    it(`${file.split("/")[1]}: the same tables and findings with them`, () => {
      const text = readFileSync(join(ROOT, "fixtures", file), "utf8");
      const plain = loadLayoutText(file, text);
      for (const [head, foot] of [
        ["某某局2026年部门预算公开", null],
        [null, (n: number) => `第 ${n} 页 共 99 页`],
        ["某某局2026年部门预算公开", (n: number) => `第${n}页/共99页`],
      ] as const) {
        const d = loadLayoutText(file, furnished(text, head, foot));
        expect(tables(d)).toEqual(tables(plain));
        expect(d.unknownTables?.map((u) => u.title)).toEqual(plain.unknownTables?.map((u) => u.title));
        expect(said(check(d))).toEqual(said(check(plain)));
      }
    }, 60_000);

  it("a page's number in words, however printed", () => {
    for (const t of ["3", "- 3 -", "第 3 页", "3/30", "3／30", "第 3 页 共 30 页", "第3页/共30页", "第3页，共30页", "共30页 第3页", "Page 3 of 30"]) expect(PAGE_NUMBER.test(t), t).toBe(true);
    for (const t of ["2026年部门预算", "合计 3", "301 工资福利支出"]) expect(PAGE_NUMBER.test(t), t).toBe(false);
  });

  it("fails: a line printed on a few pages only, a table's title, or a line of several cells is kept", () => {
    const page = (first: string, body: string) => `${first}\n${body}\n`;
    const lines = (text: string) => withoutRunningLines(layoutLines(text)).map((l) => l.text.trim()).filter(Boolean);
    // On 3 of 6 pages only (fewer than four): kept.
    const three = [0, 1, 2, 3, 4, 5].map((i) => page(i < 3 ? "某某局2026年部门预算公开" : `第${i}段`, `正文${i}`)).join("\f");
    expect(lines(three).filter((l) => l === "某某局2026年部门预算公开")).toHaveLength(3);
    // A table's title on each page of it, and its header of several cells: kept.
    const title = [0, 1, 2, 3, 4].map((i) => page("一般公共预算支出功能分类预算表", `行${i}    ${i}.00`)).join("\f");
    expect(lines(title).filter((l) => l === "一般公共预算支出功能分类预算表")).toHaveLength(5);
    const header = [0, 1, 2, 3, 4].map((i) => page("功能分类科目名称    合计    基本支出", `行${i}    ${i}.00`)).join("\f");
    expect(lines(header).filter((l) => l.startsWith("功能分类科目名称"))).toHaveLength(5);
    // On every page: left out.
    const every = [0, 1, 2, 3, 4].map((i) => page("某某局2026年部门预算公开", `正文${i}`)).join("\f");
    expect(lines(every)).toEqual(["正文0", "正文1", "正文2", "正文3", "正文4"]);
  });
});
