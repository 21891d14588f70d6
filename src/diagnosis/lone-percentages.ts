import { Decimal } from "decimal.js";
import { decimalString, halfUnit, type Amount } from "../model/amount.js";
import type { BudgetDocument } from "../model/document.js";
import type { SourceLocation } from "../model/location.js";
import type { Finding, Lang, ProposedValue, RatioIdentity, Severity, Subject } from "../engine/types.js";
import { subjectText, type IdentityLog } from "../engine/run.js";
import { placeOrder } from "./values.js";
import type { LinearConstraint } from "../engine/propagate.js";
import { pushTo } from "../model/queries.js";
import { figuresOf, holdsWithinRounding } from "./system.js";
import { mapArray } from "../util/arrays.js";
import { makeGrid, printedLike, withUnits } from "./figures.js";
import { holdingInterval, percentPoint, percentValues, trialPercent, trialRatio } from "./percentages.js";
import { explainedSeverity, figureSubjects, subjectFields } from "./subjects.js";

/**
 * A printed percentage that fails alone: no identity of the program is off with it, so the diagnosis of the
 * identities (index.ts) names nothing, and the percentage's own finding says only what it should be if its amounts
 * are right. Often they are not: 比2024年预算数增加 49.31 万元，增长 4.71% over this year's 873.60, whose last-year figure
 * is printed nowhere, is a change typed wrong (39.31) as often as a percentage. The only identity that holds the
 * change is that percentage, so either figure alone settles it: the two are equally small explanations.
 *
 * This names them, for each failing percentage none of whose figures the identities doubt:
 * - the percentage itself, at the value its figures give;
 * - each amount of it that no identity of the program holds (a figure of the written parts the tables do not print),
 *   between the values at which the percentage holds (percentValues), unless that makes wrong a percentage that holds;
 * an amount that makes several failing percentages hold at once (a change read by its 增长 P% and by its 占 Q%) is the
 * one smaller explanation. Of those as small, one whose printed digits read as the value it should have with one digit
 * mistyped comes first (the chance of that is small where the values that hold are few against the distance, see
 * `typingSlip`); else the percentage, the figure computed from the others. Where only the percentage could be wrong
 * (every amount of it is held by identities that hold), its own finding says all there is, and nothing is added.
 * See docs/diagnosis.md, "A percentage that fails alone".
 */

interface Candidate {
  /** The figure to correct: an amount of the percentage, or the printed percentage itself. */
  figure: Amount;
  isPercent: boolean;
  /** The values (in units of its last printed digit) at which it makes the percentages in `settles` hold. */
  lo: bigint;
  hi: bigint;
  /** The value proposed: a typing slip's within [lo, hi], else the one nearest what the figures compute (the percentage) or the printed figure (an amount). */
  to: bigint;
  /** A value within [lo, hi] that reads as the printed digits with one of them mistyped, as `typingSlip` judges it. */
  slip: bigint | null;
  /** The failing percentages it makes hold (indexes into log.ratios). */
  settles: number[];
}

const placeOf = (l: SourceLocation) => `${l.file}\u0000${l.line ?? ""}\u0000${l.column ?? ""}\u0000${l.sheet ?? ""}\u0000${l.cell ?? ""}`;
/** placeOf(x) === placeOf(y), without making the keys (asked of every term of every percentage an amount is tried in). */
const samePlace = (x: SourceLocation, y: SourceLocation) =>
  x === y || (x.file === y.file && (x.line ?? "") === (y.line ?? "") && (x.column ?? "") === (y.column ?? "") && (x.sheet ?? "") === (y.sheet ?? "") && (x.cell ?? "") === (y.cell ?? ""));
