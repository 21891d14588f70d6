import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { InputError } from "../../src/loaders/errors.js";
import { assignColumns, placements } from "../../src/loaders/layout/columns.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { layoutLines, tokenise } from "../../src/loaders/layout/tokens.js";
import { amountOf, table } from "../../src/model/document.js";
import { rules } from "../../src/rules/index.js";
import { shanghai, shanghaiFinal } from "../../src/templates/shanghai.js";

/*
 * The layout-text loader on small documents made to show one quirk of pdftotext -layout output each (the
 * real documents are checked end to end in test/e2e/templates.test.ts).
 */

const HEAD = "上海市普陀区2025年区级部门预算\n\n  预算主管部门：上海市某局\n";

/** A Shanghai 支出预算总表 with the given data lines under its printed header. */
function expenditure(rows: string[], title = "2025年部门支出预算总表"): string {
  return [
    HEAD,
    `                               ${title}`,
    "编制部门：上海市某局                                                           单位：元",
    "",
    "                       项目                               支出预算",
    "",
    "功能分类科目编码",
    "                        功能分类科目名称         合计             基本支出            项目支出",
    "类     款    项",
    "",
    ...rows,
  ].join("\n");
}

// One table is too few to recognise a template by: these documents say which one they are printed with.
const load = (text: string) => loadLayoutText("doc.txt", text, { template: shanghai });
const check = (text: string) => runRules(load(text), rules, { tolerance: { kind: "auto" }, lang: "en" });

describe("tokens of a layout line", () => {
  it("splits cells on runs of two spaces, and adjacent amounts on one", () => {
    expect(tokenise("201   03   01   行政运行   12,029,501.84 11,919,501.84").map((t) => t.text)).toEqual(["201", "03", "01", "行政运行", "12,029,501.84", "11,919,501.84"]);
    expect(tokenise("一、财政拨款收入     91,016,775.35 一、一般公共服务支出").map((t) => t.text)).toEqual(["一、财政拨款收入", "91,016,775.35", "一、一般公共服务支出"]);
    // A figure without separators one space before the next item's list marker, and a dash printed for nil
    // beside a label, are cells of their own.
    expect(tokenise("一、财政拨款收入     189767551 一、一般公共服务支出").map((t) => t.text)).toEqual(["一、财政拨款收入", "189767551", "一、一般公共服务支出"]);
    expect(tokenise("1. 一般公共预算资金   12000 （二）教育支出").map((t) => t.text)).toEqual(["1. 一般公共预算资金", "12000", "（二）教育支出"]);
    expect(tokenise("六、上级补助收入   - 六、科学技术支出   159,343.28").map((t) => t.text)).toEqual(["六、上级补助收入", "-", "六、科学技术支出", "159,343.28"]);
    expect(tokenise("上级补助收入 —").map((t) => t.text)).toEqual(["上级补助收入", "—"]);
    // A year before its word and a list marker stay whole.
    expect(tokenise("  2022 年   1. 一般公共预算资金").map((t) => t.text)).toEqual(["2022 年", "1. 一般公共预算资金"]);
    expect(tokenise("2024 年 1 月").map((t) => t.text)).toEqual(["2024 年 1 月"]);
    expect(tokenise("a   bb").map((t) => [t.x0, t.x1])).toEqual([[0, 1], [4, 6]]);
  });

  it("counts pages by form feeds", () => {
    const lines = layoutLines("p1\n\fp2 a\np2 b\n\fp3\n");
    expect(lines.map((l) => [l.page, l.line, l.text])).toEqual([[1, 1, "p1"], [2, 2, "p2 a"], [2, 3, "p2 b"], [3, 4, "p3"], [3, 5, ""]]);
  });

  it("a form feed after a page's last words (no line end before it) starts the next page on that line", () => {
    const lines = layoutLines("p1 a\n注：本表反映。\f  表2\np2 b\fp3\n");
    expect(lines.map((l) => [l.page, l.line, l.text, l.columnOffset ?? 0])).toEqual([
      [1, 1, "p1 a", 0],
      [1, 2, "注：本表反映。", 0],
      [2, 2, "  表2", 8],
      [2, 3, "p2 b", 0],
      [3, 3, "p3", 5],
      [3, 4, "", 0],
    ]);
  });
});

