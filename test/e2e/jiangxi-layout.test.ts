import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/engine/types.js";
import { cliJson, ROOT } from "../helpers/cli.js";
import { consistentUnitSets, validateReport as validate, type ReportTable } from "../helpers/unit-reports.js";

/*
 * The 江西 county 部门预算 of test/fixtures/jiangxi-units (the department's 11 tables, then each of its 4 units' own 10
 * under the unit's heading) as `pdftotext -layout` prints a PDF of it (test/fixtures/jiangxi-layout): no tabs, cells
 * aligned by character index, pages split by form feeds with the document's title as page header and `- n -` as footer
 * (the header names a 部门预算: it must not end the units' part), tables run over pages. Made by the same generator.
 */
const DIR = join(ROOT, "test", "fixtures", "jiangxi-layout");
const UNITS = ["崇义县农业农村局（局机关）", "崇义县农业技术推广中心", "崇义县畜牧兽医中心", "崇义县农业机械化服务中心"];
const SOLVER = { env: { BUDGET_CHECK_SOLVER_SECONDS: "120" } };

/** The file's lines (1-based: lines[n - 1]) and the page each is on (form feeds before it, + 1). */
function linesOf(file: string): { text: string[]; page: (line: number) => number } {
  const raw = readFileSync(join(DIR, file), "utf8");
  const text = raw.split("\n");
  return { text, page: (line) => text.slice(0, line).join("\n").split("\f").length };
}

/**
 * The line of a table's row: the first line matching `row` after the table titled `title` that follows `after` (a
 * unit's heading `一、…2026年单位预算`, or the department's part `第四部分 2026年部门预算表`).
 */
function rowLine(text: string[], after: RegExp, title: string, row: RegExp): number {
  const from = text.findIndex((l) => after.test(l.trim()) && !/[，。]/.test(l));
  expect(from, String(after)).toBeGreaterThanOrEqual(0);
  const at = text.findIndex((l, i) => i > from && l.trim() === title);
  expect(at, title).toBeGreaterThan(from);
  const n = text.findIndex((l, i) => i > at && row.test(l));
  expect(n, String(row)).toBeGreaterThan(at);
  return n + 1;
}

const unitHeading = (u: string) => new RegExp(`^[一二三四]、${u.replace(/[()（）]/g, ".")}2026年单位预算$`);
const DEPARTMENT_PART = /^第四部分 2026年部门预算表$/;

