import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT, SEED } from "../helpers/cli.js";
import { readLikeSeed } from "../helpers/seed-variant.js";
import { tempDir } from "../helpers/tmp.js";

/*
 * Many departments print the money unit in the header's labels (支出总计（万元）, 金额(万元), 2023年预算数（单位：万元）)
 * rather than, or besides, a 单位：万元 line. What the column holds is the label before the unit: before round 58
 * a template's header with such labels could not be matched, and the seed printed so had 5 of its tables unread
 * (表7–表11), its 三公 checks and 26 of its 30 hierarchy sums not run.
 */

const dir = tempDir("header-units");
const NUMBER = /^\s*-?[\d,]+(\.\d+)?\s*$/;
const AMOUNT_LABEL = /(合计|总计|小计|支出|预算数|拨款|资金|金额)$/;
/** The seed with `unit` after each amount column's label in every header row (a tab row without a figure). */
const withUnits = (unit: string) =>
  readFileSync(join(ROOT, SEED), "utf8")
    .split("\n")
    .map((l) => {
      const cells = l.split("\t");
      if (cells.length < 3 || cells.some((c) => NUMBER.test(c))) return l;
      return cells.map((c) => (AMOUNT_LABEL.test(c.trim()) && !/^(项目|科目名称)/.test(c.trim()) ? `${c.trim()}${unit}` : c)).join("\t");
    })
    .join("\n");
type Doc = { template: string; findings: { severity: string; ruleId: string; message: string; location: unknown }[]; tables: { id: string; rows: number; present: boolean }[] };
const said = (d: Doc) => d.findings.map((f) => JSON.stringify([f.severity, f.ruleId, f.message, f.location])).sort();

describe("a money unit printed in the header's labels", () => {
  const seed = cliJson([SEED]).report.documents[0] as Doc;

  it.each(["（万元）", "(万元)", "（单位：万元）"])("the seed with %s after its amount columns' labels: every table read, the seed's findings", (unit) => {
    const text = withUnits(unit);
    expect(text.split(unit).length - 1).toBeGreaterThan(40);
    const file = join(dir, `seed-${unit.length}-${unit.charCodeAt(0)}.md`);
    const doc = readLikeSeed(file, text).doc as unknown as Doc;
    expect(doc.template).toBe(seed.template);
    expect(said(doc).map((s) => s.replaceAll(file, "SEED"))).toEqual(said(seed).map((s) => s.replaceAll(join(ROOT, SEED), "SEED").replaceAll(SEED, "SEED")));
  });
});
