import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { headerLeaves, nameColumns } from "../../src/loaders/layout/header.js";
import { layoutDocument, loadLayoutText } from "../../src/loaders/layout/index.js";
import { layoutLines, tokensOf } from "../../src/loaders/layout/tokens.js";
import type { LayoutLine, LayoutToken } from "../../src/loaders/layout/types.js";
import { amountOf, table, type BudgetDocument, type TableKind } from "../../src/model/document.js";
import { rules } from "../../src/rules/index.js";
import { generic } from "../../src/templates/generic.js";
import { cellsAt } from "../helpers/layout.js";

/*
 * A group label printed at the left of its merged cell (山西's 部门决算, test/fixtures/final-by-kind): 决算数 over
 * 合计 · 基本支出 · 项目支出, printed over 合计 only or left of it, beside 年初预算数, a column of its own spanning both
 * header lines; 本年支出 the same over a fund's 合计 · 基本支出 · 项目支出. By its centre the label stands over none of
 * its columns: the header read so left 合计 (or 本年支出) unnamed and the table was not read.
 */

const at = cellsAt;
const specsOf = (kind: TableKind) => generic.tables.find((t) => t.kind === kind)!.columns;
const leavesOf = (lines: string[], options: Parameters<typeof headerLeaves>[1] = {}) => headerLeaves(layoutLines(lines.join("\n")).map(tokensOf), options);
const named = (kind: TableKind, lines: string[], options: Parameters<typeof headerLeaves>[1] = {}) => nameColumns(leavesOf(lines, options), specsOf(kind));
const leafText = (l: { text: string; groups: string[] }) => [...l.groups, l.text].join("/");

/** 公开05表's header as pdftotext prints it: 决算数 left in its cell, 年初预算数 on the first line. */
const FINAL_FUNCTION = [
  at([0, "项目"], [47, "年初预算数"], [56, "决算数"]),
  at([0, "科目编码"], [10, "科目名称"], [64, "合计"], [76, "基本支出"], [90, "项目支出"]),
];
/** 公开09表's: 本年支出 left in its cell, over 合计 · 基本支出 · 项目支出. */
const STATE_CAPITAL = [at([0, "项目"], [38, "本年支出"]), at([0, "科目编码"], [10, "科目名称"], [50, "合计"], [62, "基本支出"], [76, "项目支出"])];

describe("headerLeaves, a group label printed at the left of its merged cell", () => {
  it("决算数 over 合计 · 基本支出 · 项目支出, 年初预算数 a column of its own: every column named", () => {
    expect(leavesOf(FINAL_FUNCTION, { groups: "left-set" }).map(leafText)).toEqual(["项目科目编码", "科目名称", "年初预算数", "决算数/合计", "决算数/基本支出", "决算数/项目支出"]);
    const h = named("general-function", FINAL_FUNCTION, { groups: "left-set" });
    expect(h.unnamed).toEqual([]);
    expect(h.specs.map((s) => s.key)).toEqual(["budget-initial", "total", "basic", "project"]);
    // Read by centres alone (the first reading), 决算数 is a column and 合计 one too many.
    expect(named("general-function", FINAL_FUNCTION).unnamed).toEqual(["合计"]);
  });

  it("本年支出 over a fund's 合计 · 基本支出 · 项目支出", () => {
    expect(leavesOf(STATE_CAPITAL, { groups: "left-set" }).map(leafText)).toEqual(["项目科目编码", "科目名称", "本年支出/合计", "本年支出/基本支出", "本年支出/项目支出"]);
    const h = named("state-capital", STATE_CAPITAL, { groups: "left-set" });
    expect(h.unnamed).toEqual([]);
    expect(h.specs.map((s) => s.key)).toEqual(["total", "basic", "project"]);
    expect(named("state-capital", STATE_CAPITAL).unnamed).toEqual(["本年支出"]);
  });

  it("its columns end where the next label of its line starts (a column of its own after them)", () => {
    const lines = [
      at([0, "项目"], [30, "年初结转和结余"], [48, "本年支出"], [88, "年末结转和结余"]),
      at([0, "科目编码"], [10, "科目名称"], [56, "合计"], [66, "基本支出"], [78, "项目支出"]),
    ];
    expect(leavesOf(lines, { groups: "left-set" }).map(leafText)).toEqual(["项目科目编码", "科目名称", "年初结转和结余", "本年支出/合计", "本年支出/基本支出", "本年支出/项目支出", "年末结转和结余"]);
  });

  it("a label printed over its first column (its text across that label) is still the group of the run", () => {
    const lines = [at([0, "项目"], [40, "年初预算数"], [54, "决算数"]), at([0, "科目编码"], [10, "科目名称"], [56, "合计"], [68, "基本支出"], [82, "项目支出"])];
    expect(leavesOf(lines, { groups: "left-set" }).map(leafText)).toEqual(["项目科目编码", "科目名称", "年初预算数", "决算数/合计", "决算数/基本支出", "决算数/项目支出"]);
  });

  it("is no group where the run is unclear: one label after it, a label across the next one's start, two under it", () => {
    // One label to its right: a column of its own beside another.
    const one = [at([0, "项目"], [40, "年初预算数"], [54, "决算数"]), at([0, "科目编码"], [10, "科目名称"], [62, "合计"])];
    expect(leavesOf(one, { groups: "left-set" }).map(leafText)).toEqual(["项目科目编码", "科目名称", "年初预算数", "决算数", "合计"]);
    // A label of the line below across the start of the next label of its own line: whose it is, nothing says.
    const across = [
      at([0, "项目"], [40, "决算数"], [70, "年末结转和结余"]),
      at([0, "科目编码"], [10, "科目名称"], [44, "合计"], [54, "基本支出"], [66, "项目支出"]),
    ];
    expect(leavesOf(across, { groups: "left-set" }).map(leafText)).toEqual(leavesOf(across).map(leafText));
    // Centred over its labels (贵州's 决算数, as its probe prints it; by its centre over 基本支出 alone): read as before.
    const centred = [at([82, "决算数"]), at([19, "项目"], [51, "年初预算数"], [70, "合计"], [82, "基本支出"], [96, "项目支出"])];
    expect(leavesOf(centred, { groups: "left-set" })).toEqual(leavesOf(centred));
    expect(named("general-function", centred).specs.map((s) => s.key)).toEqual(["budget-initial", "total", "basic", "project"]);
  });
});

