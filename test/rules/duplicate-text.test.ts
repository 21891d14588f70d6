import { describe, expect, it } from "vitest";
import { duplicateText } from "../../src/rules/duplicate-text.js";
import { checkText } from "../helpers/text.js";

describe("duplicate-text", () => {
  it("reports a list item repeated word for word under another number, even broken across a page", () => {
    const fs = checkText(
      duplicateText,
      `
## 第一部分 部门概况
1. 全面加强科普能力建设，促进全民科学素质普遍提高；
2. 全面加强科普能力建设，促进全民

科学素质普遍提高；
3. 深化事业单位机构改革。
`,
    );
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ severity: "info", table: "text", location: { line: 3 } });
    expect(fs[0].related.map((r) => r.line)).toEqual([2]);
  });

  it("stays silent on paragraphs that differ, and on short repeated lines", () => {
    const fs = checkText(
      duplicateText,
      `
## 第一部分 部门概况
1. 全面加强科普能力建设，促进全民科学素质普遍提高；
2. 全面加强科普能力建设，促进全民科学素质进一步提高；
(一) 人员支出。
(二) 人员支出。
`,
    );
    expect(fs).toEqual([]);
  });
});
