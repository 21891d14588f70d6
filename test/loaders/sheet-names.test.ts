import { describe, expect, it } from "vitest";
import { cellLines, chooseReading, numberedOtherwise } from "../../src/loaders/cell-forms.js";
import { InputError } from "../../src/loaders/errors.js";
import { recogniseTemplate } from "../../src/loaders/layout/index.js";
import { noteHeaderMismatches } from "../../src/loaders/markdown.js";
import type { BudgetDocument, TableKind } from "../../src/model/document.js";
import { shenzhen } from "../../src/templates/shenzhen.js";

/*
 * Worksheets (or CSV files) named as another layout numbers its tables — 表4 财政拨款收支预算总表, 表5 一般公共预算财政拨款
 * 支出预算表, 表7 三公, as 重庆's are — are not Shenzhen's, whatever kinds Shenzhen's reader finds in them (it read 重庆's
 * 表5 as its 项目支出总表: 10 false errors). The layout reader's numberedOtherwise, for the names.
 */
describe("worksheets or files named as another layout numbers its tables", () => {
  const CHONGQING = ["表1 收支预算总表", "表2 收入预算总表", "表3 支出预算总表", "表4 财政拨款收支预算总表", "表5 一般公共预算财政拨款支出预算表", "表6 一般公共预算财政拨款基本支出预算表", "表7 一般公共预算“三公”经费支出预算表", "表8 政府性基金预算支出表", "表9 国有资本经营预算支出表", "表10 部门整体支出绩效目标表"];

  it("are numbered otherwise than Shenzhen's: its titles under other numbers, other kinds under its numbers", () => {
    expect(numberedOtherwise(CHONGQING, shenzhen)).toBe(true);
    expect(numberedOtherwise(CHONGQING.map((n) => `${n}.csv`), shenzhen)).toBe(true);
  });

  it("fails: Shenzhen's own names, bare numbers, and two titles numbered otherwise beside three as its own", () => {
    const own = ["表1 收支总表", "表2 收入总表", "表3 支出总表", "表4 基本支出总表", "表5 项目支出总表", "表6 政府预算拨款收支总表", "表7 一般公共预算支出表（按功能分类）", "表9 一般公共预算“三公”经费支出表"];
    expect(numberedOtherwise(own, shenzhen)).toBe(false);
    expect(numberedOtherwise(["表1", "表2", "表3", "表4", "表5", "表6"], shenzhen)).toBe(false);
    expect(numberedOtherwise(["表1 收支总表", "表2 收入总表", "表3 支出总表", "表4 财政拨款收支总表", "表7 一般公共预算“三公”经费支出表"], shenzhen)).toBe(false);
  });
});

/*
 * The same tables named by their titles alone (收支预算总表 …, no 表N): the national titles are Shenzhen's too (8 of its 12),
 * so the layout reader recognises Shenzhen's template by them, and Shenzhen's reader, which cannot match five of their
 * headers, was kept (4 false errors). A reading that leaves two headers or more unmatched is set beside the reading
 * by kind, and the one that reads more kinds kept.
 */
describe("chooseReading: the national titles without numbers", () => {
  const TITLES = ["收支预算总表", "收入预算总表", "支出预算总表", "财政拨款收支预算总表", "一般公共预算财政拨款支出预算表", "一般公共预算财政拨款基本支出预算表", "一般公共预算“三公”经费支出预算表", "政府性基金预算支出表", "国有资本经营预算支出表", "部门整体支出绩效目标表"];
  const sources = TITLES.map((name) => ({ name, location: { file: "b.xlsx", sheet: name }, lines: [{ cells: [name], location: { file: "b.xlsx", sheet: name, cell: "A1" }, cellLocations: [{ file: "b.xlsx", sheet: name, cell: "A1" }] }] }));
  const doc = (kinds: TableKind[], mismatches: number): BudgetDocument => {
    const d = { path: "b.xlsx", format: "xlsx", template: "", stage: "budget", department: null, year: null, moneyUnit: null, contents: [], text: [], tables: kinds.map((kind, i) => ({ id: `T${i + 1}`, kind, rows: [] })) } as unknown as BudgetDocument;
    noteHeaderMismatches(d.tables, Array.from({ length: mismatches }, () => new InputError("the header cannot be matched", { file: "b.xlsx" })));
    return d;
  };
  const byShenzhen = ["income", "expenditure", "allocation-summary"] as TableKind[];
  const byKind = ["summary", "income", "expenditure", "allocation-summary", "general-function", "general-basic-economic", "sanggong", "gov-fund", "state-capital", "performance"] as TableKind[];

  it("are recognised as Shenzhen's titles (the reason a second reading is needed)", () => {
    expect(recogniseTemplate(cellLines(sources).lines).name).toBe("shenzhen");
  });

  it("Shenzhen's reading with five headers unmatched gives way to the reading by kind, which reads more kinds", () => {
    const kept = chooseReading(() => doc(byShenzhen, 5), () => cellLines(sources).lines, (_, tpl) => ({ ...doc(byKind, 0), template: tpl.name }), TITLES);
    expect(kept.template).toBe("generic");
    expect(kept.tables).toHaveLength(10);
  });

  it("fails: one header unmatched is listed, Shenzhen's reading kept; so it is where the reading by kind reads no more kinds", () => {
    expect(chooseReading(() => doc(byShenzhen, 1), () => cellLines(sources).lines, () => doc(byKind, 0), TITLES).tables).toHaveLength(3);
    expect(chooseReading(() => doc(byShenzhen, 5), () => cellLines(sources).lines, () => doc(byShenzhen, 0), TITLES).tables).toHaveLength(3);
  });
});
