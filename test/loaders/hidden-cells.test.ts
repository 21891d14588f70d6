import { describe, expect, it } from "vitest";
import { findPackages, loadPackage } from "../../src/lib.js";
import type { BudgetDocument } from "../../src/model/document.js";
import { editedSeed } from "../helpers/workbook.js";

/*
 * A worksheet's hidden rows and columns do not print: they are not read either (a hidden helper column of 元 beside
 * 重庆's 表6 was read as a column of its header, and the table was left unread).
 */
const load = async (path: string): Promise<BudgetDocument> => loadPackage(findPackages(path)[0], {});

describe("hidden rows and columns", () => {
  it("are not read: a helper column beside a table is no column of its header, a hidden row no row of it", async () => {
    const doc = await load(
      await editedSeed((wb) => {
        const t8 = wb.getWorksheet("表8")!;
        t8.getCell("G5").value = "辅助列（元）";
        t8.getCell("G9").value = 4310000;
        t8.getColumn("G").hidden = true;
        t8.getRow(10).hidden = true; // 30102 津贴补贴 170
      }),
    );
    const t8 = doc.tables.find((t) => t.id === "T8")!;
    expect(t8.columns.map((c) => c.label)).not.toContain("辅助列（元）");
    const onRow = (n: number) => t8.rows.some((r) => r.location.sheet === "表8" && /\d+$/.exec(r.location.cell ?? "")?.[0] === String(n));
    expect([onRow(9), onRow(10), onRow(11)]).toEqual([true, false, true]);
    expect(doc.workbook!.hiddenColumns).toMatchObject([{ sheet: "表8", column: "G", hasAmounts: true }]);
  });
});
