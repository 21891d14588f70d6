import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT, SEED } from "../helpers/cli.js";
import { readLikeSeed } from "../helpers/seed-variant.js";
import { tempDir } from "../helpers/tmp.js";

type Finding = { severity: string; ruleId: string; stated: string | null; computed: string | null; item: string | null; unit: string | null; location: { line?: number; column?: number } };
const said = (fs: Finding[]) => fs.map((f) => [f.severity, f.ruleId, f.stated, f.computed, f.location.line, f.item, f.unit].join("|")).sort();

/**
 * The seed with every 科目编码 column printed as 类 | 款 | 项 (206 | 07 | 01), as many provinces print codes.
 * `oneDigit` prints a 款 or 项 without its zero (7 for 07).
 */
function splitCodes(text: string, oneDigit = false): string {
  let at: number | null = null;
  return text
    .split("\n")
    .map((line) => {
      if (!line.includes("\t")) {
        if (line.startsWith("## ")) at = null;
        return line;
      }
      const cells = line.split("\t");
      const i = cells.indexOf("科目编码");
      if (i >= 0) {
        at = i;
        cells.splice(i, 1, "类", "款", "项");
      } else if (at !== null && cells.length > at) {
        const c = cells[at].trim();
        const part = (p: string) => (oneDigit && p.startsWith("0") ? p.slice(1) : p);
        const parts = /^(\d{3}|\d{5}|\d{7})$/.test(c) ? [c.slice(0, 3), part(c.slice(3, 5)), part(c.slice(5, 7))] : [c, "", ""];
        cells.splice(at, 1, ...parts);
      }
      return cells.join("\t");
    })
    .join("\n");
}

// A tab-separated document whose codes stand in 类 / 款 / 项 columns was refused whole (exit 2: “the header
// cannot be matched: expected 科目编码”); the layout reader already read them.
describe("codes printed over 类 / 款 / 项 columns in tab-separated text", () => {
  const dir = tempDir("split-codes");
  const seedText = readFileSync(join(ROOT, SEED), "utf8");

  for (const oneDigit of [false, true])
    it(`reads them as one code${oneDigit ? ", a one-digit 款 or 项 with its zero" : ""}: the seed's tables and findings`, () => {
      const copy = join(dir, `split-${oneDigit}.md`);
      const text = splitCodes(seedText, oneDigit);
      expect(text).toContain("类\t款\t项\t科目名称");
      expect(text).toContain(oneDigit ? "\t206\t7\t1\t机构运行\t" : "\t206\t07\t01\t机构运行\t");
      const { doc, seedDoc } = readLikeSeed(copy, text);
      expect(said(doc.findings as Finding[])).toEqual(said(seedDoc.findings as Finding[]));
    });

  it("fails: a misprinted figure in such a table is an error at its row, the code read from its parts", () => {
    const copy = join(dir, "split-typo.md");
    // 表3's first 2060702 科普活动 row (本级): 3,265 printed as 3,256.
    const text = splitCodes(seedText).replace("\t206\t07\t02\t科普活动\t3,265\t0\t3,265", "\t206\t07\t02\t科普活动\t3,256\t0\t3,265");
    expect(text).toContain("科普活动\t3,256");
    writeFileSync(copy, text);
    const doc = cliJson([copy]).report.documents[0];
    const errors = (doc.findings as (Finding & { table: string; code: string | null })[]).filter((f) => f.severity === "error" && f.ruleId === "row-total");
    expect(errors.map((f) => [f.table, f.stated, f.computed])).toContainEqual(["T3", "3256", "3265"]);
  });
});
