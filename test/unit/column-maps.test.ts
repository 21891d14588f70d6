import { describe, expect, it } from "vitest";
import { parseTables, twoSidedRows } from "../../src/loaders/tables.js";
import type { Row } from "../../src/model/document.js";
import { textLine } from "../../src/loaders/raw.js";
import { shenzhen } from "../../src/templates/shenzhen.js";
import { mapArray } from "../../src/util/arrays.js";

/*
 * A table's header is matched to the template's columns once per header text and template table, and the match
 * kept for the next page and document that print the same header (loaders/tables.ts, columnMapOf; round 57). A
 * header met again must be read as it was the first time, and one that cannot be matched must say so every time.
 */
const read = (lines: string[]) => parseTables(mapArray(lines, (l, n) => textLine("t.md", n + 1, l)), shenzhen);
const TITLE = "一般公共预算支出表（按经济分类）";
const ROW = "\t501\t机关工资福利支出\t10\t10\t0";

describe("a table header matched once, for every page and document that prints it", () => {
  it("reads a header met again as the first time: its columns, their labels and the rows under them", () => {
    const header = "预算单位\t科目编码\t科目名称\t支出总计\t基本支出\t项目支出\t备注";
    const first = read([TITLE, header, ROW]);
    // The same header on a continuation page, and in a second document.
    const again = read([TITLE, header, ROW, TITLE, header, "\t502\t商品和服务支出\t5\t0\t5"]);
    expect(again.tables[0].columns).toEqual(first.tables[0].columns);
    expect(mapArray(again.tables[0].rows, (r) => r.cells.total?.amount?.text)).toEqual(["10", "5"]);
    expect(read([TITLE, header, ROW]).tables).toEqual(first.tables);
    // Another header of the same table (its columns in another order) is matched on its own.
    const swapped = read([TITLE, "科目编码\t科目名称\t预算单位\t支出总计\t项目支出\t基本支出", "501\t机关工资福利支出\t\t10\t0\t10"]);
    expect(swapped.tables[0].rows[0].cells.basic?.amount?.text).toBe("10");
    expect(swapped.tables[0].rows[0].cells.project?.amount?.text).toBe("0");
  });

  it("says of a header it cannot match that it cannot, every time it is met", () => {
    const header = "预算单位\t科目名称\t支出总计\t基本支出\t项目支出";
    for (let k = 0; k < 2; k++) {
      const { tables, headerErrors } = read([TITLE, header, "\t机关工资福利支出\t10\t10\t0"]);
      expect(tables).toEqual([]);
      expect(headerErrors).toHaveLength(1);
      expect(headerErrors[0].message).toContain("the header cannot be matched");
    }
  });
});

/*
 * A two-sided or task table's row finds its role by its name once per template table and side (loaders/tables.ts,
 * roleOf; round 57): a name met again on the other side, or in another document, is judged as the first time.
 */
describe("a row's role found once per name and side", () => {
  const cell = (text: string) => ({ text, amount: null, location: { file: "t.md", line: 1 } });
  const item = (income: string, expenditure: string) => ({ cells: { "income-label": cell(income), "expenditure-label": cell(expenditure) }, loc: { file: "t.md", line: 1 } });
  const roles = (rows: Row[]) => mapArray(rows, (r) => `${r.side}:${r.role}:${r.level}`);
  const T1 = shenzhen.tables.find((t) => t.id === "T1")!;

  it("gives a name its role on its side only, the first time and every time after", () => {
    const items = [item("一般公共预算拨款", "一般公共预算拨款"), item("上年结转", "收入总计"), item("收入总计", "上年结转")];
    const first = roles(twoSidedRows(T1, items));
    expect(first).toEqual(["income:general-public:2", "expenditure:null:null", "income:income-carryover:1", "expenditure:null:null", "income:income-total:1", "expenditure:null:null"]);
    expect(roles(twoSidedRows(T1, items))).toEqual(first);
    expect(roles(twoSidedRows(T1, [item("一般公共预算拨款", "")]))).toEqual(["income:general-public:2"]);
  });

  it("judges a name longer than the kept ones as any other", () => {
    const long = `上年结转${"资金".repeat(40)}`;
    expect(roles(twoSidedRows(T1, [item(long, long), item(long, "")]))).toEqual(["income:income-carryover:1", "expenditure:null:null", "income:income-carryover:1"]);
  });
});
