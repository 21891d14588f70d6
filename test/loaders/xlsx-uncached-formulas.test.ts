import { describe, expect, it } from "vitest";
import { runRules } from "../../src/engine/run.js";
import { findPackages, loadPackage } from "../../src/lib.js";
import { rules } from "../../src/rules/index.js";
import { editedSeed, SEED_XLSX } from "../helpers/workbook.js";
import { ROOT } from "../helpers/cli.js";
import { join } from "node:path";

/*
 * A workbook a program wrote (formulas, no cached results: no spreadsheet ever calculated it) read its sum
 * formulas as empty cells: every 合计 so written was 0 against its parts (some 21 false errors on a helper's
 * consistent workbook). A plain sum formula is read as Excel would show it, worked out from its cells.
 */
const said = async (path: string) => {
  const doc = await loadPackage(findPackages(path)[0], {});
  return runRules(doc, rules, { tolerance: { kind: "auto" }, lang: "en" }).map((f) => `${f.severity} ${f.ruleId} ${f.location.sheet}!${f.location.cell} ${f.stated} ${f.computed}`).sort();
};
const uncached = (formula?: string) =>
  editedSeed((wb) => {
    const t3 = wb.getWorksheet("表3")!;
    for (const address of ["D8", "D9"]) {
      const c = t3.getCell(address);
      const f = (c.value as { formula: string }).formula;
      c.value = { formula: address === "D8" && formula ? formula : f } as never;
    }
  });

describe("sum formulas a workbook stores no result of", () => {
  it("are read as Excel shows them: the same findings as the calculated workbook", async () => {
    expect(await said(await uncached())).toEqual(await said(join(ROOT, SEED_XLSX)));
  });

  it("fails: a sum formula over the wrong cells gives its cell's figure, an error at that cell", async () => {
    const fs = await said(await uncached("SUM(E8:E8)"));
    expect(fs.filter((f) => f.startsWith("error") && f.includes("表3!D8")).length).toBeGreaterThan(0);
  });
});
