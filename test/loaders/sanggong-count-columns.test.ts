import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { countKey, countKind } from "../../src/loaders/layout/count-columns.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { COUNT_CELL } from "../../src/model/document.js";
import { rules } from "../../src/rules/index.js";
import { cellsAt, layoutTable } from "../helpers/layout.js";

/*
 * A 决算's 三公 table printed down the page (its kinds the rows) with columns of counts beside its money: 项目 | 预算数 |
 * 决算数 | 车辆数（辆） | 批次 | 人次 (round 56). It was listed, not read (表头未能识别 header not understood: 决算数、车辆数(辆)、
 * 批次、人次), so none of its identities was checked; now the counts are taken out of each line before its money is read and
 * kept as the counts of the item on their line, in no money column and no sum. And its kinds as some forms word them
 * (“三公”经费支出合计, 其中：公务用车购置 without 费), which left it listed as well (项目未能识别 item not understood).
 */
const doc = (lines: string[]) => layoutTable("江北市林业局2024年度部门决算", "财政拨款“三公”经费支出决算表", `编制单位：江北市林业局${" ".repeat(60)}单位：万元`, lines);
// Each label centred over its cell, each figure set right in it (cells 50–70, 70–90, 90–110, 110–122, 122–134).
const HEAD = cellsAt([4, "项        目"], [57, "预算数"], [77, "决算数"], [94, "车辆数（辆）"], [114, "批次"], [126, "人次"]);
const line = (label: string, figures: (string | null)[]) => {
  const ends = [69, 89, 109, 121, 133];
  return cellsAt([4, label], ...figures.flatMap((f, j): [number, string][] => (f === null ? [] : [[ends[j] - f.length, f]])));
};
const withCounts = (o: { run?: string; batches?: string } = {}) =>
  doc([
    HEAD,
    line("合计", ["69.00", "58.62"]),
    line("1.因公出国（境）费", ["8.00", "5.23", null, "1", "3"]),
    line("2.公务用车购置及运行维护费", ["55.00", "49.55"]),
    line("（1）公务用车购置费", ["25.00", "24.38", "1"]),
    line("（2）公务用车运行维护费", ["30.00", o.run ?? "25.17", "12"]),
    line("3.公务接待费", ["6.00", "3.84", null, o.batches ?? "45", "310"]),
  ]);
