import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT, type JsonFinding } from "../helpers/cli.js";

/*
 * A 项's 年初预算 typed too high in a 部门决算 (test/fixtures/final-budget-typos, seeded from the 湖北, 陕西 and 海南
 * fixtures). Where the 一般公共预算财政拨款支出决算表 prints no budget column (湖北, 陕西), the text's figure is checked only
 * by the 一般公共预算's 年初预算 ≥ Σ the items' it states — an inequality that lowering any item settles as well. Before
 * round 52 the diagnosis named whichever items the solver returned first (the first item's 148.07 "at most 58.18",
 * 173.76 → 0.00, 93.96 → 0.00), though the item's own 完成年初预算的 P% holds with its true budget only and a sibling set
 * to 0 makes its own percentage wrong. Where the table prints the budget (海南), its restatement in the text names it.
 */
const DIR = join(ROOT, "test", "fixtures", "final-budget-typos");
type Seed = { file: string; line: number; printed: string; true: string };
const seeds: Seed[] = JSON.parse(readFileSync(join(DIR, "seeds.json"), "utf8"));
type Finding = JsonFinding & { id?: string; explainedBy?: string; location: { line?: number }; diagnosis?: { alternatives: unknown[] } };
const plain = (s: string | null) => (s ?? "").replace(/,/g, "");

function run(file: string) {
  const { report } = cliJson([join(DIR, file)]);
  const findings: Finding[] = report.documents[0].findings;
  const diagnoses = findings.filter((f) => f.ruleId === "diagnosis");
  return { findings, diagnoses };
}

describe("a 项's 年初预算 typed too high in a 决算", () => {
  for (const file of ["hubei-text.txt", "shaanxi-text.txt"])
    it(`${file}: the text's figure is named, its percentage credited, the siblings lowered instead ruled out`, { timeout: 60_000 }, () => {
      const s = seeds.find((x) => x.file === file)!;
      const { findings, diagnoses } = run(file);
      expect(diagnoses.map((f) => [f.location.line, plain(f.stated)])).toEqual([[s.line, s.printed]]);
      const [d] = diagnoses;
      // Its value is bounded by the text's total (at most …), and its own printed percentage holds with it.
      expect(d.message).toMatch(/leaves a printed percentage wrong, this one makes it hold/);
      expect(d.diagnosis!.alternatives).toEqual([]);
      const percent = findings.filter((f) => f.ruleId === "budget-execution" && f.location.line === s.line + 1 && f.column === "完成预算%");
      expect(percent.map((f) => f.explainedBy)).toEqual([d.id]);
      // The total's sum is explained by it too.
      const sum = findings.filter((f) => f.ruleId === "budget-execution" && f.column === "年初预算" && f.severity === "error");
      expect(sum.map((f) => f.explainedBy)).toEqual([d.id]);
    });

  it("hainan-table.txt: the table's figure, pinned by its restatement in the text", { timeout: 60_000 }, () => {
    const s = seeds.find((x) => x.file === "hainan-table.txt")!;
    const { diagnoses } = run("hainan-table.txt");
    expect(diagnoses.map((f) => [f.location.line, f.column, plain(f.stated), plain(f.computed)])).toEqual([[s.line, "年初预算数", plain(s.printed), plain(s.true)]]);
  });
});
