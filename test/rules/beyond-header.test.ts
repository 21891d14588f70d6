import { beyondHeader } from "../../src/rules/beyond-header.js";
import { runCases } from "../helpers/cases.js";
import { classified } from "../helpers/tables.js";

// Issue 12, defect 11: cells past the header were dropped without a word. classified(7): data from line 5.
const T7 = (rows: string) => classified(7, rows);

runCases(beyondHeader, {
  accept: [{ name: "every cell under a header column (trailing empty cells are fine)", text: T7("甲单位→→→10→0→10→→\n→206→科学技术支出→10→0→10") }],
  reject: [
    {
      name: "a figure one column too far, and a note past the header",
      text: T7("甲单位→→→10→0→10→10\n→206→科学技术支出→10→0→10→→备注"),
      findings: [
        { severity: "warning", stated: null, computed: null, difference: null, tolerance: null, line: 5, table: "T7" },
        { severity: "warning", stated: null, computed: null, difference: null, tolerance: null, line: 6, table: "T7" },
      ],
    },
  ],
});
