import { describe, expect, it } from "vitest";
import { unitsSum } from "../../src/rules/units-sum.js";
import { runRules } from "../../src/engine/run.js";
import { rules } from "../../src/rules/index.js";
import { runCases } from "../helpers/cases.js";
import { docAsRead } from "../helpers/docs.js";
import { DEPARTMENT, tableSet, UNITS, unitDocument } from "../helpers/unit-sets.js";

// The department's 收入总表 on lines 3–11 (2130104 事业运行 on 10, 2130106 科技转化与推广服务 on 11), 支出总表 12–20, 一般公共预算支出表
// 21–29; the 农业技术推广中心's set under its heading on line 30 (its 收入总表's 2130104 on 38, 2130106 on 39), the
// 农业机械化服务中心's on line 58 (66, 67).
const consistent = unitDocument();
const lines = (text: string) => text.split("\n");
const replaced = (text: string, at: Record<number, string>) => lines(text).map((l, i) => at[i + 1] ?? l).join("\n");

runCases(
  unitsSum,
  {
    accept: [
      { name: "each figure of the department's tables = Σ the units' (300.00 = 180.00 + 120.00 …)", text: consistent },
      { name: "a department with no unit's tables: nothing to compare", text: [`${DEPARTMENT}2026年部门预算`, "", ...tableSet(`部门名称：${DEPARTMENT}`, 300, 100)].join("\n") },
      {
        // The 机械化服务中心 prints no 科技转化与推广服务 (its 21301 details to 项 without it: 0), the department 60.00, the 推广中心's alone.
        name: "a 项 a unit leaves out, where it details its 款 to 项, is 0",
        text: unitDocument({ units: [UNITS[0], { ...UNITS[1], project: 0 }] }).split("\n").filter((l, i) => !(i + 1 >= 58 && l.startsWith("2130106"))).join("\n"),
      },
      {
        // The 机械化服务中心 prints no 一般公共预算支出表: the department's (here 2130104 mistyped 301.00) is compared with nothing.
        name: "a table some unit does not print is not compared",
        text: replaced(lines(consistent).slice(0, 76).join("\n"), { 28: "2130104\t事业运行\t301.00\t301.00\t0.00" }),
      },
    ],
    reject: [
      {
        // The 机械化服务中心's 收入总表 moves 10 from 事业运行 to 科技转化与推广服务: its own 合计 still holds.
        name: "a unit's figures that its own sums do not show, against the department's",
        text: replaced(consistent, { 66: "2130104\t事业运行\t130.00\t130.00\t0.00", 67: "2130106\t科技转化与推广服务\t30.00\t30.00\t0.00" }),
        findings: [
          { severity: "error", stated: "300", computed: "310", difference: "-10", tolerance: "0.015", line: 10, table: "T2", unit: null, code: "2130104", column: "合计", related: [38, 66] },
          { severity: "error", stated: "300", computed: "310", difference: "-10", tolerance: "0.015", line: 10, table: "T2", code: "2130104", related: [38, 66] },
          { severity: "error", stated: "100", computed: "90", difference: "10", tolerance: "0.015", line: 11, table: "T2", code: "2130106", related: [39, 67] },
          { severity: "error", stated: "100", computed: "90", difference: "10", tolerance: "0.015", line: 11, table: "T2", code: "2130106", related: [39, 67] },
        ],
      },
      {
        // Each printed figure rounded on its own: ½ · 0.01 for the department's and for each of the two units'.
        name: "a department's figure one hundredth off the units' sum: within rounding",
        text: replaced(consistent, { 19: "2130104\t事业运行\t300.01\t300.00\t0.00" }),
        findings: [{ severity: "info", stated: "300.01", computed: "300", difference: "0.01", tolerance: "0.015", line: 19, table: "T3", code: "2130104", column: "合计", related: [47, 75] }],
      },
    ],
  },
  docAsRead,
);

