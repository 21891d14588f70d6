import { describe, expect, it } from "vitest";
import { printedLike } from "../../src/diagnosis/figures.js";
import { inPrintedUnit } from "../../src/diagnosis/index.js";
import { makeAmount } from "../../src/model/amount.js";
import { figureSubjects } from "../../src/diagnosis/subjects.js";
import { inUnit } from "../../src/model/amount.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../helpers/cli.js";

/*
 * A table figure printed in 元 is compared with the text's 万元 as a copy in 万元 (1,763,159.52 元 as 176.315952
 * 万元). A value the diagnosis proposes for it is written as the table prints it, and the copy is known as the
 * table's figure: a proposal reads `表5 1,763,159.52 → 1,763,149.96`, not `text 1,763,159.52 → 176.314996`.
 */
describe("a proposed value of a figure compared in another unit", () => {
  it("is written with the printed figure's decimals and separators", () => {
    // 176.314996 万元 is 176314996 units of 0.000001 万元 = of 0.01 元.
    expect(printedLike("1,763,159.52", 176314996n, 6)).toBe("1,763,149.96");
    expect(printedLike("9,724", 9742n, 0)).toBe("9,742");
    expect(printedLike("18976.76", 1897676n, 2)).toBe("18976.76");
  });

  it("a copy of a table's figure in another unit has the table figure's subject", () => {
    const file = join(ROOT, "fixtures", "shanghai", "shanghai-putuo_district-govt-office_2025_dept-budget.txt");
    const doc = loadLayoutText(file, readFileSync(file, "utf8"));
    const subjects = figureSubjects(doc);
    const t = doc.tables.find((x) => x.kind === "general-function")!;
    const row = t.rows.find((r) => r.code === "2080505")!;
    const printed = Object.values(row.cells).find((c) => c.amount)!.amount!;
    const copy = inUnit(printed, t.unit, "万元");
    expect(copy).not.toBe(printed);
    expect(subjects.get(copy)).toEqual(subjects.get(printed));
    expect(subjects.get(copy)?.table).toBe(t.id);
  });

  it("a culprit that is such a copy is stated, proposed and toleranced in its printed unit", () => {
    const printed = makeAmount("1,763,159.52", { file: "t.txt", line: 253 })!;
    const copy = inUnit(printed, "元", "万元");
    expect(copy.decimals).toBe(6);
    expect(inPrintedUnit(copy, 176314996n, printedLike(copy.text, 176314996n, copy.decimals))).toEqual({ stated: "1763159.52", computed: "1763149.96", difference: "9.56", tolerance: "0.005" });
    // A figure compared as printed: its own value.
    expect(inPrintedUnit(printed, 176314996n, "1,763,149.96")).toEqual({ stated: "1763159.52", computed: "1763149.96", difference: "9.56", tolerance: "0.005" });
  });
});
