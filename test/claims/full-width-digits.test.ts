import { describe, expect, it } from "vitest";
import { extractClaims } from "../../src/claims/extract.js";
import type { Amount } from "../../src/model/amount.js";
import type { TextPart } from "../../src/model/document.js";
import { textDoc } from "../helpers/text.js";

/*
 * Figures typed with full-width digits (一般公共服务支出（类）８，２９０．６８万元，占９０．２５％) are the same figures:
 * the readers matched ASCII digits only, so such a statement was not read and a mistake in it passed.
 */
const part = (lines: string[]): TextPart => ({ number: null, title: "预算情况说明", location: { file: "p.txt", line: 1 }, lines: lines.map((text, i) => ({ line: 2 + i, text })) });
const figures = (lines: string[]) => {
  const out: string[] = [];
  const seen = (k: string, v: unknown) => {
    if (v && typeof v === "object" && "value" in v && "decimals" in v) {
      const a = v as Amount;
      out.push(`${k} ${a.value.toFixed(a.decimals)} ${a.location.line}:${a.location.column}`);
    }
    return v;
  };
  for (const c of extractClaims({ ...textDoc(""), template: "generic", stage: "budget", year: 2025, text: [part(lines)] }).claims) JSON.stringify(c, seen);
  return out.sort();
};
const FULL = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).replace(/,/g, "，").replace(/\./g, "．").replace(/%/g, "％");

describe("figures typed with full-width digits", () => {
  it("are read as the same figures, at the same columns", () => {
    const line = "2025年一般公共预算当年拨款9,186.20万元，其中：一般公共服务支出（类）8,290.68万元，占90.25%；住房保障支出（类）895.52万元，占9.75%。";
    const ascii = figures([line]);
    expect(ascii.length).toBeGreaterThan(4);
    expect(figures([FULL(line)])).toEqual(ascii);
  });
});
