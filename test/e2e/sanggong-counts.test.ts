import { describe, expect, it } from "vitest";
import { sanggongFixtures } from "../helpers/sanggong-fixtures.js";

/*
 * Round 57 (test/fixtures/sanggong-counts, 江北市林业局, synthetic): a 三公 table's counts where round 56 left them unread,
 * each beside a text that states them — the counts left of the money (left.txt: listed before, 表头未能识别); the text's
 * receptions said by the groups received (received.txt: 共接待国内来访团组45批次, not read before); a 预算's table of years
 * with a 车辆数 a year (years.txt: listed before) or one after the years (years-after.txt: read, its count not kept). Each
 * consistent document gives no finding; each seeded one's count is caught against the text, exactly.
 */
const { seeds, run, consistent } = sanggongFixtures("sanggong-counts");

describe("a 三公 table's counts where round 56 left them unread, against the text", () => {
  for (const [file, rows] of [["left.txt", 1], ["received.txt", 1], ["years.txt", 2], ["years-after.txt", 3]] as const)
    it(`${file}: consistent, the table read, no finding`, { timeout: 60_000 }, () => consistent(file, rows));

  for (const s of seeds)
    it(`${s.file}: ${s.id} (${s.what} ${s.printed} for ${s.true}) is caught against the text's count, in no money sum`, { timeout: 60_000 }, () => {
      const { status, errors } = run(s.file);
      expect(status).toBe(1);
      // (The text's count right, the table's wrong: stated the text's, computed the table's; no money identity breaks.)
      expect(errors.filter((f) => f.ruleId === "text-vs-table").map((f) => [f.stated, f.computed])).toEqual([[s.true, s.printed]]);
      expect(errors.filter((f) => f.ruleId !== "text-vs-table" && f.ruleId !== "diagnosis")).toEqual([]);
    });
});
