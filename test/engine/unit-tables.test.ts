import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { rules } from "../../src/rules/index.js";
import { documentReport } from "../../src/report.js";
import { docAsRead } from "../helpers/docs.js";
import { UNITS, unitDocument } from "../helpers/unit-sets.js";

/*
 * Each budget unit's own tables (BudgetDocument.units) are checked by the rules that hold within a table set, as the
 * department's are: their findings are at the unit's lines and named with the unit. (The 农业机械化服务中心's 支出总表 is on
 * lines 68–76: its 2130104 事业运行 on 75.)
 */
const lines = (text: string) => text.split("\n");
const replaced = (text: string, at: Record<number, string>) => lines(text).map((l, i) => at[i + 1] ?? l).join("\n");
const run = (text: string, lang: "en" | "zh" = "en") => runRules(docAsRead(text), rules, { tolerance: { kind: "auto" }, lang });

describe("a unit's own tables, checked as the department's are", () => {
  it("consistent: no finding at all", () => {
    expect(run(unitDocument())).toEqual([]);
  });

  it("a unit's row whose 合计 is not 基本支出 + 项目支出: found at the unit's line, named with the unit", () => {
    // 事业运行's 合计 125.00 where its 基本支出 is 120.00 (the unit's 21301 and the department's figures as they were).
    const text = replaced(unitDocument(), { 75: "2130104\t事业运行\t125.00\t120.00\t0.00" });
    const rowTotal = run(text).filter((f) => f.ruleId === "row-total");
    expect(rowTotal.map((f) => [f.location.line, f.table, f.tableKind, f.unit, f.code, f.stated, f.computed])).toEqual([[75, "T3", "expenditure", UNITS[1].name, "2130104", "125", "120"]]);
    expect(rowTotal[0].message).toContain(`T3 ${UNITS[1].name} 2130104 事业运行 [合计]`);
    expect(run(text, "zh").find((f) => f.ruleId === "row-total")!.message).toContain(`表3 ${UNITS[1].name} 2130104 事业运行「合计」`);
    // The unit's 21301 and the department's 2130104 disagree with it too: each at its own line, the unit's named.
    const others = run(text).filter((f) => f.severity === "error" && f.ruleId !== "row-total");
    expect(others.map((f) => [f.ruleId, f.location.line, f.unit])).toEqual(
      expect.arrayContaining([
        ["units-sum", 19, null],
        ["hierarchy-sum", 74, UNITS[1].name],
      ]),
    );
  });

  it("the JSON report lists each unit's tables after the department's, with their unit", () => {
    const doc = docAsRead(unitDocument());
    const report = documentReport("case.md", doc, []);
    expect(report.tables.filter((t) => t.present).map((t) => [t.id, t.unit ?? null])).toEqual([
      ["T2", null],
      ["T3", null],
      ["T5", null],
      ...UNITS.flatMap((u) => [["T2", u.name], ["T3", u.name], ["T5", u.name]]),
    ]);
  });
});
