import { readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

/*
 * Written parts printed letter-spaced. pdftotext -layout spreads a justified line of prose over the page's
 * width with a space between its characters (国 家 信 访 局 2026 年 一 般 公 共 预 算 当 年 财 政 拨 款); which lines
 * are so depends on the PDF's fonts and justification, not on what they say. A document whose prose lines are
 * letter-spaced must give the same findings, at the same lines, as the same document printed without.
 *
 * Found this way (round 25): every other prose line of the bundled Shanghai documents letter-spaced lost half
 * of their text checks, and three of 万里街道 2023's four errors and all three of its 2024 ones.
 */

/** A Chinese character or the full-width punctuation that prose prints. */
const CJK = "\\u4e00-\\u9fff，。；：、（）“”";

/** Every other line of prose (Chinese words, a figure or a full stop, no column gap) with a space beside each Chinese character. */
export function letterSpace(text: string): string {
  return text
    .split("\n")
    .map((line, i) => {
      const prose = /[\u4e00-\u9fff]{6}/.test(line) && !/\S {2,}\S/.test(line.trim()) && /万元|%|。/.test(line);
      return i % 2 === 0 && prose ? line.replace(new RegExp(`(?<=[${CJK}])(?=\\S)|(?<=\\S)(?=[${CJK}])`, "g"), " ") : line;
    })
    .join("\n");
}

type Finding = { ruleId: string; item?: string | null; severity: string; stated: string | null; computed: string | null; location: { line: number; column?: number } };

const FILES = ["shanghai-putuo_wanli-subdistrict-office_2023_dept-budget.txt", "shanghai-putuo_wanli-subdistrict-office_2024_dept-budget.txt", "shanghai-putuo_finance-bureau_2024_dept-final-accounts.txt"];

describe("written parts printed letter-spaced", () => {
  it("the spacing is what the test says: lines of prose spread with a space between their characters", () => {
    const text = readFileSync(join(ROOT, "fixtures", "shanghai", FILES[2]), "utf8");
    expect(letterSpace(text)).toContain("本 年 支 出 合 计 2940.05 万 元 ， 其 中 ：");
  });

  for (const file of FILES)
    it(`${file}: the same findings at the same lines, each text figure at its column in the spaced line`, () => {
      const dir = tempDir("letter-spaced");
      const original = join(ROOT, "fixtures", "shanghai", file);
      const text = readFileSync(original, "utf8");
      const copy = join(dir, basename(file));
      const spaced = letterSpace(text);
      writeFileSync(copy, spaced);
      const [a, b] = cliJson([original, copy]).report.documents as { findings: Finding[] }[];
      const key = (f: Finding) => [f.ruleId, f.severity, f.location.line, f.stated, f.computed].join(" ");
      expect(b.findings.map(key)).toEqual(a.findings.map(key));
      expect(a.findings.filter((f) => f.severity === "error").length).toBeGreaterThan(0);
      // A text figure's column is where the figure is printed in the spaced line.
      const lines = spaced.split("\n");
      // (Not a 0 said in words, 无“三公”经费: it stands at its 无.)
      const figures = b.findings.filter((f) => f.location.column && f.stated && /^\d/.test(f.stated) && !/（无）$/.test(f.item ?? ""));
      expect(figures.length).toBeGreaterThan(0);
      // (A page's first line begins with its form feed, a character of the line that the column counts, as an editor does.)
      const norm = (n: string) => n.replace(/,/g, "").replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");
      for (const f of figures) {
        const printed = /^[\d,]+(?:\.\d+)?/.exec(lines[f.location.line - 1].slice(f.location.column! - 1));
        expect(printed && norm(printed[0]), `${file}:${f.location.line}:${f.location.column}`).toBe(norm(f.stated!));
      }
    });
});
