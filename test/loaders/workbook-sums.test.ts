import { describe, expect, it } from "vitest";
import { findPackages, loadPackage } from "../../src/lib.js";
import { amountOf, type BudgetDocument } from "../../src/model/document.js";
import { editedSeed } from "../helpers/workbook.js";

/*
 * A workbook's figure that a sum formula adds up from cells of rounded figures: its true amount as far off as their half
 * units together (docs/cli.md, "Rounding semantics"), not half a unit of its own as a figure rounded once.
 */
const load = async (path: string): Promise<BudgetDocument> => loadPackage(findPackages(path)[0], {});

describe("a sum formula's figure (SumFormula.halfUnits, Amount.halfUnits)", () => {
  it("counts its terms' half units: rounded figures, figures held finer than shown, text, blanks and sums of sums", async () => {
    const doc = await load(
      await editedSeed((wb) => {
        const ws = wb.addWorksheet("草稿");
        const set = (address: string, value: unknown, numFmt?: string) => {
          ws.getCell(address).value = value as never;
          if (numFmt) ws.getCell(address).numFmt = numFmt;
        };
        // Held finer than shown (1.2345 shown 1.23): the amounts themselves; the sum shown 3.58 is 0.0001 from 3.5801.
        set("A1", 1.2345, "0.00");
        set("A2", 2.3456, "0.00");
        set("A3", { formula: "SUM(A1:A2)", result: 3.5801 }, "0.00");
        // Rounded figures (0.12 shown 0.12; text 1,234.56), a blank between: two half units of 0.01.
        set("B1", 0.12, "0.00");
        set("B3", "1,234.56");
        set("B4", { formula: "SUM(B1:B3)", result: 1234.68 }, "0.00");
        // A sum of that sum and a whole 5 (General): 0.01 + 0.5 = 102 half units of 0.01.
        set("C1", 5);
        set("C2", { formula: "B4+C1", result: 1239.68 }, "0.00");
      }),
    );
    const units = new Map(doc.workbook!.formulas.map((f) => [`${f.location.sheet}!${f.location.cell}`, f.halfUnits]));
    expect([units.get("草稿!A3"), units.get("草稿!B4"), units.get("草稿!C2")]).toEqual([1, 2, 102]);
    // The seed's 表3 D8 =SUM(E8:F8) of two whole 万元: its table's figure stands for ±1.
    expect(units.get("表3!D8")).toBe(2);
    const t3 = doc.tables.find((t) => t.id === "T3")!;
    const d8 = t3.rows.map((r) => amountOf(r, "total")).find((a) => a?.location.cell === "D8")!;
    expect(d8.halfUnits).toBe(2);
    const d10 = t3.rows.map((r) => amountOf(r, "total")).find((a) => a?.location.cell === "D10")!;
    expect(d10.halfUnits).toBeUndefined();
  });
});
