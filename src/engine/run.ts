import { Decimal } from "decimal.js";
import { decimalString, type Amount } from "../model/amount.js";
import { tableLabelIn, type BudgetDocument } from "../model/document.js";
import type { SourceLocation } from "../model/location.js";
import { rowWords } from "../model/names.js";
import { unitDocument } from "../model/units.js";
import type { LinearConstraint } from "./propagate.js";
import { FlatSystem, keepFlat } from "./flat.js";
import { unmetRequirement } from "./requires.js";
import { cutOffFigure, judgeAtLeast, judgeAtMost, judgeRatio, judgeSum, ratioHoldsOnGrid, verdictStrings, type RatioVerdict, type ToleranceMode, type Verdict, type VerdictStrings } from "./evaluate.js";
import type { AtMostIdentity, Finding, Lang, Msg, Note, RatioIdentity, Rule, RuleContext, Severity, SeveritySetting, Subject, SumIdentity } from "./types.js";
import { mapArray } from "../util/arrays.js";

export interface RunOptions {
  tolerance: ToleranceMode;
  /** Per-rule severity overrides (config file, --rule). */
  severities?: Record<string, SeveritySetting>;
  lang: Lang;
  /**
   * Receives every linear identity the rules declare (whether it holds, holds within rounding or not)
   * and which findings came from identities: the diagnosis (src/diagnosis) works on this system.
   */
  log?: IdentityLog;
}

/** A declared linear identity and the index (in the returned findings) of the finding it gave, if any. */
export interface LoggedIdentity {
  constraint: LinearConstraint;
  finding: number | null;
}

/** A percentage identity that did not hold and the index (in the returned findings) of its finding. */
export interface LoggedRatio {
  identity: RatioIdentity;
  finding: number;
}

export interface IdentityLog {
  linear: LoggedIdentity[];
  /** Figures of the percentage (ratio) identities: not linear, so never changed by the diagnosis. */
  ratioFigures: Amount[];
  /**
   * The percentage identities that gave a finding, with its index: the diagnosis marks one explained when
   * the figures it proposes to correct make the percentage hold.
   */
  ratios: LoggedRatio[];
  /**
   * The percentage identities that hold on the printed figures (exactly, or as the rounded ratio): the diagnosis
   * prefers, of equally small explanations, one that leaves them holding (a budget set to 0 breaks its 完成预算的 P%).
   */
  heldRatios: RatioIdentity[];
  /** Indexes of the findings of the rules that judge the whole system (rounding-consistency). */
  systemFindings: number[];
  /**
   * Set by runRules: the system it declared (the identities of `linear` that hold or hold within rounding, in its
   * order) with its flat form (engine/flat.ts), and the indexes in `linear` of the others (beyond rounding), so that a
   * walk of every identity's figures can read the flat arrays. Trusted only while `system.length + outside.length`
   * is `linear.length` (nothing added to `linear` but by the engine).
   */
  declared?: { system: LinearConstraint[]; flat: FlatSystem; outside: number[] };
}

export function emptyLog(): IdentityLog {
  return { linear: [], ratioFigures: [], ratios: [], heldRatios: [], systemFindings: [] };
}

/**
 * What a finding is about, as its message begins: `表3 深圳市科学馆 2060702 一般科学研究「合计」`, `T3 … [合计]`; the
 * table named as the document prints it (model/document.ts tableLabel: `表8` / `T9 (表8)` for a document read by
 * kind whose 表8 is `T9`).
 */
export function subjectText(s: Subject, lang: Lang, doc: Pick<BudgetDocument, "tables">): string {
  const table = s.table === "text" ? (lang === "zh" ? "文字部分" : "text") : tableLabelIn(doc, s.table, lang);
  const row = rowWords(s.unit, s.code, s.item);
  let text = row ? `${table} ${row}` : table;
  if (s.column) text += lang === "zh" ? `「${s.column}」` : ` [${s.column}]`;
  return text;
}

/**
 * A verdict's figures as the document prints them: a text's 元 figures are held in 万元 (claims/para.ts,
 * `printedIn`), so an identity of such figures alone is written in 元, as its figures are printed.
 */
function printedStrings(v: Verdict, amounts: Amount[]): VerdictStrings {
  const n = verdictStrings(v);
  if (!amounts.every((a) => a.printedIn === "元")) return n;
  const yuan = (x: string) => decimalString(new Decimal(x).times(10000));
  return { stated: yuan(n.stated), computed: yuan(n.computed), difference: yuan(n.difference), tolerance: yuan(n.tolerance) };
}

