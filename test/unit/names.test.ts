import { describe, expect, it } from "vitest";
import { asciiDigits, normaliseName } from "../../src/model/names.js";

describe("normaliseName", () => {
  it("removes spacing and quotes and makes brackets and colons half-width", () => {
    expect(normaliseName(" 其他 支出（项）")).toBe("其他支出(项)");
    expect(normaliseName("其中：“三公”经费\u3000")).toBe("其中:三公经费");
    expect(normaliseName("机关\t服务\n")).toBe("机关服务");
  });
  it("leaves a name without noise as it is", () => {
    expect(normaliseName("一般公共服务支出")).toBe("一般公共服务支出");
    expect(normaliseName("")).toBe("");
  });
  it("gives the same answer the second time (the memo) and past the memo's size", () => {
    for (let i = 0; i < 10_000; i++) expect(normaliseName(`单位 ${i}（本级）`)).toBe(`单位${i}(本级)`);
    expect(normaliseName("单位 7（本级）")).toBe("单位7(本级)");
  });
});

describe("asciiDigits", () => {
  it("makes ０–９ the ASCII digits, one character for one, and leaves every other character", () => {
    expect(asciiDigits("表１２ ２０２３年 ３０１ 工资福利支出 ９，７２４．５０")).toBe("表12 2023年 301 工资福利支出 9，724．50");
    expect(asciiDigits("０")).toBe("0");
    expect(asciiDigits("a９")).toBe("a9");
  });

  it("gives the text itself where it has no full-width digit (Ｏ, the letter, and ０'s neighbours are not digits)", () => {
    const s = "收支总表 9,724 ／ Ｏ ＼";
    expect(asciiDigits(s)).toBe(s);
    expect(asciiDigits("\uFF0F\uFF1A")).toBe("\uFF0F\uFF1A");
  });
});
