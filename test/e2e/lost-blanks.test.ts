import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cli, cliJson, ROOT, SEED, type JsonFinding } from "../helpers/cli.js";

// The seed as a converter that writes a run of tabs as one tab gives it (every blank cell of its tables lost): the
// real CLI finds nothing the real seed does not, and says which table it could not read and why.
const tmp = mkdtempSync(join(tmpdir(), "budget-check-lost-blanks-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const lost = join(tmp, "document.md");
writeFileSync(lost, readFileSync(join(ROOT, SEED), "utf8").replace(/\t+/g, "\t"));

/** A finding as the user reads it, wherever its figure is printed on its line. */
const said = (f: JsonFinding) => `${f.severity} ${f.ruleId} ${f.message.replace(/(document\.md):\d+:\d+/g, "$1")}`;
const findings = (file: string): JsonFinding[] => cliJson([file]).report.documents[0].findings;

describe("the seed with its runs of tabs written as one tab", () => {
  const real = findings(SEED).filter((f) => f.severity === "error" || f.severity === "warning");
  const collapsed = findings(lost).filter((f) => f.severity === "error" || f.severity === "warning");

  it("has no error or warning the real seed does not have (the real seed's 6 errors and 4 warnings)", () => {
    const known = new Set(real.map(said));
    expect(collapsed.map(said).filter((s) => !known.has(s))).toEqual([]);
    expect(collapsed.filter((f) => f.severity === "error")).toHaveLength(6);
    expect(collapsed.filter((f) => f.severity === "warning")).toHaveLength(4);
  });

  it("says which table it did not read, which rows could not be placed and why", () => {
    const r = cli([lost, "--no-color"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/not read, 1 table \(no check sees their figures\): 表12 部门整体支出绩效目标表（行的空白单元格已丢失，无法确定其列 blank cells lost \(runs of tabs written as one tab\), cells not placed: line 861 \(4 cells for 6 columns: more than one placement fits\)/);
    expect(r.stdout).toMatch(/✖ 6 errors, 4 warnings/);
  });
});