function arithmeticMessage(s: Subject, relation: Msg, v: Verdict, n: VerdictStrings, lang: Lang, kind: "sum" | "at-most" | "at-least", doc: BudgetDocument): string {
  const subject = subjectText(s, lang, doc);
  const short = n.difference.replace(/^-/, "");
  if (lang === "zh") {
    const verdict = v.withinRounding ? "，在尾数误差范围内" : "，超出尾数误差";
    if (kind === "at-most") return `${subject}：${n.stated} 不应大于${relation.zh} ${n.computed}，超出 ${n.difference}（容差 ${n.tolerance}）${verdict}`;
    if (kind === "at-least") return `${subject}：列示 ${n.stated}，不应小于${relation.zh} ${n.computed}，少 ${short}（容差 ${n.tolerance}）${verdict}`;
    return `${subject}：列示 ${n.stated}，${relation.zh} ${n.computed}，相差 ${n.difference}（容差 ${n.tolerance}）${verdict}`;
  }
  const verdict = v.withinRounding ? ", within rounding" : ", beyond rounding";
  if (kind === "at-most") return `${subject}: ${n.stated} should not exceed ${relation.en} ${n.computed}, over by ${n.difference} (tolerance ${n.tolerance})${verdict}`;
  if (kind === "at-least") return `${subject}: printed ${n.stated}, not less than ${relation.en} ${n.computed}, short by ${short} (tolerance ${n.tolerance})${verdict}`;
  return `${subject}: printed ${n.stated}, ${relation.en} ${n.computed}, difference ${n.difference} (tolerance ${n.tolerance})${verdict}`;
}

/** `327` or `(2247 − 327 = 1920)`: the printed amounts of a ratio's side, and their sum when several. */
function termsText(terms: RatioIdentity["numerator"], mixed = false): string {
  // A 元 figure held in 万元 beside figures printed in 万元: its 万元 value is what is divided (380,000.00 元 = 38 万元).
  if (terms.length === 1 && (terms[0].sign ?? 1) === 1) return mixed && terms[0].amount.printedIn === "元" ? `(${terms[0].amount.text} 元 = ${decimalString(terms[0].amount.value)} 万元)` : terms[0].amount.text;
  const expr = mapArray(terms, (t, i) => `${i === 0 ? ((t.sign ?? 1) < 0 ? "−" : "") : (t.sign ?? 1) < 0 ? " − " : " + "}${t.amount.text}`).join("");
  const held = terms.reduce((acc, t) => acc.plus(t.amount.value.times(t.sign ?? 1)), new Decimal(0));
  // Figures the text prints in 元, held in 万元: their sum in 元 too.
  const sum = terms.every((t) => t.amount.printedIn === "元") ? held.times(10000) : held;
  // The sum written as the document writes its amounts: with thousands separators when they have them.
  const grouped = terms.some((t) => t.amount.text.includes(",")) ? decimalString(sum).replace(/^(-?\d+)/, (d) => d.replace(/\B(?=(\d{3})+$)/g, ",")) : decimalString(sum);
  return `(${expr} = ${grouped})`;
}

/**
 * A printed percentage against the one its amounts give, with the amounts used
 * (`327 ÷ (2247 − 327 = 1920) = 17%`) and percentages shown at the precision the document prints
 * (the finding's `computed` field keeps one digit more).
 */
