import { describe, expect, it } from "vitest";
import { tabFormLines } from "../../src/loaders/layout/tab-form.js";

describe("tabFormLines: tab-separated text laid out on one grid", () => {
  const lines = tabFormLines(["## 表1 收支总表", "项目\t财政拨款\t\t其他", "\t一般\t基金\t", "合计\t1,234.00\t5.00\t0.00", "一、工资福利支出\t1.00\t12,345.67\t"].join("\n"));

  it("right-aligns the figures of a column at one x on every line", () => {
    const [a, b] = [lines[3].tokens!, lines[4].tokens!];
    expect(a[1].x1).toBe(b[1].x1);
    expect(a[2].x1).toBe(b[2].x1);
    expect(a[1].x1).toBeLessThan(a[2].x0);
  });

  it("starts a text cell at its column's left edge, after the widest cell of the column before", () => {
    const [a, b] = [lines[3].tokens!, lines[4].tokens!];
    expect(a[0].x0).toBe(b[0].x0);
    expect(b[0].x1).toBeLessThan(b[1].x0);
  });

  it("spans a header label over the empty cells after it that have labels below, as a merged cell", () => {
    const label = lines[1].tokens!.find((t) => t.text === "财政拨款")!;
    const [left, right] = [lines[2].tokens!.find((t) => t.text === "一般")!, lines[2].tokens!.find((t) => t.text === "基金")!];
    expect(label.x0).toBeLessThanOrEqual(left.x0);
    expect(label.x1).toBeGreaterThanOrEqual(right.x1);
    // 基金 has an empty cell after it too, but nothing below it: it stays in its column.
    const other = lines[1].tokens!.find((t) => t.text === "其他")!;
    expect(right.x1).toBeLessThan(other.x0);
  });

  it("keeps each cell's character column in the file for locations", () => {
    const t = lines[4].tokens!;
    expect(t.map((x) => x.column)).toEqual([1, 10, 15]);
  });

  it("reads a Markdown heading as a heading without its markup; the form has no pages", () => {
    expect(lines[0]).toMatchObject({ text: "表1 收支总表", heading: true, page: 0, line: 1 });
    expect(lines[0].tokens).toBeUndefined();
    expect(lines.every((l) => l.page === 0)).toBe(true);
    expect(lines[3].heading).toBeUndefined();
  });
});
