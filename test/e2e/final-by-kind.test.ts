import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliJson, ROOT } from "../helpers/cli.js";

/*
 * A 决算 read by its headers (test/fixtures/final-by-kind): the generic template is a 预算's, and the document was
 * checked as a 预算 — 收入 = 支出 required of a 决算 whose carry-over makes them differ (4 false errors).
 */
describe("a 决算 whose tables are read by kind alone", () => {
  it("is a 决算 (stage final), as its title says: no error and no warning on a consistent document", { timeout: 60_000 }, () => {
    const { status, report } = cliJson([join(ROOT, "test", "fixtures", "final-by-kind", "shanxi-final.txt")]);
    const doc = report.documents[0];
    expect(doc).toMatchObject({ template: "generic", stage: "final", year: 2024 });
    expect(doc.findings.filter((f: { severity: string }) => f.severity !== "info").map((f: { ruleId: string; message: string }) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(status).toBe(0);
  });
});
