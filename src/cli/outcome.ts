// What the end of a run needs of its documents — the report's summary, the configurations used, the
// fingerprints their `accepted` lists are matched against, the failures to repeat on stderr, the exit
// status — gathered one document at a time. A streamed run (JSON, JSON Lines) writes each document and
// keeps only this, so the main thread's memory does not grow with the batch: a brief of every document
// (~0.4 kB each) grew it by ~8 MB over 20,000 documents. Other runs feed it the documents they keep.
import { acceptedProblems, today, type AcceptedProblem } from "../accepted.js";
import type { CheckOptions } from "../check.js";
import { configFor, type Config } from "../config.js";
import { severityRank } from "../engine/run.js";
import type { Severity } from "../engine/types.js";
import { packageKind } from "../loaders/index.js";
import { Totals, type DocumentReport } from "../report.js";

const SEVERITIES = ["error", "warning", "info"] as const;

export class RunOutcome {
  readonly totals = new Totals();
  /** Configuration files the documents used, in the order of the first document using each. */
  readonly used: Config[] = [];
  /** The documents that could not be checked (their briefs), in report order. */
  readonly failures: DocumentReport[] = [];
  /** Documents with a year, for the --previous warning (kept only when --previous is given). */
  readonly years: { path: string; year: number }[] | null;
  /** Severities with a finding not accepted in some document. */
  private readonly present = new Set<Severity>();
  /**
   * For each configuration with an `accepted` list: its fingerprints, and those a finding of a document
   * using it matched (only listed ones are kept: bounded by the list, not by the batch's findings).
   */
  private readonly seen = new Map<Config, { listed: Set<string>; matched: Set<string> }>();

  constructor(private readonly base: CheckOptions) {
    this.years = base.previous ? [] : null;
  }

  add(d: DocumentReport): void {
    this.totals.add(d);
    for (const s of SEVERITIES) if (d.summary[s] > 0) this.present.add(s);
    if (d.failure) {
      this.failures.push(d);
      return;
    }
    if (this.years && d.year !== null) this.years.push({ path: d.path, year: d.year });
    const c = configFor({ path: d.path, kind: packageKind(d.format) }, this.base.config!);
    if (!c) return;
    if (!this.used.includes(c)) this.used.push(c);
    if (!c.accepted.length) return;
    let seen = this.seen.get(c);
    if (!seen) this.seen.set(c, (seen = { listed: new Set(c.accepted.map((e) => e.fingerprint)), matched: new Set() }));
    for (const f of d.findings) if (f.fingerprint && seen.listed.has(f.fingerprint)) seen.matched.add(f.fingerprint);
  }

  /**
   * Entries of the `accepted` lists of the configurations used that expired, or that no finding of the
   * documents using that configuration matches any more.
   */
  acceptedProblems(): AcceptedProblem[] {
    const day = today();
    return [...this.seen].flatMap(([c, { matched }]) => acceptedProblems(c.path, c.accepted, matched, day));
  }

  /** The exit status: 2 when a document could not be checked, 1 when a finding not accepted reaches `failOn`. */
  status(failOn: Severity | "never"): 0 | 1 | 2 {
    if (this.failures.length) return 2;
    if (failOn === "never") return 0;
    const threshold = severityRank(failOn);
    return SEVERITIES.some((s) => severityRank(s) <= threshold && this.present.has(s)) ? 1 : 0;
  }
}
