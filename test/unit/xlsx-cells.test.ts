import { describe, expect, it } from "vitest";
import { displayNumber, formatDecimals, sumTerms } from "../../src/loaders/xlsx.js";

describe("number formats", () => {
  it.each([
    ["#,##0", 0, false],
    ["0.00", 2, false],
    ["#,##0.0_);(#,##0.0)", 1, false],
    ["0.0%", 1, true],
    ['"¥"#,##0.00', 2, false],
    ["General", null, false],
  ])("%s prints %s decimals", (fmt, decimals, percent) => {
    expect(formatDecimals(fmt)).toEqual({ decimals, percent });
  });

  it("shows a stored float as Excel does, rounding half away from zero, without float arithmetic", () => {
    expect(displayNumber(1197, "#,##0")).toBe("1197");
    expect(displayNumber(1196.5, "#,##0")).toBe("1197");
    expect(displayNumber(-1196.5, "#,##0")).toBe("-1197");
    expect(displayNumber(2.675, "0.00")).toBe("2.68"); // the float is 2.67499999…; Excel shows 2.68
    expect(displayNumber(0.1 + 0.2, undefined)).toBe("0.3");
    expect(displayNumber(0.085, "0.0%")).toBe("8.5%");
    expect(displayNumber(12345678.9, "#,##0.00")).toBe("12345678.90");
  });
});

describe("plain sum formulas", () => {
  it("expands SUM ranges and signed references", () => {
    expect(sumTerms("SUM(E8:F8)")).toEqual([
      { address: "E8", sign: 1, inSum: true },
      { address: "F8", sign: 1, inSum: true },
    ]);
    expect(sumTerms("$D$7-D8+SUM(B2,C3:C4)")?.map((t) => `${t.sign > 0 ? "+" : "-"}${t.address}`)).toEqual(["+D7", "-D8", "+B2", "+C3", "+C4"]);
  });

  it("declines anything else: other functions, constants, other sheets", () => {
    for (const f of ["ROUND(A1,0)", "A1*2", "A1+1", "表3!D8+D9", "SUM(A1:A2)/2", ""]) expect(sumTerms(f)).toBeNull();
  });
});
