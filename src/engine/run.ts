import { Decimal } from "decimal.js";
import { decimalString } from "../model/amount.js";
import type { BudgetDocument } from "../model/document.js";
import { samePlace, type SourceLocation } from "../model/location.js";
import type { LinearConstraint } from "./propagate.js";
import { judgeAtMost, judgeRatio, judgeSum, verdictStrings, type RatioVerdict, type ToleranceMode, type Verdict } from "./evaluate.js";
import type { Finding, Lang, Msg, RatioIdentity, Rule, RuleContext, Severity, SeveritySetting, Subject } from "./types.js";

export interface RunOptions {
  tolerance: ToleranceMode;
  /** Per-rule severity overrides (config file, --rule). */
  severities?: Record<string, SeveritySetting>;
  lang: Lang;
}

export function subjectText(s: Subject, lang: Lang): string {
  const table = s.table === "text" ? (lang === "zh" ? "文字部分" : "text") : lang === "zh" ? `表${s.table.slice(1)}` : s.table;
  const parts = [table, s.unit, s.code, s.item].filter((x): x is string => !!x);
  let text = parts.join(" ");
  if (s.column) text += lang === "zh" ? `「${s.column}」` : ` [${s.column}]`;
  return text;
}

function arithmeticMessage(s: Subject, relation: Msg, v: Verdict, lang: Lang, kind: "sum" | "at-most"): string {
  const n = verdictStrings(v);
  const subject = subjectText(s, lang);
  if (lang === "zh") {
    const verdict = v.withinRounding ? "，在尾数误差范围内" : "，超出尾数误差";
    if (kind === "at-most") return `${subject}：${n.stated} 不应大于${relation.zh} ${n.computed}，超出 ${n.difference}（容差 ${n.tolerance}）${verdict}`;
    return `${subject}：列示 ${n.stated}，${relation.zh} ${n.computed}，相差 ${n.difference}（容差 ${n.tolerance}）${verdict}`;
  }
  const verdict = v.withinRounding ? ", within rounding" : ", beyond rounding";
  if (kind === "at-most") return `${subject}: ${n.stated} should not exceed ${relation.en} ${n.computed}, over by ${n.difference} (tolerance ${n.tolerance})${verdict}`;
  return `${subject}: printed ${n.stated}, ${relation.en} ${n.computed}, difference ${n.difference} (tolerance ${n.tolerance})${verdict}`;
}

function ratioMessage(id: RatioIdentity, v: RatioVerdict, lang: Lang): string {
  const n = verdictStrings(v);
  const subject = subjectText(id.subject, lang);
  const range = `${decimalString(v.lo.toDecimalPlaces(2, Decimal.ROUND_FLOOR))}%–${decimalString(v.hi.toDecimalPlaces(2, Decimal.ROUND_CEIL))}%`;
  const alt = v.explainedBy ? id.alternatives![v.explainedBy.index] : null;
  const altValue = v.explainedBy ? decimalString(v.explainedBy.computed) : "";
  if (lang === "zh") {
    const verdict = v.withinRounding ? "，在尾数误差范围内" : "，超出尾数误差";
    const base = alt && !v.withinRounding ? `；列示数与 ${alt.relation.zh} = ${altValue}% 相符，似以此为基数计算` : "";
    return `${subject}：列示 ${n.stated}%，按 ${id.relation.zh} 应为 ${n.computed}%（各数尾数范围内可为 ${range}，相差 ${n.difference}，容差 ${n.tolerance}）${verdict}${base}`;
  }
  const verdict = v.withinRounding ? ", within rounding" : ", beyond rounding";
  const base = alt && !v.withinRounding ? `; the printed figure matches ${alt.relation.en} = ${altValue}%: it seems to have used that base` : "";
  return `${subject}: printed ${n.stated}%, ${id.relation.en} gives ${n.computed}% (the rounding intervals allow ${range}; difference ${n.difference}, tolerance ${n.tolerance})${verdict}${base}`;
}

