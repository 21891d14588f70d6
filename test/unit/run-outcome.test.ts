import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { CheckOptions } from "../../src/check.js";
import { RunOutcome } from "../../src/cli/outcome.js";
import { newConfigRun } from "../../src/config.js";
import type { Finding } from "../../src/engine/types.js";
import { makeReport, type DocumentReport } from "../../src/report.js";

// The end of a run (summary, exit status, accepted-list problems, failures) is gathered one document at a
// time, so that a streamed batch keeps no document: it must come out as it did from the kept documents.
const tmp = mkdtempSync(join(tmpdir(), "budget-check-outcome-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
beforeEach(() => newConfigRun());

const base = { tolerance: { kind: "auto" }, severities: {}, lang: "en", config: { file: null, cli: { tolerance: false, lang: false } } } as unknown as CheckOptions;

function doc(path: string, summary: DocumentReport["summary"], fingerprints: string[] = [], extra: Partial<DocumentReport> = {}): DocumentReport {
  return {
    path,
    format: "markdown",
    department: null,
    year: 2023,
    moneyUnit: "万元",
    tables: [],
    findings: fingerprints.map((fingerprint) => ({ fingerprint }) as Finding),
    summary,
    failure: null,
    ...extra,
  } as DocumentReport;
}

function folder(name: string, config?: object): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  if (config) writeFileSync(join(dir, "budget-check.config.json"), JSON.stringify(config));
  return dir;
}

describe("RunOutcome", () => {
  it("adds up the same summary as the report made from the kept documents", () => {
    const docs = [doc("/x/a.md", { error: 2, warning: 1, info: 40 }), doc("/x/b.md", { error: 0, warning: 0, info: 3, accepted: 2 }), doc("/x/c.md", { error: 1, warning: 0, info: 0 })];
    const outcome = new RunOutcome(base);
    for (const d of docs) outcome.add(d);
    expect(outcome.totals.summary()).toEqual({ documents: 3, error: 3, warning: 1, info: 43, accepted: 2 });
    expect(JSON.stringify(makeReport("t", [], outcome.totals).summary)).toBe(JSON.stringify(makeReport("t", docs).summary));
    const none = new RunOutcome(base);
    none.add(docs[0]);
    expect(JSON.stringify(none.totals.summary())).toBe('{"documents":1,"error":2,"warning":1,"info":40}');
  });

  it("exit status: 2 for a document not checked, else 1 when a finding reaches failOn", () => {
    const warned = new RunOutcome(base);
    warned.add(doc("/x/a.md", { error: 0, warning: 1, info: 5 }));
    expect(warned.status("error")).toBe(0);
    expect(warned.status("warning")).toBe(1);
    expect(warned.status("info")).toBe(1);
    expect(warned.status("never")).toBe(0);
    const clean = new RunOutcome(base);
    clean.add(doc("/x/a.md", { error: 0, warning: 0, info: 0, accepted: 3 }));
    expect(clean.status("info")).toBe(0);
    const failed = new RunOutcome(base);
    failed.add(doc("/x/a.md", { error: 1, warning: 0, info: 0 }));
    failed.add(doc("/x/b.md", { error: 0, warning: 0, info: 0 }, [], { failure: { message: "not a budget disclosure" } }));
    expect(failed.status("never")).toBe(2);
    expect(failed.failures.map((d) => d.path)).toEqual(["/x/b.md"]);
  });

  it("matches each configuration's accepted list against the fingerprints of the documents using it", () => {
    const a = folder("a", {
      accepted: [
        { fingerprint: "0123456789abcdef", reason: "explained" },
        { fingerprint: "fedcba9876543210", reason: "no longer printed" },
      ],
    });
    const b = folder("b", { accepted: [{ fingerprint: "00000000000000aa", reason: "old", until: "2000-01-01" }], failOn: "warning" });
    const c = folder("c");
    const outcome = new RunOutcome(base);
    outcome.add(doc(join(c, "1.md"), { error: 0, warning: 0, info: 0 }));
    outcome.add(doc(join(b, "1.md"), { error: 0, warning: 0, info: 0 }, ["00000000000000aa"]));
    outcome.add(doc(join(a, "1.md"), { error: 0, warning: 0, info: 0 }, ["0123456789abcdef"]));
    outcome.add(doc(join(a, "2.md"), { error: 0, warning: 0, info: 0 }, [], { failure: { message: "unreadable" } }));
    expect(outcome.used.map((x) => x.path)).toEqual([join(b, "budget-check.config.json"), join(a, "budget-check.config.json")]);
    expect(outcome.acceptedProblems().map((p) => [p.fingerprint, p.problem])).toEqual([
      ["00000000000000aa", "expired"],
      ["fedcba9876543210", "unmatched"],
    ]);
  });

  it("keeps the documents' years only for --previous", () => {
    const without = new RunOutcome(base);
    without.add(doc("/x/a.md", { error: 0, warning: 0, info: 0 }));
    expect(without.years).toBeNull();
    const withPrevious = new RunOutcome({ ...base, previous: "/x/last.md" });
    withPrevious.add(doc("/x/a.md", { error: 0, warning: 0, info: 0 }));
    withPrevious.add(doc("/x/b.md", { error: 0, warning: 0, info: 0 }, [], { year: null }));
    expect(withPrevious.years).toEqual([{ path: "/x/a.md", year: 2023 }]);
  });
});
