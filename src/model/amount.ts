import { Decimal } from "decimal.js";
import type { SourceLocation } from "./location.js";

/**
 * A printed amount. `value` is what is printed, `decimals` how many decimals it was printed with:
 * the true amount lies in [value − ½·10^−decimals, value + ½·10^−decimals] (see docs/cli.md, rounding).
 * `nonNegative` marks amounts that cannot be below zero (budget amounts): a printed 0 then stands for
 * [0, ½·10^−decimals].
 */
export interface Amount {
  value: Decimal;
  decimals: number;
  text: string;
  location: SourceLocation;
  nonNegative: boolean;
  /**
   * A stored value rather than a printed, rounded one (e.g. a workbook cell's value behind a formula):
   * it stands for itself, an interval of width 0, so the engine allows it no rounding slack.
   * Counts (人, 辆, 个, 台) read from the text are exact too (`makeCount`).
   */
  exact?: boolean;
  /**
   * How many half units of its last printed digit (½·10^−decimals) the true amount may lie from the printed figure:
   * 1 (absent) for a figure rounded once, as every printed figure is taken to be; more for a workbook's total that a
   * sum formula adds up from cells holding rounded figures (a 合计 printed as the sum of its printed items, each half
   * a unit off at most: the total may be off by the sum of those half units; loaders/xlsx.ts, docs/cli.md).
   */
  halfUnits?: number;
  /**
   * The unit the figure is printed in, where `value` is in another: a text's 元 figure held in 万元, as the
   * text's figures are compared (claims/para.ts). Messages write a sum of such figures as printed.
   */
  printedIn?: string;
  /**
   * The printed figure as an integer count of its last printed digit, value·10^decimals (9,724 → 9724;
   * 18,976.76 → 1897676 with decimals 2): a number while that is a safe integer, a bigint beyond. Set by
   * the loaders (`withScaled`) as a non-enumerable property, so that a copy made by spreading
   * (`{ ...a, value: … }`) never carries a stale one; read it through `scaledOf` (engine/grid.ts), which
   * derives it from `value` when it is absent. The engine sums and propagates on these integers.
   */
  scaled?: number | bigint;
  /**
   * A number no other amount of this process has, in the order the amounts were read (set on printed
   * amounts, `PrintedAmount`; absent on copies and on amounts made otherwise). The engine indexes arrays by
   * it where it would otherwise look each amount up by identity in a Map (engine/propagate.ts).
   */
  readonly serial?: number;
}

/**
 * The most significant digits a printed amount may have (more is `malformed`, reason `too-many-digits`).
 * Far beyond any budget (a national budget in 元 with 2 decimals has 17), and what fixes the arithmetic's
 * precision below.
 */
export const MAX_AMOUNT_DIGITS = 40;

/**
 * decimal.js rounds every result to `precision` significant digits (20 by default, which turned 25-digit
 * amounts into false errors). A sum of amounts of at most MAX_AMOUNT_DIGITS digits spans at most
 * 2 × 40 digits (the largest integer digit to the smallest decimal) plus a few for the count of terms,
 * so 100 keeps every sum and difference exact; ratios (divisions) are computed to 100 digits and only
 * then rounded for display. Set once here, where every amount is made, for the whole process (and each
 * batch worker, which imports this module too).
 */
Decimal.set({ precision: 100 });

const FULLWIDTH_DIGITS = /[０-９]/g;

/** Normalises what converters do to numbers: thousands separators with stray spaces, full-width digits and signs. */
export function normaliseNumberText(text: string): string {
  return text
    .replace(FULLWIDTH_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[，]/g, ",")
    .replace(/[．]/g, ".")
    .replace(/[－—–−]/g, "-")
    .replace(/（/g, "(")
    .replace(/）/g, ")")
    .replace(/\s+/g, "");
}

const NUMBER = /^(-)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;
const ANY_DIGIT = /[0-9０-９]/;
/** A character that is still there after normaliseNumberText and is none of a number's: digits, , . - ( ) （ ）. */
const BEYOND_NUMBER = /[^0-9０-９,，.．\-－—–−\s()（）]/;

/** A printed number taken apart (no Decimal made yet): sign, integer digits without separators, decimals. */
interface ScannedNumber {
  negative: boolean;
  intPart: string;
  frac: string;
}

/**
 * The parts of a printed amount, or null (see parseNumber). Text already in plain ASCII form (`9,724`,
 * `972.4`, `-3`: nearly every printed amount) is matched as it is; normalising it would change nothing.
 */
