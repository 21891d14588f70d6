import { describe, expect, it } from "vitest";
import { sanggongFixtures } from "../helpers/sanggong-fixtures.js";

/*
 * Round 58 (test/fixtures/sanggong-years, 江北市林业局, synthetic): a 决算's 三公 table of years and stages — down the page
 * (down.txt: 项目 | 2023年决算数 | 2024年预算数 | 2024年决算数; down-words.txt: 上年决算数 | 本年预算数 | 本年决算数 | 增减额)
 * and across (across.txt: a row each, 2023年决算数 · 2024年预算数 · 2024年决算数) — beside a text stating this year's 预算 and
 * 决算, 完成预算的 P% and 比上年决算增加 X. Before round 58 each was listed (表头未能识别 header not understood), its checks not
 * run. Now each column (row) is read by its year and stage: this year's 决算数 the table's own figures, this year's 预算数
 * their `budget-` cells, last year's 决算数 last year's row; each consistent document gives no finding, each seed is caught.
 */
const { seeds, run, consistent } = sanggongFixtures("sanggong-years");

describe("a 决算's 三公 table of years and stages", () => {
  for (const [file, rows] of [["down.txt", 2], ["down-words.txt", 3], ["across.txt", 2]] as const)
    it(`${file}: consistent, the table read, no finding`, { timeout: 60_000 }, () => consistent(file, rows));

  // Each seed: the rules that catch it, with the text's figure (stated) against the table's (computed) for text-vs-table.
  const caught: Record<string, [string, string, string][]> = {
    // This year's 决算数: its row's sum and the text's 决算 (not last year's figures: the text is compared with this year's).
    S1: [["row-total", "58.62", "58.26"], ["text-vs-table", "3.84", "3.48"]],
    // Last year's 决算数: its row's sum and the text's 比上年决算增加 19.73 (this year's − last year's: 18.73).
    S2: [["row-total", "39.89", "38.89"], ["text-vs-table", "19.73", "18.73"]],
    // This year's 预算数 (a row across): the budget's sum, the text's 预算 and its 完成预算的 65.38% (5.23 ÷ 8.50).
    S3: [["row-total", "69", "69.5"], ["text-vs-table", "8", "8.5"], ["budget-execution", "65.38", "61.529"]],
    // The change: its row's sum, this year's − last year's, and the text's change.
    S4: [["row-total", "19.37", "19.73"], ["year-change", "19.37", "19.73"], ["text-vs-table", "19.73", "19.37"]],
  };
  for (const s of seeds)
    it(`${s.file}: ${s.id} (${s.what} ${s.printed} for ${s.true}) is caught`, { timeout: 60_000 }, () => {
      const { status, errors } = run(s.file);
      expect(status).toBe(1);
      expect(errors.filter((f) => f.ruleId !== "diagnosis").map((f) => [f.ruleId, f.stated, f.computed])).toEqual(caught[s.id]);
      // (diagnosis names the seeded figure.)
      expect(errors.filter((f) => f.ruleId === "diagnosis").map((f) => f.location.line)).toContain(s.line);
    });
});