/** The same printed figure: the amount itself, or one read at its place with its decimals. */
const sameFigure = (b: Amount, a: Amount) => b === a || (b.decimals === a.decimals && samePlace(b.location, a.location));
const isFigureOf = (identity: RatioIdentity, a: Amount) => identity.numerator.some((t) => sameFigure(t.amount, a)) || identity.denominator.some((t) => sameFigure(t.amount, a));
const unitsOf = (a: Amount): bigint => BigInt(a.value.times(new Decimal(10).pow(a.decimals)).toFixed(0));

/**
 * Values whose digits read as those of `printed` (≥ 0, in units of its last digit) with one typing slip: a digit
 * changed, two adjacent digits swapped, a digit left out or one typed twice or added.
 */
export function oneSlipAway(printed: bigint): Set<bigint> {
  const out = new Set<bigint>();
  if (printed < 0n) return out;
  // Worked out in numbers while every value made stays a safe integer (at most 14 digits, so at most 15 with one added);
  // in the order the digits' strings below would give them, which typingSlip's ties keep.
  if (printed < 100000000000000n) {
    slipsOfNumber(Number(printed), out);
    return out;
  }
  const d = printed.toString();
  // (Every string made here is digits: those of a count ≥ 0 with one changed, moved, left out or added.)
  const add = (s: string) => {
    if (s.length) out.add(BigInt(s));
  };
  for (let i = 0; i < d.length; i++) {
    for (let k = 0; k <= 9; k++) if (String(k) !== d[i]) add(d.slice(0, i) + k + d.slice(i + 1));
    add(d.slice(0, i) + d.slice(i + 1));
    if (i + 1 < d.length && d[i] !== d[i + 1]) add(d.slice(0, i) + d[i + 1] + d[i] + d.slice(i + 2));
  }
  for (let i = 0; i <= d.length; i++) for (let k = 0; k <= 9; k++) add(d.slice(0, i) + k + d.slice(i));
  out.delete(printed);
  return out;
}

/** oneSlipAway of a count of at most 14 digits (every slip has at most 15: a safe integer), by arithmetic on its digits (the digit i from the left has the power 10^(n−1−i)). */
function slipsOfNumber(v: number, out: Set<bigint>): void {
  const digits: number[] = [];
  for (let x = v; ; x = Math.floor(x / 10)) {
    digits.unshift(x % 10);
    if (x < 10) break;
  }
  const n = digits.length;
  const pow = [1];
  for (let k = 1; k <= n + 1; k++) pow.push(pow[k - 1] * 10);
  const add = (x: number) => {
    if (x !== v) out.add(BigInt(x));
  };
  for (let i = 0; i < n; i++) {
    const p = n - 1 - i;
    for (let k = 0; k <= 9; k++) if (k !== digits[i]) add(v + (k - digits[i]) * pow[p]);
    // (The one digit of a one-digit figure left out leaves nothing: no value.)
    if (n > 1) add(Math.floor(v / pow[p + 1]) * pow[p] + (v % pow[p]));
    if (i + 1 < n && digits[i] !== digits[i + 1]) add(v + (digits[i + 1] - digits[i]) * pow[p] + (digits[i] - digits[i + 1]) * pow[p - 1]);
  }
  for (let i = 0; i <= n; i++) {
    const below = pow[n - i];
    const high = Math.floor(v / below);
    const low = v % below;
    for (let k = 0; k <= 9; k++) add(high * below * 10 + k * below + low);
  }
}

/**
 * The value within [lo, hi] that reads as the printed digits with one slip (`oneSlipAway`), where that is evidence:
 * an interval as wide, placed at random as far from the printed figure, would seldom hold one. Near value u, at distance
 * Δ from the printed figure, the slips lie about as densely as those within Δ/2 of u (a digit's ten values are a lattice
 * of its place's spacing): the chance is that density times the interval's width, at most a tenth here. (A wide
 * interval holds one of the slips of its place by chance: 1,391.68 with 1,398.49 … 1,398.87 holding, where 1,395.68,
 * 1,396.68 … lie as near, is no evidence.) Of several, the nearest the printed figure; null where there is none.
 */
