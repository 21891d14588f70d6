import type { Finding } from "../engine/types.js";
import { formatLocation, type SourceLocation } from "../model/location.js";
import type { Report } from "../report.js";
import type { FormatOptions, RuleInfo } from "./index.js";

/** SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/): one run for the whole report. */

const LEVEL = { error: "error", warning: "warning", info: "note" } as const;

/** A repository-relative path as a URI reference: forward slashes, non-ASCII and spaces percent-encoded. */
export function pathUri(path: string): string {
  return encodeURI(path.replace(/\\/g, "/")).replace(/[?#]/g, (c) => encodeURIComponent(c));
}

/** `<base><id>.md`; the base ends with `/` (see docs/ci.md for how it is chosen). */
function helpUri(base: string, id: string): string {
  return `${base.endsWith("/") ? base : base + "/"}${encodeURIComponent(id)}.md`;
}

function location(loc: SourceLocation, id?: number) {
  const region: Record<string, number> = {};
  if (loc.line) region.startLine = loc.line;
  if (loc.line && loc.column) region.startColumn = loc.column;
  const physicalLocation = { artifactLocation: { uri: pathUri(loc.file) }, ...(Object.keys(region).length ? { region } : {}) };
  // A workbook cell has no line: it is named as a logical location (sheet!cell) instead.
  const logicalLocations = loc.sheet ? [{ name: loc.cell ? `${loc.sheet}!${loc.cell}` : loc.sheet, fullyQualifiedName: formatLocation(loc), kind: "element" }] : undefined;
  return { ...(id !== undefined ? { id } : {}), physicalLocation, ...(logicalLocations ? { logicalLocations } : {}) };
}

function result(f: Finding, ruleIndex: number) {
  const where = f.location.sheet ? ` [${formatLocation(f.location)}]` : "";
  return {
    ruleId: f.ruleId,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: LEVEL[f.severity],
    message: { text: f.message + where },
    ...(f.fingerprint ? { partialFingerprints: { "budgetCheck/v1": f.fingerprint } } : {}),
    // An accepted finding (budget-check.config.json `accepted`) stays in the log, suppressed with its reason.
    ...(f.accepted ? { suppressions: [{ kind: "external", status: "accepted", justification: f.accepted.until ? `${f.accepted.reason} (until ${f.accepted.until})` : f.accepted.reason }] } : {}),
    locations: [location(f.location)],
    ...(f.related.length ? { relatedLocations: f.related.map((r, i) => location(r, i + 1)) } : {}),
    properties: {
      severity: f.severity,
      withinRounding: f.withinRounding,
      table: f.table,
      unit: f.unit,
      code: f.code,
      item: f.item,
      column: f.column,
      stated: f.stated,
      computed: f.computed,
      difference: f.difference,
      tolerance: f.tolerance,
    },
  };
}

function ruleDescriptor(r: RuleInfo, base: string | undefined, lang: FormatOptions["lang"]) {
  return {
    id: r.id,
    name: r.id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: lang === "zh" ? r.descriptionZh : r.description },
    fullDescription: { text: `${r.description} / ${r.descriptionZh}` },
    ...(base ? { helpUri: helpUri(base, r.id) } : {}),
    defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
    properties: { docs: `docs/rules/${r.id}.md` },
  };
}

/**
 * Every rule is listed in tool.driver.rules with its doc page; results carry level (error, warning, note
 * for info and rounding-only findings), message, file + line (+ column) and the related figures. An
 * input that could not be read is a tool execution notification, and the invocation is unsuccessful.
 */
export function formatSarif(report: Report, opts: FormatOptions): string {
  const rules = opts.rules ?? [];
  const base = opts.docsBaseUri;
  const index = new Map(rules.map((r, i) => [r.id, i]));
  // Rounding notes only with --include-rounding (dozens per document would bury the real alerts);
  // with --quiet, errors only, as in every format.
  const wanted = (f: Finding) => (opts.quiet ? f.severity === "error" && !f.accepted : opts.includeRounding || !(f.severity === "info" && f.withinRounding));
  const results = report.documents.flatMap((d) => d.findings.filter(wanted).map((f) => result(f, index.get(f.ruleId) ?? -1)));
  const failures = report.documents.filter((d) => d.failure);
  const log = {
    $schema: "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "budget-check",
            version: report.tool.version,
            rules: rules.map((r) => ruleDescriptor(r, base, opts.lang)),
          },
        },
        invocations: [
          {
            executionSuccessful: failures.length === 0,
            toolExecutionNotifications: [
              ...failures.map((d) => ({
                level: "error",
                message: { text: `${d.failure!.location ? formatLocation(d.failure!.location) : d.path}: ${d.failure!.message}` },
                locations: [location(d.failure!.location ?? { file: d.path })],
              })),
              // Rules a document could not be checked by: a note each, so a clean run still says what it did not check.
              ...report.documents.flatMap((d) =>
                (d.notChecked ?? []).map((n) => ({
                  level: "note",
                  message: { text: `${d.path}: ${n.ruleId} not checked: ${n.reason}` },
                  locations: [location({ file: d.path })],
                  associatedRule: { id: n.ruleId },
                })),
              ),
            ],
          },
        ],
        artifacts: report.documents.map((d) => ({ location: { uri: pathUri(d.path) }, roles: ["analysisTarget"], ...(d.config ? { properties: { config: d.config } } : {}) })),
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + "\n";
}
