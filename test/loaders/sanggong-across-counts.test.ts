import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { acrossCountKey } from "../../src/loaders/layout/count-columns.js";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { COUNT_CELL, type Row } from "../../src/model/document.js";
import { ROOT } from "../helpers/cli.js";

/*
 * Round 59: a 三公 table across the page (a row each year and stage) printing columns of counts among its money
 * (test/fixtures/sanggong-across-counts): the counts out of the header and of each row before its money is read, each kept
 * as its row's count by its label's words; the money read as a table of years and stages.
 */
const DIR = join(ROOT, "test", "fixtures", "sanggong-across-counts");
const sanggong = (file: string) => loadLayoutText(file, readFileSync(join(DIR, file), "utf8")).tables.find((t) => t.kind === "sanggong")!;
const cells = (r: Row, counts: boolean) =>
  Object.keys(r.cells)
    .filter((k) => k.startsWith(COUNT_CELL) === counts)
    .sort()
    .map((k) => `${k} ${r.cells[k].text}`);
const MONEY_NOW = ["abroad 5.23", "budget-abroad 8.00", "budget-reception 6.00", "budget-total 69.00", "budget-vehicle 55.00", "budget-vehicle-operation 30.00", "budget-vehicle-purchase 25.00", "reception 3.84", "total 58.62", "vehicle 49.55", "vehicle-operation 25.17", "vehicle-purchase 24.38"];
const COUNTS_NOW = ["count:abroad-groups 1", "count:abroad-people 3", "count:reception-batches 45", "count:reception-people 310", "count:vehicles-bought 1", "count:vehicles-held 12"];
const COUNTS_LAST = ["count:abroad-groups 2", "count:abroad-people 6", "count:reception-batches 52", "count:reception-people 344", "count:vehicles-bought 0", "count:vehicles-held 13"];

describe("a 三公 table across the page with columns of counts", () => {
  for (const file of ["final.txt", "final-beside.txt"])
    it(`${file}: the money by year and stage, the counts in their rows, no count in a money column`, () => {
      const t = sanggong(file);
      expect(t.rows.map((r) => r.role)).toEqual(["previous-year", "current-year"]);
      const [last, now] = t.rows;
      expect(cells(now, false)).toEqual(MONEY_NOW);
      expect(cells(now, true)).toEqual(COUNTS_NOW);
      // (Last year's counts in last year's row; the budget's row printed none, or dashes: no count:budget- cell.)
      expect(cells(last, true)).toEqual(COUNTS_LAST);
      expect(cells(last, false)).toEqual(["abroad 6.10", "reception 4.56", "total 38.89", "vehicle 28.23", "vehicle-operation 28.23", "vehicle-purchase 0.00"]);
      // (No column is a count's: the identities sum the money alone.)
      expect(t.columns.filter((c) => c.key.startsWith(COUNT_CELL) || /团组|人次|批次|购置数|保有/.test(c.label ?? ""))).toEqual([]);
    });

  it("a count column's kind: its own words, else its group's, else 购置数 / 保有量 (the vehicles'); 团组数 or 人次 alone none", () => {
    const leaf = (text: string, groups: string[] = []) => ({ text, groups, x0: 0, x1: 1 });
    expect(acrossCountKey(leaf("因公出国(境)团组数(个)"), "groups", false)).toBe("abroad-groups");
    expect(acrossCountKey(leaf("国内公务接待人次(人)"), "people", false)).toBe("reception-people");
    expect(acrossCountKey(leaf("公务接待批次"), "batches", false)).toBe("reception-batches");
    // (公务接待 without 国内 where the table prints the 国内 / 国（境）外 split: not said which.)
    expect(acrossCountKey(leaf("公务接待批次"), "batches", true)).toBeNull();
    expect(acrossCountKey(leaf("人次", ["因公出国(境)"]), "people", false)).toBe("abroad-people");
    expect(acrossCountKey(leaf("保有量(辆)"), "held", false)).toBe("vehicles-held");
    expect(acrossCountKey(leaf("团组数"), "groups", false)).toBeNull();
    expect(acrossCountKey(leaf("人次"), "people", false)).toBeNull();
  });
});