function ratioMessage(id: RatioIdentity, v: RatioVerdict, lang: Lang, doc: BudgetDocument): string {
  const n = verdictStrings(v);
  const subject = subjectText(id.subject, lang, doc);
  // One digit more than the printed percentage, at least two: a range shown at the printed precision
  // would seem to hold a printed 10.15% that 10.158%–10.159% does not.
  const places = Math.max(2, id.percent.decimals + 1);
  const range = `${decimalString(v.lo.toDecimalPlaces(places, Decimal.ROUND_FLOOR))}%–${decimalString(v.hi.toDecimalPlaces(places, Decimal.ROUND_CEIL))}%`;
  // Rounded once from the exact ratio (v.computed has one digit more: rounding it again could round twice,
  // 55.45% → 55.5% → 56%).
  const printed = (x: Decimal) => x.toFixed(id.percent.decimals);
  const computed = printed(v.rounded);
  // Figures some printed in 元 and some in 万元 (a 元 table's budget beside the text's 万元 figure).
  const all = [...id.numerator, ...id.denominator];
  const mixed = all.some((t) => t.amount.printedIn === "元") && all.some((t) => t.amount.printedIn !== "元");
  const expr = `${termsText(id.numerator, mixed)} ÷ ${termsText(id.denominator, mixed)}`;
  const alt = v.explainedBy ? id.alternatives![v.explainedBy.index] : null;
  const altExpr = alt && v.explainedBy ? `${termsText(id.numerator, mixed)} ÷ ${termsText(alt.denominator, mixed)} = ${printed(v.explainedBy.rounded)}%` : "";
  if (lang === "zh") {
    const verdict = v.withinRounding ? "，在尾数误差范围内" : "，超出尾数误差";
    const base = alt && !v.withinRounding ? `；列示数与 ${alt.relation.zh}：${altExpr} 相符，似以此为基数计算` : "";
    const cut = v.truncated ? `；列示数是比率${id.percent.decimals === 0 ? "取整" : `保留 ${id.percent.decimals} 位小数`}时截尾（未四舍五入）所得，四舍五入应为 ${computed}%` : "";
    return `${subject}：列示 ${n.stated}%，按 ${id.relation.zh}：${expr} 应为 ${computed}%（各数尾数范围内可为 ${range}，相差 ${n.difference}，容差 ${n.tolerance}）${verdict}${base}${cut}`;
  }
  const verdict = v.withinRounding ? ", within rounding" : ", beyond rounding";
  const base = alt && !v.withinRounding ? `; the printed figure matches ${alt.relation.en}: ${altExpr}: it seems to have used that base` : "";
  const cut = v.truncated ? `; the printed figure is the ratio cut off (truncated) ${id.percent.decimals === 0 ? "to a whole number" : `at ${id.percent.decimals} decimal place${id.percent.decimals === 1 ? "" : "s"}`}, not rounded: rounded it reads ${computed}%` : "";
  return `${subject}: printed ${n.stated}%, ${id.relation.en}: ${expr} = ${computed}% (the rounding intervals allow ${range}; difference ${n.difference}, tolerance ${n.tolerance})${verdict}${base}${cut}`;
}

/** A rule's severity, or warning where that is more severe: a figure cut off (截尾) rather than rounded. */
function atMostWarning(severity: Severity): Severity {
  return severityRank(severity) < severityRank("warning") ? "warning" : severity;
}

/** The end of a sum message when one figure is the other cut off at its printed places. */
function cutOffNote(cut: { figure: Amount; rounded: Decimal }, lang: Lang): string {
  const d = cut.figure.decimals;
  const rounded = cut.rounded.toFixed(d);
  if (lang === "zh") return `；列示的 ${cut.figure.text} 是另一数${d === 0 ? "取整" : `保留 ${d} 位小数`}时截尾（未四舍五入）所得，四舍五入应为 ${rounded}`;
  return `; the printed ${cut.figure.text} is the other figure cut off (truncated) ${d === 0 ? "to a whole number" : `at ${d} decimal place${d === 1 ? "" : "s"}`}, not rounded: rounded it reads ${rounded}`;
}

/**
 * The place of a location as a key (samePlace, and the same column): one Set lookup instead of a scan.
 * Fields joined by NUL, an absent one written as SOH (neither occurs in a path, sheet name or A1 address),
 * which tells the same places apart as a JSON array of them did, without building the array and its JSON.
 */
function placeKey(l: SourceLocation): string {
  return `${l.file}\u0000${l.line ?? "\u0001"}\u0000${l.sheet ?? "\u0001"}\u0000${l.cell ?? "\u0001"}\u0000${l.column ?? "\u0001"}`;
}

/**
 * A text position in `file` (no sheet, no cell, a line and a column) as one number, else −1. Two such
 * positions have the same placeKey exactly when they have the same number, and never the placeKey of a
 * location this does not number (its file, sheet, cell, line or column would differ).
 */
function positionKey(l: SourceLocation, file: string): number {
  const { line, column } = l;
  if (l.file !== file || l.sheet != null || l.cell != null) return -1;
  if (typeof line !== "number" || typeof column !== "number" || !Number.isInteger(line) || !Number.isInteger(column)) return -1;
  if (line < 0 || column < 0 || line >= 2 ** 31 || column >= 2 ** 21) return -1;
  return line * 2 ** 21 + column;
}