const errors = (text: string) => runRules(loadLayoutText("决算.txt", text), rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error");
const sanggong = (text: string) => loadLayoutText("决算.txt", text).tables.find((t) => t.kind === "sanggong")!;
const MONEY = ["total", "abroad", "vehicle", "vehicle-purchase", "vehicle-operation", "reception"];

describe("a 决算's 三公 table down the page with columns of counts (车辆数（辆） | 批次 | 人次)", () => {
  it("is read into the across layout's record: each kind's 决算数 and its 预算数 beside it; the counts as counts", () => {
    const d = loadLayoutText("决算.txt", withCounts());
    expect(d.unknownTables ?? []).toEqual([]);
    const t = d.tables.find((x) => x.kind === "sanggong")!;
    expect(t.rows).toHaveLength(1);
    const r = t.rows[0];
    expect(MONEY.map((k) => r.cells[k]?.text)).toEqual(["58.62", "5.23", "49.55", "24.38", "25.17", "3.84"]);
    expect(MONEY.map((k) => r.cells[`budget-${k}`]?.text)).toEqual(["69.00", "8.00", "55.00", "25.00", "30.00", "6.00"]);
    // (No count is a column or sits in a money cell.)
    expect(t.columns.some((c) => c.key.startsWith(COUNT_CELL))).toBe(false);
    const counts = Object.keys(r.cells).filter((k) => k.startsWith(COUNT_CELL)).sort();
    expect(counts.map((k) => [k, r.cells[k].text, r.cells[k].amount?.exact])).toEqual([
      [`${COUNT_CELL}abroad-groups`, "1", true],
      [`${COUNT_CELL}abroad-people`, "3", true],
      [`${COUNT_CELL}reception-batches`, "45", true],
      [`${COUNT_CELL}reception-people`, "310", true],
      [`${COUNT_CELL}vehicles-bought`, "1", true],
      [`${COUNT_CELL}vehicles-held`, "12", true],
    ]);
    expect(errors(withCounts())).toEqual([]);
  });

  it("fails: a kind's 决算数 mistyped breaks 公务用车购置及运行费 = 购置费 + 运行费, and only that", () => {
    const fs = errors(withCounts({ run: "21.57" })).filter((f) => f.ruleId === "row-total");
    expect(fs.map((f) => [f.column, f.stated, f.computed])).toEqual([["公务用车购置及运行费", "49.55", "45.95"]]);
  });

  it("a count changed is no money: no money identity breaks", () => {
    expect(errors(withCounts({ batches: "54" }))).toEqual([]);
    expect(sanggong(withCounts({ batches: "54" })).rows[0].cells[`${COUNT_CELL}reception-batches`]?.text).toBe("54");
  });
});

describe("a 决算's 三公 table down the page, its kinds in another wording", () => {
  const head = cellsAt([4, "项        目"], [55, "年初预算数"], [77, "决算数"]);
  const worded = (total = "58.62") =>
    doc([
      head,
      line("“三公”经费支出合计", ["69.00", total]),
      line("（一）因公出国（境）费用", ["8.00", "5.23"]),
      line("（二）公务用车购置及运行维护费", ["55.00", "49.55"]),
      line("其中：公务用车购置", ["25.00", "24.38"]),
      line("公务用车运行维护费", ["30.00", "25.17"]),
      line("（三）公务接待费", ["6.00", "3.84"]),
    ]);

  it("is read by what its rows say: the total named, （一） numbering, 公务用车购置 without 费", () => {
    const d = loadLayoutText("决算.txt", worded());
    expect(d.unknownTables ?? []).toEqual([]);
    const r = d.tables.find((x) => x.kind === "sanggong")!.rows[0];
    expect(MONEY.map((k) => r.cells[k]?.text)).toEqual(["58.62", "5.23", "49.55", "24.38", "25.17", "3.84"]);
    expect(errors(worded())).toEqual([]);
  });

  it("公务用车费 for 公务用车购置及运行费, its parts as the across header prints them (购置费 · 运行费), 一、 numbering", () => {
    const text = doc([
      head,
      line("一、合计", ["69.00", "58.62"]),
      line("1、因公出国（境）费", ["8.00", "5.23"]),
      line("2、公务用车费", ["55.00", "49.55"]),
      line("（1）购置费", ["25.00", "24.38"]),
      line("（2）运行费", ["30.00", "25.17"]),
      line("3、公务接待费", ["6.00", "3.84"]),
    ]);
    const r = sanggong(text).rows[0];
    expect(MONEY.map((k) => r.cells[k]?.text)).toEqual(["58.62", "5.23", "49.55", "24.38", "25.17", "3.84"]);
    expect(errors(text)).toEqual([]);
  });

  it("fails: its 合计 mistyped breaks 合计 = 因公出国 + 公务用车购置及运行 + 公务接待", () => {
    const fs = errors(worded("56.82")).filter((f) => f.ruleId === "row-total");
    expect(fs.map((f) => [f.column, f.stated, f.computed])).toEqual([["“三公”经费合计", "56.82", "58.62"]]);
  });
});

describe("count columns: what a column counts, and which count a figure is by its line's kind", () => {
  it("a count's label (its unit dropped), never a money column's", () => {
    expect(["车辆数(辆)", "批次", "接待批次", "人次", "团组数(个)", "保有量(辆)", "购置数(辆)", "预算数", "决算数", "合计", "数量"].map(countKind)).toEqual([
      "vehicles", "batches", "batches", "people", "groups", "held", "bought", null, null, null, null,
    ]);
  });

  it("by the kind on the figure's line; none where the two do not say one", () => {
    expect(countKey("vehicle-purchase", "vehicles", false)).toBe("vehicles-bought");
    expect(countKey("vehicle-operation", "vehicles", false)).toBe("vehicles-held");
    // (公务用车购置及运行费's 车辆数: bought or held; 合计's: no kind's.)
    expect(countKey("vehicle", "vehicles", false)).toBeNull();
    expect(countKey("total", "batches", false)).toBeNull();
    // 公务接待费's are the 国内 ones where the table prints no 国内 / 国（境）外 split; with it, the split's own lines say.
    expect(countKey("reception", "batches", false)).toBe("reception-batches");
    expect(countKey("reception", "batches", true)).toBeNull();
    expect(countKey("reception-domestic", "people", true)).toBe("reception-people");
  });
});
