import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadLayoutText } from "../../src/loaders/layout/index.js";
import { findPackages, loadPackage } from "../../src/lib.js";
import { shanghaiFinal } from "../../src/templates/shanghai.js";
import { FINAL_FUNCTION_TABLE } from "../helpers/final.js";
import { ROOT } from "../helpers/cli.js";

/*
 * A document whose year no title line states, but whose written part's heading does (第三部分 某局2024年度部门决算
 * 情况说明: a CSV package's 情况说明.txt, its first line that heading): its year was null, and a report said nothing of
 * which year it checked.
 */
const HEADING = "第三部分 某局2024年度部门决算情况说明";

describe("the year a written part's heading names", () => {
  it("is the document's where nothing else names it (layout text)", () => {
    const d = loadLayoutText("final.txt", [...FINAL_FUNCTION_TABLE, HEADING, "  2024年度一般公共预算财政拨款支出1,521.89万元。"].join("\n"), { template: shanghaiFinal });
    expect(d.year).toBe(2024);
  });

  it("is a CSV package's, from its 情况说明.txt (a 决算 of nine CSV files, UTF-8 with a byte-order mark)", async () => {
    const doc = await loadPackage(findPackages(join(ROOT, "test/fixtures/csv-final-2024"))[0], {});
    expect(doc.text[0]?.title).toMatch(/2024年度部门决算情况说明$/);
    expect(doc.year).toBe(2024);
  });

  it("a heading that names no 预算 or 决算 of a year gives none", () => {
    const d = loadLayoutText("final.txt", [...FINAL_FUNCTION_TABLE, "第三部分 2024年工作计划", "  2024年度一般公共预算财政拨款支出1,521.89万元。"].join("\n"), { template: shanghaiFinal });
    expect(d.year).toBeNull();
  });
});
