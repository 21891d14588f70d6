import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

/*
 * A diagnosis that needs dozens of changes at once (here: a Shanghai budget's tables, in 元, said to be in 万元,
 * so that every figure of its text disagrees with them): its message names a few and says how many more; the
 * report's `diagnosis` lists them all. Each of 74 such messages named all 72 changes, 3.4 kB apiece.
 */
describe("a diagnosis of many changes", () => {
  const text = readFileSync(join(ROOT, "fixtures", "shanghai", "shanghai-putuo_wanli-subdistrict-office_2023_dept-budget.txt"), "utf8");
  const p = join(tempDir("long-lists"), "wrong-unit.txt");
  writeFileSync(p, text.replaceAll("单位：元", "单位：万元"));

  for (const lang of ["en", "zh"] as const)
    // (The solver's time limit raised, so that the diagnosis it needs does not depend on the machine's load: a clean clone
    // run beside other work found none within the default limit.)
    it(`names six of them in its message and counts the rest (${lang}); the report lists them all`, { timeout: 180_000 }, () => {
      const doc = cliJson([p, "--lang", lang], { env: { BUDGET_CHECK_SOLVER_SECONDS: "60" } }).report.documents[0];
      const long = (doc.findings as { ruleId: string; message: string; diagnosis?: { together: unknown[] } }[]).filter((f) => f.ruleId === "diagnosis" && (f.diagnosis?.together.length ?? 0) > 6);
      expect(long.length).toBeGreaterThan(0);
      for (const f of long) {
        const more = f.diagnosis!.together.length - 6;
        expect(f.message).toContain(lang === "zh" ? `另有 ${more} 处` : `and ${more} more`);
        expect(f.message.length).toBeLessThan(800);
      }
    });
});
