import { describe, expect, it } from "vitest";
import { makeAmount } from "../../src/model/amount.js";
import { nameOnlyUnits } from "../../src/loaders/name-only-units.js";
import { classifiedRows, type Item } from "../../src/loaders/tables.js";
import { shenzhen } from "../../src/templates/shenzhen.js";

/*
 * Round 59: a classified table printed by budget unit whose units' rows print a name and no code (陕西's 一般公共预算支出表
 * as a PDF converter writes it: `陕西省统计局机关 | 5854.16 | …` above its 201 / 20105 / 2010501 …). Before, such rows
 * were no units: every unit's codes were one list, and each 201 was summed over all of them (false hierarchy-sum errors).
 * Rows that name a 类, a total or a project, and tables whose name rows evidence does not make units, read as before.
 */
const T7 = shenzhen.tables.find((t) => t.number === 7)!;
const loc = { file: "t.md", line: 1 };
const cell = (text: string) => ({ text, amount: text ? makeAmount(text, loc) : null, location: loc });
const item = (code: string, name: string, total: string, basic = "", project = ""): Item => ({
  cells: { code: cell(code), name: cell(name), total: cell(total), basic: cell(basic), project: cell(project) },
  loc,
});
const read = (items: Item[], department: string | null = null) => {
  const rows = classifiedRows(T7, items, department);
  nameOnlyUnits(rows, department);
  return rows.map((r) => `${r.kind} ${r.unit ?? "-"} ${r.code ?? r.name}`);
};

const unitA = (name: string, total = "120.00") => [
  item("", name, total, "90.00", "30.00"),
  item("201", "一般公共服务支出", "100.00", "70.00", "30.00"),
  item("2010301", "行政运行", "70.00", "70.00"),
  item("2010302", "一般行政管理事务", "30.00", "", "30.00"),
  item("208", "社会保障和就业支出", "20.00", "20.00"),
  item("2080505", "机关事业单位基本养老保险缴费支出", "20.00", "20.00"),
];
const unitB = (name: string, total = "50.00") => [
  item("", name, total, "30.00", "20.00"),
  item("201", "一般公共服务支出", "50.00", "30.00", "20.00"),
  item("2010350", "事业运行", "30.00", "30.00"),
  item("2010302", "一般行政管理事务", "20.00", "", "20.00"),
];
const total = item("", "合计", "170.00", "120.00", "50.00");

describe("a classified table's units printed by name, with no code", () => {
  it("name rows whose figures are the sum of their block's 类 rows: units, each code row its unit's", () => {
    expect(read([total, ...unitA("某市某局机关"), ...unitB("某市某局信息中心")])).toEqual([
      "department - 合计",
      "unit 某市某局机关 某市某局机关",
      "code 某市某局机关 201",
      "code 某市某局机关 2010301",
      "code 某市某局机关 2010302",
      "code 某市某局机关 208",
      "code 某市某局机关 2080505",
      "unit 某市某局信息中心 某市某局信息中心",
      "code 某市某局信息中心 201",
      "code 某市某局信息中心 2010350",
      "code 某市某局信息中心 2010302",
    ]);
  });

  it("by the sum alone where the name does not end as an organisation's", () => {
    const rows = read([total, ...unitA("某市某局第一组"), ...unitB("某市某局第二组")]);
    expect(rows.filter((r) => r.startsWith("unit"))).toEqual(["unit 某市某局第一组 某市某局第一组", "unit 某市某局第二组 某市某局第二组"]);
  });

  it("by its organisation's name where a misprint puts a unit's figures off its codes' sum", () => {
    const rows = read([total, ...unitA("某市某局机关", "121.00"), ...unitB("某市某局信息中心")]);
    expect(rows.filter((r) => r.startsWith("unit"))).toEqual(["unit 某市某局机关 某市某局机关", "unit 某市某局信息中心 某市某局信息中心"]);
  });

  it("no unit where one name row has neither: the table read as before", () => {
    const rows = read([total, ...unitA("某市某局第一组", "121.00"), ...unitB("某市某局信息中心")]);
    expect(rows.filter((r) => r.startsWith("unit"))).toEqual([]);
    expect(rows[1]).toBe("other - null");
  });

  it.each([
    ["一般公共服务支出", "a 类's name"],
    ["小计", "a total"],
    ["某市某局", "the department's own name"],
    ["信息化建设项目", "a project's name"],
    ["统计信息事务", "a 科目's name"],
  ])("a name row %j (%s) is no unit", (name) => {
    // (Its figures are its block's 类 rows' sum: only its name tells.)
    const rows = read([total, item("", name, "120.00", "90.00", "30.00"), ...unitA("某市某局机关").slice(1)], "某市某局");
    expect(rows.some((r) => r.startsWith("unit"))).toBe(false);
  });

  it("name rows under a code (projects listed under their 项) are no units", () => {
    const rows = read([
      total,
      item("2010302", "一般行政管理事务", "30.00", "", "30.00"),
      item("", "某市某局档案中心", "30.00", "", "30.00"),
      item("201", "一般公共服务支出", "30.00", "", "30.00"),
    ]);
    expect(rows.some((r) => r.startsWith("unit"))).toBe(false);
  });
});
