import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { syntheticText } from "../../scripts/lib/synthetic.mjs";
import { checkPackage } from "../../src/check.js";
import { solverSolves } from "../../src/diagnosis/solver.js";
import { cli, cliJson, ROOT, SEED } from "../helpers/cli.js";
import { tempDir } from "../helpers/tmp.js";

/*
 * A batch's workers run the MILP solver (HiGHS, WebAssembly) compiled by V8's baseline compiler only
 * (src/batch/pool.ts, --liftoff-only: a third of the memory); a document checked alone runs it as V8 always
 * does. What users rely on: the diagnosis of a document is the same either way.
 */
describe("the diagnosis's solver in a batch's workers", () => {
  const seedText = readFileSync(join(ROOT, SEED), "utf8");
  // Two of the benchmark's departments with an injected error whose diagnosis needs the solver.
  const dir = tempDir("worker-solver");
  const files = [2119, 2789].map((i) => {
    const file = join(dir, `d${i}.md`);
    writeFileSync(file, syntheticText(seedText, i, { inject: true }).text);
    return file;
  });
  const options = { tolerance: { kind: "auto" }, severities: {}, lang: "en", config: { file: null, cli: { tolerance: false, lang: false } } } as const;

  it("these departments need the solver (else this test would check nothing)", async () => {
    for (const file of files) {
      const before = solverSolves();
      await checkPackage({ path: file, kind: "markdown" }, options);
      expect(solverSolves()).toBeGreaterThan(before);
    }
  });

  it("gives each of them, checked on a worker, exactly its report when checked alone", { timeout: 60_000 }, () => {
    const batch = cli([...files, "--format", "json"], { env: { BUDGET_CHECK_WORKERS: "2" } });
    expect(batch.status).toBe(1);
    const documents = JSON.parse(batch.stdout).documents;
    files.forEach((file, i) => {
      const alone = cliJson([file]).report.documents[0];
      expect(alone.findings.some((f: { diagnosis?: unknown }) => f.diagnosis)).toBe(true);
      expect(documents[i]).toEqual(alone);
    });
  });
});