function scanNumber(text: string): ScannedNumber | null {
  // Nothing, or a 汉字 first (U+3400–U+9FFF: no digit, sign, bracket or space a number may hold, before or after
  // normalising): no number, told by one character instead of the regular expressions below. The loaders ask it
  // of every empty header cell and of the words table 12 prints in its amount columns (及时, 有效保障).
  if (text === "" || startsWithIdeograph(text)) return null;
  let m = NUMBER.exec(text);
  let negative = false;
  if (!m) {
    // Without a digit (ASCII or full-width) there is no number, whatever normalising does: names, labels.
    if (!ANY_DIGIT.test(text)) return null;
    // Nor with a character that normalising keeps and a number cannot hold (2023年预算数, 2060701 科学技术支出):
    // most texts with a digit that are not numbers, turned down without the five replacements.
    if (BEYOND_NUMBER.test(text)) return null;
    let t = normaliseNumberText(text);
    const paren = /^\((.+)\)$/.exec(t);
    if (paren) {
      t = paren[1];
      negative = true;
    }
    m = NUMBER.exec(t);
    if (!m) return null;
  }
  const intPart = m[2].includes(",") ? m[2].replace(/,/g, "") : m[2];
  const frac = m[3] ?? "";
  if (significantDigits(intPart, frac) > MAX_AMOUNT_DIGITS) return null;
  return { negative: negative || !!m[1], intPart, frac };
}

/** Whether the text is a printed amount (parseNumber would not return null), without making its Decimal. */
export function isNumber(text: string): boolean {
  return scanAscii(text) !== undefined || scanNumber(text) !== null;
}

/**
 * scanPrinted for the plain ASCII forms most printed amounts take (`9,724`, `18,976.76`, `-3`, `0.05`):
 * one pass over the characters, the value counted as it goes, instead of NUMBER's match, its groups and a
 * replacement of the separators. The same grammar as NUMBER — an optional `-`, digits grouped by threes
 * or not grouped, optional decimals — and the same result. `undefined` for anything else (full-width
 * digits, spaces, brackets, a malformed grouping, more than 15 digits): scanNumber decides those.
 */
function scanAscii(text: string): Printed | undefined {
  const n = text.length;
  let i = 0;
  let negative = false;
  if (n > 0 && text.charCodeAt(0) === 45) {
    negative = true;
    i = 1;
  }
  let scaled = 0;
  let digits = 0;
  let group = 0;
  let grouped = false;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      scaled = scaled * 10 + (c - 48);
      digits++;
      group++;
    } else if (c === 44) {
      // The first group has 1 to 3 digits, every later one 3.
      if (grouped ? group !== 3 : group < 1 || group > 3) return undefined;
      grouped = true;
      group = 0;
    } else break;
  }
  if (digits === 0 || (grouped && group !== 3)) return undefined;
  let decimals = 0;
  if (i < n) {
    if (text.charCodeAt(i) !== 46) return undefined;
    for (i++; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) return undefined;
      scaled = scaled * 10 + (c - 48);
      digits++;
      decimals++;
    }
    if (decimals === 0) return undefined;
  }
  // Up to 15 digits the count is exact as a number, as scanPrinted makes it (more: a bigint, made there).
  if (digits > 15) return undefined;
  return { decimals, scaled: negative ? -scaled : scaled, negative };
}

/** A printed amount on its grid, without its Decimal: value = (negative ? −1 : 1)·|scaled|·10^−decimals. */
interface Printed {
  decimals: number;
  scaled: number | bigint;
  negative: boolean;
}

/** parseNumber without the Decimal (null: not a printed amount). */
function scanPrinted(text: string): Printed | null {
  // (A plain integer, most printed amounts, is scanAscii's: the one pass over its digits, no regular expression first.)
  const ascii = scanAscii(text);
  if (ascii !== undefined) return ascii;
  const n = scanNumber(text);
  if (!n) return null;
  // The digits without the point: the figure counted in its last printed digit.
  const digits = n.intPart + n.frac;
  const scaled: number | bigint = digits.length <= 15 ? Number(digits) : BigInt(digits);
  return { decimals: n.frac.length, scaled: n.negative ? -scaled : scaled, negative: n.negative };
}

/**
 * The Decimal of a printed amount, from its grid value: the digits of |scaled| with the point put back,
 * negated when printed negative (a printed −0 stays −0) — the value parseNumber reads from the text.
 */
function printedDecimal(p: Printed): Decimal {
  return decimalOf(p.scaled, p.decimals, p.negative);
}

