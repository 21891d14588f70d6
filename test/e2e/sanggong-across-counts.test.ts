import { describe, expect, it } from "vitest";
import { sanggongFixtures } from "../helpers/sanggong-fixtures.js";

/*
 * Round 59 (test/fixtures/sanggong-across-counts, 江北市水务局, synthetic): a 决算's 三公 table across the page (a row each
 * year and stage) that prints columns of counts — after the money (final.txt) or each beside its kind's (final-beside.txt)
 * — was listed (表头未能识别 header not understood: 因公出国(境)团组数(个)、…); a 预算's text stating its 三公's change on last
 * year's 决算 (比上年决算增加 X) beside a table of last year's 决算 (budget-down.txt, budget-across.txt) was checked by
 * nothing. Now the counts are read as counts (no money, no sum), the money as a table of years and stages, and the
 * 预算's change against this year's 预算数 − last year's 决算数.
 */
const { seeds, run, consistent } = sanggongFixtures("sanggong-across-counts");

describe("a 三公 table across the page with count columns; a 预算's change on last year's 决算", () => {
  for (const [file, rows] of [["final.txt", 2], ["final-beside.txt", 2], ["budget-down.txt", 2], ["budget-across.txt", 3]] as const)
    it(`${file}: consistent, the table read, no finding`, { timeout: 60_000 }, () => consistent(file, rows));

  // Each seed: the rules that catch it (diagnosis aside), with the stated and computed figures, and the line each is at.
  const caught: Record<string, [string, string, string, number][]> = {
    // This year's 决算数 beside the counts: its row's sum (the counts in none) and the text's 决算.
    S1: [["row-total", "58.62", "58.26", 51], ["text-vs-table", "3.84", "3.48", 13]],
    // This year's count: the text's 45 批次 against it, exactly; in no money sum.
    S2: [["text-vs-table", "45", "54", 13]],
    // Last year's 决算数 in a row whose counts stand beside their kinds: its row's sum.
    S3: [["row-total", "28.23", "28.32", 49]],
    // The text's count against this year's row's count (a column beside its kind's money).
    S4: [["text-vs-table", "21", "12", 12]],
    // A 预算's text: 比2024年决算减少 0.82 against this year's 预算数 − last year's 决算数 (5.28 − 5.00).
    S5: [["text-vs-table", "0.82", "0.28", 10]],
    // A 预算's last year's 决算数: its row's sum, and the text's 比上年决算减少 1.12 (4.21 − 3.00 = 1.21).
    S6: [["row-total", "39.05", "39.14", 50], ["text-vs-table", "1.12", "1.21", 8]],
  };
  for (const s of seeds)
    it(`${s.file}: ${s.id} (${s.what} ${s.printed} for ${s.true}) is caught`, { timeout: 60_000 }, () => {
      const { status, errors } = run(s.file);
      expect(status).toBe(1);
      expect(errors.filter((f) => f.ruleId !== "diagnosis").map((f) => [f.ruleId, f.stated, f.computed, f.location.line])).toEqual(caught[s.id]);
      // (diagnosis names the seeded figure where it is printed: as the figure it finds wrong, or — a count against the
      // text's, one figure each, which the identities alone cannot tell apart — as the equally small explanation.)
      const named = errors.filter((f) => f.ruleId === "diagnosis").map((f) => `${f.location.line}:${f.location.column} ${JSON.stringify(f.message)}`);
      expect(named.some((d) => d.startsWith(`${s.line}:${s.column} `) || d.includes(`${s.file}:${s.line}:${s.column} `))).toBe(true);
    });
});
