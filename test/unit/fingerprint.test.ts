import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fingerprintOf, setFingerprints } from "../../src/accepted.js";
import type { Finding } from "../../src/engine/types.js";

/*
 * A department's budget-check.config.json lists accepted findings by fingerprint: the definition must not
 * change between versions, or every accepted finding would come back. It is the first 16 hex digits of
 * SHA-256 over the JSON array [ruleId, table, unit, code, item, column] — computed here independently.
 */
type Subject = Pick<Finding, "ruleId" | "table" | "unit" | "code" | "item" | "column">;
const subject: Subject = { ruleId: "hierarchy-sum", table: "T3", unit: "深圳市科学馆", code: "2060702", item: "一般科学研究", column: "合计" };
const reference = (s: Subject) => createHash("sha256").update(JSON.stringify([s.ruleId, s.table, s.unit, s.code, s.item, s.column])).digest("hex").slice(0, 16);

describe("fingerprintOf: what an accepted finding is known by", () => {
  it("is the first 16 hex digits of SHA-256 over the subject's JSON", () => {
    expect(fingerprintOf(subject)).toBe(reference(subject));
    const other: Subject = { ...subject, unit: null, code: "206" };
    expect(fingerprintOf(other)).toBe(reference(other));
    expect(fingerprintOf(other)).not.toBe(fingerprintOf(subject));
  });

  it("is the same when asked again (a subject without a unit from the memo) and numbers a repeated subject #2, #3", () => {
    const table: Subject = { ...subject, unit: null, item: "科学技术支出", code: "206" };
    for (let i = 0; i < 3; i++) expect(fingerprintOf(table)).toBe(reference(table));
    const first = fingerprintOf(subject);
    expect(fingerprintOf(subject)).toBe(first);
    expect(fingerprintOf(subject, 2)).toBe(`${first}#2`);
    const findings = [{ ...subject }, { ...subject }, { ...subject, column: "基本支出" }, { ...subject }] as unknown as Finding[];
    setFingerprints(findings);
    expect(findings.map((f) => f.fingerprint)).toEqual([first, `${first}#2`, reference({ ...subject, column: "基本支出" }), `${first}#3`]);
  });
});
