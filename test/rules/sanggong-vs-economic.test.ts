import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { sanggongVsEconomic } from "../../src/rules/sanggong-vs-economic.js";
import { runCases } from "../helpers/cases.js";
import { layoutTable, pad, padL } from "../helpers/layout.js";
import { classified, pages, t9 } from "../helpers/tables.js";

// 表8 on lines 1–8: 甲单位 on 5, 30217 公务接待费 on 7, 30231 公务用车运行维护费 on 8 (no 30212, no 31013).
// 表9 from line 9: 甲单位's 2023 row on line 14.
const doc = (row2023: string, unit = "甲单位") =>
  pages(
    classified(8, "甲单位→→→5→5→0\n→302→商品和服务支出→5→5→0\n→30217→公务接待费→1→1→0\n→30231→公务用车运行维护费→4→4→0"),
    t9(`${unit}→2023 年→${row2023}`),
  );

runCases(sanggongVsEconomic, {
  accept: [
    { name: "接待 1 = 30217, 运维 4 = 30231, 出国 and 购置 0 where 表8 has no such code", text: doc("5→0→1→4→0→4") },
    { name: "a 表9 unit that 表8 does not print is not compared", text: doc("9→0→5→4→0→4", "乙单位") },
  ],
  reject: [
    {
      // 5 vs 4: ½ + ½.
      name: "公务用车运行维护费 5 ≠ 表8 30231's 4, within rounding",
      text: doc("6→0→1→5→0→5"),
      findings: [{ severity: "info", stated: "5", computed: "4", difference: "1", tolerance: "1", line: 14, table: "T9", unit: "甲单位", item: "2023 年", column: "公务用车运行维护费", related: [8] }],
    },
    {
      name: "公务接待费 5 ≠ 表8 30217's 1, beyond rounding",
      text: doc("9→0→5→4→0→4"),
      findings: [{ severity: "error", stated: "5", computed: "1", difference: "4", tolerance: "1", line: 14, column: "公务接待费", related: [7] }],
    },
    {
      // No 30212 row: compared with 0, only the printed 3 can move (½).
      name: "因公出国(境)费 3 where 表8 has no 30212",
      text: doc("8→3→1→4→0→4"),
      findings: [{ severity: "error", stated: "3", computed: "0", difference: "3", tolerance: "0.5", line: 14, column: "因公出国(境)费", related: [] }],
    },
    {
      // A single-unit department: 表8 (lines 1–7) prints the 部门名称 row and its codes directly; 表9 (from line 8)
      // names the same department. 接待 5 vs 30217's 1 (½ + ½); 运维 4 vs no 30231 (½).
      name: "a single-unit department's 表9 row against the codes under 表8's department row",
      text: pages(classified(8, "某部门→→→1→1→0\n→30217→公务接待费→1→1→0", "某部门"), t9("某部门→2023 年→9→0→5→4→0→4")),
      findings: [
        { severity: "error", stated: "5", computed: "1", difference: "4", tolerance: "1", line: 13, unit: "某部门", column: "公务接待费", related: [7] },
        { severity: "error", stated: "4", computed: "0", difference: "4", tolerance: "0.5", line: 13, unit: "某部门", column: "公务用车运行维护费", related: [] },
      ],
    },
  ],
});

/*
 * 安徽's tables: no 一般公共预算支出表 by economic class, only the 一般公共预算基本支出表 (basic expenditure by economic code,
 * the department's rows under its 合计), and a 三公 table of one row for the whole department. The 三公 figure (every
 * 一般公共预算 line, projects' too) is at least the basic table's line, never necessarily equal to it.
 */
describe("sanggong-vs-economic against the 一般公共预算基本支出表 (no 一般公共预算支出表 by economic class)", () => {
  const UNIT = `编制单位：某市某局${" ".repeat(50)}单位：万元`;
  const row = (code: string, name: string, xs: string[]) => `${pad(`${code}   ${name}`, 36)}${xs.map((x) => padL(x, 14)).join("")}`;
  const basic = layoutTable("某市某局2026年部门预算", "一般公共预算基本支出表", UNIT, [
    row("科目编码", "科目名称", ["合计", "人员经费", "公用经费"]),
    row("", "合    计", ["30.00", "0.00", "30.00"]),
    row("302", "商品和服务支出", ["30.00", "0.00", "30.00"]),
    row("30217", "公务接待费", ["4.20", "0.00", "4.20"]),
    row("30231", "公务用车运行维护费", ["18.60", "0.00", "18.60"]),
    row("30299", "其他商品和服务支出", ["7.20", "0.00", "7.20"]),
  ]);
  const sanggong = (abroad: string, operation: string, reception: string) =>
    layoutTable("某市某局2026年部门预算", "一般公共预算“三公”经费支出表", UNIT, [
      `${" ".repeat(42)}${pad("公务用车购置及运行费", 30)}`,
      ["合计", "因公出国（境）费", "小计", "公务用车购置费", "公务用车运行费", "公务接待费"].map((h) => padL(h, 14)).join(""),
      [(Number(abroad) + Number(operation) + Number(reception)).toFixed(2), abroad, operation, "0.00", operation, reception].map((h) => padL(h, 14)).join(""),
    ]);
  const findings = (text: string) => runRules(loadLayoutText("预算.txt", text), [sanggongVsEconomic], { tolerance: { kind: "auto" }, lang: "en" }).map((f) => [f.severity, f.column, f.stated, f.computed]);

  it("passes a 三公 figure equal to the basic line or above it (projects' spending too), and one whose code the table does not print", () => {
    expect(findings(basic + sanggong("0.00", "18.60", "4.20"))).toEqual([]);
    expect(findings(basic + sanggong("12.00", "25.60", "9.20"))).toEqual([]);
  });

  it("compares in the 三公 table's money unit (上海: the basic table in 元, the 三公 table in 万元)", () => {
    const inYuan = layoutTable("某市某局2026年部门预算", "一般公共预算基本支出表", UNIT.replace("万元", "元"), [
      row("科目编码", "科目名称", ["合计", "人员经费", "公用经费"]),
      row("", "合    计", ["228000.00", "0.00", "228000.00"]),
      row("302", "商品和服务支出", ["228000.00", "0.00", "228000.00"]),
      row("30217", "公务接待费", ["42000.00", "0.00", "42000.00"]),
      row("30231", "公务用车运行维护费", ["186000.00", "0.00", "186000.00"]),
    ]);
    expect(findings(inYuan + sanggong("0.00", "18.60", "4.20"))).toEqual([]);
    expect(findings(inYuan + sanggong("0.00", "18.60", "3.20"))).toEqual([["error", "公务接待费", "3.2", "4.2"]]);
  });

  it("fails: a 三公 figure below the basic expenditure's own line", () => {
    expect(findings(basic + sanggong("0.00", "18.60", "3.20"))).toEqual([["error", "公务接待费", "3.2", "4.2"]]);
    expect(findings(basic + sanggong("0.00", "16.80", "4.20"))).toEqual([["error", "公务用车运行费", "16.8", "18.6"]]);
  });
});
