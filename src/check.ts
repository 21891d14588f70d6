import { Decimal } from "decimal.js";
import type { ToleranceMode } from "./engine/evaluate.js";
import { runRules } from "./engine/run.js";
import type { Lang, SeveritySetting } from "./engine/types.js";
import type { BudgetDocument } from "./model/document.js";
import { findPackages, InputError, loadPackage, type EncodingName, type Package } from "./loaders/index.js";
import { documentReport, failedReport, type DocumentReport } from "./report.js";
import { rules } from "./rules/index.js";

export interface CheckOptions {
  tolerance: ToleranceMode;
  severities: Record<string, SeveritySetting>;
  lang: Lang;
  encoding?: EncodingName;
  /** The options for one package (e.g. merged with the budget-check.config.json above it); an InputError makes the package a failure. */
  forPackage?: (pkg: Package) => CheckOptions;
  /** Receives each loaded document model with the options it was checked with (the HTML report draws its tables from it). */
  onDocument?: (path: string, doc: BudgetDocument, opts: CheckOptions) => void;
}

/** Loads and checks one package; an unreadable one becomes a report with its `failure`. */
export async function checkPackage(pkg: Package, opts: CheckOptions): Promise<DocumentReport> {
  try {
    opts = opts.forPackage ? opts.forPackage(pkg) : opts;
    const doc = await loadPackage(pkg, { encoding: opts.encoding });
    opts.onDocument?.(pkg.path, doc, opts);
    const findings = runRules(doc, rules, { tolerance: opts.tolerance, severities: opts.severities, lang: opts.lang });
    return documentReport(pkg.path, doc, findings);
  } catch (e) {
    if (e instanceof InputError) return failedReport(pkg.path, pkg.kind, e.message, e.location);
    throw e;
  }
}

/** Every input expanded into packages (a batch folder into many); inputs that do not exist are failures too. */
export async function checkInputs(inputs: string[], opts: CheckOptions): Promise<DocumentReport[]> {
  const out: DocumentReport[] = [];
  for (const input of inputs) {
    let pkgs: Package[];
    try {
      pkgs = findPackages(input);
    } catch (e) {
      if (e instanceof InputError) {
        out.push(failedReport(input, "markdown", e.message, e.location));
        continue;
      }
      throw e;
    }
    for (const p of pkgs) out.push(await checkPackage(p, opts));
  }
  return out;
}

export function parseTolerance(text: string): ToleranceMode | null {
  if (text === "auto") return { kind: "auto" };
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  return { kind: "fixed", value: new Decimal(text) };
}
