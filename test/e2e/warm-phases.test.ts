import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";

// scripts/warm-phases.mjs times the steps of checkPackage one by one (docs/performance.md, "Twelfth
// pass"). Its figures mean something only while those steps are the ones a batch worker runs: the script
// checks that its steps give checkPackage's report. Timings are never asserted.
describe("scripts/warm-phases.mjs", () => {
  it("times every step of checkPackage and every rule that ran, and its steps give checkPackage's report", () => {
    // 10 documents: the last (d0009) has the corpus's injected error, so the diagnosis runs on it too.
    const r = spawnSync(process.execPath, [join(ROOT, "scripts", "warm-phases.mjs"), "--n", "10", "--warm", "7"], { encoding: "utf8", timeout: 120_000 });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^3 documents measured after 7 /);
    for (const step of ["load", "rules", "diagnosis", "report", "JSON text"]) expect(r.stdout).toMatch(new RegExp(`^\\| ${step} \\| +\\d+\\.\\d{3} \\|$`, "m"));
    for (const rule of ["row-total", "hierarchy-sum", "rounding-consistency", "yoy-change"]) expect(r.stdout).toMatch(new RegExp(`^\\| ${rule} \\| +\\d+\\.\\d{3} \\|$`, "m"));
  });

  it("refuses a corpus too small to measure, naming it", () => {
    const r = spawnSync(process.execPath, [join(ROOT, "scripts", "warm-phases.mjs"), "--n", "2", "--warm", "2"], { encoding: "utf8", timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^warm-phases: .* holds 2 documents; --warm 2 leaves none to measure\n$/);
  });
});