function decimalOf(s: number | bigint, decimals: number, negative: boolean): Decimal {
  const digits = (typeof s === "number" ? Math.abs(s) : s < 0n ? -s : s).toString();
  if (decimals === 0) return negative ? new Decimal(digits).negated() : new Decimal(digits);
  const padded = digits.padStart(decimals + 1, "0");
  const v = new Decimal(`${padded.slice(0, -decimals)}.${padded.slice(-decimals)}`);
  return negative ? v.negated() : v;
}

/**
 * Parses a printed amount such as `9,724`, `1, 197`, `0`, `18,976.76`, `-3`, `(3)`.
 * Returns null for anything that is not a plain number (text, percentages, empty cells, `-`).
 */
export function parseNumber(text: string): { value: Decimal; decimals: number; scaled: number | bigint } | null {
  const p = scanPrinted(text);
  return p ? { value: printedDecimal(p), decimals: p.decimals, scaled: p.scaled } : null;
}

/**
 * A printed amount as the loaders make it (`printedAmount`): its Decimal `value` is made on first read
 * only. Most figures are only ever summed on the integer grid (`scaled`, engine/grid.ts), so most never
 * need one. `value` and `scaled` are accessors: a copy made by spreading (`{ ...a, value: … }`) carries
 * neither (a spread that keeps the value must name it: `{ ...a, value: a.value }`), as `scaled` was not
 * carried before (see Amount).
 */
/** The next printed amount's serial (Amount.serial): counts up for the life of the process (exact to 2^53). */
let nextSerial = 0;

