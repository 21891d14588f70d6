import { describe, expect, it } from "vitest";
import { cli } from "../helpers/cli.js";

// A workbook given alone is checked on a worker thread with the batch workers' memory cap, so that no
// single input can abort the process (issue 12, defect 4). BUDGET_CHECK_WORKER_HEAP_MB lowers the cap
// far enough for the seed's workbook to hit it: the input fails alone, in one line, exit 2.
describe("a single workbook runs under the batch worker's memory cap", () => {
  const WB = "fixtures/shenzhen-sast-2023/workbook.xlsx";

  it("with the default cap it is checked as before", () => {
    const r = cli([WB]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/6 errors, 4 warnings/);
  });

  it("past the cap it is that input's one-line failure, never an out-of-memory abort", () => {
    const r = cli([WB], { env: { BUDGET_CHECK_WORKER_HEAP_MB: "16" } });
    expect(r.status).toBe(2);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe(`budget-check: ${WB}: not checked: needs more than the 16 MB of memory a document may use`);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});
