import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import type { Rule } from "../../src/engine/types.js";
import { inUnit, makeAmount, type Amount } from "../../src/model/amount.js";
import { textDoc } from "../helpers/text.js";

/*
 * A ratio of a figure printed in 万元 (the text's) and one a table prints in 元 (湖南's 三公 table): the 元 figure is
 * divided in 万元. The message showed its printed 380,000.00 beside 19.47 — 19.47 ÷ 380,000.00 = 51.24% — which reads
 * as wrong arithmetic; it now says what was divided.
 */
const a = (text: string): Amount => makeAmount(text, { file: "t.md", line: 1 })!;
const rule = (budget: Amount, final = a("19.47")): Rule => ({
  id: "test-ratio",
  defaultSeverity: "error",
  description: "",
  descriptionZh: "",
  check(_doc, ctx) {
    ctx.ratio({ subject: { table: "text", item: "三公" }, percent: a("51.23"), numerator: [{ amount: final }], denominator: [{ amount: budget }], relation: { zh: "决算数 ÷ 预算数", en: "the final figure ÷ the budget" } });
  },
});
const message = (r: Rule, lang: "en" | "zh" = "en") => runRules(textDoc("## 第九部分 说明\n无。"), [r], { tolerance: { kind: "auto" }, lang })[0]?.message;

describe("a ratio's message, its figures printed in 元 and in 万元", () => {
  it("writes the 元 figure with its 万元 value, the one divided", () => {
    expect(message(rule(inUnit(a("380,000.00"), "元", "万元")))).toContain("19.47 ÷ (380,000.00 元 = 38 万元) = 51.24%");
    expect(message(rule(inUnit(a("380,000.00"), "元", "万元")), "zh")).toContain("19.47 ÷ (380,000.00 元 = 38 万元)");
  });
  it("figures all in one unit are written as printed", () => {
    expect(message(rule(a("38.00")))).toContain("19.47 ÷ 38.00 = 51.24%");
  });
});