export function typingSlip(printed: bigint, lo: bigint, hi: bigint, all: Set<bigint> = oneSlipAway(printed)): bigint | null {
  const width = hi - lo + 1n;
  const dist = (u: bigint, v: bigint) => (u > v ? u - v : v - u);
  let best: bigint | null = null;
  for (const u of all) {
    if (u < lo || u > hi) continue;
    const far = dist(u, printed);
    let near = 0n;
    for (const v of all) if (dist(u, v) * 2n <= far) near++;
    if (near * width * 10n > far) continue;
    if (best === null || far < dist(best, printed)) best = u;
  }
  return best;
}

/** The percentage with figure `a` at `units`, the others as printed: null when `a` is none of its figures, else whether it holds within rounding. */
function holdsWith(identity: RatioIdentity, a: Amount, units: bigint): boolean | null {
  return isFigureOf(identity, a) ? trialRatio(identity, (b) => sameFigure(b, a))(units) : null;
}

/** The values of the printed percentage (in units of its last digit) at which it holds with its figures as printed, and the one nearest their exact ratio; its typing slip only where `slipsOf` is given (null: not asked). */
function percentCandidate(identity: RatioIdentity, k: number, slipsOf: ((u: bigint) => Set<bigint>) | null): Candidate | null {
  const p = identity.percent;
  const sum = (ts: RatioIdentity["numerator"]) => ts.reduce((s, t) => (t.sign === -1 ? s.minus(t.amount.value) : s.plus(t.amount.value)), new Decimal(0));
  const den = sum(identity.denominator);
  if (den.isZero()) return null;
  const exact = sum(identity.numerator).div(den).times(100).times(new Decimal(10).pow(p.decimals));
  const u0 = BigInt(exact.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0));
  const range = holdingInterval(u0, trialPercent(identity));
  if (!range) return null;
  const to = u0 < range.lo ? range.lo : u0 > range.hi ? range.hi : u0;
  return { figure: p, isPercent: true, ...range, to, slip: slipsOf && typingSlip(unitsOf(p), range.lo, range.hi, slipsOf(unitsOf(p))), settles: [k] };
}