function uniqueLocations(locs: SourceLocation[], exclude: SourceLocation): SourceLocation[] {
  const out: SourceLocation[] = [];
  for (const l of locs) {
    if (samePlace(l, exclude) && (l.column ?? null) === (exclude.column ?? null)) continue;
    if (out.some((o) => samePlace(o, l) && (o.column ?? null) === (l.column ?? null))) continue;
    out.push(l);
  }
  return out;
}

function subjectFields(s: Subject) {
  return { table: s.table, unit: s.unit ?? null, code: s.code ?? null, item: s.item ?? null, column: s.column ?? null };
}

/**
 * Runs every enabled rule over one document. Rules only declare identities and notes; severity,
 * rounding and messages are decided here, the same way for every rule.
 */
export function runRules(doc: BudgetDocument, rules: Rule[], options: RunOptions): Finding[] {
  const findings: Finding[] = [];
  const system: LinearConstraint[] = [];
  // Rules that judge the whole system of identities run after the rules that declare them.
  const ordered = [...rules.filter((r) => !r.judgesSystem), ...rules.filter((r) => r.judgesSystem)];
  for (const rule of ordered) {
    const setting: SeveritySetting = options.severities?.[rule.id] ?? rule.defaultSeverity;
    if (setting === "off") continue;
    const severity: Severity = setting;
    const fromVerdict = (subject: Subject, v: Verdict, message: string, location: SourceLocation, related: SourceLocation[]) => {
      findings.push({
        ruleId: rule.id,
        severity: v.withinRounding ? "info" : severity,
        withinRounding: v.withinRounding,
        message,
        ...subjectFields(subject),
        ...verdictStrings(v),
        location,
        related: uniqueLocations(related, location),
      });
    };
    const ctx: RuleContext = {
      lang: options.lang,
      toleranceMode: options.tolerance.kind,
      system: () => system,
      describe: (s) => subjectText(s, options.lang),
      sum(id) {
        const v = judgeSum(id, options.tolerance);
        if (v.holds || v.withinRounding)
          system.push({
            kind: "eq",
            terms: [{ amount: id.total, coef: 1 }, ...id.parts.map((p) => ({ amount: p.amount, coef: (p.sign === -1 ? 1 : -1) as 1 | -1 }))],
            subject: id.subject,
            location: id.total.location,
            holds: v.holds,
          });
        if (v.holds) return;
        fromVerdict(id.subject, v, arithmeticMessage(id.subject, id.relation, v, options.lang, "sum"), id.total.location, id.parts.map((p) => p.amount.location));
      },
      equal(subject, a, b, relation) {
        ctx.sum({ subject, total: a, parts: [{ amount: b }], relation });
      },
      atMost(id) {
        const v = judgeAtMost(id, options.tolerance);
        if (v.holds || v.withinRounding)
          system.push({ kind: "le", terms: [{ amount: id.part, coef: 1 }, { amount: id.whole, coef: -1 }], subject: id.subject, location: id.part.location, holds: v.holds });
        if (v.holds) return;
        fromVerdict(id.subject, v, arithmeticMessage(id.subject, id.relation, v, options.lang, "at-most"), id.part.location, [id.whole.location]);
      },
      ratio(id) {
        const v = judgeRatio(id);
        if (!v || v.holds) return;
        fromVerdict(id.subject, v, ratioMessage(id, v, options.lang), id.percent.location, [...id.numerator, ...id.denominator].map((t) => t.amount.location));
      },
      report(note) {
        findings.push({
          ruleId: rule.id,
          severity: note.informational ? "info" : severity,
          withinRounding: false,
          message: `${subjectText(note.subject, options.lang)}：${note.message[options.lang]}`.replace(/^(.*?)：/, options.lang === "en" ? "$1: " : "$1："),
          ...subjectFields(note.subject),
          stated: note.stated ?? null,
          computed: note.computed ?? null,
          difference: note.difference ?? null,
          tolerance: note.tolerance ?? null,
          location: note.location,
          related: uniqueLocations(note.related ?? [], note.location),
        });
      },
    };
    rule.check(doc, ctx);
  }
  return findings;
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
export function severityRank(s: Severity): number {
  return ORDER[s];
}
