import { describe, expect, it } from "vitest";
import { classifyAmountText } from "../../src/model/amount.js";
import { amountFormat } from "../../src/rules/amount-format.js";
import { runCases } from "../helpers/cases.js";
import { classified, t9 } from "../helpers/tables.js";

// classified(7): data from line 5.
const T7 = (rows: string) => classified(7, rows);

runCases(amountFormat, {
  accept: [
    { name: "amounts, a blank and dashes", text: T7("甲单位→→→10→-→10\n→206→科学技术支出→10→→10\n→20601→科学技术管理事务→10→—→10") },
    { name: "表9 with a negative change", text: t9("甲单位→2022 年→8→0→4→4→0→4\n→2023 年→5→0→1→4→0→4\n→增减变化金额→-3→0→-3→0→0→0") },
  ],
  reject: [
    {
      name: "9,7244, 12.3.4 and 1e400 in one unit's rows",
      text: T7("甲单位→→→9,7244→0→10\n→206→科学技术支出→12.3.4→0→1e400"),
      findings: [
        { severity: "error", stated: null, computed: null, difference: null, tolerance: null, line: 5, table: "T7", unit: "甲单位", column: "支出总计" },
        { severity: "error", stated: null, computed: null, difference: null, tolerance: null, line: 6, unit: "甲单位", code: "206", column: "支出总计" },
        { severity: "error", stated: null, computed: null, difference: null, tolerance: null, line: 6, unit: "甲单位", code: "206", column: "项目支出" },
      ],
    },
    {
      name: "NaN and 0x369",
      text: T7("甲单位→→→NaN→0→0x369"),
      findings: [
        { severity: "error", stated: null, computed: null, difference: null, tolerance: null, line: 5, column: "支出总计" },
        { severity: "error", stated: null, computed: null, difference: null, tolerance: null, line: 5, column: "项目支出" },
      ],
    },
  ],
});

describe("classifyAmountText: the one place that tells an amount cell's text", () => {
  it.each([
    ["9,724", "amount"], ["1, 197", "amount"], ["18,976.76", "amount"], ["(3)", "amount"], ["－3", "amount"], ["１２", "amount"],
    ["", "blank"], ["  ", "blank"], ["-", "dash"], ["—", "dash"], ["——", "dash"], ["/", "dash"],
    ["三级指标", "text"], ["2000 平方米", "text"], ["95%", "text"], ["≥10 次", "text"],
    ["9,7244", "malformed"], ["9,72,4", "malformed"], ["1,2,3", "malformed"], ["12.3.4", "malformed"],
    ["1e400", "malformed"], ["NaN", "malformed"], ["Infinity", "malformed"], ["0x369", "malformed"],
  ])("%j is %s", (text, kind) => {
    expect(classifyAmountText(text).kind).toBe(kind);
  });

  it("says why an amount is malformed", () => {
    expect(classifyAmountText("9,7244")).toEqual({ kind: "malformed", reason: "grouping" });
    expect(classifyAmountText("12.3.4")).toEqual({ kind: "malformed", reason: "decimal-points" });
    expect(classifyAmountText("1e400")).toEqual({ kind: "malformed", reason: "exponent" });
    expect(classifyAmountText("0x369")).toEqual({ kind: "malformed", reason: "hexadecimal" });
    expect(classifyAmountText("NaN")).toEqual({ kind: "malformed", reason: "not-a-number" });
  });
});
