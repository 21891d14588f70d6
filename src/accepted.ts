import { hash as oneShotHash } from "node:crypto";
import type { Finding } from "./engine/types.js";
import { mapArray } from "./util/arrays.js";

/**
 * Accepted findings (budget-check.config.json `accepted`): a discrepancy a department has explained,
 * recorded once with a reason and an expiry date, so that CI stays green for it and only it.
 *
 * A finding is known by its fingerprint: a hash of what it is about — rule, table, unit, code, item and
 * column — never where it is printed (a line number moves with every edit above it). When one document
 * has several findings with the same subject, the second and later get `#2`, `#3` … in report order.
 */

export interface AcceptedEntry {
  fingerprint: string;
  reason: string;
  /** Last day (YYYY-MM-DD, inclusive) the acceptance holds; null for no expiry. */
  until: string | null;
  /** What it was about when written (for the reader of the file; not matched). */
  about?: string;
}

export interface AcceptedProblem {
  config: string;
  fingerprint: string;
  reason: string;
  until: string | null;
  problem: "expired" | "unmatched";
}

/**
 * Hashes of subjects already seen: the same rule, table, code and column recur in every document of a
 * batch (one SHA-256 per finding was ~2% of a batch worker's time). Only subjects without a unit: a
 * budget unit's name belongs to one department, so its subjects never recur in another document, and
 * keeping them made every document's keys survive the scavenges after it (on the benchmark's corpus, 63%
 * of the findings, none seen again; the others 88% seen before; docs/performance.md, "Thirteenth pass").
 * Emptied when full; the keys are JSON texts of their own, not views into a document's text.
 */
const hashes = new Map<string, string>();
const HASHES_MAX = 8_192;

export function fingerprintOf(f: Pick<Finding, "ruleId" | "table" | "unit" | "code" | "item" | "column">, occurrence = 1): string {
  const key = JSON.stringify([f.ruleId, f.table, f.unit, f.code, f.item, f.column]);
  let hash = f.unit ? undefined : hashes.get(key);
  if (hash === undefined) {
    // crypto.hash (Node 20.12+, engines: >=20.19): one call, no Hash object and stream state per finding.
    hash = oneShotHash("sha256", key, "hex").slice(0, 16);
    if (!f.unit) {
      if (hashes.size >= HASHES_MAX) hashes.clear();
      hashes.set(key, hash);
    }
  }
  return occurrence > 1 ? `${hash}#${occurrence}` : hash;
}

/** Sets every finding's fingerprint (in place, in report order). */
export function setFingerprints(findings: Finding[]): void {
  const seen = new Map<string, number>();
  for (const f of findings) {
    const base = fingerprintOf(f);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    f.fingerprint = n > 1 ? `${base}#${n}` : base;
  }
}

/** Today as YYYY-MM-DD (UTC); BUDGET_CHECK_TODAY overrides it (tests, and re-running an old pipeline). */
export function today(): string {
  const env = process.env.BUDGET_CHECK_TODAY;
  if (env && /^\d{4}-\d{2}-\d{2}$/.test(env)) return env;
  return new Date().toISOString().slice(0, 10);
}

export const expired = (e: AcceptedEntry, day: string) => e.until !== null && e.until < day;

/** Marks the findings an unexpired entry accepts; returns the fingerprints any entry matched. */
export function applyAccepted(findings: Finding[], entries: AcceptedEntry[], day: string): Set<string> {
  const byFp = new Map(mapArray(entries, (e) => [e.fingerprint, e]));
  const matched = new Set<string>();
  for (const f of findings) {
    const e = f.fingerprint ? byFp.get(f.fingerprint) : undefined;
    if (!e) continue;
    matched.add(e.fingerprint);
    if (!expired(e, day)) f.accepted = { reason: e.reason, until: e.until };
  }
  return matched;
}

/** Entries that have expired, and entries that matched no finding of the run (fixed, or changed). */
export function acceptedProblems(config: string, entries: AcceptedEntry[], matched: Set<string>, day: string): AcceptedProblem[] {
  const out: AcceptedProblem[] = [];
  for (const e of entries) {
    if (expired(e, day)) out.push({ config, fingerprint: e.fingerprint, reason: e.reason, until: e.until, problem: "expired" });
    else if (!matched.has(e.fingerprint)) out.push({ config, fingerprint: e.fingerprint, reason: e.reason, until: e.until, problem: "unmatched" });
  }
  return out;
}

export function problemLine(p: AcceptedProblem, lang: "zh" | "en"): string {
  if (lang === "zh")
    return p.problem === "expired"
      ? `${p.config}: accepted ${p.fingerprint} 已于 ${p.until} 到期（${p.reason}），该问题重新计入`
      : `${p.config}: accepted ${p.fingerprint} 不再对应任何问题（${p.reason}），可从清单中删除`;
  return p.problem === "expired"
    ? `${p.config}: accepted ${p.fingerprint} expired on ${p.until} (${p.reason}); the finding counts again`
    : `${p.config}: accepted ${p.fingerprint} matches no finding any more (${p.reason}); remove it from the list`;
}

/** A draft `accepted` list for today's errors and warnings (--write-accepted): reasons to be filled in. */
export const DRAFT_REASON = "TODO: why this is accepted";

export function draftAccepted(findings: Finding[], until: string): { accepted: (AcceptedEntry & { about: string })[] } {
  return {
    accepted: mapArray(
      findings.filter((f) => f.severity !== "info" && f.fingerprint).sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1)),
      (f) => ({ fingerprint: f.fingerprint!, reason: DRAFT_REASON, until, about: `${f.ruleId}: ${f.message}`.slice(0, 200) }),
    ),
  };
}
