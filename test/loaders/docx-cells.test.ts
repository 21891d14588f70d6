import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPackage, findPackages } from "../../src/lib.js";
import { runRules } from "../../src/engine/run.js";
import { rules } from "../../src/rules/index.js";
import { asDocx } from "../helpers/docx.js";
import { tempDir } from "../helpers/tmp.js";

/*
 * A Word document's tables are laid out on one grid for the whole document: a column that another table's long
 * words widen (here by a table of long 说明) put a 三公 table's 公务用车运行费 figure, its 公务用车购置费 cell
 * blank, nearer the next label than its own. The table was listed as columns uncertain, or read with 12.00 as the
 * 购置费 (two false errors against the text). Each figure is now read under the label of its own cell.
 */
const tab = (figures = ["20.50", "5.00", "12.00", "", "12.00", "3.50"]) =>
  [
    "# 某局2025年部门预算",
    "说明表",
    ["项目", "类别", "内容", "说明", "备注"].join("\t"),
    ["某项服务的名称很长很长很长很长很长很长很长很长很长很长很长很长很长很长", "某类别的名称很长很长很长", "某内容很长很长很长很", "说明文字很长很长很长很长很", "无"].join("\t"),
    "一般公共预算“三公”经费支出表",
    "单位：万元",
    ["合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费"].join("\t"),
    ["", "", "小计", "公务用车购置费", "公务用车运行费", ""].join("\t"),
    figures.join("\t"),
    "2025年“三公”经费预算20.50万元，其中：因公出国（境）费5.00万元，公务用车购置及运行费12.00万元（其中，公务用车购置费0万元，公务用车运行费12.00万元），公务接待费3.50万元。",
  ].join("\n");

const load = async (text: string) => {
  const file = join(tempDir("docx-cells"), `d${Math.random().toString(36).slice(2)}.docx`);
  writeFileSync(file, asDocx(text, { merged: true }));
  return loadPackage(findPackages(file)[0], {});
};

describe("a Word table's figures, by their cells", () => {
  it("are read under their own cell's label, though the document's grid widens a column", async () => {
    const d = await load(tab());
    const t = d.tables.find((x) => x.kind === "sanggong");
    expect(t, JSON.stringify(d.unknownTables)).toBeDefined();
    const row = t!.rows[0];
    expect(Object.fromEntries(Object.entries(row.cells).filter(([, c]) => c.amount).map(([k, c]) => [k, c.text]))).toEqual({
      total: "20.50",
      abroad: "5.00",
      vehicle: "12.00",
      "vehicle-operation": "12.00",
      reception: "3.50",
    });
    expect(runRules(d, rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error")).toEqual([]);
  });

  it("fails: a figure of the table the row does not add up to is an error at its cell", async () => {
    const d = await load(tab(["20.50", "5.00", "12.00", "", "12.00", "3.05"]));
    const fs = runRules(d, rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error" && f.ruleId === "row-total");
    expect(fs.map((f) => [f.location.sheet, f.location.cell])).toEqual([["表格2", "A3"]]);
  });
});
