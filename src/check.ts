import { statSync } from "node:fs";
import { Decimal } from "decimal.js";
import { forgetClaims, setPrevious } from "./claims/index.js";
import type { ToleranceMode } from "./engine/evaluate.js";
import { notCheckedRules } from "./engine/requires.js";
import { emptyLog, runRules } from "./engine/run.js";
import type { Finding, Lang, Rule, SeveritySetting } from "./engine/types.js";
import { diagnose } from "./diagnosis/index.js";
import { diagnosis as diagnosisRule } from "./rules/diagnosis.js";
import type { BudgetDocument } from "./model/document.js";
import { configFor, newConfigRun, type Config, type ConfigSource } from "./config.js";
import { discoverPackages, findPackages, InputError, loadPackage, packageKind, type EncodingName, type Package } from "./loaders/index.js";
import { checkInPool, workerAvailable, type DocumentText, type PoolOptions } from "./batch/pool.js";
import { placeFindings } from "./loaders/pdf/place.js";
import { streams } from "./reporters/json.js";
import { briefOf, countBySeverity, documentReport, failedReport, type DocumentReport } from "./report.js";
import { applyAccepted, today } from "./accepted.js";
import { inputErrorText } from "./i18n/input-errors.js";
import { rules } from "./rules/index.js";
import { templateByName } from "./templates/index.js";

export interface CheckOptions {
  tolerance: ToleranceMode;
  severities: Record<string, SeveritySetting>;
  lang: Lang;
  encoding?: EncodingName;
  /** --template: read every input with this template (a name of src/templates) instead of recognising one. */
  template?: string;
  /** budget-check.config.json settings under these (see docs/config.md); none when absent. */
  config?: ConfigSource;
  /** --previous: last year's document, for the year-on-year claims of the text. */
  previous?: string;
}

/**
 * The options one package is checked with: the command line's over its configuration file's. `config`:
 * the package's configuration when the caller has already looked it up (null: it has none).
 */
export function packageOptions(pkg: Package, opts: CheckOptions, config?: Config | null): CheckOptions {
  const c = config !== undefined ? config : opts.config ? configFor(pkg, opts.config) : null;
  if (!c) return opts;
  return {
    ...opts,
    tolerance: opts.config!.cli.tolerance || !c.tolerance ? opts.tolerance : parseTolerance(c.tolerance)!,
    severities: { ...c.rules, ...opts.severities },
    lang: opts.config!.cli.lang || !c.lang ? opts.lang : c.lang,
  };
}

/**
 * The document model of every report whose input was read, loaded again by path: the HTML report draws
 * the tables from them. (Loaded here rather than kept from the check, so that packages checked on other
 * threads need not send their models back.)
 */
export async function loadModels(reports: DocumentReport[], opts: Pick<CheckOptions, "encoding" | "template">): Promise<Map<string, BudgetDocument>> {
  const models = new Map<string, BudgetDocument>();
  for (const r of reports) {
    if (r.failure) continue;
    try {
      // (A folder other than a CSV package is a workbook and its 情况说明: found again as it was.)
      const pkg = r.format !== "csv" && isFolder(r.path) ? findPackages(r.path).find((p) => p.path === r.path) : { path: r.path, kind: packageKind(r.format) };
      if (pkg) models.set(r.path, await loadPackage(pkg, { encoding: opts.encoding, template: templateByName(opts.template ?? "") }));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
    }
  }
  return models;
}

/** Whether `path` is a folder (false when it cannot be looked at). */
export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

const previousDocs = new Map<string, Promise<BudgetDocument>>();

/**
 * Last year's document (--previous), loaded once per thread (batches are checked on worker threads, and a
 * document model does not cross threads). Throws InputError when it cannot be read.
 */
function loadPrevious(path: string, encoding: EncodingName | undefined): Promise<BudgetDocument> {
  let p = previousDocs.get(path);
  if (!p) {
    p = (async () => {
      const pkgs = findPackages(path);
      if (pkgs.length !== 1) throw new InputError(`--previous: expected one document or package, found ${pkgs.length}`, { file: path });
      return loadPackage(pkgs[0], { encoding });
    })();
    previousDocs.set(path, p);
  }
  return p;
}

/** The year of last year's document (--previous), once it was loaded by checkInputs; null when unknown. */
export async function previousYear(path: string, encoding: EncodingName | undefined): Promise<number | null> {
  return loadPrevious(path, encoding).then((d) => d.year, () => null);
}

/** Default wall-clock budget of the diagnosis' solver per document, in seconds (BUDGET_CHECK_SOLVER_SECONDS). */
export const SOLVER_SECONDS = 10;

export function solverSeconds(): number {
  const s = Number(process.env.BUDGET_CHECK_SOLVER_SECONDS);
  return Number.isFinite(s) && s > 0 ? s : SOLVER_SECONDS;
}

/**
 * Every rule on one loaded document: the engine's rules, then the diagnosis (src/diagnosis) when some
 * identity is off — which loads the solver only then, and sets `explainedBy` on the findings it explains.
 */
export async function checkDocument(doc: BudgetDocument, opts: Pick<CheckOptions, "tolerance" | "severities" | "lang">): Promise<Finding[]> {
  const log = emptyLog();
  const findings = runRules(doc, rules, { tolerance: opts.tolerance, severities: opts.severities, lang: opts.lang, log });
  const setting = opts.severities?.[diagnosisRule.id] ?? diagnosisRule.defaultSeverity;
  // Rounding intervals are what the diagnosis reasons with: with a fixed --tolerance it does not run.
  if (setting === "off" || opts.tolerance.kind !== "auto") return findings;
  const found = await diagnose(doc, findings, log, { lang: opts.lang, severity: setting, seconds: solverSeconds() });
  return [...findings, ...found];
}