/**
 * Related locations without repeats and without the finding's own place, in first-seen order (linear).
 * Most are positions in the finding's own file: told apart by positionKey, without a key string per
 * location (a finding of a sum lists every part; this was ~1.5% of a batch worker's time).
 */
function uniqueLocations(locs: SourceLocation[], exclude: SourceLocation): SourceLocation[] {
  const out: SourceLocation[] = [];
  const file = exclude.file;
  const positions = new Set<number>();
  let keys: Set<string> | null = null;
  const excluded = positionKey(exclude, file);
  if (excluded >= 0) positions.add(excluded);
  else keys = new Set([placeKey(exclude)]);
  for (const l of locs) {
    const p = positionKey(l, file);
    if (p >= 0) {
      if (positions.has(p)) continue;
      positions.add(p);
    } else {
      const k = placeKey(l);
      keys ??= new Set();
      if (keys.has(k)) continue;
      keys.add(k);
    }
    out.push(l);
  }
  return out;
}

function subjectFields(s: Subject, doc: BudgetDocument) {
  let tableKind: Finding["tableKind"] = null;
  if (s.table !== "text")
    for (const t of doc.tables)
      if (t.id === s.table) {
        tableKind = t.kind;
        break;
      }
  return { table: s.table, tableKind, unit: s.unit ?? null, code: s.code ?? null, item: s.item ?? null, column: s.column ?? null };
}

/**
 * Runs every enabled rule over one document. Rules only declare identities and notes; severity,
 * rounding and messages are decided here, the same way for every rule.
 */
export function runRules(doc: BudgetDocument, rules: Rule[], options: RunOptions): Finding[] {
  const findings: Finding[] = [];
  // The system the rules declare, as objects (RuleContext.system()) and in flat arrays written as they are declared
  // (engine/flat.ts), which the joint rounding check reads.
  const system: LinearConstraint[] = [];
  const flat = FlatSystem.forDocument();
  keepFlat(system, flat);
  if (options.log && options.log.linear.length === 0) options.log.declared = { system, flat, outside: [] };
  // Rules that judge the whole system of identities run after the rules that declare them.
  // Rules that run after the engine (the diagnosis, src/diagnosis) are not run here.
  // Rules that read what was found within the units' own tables (Rule.afterUnits) run after those.
  const ordered: Rule[] = [];
  for (const r of rules) if (!r.afterEngine && !r.judgesSystem && !r.afterUnits) ordered.push(r);
  for (const r of rules) if (!r.afterEngine && !r.judgesSystem && r.afterUnits) ordered.push(r);
  for (const r of rules) if (!r.afterEngine && r.judgesSystem) ordered.push(r);
  // Each budget unit's own tables (BudgetDocument.units), after the department's: the rules that hold within a table
  // set run again on each unit's, before the rules that judge the whole system (which then holds them all).
  const units = doc.units?.length ? mapArray(doc.units, (u) => ({ name: u.name, doc: unitDocument(doc, u) })) : [];
  let unitsDone = units.length === 0;
  for (const rule of ordered) {
    const setting: SeveritySetting = options.severities?.[rule.id] ?? rule.defaultSeverity;
    if (!unitsDone && (rule.judgesSystem || rule.afterUnits)) {
      unitsDone = true;
      runOnUnits(units, ordered, findings, system, flat, options);
    }
    if (setting === "off" || unmetRequirement(doc, rule, options.lang)) continue;
    const severity: Severity = setting;
    rule.check(doc, new EngineContext(doc, rule, severity, findings, system, flat, options));
  }
  if (!unitsDone) runOnUnits(units, ordered, findings, system, flat, options);
  return findings;
}

/** The rules that hold within a table set (Rule.unitTables) on each unit's tables, their subjects named with the unit. */
function runOnUnits(units: { name: string; doc: BudgetDocument }[], ordered: Rule[], findings: Finding[], system: LinearConstraint[], flat: FlatSystem, options: RunOptions): void {
  for (const u of units)
    for (const rule of ordered) {
      const setting: SeveritySetting = options.severities?.[rule.id] ?? rule.defaultSeverity;
      if (!rule.unitTables || setting === "off" || unmetRequirement(u.doc, rule, options.lang)) continue;
      rule.check(u.doc, new EngineContext(u.doc, rule, setting, findings, system, flat, options, u.name));
    }
}

/**
 * What one rule sees of the engine for one document. A class, not an object of closures made per rule
 * and document: V8 holds a closure's optimised code only while some instance of it lives, and optimised
 * the engine's closures again after most collections (docs/performance.md, "Fourth pass").
 */