/** The findings of the percentages that fail alone (see above), numbered on from `firstId` (diagnosis-N), marking the findings they explain. */
export function lonePercentageFindings(
  doc: BudgetDocument,
  findings: Finding[],
  log: IdentityLog,
  opts: { lang: Lang; severity: Severity },
  firstId: number,
): Finding[] {
  const failing: number[] = [];
  log.ratios.forEach((r, k) => {
    const f = findings[r.finding];
    if (f && !f.withinRounding && f.explainedBy === undefined) failing.push(k);
  });
  if (!failing.length) return [];
  const termsOf = (id: RatioIdentity) => [...mapArray(id.numerator, (t) => t.amount), ...mapArray(id.denominator, (t) => t.amount)];
  // The places of the failing percentages' figures that the identities of the program hold (an amount there is no free
  // figure), and of those in an identity that is off (a percentage of such a figure is no percentage that fails alone).
  // (Only the identities' figures on the lines of those figures are looked at: a place's key is made for few of them.)
  const lines = new Set<number | string>();
  for (const k of failing) for (const a of termsOf(log.ratios[k].identity)) lines.add(a.location.line ?? a.location.cell ?? "");
  // (An inequality that holds — a change at most this year's amount — holds no figure: it bounds it, amountCandidate.)
  const held = new Set<string>();
  const doubted = new Set<string>();
  const bounds = new Map<string, LinearConstraint[]>();
  const d = log.declared;
  if (d && d.system.length === d.flat.size && d.system.length + d.outside.length === log.linear.length) {
    // The identities of the system (none of them off: each holds, or holds within rounding) from the flat arrays the
    // engine wrote as they were declared, each term's line read there (docs/performance.md, "Twenty-first pass"); the
    // others from their objects.
    const { flat, system } = d;
    for (let k = 0; k < flat.size; k++)
      for (let x = flat.start[k]; x < flat.start[k + 1]; x++) {
        const line = flat.lines[x];
        const location = line >= 0 && !lines.has(line) ? null : flat.amounts[x].location;
        if (location === null || !lines.has(location.line ?? location.cell ?? "")) continue;
        const at = placeOf(location);
        if (flat.kinds[k] === 1) held.add(at);
        else pushTo(bounds, at, system[k]);
      }
    for (const k of d.outside) heldOrDoubted(log.linear[k], lines, findings, held, doubted, bounds);
  } else for (const l of log.linear) heldOrDoubted(l, lines, findings, held, doubted, bounds);
  for (const i of log.systemFindings) for (const l of [findings[i].location, ...findings[i].related]) doubted.add(placeOf(l));
  const alone = failing.filter((k) => !termsOf(log.ratios[k].identity).some((a) => doubted.has(placeOf(a.location))));
  if (!alone.length) return [];
  let subjects: Map<Amount, Subject> | null = null;
  // The slips of a printed figure, made once: an amount is tried in each failing percentage it is a figure of.
  const slips = new Map<bigint, Set<bigint>>();
  const slipsOf = (u: bigint) => {
    let all = slips.get(u);
    if (!all) slips.set(u, (all = oneSlipAway(u)));
    return all;
  };
  const out: Finding[] = [];
  const explained = new Set<number>();
  for (const k of alone) {
    if (explained.has(k)) continue;
    const { identity } = log.ratios[k];
    const candidates: Candidate[] = [];
    const seen = new Set<string>();
    for (const a of termsOf(identity)) {
      const at = placeOf(a.location);
      if (seen.has(at) || held.has(at) || a.exact) continue;
      seen.add(at);
      const c = amountCandidate(a, k, alone, explained, log, bounds.get(at) ?? [], slipsOf);
      if (c) candidates.push(c);
    }
    // (The percentage's own values, only where an amount could come before it: where none settles more failing
    // percentages than it does. Its slip tells only against an amount's: without one, it comes before them all.)
    if (!candidates.length) continue;
    const most = Math.max(...mapArray(candidates, (c) => c.settles.length));
    if (most === 1) {
      const pc = percentCandidate(identity, k, candidates.some((c) => c.slip !== null) ? slipsOf : null);
      if (pc) candidates.push(pc);
    }
    // The smallest explanations: those that make the most failing percentages hold.
    const kept = candidates
      .filter((c) => c.settles.length === most)
      .sort((x, y) => Number(y.slip !== null) - Number(x.slip !== null) || Number(y.isPercent) - Number(x.isPercent) || placeOrder(x.figure.location, y.figure.location));
    const [first, ...ties] = kept;
    // The percentage named first says no more than its own finding: nothing is added.
    if (first.isPercent) continue;
    subjects ??= figureSubjects(doc);
    const id = `diagnosis-${firstId + out.length}`;
    const settled: Finding[] = [];
    for (const j of first.settles) {
      explained.add(j);
      const f = findings[log.ratios[j].finding];
      f.explainedBy ??= id;
      settled.push(f);
    }
    out.push(candidateFinding(first, ties, identity, mapArray(first.settles, (j) => log.ratios[j].identity), settled, subjects, opts, doc, id));
  }
  return out;
}

/** The places of identity l's figures on `lines`: held by it (an equality) or bounded (an inequality), and doubted where it is off. */
function heldOrDoubted(l: IdentityLog["linear"][number], lines: Set<number | string>, findings: Finding[], held: Set<string>, doubted: Set<string>, bounds: Map<string, LinearConstraint[]>): void {
  let off: boolean | null = null;
  for (const t of l.constraint.terms) {
    if (!lines.has(t.amount.location.line ?? t.amount.location.cell ?? "")) continue;
    off ??= l.finding !== null && !!findings[l.finding] && !findings[l.finding].withinRounding;
    const at = placeOf(t.amount.location);
    if (l.constraint.kind === "eq") held.add(at);
    else pushTo(bounds, at, l.constraint);
    if (off) doubted.add(at);
  }
}

