import { severityRank } from "../engine/run.js";
import type { Finding } from "../engine/types.js";
import { formatLocation } from "../model/location.js";
import type { DocumentReport, Report } from "../report.js";
import type { FormatOptions } from "./index.js";
import { acceptedText } from "./present.js";
import { arithmeticText, findingKind, kindLabel, tableHeading, printedTitles } from "./words.js";
import { xmlElement, xmlEscape } from "./xml.js";

/** Groups one document's findings into test cases: rule → table → findings, in the report's order. */
function casesOf(d: DocumentReport, ruleIds: string[]): { ruleId: string; table: string | null; findings: Finding[] }[] {
  const out: { ruleId: string; table: string | null; findings: Finding[] }[] = [];
  for (const ruleId of ruleIds) {
    const byTable = new Map<string, Finding[]>();
    for (const f of d.findings) if (f.ruleId === ruleId) byTable.set(f.table, [...(byTable.get(f.table) ?? []), f]);
    if (byTable.size === 0) out.push({ ruleId, table: null, findings: [] });
    for (const [table, findings] of byTable) out.push({ ruleId, table, findings });
  }
  return out;
}

function findingLine(f: Finding, opts: FormatOptions): string {
  const arith = arithmeticText(f, opts.lang);
  const acc = acceptedText(f, opts.lang);
  return `${formatLocation(f.location)}: ${kindLabel(findingKind(f), opts.lang)}: ${f.message}${arith ? ` (${arith})` : ""}${acc ? ` — ${acc}` : ""}`;
}

/**
 * JUnit XML: a testsuite per document, a testcase per rule and table it reported on (a rule that found
 * nothing is one passing testcase). A testcase fails when it holds an error (or a finding at or above a
 * stricter --fail-on), not accepted; the other findings (rounding notes, accepted ones) go to its system-out. A document that could not be read is one
 * testcase with an error.
 */
export function formatJunit(report: Report, opts: FormatOptions): string {
  // Errors always fail their test case, whatever --fail-on (so a report step run with --fail-on never
  // still shows them); a stricter --fail-on (warning, info) fails those too. Accepted findings never do.
  const threshold = Math.max(severityRank("error"), opts.failOn === "never" ? -1 : severityRank(opts.failOn ?? "error"));
  const ruleIds = opts.rules?.map((r) => r.id) ?? [...new Set(report.documents.flatMap((d) => d.findings.map((f) => f.ruleId)))];
  let totalTests = 0;
  let totalFailures = 0;
  let totalErrors = 0;
  const suites: string[] = [];
  for (const d of report.documents) {
    const cases: string[] = [];
    let failures = 0;
    let errors = 0;
    let skipped = 0;
    if (d.failure) {
      errors++;
      const where = d.failure.location ? formatLocation(d.failure.location) : d.path;
      cases.push(xmlElement("testcase", { classname: d.path, name: "load" }, xmlElement("error", { message: `${where}: ${d.failure.message}`, type: "InputError" }, xmlEscape(`${where}: ${d.failure.message}`))));
    } else {
      const off = opts.rulesOff?.get(d.path);
      for (const c of casesOf(d, ruleIds)) {
        if (off?.has(c.ruleId) && !c.findings.length) {
          skipped++;
          cases.push(xmlElement("testcase", { classname: d.path, name: c.ruleId }, xmlElement("skipped", { message: "turned off" })));
          continue;
        }
        const unmet = d.notChecked?.find((n) => n.ruleId === c.ruleId);
        if (unmet && !c.findings.length) {
          skipped++;
          cases.push(xmlElement("testcase", { classname: d.path, name: c.ruleId }, xmlElement("skipped", { message: `not checked: ${unmet.reason}` })));
          continue;
        }
        const failing = c.findings.filter((f) => !f.accepted && severityRank(f.severity) <= threshold);
        const passing = c.findings.filter((f) => !failing.includes(f) && (!opts.quiet || f.severity === "error"));
        let inner = "";
        if (failing.length) {
          failures++;
          const first = failing[0];
          const message = failing.length === 1 ? `${formatLocation(first.location)}: ${first.message}` : `${failing.length} findings; first ${formatLocation(first.location)}: ${first.message}`;
          inner += xmlElement("failure", { message, type: first.severity }, xmlEscape(failing.map((f) => findingLine(f, opts)).join("\n")));
        }
        if (passing.length) inner += xmlElement("system-out", {}, xmlEscape(passing.map((f) => findingLine(f, opts)).join("\n")));
        const name = c.table ? `${c.ruleId} ${tableHeading(c.table, opts.lang, printedTitles(d))}` : c.ruleId;
        const file = (failing[0] ?? passing[0])?.location.file;
        cases.push(xmlElement("testcase", { classname: d.path, name, ...(file ? { file } : {}) }, inner));
      }
    }
    totalTests += cases.length;
    totalFailures += failures;
    totalErrors += errors;
    const props = ([["department", d.department], ["year", d.year], ["moneyUnit", d.moneyUnit], ["config", d.config ?? null]] as const)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => xmlElement("property", { name: k, value: String(v) }));
    const inner = (props.length ? xmlElement("properties", {}, props.join("")) + "\n" : "") + cases.join("\n");
    suites.push(xmlElement("testsuite", { name: d.path, tests: cases.length, failures, errors, skipped }, inner));
  }
  const root = xmlElement("testsuites", { name: "budget-check", tests: totalTests, failures: totalFailures, errors: totalErrors }, suites.join("\n"));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${root}\n`;
}