class EngineContext implements RuleContext {
  readonly lang: Lang;
  readonly toleranceMode: "auto" | "fixed";
  private readonly log: IdentityLog | undefined;

  constructor(
    private readonly doc: BudgetDocument,
    private readonly rule: Rule,
    private readonly severity: Severity,
    private readonly given: Finding[],
    private readonly declared: LinearConstraint[],
    /** `declared` in flat arrays (engine/flat.ts): every identity pushed to one is pushed to the other. */
    private readonly flat: FlatSystem,
    private readonly options: RunOptions,
    /** The budget unit whose own tables the rule reads (runOnUnits): every subject is named with it. */
    private readonly unit: string | null = null,
  ) {
    this.lang = options.lang;
    this.toleranceMode = options.tolerance.kind;
    this.log = options.log;
  }

  system(): LinearConstraint[] {
    return this.declared;
  }

  findings(): readonly Finding[] {
    return this.given;
  }

  describe(s: Subject): string {
    return subjectText(s, this.lang, this.doc);
  }

  /**
   * Declares a constraint that holds exactly on the integer grid (`eq`: Σ = 0, `le`: Σ ≤ 0) and logs it; false
   * when it does not, and nothing is declared yet.
   */
  private holdsOnGrid(kind: LinearConstraint["kind"], terms: LinearConstraint["terms"], subject: Subject, location: SourceLocation): boolean {
    // Written into the flat system, which works out whether it holds from the terms as it writes them; taken out
    // again when it does not.
    const flat = this.flat;
    flat.push(kind, terms, undefined);
    if (flat.holds[flat.size - 1] !== 1) {
      flat.pop();
      return false;
    }
    const constraint: LinearConstraint = { kind, terms, subject, location, holds: true };
    this.declared.push(constraint);
    this.log?.linear.push({ constraint, finding: null });
    return true;
  }

  /**
   * Declares a judged constraint (into the system when it holds, or holds within rounding) and logs it with the
   * finding about to be made; true when it holds.
   */
  private declareJudged(kind: LinearConstraint["kind"], terms: LinearConstraint["terms"], subject: Subject, location: SourceLocation, v: Verdict): boolean {
    const constraint: LinearConstraint = { kind, terms, subject, location, holds: v.holds };
    if (v.holds || v.withinRounding) {
      this.declared.push(constraint);
      this.flat.push(kind, terms, v.holds);
    } else this.log?.declared?.outside.push(this.log.linear.length);
    this.log?.linear.push({ constraint, finding: v.holds ? null : this.given.length });
    return v.holds;
  }

  /** A subject of the unit's own tables: its unit, where the row names none of its own. */
  private scoped<T extends { subject: Subject }>(id: T): T {
    if (this.unit === null || id.subject.table === "text" || id.subject.unit) return id;
    return { ...id, subject: { ...id.subject, unit: this.unit } };
  }

  sum(identity: SumIdentity): void {
    const id = this.scoped(identity);
    const terms: LinearConstraint["terms"] = new Array(id.parts.length + 1);
    terms[0] = { amount: id.total, coef: 1 };
    for (let j = 0; j < id.parts.length; j++) terms[j + 1] = { amount: id.parts[j].amount, coef: id.parts[j].sign === -1 ? 1 : -1 };
    // Most identities hold exactly: decided on the integer grid, no verdict (and no decimal) made.
    if (this.holdsOnGrid("eq", terms, id.subject, id.total.location)) return;
    const v = judgeSum(id, this.options.tolerance);
    if (this.declareJudged("eq", terms, id.subject, id.total.location, v)) return;
    const related: SourceLocation[] = [];
    for (const p of id.parts) related.push(p.amount.location);
    // Two figures that should be equal, one the other cut off (截尾) at its printed places: a warning at most,
    // that says so and what the figure reads rounded.
    const cut = !v.withinRounding && id.parts.length === 1 && id.parts[0].sign !== -1 ? cutOffFigure(id.total, id.parts[0].amount) : null;
    const n = printedStrings(v, [id.total, ...mapArray(id.parts, (p) => p.amount)]);
    const message = arithmeticMessage(id.subject, id.relation, v, n, this.lang, "sum", this.doc) + (cut ? cutOffNote(cut, this.lang) : "");
    this.fromVerdict(id.subject, v, message, id.total.location, related, cut ? atMostWarning(this.severity) : undefined, n);
  }

