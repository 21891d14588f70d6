import type { Finding } from "../engine/types.js";
import { formatLocation, type SourceLocation } from "../model/location.js";
import { pageText, printedOf } from "./place.js";
import type { DocumentReport, Report } from "../report.js";
import type { FormatOptions } from "./index.js";
import { acceptedText, foldLine, foldRounding, shownFindings } from "./present.js";
import { arithmeticText, configLine, tableHeading, notCheckedText, printedTitles } from "./words.js";

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
  // A PDF figure has no line in the file (its line is one of the rebuilt text): the page is in the message.
  if (loc.line && !loc.box) props.push(["line", loc.line]);
  if (loc.line && loc.column && !loc.box) props.push(["col", loc.column]);
  props.push(["title", title]);
  const p = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(",");
  return `::${kind} ${p}::${escapeData(message)}`;
}

function findingCommand(f: Finding, opts: FormatOptions, d: DocumentReport): string {
  const where = f.location.sheet ? `${formatLocation(f.location)}: ` : f.location.box ? `${f.location.file} ${pageText(f.location.page!, opts.lang)}: ` : "";
  const arith = arithmeticText(f, opts.lang);
  const title = `budget-check ${f.ruleId} (${tableHeading(f.table, opts.lang, printedTitles(d), printedOf(d.tables, f.table)).trim()})`;
  const acc = acceptedText(f, opts.lang);
  // An accepted finding is a notice, whatever its severity: it no longer fails the run.
  return command(f.accepted ? "notice" : COMMAND[f.severity], f.location, title, `${where}${f.message}${arith ? `\n${arith}` : ""}${acc ? `\n${acc}` : ""}`);
}

/**
 * Errors first as `::error`, then warnings `::warning`, info `::notice`, and the rounding notes as one
 * `::notice` per table (with --quiet only errors are printed); an unreadable input is an `::error` on its file.
 */
export function formatGithub(report: Report, opts: FormatOptions): string {
  const out: string[] = [];
  for (const d of report.documents) {
    if (d.failure) {
      out.push(command("error", d.failure.location ?? { file: d.path }, "budget-check: unreadable input", d.failure.message));
      continue;
    }
    if (d.config && !opts.quiet) out.push(command("notice", { file: d.config, line: 1 }, "budget-check configuration", `${d.path}: ${configLine(d.config, opts.lang)}`));
    // As SARIF: a finding a diagnosis explains is not annotated again (the diagnosis names the figure).
    const { listed, folds } = foldRounding(shownFindings(d.findings.filter((f) => !f.explainedBy), opts.quiet));
    for (const f of listed) out.push(findingCommand(f, opts, d));
    // Rounding notes: one notice per table, on the first of them (GitHub shows few annotations per step).
    for (const fold of folds) out.push(command("notice", fold.findings[0].location, `budget-check rounding (${tableHeading(fold.table, opts.lang, printedTitles(d)).trim()})`, foldLine(fold, opts.lang, printedTitles(d))));
    const skipped = notCheckedText(d, opts.lang);
    if (skipped && !opts.quiet) out.push(command("notice", { file: d.path }, "budget-check: rules not checked", skipped));
  }
  return out.length ? out.join("\n") + "\n" : "";
}