describe("placing amounts in their columns", () => {
  it("keeps order and takes the nearest columns", () => {
    expect(assignColumns([0, 32], [0, 16, 32])).toEqual([0, 2]);
    expect(assignColumns([0, 16], [0, 16, 32])).toEqual([0, 1]);
    expect(placements(2, 3)).toEqual([[0, 1], [0, 2], [1, 2]]);
  });

  it("tries every placement of a few figures in a table of more than 16 columns, not of many (C(17, 8) = 24,310)", () => {
    expect(placements(4, 17).length).toBe(2380);
    expect(placements(16, 17).length).toBe(17);
    expect(placements(8, 17)).toEqual([]);
    // Up to 16 columns, every placement, as before.
    expect(placements(8, 16).length).toBe(12870);
  });

  it("a row with a blank 基本支出 puts its second amount under 项目支出 (by position)", () => {
    const doc = load(
      expenditure([
        "201   03   01   行政运行                    12,029,501.84   11,919,501.84      110,000.00",
        "201   03   02   一般行政管理事务                46,140,000.00                   46,140,000.00",
        "                        合计   58,169,501.84   11,919,501.84   46,250,000.00",
      ]),
    );
    const t = table(doc, "expenditure")!;
    const row = t.rows.find((r) => r.code === "2010302")!;
    expect(amountOf(row, "project")?.text).toBe("46,140,000.00");
    expect(amountOf(row, "basic")).toBeNull();
    expect(row.location).toMatchObject({ page: 1 });
  });

  describe("Shanghai's one-row 三公 table, its labels centred over two lines, a zero printed blank", () => {
    // The header as pdftotext lays out the PDF's (万里街道 2025): 公务接待费 is printed left of the 公务用车
    // group on the line of 合计, the figures centred under the labels, not flush right with them.
    const sanggong = (row: string) =>
      [
        HEAD,
        "                 2025年部门“三公”经费和机关运行经费预算表",
        "编制部门：上海市某局                                                          单位:万元",
        "                                 “三公”经费预算数",
        "",
        "                                                                                机关运行经费预算",
        "                                                  公务用车购置及运行费",
        "                                                                                    数",
        "   合计           因公出国(境)费       公务接待费",
        "                                          小计           购置费        运行费",
        "",
        row,
      ].join("\n");
    const read = (row: string) => {
      const t = table(load(sanggong(row)), "sanggong")!;
      const r = t.rows[0];
      return ["total", "abroad", "reception", "vehicle", "vehicle-purchase", "vehicle-operation", "running-cost"].map((k) => amountOf(r, k)?.text ?? "");
    };

    it("a blank 因公出国(境)费 leaves 1.35 under 公务接待费, where it is centred (both placements add up)", () => {
      // The right edge of 1.35 is nearer 因公出国(境)费's than 公务接待费's; its centre is under 公务接待费's.
      expect(read("        37.91                      1.35        36.56         15         21.56        464.64")).toEqual(["37.91", "", "1.35", "36.56", "15", "21.56", "464.64"]);
    });

    it("a blank 公务接待费 leaves 1.35 under 因公出国(境)费", () => {
      expect(read("        37.91           1.35                   36.56         15         21.56        464.64")).toEqual(["37.91", "1.35", "", "36.56", "15", "21.56", "464.64"]);
    });

    it("printed whole, the row is read by count; a blank 购置费 is placed by the row's identities", () => {
      expect(read("        37.91              0       1.35        36.56         15         21.56        464.64")).toEqual(["37.91", "0", "1.35", "36.56", "15", "21.56", "464.64"]);
      expect(read("        36.56              0       1.35        35.21                    21.56        464.64")).toEqual(["36.56", "0", "1.35", "35.21", "", "21.56", "464.64"]);
    });
  });

  describe("a 决算's 三公 table: each column's 预算数 and 决算数 as its last header line prints them", () => {
    // The header of Shanghai's 财政拨款“三公”经费支出决算表 as pdftotext lays it out (普陀区财政局 2024).
    const items = [
      "                                   财政拨款“三公”经费",
      "                                         公务用车购置及运行费",
      "         合计      因公出国（境）费",
      "                                  小计                   公务用车运行费        公务接待费",
      "                                          公务用车购置费",
      "",
    ];
    const final = (stages: string, row: string) =>
      ["上海市普陀区财政局2024年度部门决算\n", "                             财政拨款“三公”经费支出决算表", "                                                                           单位：万元", "", ...items, stages, "", row].join("\n");
    const KEYS = ["budget-total", "budget-abroad", "budget-vehicle", "budget-vehicle-purchase", "budget-vehicle-operation", "budget-reception", "total", "abroad", "vehicle", "vehicle-purchase", "vehicle-operation", "reception"];
    const read = (stages: string, row: string) => {
      const doc = loadLayoutText("final.txt", final(stages, row), { template: shanghaiFinal });
      const r = table(doc, "sanggong")!.rows[0];
      return Object.fromEntries(KEYS.map((k) => [k, amountOf(r, k)?.text ?? ""]));
    };
    // 预算 10 = 2 + 5 + 3, 5 = 3 + 2; 决算 8 = 1.5 + 4 + 2.5, 4 = 2.5 + 1.5.
    const expected = { "budget-total": "10.00", "budget-abroad": "2.00", "budget-vehicle": "5.00", "budget-vehicle-purchase": "3.00", "budget-vehicle-operation": "2.00", "budget-reception": "3.00", total: "8.00", abroad: "1.50", vehicle: "4.00", "vehicle-purchase": "2.50", "vehicle-operation": "1.50", reception: "2.50" };

    it("printed in pairs under each item (Shanghai), a whole row is read pair by pair", () => {
      const got = read(
        "预算数       决算数   预算数   决算数   预算数    决算数   预算数    决算数   预算数   决算数   预算数      决算数",
        "10.00     8.00  2.00  1.50  5.00   4.00  3.00   2.50  2.00  1.50  3.00     2.50",
      );
      expect(got).toEqual(expected);
    });

    it("printed 预算数 first, then 决算数, the same row is read the same", () => {
      const got = read(
        "预算数   预算数   预算数   预算数   预算数   预算数   决算数   决算数   决算数   决算数   决算数   决算数",
        "10.00     2.00     5.00     3.00     2.00     3.00     8.00     1.50     4.00     2.50     1.50     2.50",
      );
      expect(got).toEqual(expected);
    });

    it("and its identities hold: no finding on the 三公 table", () => {
      const doc = loadLayoutText(
        "final.txt",
        final("预算数       决算数   预算数   决算数   预算数    决算数   预算数    决算数   预算数   决算数   预算数      决算数", "10.00     8.00  2.00  1.50  5.00   4.00  3.00   2.50  2.00  1.50  3.00     2.50"),
        { template: shanghaiFinal },
      );
      const findings = runRules(doc, rules, { tolerance: { kind: "auto" }, lang: "en" });
      expect(findings.filter((f) => f.severity === "error")).toEqual([]);
      // …and a 决算数 off by one is found on that row (8 ≠ 1.5 + 4 + 3.5).
      const bad = loadLayoutText(
        "final.txt",
        final("预算数       决算数   预算数   决算数   预算数    决算数   预算数    决算数   预算数   决算数   预算数      决算数", "10.00     8.00  2.00  1.50  5.00   4.00  3.00   2.50  2.00  1.50  3.00     3.50"),
        { template: shanghaiFinal },
      );
      const errors = runRules(bad, rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error");
      expect(errors.length).toBeGreaterThan(0);
      const rowLine = final("", "").split("\n").length;
      expect(errors.map((f) => [f.ruleId, f.location.line])).toEqual([["row-total", rowLine]]);
      expect(errors[0].message).toContain("决算数合计");
    });
  });

  it("joins a code split over 类/款/项 columns, pads a 款 printed with one digit, splits a code glued to its name", () => {
    const doc = load(
      expenditure([
        "201   03   01   行政运行                    100.00   100.00",
        "301   2     津贴补贴                    50.00   50.00",
        "310资本性支出            20.00                     20.00",
      ]),
    );
    expect(table(doc, "expenditure")!.rows.filter((r) => r.kind === "code").map((r) => [r.code, r.name])).toEqual([
      ["2010301", "行政运行"],
      ["30102", "津贴补贴"],
      ["310", "资本性支出"],
    ]);
  });

  it("joins a name wrapped onto the next line, printed where names start", () => {
    const doc = load(
      expenditure([
        "208   05   05   机关事业单位基本养老保险缴费支    4,412,547   4,412,547",
        "                出",
        "208   05   06   机关事业单位职业年金缴费支出     2,206,272   2,206,272",
      ]),
    );
    expect(table(doc, "expenditure")!.rows.map((r) => r.name)).toEqual(["机关事业单位基本养老保险缴费支出", "机关事业单位职业年金缴费支出"]);
  });

  it("moves a 决算's figures printed a line above their code onto its row", () => {
    const doc = load(
      expenditure([
        "                                           1,503.52   603.14",
        "201             一般公共服务支出        2,106.66",
        "                                           1,503.52",
        "201   03   01   行政运行            1,511.89               8.37",
      ]),
    );
    const rows = table(doc, "expenditure")!.rows;
    expect(rows.map((r) => [r.code, amountOf(r, "total")?.text, amountOf(r, "basic")?.text, amountOf(r, "project")?.text])).toEqual([
      ["201", "2,106.66", "1,503.52", "603.14"],
      ["2010301", "1,511.89", "1,503.52", "8.37"],
    ]);
  });
});

describe("identities on a layout document", () => {
  it("a correct table holds; a wrong figure is an error at its page and line", () => {
    const good = ["201   03   01   行政运行        100.00   60.00   40.00", "                合计   100.00   60.00   40.00"];
    expect(check(expenditure(good)).filter((f) => f.severity === "error")).toEqual([]);
    const bad = ["\f201   03   01   行政运行        100.00   60.00   41.00", "                合计   100.00   60.00   40.00"];
    const errors = check(expenditure(bad)).filter((f) => f.severity === "error");
    expect(errors.map((f) => [f.ruleId, f.location.line, f.location.page])).toContainEqual(["row-total", 14, 2]);
  });

  it("a table printed twice is listed once as printed twice, its figures not counted twice", () => {
    const one = expenditure(["201   03   01   行政运行        100.00   60.00   40.00", "                合计   100.00   60.00   40.00"]);
    const again = one.slice(one.indexOf("                               2025年部门支出预算总表"));
    const doc = load(`${one}\n  其他相关情况说明\n  一、说明文字。\n${again}`);
    expect(table(doc, "expenditure")!.rows).toHaveLength(2);
    expect(doc.unknownTables?.map((u) => u.title)).toEqual(["2025年部门支出预算总表（重复列示 printed twice）"]);
  });

  it("a text with no table of a known kind is not a budget disclosure", () => {
    expect(() => load("一篇文章\n\n今天天气很好。\n")).toThrow(InputError);
    expect(() => load("一篇文章\n\n今天天气很好。\n")).toThrow(/not a budget disclosure/);
  });
});

describe("a cell a spreadsheet export draws on both sides of a page break", () => {
  // The last row of page 1 is in the text layer again at the top of page 2 (clipped on each page, seen once).
  const rows = [
    "201             一般公共服务支出              140.00   100.00   40.00",
    "201   03        政府办公厅（室）及相关机构事务   140.00   100.00   40.00",
    "201   03   01   行政运行                    100.00   100.00",
    "201   03   02   一般行政管理事务（含区域化党建等工作经费）   40.00            40.00",
    "\f201   03   02   一般行政管理事务（含区域化党建等工作经费）   40.00            40.00",
    "                        合计   140.00   100.00   40.00",
  ];

  it("is read once: the row counts once in every sum, and the sums hold", () => {
    const doc = load(expenditure(rows));
    const t = table(doc, "expenditure")!;
    expect(t.rows.filter((r) => r.code === "2010302")).toHaveLength(1);
    expect(runRules(doc, rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error")).toEqual([]);
  });

  it("but the same row printed twice on one page is two rows (and the sums say so)", () => {
    const doc = load(expenditure(rows.map((r) => r.replace("\f", ""))));
    expect(table(doc, "expenditure")!.rows.filter((r) => r.code === "2010302")).toHaveLength(2);
    expect(check(expenditure(rows.map((r) => r.replace("\f", "")))).some((f) => f.severity === "error")).toBe(true);
  });

  it("a paragraph of the text repeated across the page break is no duplicate; repeated elsewhere it is", () => {
    const para = ["  三、其他说明：本部门2025年度无政府性基金预算拨款安排的支出，本表为空表。", "  相关数据以区财政局最终批复为准。"];
    const text = (between: string) => [expenditure(rows.slice(0, 4)), "                        合计   140.00   100.00   40.00", "", "                     其他相关情况说明", ...para, between, ...para, "  四、完。"].join("\n");
    const dup = (t: string) => runRules(load(t), rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.ruleId === "duplicate-text");
    expect(dup(text("\f"))).toEqual([]);
    expect(dup(text("  另：其他事项以正式文件为准。"))).toHaveLength(2);
  });
});

describe("codes printed by segment (a 款 / 项 row printing only its own digits under the codes above)", () => {
  const rows = (project: string) => [
    "208             社会保障和就业支出            140.00   100.00   40.00",
    "      05        行政事业单位养老支出          140.00   100.00   40.00",
    "           01   行政单位离退休               100.00   100.00",
    `           02   事业单位离退休                ${project}            ${project}`,
    "                        合计   140.00   100.00   40.00",
  ];

  it("each segment is completed with the codes above it (208 05 01), by the column it stands in", () => {
    const t = table(load(expenditure(rows("40.00"))), "expenditure")!;
    expect(t.rows.map((r) => r.code)).toEqual(["208", "20805", "2080501", "2080502", null]);
    expect(amountOf(t.rows[2], "total")?.text).toBe("100.00");
    expect(check(expenditure(rows("40.00"))).filter((f) => f.severity === "error")).toEqual([]);
  });

  it("and its sums are checked: a 项 off by 3 breaks 款 = Σ 项 (20805's line)", () => {
    const errors = check(expenditure(rows("43.00"))).filter((f) => f.severity === "error" && f.ruleId === "hierarchy-sum");
    expect(errors.map((f) => (f as unknown as { code: string }).code)).toContain("20805");
    const line = expenditure(rows("43.00")).split("\n").findIndex((l) => l.includes("行政事业单位养老支出")) + 1;
    expect(errors.map((f) => f.location.line)).toContain(line);
  });
});

describe("a 决算's 政府性基金 table: 本年支出 = 年初结转和结余 + 本年收入 − 年末结转和结余", () => {
  const fund = (closing: string) =>
    [
      "上海市普陀区某局2024年度部门决算",
      "",
      "              政府性基金预算财政拨款收入支出决算表",
      "                                          单位：万元",
      "",
      "        项目                       本年支出",
      "    支出功能分类         年初结转和                   年末结转和",
      "                         本年收入",
      "     科目编码     科目名称  结余        小计 基本支出 项目支出  结余",
      "类    款    项",
      "212              城乡社区支出      10.00    50.00    45.00    5.00    40.00    15.00",
      "212   08         国有土地使用权出让收入安排的支出   10.00    50.00    45.00    5.00    40.00    15.00",
      `212   08   04    农业土地开发资金安排的支出   10.00    50.00    45.00    5.00    40.00    ${closing}`,
      "                 合计             10.00    50.00    45.00    5.00    40.00    15.00",
    ].join("\n");
  const run = (closing: string) => runRules(loadLayoutText("final.txt", fund(closing), { template: shanghaiFinal }), rules, { tolerance: { kind: "auto" }, lang: "en" });

  it("read with its six columns, the balance holds on every row", () => {
    const t = table(loadLayoutText("final.txt", fund("15.00"), { template: shanghaiFinal }), "gov-fund")!;
    expect(t.columns.map((c) => c.key)).toEqual(["code", "name", "opening", "income", "total", "basic", "project", "closing"]);
    expect(run("15.00").filter((f) => f.severity === "error")).toEqual([]);
  });

  it("a 年末结转和结余 off by one is an error on its row (10 + 50 − 16 = 44, not 45)", () => {
    const errors = run("16.00").filter((f) => f.severity === "error" && f.ruleId === "row-total");
    expect(errors.map((f) => [f.location.line, f.stated, f.computed])).toEqual([[13, "45", "44"]]);
  });
});

describe("a 类 code misprinted as one digit (`7` for 210)", () => {
  const rows = (code: string) => [
    "208             社会保障和就业支出            100.00   100.00",
    "208   05   01   行政单位离退休               100.00   100.00",
    `${code.padEnd(16)}卫生健康支出                40.00    40.00`,
    "210   11   01   行政单位医疗                 40.00    40.00",
    "                        合计   140.00   140.00",
  ];

  it("takes the 类 of the rows printed under it: 合计 = Σ 类 holds", () => {
    const doc = load(expenditure(rows("7")));
    const t = table(doc, "expenditure")!;
    expect(t.rows.map((r) => r.code)).toEqual(["208", "2080501", "210", "2101101", null]);
    expect(check(expenditure(rows("7"))).filter((f) => f.severity === "error")).toEqual([]);
  });

  it("a row in the 类 column whose rows under it print the 类 above stays as printed (no code is invented)", () => {
    const same = rows("7");
    same[3] = same[3].replace("210   11   01   行政单位医疗", "208   05   02   事业单位离退休");
    const t = table(load(expenditure(same)), "expenditure")!;
    expect(t.rows.map((r) => r.code)).not.toContain("210");
  });
});

describe("a 单位预算's 财务收支预算总表: its expenditure side split into 人员经费 | 公用经费 | 项目支出", () => {
  // Lines 1–3 the heading; the summary from line 4 (its figures on lines 14–20, 支出总计 on 20); the
  // 支出预算总表 after it (expenditure() above, without its heading).
  const unit = (project201: string, personnelTotal = "170.00") =>
    [
      "上海市普陀区2025年区级单位预算",
      "",
      "  预算单位：上海市某局",
      "                                 2025年预算单位财务收支预算总表",
      "编制单位：上海市某局                                                                              单位：元",
      "",
      "          本年收入                                               本年支出",
      "",
      "                                                                        预算数",
      "",
      "    项目             预算数               项目                                基本支出",
      "                                                  合计                                         项目支出",
      "                                                               人员经费           公用经费",
      "一、财政拨款收入         300.00 一、一般公共服务支出    250.00   120.00    30.00 " + project201,
      "",
      "1、一般公共预算资金       300.00 二、社会保障和就业支出    50.00    50.00",
      "",
      "二、事业收入",
      "",
      `   收入总计          300.00      支出总计     300.00   ${personnelTotal}    30.00 100.00`,
      expenditure(
        ["201             一般公共服务支出      250.00   150.00   100.00", "208             社会保障和就业支出     50.00    50.00", "                合计   300.00   200.00   100.00"],
        "2025年预算单位支出预算总表",
      ).slice(HEAD.length + 1),
    ].join("\n");
  const errors = (text: string) => runRules(load(text), rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error");

  it("reads each figure into its column (基本支出 heads 人员经费 and 公用经费: no column of its own), and everything adds up", () => {
    const t = table(load(unit("100.00")), "summary")!;
    expect(t.columns.map((c) => c.key)).toEqual(["income-label", "income-amount", "expenditure-label", "expenditure-amount", "personnel", "public", "project", "amount"]);
    const exp = t.rows.filter((r) => r.side === "expenditure");
    expect(exp.map((r) => [r.name, ...["amount", "personnel", "public", "project"].map((k) => amountOf(r, k)?.text ?? null)])).toEqual([
      ["一般公共服务支出", "250.00", "120.00", "30.00", "100.00"],
      ["社会保障和就业支出", "50.00", "50.00", null, null],
      ["支出总计", "300.00", "170.00", "30.00", "100.00"],
    ]);
    expect(errors(unit("100.00"))).toEqual([]);
  });

  it("fails: a 项目支出 mistyped breaks its row, its column's 支出总计 and 表3's 项目支出 for the code", () => {
    const found = errors(unit("190.00")).map((f) => [f.ruleId, f.location.line, f.stated, f.computed]);
    expect(found).toEqual(expect.arrayContaining([
      ["row-total", 14, "250", "340"],
      ["hierarchy-sum", 20, "100", "190"],
      ["items-vs-units", 14, "190", "100"],
    ]));
  });

  it("fails: a column's 支出总计 mistyped is an error in that column alone", () => {
    const found = errors(unit("100.00", "175.00")).map((f) => [f.ruleId, f.location.line, f.stated, f.computed]);
    expect(found).toEqual(expect.arrayContaining([
      ["row-total", 20, "300", "305"],
      ["hierarchy-sum", 20, "175", "170"],
    ]));
  });
});
