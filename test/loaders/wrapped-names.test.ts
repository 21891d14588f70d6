import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { rules } from "../../src/rules/index.js";
import { ROOT } from "../helpers/cli.js";

/*
 * 科目名称 wrapped with their first part on the line above their code's (江苏's 部门支出总表, laid out as pdftotext
 * writes it): `2010350 事业运行` / `其他政府办公厅（室）及相关机` / `2010399 构事务支出`, and, on the page after a
 * page turn, `机关事业单位基本养老保险缴费` / `2080505 支出` right under the repeated header. The first part was read
 * as the end of the row above, or dropped: three code-name warnings against the 一般公共预算支出表, which prints the
 * names whole. The document's own whole names say where such a part belongs.
 */
const FILE = "test/fixtures/wrapped-names/document.txt";
const text = readFileSync(join(ROOT, FILE), "utf8");
const names = (t: string, id: string) =>
  loadLayoutText("预算.txt", t)
    .tables.find((x) => x.id === id)!
    .rows.filter((r) => r.kind === "code" && ["2010350", "2010399", "2080505"].includes(r.code!))
    .map((r) => `${r.code} ${r.name}`);
const warnings = (t: string) => runRules(loadLayoutText("预算.txt", t), rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity !== "info");

describe("a 科目名称 whose first part stands on the line above its code's", () => {
  it("is read whole, the row above keeping its own name: no code-name warning", () => {
    expect(names(text, "T3")).toEqual(["2010350 事业运行", "2010399 其他政府办公厅（室）及相关机构事务支出", "2080505 机关事业单位基本养老保险缴费支出"]);
    expect(warnings(text)).toEqual([]);
  });

  // With 事业运行 printed otherwise in the other table, the names elsewhere do not say where the part belongs; its width
  // does (since round 51): longer than 事业单位运行, the name the row above prints on its line, it is no end of that name
  // but the first part of 2010399's. 2010350 alone differs from the other table.
  it("fails: a name the other table prints otherwise is still a code-name warning", () => {
    const renamed = text.replace("2010350           事业运行                                412.35", "2010350           事业单位运行                            412.35");
    expect(renamed).not.toEqual(text);
    expect(warnings(renamed).map((f) => `${f.ruleId} ${f.code}`)).toEqual(["code-name 2010350"]);
  });
});

/*
 * Two rows running, each name wrapped in its cell to the bottom (a spreadsheet's default): its first part on the line
 * above its code's, the rest beside the code and figures (陕西 probe, round 51). With no whole name printed elsewhere to
 * say where a part belongs, each first part was read as the end of the row above: 事业单位离退休机关事业单位基本养老保险缴,
 * then 费支出机关事业单位职业年金缴费支, then 出. A cell's text wraps only when it fills the cell: a line of words longer
 * than the name the row above prints on its own line cannot be that name's end.
 */
describe("consecutive names wrapped to the bottom of their cells, no whole name printed elsewhere", () => {
  const line = (code: string, name: string, xs: string[]) => `${code.padEnd(10)}${name}`.padEnd(40 - [...name].length + name.length) + xs.map((x) => x.padStart(14)).join("");
  const words = (name: string) => `${" ".repeat(10)}${name}`;
  const table = (rows: string[]) =>
    [
      "                    陕西省某厅2024年部门预算",
      "",
      "                              部门支出总表",
      "部门：陕西省某厅                                                           单位：万元",
      "科目编码  科目名称                           合计      基本支出      项目支出",
      line("", "合计", ["300.00", "300.00", "0.00"]),
      line("208", "社会保障和就业支出", ["300.00", "300.00", "0.00"]),
      line("20805", "行政事业单位养老支出", ["300.00", "300.00", "0.00"]),
      ...rows,
      "",
    ].join("\n");
  const bottom = [
    line("2080502", "事业单位离退休", ["150.00", "150.00", "0.00"]),
    words("机关事业单位基本养老保险缴"),
    line("2080505", "费支出", ["100.00", "100.00", "0.00"]),
    words("机关事业单位职业年金缴费支"),
    line("2080506", "出", ["50.00", "50.00", "0.00"]),
  ];
  // (The same names set to the top of their cells: the rest under the code's line, the row above's end.)
  const top = [
    line("2080502", "事业单位离退休", ["150.00", "150.00", "0.00"]),
    line("2080505", "机关事业单位基本养老保险缴", ["100.00", "100.00", "0.00"]),
    words("费支出"),
    line("2080506", "机关事业单位职业年金缴费支", ["50.00", "50.00", "0.00"]),
    words("出"),
  ];
  const read = (rows: string[]) =>
    loadLayoutText("决算.txt", table(rows))
      .tables[0].rows.filter((r) => r.kind === "code" && r.code!.length === 7)
      .map((r) => `${r.code} ${r.name}`);

  it.each([
    ["to the bottom", bottom],
    ["to the top", top],
  ])("each row keeps its own name (%s of the cell)", (_, rows) => {
    expect(read(rows)).toEqual(["2080502 事业单位离退休", "2080505 机关事业单位基本养老保险缴费支出", "2080506 机关事业单位职业年金缴费支出"]);
  });
});
