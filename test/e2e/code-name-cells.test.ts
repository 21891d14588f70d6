import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, SEED } from "../helpers/cli.js";
import { readLikeSeed } from "../helpers/seed-variant.js";
import { tempDir } from "../helpers/tmp.js";

/*
 * Tables that print a code and its name in one cell (2060701 机构运行): the name's cell holding both, the code's cell
 * empty; or the code's cell holding both, the name's empty. The seed printed either way gives the seed's findings on
 * the same lines. Before round 58 every such row was no code row: 23 false errors (text-vs-table: "the unit has no
 * such code"; sanggong-vs-economic: "T8 has no 30217 公务接待费") and 26 of 30 hierarchy sums unchecked.
 */
const dir = tempDir("code-name-cells");
const seedText = readFileSync(join(ROOT, SEED), "utf8");
/** The seed with each row's code and name joined into the code's cell (`into` 0) or the name's (`into` 1). */
function joined(into: 0 | 1): string {
  let rows = 0;
  const text = seedText
    .split("\n")
    .map((l) => {
      const cells = l.split("\t");
      const at = cells.findIndex((c, i) => /^\d{3,7}$/.test(c.trim()) && !!cells[i + 1]?.trim() && !/\d/.test(cells[i + 1]));
      if (cells.length < 4 || at < 0) return l;
      rows++;
      const both = `${cells[at].trim()} ${cells[at + 1].trim()}`;
      cells.splice(at, 2, ...(into === 0 ? [both, ""] : ["", both]));
      return cells.join("\t");
    })
    .join("\n");
  expect(rows).toBeGreaterThan(150);
  return text;
}
type Finding = { severity: string; ruleId: string; message: string; location: { line?: number } };
const said = (fs: Finding[]) => fs.map((f) => `${f.severity} ${f.ruleId} ${f.location.line} ${f.message.replace(/\S+\.md/g, "FILE")}`).sort();

describe("a code and its name printed in one cell", () => {
  it.each([
    ["the name's cell", 1],
    ["the code's cell", 0],
  ] as const)("both in %s: the seed's findings, on the same lines", (_where, into) => {
    const { doc, seedDoc } = readLikeSeed(join(dir, `seed-${into}.md`), joined(into));
    expect(said(doc.findings as Finding[])).toEqual(said(seedDoc.findings as Finding[]));
  });
});
