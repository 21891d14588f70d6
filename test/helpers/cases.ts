import { describe, expect, it } from "vitest";
import type { Finding, Rule, Severity } from "../../src/engine/types.js";
import type { BudgetDocument } from "../../src/model/document.js";
import { check, doc } from "./docs.js";

/**
 * What a case expects of one finding. The arithmetic fields are required (null where the rule reports
 * a note rather than an identity) so that every case states stated / computed / difference / tolerance.
 * `withinRounding` defaults to `severity === "info"`.
 */
export interface ExpectedFinding {
  severity: Severity;
  withinRounding?: boolean;
  stated: string | null;
  computed: string | null;
  difference: string | null;
  tolerance: string | null;
  /** Line (1-based) of the case text where the stated figure is printed. */
  line: number;
  table?: string;
  unit?: string | null;
  code?: string | null;
  item?: string | null;
  column?: string | null;
  /** Lines of the other figures the check used, in any order. */
  related?: number[];
}

export interface AcceptCase {
  name: string;
  /** A small document as printed; `→` stands for a tab (see `doc()`). */
  text: string;
}

export interface RejectCase extends AcceptCase {
  /** Every finding of the rule on this text, in printed order (line, then column). */
  findings: ExpectedFinding[];
}

export interface RuleCases {
  accept: AcceptCase[];
  reject: RejectCase[];
}

const byPlace = (a: Finding, b: Finding) =>
  (a.location.line ?? 0) - (b.location.line ?? 0) || (a.location.column ?? 0) - (b.location.column ?? 0);

/**
 * Runs a rule's case table (stylelint-style): an `accept` text yields no finding of the rule at all; a
 * `reject` text yields exactly the findings listed, each with its arithmetic and line, and the same
 * findings with Chinese messages under `--lang zh`.
 */
export function runCases(rule: Rule, cases: RuleCases, read: (text: string) => BudgetDocument = doc): void {
  describe(`rule ${rule.id}`, () => {
    for (const c of cases.accept)
      it(`accepts: ${c.name}`, () => {
        expect(check(rule, c.text, "en", read)).toEqual([]);
      });
    for (const c of cases.reject)
      it(`reports: ${c.name}`, () => {
        const got = check(rule, c.text, "en", read).sort(byPlace);
        const actual = got.map((f) => ({
          ...f,
          line: f.location.line,
          related: f.related.map((r) => r.line).sort((a, b) => (a ?? 0) - (b ?? 0)),
        }));
        const expected = c.findings.map(({ related, ...e }) => ({
          ruleId: rule.id,
          withinRounding: e.severity === "info",
          ...e,
          ...(related ? { related: [...related].sort((a, b) => a - b) } : {}),
        }));
        expect(actual).toMatchObject(expected);
        // The same findings in Chinese (--lang zh), worded without English.
        const zh = check(rule, c.text, "zh", read).sort(byPlace);
        expect(zh.map((f) => [f.severity, f.location])).toEqual(got.map((f) => [f.severity, f.location]));
        for (const f of got) expect(f.message).toMatch(/\b[a-z]{3,}\b/);
        for (const f of zh) expect(f.message).not.toMatch(/\b[a-z]{3,}\b/);
      });
  });
}
