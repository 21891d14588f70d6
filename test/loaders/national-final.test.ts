import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { rules } from "../../src/rules/index.js";
import { pad, padL } from "../helpers/layout.js";

/*
 * A 决算 whose tables carry the national titles (so Shanghai's 决算 template is chosen: its nine titles are the
 * national ones) but whose tables print their columns as other provinces do: the 三公 table with 预算数 over its
 * six items and then 决算数 over them, or its items down the page; 一般公共预算财政拨款支出决算表 with 年初预算数 and
 * 调整预算数 before 决算数's 合计 · 基本支出 · 项目支出. Read in Shanghai's column order, each put its figures in wrong
 * columns (a dozen false errors on a consistent table); now each is read by its header.
 *
 * The documents are the bundled Shanghai 决算 with one table replaced.
 */
const FIXTURE = readFileSync(new URL("../../fixtures/shanghai/shanghai-putuo_finance-bureau_2024_dept-final-accounts.txt", import.meta.url), "utf8");
const lines = FIXTURE.split("\n");
const at = (title: string, from = 100) => lines.findIndex((l, i) => i >= from && l.trim() === title);

/** The fixture with the table titled `title` (its lines up to the next table's title) replaced by `table`. */
function replaced(title: string, next: string, table: string[]): string {
  const start = at(title);
  const end = at(next, start + 1);
  expect(start).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  return [...lines.slice(0, start), ...table, ...lines.slice(end)].join("\n");
}

const SANGGONG = "财政拨款“三公”经费支出决算表";
const FUND = "政府性基金预算财政拨款收入支出决算表";
const cells = (xs: string[]) => xs.map((x) => padL(x, 10)).join("");

