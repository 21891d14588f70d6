import { describe, expect, it } from "vitest";
import { extractClaims } from "../../src/claims/extract.js";
import type { Claim } from "../../src/claims/types.js";
import type { TextPart } from "../../src/model/document.js";
import { textDoc } from "../helpers/text.js";

/*
 * 江苏's 支出预算情况: the total's 其中： then a paragraph a part, each with its share and words after it, not numbered
 * (基本支出2,353.83万元，占80.89%。主要用于保障… / 项目支出556.00万元，占19.11%。主要用于…). Only a numbered list ran
 * past a part's 。: the list was one part long and not read, so neither share nor amount was checked.
 */
const part = (lines: string[]): TextPart => ({ number: null, title: "预算情况说明", location: { file: "p.txt", line: 1 }, lines: lines.map((text, i) => ({ line: 2 + i, text })) });
const claims = (lines: string[]) => extractClaims({ ...textDoc(""), template: "generic", stage: "budget", year: 2025, text: [part(lines)] }).claims;
const shares = (cs: Claim[]) => cs.flatMap((c) => (c.kind === "share" ? [`${c.label} ${c.percent.text}% of ${c.baseLabel} (line ${c.percent.location.line})`] : []));

const LINES = (basic = "80.89") => [
  "三、支出预算情况",
  "江苏省某办公室2025年本年支出预算合计2,909.83万元，其中：",
  `基本支出2,353.83万元，占${basic}%。主要用于保障机构正常运转、完成日常工作任务而发生的各项支出。`,
  "项目支出556.00万元，占19.11%。主要用于地方志编纂、年鉴出版和方志馆运维等。",
  // A share of another total in the next paragraph: the list made 100% before it.
  "一般公共服务支出（类）2,122.91万元，占75.02%。",
];

describe("a total's parts in paragraphs of their own, words after each", () => {
  it("are one list: each share of the total, and their sum", () => {
    const cs = claims(LINES());
    expect(shares(cs)).toEqual(["基本支出 80.89% of 本年支出预算合计 (line 4)", "项目支出 19.11% of 本年支出预算合计 (line 5)"]);
    const composition = cs.find((c) => c.kind === "composition");
    expect(composition && composition.kind === "composition" ? composition.parts.map((p) => p.label) : []).toEqual(["基本支出", "项目支出"]);
  });

  it("a list whose shares do not yet make 100% is still read part by part (a wrong share is there to be checked)", () => {
    expect(shares(claims(LINES("80.98")))).toEqual(["基本支出 80.98% of 本年支出预算合计 (line 4)", "项目支出 19.11% of 本年支出预算合计 (line 5)"]);
  });
});

/*
 * The 三公's parts under its total stated in the sentence (or paragraph) before, 其中 with no colon, the first share
 * naming the total again (`其中因公出国（境）费839.00万元，占“三公”经费预算的96.71%；公务接待费28.50万元，占3.29%`): the
 * list was not read (only 收入 / 支出 totals led such a 其中, and only with its colon), and a share naming its base
 * was taken for a share of another total.
 */
describe("the 三公's parts under a 其中 that opens the next paragraph", () => {
  const lines = (abroad = "96.71") => ["2025年“三公”经费预算867.50万元，比上年增长0%，与上年持平。", `其中因公出国（境）费839.00万元，占“三公”经费预算的${abroad}%；公务接待费28.50万元，占3.29%；公务用车购置及运行费0万元。`];

  it("are read as shares of the 三公 total, the one that names it too", () => {
    expect(shares(claims(lines()))).toEqual(["因公出国(境)费 96.71% of 三公经费预算 (line 3)", "公务接待费 3.29% of 三公经费预算 (line 3)"]);
  });

  it("a wrong share is there to be checked", () => {
    expect(shares(claims(lines("97.61")))[0]).toBe("因公出国(境)费 97.61% of 三公经费预算 (line 3)");
  });
});