/**
 * An amount of failing percentage k that no identity holds, as a candidate: the values at which it makes that
 * percentage hold (and, where they meet, the other failing percentages of `alone` it is a figure of), unless at the
 * value proposed it makes wrong a percentage that holds.
 */
function amountCandidate(
  a: Amount,
  k: number,
  alone: number[],
  explained: Set<number>,
  log: IdentityLog,
  inequalities: LinearConstraint[],
  slipsOf: (u: bigint) => Set<bigint>,
): Candidate | null {
  const printed = unitsOf(a);
  const shared = alone.some((j) => j !== k && !explained.has(j) && isFigureOf(log.ratios[j].identity, a));
  // An amount of this percentage alone comes before it only with a slip of its digits among the values that hold: the
  // slips nearest the value the percentage points at, one either side, are tried first (most amounts have none there,
  // and the search for the values that hold is not made).
  if (!shared && !slipNear(log.ratios[k].identity, a, printed, slipsOf(printed))) return null;
  const own = percentValues(log.ratios[k].identity, a, !a.value.isNegative());
  if (!own || (own.lo <= printed && printed <= own.hi)) return null;
  let { lo, hi } = own;
  const settles = [k];
  for (const j of alone) {
    if (j === k || explained.has(j) || !isFigureOf(log.ratios[j].identity, a)) continue;
    const r = percentValues(log.ratios[j].identity, a, !a.value.isNegative());
    if (!r || r.hi < lo || r.lo > hi) continue;
    lo = r.lo > lo ? r.lo : lo;
    hi = r.hi < hi ? r.hi : hi;
    settles.push(j);
  }
  const slip = typingSlip(printed, lo, hi, slipsOf(printed));
  const to = slip ?? (printed < lo ? lo : hi);
  // A percentage that holds as printed and fails with it: not an explanation as small.
  for (let j = 0; j < log.ratios.length; j++) if (!settles.includes(j) && holdsWith(log.ratios[j].identity, a, printed) === true && holdsWith(log.ratios[j].identity, a, to) === false) return null;
  for (const r of log.heldRatios) if (holdsWith(r, a, to) === false) return null;
  // An inequality it is a figure of (held as printed) must hold with it too.
  for (const c of inequalities) {
    const t = c.terms.find((x) => sameFigure(x.amount, a));
    if (t && !holdsWithinRounding(c, makeGrid(figuresOf([c])), t.amount, to)) return null;
  }
  return { figure: a, isPercent: false, lo, hi, to, slip, settles };
}

/** Does a slip of the amount's digits nearest the value the percentage points at (one either side) make it hold? */
function slipNear(identity: RatioIdentity, a: Amount, printed: bigint, slips: Set<bigint>): boolean {
  const u0 = percentPoint(identity, a);
  if (u0 === null) return false;
  let below: bigint | null = null;
  let above: bigint | null = null;
  for (const u of slips) {
    if (u <= u0 && (below === null || u > below)) below = u;
    if (u >= u0 && (above === null || u < above)) above = u;
  }
  if (!isFigureOf(identity, a)) return false;
  const at = trialRatio(identity, (b) => sameFigure(b, a));
  for (const u of [below, above]) if (u !== null && (a.value.isNegative() || u >= 0n) && at(u)) return true;
  return false;
}

function place(l: SourceLocation): string {
  if (!l.line) return `${l.sheet ?? l.file}!${l.cell ?? ""}`;
  return l.column ? `${l.file}:${l.line}:${l.column}` : `${l.file}:${l.line}`;
}

