import { describe, expect, it } from "vitest";
import { normalisePunctuation } from "../../src/claims/text.js";

/*
 * normalisePunctuation is one pass over the characters since the sixteenth pass of issue 13 (docs/performance.md):
 * it must give what the two replacements it took the place of gave, character for character.
 */
const HALF: Record<string, string> = { "，": ",", "：": ":", "；": ";", "（": "(", "）": ")", "！": "!", "？": "?", "％": "%", "．": "." };
const byReplacement = (s: string) => s.replace(/[，：；（）！？％．]/g, (c) => HALF[c]).replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

describe("normalisePunctuation", () => {
  it("replaces the full-width punctuation and digits, and no other character of the full-width block", () => {
    for (let c = 0xff00; c <= 0xff60; c++) {
      const s = `费${String.fromCharCode(c)}用`;
      expect(normalisePunctuation(s)).toBe(byReplacement(s));
    }
    expect(normalisePunctuation("一般公共服务支出（类）８，２９０．６８万元，占９０．２５％！？：；")).toBe("一般公共服务支出(类)8,290.68万元,占90.25%!?:;");
  });

  it("keeps the length and leaves a line without such characters as it is", () => {
    for (const s of ["", "，", "８", "2023年预算数为 1,234.56 万元。", "（一）", "ａｂ＃＄＠～、。“”", "，，８８ab（）"]) {
      expect(normalisePunctuation(s)).toBe(byReplacement(s));
      expect(normalisePunctuation(s).length).toBe(s.length);
    }
    const plain = "本部门2023年收入预算 1,234.56 万元。";
    expect(normalisePunctuation(plain)).toBe(plain);
  });
});
