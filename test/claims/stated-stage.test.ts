import { describe, expect, it } from "vitest";
import { extractClaims } from "../../src/claims/extract.js";
import type { TextPart } from "../../src/model/document.js";
import { textDoc } from "../helpers/text.js";

/*
 * The generic reader reads a 预算's restated figures (its totals, 基本支出, 三公, 政府采购) only in a 预算: a document
 * that calls a part or a table 决算 is a 决算. A web page saved with its site's path above the disclosure
 * (首页 > 信息公开 > 财政预决算) named 决算 in 预决算, which names both: a 广东 预算 saved from the web was read as a
 * 决算 and none of those figures was checked.
 */
const part = (title: string, line: number, lines: string[]): TextPart => ({
  number: null,
  title,
  location: { file: "p.html", line },
  lines: lines.map((text, i) => ({ line: line + 1 + i, text })),
});
const kinds = (titles: string[]) =>
  extractClaims({
    ...textDoc(""),
    template: "generic",
    stage: "budget",
    year: 2025,
    text: [
      part(titles[0], 1, []),
      part(titles[1], 3, ["六、政府采购情况。2025年政府采购预算179.00万元，其中：货物类56.00万元，服务类123.00万元。", "七、机关运行经费。2025年机关运行经费预算250.00万元。"]),
    ],
  }).claims.map((c) => c.kind);

describe("预算 or 决算, for the generic reader", () => {
  it("a part titled 财政预决算 (a web page's path) leaves a 预算 a 预算: its figures are read", () => {
    expect(kinds(["首页 > 信息公开 > 财政预决算", "2025年部门预算安排情况说明"])).toEqual(expect.arrayContaining(["procurement", "table-figure"]));
  });

  it("a part titled …决算… makes it a 决算: the 预算's figures are not read", () => {
    expect(kinds(["首页 > 信息公开 > 财政决算", "2024年部门决算情况说明"])).not.toContain("procurement");
  });
});
