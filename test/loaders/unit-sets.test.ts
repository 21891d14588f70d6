import { describe, expect, it } from "vitest";
import { headingMarker, labelMarker, sameFigures, titleMarker, unitLike } from "../../src/model/units.js";
import type { BudgetDocument } from "../../src/model/document.js";
import { docAsRead } from "../helpers/docs.js";
import ExcelJS from "exceljs";
import { tempDir } from "../helpers/tmp.js";
import { findPackages, loadPackage } from "../../src/lib.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../helpers/cli.js";
import { DEPARTMENT, tableSet, UNITS, unitDocument } from "../helpers/unit-sets.js";

const DEPT = "崇义县农业农村局";

describe("what a line between tables says of whose tables follow (model/units.ts)", () => {
  it("a unit's heading names the unit; the units' part, the department's tables and another part say so", () => {
    expect(headingMarker("二、崇义县农业技术推广中心2026年单位预算")).toEqual({ unit: "崇义县农业技术推广中心" });
    expect(headingMarker("## 一、崇义县农业农村局（局机关）2026年单位预算")).toEqual({ unit: "崇义县农业农村局（局机关）" });
    expect(headingMarker("崇义县畜牧兽医中心 2026 年单位预算表")).toEqual({ unit: "崇义县畜牧兽医中心" });
    expect(headingMarker("第五部分 2026年单位预算表")).toEqual({ units: true });
    expect(headingMarker("第四部分 2026年部门预算表")).toEqual({ department: true });
    expect(headingMarker(`${DEPT}2026年部门预算`)).toEqual({ department: true });
    // (The department's own unit, or a department that is its only unit: a unit's set too.)
    expect(headingMarker(`${DEPT}2026年单位预算`)).toEqual({ unit: DEPT });
    expect(headingMarker("第六部分 附件")).toEqual({ department: true });
  });

  it("a place's name, a sentence, or a heading of the text is no unit's heading", () => {
    expect(headingMarker("上海市普陀区2025年区级单位预算")).toEqual({ units: true });
    expect(headingMarker("二、单位预算编制说明")).toBeNull();
    expect(headingMarker("一、部门主要职责")).toBeNull();
    expect(headingMarker("纳入2026年部门预算编制范围的预算单位共4个，包括局机关本级单位预算。")).toBeNull();
    expect(headingMarker("第三部分 崇义县农业技术推广中心单位预算情况说明")).toBeNull();
    expect(unitLike("所属单位")).toBe(false);
    expect(unitLike("崇义县")).toBe(false);
  });

  it("a table's label: the department's, a unit's, or the department's name under a unit's label (nothing said)", () => {
    expect(labelMarker("部门名称", DEPT, DEPT)).toEqual({ department: true });
    expect(labelMarker("单位名称", "崇义县农业技术推广中心", DEPT)).toEqual({ unit: "崇义县农业技术推广中心" });
    expect(labelMarker("编制单位", DEPT, DEPT)).toBeNull();
    expect(labelMarker("单位名称", "农业农村局", DEPT)).toBeNull();
  });

  it("a title printing a unit's name before the table's, with or without the year", () => {
    const isTitle = (rest: string) => /^(收支总表|部门收支总表)$/.test(rest);
    expect(titleMarker("崇义县农业技术推广中心2026年收支总表", DEPT, isTitle)).toEqual({ unit: "崇义县农业技术推广中心" });
    expect(titleMarker("崇义县农业技术推广中心收支总表", DEPT, isTitle)).toEqual({ unit: "崇义县农业技术推广中心" });
    expect(titleMarker("崇义县农业农村局2026年部门收支总表", DEPT, isTitle)).toEqual({ department: true });
    expect(titleMarker("2025年预算单位财务收支预算总表", DEPT, () => true)).toBeNull();
    expect(titleMarker("收支总表", DEPT, isTitle)).toBeNull();
  });
});

const unitNames = (doc: BudgetDocument) => (doc.units ?? []).map((u) => [u.name, u.tables.map((t) => t.id).join(" ")]);
const SETS = UNITS.map((u) => [u.name, "T2 T3 T5"]);

