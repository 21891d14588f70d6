import { describe, expect, it } from "vitest";
import { amountsOf, checkMutated, errorAtLine } from "../helpers/mutation.js";

// Every amount of 表3 in the seed, changed by +3 and by −3, must yield an error that points at its line.
describe("mutation of every 表3 amount in the seed", () => {
  const targets = amountsOf("T3");

  it("finds every amount of the table", () => {
    expect(targets.length).toBeGreaterThan(3);
  });

  it("turns each change of ±3 into an error at the changed line", () => {
    const escaped: string[] = [];
    for (const t of targets)
      for (const delta of [3, -3]) {
        const { findings, mutation } = checkMutated(t.line, t.cellIndex, delta);
        if (!errorAtLine(findings, t.line)) escaped.push(`line ${t.line} ${t.key} ${mutation}`);
      }
    expect(escaped).toEqual([]);
  }, 600_000);
});
