import { describe, expect, it } from "vitest";
import { settleByColumnSums, type PlacementChoice } from "../../src/loaders/layout/column-sums.js";
import { amountCell, emptyRow } from "../../src/loaders/tables.js";
import type { Cell, Row, Table } from "../../src/model/document.js";

/* Rows two placements fit alike, settled by the table's column sums (合计 = Σ 类, 类 = Σ 款). */

const loc = { file: "t.txt", line: 1 };
const cells = (a: string, b: string): Record<string, Cell> => ({ a: amountCell(a, loc, true, true), b: amountCell(b, loc, true, true) });
const row = (code: string | null, a: string, b: string): Row => {
  const r = emptyRow(code ?? "合计", loc);
  Object.assign(r, code ? { kind: "code", code, name: code } : { kind: "department", name: "合计" });
  r.cells = cells(a, b);
  return r;
};
const table = (rows: Row[]): Table => ({ id: "T2", kind: "income", title: "部门收入总表", unit: "万元", department: null, columns: [{ key: "a", label: "a", kind: "amount" }, { key: "b", label: "b", kind: "amount" }], rows, pages: 1, location: { file: "t.txt" } }) as Table;
const text = (r: Row) => `${r.cells.a.text || "-"} ${r.cells.b.text || "-"}`;
/** A row read with its figure in column a, that could stand in b. */
const choice = (r: Row): PlacementChoice => ({ row: r, options: [{ ...r.cells }, cells(r.cells.b.text, r.cells.a.text)] });

describe("settleByColumnSums", () => {
  it("moves rows together to the placement that makes more sums hold", () => {
    // 合计 prints 10 in a and 5 in b; 201 and its 款 20101 were read with their 5 in a.
    const [total, c201, c20101, c202] = [row(null, "10.00", "5.00"), row("201", "5.00", ""), row("20101", "5.00", ""), row("202", "10.00", "")];
    const unsettled = settleByColumnSums(table([total, c201, c20101, c202]), [choice(c201), choice(c20101)]);
    expect([text(c201), text(c20101)]).toEqual(["- 5.00", "- 5.00"]);
    expect([...unsettled]).toEqual([]);
  });

  it("fails to move them when the sums hold as well either way: the rows are left unsettled, as read", () => {
    // No 合计 row, and 201's 款 beside it: a and b are alike to every sum.
    const [c201, c20101] = [row("201", "5.00", ""), row("20101", "5.00", "")];
    const unsettled = settleByColumnSums(table([c201, c20101]), [choice(c201), choice(c20101)]);
    expect([text(c201), text(c20101)]).toEqual(["5.00 -", "5.00 -"]);
    expect(unsettled.has(c201) && unsettled.has(c20101)).toBe(true);
  });

  it("keeps a row where it was read when moving it makes no more sums hold (a misprint stays where it stands)", () => {
    // 合计 b 5, but 201 prints 6 in a: moving it breaks a's sum and mends none.
    const [total, c201, c202] = [row(null, "10.00", "5.00"), row("201", "6.00", ""), row("202", "4.00", "")];
    settleByColumnSums(table([total, c201, c202]), [choice(c201)]);
    expect(text(c201)).toBe("6.00 -");
  });
});