describe("units-sum and the diagnosis", () => {
  it("the unit's figure that breaks its own unit's identities too is the one every finding points to", async () => {
    const { checkDocument } = await import("../../src/check.js");
    const doc = docAsRead(replaced(consistent, { 66: "2130104\t事业运行\t130.00\t130.00\t0.00", 67: "2130106\t科技转化与推广服务\t30.00\t30.00\t0.00" }));
    const findings = await checkDocument(doc, { tolerance: { kind: "auto" }, severities: {}, lang: "en" });
    const blamed = findings.filter((f) => f.ruleId === "diagnosis").map((f) => [f.location.line, f.unit, f.stated, f.computed]);
    expect(blamed).toEqual([
      [66, UNITS[1].name, "130", "120"],
      [66, UNITS[1].name, "130", "120"],
      [67, UNITS[1].name, "30", "40"],
      [67, UNITS[1].name, "30", "40"],
    ]);
    // Every error is explained by those four.
    expect(findings.filter((f) => f.severity === "error" && f.ruleId !== "diagnosis" && !f.explainedBy)).toEqual([]);
  });

  it("names the one unit whose row is at odds in its own tables too, its figure first among the related", () => {
    // The 机械化服务中心's 收入总表 moves 10 from 事业运行 to 科技转化与推广服务: its 支出总表 (120.00, 40.00) disagrees at those rows.
    const doc = docAsRead(replaced(consistent, { 66: "2130104\t事业运行\t130.00\t130.00\t0.00", 67: "2130106\t科技转化与推广服务\t30.00\t30.00\t0.00" }));
    const sum = runRules(doc, rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.ruleId === "units-sum" && f.severity === "error");
    expect(sum.map((f) => [f.location.line, f.related.map((l) => l.line)])).toEqual([
      [10, [66, 38]],
      [10, [66, 38]],
      [11, [67, 39]],
      [11, [67, 39]],
    ]);
    expect(sum[0].message).toContain(`(of them, only ${UNITS[1].name}'s row at line 66 is at odds elsewhere too)`);
    const zh = runRules(doc, rules, { tolerance: { kind: "auto" }, lang: "zh" }).filter((f) => f.ruleId === "units-sum" && f.severity === "error");
    expect(zh[0].message).toContain(`（其中仅${UNITS[1].name}该行（第 66 行）在别处也不符）`);
  });

  it("a unit's row among the parts of its own failing sum is not named: which part is off, the sum does not say", () => {
    // The 机械化服务中心's 21301 printed 170.00 (its 项 add up to 160.00: a finding at its 21301, which lists its 2130104
    // and 2130106 as parts); the department's 2130104 printed 310.00.
    const doc = docAsRead(replaced(consistent, { 65: "21301\t农业农村\t170.00\t170.00\t0.00", 10: "2130104\t事业运行\t310.00\t310.00\t0.00" }));
    const sum = runRules(doc, rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.ruleId === "units-sum" && f.severity === "error");
    const named = (line: number) => sum.filter((f) => f.location.line === line).map((f) => /only (.*?)'s row at line (\d+)/.exec(f.message)?.slice(1) ?? null);
    expect(named(10)).toEqual([null, null]);
    expect(named(9)).toEqual([
      [UNITS[1].name, "65"],
      [UNITS[1].name, "65"],
    ]);
  });

  it("names no unit when two units' rows are at odds in their own tables", () => {
    // Both units' 收入总表 move 10 from 事业运行 to 科技转化与推广服务 the other way.
    const doc = docAsRead(
      replaced(consistent, {
        38: "2130104\t事业运行\t190.00\t190.00\t0.00",
        39: "2130106\t科技转化与推广服务\t50.00\t50.00\t0.00",
        66: "2130104\t事业运行\t130.00\t130.00\t0.00",
        67: "2130106\t科技转化与推广服务\t30.00\t30.00\t0.00",
      }),
    );
    const sum = runRules(doc, rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.ruleId === "units-sum" && f.severity === "error");
    expect(sum.length).toBeGreaterThan(0);
    for (const f of sum) expect(f.message).not.toContain("at odds elsewhere");
  });

  it("a department whose tables are printed under a unit's heading is that unit's: not compared with the others", () => {
    // (A 单位预算 of the 局机关 first, then its sister units': no table of the department's own.)
    const text = unitDocument()
      .replace(`${DEPARTMENT}2026年部门预算\n`, `${DEPARTMENT}2026年部门预算\n一、某县农业农村局（局机关）2026年单位预算\n`)
      .replaceAll(`部门名称：${DEPARTMENT}`, "单位名称：某县农业农村局（局机关）");
    const doc = docAsRead(text);
    expect(doc.tables.every((t) => t.budgetUnit === "某县农业农村局（局机关）")).toBe(true);
    expect(runRules(doc, rules, { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.ruleId === "units-sum")).toEqual([]);
  });
});
