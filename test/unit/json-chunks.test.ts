import { describe, expect, it } from "vitest";
import { jsonChunks } from "../../src/reporters/json.js";
import { makeReport, failedReport } from "../../src/report.js";

describe("the JSON report written in pieces", () => {
  it("is byte for byte JSON.stringify(report, null, 2) + newline, with 0, 1 or several documents", () => {
    const d1 = failedReport("a.md", "markdown", "第一行\n第二行 \"quoted\"", { file: "a.md", line: 3 });
    const d2 = failedReport("b.xlsx", "xlsx", "no table", { file: "b.xlsx", sheet: "表1", cell: "A1" });
    for (const docs of [[], [d1], [d1, d2]]) {
      const report = makeReport("0.1.0", docs);
      const chunks = [...jsonChunks(report)];
      expect(chunks.join("")).toBe(JSON.stringify(report, null, 2) + "\n");
      expect(chunks.length).toBe(docs.length + 2);
    }
  });
});