  equal(subject: Subject, a: Amount, b: Amount, relation: Msg): void {
    this.sum({ subject, total: a, parts: [{ amount: b }], relation });
  }

  atMost(identity: AtMostIdentity): void {
    const id = this.scoped(identity);
    const terms: LinearConstraint["terms"] = [
      { amount: id.part, coef: 1 },
      { amount: id.whole, coef: -1 },
    ];
    if (this.holdsOnGrid("le", terms, id.subject, id.part.location)) return;
    const v = judgeAtMost(id, this.options.tolerance);
    if (this.declareJudged("le", terms, id.subject, id.part.location, v)) return;
    const n = printedStrings(v, [id.part, id.whole]);
    this.fromVerdict(id.subject, v, arithmeticMessage(id.subject, id.relation, v, n, this.lang, "at-most", this.doc), id.part.location, [id.whole.location], undefined, n);
  }

  atLeast(identity: SumIdentity): void {
    const id = this.scoped(identity);
    const terms: LinearConstraint["terms"] = new Array(id.parts.length + 1);
    terms[0] = { amount: id.total, coef: -1 };
    for (let j = 0; j < id.parts.length; j++) terms[j + 1] = { amount: id.parts[j].amount, coef: id.parts[j].sign === -1 ? -1 : 1 };
    if (this.holdsOnGrid("le", terms, id.subject, id.total.location)) return;
    const v = judgeAtLeast(id, this.options.tolerance);
    if (this.declareJudged("le", terms, id.subject, id.total.location, v)) return;
    const related: SourceLocation[] = [];
    for (const p of id.parts) related.push(p.amount.location);
    const n = printedStrings(v, [id.total, ...mapArray(id.parts, (p) => p.amount)]);
    this.fromVerdict(id.subject, v, arithmeticMessage(id.subject, id.relation, v, n, this.lang, "at-least", this.doc), id.total.location, related, undefined, n);
  }

  ratio(identity: RatioIdentity): void {
    const id = this.scoped(identity);
    const figures = this.log?.ratioFigures;
    if (figures) {
      figures.push(id.percent);
      for (const t of id.numerator) figures.push(t.amount);
      for (const t of id.denominator) figures.push(t.amount);
    }
    // Most printed percentages are the rounded ratio: decided on the integer grid, no division made.
    if (ratioHoldsOnGrid(id)) {
      this.log?.heldRatios.push(id);
      return;
    }
    const v = judgeRatio(id);
    if (!v) return;
    if (v.holds) {
      this.log?.heldRatios.push(id);
      return;
    }
    const related: SourceLocation[] = [];
    for (const t of id.numerator) related.push(t.amount.location);
    for (const t of id.denominator) related.push(t.amount.location);
    this.log?.ratios.push({ identity: id, finding: this.given.length });
    // A truncated percentage (截尾, not 四舍五入) is a slip of presentation, not of the figures: a warning at most.
    this.fromVerdict(id.subject, v, ratioMessage(id, v, this.lang, this.doc), id.percent.location, related, v.truncated ? atMostWarning(this.severity) : undefined);
  }

  report(raw: Note): void {
    const note = this.scoped(raw);
    const lang = this.lang;
    if (this.rule.judgesSystem) this.log?.systemFindings.push(this.given.length);
    this.given.push({
      ruleId: this.rule.id,
      severity: note.informational ? "info" : this.severity,
      withinRounding: false,
      message: `${subjectText(note.subject, lang, this.doc)}：${note.message[lang]}`.replace(/^(.*?)：/, lang === "en" ? "$1: " : "$1："),
      ...subjectFields(note.subject, this.doc),
      stated: note.stated ?? null,
      computed: note.computed ?? null,
      difference: note.difference ?? null,
      tolerance: note.tolerance ?? null,
      location: note.location,
      related: uniqueLocations(note.related ?? [], note.location),
    });
  }

  private fromVerdict(subject: Subject, v: Verdict, message: string, location: SourceLocation, related: SourceLocation[], severity?: Severity, strings: VerdictStrings = verdictStrings(v)): void {
    this.given.push({
      ruleId: this.rule.id,
      severity: v.withinRounding ? "info" : (severity ?? this.severity),
      withinRounding: v.withinRounding,
      message,
      ...subjectFields(subject, this.doc),
      ...strings,
      location,
      related: uniqueLocations(related, location),
    });
  }
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
export function severityRank(s: Severity): number {
  return ORDER[s];
}