class PrintedAmount implements Amount {
  decimals: number;
  text: string;
  location: SourceLocation;
  nonNegative: boolean;
  declare exact?: boolean;
  // The scan's results kept in fields of their own, not as the scan's object: one object less per
  // printed figure to keep (and for the collector to copy) while its document is checked.
  #scaled: number | bigint;
  #negative: boolean;
  #value: Decimal | undefined;
  #serial = nextSerial++;
  constructor(p: Printed, text: string, location: SourceLocation, nonNegative: boolean) {
    this.decimals = p.decimals;
    this.text = text;
    this.location = location;
    this.nonNegative = nonNegative;
    this.#scaled = p.scaled;
    this.#negative = p.negative;
  }
  get value(): Decimal {
    return (this.#value ??= decimalOf(this.#scaled, this.decimals, this.#negative));
  }
  set value(v: Decimal) {
    this.#value = v;
  }
  get scaled(): number | bigint {
    return this.#scaled;
  }
  get serial(): number {
    return this.#serial;
  }
}

/** The amount printed as `text` (already trimmed, a well-formed amount), or null when it is not one. */
function printedAmount(text: string, location: SourceLocation, nonNegative: boolean): Amount | null {
  const p = scanPrinted(text);
  return p ? new PrintedAmount(p, text, location, nonNegative) : null;
}

/**
 * What the text of a cell in an amount column is — the one place that decides it (every loader calls it):
 * - `amount`: a well-formed printed amount (`9,724`, `1, 197`, `18,976.76`, `-3`, `(3)`, full-width digits);
 * - `blank`: nothing printed (spaces only);
 * - `dash`: a dash standing for "none" (`-`, `--`, `—`, `——`, `－`, `–`, `/`); what it means is the template's;
 * - `text`: words, not a figure (`三级指标`, `2000 平方米`, `95%`): table 12 prints indicators in its amount columns;
 * - `malformed`: an attempt at a number that is not a well-formed amount (`9,7244`, `9,72,4`, `1,2,3`,
 *   `12.3.4`, `1e400`, `NaN`, `Infinity`, `0x369`), with why (`MALFORMED_REASONS` words it in en / zh).
 *   A malformed amount must never be read as an empty cell: the sums it belongs to would silently lose it.
 */
export type AmountTextClass =
  | { kind: "amount"; value: Decimal; decimals: number; scaled: number | bigint }
  | { kind: "blank" }
  | { kind: "dash" }
  | { kind: "text" }
  | { kind: "malformed"; reason: MalformedReason };

export type MalformedReason = "not-a-number" | "hexadecimal" | "exponent" | "decimal-points" | "grouping" | "too-many-digits" | "characters";

/** Each reason a printed amount is malformed, in words. */
export const MALFORMED_REASONS: Record<MalformedReason, { en: string; zh: string }> = {
  "not-a-number": { en: "not a number", zh: "不是数字" },
  hexadecimal: { en: "a hexadecimal number", zh: "十六进制数" },
  exponent: { en: "a number in exponent notation", zh: "科学计数法" },
  "decimal-points": { en: "more than one decimal point", zh: "有多个小数点" },
  grouping: { en: "thousands separators not every three digits", zh: "千分位分隔符位置不对" },
  "too-many-digits": { en: `more than ${MAX_AMOUNT_DIGITS} significant digits`, zh: `有效数字超过 ${MAX_AMOUNT_DIGITS} 位` },
  characters: { en: "characters that do not belong in an amount", zh: "含有金额中不应出现的字符" },
};

const DASH = /^([-－—–−‐]{1,2}|\/)$/;
/** Only digits, separators, signs, brackets, exponent and hex letters: a number was meant. */
const NUMBERISH = /^[\d０-９.,，．\s'’_+\-－—–−()（）eExXa-fA-F]*$/;
const SPECIAL = /^[-+]?(nan|inf|infinity|∞)$/i;

export function classifyAmountText(text: string): AmountTextClass {
  const t = text.trim();
  if (t === "") return { kind: "blank" };
  const n = parseNumber(t);
  if (n) return { kind: "amount", value: n.value, decimals: n.decimals, scaled: n.scaled };
  return notAnAmount(t);
}

/**
 * classifyAmountText for a table cell: the amount itself (with no Decimal made until its value is read),
 * else what the text is. The loaders' one way to read an amount column's cell.
 */
export function readAmountCell(text: string, location: SourceLocation, nonNegative: boolean): Amount | Exclude<AmountTextClass, { kind: "amount" }> {
  const t = text.trim();
  if (t === "") return BLANK;
  return printedAmount(t, location, nonNegative) ?? notAnAmount(t);
}

const BLANK = Object.freeze({ kind: "blank" as const });

/** classifyAmountText's kind alone: no Decimal is made for an amount (table recognition asks this of every cell). */
export function amountTextKind(text: string): AmountTextClass["kind"] {
  const t = text.trim();
  if (t === "") return "blank";
  if (startsWithIdeograph(t)) return "text";
  if (isNumber(t)) return "amount";
  return notAnAmount(t).kind;
}

/**
 * A text that starts with a 汉字 (U+3400–U+9FFF) is words: no amount, dash, NaN/∞ or number-like
 * character is in that range (full-width digits and signs are above it, the ideographic space below).
 * Names and labels, most of a table's text cells, are told apart without the five regular expressions.
 */
function startsWithIdeograph(t: string): boolean {
  const c = t.charCodeAt(0);
  return c >= 0x3400 && c <= 0x9fff;
}

const DASH_CLASS = Object.freeze({ kind: "dash" as const });
const TEXT_CLASS = Object.freeze({ kind: "text" as const });

/** What a trimmed, non-empty text that is not a well-formed amount is: a dash, words, or a malformed amount and why. */
function notAnAmount(t: string): Exclude<AmountTextClass, { kind: "amount" } | { kind: "blank" }> {
  if (startsWithIdeograph(t) || holdsWords(t)) return TEXT_CLASS;
  if (DASH.test(t.replace(/\s+/g, ""))) return DASH_CLASS;
  if (SPECIAL.test(t)) return { kind: "malformed", reason: "not-a-number" };
  if (!/[\d０-９]/.test(t) || !NUMBERISH.test(t)) return TEXT_CLASS;
  const c = normaliseNumberText(t).replace(/^\((.*)\)$/, "$1").replace(/^[-+]/, "");
  let reason: MalformedReason = "characters";
  if (/^0x[0-9a-f]+$/i.test(c)) reason = "hexadecimal";
  else if (/^[\d.]+e[-+]?\d+$/i.test(c)) reason = "exponent";
  else if ((c.match(/\./g) ?? []).length > 1) reason = "decimal-points";
  else if (/^\d+(\.\d+)?$/.test(c.replace(/,/g, "")) && c.replace(/[^\d]/g, "").replace(/^0+/, "").length > MAX_AMOUNT_DIGITS) reason = "too-many-digits";
  else if (/^[\d,]+(\.\d+)?$/.test(c)) reason = "grouping";
  return { kind: "malformed", reason };
}

/**
 * A 汉字 (U+3400–U+9FFF), a per cent sign (% ％) or ≥ ≤ anywhere in the text: words or a measure (及时, 1 场, 100%, ≥90%,
 * table 12's indicators in its amount columns), told at once. None of them is a character DASH, SPECIAL or NUMBERISH
 * allows, so notAnAmount's patterns would all fail on such a text and give `text`: the same answer, without them
 * and the copy a replacement made.
 */
function holdsWords(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if ((c >= 0x3400 && c <= 0x9fff) || c === 0x25 || c === 0xff05 || c === 0x2264 || c === 0x2265) return true;
  }
  return false;
}

/** The digits of intPart + frac without their leading zeros (counted, not copied: asked of every printed amount). */
function significantDigits(intPart: string, frac: string): number {
  let zeros = 0;
  while (zeros < intPart.length && intPart.charCodeAt(zeros) === 48) zeros++;
  if (zeros === intPart.length) for (let i = 0; i < frac.length && frac.charCodeAt(i) === 48; i++) zeros++;
  return intPart.length + frac.length - zeros;
}

export function makeAmount(text: string, location: SourceLocation, nonNegative = true): Amount | null {
  const p = scanPrinted(text);
  return p ? new PrintedAmount(p, text.trim(), location, nonNegative) : null;
}

/** Attaches `scaled` (see Amount) to an amount just made from its printed text: not enumerable, so not copied by a spread. */
export function withScaled(a: Amount, scaled: number | bigint): Amount {
  Object.defineProperty(a, "scaled", { value: scaled, enumerable: false, writable: true, configurable: true });
  return a;
}

const UNIT_POWER: Record<string, number> = { 元: 0, 千元: 3, 万元: 4, 亿元: 8 };

/**
 * The same printed figure expressed in another money unit (a table in 元 read beside text in 万元): the
 * value and its rounding interval scale together (91,016,775.35 元 = 9,101.677535 万元 ± 0.000005), so a
 * cross-reference is judged with the rounding of the coarser figure. Unknown units are left as they are.
 */
export function inUnit(a: Amount, from: string | null | undefined, to: string): Amount {
  const f = from ? UNIT_POWER[from] : undefined;
  const t = UNIT_POWER[to];
  if (f === undefined || t === undefined || f === t) return a;
  const k = t - f;
  // (A 元 figure held in 万元 says so: a message of 元 figures alone writes them in 元.)
  if (k > 0) return { ...a, value: a.value.div(new Decimal(10).pow(k)), decimals: a.decimals + k, ...(from === "元" && to === "万元" ? { printedIn: a.printedIn ?? "元" } : {}) };
  // To a smaller unit: exact multiples only when the printed decimals allow it.
  if (a.decimals + k < 0) return a;
  return { ...a, value: a.value.times(new Decimal(10).pow(-k)), decimals: a.decimals + k };
}

/** A count (人, 辆, 个): an amount that is exact, not rounded. */
export function makeCount(text: string, location: SourceLocation): Amount | null {
  const a = makeAmount(text, location);
  if (a) a.exact = true;
  return a;
}

/** ½·10^−d by d: computed once (the engine asks for it for every figure of every identity). */
const HALF_UNITS = new Map<number, Decimal>();

/** Half the last printed digit, ½·10^−decimals (times `halfUnits` for a sum of rounded figures). */
export function halfUnit(a: Amount): Decimal {
  let h = HALF_UNITS.get(a.decimals);
  if (!h) {
    h = new Decimal(5).times(new Decimal(10).pow(-(a.decimals + 1)));
    HALF_UNITS.set(a.decimals, h);
  }
  return a.halfUnits && a.halfUnits > 1 ? h.times(a.halfUnits) : h;
}

/** How many half units of its last printed digit a figure's true amount may be from it (Amount.halfUnits): 1 unless set. */
export const halfUnitsOf = (a: Amount): number => (a.halfUnits && a.halfUnits > 1 ? a.halfUnits : 1);

const INTERVALS = new WeakMap<Amount, { lo: Decimal; hi: Decimal }>();

/** The interval of true amounts the printed figure can stand for. */
export function interval(a: Amount): { lo: Decimal; hi: Decimal } {
  if (a.exact) return { lo: a.value, hi: a.value };
  let i = INTERVALS.get(a);
  if (!i) {
    if (a.exact) i = { lo: a.value, hi: a.value };
    else {
      const h = halfUnit(a);
      let lo = a.value.minus(h);
      if (a.nonNegative && a.value.gte(0) && lo.lt(0)) lo = new Decimal(0);
      i = { lo, hi: a.value.plus(h) };
    }
    INTERVALS.set(a, i);
  }
  return i;
}

/** Prints a decimal the way the report schema wants it: plain digits, no exponent, no trailing zeros. */
export function decimalString(d: Decimal): string {
  const s = d.toFixed();
  if (!s.includes(".")) return s === "-0" ? "0" : s;
  const t = s.replace(/0+$/, "").replace(/\.$/, "");
  return t === "-0" ? "0" : t;
}
