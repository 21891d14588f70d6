import type { Finding } from "../engine/types.js";
import { formatLocation, type SourceLocation } from "../model/location.js";
import type { Report } from "../report.js";
import type { FormatOptions } from "./index.js";
import { arithmeticText, tableHeading, notCheckedText } from "./words.js";

/** GitHub Actions workflow commands (`::error file=…,line=…,title=…::message`), one per finding. */

/** Escapes a command's message: `%`, `\r`, `\n` (GitHub's escapeData). */
export function escapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escapes a command property value: as data, plus `:` and `,` (GitHub's escapeProperty). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

const COMMAND = { error: "error", warning: "warning", info: "notice" } as const;

function command(kind: string, loc: SourceLocation, title: string, message: string): string {
  const props: [string, string | number][] = [["file", loc.file.replace(/\\/g, "/")]];
  if (loc.line) props.push(["line", loc.line]);
  if (loc.line && loc.column) props.push(["col", loc.column]);
  props.push(["title", title]);
  const p = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(",");
  return `::${kind} ${p}::${escapeData(message)}`;
}

function findingCommand(f: Finding, opts: FormatOptions): string {
  const where = f.location.sheet ? `${formatLocation(f.location)}: ` : "";
  const arith = arithmeticText(f, opts.lang);
  const title = `budget-check ${f.ruleId} (${tableHeading(f.table, opts.lang).trim()})`;
  return command(COMMAND[f.severity], f.location, title, `${where}${f.message}${arith ? `\n${arith}` : ""}`);
}

/**
 * Errors become `::error`, warnings `::warning`, info and rounding notes `::notice` (with --quiet only
 * errors are printed); an unreadable input is an `::error` on its file.
 */
export function formatGithub(report: Report, opts: FormatOptions): string {
  const out: string[] = [];
  for (const d of report.documents) {
    if (d.failure) {
      out.push(command("error", d.failure.location ?? { file: d.path }, "budget-check: unreadable input", d.failure.message));
      continue;
    }
    // As SARIF: a finding a diagnosis explains is not annotated again (the diagnosis names the figure).
    for (const f of d.findings) if (!f.explainedBy && (!opts.quiet || f.severity === "error")) out.push(findingCommand(f, opts));
    const skipped = notCheckedText(d, opts.lang);
    if (skipped && !opts.quiet) out.push(command("notice", { file: d.path }, "budget-check: rules not checked", skipped));
  }
  return out.length ? out.join("\n") + "\n" : "";
}
