import { describe, expect, it } from "vitest";
import { biffFormula, r1c1ToA1, sumTerms } from "../../src/loaders/sum-formulas.js";

/* The formulas of the workbook forms other than .xlsx, written back in A1 notation for the sum formulas (sum-formulas.ts). */
describe("an Excel 2003 XML spreadsheet's R1C1 formula in A1 notation", () => {
  it("relative, absolute and mixed references, for the cell they are in (D11: row 11, column 4)", () => {
    expect(r1c1ToA1("=SUM(R[-6]C:R[-1]C)", 11, 4)).toBe("SUM(D5:D10)");
    expect(r1c1ToA1("=R5C3+RC[1]-R[-1]C2", 11, 4)).toBe("C5+E11-B10");
    expect(sumTerms(r1c1ToA1("=R5C3+RC[1]-R[-1]C2", 11, 4)!)?.map((t) => `${t.sign > 0 ? "+" : "-"}${t.address}`)).toEqual(["+C5", "+E11", "-B10"]);
  });

  it("fails: a reference off the sheet is no formula; a function's name and quoted text are not references", () => {
    expect(r1c1ToA1("=R[-11]C", 11, 4)).toBeNull();
    expect(r1c1ToA1('=ROUND(RC[-1],2)&"RC"', 11, 4)).toBe('ROUND(C11,2)&"RC"');
    expect(sumTerms(r1c1ToA1("=ROUND(RC[-1],2)", 11, 4)!)).toBeNull();
  });
});

describe("an .xls formula's parsed tokens in A1 notation", () => {
  const ref = (ptg: number, rw: number, col: number) => [ptg, rw & 0xff, rw >> 8, col & 0xff, col >> 8];
  const area = (ptg: number, r1: number, r2: number, c1: number, c2: number) => [ptg, r1 & 0xff, r1 >> 8, r2 & 0xff, r2 >> 8, c1 & 0xff, c1 >> 8, c2 & 0xff, c2 >> 8];
  const REL = 0xc000;

  it("references, + and −, SUM as ptgAttr and as ptgFuncVar, parentheses; a shared formula's offsets for its cell", () => {
    // C6 + C19 − C27 (0-based rows 5, 18, 26; column 2)
    expect(biffFormula(Buffer.from([...ref(0x44, 5, 2 | REL), ...ref(0x44, 18, 2 | REL), 0x03, ...ref(0x44, 26, 2 | REL), 0x04]), 4, 2)).toBe("C6+C19-C27");
    expect(biffFormula(Buffer.from([...area(0x25, 4, 9, 3 | REL, 3 | REL), 0x19, 0x10, 0, 0]), 10, 3)).toBe("SUM(D5:D10)");
    expect(biffFormula(Buffer.from([...ref(0x24, 0, 0), ...area(0x25, 0, 1, 1, 1), 0x42, 2, 4, 0]), 0, 3)).toBe("SUM(A1,B1:B2)");
    // Shared: rows −6 … −1 of the cell's own column, for E11 (rw 10, col 4).
    expect(biffFormula(Buffer.from([...area(0x2d, -6 & 0xffff, -1 & 0xffff, REL, REL), 0x19, 0x10, 0, 0]), 10, 4)).toBe("SUM(E5:E10)");
    // A − (B + C): its parentheses kept, which sumTerms refuses.
    const paren = biffFormula(Buffer.from([...ref(0x44, 0, 0), ...ref(0x44, 1, 0), ...ref(0x44, 2, 0), 0x03, 0x15, 0x04]), 5, 0);
    expect(paren).toBe("A1-(A2+A3)");
    expect(sumTerms(paren!)).toBeNull();
  });

  it("fails: a constant, another function, an IF, another sheet's cell: no plain sum", () => {
    expect(biffFormula(Buffer.from([...ref(0x44, 0, 0), 0x1e, 2, 0, 0x03]), 5, 0)).toBeNull();
    expect(biffFormula(Buffer.from([...ref(0x44, 0, 0), 0x1e, 2, 0, 0x42, 2, 27, 0]), 5, 0)).toBeNull(); // ROUND(A1,2)
    expect(biffFormula(Buffer.from([...ref(0x44, 0, 0), 0x19, 0x02, 3, 0]), 5, 0)).toBeNull();
    expect(biffFormula(Buffer.from([0x3a, 0, 0, 0, 0, 0, 0]), 5, 0)).toBeNull();
  });
});
