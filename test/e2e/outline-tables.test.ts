import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT, type JsonFinding } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

/*
 * A table whose rows are an outline over several label columns (round 54): 江苏省人民检察院's 2019 政府采购支出预算表 (公开12表:
 * 采购品目大类 | 专项名称 | 经济科目 | 采购物品名称 | 采购组织形式 | 总计), its labels wrapped around their rows' figures, its
 * continuation pages printed further left than the header. It was listed as not read (header not understood). Read, each
 * row's level is the label column of its name: 合计 = Σ categories (一、货物 A · 三、服务 C), a category = Σ its subtotals,
 * a subtotal = Σ its items (hierarchy-sum), and the text's 政府采购支出预算总额 and 货物 / 服务 are the table's (text-vs-table).
 * The same outline as a CSV file (test/fixtures/outline-csv) is read from its cells.
 */
const TEXT = join(ROOT, "fixtures/other-provinces/jiangsu_provincial-procuratorate_2019_dept-budget.txt");
const CSV = join(ROOT, "test/fixtures/outline-csv");

type Finding = JsonFinding & { table: string | null; location: { line?: number } };
type Doc = { tables: { kind: string; rows: number; present: boolean }[]; unknownTables?: { title: string }[]; findings: Finding[] };
const doc = (args: string[]): Doc => cliJson(args).report.documents[0];
const procurementRows = (d: Doc) => d.tables.find((t) => t.kind === "procurement" && t.present)?.rows;
const unread = (d: Doc) => (d.unknownTables ?? []).map((u) => u.title).filter((t) => /采购/.test(t));
const about = (d: Doc, rule: string) => d.findings.filter((f) => f.ruleId === rule && (f.table === "T20" || /采购|货物|服务/.test(f.item ?? "")));
const cells = (fs: Finding[]) => fs.map((f) => [f.ruleId, f.item, f.column, f.stated, f.computed]);

function copyWith(from: string, to: string): string {
  const text = readFileSync(TEXT, "utf8");
  expect(text.split(from).length).toBe(2);
  const copy = join(tempDir("outline"), "document.txt");
  writeFileSync(copy, text.replace(from, to));
  return copy;
}

describe("an outline table (政府采购支出预算表 by category, project, economic item and item bought)", () => {
  it("江苏's layout text: read, its sums and the text's procurement hold", { timeout: 60_000 }, () => {
    const d = doc([TEXT]);
    expect(procurementRows(d)).toBe(41);
    expect(unread(d)).toEqual([]);
    expect(about(d, "hierarchy-sum")).toEqual([]);
    expect(about(d, "text-vs-table")).toEqual([]);
    expect(d.findings.filter((f) => f.ruleId === "diagnosis" && f.table === "T20")).toEqual([]);
  });

  it("an item retyped (路由器 25.00 as 35.00) is an error at its subtotal's row, and the item is blamed", { timeout: 60_000 }, () => {
    const d = doc([copyWith("路由器          部门集中采购        25.00", "路由器          部门集中采购        35.00")]);
    const errors = d.findings.filter((f) => f.severity === "error" && f.table === "T20");
    expect(cells(errors.filter((f) => f.ruleId === "hierarchy-sum"))).toEqual([["hierarchy-sum", "信息网络及软件购置更新", "合计", "100", "110"]]);
    expect(errors.find((f) => f.ruleId === "hierarchy-sum")!.message).toMatch(/sum of its sub-items 110, difference -10/);
    expect(cells(errors.filter((f) => f.ruleId === "diagnosis"))).toEqual([["diagnosis", "路由器", "合计", "35", "25"]]);
  });

  it("a category retyped (三、服务 C 2,441.44 as 2,414.44) breaks 合计 = Σ categories and the category's sum", { timeout: 60_000 }, () => {
    const d = doc([copyWith("三、服务 C                                            2,441.44", "三、服务 C                                            2,414.44")]);
    const sums = d.findings.filter((f) => f.severity === "error" && f.ruleId === "hierarchy-sum" && f.table === "T20");
    expect(cells(sums)).toEqual([
      ["hierarchy-sum", "合计", "合计", "2744.84", "2717.84"],
      ["hierarchy-sum", "服务C", "合计", "2414.44", "2441.44"],
    ]);
  });

  it("the text's 货物 retyped (303.4 as 330.4) is an error against the table's 货物 row", { timeout: 60_000 }, () => {
    const d = doc([copyWith("购货物支出303.4万元", "购货物支出330.4万元")]);
    const errors = d.findings.filter((f) => f.severity === "error" && f.ruleId === "text-vs-table");
    expect(errors.map((f) => [f.item, f.stated, f.computed])).toEqual([["货物采购", "330.4", "303.4"]]);
    expect(errors[0].message).toMatch(/公开12表\) goods 303\.4/);
  });

  it("the same outline as a CSV file: read from its cells, consistent; an item retyped is an error at its subtotal", { timeout: 60_000 }, () => {
    const d = doc([CSV, "--template", "generic"]);
    expect(procurementRows(d)).toBe(41);
    expect(unread(d)).toEqual([]);
    expect(d.findings.filter((f) => f.severity !== "info")).toEqual([]);
    const dir = join(tempDir("outline-csv"), "csv");
    cpSync(CSV, dir, { recursive: true });
    const file = join(dir, "12政府采购支出预算表.csv");
    writeFileSync(file, readFileSync(file, "utf8").replace(",路由器,部门集中采购,25.00", ",路由器,部门集中采购,35.00"));
    const e = doc([dir, "--template", "generic"]).findings.filter((f) => f.severity === "error");
    expect(cells(e)).toEqual([
      ["hierarchy-sum", "信息网络及软件购置更新", "合计", "100", "110"],
      ["diagnosis", "路由器", "合计", "35", "25"],
    ]);
    expect(e[1].location.line).toBe(16);
  });
});