describe("a 江西 部门预算 with its units' tables, as pdftotext -layout prints the PDF", () => {
  it("consistent: no error and no warning; every unit's 10 tables read as that unit's, none listed as not read", { timeout: 60_000 }, () => {
    const doc = consistentUnitSets(join(DIR, "consistent.layout.txt"), UNITS, ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T9", "T10", "T18"]);
    const tables: ReportTable[] = doc.tables;
    // The department's too, its 收入总表 (单位资金 over 小计 · 事业收入 … 其他收入) among them.
    expect(tables.filter((t) => !t.unit && t.present).map((t) => t.id)).toEqual(expect.arrayContaining(["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T9", "T10", "T18"]));
    expect(tables.filter((t) => t.unit && t.id === "T2").every((t) => t.rows > 10)).toBe(true);
    // Nothing listed as not read: no header not understood, no table printed twice.
    expect(doc.unknownTables.map((u: { title: string }) => u.title)).toEqual([]);
    expect(doc.findings.some((f: Finding) => f.ruleId === "units-sum")).toBe(true);
    expect(doc.findings.some((f: Finding) => f.unit === UNITS[2] && f.ruleId === "hierarchy-sum")).toBe(true);
  });

  it("seeded: each seed found at its cell, a unit's at that unit's (named by units-sum where one unit's row is at odds), on its page", { timeout: 240_000 }, () => {
    const { status, report } = cliJson([join(DIR, "seeded.layout.txt")], SOLVER);
    expect(status).toBe(1);
    expect(validate(report)).toBe(true);
    const findings: Finding[] = report.documents[0].findings;
    const errors = findings.filter((f) => f.severity === "error");
    const { text, page } = linesOf("seeded.layout.txt");
    const blamed = (line: number) => errors.filter((f) => f.ruleId === "diagnosis" && f.location.line === line);
    const sumAt = (line: number) => errors.filter((f) => f.ruleId === "units-sum" && f.location.line === line);

    // S6: the 农业技术推广中心's stale 收入总表 合计, at its own cell and page; the department's 收入总表 合计 against the units'
    // names the unit and that line.
    const s6 = rowLine(text, unitHeading(UNITS[1]), "收入总表", /^\s+合计\s/);
    expect(blamed(s6).map((f) => [f.unit, f.column, f.stated, f.computed, f.location.page])).toEqual([[UNITS[1], "合计", "497.52", "507.52", page(s6)]]);
    const deptIncome = rowLine(text, DEPARTMENT_PART, "收入总表", /^\s+合计\s/);
    expect(sumAt(deptIncome).map((f) => [f.related[0].line, f.explainedBy === blamed(s6)[0].id])).toEqual([[s6, true]]);
    expect(sumAt(deptIncome)[0].message).toContain(`only ${UNITS[1]}'s row at line ${s6} (page ${page(s6)}) is at odds elsewhere too`);
    // (A department's figure within rounding of the units' names no unit, at odds elsewhere or not: 表1's 收入总计.)
    expect(findings.filter((f) => f.ruleId === "units-sum" && f.withinRounding && /at odds elsewhere/.test(f.message))).toEqual([]);
    expect(findings.some((f) => f.ruleId === "units-sum" && f.withinRounding)).toBe(true);

    // S8: the 畜牧兽医中心's 支出总表 2130108 项目支出 with two digits swapped: blamed on its cell; the department's 2130108
    // against the units' names the unit.
    const s8 = rowLine(text, unitHeading(UNITS[2]), "支出总表", /^213\s+01\s+08\s/);
    expect(blamed(s8).map((f) => [f.unit, f.code, f.column, f.stated, f.computed, f.location.page])).toEqual([[UNITS[2], "2130108", "项目支出", "134.87", "143.87", page(s8)]]);
    const dept2130108 = rowLine(text, DEPARTMENT_PART, "支出总表", /^213\s+01\s+08\s/);
    expect(sumAt(dept2130108).map((f) => [f.column, f.related[0].line, f.explainedBy === blamed(s8)[0].id])).toEqual([["项目支出", s8, true]]);
    expect(sumAt(dept2130108)[0].message).toContain(`only ${UNITS[2]}'s row at line ${s8}`);

    // S1: the 农业机械化服务中心's 表6 moves 0.50 from 30211 to 30201; its own 302 still holds, so only the department's 表6
    // shows it, and any unit's two figures moved back would do as well: the diagnosis lays it on one unit's four figures
    // and lists the others, the 机械化服务中心's among them.
    const d30201 = rowLine(text, DEPARTMENT_PART, "一般公共预算基本支出表", /^302\s+01\s/);
    const d30211 = rowLine(text, DEPARTMENT_PART, "一般公共预算基本支出表", /^302\s+11\s/);
    const s1 = [...sumAt(d30201), ...sumAt(d30211)];
    expect(s1.map((f) => f.column)).toEqual(["合计", "公用经费", "合计", "公用经费"]);
    for (const f of s1) expect(f.message).not.toMatch(/at odds elsewhere/);
    const s1Diagnoses = errors.filter((f) => f.ruleId === "diagnosis" && s1.some((x) => x.explainedBy === f.id));
    expect(s1Diagnoses).toHaveLength(4);
    const u30201 = rowLine(text, unitHeading(UNITS[3]), "一般公共预算基本支出表", /^302\s+01\s/);
    const u30211 = rowLine(text, unitHeading(UNITS[3]), "一般公共预算基本支出表", /^302\s+11\s/);
    const named = [...s1Diagnoses.map((f) => f.location.line), ...s1Diagnoses[0].diagnosis!.alternatives.flat().map((p) => p.location.line)];
    expect(named).toEqual(expect.arrayContaining([u30201, u30211]));

    // The department's own (S2, S5, S7) and the text's (S3, S4), at their lines.
    const s2 = rowLine(text, DEPARTMENT_PART, "支出总表", /^213\s+01\s+04\s/);
    expect(blamed(s2).map((f) => [f.unit, f.stated, f.computed])).toEqual([[null, "552.4", "525.4"]]);
    // (The department's typo names no unit: none of theirs is at odds.)
    for (const f of sumAt(s2)) expect(f.message).not.toMatch(/at odds elsewhere/);
    const s5 = rowLine(text, DEPARTMENT_PART, "一般公共预算“三公”经费支出表", /^3\.公务接待费/);
    expect(blamed(s5).map((f) => [f.unit, f.stated, f.computed])).toEqual([[null, "7.21", "7.12"]]);
    const s7 = rowLine(text, DEPARTMENT_PART, "一般公共预算基本支出表", /^301\s+13\s/);
    expect(blamed(s7).map((f) => [f.unit, f.stated, f.computed])).toEqual([
      [null, "92.54", "92.45"],
      [null, "92.54", "92.45"],
    ]);
    const s3 = text.findIndex((l) => l.startsWith("347.17万元")) + 1;
    expect(blamed(s3).map((f) => [f.stated, f.computed])).toEqual([["347.17", "346.17"]]);
    const s4 = text.findIndex((l) => l.includes("占99.00%")) + 1;
    expect(errors.some((f) => f.ruleId === "text-sum" && f.location.line === s4)).toBe(true);
  });
});
