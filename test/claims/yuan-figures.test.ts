import { describe, expect, it } from "vitest";
import { extractClaims } from "../../src/claims/extract.js";
import type { Amount } from "../../src/model/amount.js";
import type { TextPart } from "../../src/model/document.js";
import { textDoc } from "../helpers/text.js";

/*
 * Figures the written parts print in 元 (a county's text states its amounts as its tables print them) are the
 * same figures in 万元, four more decimals: every reader that reads `N万元` reads them, generic lists too.
 */
const part = (lines: string[]): TextPart => ({ number: null, title: "预算情况说明", location: { file: "p.txt", line: 1 }, lines: lines.map((text, i) => ({ line: 2 + i, text })) });
const amounts = (lines: string[], stage: "budget" | "final" = "budget") => {
  const out: string[] = [];
  const seen = (k: string, v: unknown) => {
    if (v && typeof v === "object" && "value" in v && "decimals" in v) out.push(`${k} ${(v as Amount).value.toFixed((v as Amount).decimals)}`);
    return v;
  };
  for (const c of extractClaims({ ...textDoc(""), template: "generic", stage, year: 2025, text: [part(lines)] }).claims) JSON.stringify(c, seen);
  return out.sort();
};

describe("a text's figures in 元", () => {
  it.each([
    ["a total and its parts with shares", ["2025年收入预算457,090.91元，其中：一般公共预算拨款收入451,268.41元，占98.73%；事业收入4,110.00元，占0.90%；其他收入1,712.50元，占0.37%。"]],
    ["a figure and its change", ["2025年一般公共预算当年拨款451,268.41元，比2024年预算增加28,904.26元，增长6.84%。"]],
    ["the basic expenditure and its parts", ["2025年一般公共预算基本支出352,477.71元，其中：人员经费300,000.00元；公用经费52,477.71元。"]],
  ])("are read as the same figures in 万元: %s", (_, lines) => {
    // 457,090.91元 → 45.709091万元: the decimal point moved four places, as text.
    const wan = (n: string) => {
      const digits = n.replace(/[,.]/g, "").padStart(7, "0");
      return `${digits.slice(0, -6).replace(/^0+(?=\d)/, "")}.${digits.slice(-6)}万元`;
    };
    const inWan = lines.map((l) => l.replace(/(\d[\d,]*\.\d\d)元/g, (_, n: string) => wan(n)));
    const yuan = amounts(lines);
    expect(yuan.length).toBeGreaterThan(0);
    expect(yuan).toEqual(amounts(inWan));
  });

  it("a figure in 亿元 is not read as 元", () => {
    expect(amounts(["2025年收入预算0.46亿元。"])).toEqual([]);
  });
});
