import { describe, expect, it } from "vitest";
import { setFingerprints } from "../../src/accepted.js";
import { runRules } from "../../src/engine/run.js";
import type { Finding, Lang, Rule } from "../../src/engine/types.js";
import { makeAmount, type Amount } from "../../src/model/amount.js";
import { tableById, tableName, tableNameEn, type BudgetDocument, type Table, type TableId, type TableKind } from "../../src/model/document.js";
import { textDoc } from "../helpers/text.js";

/*
 * A document read by kind has its tables under the kinds' numbers: 山东's 表8 政府性基金预算支出表 is `T9`, 安徽's
 * 部门公开表09 国有资本经营预算支出表 `T10`. A message names a table as the document prints it — zh `表8`,
 * `部门公开表09`; en `T9 (表8)`, `T10 (部门公开表09)`, as the place line does — both where the finding is (its
 * subject) and in what it is compared with (the rule's relation, a note's words). A table printed with its own
 * number (Shenzhen's 表3 = T3) keeps `表3` / `T3`. The fingerprint hashes the finding's subject, the table by its
 * id: the same whether the document prints other numbers or none.
 */
const a = (text: string, line: number): Amount => makeAmount(text, { file: "d.md", line })!;

function withTables(printed: Partial<Record<TableId, string>>): BudgetDocument {
  const doc = textDoc("## 第九部分 说明\n无。");
  const table = (id: TableId, kind: TableKind): Table =>
    ({ id, kind, title: kind, ...(printed[id] ? { printed: printed[id] } : {}), unit: "万元", department: null, columns: [], rows: [], location: { file: "d.md", line: 1 }, pages: 1 }) as Table;
  doc.tables = [table("T3", "expenditure"), table("T9", "gov-fund"), table("T10", "state-capital")];
  return doc;
}

const rule: Rule = {
  id: "test-names",
  defaultSeverity: "error",
  description: "",
  descriptionZh: "",
  check(doc, ctx) {
    const fund = tableById(doc, "T9")!;
    const capital = tableById(doc, "T10")!;
    ctx.equal({ table: "T9", item: "合计", column: "合计" }, a("10", 2), a("12", 3), { zh: `${tableName(capital)} 合计`, en: `${tableNameEn(capital)} total` });
    ctx.report({ subject: { table: "T3", item: "合计" }, location: { file: "d.md", line: 4 }, message: { zh: `见${tableName(fund)}`, en: `see ${tableNameEn(fund)}` } });
  },
};
const run = (doc: BudgetDocument, lang: Lang): Finding[] => runRules(doc, [rule], { tolerance: { kind: "auto" }, lang });
const BY_KIND = { T3: "表3", T9: "表8", T10: "部门公开表09" } as const;

describe("a message names a table as the document prints it", () => {
  it("zh: the printed number (表8, 部门公开表09), not the id's 表9 / 表10", () => {
    const [sum, note] = run(withTables(BY_KIND), "zh");
    expect(sum.message).toBe("表8 合计「合计」：列示 10，部门公开表09 合计 12，相差 -2（容差 1），超出尾数误差");
    expect(note.message).toBe("表3 合计：见表8");
  });

  it("en: the id with the printed number, as the place line names it (T9 (表8)); T3 where 表3 is printed", () => {
    const [sum, note] = run(withTables(BY_KIND), "en");
    expect(sum.message).toBe("T9 (表8) 合计 [合计]: printed 10, T10 (部门公开表09) total 12, difference -2 (tolerance 1), beyond rounding");
    expect(note.message).toBe("T3 合计: see T9 (表8)");
  });

  it("a table printed with no number, or with its id's, is named by its id (表9 / T9): Shenzhen's messages as they were", () => {
    for (const printed of [{}, { T3: "表3", T9: "表9", T10: "表10" }]) {
      const doc = withTables(printed);
      expect(run(doc, "zh").map((f) => f.message)).toEqual(["表9 合计「合计」：列示 10，表10 合计 12，相差 -2（容差 1），超出尾数误差", "表3 合计：见表9"]);
      expect(run(doc, "en").map((f) => f.message)).toEqual(["T9 合计 [合计]: printed 10, T10 total 12, difference -2 (tolerance 1), beyond rounding", "T3 合计: see T9"]);
    }
  });

  it("keeps the findings' fingerprints: the table by its id, whatever number is printed with it", () => {
    const fingerprints = (doc: BudgetDocument, lang: Lang) => {
      const fs = run(doc, lang);
      setFingerprints(fs);
      return fs.map((f) => [f.table, f.fingerprint]);
    };
    const plain = fingerprints(withTables({}), "en");
    expect(plain.map(([t]) => t)).toEqual(["T9", "T3"]);
    for (const lang of ["en", "zh"] as const) expect(fingerprints(withTables(BY_KIND), lang)).toEqual(plain);
  });
});
