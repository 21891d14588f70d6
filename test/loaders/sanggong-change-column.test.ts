import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { rules } from "../../src/rules/index.js";
import { layoutTable, pad, padL } from "../helpers/layout.js";

/*
 * A 三公 table by unit that prints the change on last year's 三公 in a last column (比上年增减; 河北's print-driver
 * PDFs: 单位名称 | 合计 | 因公出国（境）费 | 公务用车购置及运行费 | 公务接待费 | 比上年增减), negative where the 三公 fell.
 * The column was not understood, so the whole table was listed as not read and no 三公 figure of the text was checked.
 */
const UNIT = "编制单位：某省某厅                                                                       单位：万元";
const HEADER = ["合计", "因公出国（境）费", "公务用车购置及运行费", "公务接待费", "比上年增减"];
const table = (rows: string[][], header = HEADER) =>
  layoutTable("某省某厅2026年部门预算", "一般公共预算“三公”经费支出表", UNIT, [
    `${pad(" 单位编码   单位名称", 34)}${header.map((h) => padL(h, 16)).join("")}`,
    ...rows.map(([code, name, ...xs]) => `${pad(`${code}   ${name}`, 34)}${xs.map((x) => padL(x, 16)).join("")}`),
  ]);
const ROWS = (vehicle = "20.13") => [
  ["", "   合    计", "97.71", "26.80", "55.74", "15.17", "-97.39"],
  ["312001", "某省某厅本级", "59.84", "26.80", vehicle, "12.91", "-96.39"],
  ["312002", "某省某事业发展中心", "37.87", "-", "35.61", "2.26", "-1.00"],
];
const load = (text: string) => loadLayoutText("预算.txt", text);
const errors = (text: string) => runRules(load(text), rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error");

describe("a 三公 table by unit with a 比上年增减 column", () => {
  it("is read, the change column as printed (negative) and in no identity: no error", () => {
    const text = table(ROWS());
    const doc = load(text);
    expect(doc.unknownTables ?? []).toEqual([]);
    const t = doc.tables.find((x) => x.kind === "sanggong")!;
    expect(t.rows.map((r) => `${r.unit ?? r.label ?? ""} ${r.cells.total?.text} ${r.cells.change?.text}`)).toEqual(["合计 97.71 -97.39", "312001 某省某厅本级 59.84 -96.39", "312002 某省某事业发展中心 37.87 -1.00"]);
    expect(errors(text)).toEqual([]);
  });

  it("also under the wordings 增减额 and 较上年增减", () => {
    for (const label of ["增减额", "较上年增减"]) expect(load(table(ROWS(), [...HEADER.slice(0, 4), label])).unknownTables ?? [], label).toEqual([]);
  });

  it("fails: a unit's 公务用车购置及运行费 typed wrong is an error of its row", () => {
    const fs = errors(table(ROWS("21.03"))).filter((f) => f.ruleId === "row-total");
    expect(fs.map((f) => [f.table, f.stated, f.computed])).toEqual([["T7", "59.84", "60.74"]]);
  });
});
