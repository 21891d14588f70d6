import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { amountOf, table } from "../../src/model/document.js";
import { rules } from "../../src/rules/index.js";

/*
 * A 决算's 一般公共预算财政拨款支出决算表 printing its codes by segment under 类 | 款 | 项 (湖北's form): a long name
 * wrapped in its cell around the row's figures (the cell centred: name / segment and figures / rest of the name),
 * and the table running over a page whose rows go on under the 类 and 款 the page before ended in.
 */
const HEAD = [
  "         科目编码                                               本年支出",
  "  类       款      项             科目名称              小计          基本支出          项目支出",
  "栏次                                                       1             2                 3",
];
const page1 = (wrapped: string) => [
  "                        一般公共预算财政拨款支出决算表",
  "                                                                                    公开05表",
  "编制单位：某省某厅                                                              单位：万元",
  ...HEAD,
  "                              合计                   1,640.00         1,240.00           400.00",
  " 208                      社会保障和就业支出              640.00           640.00",
  "         05               行政事业单位养老支出            640.00           640.00",
  "                01        行政单位离退休                  300.00           300.00",
  "                          机关事业单位基本养老保险缴费",
  `                05                                     ${wrapped}           ${wrapped}`,
  "                          支出",
  "                06        机关事业单位职业年金缴费支出    140.00           140.00",
  " 213                      农林水支出                    1,000.00           600.00           400.00",
  "         03               水利                          1,000.00           600.00           400.00",
  "                01        行政运行                        600.00           600.00",
  "",
  "                                          1",
];
const page2 = (farm: string) => [
  "                      一般公共预算财政拨款支出决算表（续）",
  "                                                                                    公开05表",
  "编制单位：某省某厅                                                              单位：万元",
  ...HEAD,
  `                16        农村水利                        ${farm}                            ${farm}`,
  "                20        大中型水库移民后期扶持专项支出  150.00                             150.00",
  "注：本表反映部门本年度一般公共预算财政拨款实际支出情况。",
  "",
  "                                          2",
];
const doc = (wrapped = "200.00", farm = "250.00") => ["某省某厅2025年度部门决算", "", ...page1(wrapped), "\f" + page2(farm)[0], ...page2(farm).slice(1)].join("\n");
const load = (text: string) => loadLayoutText("final.txt", text);
const errors = (text: string) => runRules(load(text), rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity !== "info");

describe("codes by segment: a name wrapped around its figures, a table over two pages", () => {
  it("the wrapped row is its 项 (2080505) with its whole name, and the next page's 16 and 20 are 2130316 and 2130320", () => {
    const t = table(load(doc()), "general-function")!;
    const rows = t.rows.filter((r) => r.kind === "code");
    expect(rows.map((r) => r.code)).toEqual(["208", "20805", "2080501", "2080505", "2080506", "213", "21303", "2130301", "2130316", "2130320"]);
    const wrapped = rows.find((r) => r.code === "2080505")!;
    expect(wrapped.name).toBe("机关事业单位基本养老保险缴费支出");
    expect(amountOf(wrapped, "total")?.text).toBe("200.00");
    expect(amountOf(rows.find((r) => r.code === "2130316")!, "project")?.text).toBe("250.00");
    expect(errors(doc())).toEqual([]);
  });

  it("and their sums are checked: the wrapped 项 or the next page's 项 mistyped breaks 款 = Σ 项", () => {
    const sums = (text: string) => errors(text).filter((f) => f.ruleId === "hierarchy-sum").map((f) => (f as unknown as { code: string }).code);
    expect(sums(doc("210.00"))).toContain("20805");
    expect(sums(doc("200.00", "205.00"))).toContain("21303");
  });
});

/*
 * A 预算's 一般公共预算支出预算表 (河南's form as `pdftotext -layout` prints it): 科目编码 alone on the header's first line,
 * 科目名称 and the amount columns on the second, and 类 款 项 on the third, the reader running 类 and 款 together
 * (`类    款` with four spaces between is one token, 项 five spaces on is another). Its rows print their own segment only.
 */
const HENAN = (higher = "4,565.10") =>
  [
    "某省某厅2026年部门预算",
    "表5",
    "",
    "                    一般公共预算支出预算表",
    "部门名称：某省某厅                                                     单位：万元",
    "     科目编码",
    "                          科目名称            合计          基本支出        项目支出",
    " 类    款     项",
    "                   合计                      8,936.05    8,340.00      596.05",
    "205              教育支出                      5,161.15    4,565.10      596.05",
    "      03          职业教育                     5,161.15    4,565.10      596.05",
    `            05     高等职业教育                  5,161.15    ${higher}      596.05`,
    "208              社会保障和就业支出                 3,774.90    3,774.90",
    "      05          行政事业单位养老支出               3,774.90    3,774.90",
    "            01     行政单位离退休                  182.74      182.74",
    "            02     事业单位离退休                  202.36      202.36",
    "                   机关事业单位基本养老保险缴费",
    "            05                             2,248.55    2,248.55",
    "                   支出",
    "            06     机关事业单位职业年金缴费支出          1,141.26    1,141.26",
  ].join("\n");

describe("codes by segment under a header whose 类 and 款 the reader ran together (类款 · 项)", () => {
  it("each segment is completed by the column 款 or 项 stands over: 205 / 20503 / 2050305, the table read", () => {
    const d = load(HENAN());
    expect(d.unknownTables).toEqual([]);
    const rows = table(d, "general-function")!.rows.filter((r) => r.kind === "code");
    expect(rows.map((r) => r.code)).toEqual(["205", "20503", "2050305", "208", "20805", "2080501", "2080502", "2080505", "2080506"]);
    expect(amountOf(rows.find((r) => r.code === "2080505")!, "total")?.text).toBe("2,248.55");
    expect(errors(HENAN())).toEqual([]);
  });

  it("fails: a 项's swapped digits are an error at its line", () => {
    const found = errors(HENAN("4,556.10")).filter((f) => f.ruleId !== "diagnosis");
    expect(found.length).toBeGreaterThan(0);
    expect(new Set(found.map((f) => f.location.line))).toContain(12);
  });
});