/*
 * The two tables in a small 决算, read by kind: each figure in its column (from the fixture's rows: 12.50 under 合计,
 * 基本支出 blank, 12.50 under 项目支出), and a misprinted figure found at its cell.
 */
const finalDoc = (basic = "624.91", project = "12.50") =>
  [
    "山西省某局2024年度部门决算",
    "",
    "                                            一般公共预算财政拨款支出决算表",
    "部门：山西省某局                                                                                                      金额单位：万元",
    ...FINAL_FUNCTION,
    at([0, "栏次"], [51, "1"], [65, "2"], [79, "3"], [93, "4"]),
    at([0, "合计"], [45, "1063.30"], [59, "1055.00"], [74, "624.91"], [88, "430.09"]),
    at([0, "201"], [10, "一般公共服务支出"], [45, "1063.30"], [59, "1055.00"], [74, "624.91"], [88, "430.09"]),
    at([0, "20126"], [10, "档案事务"], [45, "1063.30"], [59, "1055.00"], [74, "624.91"], [88, "430.09"]),
    at([0, "2012602"], [10, "一般行政管理事务"], [47, "95.00"], [61, "87.42"], [89, "87.42"]),
    at([0, "2012604"], [10, "档案馆"], [46, "948.30"], [60, "967.58"], [74, basic], [88, "342.67"]),
    at([0, "2012699"], [10, "其他档案事务支出"], [47, "20.00"], [62, "0.00"], [90, "0.00"]),
    "",
    "                                          国有资本经营预算财政拨款支出决算表",
    "部门：山西省某局                                                                                                      金额单位：万元",
    ...STATE_CAPITAL,
    at([0, "栏次"], [51, "1"], [65, "2"], [79, "3"]),
    at([0, "合计"], [47, "12.50"], [75, "12.50"]),
    at([0, "223"], [10, "国有资本经营预算支出"], [47, "12.50"], [75, "12.50"]),
    at([0, "22301"], [10, "解决历史遗留问题及改革成本支出"], [47, "12.50"], [75, "12.50"]),
    at([0, "2230199"], [10, "其他解决历史遗留问题及改革成本支出"], [47, "12.50"], [75, project]),
    "",
  ].join("\n");