describe("a 部门预算 printing each unit's tables after the department's", () => {
  it("under each unit's heading: the units' tables, not the department's printed twice", () => {
    const doc = docAsRead(unitDocument());
    expect(doc.department).toBe(DEPARTMENT);
    expect(doc.tables.map((t) => [t.id, t.budgetUnit ?? null, t.rows.length])).toEqual([["T2", null, 5], ["T3", null, 5], ["T5", null, 5]]);
    expect(unitNames(doc)).toEqual(SETS);
    expect(doc.units![1].tables.every((t) => t.budgetUnit === UNITS[1].name)).toBe(true);
    expect(doc.unknownTables).toEqual([]);
  });

  it("with no heading, by each table's 单位名称; by a title printing the unit's name; numbered on (表4 …)", () => {
    expect(unitNames(docAsRead(unitDocument({ heading: null })))).toEqual(SETS);
    const titled = docAsRead(unitDocument({ heading: null, label: () => `编制单位：${DEPARTMENT}`, titlePrefix: (u) => `${u.name}2026年` }));
    expect(unitNames(titled)).toEqual(SETS);
    expect(unitNames(docAsRead(unitDocument({ numbered: true })))).toEqual(SETS);
  });

  it("the same tables again, no unit named: the same figures are a reprint, other figures a table of no known owner (both listed, not read)", () => {
    const set = tableSet(`部门名称：${DEPARTMENT}`, 300, 100);
    const again = (basic: number) => [`${DEPARTMENT}2026年部门预算`, "", ...set, "第六部分 附件", ...tableSet(`部门名称：${DEPARTMENT}`, basic, 100)].join("\n");
    const reprint = docAsRead(again(300));
    expect(reprint.units).toBeUndefined();
    expect(reprint.unknownTables!.map((u) => u.title)).toEqual(["收入总表（重复列示 printed twice）", "支出总表（重复列示 printed twice）", "一般公共预算支出表（重复列示 printed twice）"]);
    expect(reprint.tables.map((t) => t.location.line)).toEqual([3, 12, 21]);
    const other = docAsRead(again(290));
    expect(other.units).toBeUndefined();
    expect(other.unknownTables!.map((u) => u.title)).toEqual(["收入总表（再次列示，数字不同 printed again with other figures）", "支出总表（再次列示，数字不同 printed again with other figures）", "一般公共预算支出表（再次列示，数字不同 printed again with other figures）"]);
  });

  it("a unit's tables after the department's reprinted in an annex (第六部分 附件): still a reprint, not the last unit's", () => {
    const text = `${unitDocument()}\n第六部分 附件\n${tableSet(`部门名称：${DEPARTMENT}`, 300, 100).join("\n")}`;
    const doc = docAsRead(text);
    expect(unitNames(doc)).toEqual(SETS);
    expect(doc.unknownTables!.map((u) => u.title)).toEqual(["收入总表（重复列示 printed twice）", "支出总表（重复列示 printed twice）", "一般公共预算支出表（重复列示 printed twice）"]);
  });

  it("a run of units' headings with no table between them is a list (a 目录 in the body), not a unit's heading", () => {
    const list = UNITS.map((u, i) => `${"一二"[i]}、${u.name}2026年单位预算`).join("\n");
    const doc = docAsRead(unitDocument().replace(`${DEPARTMENT}2026年部门预算\n`, `${DEPARTMENT}2026年部门预算\n${list}\n`));
    expect(doc.tables.every((t) => !t.budgetUnit)).toBe(true);
    expect(unitNames(doc)).toEqual(SETS);
  });

  it("an empty table printed in every set (国有资本经营, its 合计 row the same): the tab-separated reader's 'printed twice' gives way to the units' sets", () => {
    const doc = docAsRead(unitDocument({ capital: true }));
    expect(doc.template).toBe("generic");
    expect(unitNames(doc)).toEqual(UNITS.map((u) => [u.name, "T2 T3 T5 T10"]));
  });

  it("a workbook, a sheet per table, of titles Shenzhen prints too: the tab-separated reader's 'printed twice' (the units' empty tables) gives way to the units' sets", async () => {
    // The 江西 fixture's 11 + 4 × 10 tables: Shenzhen's titles (收支总表 … 部门整体支出绩效目标表) make its template the one
    // recognised, and its reader refuses the units' 国有资本经营预算支出表 (合计 0.00, as the department's) as printed twice.
    // Each table on a sheet of its own named by its place (1, 2 …), its title in the first row, figures as numbers; no
    // heading between them (a workbook has none): the units' tables are told by their 单位名称.
    const text = readFileSync(join(ROOT, "test", "fixtures", "jiangxi-units", "consistent-plaintoc.md"), "utf8").split("\n");
    const wb = new ExcelJS.Workbook();
    let sheet: ExcelJS.Worksheet | null = null;
    for (const l of text.slice(text.findIndex((x) => x.startsWith("# 第四部分")))) {
      if (/^## (?![一二三四]、)/.test(l)) (sheet = wb.addWorksheet(`${wb.worksheets.length + 1}`)).addRow([l.slice(3)]);
      else if (sheet && l.trim() && !/^表 \d+$/.test(l) && !l.startsWith("#")) sheet.addRow(l.split("\t").map((c) => (/^-?[\d,]+\.\d+$/.test(c) ? Number(c.replace(/,/g, "")) : c)));
    }
    const path = join(tempDir("unit-sets"), "部门预算.xlsx");
    await wb.xlsx.writeFile(path);
    const doc = await loadPackage(findPackages(path)[0], {});
    expect(doc.template).toBe("generic");
    // (Each unit's 10, its 项目支出绩效目标表 among them: 预算金额 over 合计 | 财政拨款 | 其他资金, read since r49-toc.)
    expect((doc.units ?? []).map((u) => [u.name, u.tables.length])).toEqual([
      ["崇义县农业农村局（局机关）", 10],
      ["崇义县农业技术推广中心", 10],
      ["崇义县畜牧兽医中心", 10],
      ["崇义县农业机械化服务中心", 10],
    ]);
  });

  it("sameFigures: row by row and cell by cell", () => {
    const doc = docAsRead(unitDocument());
    expect(sameFigures(doc.tables[0], doc.tables[0])).toBe(true);
    expect(sameFigures(doc.tables[0], doc.units![0].tables[0])).toBe(false);
  });
});
