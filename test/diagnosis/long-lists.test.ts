import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { namedChanges } from "../../src/diagnosis/index.js";
import { cliJson, ROOT } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

/*
 * A document with dozens of mistakes at once (here: a Shanghai budget's tables, in 元, said to be in 万元, so that
 * every figure of its text disagrees with them). Each diagnosis lists, as to be made together with it, only the
 * changes that share an identity with it: before round 48 each of its 77 messages named all 76 other changes
 * (cut to six and a count since round 31), though each text figure against its table is a mistake of its own.
 */
describe("a diagnosis of many changes", () => {
  const text = readFileSync(join(ROOT, "fixtures", "shanghai", "shanghai-putuo_wanli-subdistrict-office_2023_dept-budget.txt"), "utf8");
  const p = join(tempDir("long-lists"), "wrong-unit.txt");
  writeFileSync(p, text.replaceAll("单位：元", "单位：万元"));

  // (The solver's time limit raised, so that the diagnosis it needs does not depend on the machine's load: a clean clone
  // run beside other work found none within the default limit.)
  it("lists with each change only the changes it shares an identity with", { timeout: 180_000 }, () => {
    const doc = cliJson([p], { env: { BUDGET_CHECK_SOLVER_SECONDS: "60" } }).report.documents[0];
    type Change = { location: { line?: number; column?: number } };
    const diagnoses = (doc.findings as { ruleId: string; message: string; location: Change["location"]; diagnosis?: { together: Change[] } }[]).filter((f) => f.ruleId === "diagnosis");
    expect(diagnoses.length).toBeGreaterThan(20);
    const at = (l: Change["location"]) => `${l.line}:${l.column}`;
    for (const f of diagnoses) {
      expect(f.diagnosis!.together.length).toBeLessThanOrEqual(3);
      expect(f.message.length).toBeLessThan(600);
      // Partners name each other: a change is listed with another only where that one lists it back.
      for (const t of f.diagnosis!.together) {
        const partner = diagnoses.find((g) => at(g.location) === at(t.location));
        if (partner) expect(partner.diagnosis!.together.map((x) => at(x.location))).toContain(at(f.location));
      }
    }
  });

  it("names six changes in a message and counts the rest (en, zh)", () => {
    const ps = Array.from({ length: 9 }, (_, i) => i + 1);
    expect(namedChanges(ps, (n) => `c${n}`, "; ", false)).toBe("c1; c2; c3; c4; c5; c6; and 3 more (the report's diagnosis lists them)");
    expect(namedChanges(ps, (n) => `c${n}`, "；", true)).toBe("c1；c2；c3；c4；c5；c6；另有 3 处（见报告的 diagnosis）");
    expect(namedChanges(ps.slice(0, 6), (n) => `c${n}`, "; ", false)).toBe("c1; c2; c3; c4; c5; c6");
  });
});