/** The national 三公 决算表: 预算数 over six columns, then 决算数 over six (the fixture's figures: 0.95 budgeted for reception). */
const acrossTable = (finalTotal = "0.00", budgetLabel = "预算数") => [
  `                             ${SANGGONG}`,
  "                                                                           单位：万元",
  `                                   ${pad(budgetLabel, 59)}决算数`,
  cells(["合计", "因公出国", "公务用车购置", "", "", "公务接待费", "合计", "因公出国", "公务用车购置", "", "", "公务接待费"]),
  cells(["", "（境）费", "及运行费", "", "", "", "", "（境）费", "及运行费", "", "", ""]),
  cells(["", "", "小计", "购置费", "运行费", "", "", "", "小计", "购置费", "运行费", ""]),
  cells(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"]),
  cells(["0.95", "0.00", "0.00", "0.00", "0.00", "0.95", finalTotal, "0.00", "0.00", "0.00", "0.00", "0.00"]),
  "",
];

/** The same table, its items down the page: 项目 | 预算数 | 决算数. */
const downTable = (receptionBudget = "0.95") => [
  `                             ${SANGGONG}`,
  "                                                                           单位：万元",
  `  ${pad("项    目", 34)}${padL("预算数", 14)}${padL("决算数", 14)}`,
  ...[
    ["合计", "0.95", "0.00"],
    ["1.因公出国（境）费", "0.00", "0.00"],
    ["2.公务用车购置及运行费", "0.00", "0.00"],
    ["  （1）公务用车购置费", "0.00", "0.00"],
    ["  （2）公务用车运行费", "0.00", "0.00"],
    ["3.公务接待费", receptionBudget, "0.00"],
  ].map(([name, budget, final]) => `  ${pad(name, 34)}${padL(budget, 14)}${padL(final, 14)}`),
  "",
];

const errors = (text: string) => runRules(loadLayoutText("决算.txt", text), rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error");
const sanggongOf = (text: string) => loadLayoutText("决算.txt", text).tables.find((t) => t.kind === "sanggong");
/** The fixture's own errors (its text's), which no replaced table changes. */
const fixtureErrors = () => errors(FIXTURE).map((f) => f.message);

describe("a national 决算 read with Shanghai's titles: the 三公 table", () => {
  it("is read by its header when it prints 预算数 over six items, then 决算数", () => {
    const text = replaced(SANGGONG, FUND, acrossTable());
    const d = loadLayoutText("决算.txt", text);
    expect(d.template).toBe("shanghai-final");
    const row = sanggongOf(text)!.rows[0];
    expect([row.cells["budget-total"]?.text, row.cells["budget-reception"]?.text, row.cells.total?.text, row.cells.reception?.text]).toEqual(["0.95", "0.95", "0.00", "0.00"]);
    expect(errors(text).map((f) => f.message)).toEqual(fixtureErrors());
  });

  it("its budget labelled 全年预算数 (the year's budget as adjusted) is read as the 预算数", () => {
    const text = replaced(SANGGONG, FUND, acrossTable("0.00", "全年预算数"));
    const row = sanggongOf(text)!.rows[0];
    expect([row.cells["budget-total"]?.text, row.cells.total?.text]).toEqual(["0.95", "0.00"]);
    expect(errors(text).map((f) => f.message)).toEqual(fixtureErrors());
  });

  it("fails: its 决算数 合计 retyped is an error of that table", () => {
    const fs = errors(replaced(SANGGONG, FUND, acrossTable("0.50")));
    expect(fs.some((f) => f.table === "T7" && f.ruleId === "row-total" && f.stated === "0.5")).toBe(true);
  });

  it("is read by its header when it prints its items down the page (项目 | 预算数 | 决算数)", () => {
    const text = replaced(SANGGONG, FUND, downTable());
    const t = sanggongOf(text)!;
    expect(t.rows).toHaveLength(1);
    const row = t.rows[0];
    expect([row.cells["budget-total"]?.text, row.cells["budget-reception"]?.text, row.cells.total?.text, row.cells["vehicle-operation"]?.text]).toEqual(["0.95", "0.95", "0.00", "0.00"]);
    expect(errors(text).map((f) => f.message)).toEqual(fixtureErrors());
  });

  it("fails: a 预算数 down the page that its 合计 does not hold is an error", () => {
    const fs = errors(replaced(SANGGONG, FUND, downTable("0.85"))).filter((f) => f.table === "T7" && f.ruleId !== "diagnosis");
    expect(fs.map((f) => [f.ruleId, f.column, f.stated, f.computed])).toEqual([["row-total", "预算数 “三公”经费合计", "0.95", "0.85"]]);
  });
});

describe("a national 决算's 三公 text: each budget printed before its 决算", () => {
  // The national wording (支出预算为 B 万元，支出决算为 X 万元) after the fixture's own 三公 paragraphs.
  const withText = (budget: string) => {
    const text = replaced(SANGGONG, FUND, acrossTable());
    const at = "  （二）“三公”经费财政拨款支出决算具体情况说明。";
    expect(text.includes(at)).toBe(true);
    return text.replace(at, `  “三公”经费中，公务接待费支出预算为${budget}万元，支出决算为0.00万元。\n\n${at}`);
  };
  const ofBudget = (text: string) => errors(text).filter((f) => f.ruleId === "text-vs-table" && f.item?.includes("预算"));

  it("passes: the text's budget is the table's 预算数", () => {
    expect(ofBudget(withText("0.95"))).toEqual([]);
  });

  it("fails: a budget the table does not print is an error at the text's figure", () => {
    expect(ofBudget(withText("0.85")).map((f) => [f.stated, f.computed])).toEqual([["0.85", "0.95"]]);
  });
});

const GENERAL = "一般公共预算财政拨款支出决算表";
const BASIC = "一般公共预算财政拨款基本支出决算表";

/**
 * 一般公共预算财政拨款支出决算表 with 年初预算数 and 调整预算数 before 决算数 (合计 · 基本支出 · 项目支出): the fixture's
 * 决算 figures, and budgets of their own that add up by code.
 */
const generalTable = (basicOfRunning = "1,503.52", percent = false) => {
  // (With a last column 决算数为调整预算数的%, its figures the 合计's of the 调整预算数: 99.84 on each row here, as printed.)
  const row = (code: string, name: string, xs: string[]) => `${pad(code, 10)}${pad(name, 30)}${xs.map((x) => padL(x, 12)).join("")}${percent ? padL("99.84", 12) : ""}`;
  return [
    `                  ${GENERAL}`,
    "                                                                                              单位：万元",
    `${pad("", 20)}${pad("项目", 20)}${padL("年初预算数", 12)}${padL("调整预算数", 12)}${padL("决算数", 24)}${percent ? padL("决算数为调整", 24) : ""}`,
    `${pad("科目编码", 10)}${pad("科目名称", 30)}${padL("", 24)}${padL("合计", 12)}${padL("基本支出", 12)}${padL("项目支出", 12)}${percent ? padL("预算数的%", 12) : ""}`,
    row("201", "一般公共服务支出", ["2,000.00", "2,110.00", "2,106.66", "1,503.52", "603.14"]),
    row("20106", "财政事务", ["2,000.00", "2,110.00", "2,106.66", "1,503.52", "603.14"]),
    row("2010601", "行政运行", ["1,500.00", "1,515.00", "1,511.89", basicOfRunning, "8.37"]),
    row("2010602", "一般行政管理事务", ["10.00", "10.00", "10.00", "", "10.00"]),
    row("2010607", "信息化建设", ["140.00", "135.00", "135.25", "", "135.25"]),
    row("2010608", "财政委托业务支出", ["350.00", "450.00", "449.52", "", "449.52"]),
    row("208", "社会保障和就业支出", ["330.00", "327.00", "326.72", "326.72", ""]),
    row("20805", "行政事业单位养老支出", ["330.00", "327.00", "326.72", "326.72", ""]),
    row("2080501", "行政单位离退休", ["85.00", "85.00", "84.65", "84.65", ""]),
    row("2080505", "机关事业单位基本养老保险缴费支出", ["163.00", "161.00", "160.75", "160.75", ""]),
    row("2080506", "机关事业单位职业年金缴费支出", ["81.00", "80.00", "80.38", "80.38", ""]),
    row("2080599", "其他行政事业单位养老支出", ["1.00", "1.00", "0.94", "0.94", ""]),
    row("210", "卫生健康支出", ["60.00", "61.00", "60.99", "60.99", ""]),
    row("21011", "行政事业单位医疗", ["60.00", "61.00", "60.99", "60.99", ""]),
    row("2101101", "行政单位医疗", ["60.00", "61.00", "60.99", "60.99", ""]),
    row("221", "住房保障支出", ["440.00", "446.00", "445.69", "445.69", ""]),
    row("22102", "住房改革支出", ["440.00", "446.00", "445.69", "445.69", ""]),
    row("2210201", "住房公积金", ["185.00", "187.00", "187.19", "187.19", ""]),
    row("2210203", "购房补贴", ["255.00", "259.00", "258.50", "258.50", ""]),
    row("", "合计", ["2,830.00", "2,944.00", "2,940.05", "2,336.91", "603.14"]),
    "",
  ];
};

describe("a national 决算 read with Shanghai's titles: 年初预算数 and 调整预算数 before the 决算数", () => {
  it("reads 合计 · 基本支出 · 项目支出 under 决算数, and the budgets as columns of their own", () => {
    const text = replaced(GENERAL, BASIC, generalTable());
    const t = loadLayoutText("决算.txt", text).tables.find((x) => x.kind === "general-function")!;
    expect(t.id).toBe("T5");
    const total = t.rows[t.rows.length - 1];
    expect([total.cells.total?.text, total.cells.basic?.text, total.cells.project?.text, total.cells["budget-initial"]?.text, total.cells["budget-revised"]?.text]).toEqual([
      "2,940.05",
      "2,336.91",
      "603.14",
      "2,830.00",
      "2,944.00",
    ]);
    expect(errors(text).filter((f) => f.table === "T5")).toEqual([]);
  });

  it("with a last column 决算数为调整预算数的% (no identity of its own): read alike, no error", () => {
    const text = replaced(GENERAL, BASIC, generalTable("1,503.52", true));
    const t = loadLayoutText("决算.txt", text).tables.find((x) => x.kind === "general-function")!;
    const total = t.rows[t.rows.length - 1];
    expect([total.cells.total?.text, total.cells.basic?.text, total.cells["execution-pct"]?.text]).toEqual(["2,940.05", "2,336.91", "99.84"]);
    expect(errors(text).filter((f) => f.table === "T5")).toEqual([]);
  });

  it("fails: a 基本支出 retyped is a row-total error of its row, not one of every row", () => {
    const fs = errors(replaced(GENERAL, BASIC, generalTable("1,603.52"))).filter((f) => f.table === "T5" && f.ruleId === "row-total");
    expect(fs.map((f) => f.code)).toEqual(["2010601"]);
  });
});

/**
 * The same table with each stage over its own split (浙江 probe, round 52): 年初预算数 | 调整预算数 | 决算数, each over 小计 ·
 * 基本支出 · 项目支出 (nine figures a row, printed on a landscape page). The budgets' 小计 are budget-initial and
 * budget-revised, their 基本支出 and 项目支出 columns of their own, each stage's 小计 their sum.
 */
const splitStagesTable = (initialBasicOfRunning = "1,490.00") => {
  const row = (code: string, name: string, xs: string[]) => `${pad(code, 10)}${pad(name, 30)}${xs.map((x) => padL(x, 12)).join("")}`;
  // [初 小计, 初 基本, 初 项目, 调 小计, 调 基本, 调 项目, 决 小计, 决 基本, 决 项目]
  const stages = (b: [string, string, string], a: [string, string, string], f: [string, string, string]) => [...b, ...a, ...f];
  return [
    `                  ${GENERAL}`,
    "                                                                                              单位：万元",
    // (Each stage's label centred over its three columns.)
    `${pad("", 20)}${pad("项目", 20)}${["年初预算数", "调整预算数", "决算数"].map((x) => pad(`${" ".repeat(15 - Math.floor(x.length / 2))}${x}`, 36)).join("")}`,
    `${pad("科目编码", 10)}${pad("科目名称", 30)}${[1, 2, 3].flatMap(() => ["小计", "基本支出", "项目支出"]).map((x) => padL(x, 12)).join("")}`,
    row("201", "一般公共服务支出", stages(["2,000.00", "1,490.00", "510.00"], ["2,110.00", "1,505.00", "605.00"], ["2,106.66", "1,503.52", "603.14"])),
    row("20106", "财政事务", stages(["2,000.00", "1,490.00", "510.00"], ["2,110.00", "1,505.00", "605.00"], ["2,106.66", "1,503.52", "603.14"])),
    row("2010601", "行政运行", stages(["1,500.00", initialBasicOfRunning, "10.00"], ["1,515.00", "1,505.00", "10.00"], ["1,511.89", "1,503.52", "8.37"])),
    row("2010602", "一般行政管理事务", stages(["10.00", "", "10.00"], ["10.00", "", "10.00"], ["10.00", "", "10.00"])),
    row("2010607", "信息化建设", stages(["140.00", "", "140.00"], ["135.00", "", "135.00"], ["135.25", "", "135.25"])),
    row("2010608", "财政委托业务支出", stages(["350.00", "", "350.00"], ["450.00", "", "450.00"], ["449.52", "", "449.52"])),
    row("208", "社会保障和就业支出", stages(["330.00", "330.00", ""], ["327.00", "327.00", ""], ["326.72", "326.72", ""])),
    row("20805", "行政事业单位养老支出", stages(["330.00", "330.00", ""], ["327.00", "327.00", ""], ["326.72", "326.72", ""])),
    row("2080501", "行政单位离退休", stages(["85.00", "85.00", ""], ["85.00", "85.00", ""], ["84.65", "84.65", ""])),
    row("2080505", "机关事业单位基本养老保险缴费支出", stages(["163.00", "163.00", ""], ["161.00", "161.00", ""], ["160.75", "160.75", ""])),
    row("2080506", "机关事业单位职业年金缴费支出", stages(["81.00", "81.00", ""], ["80.00", "80.00", ""], ["80.38", "80.38", ""])),
    row("2080599", "其他行政事业单位养老支出", stages(["1.00", "1.00", ""], ["1.00", "1.00", ""], ["0.94", "0.94", ""])),
    row("210", "卫生健康支出", stages(["60.00", "60.00", ""], ["61.00", "61.00", ""], ["60.99", "60.99", ""])),
    row("21011", "行政事业单位医疗", stages(["60.00", "60.00", ""], ["61.00", "61.00", ""], ["60.99", "60.99", ""])),
    row("2101101", "行政单位医疗", stages(["60.00", "60.00", ""], ["61.00", "61.00", ""], ["60.99", "60.99", ""])),
    row("221", "住房保障支出", stages(["440.00", "440.00", ""], ["446.00", "446.00", ""], ["445.69", "445.69", ""])),
    row("22102", "住房改革支出", stages(["440.00", "440.00", ""], ["446.00", "446.00", ""], ["445.69", "445.69", ""])),
    row("2210201", "住房公积金", stages(["185.00", "185.00", ""], ["187.00", "187.00", ""], ["187.19", "187.19", ""])),
    row("2210203", "购房补贴", stages(["255.00", "255.00", ""], ["259.00", "259.00", ""], ["258.50", "258.50", ""])),
    row("", "合计", stages(["2,830.00", "2,320.00", "510.00"], ["2,944.00", "2,339.00", "605.00"], ["2,940.05", "2,336.91", "603.14"])),
    "",
  ];
};

describe("a national 决算 read with Shanghai's titles: 年初预算数 | 调整预算数 | 决算数 each over 小计 · 基本支出 · 项目支出", () => {
  it("reads each stage's three columns: the budgets' 小计 as budget-initial / budget-revised, their splits as columns of their own", () => {
    const text = replaced(GENERAL, BASIC, splitStagesTable());
    const d = loadLayoutText("决算.txt", text);
    expect(d.unknownTables ?? []).toEqual([]);
    const t = d.tables.find((x) => x.kind === "general-function")!;
    expect(t.id).toBe("T5");
    const total = t.rows[t.rows.length - 1];
    const keys = ["budget-initial", "budget-initial-basic", "budget-initial-project", "budget-revised", "budget-revised-basic", "budget-revised-project", "total", "basic", "project"];
    expect(keys.map((k) => total.cells[k]?.text)).toEqual(["2,830.00", "2,320.00", "510.00", "2,944.00", "2,339.00", "605.00", "2,940.05", "2,336.91", "603.14"]);
    expect(errors(text).filter((f) => f.table === "T5")).toEqual([]);
  });

  it("fails: a budget's 基本支出 retyped is a row-total error of its row (小计 = 基本支出 + 项目支出 within the stage)", () => {
    const fs = errors(replaced(GENERAL, BASIC, splitStagesTable("1,940.00"))).filter((f) => f.table === "T5" && f.ruleId === "row-total");
    expect(fs.map((f) => f.code)).toEqual(["2010601"]);
  });
});

describe("a table number printed between a title and its 单位 line (财决05表, as 公开05表)", () => {
  // (And with a province's short name before it, 广东's 粤财决公开05表: it was read as a table's title.)
  it.each(["财决05表", "粤财决公开05表", "粤决05表"])("is no table of its own: the table under %s is read", (number) => {
    const start = at(GENERAL);
    const text = [...lines.slice(0, start + 1), `                                                                 ${number}`, ...lines.slice(start + 1)].join("\n");
    const d = loadLayoutText("决算.txt", text);
    expect(d.unknownTables ?? []).toEqual([]);
    expect(d.tables.find((t) => t.kind === "general-function")?.rows.length).toBeGreaterThan(10);
  });
});


describe("a 决算's 收支总表 whose header prints 金额, not 决算数", () => {
  const HEADER = "       项目           决算数              项目            决算数";
  const amountHeader = () => {
    expect(FIXTURE).toContain(HEADER);
    return FIXTURE.replace(HEADER, "       项目           金额                项目            金额  ");
  };

  it("names its amount column 决算数, as its title says what it is", () => {
    const t = loadLayoutText("决算.txt", amountHeader()).tables.find((x) => x.kind === "summary")!;
    expect(t.columns.find((c) => c.key === "amount")?.name).toBe("决算数");
  });

  it("fails: a retyped 总计 is an error whose message names the column 决算数, not 预算数", () => {
    const text = amountHeader().replace("八、其他收入                  6.20", "八、其他收入                  9.20");
    const found = errors(text).filter((f) => f.table === "T1" && f.column !== null);
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      expect(f.column).toBe("决算数");
      expect(f.message).not.toContain("预算数");
    }
  });
});
