import { describe, expect, it } from "vitest";
import { headerLeaves, nameColumns } from "../../src/loaders/layout/header.js";
import { layoutDocument } from "../../src/loaders/layout/index.js";
import { tabFormLines } from "../../src/loaders/layout/tab-form.js";
import { tokensOf } from "../../src/loaders/layout/tokens.js";
import { generic } from "../../src/templates/generic.js";

/*
 * Headers of merged cells as a worksheet (or a tab-separated text) prints them, read on the grid of cells
 * (tab-form.ts, the same path a workbook's sheets take through cell-forms.ts):
 *  - three levels: 本年收入 merged over 小计 · 财政拨款收入 · 财政专户管理资金 · …, 财政拨款收入 itself merged over
 *    一般公共预算 · 政府性基金预算 · 国有资本经营预算. The cells under 财政拨款收入 beside its first are empty on the line
 *    right below 本年收入; 本年收入 stopped there, and the labels after it were taken by 上年结转结余 beside it (新疆's
 *    部门收入总表, not read: header not understood);
 *  - last year's budget beside this year's, each over the same items (上年预算数 | 本年预算数 over 合计 · 因公出国（境）费 ·
 *    公务用车购置及运行费 (小计 · 购置费 · 运行费) · 公务接待费, 新疆's 三公 table): this year's are the table's, last year's
 *    its row of last year's figures.
 */
const tpl = (kind: string) => generic.tables.find((t) => t.kind === kind)!;
const header = (rows: string[][]) => {
  const lines = tabFormLines(rows.map((r) => r.join("\t")).join("\n"));
  return headerLeaves(lines.map((l) => tokensOf(l)));
};
const named = (rows: string[][], kind: string, readsLastYear = false) => {
  const cols = nameColumns(header(rows), tpl(kind).columns, readsLastYear);
  return { keys: cols.specs.map((s) => (s.lastYear ? `last:${s.key}` : s.key)), unnamed: cols.unnamed };
};

const INCOME = [
  ["单位编码", "单位名称", "合计", "本年收入", "", "", "", "", "", "", "", "", "", "上年结转结余"],
  ["", "", "", "小计", "财政拨款收入", "", "", "财政专户管理资金", "事业收入", "事业单位经营收入", "上级补助收入", "附属单位上缴收入", "其他收入", ""],
  ["", "", "", "", "一般公共预算", "政府性基金预算", "国有资本经营预算", "", "", "", "", "", "", ""],
];

describe("a header of three levels of merged cells", () => {
  it("spans a label over the cells labelled two lines below it, empty on the line right below", () => {
    const leaves = header(INCOME);
    expect(leaves.map((l) => [l.text, l.groups.join("/")])).toEqual([
      ["单位编码", ""],
      ["单位名称", ""],
      ["合计", ""],
      ["小计", "本年收入"],
      ["一般公共预算", "本年收入/财政拨款收入"],
      ["政府性基金预算", "本年收入/财政拨款收入"],
      ["国有资本经营预算", "本年收入/财政拨款收入"],
      ["财政专户管理资金", "本年收入"],
      ["事业收入", "本年收入"],
      ["事业单位经营收入", "本年收入"],
      ["上级补助收入", "本年收入"],
      ["附属单位上缴收入", "本年收入"],
      ["其他收入", "本年收入"],
      ["上年结转结余", ""],
    ]);
    expect(named(INCOME, "income").unnamed).toEqual([]);
    expect(named(INCOME, "income").keys).toHaveLength(12);
  });

  it("fails: a label beside it merged down its own column is no group of the labels under the spanning one", () => {
    const leaves = header(INCOME);
    expect(leaves.find((l) => l.text === "其他收入")!.groups).not.toContain("上年结转结余");
    expect(leaves.find((l) => l.text === "上年结转结余")).toBeDefined();
  });

  it("a label whose empty neighbours have nothing below them stays in its column", () => {
    const leaves = header([
      ["项目", "合计", "", "备用"],
      ["", "", "", ""],
    ]);
    expect(leaves.map((l) => l.text)).toEqual(["项目", "合计", "备用"]);
  });
});

