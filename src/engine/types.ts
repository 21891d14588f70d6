import type { Amount } from "../model/amount.js";
import type { BudgetDocument, TableId, TableKind } from "../model/document.js";
import type { SourceLocation } from "../model/location.js";
import type { LinearConstraint } from "./propagate.js";
import type { Claim } from "../claims/types.js";

export type Severity = "error" | "warning" | "info";
export type SeveritySetting = Severity | "off";
export type Lang = "zh" | "en";

/** A message in both languages; the engine picks one by --lang. */
export interface Msg {
  zh: string;
  en: string;
}

/** What a finding is about (the JSON report's table / unit / code / item / column). */
export interface Subject {
  table: TableId | "text";
  unit?: string | null;
  code?: string | null;
  item?: string | null;
  column?: string | null;
}

export interface Term {
  amount: Amount;
  sign?: 1 | -1;
}

/** `total = Σ sign·part`: declared by rules, judged by the engine with the rounding semantics. */
export interface SumIdentity {
  subject: Subject;
  total: Amount;
  parts: Term[];
  /** How the computed side is made, e.g. { zh: "基本支出 + 项目支出", en: "basic + project" }. */
  relation: Msg;
}

/** `part ≤ whole` (e.g. 其中：面向中小企业 ≤ 政府采购小计). */
export interface AtMostIdentity {
  subject: Subject;
  part: Amount;
  whole: Amount;
  relation: Msg;
}

/**
 * A printed percentage: `percent` (e.g. 15 for 15%) = 100 · Σ numerator ÷ Σ denominator, e.g. a
 * year-on-year 增幅 = change ÷ (current − change). Judged with the amounts' and the percentage's rounding
 * intervals (engine/evaluate.ts `judgeRatio`).
 */
export interface RatioIdentity {
  subject: Subject;
  percent: Amount;
  numerator: Term[];
  denominator: Term[];
  /** How the percentage is computed, e.g. { zh: "增减额 ÷ 上年预算数", en: "change ÷ last year's amount" }. */
  relation: Msg;
  /** Bases a writer may have used by mistake; the message names the first that explains the printed figure. */
  alternatives?: { denominator: Term[]; relation: Msg }[];
  /**
   * The printed percentage is one of shares the text balanced to add up to exactly 100% (尾差调整): it may be
   * one unit of its last digit off the rounded ratio. Off by that much is within rounding, not a discrepancy.
   */
  balanced?: boolean;
}

/** A finding that is not arithmetic (a missing table, a code with two names). */
export interface Note {
  subject: Subject;
  location: SourceLocation;
  related?: SourceLocation[];
  message: Msg;
  stated?: string | null;
  computed?: string | null;
  difference?: string | null;
  tolerance?: string | null;
  /**
   * Worth knowing but never a problem by itself (e.g. a hidden sheet): reported as `info` whatever the
   * rule's severity (unless the rule is off), so that one rule can note the harmless and flag the rest.
   */
  informational?: boolean;
}

export interface RuleContext {
  readonly lang: Lang;
  sum(identity: SumIdentity): void;
  /** `a = b`: shorthand for a sum with one part. */
  equal(subject: Subject, a: Amount, b: Amount, relation: Msg): void;
  atMost(identity: AtMostIdentity): void;
  /**
   * `total ≥ Σ sign·part`: a whole of which the parts stated are some, not necessarily all (a 类's 年初预算 and the
   * 项 stated under it). The finding is at the total.
   */
  atLeast(identity: SumIdentity): void;
  /** A printed percentage against the ratio of amounts it describes. */
  ratio(identity: RatioIdentity): void;
  report(note: Note): void;
  /**
   * The identities declared so far in this run (by the rules before this one) that hold or hold within
   * rounding on their own, as linear constraints — for checks over the whole system (rounding-consistency).
   */
  system(): LinearConstraint[];
  /** Human-readable description of a subject (表3 单位 编码 名称「列」), in the run's language. */
  describe(subject: Subject): string;
  /** The tolerance mode of the run: system-wide interval reasoning only makes sense with `auto`. */
  readonly toleranceMode: "auto" | "fixed";
  /**
   * The findings the run has given so far: the rules before this one, and, for a rule that runs after the units'
   * (Rule.afterUnits), every rule run again on each budget unit's own tables. Read only.
   */
  findings(): readonly Finding[];
}