/** The finding of an amount named first (`c`), with the candidates as small (`ties`) as its alternatives. */
function candidateFinding(
  c: Candidate,
  ties: Candidate[],
  identity: RatioIdentity,
  percents: RatioIdentity[],
  settled: Finding[],
  subjects: Map<Amount, Subject>,
  opts: { lang: Lang; severity: Severity },
  doc: BudgetDocument,
  id: string,
): Finding {
  const zh = opts.lang === "zh";
  const a = c.figure;
  const show = (x: Candidate, u: bigint) => printedLike(x.figure.text, u, x.figure.decimals) + (x.isPercent ? "%" : "");
  const subject: Subject = subjects.get(a) ?? { table: "text", code: identity.subject.code ?? null, item: identity.subject.item ?? null };
  const where = subjectText(subject, opts.lang, doc);
  const printed = a.text;
  const relation = zh ? identity.relation.zh : identity.relation.en;
  const pcts = mapArray(percents, (r) => `${r.percent.text}%`).join(zh ? "、" : ", ");
  const range = zh
    ? c.lo === c.hi
      ? `应为 ${show(c, c.lo)}`
      : `应在 ${show(c, c.lo)} 与 ${show(c, c.hi)} 之间`
    : c.lo === c.hi
      ? show(c, c.lo)
      : `a value between ${show(c, c.lo)} and ${show(c, c.hi)}`;
  let message = zh
    ? `${where}：列示 ${printed}，只有百分比 ${pcts}（${relation}）涉及它，按该百分比${range}`
    : `${where}: printed ${printed}; nothing but its percentage ${pcts} holds it (${relation}), and that holds with ${range}`;
  if (c.slip !== null)
    message += zh ? `；${show(c, c.slip)} 与列示数字只差一处笔误` : `; ${show(c, c.slip)} reads as the printed figure with one digit mistyped`;
  const alternatives: ProposedValue[][] = mapArray(ties, (t) => [proposedOf(t, subjects, identity)]);
  if (ties.length) {
    const named = mapArray(ties, (t) => `${place(t.figure.location)} ${t.figure.text}${t.isPercent ? "%" : ""} → ${t.lo === t.hi || t.isPercent ? show(t, t.to) : zh ? `${show(t, t.lo)} 至 ${show(t, t.hi)}` : `${show(t, t.lo)} … ${show(t, t.hi)}`}`).join(zh ? "；或 " : "; or ");
    const likelier = c.slip !== null && ties.every((t) => t.slip === null);
    message += zh
      ? `；同样小的另一种解释：${named}——仅凭这个百分比无法判断是哪一个数字有误${likelier ? "，一处笔误使此解释更为可能" : ""}`
      : `; an equally small explanation: ${named} — the percentage alone cannot tell which figure is wrong${likelier ? "; one mistyped digit makes this one likelier" : ""}`;
  }
  const related: SourceLocation[] = [];
  for (const l of [...mapArray(ties, (t) => t.figure.location), ...mapArray(settled, (f) => f.location)]) if (placeOf(l) !== placeOf(a.location) && !related.some((r) => placeOf(r) === placeOf(l))) related.push(l);
  const value = withUnits(a, c.to).value;
  // A value the percentage only bounds (an interval, no slip in it) is no computed value: the message says the interval.
  const determined = c.lo === c.hi || c.slip !== null;
  return {
    ruleId: "diagnosis",
    severity: explainedSeverity(opts.severity, settled),
    withinRounding: false,
    message,
    ...subjectFields(subject, doc),
    stated: decimalString(a.value),
    computed: determined ? decimalString(value) : null,
    difference: determined ? decimalString(a.value.minus(value)) : null,
    tolerance: decimalString(halfUnit(a)),
    location: a.location,
    related,
    id,
    diagnosis: { proven: true, together: [], alternatives },
  };
}

function proposedOf(c: Candidate, subjects: Map<Amount, Subject>, identity: RatioIdentity): ProposedValue {
  const a = c.figure;
  return { location: a.location, table: c.isPercent ? identity.subject.table : (subjects.get(a)?.table ?? "text"), from: a.text, to: printedLike(a.text, c.to, a.decimals) };
}
