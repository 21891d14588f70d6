import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import type { Finding } from "../../src/engine/types.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import type { BudgetDocument } from "../../src/model/document.js";
import { rules } from "../../src/rules/index.js";
import { generic } from "../../src/templates/generic.js";
import { templateByTitle } from "../../src/templates/index.js";
import { ROOT } from "../helpers/cli.js";

/*
 * A table's title with something after it that says nothing of its kind — its money unit, 续表 on a
 * continuation page, the year, 草案 — matched no kind: the table was neither read nor listed, and its rows
 * ran into the table before (the central department's document titled so kept 4 of its 9 tables).
 */
const FILE = "fixtures/other-provinces/central_national-public-complaints-and-proposals-admin_2026_dept-budget.txt";
const TITLES = /^(\s*)(部门收支总表|部门收入总表|部门支出总表|财政拨款收支总表|一般公共预算支出表|一般公共预算基本支出表)\s*$/gm;

const tables = (d: BudgetDocument) => d.tables.map((t) => `${t.id}:${t.rows.length}`);
const said = (fs: Finding[]) => fs.map((f) => `${f.severity} ${f.ruleId} ${f.table ?? ""} ${f.item ?? ""} ${f.stated ?? ""} ${f.computed ?? ""}`).sort();
const check = (d: BudgetDocument) => runRules(d, rules, { tolerance: { kind: "auto" }, lang: "en" });

describe("a title with a qualifier after it", () => {
  it("the qualifier is left off: 部门支出总表（续表） is 部门支出总表", () => {
    const kind = (title: string) => templateByTitle(generic, title)?.kind ?? null;
    expect(kind("部门支出总表（续表）")).toBe("expenditure");
    expect(kind("部门支出总表 续表")).toBe("expenditure");
    expect(kind("部门收支总表（2026年）")).toBe("summary");
    expect(kind("部门收支总表（单位：万元）（续表）")).toBe("summary");
    // A qualifier that names the kind stays: 按经济分类 is another table than 按功能分类.
    expect(kind("一般公共预算支出表（按经济分类）")).toBe("general-economic");
  });

  it("the central department's document with every title so qualified: the same tables and findings", () => {
    const text = readFileSync(join(ROOT, FILE), "utf8");
    const plain = loadLayoutText(FILE, text);
    for (const q of ["（单位：万元）", "（续表）", " 续表", "（2026年）", "（草案）", "（单位：万元）（续表）"]) {
      const d = loadLayoutText(FILE, text.replace(TITLES, `$1$2${q}`));
      expect(tables(d), q).toEqual(tables(plain));
      expect(said(check(d)), q).toEqual(said(check(plain)));
    }
  });
});
