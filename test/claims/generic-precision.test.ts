import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { claimsOf } from "../../src/claims/index.js";
import { runRules } from "../../src/engine/run.js";
import { findPackages, loadPackage } from "../../src/loaders/index.js";
import { textSum } from "../../src/rules/text-sum.js";
import { textVsTable } from "../../src/rules/text-vs-table.js";
import { yoyChange } from "../../src/rules/yoy-change.js";
import { ROOT, SEED } from "../helpers/cli.js";

/*
 * The generic reader (src/claims/generic.ts, generic-figures.ts) is built for the parts no province's reader
 * knows. Its precision, on wordings it was not written on: the bundled Shanghai documents and the Shenzhen seed,
 * every part of them treated as unknown (so the generic reader reads them, not their province's), give no text
 * error beyond the ones the documents really have (the seed's 机关运行经费 “增长 10%”, 11% by its own figures, and
 * the Shanghai 决算's 71.73% for 71.654%, which their provinces' readers report too; 万里街道 2023's project form).
 */
const SH = join(ROOT, "fixtures", "shanghai");
const documents = [...readdirSync(SH).filter((f) => f.endsWith(".txt")).map((f) => join(SH, f)), join(ROOT, SEED)];

describe("the generic reader on documents it was not written for", () => {
  for (const file of documents)
    it(`${file.split("/").pop()}: read as unknown parts, no false text error`, async () => {
      const [pkg] = findPackages(file);
      const doc = await loadPackage(pkg, {});
      for (const part of doc.text) {
        part.title = "情况说明";
        part.number = null;
      }
      // It does read them (totals, 三公, 政府采购 …): the test is not vacuous.
      if (doc.stage === "budget") expect(claimsOf(doc).claims.length).toBeGreaterThan(0);
      const errors = runRules(doc, [textVsTable, textSum, yoyChange], { tolerance: { kind: "auto" }, lang: "en" }).filter((f) => f.severity === "error");
      // The 决算's 一般公共服务支出（类）2106.66万元，占71.73% is 2106.66 ÷ 2940.05 = 71.654%: an error of the document's
      // own that Shanghai's reader reports too, read by the generic reader as a list of shares of the total before it.
      // 万里街道 2023's 公共服务设施运行经费 form (年度资金申请总额 10,903,043.00 over 当年财政拨款 11,419,043.00 + 0 + 0) is
      // read whatever the parts are called, as in the document itself.
      const expected = file.endsWith("document.md")
        ? [["yoy-change", "10", "11"]]
        : file.includes("finance-bureau_2024_dept-final")
          ? [["text-sum", "71.73", "71.654"]]
          : file.includes("wanli-subdistrict-office_2023")
            ? [["text-sum", "10903043", "11419043"]]
            : // 万里街道 2024's note under its 三公 table of 47.91 says 无“三公”经费 (round 54): the document's own, read as any part.
              file.includes("wanli-subdistrict-office_2024")
              ? [["text-vs-table", "0", "47.91"], ["text-sum", "0", "47.91"]]
              : [];
      expect(errors.map((f) => [f.ruleId, f.stated, f.computed])).toEqual(expected);
    });
});