/** Loads and checks one package; an unreadable one becomes a report with its `failure`. */
export async function checkPackage(pkg: Package, opts: CheckOptions): Promise<DocumentReport> {
  try {
    const config = opts.config ? configFor(pkg, opts.config) : null;
    // The file found once: each lookup walks the folders up to the repository's root.
    opts = packageOptions(pkg, opts, config);
    const doc = await loadPackage(pkg, { encoding: opts.encoding, template: templateByName(opts.template ?? "") });
    // An unreadable --previous was reported once by checkInputs; the package is checked without it.
    const previous = opts.previous ? await loadPrevious(opts.previous, opts.encoding).catch(() => null) : null;
    if (previous) setPrevious(doc, previous);
    const findings = await checkDocument(doc, opts);
    if (doc.format === "pdf") placeFindings(doc, findings);
    const enabled = (r: Rule) => (opts.severities[r.id] ?? r.defaultSeverity) !== "off";
    const report = documentReport(pkg.path, doc, findings, notCheckedRules(doc, rules, enabled, opts.lang));
    const accepted = config?.accepted;
    if (accepted?.length) {
      applyAccepted(report.findings, accepted, today());
      report.summary = countBySeverity(report.findings);
    }
    if (config) report.config = config.path;
    // The report is made: the claims memo must not keep the document (and its text) alive any longer.
    forgetClaims(doc);
    return report;
  } catch (e) {
    if (e instanceof InputError) return failedReport(pkg.path, pkg.kind, inputErrorText(e.message, opts.lang), e.location);
    throw e;
  }
}

/** How a run hands its reports over (see checkInputs). */
export interface RunOutput extends PoolOptions {
  /**
   * Each document's report in the inputs' order, as soon as it and all before it are done; with
   * `serialize`, a brief of it (briefOf: no findings) and its text in that format. Reports given here
   * are not kept: checkInputs then returns none. `release`, when given, is called once the text is written
   * (its buffer goes back to the worker that made it).
   */
  onReport?: (report: DocumentReport, text?: DocumentText, release?: () => void) => void;
}

/**
 * Every input expanded into packages (a batch folder into many); inputs that do not exist are failures
 * too. Several packages are checked in parallel on worker threads, one alone in this thread (unless a
 * time limit is set: it can only be enforced on a worker); the reports keep the inputs' order (a
 * folder's packages by path) whatever finishes first.
 */
export async function checkInputs(inputs: string[], opts: CheckOptions, progress?: Progress, out: RunOutput = {}): Promise<DocumentReport[]> {
  newConfigRun();
  const slots: (DocumentReport | Package)[] = [];
  if (opts.previous)
    try {
      await loadPrevious(opts.previous, opts.encoding);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      slots.push(failedReport(opts.previous, "markdown", inputErrorText(`--previous: ${e.message}`, opts.lang), e.location));
    }
  for (const input of inputs) {
    const found = discoverPackages(input);
    slots.push(...found.packages);
    // An unreadable folder or file name is that entry's failure; the rest of the batch is checked.
    for (const p of found.problems) slots.push(failedReport(p.location.file, "markdown", inputErrorText(p.message, opts.lang), p.location));
    for (const s of found.skipped) progress?.skipped?.(s.path, s.why);
    for (const n of found.notes) progress?.noted?.(n.path, n.note);
  }
  const pkgs: Package[] = [];
  const slotOf: number[] = [];
  slots.forEach((s, i) => {
    if (!("findings" in s)) {
      slotOf.push(i);
      pkgs.push(s);
    }
  });
  // Reports in the slots' order: each handed over as soon as it and all before it are done, then dropped.
  const kept: DocumentReport[] = [];
  const ready = new Map<number, { report: DocumentReport; text?: DocumentText; release?: () => void }>();
  let written = 0;
  const flush = () => {
    for (let r = ready.get(written); r; r = ready.get(written)) {
      ready.delete(written++);
      if (out.onReport) out.onReport(r.report, r.text, r.release);
      else kept.push(r.report);
    }
  };
  slots.forEach((s, i) => {
    if ("findings" in s) ready.set(i, { report: s });
  });
  flush();
  progress?.start(pkgs.length);
  const done = (index: number, report: DocumentReport, text?: DocumentText, release?: () => void) => {
    progress?.done(report);
    ready.set(slotOf[index], { report, text, release });
    flush();
  };
  // A workbook alone is checked on a worker too: the same memory cap as in a batch (a workbook is the input
  // form whose size on disk says least about the memory it takes), so no input can abort the process.
  const capped = pkgs.length === 1 && (out.timeout || (pkgs[0].kind === "xlsx" && workerAvailable()));
  if (pkgs.length > 1 || capped) await checkInPool(pkgs, opts, done, { timeout: out.timeout, serialize: out.onReport ? out.serialize : undefined });
  else
    for (const [i, p] of pkgs.entries()) {
      const report = await checkPackage(p, opts);
      done(i, out.onReport && out.serialize ? briefOf(report) : report, out.onReport && out.serialize ? streams[out.serialize].document(report) : undefined);
    }
  progress?.end();
  return kept;
}

/** Hears about a batch as it goes (the CLI's progress bar). */
export interface Progress {
  start(total: number): void;
  done(report: DocumentReport): void;
  end(): void;
  /** An entry of a batch folder that is not checked, and why (a link back to a folder already searched, a report of this tool). */
  skipped?(path: string, why: string): void;
  /** An input read as other than its name says (a web page named .xls), and as what. */
  noted?(path: string, note: string): void;
}

export function parseTolerance(text: string): ToleranceMode | null {
  if (text === "auto") return { kind: "auto" };
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  return { kind: "fixed", value: new Decimal(text) };
}
