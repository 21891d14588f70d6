import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateCorpus, syntheticText, verifyReport } from "../../scripts/lib/synthetic.mjs";
import { cliJson, ROOT, SEED } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

// Smoke test of the benchmark's generator (npm run bench): its documents must be valid, or the
// benchmark measures nothing. Timings are never asserted.
describe("the benchmark's synthetic departments", () => {
  const seedText = readFileSync(join(ROOT, SEED), "utf8");

  it("scales amounts by 10^-k with k more decimals and renames the department everywhere", () => {
    const { name, text } = syntheticText(seedText, 3); // i = 3: k = 1
    expect(text).not.toContain("深圳市科学技术协会");
    expect(text).toContain(`2023 年${name} 部门预算`);
    const seedLines = seedText.split("\n");
    const lines = text.split("\n");
    // Line 637: 30101 基本工资 431 431 0 → 43.1 43.1 0.0; line 636: 301 873 → 87.3.
    expect(seedLines[636]).toBe("\t30101\t基本工资\t431\t431\t0");
    expect(lines[636]).toBe("\t30101\t基本工资\t43.1\t43.1\t0.0");
    expect(lines[635]).toBe("\t301\t工资福利支出\t87.3\t87.3\t0.0");
  });

  it("gives a clean department exactly the seed's findings (its text's 6 errors) in all three forms, and finds every injected error", async () => {
    const dir = tempDir("corpus");
    const manifest = await generateCorpus({ seedText, n: 9, dir, injectEvery: 2 });
    expect(manifest.map((m) => m.form)).toEqual(["text", "csv", "xlsx", "text", "csv", "xlsx", "text", "csv", "xlsx"]);
    expect(manifest.filter((m) => m.injected).map((m) => m.form)).toEqual(["csv", "text", "xlsx", "csv"]);
    const { status, report } = cliJson([dir]);
    expect(status).toBe(1);
    const seed = cliJson([SEED]).report.documents[0].summary;
    expect(verifyReport(report, manifest, seed.error)).toEqual([]);
    for (const [i, m] of manifest.entries()) {
      const d = report.documents[i];
      expect(d.path).toBe(m.path);
      if (!m.injected) expect(d.summary).toEqual(seed);
      else expect(d.summary.error).toBeGreaterThan(0);
    }
  });

  it("the verifier notices a missed injected error and errors in a clean department", () => {
    const manifest = [
      { path: "a", form: "text" as const, department: "甲", injected: { table: "T8", unit: "甲(本级)", code: "30101", stated: "531" } },
      { path: "b", form: "text" as const, department: "乙", injected: null },
    ];
    const doc = (path: string, department: string, error: number) => ({ path, department, failure: null, findings: [], summary: { error, warning: 0, info: 0 } });
    const problems = verifyReport({ documents: [doc("a", "甲", 0), doc("b", "乙", 2)] }, manifest);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^a: injected error not found/);
    expect(problems[1]).toMatch(/^b: 2 errors in a clean department/);
  });
});