export interface Rule {
  /** Stable id, kebab-case; the doc page is docs/rules/<id>.md. */
  id: string;
  defaultSeverity: Severity;
  /** One line, English. */
  description: string;
  /** One line, Chinese. */
  descriptionZh: string;
  /**
   * The rule judges the system of identities the other rules declared (ctx.system()): the engine runs
   * it after every other rule, and it sees nothing when run alone.
   */
  judgesSystem?: boolean;
  /**
   * The rule runs after the engine, on the whole system of identities and the findings the other rules
   * gave (the diagnosis, src/diagnosis, which may need an asynchronous solver): runRules skips it, and
   * check.ts `checkDocument` runs it.
   */
  afterEngine?: boolean;
  /**
   * The rule's identities hold within one budget unit's own table set as within the department's (a 部门预算 that
   * prints each unit's 单位预算 after its own tables, BudgetDocument.units): the engine runs it again on each unit's
   * tables (model/units.ts unitDocument), its findings named with the unit. Rules of the written parts, of the
   * document as a whole (which tables it prints, its title) or of a workbook's cells are not.
   */
  unitTables?: boolean;
  /**
   * The rule compares the department with its budget units' own tables and reads what the rules found within
   * them (units-sum names the unit whose own tables disagree at the row): the engine runs it after the rules run
   * again on each unit's tables (and before the rules that judge the whole system).
   */
  afterUnits?: boolean;
  /** The rule only concerns workbooks (.xlsx): its examples cannot be shown as printed text. */
  workbookOnly?: boolean;
  /** The rule only concerns a 预算 (`budget`) or a 决算 (`final`): on the other it does not apply and is not listed as not checked. */
  stage?: "budget" | "final";
  /**
   * What a document must hold for the rule to run: each group of `tables` needs a table of one of its
   * kinds; `text` needs statements of the written parts that the claim reader recognised. A rule whose
   * requirement is not met does not run and the report lists it as not checked, with the reason.
   */
  /**
   * What the rule needs to run: tables of these kinds (one of each group), and statements of the written
   * parts — `true`: of a province's reader (Shenzhen's parts, Shanghai's 编制说明 and 决算 情况说明); a list
   * of claim kinds: those, or of the generic reader's claims (src/claims/generic.ts) the kinds listed.
   */
  requires?: { tables?: TableKind[][]; text?: boolean | readonly Claim["kind"][] };
  check(doc: BudgetDocument, ctx: RuleContext): void;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  withinRounding: boolean;
  message: string;
  table: TableId | "text";
  /** What the table holds (the same whatever number a province prints it with); null for the text. */
  tableKind?: TableKind | null;
  unit: string | null;
  code: string | null;
  item: string | null;
  column: string | null;
  stated: string | null;
  computed: string | null;
  difference: string | null;
  tolerance: string | null;
  location: SourceLocation;
  related: SourceLocation[];
  /**
   * Stable identity of the finding across edits of the document: a hash of rule, table, unit, code, item
   * and column — never the line (src/accepted.ts). Set by the report.
   */
  fingerprint?: string;
  /** The printed line the figure stands on, with the figure marked `»…«` (report; absent when unknown). */
  quote?: string;
  /** An entry of the configuration's `accepted` list matched this finding: it does not fail the run. */
  accepted?: { reason: string; until: string | null };
  /** Set on findings other findings point at (`explainedBy`); unique within a document's report. */
  id?: string;
  /** The `id` of the finding that explains this one (a diagnosis naming the mistyped figure). */
  explainedBy?: string;
  /** Diagnosis findings: details of the proposed correction (docs/diagnosis.md). */
  diagnosis?: DiagnosisDetails;
}

/** A printed figure and the value a diagnosis proposes for it. */
export interface ProposedValue {
  location: SourceLocation;
  table: TableId | "text";
  from: string;
  to: string;
}

export interface DiagnosisDetails {
  /** False when a solver program stopped at its limit (of work or nodes; time only as a safety): the best explanation found, not proven smallest. */
  proven: boolean;
  /** The other figures changed by the same explanation (when one mistake needs several figures changed). */
  together: ProposedValue[];
  /** Explanations exactly as small as this one (ties): each a set of changes; never picked silently. */
  alternatives: ProposedValue[][];
}
