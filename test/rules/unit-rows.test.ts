import { describe, expect, it } from "vitest";
import { unitRows } from "../../src/rules/unit-rows.js";
import { runRules } from "../../src/engine/run.js";
import { rules } from "../../src/rules/index.js";
import { runCases } from "../helpers/cases.js";
import { docAsRead } from "../helpers/docs.js";
import { UNITS, unitDocument, unitRowsDocument } from "../helpers/unit-sets.js";

// The department's 收入总表 on lines 3–9 (合计 on 7, the 农业技术推广中心's row on 8, the 农业机械化服务中心's on 9), its
// 支出总表 10–16 (14, 15, 16), its 一般公共预算支出表 by code 17–25; the 推广中心's set under its heading on line 26 (its
// 收入总表's 合计 on 31, its 支出总表's on 40), the 机械化服务中心's on line 54 (59, 68).
const consistent = unitRowsDocument();
const lines = (text: string) => text.split("\n");
const replaced = (text: string, at: Record<number, string>) => lines(text).map((l, i) => at[i + 1] ?? l).join("\n");

/** The department's 支出总表 by unit with each unit's codes under its row (as 表3 of many provinces prints it). */
function withCodesUnderUnits(text: string, typo?: string): string {
  const block = (code: string, name: string, b: number, p: number) => {
    const f = (n: number) => n.toFixed(2);
    return [
      `${code}\t${name}\t${f(b + p)}\t${f(b)}\t${f(p)}`,
      `213\t农林水支出\t${f(b + p)}\t${f(b)}\t${f(p)}`,
      `21301\t农业农村\t${f(b + p)}\t${f(b)}\t${f(p)}`,
      typo && code === "101002" ? typo : `2130104\t事业运行\t${f(b)}\t${f(b)}\t0.00`,
      `2130106\t科技转化与推广服务\t${f(p)}\t0.00\t${f(p)}`,
    ];
  };
  const l = lines(text);
  return [...l.slice(0, 14), ...block("101001", UNITS[0].name, 180, 60), ...block("101002", UNITS[1].name, 120, 40), ...l.slice(16)].join("\n");
}

runCases(
  unitRows,
  {
    accept: [
      { name: "each unit's row of the department's 收入总表 and 支出总表 = the 合计 of the unit's own (240.00, 160.00 …)", text: consistent },
      { name: "the codes under each unit's row = the same codes of the unit's own 支出总表", text: withCodesUnderUnits(consistent) },
      { name: "a department whose tables print no unit's row: nothing to compare (units-sum's)", text: unitDocument() },
      {
        // (The 畜牧兽医中心 prints no set of its own: its row, mistyped or not, is compared with nothing.)
        name: "a unit's row naming no unit whose tables are printed is not compared",
        text: replaced(unitRowsDocument({ rowName: (u) => (u === UNITS[1] ? "某县畜牧兽医中心" : u.name) }), { 9: "101002\t某县畜牧兽医中心\t161.00\t161.00\t0.00" }),
      },
      {
        // Two rows print the same unit's name: which of them is the unit's cannot be told.
        name: "a unit named on two rows of the table is not compared",
        text: replaced(unitRowsDocument({ rowName: () => UNITS[1].name }), { 9: `101002\t${UNITS[1].name}\t161.00\t161.00\t0.00` }),
      },
    ],
    reject: [
      {
        name: "a unit's row of the department's 收入总表 against the 合计 of the unit's own",
        text: replaced(consistent, { 9: `101002\t${UNITS[1].name}\t161.00\t161.00\t0.00` }),
        findings: [
          { severity: "error", stated: "161", computed: "160", difference: "1", tolerance: "0.01", line: 9, table: "T2", unit: UNITS[1].name, column: "合计", related: [59] },
          { severity: "error", stated: "161", computed: "160", difference: "1", tolerance: "0.01", line: 9, table: "T2", unit: UNITS[1].name, related: [59] },
        ],
      },
      {
        // The unit's own 支出总表 prints 基本支出 121.00 in its 合计 row (its codes still say 120.00).
        name: "the unit's own 合计 against its row in the department's",
        text: replaced(consistent, { 68: "\t合计\t160.00\t121.00\t40.00" }),
        findings: [{ severity: "error", stated: "120", computed: "121", difference: "-1", tolerance: "0.01", line: 16, table: "T3", unit: UNITS[1].name, column: "基本支出", related: [68] }],
      },
      {
        // The department's rows print the units without the county's name (农业机械化服务中心): the one unit it ends.
        name: "a unit's row printing its name without the place before it",
        text: replaced(unitRowsDocument({ rowName: (u) => u.name.replace(/^某县/, "") }), { 16: "101002\t农业机械化服务中心\t160.00\t120.00\t41.00" }),
        findings: [{ severity: "error", stated: "41", computed: "40", difference: "1", tolerance: "0.01", line: 16, table: "T3", unit: "农业机械化服务中心", column: "项目支出", related: [68] }],
      },
      {
        name: "a code under a unit's row against the same code of the unit's own table",
        text: withCodesUnderUnits(consistent, "2130104\t事业运行\t121.00\t121.00\t0.00"),
        findings: [
          { severity: "error", stated: "121", computed: "120", difference: "1", tolerance: "0.01", line: 23, table: "T3", code: "2130104", column: "合计", related: [79] },
          { severity: "error", stated: "121", computed: "120", difference: "1", tolerance: "0.01", line: 23, table: "T3", code: "2130104", column: "基本支出", related: [79] },
        ],
      },
    ],
  },
  docAsRead,
);

describe("unit-rows with the other rules", () => {
  it("a unit's mistyped 合计 is named by units-sum and blamed by the diagnosis on the unit's cell", async () => {
    const { checkDocument } = await import("../../src/check.js");
    const text = replaced(consistent, { 59: "\t合计\t161.00\t161.00\t0.00" });
    const findings = runRules(docAsRead(text), rules, { tolerance: { kind: "auto" }, lang: "en" });
    const sum = findings.filter((f) => f.ruleId === "units-sum" && f.severity === "error");
    expect(sum.map((f) => [f.location.line, f.related[0].line])).toEqual([
      [7, 59],
      [7, 59],
    ]);
    for (const f of sum) expect(f.message).toContain(`only ${UNITS[1].name}'s row at line 59 is at odds elsewhere too`);
    const all = await checkDocument(docAsRead(text), { tolerance: { kind: "auto" }, severities: {}, lang: "en" });
    expect(all.filter((f) => f.ruleId === "diagnosis").map((f) => [f.location.line, f.unit, f.stated, f.computed])).toEqual([
      [59, UNITS[1].name, "161", "160"],
      [59, UNITS[1].name, "161", "160"],
    ]);
    expect(all.filter((f) => f.severity === "error" && f.ruleId !== "diagnosis" && !f.explainedBy)).toEqual([]);
  });
});