const findings = (d: BudgetDocument) => runRules(d, rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error");
const figures = (d: BudgetDocument, kind: TableKind, key: string) =>
  table(d, kind)!
    .rows.map((r) => amountOf(r, key)?.text ?? "-")
    .join(" ");

describe("a 决算's tables whose group labels are printed at the left of their cells, read by kind", () => {
  it("both read, each figure in its column, no error", () => {
    const d = loadLayoutText("final.txt", finalDoc());
    expect(d.unknownTables).toEqual([]);
    expect(figures(d, "general-function", "budget-initial")).toBe("1063.30 1063.30 1063.30 95.00 948.30 20.00");
    expect(figures(d, "general-function", "total")).toBe("1055.00 1055.00 1055.00 87.42 967.58 0.00");
    expect(figures(d, "general-function", "basic")).toBe("624.91 624.91 624.91 - 624.91 -");
    expect(figures(d, "general-function", "project")).toBe("430.09 430.09 430.09 87.42 342.67 0.00");
    expect(figures(d, "state-capital", "total")).toBe("12.50 12.50 12.50 12.50");
    expect(figures(d, "state-capital", "basic")).toBe("- - - -");
    expect(figures(d, "state-capital", "project")).toBe("12.50 12.50 12.50 12.50");
    expect(findings(d).map((f) => f.message)).toEqual([]);
  });

  it("fails: a misprinted 基本支出 of 公开05表 is found at its cell; so is a 项目支出 of 公开09表", () => {
    const d = loadLayoutText("final.txt", finalDoc("642.91", "12.05"));
    const at = (ruleId: string) => findings(d).filter((f) => f.ruleId === ruleId).map((f) => `${f.message.split(":")[0]} @${f.location.line}`);
    expect(at("row-total")).toEqual(["T5 2012604 档案馆 [合计] @12", "T10 2230199 其他解决历史遗留问题及改革成本支出 [合计] @23"]);
    expect(at("hierarchy-sum")).toEqual(["T5 20126 档案事务 [基本支出] @10", "T10 22301 解决历史遗留问题及改革成本支出 [项目支出] @22"]);
  });
});

/*
 * The same header in a PDF (the PDF reader gives each piece its box, in points): 项目 · 年初预算数 · 决算数 set at the
 * left of their merged cells, 合计 · 基本支出 · 项目支出 centred in theirs, the figures right-aligned. In cells 70 points
 * wide 决算数 stands over 合计 by its centre (read so before); in cells 100 wide it stands left of it.
 */
describe("the same header in a PDF", () => {
  const piece = (x: number, text: string, y: number, align: "left" | "centre" | "right" = "left"): LayoutToken => {
    const width = (/^[\d.,-]+$/.test(text) ? 5 : 9) * [...text].length;
    const x0 = align === "right" ? x - width : align === "centre" ? x - width / 2 : x;
    return { text, x0, x1: x0 + width, box: { x: x0, y, width, height: 9 } };
  };
  // Cells: 科目编码 10–60 · 科目名称 60–200 · 年初预算数 200–270 · 决算数 from 270 (合计 · 基本支出 · 项目支出, `w` each).
  const lines = (w: number, basic: string): LayoutLine[] => {
    const row = (y: number, code: string, name: string, ...amounts: string[]): LayoutToken[] => [
      ...(code ? [piece(12, code, y)] : []),
      piece(62, name, y),
      ...amounts.flatMap((a, k) => (a ? [piece(268 + w * k, a, y, "right")] : [])),
    ];
    const toks: LayoutToken[][] = [
      [piece(200, "山西省某局2024年度部门决算", 800)],
      [piece(180, "一般公共预算财政拨款支出决算表", 770)],
      [piece(12, "部门：山西省某局", 750), piece(420, "金额单位：万元", 750)],
      [piece(12, "项目", 730), piece(204, "年初预算数", 730), piece(274, "决算数", 730)],
      [piece(12, "科目编码", 716), piece(62, "科目名称", 716), ...["合计", "基本支出", "项目支出"].map((t, k) => piece(270 + w * k + w / 2, t, 716, "centre"))],
      row(700, "", "合计", "1063.30", "1055.00", "624.91", "430.09"),
      row(686, "201", "一般公共服务支出", "1063.30", "1055.00", "624.91", "430.09"),
      row(672, "20126", "档案事务", "1063.30", "1055.00", "624.91", "430.09"),
      row(658, "2012602", "一般行政管理事务", "95.00", "87.42", "", "87.42"),
      row(644, "2012604", "档案馆", "948.30", "967.58", basic, "342.67"),
      row(630, "2012699", "其他档案事务支出", "20.00", "0.00", "", "0.00"),
    ];
    return toks.map((tokens, i) => ({ page: 1, line: i + 1, text: tokens.map((t) => t.text).join("    "), tokens }));
  };

  for (const w of [70, 100])
    it(`reads 决算数 over its three columns (cells ${w} wide), each figure in its column; a misprinted 基本支出 is found at its cell`, () => {
      const d = layoutDocument("p.pdf", lines(w, "624.91"), "pdf");
      expect(d.unknownTables).toEqual([]);
      expect(figures(d, "general-function", "budget-initial")).toBe("1063.30 1063.30 1063.30 95.00 948.30 20.00");
      expect(figures(d, "general-function", "total")).toBe("1055.00 1055.00 1055.00 87.42 967.58 0.00");
      expect(figures(d, "general-function", "basic")).toBe("624.91 624.91 624.91 - 624.91 -");
      expect(figures(d, "general-function", "project")).toBe("430.09 430.09 430.09 87.42 342.67 0.00");
      expect(findings(d).map((f) => f.message)).toEqual([]);
      const wrong = layoutDocument("p.pdf", lines(w, "642.91"), "pdf");
      expect(findings(wrong).map((f) => `${f.ruleId} ${f.message.split(":")[0]}`)).toEqual(["row-total T5 2012604 档案馆 [合计]", "hierarchy-sum T5 20126 档案事务 [基本支出]"]);
    });
});