const ITEMS = ["合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费"];
const PARTS = ["", "", "小计", "公务用车购置费", "公务用车运行费", ""];
const SANGGONG = (last: string, current: string) => [
  [last, "", "", "", "", "", current, "", "", "", "", ""],
  [...ITEMS, ...ITEMS],
  [...PARTS, ...PARTS],
];
const KEYS = ["total", "abroad", "vehicle", "vehicle-purchase", "vehicle-operation", "reception"];

describe("a 三公 table of last year's budget beside this year's, each over the same items", () => {
  it("names last year's columns for last year's row and this year's for the table's", () => {
    for (const [last, current] of [
      ["上年预算数", "本年预算数"],
      ["2024年预算数", "2025年预算数"],
    ])
      expect(named(SANGGONG(last, current), "sanggong", true)).toEqual({ keys: [...KEYS.map((k) => `last:${k}`), ...KEYS], unnamed: [] });
  });

  it("fails: a kind without a row of last year's figures does not read last year's columns", () => {
    expect(named(SANGGONG("上年预算数", "本年预算数"), "sanggong").unnamed).toHaveLength(6);
  });

  it("fails: the same year twice is not last year's beside this year's", () => {
    expect(named(SANGGONG("本年预算数", "本年预算数"), "sanggong", true).keys.some((k) => k.startsWith("last:"))).toBe(false);
  });

  it("reads one line of figures as last year's row and this year's", () => {
    const text = [
      "## 新疆维吾尔自治区某厅2025年部门预算",
      "## 表七 一般公共预算“三公”经费支出表",
      "单位：万元",
      ...SANGGONG("上年预算数", "本年预算数").map((r) => r.join("\t")),
      ["98.20", "12.00", "77.60", "28.00", "49.60", "8.60", "64.80", "5.80", "51.00", "0.00", "51.00", "8.00"].join("\t"),
    ].join("\n");
    const doc = layoutDocument("三公.txt", tabFormLines(text), "markdown", { template: generic });
    const t = doc.tables.find((x) => x.kind === "sanggong")!;
    expect(doc.unknownTables ?? []).toEqual([]);
    expect(t.rows.map((r) => `${r.role} ${KEYS.map((k) => r.cells[k]?.text ?? "").join(" ")}`)).toEqual([
      "previous-year 98.20 12.00 77.60 28.00 49.60 8.60",
      "current-year 64.80 5.80 51.00 0.00 51.00 8.00",
    ]);
  });
});

/*
 * 重庆's headers (test/fixtures/chongqing-workbook), not understood before round 48: last year's outturn merged down
 * beside this year's budget over its split, and a 增长% worded as what it compares; a fund's table whose spanning
 * label names the year (2026年政府性基金预算财政拨款支出) over 小计 · 基本支出 · 项目支出.
 */
describe("last year's outturn merged down beside this year's budget; a fund's year-labelled 财政拨款支出", () => {
  const GROWTH = [
    ["功能分类科目", "", "2025年执行数", "2026年预算数", "", "", "2026年预算数比2025年执行数增长%"],
    ["科目编码", "科目名称", "", "小计", "基本支出", "项目支出", ""],
  ];

  it("2025年执行数 is last year's outturn where 2026年预算数 is printed; the 增长% is the 增减(%)", () => {
    expect(named(GROWTH, "general-function")).toEqual({ keys: ["prior", "total", "basic", "project", "change-pct"], unnamed: [] });
  });

  it("fails: 2025年执行数 printed beside no later year's 预算数 says not whose year it is: not read", () => {
    const alone = [["科目编码", "科目名称", "2025年执行数", "合计", "基本支出", "项目支出"]];
    expect(named(alone, "general-function").unnamed).toEqual(["2025年执行数"]);
  });

  it("2026年政府性基金预算财政拨款支出 spans 小计 · 基本支出 · 项目支出", () => {
    const fund = [
      ["功能分类科目", "", "2026年政府性基金预算财政拨款支出", "", ""],
      ["科目编码", "科目名称", "小计", "基本支出", "项目支出"],
    ];
    expect(header(fund).map((l) => [l.text, l.groups.join("/")]).slice(2)).toEqual([
      ["小计", "2026年政府性基金预算财政拨款支出"],
      ["基本支出", "2026年政府性基金预算财政拨款支出"],
      ["项目支出", "2026年政府性基金预算财政拨款支出"],
    ]);
    expect(named(fund, "gov-fund")).toEqual({ keys: ["total", "basic", "project"], unnamed: [] });
  });
});
